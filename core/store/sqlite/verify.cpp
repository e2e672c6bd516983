// SPDX-FileCopyrightText: 2026 Fairnote contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// Verifying a SQLite case file (SQLite's checks, the protections, every hash, the audit chain) and
// backing it up while it stays in use.
#include "store/sqlite/sqlitestore.h"

#include "store/actor.h"
#include "store/auditactions.h"
#include "store/sqlite/schema.h"
#include "record/describe.h"
#include "record/interchange.h"
#include "record/summarywording.h"

#include <QFile>
#include <QFileInfo>
#include <QDir>
#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>
#include <QSet>

#include <sqlite3.h>

#include <cerrno>
#include <cstring>
#include <exception>
#include <mutex>
#include <thread>
#include <fcntl.h>
#include <unistd.h>

using namespace Qt::StringLiterals;

namespace fairnote::store {

namespace {

// SQLite's own checks of the file: its structure (integrity_check reads every page) and its references
// (foreign_key_check). Together they are over a third of verify's time, and they need nothing verify
// reads, so for a file on disk they run on a connection of their own in a thread of their own while
// verify reads the record (measured, docs/benchmarks.md: 100,000 entries 4.4 s → 2.9 s on two cores).
// That connection reads the file as it is when its own read begins: a save by another program between
// the two reads is a whole, valid file either way, and each check is of one moment.
class SqliteChecks
{
public:
    explicit SqliteChecks(sql::Database &db) : m_db(db)
    {
        if (db.path() != u":memory:" && !db.path().isEmpty())
            m_thread = std::thread([this] { runOwnConnection(); });
    }
    ~SqliteChecks() { stop(); }
    SqliteChecks(const SqliteChecks &) = delete;
    SqliteChecks &operator=(const SqliteChecks &) = delete;

    // The problems found, as (where, what); throws the check's failure (an I/O error, a busy file).
    std::vector<std::pair<QString, QString>> join()
    {
        if (m_thread.joinable())
            m_thread.join();
        else
            run(m_db);
        if (m_failure)
            std::rethrow_exception(std::exchange(m_failure, nullptr));
        return std::move(m_problems);
    }

private:
    void stop()
    {
        if (!m_thread.joinable())
            return;
        {
            const std::lock_guard lock(m_mutex);
            if (m_own)
                sqlite3_interrupt(m_own); // verify was cancelled or failed: stop reading at once
            m_stopped = true;
        }
        m_thread.join();
    }

    void runOwnConnection()
    {
        try {
            sql::Database own(m_db.path(), m_db.mode() == sql::Database::Mode::Immutable ? sql::Database::Mode::Immutable
                                                                                         : sql::Database::Mode::ReadOnly);
            own.setBusyTimeout(m_db.busyTimeout());
            {
                const std::lock_guard lock(m_mutex);
                if (m_stopped)
                    return;
                m_own = own.handle();
            }
            struct Forget {
                SqliteChecks &c;
                ~Forget() { const std::lock_guard lock(c.m_mutex); c.m_own = nullptr; }
            } forget{*this};
            run(own);
        } catch (...) {
            m_failure = std::current_exception();
        }
    }

    void run(sql::Database &db)
    {
        // A page SQLite could not read is reported in the check's text with the error's code; one that is not
        // damage (an I/O error, often passing) fails verify as that error, never as a problem with the file.
        static const QRegularExpression errorCode(u"error code=(\\d+)"_s);
        auto s = db.prepare("PRAGMA integrity_check(100)");
        while (s.next()) {
            const QString line = s.text(0);
            if (line == u"ok")
                continue;
            if (const auto m = errorCode.match(line); m.hasMatch() && (m.captured(1).toInt() & 0xff) != SQLITE_CORRUPT)
                throw sql::Failure(m.captured(1).toInt(), line.simplified());
            m_problems.emplace_back(u"database"_s, u"SQLite's integrity check: %1"_s.arg(line));
        }
        auto f = db.prepare("PRAGMA foreign_key_check");
        while (f.next())
            m_problems.emplace_back(u"table %1, row %2"_s.arg(f.text(0)).arg(f.integer(1)),
                                    u"refers to a missing row in %1"_s.arg(f.text(2)));
    }

    sql::Database &m_db;
    std::thread m_thread;
    std::mutex m_mutex;
    sqlite3 *m_own = nullptr;
    bool m_stopped = false;
    std::exception_ptr m_failure;
    std::vector<std::pair<QString, QString>> m_problems;
};

// "late by 11 days", "late by 5 hours": how a list column's lateness is named in a problem.
QString lateText(std::optional<qint64> seconds)
{
    if (!seconds)
        return u"not late"_s;
    const qint64 days = *seconds / 86400;
    if (days >= 1)
        return days == 1 ? u"late by 1 day"_s : u"late by %1 days"_s.arg(days);
    const qint64 hours = *seconds / 3600;
    return hours == 1 ? u"late by 1 hour"_s : u"late by %1 hours"_s.arg(hours);
}

QString kindText(const QString &kind)
{
    return kind == u"incident" ? u"an incident record"_s : kind == u"note" ? u"a case note"_s : u"“%1”"_s.arg(kind);
}

QString excerpt(const QString &text)
{
    const QString flat = text.simplified();
    return flat.size() <= 80 ? flat : flat.left(79) + u'…';
}

// JSON as SQLite holds it (UTF-8), read without a copy.
QJsonObject parseUtf8(QByteArrayView utf8) { return QJsonDocument::fromJson(QByteArray::fromRawData(utf8.data(), utf8.size())).object(); }

QStringList stringsOf(const QJsonValue &v)
{
    QStringList out;
    for (const QJsonValue &x : v.toArray())
        out << x.toString();
    return out;
}

// What the audit trail says of a person, a review, a sign-off request and its decisions.
struct AuditedPerson
{
    qint64 seq = 0;
    QString name;
    std::optional<QStringList> otherNames;  // absent from add-person rows written before they were recorded
    std::optional<QString> dateOfBirth;
};
struct AuditedReview
{
    qint64 seq = 0;
    QString reviewer, entryId, hash;
};
struct AuditedDecision
{
    qint64 seq = 0;
    QString state, actor, comment;
};
struct AuditedRequest
{
    qint64 seq = 0;
    QString requester, subject, personId, entryId, documentHash;
    qint64 revision = 0;
};
struct LatestRevision // its content is read again when its entry is compared: a file's texts are not all held at once
{
    int number = 0;
    qint64 rowid = 0; // the revision's row, to read its content again by rowid
    std::optional<qint64> lateSeconds;
    Actor author;
};

} // namespace

StoreResult<VerifyReport> SqliteStore::verify(const Progress &progress)
{
    return guarded<VerifyReport>({}, [&]() -> StoreResult<VerifyReport> {
        VerifyReport report;
        auto problem = [&](const QString &where, const QString &message) {
            if (report.problems.size() < 1000)
                report.problems.push_back({where, message});
        };
        // Reads happen in one transaction so that a save in another program cannot interleave.
        m_db->exec("BEGIN");
        struct EndRead {
            sql::Database &db;
            ~EndRead() { try { db.exec("COMMIT"); } catch (const sql::Failure &) {} }
        } endRead{*m_db};

        const qint64 revisions = m_db->scalar("SELECT count(*) FROM revisions");
        const qint64 auditRows = m_db->scalar("SELECT count(*) FROM audit");
        report.revisions = revisions;
        report.auditRows = auditRows;
        report.entries = m_db->scalar("SELECT count(*) FROM entries");
        report.people = m_db->scalar("SELECT count(*) FROM people");
        // integrity_check reads every page: count it as a third of the work.
        const qint64 total = std::max<qint64>(1, (revisions + auditRows) * 3 / 2);
        qint64 done = 0;
        auto tick = [&](qint64 n) {
            done += n;
            if (progress && (done % 512 == 0 || n > 1) && !progress(std::min(done, total), total))
                throw Refusal{{ErrorCode::Cancelled, u"verification cancelled"_s}};
        };

        SqliteChecks sqliteChecks(*m_db);
        {
            QSet<QString> present;
            auto s = m_db->prepare("SELECT name FROM sqlite_master WHERE type = 'trigger'");
            while (s.next())
                present.insert(s.text(0));
            for (const QString &t : protectionTriggers())
                if (!present.contains(t))
                    problem(u"database"_s, u"the protection \"%1\" has been removed, so final records could be changed without Fairnote"_s.arg(t));
        }

        // The kind of file (real records or invented training cases) as its first audit row recorded it,
        // against the application id it carries now: flipping the id with another tool is found here.
        {
            auto s = m_db->prepare("SELECT detail FROM audit WHERE action = 'create-file' ORDER BY seq LIMIT 1");
            if (s.next()) {
                const QString created = parseObject(s.text(0)).value(u"kind"_s).toString();
                const QString now = m_kind == FileKind::Training ? u"training"_s : u"live"_s;
                if (!created.isEmpty() && created != now)
                    problem(u"database"_s, created == u"training"_s
                                               ? u"the file was created as a training file of invented cases, but it is now marked as a real case file"_s
                                               : u"the file was created as a real case file, but it is now marked as a training file"_s);
            }
        }

        // Every revision against its hash. The snapshot rows are read alongside, in revision order.
        QHash<QString, QString> revisionHashes; // "entry\x1fnumber" -> stored hash
        QHash<QString, LatestRevision> latestRevisions;
        {
            auto r = m_db->prepare("SELECT r.id, r.entry_id, r.number, e.person_id, e.kind, r.content, u.name, u.role, u.organisation, "
                                   "r.written_at, r.reason, r.late_seconds, r.hash FROM revisions r "
                                   "LEFT JOIN entries e ON e.id = r.entry_id LEFT JOIN users u ON u.id = r.author_id ORDER BY r.id");
            auto p = m_db->prepare("SELECT revision_id, field, code, severity, message, question, left_reason FROM revision_prompts "
                                   "ORDER BY revision_id, seq");
            auto f = m_db->prepare("SELECT revision_id, field, rule, category, severity, offset_utf16, length_utf16, text, message "
                                   "FROM revision_findings ORDER BY revision_id, seq");
            bool pMore = p.next(), fMore = f.next();
            while (r.next()) {
                const qint64 id = r.integer(0);
                Snapshot snap;
                while (pMore && p.integer(0) < id)
                    pMore = p.next();
                while (pMore && p.integer(0) == id) {
                    snap.prompts.push_back({p.text(1), p.text(2), p.text(3), p.text(4), p.text(5), p.text(6)});
                    pMore = p.next();
                }
                while (fMore && f.integer(0) < id)
                    fMore = f.next();
                while (fMore && f.integer(0) == id) {
                    snap.findings.push_back({f.text(1), f.text(2), f.text(3), f.text(4), f.integer(5), f.integer(6), f.text(7), f.text(8)});
                    fMore = f.next();
                }
                RevisionFields rf;
                rf.entryId = r.text(1);
                rf.number = int(r.integer(2));
                rf.personId = r.text(3);
                rf.kind = r.text(4);
                rf.contentUtf8 = r.utf8(5); // hashed as stored, without a round trip through UTF-16
                rf.authorName = r.text(6);
                rf.authorRole = r.text(7);
                rf.authorOrganisation = r.text(8);
                rf.writtenAt = r.text(9);
                rf.reason = r.text(10);
                if (!r.isNull(11))
                    rf.lateSeconds = r.integer(11);
                const QString stored = r.text(12);
                if (revisionHash(rf, snap) != stored)
                    problem(u"entry %1 revision %2"_s.arg(rf.entryId).arg(rf.number),
                            u"its content, author, time or assessment no longer match the hash taken when it was finalised: it was changed outside Fairnote"_s);
                revisionHashes.insert(rf.entryId + u'\x1f' + QString::number(rf.number), stored);
                LatestRevision &latest = latestRevisions[rf.entryId];
                if (rf.number > latest.number)
                    latest = LatestRevision{rf.number, id, rf.lateSeconds, Actor{rf.authorName, rf.authorRole, rf.authorOrganisation}};
                tick(1);
            }
        }

        // The audit chain, and each finalise / amend / import row against the revision it recorded.
        QSet<QString> auditedRevisions;
        QHash<QString, QString> errorReasons; // entry -> reason in the audit
        QHash<QString, QString> flagReasons;  // entry -> reason it was flagged for review before disclosure
        QSet<QString> releases;               // entries released for disclosure
        QHash<QString, AuditedPerson> auditedPeople;
        QHash<QString, QString> writtenAbout; // entry -> the person its first revision was written about
        QHash<qint64, AuditedReview> auditedReviews;
        QHash<qint64, AuditedRequest> auditedRequests;
        QHash<qint64, std::vector<AuditedDecision>> auditedDecisions;
        {
            auto a = m_db->prepare("SELECT a.seq, a.at, u.name, u.role, u.organisation, a.action, a.person_id, a.entry_id, a.revision, "
                                   "a.detail, a.prev_hash, a.hash, a.actor_id FROM audit a LEFT JOIN users u ON u.id = a.actor_id ORDER BY a.seq");
            QString prev = zeroHash();
            qint64 expectedSeq = 1;
            while (a.next()) {
                AuditFields af;
                af.seq = a.integer(0);
                af.at = a.text(1);
                af.actorName = a.text(2);
                af.actorRole = a.text(3);
                af.actorOrganisation = a.text(4);
                af.action = a.text(5);
                af.personId = a.text(6);
                af.entryId = a.text(7);
                if (!a.isNull(8))
                    af.revision = a.integer(8);
                af.detailUtf8 = a.utf8(9); // hashed as stored; parsed only for the actions that need it
                af.prevHash = a.text(10);
                const QString stored = a.text(11);
                const auto where = [&af] { return u"audit row %1"_s.arg(af.seq); };
                if (af.seq != expectedSeq)
                    problem(where(), expectedSeq < af.seq ? u"rows %1 to %2 of the audit trail are missing"_s.arg(expectedSeq).arg(af.seq - 1)
                                                        : u"the audit trail is out of order"_s);
                expectedSeq = af.seq + 1;
                if (af.prevHash != prev)
                    problem(where(), u"does not follow on from the row before it: the audit trail was cut or rewritten"_s);
                if (!a.isNull(12) && af.actorName.isEmpty())
                    problem(where(), u"its author is missing from the table of authors"_s);
                if (auditHash(af) != stored)
                    problem(where(), u"was changed after it was written (%1 on %2)"_s.arg(af.action, af.at));
                prev = stored;
                const auto actorText = [&af] { return actorDisplay(Actor{af.actorName, af.actorRole, af.actorOrganisation}); };
                if (af.action == audit::AddPerson || af.action == audit::UpdatePerson) {
                    const QJsonObject detail = parseUtf8(af.detailUtf8);
                    AuditedPerson &p = auditedPeople[af.personId];
                    if (af.action == audit::AddPerson)
                        p.seq = af.seq;
                    p.name = detail.value(u"name"_s).toString();
                    if (detail.contains(u"other_names"_s))
                        p.otherNames = stringsOf(detail.value(u"other_names"_s));
                    if (detail.contains(u"date_of_birth"_s))
                        p.dateOfBirth = detail.value(u"date_of_birth"_s).toString();
                } else if (af.action == audit::Review) {
                    const QJsonObject detail = parseUtf8(af.detailUtf8);
                    auditedReviews.insert(detail.value(audit::Review.toString()).toInteger(),
                                          AuditedReview{af.seq, actorText(), af.entryId, detail.value(u"review_hash"_s).toString()});
                } else if (af.action == audit::RequestSignOff) {
                    const QJsonObject detail = parseUtf8(af.detailUtf8);
                    auditedRequests.insert(detail.value(u"signoff"_s).toInteger(),
                                           AuditedRequest{af.seq, actorText(), detail.value(u"subject"_s).toString(), af.personId, af.entryId,
                                                          detail.value(u"document_hash"_s).toString(), af.revision.value_or(0)});
                } else if (af.action == audit::ApproveSignOff || af.action == audit::ReturnSignOff) {
                    const QJsonObject detail = parseUtf8(af.detailUtf8);
                    auditedDecisions[detail.value(u"signoff"_s).toInteger()].push_back(
                        AuditedDecision{af.seq, af.action == audit::ApproveSignOff ? u"approved"_s : u"returned"_s, actorText(),
                                        detail.value(u"comment"_s).toString()});
                }
                if (af.action == u"finalise" || af.action == u"amend" || af.action == u"import") {
                    const QJsonObject detail = parseUtf8(af.detailUtf8);
                    if (af.revision && !writtenAbout.contains(af.entryId))
                        writtenAbout.insert(af.entryId, af.personId);
                    if (af.revision) {
                        const QString key = af.entryId + u'\x1f' + QString::number(*af.revision);
                        auditedRevisions.insert(key);
                        const auto it = revisionHashes.constFind(key);
                        if (it == revisionHashes.constEnd())
                            problem(where(), u"records revision %1 of entry %2, which is no longer in the file"_s.arg(*af.revision).arg(af.entryId));
                        else if (*it != detail.value(u"revision_hash"_s).toString())
                            problem(u"entry %1 revision %2"_s.arg(af.entryId).arg(*af.revision),
                                    u"its hash differs from the one the audit trail recorded when it was finalised (%1): it was replaced outside Fairnote"_s.arg(where()));
                    }
                } else if (af.action == u"mark-in-error") {
                    errorReasons.insert(af.entryId, parseUtf8(af.detailUtf8).value(u"reason"_s).toString());
                } else if (af.action == u"flag-for-disclosure-review") {
                    flagReasons.insert(af.entryId, parseUtf8(af.detailUtf8).value(u"reason"_s).toString());
                } else if (af.action == u"release-for-disclosure") {
                    releases.insert(af.entryId);
                }
                tick(1);
            }
            report.headHash = prev;
        }
        for (auto it = revisionHashes.constBegin(); it != revisionHashes.constEnd(); ++it)
            if (!auditedRevisions.contains(it.key())) {
                const QStringList parts = it.key().split(u'\x1f');
                problem(u"entry %1 revision %2"_s.arg(parts[0], parts[1]), u"is not in the audit trail: it was added outside Fairnote"_s);
            }
        {
            auto e = m_db->prepare("SELECT x.entry_id, x.reason FROM errors x");
            while (e.next()) {
                const auto it = errorReasons.constFind(e.text(0));
                if (it == errorReasons.constEnd())
                    problem(u"entry %1"_s.arg(e.text(0)), u"is marked in error without a record in the audit trail"_s);
                else if (*it != e.text(1))
                    problem(u"entry %1"_s.arg(e.text(0)), u"the reason it was marked in error says “%1”, but the audit trail records “%2”"_s
                                                              .arg(excerpt(e.text(1)), excerpt(*it)));
                errorReasons.remove(e.text(0));
            }
            for (auto it = errorReasons.constBegin(); it != errorReasons.constEnd(); ++it)
                problem(u"entry %1"_s.arg(it.key()), u"was marked in error (the audit trail says so), but the mark in error has been removed"_s);
        }
        {
            // Reviews against their hashes: a supervisor's judgement is evidence too.
            auto r = m_db->prepare("SELECT r.id, r.entry_id, r.revision, u.name, u.role, u.organisation, r.reviewed_at, r.completeness, "
                                   "r.quality, r.comment, r.returned, r.hash FROM reviews r LEFT JOIN users u ON u.id = r.reviewer_id");
            while (r.next()) {
                const QString where = u"review %1 of entry %2"_s.arg(r.integer(0)).arg(r.text(1));
                if (reviewHash(r.text(1), r.integer(2), r.text(3), r.text(4), r.text(5), r.text(6), r.text(7), r.text(8), r.text(9),
                               r.integer(10) != 0) != r.text(11))
                    problem(where, u"was changed after it was recorded"_s);
                const auto it = auditedReviews.constFind(r.integer(0));
                if (it == auditedReviews.constEnd())
                    problem(where, u"is not in the audit trail: it was added outside Fairnote"_s);
                else if (it->hash != r.text(11) || it->entryId != r.text(1))
                    problem(where, u"differs from the review the audit trail recorded (audit row %1)"_s.arg(it->seq));
                auditedReviews.remove(r.integer(0));
            }
            for (auto it = auditedReviews.constBegin(); it != auditedReviews.constEnd(); ++it)
                problem(u"review %1 of entry %2"_s.arg(it.key()).arg(it->entryId),
                        u"was recorded by %1 (audit row %2), but is no longer in the file"_s.arg(it->reviewer).arg(it->seq));
        }
        {
            // Sign-off requests and their decisions against the audit trail: a supervisor's approval
            // forged or removed outside Fairnote is found here.
            auto q = m_db->prepare("SELECT id, subject, person_id, entry_id, revision, document_hash FROM signoffs ORDER BY id");
            while (q.next()) {
                const qint64 id = q.integer(0);
                const QString where = u"sign-off request %1"_s.arg(id);
                const auto it = auditedRequests.constFind(id);
                if (it == auditedRequests.constEnd()) {
                    problem(where, u"is not in the audit trail: it was added outside Fairnote"_s);
                    continue;
                }
                QStringList differs;
                if (q.text(1) != it->subject)
                    differs << u"its subject is “%1”, not “%2”"_s.arg(q.text(1), it->subject);
                if (q.text(2) != it->personId)
                    differs << u"its person is %1, not %2"_s.arg(q.text(2), it->personId);
                if (q.text(3) != it->entryId)
                    differs << u"its entry is %1, not %2"_s.arg(q.text(3), it->entryId);
                if ((q.isNull(4) ? 0 : q.integer(4)) != it->revision)
                    differs << u"its revision is %1, not %2"_s.arg(q.isNull(4) ? 0 : q.integer(4)).arg(it->revision);
                if (q.text(5) != it->documentHash)
                    differs << u"its document is another one"_s;
                if (!differs.isEmpty())
                    problem(where, u"differs from the request the audit trail recorded (audit row %1): %2"_s.arg(it->seq).arg(differs.join(u"; "_s)));
                auditedRequests.remove(id);
            }
            for (auto it = auditedRequests.constBegin(); it != auditedRequests.constEnd(); ++it)
                problem(u"sign-off request %1"_s.arg(it.key()),
                        u"was requested by %1 (audit row %2), but is no longer in the file"_s.arg(it->requester).arg(it->seq));

            struct Decision
            {
                QString state, actor, at, comment;
            };
            QMap<qint64, std::vector<Decision>> decisions;
            auto d = m_db->prepare("SELECT e.signoff_id, e.state, u.name, u.role, u.organisation, e.at, e.comment FROM signoff_events e "
                                   "LEFT JOIN users u ON u.id = e.actor_id WHERE e.state <> 'requested' ORDER BY e.id");
            while (d.next())
                decisions[d.integer(0)].push_back({d.text(1), actorDisplay(Actor{d.text(2), d.text(3), d.text(4)}), d.text(5), d.text(6)});
            for (auto it = auditedDecisions.constBegin(); it != auditedDecisions.constEnd(); ++it)
                decisions[it.key()]; // a request whose decisions were all removed is walked too
            for (auto it = decisions.constBegin(); it != decisions.constEnd(); ++it) {
                const QString where = u"sign-off request %1"_s.arg(it.key());
                const std::vector<Decision> &stored = it.value();
                const std::vector<AuditedDecision> audited = auditedDecisions.value(it.key());
                for (size_t i = 0; i < std::max(stored.size(), audited.size()); ++i) {
                    if (i >= audited.size()) {
                        problem(where, u"the decision “%1” by %2 on %3 is not in the audit trail: it was added outside Fairnote"_s
                                           .arg(stored[i].state, stored[i].actor, stored[i].at.left(10)));
                    } else if (i >= stored.size()) {
                        problem(where, u"the decision “%1” by %2 (audit row %3) is no longer in the file"_s
                                           .arg(audited[i].state, audited[i].actor).arg(audited[i].seq));
                    } else if (stored[i].state != audited[i].state || stored[i].actor != audited[i].actor) {
                        problem(where, u"its decision says “%1” by %2, but the audit trail records “%3” by %4 (audit row %5)"_s
                                           .arg(stored[i].state, stored[i].actor, audited[i].state, audited[i].actor).arg(audited[i].seq));
                    } else if (stored[i].comment != audited[i].comment) {
                        problem(where, u"the comment on its decision says “%1”, but the audit trail records “%2” (audit row %3)"_s
                                           .arg(excerpt(stored[i].comment), excerpt(audited[i].comment)).arg(audited[i].seq));
                    }
                }
            }
        }
        {
            // A flag for review before disclosure, and its release, must each be in the trail: a release
            // made outside Fairnote would disclose third-party information without a reviewer.
            auto f = m_db->prepare("SELECT entry_id, reason, released_at FROM disclosure_flags");
            while (f.next()) {
                const QString entry = f.text(0);
                if (!flagReasons.contains(entry))
                    problem(u"entry %1"_s.arg(entry), u"is flagged for review before disclosure without a flag in the audit trail"_s);
                else if (flagReasons.value(entry) != f.text(1))
                    problem(u"entry %1"_s.arg(entry), u"its flag for review before disclosure gives the reason “%1”, but the audit trail records “%2”"_s
                                                          .arg(excerpt(f.text(1)), excerpt(flagReasons.value(entry))));
                if (!f.isNull(2) && !releases.contains(entry))
                    problem(u"entry %1"_s.arg(entry), u"is released for disclosure without a release in the audit trail"_s);
                if (f.isNull(2) && releases.contains(entry))
                    problem(u"entry %1"_s.arg(entry), u"was released for disclosure (the audit trail says so), but the release has been removed"_s);
                flagReasons.remove(entry);
            }
            for (auto it = flagReasons.constBegin(); it != flagReasons.constEnd(); ++it)
                problem(u"entry %1"_s.arg(it.key()), u"was flagged for review before disclosure (the audit trail says so), but the flag has been removed"_s);
        }
        {
            auto h = m_db->prepare("SELECT e.id FROM entries e WHERE e.revisions <> (SELECT count(*) FROM revisions r WHERE r.entry_id = e.id) "
                                   "OR e.in_error <> EXISTS (SELECT 1 FROM errors x WHERE x.entry_id = e.id)");
            while (h.next())
                problem(u"entry %1"_s.arg(h.text(0)), u"its list entry does not match its revisions or its mark in error"_s);
        }
        {
            // People as a reader sees them, against what the audit trail recorded when they were added or changed.
            auto p = m_db->prepare("SELECT id, name, other_names, date_of_birth FROM people ORDER BY id");
            while (p.next()) {
                const QString id = p.text(0);
                const QString where = u"person %1"_s.arg(id);
                const auto it = auditedPeople.constFind(id);
                if (it == auditedPeople.constEnd()) {
                    problem(where, u"“%1” is not in the audit trail: they were added outside Fairnote"_s.arg(p.text(1)));
                    continue;
                }
                if (p.text(1) != it->name)
                    problem(where, u"the name shown is “%1”, but the audit trail records “%2”"_s.arg(p.text(1), it->name));
                const QStringList otherNames = otherNamesFromJson(p.text(2));
                if (it->otherNames && otherNames != *it->otherNames)
                    problem(where, u"the other names shown are “%1”, but the audit trail records “%2”"_s
                                       .arg(otherNames.join(u", "_s), it->otherNames->join(u", "_s)));
                if (it->dateOfBirth && p.text(3) != *it->dateOfBirth)
                    problem(where, u"the date of birth shown is %1, but the audit trail records %2"_s
                                       .arg(p.text(3).isEmpty() ? u"none"_s : p.text(3), it->dateOfBirth->isEmpty() ? u"none"_s : *it->dateOfBirth));
                auditedPeople.remove(id);
            }
            for (auto it = auditedPeople.constBegin(); it != auditedPeople.constEnd(); ++it)
                problem(u"person %1"_s.arg(it.key()), u"“%1” was added (audit row %2), but is no longer in the file"_s.arg(it->name).arg(it->seq));
        }

        // The full-text index's structure, by SQLite's own check. Only SQLite's word for damage is damage:
        // an I/O error fails verify as an I/O error.
        const auto damagedIndex = [&](const QString &what) {
            problem(u"search index"_s, u"is damaged (%1), so a search may miss entries or show text that is not in the record. The record "
                                       u"itself is checked apart from it."_s.arg(what));
        };
        bool sqliteCheckedIndex = true;
        try {
            m_db->exec("INSERT INTO search(search) VALUES('integrity-check')");
        } catch (const sql::Failure &f) {
            if (f.code() == SQLITE_CORRUPT)
                damagedIndex(u"SQLite's check of the full-text index failed: %1"_s.arg(f.message()));
            else if (f.code() == SQLITE_READONLY || f.code() == SQLITE_BUSY || f.code() == SQLITE_LOCKED)
                sqliteCheckedIndex = false; // SQLite runs its check as a write: a file opened for reading only
            else
                throw;
        }
        if (!sqliteCheckedIndex) {
            // Read only: the whole index is read through fts5vocab (in the temporary schema, which a read-only
            // connection may write), so a damaged page or segment is met; and the words it holds are counted against
            // the words FTS5 counted in each row as it indexed it (search_docsize), so postings removed or added
            // outside Fairnote are found. (Each row's own text is compared with its entry below.)
            try {
                m_db->exec("CREATE VIRTUAL TABLE IF NOT EXISTS temp.verify_search_words USING fts5vocab(main, 'search', 'row')");
                struct DropWords {
                    sql::Database &db;
                    ~DropWords() { try { db.exec("DROP TABLE IF EXISTS temp.verify_search_words"); } catch (const sql::Failure &) {} }
                } dropWords{*m_db};
                const qint64 indexed = m_db->scalar("SELECT coalesce(sum(cnt), 0) FROM temp.verify_search_words");
                qint64 counted = 0;
                auto sizes = m_db->prepare("SELECT sz FROM search_docsize");
                while (sizes.next()) {
                    const QByteArray sz = sizes.blob(0);
                    quint64 value = 0;
                    for (const char c : sz) { // SQLite varints, one per column (7 bits a byte, the high bit: more follow)
                        value = (value << 7) | (quint8(c) & 0x7f);
                        if (!(quint8(c) & 0x80)) {
                            counted += qint64(value);
                            value = 0;
                        }
                    }
                }
                if (indexed != counted)
                    damagedIndex(u"it holds %1 words, but the rows it indexes hold %2"_s.arg(indexed).arg(counted));
            } catch (const sql::Failure &f) {
                if (f.code() != SQLITE_CORRUPT)
                    throw;
                damagedIndex(u"reading the full-text index failed: %1"_s.arg(f.message()));
            }
        }
        // The summary column is worded by record::summaryLine, whose wording changes between versions: it is compared
        // when the file's summaries are in this version's wording (a file opened for writing is reworded on opening).
        const int wording = summaryWording();
        const bool compareSummaries = wording == record::kSummaryWording;
        if (!compareSummaries)
            report.notes << u"The list summaries were not compared with the entries: they were worded by %1, and are reworded when the file "
                                 u"is next opened for writing (in the app, or with 'fairnote-cli init --db FILE'); verify compares them after that."_s
                                     .arg(wording == 0 ? u"a Fairnote from before summary wordings were numbered"_s
                                                       : u"another version of Fairnote (wording %1; this one words them as %2)"_s.arg(wording).arg(record::kSummaryWording));

        // Every entry, in the order it was written (rowid), beside the search index read in the same order. One
        // with final revisions has every list column recomputed from its latest revision, the way a save writes
        // it, and its search row holds that revision's text: the list, the chronology and the search show these,
        // so an edit of them is an edit of what a reader sees. A draft is not evidence: it only needs its search
        // row. Both are read in one pass each, in rowid order, so the file is read nearly in order, once.
        {
            // The search index's rows, in rowid order. A damaged index is reported once and then left alone (the
            // record itself is checked apart from it).
            auto x = m_db->prepare("SELECT rowid, body FROM search ORDER BY rowid");
            bool searchReadable = true, searchMore = false;
            qint64 strayRows = 0;
            auto nextSearchRow = [&] {
                try {
                    searchMore = searchReadable && x.next();
                } catch (const sql::Failure &f) {
                    if (f.code() != SQLITE_CORRUPT)
                        throw;
                    problem(u"search index"_s, u"cannot be read (%1)"_s.arg(f.message()));
                    searchReadable = searchMore = false;
                }
            };
            nextSearchRow();
            auto e = m_db->prepare("SELECT e.rowid, e.id, e.revisions, e.person_id, e.kind, e.event_sort, e.event_latest, e.event_json, "
                                   "e.summary, e.written_at, u.name, u.role, u.organisation, e.late_seconds "
                                   "FROM entries e LEFT JOIN users u ON u.id = e.author_id ORDER BY e.rowid");
            while (e.next()) {
                const qint64 rowid = e.integer(0);
                const QString id = e.text(1);
                const QString where = u"entry %1"_s.arg(id);
                while (searchMore && x.integer(0) < rowid) {
                    ++strayRows;
                    nextSearchRow();
                }
                const bool indexed = searchMore && x.integer(0) == rowid;
                if (!indexed && searchReadable)
                    problem(where, u"is missing from the search index, so a search will not find it"_s);
                const auto latest = latestRevisions.constFind(id);
                if (e.integer(2) <= 0 || latest == latestRevisions.constEnd()) {
                    if (indexed)
                        nextSearchRow();
                    continue; // a draft; or no revision at all, reported above as a list entry that does not match
                }
                auto content = m_db->prepare("SELECT content FROM revisions WHERE id = ?1");
                content.bind(1, latest->rowid);
                if (!content.next()) {
                    if (indexed)
                        nextSearchRow();
                    continue;
                }
                auto parsed = record::entryFromJson(parseUtf8(content.utf8(0)));
                if (!parsed) {
                    problem(u"entry %1 revision %2"_s.arg(id).arg(latest->number), u"its stored text cannot be read"_s);
                    if (indexed)
                        nextSearchRow();
                    continue;
                }
                const record::Entry &r = *parsed;
                const int n = latest->number;
                const HeadColumns head = headColumns(r);
                const QString about = writtenAbout.value(id);
                if (!about.isEmpty() && e.text(3) != about)
                    problem(where, u"it is listed under person %1, but it was written about person %2"_s.arg(e.text(3), about));
                if (e.text(4) != kindOf(r))
                    problem(where, u"the list shows it as %1, but its revision %2 is %3"_s.arg(kindText(e.text(4))).arg(n).arg(kindText(kindOf(r))));
                if (e.text(7) != head.eventJson)
                    problem(where, u"the list shows the event date as “%1”, but its revision %2 gives “%3”"_s
                                       .arg(eventDateFromJson(e.text(7)).display()).arg(n).arg(r.eventDate.display()));
                else if (e.text(5) != head.eventSort || e.text(6) != head.eventLatest)
                    problem(where, u"its place in the chronology (sorted as %1) does not follow from its event date (“%2”)"_s
                                       .arg(e.text(5).isEmpty() ? u"undated"_s : e.text(5), r.eventDate.display()));
                if (compareSummaries && e.text(8) != head.summary)
                    problem(where, u"the list shows the summary “%1”, but its revision %2 gives “%3”"_s.arg(excerpt(e.text(8))).arg(n).arg(excerpt(head.summary)));
                if (e.text(9) != head.writtenAt)
                    problem(where, u"the list says it was written at %1, but its revision %2 says %3"_s.arg(e.text(9)).arg(n).arg(head.writtenAt));
                const Actor listed{e.text(10), e.text(11), e.text(12)};
                const Actor author = r.author.name.isEmpty() ? latest->author : r.author;
                if (listed.name != author.name || listed.role != nn(author.role) || listed.organisation != nn(author.organisation))
                    problem(where, u"the list says it was written by %1, but its revision %2 says %3"_s.arg(actorDisplay(listed)).arg(n).arg(actorDisplay(author)));
                const std::optional<qint64> late = e.isNull(13) ? std::nullopt : std::optional<qint64>(e.integer(13));
                if (late != latest->lateSeconds)
                    problem(where, u"the list shows it as %1, but its revision %2 is %3"_s.arg(lateText(late)).arg(n).arg(lateText(latest->lateSeconds)));
                if (indexed) {
                    if (const QString body = x.text(1); body != record::narrativeText(r))
                        problem(where, u"the search index holds other text for it (“%1”), not the text of its revision %2"_s.arg(excerpt(body)).arg(n));
                    nextSearchRow();
                }
            }
            while (searchMore) {
                ++strayRows;
                nextSearchRow();
            }
            if (strayRows > 0)
                problem(u"search index"_s, strayRows == 1 ? u"holds 1 row for no entry in the file"_s
                                                          : u"holds %1 rows for no entry in the file"_s.arg(strayRows));
        }

        // SQLite's own findings come first, as the file's structure is the ground the rest stands on.
        {
            std::vector<VerifyProblem> structure;
            for (auto &[where, message] : sqliteChecks.join())
                structure.push_back({std::move(where), std::move(message)});
            report.problems.insert(report.problems.begin(), std::make_move_iterator(structure.begin()),
                                   std::make_move_iterator(structure.end()));
            if (report.problems.size() > 1000)
                report.problems.resize(1000);
        }
        tick((revisions + auditRows) / 2);

        // A backup a kill interrupted is said, never settled here: verify changes nothing.
        report.notes << unfinishedBackups(false, {});
        if (progress)
            progress(total, total);
        return report;
    });
}

namespace {

// A rename is durable once its folder is synced.
void syncFolder(const QString &folder)
{
    const int fd = ::open(QFile::encodeName(folder).constData(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (fd >= 0) {
        ::fsync(fd);
        ::close(fd);
    }
}

// A backup under way is marked in the file (meta "backup:DEST", committed before the copy is begun and removed in
// the transaction that records it), so that one a kill interrupted can be found afterwards: its partial copy
// (DEST.part) removed, or its whole copy (renamed, not yet recorded) recorded.
constexpr char kBackupMark[] = "backup:";

void removeCopy(const QString &file)
{
    for (const char *suffix : {"", "-wal", "-shm", "-journal"})
        QFile::remove(file + QLatin1String(suffix));
}

} // namespace

QStringList SqliteStore::unfinishedBackups(bool settle, const QString &sameDestination)
{
    struct Mark
    {
        QString key, destination, startedAt;
        Actor actor;
    };
    std::vector<Mark> marks;
    {
        auto s = m_db->prepare("SELECT key, value FROM meta WHERE key >= 'backup:' AND key < 'backup;' ORDER BY key");
        while (s.next()) {
            const QJsonObject o = parseObject(s.text(1));
            marks.push_back({s.text(0), s.text(0).mid(int(std::size(kBackupMark)) - 1), o.value(u"started_at"_s).toString(),
                             Actor{o.value(u"name"_s).toString(), o.value(u"role"_s).toString(), o.value(u"organisation"_s).toString()}});
        }
    }
    if (marks.empty())
        return {};
    const QString fileId = [&] {
        auto s = m_db->prepare("SELECT value FROM meta WHERE key = 'file_id'");
        return s.next() ? s.text(0) : QString();
    }();
    // The head hash of `copy` when it is a whole copy of this file's history (its file id, and a head this trail holds).
    auto headOfCopy = [&](const QString &copy) -> std::optional<QString> {
        try {
            sql::Database c(copy, sql::Database::Mode::ReadOnly);
            auto id = c.prepare("SELECT value FROM meta WHERE key = 'file_id'");
            if (!id.next() || id.text(0) != fileId)
                return std::nullopt;
            auto head = c.prepare("SELECT hash FROM audit ORDER BY seq DESC LIMIT 1");
            if (!head.next())
                return std::nullopt;
            const QString hash = head.text(0);
            if (!m_db->prepare("SELECT 1 FROM audit WHERE hash = ?1").bind(1, hash).next())
                return std::nullopt;
            return hash;
        } catch (const sql::Failure &) {
            return std::nullopt;
        }
    };
    auto forget = [&](const Mark &m) { m_db->prepare("DELETE FROM meta WHERE key = ?1").bind(1, m.key).run(); };
    QStringList notes;
    for (const Mark &m : marks) {
        const QString part = m.destination + u".part"_s;
        const QString begun = u"begun %1 UTC by %2"_s.arg(m.startedAt.left(16).replace(u'T', u' '), actorDisplay(m.actor));
        if (QFileInfo::exists(m.destination)) {
            const auto head = headOfCopy(m.destination);
            if (!head) {
                if (settle)
                    forget(m);
                notes << u"A backup to %1 (%2) did not finish, and %1 now holds another file%3."_s.arg(m.destination, begun, settle ? u", left as it is"_s : QString());
            } else if (!settle) {
                notes << u"A backup to %1 (%2) was made whole but is not recorded in the audit trail: it was interrupted in the instant before "
                         u"it was recorded. The next backup of this file records it."_s.arg(m.destination, begun);
            } else {
                sql::Transaction t(*m_db);
                appendAudit(m.actor.name.isEmpty() ? std::nullopt : std::optional<Actor>(m.actor), audit::Backup.toString(), {}, {}, std::nullopt,
                            QJsonObject{{u"destination"_s, m.destination}, {u"head_hash"_s, *head}, {u"started_at"_s, m.startedAt},
                                        {u"recorded_late"_s, u"interrupted before it was recorded; recorded by the next backup"_s}});
                forget(m);
                t.commit();
                notes << u"A backup to %1 (%2) was made whole but not recorded in the audit trail (it was interrupted in the instant before); "
                         u"it is recorded now."_s.arg(m.destination, begun);
            }
        } else if (QFileInfo::exists(part)) {
            if (settle && m.destination == sameDestination) {
                removeCopy(part);
                forget(m);
                notes << u"An earlier backup to %1 (%2) did not finish; its partial copy %3 was removed."_s.arg(m.destination, begun, part);
            } else {
                notes << u"A backup to %1 (%2) did not finish: %3 is a partial copy of this file's records (readable by you only). Delete it, "
                         u"or back up to %1 again, which deletes it first."_s.arg(m.destination, begun, part);
            }
        } else {
            if (settle)
                forget(m);
            notes << u"A backup to %1 (%2) did not finish, and left nothing behind."_s.arg(m.destination, begun);
        }
    }
    return notes;
}

StoreResult<VerifyReport> SqliteStore::backup(const QString &destination, const Actor &actor, const Progress &progress)
{
    if (actor.name.trimmed().isEmpty())
        return StoreError{ErrorCode::Invalid, u"a backup is recorded in the audit trail with who made it: give your name (and role)."_s};
    const QFileInfo dest(destination);
    const QString destPath = dest.absoluteFilePath();
    const QString markKey = QLatin1String(kBackupMark) + destPath;
    // Backups a kill interrupted: settled first (recorded, or their partial copy removed), so that a backup to
    // the same name again is told what became of the last one.
    QStringList notes;
    try {
        notes = unfinishedBackups(!isReadOnly(), destPath);
    } catch (const sql::Failure &f) {
        return toError(f, m_path, u"The backup was not made."_s);
    }
    const QString earlier = notes.isEmpty() ? QString() : notes.join(u' ') + u' ';
    if (dest.exists())
        return StoreError{ErrorCode::Conflict, earlier + u"%1 already exists; Fairnote never overwrites a file with a backup. Choose a new name."_s.arg(destination)};
    if (!dest.absoluteDir().exists())
        return StoreError{ErrorCode::NotFound, earlier + u"the folder %1 does not exist; create it or choose another."_s.arg(dest.absolutePath())};
    const QString part = destPath + u".part"_s;
    removeCopy(part);
    if (!isReadOnly()) {
        try {
            m_db->prepare("INSERT OR REPLACE INTO meta(key, value) VALUES (?1, ?2)")
                .bind(1, markKey)
                .bind(2, compact(QJsonObject{{u"started_at"_s, iso(now())}, {u"name"_s, actor.name}, {u"role"_s, actor.role},
                                             {u"organisation"_s, actor.organisation}}))
                .run();
        } catch (const sql::Failure &f) {
            return toError(f, m_path, u"The backup was not made, and nothing was left at %1."_s.arg(destination));
        }
    }
    auto unmark = [&] {
        if (isReadOnly())
            return;
        try {
            m_db->prepare("DELETE FROM meta WHERE key = ?1").bind(1, markKey).run();
        } catch (const sql::Failure &) {
            // Left for the next backup or verify to explain.
        }
    };
    const int fd = ::open(QFile::encodeName(part).constData(), O_CREAT | O_EXCL | O_WRONLY | O_CLOEXEC, 0600);
    if (fd < 0) {
        const QString why = QString::fromLocal8Bit(std::strerror(errno));
        unmark();
        return StoreError{ErrorCode::Io, u"cannot create %1 (%2). Check that you may write to that folder."_s.arg(part, why)};
    }
    ::close(fd);
    auto cleanup = [&] {
        removeCopy(part);
        unmark();
    };
    try {
        {
            sql::Database target(part, sql::Database::Mode::ReadWrite);
            m_db->backupTo(target, 256, progress);
            // The marks of backups under way are this file's, not the copy's.
            target.exec("DELETE FROM meta WHERE key >= 'backup:' AND key < 'backup;'");
        }
        // Opened for writing (it is ours) so that closing it folds its log back in and leaves one file.
        OpenOptions copyOptions;
        copyOptions.kind = m_kind;
        copyOptions.rewordSummaries = false; // a copy of the file as it is
        auto copy = openStore(part, copyOptions);
        if (!copy) {
            cleanup();
            return StoreError{copy.error().code, u"the backup could not be read back: %1. Nothing was left at %2."_s.arg(copy.error().message, destination)};
        }
        auto report = (*copy)->verify({});
        copy->reset();
        if (!report || !report->ok()) {
            cleanup();
            return StoreError{ErrorCode::Corrupt, report ? u"the backup did not verify (%1: %2). Nothing was left at %3; run 'verify' on the case file."_s
                                                               .arg(report->problems.front().where, report->problems.front().message, destination)
                                                         : report.error().message};
        }
        report->notes = notes + report->notes;
        if (isReadOnly()) { // nothing can be recorded in a file opened for reading only (the caller says so)
            if (!QFile::rename(part, destination)) {
                cleanup();
                return StoreError{ErrorCode::Io, u"cannot create %1; nothing was left there."_s.arg(destination)};
            }
            syncFolder(dest.absolutePath());
            return *report;
        }
        // Recorded before it is announced, and never present unrecorded: the audit row is written first, the
        // copy takes its name while that row's transaction is still open, and the transaction commits only
        // then (with the backup's mark taken away). A failed rename rolls the row back; a failed commit takes the
        // copy away again (unless the row did reach the file, which SQLite can report after a failed sync). A
        // kill between the rename and the commit leaves the mark: the next backup records the copy.
        std::optional<sql::Transaction> t(std::in_place, *m_db);
        const qint64 seq = appendAudit(actor, audit::Backup.toString(), {}, {}, std::nullopt,
                                       QJsonObject{{u"destination"_s, destPath}, {u"head_hash"_s, report->headHash}});
        m_db->prepare("DELETE FROM meta WHERE key = ?1").bind(1, markKey).run();
        if (!QFile::rename(part, destination)) {
            t.reset(); // rolled back before the mark is taken away
            cleanup();
            return StoreError{ErrorCode::Io, u"cannot create %1; nothing was left there, and no backup was recorded."_s.arg(destination)};
        }
        syncFolder(dest.absolutePath());
        try {
            t->commit();
        } catch (const sql::Failure &f) {
            bool recorded = false;
            try {
                recorded = m_db->prepare("SELECT 1 FROM audit WHERE seq = ?1 AND action = 'backup'").bind(1, seq).next();
            } catch (const sql::Failure &) {
            }
            if (recorded)
                return *report;
            t.reset();
            QFile::remove(destination);
            cleanup();
            return toError(f, m_path, u"The backup could not be recorded in the audit trail, so the copy was removed again: nothing was left at %1."_s
                                          .arg(destination));
        }
        return *report;
    } catch (const sql::Failure &f) {
        cleanup();
        return toError(f, destination, u"The backup was not made, and nothing was left at %1."_s.arg(destination));
    } catch (const Refusal &r) {
        cleanup();
        return r.error;
    }
}

} // namespace fairnote::store
