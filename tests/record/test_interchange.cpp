// SPDX-FileCopyrightText: 2026 Fairnote contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// The interchange JSON: examples load, round trips are lossless, bad documents are refused with the
// JSON path and the problem, and the schema lists exactly the reader's enum values.
#include "record/enums.h"
#include "record/interchange.h"
#include "testsupport.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <ctime>

using namespace Qt::StringLiterals;
using namespace fairnote::record;

namespace {
QByteArray readBytes(const QString &path)
{
    QFile f(path);
    REQUIRE(f.open(QIODevice::ReadOnly));
    return f.readAll();
}
QByteArray example(const char *name)
{
    return readBytes(QStringLiteral(FAIRNOTE_SOURCE_DIR "/docs/examples/") + QString::fromLatin1(name));
}
QStringList errorsOf(const QByteArray &bytes)
{
    const auto r = readInterchange(bytes);
    REQUIRE_FALSE(r.ok());
    QStringList out;
    for (const auto &e : r.error())
        out << e.toString();
    return out;
}
// The complete example with one change made through its JSON.
QByteArray withChange(const std::function<void(QJsonObject &)> &change)
{
    QJsonObject root = QJsonDocument::fromJson(example("incident-complete.json")).object();
    change(root);
    return QJsonDocument(root).toJson();
}
QJsonObject firstIncident(QJsonObject &root) { return root[u"entries"_s].toArray()[0].toObject()[u"incident"_s].toObject(); }
void setFirstIncident(QJsonObject &root, const QJsonObject &incident)
{
    QJsonArray entries = root[u"entries"_s].toArray();
    QJsonObject e = entries[0].toObject();
    e[u"incident"_s] = incident;
    entries[0] = e;
    root[u"entries"_s] = entries;
}
} // namespace

TEST_CASE("both examples load", "[interchange]")
{
    const auto complete = readInterchange(example("incident-complete.json"));
    REQUIRE(complete.ok());
    CHECK(complete->person.name == u"Sam Rivers"_s);
    REQUIRE(complete->entries.size() == 2);
    const IncidentRecord *r = complete->entries[0].incident();
    REQUIRE(r);
    CHECK(r->type == IncidentType::Accidental);
    CHECK(r->accidentalCause == AccidentalCause::Smoking);
    CHECK(complete->entries[0].eventDate.precision == DatePrecision::Exact);
    CHECK(complete->entries[0].eventDate.exact == QDateTime(QDate(2025, 8, 2), QTime(23, 40), Qt::UTC));
    CHECK(complete->entries[0].writtenAt == QDateTime(QDate(2025, 8, 3), QTime(9, 15), Qt::UTC));
    CHECK_FALSE(complete->entries[1].isIncident());

    const auto vague = readInterchange(example("incident-vague.json"));
    REQUIRE(vague.ok());
    CHECK(vague->entries[0].eventDate.precision == DatePrecision::Unknown);
    CHECK_FALSE(vague->entries[0].incident()->legal.status.has_value()); // blank, not "unknown"
}

TEST_CASE("a round trip is lossless and the writer is stable", "[interchange][roundtrip]")
{
    for (const char *name : {"incident-complete.json", "incident-vague.json"}) {
        INFO(name);
        const auto first = readInterchange(example(name));
        REQUIRE(first.ok());
        const QByteArray written = writeInterchange(*first);
        const auto second = readInterchange(written);
        REQUIRE(second.ok());
        CHECK(*first == *second);
        CHECK(writeInterchange(*second) == written);
    }
}

TEST_CASE("every date precision survives a round trip", "[interchange][roundtrip]")
{
    CaseFile cf;
    cf.person.name = u"A Person"_s;
    const std::vector<EventDate> dates{
        {DatePrecision::Exact, QDateTime(QDate(2024, 3, 3), QTime(17, 40), Qt::UTC), {}, {}},
        {DatePrecision::Day, {}, QDate(2024, 3, 3), {}},
        {DatePrecision::Month, {}, QDate(2024, 3, 1), {}},
        {DatePrecision::Year, {}, QDate(2024, 1, 1), {}},
        {DatePrecision::Range, {}, QDate(2024, 3, 1), QDate(2024, 3, 14)},
        {DatePrecision::Unknown, {}, {}, {}},
        {std::nullopt, {}, {}, {}},
    };
    for (size_t i = 0; i < dates.size(); ++i) {
        Entry e;
        e.id = u"e%1"_s.arg(i);
        e.writtenAt = QDateTime(QDate(2024, 4, 1), QTime(9, 0, 0, 250), Qt::UTC);
        e.author.name = u"Jo"_s;
        e.eventDate = dates[i];
        e.body = GeneralNote{u"text"_s};
        cf.entries.push_back(e);
    }
    const auto back = readInterchange(writeInterchange(cf));
    REQUIRE(back.ok());
    CHECK(*back == cf);
}

TEST_CASE("unknown members are accepted and ignored", "[interchange]")
{
    const auto r = readInterchange(withChange([](QJsonObject &root) {
        root[u"made_by"_s] = u"another tool"_s;
        QJsonObject inc = firstIncident(root);
        inc[u"future_field"_s] = QJsonObject{{u"x"_s, 1}};
        setFirstIncident(root, inc);
    }));
    CHECK(r.ok());
}

TEST_CASE("a wrong enum value names its JSON path and the values allowed", "[interchange][errors]")
{
    const auto errors = errorsOf(withChange([](QJsonObject &root) {
        QJsonArray entries = root[u"entries"_s].toArray();
        QJsonObject e = entries[0].toObject();
        e[u"event_date"_s] = QJsonObject{{u"precision"_s, u"roughly"_s}};
        entries[0] = e;
        root[u"entries"_s] = entries;
    }));
    CHECK(errors == QStringList{u"/entries/0/event_date/precision: expected one of exact, day, month, year, range, unknown"_s});
}

TEST_CASE("wrong types are reported at their paths, all of them", "[interchange][errors]")
{
    const auto errors = errorsOf(withChange([](QJsonObject &root) {
        QJsonObject inc = firstIncident(root);
        inc[u"what_happened"_s] = 42;
        QJsonObject harm = inc[u"harm"_s].toObject();
        harm[u"injury"_s] = true;
        inc[u"harm"_s] = harm;
        inc[u"interventions"_s] = u"none"_s;
        setFirstIncident(root, inc);
        root[u"person"_s] = QJsonObject{{u"name"_s, QJsonArray{}}};
    }));
    CHECK(errors.contains(u"/entries/0/incident/what_happened: expected a string, found a number"_s));
    CHECK(errors.contains(u"/entries/0/incident/harm/injury: expected one of none, to-the-person, to-others, unknown"_s));
    CHECK(errors.contains(u"/entries/0/incident/interventions: expected a list, found a string"_s));
    CHECK(errors.contains(u"/person/name: expected a string, found a list"_s));
}

TEST_CASE("missing, future and malformed versions are refused", "[interchange][errors]")
{
    CHECK(errorsOf(withChange([](QJsonObject &root) { root.remove(u"version"_s); })).front().startsWith(u"/version: missing"_s));
    const auto future = errorsOf(withChange([](QJsonObject &root) { root[u"version"_s] = 2; }));
    CHECK(future.front().contains(u"newer Fairnote"_s));
    CHECK(errorsOf(withChange([](QJsonObject &root) { root[u"version"_s] = u"1"_s; })).front().startsWith(u"/version: expected a whole number"_s));
    CHECK(errorsOf(withChange([](QJsonObject &root) { root[u"format"_s] = u"something-else"_s; })).front().startsWith(u"/format:"_s));
}

TEST_CASE("dates, times and ids are checked", "[interchange][errors]")
{
    const auto errors = errorsOf(withChange([](QJsonObject &root) {
        QJsonArray entries = root[u"entries"_s].toArray();
        QJsonObject e0 = entries[0].toObject();
        e0[u"written_at"_s] = u"3rd August"_s;
        QJsonObject e1 = entries[1].toObject();
        e1[u"id"_s] = e0[u"id"_s];
        e1[u"event_date"_s] = QJsonObject{{u"precision"_s, u"range"_s}, {u"from"_s, u"2025-08-10"_s}, {u"to"_s, u"2025-08-01"_s}};
        entries[0] = e0;
        entries[1] = e1;
        root[u"entries"_s] = entries;
    }));
    CHECK(errors.contains(u"/entries/0/written_at: expected a UTC date and time such as 2025-08-02T18:10:00Z, found \"3rd August\""_s));
    CHECK(errors.contains(u"/entries/1/id: the id \"entry-0001\" is used by an earlier entry"_s));
    CHECK(errors.contains(u"/entries/1/event_date/to: the range ends before it starts"_s));
}

TEST_CASE("a year that cannot be written back the same is refused, not stored", "[interchange][errors]")
{
    const auto errors = errorsOf(withChange([](QJsonObject &root) {
        QJsonArray entries = root[u"entries"_s].toArray();
        QJsonObject e0 = entries[0].toObject();
        e0[u"event_date"_s] = QJsonObject{{u"precision"_s, u"day"_s}, {u"value"_s, u"-0001-03-01"_s}};
        entries[0] = e0;
        root[u"entries"_s] = entries;
        QJsonObject person = root[u"person"_s].toObject();
        person[u"date_of_birth"_s] = u"0000-01-01"_s;
        root[u"person"_s] = person;
    }));
    CHECK(errors.contains(u"/entries/0/event_date/value: expected a date as YYYY-MM-DD with a year from 1000 to 9999, found \"-0001-03-01\""_s));
    CHECK(errors.contains(u"/person/date_of_birth: expected a date as YYYY-MM-DD with a year from 1000 to 9999, found \"0000-01-01\""_s));
}

TEST_CASE("invalid UTF-8, broken JSON, deep nesting and oversized input are refused", "[interchange][errors]")
{
    CHECK(errorsOf(QByteArray("{\"version\": 1, \"person\": {\"name\": \"caf\xE9\"}}")).front().contains(u"invalid UTF-8 at byte 38"_s));
    CHECK(errorsOf(QByteArray("{\"version\": 1,\n \"person\": }")).front().startsWith(u"/: not valid JSON at line 2, column"_s));
    CHECK(errorsOf(QByteArray(5000, '[') + QByteArray(5000, ']')).front().contains(u"nested too deeply"_s));
    CHECK(errorsOf(QByteArray("[1, 2]")).front().contains(u"expected a JSON object"_s));
    QByteArray big = "{\"version\": 1, \"person\": {\"name\": \"";
    big += QByteArray(50 * 1024 * 1024, 'a');
    big += "\"}}";
    CHECK(errorsOf(big).front().contains(u"the file is 50.0 MB"_s));
}

TEST_CASE("the schema lists exactly the values the reader accepts", "[interchange][schema]")
{
    QFile f(u":/fairnote/schema/interchange.schema.json"_s);
    REQUIRE(f.open(QIODevice::ReadOnly));
    const QJsonObject schema = QJsonDocument::fromJson(f.readAll()).object();
    const QJsonObject incident = schema[u"$defs"_s].toObject()[u"incident"_s].toObject()[u"properties"_s].toObject();
    auto values = [](const QJsonValue &v) {
        QStringList out;
        for (const auto &x : v.toObject()[u"enum"_s].toArray())
            if (!x.isNull())
                out << x.toString();
        return out;
    };
    CHECK(values(incident[u"type"_s]) == enumIds<IncidentType>());
    CHECK(values(incident[u"legal"_s].toObject()[u"properties"_s].toObject()[u"status"_s]) == enumIds<LegalStatus>());
    CHECK(values(incident[u"source"_s].toObject()[u"properties"_s].toObject()[u"type"_s]) == enumIds<SourceType>());
    CHECK(values(incident[u"setting"_s].toObject()[u"properties"_s].toObject()[u"type"_s]) == enumIds<SettingType>());
    // "Unknown" is an answer in every choice of the form (docs/ui.md).
    CHECK(values(incident[u"accidental_cause"_s]) == enumIds<AccidentalCause>());
    CHECK(values(incident[u"source"_s].toObject()[u"properties"_s].toObject()[u"official_body"_s]) == enumIds<OfficialBody>());
    CHECK(values(incident[u"source"_s].toObject()[u"properties"_s].toObject()[u"verification"_s]) == enumIds<Verification>());
    CHECK(values(incident[u"own_account"_s].toObject()[u"properties"_s].toObject()[u"status"_s]) == enumIds<AccountStatus>());
    CHECK(values(schema[u"$defs"_s].toObject()[u"eventDate"_s].toObject()[u"properties"_s].toObject()[u"precision"_s])
          == enumIds<DatePrecision>());
}

TEST_CASE("empty ids, kinds and dates and a null intervention type are refused", "[interchange][errors]")
{
    const auto errors = errorsOf(withChange([](QJsonObject &root) {
        QJsonArray entries = root[u"entries"_s].toArray();
        QJsonObject e0 = entries[0].toObject();
        e0[u"id"_s] = u""_s;
        e0[u"event_date"_s] = QJsonObject{{u"precision"_s, u"exact"_s}, {u"value"_s, u""_s}};
        QJsonObject inc = e0[u"incident"_s].toObject();
        inc[u"interventions"_s] = QJsonArray{QJsonObject{{u"type"_s, QJsonValue()}}};
        e0[u"incident"_s] = inc;
        QJsonObject e1 = entries[1].toObject();
        e1[u"kind"_s] = u""_s;
        entries[0] = e0;
        entries[1] = e1;
        root[u"entries"_s] = entries;
    }));
    CHECK(errors.contains(u"/entries/0/id: must not be empty: every entry needs an id"_s));
    CHECK(errors.contains(u"/entries/0/event_date/value: missing: expected a date and time as YYYY-MM-DDTHH:MM"_s));
    CHECK(std::any_of(errors.begin(), errors.end(), [](const QString &e) { return e.startsWith(u"/entries/0/incident/interventions/0/type: missing"_s); }));
    CHECK(errors.contains(u"/entries/1/kind: expected one of incident, note"_s));
}

TEST_CASE("an exact event time reads the same whatever the computer's time zone", "[interchange]")
{
    const QByteArray tz = qgetenv("TZ");
    qputenv("TZ", "Europe/London");
    tzset();
    // 01:30 on 30 March 2025 does not exist on a London clock (the clocks went forward), but it is a
    // time a worker can write down; it must be read, and compare, as written.
    const auto r = readInterchange(withChange([](QJsonObject &root) {
        QJsonArray entries = root[u"entries"_s].toArray();
        QJsonObject e0 = entries[0].toObject();
        e0[u"event_date"_s] = QJsonObject{{u"precision"_s, u"exact"_s}, {u"value"_s, u"2025-03-30T01:30"_s}};
        entries[0] = e0;
        root[u"entries"_s] = entries;
    }));
    if (tz.isNull())
        qunsetenv("TZ");
    else
        qputenv("TZ", tz);
    tzset();
    REQUIRE(r.ok());
    CHECK(r->entries[0].eventDate.exact == QDateTime(QDate(2025, 3, 30), QTime(1, 30), Qt::UTC));
}

// Dates are read and written by hand for speed (verify reads every entry of a file back): exactly what Qt's
// format parser and formatter give, for every shape, valid or not.
TEST_CASE("dates are read and written as Qt's formats read and write them", "[interchange][dates]")
{
    Entry e;
    e.id = u"e1"_s;
    e.writtenAt = QDateTime(QDate(2024, 4, 1), QTime(9, 0), Qt::UTC);
    e.author.name = u"Jo"_s;
    e.body = GeneralNote{u"text"_s};
    for (const QDateTime &t : {QDateTime(QDate(2024, 3, 3), QTime(17, 40), Qt::UTC), QDateTime(QDate(1000, 1, 1), QTime(0, 0), Qt::UTC),
                               QDateTime(QDate(9999, 12, 31), QTime(23, 59), Qt::UTC)}) {
        e.eventDate = {DatePrecision::Exact, t, {}, {}};
        CHECK(eventDateToJson(e.eventDate).value(u"value"_s).toString() == t.toString(u"yyyy-MM-ddTHH:mm"_s));
    }
    const QStringList exact{u"2024-03-03T17:40"_s, u"2024-02-29T00:00"_s, u"2023-02-29T10:00"_s, u"2024-13-01T10:00"_s,
                            u"2024-00-10T10:00"_s, u"2024-01-32T10:00"_s, u"2024-01-01T24:00"_s, u"2024-01-01T23:60"_s,
                            u"0999-01-01T10:00"_s, u"0000-01-01T10:00"_s, u"2024-1-01T10:000"_s, u"2024-01-01 10:00"_s,
                            u"2024-01-01T1:000"_s, u"2O24-01-01T10:00"_s, u"２０２４-01-01T10:00"_s, u"2024-01-01T10:0５"_s};
    for (const QString &s : exact) {
        QJsonObject o = entryToJson(e);
        o[u"event_date"_s] = QJsonObject{{u"precision"_s, u"exact"_s}, {u"value"_s, s}};
        const QDate d = QDate::fromString(s.left(10), u"yyyy-MM-dd"_s);
        const QTime t = QTime::fromString(s.mid(11), u"HH:mm"_s);
        const bool valid = s[10] == u'T' && d.isValid() && d.year() >= 1000 && t.isValid();
        const auto read = entryFromJson(o);
        INFO(s.toStdString());
        CHECK(read.ok() == valid);
        if (valid && read.ok())
            CHECK(read->eventDate.exact == QDateTime(d, t, Qt::UTC));
    }
    for (const QString &s : {u"2024-03-03"_s, u"2024-02-30"_s, u"2024-3-03"_s, u"2024-03-3"_s, u"0999-03-03"_s, u"2024-03-0a"_s, u"2024/03/03"_s}) {
        QJsonObject o = entryToJson(e);
        o[u"event_date"_s] = QJsonObject{{u"precision"_s, u"day"_s}, {u"value"_s, s}};
        const QDate d = QDate::fromString(s, u"yyyy-MM-dd"_s);
        const auto read = entryFromJson(o);
        INFO(s.toStdString());
        CHECK(read.ok() == (d.isValid() && d.year() >= 1000));
        if (read.ok())
            CHECK(read->eventDate.date == d);
    }
}
