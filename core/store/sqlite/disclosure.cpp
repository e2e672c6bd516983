// SPDX-FileCopyrightText: 2026 Fairnote contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// Review before disclosure in a SQLite case file: flags, releases and the list of them.
#include "store/sqlite/sqlitestore.h"

#include "store/auditactions.h"

using namespace Qt::StringLiterals;

namespace fairnote::store {

StoreResult<Done> SqliteStore::flagForDisclosureReview(const QString &entryId, const QString &reason, const Actor &actor)
{
    if (auto refused = refuseWrite(actor))
        return *refused;
    if (reason.trimmed().isEmpty())
        return StoreError{ErrorCode::Invalid, u"flagging an entry for review before disclosure needs a reason (for example: it names a neighbour who reported the fire)."_s};
    return guarded<Done>(u"The entry was not flagged."_s, [&]() -> StoreResult<Done> {
        sql::Transaction t(*m_db);
        const QString id = resolveEntryId(entryId);
        require(loadState(id), actor, EntryAction::FlagForDisclosure);
        auto p = m_db->prepare("SELECT person_id FROM entries WHERE id = ?1");
        p.bind(1, id);
        p.next();
        const QString person = p.text(0);
        m_db->prepare("INSERT INTO disclosure_flags(entry_id, flagged_at, flagged_by, reason) VALUES (?1, ?2, ?3, ?4)")
            .bind(1, id).bind(2, iso(now())).bind(3, userId(actor)).bind(4, reason.trimmed()).run();
        appendAudit(actor, audit::FlagForDisclosureReview.toString(), person, id, std::nullopt, QJsonObject{{u"reason"_s, reason.trimmed()}});
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
        require(loadState(id), actor, EntryAction::ReleaseForDisclosure);
        auto f = m_db->prepare("SELECT f.released_at, e.person_id FROM disclosure_flags f JOIN entries e ON e.id = f.entry_id WHERE f.entry_id = ?1");
        f.bind(1, id);
        f.next();
        const QString person = f.text(1);
        m_db->prepare("UPDATE disclosure_flags SET released_at = ?2, released_by = ?3, release_note = ?4 WHERE entry_id = ?1")
            .bind(1, id).bind(2, iso(now())).bind(3, userId(actor)).bind(4, nn(note.trimmed())).run();
        appendAudit(actor, audit::ReleaseForDisclosure.toString(), person, id, std::nullopt, QJsonObject{{u"note"_s, note.trimmed()}});
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

} // namespace fairnote::store
