// SPDX-FileCopyrightText: 2026 Fairnote contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// The idle lock: covers over every window, and a password dialog that only the server can open.
#include "idlelock.h"

#include <QApplication>
#include <QCloseEvent>
#include <QDialog>
#include <QDialogButtonBox>
#include <QEvent>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace fairnote::ui {

namespace {

// The password dialog: Escape and the window's close button leave it open (only the password closes it).
class LockDialog : public QDialog
{
public:
    using QDialog::QDialog;
    void reject() override {}

protected:
    void closeEvent(QCloseEvent *event) override { event->ignore(); }
};

// An opaque panel over a whole window: its content cannot be read and its input never arrives.
QWidget *makeCover(QWidget *window)
{
    auto *cover = new QWidget(window);
    cover->setObjectName(u"idleLockCover"_s);
    cover->setAutoFillBackground(true);
    cover->setAttribute(Qt::WA_NoMousePropagation);
    auto *label = new QLabel(QObject::tr("Locked: the case records are hidden until you give your password."), cover);
    label->setWordWrap(true);
    label->setAlignment(Qt::AlignHCenter | Qt::AlignTop);
    auto *layout = new QVBoxLayout(cover);
    layout->setContentsMargins(24, 48, 24, 24);
    layout->addWidget(label);
    cover->setGeometry(window->rect());
    cover->show();
    cover->raise();
    return cover;
}

bool isInput(QEvent::Type type)
{
    switch (type) {
    case QEvent::KeyPress:
    case QEvent::MouseButtonPress:
    case QEvent::MouseMove:
    case QEvent::Wheel:
    case QEvent::TouchBegin:
    case QEvent::TabletPress:
        return true;
    default:
        return false;
    }
}

} // namespace

IdleLock::IdleLock(QWidget *window, Check check, QString login)
    : QObject(window), m_window(window), m_check(std::move(check)), m_login(std::move(login))
{
    m_idle.setSingleShot(true);
    connect(&m_idle, &QTimer::timeout, this, [this] { lock(true); });
    qApp->installEventFilter(this);
}

IdleLock::~IdleLock()
{
    qApp->removeEventFilter(this);
    uncover();
    delete m_dialog;
}

void IdleLock::setMinutes(int minutes)
{
    m_minutes = std::max(0, minutes);
    setIdleInterval(m_minutes * 60 * 1000);
}

void IdleLock::setIdleInterval(int ms)
{
    m_intervalMs = std::max(0, ms);
    m_idle.stop();
    if (m_intervalMs == 0)
        return;
    m_idle.setInterval(m_intervalMs);
    if (!isLocked())
        m_idle.start();
}

void IdleLock::restart()
{
    if (!isLocked() && m_intervalMs > 0)
        m_idle.start();
}

bool IdleLock::eventFilter(QObject *watched, QEvent *event)
{
    const QEvent::Type type = event->type();
    if (!isLocked()) {
        if (isInput(type))
            restart();
        return false;
    }
    // Locked: a window shown or resized meanwhile keeps its content covered.
    if (auto *w = qobject_cast<QWidget *>(watched); w && w->isWindow() && w != m_dialog) {
        if (type == QEvent::Show) {
            bool covered = false;
            for (const auto &c : m_covers)
                covered = covered || (c && c->parentWidget() == w);
            if (!covered)
                m_covers.emplace_back(makeCover(w));
        } else if (type == QEvent::Resize) {
            for (const auto &c : m_covers)
                if (c && c->parentWidget() == w) {
                    c->setGeometry(w->rect());
                    c->raise();
                }
        }
    }
    return false;
}

void IdleLock::coverWindows()
{
    for (QWidget *w : QApplication::topLevelWidgets())
        if (w->isVisible() && w != m_dialog && !w->inherits("QMenu") && !w->inherits("QTipLabel"))
            m_covers.emplace_back(makeCover(w));
    // An open menu or tooltip shows content too: it closes.
    for (QWidget *w : QApplication::topLevelWidgets())
        if (w->isVisible() && (w->inherits("QMenu") || w->inherits("QTipLabel")))
            w->hide();
}

void IdleLock::uncover()
{
    for (const auto &c : m_covers)
        delete c.data();
    m_covers.clear();
}

std::vector<QWidget *> IdleLock::covers() const
{
    std::vector<QWidget *> out;
    for (const auto &c : m_covers)
        if (c)
            out.push_back(c);
    return out;
}

void IdleLock::lock(bool idle)
{
    if (isLocked() || !m_window)
        return;
    m_idle.stop();
    emit aboutToLock();
    coverWindows();

    m_dialog = new LockDialog(nullptr);
    m_dialog->setObjectName(u"idleLockDialog"_s);
    m_dialog->setWindowTitle(tr("Fairnote is locked"));
    m_dialog->setWindowModality(Qt::ApplicationModal);
    const QString why = idle && m_minutes > 0 ? tr("Fairnote locked itself because it was not used for %n minute(s).", nullptr, m_minutes)
                                              : idle ? tr("Fairnote locked itself because it was not used for a while.")
                                                     : tr("Fairnote is locked.");
    auto *text = new QLabel(tr("%1 Anything you were writing is kept. To see the case records again, give the password of %2.")
                                .arg(why, m_login),
                            m_dialog);
    text->setWordWrap(true);
    auto *label = new QLabel(tr("&Password:"), m_dialog);
    m_password = new QLineEdit(m_dialog);
    m_password->setObjectName(u"idleLockPassword"_s);
    m_password->setEchoMode(QLineEdit::Password);
    label->setBuddy(m_password);
    m_error = new QLabel(m_dialog);
    m_error->setObjectName(u"idleLockError"_s);
    m_error->setWordWrap(true);
    m_error->hide();
    auto *buttons = new QDialogButtonBox(m_dialog);
    auto *unlockButton = buttons->addButton(tr("&Unlock"), QDialogButtonBox::AcceptRole);
    unlockButton->setDefault(true);
    auto *layout = new QVBoxLayout(m_dialog);
    layout->addWidget(text);
    layout->addWidget(label);
    layout->addWidget(m_password);
    layout->addWidget(m_error);
    layout->addWidget(buttons);
    connect(unlockButton, &QPushButton::clicked, this, [this] {
        if (m_password)
            unlock(m_password->text());
    });
    m_dialog->setMinimumWidth(460);
    m_dialog->adjustSize();
    m_dialog->show();
    m_dialog->raise();
    m_dialog->activateWindow();
    m_password->setFocus();
}

bool IdleLock::unlock(const QString &password, QString *error)
{
    if (!isLocked())
        return true;
    const auto checked = m_check(password);
    if (!checked) {
        const QString why = checked.error().code == store::ErrorCode::NeedsPassword
                                ? tr("That password was not accepted. Give the password of %1.").arg(m_login)
                                : tr("The password cannot be checked now: %1").arg(checked.error().message);
        if (m_error) {
            m_error->setText(why);
            m_error->show();
            m_dialog->adjustSize(); // room for the message, the text above it whole
        }
        if (m_password) {
            m_password->clear();
            m_password->setFocus();
        }
        if (error)
            *error = why;
        return false;
    }
    QDialog *dialog = m_dialog;
    m_dialog = nullptr;
    m_password = nullptr;
    m_error = nullptr;
    dialog->hide();
    dialog->deleteLater();
    uncover();
    restart();
    emit unlocked();
    return true;
}

} // namespace fairnote::ui
