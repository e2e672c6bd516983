// SPDX-FileCopyrightText: 2026 Fairnote contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// fairnote-cli assess and schema end to end: the real binary on the documented examples and on bad
// case files.
#include "testsupport.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>

using namespace Qt::StringLiterals;

namespace {
struct Run { int code; QString out; QString err; };
Run cli(const QStringList &args, const QByteArray &input = {})
{
    QProcess p;
    p.start(QStringLiteral(FAIRNOTE_CLI), args);
    REQUIRE(p.waitForStarted());
    if (!input.isEmpty())
        p.write(input);
    p.closeWriteChannel();
    REQUIRE(p.waitForFinished(120000));
    return {p.exitCode(), QString::fromUtf8(p.readAllStandardOutput()), QString::fromUtf8(p.readAllStandardError())};
}
const QString kComplete = QStringLiteral(FAIRNOTE_SOURCE_DIR "/docs/examples/incident-complete.json");
const QString kVague = QStringLiteral(FAIRNOTE_SOURCE_DIR "/docs/examples/incident-vague.json");
const QString kNow = u"--now=2025-11-25T12:00:00Z"_s;
} // namespace

TEST_CASE("assess: the complete example has nothing to add, exit 0", "[cli][assess]")
{
    const Run r = cli({u"assess"_s, kNow, kComplete});
    INFO(r.out.toStdString() << r.err.toStdString());
    CHECK(r.code == 0);
    CHECK(r.out.contains(u"nothing to add"_s));
    CHECK(r.out.contains(u"Most recent incident: 3 months ago (entry entry-0001)."_s));
    CHECK(r.out.contains(u"0 prompts and 0 findings."_s));
}

TEST_CASE("assess: the vague example lists prompts and findings, exit 1", "[cli][assess]")
{
    const Run r = cli({u"assess"_s, kNow, kVague});
    CHECK(r.code == 1);
    CHECK(r.out.contains(u"/entries/0/incident/legal/status: warning: The incident has no outcome recorded. [no-outcome]"_s));
    CHECK(r.out.contains(u"      ask: "_s));
    CHECK(r.out.contains(u"/entries/0/incident/what_happened:1:1: "_s));

    const Run j = cli({u"assess"_s, kNow, u"--format"_s, u"json"_s, kVague});
    CHECK(j.code == 1);
    QJsonParseError err;
    const QJsonObject root = QJsonDocument::fromJson(j.out.toUtf8(), &err).object();
    REQUIRE(err.error == QJsonParseError::NoError);
    CHECK(root[u"version"_s].toInt() == 1);
    CHECK(root[u"person"_s].toObject()[u"name"_s].toString() == u"Kevin Dean"_s);
    CHECK(root[u"time_since_last_incident"_s].isNull());
    const QJsonArray entries = root[u"entries"_s].toArray();
    REQUIRE(entries.size() == 1);
    const QJsonObject e = entries[0].toObject();
    CHECK(e[u"prompts"_s].toArray().size() >= 15);
    const QJsonObject p = e[u"prompts"_s].toArray()[0].toObject();
    for (const char *key : {"field", "code", "severity", "message", "question"})
        CHECK(p.contains(QString::fromLatin1(key)));
    const QJsonArray findings = e[u"findings"_s].toArray();
    REQUIRE(findings.size() >= 3);
    CHECK(findings[0].toObject()[u"field"_s].toString() == u"/entries/0/incident/what_happened"_s);
    CHECK(findings[0].toObject()[u"text"_s].toString() == u"Known arsonist"_s);
}

TEST_CASE("assess: a bad case file names the JSON path, exit 2", "[cli][assess][errors]")
{
    QTemporaryDir dir;
    const QString path = dir.filePath(u"bad.json"_s);
    QFile f(path);
    REQUIRE(f.open(QIODevice::WriteOnly));
    f.write(R"({"version": 1, "person": {"name": "A"}, "entries": [{"id": "x", "kind": "note", "written_at": "2025-01-01T00:00:00Z",
              "author": {"name": "B"}, "event_date": {"precision": "soon"}, "note": {"text": "t"}}]})");
    f.close();
    const Run r = cli({u"assess"_s, path});
    CHECK(r.code == 2);
    CHECK(r.out.isEmpty());
    CHECK(r.err.contains(path + u": error: /entries/0/event_date/precision: expected one of exact, day, month, year, range, unknown"_s));

    const Run future = cli({u"assess"_s, u"-"_s}, R"({"version": 7, "person": {"name": "A"}})");
    CHECK(future.code == 2);
    CHECK(future.err.contains(u"<stdin>: error: /version: "_s));

    const Run utf8 = cli({u"assess"_s, u"-"_s}, "{\"version\": 1, \"person\": {\"name\": \"\xC3\"}}");
    CHECK(utf8.code == 2);
    CHECK(utf8.err.contains(u"invalid UTF-8 at byte"_s));

    CHECK(cli({u"assess"_s, dir.filePath(u"missing.json"_s)}).code == 2);
    CHECK(cli({u"assess"_s, u"--now"_s, u"yesterday"_s, kComplete}).code == 2);
    CHECK(cli({u"assess"_s}).code == 2);
}

TEST_CASE("assess: a 50 MB file is refused before it is read", "[cli][assess][errors]")
{
    QTemporaryDir dir;
    const QString path = dir.filePath(u"huge.json"_s);
    QFile f(path);
    REQUIRE(f.open(QIODevice::WriteOnly));
    REQUIRE(f.resize(50 * 1024 * 1024));
    f.close();
    const Run r = cli({u"assess"_s, path});
    CHECK(r.code == 2);
    CHECK(r.err.contains(u"the file is 50 MB"_s));
}

TEST_CASE("schema prints the interchange schema by default", "[cli][schema]")
{
    const Run r = cli({u"schema"_s});
    CHECK(r.code == 0);
    const QJsonObject s = QJsonDocument::fromJson(r.out.toUtf8()).object();
    CHECK(s[u"title"_s].toString().contains(u"interchange"_s));
    CHECK(cli({u"schema"_s, u"rule-pack"_s}).code == 0);
}

TEST_CASE("assess: spelling findings are included, except the names in the case file", "[cli][assess][spelling]")
{
    QTemporaryDir dir;
    const QString path = dir.filePath(u"note.json"_s);
    QFile f(path);
    REQUIRE(f.open(QIODevice::WriteOnly));
    f.write(R"({"version": 1, "person": {"name": "Ania Kowalska", "other_names": ["Ania Zielinska"]},
      "entries": [{"id": "n1", "kind": "note", "written_at": "2025-11-20T10:00:00Z", "author": {"name": "Funmi Adeyemi"},
        "event_date": {"precision": "day", "value": "2025-11-20"}, "people_present": ["Declan Murtagh"],
        "note": {"text": "Ania Kowalska recieved a letter. Declan Murtagh, Ms Zielinska and Funmi Adeyemi were there."}}]})");
    f.close();
    const Run r = cli({u"assess"_s, kNow, u"--format=json"_s, path});
    CHECK(r.code == 1);
    const QJsonArray findings = QJsonDocument::fromJson(r.out.toUtf8()).object()[u"entries"_s].toArray()[0]
                                    .toObject()[u"findings"_s].toArray();
    QStringList flagged;
    for (const auto &v : findings)
        flagged << v.toObject()[u"text"_s].toString();
    CHECK(flagged == QStringList{u"recieved"_s});
    CHECK(findings[0].toObject()[u"category"_s].toString() == u"spelling"_s);
    CHECK(findings[0].toObject()[u"field"_s].toString() == u"/entries/0/note/text"_s);

    const Run off = cli({u"assess"_s, kNow, u"--no-spelling"_s, path});
    CHECK(off.code == 0);
}

TEST_CASE("assess: a date after the time of writing is questioned, as in the app", "[cli][assess][dates]")
{
    QFile in(kComplete);
    REQUIRE(in.open(QIODevice::ReadOnly));
    QJsonObject root = QJsonDocument::fromJson(in.readAll()).object();
    QJsonArray entries = root[u"entries"_s].toArray();
    QJsonObject entry = entries[0].toObject(); // written on 3 August 2025
    QJsonObject incident = entry[u"incident"_s].toObject();
    QJsonObject legal = incident[u"legal"_s].toObject();
    legal[u"status_date"_s] = u"2025-09-20"_s; // after it was written
    incident[u"legal"_s] = legal;
    entry[u"incident"_s] = incident;
    entries[0] = entry;
    root[u"entries"_s] = entries;
    QJsonObject person = root[u"person"_s].toObject();
    person[u"date_of_birth"_s] = u"2026-01-01"_s; // after --now
    root[u"person"_s] = person;
    QTemporaryDir dir;
    const QString path = dir.filePath(u"future.json"_s);
    QFile out(path);
    REQUIRE(out.open(QIODevice::WriteOnly));
    out.write(QJsonDocument(root).toJson());
    out.close();

    const Run r = cli({u"assess"_s, kNow, path});
    INFO(r.out.toStdString() << r.err.toStdString());
    CHECK(r.code == 1);
    CHECK(r.out.contains(u"/entries/0/incident/legal/status_date: error: The date of the legal status (20 September 2025) is after the time "
                         "this entry was written (3 August 2025). [date-after-writing]"_s));
    CHECK(r.out.contains(u"/person/date_of_birth: error: The date of birth (1 January 2026) is after today (25 November 2025). "
                         "[date-after-writing]"_s));
}
