// SPDX-FileCopyrightText: 2026 Fairnote contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// fairnote-cli server …: set up, upgrade and administer a team server, and move a case file onto it.
#include "servercommand.h"

#include "common.h"
#include "store/postgres/push.h"
#include "store/postgres/server.h"
#include "store/sqlite/open.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLocale>
#include <algorithm>

using namespace Qt::StringLiterals;

namespace fairnote::cli {

namespace pgs = store::postgres;

namespace {

const QStringList kRoles{u"worker"_s, u"supervisor"_s, u"trainer"_s, u"administrator"_s};

bool json(const ParsedArgs &p) { return p.values.value(u"--format"_s) == u"json"; }

void printJson(CliIo &io, const QJsonValue &v)
{
    io.out << QString::fromUtf8(v.isArray() ? QJsonDocument(v.toArray()).toJson(QJsonDocument::Compact)
                                            : QJsonDocument(v.toObject()).toJson(QJsonDocument::Compact))
           << u'\n';
}

QString when(const QDateTime &t)
{
    return t.isValid() ? QLocale(QLocale::English, QLocale::UnitedKingdom).toString(t.toLocalTime(), u"d MMMM yyyy"_s) : QString();
}

QJsonObject infoJson(const pgs::ServerInfo &i)
{
    return {{u"database"_s, i.database}, {u"host"_s, i.host}, {u"port"_s, i.port}, {u"login"_s, i.login},
            {u"schema_version"_s, i.schemaVersion}, {u"kind"_s, i.kind == store::FileKind::Training ? u"training"_s : u"live"_s},
            {u"server_id"_s, i.serverId}, {u"created_at"_s, i.createdAt.toUTC().toString(Qt::ISODate)}};
}

QString where(const pgs::ServerInfo &i)
{
    const QString host = i.host.isEmpty() || i.host.startsWith(u'/') ? u"this computer"_s : i.host;
    return u"%1 on %2"_s.arg(i.database, host);
}

} // namespace

QString ServerCommand::name() const { return u"server"_s; }
QString ServerCommand::summary() const { return u"set up and administer a team server (PostgreSQL): staff, teams, caseloads"_s; }

QString ServerCommand::help() const
{
    return u"Usage: fairnote-cli server init --admin LOGIN --name NAME [--job-title TITLE]\n"
           u"                               [--organisation ORG] [--password-stdin] [--training]\n"
           u"       fairnote-cli server upgrade\n"
           u"       fairnote-cli server info [--format text|json]\n"
           u"       fairnote-cli server staff list [--leavers] [--format text|json]\n"
           u"       fairnote-cli server staff add LOGIN --name NAME --role ROLE [--job-title TITLE]\n"
           u"                               [--organisation ORG] [--team TEAM]... [--password-stdin]\n"
           u"       fairnote-cli server staff update LOGIN [--name NAME] [--job-title TITLE] [--organisation ORG]\n"
           u"       fairnote-cli server staff role LOGIN ROLE\n"
           u"       fairnote-cli server staff password LOGIN --password-stdin\n"
           u"       fairnote-cli server staff leaves LOGIN\n"
           u"       fairnote-cli server team list [--format text|json]\n"
           u"       fairnote-cli server team add NAME\n"
           u"       fairnote-cli server team rename NAME NEW-NAME\n"
           u"       fairnote-cli server team add-member|remove-member TEAM LOGIN\n"
           u"       fairnote-cli server caseload list TEAM [--format text|json]\n"
           u"       fairnote-cli server caseload add|remove TEAM PERSON-ID\n"
           u"       fairnote-cli server caseload handover PERSON-ID --from TEAM --to TEAM\n"
           u"       fairnote-cli server push --db FILE\n"
           u"Every form takes --server CONNINFO (below).\n\n"
           u"init sets up a Fairnote server in an empty UTF8 database, as a PostgreSQL superuser: the\n"
           u"roles, the schema, row-level security and the first administrator (their login is made\n"
           u"when missing). upgrade brings an older server's schema up to this Fairnote's, as a\n"
           u"superuser. info says what the server is and who you are on it.\n"
           u"staff, team and caseload are for an administrator: staff members are PostgreSQL logins\n"
           u"with a role (worker, supervisor, trainer or administrator) and teams; a person is read by\n"
           u"the staff of the teams whose caseload they are on, and a handover moves them in one step.\n"
           u"An administrator manages staff, teams and caseloads but cannot read case content.\n"
           u"push moves a team's case file onto the server, as a supervisor: it verifies the file, then\n"
           u"copies people and every revision with its original author, times and reason, reviews and\n"
           u"sign-offs, and anchors the file's chain hash in the server's audit trail. All or nothing.\n\n"
           u"Options:\n"
           u"  --server CONNINFO   the server: a libpq connection string (\"host=… dbname=… user=…\"),\n"
           u"                      a postgresql:// URI or \"service=NAME\" (pg_service.conf). Without\n"
           u"                      it, libpq's PG* environment (PGHOST, PGDATABASE, PGSERVICE …).\n"
           u"                      Passwords come from ~/.pgpass or PGPASSWORD, never the command line.\n"
           u"  --password-stdin    read the new login's password from the first line of standard input;\n"
           u"                      without it a new login has no password (certificate or Kerberos).\n"
           u"  --training          init: a server of invented cases for training courses.\n"
           u"  --leavers           staff list: also those who have left.\n"
           u"  --format text|json  the output of info and the lists (see docs/cli.md).\n"
           u"  -h, --help          show this help.\n\n"
           u"Exit status: 0 done, 2 bad usage, or a change the server refused (the message says why).\n"
           u"docs/server.md says how to set up, back up and run a server.\n"_s;
}

int ServerCommand::execute(const QStringList &args, CliIo &io)
{
    ParsedArgs p;
    if (const auto done = parse(args,
                                {u"--server"_s, u"--db"_s, u"--admin"_s, u"--name"_s, u"--job-title"_s, u"--organisation"_s, u"--role"_s,
                                 u"--team"_s, u"--from"_s, u"--to"_s, u"--format"_s},
                                {u"--password-stdin"_s, u"--training"_s, u"--leavers"_s}, io, p))
        return *done;
    const QString action = p.positional.value(0);
    if (action == u"init")
        return init(p, io);
    if (action == u"upgrade")
        return upgrade(p, io);
    if (action == u"info")
        return info(p, io);
    if (action == u"staff")
        return staff(p, io);
    if (action == u"team")
        return team(p, io);
    if (action == u"caseload")
        return caseload(p, io);
    if (action == u"push")
        return push(p, io);
    if (action.isEmpty())
        return usageError(io, u"say what to do: init, upgrade, info, staff, team, caseload or push"_s);
    return usageError(io, u"unknown action '%1' (init, upgrade, info, staff, team, caseload or push)"_s.arg(action));
}

std::optional<QString> ServerCommand::password(const ParsedArgs &p, CliIo &io, bool &failed) const
{
    failed = false;
    if (!p.flags.contains(u"--password-stdin"_s))
        return std::nullopt;
    QString error;
    const auto bytes = readInput(u"-"_s, 64 * 1024, u"a password"_s, io, error);
    if (!bytes) {
        failed = true;
        fail(io, error);
        return std::nullopt;
    }
    QString text = QString::fromUtf8(*bytes);
    text = text.left(text.indexOf(u'\n') < 0 ? text.size() : text.indexOf(u'\n'));
    if (text.endsWith(u'\r'))
        text.chop(1);
    if (text.isEmpty()) {
        failed = true;
        fail(io, u"--password-stdin read no password: give it as the first line of standard input"_s);
        return std::nullopt;
    }
    return text;
}

int ServerCommand::done(const ParsedArgs &p, CliIo &io, const QString &what) const
{
    if (json(p))
        printJson(io, QJsonObject{{u"ok"_s, true}, {u"done"_s, what}});
    else
        io.out << what << u'\n';
    return ExitOk;
}

int ServerCommand::init(const ParsedArgs &p, CliIo &io)
{
    if (p.positional.size() > 1)
        return usageError(io, u"unexpected argument '%1'"_s.arg(p.positional.at(1)));
    pgs::InitOptions options;
    options.adminLogin = p.values.value(u"--admin"_s);
    options.adminName = p.values.value(u"--name"_s);
    options.adminJobTitle = p.values.value(u"--job-title"_s);
    options.adminOrganisation = p.values.value(u"--organisation"_s);
    options.kind = p.flags.contains(u"--training"_s) ? store::FileKind::Training : store::FileKind::Live;
    if (options.adminLogin.isEmpty() || options.adminName.trimmed().isEmpty())
        return usageError(io, u"init needs the first administrator: --admin LOGIN --name \"Their Name\""_s);
    bool failed = false;
    options.adminPassword = password(p, io, failed);
    if (failed)
        return ExitBadInput;
    auto made = connectAskingPassword(io, [&](const std::optional<QString> &password) {
        return pgs::initServer(p.values.value(u"--server"_s), options, password);
    });
    if (!made)
        return fail(io, made.error());
    if (json(p)) {
        printJson(io, infoJson(*made));
        return ExitOk;
    }
    io.out << u"Set up a Fairnote %1server: %2, schema version %3.\n"_s.arg(made->kind == store::FileKind::Training ? u"training "_s : QString(),
                                                                           where(*made))
                  .arg(made->schemaVersion)
           << u"The first administrator is %1 (%2). They add staff, teams and caseloads with 'fairnote-cli server staff|team|caseload'.\n"_s
                  .arg(options.adminLogin, options.adminName);
    return ExitOk;
}

int ServerCommand::upgrade(const ParsedArgs &p, CliIo &io)
{
    if (p.positional.size() > 1)
        return usageError(io, u"unexpected argument '%1'"_s.arg(p.positional.at(1)));
    auto up = connectAskingPassword(io, [&](const std::optional<QString> &password) {
        return pgs::upgradeServer(p.values.value(u"--server"_s), password);
    });
    if (!up)
        return fail(io, up.error());
    if (json(p)) {
        printJson(io, infoJson(*up));
        return ExitOk;
    }
    io.out << u"%1 is at schema version %2, this Fairnote's.\n"_s.arg(where(*up)).arg(up->schemaVersion);
    return ExitOk;
}

int ServerCommand::info(const ParsedArgs &p, CliIo &io)
{
    if (p.positional.size() > 1)
        return usageError(io, u"unexpected argument '%1'"_s.arg(p.positional.at(1)));
    auto i = connectAskingPassword(io, [&](const std::optional<QString> &password) {
        return pgs::serverInfo(p.values.value(u"--server"_s), password);
    });
    if (!i)
        return fail(io, i.error());
    if (json(p)) {
        printJson(io, infoJson(*i));
        return ExitOk;
    }
    if (i->schemaVersion == 0) {
        io.out << u"%1 is not a Fairnote server (set one up with 'fairnote-cli server init').\n"_s.arg(where(*i));
        return ExitOk;
    }
    io.out << u"%1: a Fairnote %2server, schema version %3, set up on %4.\nYou are logged in as %5.\n"_s
                  .arg(where(*i), i->kind == store::FileKind::Training ? u"training "_s : QString())
                  .arg(i->schemaVersion)
                  .arg(when(i->createdAt), i->login);
    return ExitOk;
}

int ServerCommand::staff(const ParsedArgs &p, CliIo &io)
{
    const QString what = p.positional.value(1);
    const QString login = p.positional.value(2);
    auto admin = connectAskingPassword(io, [&](const std::optional<QString> &password) {
        return pgs::ServerAdmin::connect(p.values.value(u"--server"_s), password);
    });
    if (!admin)
        return fail(io, admin.error());
    pgs::ServerAdmin &a = **admin;
    if (what == u"list") {
        auto list = a.staff(p.flags.contains(u"--leavers"_s));
        if (!list)
            return fail(io, list.error());
        if (json(p)) {
            QJsonArray arr;
            for (const pgs::StaffMember &m : *list)
                arr.append(QJsonObject{{u"login"_s, m.login}, {u"name"_s, m.name}, {u"job_title"_s, m.jobTitle},
                                       {u"organisation"_s, m.organisation}, {u"role"_s, m.role}, {u"teams"_s, QJsonArray::fromStringList(m.teams)},
                                       {u"left_at"_s, m.leftAt.isValid() ? QJsonValue(m.leftAt.toUTC().toString(Qt::ISODate)) : QJsonValue()}});
            printJson(io, arr);
            return ExitOk;
        }
        if (list->empty())
            io.out << u"No staff yet.\n"_s;
        for (const pgs::StaffMember &m : *list)
            io.out << u"%1  %2%3 — %4%5%6\n"_s.arg(m.login, m.name, m.jobTitle.isEmpty() ? QString() : u" ("_s + m.jobTitle + u')', m.role,
                                                 m.teams.isEmpty() ? QString() : u", teams: "_s + m.teams.join(u", "_s),
                                                 m.leftAt.isValid() ? u", left on "_s + when(m.leftAt) : QString());
        return ExitOk;
    }
    if (login.isEmpty())
        return usageError(io, what.isEmpty() ? u"say what to do: staff list, add, update, role, password or leaves"_s
                                             : u"staff %1 needs a LOGIN"_s.arg(what));
    if (what == u"add") {
        pgs::StaffMember m;
        m.login = login;
        m.name = p.values.value(u"--name"_s).trimmed();
        m.jobTitle = p.values.value(u"--job-title"_s).trimmed();
        m.organisation = p.values.value(u"--organisation"_s).trimmed();
        m.role = p.values.value(u"--role"_s);
        m.teams = p.all.value(u"--team"_s, p.values.contains(u"--team"_s) ? QStringList{p.values.value(u"--team"_s)} : QStringList{});
        if (m.name.isEmpty())
            return usageError(io, u"staff add needs --name \"Their Name\" (how they sign the record)"_s);
        if (!kRoles.contains(m.role))
            return usageError(io, u"staff add needs --role worker, supervisor, trainer or administrator"_s);
        // Every team named must exist before anyone is added, so a mistyped team adds nobody.
        if (!m.teams.isEmpty()) {
            auto teams = a.teams();
            if (!teams)
                return fail(io, teams.error());
            for (const QString &t : m.teams)
                if (std::none_of(teams->begin(), teams->end(), [&](const pgs::Team &x) { return x.name == t; }))
                    return fail(io, u"there is no team called \"%1\" (make it with 'fairnote-cli server team add'). Nobody was added."_s.arg(t));
        }
        bool failed = false;
        const auto pw = password(p, io, failed);
        if (failed)
            return ExitBadInput;
        if (auto r = a.addStaff(m, pw); !r)
            return fail(io, r.error());
        for (const QString &t : m.teams)
            if (auto r = a.addTeamMember(t, login); !r)
                return fail(io, u"%1 was added, but not to the team %2: %3"_s.arg(login, t, r.error().message));
        return done(p, io, u"Added %1 (%2) as %3%4%5."_s.arg(m.name, login, m.role == u"administrator" ? u"an "_s : u"a "_s, m.role,
                                                           m.teams.isEmpty() ? QString() : u" on "_s + m.teams.join(u", "_s)));
    }
    if (what == u"update") {
        if (!p.values.contains(u"--name"_s) && !p.values.contains(u"--job-title"_s) && !p.values.contains(u"--organisation"_s))
            return usageError(io, u"staff update needs --name, --job-title or --organisation"_s);
        const auto opt = [&](const QString &o) { return p.values.contains(o) ? std::optional<QString>(p.values.value(o).trimmed()) : std::nullopt; };
        if (auto r = a.updateStaff(login, p.values.value(u"--name"_s).trimmed(), opt(u"--job-title"_s), opt(u"--organisation"_s)); !r)
            return fail(io, r.error());
        return done(p, io, u"Updated %1: what they sign from now on (earlier signatures stay as they were)."_s.arg(login));
    }
    if (what == u"role") {
        const QString role = p.positional.value(3);
        if (!kRoles.contains(role))
            return usageError(io, u"staff role LOGIN ROLE: ROLE is worker, supervisor, trainer or administrator"_s);
        if (auto r = a.setRole(login, role); !r)
            return fail(io, r.error());
        return done(p, io, u"%1 is now %2 %3."_s.arg(login, role == u"administrator" ? u"an"_s : u"a"_s, role));
    }
    if (what == u"password") {
        bool failed = false;
        const auto pw = password(p, io, failed);
        if (failed)
            return ExitBadInput;
        if (!pw)
            return usageError(io, u"staff password needs --password-stdin (the password on the first line of standard input)"_s);
        if (auto r = a.setPassword(login, *pw); !r)
            return fail(io, r.error());
        return done(p, io, u"Set a new password for %1."_s.arg(login));
    }
    if (what == u"leaves") {
        if (auto r = a.staffLeaves(login); !r)
            return fail(io, r.error());
        return done(p, io, u"Recorded that %1 has left: their login can no longer log in; what they wrote stays signed by them."_s.arg(login));
    }
    return usageError(io, u"unknown staff action '%1' (list, add, update, role, password or leaves)"_s.arg(what));
}

int ServerCommand::team(const ParsedArgs &p, CliIo &io)
{
    const QString what = p.positional.value(1);
    const QString teamName = p.positional.value(2);
    auto admin = connectAskingPassword(io, [&](const std::optional<QString> &password) {
        return pgs::ServerAdmin::connect(p.values.value(u"--server"_s), password);
    });
    if (!admin)
        return fail(io, admin.error());
    pgs::ServerAdmin &a = **admin;
    if (what == u"list") {
        auto list = a.teams();
        if (!list)
            return fail(io, list.error());
        if (json(p)) {
            QJsonArray arr;
            for (const pgs::Team &t : *list)
                arr.append(QJsonObject{{u"name"_s, t.name}, {u"members"_s, QJsonArray::fromStringList(t.members)}, {u"caseload"_s, t.caseload}});
            printJson(io, arr);
            return ExitOk;
        }
        if (list->empty())
            io.out << u"No teams yet.\n"_s;
        for (const pgs::Team &t : *list)
            io.out << u"%1 — %2 on the caseload; staff: %3\n"_s.arg(t.name, t.caseload == 1 ? u"1 person"_s : u"%1 people"_s.arg(t.caseload),
                                                                   t.members.isEmpty() ? u"none"_s : t.members.join(u", "_s));
        return ExitOk;
    }
    if (teamName.isEmpty())
        return usageError(io, what.isEmpty() ? u"say what to do: team list, add, rename, add-member or remove-member"_s
                                             : u"team %1 needs a TEAM"_s.arg(what));
    if (what == u"add") {
        if (auto r = a.addTeam(teamName); !r)
            return fail(io, r.error());
        return done(p, io, u"Made the team %1."_s.arg(teamName));
    }
    const QString second = p.positional.value(3);
    if (what == u"rename") {
        if (second.isEmpty())
            return usageError(io, u"team rename NAME NEW-NAME"_s);
        if (auto r = a.renameTeam(teamName, second); !r)
            return fail(io, r.error());
        return done(p, io, u"Renamed the team %1 to %2."_s.arg(teamName, second));
    }
    if (what == u"add-member" || what == u"remove-member") {
        if (second.isEmpty())
            return usageError(io, u"team %1 TEAM LOGIN"_s.arg(what));
        const bool add = what == u"add-member";
        if (auto r = add ? a.addTeamMember(teamName, second) : a.removeTeamMember(teamName, second); !r)
            return fail(io, r.error());
        return done(p, io, add ? u"%1 is now on the team %2."_s.arg(second, teamName) : u"%1 is no longer on the team %2."_s.arg(second, teamName));
    }
    return usageError(io, u"unknown team action '%1' (list, add, rename, add-member or remove-member)"_s.arg(what));
}

int ServerCommand::caseload(const ParsedArgs &p, CliIo &io)
{
    const QString what = p.positional.value(1);
    auto admin = connectAskingPassword(io, [&](const std::optional<QString> &password) {
        return pgs::ServerAdmin::connect(p.values.value(u"--server"_s), password);
    });
    if (!admin)
        return fail(io, admin.error());
    pgs::ServerAdmin &a = **admin;
    if (what == u"list") {
        const QString teamName = p.positional.value(2);
        if (teamName.isEmpty())
            return usageError(io, u"caseload list TEAM"_s);
        auto list = a.caseload(teamName);
        if (!list)
            return fail(io, list.error());
        if (json(p)) {
            QJsonArray arr;
            for (const auto &[id, name] : *list)
                arr.append(QJsonObject{{u"id"_s, id}, {u"name"_s, name}});
            printJson(io, arr);
            return ExitOk;
        }
        if (list->empty())
            io.out << u"Nobody is on the caseload of %1.\n"_s.arg(teamName);
        for (const auto &[id, name] : *list)
            io.out << u"%1  %2\n"_s.arg(id, name);
        return ExitOk;
    }
    if (what == u"add" || what == u"remove") {
        const QString teamName = p.positional.value(2), person = p.positional.value(3);
        if (teamName.isEmpty() || person.isEmpty())
            return usageError(io, u"caseload %1 TEAM PERSON-ID"_s.arg(what));
        const bool add = what == u"add";
        if (auto r = add ? a.addToCaseload(teamName, person) : a.removeFromCaseload(teamName, person); !r)
            return fail(io, r.error());
        return done(p, io, add ? u"%1 is on the caseload of %2 (in the person's audit trail)."_s.arg(person, teamName)
                               : u"%1 is no longer on the caseload of %2 (in the person's audit trail)."_s.arg(person, teamName));
    }
    if (what == u"handover") {
        const QString person = p.positional.value(2), from = p.values.value(u"--from"_s), to = p.values.value(u"--to"_s);
        if (person.isEmpty() || from.isEmpty() || to.isEmpty())
            return usageError(io, u"caseload handover PERSON-ID --from TEAM --to TEAM"_s);
        if (auto r = a.handover(person, from, to); !r)
            return fail(io, r.error());
        return done(p, io, u"Handed %1 over from %2 to %3 (in the person's audit trail)."_s.arg(person, from, to));
    }
    if (what.isEmpty())
        return usageError(io, u"say what to do: caseload list, add, remove or handover"_s);
    return usageError(io, u"unknown caseload action '%1' (list, add, remove or handover)"_s.arg(what));
}

int ServerCommand::push(const ParsedArgs &p, CliIo &io)
{
    if (p.positional.size() > 1)
        return usageError(io, u"unexpected argument '%1' (give the file with --db)"_s.arg(p.positional.at(1)));
    if (!p.values.contains(u"--db"_s))
        return usageError(io, u"push needs the case file to move: --db FILE"_s);
    store::OpenOptions options;
    options.create = store::OpenOptions::Create::No;
    options.readOnly = true;
    auto file = store::openStore(p.values.value(u"--db"_s), options);
    if (!file)
        return fail(io, file.error());
    Progress bar(io, u"Moving to the server"_s, 100);
    auto report = connectAskingPassword(io, [&](const std::optional<QString> &password) {
        return pgs::pushToServer(**file, p.values.value(u"--server"_s), [&](qint64 d, qint64 total) {
            bar.update(total ? d * 100 / total : 0);
            return true;
        }, password);
    });
    if (!report)
        return fail(io, report.error());
    if (json(p)) {
        printJson(io, QJsonObject{{u"people"_s, report->people}, {u"entries"_s, report->entries}, {u"revisions"_s, report->revisions},
                                  {u"reviews"_s, report->reviews}, {u"sign_offs"_s, report->signOffs}, {u"drafts_left"_s, report->draftsLeft},
                                  {u"file_head_hash"_s, report->fileHeadHash}, {u"anchor_audit_row"_s, report->anchorSeq}});
        return ExitOk;
    }
    io.out << u"Moved %1 people, %2 entries (%3 final revisions), %4 reviews and %5 sign-off requests onto the server.\n"_s
                  .arg(report->people).arg(report->entries).arg(report->revisions).arg(report->reviews).arg(report->signOffs);
    if (report->draftsLeft > 0)
        io.out << u"%1 left behind: drafts were never part of the record. Finish them in the file, or copy their text over.\n"_s
                      .arg(report->draftsLeft == 1 ? u"1 draft was"_s : u"%1 drafts were"_s.arg(report->draftsLeft));
    io.out << u"The file's latest audit hash %1 is anchored in the server's audit trail (row %2): the file's history stays provable.\n"_s
                  .arg(report->fileHeadHash)
                  .arg(report->anchorSeq);
    return ExitOk;
}

} // namespace fairnote::cli
