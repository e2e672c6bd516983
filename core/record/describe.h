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

// One line for a chronology: "Accidental fire (smoking) · own room or flat · no injury · fire and rescue
// attended" or the first line of a note, at most about 120 characters.
QString summaryLine(const Entry &entry);

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

// Every free-text field of an entry joined by blank lines (for full-text search).
QString narrativeText(const Entry &entry);

} // namespace fairnote::record
