// SPDX-FileCopyrightText: 2026 Fairnote contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// A Fairnote team server on PostgreSQL: setting one up (init, upgrade) and administering it (staff,
// teams, caseloads). Every call connects with a libpq connection string (or URI, or service name) and
// acts as that session's login: the database decides what it may do (see docs/server.md).
//
// Errors are values (StoreError); nothing throws across this API.
#pragma once

#include "store/store.h"

#include <QDateTime>
#include <QString>
#include <QStringList>
#include <optional>
#include <vector>

namespace fairnote::store::postgres {

// The schema version this Fairnote writes (core/store/postgres/sql/vN).
constexpr int kServerSchemaVersion = 2;

struct ServerInfo
{
    QString database, host, port, login; // where, and as whom, this session is connected
    int schemaVersion = 0;               // 0: not a Fairnote server
    FileKind kind = FileKind::Live;
    QString serverId;
    QDateTime createdAt;
    bool testClock = false;              // a test database whose clock can be set (never for records)
};

// What a server is set up with: its kind, and its first administrator (their login, made when
// missing, and how they sign the record).
struct InitOptions
{
    FileKind kind = FileKind::Live;
    QString adminLogin, adminName, adminJobTitle, adminOrganisation;
    std::optional<QString> adminPassword; // none: the login authenticates another way (certificate, GSSAPI)
    bool testClock = false;               // for the test suites only: SET fairnote.clock fixes the time
    int schemaVersion = kServerSchemaVersion; // for the upgrade tests only: a server as an earlier Fairnote made it
};

// Sets up a Fairnote server in the database the connection names: the roles (made when missing), the
// schema, the row-level security and the first administrator, in one transaction. Run as a superuser.
// Refuses a database that is already a Fairnote server, or not UTF8, or a PostgreSQL older than 15.
// `password`, here and below: the connecting login's, over what the connection string and ~/.pgpass give
// (ErrorCode::NeedsPassword when the server asks for one none gave, or refuses it).
StoreResult<ServerInfo> initServer(const QString &conninfo, const InitOptions &options, const std::optional<QString> &password = {});
// Brings a server's schema up to this Fairnote's version, one version per transaction, each recorded
// in the audit trail. Run as a superuser. Refuses a server newer than this Fairnote.
StoreResult<ServerInfo> upgradeServer(const QString &conninfo, const std::optional<QString> &password = {});
// What the server is, as the connection's login sees it.
StoreResult<ServerInfo> serverInfo(const QString &conninfo, const std::optional<QString> &password = {});

// A member of staff: their login, how they sign the record, their role and teams.
struct StaffMember
{
    QString login, name, jobTitle, organisation;
    QString role;          // "worker", "supervisor", "trainer", "administrator"
    QStringList teams;
    QDateTime createdAt, leftAt;
};

struct Team
{
    QString name;
    QStringList members;   // logins
    int caseload = 0;      // people on it
};

// Administration as the connection's login (an administrator; the server refuses anyone else).
class ServerAdmin
{
public:
    static StoreResult<std::unique_ptr<ServerAdmin>> connect(const QString &conninfo, const std::optional<QString> &password = {});
    ~ServerAdmin();

    // `password`: set one (sent only as a SCRAM-SHA-256 verifier); none: keep, or none for a new login.
    StoreResult<Done> addStaff(const StaffMember &member, const std::optional<QString> &password);
    StoreResult<Done> updateStaff(const QString &login, const QString &name, const std::optional<QString> &jobTitle,
                                  const std::optional<QString> &organisation);
    StoreResult<Done> setRole(const QString &login, const QString &role);
    StoreResult<Done> setPassword(const QString &login, const QString &password);
    StoreResult<Done> staffLeaves(const QString &login);
    StoreResult<std::vector<StaffMember>> staff(bool includeLeavers);

    StoreResult<Done> addTeam(const QString &name);
    StoreResult<Done> renameTeam(const QString &name, const QString &newName);
    StoreResult<Done> addTeamMember(const QString &team, const QString &login);
    StoreResult<Done> removeTeamMember(const QString &team, const QString &login);
    StoreResult<std::vector<Team>> teams();

    StoreResult<Done> addToCaseload(const QString &team, const QString &personId);
    StoreResult<Done> removeFromCaseload(const QString &team, const QString &personId);
    // Moves a person from one team's caseload to another's (a handover), in one transaction.
    StoreResult<Done> handover(const QString &personId, const QString &fromTeam, const QString &toTeam);
    // The people on a team's caseload: id and name (who they are, never what is written about them).
    StoreResult<std::vector<std::pair<QString, QString>>> caseload(const QString &team);

    struct Private;

private:
    explicit ServerAdmin(std::unique_ptr<Private> d);
    std::unique_ptr<Private> d;
};

} // namespace fairnote::store::postgres
