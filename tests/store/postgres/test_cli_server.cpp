// SPDX-FileCopyrightText: 2026 Fairnote contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// fairnote-cli against a real team server: --server wherever --db is taken, and server init, info,
// staff, team, caseload and push, run as the real binary with each member of staff's own login.
#include "pgtestsupport.h"
#include "testsupport.h"

#include "store/postgres/open.h"
#include "store/sqlite/open.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <array>
#include <cstdlib>
#include <fcntl.h>
#include <poll.h>
#include <unistd.h>

using namespace Qt::StringLiterals;
using namespace fairnote;
using fairnote::testing::TestServer;

namespace {

struct Run
{
    int code = -1;
    QString out, err;
    QJsonValue json() const
    {
        const auto d = QJsonDocument::fromJson(out.toUtf8());
        return d.isArray() ? QJsonValue(d.array()) : QJsonValue(d.object());
    }
};

// Runs the real fairnote-cli with its settings kept in `home` (so the app's saved author is never
// read), `input` on standard input.
Run cli(const QTemporaryDir &home, const QStringList &args, const QByteArray &input = {})
{
    QProcess p;
    auto env = fairnote::testing::cliEnvironment(home);
    p.setProcessEnvironment(env);
    p.start(QStringLiteral(FAIRNOTE_CLI), args);
    REQUIRE(p.waitForStarted());
    p.write(input);
    p.closeWriteChannel();
    REQUIRE(p.waitForFinished(120000));
    REQUIRE(p.exitStatus() == QProcess::NormalExit);
    return {p.exitCode(), QString::fromUtf8(p.readAllStandardOutput()), QString::fromUtf8(p.readAllStandardError())};
}

const QString kExamples = QStringLiteral(FAIRNOTE_SOURCE_DIR "/docs/examples/");

} // namespace

TEST_CASE("server init sets up an empty database from the command line, and refuses to do it twice", "[cli][server]")
{
    QTemporaryDir home;
    // An empty database, made as the superuser; server init then runs as the superuser too.
    TestServer existing; // only for its naming and clean-up of logins: a second, empty database beside it
    const QString db = existing.database() + u"_cli"_s;
    existing.adoptDatabase(db);
    {
        auto c = existing.connectAsSuperuser();
        c->execOnce(u"CREATE DATABASE %1 ENCODING 'UTF8' TEMPLATE template0"_s.arg(db));
    }
    const QString admin = existing.login(u"cliadmin"_s);
    existing.adoptLogin(admin);
    const QString conninfo = existing.superConninfo(db);
    Run r = cli(home, {u"server"_s, u"init"_s, u"--server"_s, conninfo, u"--admin"_s, admin, u"--name"_s, u"Sam Okafor"_s,
                       u"--job-title"_s, u"Service manager"_s, u"--password-stdin"_s},
                fairnote::testing::kTestPassword.toUtf8() + "\n");
    INFO(r.err.toStdString());
    REQUIRE(r.code == 0);
    CHECK(r.out.contains(u"Set up a Fairnote server"_s));
    CHECK(r.out.contains(admin));
    // Again: refused, and the server is left as it was.
    r = cli(home, {u"server"_s, u"init"_s, u"--server"_s, conninfo, u"--admin"_s, admin, u"--name"_s, u"Sam Okafor"_s});
    CHECK(r.code == 2);
    CHECK(r.err.contains(u"already"_s));
    r = cli(home, {u"server"_s, u"info"_s, u"--server"_s, conninfo, u"--format"_s, u"json"_s});
    REQUIRE(r.code == 0);
    CHECK(r.json().toObject().value(u"schema_version"_s).toInt() >= 1);
    // Without the first administrator, init says what it needs.
    r = cli(home, {u"server"_s, u"init"_s, u"--server"_s, conninfo});
    CHECK(r.code == 2);
    CHECK(r.err.contains(u"--admin LOGIN --name"_s));
}

TEST_CASE("an administrator sets up staff, teams and caseloads with fairnote-cli server, and reads no case content", "[cli][server]")
{
    QTemporaryDir home;
    TestServer server;
    const QString asAdmin = server.conninfoAs(u"admin"_s);

    Run r = cli(home, {u"server"_s, u"team"_s, u"add"_s, u"Night team"_s, u"--server"_s, asAdmin});
    INFO(r.err.toStdString());
    REQUIRE(r.code == 0);
    const QString jo = server.login(u"jo"_s), sam = server.login(u"sam"_s);
    server.adoptLogin(jo);
    server.adoptLogin(sam);
    r = cli(home, {u"server"_s, u"staff"_s, u"add"_s, jo, u"--name"_s, u"Joanne Pike"_s, u"--role"_s, u"worker"_s, u"--job-title"_s,
                   u"Support worker"_s, u"--team"_s, u"Night team"_s, u"--password-stdin"_s, u"--server"_s, asAdmin},
            fairnote::testing::kTestPassword.toUtf8() + "\n");
    INFO(r.err.toStdString());
    REQUIRE(r.code == 0);
    CHECK(r.out.contains(u"Added Joanne Pike"_s));
    r = cli(home, {u"server"_s, u"staff"_s, u"add"_s, sam, u"--name"_s, u"Sam Okafor"_s, u"--role"_s, u"supervisor"_s, u"--team"_s,
                   u"Night team"_s, u"--password-stdin"_s, u"--server"_s, asAdmin},
            fairnote::testing::kTestPassword.toUtf8() + "\n");
    REQUIRE(r.code == 0);
    // A role that does not exist, and a password given nowhere, are usage errors.
    r = cli(home, {u"server"_s, u"staff"_s, u"add"_s, server.login(u"x"_s), u"--name"_s, u"X"_s, u"--role"_s, u"boss"_s, u"--server"_s, asAdmin});
    CHECK(r.code == 2);
    CHECK(r.err.contains(u"--role worker, supervisor, trainer or administrator"_s));
    r = cli(home, {u"server"_s, u"staff"_s, u"password"_s, jo, u"--server"_s, asAdmin});
    CHECK(r.code == 2);

    // A team that does not exist adds nobody.
    const QString ghost = server.login(u"ghost"_s);
    server.adoptLogin(ghost);
    r = cli(home, {u"server"_s, u"staff"_s, u"add"_s, ghost, u"--name"_s, u"Gus Host"_s, u"--role"_s, u"worker"_s, u"--team"_s, u"Nigth team"_s,
                   u"--server"_s, asAdmin});
    CHECK(r.code == 2);
    CHECK(r.err.contains(u"no team called \"Nigth team\""_s));

    r = cli(home, {u"server"_s, u"staff"_s, u"list"_s, u"--format"_s, u"json"_s, u"--server"_s, asAdmin});
    REQUIRE(r.code == 0);
    CHECK_FALSE(r.out.contains(ghost));
    QStringList logins;
    for (const QJsonValue &m : r.json().toArray())
        logins << m.toObject().value(u"login"_s).toString();
    CHECK(logins.contains(jo));
    CHECK(logins.contains(sam));

    // Jo writes about a person with her own login: the CLI acts as the login, never as a typed author.
    const QString asJo = server.conninfoAs(u"jo"_s);
    r = cli(home, {u"import"_s, kExamples + u"incident-complete.json"_s, u"--as-drafts"_s, u"--server"_s, asJo, u"--author"_s, u"Someone Else (Manager)"_s});
    CHECK(r.code == 2);
    CHECK(r.err.contains(u"--author is only for a case file"_s));
    r = cli(home, {u"import"_s, kExamples + u"incident-complete.json"_s, u"--as-drafts"_s, u"--no-spelling"_s, u"--server"_s, asJo});
    INFO(r.err.toStdString());
    REQUIRE(r.code == 0);
    r = cli(home, {u"people"_s, u"--format"_s, u"json"_s, u"--server"_s, asJo});
    REQUIRE(r.code == 0);
    const QJsonArray people = r.json().toObject().value(u"people"_s).toArray();
    REQUIRE(people.size() >= 1);
    const QString personId = people.first().toObject().value(u"id"_s).toString();
    // Her drafts are signed with her staff record, whatever the imported file said.
    r = cli(home, {u"list"_s, u"--person"_s, personId, u"--format"_s, u"json"_s, u"--server"_s, asJo});
    REQUIRE(r.code == 0);
    CHECK(r.out.contains(u"Joanne Pike"_s));
    CHECK_FALSE(r.out.contains(u"Someone Else"_s));

    // The person is on the Night team's caseload (a person a worker adds goes on their teams'); the
    // administrator sees who is on it, by id and name only.
    r = cli(home, {u"server"_s, u"caseload"_s, u"list"_s, u"Night team"_s, u"--format"_s, u"json"_s, u"--server"_s, asAdmin});
    REQUIRE(r.code == 0);
    CHECK(r.out.contains(personId));
    // ...but cannot read what is written about them: the server refuses.
    r = cli(home, {u"list"_s, u"--person"_s, personId, u"--server"_s, asAdmin});
    CHECK(r.code == 2);

    // A handover to a team Jo is not on: Jo no longer reads the person.
    r = cli(home, {u"server"_s, u"team"_s, u"add"_s, u"Day team"_s, u"--server"_s, asAdmin});
    REQUIRE(r.code == 0);
    r = cli(home, {u"server"_s, u"caseload"_s, u"handover"_s, personId, u"--from"_s, u"Night team"_s, u"--to"_s, u"Day team"_s, u"--server"_s, asAdmin});
    INFO(r.err.toStdString());
    REQUIRE(r.code == 0);
    r = cli(home, {u"people"_s, u"--format"_s, u"json"_s, u"--server"_s, asJo});
    REQUIRE(r.code == 0);
    CHECK_FALSE(r.out.contains(personId));

    // A worker cannot administer: the server says no, the CLI exits 2 with its words.
    r = cli(home, {u"server"_s, u"team"_s, u"add"_s, u"Jo's team"_s, u"--server"_s, asJo});
    CHECK(r.code == 2);
    CHECK_FALSE(r.err.isEmpty());

    // verify with --server (a supervisor), and no case file is ever made: init and backup say what to use.
    r = cli(home, {u"verify"_s, u"--server"_s, server.conninfoAs(u"sam"_s)});
    INFO(r.out.toStdString() + r.err.toStdString());
    CHECK(r.code == 0);
    r = cli(home, {u"init"_s, u"--server"_s, asJo});
    CHECK(r.code == 2);
    CHECK(r.err.contains(u"server init"_s));
    r = cli(home, {u"backup"_s, home.filePath(u"b.db"_s), u"--server"_s, asJo});
    CHECK(r.code == 2);
    CHECK(r.err.contains(u"pg_dump"_s));
    CHECK_FALSE(QFile::exists(home.filePath(u"b.db"_s)));
    // --db and --server together are a usage error.
    r = cli(home, {u"people"_s, u"--db"_s, home.filePath(u"x.db"_s), u"--server"_s, asJo});
    CHECK(r.code == 2);
    CHECK(r.err.contains(u"not both"_s));
}

TEST_CASE("server push moves a case file onto the server and anchors its chain hash", "[cli][server]")
{
    QTemporaryDir home;
    TestServer server;
    server.addTeam(u"Night team"_s);
    server.addStaff(u"sam"_s, u"Sam Okafor"_s, u"supervisor"_s, {u"Night team"_s}, u"Team leader"_s);
    const QString file = home.filePath(u"team.db"_s);
    const QString author = u"Jo Fletcher (Support worker, Fairview Lodge)"_s;
    Run r = cli(home, {u"init"_s, u"--db"_s, file});
    REQUIRE(r.code == 0);
    r = cli(home, {u"import"_s, kExamples + u"incident-complete.json"_s, u"--db"_s, file, u"--author"_s, author, u"--no-spelling"_s});
    INFO(r.err.toStdString());
    REQUIRE(r.code == 0);
    r = cli(home, {u"verify"_s, u"--db"_s, file, u"--format"_s, u"json"_s});
    REQUIRE(r.code == 0);
    const QString head = r.json().toObject().value(u"head_hash"_s).toString();

    r = cli(home, {u"server"_s, u"push"_s, u"--db"_s, file, u"--format"_s, u"json"_s, u"--server"_s, server.conninfoAs(u"sam"_s)});
    INFO(r.err.toStdString());
    REQUIRE(r.code == 0);
    const QJsonObject report = r.json().toObject();
    CHECK(report.value(u"people"_s).toInt() >= 1);
    CHECK(report.value(u"file_head_hash"_s).toString() == head);
    // The entries keep their original author on the server.
    r = cli(home, {u"list"_s, u"--format"_s, u"json"_s, u"--server"_s, server.conninfoAs(u"sam"_s)});
    REQUIRE(r.code == 0);
    CHECK(r.out.contains(u"Jo Fletcher"_s));
    // Pushing the same file again pushes nothing: its ids are already there.
    r = cli(home, {u"server"_s, u"push"_s, u"--db"_s, file, u"--server"_s, server.conninfoAs(u"sam"_s)});
    CHECK(r.code == 2);
}

TEST_CASE("a server that asks for a password: none given, a wrong one and the right one", "[cli][server][password]")
{
    QTemporaryDir home;
    TestServer server;
    server.addTeam(u"Night team"_s);
    server.addStaff(u"jo"_s, u"Joanne Pike"_s, u"worker"_s, {u"Night team"_s});
    const QString noPassword = server.conninfoAsWithPassword(u"jo"_s, {});

    // In the store: NeedsPassword, with what to do; a wrong one is said to be refused; the right one opens.
    auto none = store::postgres::openServer(noPassword);
    REQUIRE_FALSE(none.ok());
    CHECK(none.error().code == store::ErrorCode::NeedsPassword);
    CHECK(none.error().message.contains(u"asks for your password"_s));
    store::postgres::ServerOpenOptions wrong;
    wrong.password = u"not the password"_s;
    auto refused = store::postgres::openServer(noPassword, wrong);
    REQUIRE_FALSE(refused.ok());
    CHECK(refused.error().code == store::ErrorCode::NeedsPassword);
    CHECK(refused.error().message.contains(u"did not accept the password"_s));
    store::postgres::ServerOpenOptions right;
    right.password = fairnote::testing::kTestPassword;
    auto opened = store::postgres::openServer(noPassword, right);
    REQUIRE(opened.ok());
    CHECK(store::postgres::sessionOf(**opened)->actor.name == u"Joanne Pike"_s);

    // The CLI with no terminal to ask on: exit 2, and where to keep the password.
    Run r = cli(home, {u"people"_s, u"--server"_s, noPassword});
    CHECK(r.code == 2);
    CHECK(r.err.contains(u"~/.pgpass"_s));
    // With ~/.pgpass (libpq's own file, owner-only) it connects without asking.
    {
        QFile pgpass(home.filePath(u".pgpass"_s));
        REQUIRE(pgpass.open(QIODevice::WriteOnly));
        pgpass.write(QStringLiteral("*:*:%1:%2:%3\n").arg(server.database(), server.login(u"jo"_s), fairnote::testing::kTestPassword).toUtf8());
        pgpass.close();
        pgpass.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner);
    }
    r = cli(home, {u"people"_s, u"--server"_s, noPassword});
    INFO(r.err.toStdString());
    CHECK(r.code == 0);
}

namespace {

// Runs fairnote-cli with a pseudo-terminal as its standard input (its output on pipes, read here) and
// answers each password prompt, in turn, with the next of `answers` once the prompt is shown (typed ahead,
// it would be flushed as the echo goes off).
Run cliOnTerminal(const QTemporaryDir &home, const QStringList &args, const QStringList &answers)
{
    const int master = ::posix_openpt(O_RDWR | O_NOCTTY);
    REQUIRE(master >= 0);
    REQUIRE(::grantpt(master) == 0);
    REQUIRE(::unlockpt(master) == 0);
    QProcess p;
    auto env = fairnote::testing::cliEnvironment(home);
    p.setProcessEnvironment(env);
    p.setStandardInputFile(QString::fromLocal8Bit(::ptsname(master)));
    p.start(QStringLiteral(FAIRNOTE_CLI), args);
    REQUIRE(p.waitForStarted());
    QString err;
    int answered = 0;
    // waitForFinished, not waitForReadyRead: it reads the pipes as it waits, and it notices the end of
    // the process (waitForReadyRead alone once waited on for ever after the program had ended).
    while (p.state() != QProcess::NotRunning) {
        p.waitForFinished(100);
        err += QString::fromUtf8(p.readAllStandardError());
        if (answered < answers.size() && err.count(u"Password for the team server:"_s) > answered) {
            const QByteArray line = (answers[answered++] + u'\n').toUtf8();
            REQUIRE(::write(master, line.constData(), size_t(line.size())) == line.size());
        }
        char drain[256]; // the terminal's echo of what came before the prompt, unread otherwise
        while (::poll(std::array{pollfd{master, POLLIN, 0}}.data(), 1, 0) > 0 && ::read(master, drain, sizeof drain) > 0) {
        }
    }
    ::close(master);
    err += QString::fromUtf8(p.readAllStandardError());
    return {p.exitCode(), QString::fromUtf8(p.readAllStandardOutput()), err};
}

} // namespace

TEST_CASE("on a terminal the password is asked for, by the record commands and by every server command alike",
          "[cli][server][password]")
{
    QTemporaryDir home;
    TestServer server;
    server.addTeam(u"Night team"_s);
    server.addStaff(u"jo"_s, u"Joanne Pike"_s, u"worker"_s, {u"Night team"_s});
    const QString jo = server.conninfoAsWithPassword(u"jo"_s, {});
    const QString admin = server.conninfoAsWithPassword(u"admin"_s, {});

    Run r = cliOnTerminal(home, {u"people"_s, u"--server"_s, jo}, {u"not the password"_s, fairnote::testing::kTestPassword});
    INFO(r.out.toStdString());
    CHECK(r.code == 0);
    CHECK(r.err.contains(u"That password was not accepted."_s));
    CHECK_FALSE(r.err.contains(fairnote::testing::kTestPassword)); // never echoed
    CHECK_FALSE(r.out.contains(fairnote::testing::kTestPassword));

    // An administrator's command asks the same way (it once failed at once, asking nothing).
    r = cliOnTerminal(home, {u"server"_s, u"staff"_s, u"list"_s, u"--server"_s, admin}, {fairnote::testing::kTestPassword});
    INFO(r.out.toStdString());
    CHECK(r.code == 0);
    CHECK(r.err.contains(u"Password for the team server:"_s));
    CHECK(r.out.contains(server.login(u"jo"_s)));
    r = cliOnTerminal(home, {u"server"_s, u"info"_s, u"--server"_s, admin}, {fairnote::testing::kTestPassword});
    CHECK(r.code == 0);
    CHECK(r.out.contains(server.database()));

    // Three refusals, and it stops with the server's word.
    r = cliOnTerminal(home, {u"server"_s, u"team"_s, u"list"_s, u"--server"_s, admin}, {u"a"_s, u"b"_s, u"c"_s});
    CHECK(r.code == 2);
    CHECK(r.err.contains(u"did not accept the password"_s));
}
