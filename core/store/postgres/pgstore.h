// SPDX-FileCopyrightText: 2026 Fairnote contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// The team server as a store::Store (private to core/store/postgres). Reads are SELECTs under the
// server's row-level security; writes are calls of the server's functions, which decide who may and
// append to the audit chain. The client writes the entry's JSON, the list columns and the assessment,
// with the code the file uses; the server checks the author and the time of writing it put in.
#pragma once

#include "store/postgres/connection.h"
#include "store/postgres/failure.h"
#include "store/postgres/open.h"
#include "store/permissions.h"
#include "store/store.h"

#include <QHash>
#include <QJsonObject>
#include <memory>

namespace fairnote::store::postgres {

// A refusal decided on the client (a prompt left open, an entry that would not read back): thrown
// inside a transaction to roll it back with a StoreError.
struct Refusal
{
    StoreError error;
};

class PostgresStore final : public Store
{
public:
    PostgresStore(std::unique_ptr<pg::Connection> connection, QString conninfo, Session session, FileKind kind, bool testClock,
                  QString readOnlyReason);

    const Session &session() const { return m_session; }
    // See postgres::confirmPassword (open.h).
    StoreResult<Done> confirmPassword(const QString &password) const;

    QString location() const override;
    FileKind kind() const override { return m_kind; }
    bool isReadOnly() const override { return !m_readOnlyReason.isEmpty(); }
    QString readOnlyReason() const override { return m_readOnlyReason; }
    void setAssessor(Assessor assessor) override { m_assessor = std::move(assessor); }
    // libpq keywords over the connection string (a password asked for), used again after a lost connection.
    void setConnectionOverrides(QHash<QString, QString> overrides) { m_overrides = std::move(overrides); }
    void setNewEntryId(std::function<QString()> choose) { m_newEntryId = std::move(choose); }
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
    StoreResult<qint64> logEvent(const Actor &actor, const QString &action, const QString &personId, const QString &entryId,
                                 const QJsonObject &detail) override;
    StoreResult<std::vector<AuditRow>> auditEvents(const AuditQuery &query) override;
    StoreResult<QString> headHash() override;
    StoreResult<VerifyReport> verify(const Progress &progress) override;
    StoreResult<VerifyReport> backup(const QString &destination, const Actor &actor, const Progress &progress) override;

private:
    // Runs `work`, turning a server failure or a Refusal into a StoreError. A connection that was lost
    // is made again once, before the work, so that a server that came back is used again.
    template <typename T, typename F>
    StoreResult<T> guarded(const QString &whatFailed, F &&work);
    std::optional<StoreError> refuseWrite() const;
    // Starts a write: the server's time of writing for this transaction (fixed by the clock on a test
    // database).
    QDateTime writeTime();
    // Records that the session opened a person's record (a chronology, an entry …), unless the same
    // was recorded in the last few minutes of this session (a refresh is not a new opening).
    void recordView(const QString &personId, const QString &entryId, const QString &what);

    QString resolveEntryId(const QString &idOrPrefix); // throws Refusal when missing or ambiguous
    // The entry rules (store/permissions.h) on the entry as the session reads it: a refusal in the same
    // words as the app's and a file's (throws Refusal). The server's functions enforce the rules again;
    // an entry the session cannot read is left to them.
    void require(const QString &entryId, EntryAction action);
    record::Person loadPerson(const QString &id);      // throws Refusal when missing (or not readable)
    record::Entry parseContent(const QString &json, const QString &entryId);
    QString storable(const record::Entry &entry);
    Snapshot assessForFinal(const record::Person &person, const record::Entry &entry, const QHash<QString, QString> &leftReasons,
                            const QString &defaultReason);
    std::optional<qint64> lateSecondsOf(const record::Entry &entry) const;

    std::unique_ptr<pg::Connection> m_c;
    QString m_conninfo;
    QHash<QString, QString> m_overrides; // libpq keywords over the connection string (a password asked for)
    Session m_session;
    FileKind m_kind;
    bool m_testClock;
    QString m_readOnlyReason;
    Assessor m_assessor;
    std::function<QDateTime()> m_clock;
    std::function<QString()> m_newEntryId; // tests only (ServerOpenOptions::newEntryId); random when empty
    qint64 m_lateHours = 24;
    QHash<QString, QDateTime> m_recentViews; // "person entry what" → when this session last recorded it
};

template <typename T, typename F>
StoreResult<T> PostgresStore::guarded(const QString &whatFailed, F &&work)
{
    const QString where = location();
    if (m_c->isBroken()) {
        // The server went away and may be back: connect again (nothing was in flight).
        try {
            auto again = std::make_unique<pg::Connection>(m_conninfo, m_overrides);
            if (!m_readOnlyReason.isEmpty())
                again->exec("SET default_transaction_read_only = on");
            m_c = std::move(again);
        } catch (const pg::Failure &f) {
            return toError(f, where, whatFailed);
        }
    }
    try {
        return work();
    } catch (const pg::Failure &f) {
        return toError(f, where, whatFailed);
    } catch (const Refusal &r) {
        return r.error;
    }
}

// The server's words for an entry as JSON, and back.
QString snapshotJson(const Snapshot &snapshot);
Snapshot snapshotFromJson(const QString &json);
// The list columns of an entry (summary line, event date, search text) as the server keeps them.
QJsonObject headOf(const record::Person &person, const record::Entry &entry);
// The words typed as a tsquery for to_tsquery('english', …): each word quoted, all required, the last
// also a prefix when the query ends in a letter (search as you type). Empty when there is no word.
QString tsQuery(const QString &query);

} // namespace fairnote::store::postgres
