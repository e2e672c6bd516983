// SPDX-FileCopyrightText: 2026 Fairnote contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// Setting up, upgrading and administering a Fairnote server. The schema is SQL embedded as a resource
// (core/store/postgres/sql): roles.sql, then vN/*.sql in name order for each version.
#include "store/postgres/server.h"

#include "store/postgres/connection.h"
#include "store/postgres/failure.h"

#include <QDir>
#include <QFile>
#include <QRandomGenerator>

using namespace Qt::StringLiterals;

namespace fairnote::store::postgres {

namespace {

QString resourceText(const QString &path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return {};
    return QString::fromUtf8(f.readAll());
}

// The SQL of schema version `version`: its files in name order.
QString versionScript(int version)
{
    const QDir dir(u":/fairnote/postgres/v%1"_s.arg(version));
    QString script;
    for (const QString &name : dir.entryList({u"*.sql"_s}, QDir::Files, QDir::Name))
        script += resourceText(dir.filePath(name)) + u"\n"_s;
    return script;
}

template <typename T, typename F>
StoreResult<T> guarded(pg::Connection *c, const QString &whatFailed, F &&work)
{
    try {
        return work();
    } catch (const pg::Failure &f) {
        return toError(f, c ? serverName(*c) : u"the Fairnote server"_s, whatFailed);
    }
}

int schemaVersionOf(pg::Connection &c)
{
    if (!c.exec("SELECT to_regclass('fairnote.meta') IS NOT NULL").boolean(0, 0))
        return 0;
    const pg::Result r = c.exec("SELECT value FROM fairnote.meta WHERE key = 'schema_version'");
    return r.rows() ? int(r.text(0, 0).toInt()) : 0;
}

ServerInfo readInfo(pg::Connection &c)
{
    ServerInfo info;
    info.database = c.database();
    info.host = c.host();
    info.port = c.port();
    info.login = c.user();
    info.schemaVersion = schemaVersionOf(c);
    if (info.schemaVersion == 0)
        return info;
    const pg::Result r = c.exec("SELECT key, value FROM fairnote.meta");
    for (int i = 0; i < r.rows(); ++i) {
        const QString key = r.text(i, 0), value = r.text(i, 1);
        if (key == u"kind")
            info.kind = value == u"training" ? FileKind::Training : FileKind::Live;
        else if (key == u"server_id")
            info.serverId = value;
        else if (key == u"created_at")
            info.createdAt = QDateTime::fromString(value, Qt::ISODateWithMs);
        else if (key == u"test_clock")
            info.testClock = value == u"allowed";
    }
    return info;
}

// Refuses, with what to do, a server that cannot take a Fairnote schema: not a superuser, too old,
// not UTF8.
std::optional<StoreError> refuseSetup(pg::Connection &c, const QString &where)
{
    if (c.serverVersion() < 150000)
        return StoreError{ErrorCode::Invalid, u"%1 runs PostgreSQL %2; Fairnote needs 15 or newer."_s.arg(where).arg(c.serverVersion() / 10000)};
    if (!c.exec("SELECT rolsuper FROM pg_roles WHERE rolname = current_user").boolean(0, 0))
        return StoreError{ErrorCode::Invalid, u"setting up or upgrading %1 needs a PostgreSQL superuser (for example: sudo -u postgres "
                                              u"fairnote-cli server init …); %2 is not one."_s.arg(where, c.user())};
    if (c.exec("SELECT pg_encoding_to_char(encoding) FROM pg_database WHERE datname = current_database()").text(0, 0) != u"UTF8")
        return StoreError{ErrorCode::Invalid, u"%1 is not a UTF8 database; create it with: CREATE DATABASE %2 ENCODING 'UTF8' TEMPLATE template0"_s
                                              .arg(where, c.database())};
    return std::nullopt;
}

// A text for a column that is never NULL (a null QString is sent as NULL).
QString notNull(const QString &s) { return s.isNull() ? u""_s : s; }

} // namespace

StoreResult<ServerInfo> initServer(const QString &conninfo, const InitOptions &options, const std::optional<QString> &password)
{
    auto connected = connectWith(conninfo, password);
    if (!connected)
        return connected.error();
    pg::Connection &c = **connected;
    const QString where = serverName(c);
    if (options.adminLogin.trimmed().isEmpty() || options.adminName.trimmed().isEmpty())
        return StoreError{ErrorCode::Invalid, u"a new server needs its first administrator: their login and their name."_s};
    if (options.schemaVersion < 1 || options.schemaVersion > kServerSchemaVersion)
        return StoreError{ErrorCode::Invalid, u"this Fairnote sets up schema versions 1 to %1, not %2."_s.arg(kServerSchemaVersion).arg(options.schemaVersion)};
    return guarded<ServerInfo>(&c, u"Nothing was set up."_s, [&]() -> StoreResult<ServerInfo> {
        if (auto refused = refuseSetup(c, where))
            return *refused;
        if (const int version = schemaVersionOf(c); version > 0)
            return StoreError{ErrorCode::Conflict, u"%1 is already a Fairnote server (schema version %2); nothing was changed. "
                                                   u"To bring it up to date, use 'fairnote-cli server upgrade'."_s.arg(where).arg(version)};
        if (c.exec("SELECT to_regnamespace('fairnote') IS NOT NULL").boolean(0, 0))
            return StoreError{ErrorCode::NotFairnote, u"%1 already has a schema called fairnote that is not a Fairnote server; nothing was changed."_s.arg(where)};
        // Roles are the cluster's, shared by its databases: made once, when missing.
        c.execScript(resourceText(u":/fairnote/postgres/roles.sql"_s));
        pg::Transaction t(c);
        c.execScript(versionScript(1));
        c.execScript(u"RESET ROLE"_s);
        for (int v = 2; v <= options.schemaVersion; ++v)
            c.execScript(versionScript(v));
        const QString kind = options.kind == FileKind::Training ? u"training"_s : u"live"_s;
        const QString serverId = QString::number(QRandomGenerator::global()->generate64(), 16);
        c.exec("INSERT INTO fairnote.meta(key, value) VALUES ('schema_version', $1), ('kind', $2), ('server_id', $3), "
               "('created_at', fairnote.iso(fairnote.clock()))",
               pg::Params{}.add(qint64(options.schemaVersion)).add(kind).add(serverId));
        if (options.testClock)
            c.exec("INSERT INTO fairnote.meta(key, value) VALUES ('test_clock', 'allowed')");
        // The first administrator: made as the staff functions would make them, by the superuser.
        const QString login = options.adminLogin.trimmed();
        std::optional<QString> verifier;
        if (options.adminPassword)
            verifier = c.encryptPassword(login, *options.adminPassword);
        c.exec("SELECT fairnote.rm_enable_login($1, 'fairnote_administrator', $2)", pg::Params{login, verifier});
        const qint64 staffId = c.exec("INSERT INTO fairnote.staff(login, name, job_title, organisation, created_at) "
                                      "VALUES ($1, $2, $3, $4, fairnote.clock()) RETURNING id",
                                      pg::Params{login, options.adminName.trimmed(), notNull(options.adminJobTitle.trimmed()),
                                                 notNull(options.adminOrganisation.trimmed())})
                                   .integer(0, 0);
        c.exec("SELECT fairnote.append_audit(NULL, 'create-file', NULL, NULL, NULL, jsonb_build_object('schema_version', $1::int, "
               "'kind', $2::text, 'server_id', $3::text, 'staff', $4::bigint, 'login', $5::text, 'role', 'administrator', "
               "'by', session_user::text)::text)",
               pg::Params{}.add(qint64(options.schemaVersion)).add(kind).add(serverId).add(staffId).add(login));
        // Only Fairnote's staff may connect to the database.
        const QString db = pg::quoteIdentifier(c, c.database());
        c.execScript(u"REVOKE ALL ON DATABASE %1 FROM PUBLIC; GRANT CONNECT ON DATABASE %1 TO fairnote_worker, fairnote_supervisor, "
                     u"fairnote_trainer, fairnote_administrator"_s.arg(db));
        t.commit();
        return readInfo(c);
    });
}

StoreResult<ServerInfo> upgradeServer(const QString &conninfo, const std::optional<QString> &password)
{
    auto connected = connectWith(conninfo, password);
    if (!connected)
        return connected.error();
    pg::Connection &c = **connected;
    const QString where = serverName(c);
    return guarded<ServerInfo>(&c, u"The server was left at its last whole version."_s, [&]() -> StoreResult<ServerInfo> {
        if (auto refused = refuseSetup(c, where))
            return *refused;
        const int from = schemaVersionOf(c);
        if (from == 0)
            return StoreError{ErrorCode::NotFairnote, u"%1 is not a Fairnote server; set it up with 'fairnote-cli server init'."_s.arg(where)};
        if (from > kServerSchemaVersion)
            return StoreError{ErrorCode::TooNew, u"%1 was set up by a newer Fairnote (schema version %2; this Fairnote knows up to %3). "
                                                 u"Update Fairnote; the server has not been changed."_s.arg(where).arg(from).arg(kServerSchemaVersion)};
        c.execScript(resourceText(u":/fairnote/postgres/roles.sql"_s));
        for (int v = from + 1; v <= kServerSchemaVersion; ++v) {
            pg::Transaction t(c);
            c.execScript(u"SET LOCAL search_path = pg_catalog, fairnote"_s);
            c.execScript(versionScript(v));
            c.execScript(u"RESET ROLE"_s);
            c.exec("UPDATE fairnote.meta SET value = $1 WHERE key = 'schema_version'", pg::Params{}.add(qint64(v)));
            c.exec("SELECT fairnote.append_audit(NULL, 'upgrade-server', NULL, NULL, NULL, jsonb_build_object('from_schema_version', $1::int, "
                   "'schema_version', $2::int, 'by', session_user::text)::text)",
                   pg::Params{}.add(qint64(v - 1)).add(qint64(v)));
            t.commit();
        }
        return readInfo(c);
    });
}

StoreResult<ServerInfo> serverInfo(const QString &conninfo, const std::optional<QString> &password)
{
    auto connected = connectWith(conninfo, password);
    if (!connected)
        return connected.error();
    pg::Connection &c = **connected;
    return guarded<ServerInfo>(&c, {}, [&]() -> StoreResult<ServerInfo> { return readInfo(c); });
}

// ---- administration -----------------------------------------------------------------------------

struct ServerAdmin::Private
{
    std::unique_ptr<pg::Connection> c;
    QString where;

    template <typename F>
    StoreResult<Done> call(const QString &whatFailed, F &&work)
    {
        return guarded<Done>(c.get(), whatFailed, [&]() -> StoreResult<Done> {
            work();
            return Done{};
        });
    }
};

ServerAdmin::ServerAdmin(std::unique_ptr<Private> p) : d(std::move(p)) {}
ServerAdmin::~ServerAdmin() = default;

StoreResult<std::unique_ptr<ServerAdmin>> ServerAdmin::connect(const QString &conninfo, const std::optional<QString> &password)
{
    auto connected = connectWith(conninfo, password);
    if (!connected)
        return connected.error();
    auto p = std::make_unique<Private>();
    p->c = std::move(*connected);
    p->where = serverName(*p->c);
    pg::Connection &c = *p->c;
    auto version = guarded<int>(&c, {}, [&]() -> StoreResult<int> { return schemaVersionOf(c); });
    if (!version)
        return version.error();
    if (*version == 0)
        return StoreError{ErrorCode::NotFairnote, u"%1 is not a Fairnote server; set it up with 'fairnote-cli server init'."_s.arg(p->where)};
    if (*version != kServerSchemaVersion)
        return StoreError{*version > kServerSchemaVersion ? ErrorCode::TooNew : ErrorCode::Invalid,
                          u"%1 is at schema version %2 and this Fairnote needs %3: %4"_s.arg(p->where).arg(*version).arg(kServerSchemaVersion)
                              .arg(*version > kServerSchemaVersion ? u"update Fairnote."_s : u"a superuser upgrades it with 'fairnote-cli server upgrade'."_s)};
    return std::unique_ptr<ServerAdmin>(new ServerAdmin(std::move(p)));
}

StoreResult<Done> ServerAdmin::addStaff(const StaffMember &m, const std::optional<QString> &password)
{
    return d->call(u"Nobody was added."_s, [&] {
        std::optional<QString> verifier;
        if (password)
            verifier = d->c->encryptPassword(m.login.trimmed(), *password);
        d->c->exec("SELECT fairnote.staff_add($1, $2, $3, $4, $5, $6)",
                   pg::Params{m.login, m.name, m.jobTitle, m.organisation, m.role, verifier});
    });
}

StoreResult<Done> ServerAdmin::updateStaff(const QString &login, const QString &name, const std::optional<QString> &jobTitle,
                                           const std::optional<QString> &organisation)
{
    return d->call(u"Nothing was changed."_s, [&] {
        d->c->exec("SELECT fairnote.staff_update($1, $2, $3, $4)", pg::Params{login, name, jobTitle, organisation});
    });
}

StoreResult<Done> ServerAdmin::setRole(const QString &login, const QString &role)
{
    return d->call(u"The role was not changed."_s, [&] { d->c->exec("SELECT fairnote.staff_set_role($1, $2)", pg::Params{login, role}); });
}

StoreResult<Done> ServerAdmin::setPassword(const QString &login, const QString &password)
{
    return d->call(u"The password was not changed."_s, [&] {
        d->c->exec("SELECT fairnote.staff_set_password($1, $2)", pg::Params{login, d->c->encryptPassword(login, password)});
    });
}

StoreResult<Done> ServerAdmin::staffLeaves(const QString &login)
{
    return d->call(u"Nothing was changed."_s, [&] { d->c->exec("SELECT fairnote.staff_leave($1)", pg::Params{login}); });
}

StoreResult<std::vector<StaffMember>> ServerAdmin::staff(bool includeLeavers)
{
    return guarded<std::vector<StaffMember>>(d->c.get(), {}, [&]() -> StoreResult<std::vector<StaffMember>> {
        const pg::Result r = d->c->exec(
            "SELECT s.login, s.name, s.job_title, s.organisation, "
            "  (SELECT string_agg(substr(g.rolname, 10), ',' ORDER BY g.rolname) FROM pg_auth_members m JOIN pg_roles g ON g.oid = m.roleid "
            "   JOIN pg_roles u ON u.oid = m.member WHERE u.rolname = s.login AND g.rolname LIKE 'fairnote\\_%'), "
            "  (SELECT string_agg(t.name, ',' ORDER BY t.name) FROM fairnote.team_members tm JOIN fairnote.teams t ON t.id = tm.team_id "
            "   WHERE tm.staff_id = s.id), fairnote.iso(s.created_at), fairnote.iso(s.left_at) "
            "FROM fairnote.staff s WHERE $1 OR s.left_at IS NULL ORDER BY s.name, s.login",
            pg::Params{}.add(includeLeavers));
        std::vector<StaffMember> out;
        for (int i = 0; i < r.rows(); ++i) {
            StaffMember m;
            m.login = r.text(i, 0);
            m.name = r.text(i, 1);
            m.jobTitle = r.text(i, 2);
            m.organisation = r.text(i, 3);
            m.role = r.text(i, 4);
            m.teams = r.isNull(i, 5) ? QStringList() : r.text(i, 5).split(u',');
            m.createdAt = QDateTime::fromString(r.text(i, 6), Qt::ISODateWithMs);
            m.leftAt = QDateTime::fromString(r.text(i, 7), Qt::ISODateWithMs);
            out.push_back(std::move(m));
        }
        return out;
    });
}

StoreResult<Done> ServerAdmin::addTeam(const QString &name)
{
    return d->call(u"No team was added."_s, [&] { d->c->exec("SELECT fairnote.team_add($1)", pg::Params{name}); });
}

StoreResult<Done> ServerAdmin::renameTeam(const QString &name, const QString &newName)
{
    return d->call(u"The team was not renamed."_s, [&] { d->c->exec("SELECT fairnote.team_rename($1, $2)", pg::Params{name, newName}); });
}

StoreResult<Done> ServerAdmin::addTeamMember(const QString &team, const QString &login)
{
    return d->call(u"Nothing was changed."_s, [&] { d->c->exec("SELECT fairnote.team_add_member($1, $2)", pg::Params{team, login}); });
}

StoreResult<Done> ServerAdmin::removeTeamMember(const QString &team, const QString &login)
{
    return d->call(u"Nothing was changed."_s, [&] { d->c->exec("SELECT fairnote.team_remove_member($1, $2)", pg::Params{team, login}); });
}

StoreResult<std::vector<Team>> ServerAdmin::teams()
{
    return guarded<std::vector<Team>>(d->c.get(), {}, [&]() -> StoreResult<std::vector<Team>> {
        const pg::Result r = d->c->exec(
            "SELECT t.name, (SELECT string_agg(s.login, ',' ORDER BY s.login) FROM fairnote.team_members m JOIN fairnote.staff s "
            "ON s.id = m.staff_id WHERE m.team_id = t.id), (SELECT count(*) FROM fairnote.caseloads c WHERE c.team_id = t.id) "
            "FROM fairnote.teams t ORDER BY lower(t.name)");
        std::vector<Team> out;
        for (int i = 0; i < r.rows(); ++i)
            out.push_back({r.text(i, 0), r.isNull(i, 1) ? QStringList() : r.text(i, 1).split(u','), int(r.integer(i, 2))});
        return out;
    });
}

StoreResult<Done> ServerAdmin::addToCaseload(const QString &team, const QString &personId)
{
    return d->call(u"The caseload was not changed."_s, [&] { d->c->exec("SELECT fairnote.caseload_add($1, $2)", pg::Params{team, personId}); });
}

StoreResult<Done> ServerAdmin::removeFromCaseload(const QString &team, const QString &personId)
{
    return d->call(u"The caseload was not changed."_s, [&] { d->c->exec("SELECT fairnote.caseload_remove($1, $2)", pg::Params{team, personId}); });
}

StoreResult<Done> ServerAdmin::handover(const QString &personId, const QString &fromTeam, const QString &toTeam)
{
    return d->call(u"Nothing was handed over."_s, [&] {
        pg::Transaction t(*d->c);
        d->c->exec("SELECT fairnote.caseload_add($1, $2)", pg::Params{toTeam, personId});
        t.commitAfter("SELECT fairnote.caseload_remove($1, $2)", pg::Params{fromTeam, personId});
    });
}

StoreResult<std::vector<std::pair<QString, QString>>> ServerAdmin::caseload(const QString &team)
{
    return guarded<std::vector<std::pair<QString, QString>>>(d->c.get(), {}, [&]() -> StoreResult<std::vector<std::pair<QString, QString>>> {
        const pg::Result t = d->c->exec("SELECT id FROM fairnote.teams WHERE lower(name) = lower(btrim($1))", pg::Params{team});
        if (!t.rows())
            return StoreError{ErrorCode::NotFound, u"there is no team called \"%1\" on %2."_s.arg(team, d->where)};
        const pg::Result r = d->c->exec("SELECT p.id, p.name FROM fairnote.caseloads c JOIN fairnote.people p ON p.id = c.person_id "
                                        "WHERE c.team_id = $1 ORDER BY lower(p.name), p.id",
                                        pg::Params{}.add(t.integer(0, 0)));
        std::vector<std::pair<QString, QString>> out;
        for (int i = 0; i < r.rows(); ++i)
            out.emplace_back(r.text(i, 0), r.text(i, 1));
        return out;
    });
}

} // namespace fairnote::store::postgres
