// SPDX-FileCopyrightText: 2026 Fairnote contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// Words follow the record: only deliberate fire-setting is called fire-setting; every other kind of
// incident is named as what the record says it was.
#include "record/describe.h"

#include <catch2/catch.hpp>

using namespace Qt::StringLiterals;
using namespace fairnote::record;

namespace {
IncidentRecord of(std::optional<IncidentType> type, std::optional<AccidentalCause> cause = std::nullopt)
{
    IncidentRecord r;
    r.type = type;
    r.accidentalCause = cause;
    return r;
}
} // namespace

TEST_CASE("an incident is named by what the record says it was, and only deliberate fire-setting is fire-setting",
          "[record][describe][kind]")
{
    CHECK(incidentKind(of(IncidentType::Deliberate)) == u"Deliberate fire-setting");
    CHECK(incidentKind(of(IncidentType::Accidental, AccidentalCause::Cooking)) == u"Fire incident (accidental, cooking)");
    CHECK(incidentKind(of(IncidentType::Accidental, AccidentalCause::Smoking)) == u"Fire incident (accidental, smoking)");
    CHECK(incidentKind(of(IncidentType::Accidental, AccidentalCause::Unknown)) == u"Fire incident (accidental, cause unknown)");
    CHECK(incidentKind(of(IncidentType::Accidental)) == u"Fire incident (accidental)");
    CHECK(incidentKind(of(IncidentType::Threat)) == u"Threat to set a fire");
    CHECK(incidentKind(of(IncidentType::UnknownCause)) == u"Fire incident (cause unknown)");
    CHECK(incidentKind(of(IncidentType::Alleged)) == u"Allegation of fire-setting (not verified)");
    CHECK(incidentKind(of(std::nullopt)) == u"Fire incident (kind not recorded)");

    // "fire-setting" appears only where the record says it was deliberate, or names an allegation of it.
    for (const auto &[v, id] : std::initializer_list<std::pair<IncidentType, bool>>{
             {IncidentType::Deliberate, true}, {IncidentType::Accidental, false}, {IncidentType::Threat, false},
             {IncidentType::UnknownCause, false}, {IncidentType::Alleged, true}}) {
        INFO(title(v).toStdString());
        CHECK(incidentKind(of(v, AccidentalCause::Cooking)).contains(u"fire-setting"_s, Qt::CaseInsensitive) == id);
    }

    Entry note;
    note.body = GeneralNote{u"Met at the office."_s};
    CHECK(entryKind(note) == u"Case note");
    Entry cooking;
    cooking.body = of(IncidentType::Accidental, AccidentalCause::Cooking);
    CHECK(entryKind(cooking) == u"Fire incident (accidental, cooking)");
    // The chronology's line starts with the same words.
    CHECK(summaryLine(cooking).startsWith(u"Fire incident (accidental, cooking)"_s));
    Entry untyped;
    untyped.body = of(std::nullopt);
    CHECK_FALSE(summaryLine(untyped).contains(u"fire-setting"_s, Qt::CaseInsensitive));
}

TEST_CASE("incidents are counted by kind in running text", "[record][describe][kind]")
{
    const IncidentRecord deliberate = of(IncidentType::Deliberate), cooking = of(IncidentType::Accidental, AccidentalCause::Cooking),
                         threat = of(IncidentType::Threat);
    CHECK(incidentsCounted({}).isEmpty());
    CHECK(incidentsCounted({&cooking}) == u"1 fire incident (accidental, cooking)");
    CHECK(incidentsCounted({&deliberate}) == u"1 incident of deliberate fire-setting");
    CHECK(incidentsCounted({&cooking, &deliberate, &cooking}) == u"2 fire incidents (accidental, cooking) and 1 incident of deliberate fire-setting");
    CHECK(incidentsCounted({&threat, &cooking, &deliberate}) ==
          u"1 threat to set a fire, 1 fire incident (accidental, cooking) and 1 incident of deliberate fire-setting");
}

TEST_CASE("a late entry is said without claiming more than the event's date holds", "[record][describe][late]")
{
    EventDate day;
    day.precision = DatePrecision::Day;
    day.date = QDate(2026, 3, 2);
    EventDate month;
    month.precision = DatePrecision::Month;
    month.date = QDate(2026, 3, 1);
    CHECK(lateEntryText(20 * 3600, day) == u"written 20 hours after the event");
    CHECK(lateEntryText(9 * 86400 + 5, day) == u"written 9 days after the event");
    CHECK(lateEntryText(67 * 86400, day) == u"written 2 months after the event");
    // Counted from the end of the month: the real gap may be longer.
    CHECK(lateEntryText(67 * 86400, month) == u"written at least 2 months after the event");
    CHECK(lateEntryText(3 * 86400, month) == u"written at least 3 days after the event");
}

TEST_CASE("a moment in a shared document is UK local time, with the zone", "[record][describe][time]")
{
    CHECK(ukDateTime(QDateTime(QDate(2026, 12, 7), QTime(14, 5), Qt::UTC)) == u"7 December 2026, 14:05 GMT");
    CHECK(ukDateTime(QDateTime(QDate(2025, 8, 2), QTime(22, 40), Qt::UTC)) == u"2 August 2025, 23:40 BST");
    // Just before midnight UTC in summer is already the next day in the UK.
    CHECK(ukDate(QDateTime(QDate(2025, 8, 2), QTime(23, 30), Qt::UTC)) == QDate(2025, 8, 3));
    CHECK(ukDate(QDateTime(QDate(2025, 12, 2), QTime(23, 30), Qt::UTC)) == QDate(2025, 12, 2));
}
