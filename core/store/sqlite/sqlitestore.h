// SPDX-FileCopyrightText: 2026 Fairnote contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// Private to core/store/sqlite: the SQLite implementation of store::Store, shared by its feature files
// (sqlitestore.cpp the machinery, people.cpp, entries.cpp, reading.cpp, disclosure.cpp,
// supervision.cpp, verify.cpp, open.cpp). Callers use store/store.h and store/sqlite/open.h.
#pragma once

#include "store/hashing.h"
#include "store/permissions.h"
#include "store/sqlite/database.h"
#include "store/sqlite/open.h"
#include "store/store.h"

#include <QDateTime>
#include <QHash>
#include <QJsonObject>
#include <memory>
#include <optional>

namespace fairnote::store {

// Helpers shared by the feature files.
QString iso(const QDateTime &t);       // UTC, with milliseconds: the stored form of every time
QDateTime fromIso(const QString &s);   // null when it does not parse
QString compact(const QJsonObject &o); // compact JSON text
QJsonObject parseObject(const QString &s);
QString nn(const QString &s);          // a text for a NOT NULL column: a null QString would bind NULL
QString kindOf(const record::Entry &e); // "incident" or "note"
QString newId(const char *prefix);     // "E-" / "P-" and 8 random hex digits
std::optional<qint64> lateSecondsOf(const record::Entry &e, qint64 lateHours);
record::EventDate eventDateFromJson(const QString &json);
QString otherNamesJson(const QStringList &names);
QStringList otherNamesFromJson(const QString &json);

// The list columns of `entries` as its latest revision (or a new entry's draft) gives them; verify
// recomputes them the same way.
struct HeadColumns
{
    QString eventSort, eventLatest, eventJson, summary, writtenAt;
};
HeadColumns headColumns(const record::Entry &e);

// Turns a failure inside SQLite into a StoreError (store/errors.h words it).
StoreError toError(const sql::Failure &f, const QString &path, const QString &whatFailed);

// A failure that is not SQLite's own: thrown inside a transaction to roll it back with a StoreError.
struct Refusal
{
    StoreError error;
};

class SqliteStore final : public Store
{
public:
    SqliteStore(std::unique_ptr<sql::Database> db, QString path, FileKind kind, QString readOnlyReason)
        : m_db(std::move(db)), m_path(std::move(path)), m_kind(kind), m_readOnlyReason(std::move(readOnlyReason))
    {
    }

    QString location() const override { return m_path; }
    FileKind kind() const override { return m_kind; }
    bool isReadOnly() const override { return !m_readOnlyReason.isEmpty(); }
    QString readOnlyReason() const override { return m_readOnlyReason; }
    void setAssessor(Assessor assessor) override { m_assessor = std::move(assessor); }
    void setClock(std::function<QDateTime()> clock) override { m_clock = std::move(clock); }
    void setLateEntryHours(qint64 hours) override { m_lateHours = hours; }

    StoreResult<record::Person> addPerson(record::Person person, const Actor &actor) override;
    StoreResult<Done> updatePerson(const record::Person &person, const Actor &actor) override;
    StoreResult<std::vector<PersonSummary>> people(const Actor &viewer) override;
    StoreResult<record::Person> person(const QString &id) override;
    StoreResult<std::vector<record::Person>> peopleNamed(const QString &name) override;
    StoreResult<QString> saveDraft(const QString &personId, record::Entry entry, const Actor &actor) override;
    StoreResult<Done> discardDraft(const QString &entryId, const Actor &actor) override;
    StoreResult<Revision> finalise(const QString &entryId, const Actor &actor, const QHash<QString, QString> &leftReasons,
                                   const QString &amendReason) override;
    StoreResult<Revision> amend(const QString &entryId, record::Entry entry, const QString &reason, const Actor &actor,
                                const QHash<QString, QString> &leftReasons) override;
    StoreResult<Done> markInError(const QString &entryId, const QString &reason, const Actor &actor) override;
    StoreResult<std::vector<QString>> importCaseFiles(const std::vector<record::CaseFile> &caseFiles, const Actor &actor,
                                                      const ImportOptions &options, const Progress &progress) override;
    StoreResult<record::CaseFile> caseFile(const QString &personId, bool includeInError) override;
    StoreResult<std::vector<EntrySummary>> entries(const ListFilter &filter, const Actor &viewer) override;
    StoreResult<EntryDetail> entry(const QString &idOrPrefix) override;
    StoreResult<std::vector<SearchHit>> search(const QString &query, const Actor &viewer, int limit) override;
    StoreResult<Done> flagForDisclosureReview(const QString &entryId, const QString &reason, const Actor &actor) override;
    StoreResult<Done> releaseForDisclosure(const QString &entryId, const QString &note, const Actor &actor) override;
    StoreResult<std::vector<DisclosureFlag>> disclosureFlags(const QString &personId) override;
    StoreResult<qint64> recordReview(const Review &review, const Actor &reviewer) override;
    StoreResult<std::vector<Review>> reviews(const QString &entryId) override;
    StoreResult<qint64> requestSignOff(const QString &subject, const QString &personId, const QString &entryId,
                                       const QString &documentHash, const QString &document, const QString &comment,
                                       const Actor &actor) override;
    StoreResult<Done> decideSignOff(qint64 signOffId, SignOffState decision, const QString &comment, const Actor &actor) override;
    StoreResult<std::vector<SignOff>> signOffs(const QString &personId) override;
    StoreResult<qint64> logEvent(const Actor &actor, const QString &action, const QString &personId,
                                 const QString &entryId, const QJsonObject &detail) override;
    StoreResult<std::vector<AuditRow>> auditEvents(const AuditQuery &query) override;
    StoreResult<QString> headHash() override;
    StoreResult<VerifyReport> verify(const Progress &progress) override;
    StoreResult<VerifyReport> backup(const QString &destination, const Actor &actor, const Progress &progress) override;

    // Used by openStore: a new file gets the whole schema; an older one is migrated, one version per
    // transaction, and the upgrade is recorded in the audit trail.
    void initialise(FileKind kind);
    void upgrade(int fromVersion);
    // Rewords every entry's list summary when the file's were worded by another version of record::summaryLine,
    // in one audited transaction. A file that cannot be written now (full, busy) is left as it was.
    void rewordSummaries();
    // The summaryLine wording the file's list summaries were worded by (0: from before wordings were numbered).
    int summaryWording();
    // Backups a kill interrupted (marked in meta as "backup:DEST" while under way), each said in a sentence. With
    // `settle`: a whole copy of this file at DEST is recorded in the audit trail, and the partial copy left by a
    // backup to `sameDestination` removed; the marks of both are taken away.
    QStringList unfinishedBackups(bool settle, const QString &sameDestination);

private:
    QDateTime now() const { return m_clock ? m_clock().toUTC() : QDateTime::currentDateTimeUtc(); }

    // Runs `work` and turns any failure into a StoreError. `whatFailed` completes messages about writes
    // ("The entry was not saved.").
    template <typename T, typename F>
    StoreResult<T> guarded(const QString &whatFailed, F &&work)
    {
        try {
            return work();
        } catch (const sql::Failure &f) {
            return toError(f, m_path, whatFailed);
        } catch (const Refusal &r) {
            return r.error;
        }
    }
    std::optional<StoreError> refuseWrite(const Actor &actor) const;

    qint64 userId(const Actor &actor);                  // inserts the user when new
    std::optional<qint64> findUserId(const Actor &actor); // no insert
    bool wroteEntry(const QString &entryId, const Actor &actor); // wrote any of its final revisions (samePerson); an importer did not
    Actor userById(qint64 id);
    qint64 appendAudit(const std::optional<Actor> &actor, const QString &action, const QString &personId,
                       const QString &entryId, std::optional<qint64> revision, const QJsonObject &detail);
    record::Person loadPerson(const QString &id); // throws Refusal when missing
    // What the entry rules need to know about an existing entry (store/permissions.h).
    EntryState loadState(const QString &entryId);
    // Throws the refusal when `actor` may not do `action` with the entry in `state`.
    static void require(const EntryState &state, const Actor &actor, EntryAction action);
    QString resolveEntryId(const QString &idOrPrefix); // throws Refusal when missing or ambiguous
    void updateHead(const QString &entryId, const record::Entry &e, std::optional<qint64> lateSeconds, qint64 authorId);
    void indexEntry(const QString &entryId, const record::Person &person, const record::Entry &e);
    void unindexEntry(const QString &entryId);
    Revision writeRevision(const QString &entryId, const QString &personId, const record::Entry &e, int number,
                           const Actor &author, const QDateTime &writtenAt, const QString &reason,
                           const Snapshot &snapshot, const QString &action, const QJsonObject &extraDetail);
    Snapshot assessForFinal(const record::Person &person, const record::Entry &e, const QHash<QString, QString> &leftReasons,
                            const QString &defaultReason);
    Snapshot loadSnapshot(qint64 revisionId);
    record::Entry parseContent(const QString &json, const QString &entryId);
    // The entry as stored JSON, refused (Invalid) when it could not be read back, so that no save ever leaves
    // an entry the file cannot show (a date range that ends before it starts, a year that cannot be written).
    QString storable(const record::Entry &entry);
    EntrySummary summaryFromRow(sql::Statement &s);

    // The fields of this class are shared by the feature files (people.cpp, entries.cpp …).
    std::unique_ptr<sql::Database> m_db;
    QString m_path;
    FileKind m_kind;
    QString m_readOnlyReason;
    Assessor m_assessor;
    std::function<QDateTime()> m_clock;
    qint64 m_lateHours = 24;
    QHash<QString, qint64> m_userIds;
};

} // namespace fairnote::store
