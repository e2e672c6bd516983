// SPDX-FileCopyrightText: 2026 Fairnote contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// Lock on idle: the window's content taken out and a password page put in its place.
#include "server/idlelock.h"

#include <QAction>
#include <QApplication>
#include <QDockWidget>
#include <QEvent>
#include <QLabel>
#include <QLineEdit>
#include <QMainWindow>
#include <QMenuBar>
#include <QPushButton>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace fairnote::ui::server {

IdleLock::IdleLock(QMainWindow *window, int minutes, std::function<void()> beforeLock, Check check)
    : QObject(window), m_window(window), m_minutes(minutes), m_beforeLock(std::move(beforeLock)), m_check(std::move(check))
{
    m_page = new QWidget;
    m_page->setObjectName(u"lockPage"_s);
    auto *title = new QLabel(tr("Fairnote is locked"), m_page);
    QFont big = title->font();
    big.setPointSizeF(big.pointSizeF() * 1.4);
    big.setBold(true);
    title->setFont(big);
    m_message = new QLabel(m_page);
    m_message->setObjectName(u"lockMessage"_s);
    m_message->setWordWrap(true);
    m_password = new QLineEdit(m_page);
    m_password->setObjectName(u"unlockPassword"_s);
    m_password->setEchoMode(QLineEdit::Password);
    m_password->setAccessibleName(tr("Your password"));
    m_password->setPlaceholderText(tr("Your password"));
    m_unlock = new QPushButton(tr("&Unlock"), m_page);
    m_unlock->setObjectName(u"unlockButton"_s);
    m_unlock->setDefault(true);
    m_problem = new QLabel(m_page);
    m_problem->setObjectName(u"unlockProblem"_s);
    m_problem->setWordWrap(true);
    m_problem->hide();
    auto *column = new QVBoxLayout;
    column->addWidget(title);
    column->addWidget(m_message);
    column->addSpacing(8);
    column->addWidget(m_password);
    column->addWidget(m_unlock, 0, Qt::AlignLeft);
    column->addWidget(m_problem);
    auto *box = new QWidget(m_page);
    box->setLayout(column);
    box->setMaximumWidth(480);
    auto *outer = new QVBoxLayout(m_page);
    outer->addStretch();
    outer->addWidget(box, 0, Qt::AlignHCenter);
    outer->addStretch(2);
    connect(m_unlock, &QPushButton::clicked, this, [this] { unlockWith(m_password->text()); });
    connect(m_password, &QLineEdit::returnPressed, this, [this] { unlockWith(m_password->text()); });

    m_timer.setSingleShot(true);
    connect(&m_timer, &QTimer::timeout, this, &IdleLock::lock);
    qApp->installEventFilter(this);
    restart();
}

IdleLock::~IdleLock()
{
    qApp->removeEventFilter(this);
    if (m_locked)
        delete m_content; // taken out of the window, owned by nobody else (the lock page is the window's)
    else
        delete m_page;
}

void IdleLock::setMinutes(int minutes)
{
    m_minutes = minutes;
    restart();
}

void IdleLock::restart()
{
    if (m_locked)
        return;
    if (m_minutes > 0)
        m_timer.start(m_minutes * 60 * 1000);
    else
        m_timer.stop();
}

bool IdleLock::eventFilter(QObject *watched, QEvent *event)
{
    switch (event->type()) {
    case QEvent::KeyPress:
    case QEvent::MouseButtonPress:
    case QEvent::Wheel:
    case QEvent::TouchBegin:
        restart();
        break;
    default:
        break;
    }
    return QObject::eventFilter(watched, event);
}

void IdleLock::lock()
{
    if (m_locked)
        return;
    if (m_beforeLock)
        m_beforeLock();
    m_locked = true;
    m_timer.stop();
    m_message->setText(m_minutes > 0 ? tr("Fairnote was not used for %n minute(s), so the case records are hidden. Your draft was saved. "
                                          "Give your password to carry on where you left off.", nullptr, m_minutes)
                                     : tr("The case records are hidden. Give your password to carry on where you left off."));
    // Every other window of the app (a history, a summary, a dialog) and the window's docks go too.
    m_hidden.clear();
    for (QWidget *w : QApplication::topLevelWidgets())
        if (w != m_window && w->isVisible() && !w->inherits("QMenu")) {
            m_hidden.append(w);
            w->hide();
        }
    for (QDockWidget *d : m_window->findChildren<QDockWidget *>())
        if (d->isVisible()) {
            m_hidden.append(d);
            d->hide();
        }
    // No action can run while locked (a shortcut would otherwise still open an entry).
    m_actions.clear();
    for (QAction *a : m_window->findChildren<QAction *>()) {
        m_actions.append({a, a->isEnabled()});
        a->setEnabled(false);
    }
    m_menuBarVisible = m_window->menuBar()->isVisible();
    m_window->menuBar()->hide();
    m_content = m_window->takeCentralWidget();
    m_window->setCentralWidget(m_page);
    m_page->show();
    m_password->clear();
    m_problem->hide();
    m_password->setFocus();
    emit locked();
}

bool IdleLock::unlockWith(const QString &password)
{
    if (!m_locked)
        return true;
    QApplication::setOverrideCursor(Qt::WaitCursor);
    const std::optional<QString> refused = m_check ? m_check(password) : std::nullopt;
    QApplication::restoreOverrideCursor();
    if (refused) {
        m_problem->setText(*refused);
        m_problem->show();
        m_password->selectAll();
        return false;
    }
    m_window->takeCentralWidget(); // the lock page, kept for next time
    m_page->setParent(nullptr);
    m_window->setCentralWidget(m_content);
    m_content = nullptr;
    m_window->menuBar()->setVisible(m_menuBarVisible);
    for (auto &[action, enabled] : m_actions)
        if (action)
            action->setEnabled(enabled);
    m_actions.clear();
    for (const QPointer<QWidget> &w : m_hidden)
        if (w)
            w->show();
    m_hidden.clear();
    m_password->clear();
    m_locked = false;
    restart();
    emit unlocked();
    return true;
}

} // namespace fairnote::ui::server
