// SPDX-FileCopyrightText: 2026 Fairnote contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// The team server as a store::Store: reading (chronologies, entries, search), review before
// disclosure, supervision, the audit trail and verify. Every SELECT runs under the server's row-level
// security, so what the session may not read is simply not there.
#include "store/postgres/pgstore.h"

#include "store/auditactions.h"
#include "store/errors.h"

#include "store/postgres/failure.h"

#include "record/describe.h"
#include "record/interchange.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <atomic>
#include <chrono>
#include <optional>
#include <thread>

using namespace Qt::StringLiterals;

namespace fairnote::store::postgres {

namespace {

QDateTime fromIso(const QString &s)
{
    const QDateTime t = QDateTime::fromString(s, Qt::ISODateWithMs);
    return t.isValid() ? t.toUTC() : QDateTime();
}
QString compact(const QJsonObject &o) { return QString::fromUtf8(QJsonDocument(o).toJson(QJsonDocument::Compact)); }
QJsonObject parseObject(const QString &s) { return QJsonDocument::fromJson(s.toUtf8()).object(); }

EntryStatus statusOf(int revisions, bool inError)
{
    if (inError)
        return EntryStatus::InError;
    if (revisions == 0)
        return EntryStatus::Draft;
    return revisions > 1 ? EntryStatus::Amended : EntryStatus::Final;
}

record::EventDate eventDateFromJson(const QString &json) { return record::eventDateFromJson(parseObject(json)); }

// The chronology's columns (as core/store/sqlite lists them), from the entries the session may read.
// Another author's draft is not there at all; an amendment someone else is drafting shows who, not what
// (fairnote.drafters, for the person `draftersOf` names or everyone).
QByteArray summarySelect(const char *draftersOf)
{
    return QByteArray(
        "SELECT e.id, e.person_id, p.name, e.kind, e.revisions, e.in_error, e.event_json, e.summary, fairnote.iso(e.written_at), "
        "  u.name, u.role, u.organisation, e.late_seconds, coalesce(d.author_id, od.author_id), du.name, du.role, du.organisation, "
        "  (SELECT ev.state FROM fairnote.signoffs so JOIN fairnote.signoff_events ev ON ev.signoff_id = so.id WHERE so.entry_id = e.id "
        "   AND so.revision = e.revisions ORDER BY ev.id DESC LIMIT 1), "
        "  (SELECT fairnote.iso(max(rv.reviewed_at)) FROM fairnote.reviews rv WHERE rv.entry_id = e.id), "
        "  (SELECT rv.returned FROM fairnote.reviews rv WHERE rv.entry_id = e.id AND rv.revision = e.revisions ORDER BY rv.id DESC LIMIT 1) "
        "FROM fairnote.entries e JOIN fairnote.people p ON p.id = e.person_id LEFT JOIN fairnote.authors u ON u.id = e.author_id "
        "LEFT JOIN fairnote.drafts d ON d.entry_id = e.id "
        "LEFT JOIN fairnote.drafters(") + draftersOf + ") od ON od.entry_id = e.id "
        "LEFT JOIN fairnote.authors du ON du.id = coalesce(d.author_id, od.author_id) ";
}

EntrySummary summaryFromRow(const pg::Result &r, int i)
{
    EntrySummary e;
    e.id = r.text(i, 0);
    e.personId = r.text(i, 1);
    e.personName = r.text(i, 2);
    e.incident = r.text(i, 3) == u"incident";
    e.revisions = int(r.integer(i, 4));
    e.status = statusOf(e.revisions, r.boolean(i, 5));
    e.eventDate = eventDateFromJson(r.text(i, 6));
    e.summary = r.text(i, 7);
    e.writtenAt = fromIso(r.text(i, 8));
    e.author = Actor{r.text(i, 9), r.text(i, 10), r.text(i, 11)};
    if (!r.isNull(i, 12))
        e.lateSeconds = r.integer(i, 12);
    e.hasDraft = !r.isNull(i, 13);
    if (e.hasDraft)
        e.draftAuthor = Actor{r.text(i, 14), r.text(i, 15), r.text(i, 16)};
    e.signOff = r.text(i, 17);
    if (!r.isNull(i, 18))
        e.lastReviewed = fromIso(r.text(i, 18));
    e.returnedForCorrection = r.boolean(i, 19) && e.status != EntryStatus::InError;
    return e;
}

} // namespace

StoreResult<record::CaseFile> PostgresStore::caseFile(const QString &personId, bool includeInError)
{
    return guarded<record::CaseFile>({}, [&]() -> StoreResult<record::CaseFile> {
        record::CaseFile cf;
        cf.person = loadPerson(personId);
        const pg::Result r = m_c->exec("SELECT e.id, r.content FROM fairnote.entries e JOIN fairnote.revisions r ON r.entry_id = e.id "
                                       "AND r.number = e.revisions WHERE e.person_id = $1 AND e.revisions > 0 AND ($2 OR NOT e.in_error) "
                                       "ORDER BY e.event_sort NULLS LAST, e.written_at, e.id",
                                       pg::Params{}.add(personId).add(includeInError));
        for (int i = 0; i < r.rows(); ++i)
            cf.entries.push_back(parseContent(r.text(i, 1), r.text(i, 0)));
        return cf;
    });
}

StoreResult<std::vector<EntrySummary>> PostgresStore::entries(const ListFilter &filter, const Actor &)
{
    return guarded<std::vector<EntrySummary>>({}, [&]() -> StoreResult<std::vector<EntrySummary>> {
        // Others' drafts are never listed on a server (filter.othersDrafts cannot show what the
        // server does not let the session read).
        static const QByteArray byPerson = summarySelect("$1") +
            "WHERE e.person_id = $1 AND ($2 OR NOT e.in_error) ORDER BY e.event_sort NULLS LAST, e.written_at, e.id";
        static const QByteArray all = summarySelect("$1") +
            "WHERE ($2 OR NOT e.in_error) "
            "ORDER BY lower(p.name), p.id, e.event_sort NULLS LAST, e.written_at, e.id";
        if (!filter.personId.isEmpty())
            loadPerson(filter.personId);
        const pg::Result r = m_c->exec(filter.personId.isEmpty() ? all.constData() : byPerson.constData(),
                                       pg::Params{}.add(filter.personId.isEmpty() ? QString() : filter.personId).add(filter.includeInError));
        std::vector<EntrySummary> out;
        out.reserve(size_t(r.rows()));
        for (int i = 0; i < r.rows(); ++i)
            out.push_back(summaryFromRow(r, i));
        if (!filter.personId.isEmpty())
            recordView(filter.personId, {}, u"chronology"_s);
        return out;
    });
}

StoreResult<EntryDetail> PostgresStore::entry(const QString &idOrPrefix)
{
    return guarded<EntryDetail>({}, [&]() -> StoreResult<EntryDetail> {
        const QString id = resolveEntryId(idOrPrefix);
        EntryDetail d;
        {
            static const QByteArray one = summarySelect("NULL") + "WHERE e.id = $1";
            const pg::Result s = m_c->exec(one.constData(), pg::Params{id});
            if (!s.rows())
                throw Refusal{{ErrorCode::NotFound, u"there is no entry \"%1\" on %2 that you may read."_s.arg(id, location())}};
            d.summary = summaryFromRow(s, 0);
        }
        const pg::Result r = m_c->exec("SELECT r.number, r.content, u.name, u.role, u.organisation, fairnote.iso(r.written_at), r.reason, "
                                       "r.late_seconds, r.hash, r.snapshot::text FROM fairnote.revisions r JOIN fairnote.authors u ON u.id = r.author_id "
                                       "WHERE r.entry_id = $1 ORDER BY r.number",
                                       pg::Params{id});
        for (int i = 0; i < r.rows(); ++i) {
            Revision rev;
            rev.number = int(r.integer(i, 0));
            rev.entry = parseContent(r.text(i, 1), id);
            rev.author = Actor{r.text(i, 2), r.text(i, 3), r.text(i, 4)};
            rev.writtenAt = fromIso(r.text(i, 5));
            rev.reason = r.text(i, 6);
            if (!r.isNull(i, 7))
                rev.lateSeconds = r.integer(i, 7);
            rev.hash = r.text(i, 8);
            rev.snapshot = snapshotFromJson(r.text(i, 9));
            d.revisions.push_back(std::move(rev));
        }
        // Row-level security gives the session's own draft only.
        const pg::Result dr = m_c->exec("SELECT d.content, u.name, u.role, u.organisation, fairnote.iso(d.started_at), fairnote.iso(d.updated_at), "
                                        "d.base_revision FROM fairnote.drafts d JOIN fairnote.authors u ON u.id = d.author_id WHERE d.entry_id = $1",
                                        pg::Params{id});
        if (dr.rows()) {
            Draft draft;
            draft.entry = parseContent(dr.text(0, 0), id);
            draft.author = Actor{dr.text(0, 1), dr.text(0, 2), dr.text(0, 3)};
            draft.startedAt = fromIso(dr.text(0, 4));
            draft.updatedAt = fromIso(dr.text(0, 5));
            draft.baseRevision = int(dr.integer(0, 6));
            d.draft = std::move(draft);
        }
        const pg::Result er = m_c->exec("SELECT fairnote.iso(x.at), u.name, u.role, u.organisation, x.reason FROM fairnote.errors x "
                                        "JOIN fairnote.authors u ON u.id = x.actor_id WHERE x.entry_id = $1",
                                        pg::Params{id});
        if (er.rows())
            d.inError = InErrorMark{fromIso(er.text(0, 0)), Actor{er.text(0, 1), er.text(0, 2), er.text(0, 3)}, er.text(0, 4)};
        const pg::Result df = m_c->exec("SELECT fairnote.iso(f.flagged_at), u.name, u.role, u.organisation, f.reason, fairnote.iso(f.released_at), "
                                        "r.name, r.role, r.organisation, f.release_note FROM fairnote.disclosure_flags f "
                                        "JOIN fairnote.authors u ON u.id = f.flagged_by LEFT JOIN fairnote.authors r ON r.id = f.released_by "
                                        "WHERE f.entry_id = $1",
                                        pg::Params{id});
        if (df.rows())
            d.disclosure = DisclosureFlag{id, fromIso(df.text(0, 0)), Actor{df.text(0, 1), df.text(0, 2), df.text(0, 3)}, df.text(0, 4),
                                          fromIso(df.text(0, 5)), Actor{df.text(0, 6), df.text(0, 7), df.text(0, 8)}, df.text(0, 9)};
        recordView(d.summary.personId, id, u"entry"_s);
        return d;
    });
}

StoreResult<std::vector<SearchHit>> PostgresStore::search(const QString &query, const Actor &, int limit)
{
    return guarded<std::vector<SearchHit>>({}, [&]() -> StoreResult<std::vector<SearchHit>> {
        std::vector<SearchHit> out;
        const QString q = tsQuery(query);
        if (q.isEmpty())
            return out;
        // The server's function finds the matches through the index and keeps those the session may read
        // (see 25-search.sql): ranked, or newest first for a very common word.
        const pg::Result r = m_c->exec("SELECT entry_id, person_id, person_name, kind, revisions, in_error, headline, rank, whole "
                                       "FROM fairnote.search_entries($1, $2)",
                                       pg::Params{}.add(q).add(qint64(limit)));
        for (int i = 0; i < r.rows(); ++i) {
            SearchHit h;
            h.entryId = r.text(i, 0);
            h.personId = r.text(i, 1);
            h.personName = r.text(i, 2);
            h.incident = r.text(i, 3) == u"incident";
            h.status = statusOf(int(r.integer(i, 4)), r.boolean(i, 5));
            const QString marked = r.text(i, 6);
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
            // Say where the text was cut.
            QString whole = r.text(i, 8);
            whole.replace(u'\n', u' ');
            if (!whole.startsWith(h.snippet)) {
                h.snippet.prepend(u'…');
                for (auto &[offset, length] : h.highlights)
                    ++offset;
            }
            if (!whole.endsWith(h.snippet.mid(h.snippet.startsWith(u'…') ? 1 : 0)))
                h.snippet += u'…';
            h.rank = r.real(i, 7);
            out.push_back(std::move(h));
        }
        return out;
    });
}

// ---- review before disclosure -------------------------------------------------------------------

void PostgresStore::require(const QString &entryId, EntryAction action)
{
    static const QByteArray one = summarySelect("NULL") + "WHERE e.id = $1";
    const pg::Result s = m_c->exec(one.constData(), pg::Params{entryId});
    if (!s.rows())
        return;
    const EntrySummary summary = summaryFromRow(s, 0);
    EntryState state;
    state.id = entryId;
    state.revisions = summary.revisions;
    state.inError = summary.status == EntryStatus::InError;
    state.incident = summary.incident;
    if (summary.hasDraft)
        state.draftAuthor = summary.draftAuthor;
    const pg::Result f = m_c->exec("SELECT released_at IS NOT NULL FROM fairnote.disclosure_flags WHERE entry_id = $1", pg::Params{entryId});
    if (f.rows())
        state.disclosure = f.boolean(0, 0) ? EntryState::Disclosure::Released : EntryState::Disclosure::Withheld;
    state.signOffWaiting = summary.signOff == u"requested";
    if (auto no = permissionsFor(state, m_session.actor).refusal(action))
        throw Refusal{*no};
}

StoreResult<Done> PostgresStore::flagForDisclosureReview(const QString &entryId, const QString &reason, const Actor &)
{
    if (auto refused = refuseWrite())
        return *refused;
    if (reason.trimmed().isEmpty())
        return StoreError{ErrorCode::Invalid, u"flagging an entry for review before disclosure needs a reason (for example: it names a neighbour who reported the fire)."_s};
    return guarded<Done>(u"The entry was not flagged."_s, [&]() -> StoreResult<Done> {
        pg::Transaction t(*m_c);
        writeTime();
        const QString id = resolveEntryId(entryId);
        require(id, EntryAction::FlagForDisclosure);
        t.commitAfter("SELECT fairnote.flag_for_disclosure_review($1, $2)", pg::Params{id, reason.trimmed()});
        return Done{};
    });
}

StoreResult<Done> PostgresStore::releaseForDisclosure(const QString &entryId, const QString &note, const Actor &)
{
    if (auto refused = refuseWrite())
        return *refused;
    return guarded<Done>(u"The entry was not released."_s, [&]() -> StoreResult<Done> {
        pg::Transaction t(*m_c);
        writeTime();
        const QString id = resolveEntryId(entryId);
        require(id, EntryAction::ReleaseForDisclosure);
        t.commitAfter("SELECT fairnote.release_for_disclosure($1, $2)", pg::Params{id, note.trimmed()});
        return Done{};
    });
}

StoreResult<std::vector<DisclosureFlag>> PostgresStore::disclosureFlags(const QString &personId)
{
    return guarded<std::vector<DisclosureFlag>>({}, [&]() -> StoreResult<std::vector<DisclosureFlag>> {
        const pg::Result df = m_c->exec(
            "SELECT f.entry_id, fairnote.iso(f.flagged_at), u.name, u.role, u.organisation, f.reason, fairnote.iso(f.released_at), r.name, "
            "r.role, r.organisation, f.release_note FROM fairnote.disclosure_flags f JOIN fairnote.entries e ON e.id = f.entry_id "
            "JOIN fairnote.authors u ON u.id = f.flagged_by LEFT JOIN fairnote.authors r ON r.id = f.released_by "
            "WHERE $1::text IS NULL OR e.person_id = $1 ORDER BY f.flagged_at, f.entry_id",
            pg::Params{personId.isEmpty() ? QString() : personId});
        std::vector<DisclosureFlag> out;
        for (int i = 0; i < df.rows(); ++i)
            out.push_back({df.text(i, 0), fromIso(df.text(i, 1)), Actor{df.text(i, 2), df.text(i, 3), df.text(i, 4)}, df.text(i, 5),
                           fromIso(df.text(i, 6)), Actor{df.text(i, 7), df.text(i, 8), df.text(i, 9)}, df.text(i, 10)});
        return out;
    });
}

// ---- supervision: reviews and sign-off -----------------------------------------------------------

StoreResult<qint64> PostgresStore::recordReview(const Review &review, const Actor &)
{
    if (auto refused = refuseWrite())
        return *refused;
    return guarded<qint64>(u"The review was not saved."_s, [&]() -> StoreResult<qint64> {
        pg::Transaction t(*m_c);
        writeTime();
        const QString id = resolveEntryId(review.entryId);
        QJsonArray quality;
        for (const QualityScore &q : review.quality)
            quality.append(QJsonObject{{u"criterion"_s, q.criterion}, {u"score"_s, q.score}, {u"evidence"_s, q.evidence}, {u"comment"_s, q.comment}});
        const qint64 reviewId = t.commitAfter("SELECT fairnote.record_review($1, $2, $3, $4, $5, $6)",
                                              pg::Params{}.add(id).add(review.revision).add(compact(review.completeness))
                                                  .add(QString::fromUtf8(QJsonDocument(quality).toJson(QJsonDocument::Compact)))
                                                  .add(review.comment.trimmed()).add(review.returned))
                                        .integer(0, 0);
        return reviewId;
    });
}

StoreResult<std::vector<Review>> PostgresStore::reviews(const QString &entryId)
{
    return guarded<std::vector<Review>>({}, [&]() -> StoreResult<std::vector<Review>> {
        const QString id = entryId.isEmpty() ? QString() : resolveEntryId(entryId);
        const pg::Result r = m_c->exec("SELECT r.id, r.entry_id, r.revision, u.name, u.role, u.organisation, fairnote.iso(r.reviewed_at), "
                                       "r.completeness, r.quality, r.comment, r.returned, r.hash FROM fairnote.reviews r "
                                       "JOIN fairnote.authors u ON u.id = r.reviewer_id WHERE $1::text IS NULL OR r.entry_id = $1 ORDER BY r.id",
                                       pg::Params{id});
        std::vector<Review> out;
        for (int i = 0; i < r.rows(); ++i) {
            Review v;
            v.id = r.integer(i, 0);
            v.entryId = r.text(i, 1);
            v.revision = int(r.integer(i, 2));
            v.reviewer = Actor{r.text(i, 3), r.text(i, 4), r.text(i, 5)};
            v.reviewedAt = fromIso(r.text(i, 6));
            v.completeness = parseObject(r.text(i, 7));
            for (const QJsonValue &q : QJsonDocument::fromJson(r.text(i, 8).toUtf8()).array()) {
                const QJsonObject o = q.toObject();
                v.quality.push_back({o.value(u"criterion"_s).toString(), o.value(u"score"_s).toInt(), o.value(u"evidence"_s).toString(),
                                     o.value(u"comment"_s).toString()});
            }
            v.comment = r.text(i, 9);
            v.returned = r.boolean(i, 10);
            v.hash = r.text(i, 11);
            out.push_back(std::move(v));
        }
        return out;
    });
}

StoreResult<qint64> PostgresStore::requestSignOff(const QString &subject, const QString &personId, const QString &entryId,
                                                  const QString &documentHash, const QString &document, const QString &comment,
                                                  const Actor &)
{
    if (auto refused = refuseWrite())
        return *refused;
    if (subject != u"entry" && subject != u"summary")
        return StoreError{ErrorCode::Invalid, u"sign-off is for an entry or a summary."_s};
    return guarded<qint64>(u"Sign-off was not requested."_s, [&]() -> StoreResult<qint64> {
        pg::Transaction t(*m_c);
        writeTime();
        const QString id = subject == u"entry" ? resolveEntryId(entryId) : QString();
        if (!id.isEmpty())
            require(id, EntryAction::RequestSignOff);
        const qint64 signOffId = t.commitAfter("SELECT fairnote.request_signoff($1, $2, $3, $4, $5, $6)",
                                               pg::Params{subject, personId.isEmpty() ? QString() : personId, id, documentHash, document,
                                                          comment.trimmed()})
                                         .integer(0, 0);
        return signOffId;
    });
}

StoreResult<Done> PostgresStore::decideSignOff(qint64 signOffId, SignOffState decision, const QString &comment, const Actor &)
{
    if (auto refused = refuseWrite())
        return *refused;
    if (decision == SignOffState::Requested)
        return StoreError{ErrorCode::Invalid, u"a decision approves or returns."_s};
    if (decision == SignOffState::Returned && comment.trimmed().isEmpty())
        return StoreError{ErrorCode::Invalid, u"returning needs a comment saying what to correct."_s};
    return guarded<Done>(u"The decision was not saved."_s, [&]() -> StoreResult<Done> {
        pg::Transaction t(*m_c);
        writeTime();
        t.commitAfter("SELECT fairnote.decide_signoff($1, $2, $3)", pg::Params{}.add(signOffId).add(signOffStateId(decision)).add(comment.trimmed()));
        return Done{};
    });
}

StoreResult<std::vector<SignOff>> PostgresStore::signOffs(const QString &personId)
{
    return guarded<std::vector<SignOff>>({}, [&]() -> StoreResult<std::vector<SignOff>> {
        const pg::Result so = m_c->exec("SELECT so.id, so.subject, so.person_id, so.entry_id, so.revision, so.document_hash, u.name, u.role, "
                                        "u.organisation, fairnote.iso(so.requested_at), so.document FROM fairnote.signoffs so "
                                        "JOIN fairnote.authors u ON u.id = so.requested_by WHERE $1::text IS NULL OR so.person_id = $1 ORDER BY so.id",
                                        pg::Params{personId.isEmpty() ? QString() : personId});
        std::vector<SignOff> out;
        QHash<qint64, size_t> index;
        for (int i = 0; i < so.rows(); ++i) {
            SignOff s;
            s.id = so.integer(i, 0);
            s.subject = so.text(i, 1);
            s.personId = so.text(i, 2);
            s.entryId = so.text(i, 3);
            s.revision = int(so.integer(i, 4));
            s.documentHash = so.text(i, 5);
            s.requestedBy = Actor{so.text(i, 6), so.text(i, 7), so.text(i, 8)};
            s.requestedAt = fromIso(so.text(i, 9));
            s.document = so.text(i, 10);
            index.insert(s.id, out.size());
            out.push_back(std::move(s));
        }
        const pg::Result ev = m_c->exec("SELECT ev.signoff_id, ev.state, u.name, u.role, u.organisation, fairnote.iso(ev.at), ev.comment "
                                        "FROM fairnote.signoff_events ev JOIN fairnote.authors u ON u.id = ev.actor_id ORDER BY ev.id");
        for (int i = 0; i < ev.rows(); ++i) {
            const auto it = index.constFind(ev.integer(i, 0));
            if (it == index.constEnd())
                continue;
            const QString state = ev.text(i, 1);
            out[*it].events.push_back({state == u"approved" ? SignOffState::Approved : state == u"returned" ? SignOffState::Returned
                                                                                                         : SignOffState::Requested,
                                       Actor{ev.text(i, 2), ev.text(i, 3), ev.text(i, 4)}, fromIso(ev.text(i, 5)), ev.text(i, 6)});
        }
        return out;
    });
}

// ---- the audit trail, verify ---------------------------------------------------------------------

StoreResult<qint64> PostgresStore::logEvent(const Actor &, const QString &action, const QString &personId, const QString &entryId,
                                            const QJsonObject &detail)
{
    if (auto refused = refuseWrite())
        return *refused;
    if (!audit::isEvent(action)) // the registry's events only (the server refuses anything else too)
        return refusal::unknownEvent(action);
    return guarded<qint64>(u"The event was not recorded in the audit trail."_s, [&]() -> StoreResult<qint64> {
        pg::Transaction t(*m_c);
        writeTime();
        const qint64 seq = t.commitAfter("SELECT fairnote.log_event($1, $2, $3, $4)",
                                         pg::Params{action, personId.isEmpty() ? QString() : personId, entryId.isEmpty() ? QString() : entryId,
                                                    compact(detail)})
                                   .integer(0, 0);
        return seq;
    });
}

StoreResult<std::vector<AuditRow>> PostgresStore::auditEvents(const AuditQuery &query)
{
    return guarded<std::vector<AuditRow>>({}, [&]() -> StoreResult<std::vector<AuditRow>> {
        // The actions as a text[] literal: each quoted, its quotes and backslashes escaped.
        QString actions;
        if (!query.actions.isEmpty()) {
            QStringList quoted;
            for (QString a : query.actions)
                quoted << u'"' + a.replace(u'\\', u"\\\\"_s).replace(u'"', u"\\\""_s) + u'"';
            actions = u'{' + quoted.join(u',') + u'}';
        }
        const QString sql = u"SELECT a.seq, fairnote.iso(a.at), u.name, u.role, u.organisation, a.action, a.person_id, a.entry_id, "
                            u"a.revision, a.detail, a.prev_hash, a.hash FROM fairnote.audit a LEFT JOIN fairnote.authors u ON u.id = a.actor_id "
                            u"WHERE ($1::text IS NULL OR a.person_id = $1) AND ($2::text[] IS NULL OR a.action = ANY($2::text[])) "
                            u"ORDER BY a.seq "_s
                            + (query.newestFirst ? u"DESC"_s : u"ASC"_s) + u" LIMIT $3::bigint"_s;
        const QByteArray sqlBytes = sql.toUtf8();
        const pg::Result s = m_c->exec(sqlBytes.constData(), pg::Params{query.personId.isEmpty() ? QString() : query.personId, actions,
                                                       query.limit > 0 ? QString::number(query.limit) : QString()});
        std::vector<AuditRow> out;
        out.reserve(size_t(s.rows()));
        for (int i = 0; i < s.rows(); ++i) {
            AuditRow a;
            a.seq = s.integer(i, 0);
            a.at = fromIso(s.text(i, 1));
            a.actor = Actor{s.text(i, 2), s.text(i, 3), s.text(i, 4)};
            a.action = s.text(i, 5);
            a.personId = s.text(i, 6);
            a.entryId = s.text(i, 7);
            a.revision = int(s.integer(i, 8));
            a.detail = parseObject(s.text(i, 9));
            a.prevHash = s.text(i, 10);
            a.hash = s.text(i, 11);
            out.push_back(std::move(a));
        }
        return out;
    });
}

StoreResult<QString> PostgresStore::headHash()
{
    return guarded<QString>({}, [&]() -> StoreResult<QString> {
        return m_c->exec("SELECT hash FROM fairnote.chain_head WHERE id = 1").text(0, 0);
    });
}

StoreResult<VerifyReport> PostgresStore::verify(const Progress &progress)
{
    return guarded<VerifyReport>({}, [&]() -> StoreResult<VerifyReport> {
        VerifyReport report;
        // One snapshot: the server's checks and the list columns see the same record. The two run at the
        // same time, on two connections sharing that snapshot (pg_export_snapshot): the server's checks
        // in the server, the list columns mostly here.
        pg::Transaction t(*m_c, pg::Transaction::Isolation::RepeatableRead, true);
        const pg::Result counts = m_c->exec("SELECT head_hash, audit_rows, revisions, entries, people FROM fairnote.verify_counts()");
        report.headHash = counts.text(0, 0);
        report.auditRows = counts.integer(0, 1);
        report.revisions = counts.integer(0, 2);
        report.entries = counts.integer(0, 3);
        report.people = counts.integer(0, 4);
        const qint64 total = report.entries + 1;
        if (progress && !progress(0, total))
            throw Refusal{{ErrorCode::Cancelled, u"verify cancelled"_s}};
        const QString snapshot = m_c->exec("SELECT pg_export_snapshot()").text(0, 0);

        // The chain, the hashes, what every reader is shown against the chain, and the protections:
        // inside the server, which reads everything and says only where the problems are.
        pg::Connection checks(m_conninfo, m_overrides);
        pg::Canceller stopChecks(checks);
        std::vector<VerifyProblem> serverProblems;
        std::optional<pg::Failure> checksFailed;
        std::atomic<bool> checked{false};
        std::thread checking([&] {
            try {
                pg::Transaction ct(checks, pg::Transaction::Isolation::RepeatableRead, true);
                checks.execOnce(u"SET TRANSACTION SNAPSHOT '%1'"_s.arg(snapshot));
                const pg::Result problems = checks.exec("SELECT place, problem FROM fairnote.verify_server()");
                for (int i = 0; i < problems.rows() && serverProblems.size() < 1000; ++i)
                    serverProblems.push_back({problems.text(i, 0), problems.text(i, 1)});
                ct.commit();
            } catch (const pg::Failure &f) {
                checksFailed = f;
            }
            checked = true;
        });
        // Whatever ends this call (an answer, a failure, a cancel), the server's checks are stopped and
        // their thread joined first.
        struct JoinChecks
        {
            std::thread &thread;
            pg::Canceller &canceller;
            bool finished = false;
            ~JoinChecks()
            {
                if (!thread.joinable())
                    return;
                if (!finished)
                    canceller.cancel();
                thread.join();
            }
        } joinChecks{checking, stopChecks};

        // The list columns, recomputed here from the latest revision (or the session's own draft) with the
        // code that wrote them, for every entry this login may read.
        m_c->exec("DECLARE verify_heads NO SCROLL CURSOR FOR "
                  "SELECT e.id, e.summary, fairnote.iso(e.event_sort), fairnote.iso(e.event_latest), e.event_json, e.search_names, "
                  "  e.search_body, coalesce(r.content, d.content), p.id, p.name, p.other_names, p.date_of_birth::text "
                  "FROM fairnote.entries e JOIN fairnote.people p ON p.id = e.person_id "
                  "LEFT JOIN fairnote.revisions r ON r.entry_id = e.id AND r.number = e.revisions "
                  "LEFT JOIN fairnote.drafts d ON d.entry_id = e.id AND e.revisions = 0 "
                  "WHERE r.content IS NOT NULL OR d.content IS NOT NULL");
        qint64 done = 1;
        for (;;) {
            const pg::Result batch = m_c->exec("FETCH 2000 FROM verify_heads");
            if (!batch.rows())
                break;
            for (int i = 0; i < batch.rows(); ++i) {
                const QString id = batch.text(i, 0);
                auto parsed = record::entryFromJson(parseObject(batch.text(i, 7)));
                if (!parsed) {
                    report.problems.push_back({u"entry %1"_s.arg(id), u"its text cannot be read"_s});
                    continue;
                }
                record::Person person;
                person.id = batch.text(i, 8);
                person.name = batch.text(i, 9);
                for (const QJsonValue &v : QJsonDocument::fromJson(batch.text(i, 10).toUtf8()).array())
                    person.otherNames << v.toString();
                const QJsonObject head = headOf(person, *parsed);
                auto differs = [&](const char *column, const QString &stored, const QString &expected) {
                    if (stored != expected && report.problems.size() < 1000)
                        report.problems.push_back({u"entry %1"_s.arg(id), u"its list column %1 says \"%2\" but the record says \"%3\""_s
                                                                          .arg(QString::fromLatin1(column), stored.left(80), expected.left(80))});
                };
                differs("summary", batch.text(i, 1), head.value(u"summary"_s).toString());
                differs("event_sort", batch.text(i, 2), head.value(u"event_sort"_s).toString());
                differs("event_latest", batch.text(i, 3), head.value(u"event_latest"_s).toString());
                differs("event_json", compact(parseObject(batch.text(i, 4))), compact(parseObject(head.value(u"event_json"_s).toString())));
                differs("search_names", batch.text(i, 5), head.value(u"search_names"_s).toString());
                differs("search_body", batch.text(i, 6), head.value(u"search_body"_s).toString());
            }
            done += batch.rows();
            if (progress && !progress(std::min(done, total - 1), total))
                throw Refusal{{ErrorCode::Cancelled, u"verify cancelled"_s}};
        }
        m_c->exec("CLOSE verify_heads");
        // The server's checks may still be running (they read every audit row and revision); the
        // snapshot's transaction stays open until they are done, and a cancel still stops them.
        while (!checked) {
            std::this_thread::sleep_for(std::chrono::milliseconds(50));
            if (progress && !progress(std::min(done, total - 1), total))
                throw Refusal{{ErrorCode::Cancelled, u"verify cancelled"_s}};
        }
        joinChecks.finished = true;
        checking.join();
        t.commit();
        if (checksFailed)
            throw *checksFailed;
        // The server's problems first, as before: the chain matters most.
        std::vector<VerifyProblem> problems = std::move(serverProblems);
        for (auto &p : report.problems)
            if (problems.size() < 1000)
                problems.push_back(std::move(p));
        report.problems = std::move(problems);
        if (progress)
            progress(total, total);
        return report;
    });
}

} // namespace fairnote::store::postgres
