// SPDX-FileCopyrightText: 2026 Fairnote contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// The desktop's keyring (the Secret Service: GNOME Keyring, KWallet), through QtKeychain: a team
// server's password is kept there only when the person connecting asks for it (the Connect dialog's
// "Keep my password in this computer's keyring"), never in Fairnote's settings or anywhere else.
// Each call waits for the keyring, which may ask the person to unlock it first. See docs/server.md.
#pragma once

#include "store/postgres/open.h"

#include <QString>

namespace fairnote::ui::keyring {

struct Outcome
{
    bool ok = false;
    bool notFound = false; // read: nothing is kept under that key (not an error to show)
    QString password;      // read: what is kept
    QString error;         // otherwise: the keyring's reason, in its words
};

// The keyring entry of a server address: "login@host:port/database" (no password in it).
QString keyFor(const store::postgres::ServerAddress &address);

Outcome read(const QString &key);
Outcome write(const QString &key, const QString &password);
Outcome forget(const QString &key); // ok when nothing was kept

} // namespace fairnote::ui::keyring
