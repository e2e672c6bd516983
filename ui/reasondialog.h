// SPDX-FileCopyrightText: 2026 Fairnote contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// ReasonDialog: asks for the reason an entry is marked in error or amended; a blank reason is refused.
#pragma once

#include <QDialog>
#include <QString>
#include <optional>

class QLabel;
class QPlainTextEdit;
class QPushButton;

namespace fairnote::ui {

// A short explanation, a multi-line reason box and two buttons. The OK button (with the caller's
// words, e.g. "Mark in error") stays disabled until the reason has more than white space, because
// the store refuses a blank reason and the reason is what later readers rely on.
class ReasonDialog : public QDialog
{
    Q_OBJECT

public:
    ReasonDialog(const QString &title, const QString &explanation, const QString &placeholder, const QString &okText,
        QWidget *parent = nullptr);

    // Shows the dialog and returns the reason (trimmed), or nothing when the worker cancelled.
    static std::optional<QString> ask(QWidget *parent, const QString &title, const QString &explanation,
        const QString &placeholder, const QString &okText);

    // The reason as typed, trimmed.
    QString reason() const;
    QPushButton *okButton() const { return m_ok; }
    QPlainTextEdit *reasonEdit() const { return m_reason; }

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void update();

    QPlainTextEdit *m_reason;
    QLabel *m_hint;
    QPushButton *m_ok;
};

} // namespace fairnote::ui
