// SPDX-FileCopyrightText: 2026 Fairnote contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// fairnote-cli review and trends end to end: a reproducible queue, a review that leaves the entry as it
// was, sign-off that nobody gives themselves, and the figures as CSV.
#include "testsupport.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace {
struct Run
{
    int code;
    QString out;
    QString err;
    QJsonObject json() const { return QJsonDocument::fromJson(out.toUtf8()).object(); }
};

const QString kJo = u"Jo Fletcher (Support worker, Fairview Lodge)"_s;
const QString kSam = u"Sam Okafor (Team leader)"_s;

Run cli(const QTemporaryDir &home, const QStringList &args)
{
    QProcess p;
    auto env = fairnote::testing::cliEnvironment(home);
    p.setProcessEnvironment(env);
    p.start(QStringLiteral(FAIRNOTE_CLI), args);
    REQUIRE(p.waitForFinished(120000));
    return {p.exitCode(), QString::fromUtf8(p.readAllStandardOutput()), QString::fromUtf8(p.readAllStandardError())};
}

QString prepared(const QTemporaryDir &home)
{
    const QString db = home.filePath(u"case.db"_s);
    REQUIRE(cli(home, {u"init"_s, u"--db"_s, db}).code == 0);
    REQUIRE(cli(home, {u"import"_s, u"--db"_s, db, u"--author"_s, kJo, u"--no-spelling"_s,
                       QStringLiteral(FAIRNOTE_SOURCE_DIR "/docs/examples/incident-complete.json")}).code == 0);
    return db;
}
} // namespace

TEST_CASE("review sample, list, show and record; the entry is unchanged", "[cli][review]")
{
    QTemporaryDir home;
    const QString db = prepared(home);
    const Run sample = cli(home, {u"review"_s, u"sample"_s, u"--db"_s, db, u"--author"_s, kSam, u"--size"_s, u"2"_s, u"--seed"_s, u"9"_s});
    INFO(sample.err.toStdString());
    REQUIRE(sample.code == 0);
    CHECK(sample.out.contains(u"seed 9"_s));
    const Run again = cli(home, {u"review"_s, u"sample"_s, u"--db"_s, db, u"--author"_s, kSam, u"--size"_s, u"2"_s, u"--seed"_s, u"9"_s});
    CHECK(again.out.section(u'\n', 1, 2) == sample.out.section(u'\n', 1, 2)); // the same entries, in the same order
    const QJsonArray queue = cli(home, {u"review"_s, u"list"_s, u"--db"_s, db, u"--format"_s, u"json"_s}).json()[u"queue"_s].toArray();
    REQUIRE(queue.size() == 2);
    CHECK(queue[0][u"reviewed"_s] == false);

    const QString hashBefore = cli(home, {u"show"_s, u"--db"_s, db, u"--format"_s, u"json"_s, u"entry-0001"_s}).json()[u"revisions"_s][0][u"hash"_s].toString();
    const Run shown = cli(home, {u"review"_s, u"show"_s, u"--db"_s, db, u"entry-0001"_s});
    CHECK(shown.out.contains(u"Completeness: 5 of 5 checks met"_s));
    CHECK(cli(home, {u"review"_s, u"record"_s, u"--db"_s, db, u"--author"_s, kSam, u"entry-0001"_s, u"--score"_s, u"factual=5"_s}).code == 2);
    CHECK(cli(home, {u"review"_s, u"record"_s, u"--db"_s, db, u"--author"_s, kSam, u"entry-0001"_s, u"--score"_s, u"tidy=3"_s}).code == 2);
    const Run own = cli(home, {u"review"_s, u"record"_s, u"--db"_s, db, u"--author"_s, kJo, u"entry-0001"_s, u"--score"_s, u"factual=4"_s});
    CHECK(own.code == 2);
    CHECK(own.err.contains(u"you wrote this entry"_s));
    const Run recorded = cli(home, {u"review"_s, u"record"_s, u"--db"_s, db, u"--author"_s, kSam, u"entry-0001"_s, u"--score"_s, u"factual=4"_s,
                                    u"--score"_s, u"attributable=3"_s, u"--evidence"_s, u"attributable=Alex Green named"_s, u"--comment"_s, u"Clear."_s});
    INFO(recorded.err.toStdString());
    REQUIRE(recorded.code == 0);
    CHECK(cli(home, {u"review"_s, u"list"_s, u"--db"_s, db, u"--format"_s, u"json"_s}).json()[u"queue"_s].toArray().size() == 2);
    const QString hashAfter = cli(home, {u"show"_s, u"--db"_s, db, u"--format"_s, u"json"_s, u"entry-0001"_s}).json()[u"revisions"_s][0][u"hash"_s].toString();
    CHECK(hashAfter == hashBefore);
    const QJsonObject detail = cli(home, {u"review"_s, u"show"_s, u"--db"_s, db, u"--format"_s, u"json"_s, u"entry-0001"_s}).json();
    CHECK(detail[u"reviews"_s][0][u"quality"_s][1][u"evidence"_s] == u"Alex Green named"_s);
    CHECK(cli(home, {u"verify"_s, u"--db"_s, db}).code == 0);
}

TEST_CASE("review signoff: nobody signs off their own entry or request", "[cli][review]")
{
    QTemporaryDir home;
    const QString db = prepared(home);
    const Run asked = cli(home, {u"review"_s, u"signoff"_s, u"request"_s, u"--db"_s, db, u"--author"_s, kJo, u"entry-0001"_s});
    REQUIRE(asked.code == 0);
    const QJsonArray list = cli(home, {u"review"_s, u"signoff"_s, u"list"_s, u"--db"_s, db, u"--format"_s, u"json"_s}).json()[u"signoffs"_s].toArray();
    REQUIRE(list.size() == 1);
    const QString id = QString::number(list[0][u"id"_s].toInteger());
    CHECK(cli(home, {u"review"_s, u"signoff"_s, u"approve"_s, u"--db"_s, db, u"--author"_s, kJo, id}).code == 2);
    CHECK(cli(home, {u"review"_s, u"signoff"_s, u"return"_s, u"--db"_s, db, u"--author"_s, kSam, id}).code == 2); // needs a comment
    REQUIRE(cli(home, {u"review"_s, u"signoff"_s, u"approve"_s, u"--db"_s, db, u"--author"_s, kSam, id}).code == 0);
    CHECK(cli(home, {u"list"_s, u"--db"_s, db}).code == 0);
    CHECK(cli(home, {u"review"_s, u"signoff"_s, u"list"_s, u"--db"_s, db}).out.contains(u"Signed off"_s));
}

TEST_CASE("trends as CSV and JSON", "[cli][review]")
{
    QTemporaryDir home;
    const QString db = prepared(home);
    const Run csv = cli(home, {u"trends"_s, u"--db"_s, db});
    REQUIRE(csv.code == 0);
    CHECK(csv.out.startsWith(u"period,group,metric,value,n\n"_s));
    CHECK(csv.out.contains(u"2025-08,Team,entries,2.0000,2\n"_s)); // the incident and the note of August 2025
    CHECK(csv.out.contains(u"2025-08,Team,incidents-with-source-and-outcome,1.0000,1\n"_s));
    const QJsonObject json = cli(home, {u"trends"_s, u"--db"_s, db, u"--format"_s, u"json"_s}).json();
    CHECK(json[u"format"_s] == u"fairnote-trends"_s);
    CHECK_FALSE(json[u"rows"_s].toArray().isEmpty());
    CHECK(cli(home, {u"trends"_s, u"--db"_s, db, u"--format"_s, u"xml"_s}).code == 2);
    CHECK(cli(home, {u"trends"_s, u"--db"_s, db, u"--from"_s, u"2026-02-01"_s, u"--to"_s, u"2026-01-01"_s}).code == 2);
    const QString file = home.filePath(u"trends.csv"_s);
    REQUIRE(cli(home, {u"trends"_s, u"--db"_s, db, u"-o"_s, file}).code == 0);
    CHECK(QFile(file).size() > 50);
}

TEST_CASE("a referral summary's sign-off from the command line: asked for, read, approved, shown on the summary", "[cli][review][signoff]")
{
    QTemporaryDir home;
    const QString db = prepared(home);
    const QStringList summaryArgs{u"report"_s, u"summary"_s, u"--db"_s, db, u"--person"_s, u"person-0001"_s, u"--purpose"_s,
                                  u"Referral for temporary accommodation"_s, u"--recipient"_s, u"Housing Options"_s, u"--consent"_s};
    const Run withFile = cli(home, QStringList(summaryArgs) << u"--author"_s << kJo << u"--ask-sign-off"_s << u"-o"_s << home.filePath(u"x.html"_s));
    CHECK(withFile.code == 2);
    CHECK(withFile.err.contains(u"writes no file"_s));
    const Run asked = cli(home, QStringList(summaryArgs) << u"--author"_s << kJo << u"--ask-sign-off"_s << u"--comment"_s << u"For Friday's panel."_s);
    INFO(asked.err.toStdString());
    REQUIRE(asked.code == 0);
    CHECK(asked.out.contains(u"Nothing was written or shared"_s));
    CHECK_FALSE(QFile::exists(home.filePath(u"x.html"_s)));

    const QJsonArray list = cli(home, {u"review"_s, u"signoff"_s, u"list"_s, u"--db"_s, db, u"--format"_s, u"json"_s}).json()[u"signoffs"_s].toArray();
    REQUIRE(list.size() == 1);
    CHECK(list[0][u"subject"_s] == u"summary"_s);
    const QString id = QString::number(list[0][u"id"_s].toInteger());
    const Run shown = cli(home, {u"review"_s, u"signoff"_s, u"show"_s, id, u"--db"_s, db});
    INFO(shown.err.toStdString());
    REQUIRE(shown.code == 0);
    CHECK(shown.out.contains(u"The fire-safety summary for Sam Rivers"_s));
    CHECK(shown.out.contains(u"For Friday's panel."_s));
    CHECK(shown.out.contains(u"This is the summary as it was when sign-off was asked for."_s));

    CHECK(cli(home, {u"review"_s, u"signoff"_s, u"approve"_s, id, u"--db"_s, db, u"--author"_s, kJo}).code == 2); // their own request
    REQUIRE(cli(home, {u"review"_s, u"signoff"_s, u"approve"_s, id, u"--db"_s, db, u"--author"_s, kSam}).code == 0);
    const Run made = cli(home, QStringList(summaryArgs) << u"--author"_s << kJo << u"--format"_s << u"json"_s);
    INFO(made.err.toStdString());
    REQUIRE(made.code == 0);
    CHECK(made.json()[u"sign_off"_s][u"state"_s] == u"approved"_s);
    CHECK(made.json()[u"sign_off"_s][u"text"_s].toString().startsWith(u"Signed off by Sam Okafor (Team leader)"_s));
}

TEST_CASE("a return for correction and sign-off show in the chronology and on the entry", "[cli][review]")
{
    QTemporaryDir home;
    const QString db = prepared(home);
    // Jo, under another role, is still Jo: she cannot review her own entry.
    CHECK(cli(home, {u"review"_s, u"record"_s, u"--db"_s, db, u"--author"_s, u"jo fletcher (Team leader)"_s, u"entry-0001"_s,
                     u"--score"_s, u"factual=4"_s}).code == 2);
    const Run returned = cli(home, {u"review"_s, u"record"_s, u"--db"_s, db, u"--author"_s, kSam, u"entry-0001"_s, u"--score"_s,
                                    u"factual=2"_s, u"--return"_s, u"--comment"_s, u"Name who saw the smoke."_s});
    INFO(returned.err.toStdString());
    REQUIRE(returned.code == 0);
    const Run list = cli(home, {u"list"_s, u"--db"_s, db});
    CHECK(list.out.contains(u"returned for correction"_s));
    const Run show = cli(home, {u"show"_s, u"--db"_s, db, u"entry-0001"_s});
    CHECK(show.out.contains(u"Supervision: Returned for correction by Sam Okafor (Team leader) on "_s));
    CHECK(show.out.contains(u"Name who saw the smoke."_s));
    const QJsonObject json = cli(home, {u"show"_s, u"--db"_s, db, u"--format"_s, u"json"_s, u"entry-0001"_s}).json();
    CHECK(json[u"supervision"_s].toArray().size() == 2);
    const QJsonArray entries = cli(home, {u"list"_s, u"--db"_s, db, u"--format"_s, u"json"_s}).json()[u"entries"_s].toArray();
    CHECK(std::any_of(entries.begin(), entries.end(), [](const QJsonValue &e) { return e[u"returned_for_correction"_s].toBool(); }));

    REQUIRE(cli(home, {u"review"_s, u"signoff"_s, u"request"_s, u"--db"_s, db, u"--author"_s, kJo, u"entry-0001"_s}).code == 0);
    CHECK(cli(home, {u"list"_s, u"--db"_s, db}).out.contains(u"sign-off requested"_s));
    CHECK(cli(home, {u"show"_s, u"--db"_s, db, u"entry-0001"_s}).out.contains(u"Supervision: Sign-off requested by "_s));
    // A case note is not put up for sign-off.
    const Run note = cli(home, {u"review"_s, u"signoff"_s, u"request"_s, u"--db"_s, db, u"--author"_s, kJo, u"entry-0002"_s});
    CHECK(note.code == 2);
    CHECK(note.err.contains(u"case note"_s));
}

TEST_CASE("review sample for a worker not in the file is an error and keeps the queue", "[cli][review]")
{
    QTemporaryDir home;
    const QString db = prepared(home);
    REQUIRE(cli(home, {u"review"_s, u"sample"_s, u"--db"_s, db, u"--author"_s, kSam, u"--size"_s, u"2"_s, u"--seed"_s, u"9"_s}).code == 0);
    const Run unknown = cli(home, {u"review"_s, u"sample"_s, u"--db"_s, db, u"--author"_s, kSam, u"--worker"_s, u"Pat Lee"_s});
    CHECK(unknown.code == 2);
    CHECK(unknown.err.contains(u"Pat Lee"_s));
    CHECK(cli(home, {u"review"_s, u"list"_s, u"--db"_s, db, u"--format"_s, u"json"_s}).json()[u"queue"_s].toArray().size() == 2);
    CHECK(cli(home, {u"review"_s, u"sample"_s, u"--db"_s, db, u"--author"_s, kSam, u"--worker"_s, u"Jo Fletcher (Support worker)"_s,
                     u"--seed"_s, u"4"_s}).code == 0);
}

TEST_CASE("review sample leaves out the reviewer's own entries and says how many", "[cli][review]")
{
    QTemporaryDir home;
    const QString db = prepared(home); // two entries, both written by Jo Fletcher
    const Run own = cli(home, {u"review"_s, u"sample"_s, u"--db"_s, db, u"--author"_s, kJo, u"--size"_s, u"5"_s, u"--seed"_s, u"9"_s});
    INFO(own.out.toStdString() << own.err.toStdString());
    REQUIRE(own.code == 0);
    CHECK(own.out.contains(u"Review queue: 0 entries."_s));
    CHECK(own.out.contains(u"2 entries left out: written by Jo Fletcher, who is reviewing (nobody reviews their own work)."_s));
    const Run other = cli(home, {u"review"_s, u"sample"_s, u"--db"_s, db, u"--author"_s, kSam, u"--size"_s, u"5"_s, u"--seed"_s, u"9"_s});
    CHECK(other.out.contains(u"Review queue: 2 entries."_s));
}
