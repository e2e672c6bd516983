// SPDX-FileCopyrightText: 2026 Fairnote contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// fairnote-cli's case-file commands end to end: the real binary on real files, its exit statuses, its
// JSON, and its faults (not a case file, read-only, in use, disk full, tampered with).
#include "testsupport.h"

#include "store/permissions.h"
#include "store/sqlite/database.h"
#include "store/writerlock.h"

#include <QCoreApplication>

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <unistd.h>

using namespace Qt::StringLiterals;

namespace {
struct Run
{
    int code;
    QString out;
    QString err;
    QJsonObject json() const { return QJsonDocument::fromJson(out.toUtf8()).object(); }
};

const QString kAuthor = u"Jo Fletcher (Support worker, Fairview Lodge)"_s;
const QString kExamples = QStringLiteral(FAIRNOTE_SOURCE_DIR "/docs/examples/");

// Runs fairnote-cli with its settings and data kept in `home`, through `wrapper` when given (the start
// of a shell line that ends by running the program, such as "ulimit -f 100; exec"). Fails the test when
// the binary does not finish normally.
Run cli(const QTemporaryDir &home, const QStringList &args, const QString &wrapper = {}, const QByteArray &input = {})
{
    QProcess p;
    auto env = fairnote::testing::cliEnvironment(home);
    p.setProcessEnvironment(env);
    if (wrapper.isEmpty()) {
        p.start(QStringLiteral(FAIRNOTE_CLI), args);
    } else {
        QString line = wrapper + u" \"$0\""_s;
        for (int i = 1; i <= args.size(); ++i)
            line += u" \"$%1\""_s.arg(i);
        p.start(u"/bin/sh"_s, QStringList{u"-c"_s, line, QStringLiteral(FAIRNOTE_CLI)} + args);
    }
    REQUIRE(p.waitForStarted());
    if (!input.isEmpty())
        p.write(input);
    p.closeWriteChannel();
    REQUIRE(p.waitForFinished(120000));
    REQUIRE(p.exitStatus() == QProcess::NormalExit);
    return {p.exitCode(), QString::fromUtf8(p.readAllStandardOutput()), QString::fromUtf8(p.readAllStandardError())};
}

QByteArray bytesOf(const QString &path)
{
    QFile f(path);
    REQUIRE(f.open(QIODevice::ReadOnly));
    return f.readAll();
}

// A case file with the complete example imported and the vague one finalised with reasons.
QString prepared(const QTemporaryDir &home)
{
    const QString db = home.filePath(u"case.db"_s);
    REQUIRE(cli(home, {u"init"_s, u"--db"_s, db}).code == 0);
    Run r = cli(home, {u"import"_s, u"--db"_s, db, u"--author"_s, kAuthor, u"--no-spelling"_s, kExamples + u"incident-complete.json"_s});
    INFO(r.err.toStdString());
    REQUIRE(r.code == 0);
    return db;
}
} // namespace

TEST_CASE("store commands answer --help, and the top help lists them", "[cli][store]")
{
    QTemporaryDir home;
    for (const QString &cmd : {u"init"_s, u"import"_s, u"export"_s, u"list"_s, u"people"_s, u"show"_s, u"finalise"_s, u"amend"_s,
                               u"mark-in-error"_s, u"search"_s, u"verify"_s, u"backup"_s}) {
        INFO(cmd.toStdString());
        const Run r = cli(home, {cmd, u"--help"_s});
        CHECK(r.code == 0);
        CHECK(r.out.startsWith(u"Usage: fairnote-cli "_s + cmd));
        CHECK(cli(home, {u"--help"_s}).out.contains(u"  "_s + cmd + u' '));
    }
    CHECK_FALSE(cli(home, {u"--help"_s}).out.contains(u"dev-generate"_s));
}

TEST_CASE("init, import, list, people and show: the record as JSON", "[cli][store]")
{
    QTemporaryDir home;
    const QString db = prepared(home);
    const Run people = cli(home, {u"people"_s, u"--db"_s, db, u"--format"_s, u"json"_s});
    REQUIRE(people.code == 0);
    const QJsonArray list = people.json().value(u"people"_s).toArray();
    REQUIRE(list.size() == 1);
    CHECK(list[0][u"name"_s] == u"Sam Rivers"_s);
    CHECK(list[0][u"incidents"_s] == 1);
    // The latest incident's date as the record holds it (an exact time here), with its bounds and words.
    const QJsonObject last = list[0][u"last_incident_date"_s].toObject();
    CHECK(last[u"precision"_s] == u"exact"_s);
    CHECK(last[u"value"_s] == u"2025-08-02T23:40"_s);
    CHECK(last[u"earliest"_s] == u"2025-08-02T23:40:00Z"_s);
    CHECK(last[u"text"_s].toString().startsWith(u"on 2 August 2025 at 23:40, "_s));
    CHECK_FALSE(list[0].toObject().contains(u"last_incident_at"_s));

    const Run entries = cli(home, {u"list"_s, u"--db"_s, db, u"--format"_s, u"json"_s});
    REQUIRE(entries.code == 0);
    const QJsonArray e = entries.json().value(u"entries"_s).toArray();
    REQUIRE(e.size() == 2);
    CHECK(e[0][u"id"_s] == u"entry-0001"_s);
    CHECK(e[0][u"person_id"_s] == u"person-0001"_s);
    CHECK(e[0][u"person_name"_s] == u"Sam Rivers"_s);
    CHECK(e[0][u"kind"_s] == u"incident"_s);
    CHECK(e[0][u"status"_s] == u"final"_s);
    CHECK(e[0][u"event_date"_s][u"precision"_s] == u"exact"_s);

    const Run byName = cli(home, {u"list"_s, u"--db"_s, db, u"--person"_s, u"Sam Rivers"_s});
    CHECK(byName.code == 0);
    CHECK(byName.out.contains(u"entry-0002"_s));

    const Run show = cli(home, {u"show"_s, u"--db"_s, db, u"--format"_s, u"json"_s, u"entry-0001"_s});
    REQUIRE(show.code == 0);
    const QJsonObject o = show.json();
    CHECK(o[u"status"_s] == u"final"_s);
    REQUIRE(o[u"revisions"_s].toArray().size() == 1);
    CHECK(o[u"revisions"_s][0][u"author"_s][u"name"_s] == u"Jo Fletcher"_s);
    CHECK(o[u"revisions"_s][0][u"hash"_s].toString().size() == 64);
    CHECK(o[u"revisions"_s][0][u"entry"_s][u"incident"_s][u"type"_s] == u"accidental"_s);

    const Run unknown = cli(home, {u"show"_s, u"--db"_s, db, u"entry-9"_s});
    CHECK(unknown.code == 2);
    CHECK(unknown.err.contains(u"no entry \"entry-9\""_s));
    const Run ambiguous = cli(home, {u"show"_s, u"--db"_s, db, u"entry"_s});
    CHECK(ambiguous.code == 2);
    CHECK(ambiguous.err.contains(u"several entries"_s));
}

TEST_CASE("init says truly whether it made the case file, and the file is owner-only", "[cli][store]")
{
    QTemporaryDir home;
    auto ownerOnly = [](const QString &path) {
        return (QFile(path).permissions() & (QFileDevice::ReadGroup | QFileDevice::ReadOther | QFileDevice::WriteOther)) == 0;
    };
    // An empty file and an SQLite database with nothing in it become the case file.
    const QString empty = home.filePath(u"empty.db"_s);
    { QFile f(empty); REQUIRE(f.open(QIODevice::WriteOnly)); f.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ReadOther); }
    const Run made = cli(home, {u"init"_s, u"--db"_s, empty});
    CHECK(made.code == 0);
    CHECK(made.out.startsWith(u"Created the case file"_s));
    CHECK(ownerOnly(empty));
    const QString blank = home.filePath(u"blank.sqlite"_s);
    { fairnote::store::sql::Database raw(blank, fairnote::store::sql::Database::Mode::ReadWriteCreate); raw.exec("CREATE TABLE t(x); DROP TABLE t"); }
    QFile::setPermissions(blank, QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ReadOther);
    const Run taken = cli(home, {u"init"_s, u"--db"_s, blank});
    CHECK(taken.code == 0);
    CHECK(taken.out.startsWith(u"Created the case file"_s));
    CHECK(ownerOnly(blank));
    const Run again = cli(home, {u"init"_s, u"--db"_s, blank});
    CHECK(again.code == 0);
    CHECK(again.out.contains(u"is already a Fairnote case file; nothing was changed"_s));
}

TEST_CASE("import is all or nothing, and a bad file names the JSON path", "[cli][store]")
{
    QTemporaryDir home;
    const QString db = prepared(home);
    const QByteArray before = bytesOf(db);
    const Run again = cli(home, {u"import"_s, u"--db"_s, db, u"--author"_s, kAuthor, u"--no-spelling"_s, kExamples + u"incident-complete.json"_s});
    CHECK(again.code == 2);
    CHECK(again.err.contains(u"already in"_s));
    CHECK(again.err.contains(u"Nothing was imported"_s));

    const Run bad = cli(home, {u"import"_s, u"--db"_s, db, u"--author"_s, kAuthor, u"-"_s}, {},
                        R"({"version":1,"person":{"name":"X"},"entries":[{"id":"a","kind":"note","written_at":"2025-01-01T00:00:00Z","author":{"name":"A"},"event_date":{"precision":"sometime"},"note":{"text":"x"}}]})");
    CHECK(bad.code == 2);
    CHECK(bad.err.contains(u"/entries/0/event_date/precision: expected one of"_s));
    CHECK(bad.err.contains(u"nothing in it was added"_s));
    CHECK(cli(home, {u"people"_s, u"--db"_s, db}).out.count(u'\n') == 1);
}

TEST_CASE("writing needs an author; reading does not", "[cli][store]")
{
    QTemporaryDir home;
    const QString db = prepared(home);
    const Run r = cli(home, {u"mark-in-error"_s, u"--db"_s, db, u"--reason"_s, u"x"_s, u"entry-0002"_s});
    CHECK(r.code == 2);
    CHECK(r.err.contains(u"--author"_s));
    CHECK(cli(home, {u"export"_s, u"--db"_s, db}).code == 2); // exports are recorded with who made them
    CHECK(cli(home, {u"list"_s, u"--db"_s, db}).code == 0);
    // The app's saved author is used when there is no --author.
    QDir(home.path()).mkpath(u"config/Fairnote"_s);
    QFile conf(home.filePath(u"config/Fairnote/Fairnote.conf"_s));
    REQUIRE(conf.open(QIODevice::WriteOnly));
    conf.write("[author]\nname=Dee Marsh\nrole=Team leader\norganisation=Fairview Lodge\n");
    conf.close();
    const Run saved = cli(home, {u"mark-in-error"_s, u"--db"_s, db, u"--reason"_s, u"Wrong file"_s, u"entry-0002"_s});
    CHECK(saved.code == 0);
    CHECK(cli(home, {u"show"_s, u"--db"_s, db, u"entry-0002"_s}).out.contains(u"by Dee Marsh (Team leader, Fairview Lodge)"_s));
}

TEST_CASE("a case file open for writing in the app is not changed by the command line; reading still works", "[cli][store][writer]")
{
    QTemporaryDir home;
    const QString db = prepared(home);
    {
        // This test's process stands for the app holding the file.
        auto held = fairnote::store::WriterLock::acquire(db);
        REQUIRE(held.ok());
        REQUIRE(*held);
        const Run refused = cli(home, {u"mark-in-error"_s, u"--db"_s, db, u"--author"_s, kAuthor, u"--reason"_s, u"Wrong file"_s,
                                       u"entry-0002"_s});
        CHECK(refused.code == 2);
        CHECK(refused.err.contains(u"is open for writing in"_s));
        CHECK(refused.err.contains(u"(process %1) on this computer"_s.arg(QCoreApplication::applicationPid())));
        CHECK(refused.err.contains(u"Close the file there first"_s));
        CHECK_FALSE(cli(home, {u"show"_s, u"--db"_s, db, u"entry-0002"_s}).out.contains(u"Wrong file"_s));
        // A second writer in the same place is told who holds it.
        auto second = fairnote::store::WriterLock::acquire(db);
        REQUIRE_FALSE(second.ok());
        CHECK(second.error().processId == QCoreApplication::applicationPid());
        CHECK(second.error().sameComputer);
    }
    // Once the app lets go, the command writes.
    CHECK(cli(home, {u"mark-in-error"_s, u"--db"_s, db, u"--author"_s, kAuthor, u"--reason"_s, u"Wrong file"_s, u"entry-0002"_s}).code == 0);
}

TEST_CASE("finalise refuses while prompts are open, then keeps the reasons", "[cli][store]")
{
    QTemporaryDir home;
    const QString db = prepared(home);
    REQUIRE(cli(home, {u"import"_s, u"--db"_s, db, u"--author"_s, kAuthor, u"--as-drafts"_s, u"--no-spelling"_s,
                       kExamples + u"incident-vague.json"_s}).code == 0);
    // Only the author sees the draft.
    CHECK(cli(home, {u"list"_s, u"--db"_s, db, u"--author"_s, kAuthor}).out.contains(u"legacy-0001"_s));
    CHECK_FALSE(cli(home, {u"list"_s, u"--db"_s, db, u"--author"_s, u"Dee Marsh (Team leader)"_s}).out.contains(u"legacy-0001"_s));
    CHECK(cli(home, {u"finalise"_s, u"--db"_s, db, u"--author"_s, u"Dee Marsh (Team leader)"_s, u"legacy-0001"_s}).code == 2);

    const Run open = cli(home, {u"finalise"_s, u"--db"_s, db, u"--author"_s, kAuthor, u"--no-spelling"_s, u"legacy-0001"_s});
    CHECK(open.code == 1);
    CHECK(open.out.contains(u"was not finalised"_s));
    CHECK(open.out.contains(u"[no-outcome]"_s));
    CHECK(cli(home, {u"list"_s, u"--db"_s, db, u"--author"_s, kAuthor}).out.contains(u"draft"_s));

    const Run done = cli(home, {u"finalise"_s, u"--db"_s, db, u"--author"_s, kAuthor, u"--no-spelling"_s,
                                u"--leave"_s, u"no-outcome=Asking the previous provider what came of it."_s,
                                u"--leave-all"_s, u"Legacy note: the facts are being traced."_s, u"legacy-0001"_s});
    INFO(done.out.toStdString() + done.err.toStdString());
    REQUIRE(done.code == 0);
    CHECK(done.out.contains(u"is final: revision 1"_s));
    const QJsonObject shown = cli(home, {u"show"_s, u"--db"_s, db, u"--format"_s, u"json"_s, u"legacy-0001"_s}).json();
    const QJsonArray prompts = shown[u"revisions"_s][0][u"prompts"_s].toArray();
    REQUIRE_FALSE(prompts.isEmpty());
    bool sawOutcome = false;
    for (const auto &p : prompts) {
        if (p[u"code"_s] == u"no-outcome"_s) {
            sawOutcome = true;
            CHECK(p[u"left_reason"_s] == u"Asking the previous provider what came of it."_s);
        } else {
            CHECK(p[u"left_reason"_s] == u"Legacy note: the facts are being traced."_s);
        }
    }
    CHECK(sawOutcome);
    CHECK_FALSE(shown[u"revisions"_s][0][u"findings"_s].toArray().isEmpty()); // "Known arsonist" is kept
}

TEST_CASE("amend and mark in error need reasons; history shows every revision; export leaves errors out", "[cli][store]")
{
    QTemporaryDir home;
    const QString db = prepared(home);
    const QString exported = home.filePath(u"sam.json"_s);
    REQUIRE(cli(home, {u"export"_s, u"--db"_s, db, u"--author"_s, kAuthor, u"--person"_s, u"person-0001"_s, u"-o"_s, exported}).code == 0);
    CHECK((QFile(exported).permissions() & (QFileDevice::ReadGroup | QFileDevice::ReadOther | QFileDevice::WriteOther)) == 0); // owner-only
    QByteArray json = bytesOf(exported);
    json.replace("poured a glass of water on it", "poured a glass of water on the pillowcase");
    QFile f(exported);
    REQUIRE(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
    f.write(json);
    f.close();

    CHECK(cli(home, {u"amend"_s, u"--db"_s, db, u"--author"_s, kAuthor, u"entry-0001"_s, exported}).code == 2);
    const Run amended = cli(home, {u"amend"_s, u"--db"_s, db, u"--author"_s, u"Dee Marsh (Team leader)"_s, u"--no-spelling"_s,
                                   u"--reason"_s, u"Clarified from the night log."_s, u"entry-0001"_s, exported});
    INFO(amended.err.toStdString());
    REQUIRE(amended.code == 0);
    const Run history = cli(home, {u"show"_s, u"--db"_s, db, u"--history"_s, u"entry-0001"_s});
    CHECK(history.out.contains(u"Revision 1, written by Jo Fletcher"_s));
    CHECK(history.out.contains(u"Revision 2, amended by Dee Marsh (Team leader)"_s));
    CHECK(history.out.contains(u"Reason for the amendment: Clarified from the night log."_s));
    CHECK(history.out.contains(u"was: At 23:40"_s));
    CHECK(history.out.contains(u"on the pillowcase"_s));

    CHECK(cli(home, {u"mark-in-error"_s, u"--db"_s, db, u"--author"_s, kAuthor, u"entry-0002"_s}).code == 2);
    REQUIRE(cli(home, {u"mark-in-error"_s, u"--db"_s, db, u"--author"_s, kAuthor, u"--reason"_s, u"Wrong file."_s, u"entry-0002"_s}).code == 0);
    // Refusals are the entry rules' own words (fairnote::store::permissionsFor), the same the store and the app give.
    {
        const fairnote::store::Actor jo{u"Jo Fletcher"_s, u"Support worker"_s, u"Fairview Lodge"_s};
        fairnote::store::EntryState inError{u"entry-0002"_s, 1, true, false, std::nullopt, {}, false};
        const Run amendInError = cli(home, {u"amend"_s, u"--db"_s, db, u"--author"_s, kAuthor, u"--no-spelling"_s, u"--reason"_s,
                                            u"Again."_s, u"entry-0002"_s, exported});
        CHECK(amendInError.code == 2);
        CHECK(amendInError.err.contains(fairnote::store::permissionsFor(inError, jo).refusal(fairnote::store::EntryAction::Amend)->message));
        fairnote::store::EntryState final{u"entry-0001"_s, 2, false, true, std::nullopt, {}, false};
        const Run finaliseFinal = cli(home, {u"finalise"_s, u"--db"_s, db, u"--author"_s, kAuthor, u"--no-spelling"_s, u"entry-0001"_s});
        CHECK(finaliseFinal.code == 2);
        CHECK(finaliseFinal.err.contains(fairnote::store::permissionsFor(final, jo).refusal(fairnote::store::EntryAction::Finalise)->message));
    }
    const Run out = cli(home, {u"export"_s, u"--db"_s, db, u"--author"_s, kAuthor, u"--person"_s, u"Sam Rivers"_s});
    REQUIRE(out.code == 0);
    const QJsonObject doc = QJsonDocument::fromJson(out.out.toUtf8()).object();
    REQUIRE(doc[u"entries"_s].toArray().size() == 1);
    CHECK(doc[u"entries"_s][0][u"incident"_s][u"what_happened"_s].toString().contains(u"on the pillowcase"_s));
    const Run with = cli(home, {u"export"_s, u"--db"_s, db, u"--author"_s, kAuthor, u"--include-in-error"_s});
    CHECK(QJsonDocument::fromJson(with.out.toUtf8()).object()[u"case_files"_s][0][u"entries"_s].toArray().size() == 2);

    // A whole-file export imports into a new file as it was.
    const QString copy = home.filePath(u"copy.db"_s);
    REQUIRE(cli(home, {u"init"_s, u"--db"_s, copy}).code == 0);
    REQUIRE(cli(home, {u"import"_s, u"--db"_s, copy, u"--author"_s, kAuthor, u"--no-spelling"_s, u"-"_s}, {}, with.out.toUtf8()).code == 0);
    CHECK(cli(home, {u"list"_s, u"--db"_s, copy, u"--format"_s, u"json"_s}).json()[u"entries"_s].toArray().size() == 2);
}

TEST_CASE("amend never writes one person's entry into another's record", "[cli][store]")
{
    QTemporaryDir home;
    const QString db = prepared(home);
    REQUIRE(cli(home, {u"import"_s, u"--db"_s, db, u"--author"_s, kAuthor, u"--no-spelling"_s, kExamples + u"incident-vague.json"_s}).code == 0);
    // Sam Rivers' file with only his incident, entry-0001.
    QJsonObject sam = QJsonDocument::fromJson(bytesOf(kExamples + u"incident-complete.json"_s)).object();
    QJsonArray entries = sam[u"entries"_s].toArray();
    entries.removeLast();
    sam[u"entries"_s] = entries;
    const QString one = home.filePath(u"one.json"_s);
    QFile f(one);
    REQUIRE(f.open(QIODevice::WriteOnly));
    f.write(QJsonDocument(sam).toJson());
    f.close();
    const QString before = cli(home, {u"show"_s, u"--db"_s, db, u"--format"_s, u"json"_s, u"legacy-0001"_s}).out;
    const Run wrong = cli(home, {u"amend"_s, u"--db"_s, db, u"--author"_s, kAuthor, u"--no-spelling"_s, u"--reason"_s, u"x"_s,
                                 u"--leave-all"_s, u"y"_s, u"legacy-0001"_s, one});
    CHECK(wrong.code == 2);
    CHECK(wrong.err.contains(u"has no entry with the id legacy-0001"_s));
    CHECK(cli(home, {u"show"_s, u"--db"_s, db, u"--format"_s, u"json"_s, u"legacy-0001"_s}).out == before);
    // The same person's only entry, under its own id, is still taken — once it changes something.
    const Run same = cli(home, {u"amend"_s, u"--db"_s, db, u"--author"_s, kAuthor, u"--no-spelling"_s, u"--reason"_s, u"x"_s, u"entry-0001"_s, one});
    CHECK(same.code == 2);
    CHECK(same.err.contains(u"changes nothing"_s));
    REQUIRE(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
    f.write(QJsonDocument(sam).toJson().replace("poured a glass of water on it", "poured a glass of water on the pillowcase"));
    f.close();
    const Run right = cli(home, {u"amend"_s, u"--db"_s, db, u"--author"_s, kAuthor, u"--no-spelling"_s, u"--reason"_s,
                                 u"Re-read the night log."_s, u"entry-0001"_s, one});
    INFO(right.err.toStdString());
    CHECK(right.code == 0);
}

TEST_CASE("search prints snippets with the matched words marked", "[cli][store]")
{
    QTemporaryDir home;
    const QString db = prepared(home);
    const Run r = cli(home, {u"search"_s, u"--db"_s, db, u"pillowcase"_s});
    CHECK(r.code == 0);
    CHECK(r.out.contains(u"entry-0001  Sam Rivers"_s));
    CHECK(r.out.contains(u"[pillowcase]"_s));
    const Run none = cli(home, {u"search"_s, u"--db"_s, db, u"--format"_s, u"json"_s, u"zebra"_s});
    CHECK(none.code == 0);
    CHECK(none.json()[u"results"_s].toArray().isEmpty());
}

TEST_CASE("the audit trail records exports, and verify shows the head hash", "[cli][store]")
{
    QTemporaryDir home;
    const QString db = prepared(home);
    const Run v1 = cli(home, {u"verify"_s, u"--db"_s, db, u"--format"_s, u"json"_s});
    REQUIRE(v1.code == 0);
    const QString head = v1.json()[u"head_hash"_s].toString();
    const qint64 rows = v1.json()[u"audit_rows"_s].toInteger();
    REQUIRE(cli(home, {u"export"_s, u"--db"_s, db, u"--author"_s, kAuthor, u"--person"_s, u"person-0001"_s}).code == 0);
    const Run v2 = cli(home, {u"verify"_s, u"--db"_s, db, u"--format"_s, u"json"_s, u"--expect"_s, head});
    CHECK(v2.code == 0);
    CHECK(v2.json()[u"audit_rows"_s].toInteger() == rows + 1);
    CHECK(v2.json()[u"expected_hash"_s][u"found"_s] == true);
    const Run text = cli(home, {u"verify"_s, u"--db"_s, db, u"--expect"_s, head.left(16)});
    CHECK(text.out.contains(u"the history up to it is intact, and 1 change has been recorded since"_s));
    const Run missing = cli(home, {u"verify"_s, u"--db"_s, db, u"--expect"_s, u"0123456789abcdef"_s});
    CHECK(missing.code == 1);
    CHECK(missing.out.contains(u"is not in the audit trail"_s));
}

TEST_CASE("a final revision edited with sqlite3: verify names the entry and exits 1", "[cli][store]")
{
    QTemporaryDir home;
    const QString db = prepared(home);
    {
        fairnote::store::sql::Database raw(db, fairnote::store::sql::Database::Mode::ReadWrite);
        raw.exec("DROP TRIGGER revisions_never_change; "
                 "UPDATE revisions SET content = replace(content, 'pillowcase', 'mattress') WHERE entry_id = 'entry-0001'");
    }
    const Run r = cli(home, {u"verify"_s, u"--db"_s, db});
    CHECK(r.code == 1);
    CHECK(r.out.contains(u"entry entry-0001 revision 1: its content"_s));
    CHECK(r.out.contains(u"revisions_never_change"_s));
}

TEST_CASE("files that are not case files: a clear error, exit 2, the file unchanged", "[cli][store]")
{
    QTemporaryDir home;
    const QString text = home.filePath(u"notes.txt"_s);
    QFile f(text);
    REQUIRE(f.open(QIODevice::WriteOnly));
    f.write(QByteArray("Known arsonist.\n").repeated(10));
    f.close();
    const QByteArray before = bytesOf(text);
    for (const QString &cmd : {u"list"_s, u"init"_s, u"verify"_s}) {
        const Run r = cli(home, {cmd, u"--db"_s, text});
        CHECK(r.code == 2);
        CHECK(r.err.contains(u"not an SQLite database"_s));
    }
    CHECK(bytesOf(text) == before);
    const Run missing = cli(home, {u"list"_s, u"--db"_s, home.filePath(u"none.db"_s)});
    CHECK(missing.code == 2);
    CHECK(missing.err.contains(u"fairnote-cli init --db"_s));
    CHECK_FALSE(QFile::exists(home.filePath(u"none.db"_s)));
}

TEST_CASE("the default case file is the app's, under the user's data folder", "[cli][store]")
{
    QTemporaryDir home;
    const Run r = cli(home, {u"init"_s});
    CHECK(r.code == 0);
    CHECK(QFile::exists(home.filePath(u"data/Fairnote/Fairnote/casefile.db"_s)));
}

TEST_CASE("a file the user may not write: read commands work, writes are refused", "[cli][store]")
{
    QTemporaryDir home;
    const QString db = prepared(home);
    QString wrapper;
    if (::geteuid() == 0) {
        // root may write anywhere: run as nobody, on a copy nobody can read but not write.
        const QString dir = home.filePath(u"shared"_s);
        QDir().mkpath(dir);
        QFile::copy(db, dir + u"/case.db"_s);
        QFile::setPermissions(dir + u"/case.db"_s, QFile::ReadOwner | QFile::ReadGroup | QFile::ReadOther);
        QFile::setPermissions(dir, QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner | QFile::ReadOther | QFile::ExeOther);
        QFile::setPermissions(home.path(), QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner | QFile::ReadOther | QFile::ExeOther);
        wrapper = u"exec setpriv --reuid=65534 --regid=65534 --clear-groups"_s;
        const QString path = dir + u"/case.db"_s;
        const Run list = cli(home, {u"list"_s, u"--db"_s, path}, wrapper);
        INFO(list.err.toStdString());
        CHECK(list.code == 0);
        CHECK(list.out.contains(u"entry-0001"_s));
        const Run write = cli(home, {u"mark-in-error"_s, u"--db"_s, path, u"--author"_s, kAuthor, u"--reason"_s, u"x"_s, u"entry-0002"_s}, wrapper);
        CHECK(write.code == 2);
        CHECK(write.err.contains(u"can only be read"_s));
        return;
    }
    REQUIRE(QFile::setPermissions(db, QFile::ReadOwner));
    CHECK(cli(home, {u"list"_s, u"--db"_s, db}).code == 0);
    const Run write = cli(home, {u"mark-in-error"_s, u"--db"_s, db, u"--author"_s, kAuthor, u"--reason"_s, u"x"_s, u"entry-0002"_s});
    CHECK(write.code == 2);
    CHECK(write.err.contains(u"can only be read"_s));
}

TEST_CASE("a read-only folder with saves still in the -wal file: refused by name, never shown without them", "[cli][store]")
{
    QTemporaryDir home;
    const QString db = prepared(home);
    QString marked;
    {
        // Another program keeps the file open, so the save below stays in case.db-wal (as after a crash);
        // the two files are copied as they are, without the -shm, to a folder the reader may not write.
        fairnote::store::sql::Database keeper(db, fairnote::store::sql::Database::Mode::ReadWrite);
        keeper.scalar("SELECT count(*) FROM entries");
        const Run mark = cli(home, {u"mark-in-error"_s, u"--db"_s, db, u"--author"_s, kAuthor, u"--reason"_s, u"Wrong file."_s, u"entry-0002"_s});
        REQUIRE(mark.code == 0);
        REQUIRE(QFileInfo(db + u"-wal"_s).size() > 32);
        const QString dir = home.filePath(u"media"_s);
        QDir().mkpath(dir);
        REQUIRE(QFile::copy(db, dir + u"/case.db"_s));
        REQUIRE(QFile::copy(db + u"-wal"_s, dir + u"/case.db-wal"_s));
        marked = dir + u"/case.db"_s;
    }
    QString wrapper;
    const QString dir = QFileInfo(marked).absolutePath();
    for (const QString &f : {marked, QString(marked + u"-wal"_s)})
        QFile::setPermissions(f, QFile::ReadOwner | QFile::ReadGroup | QFile::ReadOther);
    QFile::setPermissions(dir, QFile::ReadOwner | QFile::ExeOwner | QFile::ReadOther | QFile::ExeOther);
    if (::geteuid() == 0) { // root may write anywhere: read as nobody
        QFile::setPermissions(home.path(), QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner | QFile::ReadOther | QFile::ExeOther);
        wrapper = u"exec setpriv --reuid=65534 --regid=65534 --clear-groups"_s;
    }
    const Run list = cli(home, {u"list"_s, u"--db"_s, marked}, wrapper);
    INFO(list.out.toStdString() << list.err.toStdString());
    CHECK(list.code == 2);
    CHECK(list.err.contains(u"case.db-wal"_s));
    CHECK(list.err.contains(u"nothing saved is hidden"_s));
    const Run verify = cli(home, {u"verify"_s, u"--db"_s, marked}, wrapper);
    CHECK(verify.code == 2);
    CHECK_FALSE(QFile::exists(marked + u"-shm"_s));
    QFile::setPermissions(dir, QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);
}

namespace {

// The shell line that runs fairnote-cli as someone who is not the file's owner: nobody when the tests
// run as root (who may enter and write anywhere), else the tests' own user.
QString asSomeoneElse(const QTemporaryDir &home)
{
    if (::geteuid() != 0)
        return {};
    QFile::setPermissions(home.path(), QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner | QFile::ReadOther | QFile::ExeOther);
    return u"exec setpriv --reuid=65534 --regid=65534 --clear-groups"_s;
}

} // namespace

TEST_CASE("a case file in a folder you may not enter is named as such, never as a file to create", "[cli][store]")
{
    QTemporaryDir home;
    const QString db = prepared(home);
    const QString dir = home.filePath(u"locked"_s);
    QDir().mkpath(dir);
    REQUIRE(QFile::copy(db, dir + u"/case.db"_s));
    const QString wrapper = asSomeoneElse(home);
    // Root's own folder, closed to others; for an ordinary user, a folder closed to its owner too.
    QFile::setPermissions(dir, wrapper.isEmpty() ? QFileDevice::Permissions{} : QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);
    const Run r = cli(home, {u"list"_s, u"--db"_s, dir + u"/case.db"_s}, wrapper);
    const Run init = cli(home, {u"init"_s, u"--db"_s, dir + u"/case.db"_s}, wrapper);
    QFile::setPermissions(dir, QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);
    INFO(r.err.toStdString());
    CHECK(r.code == 2);
    CHECK(r.err.contains(u"you may not open the folder"_s));
    CHECK_FALSE(r.err.contains(u"init"_s));
    CHECK_FALSE(r.err.contains(u"no case file"_s));
    CHECK(init.code == 2);
    CHECK(init.err.contains(u"you may not open the folder"_s));
}

TEST_CASE("init on an existing case file that may only be read leaves it and says so", "[cli][store]")
{
    QTemporaryDir home;
    const QString db = prepared(home);
    const QByteArray before = [&] { QFile f(db); REQUIRE(f.open(QIODevice::ReadOnly)); return f.readAll(); }();
    const QString wrapper = asSomeoneElse(home);
    QFile::setPermissions(db, QFile::ReadOwner | QFile::ReadOther);
    const Run r = cli(home, {u"init"_s, u"--db"_s, db}, wrapper);
    INFO(r.err.toStdString());
    CHECK(r.code == 0);
    CHECK(r.out.contains(u"is already a Fairnote case file; nothing was changed"_s));
    CHECK(r.out.contains(u"can only be read"_s));
    QFile f(db);
    REQUIRE(f.open(QIODevice::ReadOnly));
    CHECK(f.readAll() == before);
}

TEST_CASE("a reading command on a file from an older Fairnote names how to upgrade it", "[cli][store]")
{
    QTemporaryDir home;
    const QString db = prepared(home);
    {
        fairnote::store::sql::Database raw(db, fairnote::store::sql::Database::Mode::ReadWrite);
        raw.exec("PRAGMA user_version = 3");
    }
    const Run r = cli(home, {u"list"_s, u"--db"_s, db});
    INFO(r.err.toStdString());
    CHECK(r.code == 2);
    CHECK(r.err.contains(u"older Fairnote"_s));
    CHECK(r.err.contains(u"fairnote-cli init --db "_s + db));
}

TEST_CASE("another program writing the file: a clear 'in use' error, then it works", "[cli][store]")
{
    QTemporaryDir home;
    const QString db = prepared(home);
    fairnote::store::sql::Database other(db, fairnote::store::sql::Database::Mode::ReadWrite);
    other.exec("BEGIN IMMEDIATE; INSERT INTO meta(key, value) VALUES ('lock', 'held')");
    const Run busy = cli(home, {u"mark-in-error"_s, u"--db"_s, db, u"--author"_s, kAuthor, u"--reason"_s, u"Wrong file."_s, u"entry-0002"_s});
    CHECK(busy.code == 2);
    CHECK(busy.err.contains(u"in use by another program"_s));
    CHECK(cli(home, {u"list"_s, u"--db"_s, db}).code == 0); // reading is not blocked
    other.exec("ROLLBACK");
    CHECK(cli(home, {u"mark-in-error"_s, u"--db"_s, db, u"--author"_s, kAuthor, u"--reason"_s, u"Wrong file."_s, u"entry-0002"_s}).code == 0);
}

TEST_CASE("no room to write (a file-size limit): the import fails cleanly and the file still verifies", "[cli][store]")
{
    QTemporaryDir home;
    const QString db = prepared(home);
    const Run before = cli(home, {u"list"_s, u"--db"_s, db, u"--format"_s, u"json"_s});
    // A case file far bigger than the 200 KB the shell lets the process write.
    QJsonArray entries;
    for (int i = 0; i < 400; ++i)
        entries.append(QJsonObject{{u"id"_s, u"big-%1"_s.arg(i)}, {u"kind"_s, u"note"_s}, {u"written_at"_s, u"2025-01-01T10:00:00Z"_s},
                                   {u"author"_s, QJsonObject{{u"name"_s, u"A"_s}}},
                                   {u"event_date"_s, QJsonObject{{u"precision"_s, u"day"_s}, {u"value"_s, u"2025-01-01"_s}}},
                                   {u"note"_s, QJsonObject{{u"text"_s, u"A long note about the day at the centre. "_s.repeated(60)}}}});
    const QByteArray big = QJsonDocument(QJsonObject{{u"version"_s, 1}, {u"person"_s, QJsonObject{{u"name"_s, u"Big File"_s}}},
                                                     {u"entries"_s, entries}}).toJson();
    const Run full = cli(home, {u"import"_s, u"--db"_s, db, u"--author"_s, kAuthor, u"--no-spelling"_s, u"-"_s},
                         u"trap '' XFSZ; ulimit -f 400; exec"_s, big);
    INFO(full.err.toStdString());
    CHECK(full.code == 2);
    CHECK(full.err.contains(u"Nothing was imported"_s));
    CHECK(full.err.contains(u"intact"_s));
    CHECK(cli(home, {u"verify"_s, u"--db"_s, db}).code == 0);
    CHECK(cli(home, {u"list"_s, u"--db"_s, db, u"--format"_s, u"json"_s}).out == before.out);
}

TEST_CASE("backup writes a verified copy and refuses to overwrite", "[cli][store]")
{
    QTemporaryDir home;
    const QString db = prepared(home);
    const QString dest = home.filePath(u"backup.db"_s);
    const Run r = cli(home, {u"backup"_s, u"--db"_s, db, u"--author"_s, kAuthor, dest});
    INFO(r.err.toStdString());
    CHECK(r.code == 0);
    CHECK(r.out.contains(u"verified the copy"_s));
    const QStringList left = QDir(home.path()).entryList({u"backup.db*"_s}, QDir::Files);
    CHECK(left == QStringList{u"backup.db"_s});
    CHECK(cli(home, {u"verify"_s, u"--db"_s, dest}).code == 0);
    const Run again = cli(home, {u"backup"_s, u"--db"_s, db, u"--author"_s, kAuthor, dest});
    CHECK(again.code == 2);
    CHECK(again.err.contains(u"never overwrites"_s));
}

TEST_CASE("backup of a file you may only read is made, with a note and no error", "[cli][store]")
{
    QTemporaryDir home;
    const QString db = prepared(home);
    const QString wrapper = asSomeoneElse(home);
    QFile::setPermissions(db, QFile::ReadOwner | QFile::ReadOther);
    const QString dest = home.filePath(u"copies"_s);
    QDir().mkpath(dest);
    QFile::setPermissions(dest, QFileDevice::Permissions(0x7777)); // anyone may write the copy here
    const Run r = cli(home, {u"backup"_s, u"--db"_s, db, u"--author"_s, kAuthor, dest + u"/backup.db"_s}, wrapper);
    INFO(r.err.toStdString());
    CHECK(r.code == 0);
    CHECK(r.out.contains(u"verified the copy"_s));
    CHECK_FALSE(r.err.contains(u"error"_s));
    CHECK(r.err.contains(u"not recorded in the audit trail"_s));
    CHECK(r.err.contains(u"you may not write to it"_s));
}

TEST_CASE("dev-generate fills a file that verifies", "[cli][store]")
{
    QTemporaryDir home;
    const QString db = home.filePath(u"gen.db"_s);
    const Run r = cli(home, {u"dev-generate"_s, u"--db"_s, db, u"--people"_s, u"20"_s, u"--entries"_s, u"300"_s});
    INFO(r.err.toStdString());
    REQUIRE(r.code == 0);
    CHECK(cli(home, {u"verify"_s, u"--db"_s, db}).code == 0);
    CHECK(cli(home, {u"people"_s, u"--db"_s, db, u"--format"_s, u"json"_s}).json()[u"people"_s].toArray().size() == 20);
}

TEST_CASE("verify says list summaries of another wording were not compared; init rewords them and says so", "[cli][store]")
{
    QTemporaryDir home;
    const QString db = prepared(home);
    {
        // A file from before summary wordings were numbered.
        fairnote::store::sql::Database raw(db, fairnote::store::sql::Database::Mode::ReadWrite);
        raw.exec("DELETE FROM meta WHERE key = 'summary_wording'");
    }
    const Run before = cli(home, {u"verify"_s, u"--db"_s, db});
    INFO(before.out.toStdString());
    CHECK(before.code == 0);
    CHECK(before.out.contains(u"Note: The list summaries were not compared with the entries"_s));
    const Run init = cli(home, {u"init"_s, u"--db"_s, db});
    INFO(init.out.toStdString());
    CHECK(init.code == 0);
    CHECK(init.out.contains(u"is already a Fairnote case file: its list summaries reworded in this version's wording (in the audit trail)"_s));
    const Run after = cli(home, {u"verify"_s, u"--db"_s, db});
    CHECK(after.code == 0);
    CHECK_FALSE(after.out.contains(u"Note:"_s));
    CHECK(cli(home, {u"init"_s, u"--db"_s, db}).out.contains(u"is already a Fairnote case file; nothing was changed"_s));
}
