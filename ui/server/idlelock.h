// SPDX-FileCopyrightText: 2026 Fairnote contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// Lock on idle, for a window on a team server: after a while with no key press, click or scroll in
// the app (a setting, 10 minutes unless changed), the open draft is saved and the window's case
// content is hidden — the people, the chronology, the editor, every other window of the app, and every
// action — until the worker gives their password again (the server checks it).
#pragma once

#include <QList>
#include <QObject>
#include <QPointer>
#include <QTimer>
#include <functional>
#include <optional>

class QLabel;
class QLineEdit;
class QMainWindow;
class QPushButton;
class QWidget;
class QAction;

namespace fairnote::ui::server {

class IdleLock : public QObject
{
    Q_OBJECT

public:
    static constexpr int kDefaultMinutes = 10;
    // Checks a password: nothing when it unlocks, else what to say.
    using Check = std::function<std::optional<QString>(const QString &password)>;

    // `beforeLock` runs first (the window saves its draft); `minutes` ≤ 0 never locks.
    IdleLock(QMainWindow *window, int minutes, std::function<void()> beforeLock, Check check);
    ~IdleLock() override;

    void setMinutes(int minutes);
    int minutes() const { return m_minutes; }
    bool isLocked() const { return m_locked; }
    void lock();
    // What the Unlock button does: true when the password unlocked the window.
    bool unlockWith(const QString &password);

    QWidget *lockPage() const { return m_page; }
    QLineEdit *passwordField() const { return m_password; }
    QPushButton *unlockButton() const { return m_unlock; }
    QLabel *problemLabel() const { return m_problem; }

signals:
    void locked();
    void unlocked();

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void restart();

    QMainWindow *m_window;
    int m_minutes;
    std::function<void()> m_beforeLock;
    Check m_check;
    QTimer m_timer;
    bool m_locked = false;
    QWidget *m_page;
    QLabel *m_message, *m_problem;
    QLineEdit *m_password;
    QPushButton *m_unlock;
    QWidget *m_content = nullptr;
    QList<QPointer<QWidget>> m_hidden;               // other windows and docks hidden while locked
    QList<std::pair<QPointer<QAction>, bool>> m_actions; // every action, and whether it was enabled
    bool m_menuBarVisible = true;
};

} // namespace fairnote::ui::server
