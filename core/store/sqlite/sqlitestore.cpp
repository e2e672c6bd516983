// SPDX-FileCopyrightText: 2026 Fairnote contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// The SQLite case file's machinery: users, the audit chain, the head row and search index of an entry,
// writing a revision; the feature files build on it. One local file, WAL, foreign keys, triggers that keep
// final records final, a hash-chained audit trail and an FTS5 index, all written in the same transaction
// as the record.
#include "store/sqlite/sqlitestore.h"

#include "store/auditactions.h"
#include "store/sqlite/schema.h"

#include "record/describe.h"
#include "record/interchange.h"
#include "record/summarywording.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QRandomGenerator>

#include <cerrno>

using namespace Qt::StringLiterals;

namespace fairnote::store {

// Written by hand for years 0 to 9999 (every time Fairnote stores): QDateTime::toString with a format goes
// through QLocale and was the largest part of recomputing an entry's list columns in verify.
QString iso(const QDateTime &t)
{
    const QDateTime u = t.toUTC();
    const QDate d = u.date();
    if (!u.isValid() || d.year() < 0 || d.year() > 9999)
        return u.toString(u"yyyy-MM-ddTHH:mm:ss.zzzZ"_s);
    const QTime c = u.time();
    QString out(24, Qt::Uninitialized);
    char16_t *o = reinterpret_cast<char16_t *>(out.data());
    const auto put = [&o](int value, int digits) {
        for (int i = digits - 1; i >= 0; --i, value /= 10)
            o[i] = char16_t(u'0' + value % 10);
        o += digits;
    };
    const auto sep = [&o](char16_t ch) { *o++ = ch; };
    put(d.year(), 4), sep(u'-'), put(d.month(), 2), sep(u'-'), put(d.day(), 2), sep(u'T');
    put(c.hour(), 2), sep(u':'), put(c.minute(), 2), sep(u':'), put(c.second(), 2), sep(u'.'), put(c.msec(), 3), sep(u'Z');
    return out;
}

QDateTime fromIso(const QString &s)
{
    QDateTime t = QDateTime::fromString(s, Qt::ISODateWithMs);
    return t.isValid() ? t.toUTC() : QDateTime();
}

QString compact(const QJsonObject &o) { return QString::fromUtf8(QJsonDocument(o).toJson(QJsonDocument::Compact)); }
QJsonObject parseObject(const QString &s) { return QJsonDocument::fromJson(s.toUtf8()).object(); }

QString newId(const char *prefix)
{
    return QString::fromLatin1(prefix) + QString::number(QRandomGenerator::global()->generate(), 16).toUpper().rightJustified(8, u'0');
}

QString nn(const QString &s) { return s.isNull() ? u""_s : s; }

QString kindOf(const record::Entry &e) { return e.isIncident() ? u"incident"_s : u"note"_s; }

QString otherNamesJson(const QStringList &names)
{
    return QString::fromUtf8(QJsonDocument(QJsonArray::fromStringList(names)).toJson(QJsonDocument::Compact));
}

QStringList otherNamesFromJson(const QString &json)
{
    QStringList out;
    for (const QJsonValue &v : QJsonDocument::fromJson(json.toUtf8()).array())
        out << v.toString();
    return out;
}

std::optional<qint64> lateSecondsOf(const record::Entry &e, qint64 lateHours)
{
    const QDateTime latest = e.eventDate.latest();
    if (!latest.isValid() || !e.writtenAt.isValid())
        return std::nullopt;
    const qint64 delay = latest.secsTo(e.writtenAt);
    if (delay > lateHours * 3600)
        return delay;
    return std::nullopt;
}

record::EventDate eventDateFromJson(const QString &json)
{
    // The head's event date is written by this file from a valid entry, so it reads back cleanly.
    return record::eventDateFromJson(parseObject(json));
}

StoreError toError(const sql::Failure &f, const QString &path, const QString &whatFailed)
{
    // SQLite reports a full disk met while growing its shared-memory file or opening a file as an I/O error;
    // the operating system's error says what it was.
    if (f.systemErrno() == ENOSPC && (f.code() == sql::IoErr || f.code() == sql::CantOpen))
        return faultError(Fault::DiskFull, path, f.message(), whatFailed);
    switch (f.code()) {
    case sql::Busy:
    case sql::Locked:
        return faultError(Fault::Busy, path, f.message(), whatFailed);
    case sql::Full:
        return faultError(Fault::DiskFull, path, f.message(), whatFailed);
    case sql::IoErr:
        return faultError(Fault::Io, path, f.message(), whatFailed);
    case sql::ReadOnly:
    case sql::Perm:
        return faultError(Fault::ReadOnly, path, f.message(), whatFailed);
    case sql::Corrupt:
    case sql::NotADb:
        return faultError(Fault::Corrupt, path, f.message(), whatFailed);
    case sql::CantOpen:
        return faultError(Fault::CannotOpen, path, f.message(), whatFailed);
    case sql::Constraint:
        return {ErrorCode::Conflict, u"%1 (%2)"_s.arg(f.message(), path)};
    case sql::Abort:
        if (f.message() == u"cancelled")
            return faultError(Fault::Cancelled, path, f.message(), whatFailed);
        return {ErrorCode::Conflict, f.message()};
    default: {
        const QString lost = whatFailed.isEmpty() ? QString() : whatFailed + u" "_s;
        return {ErrorCode::Internal, u"unexpected database error in %1: %2 (code %3). %4"_s.arg(path, f.message()).arg(f.extendedCode()).arg(lost)};
    }
    }
}

void SqliteStore::initialise(FileKind kind)
{
    // One transaction: a new file is either a whole, marked Fairnote case file or still empty.
    sql::Transaction t(*m_db);
    createSchema(*m_db);
    m_db->exec(u"PRAGMA application_id = %1"_s.arg(kind == FileKind::Training ? kTrainingApplicationId : kApplicationId));
    const QString created = iso(now());
    const std::pair<QString, QString> meta[] = {
        {u"file_id"_s, QString::number(QRandomGenerator::global()->generate64(), 16)},
        {u"created_at"_s, created},
        {u"kind"_s, kind == FileKind::Training ? u"training"_s : u"live"_s},
        {u"summary_wording"_s, QString::number(record::kSummaryWording)},
    };
    for (const auto &[key, value] : meta)
        m_db->prepare("INSERT OR REPLACE INTO meta(key, value) VALUES (?1, ?2)").bind(1, key).bind(2, value).run();
    appendAudit(std::nullopt, audit::CreateFile.toString(), {}, {}, std::nullopt,
                QJsonObject{{u"schema_version"_s, kSchemaVersion}, {u"kind"_s, kind == FileKind::Training ? u"training"_s : u"live"_s}});
    t.commit();
}

void SqliteStore::upgrade(int fromVersion)
{
    migrate(*m_db, kSchemaVersion);
    sql::Transaction t(*m_db);
    appendAudit(std::nullopt, audit::UpgradeFile.toString(), {}, {}, std::nullopt,
                QJsonObject{{u"from_schema_version"_s, fromVersion}, {u"schema_version"_s, kSchemaVersion}});
    t.commit();
}

int SqliteStore::summaryWording()
{
    auto s = m_db->prepare("SELECT value FROM meta WHERE key = 'summary_wording'");
    return s.next() ? s.text(0).toInt() : 0;
}

void SqliteStore::rewordSummaries()
{
    const int from = summaryWording();
    if (from == record::kSummaryWording)
        return;
    try {
        sql::Transaction t(*m_db);
        // From the latest revision, or the draft of an entry never finalised: what updateHead wrote them from.
        std::vector<std::pair<QString, QString>> reworded;
        {
            auto s = m_db->prepare("SELECT e.id, e.summary, CASE WHEN e.revisions > 0 "
                                   "THEN (SELECT r.content FROM revisions r WHERE r.entry_id = e.id ORDER BY r.number DESC LIMIT 1) "
                                   "ELSE (SELECT d.content FROM drafts d WHERE d.entry_id = e.id) END FROM entries e");
            while (s.next()) {
                if (s.isNull(2))
                    continue;
                const auto entry = record::entryFromJson(parseObject(s.text(2)));
                if (!entry)
                    continue; // unreadable: verify reports it
                if (QString summary = record::summaryLine(*entry); summary != s.text(1))
                    reworded.emplace_back(s.text(0), std::move(summary));
            }
        }
        for (const auto &[id, summary] : reworded)
            m_db->prepare("UPDATE entries SET summary = ?2 WHERE id = ?1").bind(1, id).bind(2, summary).run();
        m_db->prepare("INSERT OR REPLACE INTO meta(key, value) VALUES ('summary_wording', ?1)").bind(1, QString::number(record::kSummaryWording)).run();
        appendAudit(std::nullopt, audit::RewordSummaries.toString(), {}, {}, std::nullopt,
                    QJsonObject{{u"from_wording"_s, from}, {u"wording"_s, record::kSummaryWording}, {u"entries"_s, qint64(reworded.size())}});
        t.commit();
    } catch (const sql::Failure &) {
        // Rolled back, nothing changed: the file still opens, and verify says the summaries were not compared.
    }
}

std::optional<StoreError> SqliteStore::refuseWrite(const Actor &actor) const
{
    if (isReadOnly())
        return refusal::readOnly(m_path, m_readOnlyReason);
    if (actor.name.trimmed().isEmpty())
        return refusal::noAuthor();
    return std::nullopt;
}

std::optional<qint64> SqliteStore::findUserId(const Actor &a)
{
    const QString key = a.name + u'\x1f' + a.role + u'\x1f' + a.organisation;
    if (auto it = m_userIds.constFind(key); it != m_userIds.constEnd())
        return *it;
    auto s = m_db->prepare("SELECT id FROM users WHERE name = ?1 AND role = ?2 AND organisation = ?3");
    s.bind(1, a.name).bind(2, a.role.isNull() ? u""_s : a.role).bind(3, a.organisation.isNull() ? u""_s : a.organisation);
    if (!s.next())
        return std::nullopt;
    m_userIds.insert(key, s.integer(0));
    return s.integer(0);
}

bool SqliteStore::wroteEntry(const QString &entryId, const Actor &actor)
{
    auto s = m_db->prepare("SELECT u.name, u.role, u.organisation FROM users u WHERE u.id IN (SELECT author_id FROM revisions WHERE "
                           "entry_id = ?1 UNION SELECT author_id FROM entries WHERE id = ?1)");
    s.bind(1, entryId);
    while (s.next())
        if (samePerson(Actor{s.text(0), s.text(1), s.text(2)}, actor))
            return true;
    return false;
}

qint64 SqliteStore::userId(const Actor &a)
{
    if (auto id = findUserId(a))
        return *id;
    auto s = m_db->prepare("INSERT INTO users(name, role, organisation, created_at) VALUES (?1, ?2, ?3, ?4)");
    s.bind(1, a.name).bind(2, a.role.isNull() ? u""_s : a.role).bind(3, a.organisation.isNull() ? u""_s : a.organisation).bind(4, iso(now()));
    s.run();
    // Not cached: a rolled-back transaction would leave a stale id in the cache.
    return m_db->lastInsertRowId();
}

Actor SqliteStore::userById(qint64 id)
{
    auto s = m_db->prepare("SELECT name, role, organisation FROM users WHERE id = ?1");
    s.bind(1, id);
    if (!s.next())
        return {};
    return Actor{s.text(0), s.text(1), s.text(2)};
}

qint64 SqliteStore::appendAudit(const std::optional<Actor> &actor, const QString &action, const QString &personId,
                                const QString &entryId, std::optional<qint64> revision, const QJsonObject &detail)
{
    AuditFields a;
    {
        auto last = m_db->prepare("SELECT seq, hash FROM audit ORDER BY seq DESC LIMIT 1");
        if (last.next()) {
            a.seq = last.integer(0) + 1;
            a.prevHash = last.text(1);
        } else {
            a.seq = 1;
            a.prevHash = zeroHash();
        }
    }
    a.at = iso(now());
    if (actor) {
        a.actorName = actor->name;
        a.actorRole = actor->role;
        a.actorOrganisation = actor->organisation;
    }
    a.action = action;
    a.personId = personId;
    a.entryId = entryId;
    a.revision = revision;
    a.detail = compact(detail);
    const QString hash = auditHash(a);
    auto s = m_db->prepare("INSERT INTO audit(seq, at, actor_id, action, person_id, entry_id, revision, detail, prev_hash, hash) "
                           "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)");
    s.bind(1, a.seq).bind(2, a.at);
    if (actor)
        s.bind(3, userId(*actor));
    else
        s.bindNull(3);
    s.bind(4, action).bind(5, personId.isEmpty() ? QString() : personId).bind(6, entryId.isEmpty() ? QString() : entryId);
    if (revision)
        s.bind(7, *revision);
    else
        s.bindNull(7);
    s.bind(8, a.detail).bind(9, a.prevHash).bind(10, hash);
    s.run();
    return a.seq;
}

record::Person SqliteStore::loadPerson(const QString &id)
{
    auto s = m_db->prepare("SELECT id, name, other_names, date_of_birth FROM people WHERE id = ?1");
    s.bind(1, id);
    if (!s.next())
        throw Refusal{refusal::noSuchPerson(id, m_path)};
    record::Person p;
    p.id = s.text(0);
    p.name = s.text(1);
    p.otherNames = otherNamesFromJson(s.text(2));
    p.dateOfBirth = QDate::fromString(s.text(3), Qt::ISODate);
    return p;
}

EntryState SqliteStore::loadState(const QString &entryId)
{
    auto s = m_db->prepare(
        "SELECT e.revisions, e.in_error, e.kind, d.entry_id IS NOT NULL, u.name, u.role, u.organisation, f.entry_id IS NOT NULL, "
        "  f.released_at IS NOT NULL, (SELECT ev.state FROM signoffs so JOIN signoff_events ev ON ev.signoff_id = so.id "
        "   WHERE so.entry_id = e.id AND so.revision = e.revisions ORDER BY ev.id DESC LIMIT 1) "
        "FROM entries e LEFT JOIN drafts d ON d.entry_id = e.id LEFT JOIN users u ON u.id = d.author_id "
        "LEFT JOIN disclosure_flags f ON f.entry_id = e.id WHERE e.id = ?1");
    s.bind(1, entryId);
    if (!s.next())
        throw Refusal{refusal::noSuchEntry(entryId, m_path)};
    EntryState state;
    state.id = entryId;
    state.revisions = int(s.integer(0));
    state.inError = s.integer(1) != 0;
    state.incident = s.text(2) == u"incident";
    if (s.integer(3) != 0)
        state.draftAuthor = Actor{s.text(4), s.text(5), s.text(6)};
    if (s.integer(7) != 0)
        state.disclosure = s.integer(8) != 0 ? EntryState::Disclosure::Released : EntryState::Disclosure::Withheld;
    state.signOffWaiting = s.text(9) == u"requested";
    return state;
}

void SqliteStore::require(const EntryState &state, const Actor &actor, EntryAction action)
{
    if (auto no = permissionsFor(state, actor).refusal(action))
        throw Refusal{*no};
}

QString SqliteStore::resolveEntryId(const QString &idOrPrefix)
{
    const QString wanted = idOrPrefix.trimmed();
    if (wanted.isEmpty())
        throw Refusal{refusal::noEntryId()};
    {
        auto exact = m_db->prepare("SELECT id FROM entries WHERE id = ?1");
        exact.bind(1, wanted);
        if (exact.next())
            return exact.text(0);
    }
    QString escaped = wanted;
    escaped.replace(u"\\"_s, u"\\\\"_s).replace(u"%"_s, u"\\%"_s).replace(u"_"_s, u"\\_"_s);
    auto s = m_db->prepare("SELECT id FROM entries WHERE id LIKE ?1 ESCAPE '\\' ORDER BY id LIMIT 6");
    s.bind(1, escaped + u'%');
    QStringList found;
    while (s.next())
        found << s.text(0);
    if (found.isEmpty())
        throw Refusal{refusal::noSuchEntry(wanted, m_path)};
    if (found.size() > 1)
        throw Refusal{refusal::ambiguousEntry(wanted, found.mid(0, 5), found.size() > 5)};
    return found.front();
}

record::Entry SqliteStore::parseContent(const QString &json, const QString &entryId)
{
    auto e = record::entryFromJson(parseObject(json));
    if (!e)
        throw Refusal{{ErrorCode::Corrupt, u"the stored text of entry %1 in %2 cannot be read (%3). Run 'fairnote-cli verify'."_s
                                               .arg(entryId, m_path, e.error().front().toString())}};
    return *e;
}

QString SqliteStore::storable(const record::Entry &entry)
{
    const QJsonObject json = record::entryToJson(entry);
    if (auto back = record::entryFromJson(json); !back)
        throw Refusal{{ErrorCode::Invalid, u"this entry cannot be saved as it is (%1). Correct it and save again; nothing else was changed."_s
                                               .arg(back.error().front().toString())}};
    return compact(json);
}

HeadColumns headColumns(const record::Entry &e)
{
    const QDateTime earliest = e.eventDate.earliest();
    const QDateTime latest = e.eventDate.latest();
    return HeadColumns{earliest.isValid() ? iso(earliest) : QString(), latest.isValid() ? iso(latest) : QString(),
                       compact(record::eventDateToJson(e.eventDate)), record::summaryLine(e), iso(e.writtenAt)};
}

void SqliteStore::updateHead(const QString &entryId, const record::Entry &e, std::optional<qint64> lateSeconds, qint64 authorId)
{
    const HeadColumns head = headColumns(e);
    auto s = m_db->prepare("UPDATE entries SET event_sort = ?2, event_json = ?3, summary = ?4, written_at = ?5, author_id = ?6, "
                           "late_seconds = ?7, event_latest = ?8 WHERE id = ?1");
    s.bind(1, entryId).bind(2, head.eventSort).bind(3, head.eventJson).bind(4, head.summary).bind(5, head.writtenAt).bind(6, authorId);
    if (lateSeconds)
        s.bind(7, *lateSeconds);
    else
        s.bindNull(7);
    s.bind(8, head.eventLatest);
    s.run();
}

void SqliteStore::unindexEntry(const QString &entryId)
{
    auto s = m_db->prepare("DELETE FROM search WHERE rowid = (SELECT rowid FROM entries WHERE id = ?1)");
    s.bind(1, entryId).run();
}

void SqliteStore::indexEntry(const QString &entryId, const record::Person &person, const record::Entry &e)
{
    unindexEntry(entryId);
    QStringList names{person.name};
    names += person.otherNames;
    names += e.peoplePresent;
    auto s = m_db->prepare("INSERT INTO search(rowid, names, body) SELECT rowid, ?2, ?3 FROM entries WHERE id = ?1");
    s.bind(1, entryId).bind(2, names.join(u", "_s)).bind(3, record::narrativeText(e)).run();
}

Snapshot SqliteStore::assessForFinal(const record::Person &person, const record::Entry &e, const QHash<QString, QString> &leftReasons,
                                     const QString &defaultReason)
{
    Snapshot snap = m_assessor ? m_assessor(person, e) : Snapshot{};
    QStringList open;
    for (SnapshotPrompt &p : snap.prompts) {
        p.leftReason = leftReasons.value(promptKey(p.code, p.field)).trimmed();
        if (p.leftReason.isEmpty())
            p.leftReason = defaultReason;
        if (p.leftReason.isEmpty())
            open << u"%1 (%2): %3"_s.arg(p.field, p.code, p.message);
    }
    if (!open.isEmpty())
        throw Refusal{{ErrorCode::Invalid, u"%1 still open. Answer %2, or give a reason for leaving each:\n  %3"_s
                                               .arg(open.size() == 1 ? u"1 prompt is"_s : u"%1 prompts are"_s.arg(open.size()),
                                                    open.size() == 1 ? u"it"_s : u"them"_s, open.join(u"\n  "_s))}};
    return snap;
}

Revision SqliteStore::writeRevision(const QString &entryId, const QString &personId, const record::Entry &e, int number,
                                    const Actor &author, const QDateTime &writtenAt, const QString &reason,
                                    const Snapshot &snapshot, const QString &action, const QJsonObject &extraDetail)
{
    RevisionFields f;
    f.entryId = entryId;
    f.personId = personId;
    f.kind = kindOf(e);
    f.content = storable(e);
    f.authorName = author.name;
    f.authorRole = author.role.isNull() ? u""_s : author.role;
    f.authorOrganisation = author.organisation.isNull() ? u""_s : author.organisation;
    f.writtenAt = iso(writtenAt);
    f.reason = reason;
    f.number = number;
    f.lateSeconds = lateSecondsOf(e, m_lateHours);
    const QString hash = revisionHash(f, snapshot);

    const qint64 authorId = userId(author);
    auto s = m_db->prepare("INSERT INTO revisions(entry_id, number, content, author_id, written_at, reason, late_seconds, hash) "
                           "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)");
    s.bind(1, entryId).bind(2, number).bind(3, f.content).bind(4, authorId).bind(5, f.writtenAt)
        .bind(6, reason.isEmpty() ? QString() : reason);
    if (f.lateSeconds)
        s.bind(7, *f.lateSeconds);
    else
        s.bindNull(7);
    s.bind(8, hash).run();
    const qint64 revisionId = m_db->lastInsertRowId();
    int seq = 0;
    for (const SnapshotPrompt &p : snapshot.prompts) {
        auto ps = m_db->prepare("INSERT INTO revision_prompts(revision_id, seq, field, code, severity, message, question, left_reason) "
                                "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)");
        ps.bind(1, revisionId).bind(2, seq++).bind(3, p.field).bind(4, p.code).bind(5, p.severity).bind(6, p.message)
            .bind(7, p.question.isNull() ? u""_s : p.question).bind(8, p.leftReason.isNull() ? u""_s : p.leftReason).run();
    }
    seq = 0;
    for (const SnapshotFinding &fi : snapshot.findings) {
        auto fs = m_db->prepare("INSERT INTO revision_findings(revision_id, seq, field, rule, category, severity, offset_utf16, "
                                "length_utf16, text, message) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)");
        fs.bind(1, revisionId).bind(2, seq++).bind(3, fi.field).bind(4, fi.rule).bind(5, fi.category).bind(6, fi.severity)
            .bind(7, fi.offset).bind(8, fi.length).bind(9, fi.text.isNull() ? u""_s : fi.text)
            .bind(10, fi.message.isNull() ? u""_s : fi.message).run();
    }
    {
        auto up = m_db->prepare("UPDATE entries SET revisions = ?2 WHERE id = ?1");
        up.bind(1, entryId).bind(2, number).run();
    }
    // The head shows who wrote the entry first and when; amendments keep the original's written-at.
    updateHead(entryId, e, f.lateSeconds, userId(e.author.name.isEmpty() ? author : e.author));
    {
        auto del = m_db->prepare("DELETE FROM drafts WHERE entry_id = ?1");
        del.bind(1, entryId).run();
    }
    indexEntry(entryId, loadPerson(personId), e);
    QJsonObject detail = extraDetail;
    detail.insert(u"revision_hash"_s, hash);
    if (!reason.isEmpty())
        detail.insert(u"reason"_s, reason);
    if (!snapshot.prompts.empty())
        detail.insert(u"prompts_left_open"_s, qint64(snapshot.prompts.size()));
    appendAudit(author, action, personId, entryId, number, detail);

    Revision r;
    r.number = number;
    r.entry = e;
    r.author = Actor{f.authorName, f.authorRole, f.authorOrganisation};
    r.writtenAt = fromIso(f.writtenAt);
    r.reason = reason;
    r.lateSeconds = f.lateSeconds;
    r.hash = hash;
    r.snapshot = snapshot;
    return r;
}

Snapshot SqliteStore::loadSnapshot(qint64 revisionId)
{
    Snapshot snap;
    auto p = m_db->prepare("SELECT field, code, severity, message, question, left_reason FROM revision_prompts "
                           "WHERE revision_id = ?1 ORDER BY seq");
    p.bind(1, revisionId);
    while (p.next())
        snap.prompts.push_back({p.text(0), p.text(1), p.text(2), p.text(3), p.text(4), p.text(5)});
    auto f = m_db->prepare("SELECT field, rule, category, severity, offset_utf16, length_utf16, text, message FROM revision_findings "
                           "WHERE revision_id = ?1 ORDER BY seq");
    f.bind(1, revisionId);
    while (f.next())
        snap.findings.push_back({f.text(0), f.text(1), f.text(2), f.text(3), f.integer(4), f.integer(5), f.text(6), f.text(7)});
    return snap;
}

// ---- audit events --------------------------------------------------------------------------------

StoreResult<qint64> SqliteStore::logEvent(const Actor &actor, const QString &action, const QString &personId,
                                          const QString &entryId, const QJsonObject &detail)
{
    if (auto refused = refuseWrite(actor))
        return *refused;
    if (!audit::isEvent(action))
        return refusal::unknownEvent(action);
    return guarded<qint64>(u"The event was not recorded in the audit trail."_s, [&]() -> StoreResult<qint64> {
        sql::Transaction t(*m_db);
        const qint64 seq = appendAudit(actor, action, personId, entryId, std::nullopt, detail);
        t.commit();
        return seq;
    });
}

StoreResult<std::vector<AuditRow>> SqliteStore::auditEvents(const AuditQuery &query)
{
    return guarded<std::vector<AuditRow>>({}, [&]() -> StoreResult<std::vector<AuditRow>> {
        // Each action is read through the index on (action, seq); without actions, through the rowid or
        // the person's index. At most `limit` rows are read either way.
        QString sqlText = u"SELECT a.seq, a.at, u.name, u.role, u.organisation, a.action, a.person_id, a.entry_id, a.revision, "
                          u"a.detail, a.prev_hash, a.hash FROM audit a LEFT JOIN users u ON u.id = a.actor_id WHERE 1"_s;
        if (!query.personId.isEmpty())
            sqlText += u" AND a.person_id = ?1"_s;
        if (!query.actions.isEmpty()) {
            QStringList marks;
            for (int i = 0; i < query.actions.size(); ++i)
                marks << u"?%1"_s.arg(i + 3);
            sqlText += u" AND a.action IN (%1)"_s.arg(marks.join(u", "_s));
        }
        sqlText += query.newestFirst ? u" ORDER BY a.seq DESC"_s : u" ORDER BY a.seq"_s;
        sqlText += u" LIMIT ?2"_s;
        auto s = m_db->prepare(sqlText.toUtf8().constData());
        if (!query.personId.isEmpty())
            s.bind(1, query.personId);
        s.bind(2, query.limit > 0 ? qint64(query.limit) : qint64(-1));
        for (int i = 0; i < query.actions.size(); ++i)
            s.bind(i + 3, query.actions[i]);
        std::vector<AuditRow> out;
        while (s.next()) {
            AuditRow a;
            a.seq = s.integer(0);
            a.at = fromIso(s.text(1));
            a.actor = Actor{s.text(2), s.text(3), s.text(4)};
            a.action = s.text(5);
            a.personId = s.text(6);
            a.entryId = s.text(7);
            a.revision = int(s.integer(8));
            a.detail = parseObject(s.text(9));
            a.prevHash = s.text(10);
            a.hash = s.text(11);
            out.push_back(std::move(a));
        }
        return out;
    });
}

StoreResult<QString> SqliteStore::headHash()
{
    return guarded<QString>({}, [&]() -> StoreResult<QString> {
        const QString h = m_db->scalarText("SELECT hash FROM audit ORDER BY seq DESC LIMIT 1");
        return h.isEmpty() ? zeroHash() : h;
    });
}

} // namespace fairnote::store
