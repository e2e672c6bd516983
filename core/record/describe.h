// SPDX-FileCopyrightText: 2026 Fairnote contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// Plain-English words for a record: the title of every enum value ("Accidental fire", "No further
// action"), a one-line summary of an entry, and the narrative text the search index holds. Shared by the
// CLI, the app and the reports, so that they always describe a record the same way.
#pragma once

#include "record/casefile.h"

#include <QString>
#include <vector>

namespace fairnote::record {

QString title(DatePrecision v);
QString title(IncidentType v);
QString title(AccidentalCause v);
QString title(SettingType v);
QString title(Injury v);
QString title(Damage v);
QString title(YesNoUnknown v);
QString title(SourceType v);
QString title(OfficialBody v);
QString title(Verification v);
QString title(LegalStatus v);
QString title(InterventionType v);
QString title(VisitStatus v);
QString title(AccountStatus v);

// The title of an answer, or "not answered" when there is none.
template <typename E>
QString titleOr(const std::optional<E> &v)
{
    return v ? title(*v) : QStringLiteral("not answered");
}

// What an incident was, in the words the record supports and no stronger ones. Only deliberate
// fire-setting is called fire-setting; a threat and an allegation are named as what the record says they
// are; every other kind is a fire incident, its kind in brackets:
//   "Deliberate fire-setting", "Fire incident (accidental, cooking)", "Fire incident (accidental)",
//   "Threat to set a fire", "Fire incident (cause unknown)", "Allegation of fire-setting (not verified)",
//   "Fire incident (kind not recorded)".
// The one wording for the chronology, the people list, search, the referral summary, the subject-access
// export and fairnote-cli: a housing provider reads "fire-setting" as deliberate.
QString incidentKind(const IncidentRecord &incident);
// incidentKind() for an incident record, "Case note" for a note.
QString entryKind(const Entry &entry);
// Incidents counted by kind, in running text: "1 incident of deliberate fire-setting",
// "2 fire incidents (accidental, cooking) and 1 threat to set a fire". Kinds in the order first met.
QString incidentsCounted(const std::vector<const IncidentRecord *> &incidents);

// One line for a chronology: "Fire incident (accidental, smoking) · own room or flat · no injury · fire
// and rescue attended" (the kind as incidentKind() says it) or the first line of a note, at most about 120
// characters.
QString summaryLine(const Entry &entry);

// How late an entry was written, in words, without claiming more than the event's date holds: `seconds`
// is counted from the latest moment the event can have been, so for a date known only to the month, year
// or a range it is "at least". "written 20 hours after the event", "written 9 days after the event",
// "written at least 2 months after the event". Lower case, no full stop: the app, the history, the
// subject-access export and supervision all say it this way.
QString lateEntryText(qint64 seconds, const EventDate &date);

// A moment as people in the UK read it: the date and time in Europe/London with the zone's name,
// "7 December 2026, 14:05 GMT", "2 August 2025, 23:40 BST" (UTC, said so, where the system has no
// time-zone data). What reports shared outside the service show.
QString ukDateTime(const QDateTime &moment);
// The calendar date in the UK of a moment: 23:30 UTC on 2 August is already 3 August in summer.
QDate ukDate(const QDateTime &moment);

// One answer of an entry, for showing it or comparing two revisions field by field.
struct FieldText
{
    QString section; // "When and where", "Harm", "How we know", …
    QString label;   // "Event date", "Injury", …
    QString value;   // the answer in words; "not answered" for a blank
    QString pointer; // the member's JSON Pointer inside the entry ("/incident/harm/injury")
};
// Every field of an entry, in the order of the incident editor's sections.
std::vector<FieldText> describeFields(const Entry &entry);

// A field's place in words for its JSON Pointer inside an entry: "Harm › Injury", "What happened",
// "Outcome › Date of conviction" (a pointer to a part of a field, "/event_date/precision", names the
// field). Never the pointer itself, so no reader ever sees "/incident/own_account/reason".
QString fieldTitle(const QString &pointer);

// Every free-text field of an entry joined by blank lines (for full-text search).
QString narrativeText(const Entry &entry);

} // namespace fairnote::record
