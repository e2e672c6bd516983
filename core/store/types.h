// SPDX-FileCopyrightText: 2026 Fairnote contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// The store's value types, shared by every backend: entries and their revisions, drafts, marks in error,
// disclosure flags, reviews, sign-off, audit rows and verify reports, with the labels they are shown by.
#pragma once

#include "record/casefile.h"
#include "store/actor.h"

#include <QDateTime>
#include <QJsonObject>
#include <QString>
#include <QStringList>
#include <functional>
#include <optional>
#include <vector>

namespace fairnote::store {

enum class EntryStatus { Draft, Final, Amended, InError };
QString statusId(EntryStatus status);    // "draft", "final", "amended", "in-error"
QString statusTitle(EntryStatus status); // "Draft", "Final", "Amended", "Marked in error"
// The status of an entry with `finalRevisions` final revisions (0: a draft only).
EntryStatus statusOf(int finalRevisions, bool inError);

enum class FileKind { Live, Training };

// The assessment of an entry as it was when the entry was finalised: the prompts still open (each with
// the reason the author gave for leaving it) and the wording and spelling findings.
struct SnapshotPrompt
{
    QString field, code, severity, message, question;
    QString leftReason; // why the author finalised with this prompt open
    friend bool operator==(const SnapshotPrompt &, const SnapshotPrompt &) = default;
};
struct SnapshotFinding
{
    QString field, rule, category, severity;
    qint64 offset = 0, length = 0; // UTF-16 code units into the field's text
    QString text, message;
    friend bool operator==(const SnapshotFinding &, const SnapshotFinding &) = default;
};
struct Snapshot
{
    std::vector<SnapshotPrompt> prompts;
    std::vector<SnapshotFinding> findings;
    friend bool operator==(const Snapshot &, const Snapshot &) = default;
};

// Assesses one entry of a person as it is about to be finalised (its written-at already set). The
// store calls it, so the snapshot it keeps is always of the text it keeps. Set by the program (CLI, app)
// with the wording and spelling checkers it uses.
using Assessor = std::function<Snapshot(const record::Person &person, const record::Entry &entry)>;

// The key a left-open prompt is answered by: "code field", e.g. "no-source /incident/source/type".
QString promptKey(const QString &code, const QString &field);

struct PersonSummary
{
    record::Person person;
    int entries = 0;             // entries the viewer can see (others' drafts left out)
    int incidents = 0;           // final, not-in-error fire-setting incident records
    QString lastIncidentEntry;   // the most recent dated incident, if any
    QDateTime lastIncidentAt;    // the latest moment it can have happened (UTC): for ordering, never to show
    record::EventDate lastIncidentDate; // its date as recorded, as precise as known (record::latestIncidentText says it)
};

// How the latest incident of a person is said in a list of people: "latest incident in 2021, at least 4
// years ago" (record::latestIncidentText), "latest incident on a date that is not known" when no incident
// record has a date, nothing when there is no incident record. The app's people list and fairnote-cli
// people both say it this way.
QString latestIncidentLine(const PersonSummary &person, const QDateTime &now);

struct EntrySummary
{
    QString id;
    QString personId;
    QString personName;
    bool incident = false;
    EntryStatus status = EntryStatus::Draft;
    record::EventDate eventDate;
    QString summary;          // one line
    QDateTime writtenAt;      // when the first final revision was written (drafts: when last saved)
    Actor author;             // who wrote it (drafts: the draft's author)
    int revisions = 0;        // final revisions
    std::optional<qint64> lateSeconds; // a late entry: how long after the event it was written
    bool hasDraft = false;    // a draft (new, or an amendment in progress) exists
    Actor draftAuthor;
    QString signOff;          // the current revision's latest sign-off state: "requested", "approved", "returned", or empty
    bool returnedForCorrection = false; // the current revision's latest review returned it to its author
    QDateTime lastReviewed;   // when it was last reviewed by a supervisor, if ever
};

// What supervision says of the entry's current revision, for the chronology in the app and the CLI alike:
// "returned for correction", "sign-off requested", "signed off", "sign-off returned", joined by "; ",
// or empty when there is nothing to say.
QString supervisionNote(const EntrySummary &entry);

struct Revision
{
    int number = 0;          // 1 = the original
    record::Entry entry;     // the content as finalised
    Actor author;            // who finalised this revision
    QDateTime writtenAt;     // when (UTC)
    QString reason;          // amendments: why
    std::optional<qint64> lateSeconds;
    QString hash;            // SHA-256 (hex) of the revision's canonical content
    Snapshot snapshot;
};

struct Draft
{
    record::Entry entry;
    Actor author;
    QDateTime startedAt, updatedAt;
    int baseRevision = 0; // 0: a new entry; N: an amendment of revision N
};

struct InErrorMark
{
    QDateTime at;
    Actor by;
    QString reason;
};

// An entry flagged "review before disclosure" (it holds third-party information, or something that could
// harm someone if disclosed): a subject-access export withholds it, with a visible marker, until a
// reviewer releases it.
struct DisclosureFlag
{
    QString entryId;
    QDateTime flaggedAt;
    Actor flaggedBy;
    QString reason;
    QDateTime releasedAt; // null while it is withheld
    Actor releasedBy;
    QString releaseNote;
    bool released() const { return releasedAt.isValid(); }
};

// A supervisor's review of one exact revision, kept apart from the entry: a review never changes what the
// worker wrote. `completeness` is what the rubric computed when the review was made; `quality` the
// supervisor's scores (1–4) per criterion, with evidence and a comment.
struct QualityScore
{
    QString criterion; // the rubric's id: "factual", "attributable", …
    int score = 0;     // 1 (not met) … 4 (fully met); 0: not scored
    QString evidence;  // what in the entry shows it
    QString comment;
    friend bool operator==(const QualityScore &, const QualityScore &) = default;
};

struct Review
{
    qint64 id = 0;
    QString entryId;
    int revision = 0;
    Actor reviewer;
    QDateTime reviewedAt;
    QJsonObject completeness;
    std::vector<QualityScore> quality;
    QString comment;
    bool returned = false; // returned to the author for correction (they amend; the review stays as it was)
    QString hash;
};

enum class SignOffState { Requested, Approved, Returned };
QString signOffStateId(SignOffState s);    // "requested", "approved", "returned"
QString signOffStateTitle(SignOffState s); // "Sign-off requested", "Signed off", "Returned"

struct SignOffEvent
{
    SignOffState state = SignOffState::Requested;
    Actor actor;
    QDateTime at;
    QString comment;
};

// A request for sign-off of an incident record (its latest revision when asked) or of a referral summary
// (identified by the hash of its content), and what was decided.
struct SignOff
{
    qint64 id = 0;
    QString subject;      // "entry" or "summary"
    QString personId;
    QString entryId;      // entry
    int revision = 0;     // entry
    QString documentHash; // summary: the hash of its content (report::summaryContentHash)
    QString document;     // summary: what it was made from, as JSON, so a reviewer can see it (report::summaryRequestJson)
    Actor requestedBy;
    QDateTime requestedAt;
    std::vector<SignOffEvent> events; // oldest first; the first is the request
    SignOffState state() const { return events.empty() ? SignOffState::Requested : events.back().state; }
};

struct EntryDetail
{
    EntrySummary summary;
    std::vector<Revision> revisions; // oldest first
    std::optional<Draft> draft;
    std::optional<InErrorMark> inError;
    std::optional<DisclosureFlag> disclosure;
};

struct ListFilter
{
    QString personId;                // empty: everyone
    bool othersDrafts = false;       // include other authors' drafts
    bool includeInError = true;
};

struct SearchHit
{
    QString entryId;
    QString personId;
    QString personName;
    EntryStatus status = EntryStatus::Draft;
    bool incident = false;
    QString snippet;                            // plain text, "…" where cut
    std::vector<std::pair<int, int>> highlights; // (offset, length) of matched words in the snippet
    double rank = 0;
};

struct AuditRow
{
    qint64 seq = 0;
    QDateTime at;
    Actor actor;     // empty name: the program itself (creating the file, migrating it)
    QString action;  // "create-file", "add-person", "create-entry", "finalise", "amend", "mark-in-error",
                     // "discard-draft", "import", "export", "backup", "view" …
    QString personId;
    QString entryId;
    int revision = 0;
    QJsonObject detail;
    QString prevHash;
    QString hash;
};

struct VerifyProblem
{
    QString where;   // "entry E-3F2A revision 2", "audit row 17", "database"
    QString message; // what is wrong, in plain words
};

struct VerifyReport
{
    std::vector<VerifyProblem> problems;
    QString headHash;          // the latest audit hash: record it outside the file
    qint64 auditRows = 0, revisions = 0, entries = 0, people = 0;
    QStringList notes;         // what verify says beside the problems: what it could not compare and why, an unfinished backup
    bool ok() const { return problems.empty(); }
};

// Called with (done, total) as long work goes on; returning false cancels it.
using Progress = std::function<bool(qint64 done, qint64 total)>;

struct ImportOptions
{
    bool asDrafts = false;        // import as the actor's drafts instead of final entries
    QString sourceName;           // the file imported from, for the audit trail
};

// Which audit events to read (see Store::auditEvents): by person, by action, newest first and at most
// `limit` of them, so a caller after the last event of one kind never reads the whole trail.
struct AuditQuery
{
    QString personId;      // empty: everyone's (and the file's own)
    QStringList actions;   // empty: every action
    bool newestFirst = false;
    int limit = 0;         // 0: all
};

} // namespace fairnote::store
