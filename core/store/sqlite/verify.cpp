// SPDX-FileCopyrightText: 2026 Fairnote contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// Verifying a SQLite case file (SQLite's checks, the protections, every hash, the audit chain) and
// backing it up while it stays in use.
#include "store/sqlite/sqlitestore.h"

#include "store/auditactions.h"
#include "store/sqlite/schema.h"

#include <QFile>
#include <QFileInfo>
#include <QDir>
#include <QSet>

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <unistd.h>

using namespace Qt::StringLiterals;

namespace fairnote::store {

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

        {
            auto s = m_db->prepare("PRAGMA integrity_check(100)");
            while (s.next())
                if (s.text(0) != u"ok")
                    problem(u"database"_s, u"SQLite's integrity check: %1"_s.arg(s.text(0)));
        }
        tick((revisions + auditRows) / 2);
        {
            auto s = m_db->prepare("PRAGMA foreign_key_check");
            while (s.next())
                problem(u"table %1, row %2"_s.arg(s.text(0)).arg(s.integer(1)),
                        u"refers to a missing row in %1"_s.arg(s.text(2)));
        }
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
                rf.content = r.text(5);
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
                tick(1);
            }
        }

        // The audit chain, and each finalise / amend / import row against the revision it recorded.
        QSet<QString> auditedRevisions;
        QHash<QString, QString> errorReasons; // entry -> reason in the audit
        QHash<QString, QString> flagReasons;  // entry -> reason it was flagged for review before disclosure
        QSet<QString> releases;               // entries released for disclosure
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
                af.detail = a.text(9);
                af.prevHash = a.text(10);
                const QString stored = a.text(11);
                const QString where = u"audit row %1"_s.arg(af.seq);
                if (af.seq != expectedSeq)
                    problem(where, expectedSeq < af.seq ? u"rows %1 to %2 of the audit trail are missing"_s.arg(expectedSeq).arg(af.seq - 1)
                                                        : u"the audit trail is out of order"_s);
                expectedSeq = af.seq + 1;
                if (af.prevHash != prev)
                    problem(where, u"does not follow on from the row before it: the audit trail was cut or rewritten"_s);
                if (!a.isNull(12) && af.actorName.isEmpty())
                    problem(where, u"its author is missing from the table of authors"_s);
                if (auditHash(af) != stored)
                    problem(where, u"was changed after it was written (%1 on %2)"_s.arg(af.action, af.at));
                prev = stored;
                if (af.action == u"finalise" || af.action == u"amend" || af.action == u"import") {
                    const QJsonObject detail = parseObject(af.detail);
                    if (af.revision) {
                        const QString key = af.entryId + u'\x1f' + QString::number(*af.revision);
                        auditedRevisions.insert(key);
                        const auto it = revisionHashes.constFind(key);
                        if (it == revisionHashes.constEnd())
                            problem(where, u"records revision %1 of entry %2, which is no longer in the file"_s.arg(*af.revision).arg(af.entryId));
                        else if (*it != detail.value(u"revision_hash"_s).toString())
                            problem(u"entry %1 revision %2"_s.arg(af.entryId).arg(*af.revision),
                                    u"its hash differs from the one the audit trail recorded when it was finalised (%1): it was replaced outside Fairnote"_s.arg(where));
                    }
                } else if (af.action == u"mark-in-error") {
                    errorReasons.insert(af.entryId, parseObject(af.detail).value(u"reason"_s).toString());
                } else if (af.action == u"flag-for-disclosure-review") {
                    flagReasons.insert(af.entryId, parseObject(af.detail).value(u"reason"_s).toString());
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
                    problem(u"entry %1"_s.arg(e.text(0)), u"the reason it was marked in error differs from the one in the audit trail"_s);
                errorReasons.remove(e.text(0));
            }
            for (auto it = errorReasons.constBegin(); it != errorReasons.constEnd(); ++it)
                problem(u"entry %1"_s.arg(it.key()), u"was marked in error (the audit trail says so), but the mark in error has been removed"_s);
        }
        {
            // Reviews against their hashes: a supervisor's judgement is evidence too.
            auto r = m_db->prepare("SELECT r.id, r.entry_id, r.revision, u.name, u.role, u.organisation, r.reviewed_at, r.completeness, "
                                   "r.quality, r.comment, r.returned, r.hash FROM reviews r LEFT JOIN users u ON u.id = r.reviewer_id");
            while (r.next())
                if (reviewHash(r.text(1), r.integer(2), r.text(3), r.text(4), r.text(5), r.text(6), r.text(7), r.text(8), r.text(9),
                               r.integer(10) != 0) != r.text(11))
                    problem(u"review %1 of entry %2"_s.arg(r.integer(0)).arg(r.text(1)), u"was changed after it was recorded"_s);
        }
        {
            // A flag for review before disclosure, and its release, must each be in the trail: a release
            // made outside Fairnote would disclose third-party information without a reviewer.
            auto f = m_db->prepare("SELECT entry_id, reason, released_at FROM disclosure_flags");
            while (f.next()) {
                const QString entry = f.text(0);
                if (!flagReasons.contains(entry) || flagReasons.value(entry) != f.text(1))
                    problem(u"entry %1"_s.arg(entry), u"its flag for review before disclosure does not match the audit trail"_s);
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
        if (progress)
            progress(total, total);
        return report;
    });
}

StoreResult<VerifyReport> SqliteStore::backup(const QString &destination, const Actor &actor, const Progress &progress)
{
    if (actor.name.trimmed().isEmpty())
        return StoreError{ErrorCode::Invalid, u"a backup is recorded in the audit trail with who made it: give your name (and role)."_s};
    const QFileInfo dest(destination);
    if (dest.exists())
        return StoreError{ErrorCode::Conflict, u"%1 already exists; Fairnote never overwrites a file with a backup. Choose a new name."_s.arg(destination)};
    if (!dest.absoluteDir().exists())
        return StoreError{ErrorCode::NotFound, u"the folder %1 does not exist; create it or choose another."_s.arg(dest.absolutePath())};
    const QString part = dest.absoluteFilePath() + u".part"_s;
    QFile::remove(part);
    const int fd = ::open(QFile::encodeName(part).constData(), O_CREAT | O_EXCL | O_WRONLY | O_CLOEXEC, 0600);
    if (fd < 0)
        return StoreError{ErrorCode::Io, u"cannot create %1 (%2). Check that you may write to that folder."_s.arg(part, QString::fromLocal8Bit(std::strerror(errno)))};
    ::close(fd);
    auto cleanup = [&] {
        QFile::remove(part);
        QFile::remove(part + u"-wal"_s);
        QFile::remove(part + u"-shm"_s);
        QFile::remove(part + u"-journal"_s);
    };
    try {
        {
            sql::Database target(part, sql::Database::Mode::ReadWrite);
            m_db->backupTo(target, 256, progress);
        }
        // Opened for writing (it is ours) so that closing it folds its log back in and leaves one file.
        OpenOptions copyOptions;
        copyOptions.kind = m_kind;
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
        if (!QFile::rename(part, destination)) {
            cleanup();
            return StoreError{ErrorCode::Io, u"cannot create %1; nothing was left there."_s.arg(destination)};
        }
        if (!isReadOnly()) {
            sql::Transaction t(*m_db);
            appendAudit(actor, audit::Backup.toString(), {}, {}, std::nullopt,
                        QJsonObject{{u"destination"_s, dest.absoluteFilePath()}, {u"head_hash"_s, report->headHash}});
            t.commit();
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
