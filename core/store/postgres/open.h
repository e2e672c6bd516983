// SPDX-FileCopyrightText: 2026 Fairnote contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// Opening a team server as a store::Store: the same interface, and the same record, as the local file,
// on PostgreSQL. Who acts is the connection's login (a member of staff), never the Actor a caller
// passes: the server decides who wrote what, and what each login may read and do (docs/server.md).
#pragma once

#include "store/store.h"

#include <QStringList>
#include <functional>
#include <memory>
#include <optional>

namespace fairnote::store::postgres {

struct ServerOpenOptions
{
    FileKind kind = FileKind::Live; // a training database is opened only as one, and a live one only as live
    bool readOnly = false;          // nothing is written, not even a view
    // The clock the record's times come from. A server's clock is its own: this is honoured only on a
    // test database (server init with a test clock), so the shared store tests can fix the time.
    std::function<QDateTime()> clock;
    // Tests only: how ids for new entries are chosen, to make one collide with an entry already there.
    // Random ("E-" and 8 hexadecimal digits) when empty.
    std::function<QString()> newEntryId;
    // The login's password, when the connection string and libpq's own sources (~/.pgpass, PGPASSWORD)
    // give none: asked for by the app or the CLI after ErrorCode::NeedsPassword. Kept by the store to
    // connect again after a lost connection; never written anywhere.
    std::optional<QString> password;
};

// Who the session is on the server: the login and the staff record behind it.
struct Session
{
    QString login;
    Actor actor;         // name, job title (as role) and organisation: how they sign the record
    QString role;        // "worker", "supervisor", "trainer", "administrator"; empty: not on the staff
    QStringList teams;
    QString database, host, port;
};

// Connects with a libpq connection string (keywords, a postgresql:// URI, "service=NAME", or empty for
// libpq's PG* environment) and opens the server as a Store. Refuses a database that is not a Fairnote
// server (or of the other kind, or another version), and a login that is not on its staff.
StoreResult<std::unique_ptr<Store>> openServer(const QString &conninfo, const ServerOpenOptions &options = {});

// The session of a store openServer() made; nothing for any other store (a local file).
std::optional<Session> sessionOf(const Store &store);

// What the app's Connect dialog asks for. An empty part is left to libpq (PGHOST, PGPORT …, then its
// defaults: this computer's socket, port 5432, a database and login named after the user).
struct ServerAddress
{
    QString host;     // a host name, an address, or a socket folder ("/var/run/postgresql")
    QString port;
    QString database;
    QString login;
};

// A libpq connection string for `address`, every value quoted as libpq reads it.
QString connectionString(const ServerAddress &address);

// Asks the server whether `password` is the password of the store's login: a second connection as that
// login with that password, closed at once (how the app unlocks a window locked after it was left
// idle). NeedsPassword when the server refuses it, Io when the server cannot be reached, Invalid for a
// store that is not on a server. A server that lets the login in without a password (pg_hba.conf
// "trust" or "peer") accepts any: docs/server.md says so.
StoreResult<Done> confirmPassword(const Store &store, const QString &password);

} // namespace fairnote::store::postgres
