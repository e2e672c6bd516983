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
// The connection string openServer() was given (with the password, if it held one): for connecting
// again as the same login, say to unlock an idle app.
std::optional<QString> conninfoOf(const Store &store);

// A connection string for a server chosen by its parts, as the app's connect dialog asks for them:
// the host (empty: this computer's socket), the port (0: the default), the database, the login and,
// when given, the password. Every value is quoted as libpq reads it.
QString serverConninfo(const QString &host, int port, const QString &database, const QString &login,
                       const QString &password = {});
// The same connection with `password` in place of any it holds.
QString withPassword(const QString &conninfo, const QString &password);

// Whether the server accepts `conninfo` (a login and its password): connects once and says why not.
StoreResult<Done> checkLogin(const QString &conninfo);

// A new entry's id chosen before its first save, so that saving again after a lost connection (when
// the first save may or may not have reached the server) saves the same entry, never a second one.
QString newEntryId();

} // namespace fairnote::store::postgres
