// SPDX-FileCopyrightText: 2026 Fairnote contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// Where a team server's password may be kept, only when the worker chooses: the system keyring
// (through QtKeychain: the Secret Service on Linux, the Keychain on macOS, the Credential Store on
// Windows), never a settings file. A keyring that is not there (no keyring service running) is said
// plainly, and nothing is kept.
#pragma once

#include <QHash>
#include <QString>
#include <optional>

namespace fairnote::ui::server {

class PasswordStore
{
public:
    virtual ~PasswordStore() = default;
    // The password kept for `key`, if any. `error` says why the keyring could not be read.
    virtual std::optional<QString> read(const QString &key, QString *error = nullptr) = 0;
    // Keeps the password; false (with `error`) when the keyring cannot.
    virtual bool write(const QString &key, const QString &password, QString *error = nullptr) = 0;
    // Forgets it (nothing kept is fine).
    virtual void remove(const QString &key) = 0;
};

// The system keyring. Each call waits for the keyring's answer (a few milliseconds; the window is
// not used meanwhile).
class KeychainPasswordStore final : public PasswordStore
{
public:
    std::optional<QString> read(const QString &key, QString *error) override;
    bool write(const QString &key, const QString &password, QString *error) override;
    void remove(const QString &key) override;
};

// For tests: kept in memory.
class MemoryPasswordStore final : public PasswordStore
{
public:
    std::optional<QString> read(const QString &key, QString *) override
    {
        return m_passwords.contains(key) ? std::optional<QString>(m_passwords.value(key)) : std::nullopt;
    }
    bool write(const QString &key, const QString &password, QString *) override
    {
        m_passwords.insert(key, password);
        return true;
    }
    void remove(const QString &key) override { m_passwords.remove(key); }
    int size() const { return int(m_passwords.size()); }

private:
    QHash<QString, QString> m_passwords;
};

// The keyring's key for a login on a server: "login@host:port/database".
QString passwordKey(const QString &host, int port, const QString &database, const QString &login);

} // namespace fairnote::ui::server
