// SPDX-FileCopyrightText: 2026 Fairnote contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// assess(): the prompts for what is missing or inconsistent in a case file, the wording (and any other
// text checker's) findings for every narrative field, and the time since the most recent incident.
#pragma once

#include "record/casefile.h"
#include "result.h"
#include "wording/checker.h"
#include "wording/finding.h"

#include <functional>
#include <memory>
#include <optional>
#include <vector>

namespace fairnote::record {

// One thing to answer before saving.
struct Prompt
{
    int entry = -1;   // index into CaseFile::entries; -1 for the case file itself
    QString entryId;
    QString field;    // JSON Pointer into the interchange document: "/entries/0/incident/source/type"
    QString code;     // stable id: "blank", "no-source", "legal-contradiction", "late-entry", …
    Severity severity = Severity::Warning;
    QString message;  // what is missing or inconsistent, in plain words
    QString question; // the question to answer
};

// The findings of one narrative field; offsets are into that field's text.
struct FieldFindings
{
    int entry = -1; // index into CaseFile::entries
    QString entryId;
    QString field; // JSON Pointer, as for prompts
    QString text;
    std::vector<Finding> findings;
};

struct TimeSinceIncident
{
    QString entryId;
    qint64 days = 0; // from the latest moment the incident can have happened
    QString text;    // "1 year and 2 months"
};

struct Assessment
{
    std::vector<Prompt> prompts;
    std::vector<FieldFindings> findings; // only fields with findings
    std::optional<TimeSinceIncident> sinceLastIncident;

    bool empty() const { return prompts.empty() && findings.empty(); }
    std::size_t findingCount() const;
};

// The data assess() needs beyond the case file: the legal and risk words (resources/record/), compiled.
class AssessmentRules
{
public:
    // Loads the embedded assessment data; `language` supplies the context cues (negation, quotes…).
    static Result<std::shared_ptr<const AssessmentRules>, QString> load(const wording::Language &language);

    struct LegalTerm { QString id; QStringList conflictsWith; QString message; QString question; };
    const wording::Checker &legalChecker() const { return *m_legal; }
    const wording::Checker &riskChecker() const { return *m_risk; }
    const LegalTerm *legalTerm(QStringView id) const;

private:
    std::vector<LegalTerm> m_terms;
    std::unique_ptr<wording::Checker> m_legal;
    std::unique_ptr<wording::Checker> m_risk;
};

// A checker of free text (wording, spelling…): appends findings for `text` to `out`.
using TextCheck = std::function<void(QStringView text, std::vector<Finding> &out)>;

struct AssessOptions
{
    std::shared_ptr<const AssessmentRules> rules;
    std::vector<TextCheck> textChecks; // run on every narrative field
    qint64 lateEntryHours = 24;        // an entry written later than this after the event is late
    qint64 outcomePendingDays = 180;   // a charge or allegation older than this asks for the outcome
    // When the revision being assessed is written, if later than the entry's written-at: an amendment
    // may record an outcome that came after the entry was first written. A date of something that has
    // happened (an outcome, a conviction, a visit done) is questioned when it is after the later of the two.
    QDateTime revisionWrittenAt;
};

// Assesses every entry as of `now`. Pure: the same input gives the same output.
Assessment assess(const CaseFile &caseFile, const QDateTime &now, const AssessOptions &options);

// The names of the people in a case file (the person, their other names, people present, authors),
// for the spelling check to leave alone.
QStringList namesIn(const CaseFile &caseFile);

// "3 days", "5 weeks", "1 year and 2 months"
QString describeDuration(qint64 days);

// How long ago an event was, said without claiming more than its date holds: counted from the latest
// moment it can have been, so anything less precise than a day says "at least". Nothing for an
// unknown date. The summary and the app's chronology both say it this way.
struct TimeSince
{
    QString when; // "on 9 May 2021", "in May 2021", "in 2021", "between 20 and 30 November 2025"
    QString ago;  // "4 years", or "at least 4 years"
};
std::optional<TimeSince> timeSince(const EventDate &date, const QDateTime &now);

// How the latest incident of a person is said: when, as precisely as its date allows, and how long ago,
// "on 9 May 2021, 4 years ago", "in 2021, at least 4 years ago", "between 20 and 30 November 2025, at
// least 2 weeks ago"; "on a date that is not known" when it has none. Never a day the record does not
// hold. The one wording of the chronology, the people list and fairnote-cli people.
QString latestIncidentText(const EventDate &date, const QDateTime &now);

} // namespace fairnote::record
