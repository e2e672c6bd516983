// SPDX-FileCopyrightText: 2026 Fairnote contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// The referral summary ("Fire-safety history — factual summary"): what an accommodation provider needs to
// know about one person's history of fire incidents, built from the structured fields of their final entries
// (never by scraping narrative text), with the minimum necessary chosen by the worker, the purpose and
// recipient recorded, and the sources named. HTML and JSON here; PDF in ui/render.
#pragma once

#include "record/casefile.h"
#include "result.h"
#include "store/store.h"
#include "wording/finding.h"

#include <QJsonObject>
#include <QSet>
#include <QString>
#include <vector>

namespace fairnote::wording {
class Checker;
}

namespace fairnote::report {

// The parts a worker may leave out (the incidents themselves are chosen one by one).
enum class Section { Context, ChangesSince, Safety, PersonsView, Health };
QString sectionId(Section s);      // "context", "changes-since", "safety", "persons-view", "health"
bool sectionFromId(QStringView id, Section *out);
QString sectionTitle(Section s);   // "What was going on at the time", …
QSet<Section> defaultSections();   // all but Health

struct SummaryRequest
{
    QString personId;
    QString purpose;       // why it is shared: "Referral for temporary accommodation"
    QString recipient;     // who receives it: "Housing Options, Stoke-on-Trent City Council"
    bool consent = false;  // the person consented to it being shared …
    QString lawfulBasis;   // … or the lawful basis relied on instead
    QStringList entryIds;  // the incidents to include; empty: every final incident not in error
    QSet<Section> sections = defaultSections();
    QDateTime now;         // when it is made (UTC)
    store::Actor author;   // who makes it
};

struct IncidentRow
{
    QString entryId;
    int revision = 0;
    QString hash;
    QString when;          // "2 August 2025, 23:40", "March 2024", "Between 1 and 14 March 2024", "Date unknown"
    QString whenInText;    // as it reads after "the incident": "on 2 August 2025 at 23:40", "between …", "on a date that is not known"
    QString type;          // "Accidental fire (smoking)"
    QString setting;       // "Hostel or supported housing — Room 12, Fairview Lodge"
    QString description;   // what happened, as recorded
    QString context;       // what was going on at the time (Section::Context)
    QString harm;          // "No injury. Minor damage: a scorch mark …"
    QString fireService;   // "Fire and rescue service did not attend. No evacuation."
    QString outcome;       // "Police not involved", "Convicted: arson, Stoke Crown Court, 3 May 2019; …"
    QString source;        // "Alex Green, night worker at Fairview Lodge (third party); reference: …"
    QString verification;  // "Verified"
    QString disputed;      // "Yes — the person disputes this record", "No", "Not asked", …
    QString writtenBy;     // "Jo Fletcher (Support worker, Fairview Lodge), 3 August 2025"
};

struct ChangeSince
{
    QString entryId;
    QString when; // as it reads after "the incident" (IncidentRow::whenInText)
    QString text;              // what has changed since, as recorded
    QStringList interventions; // "Home fire safety visit, 3 August 2025: requested from …"
};

struct PersonsView
{
    QString entryId;
    QString when; // as it reads after "the incident" (IncidentRow::whenInText)
    QString status;   // "Asked", "Declined to give one", …
    QString words;    // their words, verbatim
    QString reason;   // why not asked or not possible
    QString disputes; // whether they dispute the record
};

struct SourceRef
{
    QString entryId;
    int revision = 0;
    QString hash;
    QString writtenBy;
};

// Where the summary stands on sign-off. A sign-off is of the summary's content (see summaryContentHash):
// made again later with the same choices and the same entry revisions, it carries the same sign-off.
struct SummarySignOff
{
    QString state;   // "approved", "requested", "returned", "earlier-version" (one was given for different content), or empty
    qint64 request = 0;
    store::Actor by; // who decided (or asked, while it waits)
    QDateTime at;
    QString comment;
    QString text;    // the sentence shown on the summary; empty when sign-off was never asked for
};

struct ReferralSummary
{
    QString title;                 // "Fire-safety history — factual summary"
    record::Person person;
    QDateTime generatedAt;
    store::Actor author;
    QString purpose, recipient, basis; // basis: "The person consented to this being shared." or the lawful basis
    bool consent = false;
    QString lawfulBasis;
    QString inShort;               // the count of incidents and the time since the most recent, in words
    std::vector<IncidentRow> incidents; // in date order
    QSet<Section> sections;
    std::vector<ChangeSince> changes;
    QStringList safetyFactors;     // from the most recent incident: "Smokes: yes", …
    QString safetyPlan;
    QString safetyFrom;            // "As recorded on 3 August 2025 (entry entry-0001)"
    std::vector<PersonsView> views;
    QStringList leftOut;           // what the summary does not include, and why
    std::vector<SourceRef> sources;
    QString auditHead;             // the case file's latest audit hash when the summary was made
    QString caseFileName;
    QString contentHash;           // summaryContentHash
    SummarySignOff signOff;
};

// Whether an incident is in a summary when the worker has not chosen: yes, unless its conviction is recorded
// as spent (Rehabilitation of Offenders Act 1974), which is shared only when the worker chooses it.
bool includedByDefault(const record::Entry &incident);

// Builds the summary. Errors (as a sentence to show): a missing purpose, recipient or basis; a person
// or entry not found; a chosen entry that is not a final incident record of this person; a
// training file ("invented cases are never sent as a real referral").
Result<ReferralSummary, QString> buildSummary(store::Store &store, const SummaryRequest &request);

// A complete HTML document (UTF-8, headings, tables; styles for screen and print).
QString summaryHtml(const ReferralSummary &summary);
// The same content as JSON (docs/reports.md).
QJsonObject summaryJson(const ReferralSummary &summary);

// SHA-256 of what the summary says and rests on: the person, purpose, recipient, basis, the sections
// chosen, and each entry revision it draws on (by hash). Not when or by whom it was made: the same summary
// made again the next day has the same content hash; an amendment to any entry it draws on changes it.
QString summaryContentHash(const ReferralSummary &summary);

// What the summary was made from (person, purpose, recipient, consent or basis, incidents, sections), as
// JSON, kept with a sign-off request so the supervisor can make and read the same summary; and back.
QJsonObject summaryRequestJson(const ReferralSummary &summary);
Result<SummaryRequest, QString> summaryRequestFromJson(const QJsonObject &json);

// Asks for sign-off of this summary (its content hash and request JSON go with the request).
store::StoreResult<qint64> requestSummarySignOff(store::Store &store, const ReferralSummary &summary, const QString &comment,
                                                 const store::Actor &actor);

// The summary a sign-off request was made for, made again now from what the request kept (by the person
// who asked). Compare its contentHash with the request's documentHash: when they differ, an entry it draws
// on was amended (or marked in error) since. An error when the request is not for a summary or cannot be
// made again at all (an entry it named is now marked in error, say).
Result<ReferralSummary, QString> summaryForSignOff(store::Store &store, const store::SignOff &request);

// The free text the summary repeats from the record, with the wording findings still in it.
struct TextFindings
{
    QString where;  // "Incident of 2 August 2025 — what happened"
    QString text;
    std::vector<Finding> findings;
};
std::vector<TextFindings> checkSummaryText(const ReferralSummary &summary, const wording::Checker &checker);

// Records an export of the summary in the audit trail: format, destination, purpose, recipient, basis,
// and the entries and revision hashes it holds.
store::StoreResult<qint64> recordSummaryExport(store::Store &store, const ReferralSummary &summary, const QString &format,
                                               const QString &destination);

} // namespace fairnote::report
