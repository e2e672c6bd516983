// SPDX-FileCopyrightText: 2026 Fairnote contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// The SQLite case file: one local file, WAL, foreign keys, triggers that keep final records final, a
// hash-chained audit trail and an FTS5 index, all written in the same transaction as the record.
#include "store/sqlite/schema.h"
#include "store/sqlite/database.h"
#include "store/store.h"

#include "record/describe.h"
#include "record/interchange.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QRandomGenerator>
#include <QSet>

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <unistd.h>

using namespace Qt::StringLiterals;

namespace fairnote::store {

// ---- small helpers shared by the whole file ------------------------------------------------------

std::optional<Actor> parseActor(const QString &text)
{
    const QString t = text.trimmed();
    if (t.isEmpty() || t.startsWith(u'('))
        return std::nullopt;
    Actor a;
    const qsizetype open = t.indexOf(u'(');
    if (open > 0 && t.endsWith(u')')) {
        a.name = t.left(open).trimmed();
        const QString inside = t.mid(open + 1, t.size() - open - 2);
        const qsizetype comma = inside.indexOf(u',');
        a.role = (comma < 0 ? inside : inside.left(comma)).trimmed();
        if (comma >= 0)
            a.organisation = inside.mid(comma + 1).trimmed();
    } else {
        a.name = t;
    }
    if (a.name.isEmpty())
        return std::nullopt;
    return a;
}

namespace {
QString foldedName(const QString &name) { return name.simplified().toCaseFolded(); }
} // namespace

bool samePerson(const Actor &a, const Actor &b)
{
    return !a.name.trimmed().isEmpty() && foldedName(a.name) == foldedName(b.name);
}

bool matchesWorker(const Actor &actor, const QString &worker)
{
    const auto wanted = parseActor(worker);
    if (!wanted)
        return worker.trimmed().isEmpty();
    auto same = [](const QString &given, const QString &have) { return given.isEmpty() || foldedName(given) == foldedName(have); };
    return samePerson(*wanted, actor) && same(wanted->role, actor.role) && same(wanted->organisation, actor.organisation);
}

QString actorDisplay(const Actor &a)
{
    if (a.name.isEmpty())
        return u"Fairnote"_s;
    QStringList inside;
    if (!a.role.isEmpty())
        inside << a.role;
    if (!a.organisation.isEmpty())
        inside << a.organisation;
    return inside.isEmpty() ? a.name : u"%1 (%2)"_s.arg(a.name, inside.join(u", "_s));
}

QString statusId(EntryStatus s)
{
    switch (s) {
    case EntryStatus::Draft: return u"draft"_s;
    case EntryStatus::Final: return u"final"_s;
    case EntryStatus::Amended: return u"amended"_s;
    case EntryStatus::InError: return u"in-error"_s;
    }
    return {};
}

QString statusTitle(EntryStatus s)
{
    switch (s) {
    case EntryStatus::Draft: return u"Draft"_s;
    case EntryStatus::Final: return u"Final"_s;
    case EntryStatus::Amended: return u"Amended"_s;
    case EntryStatus::InError: return u"Marked in error"_s;
    }
    return {};
}

QString supervisionNote(const EntrySummary &e)
{
    QStringList out;
    if (e.returnedForCorrection)
        out << u"returned for correction"_s;
    if (e.signOff == u"requested")
        out << u"sign-off requested"_s;
    else if (e.signOff == u"approved")
        out << u"signed off"_s;
    else if (e.signOff == u"returned")
        out << u"sign-off returned"_s;
    return out.join(u"; "_s);
}

QString promptKey(const QString &code, const QString &field) { return code + u' ' + field; }

QString signOffStateId(SignOffState s)
{
    switch (s) {
    case SignOffState::Requested: return u"requested"_s;
    case SignOffState::Approved: return u"approved"_s;
    case SignOffState::Returned: return u"returned"_s;
    }
    return {};
}

QString signOffStateTitle(SignOffState s)
{
    switch (s) {
    case SignOffState::Requested: return u"Sign-off requested"_s;
    case SignOffState::Approved: return u"Signed off"_s;
    case SignOffState::Returned: return u"Returned"_s;
    }
    return {};
}

namespace {

const QString kZeroHash = QString(64, u'0');
// Searches matching more entries than this are listed newest first rather than ranked (see search()).
constexpr qint64 kRankedSearchLimit = 2000;

QString iso(const QDateTime &t) { return t.toUTC().toString(u"yyyy-MM-ddTHH:mm:ss.zzzZ"_s); }
QDateTime fromIso(const QString &s)
{
    QDateTime t = QDateTime::fromString(s, Qt::ISODateWithMs);
    return t.isValid() ? t.toUTC() : QDateTime();
}

QString compact(const QJsonObject &o) { return QString::fromUtf8(QJsonDocument(o).toJson(QJsonDocument::Compact)); }
QJsonObject parseObject(const QString &s) { return QJsonDocument::fromJson(s.toUtf8()).object(); }

// A canonical, unambiguous serialisation for hashing: "name=length:value\n" per field.
class Canon
{
public:
    Canon &add(const char *name, const QString &value)
    {
        const QByteArray v = value.toUtf8();
        m_bytes += name;
        m_bytes += '=';
        m_bytes += QByteArray::number(v.size());
        m_bytes += ':';
        m_bytes += v;
        m_bytes += '\n';
        return *this;
    }
    Canon &add(const char *name, qint64 value) { return add(name, QString::number(value)); }
    Canon &add(const char *name, const std::optional<qint64> &value) { return add(name, value ? QString::number(*value) : QString()); }
    QString sha256() const { return QString::fromLatin1(QCryptographicHash::hash(m_bytes, QCryptographicHash::Sha256).toHex()); }

private:
    QByteArray m_bytes;
};

struct RevisionFields
{
    QString entryId, personId, kind, content, authorName, authorRole, authorOrganisation, writtenAt, reason;
    int number = 0;
    std::optional<qint64> lateSeconds;
};

QString revisionHash(const RevisionFields &r, const Snapshot &s)
{
    Canon c;
    c.add("entry", r.entryId).add("number", r.number).add("person", r.personId).add("kind", r.kind).add("content", r.content);
    c.add("author", r.authorName).add("role", r.authorRole).add("organisation", r.authorOrganisation);
    c.add("written_at", r.writtenAt).add("reason", r.reason).add("late_seconds", r.lateSeconds);
    for (const SnapshotPrompt &p : s.prompts)
        c.add("prompt.field", p.field).add("prompt.code", p.code).add("prompt.severity", p.severity)
            .add("prompt.message", p.message).add("prompt.question", p.question).add("prompt.left_reason", p.leftReason);
    for (const SnapshotFinding &f : s.findings)
        c.add("finding.field", f.field).add("finding.rule", f.rule).add("finding.category", f.category)
            .add("finding.severity", f.severity).add("finding.offset", f.offset).add("finding.length", f.length)
            .add("finding.text", f.text).add("finding.message", f.message);
    return c.sha256();
}

QString reviewHash(const QString &entryId, qint64 revision, const QString &reviewerName, const QString &reviewerRole,
                   const QString &reviewerOrganisation, const QString &at, const QString &completeness, const QString &quality,
                   const QString &comment, bool returned)
{
    Canon c;
    c.add("entry", entryId).add("revision", revision).add("reviewer", reviewerName).add("role", reviewerRole)
        .add("organisation", reviewerOrganisation).add("at", at).add("completeness", completeness).add("quality", quality)
        .add("comment", comment).add("returned", qint64(returned ? 1 : 0));
    return c.sha256();
}

struct AuditFields
{
    qint64 seq = 0;
    QString at, actorName, actorRole, actorOrganisation, action, personId, entryId, detail, prevHash;
    std::optional<qint64> revision;
};

QString auditHash(const AuditFields &a)
{
    Canon c;
    c.add("seq", a.seq).add("at", a.at).add("actor", a.actorName).add("role", a.actorRole)
        .add("organisation", a.actorOrganisation).add("action", a.action).add("person", a.personId)
        .add("entry", a.entryId).add("revision", a.revision).add("detail", a.detail).add("prev", a.prevHash);
    return c.sha256();
}

QString newId(const char *prefix)
{
    return QString::fromLatin1(prefix) + QString::number(QRandomGenerator::global()->generate(), 16).toUpper().rightJustified(8, u'0');
}

// A text for a NOT NULL column: SQLite takes a null QString as NULL.
QString nn(const QString &s) { return s.isNull() ? u""_s : s; }

QString kindOf(const record::Entry &e) { return e.isIncident() ? u"incident"_s : u"note"_s; }

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

EntryStatus statusOf(int revisions, bool inError)
{
    if (inError)
        return EntryStatus::InError;
    if (revisions == 0)
        return EntryStatus::Draft;
    return revisions > 1 ? EntryStatus::Amended : EntryStatus::Final;
}

record::EventDate eventDateFromJson(const QString &json)
{
    // The head's event date is written by this file from a valid entry, so it reads back cleanly.
    QJsonObject o{{u"id"_s, u"x"_s}, {u"kind"_s, u"note"_s}, {u"written_at"_s, u"2000-01-01T00:00:00Z"_s},
                  {u"author"_s, QJsonObject{{u"name"_s, u"x"_s}}}, {u"note"_s, QJsonObject{{u"text"_s, QString()}}},
                  {u"event_date"_s, parseObject(json)}};
    auto e = record::entryFromJson(o);
    return e ? e->eventDate : record::EventDate{};
}

// Turns a failure inside SQLite into a StoreError that says what happened and what to do.
StoreError toError(const sql::Failure &f, const QString &path, const QString &whatFailed)
{
    const QString lost = whatFailed.isEmpty() ? QString() : whatFailed + u" "_s;
    switch (f.code()) {
    case sql::Busy:
    case sql::Locked:
        return {ErrorCode::Busy, u"%1 is in use by another program that is writing to it. %2Wait for it to finish, or close it, and try again."_s
                                     .arg(path, lost)};
    case sql::Full:
        return {ErrorCode::DiskFull, u"there is no room left to write to %1 (the disk is full). %2Everything saved before is intact. Free some space and try again."_s
                                         .arg(path, lost)};
    case sql::IoErr:
        return {ErrorCode::Io, u"the computer could not read or write %1 (%2). %3Everything saved before is intact. Check the disk and try again."_s
                                   .arg(path, f.message(), lost)};
    case sql::ReadOnly:
    case sql::Perm:
        return {ErrorCode::ReadOnly, u"%1 cannot be written (%2). %3"_s.arg(path, f.message(), lost).trimmed()};
    case sql::Corrupt:
    case sql::NotADb:
        return {ErrorCode::Corrupt, u"%1 is damaged (%2). %3Restore it from a backup; 'fairnote-cli verify' says more."_s.arg(path, f.message(), lost)};
    case sql::CantOpen:
        return {ErrorCode::Io, u"%1 cannot be opened (%2). Check that the folder exists and that you may write to it."_s.arg(path, f.message())};
    case sql::Constraint:
        return {ErrorCode::Conflict, u"%1 (%2)"_s.arg(f.message(), path)};
    case sql::Abort:
        if (f.message() == u"cancelled")
            return {ErrorCode::Cancelled, u"cancelled; nothing was changed"_s};
        return {ErrorCode::Conflict, f.message()};
    default:
        return {ErrorCode::Internal, u"unexpected database error in %1: %2 (code %3). %4"_s.arg(path, f.message()).arg(f.extendedCode()).arg(lost)};
    }
}

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
    StoreResult<std::vector<AuditRow>> auditTrail(const QString &personId) override;
    StoreResult<QString> headHash() override;
    StoreResult<VerifyReport> verify(const Progress &progress) override;
    StoreResult<VerifyReport> backup(const QString &destination, const Actor &actor, const Progress &progress) override;

    // Used by openStore: a new file gets the whole schema; an older one is migrated, one version per
    // transaction, and the upgrade is recorded in the audit trail.
    void initialise(FileKind kind);
    void upgrade(int fromVersion);

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

    std::unique_ptr<sql::Database> m_db;
    QString m_path;
    FileKind m_kind;
    QString m_readOnlyReason;
    Assessor m_assessor;
    std::function<QDateTime()> m_clock;
    qint64 m_lateHours = 24;
    QHash<QString, qint64> m_userIds;
};

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
    };
    for (const auto &[key, value] : meta)
        m_db->prepare("INSERT OR REPLACE INTO meta(key, value) VALUES (?1, ?2)").bind(1, key).bind(2, value).run();
    appendAudit(std::nullopt, u"create-file"_s, {}, {}, std::nullopt,
                QJsonObject{{u"schema_version"_s, kSchemaVersion}, {u"kind"_s, kind == FileKind::Training ? u"training"_s : u"live"_s}});
    t.commit();
}

void SqliteStore::upgrade(int fromVersion)
{
    migrate(*m_db, kSchemaVersion);
    sql::Transaction t(*m_db);
    appendAudit(std::nullopt, u"upgrade-file"_s, {}, {}, std::nullopt,
                QJsonObject{{u"from_schema_version"_s, fromVersion}, {u"schema_version"_s, kSchemaVersion}});
    t.commit();
}

std::optional<StoreError> SqliteStore::refuseWrite(const Actor &actor) const
{
    if (isReadOnly())
        return StoreError{ErrorCode::ReadOnly, u"%1 is open for reading only (%2), so nothing can be changed."_s.arg(m_path, m_readOnlyReason)};
    if (actor.name.trimmed().isEmpty())
        return StoreError{ErrorCode::Invalid, u"every change to a case file is signed by its author: give your name (and role)."_s};
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
            a.prevHash = kZeroHash;
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
        throw Refusal{{ErrorCode::NotFound, u"there is no person with the id \"%1\" in %2."_s.arg(id, m_path)}};
    record::Person p;
    p.id = s.text(0);
    p.name = s.text(1);
    for (const QJsonValue &v : QJsonDocument::fromJson(s.text(2).toUtf8()).array())
        p.otherNames << v.toString();
    p.dateOfBirth = QDate::fromString(s.text(3), Qt::ISODate);
    return p;
}

QString SqliteStore::resolveEntryId(const QString &idOrPrefix)
{
    const QString wanted = idOrPrefix.trimmed();
    if (wanted.isEmpty())
        throw Refusal{{ErrorCode::NotFound, u"no entry id was given."_s}};
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
        throw Refusal{{ErrorCode::NotFound, u"there is no entry \"%1\" in %2."_s.arg(wanted, m_path)}};
    if (found.size() > 1)
        throw Refusal{{ErrorCode::NotFound, u"\"%1\" could be any of several entries (%2%3); give more of the id."_s
                                                .arg(wanted, found.mid(0, 5).join(u", "_s), found.size() > 5 ? u", …"_s : u""_s)}};
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

void SqliteStore::updateHead(const QString &entryId, const record::Entry &e, std::optional<qint64> lateSeconds, qint64 authorId)
{
    const QDateTime earliest = e.eventDate.earliest();
    const QDateTime latest = e.eventDate.latest();
    auto s = m_db->prepare("UPDATE entries SET event_sort = ?2, event_json = ?3, summary = ?4, written_at = ?5, author_id = ?6, "
                           "late_seconds = ?7, event_latest = ?8 WHERE id = ?1");
    s.bind(1, entryId).bind(2, earliest.isValid() ? iso(earliest) : QString()).bind(3, compact(record::eventDateToJson(e.eventDate)))
        .bind(4, record::summaryLine(e)).bind(5, iso(e.writtenAt)).bind(6, authorId);
    if (lateSeconds)
        s.bind(7, *lateSeconds);
    else
        s.bindNull(7);
    s.bind(8, latest.isValid() ? iso(latest) : QString());
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

// ---- people ------------------------------------------------------------------------------------

StoreResult<record::Person> SqliteStore::addPerson(record::Person person, const Actor &actor)
{
    if (auto refused = refuseWrite(actor))
        return *refused;
    person.name = person.name.trimmed();
    if (person.name.isEmpty())
        return StoreError{ErrorCode::Invalid, u"a person needs a name (the name they use)."_s};
    return guarded<record::Person>(u"The person was not added."_s, [&]() -> StoreResult<record::Person> {
        sql::Transaction t(*m_db);
        if (person.id.isEmpty()) {
            do {
                person.id = newId("P-");
            } while (m_db->prepare("SELECT 1 FROM people WHERE id = ?1").bind(1, person.id).next());
        } else if (m_db->prepare("SELECT 1 FROM people WHERE id = ?1").bind(1, person.id).next()) {
            throw Refusal{{ErrorCode::Conflict, u"the id \"%1\" is already used for someone else in %2."_s.arg(person.id, m_path)}};
        }
        auto s = m_db->prepare("INSERT INTO people(id, name, other_names, date_of_birth, created_at, created_by) VALUES (?1, ?2, ?3, ?4, ?5, ?6)");
        s.bind(1, person.id).bind(2, person.name)
            .bind(3, QString::fromUtf8(QJsonDocument(QJsonArray::fromStringList(person.otherNames)).toJson(QJsonDocument::Compact)))
            .bind(4, person.dateOfBirth.isValid() ? person.dateOfBirth.toString(Qt::ISODate) : QString())
            .bind(5, iso(now())).bind(6, userId(actor)).run();
        appendAudit(actor, u"add-person"_s, person.id, {}, std::nullopt, QJsonObject{{u"name"_s, person.name}});
        t.commit();
        return person;
    });
}

StoreResult<Done> SqliteStore::updatePerson(const record::Person &person, const Actor &actor)
{
    if (auto refused = refuseWrite(actor))
        return *refused;
    if (person.name.trimmed().isEmpty())
        return StoreError{ErrorCode::Invalid, u"a person needs a name (the name they use)."_s};
    return guarded<Done>(u"The change was not saved."_s, [&]() -> StoreResult<Done> {
        sql::Transaction t(*m_db);
        const record::Person before = loadPerson(person.id);
        auto s = m_db->prepare("UPDATE people SET name = ?2, other_names = ?3, date_of_birth = ?4 WHERE id = ?1");
        s.bind(1, person.id).bind(2, person.name.trimmed())
            .bind(3, QString::fromUtf8(QJsonDocument(QJsonArray::fromStringList(person.otherNames)).toJson(QJsonDocument::Compact)))
            .bind(4, person.dateOfBirth.isValid() ? person.dateOfBirth.toString(Qt::ISODate) : QString()).run();
        appendAudit(actor, u"update-person"_s, person.id, {}, std::nullopt,
                    QJsonObject{{u"name_before"_s, before.name}, {u"name"_s, person.name.trimmed()},
                                {u"other_names"_s, QJsonArray::fromStringList(person.otherNames)},
                                {u"date_of_birth"_s, person.dateOfBirth.toString(Qt::ISODate)}});
        t.commit();
        return Done{};
    });
}

StoreResult<std::vector<PersonSummary>> SqliteStore::people(const Actor &viewer)
{
    return guarded<std::vector<PersonSummary>>({}, [&]() -> StoreResult<std::vector<PersonSummary>> {
        const qint64 viewerId = findUserId(viewer).value_or(-1);
        std::vector<PersonSummary> out;
        auto s = m_db->prepare(
            "SELECT p.id, p.name, p.other_names, p.date_of_birth, "
            "  count(e.id) FILTER (WHERE e.revisions > 0 OR d.author_id = ?1), "
            "  count(e.id) FILTER (WHERE e.kind = 'incident' AND e.revisions > 0 AND e.in_error = 0) "
            "FROM people p LEFT JOIN entries e ON e.person_id = p.id LEFT JOIN drafts d ON d.entry_id = e.id "
            "GROUP BY p.id ORDER BY p.name COLLATE NOCASE, p.id");
        s.bind(1, viewerId);
        QHash<QString, size_t> index;
        while (s.next()) {
            PersonSummary ps;
            ps.person.id = s.text(0);
            ps.person.name = s.text(1);
            for (const QJsonValue &v : QJsonDocument::fromJson(s.text(2).toUtf8()).array())
                ps.person.otherNames << v.toString();
            ps.person.dateOfBirth = QDate::fromString(s.text(3), Qt::ISODate);
            ps.entries = int(s.integer(4));
            ps.incidents = int(s.integer(5));
            index.insert(ps.person.id, out.size());
            out.push_back(std::move(ps));
        }
        // The most recent incident of each person: the latest moment it can have happened (SQLite gives
        // the bare column `id` from the row holding the maximum).
        auto last = m_db->prepare("SELECT person_id, id, max(event_latest) FROM entries WHERE kind = 'incident' AND revisions > 0 "
                                  "AND in_error = 0 AND event_latest IS NOT NULL GROUP BY person_id");
        while (last.next()) {
            const auto it = index.constFind(last.text(0));
            if (it == index.constEnd())
                continue;
            out[*it].lastIncidentEntry = last.text(1);
            out[*it].lastIncidentAt = fromIso(last.text(2));
        }
        return out;
    });
}

StoreResult<record::Person> SqliteStore::person(const QString &id)
{
    return guarded<record::Person>({}, [&]() -> StoreResult<record::Person> { return loadPerson(id); });
}

StoreResult<std::vector<record::Person>> SqliteStore::peopleNamed(const QString &name)
{
    return guarded<std::vector<record::Person>>({}, [&]() -> StoreResult<std::vector<record::Person>> {
        std::vector<record::Person> out;
        const QString wanted = name.simplified();
        auto s = m_db->prepare("SELECT id, name, other_names FROM people ORDER BY name COLLATE NOCASE, id");
        while (s.next()) {
            bool match = s.text(1).simplified().compare(wanted, Qt::CaseInsensitive) == 0;
            for (const QJsonValue &v : QJsonDocument::fromJson(s.text(2).toUtf8()).array())
                match = match || v.toString().simplified().compare(wanted, Qt::CaseInsensitive) == 0;
            if (match)
                out.push_back(loadPerson(s.text(0)));
        }
        return out;
    });
}

// ---- entries: drafts, finalising, amending, marking in error ------------------------------------

StoreResult<QString> SqliteStore::saveDraft(const QString &personId, record::Entry entry, const Actor &actor)
{
    if (auto refused = refuseWrite(actor))
        return *refused;
    return guarded<QString>(u"The draft was not saved."_s, [&]() -> StoreResult<QString> {
        sql::Transaction t(*m_db);
        const record::Person person = loadPerson(personId);
        const qint64 actorId = userId(actor);
        const QDateTime at = now();
        const QString kind = kindOf(entry);
        auto row = m_db->prepare("SELECT person_id, kind, revisions, in_error FROM entries WHERE id = ?1");
        row.bind(1, entry.id);
        if (entry.id.isEmpty() || !row.next()) {
            if (entry.id.isEmpty()) {
                do {
                    entry.id = newId("E-");
                } while (m_db->prepare("SELECT 1 FROM entries WHERE id = ?1").bind(1, entry.id).next());
            }
            entry.writtenAt = at;
            entry.author = actor;
            auto ins = m_db->prepare("INSERT INTO entries(id, person_id, kind, created_at, created_by) VALUES (?1, ?2, ?3, ?4, ?5)");
            ins.bind(1, entry.id).bind(2, personId).bind(3, kind).bind(4, iso(at)).bind(5, actorId).run();
            auto d = m_db->prepare("INSERT INTO drafts(entry_id, author_id, base_revision, content, started_at, updated_at) "
                                   "VALUES (?1, ?2, 0, ?3, ?4, ?4)");
            d.bind(1, entry.id).bind(2, actorId).bind(3, storable(entry)).bind(4, iso(at)).run();
            updateHead(entry.id, entry, std::nullopt, actorId);
            indexEntry(entry.id, person, entry);
            appendAudit(actor, u"create-entry"_s, personId, entry.id, std::nullopt, QJsonObject{{u"kind"_s, kind}});
            t.commit();
            return entry.id;
        }
        const QString owner = row.text(0);
        const QString storedKind = row.text(1);
        const int revisions = int(row.integer(2));
        const bool inError = row.integer(3) != 0;
        if (owner != personId)
            throw Refusal{{ErrorCode::Conflict, u"entry %1 belongs to someone else's case file."_s.arg(entry.id)}};
        if (inError)
            throw Refusal{{ErrorCode::Conflict, u"entry %1 is marked in error, so it cannot be changed. Write a new entry instead."_s.arg(entry.id)}};
        if (storedKind != kind)
            throw Refusal{{ErrorCode::Conflict, u"entry %1 is a %2; it cannot become a %3. Write a new entry instead."_s
                                                    .arg(entry.id, storedKind == u"incident" ? u"fire-setting incident record"_s : u"case note"_s,
                                                         kind == u"incident" ? u"fire-setting incident record"_s : u"case note"_s)}};
        bool hadDraft = false;
        {
            auto existing = m_db->prepare("SELECT author_id FROM drafts WHERE entry_id = ?1");
            existing.bind(1, entry.id);
            if (existing.next()) {
                hadDraft = true;
                const qint64 draftAuthor = existing.integer(0);
                if (draftAuthor != actorId)
                    throw Refusal{{ErrorCode::Invalid, u"entry %1 is being drafted by %2; only they can change the draft."_s
                                                           .arg(entry.id, actorDisplay(userById(draftAuthor)))}};
            }
        }
        if (revisions > 0) {
            // An amendment: the content keeps the original's author and time of writing.
            auto first = m_db->prepare("SELECT content FROM revisions WHERE entry_id = ?1 AND number = 1");
            first.bind(1, entry.id);
            first.next();
            const record::Entry original = parseContent(first.text(0), entry.id);
            entry.writtenAt = original.writtenAt;
            entry.author = original.author;
        } else {
            entry.writtenAt = at;
            entry.author = actor;
        }
        const QString content = storable(entry);
        auto up = m_db->prepare("INSERT INTO drafts(entry_id, author_id, base_revision, content, started_at, updated_at) "
                                "VALUES (?1, ?2, ?3, ?4, ?5, ?5) ON CONFLICT(entry_id) DO UPDATE SET content = ?4, updated_at = ?5");
        up.bind(1, entry.id).bind(2, actorId).bind(3, revisions).bind(4, content).bind(5, iso(at)).run();
        if (revisions == 0) {
            updateHead(entry.id, entry, std::nullopt, actorId);
            indexEntry(entry.id, person, entry);
        } else if (!hadDraft) {
            appendAudit(actor, u"start-amendment"_s, personId, entry.id, revisions, {});
        }
        t.commit();
        return entry.id;
    });
}

StoreResult<Done> SqliteStore::discardDraft(const QString &entryId, const Actor &actor)
{
    if (auto refused = refuseWrite(actor))
        return *refused;
    return guarded<Done>(u"The draft was kept."_s, [&]() -> StoreResult<Done> {
        sql::Transaction t(*m_db);
        const QString id = resolveEntryId(entryId);
        auto d = m_db->prepare("SELECT d.author_id, e.revisions, e.person_id FROM drafts d JOIN entries e ON e.id = d.entry_id "
                               "WHERE d.entry_id = ?1");
        d.bind(1, id);
        if (!d.next())
            throw Refusal{{ErrorCode::Conflict, u"entry %1 has no draft to discard."_s.arg(id)}};
        if (d.integer(0) != userId(actor))
            throw Refusal{{ErrorCode::Invalid, u"the draft of entry %1 belongs to %2; only they can discard it."_s
                                                   .arg(id, actorDisplay(userById(d.integer(0))))}};
        const int revisions = int(d.integer(1));
        const QString personId = d.text(2);
        m_db->prepare("DELETE FROM drafts WHERE entry_id = ?1").bind(1, id).run();
        if (revisions == 0) {
            unindexEntry(id);
            m_db->prepare("DELETE FROM entries WHERE id = ?1").bind(1, id).run();
        }
        appendAudit(actor, u"discard-draft"_s, personId, id, std::nullopt,
                    QJsonObject{{u"amendment"_s, revisions > 0}});
        t.commit();
        return Done{};
    });
}

StoreResult<Revision> SqliteStore::finalise(const QString &entryId, const Actor &actor, const QHash<QString, QString> &leftReasons,
                                            const QString &amendReason)
{
    if (auto refused = refuseWrite(actor))
        return *refused;
    return guarded<Revision>(u"The entry was not finalised."_s, [&]() -> StoreResult<Revision> {
        sql::Transaction t(*m_db);
        const QString id = resolveEntryId(entryId);
        auto d = m_db->prepare("SELECT d.author_id, d.base_revision, d.content, e.person_id, e.revisions, e.in_error "
                               "FROM drafts d JOIN entries e ON e.id = d.entry_id WHERE d.entry_id = ?1");
        d.bind(1, id);
        if (!d.next())
            throw Refusal{{ErrorCode::Conflict, u"entry %1 has no draft to finalise: it is already final. To correct it, amend it."_s.arg(id)}};
        if (d.integer(0) != userId(actor))
            throw Refusal{{ErrorCode::Invalid, u"the draft of entry %1 was written by %2; only its author can finalise it."_s
                                                   .arg(id, actorDisplay(userById(d.integer(0))))}};
        const int base = int(d.integer(1));
        record::Entry e = parseContent(d.text(2), id);
        const QString personId = d.text(3);
        const int revisions = int(d.integer(4));
        if (d.integer(5) != 0)
            throw Refusal{{ErrorCode::Conflict, u"entry %1 is marked in error, so it cannot be finalised."_s.arg(id)}};
        if (base != revisions)
            throw Refusal{{ErrorCode::Conflict, u"entry %1 was amended by someone else after this draft was started; start the amendment again."_s.arg(id)}};
        const QString reason = amendReason.trimmed();
        if (base > 0 && reason.isEmpty())
            throw Refusal{{ErrorCode::Invalid, u"an amendment needs a reason: say what was wrong or missing, and how you know."_s}};
        const QDateTime at = now();
        if (base == 0) {
            e.writtenAt = at;
            e.author = actor;
        }
        const Snapshot snap = assessForFinal(loadPerson(personId), e, leftReasons, {});
        Revision r = writeRevision(id, personId, e, base + 1, actor, at, base > 0 ? reason : QString(), snap,
                                   base > 0 ? u"amend"_s : u"finalise"_s, {});
        t.commit();
        return r;
    });
}

StoreResult<Revision> SqliteStore::amend(const QString &entryId, record::Entry entry, const QString &reason, const Actor &actor,
                                         const QHash<QString, QString> &leftReasons)
{
    if (auto refused = refuseWrite(actor))
        return *refused;
    if (reason.trimmed().isEmpty())
        return StoreError{ErrorCode::Invalid, u"an amendment needs a reason: say what was wrong or missing, and how you know."_s};
    return guarded<Revision>(u"The amendment was not saved."_s, [&]() -> StoreResult<Revision> {
        sql::Transaction t(*m_db);
        const QString id = resolveEntryId(entryId);
        auto row = m_db->prepare("SELECT person_id, kind, revisions, in_error FROM entries WHERE id = ?1");
        row.bind(1, id);
        row.next();
        const QString personId = row.text(0);
        const QString kind = row.text(1);
        const int revisions = int(row.integer(2));
        if (row.integer(3) != 0)
            throw Refusal{{ErrorCode::Conflict, u"entry %1 is marked in error, so it cannot be amended. Write a new entry instead."_s.arg(id)}};
        if (revisions == 0)
            throw Refusal{{ErrorCode::Conflict, u"entry %1 is still a draft; change the draft and finalise it instead of amending it."_s.arg(id)}};
        if (kindOf(entry) != kind)
            throw Refusal{{ErrorCode::Conflict, u"entry %1 is a %2; an amendment cannot change its kind."_s
                                                    .arg(id, kind == u"incident" ? u"fire-setting incident record"_s : u"case note"_s)}};
        auto draft = m_db->prepare("SELECT author_id FROM drafts WHERE entry_id = ?1");
        draft.bind(1, id);
        if (draft.next())
            throw Refusal{{ErrorCode::Conflict, u"%1 is drafting an amendment of entry %2; finalise or discard that draft first."_s
                                                    .arg(actorDisplay(userById(draft.integer(0))), id)}};
        auto first = m_db->prepare("SELECT content FROM revisions WHERE entry_id = ?1 AND number = 1");
        first.bind(1, id);
        first.next();
        const record::Entry original = parseContent(first.text(0), id);
        entry.id = id;
        entry.writtenAt = original.writtenAt;
        entry.author = original.author;
        auto latest = m_db->prepare("SELECT content FROM revisions WHERE entry_id = ?1 AND number = ?2");
        latest.bind(1, id).bind(2, revisions);
        latest.next();
        if (parseContent(latest.text(0), id) == entry)
            throw Refusal{{ErrorCode::Conflict, u"the amendment of entry %1 changes nothing: it is the same as revision %2, so no revision "
                                                u"was added. Change what was wrong or missing, then amend."_s.arg(id).arg(revisions)}};
        const Snapshot snap = assessForFinal(loadPerson(personId), entry, leftReasons, {});
        Revision r = writeRevision(id, personId, entry, revisions + 1, actor, now(), reason.trimmed(), snap, u"amend"_s, {});
        t.commit();
        return r;
    });
}

StoreResult<Done> SqliteStore::markInError(const QString &entryId, const QString &reason, const Actor &actor)
{
    if (auto refused = refuseWrite(actor))
        return *refused;
    if (reason.trimmed().isEmpty())
        return StoreError{ErrorCode::Invalid, u"marking an entry in error needs a reason (for example: written in the wrong person's file)."_s};
    return guarded<Done>(u"The entry was not marked in error."_s, [&]() -> StoreResult<Done> {
        sql::Transaction t(*m_db);
        const QString id = resolveEntryId(entryId);
        auto row = m_db->prepare("SELECT person_id, revisions, in_error FROM entries WHERE id = ?1");
        row.bind(1, id);
        row.next();
        const QString personId = row.text(0);
        if (row.integer(2) != 0)
            throw Refusal{{ErrorCode::Conflict, u"entry %1 is already marked in error."_s.arg(id)}};
        if (row.integer(1) == 0)
            throw Refusal{{ErrorCode::Conflict, u"entry %1 is a draft that was never finalised: discard the draft instead."_s.arg(id)}};
        const qint64 actorId = userId(actor);
        const QDateTime at = now();
        QJsonObject detail{{u"reason"_s, reason.trimmed()}};
        auto draft = m_db->prepare("SELECT author_id FROM drafts WHERE entry_id = ?1");
        draft.bind(1, id);
        if (draft.next()) {
            detail.insert(u"discarded_amendment_draft_by"_s, actorDisplay(userById(draft.integer(0))));
            m_db->prepare("DELETE FROM drafts WHERE entry_id = ?1").bind(1, id).run();
        }
        m_db->prepare("INSERT INTO errors(entry_id, at, actor_id, reason) VALUES (?1, ?2, ?3, ?4)")
            .bind(1, id).bind(2, iso(at)).bind(3, actorId).bind(4, reason.trimmed()).run();
        m_db->prepare("UPDATE entries SET in_error = 1 WHERE id = ?1").bind(1, id).run();
        appendAudit(actor, u"mark-in-error"_s, personId, id, std::nullopt, detail);
        t.commit();
        return Done{};
    });
}

StoreResult<std::vector<QString>> SqliteStore::importCaseFiles(const std::vector<record::CaseFile> &caseFiles, const Actor &actor,
                                                               const ImportOptions &options, const Progress &progress)
{
    if (auto refused = refuseWrite(actor))
        return *refused;
    return guarded<std::vector<QString>>(u"Nothing was imported."_s, [&]() -> StoreResult<std::vector<QString>> {
        sql::Transaction t(*m_db);
        std::vector<QString> ids;
        qint64 total = 0, done = 0;
        for (const record::CaseFile &cf : caseFiles)
            total += qint64(cf.entries.size());
        const qint64 actorId = userId(actor);
        for (const record::CaseFile &cf : caseFiles) {
            record::Person person = cf.person;
            person.name = person.name.trimmed();
            bool personExists = false;
            if (!person.id.isEmpty()) {
                auto p = m_db->prepare("SELECT name FROM people WHERE id = ?1");
                p.bind(1, person.id);
                if (p.next()) {
                    personExists = true;
                    if (p.text(0).simplified().compare(person.name.simplified(), Qt::CaseInsensitive) != 0)
                        throw Refusal{{ErrorCode::Conflict, u"the file's person id \"%1\" is used for %2 in %3, but the file is about %4. "
                                                            u"Nothing was imported; check that this is the right file."_s
                                                                .arg(person.id, p.text(0), m_path, person.name)}};
                }
            }
            if (!personExists) {
                if (person.id.isEmpty()) {
                    do {
                        person.id = newId("P-");
                    } while (m_db->prepare("SELECT 1 FROM people WHERE id = ?1").bind(1, person.id).next());
                }
                m_db->prepare("INSERT INTO people(id, name, other_names, date_of_birth, created_at, created_by) VALUES (?1, ?2, ?3, ?4, ?5, ?6)")
                    .bind(1, person.id).bind(2, person.name)
                    .bind(3, QString::fromUtf8(QJsonDocument(QJsonArray::fromStringList(person.otherNames)).toJson(QJsonDocument::Compact)))
                    .bind(4, person.dateOfBirth.isValid() ? person.dateOfBirth.toString(Qt::ISODate) : QString())
                    .bind(5, iso(now())).bind(6, actorId).run();
                appendAudit(actor, u"add-person"_s, person.id, {}, std::nullopt,
                            QJsonObject{{u"name"_s, person.name}, {u"source"_s, options.sourceName}});
            }
            for (const record::Entry &original : cf.entries) {
                if (progress && !progress(done, total))
                    throw Refusal{{ErrorCode::Cancelled, u"import cancelled; nothing was imported."_s}};
                ++done;
                record::Entry e = original;
                if (e.id.isEmpty()) {
                    do {
                        e.id = newId("E-");
                    } while (m_db->prepare("SELECT 1 FROM entries WHERE id = ?1").bind(1, e.id).next());
                } else if (m_db->prepare("SELECT 1 FROM entries WHERE id = ?1").bind(1, e.id).next()) {
                    throw Refusal{{ErrorCode::Conflict, u"entry \"%1\" is already in %2. Nothing was imported (an import is all or nothing); "
                                                        u"remove that entry from the file or give it a new id."_s.arg(e.id, m_path)}};
                }
                const QDateTime at = now();
                m_db->prepare("INSERT INTO entries(id, person_id, kind, created_at, created_by) VALUES (?1, ?2, ?3, ?4, ?5)")
                    .bind(1, e.id).bind(2, person.id).bind(3, kindOf(e)).bind(4, iso(at)).bind(5, actorId).run();
                if (options.asDrafts) {
                    e.writtenAt = at;
                    e.author = actor;
                    m_db->prepare("INSERT INTO drafts(entry_id, author_id, base_revision, content, started_at, updated_at) VALUES (?1, ?2, 0, ?3, ?4, ?4)")
                        .bind(1, e.id).bind(2, actorId).bind(3, storable(e)).bind(4, iso(at)).run();
                    updateHead(e.id, e, std::nullopt, actorId);
                    indexEntry(e.id, person, e);
                    appendAudit(actor, u"import"_s, person.id, e.id, std::nullopt,
                                QJsonObject{{u"source"_s, options.sourceName}, {u"as"_s, u"draft"_s}});
                } else {
                    // Written elsewhere: the author and the time of writing are the file's; the importer is in the audit.
                    const Actor author = e.author.name.isEmpty() ? actor : e.author;
                    const QDateTime writtenAt = e.writtenAt.isValid() ? e.writtenAt : at;
                    const Snapshot snap = assessForFinal(person, e, {},
                                                         u"Imported from %1; written before it came into Fairnote."_s
                                                             .arg(options.sourceName.isEmpty() ? u"another system"_s : options.sourceName));
                    writeRevision(e.id, person.id, e, 1, author, writtenAt, QString(), snap, u"import"_s,
                                  QJsonObject{{u"source"_s, options.sourceName}, {u"imported_by"_s, actorDisplay(actor)}});
                }
                ids.push_back(e.id);
            }
        }
        t.commit();
        if (progress)
            progress(total, total);
        return ids;
    });
}

StoreResult<record::CaseFile> SqliteStore::caseFile(const QString &personId, bool includeInError)
{
    return guarded<record::CaseFile>({}, [&]() -> StoreResult<record::CaseFile> {
        record::CaseFile cf;
        cf.person = loadPerson(personId);
        auto s = m_db->prepare("SELECT e.id, r.content FROM entries e JOIN revisions r ON r.entry_id = e.id AND r.number = e.revisions "
                               "WHERE e.person_id = ?1 AND e.revisions > 0 AND (?2 OR e.in_error = 0) "
                               "ORDER BY e.event_sort IS NULL, e.event_sort, e.written_at, e.id");
        s.bind(1, personId).bind(2, includeInError ? 1 : 0);
        while (s.next())
            cf.entries.push_back(parseContent(s.text(1), s.text(0)));
        return cf;
    });
}

// ---- reading ------------------------------------------------------------------------------------

constexpr const char *kSummaryColumns =
    "SELECT e.id, e.person_id, p.name, e.kind, e.revisions, e.in_error, e.event_json, e.summary, e.written_at, "
    "u.name, u.role, u.organisation, e.late_seconds, d.author_id, du.name, du.role, du.organisation, d.updated_at, "
    "(SELECT ev.state FROM signoffs so JOIN signoff_events ev ON ev.signoff_id = so.id WHERE so.entry_id = e.id "
    " AND so.revision = e.revisions ORDER BY ev.id DESC LIMIT 1), (SELECT max(rv.reviewed_at) FROM reviews rv WHERE rv.entry_id = e.id), "
    "(SELECT rv.returned FROM reviews rv WHERE rv.entry_id = e.id AND rv.revision = e.revisions ORDER BY rv.id DESC LIMIT 1) "
    "FROM entries e JOIN people p ON p.id = e.person_id LEFT JOIN users u ON u.id = e.author_id "
    "LEFT JOIN drafts d ON d.entry_id = e.id LEFT JOIN users du ON du.id = d.author_id ";

EntrySummary SqliteStore::summaryFromRow(sql::Statement &s)
{
    EntrySummary e;
    e.id = s.text(0);
    e.personId = s.text(1);
    e.personName = s.text(2);
    e.incident = s.text(3) == u"incident";
    e.revisions = int(s.integer(4));
    e.status = statusOf(e.revisions, s.integer(5) != 0);
    e.eventDate = eventDateFromJson(s.text(6));
    e.summary = s.text(7);
    e.writtenAt = fromIso(s.text(8));
    e.author = Actor{s.text(9), s.text(10), s.text(11)};
    if (!s.isNull(12))
        e.lateSeconds = s.integer(12);
    e.hasDraft = !s.isNull(13);
    if (e.hasDraft)
        e.draftAuthor = Actor{s.text(14), s.text(15), s.text(16)};
    e.signOff = s.text(18);
    if (!s.isNull(19))
        e.lastReviewed = fromIso(s.text(19));
    e.returnedForCorrection = s.integer(20) != 0 && e.status != EntryStatus::InError;
    return e;
}

StoreResult<std::vector<EntrySummary>> SqliteStore::entries(const ListFilter &filter, const Actor &viewer)
{
    return guarded<std::vector<EntrySummary>>({}, [&]() -> StoreResult<std::vector<EntrySummary>> {
        const qint64 viewerId = findUserId(viewer).value_or(-1);
        static const QByteArray byPerson = QByteArray(kSummaryColumns) +
            "WHERE e.person_id = ?1 AND (e.revisions > 0 OR d.author_id = ?2 OR ?3) AND (?4 OR e.in_error = 0) "
            "ORDER BY e.event_sort IS NULL, e.event_sort, e.written_at, e.id";
        static const QByteArray all = QByteArray(kSummaryColumns) +
            "WHERE (e.revisions > 0 OR d.author_id = ?2 OR ?3) AND (?4 OR e.in_error = 0) "
            "ORDER BY p.name COLLATE NOCASE, p.id, e.event_sort IS NULL, e.event_sort, e.written_at, e.id";
        auto s = m_db->prepare(filter.personId.isEmpty() ? all.constData() : byPerson.constData());
        if (!filter.personId.isEmpty()) {
            s.bind(1, filter.personId);
            if (!m_db->prepare("SELECT 1 FROM people WHERE id = ?1").bind(1, filter.personId).next())
                throw Refusal{{ErrorCode::NotFound, u"there is no person with the id \"%1\" in %2."_s.arg(filter.personId, m_path)}};
        }
        s.bind(2, viewerId).bind(3, filter.othersDrafts ? 1 : 0).bind(4, filter.includeInError ? 1 : 0);
        std::vector<EntrySummary> out;
        while (s.next())
            out.push_back(summaryFromRow(s));
        return out;
    });
}

StoreResult<EntryDetail> SqliteStore::entry(const QString &idOrPrefix)
{
    return guarded<EntryDetail>({}, [&]() -> StoreResult<EntryDetail> {
        const QString id = resolveEntryId(idOrPrefix);
        EntryDetail d;
        {
            static const QByteArray one = QByteArray(kSummaryColumns) + "WHERE e.id = ?1";
            auto s = m_db->prepare(one.constData());
            s.bind(1, id);
            s.next();
            d.summary = summaryFromRow(s);
        }
        auto r = m_db->prepare("SELECT r.id, r.number, r.content, u.name, u.role, u.organisation, r.written_at, r.reason, "
                               "r.late_seconds, r.hash FROM revisions r JOIN users u ON u.id = r.author_id "
                               "WHERE r.entry_id = ?1 ORDER BY r.number");
        r.bind(1, id);
        std::vector<std::pair<qint64, Revision>> revisions;
        while (r.next()) {
            Revision rev;
            rev.number = int(r.integer(1));
            rev.entry = parseContent(r.text(2), id);
            rev.author = Actor{r.text(3), r.text(4), r.text(5)};
            rev.writtenAt = fromIso(r.text(6));
            rev.reason = r.text(7);
            if (!r.isNull(8))
                rev.lateSeconds = r.integer(8);
            rev.hash = r.text(9);
            revisions.emplace_back(r.integer(0), std::move(rev));
        }
        for (auto &[rowId, rev] : revisions) {
            rev.snapshot = loadSnapshot(rowId);
            d.revisions.push_back(std::move(rev));
        }
        auto dr = m_db->prepare("SELECT d.content, u.name, u.role, u.organisation, d.started_at, d.updated_at, d.base_revision "
                                "FROM drafts d JOIN users u ON u.id = d.author_id WHERE d.entry_id = ?1");
        dr.bind(1, id);
        if (dr.next()) {
            Draft draft;
            draft.entry = parseContent(dr.text(0), id);
            draft.author = Actor{dr.text(1), dr.text(2), dr.text(3)};
            draft.startedAt = fromIso(dr.text(4));
            draft.updatedAt = fromIso(dr.text(5));
            draft.baseRevision = int(dr.integer(6));
            d.draft = std::move(draft);
        }
        auto er = m_db->prepare("SELECT x.at, u.name, u.role, u.organisation, x.reason FROM errors x JOIN users u ON u.id = x.actor_id "
                                "WHERE x.entry_id = ?1");
        er.bind(1, id);
        if (er.next())
            d.inError = InErrorMark{fromIso(er.text(0)), Actor{er.text(1), er.text(2), er.text(3)}, er.text(4)};
        auto df = m_db->prepare("SELECT f.flagged_at, u.name, u.role, u.organisation, f.reason, f.released_at, r.name, r.role, "
                                "r.organisation, f.release_note FROM disclosure_flags f JOIN users u ON u.id = f.flagged_by "
                                "LEFT JOIN users r ON r.id = f.released_by WHERE f.entry_id = ?1");
        df.bind(1, id);
        if (df.next())
            d.disclosure = DisclosureFlag{id, fromIso(df.text(0)), Actor{df.text(1), df.text(2), df.text(3)}, df.text(4),
                                          fromIso(df.text(5)), Actor{df.text(6), df.text(7), df.text(8)}, df.text(9)};
        return d;
    });
}

// The words of a query as an FTS5 expression that can never be a syntax error: each word quoted, all
// required, the last one also matching as a prefix (search as you type).
QString ftsQuery(const QString &query)
{
    QStringList terms;
    QString word;
    auto flush = [&] {
        if (!word.isEmpty())
            terms << u'"' + word + u'"';
        word.clear();
    };
    for (const QChar c : query) {
        if (c.isLetterOrNumber() || c.isMark())
            word += c;
        else
            flush();
    }
    flush();
    if (terms.isEmpty())
        return {};
    if (!query.isEmpty() && (query.back().isLetterOrNumber() || query.back().isMark()))
        terms.back() += u'*';
    return terms.join(u' ');
}

StoreResult<std::vector<SearchHit>> SqliteStore::search(const QString &query, const Actor &viewer, int limit)
{
    return guarded<std::vector<SearchHit>>({}, [&]() -> StoreResult<std::vector<SearchHit>> {
        std::vector<SearchHit> out;
        const QString q = ftsQuery(query);
        if (q.isEmpty())
            return out;
        const qint64 viewerId = findUserId(viewer).value_or(-1);
        // Best matches first, while ranking is cheap. A query matching very many entries (a common word)
        // is listed newest first instead: the index gives that order without scoring every match. In
        // both, the full-text table produces the order itself, so snippets are made only for the rows
        // shown.
        qint64 matches = 0;
        {
            auto count = m_db->prepare("SELECT count(*) FROM (SELECT 1 FROM search WHERE search MATCH ?1 LIMIT ?2)");
            count.bind(1, q).bind(2, kRankedSearchLimit + 1);
            if (count.next())
                matches = count.integer(0);
        }
        auto s = m_db->prepare(matches <= kRankedSearchLimit
            ? "SELECT e.id, e.person_id, p.name, e.kind, e.revisions, e.in_error, "
              "  snippet(search, -1, char(2), char(3), '…', 16), search.rank "
              "FROM search JOIN entries e ON e.rowid = search.rowid JOIN people p ON p.id = e.person_id "
              "LEFT JOIN drafts d ON d.entry_id = e.id "
              "WHERE search MATCH ?1 AND (e.revisions > 0 OR d.author_id = ?2) ORDER BY search.rank LIMIT ?3"
            : "SELECT e.id, e.person_id, p.name, e.kind, e.revisions, e.in_error, "
              "  snippet(search, -1, char(2), char(3), '…', 16), 0 "
              "FROM search JOIN entries e ON e.rowid = search.rowid JOIN people p ON p.id = e.person_id "
              "LEFT JOIN drafts d ON d.entry_id = e.id "
              "WHERE search MATCH ?1 AND (e.revisions > 0 OR d.author_id = ?2) ORDER BY search.rowid DESC LIMIT ?3");
        s.bind(1, q).bind(2, viewerId).bind(3, limit);
        while (s.next()) {
            SearchHit h;
            h.entryId = s.text(0);
            h.personId = s.text(1);
            h.personName = s.text(2);
            h.incident = s.text(3) == u"incident";
            h.status = statusOf(int(s.integer(4)), s.integer(5) != 0);
            const QString marked = s.text(6);
            int start = -1;
            for (const QChar c : marked) {
                if (c == QChar(2)) {
                    start = int(h.snippet.size());
                } else if (c == QChar(3)) {
                    if (start >= 0)
                        h.highlights.emplace_back(start, int(h.snippet.size()) - start);
                    start = -1;
                } else {
                    h.snippet += c == u'\n' ? u' ' : c;
                }
            }
            h.rank = s.real(7);
            out.push_back(std::move(h));
        }
        return out;
    });
}

// ---- review before disclosure -------------------------------------------------------------------

StoreResult<Done> SqliteStore::flagForDisclosureReview(const QString &entryId, const QString &reason, const Actor &actor)
{
    if (auto refused = refuseWrite(actor))
        return *refused;
    if (reason.trimmed().isEmpty())
        return StoreError{ErrorCode::Invalid, u"flagging an entry for review before disclosure needs a reason (for example: it names a neighbour who reported the fire)."_s};
    return guarded<Done>(u"The entry was not flagged."_s, [&]() -> StoreResult<Done> {
        sql::Transaction t(*m_db);
        const QString id = resolveEntryId(entryId);
        if (m_db->prepare("SELECT 1 FROM disclosure_flags WHERE entry_id = ?1").bind(1, id).next())
            throw Refusal{{ErrorCode::Conflict, u"entry %1 is already flagged for review before disclosure."_s.arg(id)}};
        auto p = m_db->prepare("SELECT person_id FROM entries WHERE id = ?1");
        p.bind(1, id);
        p.next();
        const QString person = p.text(0);
        m_db->prepare("INSERT INTO disclosure_flags(entry_id, flagged_at, flagged_by, reason) VALUES (?1, ?2, ?3, ?4)")
            .bind(1, id).bind(2, iso(now())).bind(3, userId(actor)).bind(4, reason.trimmed()).run();
        appendAudit(actor, u"flag-for-disclosure-review"_s, person, id, std::nullopt, QJsonObject{{u"reason"_s, reason.trimmed()}});
        t.commit();
        return Done{};
    });
}

StoreResult<Done> SqliteStore::releaseForDisclosure(const QString &entryId, const QString &note, const Actor &actor)
{
    if (auto refused = refuseWrite(actor))
        return *refused;
    return guarded<Done>(u"The entry was not released."_s, [&]() -> StoreResult<Done> {
        sql::Transaction t(*m_db);
        const QString id = resolveEntryId(entryId);
        auto f = m_db->prepare("SELECT f.released_at, e.person_id FROM disclosure_flags f JOIN entries e ON e.id = f.entry_id WHERE f.entry_id = ?1");
        f.bind(1, id);
        if (!f.next())
            throw Refusal{{ErrorCode::Conflict, u"entry %1 is not flagged for review before disclosure, so there is nothing to release."_s.arg(id)}};
        if (!f.isNull(0))
            throw Refusal{{ErrorCode::Conflict, u"entry %1 was already released for disclosure."_s.arg(id)}};
        const QString person = f.text(1);
        m_db->prepare("UPDATE disclosure_flags SET released_at = ?2, released_by = ?3, release_note = ?4 WHERE entry_id = ?1")
            .bind(1, id).bind(2, iso(now())).bind(3, userId(actor)).bind(4, nn(note.trimmed())).run();
        appendAudit(actor, u"release-for-disclosure"_s, person, id, std::nullopt, QJsonObject{{u"note"_s, note.trimmed()}});
        t.commit();
        return Done{};
    });
}

StoreResult<std::vector<DisclosureFlag>> SqliteStore::disclosureFlags(const QString &personId)
{
    return guarded<std::vector<DisclosureFlag>>({}, [&]() -> StoreResult<std::vector<DisclosureFlag>> {
        auto df = m_db->prepare("SELECT f.entry_id, f.flagged_at, u.name, u.role, u.organisation, f.reason, f.released_at, r.name, "
                                "r.role, r.organisation, f.release_note FROM disclosure_flags f JOIN entries e ON e.id = f.entry_id "
                                "JOIN users u ON u.id = f.flagged_by LEFT JOIN users r ON r.id = f.released_by "
                                "WHERE ?1 IS NULL OR e.person_id = ?1 ORDER BY f.flagged_at, f.entry_id");
        df.bind(1, personId.isEmpty() ? QString() : personId);
        std::vector<DisclosureFlag> out;
        while (df.next())
            out.push_back({df.text(0), fromIso(df.text(1)), Actor{df.text(2), df.text(3), df.text(4)}, df.text(5), fromIso(df.text(6)),
                           Actor{df.text(7), df.text(8), df.text(9)}, df.text(10)});
        return out;
    });
}

// ---- supervision: reviews and sign-off -----------------------------------------------------------

StoreResult<qint64> SqliteStore::recordReview(const Review &review, const Actor &reviewer)
{
    if (auto refused = refuseWrite(reviewer))
        return *refused;
    return guarded<qint64>(u"The review was not saved."_s, [&]() -> StoreResult<qint64> {
        sql::Transaction t(*m_db);
        const QString id = resolveEntryId(review.entryId);
        auto row = m_db->prepare("SELECT e.person_id, e.revisions, e.in_error FROM entries e WHERE e.id = ?1");
        row.bind(1, id);
        row.next();
        const QString personId = row.text(0);
        const int latest = int(row.integer(1));
        if (latest == 0)
            throw Refusal{{ErrorCode::Conflict, u"entry %1 is still a draft; only final entries are reviewed."_s.arg(id)}};
        if (row.integer(2) != 0)
            throw Refusal{{ErrorCode::Conflict, u"entry %1 is marked in error, so it is no longer part of the record to review."_s.arg(id)}};
        const int revision = review.revision > 0 ? review.revision : latest;
        auto rev = m_db->prepare("SELECT 1 FROM revisions WHERE entry_id = ?1 AND number = ?2");
        rev.bind(1, id).bind(2, revision);
        if (!rev.next())
            throw Refusal{{ErrorCode::NotFound, u"entry %1 has no revision %2."_s.arg(id).arg(revision)}};
        if (wroteEntry(id, reviewer)) // any revision's author, under any role or organisation
            throw Refusal{{ErrorCode::Invalid, u"you wrote this entry, so you cannot review it: a review is someone else's reading of the record."_s}};
        for (const QualityScore &q : review.quality)
            if (q.score < 0 || q.score > 4)
                throw Refusal{{ErrorCode::Invalid, u"the score for %1 must be 1 to 4 (or 0 for not scored)."_s.arg(q.criterion)}};
        if (!review.returned && std::none_of(review.quality.begin(), review.quality.end(), [](const QualityScore &q) { return q.score > 0; }))
            throw Refusal{{ErrorCode::Invalid, u"a review needs at least one quality score from 1 to 4 (or return the entry with a comment)."_s}};
        if (review.returned && review.comment.trimmed().isEmpty())
            throw Refusal{{ErrorCode::Invalid, u"returning an entry for correction needs a comment saying what to correct."_s}};
        QJsonArray quality;
        for (const QualityScore &q : review.quality)
            quality.append(QJsonObject{{u"criterion"_s, q.criterion}, {u"score"_s, q.score}, {u"evidence"_s, q.evidence}, {u"comment"_s, q.comment}});
        const QString qualityText = QString::fromUtf8(QJsonDocument(quality).toJson(QJsonDocument::Compact));
        const QString completenessText = compact(review.completeness);
        const QString at = iso(now());
        const QString hash = reviewHash(id, revision, reviewer.name, reviewer.role, reviewer.organisation, at, completenessText, qualityText,
                                        review.comment.trimmed(), review.returned);
        m_db->prepare("INSERT INTO reviews(entry_id, revision, reviewer_id, reviewed_at, completeness, quality, comment, returned, hash) "
                      "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)")
            .bind(1, id).bind(2, revision).bind(3, userId(reviewer)).bind(4, at).bind(5, completenessText).bind(6, qualityText)
            .bind(7, nn(review.comment.trimmed())).bind(8, review.returned ? 1 : 0).bind(9, hash).run();
        const qint64 reviewId = m_db->lastInsertRowId();
        appendAudit(reviewer, u"review"_s, personId, id, revision,
                    QJsonObject{{u"review"_s, reviewId}, {u"review_hash"_s, hash}, {u"returned"_s, review.returned}});
        t.commit();
        return reviewId;
    });
}

StoreResult<std::vector<Review>> SqliteStore::reviews(const QString &entryId)
{
    return guarded<std::vector<Review>>({}, [&]() -> StoreResult<std::vector<Review>> {
        const QString id = entryId.isEmpty() ? QString() : resolveEntryId(entryId);
        auto r = m_db->prepare("SELECT r.id, r.entry_id, r.revision, u.name, u.role, u.organisation, r.reviewed_at, r.completeness, "
                               "r.quality, r.comment, r.returned, r.hash FROM reviews r JOIN users u ON u.id = r.reviewer_id "
                               "WHERE ?1 IS NULL OR r.entry_id = ?1 ORDER BY r.id");
        r.bind(1, id);
        std::vector<Review> out;
        while (r.next()) {
            Review v;
            v.id = r.integer(0);
            v.entryId = r.text(1);
            v.revision = int(r.integer(2));
            v.reviewer = Actor{r.text(3), r.text(4), r.text(5)};
            v.reviewedAt = fromIso(r.text(6));
            v.completeness = parseObject(r.text(7));
            for (const QJsonValue &q : QJsonDocument::fromJson(r.text(8).toUtf8()).array()) {
                const QJsonObject o = q.toObject();
                v.quality.push_back({o.value(u"criterion"_s).toString(), o.value(u"score"_s).toInt(), o.value(u"evidence"_s).toString(),
                                     o.value(u"comment"_s).toString()});
            }
            v.comment = r.text(9);
            v.returned = r.integer(10) != 0;
            v.hash = r.text(11);
            out.push_back(std::move(v));
        }
        return out;
    });
}

StoreResult<qint64> SqliteStore::requestSignOff(const QString &subject, const QString &personId, const QString &entryId,
                                                const QString &documentHash, const QString &document, const QString &comment,
                                                const Actor &actor)
{
    if (auto refused = refuseWrite(actor))
        return *refused;
    if (subject != u"entry" && subject != u"summary")
        return StoreError{ErrorCode::Invalid, u"sign-off is for an entry or a summary."_s};
    return guarded<qint64>(u"Sign-off was not requested."_s, [&]() -> StoreResult<qint64> {
        sql::Transaction t(*m_db);
        QString id, person = personId;
        int revision = 0;
        if (subject == u"entry") {
            id = resolveEntryId(entryId);
            auto row = m_db->prepare("SELECT person_id, revisions, in_error, kind FROM entries WHERE id = ?1");
            row.bind(1, id);
            row.next();
            person = row.text(0);
            revision = int(row.integer(1));
            if (row.text(3) != u"incident")
                throw Refusal{{ErrorCode::Invalid, u"entry %1 is a case note: sign-off is for fire-setting incident records and referral summaries."_s.arg(id)}};
            if (revision == 0)
                throw Refusal{{ErrorCode::Conflict, u"entry %1 is still a draft: finalise it before asking for sign-off."_s.arg(id)}};
            if (row.integer(2) != 0)
                throw Refusal{{ErrorCode::Conflict, u"entry %1 is marked in error."_s.arg(id)}};
            // A request for an earlier revision does not block one for the current revision: that one can no longer be approved.
            auto open = m_db->prepare("SELECT 1 FROM signoffs so WHERE so.entry_id = ?1 AND so.revision = ?2 AND (SELECT ev.state FROM "
                                      "signoff_events ev WHERE ev.signoff_id = so.id ORDER BY ev.id DESC LIMIT 1) = 'requested'");
            open.bind(1, id).bind(2, revision);
            if (open.next())
                throw Refusal{{ErrorCode::Conflict, u"sign-off of entry %1 is already requested and waiting for a decision."_s.arg(id)}};
        } else {
            loadPerson(person);
            if (documentHash.isEmpty())
                throw Refusal{{ErrorCode::Invalid, u"a summary's sign-off needs the summary."_s}};
            auto open = m_db->prepare("SELECT so.id FROM signoffs so WHERE so.subject = 'summary' AND so.person_id = ?1 AND "
                                      "so.document_hash = ?2 AND (SELECT ev.state FROM signoff_events ev WHERE ev.signoff_id = so.id "
                                      "ORDER BY ev.id DESC LIMIT 1) IN ('requested', 'approved')");
            open.bind(1, person).bind(2, documentHash);
            if (open.next())
                throw Refusal{{ErrorCode::Conflict, u"sign-off of this summary was already asked for (request %1); it needs no second request."_s
                                                        .arg(open.integer(0))}};
        }
        const qint64 actorId = userId(actor);
        const QString at = iso(now());
        m_db->prepare("INSERT INTO signoffs(subject, person_id, entry_id, revision, document_hash, document, requested_by, requested_at) "
                      "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)")
            .bind(1, subject).bind(2, person).bind(3, id.isEmpty() ? QString() : id).bind(4, revision)
            .bind(5, nn(documentHash)).bind(6, nn(subject == u"summary" ? document : QString())).bind(7, actorId).bind(8, at).run();
        const qint64 signOffId = m_db->lastInsertRowId();
        m_db->prepare("INSERT INTO signoff_events(signoff_id, state, actor_id, at, comment) VALUES (?1, 'requested', ?2, ?3, ?4)")
            .bind(1, signOffId).bind(2, actorId).bind(3, at).bind(4, nn(comment.trimmed())).run();
        appendAudit(actor, u"request-signoff"_s, person, id, revision > 0 ? std::optional<qint64>(revision) : std::nullopt,
                    QJsonObject{{u"signoff"_s, signOffId}, {u"subject"_s, subject}, {u"document_hash"_s, documentHash}});
        t.commit();
        return signOffId;
    });
}

StoreResult<Done> SqliteStore::decideSignOff(qint64 signOffId, SignOffState decision, const QString &comment, const Actor &actor)
{
    if (auto refused = refuseWrite(actor))
        return *refused;
    if (decision == SignOffState::Requested)
        return StoreError{ErrorCode::Invalid, u"a decision approves or returns."_s};
    if (decision == SignOffState::Returned && comment.trimmed().isEmpty())
        return StoreError{ErrorCode::Invalid, u"returning needs a comment saying what to correct."_s};
    return guarded<Done>(u"The decision was not saved."_s, [&]() -> StoreResult<Done> {
        sql::Transaction t(*m_db);
        auto so = m_db->prepare("SELECT so.subject, so.person_id, so.entry_id, so.revision, so.requested_by, "
                                "(SELECT ev.state FROM signoff_events ev WHERE ev.signoff_id = so.id ORDER BY ev.id DESC LIMIT 1) "
                                "FROM signoffs so WHERE so.id = ?1");
        so.bind(1, signOffId);
        if (!so.next())
            throw Refusal{{ErrorCode::NotFound, u"there is no sign-off request %1."_s.arg(signOffId)}};
        const QString subject = so.text(0), person = so.text(1), entry = so.text(2);
        const qint64 revision = so.integer(3), requester = so.integer(4);
        if (so.text(5) != u"requested")
            throw Refusal{{ErrorCode::Conflict, u"this sign-off was already decided (%1)."_s.arg(so.text(5))}};
        const qint64 actorId = userId(actor);
        auto requestedBy = m_db->prepare("SELECT name, role, organisation FROM users WHERE id = ?1");
        requestedBy.bind(1, requester);
        if (actorId == requester || (requestedBy.next() && samePerson(Actor{requestedBy.text(0), requestedBy.text(1), requestedBy.text(2)}, actor)))
            throw Refusal{{ErrorCode::Invalid, u"you asked for this sign-off, so someone else must decide it."_s}};
        if (subject == u"entry") {
            if (wroteEntry(entry, actor))
                throw Refusal{{ErrorCode::Invalid, u"you wrote this entry, so you cannot sign it off: someone else must."_s}};
            auto now = m_db->prepare("SELECT revisions, in_error FROM entries WHERE id = ?1");
            now.bind(1, entry);
            now.next();
            if (now.integer(1) != 0 && decision == SignOffState::Approved)
                throw Refusal{{ErrorCode::Conflict, u"entry %1 was marked in error after sign-off was asked for, so it cannot be signed off. "
                                                    u"Return the request with a comment instead."_s.arg(entry)}};
            if (now.integer(0) != revision && decision == SignOffState::Approved)
                throw Refusal{{ErrorCode::Conflict, u"entry %1 was amended after sign-off was asked for (revision %2 was put up; it is now at "
                                                    u"revision %3), so this request cannot be approved. Return it, and the author can ask "
                                                    u"again for the current revision."_s.arg(entry).arg(revision).arg(now.integer(0))}};
        }
        m_db->prepare("INSERT INTO signoff_events(signoff_id, state, actor_id, at, comment) VALUES (?1, ?2, ?3, ?4, ?5)")
            .bind(1, signOffId).bind(2, signOffStateId(decision)).bind(3, actorId).bind(4, iso(now())).bind(5, nn(comment.trimmed())).run();
        appendAudit(actor, decision == SignOffState::Approved ? u"approve-signoff"_s : u"return-signoff"_s, person,
                    entry, revision > 0 ? std::optional<qint64>(revision) : std::nullopt,
                    QJsonObject{{u"signoff"_s, signOffId}, {u"comment"_s, comment.trimmed()}});
        t.commit();
        return Done{};
    });
}

StoreResult<std::vector<SignOff>> SqliteStore::signOffs(const QString &personId)
{
    return guarded<std::vector<SignOff>>({}, [&]() -> StoreResult<std::vector<SignOff>> {
        auto so = m_db->prepare("SELECT so.id, so.subject, so.person_id, so.entry_id, so.revision, so.document_hash, u.name, u.role, "
                                "u.organisation, so.requested_at, so.document FROM signoffs so JOIN users u ON u.id = so.requested_by "
                                "WHERE ?1 IS NULL OR so.person_id = ?1 ORDER BY so.id");
        so.bind(1, personId.isEmpty() ? QString() : personId);
        std::vector<SignOff> out;
        QHash<qint64, size_t> index;
        while (so.next()) {
            SignOff s;
            s.id = so.integer(0);
            s.subject = so.text(1);
            s.personId = so.text(2);
            s.entryId = so.text(3);
            s.revision = int(so.integer(4));
            s.documentHash = so.text(5);
            s.requestedBy = Actor{so.text(6), so.text(7), so.text(8)};
            s.requestedAt = fromIso(so.text(9));
            s.document = so.text(10);
            index.insert(s.id, out.size());
            out.push_back(std::move(s));
        }
        auto ev = m_db->prepare("SELECT ev.signoff_id, ev.state, u.name, u.role, u.organisation, ev.at, ev.comment "
                                "FROM signoff_events ev JOIN users u ON u.id = ev.actor_id ORDER BY ev.id");
        while (ev.next()) {
            const auto it = index.constFind(ev.integer(0));
            if (it == index.constEnd())
                continue;
            const QString state = ev.text(1);
            out[*it].events.push_back({state == u"approved" ? SignOffState::Approved : state == u"returned" ? SignOffState::Returned
                                                                                                             : SignOffState::Requested,
                                       Actor{ev.text(2), ev.text(3), ev.text(4)}, fromIso(ev.text(5)), ev.text(6)});
        }
        return out;
    });
}

// ---- audit, verify, backup ----------------------------------------------------------------------

StoreResult<qint64> SqliteStore::logEvent(const Actor &actor, const QString &action, const QString &personId,
                                          const QString &entryId, const QJsonObject &detail)
{
    if (auto refused = refuseWrite(actor))
        return *refused;
    return guarded<qint64>(u"The event was not recorded in the audit trail."_s, [&]() -> StoreResult<qint64> {
        sql::Transaction t(*m_db);
        const qint64 seq = appendAudit(actor, action, personId, entryId, std::nullopt, detail);
        t.commit();
        return seq;
    });
}

StoreResult<std::vector<AuditRow>> SqliteStore::auditTrail(const QString &personId)
{
    return guarded<std::vector<AuditRow>>({}, [&]() -> StoreResult<std::vector<AuditRow>> {
        auto s = m_db->prepare("SELECT a.seq, a.at, u.name, u.role, u.organisation, a.action, a.person_id, a.entry_id, a.revision, "
                               "a.detail, a.prev_hash, a.hash FROM audit a LEFT JOIN users u ON u.id = a.actor_id "
                               "WHERE ?1 IS NULL OR a.person_id = ?1 ORDER BY a.seq");
        s.bind(1, personId.isEmpty() ? QString() : personId);
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
        return h.isEmpty() ? kZeroHash : h;
    });
}

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
            QString prev = kZeroHash;
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
            appendAudit(actor, u"backup"_s, {}, {}, std::nullopt,
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

// ---- opening ------------------------------------------------------------------------------------

bool canWrite(const QString &path)
{
    const QByteArray p = QFile::encodeName(path);
    const QByteArray dir = QFile::encodeName(QFileInfo(path).absolutePath());
    return ::access(p.constData(), W_OK) == 0 && ::access(dir.constData(), W_OK) == 0;
}

} // namespace

StoreResult<std::unique_ptr<Store>> openStore(const QString &path, const OpenOptions &options)
{
    const bool memory = path == u":memory:";
    const QFileInfo info(path);
    bool created = false; // the file is new or was empty: it becomes a case file
    bool madeHere = false; // Fairnote created the file, so it may remove it again if that fails
    if (!memory) {
        if (info.isDir())
            return StoreError{ErrorCode::NotFound, u"%1 is a folder, not a case file. Give the path of a case file (for example fairnote.db)."_s.arg(path)};
        if (!info.exists()) {
            if (options.create == OpenOptions::Create::No)
                return StoreError{ErrorCode::NotFound, u"there is no case file at %1."_s.arg(path)};
            if (!QDir().mkpath(info.absolutePath()))
                return StoreError{ErrorCode::Io, u"cannot create the folder %1. Check that you may write there."_s.arg(info.absolutePath())};
            // Owner-only from the start: SQLite gives its -wal and -shm files the same permissions.
            const int fd = ::open(QFile::encodeName(path).constData(), O_CREAT | O_EXCL | O_WRONLY | O_CLOEXEC, 0600);
            if (fd < 0)
                return StoreError{ErrorCode::Io, u"cannot create %1 (%2). Check that you may write to that folder."_s.arg(path, QString::fromLocal8Bit(std::strerror(errno)))};
            ::close(fd);
            created = true;
            madeHere = true;
        } else {
            QFile f(path);
            if (!f.open(QIODevice::ReadOnly))
                return StoreError{ErrorCode::Io, u"%1 cannot be read (%2). Check its permissions."_s.arg(path, f.errorString())};
            const QByteArray header = f.read(100);
            if (header.isEmpty()) {
                if (options.create == OpenOptions::Create::No)
                    return StoreError{ErrorCode::NotSqlite, u"%1 is an empty file, not a Fairnote case file. Fairnote has not changed it."_s.arg(path)};
                created = true;
                // An empty file becomes the case file: owner-only, as a new one would be.
                QFile::setPermissions(path, QFileDevice::ReadOwner | QFileDevice::WriteOwner);
            } else if (header.size() < 100 || !header.startsWith(QByteArrayView("SQLite format 3\0", 16))) {
                return StoreError{ErrorCode::NotSqlite, u"%1 is not a Fairnote case file (it is not an SQLite database at all). Fairnote has not changed it; check that this is the right file."_s.arg(path)};
            }
        }
    }

    QString readOnlyReason;
    if (options.readOnly)
        readOnlyReason = u"opened for reading only"_s;
    else if (!memory && !canWrite(path))
        readOnlyReason = ::access(QFile::encodeName(path).constData(), W_OK) != 0 ? u"you may not write to the file"_s
                                                                                 : u"you may not write to its folder"_s;
    if (created && !readOnlyReason.isEmpty())
        return StoreError{ErrorCode::ReadOnly, u"cannot create a case file at %1: %2."_s.arg(path, readOnlyReason)};

    std::unique_ptr<sql::Database> db;
    try {
        using Mode = sql::Database::Mode;
        db = std::make_unique<sql::Database>(path, readOnlyReason.isEmpty() ? Mode::ReadWrite : Mode::ReadOnly);
        db->setBusyTimeout(options.busyTimeoutMs);
        try {
            db->scalar("PRAGMA application_id");
        } catch (const sql::Failure &f) {
            // A file in WAL mode whose folder cannot be written cannot get its shared-memory file; read it as immutable.
            if (readOnlyReason.isEmpty() || (f.code() != sql::CantOpen && f.code() != sql::ReadOnly))
                throw;
            db = std::make_unique<sql::Database>(path, Mode::Immutable);
        }
        const quint32 appId = quint32(db->scalar("PRAGMA application_id"));
        const qint64 version = db->scalar("PRAGMA user_version");
        const qint64 tables = db->scalar("SELECT count(*) FROM sqlite_master");
        const quint32 wanted = options.kind == FileKind::Training ? kTrainingApplicationId : kApplicationId;
        const bool fresh = appId == 0 && version == 0 && tables == 0;
        // An SQLite database with nothing in it (as an interrupted first start leaves one) becomes the case
        // file only when asked to create one; it holds nothing to lose.
        if (fresh && !created && options.create == OpenOptions::Create::No)
            return StoreError{ErrorCode::NotFairnote, u"%1 is an empty SQLite database, not a Fairnote case file. Fairnote has not changed it."_s.arg(path)};
        if (!fresh) {
            if (appId == kTrainingApplicationId && options.kind == FileKind::Live)
                return StoreError{ErrorCode::NotFairnote, u"%1 is a training file of invented cases; it cannot be opened as a real case file. Open it in trainer mode."_s.arg(path)};
            if (appId == kApplicationId && options.kind == FileKind::Training)
                return StoreError{ErrorCode::NotFairnote, u"%1 holds real case records; trainer mode opens only training files."_s.arg(path)};
            if (appId != wanted)
                return StoreError{ErrorCode::NotFairnote, u"%1 is an SQLite database, but not a Fairnote case file (its application id is %2). Fairnote has not changed it."_s
                                                              .arg(path, u"0x"_s + QString::number(appId, 16).toUpper())};
            if (version > kSchemaVersion)
                return StoreError{ErrorCode::TooNew, u"%1 was written by a newer Fairnote (file format %2; this Fairnote reads up to %3). Update Fairnote to open it. The file has not been changed."_s
                                                         .arg(path).arg(version).arg(kSchemaVersion)};
            if (version < kSchemaVersion && !readOnlyReason.isEmpty())
                return StoreError{ErrorCode::ReadOnly, u"%1 was written by an older Fairnote and must be upgraded before it can be read, but %2."_s.arg(path, readOnlyReason)};
        }
        if (readOnlyReason.isEmpty()) {
            db->exec("PRAGMA journal_mode = WAL");
            db->exec("PRAGMA synchronous = FULL");
        }
        db->exec("PRAGMA foreign_keys = ON");
        if (options.maxPageCount > 0)
            db->exec(u"PRAGMA max_page_count = %1"_s.arg(options.maxPageCount));
        auto store = std::make_unique<SqliteStore>(std::move(db), path, options.kind, readOnlyReason);
        if (options.clock)
            store->setClock(options.clock);
        if (fresh) {
            store->initialise(options.kind);
            if (!memory) // whatever made the file, the case file is owner-only
                QFile::setPermissions(path, QFileDevice::ReadOwner | QFileDevice::WriteOwner);
        }
        else if (version < kSchemaVersion)
            store->upgrade(int(version));
        return std::unique_ptr<Store>(std::move(store));
    } catch (const sql::Failure &f) {
        if (madeHere)
            QFile::remove(path);
        return toError(f, path, {});
    }
}

} // namespace fairnote::store
