// SPDX-FileCopyrightText: 2026 Fairnote contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// NoticeBar: a message across the top of the window that stays until the worker dismisses it.
#pragma once

#include <QFrame>

class QHBoxLayout;
class QLabel;
class QPushButton;

namespace fairnote::ui {

// For something the worker should know but need not act on at once (spelling cannot be checked):
// unlike a message box it does not stop them writing, and unlike a status bar message it does not
// go away by itself. The text can be selected and copied (it may hold a command to run).
class NoticeBar : public QFrame
{
    Q_OBJECT

public:
    explicit NoticeBar(QWidget *parent = nullptr);

    // Shows the bar with a bold first line and the text under it (plain text).
    void showNotice(const QString &title, const QString &text);
    QString title() const;
    QString text() const;
    // A button beside Dismiss, for the one thing that would help.
    QPushButton *addButton(const QString &text);
    QPushButton *dismissButton() const { return m_dismiss; }

signals:
    // The worker closed it.
    void dismissed();

protected:
    void paintEvent(QPaintEvent *event) override;

private:
    QLabel *m_title;
    QLabel *m_text;
    QHBoxLayout *m_buttons;
    QPushButton *m_dismiss;
};

} // namespace fairnote::ui
