// SPDX-FileCopyrightText: 2026 Fairnote contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// Store: the case file as a trustworthy record, behind one interface (SQLite today; a shared server
// later, without touching callers). Entries move from draft to final; a final revision never changes;
// corrections are amendments with a reason; mistakes are marked in error, never deleted; every change is
// appended to a hash-chained audit trail. See docs/store.md.
//
// Errors are values (StoreError); nothing throws across this API. A Store is used by one thread at a
// time; open a second one for work in another thread.
#pragma once

#include "record/casefile.h"
#include "result.h"

#include <QDateTime>
#include <QHash>
#include <QJsonObject>
#include <QString>
#include <functional>
#include <memory>
#include <optional>
#include <vector>

namespace fairnote::store {

enum class ErrorCode {
    NotFound,     // no such file, person or entry
    NotSqlite,    // the file is not an SQLite database at all
    NotFairnote,  // an SQLite database, but not a Fairnote case file (or a training file opened as live)
    TooNew,       // written by a newer Fairnote
    ReadOnly,     // opened for reading only: writes refused
    Busy,         // another program is writing to the file
    DiskFull,     // the disk (or the file's size limit) is full
    Io,           // the operating system could not read or write the file
    Corrupt,      // the file is damaged
    Invalid,      // a request that cannot be carried out: a missing reason, a draft that is not yours …
    Conflict,     // the record is not in a state that allows it: already final, marked in error, id in use …
    Cancelled,    // the caller's progress callback asked to stop
    Internal,     // an unexpected SQLite error (a bug)
};

struct StoreError
{
    ErrorCode code = ErrorCode::Internal;
    QString message; // names the problem and what to do about it, in plain words
};

template <typename T>
using StoreResult = Result<T, StoreError>;
struct Done {};

// Who is acting: the author of an entry, the person exporting … (name required; role and organisation
// as the user's settings give them).
using Actor = record::Author;
// "Name (Role)" or "Name (Role, Organisation)" → an Actor; nothing when there is no name.
std::optional<Actor> parseActor(const QString &text);
// "Name (Role, Organisation)"
QString actorDisplay(const Actor &actor);
// Whether two actors are the same person for the rules that stop people checking their own work
// (no review or sign-off of one's own entry): the same name, ignoring case and spacing, whatever role or
// organisation each gives. Two different people with one name are kept apart by asking someone else.
bool samePerson(const Actor &a, const Actor &b);
// Whether `actor` is the worker a supervisor named: "Name", "Name (Role)" or "Name (Role, Organisation)";
// what is given must match (ignoring case and spacing), what is left out matches anything.
bool matchesWorker(const Actor &actor, const QString &worker);

enum class EntryStatus { Draft, Final, Amended, InError };
QString statusId(EntryStatus status);    // "draft", "final", "amended", "in-error"
QString statusTitle(EntryStatus status); // "Draft", "Final", "Amended", "Marked in error"

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
    QDateTime lastIncidentAt;    // the latest moment it can have happened (UTC)
};

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
    bool ok() const { return problems.empty(); }
};

// Called with (done, total) as long work goes on; returning false cancels it.
using Progress = std::function<bool(qint64 done, qint64 total)>;

struct ImportOptions
{
    bool asDrafts = false;        // import as the actor's drafts instead of final entries
    QString sourceName;           // the file imported from, for the audit trail
};

class Store
{
public:
    virtual ~Store() = default;

    virtual QString location() const = 0;
    virtual FileKind kind() const = 0;
    virtual bool isReadOnly() const = 0;
    virtual QString readOnlyReason() const = 0; // why, when isReadOnly()
    // The assessor finalise() and import use (see Assessor). Without one, their snapshots are empty.
    virtual void setAssessor(Assessor assessor) = 0;
    // The clock (UTC); tests set a fixed one.
    virtual void setClock(std::function<QDateTime()> clock) = 0;
    virtual void setLateEntryHours(qint64 hours) = 0;

    // People. addPerson gives the person an id when it has none.
    virtual StoreResult<record::Person> addPerson(record::Person person, const Actor &actor) = 0;
    virtual StoreResult<Done> updatePerson(const record::Person &person, const Actor &actor) = 0;
    virtual StoreResult<std::vector<PersonSummary>> people(const Actor &viewer) = 0;
    virtual StoreResult<record::Person> person(const QString &id) = 0;
    // People whose name or other names are exactly `name` (case-insensitive).
    virtual StoreResult<std::vector<record::Person>> peopleNamed(const QString &name) = 0;

    // Saves a draft for `personId` and returns the entry's id. A new entry (empty or unknown id) gets an
    // id; an entry with final revisions gets an amendment draft (based on its latest revision). Only the
    // draft's author may change it. Its written-at and author are set by the store.
    virtual StoreResult<QString> saveDraft(const QString &personId, record::Entry entry, const Actor &actor) = 0;
    virtual StoreResult<Done> discardDraft(const QString &entryId, const Actor &actor) = 0;
    // Finalises the draft: the assessor runs on it as written now; every prompt still open needs a reason
    // in `leftReasons` (by promptKey), else nothing is saved and the error lists them. An amendment draft
    // needs `amendReason`. Returns the new revision.
    virtual StoreResult<Revision> finalise(const QString &entryId, const Actor &actor,
                                           const QHash<QString, QString> &leftReasons,
                                           const QString &amendReason = QString()) = 0;
    // Amends a final entry in one step: a new final revision with `reason`.
    virtual StoreResult<Revision> amend(const QString &entryId, record::Entry entry, const QString &reason,
                                        const Actor &actor, const QHash<QString, QString> &leftReasons) = 0;
    virtual StoreResult<Done> markInError(const QString &entryId, const QString &reason, const Actor &actor) = 0;

    // Imports case files in one transaction: all or nothing. Entries become final revisions with the
    // author and time written in the file (or the actor's drafts). Returns the ids of the new entries.
    virtual StoreResult<std::vector<QString>> importCaseFiles(const std::vector<record::CaseFile> &caseFiles, const Actor &actor,
                                                              const ImportOptions &options, const Progress &progress) = 0;
    StoreResult<std::vector<QString>> importCaseFile(const record::CaseFile &caseFile, const Actor &actor,
                                                     const ImportOptions &options, const Progress &progress)
    {
        return importCaseFiles({caseFile}, actor, options, progress);
    }

    // The person's entries as a case file: the latest final revision of each, in chronological order;
    // entries marked in error only when asked; drafts never.
    virtual StoreResult<record::CaseFile> caseFile(const QString &personId, bool includeInError) = 0;

    // Lists entries: chronological (by event date, unknown dates last) within each person.
    virtual StoreResult<std::vector<EntrySummary>> entries(const ListFilter &filter, const Actor &viewer) = 0;
    // An entry by id, or by a unique prefix of its id.
    virtual StoreResult<EntryDetail> entry(const QString &idOrPrefix) = 0;
    virtual StoreResult<std::vector<SearchHit>> search(const QString &query, const Actor &viewer, int limit) = 0;

    // Review before disclosure: a reason is required to flag an entry; releasing it (by a reviewer, with an
    // optional note) is final. Both are in the audit trail.
    virtual StoreResult<Done> flagForDisclosureReview(const QString &entryId, const QString &reason, const Actor &actor) = 0;
    virtual StoreResult<Done> releaseForDisclosure(const QString &entryId, const QString &note, const Actor &actor) = 0;
    // The flags of one person's entries (empty id: everyone's).
    virtual StoreResult<std::vector<DisclosureFlag>> disclosureFlags(const QString &personId) = 0;

    // Supervision. A review is of the entry's latest final revision (or `revision` when given); it needs a
    // reviewer and is never changed; returning an entry for correction says so in the review.
    virtual StoreResult<qint64> recordReview(const Review &review, const Actor &reviewer) = 0;
    virtual StoreResult<std::vector<Review>> reviews(const QString &entryId = QString()) = 0;
    // Sign-off: requested by the entry's author (or anyone, for a summary); approved or returned by
    // someone else — never by the author of the entry or the person who asked. A summary is named by the
    // hash of its content and carries the document it was made from.
    virtual StoreResult<qint64> requestSignOff(const QString &subject, const QString &personId, const QString &entryId,
                                               const QString &documentHash, const QString &document, const QString &comment,
                                               const Actor &actor) = 0;
    virtual StoreResult<Done> decideSignOff(qint64 signOffId, SignOffState decision, const QString &comment, const Actor &actor) = 0;
    virtual StoreResult<std::vector<SignOff>> signOffs(const QString &personId = QString()) = 0;

    // Appends an event that changes no record (an export, a print, a view) to the audit trail.
    virtual StoreResult<qint64> logEvent(const Actor &actor, const QString &action, const QString &personId,
                                         const QString &entryId, const QJsonObject &detail) = 0;
    virtual StoreResult<std::vector<AuditRow>> auditTrail(const QString &personId = QString()) = 0;
    virtual StoreResult<QString> headHash() = 0;

    // Checks the whole file: SQLite's integrity check, foreign keys, the protections, every revision's
    // hash and the whole audit chain. Problems are in the report; the error is for a file that cannot be
    // read at all.
    virtual StoreResult<VerifyReport> verify(const Progress &progress) = 0;
    // Copies the file to `destination` (which must not exist) while it stays in use, then verifies the
    // copy. Nothing is left at `destination` when it fails.
    virtual StoreResult<VerifyReport> backup(const QString &destination, const Actor &actor, const Progress &progress) = 0;
};

struct OpenOptions
{
    enum class Create : bool { No, IfMissing };
    Create create = Create::No;
    FileKind kind = FileKind::Live;
    bool readOnly = false;     // open for reading only, even when the file could be written
    QString readOnlyReason;    // why, when readOnly is set (Store::readOnlyReason); default: "opened for reading only"
    int busyTimeoutMs = 5000;  // how long to wait for another program's write to finish
    qint64 maxPageCount = 0;   // when set, the file may not grow beyond this many pages (a quota)
    std::function<QDateTime()> clock; // the clock from the start (tests); default: the system's, in UTC
};

// Opens (or creates) a case file. Refuses, without changing it, a file that is not SQLite, not a
// Fairnote case file, of the other kind (training/live), or from a newer Fairnote. A file that cannot be
// written is opened for reading only (see Store::readOnlyReason). Migrates an older Fairnote file.
StoreResult<std::unique_ptr<Store>> openStore(const QString &path, const OpenOptions &options = {});

constexpr int kSchemaVersion = 3;
constexpr quint32 kApplicationId = 0x466E6F74;         // "Fnot"
constexpr quint32 kTrainingApplicationId = 0x466E5472; // "FnTr"

} // namespace fairnote::store
