// SPDX-FileCopyrightText: 2026 Fairnote contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// People in a SQLite case file: added, changed, listed with their counts, found by name.
#include "store/sqlite/sqlitestore.h"

#include "store/auditactions.h"

#include <QJsonArray>

using namespace Qt::StringLiterals;

namespace fairnote::store {

StoreResult<record::Person> SqliteStore::addPerson(record::Person person, const Actor &actor)
{
    if (auto refused = refuseWrite(actor))
        return *refused;
    person.name = person.name.trimmed();
    if (person.name.isEmpty())
        return refusal::noPersonName();
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
            .bind(3, otherNamesJson(person.otherNames))
            .bind(4, person.dateOfBirth.isValid() ? person.dateOfBirth.toString(Qt::ISODate) : QString())
            .bind(5, iso(now())).bind(6, userId(actor)).run();
        appendAudit(actor, audit::AddPerson.toString(), person.id, {}, std::nullopt,
                    QJsonObject{{u"name"_s, person.name}, {u"other_names"_s, QJsonArray::fromStringList(person.otherNames)},
                                {u"date_of_birth"_s, person.dateOfBirth.toString(Qt::ISODate)}});
        t.commit();
        return person;
    });
}

StoreResult<Done> SqliteStore::updatePerson(const record::Person &person, const Actor &actor)
{
    if (auto refused = refuseWrite(actor))
        return *refused;
    if (person.name.trimmed().isEmpty())
        return refusal::noPersonName();
    return guarded<Done>(u"The change was not saved."_s, [&]() -> StoreResult<Done> {
        sql::Transaction t(*m_db);
        const record::Person before = loadPerson(person.id);
        auto s = m_db->prepare("UPDATE people SET name = ?2, other_names = ?3, date_of_birth = ?4 WHERE id = ?1");
        s.bind(1, person.id).bind(2, person.name.trimmed())
            .bind(3, otherNamesJson(person.otherNames))
            .bind(4, person.dateOfBirth.isValid() ? person.dateOfBirth.toString(Qt::ISODate) : QString()).run();
        appendAudit(actor, audit::UpdatePerson.toString(), person.id, {}, std::nullopt,
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
            ps.person.otherNames = otherNamesFromJson(s.text(2));
            ps.person.dateOfBirth = QDate::fromString(s.text(3), Qt::ISODate);
            ps.entries = int(s.integer(4));
            ps.incidents = int(s.integer(5));
            index.insert(ps.person.id, out.size());
            out.push_back(std::move(ps));
        }
        // The most recent incident of each person: the latest moment it can have happened (SQLite gives
        // the bare column `id` from the row holding the maximum).
        auto last = m_db->prepare("SELECT person_id, id, max(event_latest), event_json FROM entries WHERE kind = 'incident' AND revisions > 0 "
                                  "AND in_error = 0 AND event_latest IS NOT NULL GROUP BY person_id");
        while (last.next()) {
            const auto it = index.constFind(last.text(0));
            if (it == index.constEnd())
                continue;
            out[*it].lastIncidentEntry = last.text(1);
            out[*it].lastIncidentAt = fromIso(last.text(2));
            out[*it].lastIncidentDate = eventDateFromJson(last.text(3));
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
            for (const QString &other : otherNamesFromJson(s.text(2)))
                match = match || other.simplified().compare(wanted, Qt::CaseInsensitive) == 0;
            if (match)
                out.push_back(loadPerson(s.text(0)));
        }
        return out;
    });
}

} // namespace fairnote::store
