// SPDX-FileCopyrightText: 2026 Fairnote contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// Entries in a SQLite case file: drafts, finalising, amending, marking in error, importing.
#include "store/sqlite/sqlitestore.h"

#include "store/actor.h"
#include "store/auditactions.h"
#include "record/describe.h"

#include <QJsonArray>

using namespace Qt::StringLiterals;

namespace fairnote::store {

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
            appendAudit(actor, audit::CreateEntry.toString(), personId, entry.id, std::nullopt, QJsonObject{{u"kind"_s, kind}});
            t.commit();
            return entry.id;
        }
        const QString owner = row.text(0);
        const QString storedKind = row.text(1);
        const int revisions = int(row.integer(2));
        if (owner != personId)
            throw Refusal{{ErrorCode::Conflict, u"entry %1 belongs to someone else's case file."_s.arg(entry.id)}};
        const EntryState state = loadState(entry.id);
        require(state, actor, EntryAction::Edit);
        if (storedKind != kind)
            throw Refusal{{ErrorCode::Conflict, u"entry %1 is a %2; it cannot become a %3. Write a new entry instead."_s
                                                    .arg(entry.id, storedKind == u"incident" ? u"incident record"_s : u"case note"_s,
                                                         kind == u"incident" ? u"incident record"_s : u"case note"_s)}};
        const bool hadDraft = state.draftAuthor.has_value();
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
            appendAudit(actor, audit::StartAmendment.toString(), personId, entry.id, revisions, {});
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
        require(loadState(id), actor, EntryAction::Discard);
        auto d = m_db->prepare("SELECT d.author_id, e.revisions, e.person_id FROM drafts d JOIN entries e ON e.id = d.entry_id "
                               "WHERE d.entry_id = ?1");
        d.bind(1, id);
        d.next();
        const int revisions = int(d.integer(1));
        const QString personId = d.text(2);
        m_db->prepare("DELETE FROM drafts WHERE entry_id = ?1").bind(1, id).run();
        if (revisions == 0) {
            unindexEntry(id);
            m_db->prepare("DELETE FROM entries WHERE id = ?1").bind(1, id).run();
        }
        appendAudit(actor, audit::DiscardDraft.toString(), personId, id, std::nullopt,
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
        require(loadState(id), actor, EntryAction::Finalise);
        auto d = m_db->prepare("SELECT d.author_id, d.base_revision, d.content, e.person_id, e.revisions, e.in_error "
                               "FROM drafts d JOIN entries e ON e.id = d.entry_id WHERE d.entry_id = ?1");
        d.bind(1, id);
        d.next();
        const int base = int(d.integer(1));
        record::Entry e = parseContent(d.text(2), id);
        const QString personId = d.text(3);
        const int revisions = int(d.integer(4));
        if (base != revisions) {
            // Who amended it meanwhile, and when: the worker's text stays, as a draft, untouched.
            auto last = m_db->prepare("SELECT author_id, written_at FROM revisions WHERE entry_id = ?1 ORDER BY number DESC LIMIT 1");
            last.bind(1, id);
            QString who = u"someone else"_s, when;
            if (last.next()) {
                who = actorDisplay(userById(last.integer(0)));
                when = u" on %1"_s.arg(record::ukDateTime(fromIso(last.text(1))));
            }
            throw Refusal{{ErrorCode::Conflict,
                           u"entry %1 was amended by %2%3 (revision %4), after this amendment was started from revision %5. Your text is "
                           u"kept as a draft: read their amendment in the history, then discard this draft and amend again."_s
                               .arg(id, who, when)
                               .arg(revisions)
                               .arg(base)}};
        }
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
                                   base > 0 ? audit::Amend.toString() : audit::Finalise.toString(), {});
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
        const EntryState state = loadState(id);
        require(state, actor, EntryAction::Amend);
        if (kindOf(entry) != kind)
            throw Refusal{{ErrorCode::Conflict, u"entry %1 is a %2; an amendment cannot change its kind."_s
                                                    .arg(id, kind == u"incident" ? u"incident record"_s : u"case note"_s)}};
        if (state.draftAuthor) // the actor's own: an amendment in one step would pass it by
            throw Refusal{{ErrorCode::Conflict, u"you are drafting an amendment of entry %1; finalise or discard that draft first."_s.arg(id)}};
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
        Revision r = writeRevision(id, personId, entry, revisions + 1, actor, now(), reason.trimmed(), snap, audit::Amend.toString(), {});
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
        require(loadState(id), actor, EntryAction::MarkInError);
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
        appendAudit(actor, audit::MarkInError.toString(), personId, id, std::nullopt, detail);
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
                    .bind(3, otherNamesJson(person.otherNames))
                    .bind(4, person.dateOfBirth.isValid() ? person.dateOfBirth.toString(Qt::ISODate) : QString())
                    .bind(5, iso(now())).bind(6, actorId).run();
                appendAudit(actor, audit::AddPerson.toString(), person.id, {}, std::nullopt,
                            QJsonObject{{u"name"_s, person.name}, {u"other_names"_s, QJsonArray::fromStringList(person.otherNames)},
                                        {u"date_of_birth"_s, person.dateOfBirth.toString(Qt::ISODate)}, {u"source"_s, options.sourceName}});
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
                    appendAudit(actor, audit::Import.toString(), person.id, e.id, std::nullopt,
                                QJsonObject{{u"source"_s, options.sourceName}, {u"as"_s, u"draft"_s}});
                } else {
                    // Written elsewhere: the author and the time of writing are the file's; the importer is in the audit.
                    const Actor author = e.author.name.isEmpty() ? actor : e.author;
                    const QDateTime writtenAt = e.writtenAt.isValid() ? e.writtenAt : at;
                    const Snapshot snap = assessForFinal(person, e, {},
                                                         u"Imported from %1; written before it came into Fairnote."_s
                                                             .arg(options.sourceName.isEmpty() ? u"another system"_s : options.sourceName));
                    writeRevision(e.id, person.id, e, 1, author, writtenAt, QString(), snap, audit::Import.toString(),
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

} // namespace fairnote::store
