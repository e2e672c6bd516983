// SPDX-FileCopyrightText: 2026 Fairnote contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// `server push`: a verified case file copied into a server through the server's push functions
// (core/store/postgres/sql/v1/60-push.sql), which recompute every hash.
#include "store/postgres/push.h"

#include "store/postgres/connection.h"
#include "store/postgres/failure.h"
#include "store/postgres/pgstore.h"

#include "record/interchange.h"

#include <QJsonArray>
#include <QJsonDocument>

using namespace Qt::StringLiterals;

namespace fairnote::store::postgres {

namespace {

QString iso(const QDateTime &t) { return t.isValid() ? t.toUTC().toString(u"yyyy-MM-ddTHH:mm:ss.zzzZ"_s) : QString(); }
QString compact(const QJsonObject &o) { return QString::fromUtf8(QJsonDocument(o).toJson(QJsonDocument::Compact)); }
QString compact(const QJsonArray &a) { return QString::fromUtf8(QJsonDocument(a).toJson(QJsonDocument::Compact)); }

// The entry as the file stores it: the same serialisation the file wrote, so the hashes agree.
QString storedContent(const Revision &r) { return compact(record::entryToJson(r.entry)); }

pg::Params &late(pg::Params &p, const std::optional<qint64> &seconds)
{
    if (seconds)
        p.add(*seconds);
    else
        p.addNull();
    return p;
}

} // namespace

StoreResult<PushReport> pushToServer(Store &file, const QString &conninfo, const Progress &progress, const std::optional<QString> &password)
{
    // Connected first, so that a password the server asks for is asked before the file's long verify.
    auto connected = connectWith(conninfo, password);
    if (!connected)
        return connected.error();
    std::unique_ptr<pg::Connection> c = std::move(*connected);
    auto verified = file.verify({});
    if (!verified)
        return verified.error();
    if (!verified->ok())
        return StoreError{ErrorCode::Corrupt, u"%1 does not verify (%2: %3), so it was not pushed: the server would keep a history that "
                                              u"cannot be proved. Run 'fairnote-cli verify' on it."_s
                                              .arg(file.location(), verified->problems.front().where, verified->problems.front().message)};
    const QString where = serverName(*c);
    const Actor reader{u"fairnote-cli server push"_s, {}, {}};
    PushReport report;
    report.fileHeadHash = verified->headHash;
    try {
        auto people = file.people(reader);
        if (!people)
            return people.error();
        ListFilter all;
        all.othersDrafts = true;
        all.includeInError = true;
        auto entries = file.entries(all, reader);
        if (!entries)
            return entries.error();
        auto reviews = file.reviews();
        if (!reviews)
            return reviews.error();
        auto signOffs = file.signOffs();
        if (!signOffs)
            return signOffs.error();
        const qint64 total = qint64(people->size() + entries->size() + reviews->size() + signOffs->size()) + 1;
        qint64 done = 0;
        auto tick = [&] {
            ++done;
            if (progress && !progress(done, total))
                throw Refusal{{ErrorCode::Cancelled, u"push cancelled; nothing was pushed."_s}};
        };

        pg::Transaction t(*c);
        QHash<QString, record::Person> byId;
        for (const PersonSummary &ps : *people) {
            c->exec("SELECT fairnote.push_person($1, $2, $3, $4::date)",
                    pg::Params{ps.person.id, ps.person.name, compact(QJsonArray::fromStringList(ps.person.otherNames)),
                               ps.person.dateOfBirth.isValid() ? ps.person.dateOfBirth.toString(Qt::ISODate) : QString()});
            byId.insert(ps.person.id, ps.person);
            ++report.people;
            tick();
        }
        for (const EntrySummary &summary : *entries) {
            tick();
            if (summary.revisions == 0) {
                ++report.draftsLeft;
                continue;
            }
            auto detail = file.entry(summary.id);
            if (!detail)
                return detail.error();
            if (detail->draft)
                ++report.draftsLeft; // an amendment in progress: the final revisions go, the draft stays in the file
            const Revision &latest = detail->revisions.back();
            pg::Params entry{summary.id, summary.personId, summary.incident ? u"incident"_s : u"note"_s, iso(detail->revisions.front().writtenAt),
                             compact(headOf(byId.value(summary.personId), latest.entry)), iso(summary.writtenAt), summary.author.name,
                             summary.author.role, summary.author.organisation};
            late(entry, summary.lateSeconds);
            c->exec("SELECT fairnote.push_entry($1, $2, $3, $4::timestamptz, $5::jsonb, $6::timestamptz, $7, $8, $9, $10)", entry);
            for (const Revision &r : detail->revisions) {
                pg::Params p{summary.id};
                p.add(r.number).add(storedContent(r)).add(r.author.name).add(r.author.role).add(r.author.organisation).add(iso(r.writtenAt))
                    .add(r.reason);
                late(p, r.lateSeconds);
                p.add(snapshotJson(r.snapshot)).add(r.hash);
                c->exec("SELECT fairnote.push_revision($1, $2, $3, $4, $5, $6, $7::timestamptz, $8, $9, $10::jsonb, $11)", p);
                ++report.revisions;
            }
            if (detail->inError)
                c->exec("SELECT fairnote.push_error($1, $2::timestamptz, $3, $4, $5, $6)",
                        pg::Params{summary.id, iso(detail->inError->at), detail->inError->by.name, detail->inError->by.role,
                                   detail->inError->by.organisation, detail->inError->reason});
            if (detail->disclosure) {
                const DisclosureFlag &f = *detail->disclosure;
                c->exec("SELECT fairnote.push_disclosure($1, $2::timestamptz, $3, $4, $5, $6, $7::timestamptz, $8, $9, $10, $11)",
                        pg::Params{summary.id, iso(f.flaggedAt), f.flaggedBy.name, f.flaggedBy.role, f.flaggedBy.organisation, f.reason,
                                   f.released() ? iso(f.releasedAt) : QString(), f.releasedBy.name, f.releasedBy.role,
                                   f.releasedBy.organisation, f.releaseNote});
            }
            ++report.entries;
        }
        for (const Review &v : *reviews) {
            QJsonArray quality;
            for (const QualityScore &q : v.quality)
                quality.append(QJsonObject{{u"criterion"_s, q.criterion}, {u"score"_s, q.score}, {u"evidence"_s, q.evidence}, {u"comment"_s, q.comment}});
            c->exec("SELECT fairnote.push_review($1, $2, $3, $4, $5, $6::timestamptz, $7, $8, $9, $10, $11)",
                    pg::Params{}.add(v.entryId).add(v.revision).add(v.reviewer.name).add(v.reviewer.role).add(v.reviewer.organisation)
                        .add(iso(v.reviewedAt)).add(compact(v.completeness)).add(compact(quality)).add(v.comment).add(v.returned).add(v.hash));
            ++report.reviews;
            tick();
        }
        for (const SignOff &s : *signOffs) {
            QJsonArray events;
            for (const SignOffEvent &e : s.events)
                events.append(QJsonObject{{u"state"_s, signOffStateId(e.state)}, {u"name"_s, e.actor.name}, {u"role"_s, e.actor.role},
                                          {u"organisation"_s, e.actor.organisation}, {u"at"_s, iso(e.at)}, {u"comment"_s, e.comment}});
            c->exec("SELECT fairnote.push_signoff($1, $2, $3, $4, $5, $6, $7::jsonb)",
                    pg::Params{}.add(s.subject).add(s.personId).add(s.entryId).add(s.revision).add(s.documentHash).add(s.document)
                        .add(compact(events)));
            ++report.signOffs;
            tick();
        }
        const QJsonObject counts{{u"people"_s, report.people}, {u"entries"_s, report.entries}, {u"revisions"_s, report.revisions},
                                 {u"reviews"_s, report.reviews}, {u"signoffs"_s, report.signOffs}, {u"audit_rows"_s, verified->auditRows}};
        report.anchorSeq = t.commitAfter("SELECT fairnote.push_anchor($1, $2, $3, $4::jsonb)",
                                         pg::Params{QString(), file.location(), verified->headHash, compact(counts)})
                                     .integer(0, 0);
        if (progress)
            progress(total, total);
        return report;
    } catch (const pg::Failure &f) {
        return toError(f, where, u"Nothing was pushed."_s);
    } catch (const Refusal &r) {
        return r.error;
    }
}

} // namespace fairnote::store::postgres
