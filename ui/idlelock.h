// SPDX-FileCopyrightText: 2026 Fairnote contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// IdleLock: a team server's window hides case content after it was left idle, until the login's
// password is given again (docs/ui.md, "Locking a team server's window").
#pragma once

#include "store/errors.h"

#include <QObject>
#include <QPointer>
#include <QTimer>
#include <functional>
#include <vector>

class QDialog;
class QLabel;
class QLineEdit;
class QWidget;

namespace fairnote::ui {

// Watches the application's keyboard and mouse: when neither was used for the set time, every visible
// window of the application is covered by an opaque panel (its content hidden, its input blocked) and
// a small dialog asks for the password. Only the server decides whether the password is right (`check`);
// the covers go once it says yes. Modal dialogs stay open under their covers, so nothing typed in them
// is lost; the window saves its draft first (aboutToLock).
class IdleLock : public QObject
{
    Q_OBJECT

public:
    using Check = std::function<store::StoreResult<store::Done>(const QString &password)>;

    // `window` is the window whose session locks; `login` is named in the dialog.
    IdleLock(QWidget *window, Check check, QString login);
    ~IdleLock() override;

    // Minutes without a key or mouse press before the lock; 0: never (a deliberate setting).
    void setMinutes(int minutes);
    int minutes() const { return m_minutes; }
    // The same in milliseconds, for tests.
    void setIdleInterval(int ms);

    bool isLocked() const { return m_dialog != nullptr; }
    // Locks now (File › Lock, or, with `idle`, because the idle time passed). Returns at once; the
    // password dialog is shown without blocking the caller.
    void lock(bool idle = false);
    // Gives the password as the dialog's Unlock button does. On refusal returns false with why in `error`
    // (also shown in the dialog) and stays locked.
    bool unlock(const QString &password, QString *error = nullptr);

    // The lock dialog's parts while locked (nullptr otherwise), for tests.
    QDialog *dialog() const { return m_dialog; }
    QLineEdit *passwordField() const { return m_password; }
    // The covers over the application's windows while locked.
    std::vector<QWidget *> covers() const;

signals:
    void aboutToLock();
    void unlocked();

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void restart();
    void coverWindows();
    void uncover();

    QPointer<QWidget> m_window;
    Check m_check;
    QString m_login;
    int m_minutes = 0;
    int m_intervalMs = 0;
    QTimer m_idle;
    QDialog *m_dialog = nullptr;
    QLineEdit *m_password = nullptr;
    QLabel *m_error = nullptr;
    std::vector<QPointer<QWidget>> m_covers;
};

} // namespace fairnote::ui
