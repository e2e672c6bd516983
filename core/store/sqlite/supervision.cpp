// SPDX-FileCopyrightText: 2026 Fairnote contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// Supervision in a SQLite case file: reviews of exact revisions, sign-off requests and decisions.
#include "store/sqlite/sqlitestore.h"

#include "store/auditactions.h"

#include <QJsonArray>
#include <QJsonDocument>

using namespace Qt::StringLiterals;

namespace fairnote::store {

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
        appendAudit(reviewer, audit::Review.toString(), personId, id, revision,
                    QJsonObject{{audit::Review.toString(), reviewId}, {u"review_hash"_s, hash}, {u"returned"_s, review.returned}});
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
            require(loadState(id), actor, EntryAction::RequestSignOff);
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
        appendAudit(actor, audit::RequestSignOff.toString(), person, id, revision > 0 ? std::optional<qint64>(revision) : std::nullopt,
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
        appendAudit(actor, decision == SignOffState::Approved ? audit::ApproveSignOff.toString() : audit::ReturnSignOff.toString(), person,
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

} // namespace fairnote::store
