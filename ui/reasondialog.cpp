// SPDX-FileCopyrightText: 2026 Fairnote contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// The reason dialog used for "Mark in error" and "Amend".
#include "reasondialog.h"

#include <QDialogButtonBox>
#include <QKeyEvent>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QScreen>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace fairnote::ui {

ReasonDialog::ReasonDialog(const QString &title, const QString &explanation, const QString &placeholder,
    const QString &okText, QWidget *parent)
    : QDialog(parent)
{
    setWindowTitle(title);

    auto *text = new QLabel(explanation, this);
    text->setObjectName(u"explanationLabel"_s);
    text->setWordWrap(true);
    text->setTextFormat(Qt::PlainText);

    auto *label = new QLabel(tr("&Reason:"), this);
    m_reason = new QPlainTextEdit(this);
    m_reason->setObjectName(u"reasonEdit"_s);
    m_reason->setAccessibleName(tr("Reason"));
    m_reason->setAccessibleDescription(explanation);
    m_reason->setPlaceholderText(placeholder);
    m_reason->setTabChangesFocus(true);
    m_reason->setMinimumHeight(m_reason->fontMetrics().lineSpacing() * 4);
    label->setBuddy(m_reason);

    m_hint = new QLabel(this);
    m_hint->setObjectName(u"hintLabel"_s);
    m_hint->setWordWrap(true);

    auto *buttons = new QDialogButtonBox(this);
    m_ok = buttons->addButton(okText, QDialogButtonBox::AcceptRole);
    m_ok->setObjectName(u"okButton"_s);
    QPushButton *cancel = buttons->addButton(QDialogButtonBox::Cancel);
    cancel->setText(tr("Cancel"));
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    // Enter makes a new line in the reason; Ctrl+Enter confirms from the keyboard (see eventFilter).
    m_reason->installEventFilter(this);
    m_ok->setToolTip(tr("Ctrl+Enter"));

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(text);
    layout->addSpacing(4);
    layout->addWidget(label);
    layout->addWidget(m_reason, 1);
    layout->addWidget(m_hint);
    layout->addWidget(buttons);

    connect(m_reason, &QPlainTextEdit::textChanged, this, &ReasonDialog::update);
    update();
    m_reason->setFocus();

    QSize wanted(520, 320);
    if (const QScreen *screen = this->screen())
        wanted = wanted.boundedTo(screen->availableGeometry().size() * 0.92);
    resize(wanted);
}

std::optional<QString> ReasonDialog::ask(QWidget *parent, const QString &title, const QString &explanation,
    const QString &placeholder, const QString &okText)
{
    ReasonDialog dialog(title, explanation, placeholder, okText, parent);
    if (dialog.exec() != QDialog::Accepted || dialog.reason().isEmpty())
        return std::nullopt;
    return dialog.reason();
}

bool ReasonDialog::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_reason && event->type() == QEvent::KeyPress) {
        const auto *key = static_cast<QKeyEvent *>(event);
        if ((key->key() == Qt::Key_Return || key->key() == Qt::Key_Enter) && (key->modifiers() & Qt::ControlModifier)) {
            if (m_ok->isEnabled())
                accept();
            return true;
        }
    }
    return QDialog::eventFilter(watched, event);
}

QString ReasonDialog::reason() const { return m_reason->toPlainText().trimmed(); }

// A blank reason is refused: the button stays disabled and the line under the box says why, so the
// worker is never left wondering why nothing happens.
void ReasonDialog::update()
{
    const bool given = !reason().isEmpty();
    m_ok->setEnabled(given);
    m_hint->setText(given ? tr("The reason is kept with the entry, with your name and the time, and everyone who "
                               "reads the entry can see it.")
                          : tr("Write a reason to continue. It is kept with the entry, with your name and the time."));
}

} // namespace fairnote::ui
