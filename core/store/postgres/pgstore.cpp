// SPDX-FileCopyrightText: 2026 Fairnote contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// The team server as a store::Store: opening, people, and writing entries (drafts, finalising,
// amending, marking in error, importing). Reading, supervision and verify are in pgreading.cpp.
#include "store/postgres/pgstore.h"

#include "store/postgres/failure.h"
#include "store/postgres/server.h"

#include "record/describe.h"
#include "record/interchange.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QRandomGenerator>

using namespace Qt::StringLiterals;

namespace fairnote::store::postgres {

namespace {

QString iso(const QDateTime &t) { return t.isValid() ? t.toUTC().toString(u"yyyy-MM-ddTHH:mm:ss.zzzZ"_s) : QString(); }
QDateTime fromIso(const QString &s)
{
    const QDateTime t = QDateTime::fromString(s, Qt::ISODateWithMs);
    return t.isValid() ? t.toUTC() : QDateTime();
}
QString compact(const QJsonObject &o) { return QString::fromUtf8(QJsonDocument(o).toJson(QJsonDocument::Compact)); }
QString compact(const QJsonArray &a) { return QString::fromUtf8(QJsonDocument(a).toJson(QJsonDocument::Compact)); }
QString kindOf(const record::Entry &e) { return e.isIncident() ? u"incident"_s : u"note"_s; }

// An entry id chosen on the client, so that saving again after a lost connection saves the same entry.
QString randomEntryId() { return u"E-"_s + QString::number(QRandomGenerator::global()->generate(), 16).toUpper().rightJustified(8, u'0'); }

QStringList namesFromJson(const QString &json)
{
    QStringList out;
    for (const QJsonValue &v : QJsonDocument::fromJson(json.toUtf8()).array())
        out << v.toString();
    return out;
}

QString namesJson(const QStringList &names) { return compact(QJsonArray::fromStringList(names)); }

} // namespace

QString snapshotJson(const Snapshot &s)
{
    QJsonArray prompts, findings;
    for (const SnapshotPrompt &p : s.prompts)
        prompts.append(QJsonObject{{u"field"_s, p.field}, {u"code"_s, p.code}, {u"severity"_s, p.severity}, {u"message"_s, p.message},
                                   {u"question"_s, p.question}, {u"left_reason"_s, p.leftReason}});
    for (const SnapshotFinding &f : s.findings)
        findings.append(QJsonObject{{u"field"_s, f.field}, {u"rule"_s, f.rule}, {u"category"_s, f.category}, {u"severity"_s, f.severity},
                                    {u"offset"_s, f.offset}, {u"length"_s, f.length}, {u"text"_s, f.text}, {u"message"_s, f.message}});
    return compact(QJsonObject{{u"prompts"_s, prompts}, {u"findings"_s, findings}});
}

Snapshot snapshotFromJson(const QString &json)
{
    Snapshot s;
    const QJsonObject o = QJsonDocument::fromJson(json.toUtf8()).object();
    for (const QJsonValue &v : o.value(u"prompts"_s).toArray()) {
        const QJsonObject p = v.toObject();
        s.prompts.push_back({p.value(u"field"_s).toString(), p.value(u"code"_s).toString(), p.value(u"severity"_s).toString(),
                             p.value(u"message"_s).toString(), p.value(u"question"_s).toString(), p.value(u"left_reason"_s).toString()});
    }
    for (const QJsonValue &v : o.value(u"findings"_s).toArray()) {
        const QJsonObject f = v.toObject();
        s.findings.push_back({f.value(u"field"_s).toString(), f.value(u"rule"_s).toString(), f.value(u"category"_s).toString(),
                              f.value(u"severity"_s).toString(), qint64(f.value(u"offset"_s).toDouble()),
                              qint64(f.value(u"length"_s).toDouble()), f.value(u"text"_s).toString(), f.value(u"message"_s).toString()});
    }
    return s;
}

QJsonObject headOf(const record::Person &person, const record::Entry &e)
{
    QStringList names{person.name};
    names += person.otherNames;
    names += e.peoplePresent;
    const QDateTime earliest = e.eventDate.earliest();
    const QDateTime latest = e.eventDate.latest();
    return QJsonObject{{u"event_sort"_s, earliest.isValid() ? QJsonValue(iso(earliest)) : QJsonValue()},
                       {u"event_latest"_s, latest.isValid() ? QJsonValue(iso(latest)) : QJsonValue()},
                       {u"event_json"_s, compact(record::eventDateToJson(e.eventDate))},
                       {u"summary"_s, record::summaryLine(e)},
                       {u"search_names"_s, names.join(u", "_s)},
                       {u"search_body"_s, record::narrativeText(e)}};
}

QString tsQuery(const QString &query)
{
    QStringList terms;
    QString word;
    auto flush = [&] {
        if (!word.isEmpty())
            terms << u'\'' + word + u'\'';
        word.clear();
    };
    for (const QChar c : query) {
        if (c.isLetterOrNumber() || c.isMark())
            word += c.toLower();
        else
            flush();
    }
    flush();
    if (terms.isEmpty())
        return {};
    if (!query.isEmpty() && (query.back().isLetterOrNumber() || query.back().isMark()))
        terms.back() += u":*"_s;
    return terms.join(u" & "_s);
}

// ---- opening ------------------------------------------------------------------------------------

PostgresStore::PostgresStore(std::unique_ptr<pg::Connection> connection, QString conninfo, Session session, FileKind kind,
                             bool testClock, QString readOnlyReason)
    : m_c(std::move(connection)), m_conninfo(std::move(conninfo)), m_session(std::move(session)), m_kind(kind), m_testClock(testClock),
      m_readOnlyReason(std::move(readOnlyReason))
{
}

QString PostgresStore::location() const
{
    const QString host = m_session.host.isEmpty() || m_session.host.startsWith(u'/') ? u"this computer"_s : m_session.host;
    // A test database's clock can be set (server init with a test clock): said wherever the server is named.
    const QString test = m_testClock ? u"; a test database whose clock can be set, so its times are not evidence"_s : QString();
    return u"the Fairnote server %1 on %2 (as %3%4)"_s.arg(m_session.database, host, m_session.login, test);
}

StoreResult<std::unique_ptr<Store>> openServer(const QString &conninfo, const ServerOpenOptions &options)
{
    auto connected = connectWith(conninfo, options.password);
    if (!connected)
        return connected.error();
    std::unique_ptr<pg::Connection> c = std::move(*connected);
    QHash<QString, QString> overrides;
    if (options.password)
        overrides.insert(u"password"_s, *options.password);
    const QString where = serverName(*c);
    try {
        if (!c->exec("SELECT to_regclass('fairnote.meta') IS NOT NULL").boolean(0, 0))
            return StoreError{ErrorCode::NotFairnote, u"%1 is not a Fairnote server (or your login may not use it). A superuser sets one up "
                                                      u"with 'fairnote-cli server init'."_s.arg(where)};
        QHash<QString, QString> meta;
        const pg::Result m = c->exec("SELECT key, value FROM fairnote.meta");
        for (int i = 0; i < m.rows(); ++i)
            meta.insert(m.text(i, 0), m.text(i, 1));
        const int version = meta.value(u"schema_version"_s).toInt();
        if (version > kServerSchemaVersion)
            return StoreError{ErrorCode::TooNew, u"%1 was set up by a newer Fairnote (schema version %2; this Fairnote knows up to %3). "
                                                 u"Update Fairnote."_s.arg(where).arg(version).arg(kServerSchemaVersion)};
        if (version < kServerSchemaVersion)
            return StoreError{ErrorCode::ReadOnly, u"%1 is at schema version %2 and this Fairnote needs %3: a superuser upgrades it with "
                                                   u"'fairnote-cli server upgrade'."_s.arg(where).arg(version).arg(kServerSchemaVersion)};
        const FileKind kind = meta.value(u"kind"_s) == u"training" ? FileKind::Training : FileKind::Live;
        if (kind == FileKind::Training && options.kind == FileKind::Live)
            return StoreError{ErrorCode::NotFairnote, u"%1 is a training server of invented cases; it cannot be opened as a real case record. "
                                                      u"Open it in trainer mode."_s.arg(where)};
        if (kind == FileKind::Live && options.kind == FileKind::Training)
            return StoreError{ErrorCode::NotFairnote, u"%1 holds real case records; trainer mode opens only training servers."_s.arg(where)};

        Session session;
        session.database = c->database();
        session.host = c->host();
        session.port = c->port();
        const pg::Result who = c->exec("SELECT login, staff_id, name, job_title, organisation, role, array_to_string(teams, chr(31)) "
                                       "FROM fairnote.whoami()");
        session.login = who.text(0, 0);
        if (who.isNull(0, 1))
            return StoreError{ErrorCode::Invalid, u"%1 is not on the staff of %2 (or has left). Ask an administrator to add you "
                                                  u"(fairnote-cli server staff add)."_s.arg(session.login, where)};
        session.actor = Actor{who.text(0, 2), who.text(0, 3), who.text(0, 4)};
        session.role = who.text(0, 5);
        session.teams = who.text(0, 6).isEmpty() ? QStringList() : who.text(0, 6).split(QChar(31));
        if (session.role.isEmpty())
            return StoreError{ErrorCode::Invalid, u"%1 has no single Fairnote role on %2 (worker, supervisor, trainer or administrator); "
                                                  u"ask an administrator to set one."_s.arg(session.login, where)};
        if (session.role == u"administrator")
            return StoreError{ErrorCode::Invalid, u"%1 is an administrator of %2: an administrator manages staff, teams and caseloads "
                                                  u"(fairnote-cli server …) and reads no case records. Log in as a worker or supervisor "
                                                  u"to open them."_s.arg(session.login, where)};
        if (session.role == u"trainer" && kind == FileKind::Live)
            return StoreError{ErrorCode::Invalid, u"%1 is a trainer: trainers use training servers of invented cases, not %2."_s
                                                  .arg(session.login, where)};
        QString readOnly;
        if (options.readOnly)
            readOnly = u"opened for reading only"_s;
        else if (c->exec("SELECT pg_is_in_recovery()").boolean(0, 0))
            readOnly = u"the server is a standby, which only reads"_s;
        if (!readOnly.isEmpty())
            c->exec("SET default_transaction_read_only = on");
        auto store = std::make_unique<PostgresStore>(std::move(c), conninfo, std::move(session), kind,
                                                     meta.value(u"test_clock"_s) == u"allowed", readOnly);
        store->setConnectionOverrides(overrides);
        if (options.clock)
            store->setClock(options.clock);
        store->setNewEntryId(options.newEntryId);
        return std::unique_ptr<Store>(std::move(store));
    } catch (const pg::Failure &f) {
        return toError(f, where);
    }
}

std::optional<Session> sessionOf(const Store &store)
{
    if (const auto *s = dynamic_cast<const PostgresStore *>(&store))
        return s->session();
    return std::nullopt;
}

QString connectionString(const ServerAddress &address)
{
    QHash<QString, QString> keywords;
    for (const auto &[key, value] : {std::pair{u"host"_s, &address.host}, std::pair{u"port"_s, &address.port},
                                     std::pair{u"dbname"_s, &address.database}, std::pair{u"user"_s, &address.login}})
        if (!value->trimmed().isEmpty())
            keywords.insert(key, value->trimmed());
    return pg::conninfoWith(QString(), keywords); // reads no connection string: never throws
}

StoreResult<Done> confirmPassword(const Store &store, const QString &password)
{
    if (const auto *s = dynamic_cast<const PostgresStore *>(&store))
        return s->confirmPassword(password);
    return StoreError{ErrorCode::Invalid, u"%1 is not on a team server: it has no login to check a password for."_s.arg(store.location())};
}

StoreResult<Done> PostgresStore::confirmPassword(const QString &password) const
{
    // libpq takes an empty password as none given, and would then use the connection string's, or
    // ~/.pgpass's: a lock would open with no password at all.
    if (password.isEmpty())
        return StoreError{ErrorCode::NeedsPassword, u"give the password of %1."_s.arg(m_session.login)};
    QHash<QString, QString> overrides = m_overrides;
    overrides.insert(u"user"_s, m_session.login);
    overrides.insert(u"password"_s, password);
    try {
        const pg::Connection check(m_conninfo, overrides);
        if (check.user() != m_session.login)
            return StoreError{ErrorCode::NeedsPassword, u"the server let in %1 instead of %2."_s.arg(check.user(), m_session.login)};
        return Done{};
    } catch (const pg::Failure &f) {
        if (f.sqlState() == QLatin1String(pg::kNeedsPasswordState) || f.sqlState() == u"28P01"_s)
            return StoreError{ErrorCode::NeedsPassword, u"the server did not accept that password for %1."_s.arg(m_session.login)};
        return StoreError{ErrorCode::Io, u"the server cannot be reached to check the password (%1). Try again when the connection is back."_s
                                             .arg(f.message())};
    }
}

// ---- helpers -------------------------------------------------------------------------------------

std::optional<StoreError> PostgresStore::refuseWrite() const
{
    if (isReadOnly())
        return StoreError{ErrorCode::ReadOnly, u"%1 is open for reading only (%2), so nothing can be changed."_s.arg(location(), m_readOnlyReason)};
    return std::nullopt;
}

QDateTime PostgresStore::writeTime()
{
    if (m_testClock && m_clock)
        m_c->exec("SELECT set_config('fairnote.clock', $1, true)", pg::Params{iso(m_clock())});
    return fromIso(m_c->exec("SELECT fairnote.iso(fairnote.clock())").text(0, 0));
}

void PostgresStore::recordView(const QString &personId, const QString &entryId, const QString &what)
{
    if (isReadOnly() || personId.isEmpty())
        return;
    const QString key = personId + u' ' + entryId + u' ' + what;
    const QDateTime now = QDateTime::currentDateTimeUtc();
    if (auto it = m_recentViews.constFind(key); it != m_recentViews.constEnd() && it->secsTo(now) < 300)
        return;
    QJsonObject detail{{u"what"_s, what}};
    m_c->exec("SELECT fairnote.log_event('view', $1, $2, $3)",
              pg::Params{personId, entryId.isEmpty() ? QString() : entryId, compact(detail)});
    m_recentViews.insert(key, now);
}

QString PostgresStore::resolveEntryId(const QString &idOrPrefix)
{
    const QString wanted = idOrPrefix.trimmed();
    if (wanted.isEmpty())
        throw Refusal{{ErrorCode::NotFound, u"no entry id was given."_s}};
    if (m_c->exec("SELECT 1 FROM fairnote.entries WHERE id = $1", pg::Params{wanted}).rows())
        return wanted;
    QString escaped = wanted;
    escaped.replace(u"\\"_s, u"\\\\"_s).replace(u"%"_s, u"\\%"_s).replace(u"_"_s, u"\\_"_s);
    const pg::Result r = m_c->exec("SELECT id FROM fairnote.entries WHERE id LIKE $1 ORDER BY id LIMIT 6", pg::Params{escaped + u'%'});
    QStringList found;
    for (int i = 0; i < r.rows(); ++i)
        found << r.text(i, 0);
    if (found.isEmpty())
        throw Refusal{{ErrorCode::NotFound, u"there is no entry \"%1\" on %2 that you may read."_s.arg(wanted, location())}};
    if (found.size() > 1)
        throw Refusal{{ErrorCode::NotFound, u"\"%1\" could be any of several entries (%2%3); give more of the id."_s
                                                .arg(wanted, found.mid(0, 5).join(u", "_s), found.size() > 5 ? u", …"_s : u""_s)}};
    return found.front();
}

record::Person PostgresStore::loadPerson(const QString &id)
{
    const pg::Result r = m_c->exec("SELECT id, name, other_names, date_of_birth::text FROM fairnote.people WHERE id = $1", pg::Params{id});
    if (!r.rows())
        throw Refusal{{ErrorCode::NotFound, u"there is no person with the id \"%1\" on %2 that you may read."_s.arg(id, location())}};
    record::Person p;
    p.id = r.text(0, 0);
    p.name = r.text(0, 1);
    p.otherNames = namesFromJson(r.text(0, 2));
    p.dateOfBirth = QDate::fromString(r.text(0, 3), Qt::ISODate);
    return p;
}

record::Entry PostgresStore::parseContent(const QString &json, const QString &entryId)
{
    auto e = record::entryFromJson(QJsonDocument::fromJson(json.toUtf8()).object());
    if (!e)
        throw Refusal{{ErrorCode::Corrupt, u"the stored text of entry %1 on %2 cannot be read (%3). Run 'fairnote-cli verify'."_s
                                               .arg(entryId, location(), e.error().front().toString())}};
    return *e;
}

QString PostgresStore::storable(const record::Entry &entry)
{
    const QJsonObject json = record::entryToJson(entry);
    if (auto back = record::entryFromJson(json); !back)
        throw Refusal{{ErrorCode::Invalid, u"this entry cannot be saved as it is (%1). Correct it and save again; nothing else was changed."_s
                                               .arg(back.error().front().toString())}};
    return compact(json);
}

Snapshot PostgresStore::assessForFinal(const record::Person &person, const record::Entry &e, const QHash<QString, QString> &leftReasons,
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

std::optional<qint64> PostgresStore::lateSecondsOf(const record::Entry &e) const
{
    const QDateTime latest = e.eventDate.latest();
    if (!latest.isValid() || !e.writtenAt.isValid())
        return std::nullopt;
    const qint64 delay = latest.secsTo(e.writtenAt);
    if (delay > m_lateHours * 3600)
        return delay;
    return std::nullopt;
}

namespace {
pg::Params &addLate(pg::Params &p, const std::optional<qint64> &late)
{
    if (late)
        p.add(*late);
    else
        p.addNull();
    return p;
}
} // namespace

// ---- people ------------------------------------------------------------------------------------

StoreResult<record::Person> PostgresStore::addPerson(record::Person person, const Actor &)
{
    if (auto refused = refuseWrite())
        return *refused;
    person.name = person.name.trimmed();
    if (person.name.isEmpty())
        return StoreError{ErrorCode::Invalid, u"a person needs a name (the name they use)."_s};
    return guarded<record::Person>(u"The person was not added."_s, [&]() -> StoreResult<record::Person> {
        pg::Transaction t(*m_c);
        writeTime();
        person.id = t.commitAfter("SELECT fairnote.add_person($1, $2, $3, $4::date)",
                                  pg::Params{person.id, person.name, namesJson(person.otherNames),
                                             person.dateOfBirth.isValid() ? person.dateOfBirth.toString(Qt::ISODate) : QString()})
                            .text(0, 0);
        return person;
    });
}

StoreResult<Done> PostgresStore::updatePerson(const record::Person &person, const Actor &)
{
    if (auto refused = refuseWrite())
        return *refused;
    if (person.name.trimmed().isEmpty())
        return StoreError{ErrorCode::Invalid, u"a person needs a name (the name they use)."_s};
    return guarded<Done>(u"The change was not saved."_s, [&]() -> StoreResult<Done> {
        pg::Transaction t(*m_c);
        writeTime();
        t.commitAfter("SELECT fairnote.update_person($1, $2, $3, $4::date)",
                      pg::Params{person.id, person.name.trimmed(), namesJson(person.otherNames),
                                 person.dateOfBirth.isValid() ? person.dateOfBirth.toString(Qt::ISODate) : QString()});
        return Done{};
    });
}

StoreResult<std::vector<PersonSummary>> PostgresStore::people(const Actor &)
{
    return guarded<std::vector<PersonSummary>>({}, [&]() -> StoreResult<std::vector<PersonSummary>> {
        // Row-level security leaves out whoever is not on the session's caseloads, and others' drafts.
        const pg::Result r = m_c->exec(
            "SELECT p.id, p.name, p.other_names, p.date_of_birth::text, "
            "  (SELECT count(*) FROM fairnote.entries e WHERE e.person_id = p.id), "
            "  (SELECT count(*) FROM fairnote.entries e WHERE e.person_id = p.id AND e.kind = 'incident' AND e.revisions > 0 AND NOT e.in_error), "
            "  l.id, fairnote.iso(l.event_latest), l.event_json "
            "FROM fairnote.people p "
            "LEFT JOIN LATERAL (SELECT e.id, e.event_latest, e.event_json FROM fairnote.entries e WHERE e.person_id = p.id AND e.kind = 'incident' "
            "  AND e.revisions > 0 AND NOT e.in_error AND e.event_latest IS NOT NULL ORDER BY e.event_latest DESC LIMIT 1) l ON true "
            "ORDER BY lower(p.name), p.id");
        std::vector<PersonSummary> out;
        out.reserve(size_t(r.rows()));
        for (int i = 0; i < r.rows(); ++i) {
            PersonSummary ps;
            ps.person.id = r.text(i, 0);
            ps.person.name = r.text(i, 1);
            ps.person.otherNames = namesFromJson(r.text(i, 2));
            ps.person.dateOfBirth = QDate::fromString(r.text(i, 3), Qt::ISODate);
            ps.entries = int(r.integer(i, 4));
            ps.incidents = int(r.integer(i, 5));
            ps.lastIncidentEntry = r.text(i, 6);
            ps.lastIncidentAt = fromIso(r.text(i, 7));
            if (!r.isNull(i, 8))
                ps.lastIncidentDate = record::eventDateFromJson(QJsonDocument::fromJson(r.text(i, 8).toUtf8()).object());
            out.push_back(std::move(ps));
        }
        return out;
    });
}

StoreResult<record::Person> PostgresStore::person(const QString &id)
{
    return guarded<record::Person>({}, [&]() -> StoreResult<record::Person> { return loadPerson(id); });
}

StoreResult<std::vector<record::Person>> PostgresStore::peopleNamed(const QString &name)
{
    return guarded<std::vector<record::Person>>({}, [&]() -> StoreResult<std::vector<record::Person>> {
        const QString wanted = name.simplified();
        const pg::Result r = m_c->exec(
            "SELECT id, name, other_names, date_of_birth::text FROM fairnote.people p "
            "WHERE lower(regexp_replace(btrim(p.name), '\\s+', ' ', 'g')) = lower($1) "
            "   OR EXISTS (SELECT 1 FROM jsonb_array_elements_text(p.other_names::jsonb) o "
            "              WHERE lower(regexp_replace(btrim(o), '\\s+', ' ', 'g')) = lower($1)) "
            "ORDER BY lower(p.name), p.id",
            pg::Params{wanted});
        std::vector<record::Person> out;
        for (int i = 0; i < r.rows(); ++i) {
            record::Person p;
            p.id = r.text(i, 0);
            p.name = r.text(i, 1);
            p.otherNames = namesFromJson(r.text(i, 2));
            p.dateOfBirth = QDate::fromString(r.text(i, 3), Qt::ISODate);
            out.push_back(std::move(p));
        }
        return out;
    });
}

// ---- entries: drafts, finalising, amending, marking in error ------------------------------------

StoreResult<QString> PostgresStore::saveDraft(const QString &personId, record::Entry entry, const Actor &)
{
    if (auto refused = refuseWrite())
        return *refused;
    return guarded<QString>(u"The draft was not saved to the server."_s, [&]() -> StoreResult<QString> {
        const bool chooseId = entry.id.isEmpty();
        for (int attempt = 0;; ++attempt) {
            if (chooseId)
                entry.id = m_newEntryId ? m_newEntryId() : randomEntryId();
            try {
                pg::Transaction t(*m_c);
                if (m_testClock && m_clock)
                    writeTime();
                if (!chooseId)
                    require(entry.id, EntryAction::Edit);
                // One round trip: the server's time of writing, the person, an amended entry's original, and
                // whether the id is an entry's already.
                const pg::Result row = m_c->exec(
                    "SELECT fairnote.iso(fairnote.clock()), p.id, p.name, p.other_names, p.date_of_birth::text, "
                    "  (SELECT r.content FROM fairnote.revisions r WHERE r.entry_id = $2 AND r.number = 1), "
                    "  EXISTS (SELECT 1 FROM fairnote.entries x WHERE x.id = $2) "
                    "FROM (SELECT 1) one LEFT JOIN fairnote.people p ON p.id = $1",
                    pg::Params{personId, entry.id});
                // An id chosen here for a new entry that is already one of the entries this login may read
                // (one in 4,000 saves on a server of a million entries) would make the new text a draft of
                // that entry: choose another. One it may not read, the server refuses (below).
                if (chooseId && row.boolean(0, 6)) {
                    if (attempt < 5)
                        continue;
                    throw Refusal{{ErrorCode::Conflict, u"no unused entry id was found; try again."_s}};
                }
                const QDateTime at = fromIso(row.text(0, 0));
                if (row.isNull(0, 1))
                    throw Refusal{{ErrorCode::NotFound, u"there is no person with the id \"%1\" on %2 that you may read."_s.arg(personId, location())}};
                record::Person person;
                person.id = row.text(0, 1);
                person.name = row.text(0, 2);
                person.otherNames = namesFromJson(row.text(0, 3));
                person.dateOfBirth = QDate::fromString(row.text(0, 4), Qt::ISODate);
                // An amendment keeps the original's author and time of writing; a new entry is the session's, now.
                if (!row.isNull(0, 5)) {
                    const record::Entry original = parseContent(row.text(0, 5), entry.id);
                    entry.writtenAt = original.writtenAt;
                    entry.author = original.author;
                } else {
                    entry.writtenAt = at;
                    entry.author = m_session.actor;
                }
                const QString id = t.commitAfter("SELECT fairnote.save_draft($1, $2, $3, $4, $5::jsonb)",
                                                 pg::Params{personId, entry.id, kindOf(entry), storable(entry), compact(headOf(person, entry))})
                                           .text(0, 0);
                return id;
            } catch (const pg::Failure &f) {
                // An id chosen here that someone else's entry already has: choose another.
                if (chooseId && attempt < 5 && refusalOf(f).value(u"refusal"_s).toString() == u"entry-id-in-use")
                    continue;
                throw;
            }
        }
    });
}

StoreResult<Done> PostgresStore::discardDraft(const QString &entryId, const Actor &)
{
    if (auto refused = refuseWrite())
        return *refused;
    return guarded<Done>(u"The draft was kept."_s, [&]() -> StoreResult<Done> {
        pg::Transaction t(*m_c);
        writeTime();
        const QString id = resolveEntryId(entryId);
        require(id, EntryAction::Discard);
        t.commitAfter("SELECT fairnote.discard_draft($1)", pg::Params{id});
        return Done{};
    });
}

StoreResult<Revision> PostgresStore::finalise(const QString &entryId, const Actor &, const QHash<QString, QString> &leftReasons,
                                              const QString &amendReason)
{
    if (auto refused = refuseWrite())
        return *refused;
    return guarded<Revision>(u"The entry was not finalised."_s, [&]() -> StoreResult<Revision> {
        pg::Transaction t(*m_c);
        if (m_testClock && m_clock)
            writeTime();
        // One round trip for the usual case (an exact id): the time of writing, the draft and the person.
        const char *draftQuery =
            "SELECT fairnote.iso(fairnote.clock()), d.base_revision, d.content, e.person_id, e.revisions, p.name, p.other_names, "
            "  p.date_of_birth::text FROM (SELECT 1) one LEFT JOIN (fairnote.drafts d JOIN fairnote.entries e ON e.id = d.entry_id "
            "  JOIN fairnote.people p ON p.id = e.person_id) ON d.entry_id = $1";
        QString id = entryId.trimmed();
        pg::Result d = m_c->exec(draftQuery, pg::Params{id});
        const QDateTime at = fromIso(d.text(0, 0));
        if (d.isNull(0, 1)) {
            id = resolveEntryId(entryId);
            require(id, EntryAction::Finalise);
            d = m_c->exec(draftQuery, pg::Params{id});
        }
        if (d.isNull(0, 1)) {
            const pg::Result other = m_c->exec("SELECT a.name, a.role, a.organisation FROM fairnote.authors a "
                                               "WHERE a.id = fairnote.drafter($1)", pg::Params{id});
            if (other.rows())
                throw Refusal{{ErrorCode::Invalid, u"the draft of entry %1 was written by %2; only its author can finalise it."_s
                                                       .arg(id, actorDisplay(Actor{other.text(0, 0), other.text(0, 1), other.text(0, 2)}))}};
            throw Refusal{{ErrorCode::Conflict, u"entry %1 has no draft to finalise: it is already final. To correct it, amend it."_s.arg(id)}};
        }
        const int base = int(d.integer(0, 1));
        record::Entry e = parseContent(d.text(0, 2), id);
        record::Person person;
        person.id = d.text(0, 3);
        person.name = d.text(0, 5);
        person.otherNames = namesFromJson(d.text(0, 6));
        person.dateOfBirth = QDate::fromString(d.text(0, 7), Qt::ISODate);
        const QString reason = amendReason.trimmed();
        if (base > 0 && reason.isEmpty())
            throw Refusal{{ErrorCode::Invalid, u"an amendment needs a reason: say what was wrong or missing, and how you know."_s}};
        if (base == 0) {
            e.writtenAt = at;
            e.author = m_session.actor;
        }
        const Snapshot snap = assessForFinal(person, e, leftReasons, {});
        const std::optional<qint64> late = lateSecondsOf(e);
        pg::Params p{id, storable(e), compact(headOf(person, e)), snapshotJson(snap), base > 0 ? reason : QString()};
        addLate(p, late);
        const pg::Result r = t.commitAfter("SELECT number, fairnote.iso(written_at), hash FROM fairnote.finalise($1, $2, $3::jsonb, $4::jsonb, $5, $6)", p);
        Revision rev;
        rev.number = int(r.integer(0, 0));
        rev.entry = e;
        rev.author = m_session.actor;
        rev.writtenAt = fromIso(r.text(0, 1));
        rev.reason = base > 0 ? reason : QString();
        rev.lateSeconds = late;
        rev.hash = r.text(0, 2);
        rev.snapshot = snap;
        return rev;
    });
}

StoreResult<Revision> PostgresStore::amend(const QString &entryId, record::Entry entry, const QString &reason, const Actor &,
                                           const QHash<QString, QString> &leftReasons)
{
    if (auto refused = refuseWrite())
        return *refused;
    if (reason.trimmed().isEmpty())
        return StoreError{ErrorCode::Invalid, u"an amendment needs a reason: say what was wrong or missing, and how you know."_s};
    return guarded<Revision>(u"The amendment was not saved."_s, [&]() -> StoreResult<Revision> {
        pg::Transaction t(*m_c);
        const QDateTime at = writeTime();
        const QString id = resolveEntryId(entryId);
        require(id, EntryAction::Amend);
        const pg::Result row = m_c->exec("SELECT e.person_id, e.kind, e.revisions, e.in_error, "
                                         "  (SELECT r.content FROM fairnote.revisions r WHERE r.entry_id = e.id AND r.number = 1), "
                                         "  (SELECT r.content FROM fairnote.revisions r WHERE r.entry_id = e.id AND r.number = e.revisions) "
                                         "FROM fairnote.entries e WHERE e.id = $1",
                                         pg::Params{id});
        const QString personId = row.text(0, 0);
        const QString kind = row.text(0, 1);
        const int revisions = int(row.integer(0, 2));
        if (row.boolean(0, 3))
            throw Refusal{{ErrorCode::Conflict, u"entry %1 is marked in error, so it cannot be amended. Write a new entry instead."_s.arg(id)}};
        if (revisions == 0)
            throw Refusal{{ErrorCode::Conflict, u"entry %1 is still a draft; change the draft and finalise it instead of amending it."_s.arg(id)}};
        if (kindOf(entry) != kind)
            throw Refusal{{ErrorCode::Conflict, u"entry %1 is a %2; an amendment cannot change its kind."_s
                                                    .arg(id, kind == u"incident" ? u"fire-setting incident record"_s : u"case note"_s)}};
        const record::Entry original = parseContent(row.text(0, 4), id);
        entry.id = id;
        entry.writtenAt = original.writtenAt;
        entry.author = original.author;
        if (parseContent(row.text(0, 5), id) == entry)
            throw Refusal{{ErrorCode::Conflict, u"the amendment of entry %1 changes nothing: it is the same as revision %2, so no revision "
                                                u"was added. Change what was wrong or missing, then amend."_s.arg(id).arg(revisions)}};
        const record::Person person = loadPerson(personId);
        const Snapshot snap = assessForFinal(person, entry, leftReasons, {});
        const std::optional<qint64> late = lateSecondsOf(entry);
        pg::Params p{id, storable(entry), compact(headOf(person, entry)), snapshotJson(snap), reason.trimmed()};
        addLate(p, late);
        p.addNull(); // based on: the interface does not say which revision the text started from
        const pg::Result r = t.commitAfter("SELECT number, fairnote.iso(written_at), hash FROM fairnote.amend($1, $2, $3::jsonb, $4::jsonb, $5, $6, $7)", p);
        Revision rev;
        rev.number = int(r.integer(0, 0));
        rev.entry = entry;
        rev.author = m_session.actor;
        rev.writtenAt = fromIso(r.text(0, 1));
        rev.reason = reason.trimmed();
        rev.lateSeconds = late;
        rev.hash = r.text(0, 2);
        rev.snapshot = snap;
        Q_UNUSED(at);
        return rev;
    });
}

StoreResult<Done> PostgresStore::markInError(const QString &entryId, const QString &reason, const Actor &)
{
    if (auto refused = refuseWrite())
        return *refused;
    if (reason.trimmed().isEmpty())
        return StoreError{ErrorCode::Invalid, u"marking an entry in error needs a reason (for example: written in the wrong person's file)."_s};
    return guarded<Done>(u"The entry was not marked in error."_s, [&]() -> StoreResult<Done> {
        pg::Transaction t(*m_c);
        writeTime();
        const QString id = resolveEntryId(entryId);
        require(id, EntryAction::MarkInError);
        t.commitAfter("SELECT fairnote.mark_in_error($1, $2)", pg::Params{id, reason.trimmed()});
        return Done{};
    });
}

StoreResult<std::vector<QString>> PostgresStore::importCaseFiles(const std::vector<record::CaseFile> &caseFiles, const Actor &,
                                                                 const ImportOptions &options, const Progress &progress)
{
    if (auto refused = refuseWrite())
        return *refused;
    return guarded<std::vector<QString>>(u"Nothing was imported."_s, [&]() -> StoreResult<std::vector<QString>> {
        pg::Transaction t(*m_c);
        const QDateTime at = writeTime();
        std::vector<QString> ids;
        qint64 total = 0, done = 0;
        for (const record::CaseFile &cf : caseFiles)
            total += qint64(cf.entries.size());
        const QString source = options.sourceName;
        for (const record::CaseFile &cf : caseFiles) {
            record::Person person = cf.person;
            person.name = person.name.trimmed();
            person.id = m_c->exec("SELECT fairnote.import_person($1, $2, $3, $4::date, $5)",
                                  pg::Params{person.id, person.name, namesJson(person.otherNames),
                                             person.dateOfBirth.isValid() ? person.dateOfBirth.toString(Qt::ISODate) : QString(), source})
                            .text(0, 0);
            person = loadPerson(person.id);
            for (const record::Entry &original : cf.entries) {
                if (progress && !progress(done, total))
                    throw Refusal{{ErrorCode::Cancelled, u"import cancelled; nothing was imported."_s}};
                ++done;
                record::Entry e = original;
                if (e.id.isEmpty())
                    e.id = m_newEntryId ? m_newEntryId() : randomEntryId();
                Snapshot snap;
                if (options.asDrafts) {
                    e.writtenAt = at;
                    e.author = m_session.actor;
                } else {
                    // Written elsewhere: the author and the time of writing are the file's; the importer is in the audit.
                    if (e.author.name.isEmpty())
                        e.author = m_session.actor;
                    if (!e.writtenAt.isValid())
                        e.writtenAt = at;
                    snap = assessForFinal(person, e, {}, u"Imported from %1; written before it came into Fairnote."_s
                                                             .arg(source.isEmpty() ? u"another system"_s : source));
                }
                pg::Params p{person.id, e.id, kindOf(e), storable(e), compact(headOf(person, e)), snapshotJson(snap)};
                addLate(p, options.asDrafts ? std::nullopt : lateSecondsOf(e));
                p.add(options.asDrafts).add(source);
                m_c->exec("SELECT fairnote.import_entry($1, $2, $3, $4, $5::jsonb, $6::jsonb, $7, $8, $9)", p);
                ids.push_back(e.id);
            }
        }
        t.commit();
        if (progress)
            progress(total, total);
        return ids;
    });
}

StoreResult<VerifyReport> PostgresStore::backup(const QString &, const Actor &, const Progress &)
{
    return StoreError{ErrorCode::Invalid, u"%1 is backed up with PostgreSQL's own tools, not copied to a file: pg_dump (then verify the "
                                          u"restored copy), or base backups with WAL archiving. docs/server.md says how."_s.arg(location())};
}

} // namespace fairnote::store::postgres
