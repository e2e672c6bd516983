// SPDX-FileCopyrightText: 2026 Fairnote contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// Store: the case file as a trustworthy record, behind one interface that every backend implements (the
// SQLite file in store/sqlite/, the embedded default; a team server later) and that the conformance
// suite in tests/store/conformance/ tests. Entries move from draft to final; a final revision never
// changes; corrections are amendments with a reason; mistakes are marked in error, never deleted; every
// change is appended to a hash-chained audit trail. See docs/store.md.
//
// Errors are values (StoreError); nothing throws across this API. A Store is used by one thread at a
// time; open a second one for work in another thread.
#pragma once

#include "record/casefile.h"
#include "store/actor.h"
#include "store/errors.h"
#include "store/types.h"

#include <QDateTime>
#include <QHash>
#include <QJsonObject>
#include <QString>
#include <functional>
#include <memory>
#include <optional>
#include <vector>

namespace fairnote::store {

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

    // Appends an event that changes no record (an export, a print, a view) to the audit trail. `action`
    // must be an event of the registry (store/auditactions.h); anything else is refused (Invalid).
    virtual StoreResult<qint64> logEvent(const Actor &actor, const QString &action, const QString &personId,
                                         const QString &entryId, const QJsonObject &detail) = 0;
    // The audit events `query` asks for (by person, by action, newest first, at most a limit), read through
    // an index: a caller after the last event of one kind never reads the whole trail.
    virtual StoreResult<std::vector<AuditRow>> auditEvents(const AuditQuery &query) = 0;
    // The whole audit trail, oldest first (or one person's).
    StoreResult<std::vector<AuditRow>> auditTrail(const QString &personId = QString())
    {
        AuditQuery q;
        q.personId = personId;
        return auditEvents(q);
    }
    virtual StoreResult<QString> headHash() = 0;

    // Checks the whole file: SQLite's integrity check, foreign keys, the protections, every revision's
    // hash and the whole audit chain. Problems are in the report; the error is for a file that cannot be
    // read at all.
    virtual StoreResult<VerifyReport> verify(const Progress &progress) = 0;
    // Copies the file to `destination` (which must not exist) while it stays in use, then verifies the
    // copy. Nothing is left at `destination` when it fails.
    virtual StoreResult<VerifyReport> backup(const QString &destination, const Actor &actor, const Progress &progress) = 0;
};

} // namespace fairnote::store
