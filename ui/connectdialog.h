// SPDX-FileCopyrightText: 2026 Fairnote contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// ConnectDialog: File › Connect to a team server… — server, database, login and password; connects
// and keeps the store for a new window (docs/ui.md, "A team server"). The password is kept in the
// desktop's keyring only when the person ticks "Keep my password in this computer's keyring".
#pragma once

#include "store/postgres/open.h"
#include "store/store.h"

#include <QDialog>
#include <memory>

class QCheckBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QSettings;

namespace fairnote::ui {

class ConnectDialog : public QDialog
{
    Q_OBJECT

public:
    // `settings` gives the last server connected to (never a password) and keeps the next; may be null.
    explicit ConnectDialog(QSettings *settings, QWidget *parent = nullptr);
    ~ConnectDialog() override;

    // Connects with what the fields say (the Connect button). On success the dialog is accepted and
    // takeStore() gives the store; otherwise it stays open and says why beside the fields.
    bool tryConnect();
    std::unique_ptr<store::Store> takeStore() { return std::move(m_store); }

    store::postgres::ServerAddress address() const;
    QLineEdit *hostField() const { return m_host; }
    QLineEdit *portField() const { return m_port; }
    QLineEdit *databaseField() const { return m_database; }
    QLineEdit *loginField() const { return m_login; }
    QLineEdit *passwordField() const { return m_password; }
    QCheckBox *keepInKeyringBox() const { return m_keep; }
    QLabel *errorLabel() const { return m_error; }

private:
    QSettings *m_settings;
    QLineEdit *m_host, *m_port, *m_database, *m_login, *m_password;
    QCheckBox *m_keep;
    QLabel *m_error;
    QPushButton *m_connect;
    std::unique_ptr<store::Store> m_store;
};

} // namespace fairnote::ui
