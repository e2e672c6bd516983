// SPDX-FileCopyrightText: 2026 Fairnote contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// Reading a SQLite case file: a person's case file, the chronology, one entry in full, full-text search.
#include "store/sqlite/sqlitestore.h"

#include <QJsonDocument>

using namespace Qt::StringLiterals;

namespace fairnote::store {

namespace {

// Searches matching more entries than this are listed newest first rather than ranked (see search()).
constexpr qint64 kRankedSearchLimit = 2000;

} // namespace

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

namespace {

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

} // namespace

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

} // namespace fairnote::store
