// SPDX-FileCopyrightText: 2026 Fairnote contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// File › Connect to a team server…: the server, the database and the login (remembered in the
// settings), and the password (asked for each time, or kept in the system keyring only when the
// worker ticks the box). Connecting opens the server as the store the window works on.
#pragma once

#include "store/store.h"

#include <QDialog>
#include <memory>

class QCheckBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QSettings;
class QSpinBox;

namespace fairnote::ui::server {

class PasswordStore;

class ConnectDialog : public QDialog
{
    Q_OBJECT

public:
    // `settings` keeps the server, database and login (never the password); `passwords` is the keyring.
    ConnectDialog(QSettings *settings, PasswordStore *passwords, QWidget *parent = nullptr);
    ~ConnectDialog() override;

    // What the Connect button does: opens the server; on failure says why in the dialog and returns
    // false. On success the settings and (if asked) the keyring are updated.
    bool connectNow();
    // The server opened by connectNow(), for the caller to keep.
    std::unique_ptr<store::Store> takeStore();
    // Something to tell the worker after connecting (the keyring could not keep the password), or empty.
    QString note() const { return m_note; }

    QLineEdit *hostField() const { return m_host; }
    QSpinBox *portField() const { return m_port; }
    QLineEdit *databaseField() const { return m_database; }
    QLineEdit *loginField() const { return m_login; }
    QLineEdit *passwordField() const { return m_password; }
    QCheckBox *rememberBox() const { return m_remember; }
    QLabel *problemLabel() const { return m_problem; }

private:
    QString key() const;

    QSettings *m_settings;
    PasswordStore *m_passwords;
    QLineEdit *m_host, *m_database, *m_login, *m_password;
    QSpinBox *m_port;
    QCheckBox *m_remember;
    QLabel *m_problem, *m_keyringNote;
    QPushButton *m_connect;
    std::unique_ptr<store::Store> m_store;
    QString m_note;
};

} // namespace fairnote::ui::server
