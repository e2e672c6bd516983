// SPDX-FileCopyrightText: 2026 Fairnote contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// The rubric, the completeness layer, sampling for the review queue, and recording-quality trends.
#include "review/review.h"

#include "record/describe.h"
#include "store/auditactions.h"
#include "text/csv.h"
#include "io/input.h"
#include "json/strictjson.h"
#include "wording/finding.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLocale>
#include <QMap>
#include <QRandomGenerator>
#include <QRegularExpression>
#include <QSet>
#include <cmath>

using namespace Qt::StringLiterals;

namespace fairnote::review {

// ---- the rubric ---------------------------------------------------------------------------------------

QStringList Rubric::knownChecks()
{
    return {u"required-answered"_s, u"source-recorded"_s, u"outcome-recorded"_s, u"late-reason-given"_s, u"view-asked"_s,
            u"wording-clear"_s};
}

const QualityCriterion *Rubric::criterion(QStringView id) const
{
    for (const QualityCriterion &c : quality)
        if (c.id == id)
            return &c;
    return nullptr;
}

QString Rubric::scaleTitle(int score) const
{
    for (const ScaleLevel &l : scale)
        if (l.score == score)
            return l.title;
    return score == 0 ? u"Not scored"_s : QString::number(score);
}

Result<Rubric, QString> Rubric::load(const QString &path)
{
    const QString file = path.isEmpty() ? u":/fairnote/review/rubric.json"_s : path;
    const QString shown = path.isEmpty() ? u"the built-in rubric"_s : path;
    auto bytes = io::readFile(file, {kMaxRubricBytes, u"a rubric"_s, {}});
    if (!bytes)
        return u"%1: %2."_s.arg(shown, bytes.error().message());
    // The one strict reader: invalid UTF-8, syntax and a member given twice are refused with where.
    auto doc = json::parse(*bytes);
    if (!doc) {
        const json::ParseError &e = doc.error();
        return u"%1: line %2, column %3: %4%5."_s.arg(shown).arg(e.line).arg(e.column)
            .arg(e.path.isEmpty() ? QString() : e.path + u": "_s, e.message);
    }
    if (!doc->isObject())
        return u"%1 is not a rubric: it must hold one JSON object."_s.arg(shown);
    const QJsonObject root = doc->toObject();
    auto problem = [&](const QString &pointer, const QString &what) { return u"%1: %2: %3"_s.arg(shown, pointer, what); };
    if (root.value(u"version"_s).toInt() != 1)
        return problem(u"/version"_s, u"expected 1"_s);
    Rubric r;
    r.title = root.value(u"title"_s).toString(u"Recording-quality review"_s);
    const QJsonArray checks = root.value(u"completeness"_s).toArray();
    QSet<QString> seen;
    for (qsizetype i = 0; i < checks.size(); ++i) {
        const QJsonObject o = checks[i].toObject();
        const QString p = u"/completeness/%1"_s.arg(i);
        CompletenessCheck c;
        c.id = o.value(u"id"_s).toString();
        if (!knownChecks().contains(c.id))
            return problem(p + u"/id"_s, u"expected one of %1"_s.arg(knownChecks().join(u", "_s)));
        if (seen.contains(c.id))
            return problem(p + u"/id"_s, u"\"%1\" is listed twice"_s.arg(c.id));
        seen.insert(c.id);
        c.title = o.value(u"title"_s).toString();
        if (c.title.trimmed().isEmpty())
            return problem(p + u"/title"_s, u"missing: every check needs a title"_s);
        c.explanation = o.value(u"explanation"_s).toString();
        const QJsonArray applies = o.value(u"applies_to"_s).toArray();
        c.incidents = c.notes = applies.isEmpty();
        for (const QJsonValue &v : applies) {
            if (v.toString() == u"incident")
                c.incidents = true;
            else if (v.toString() == u"note")
                c.notes = true;
            else
                return problem(p + u"/applies_to"_s, u"expected \"incident\" or \"note\""_s);
        }
        r.completeness.push_back(c);
    }
    const QJsonArray quality = root.value(u"quality"_s).toArray();
    if (quality.isEmpty())
        return problem(u"/quality"_s, u"expected at least one criterion"_s);
    seen.clear();
    for (qsizetype i = 0; i < quality.size(); ++i) {
        const QJsonObject o = quality[i].toObject();
        const QString p = u"/quality/%1"_s.arg(i);
        QualityCriterion c{o.value(u"id"_s).toString(), o.value(u"title"_s).toString(), o.value(u"question"_s).toString()};
        static const QRegularExpression idPattern(u"^[a-z][a-z0-9-]*$"_s);
        if (!idPattern.match(c.id).hasMatch())
            return problem(p + u"/id"_s, u"expected a lower-case id such as \"factual\""_s);
        if (seen.contains(c.id))
            return problem(p + u"/id"_s, u"\"%1\" is listed twice"_s.arg(c.id));
        seen.insert(c.id);
        if (c.title.trimmed().isEmpty() || c.question.trimmed().isEmpty())
            return problem(p, u"every criterion needs a title and the question the reviewer answers"_s);
        r.quality.push_back(c);
    }
    const QJsonArray scale = root.value(u"scale"_s).toArray();
    for (qsizetype i = 0; i < scale.size(); ++i) {
        const QJsonObject o = scale[i].toObject();
        r.scale.push_back({o.value(u"score"_s).toInt(), o.value(u"title"_s).toString(), o.value(u"meaning"_s).toString()});
    }
    if (r.scale.size() != 4 || r.scale[0].score != 1 || r.scale[3].score != 4)
        return problem(u"/scale"_s, u"expected the four levels 1 to 4, in order"_s);
    return r;
}

// ---- completeness -------------------------------------------------------------------------------------

QJsonObject Completeness::toJson() const
{
    QJsonArray list;
    for (const CheckResult &c : checks)
        list.append(QJsonObject{{u"id"_s, c.id}, {u"title"_s, c.title}, {u"applicable"_s, c.applicable}, {u"met"_s, c.met},
                                {u"detail"_s, c.detail}});
    return QJsonObject{{u"checks"_s, list}, {u"met"_s, met}, {u"applicable"_s, applicable}, {u"score"_s, score}};
}

Completeness completeness(const Rubric &rubric, const store::Revision &rev)
{
    Completeness out;
    const record::Entry &e = rev.entry;
    const record::IncidentRecord *r = e.incident();
    for (const CompletenessCheck &check : rubric.completeness) {
        CheckResult c{check.id, check.title, r ? check.incidents : check.notes, false, {}};
        if (!c.applicable) {
            out.checks.push_back(c);
            continue;
        }
        if (check.id == u"required-answered") {
            QStringList blanks;
            for (const auto &p : rev.snapshot.prompts)
                if (p.code == u"blank")
                    blanks << p.message;
            c.met = blanks.isEmpty();
            if (!c.met)
                c.detail = u"%1 left blank: %2"_s.arg(blanks.size() == 1 ? u"1 question"_s : u"%1 questions"_s.arg(blanks.size()),
                                                     blanks.mid(0, 3).join(u" "_s) + (blanks.size() > 3 ? u" …"_s : QString()));
        } else if (check.id == u"source-recorded") {
            const auto &s = r->source;
            c.met = s.type && *s.type != record::SourceType::Unknown
                && !(*s.type == record::SourceType::ThirdParty && s.thirdPartyRole.trimmed().isEmpty())
                && !(*s.type == record::SourceType::OfficialRecord && s.reference.trimmed().isEmpty());
            if (!c.met)
                c.detail = !s.type ? u"The source is not answered."_s
                    : *s.type == record::SourceType::Unknown ? u"The source is “unknown”."_s
                    : *s.type == record::SourceType::ThirdParty ? u"The third party is not named."_s
                                                                 : u"The official record has no reference."_s;
        } else if (check.id == u"outcome-recorded") {
            c.met = r->legal.status.has_value();
            if (!c.met)
                c.detail = u"No legal status or outcome is recorded."_s;
        } else if (check.id == u"late-reason-given") {
            c.applicable = rev.lateSeconds.has_value();
            c.met = !e.lateEntryReason.trimmed().isEmpty();
            if (c.applicable && !c.met)
                c.detail = u"Late entry (%1), with no reason given."_s.arg(record::lateEntryText(*rev.lateSeconds, e.eventDate));
        } else if (check.id == u"view-asked") {
            const auto &a = r->ownAccount;
            c.met = (a.status == record::AccountStatus::Asked && !a.text.trimmed().isEmpty())
                || (a.status && a.status != record::AccountStatus::Asked && !a.reason.trimmed().isEmpty());
            if (!c.met)
                c.detail = !a.status ? u"Whether the person was asked is not answered."_s
                    : a.status == record::AccountStatus::Asked ? u"They were asked, but their words are not recorded."_s
                                                               : u"No reason is given for not asking them."_s;
        } else if (check.id == u"wording-clear") {
            QStringList words;
            for (const auto &f : rev.snapshot.findings)
                if (f.category != u"spelling")
                    words << u"“%1”"_s.arg(f.text);
            c.met = words.isEmpty();
            if (!c.met)
                c.detail = u"%1 left: %2"_s.arg(words.size() == 1 ? u"1 finding"_s : u"%1 findings"_s.arg(words.size()),
                                               words.mid(0, 5).join(u", "_s) + (words.size() > 5 ? u", …"_s : QString()));
        }
        if (c.applicable) {
            ++out.applicable;
            out.met += c.met ? 1 : 0;
        }
        out.checks.push_back(c);
    }
    out.score = out.applicable ? double(out.met) / out.applicable : 1.0;
    return out;
}

// ---- sampling -------------------------------------------------------------------------------------------

namespace {

bool sameWorker(const store::Actor &author, const QString &worker)
{
    return worker.trimmed().isEmpty() || store::matchesWorker(author, worker);
}

QString plural(qsizetype n, const QString &one, const QString &many) { return n == 1 ? u"1 "_s + one : u"%1 "_s.arg(n) + many; }

} // namespace

Result<Sample, QString> drawSample(store::Store &s, const SampleSpec &spec, const QDateTime &now)
{
    if (!spec.everyIncident && spec.size < 1)
        return u"A sample needs at least one entry."_s;
    if (spec.windowMonths < 0)
        return u"The review window is a number of months from 0."_s;
    store::ListFilter all;
    all.includeInError = false;
    auto list = s.entries(all, {});
    if (!list)
        return list.error().message;
    Sample out;
    out.seed = spec.seed != 0 ? spec.seed : (QRandomGenerator::global()->generate() | 1u);
    const QDateTime windowStart = now.addMonths(-spec.windowMonths);
    std::vector<const store::EntrySummary *> eligible;
    qsizetype recentlyReviewed = 0, outside = 0, byThatWorker = 0, own = 0;
    QStringList workers;
    for (const store::EntrySummary &e : *list) {
        if (e.status == store::EntryStatus::Draft || e.status == store::EntryStatus::InError)
            continue;
        if (!workers.contains(e.author.name))
            workers << e.author.name;
        if (!spec.worker.trimmed().isEmpty() && sameWorker(e.author, spec.worker))
            ++byThatWorker;
        const bool wanted = (spec.everyIncident ? e.incident : (!spec.incidents || *spec.incidents == e.incident))
            && sameWorker(e.author, spec.worker) && (!spec.from.isValid() || e.writtenAt.date() >= spec.from)
            && (!spec.to.isValid() || e.writtenAt.date() <= spec.to);
        if (!wanted) {
            ++outside;
            continue;
        }
        if (!spec.reviewer.name.trimmed().isEmpty() && store::samePerson(e.author, spec.reviewer)) {
            ++own;
            continue;
        }
        if (spec.windowMonths > 0 && e.lastReviewed.isValid() && e.lastReviewed >= windowStart) {
            ++recentlyReviewed;
            continue;
        }
        eligible.push_back(&e);
    }
    if (!spec.worker.trimmed().isEmpty() && byThatWorker == 0) {
        workers.sort(Qt::CaseInsensitive);
        return u"No final entries in this file were written by “%1”. Give the name as the chronology shows it%2."_s
            .arg(spec.worker.trimmed(), workers.isEmpty() ? QString() : u"; the workers here are: "_s + workers.join(u", "_s));
    }
    // A fixed order first (by id), then a shuffle driven only by the seed: the same seed gives the same sample.
    std::sort(eligible.begin(), eligible.end(), [](const auto *a, const auto *b) { return a->id < b->id; });
    QRandomGenerator gen(out.seed);
    for (qsizetype i = qsizetype(eligible.size()) - 1; i > 0; --i)
        std::swap(eligible[size_t(i)], eligible[size_t(gen.bounded(qint64(i) + 1))]);
    if (spec.everyIncident) {
        for (const auto *e : eligible)
            out.entryIds << e->id;
    } else if (spec.byWorker) {
        QMap<QString, std::vector<const store::EntrySummary *>> byWorker;
        for (const auto *e : eligible)
            byWorker[store::actorDisplay(e->author)].push_back(e);
        // Round robin over the workers, so each gets an equal share as far as their entries allow.
        for (size_t round = 0; out.entryIds.size() < spec.size; ++round) {
            bool any = false;
            for (auto it = byWorker.cbegin(); it != byWorker.cend() && out.entryIds.size() < spec.size; ++it) {
                if (round < it->size()) {
                    out.entryIds << (*it)[round]->id;
                    any = true;
                }
            }
            if (!any)
                break;
        }
    } else {
        for (size_t i = 0; i < eligible.size() && out.entryIds.size() < spec.size; ++i)
            out.entryIds << eligible[i]->id;
    }
    out.notes << u"%1 eligible; %2 sampled (seed %3)."_s.arg(plural(qsizetype(eligible.size()), u"entry was"_s, u"entries were"_s))
                     .arg(out.entryIds.size())
                     .arg(out.seed);
    if (own > 0)
        out.notes << u"%1 left out: written by %2, who is reviewing (nobody reviews their own work)."_s
                         .arg(plural(own, u"entry"_s, u"entries"_s), spec.reviewer.name.trimmed());
    if (recentlyReviewed > 0)
        out.notes << u"%1 left out: reviewed in the last %2 months."_s.arg(plural(recentlyReviewed, u"entry"_s, u"entries"_s))
                         .arg(spec.windowMonths);
    if (!spec.everyIncident && out.entryIds.size() < spec.size)
        out.notes << u"Fewer entries than asked for could be sampled."_s;
    Q_UNUSED(outside);
    return out;
}

store::StoreResult<qint64> recordQueue(store::Store &s, const Sample &sample, const SampleSpec &spec, const store::Actor &actor)
{
    QJsonObject specJson{{u"size"_s, spec.size}, {u"seed"_s, qint64(sample.seed)}, {u"worker"_s, spec.worker},
                         {u"type"_s, !spec.incidents ? u"any"_s : (*spec.incidents ? u"incident"_s : u"note"_s)},
                         {u"from"_s, spec.from.toString(Qt::ISODate)}, {u"to"_s, spec.to.toString(Qt::ISODate)},
                         {u"every_incident"_s, spec.everyIncident}, {u"by_worker"_s, spec.byWorker}, {u"window_months"_s, spec.windowMonths},
                         {u"reviewer"_s, store::actorDisplay(spec.reviewer)}};
    return s.logEvent(actor, store::audit::ReviewSample.toString(), {}, {},
                      QJsonObject{{u"spec"_s, specJson}, {u"entries"_s, QJsonArray::fromStringList(sample.entryIds)},
                                  {u"notes"_s, QJsonArray::fromStringList(sample.notes)}});
}

Result<std::vector<QueueItem>, QString> currentQueue(store::Store &s)
{
    store::AuditQuery last;
    last.actions = {store::audit::ReviewSample.toString()};
    last.newestFirst = true;
    last.limit = 1;
    auto trail = s.auditEvents(last);
    if (!trail)
        return trail.error().message;
    std::vector<QueueItem> out;
    if (trail->empty())
        return out;
    const store::AuditRow *queue = &trail->front();
    for (const QJsonValue &v : queue->detail.value(u"entries"_s).toArray()) {
        auto d = s.entry(v.toString());
        if (!d)
            continue; // an entry no longer in the file (a draft discarded cannot be sampled; this is defensive)
        QueueItem item{d->summary, false, {}};
        if (auto reviews = s.reviews(d->summary.id))
            for (const store::Review &r : *reviews)
                if (r.reviewedAt >= queue->at) {
                    item.reviewed = true;
                    item.reviewedAt = r.reviewedAt;
                }
        out.push_back(std::move(item));
    }
    return out;
}

Feedback feedbackFor(store::Store &s, const store::EntryDetail &d)
{
    Feedback out;
    if (d.revisions.empty() || d.inError)
        return out;
    const int current = d.revisions.back().number;
    const QLocale uk(QLocale::English, QLocale::UnitedKingdom);
    auto day = [&](const QDateTime &t) { return uk.toString(t.toLocalTime().date(), u"d MMMM yyyy"_s); };
    auto withComment = [](const QString &text, const QString &comment) -> QString {
        if (comment.trimmed().isEmpty())
            return text + u'.';
        return text + u": "_s + comment.trimmed();
    };
    if (auto reviews = s.reviews(d.summary.id); reviews && !reviews->empty()) {
        const store::Review *latest = nullptr;
        for (const store::Review &r : *reviews)
            if (r.revision == current)
                latest = &r;
        if (latest && latest->returned) {
            out.returned = true;
            out.lines << withComment(u"Returned for correction by %1 on %2"_s.arg(store::actorDisplay(latest->reviewer), day(latest->reviewedAt)),
                                     latest->comment)
                      << u"Amend the entry, giving the reason, to answer it."_s;
        }
    }
    if (auto all = s.signOffs(d.summary.personId)) {
        const store::SignOff *latest = nullptr;
        for (const store::SignOff &so : *all)
            if (so.subject == u"entry" && so.entryId == d.summary.id && so.revision == current)
                latest = &so;
        if (latest && !latest->events.empty()) {
            const store::SignOffEvent &e = latest->events.back();
            switch (e.state) {
            case store::SignOffState::Requested:
                out.lines << u"Sign-off requested by %1 on %2 (request %3)."_s.arg(store::actorDisplay(e.actor), day(e.at)).arg(latest->id);
                break;
            case store::SignOffState::Approved:
                out.lines << u"Signed off by %1 on %2."_s.arg(store::actorDisplay(e.actor), day(e.at));
                break;
            case store::SignOffState::Returned:
                out.returned = true;
                out.lines << withComment(u"Sign-off returned by %1 on %2"_s.arg(store::actorDisplay(e.actor), day(e.at)), e.comment);
                break;
            }
        }
    }
    return out;
}

// ---- trends -----------------------------------------------------------------------------------------------

namespace {

struct Tally
{
    qint64 entries = 0, incidents = 0, incidentsSourced = 0, late = 0, words = 0, findings = 0;
    QMap<QString, qint64> byCategory;
    double completeness = 0;
    double quality = 0;
    qint64 qualityN = 0;
};

qint64 countWords(const QString &text)
{
    static const QRegularExpression word(u"[\\p{L}\\p{N}]+(['’][\\p{L}]+)?"_s);
    qint64 n = 0;
    for (auto it = word.globalMatch(text); it.hasNext(); it.next())
        ++n;
    return n;
}

} // namespace

Result<std::vector<TrendRow>, QString> trends(store::Store &s, const Rubric &rubric, const TrendOptions &options)
{
    if (options.from.isValid() && options.to.isValid() && options.from > options.to)
        return u"The period starts (%1) after it ends (%2). Give a start date on or before the end date."_s
            .arg(options.from.toString(Qt::ISODate), options.to.toString(Qt::ISODate));
    store::ListFilter all;
    all.includeInError = false;
    auto list = s.entries(all, {});
    if (!list)
        return list.error().message;
    QMap<QString, QMap<QString, Tally>> tallies; // period -> group -> tally
    for (const store::EntrySummary &sum : *list) {
        if (sum.status == store::EntryStatus::Draft || sum.status == store::EntryStatus::InError)
            continue;
        auto d = s.entry(sum.id);
        if (!d || d->revisions.empty())
            continue;
        // The writing as it was first finalised: a trend of how people write, which later corrections
        // (after a review, say) must not hide.
        const store::Revision &first = d->revisions.front();
        const QDate written = first.writtenAt.toUTC().date();
        if ((options.from.isValid() && written < options.from) || (options.to.isValid() && written > options.to))
            continue;
        const QString period = written.toString(u"yyyy-MM"_s);
        const Completeness comp = completeness(rubric, first);
        const record::IncidentRecord *r = first.entry.incident();
        auto reviews = s.reviews(sum.id);
        for (const QString &group : {u"Team"_s, store::actorDisplay(first.author)}) {
            Tally &t = tallies[period][group];
            ++t.entries;
            if (r) {
                ++t.incidents;
                const bool sourced = r->source.type && *r->source.type != record::SourceType::Unknown;
                t.incidentsSourced += sourced && r->legal.status.has_value() ? 1 : 0;
            }
            t.late += first.lateSeconds ? 1 : 0;
            t.words += countWords(record::narrativeText(first.entry));
            for (const auto &f : first.snapshot.findings) {
                if (f.category == u"spelling")
                    continue;
                ++t.findings;
                ++t.byCategory[f.category];
            }
            t.completeness += comp.score;
            if (reviews)
                for (const store::Review &rv : *reviews)
                    for (const store::QualityScore &q : rv.quality)
                        if (q.score > 0) {
                            t.quality += q.score;
                            ++t.qualityN;
                        }
        }
    }
    std::vector<TrendRow> out;
    for (auto p = tallies.cbegin(); p != tallies.cend(); ++p) {
        // The team first, then each worker in name order.
        QStringList groups = p->keys();
        groups.removeAll(u"Team"_s);
        groups.prepend(u"Team"_s);
        for (const QString &group : groups) {
            const Tally &t = p->value(group);
            out.push_back({p.key(), group, u"entries"_s, double(t.entries), t.entries});
            if (t.incidents > 0)
                out.push_back({p.key(), group, u"incidents-with-source-and-outcome"_s, double(t.incidentsSourced) / t.incidents, t.incidents});
            out.push_back({p.key(), group, u"late-entries"_s, double(t.late) / t.entries, t.entries});
            const double per = t.words > 0 ? 1000.0 / t.words : 0;
            out.push_back({p.key(), group, u"findings-per-1000-words"_s, t.findings * per, t.words});
            for (auto c = t.byCategory.cbegin(); c != t.byCategory.cend(); ++c)
                out.push_back({p.key(), group, u"findings-per-1000-words:"_s + c.key(), c.value() * per, t.words});
            out.push_back({p.key(), group, u"completeness"_s, t.completeness / t.entries, t.entries});
            if (t.qualityN > 0)
                out.push_back({p.key(), group, u"quality"_s, t.quality / t.qualityN, t.qualityN});
        }
    }
    return out;
}

QString metricTitle(const QString &metric)
{
    if (metric == u"entries")
        return u"Entries finalised"_s;
    if (metric == u"incidents-with-source-and-outcome")
        return u"Incidents with source and outcome recorded"_s;
    if (metric == u"late-entries")
        return u"Late entries"_s;
    if (metric == u"findings-per-1000-words")
        return u"Wording findings per 1,000 words"_s;
    if (metric.startsWith(u"findings-per-1000-words:")) {
        Category c;
        const QString id = metric.section(u':', 1);
        return u"Findings per 1,000 words: %1"_s.arg(categoryFromId(id, &c) ? categoryTitle(c) : id);
    }
    if (metric == u"completeness")
        return u"Completeness (share of checks met)"_s;
    if (metric == u"quality")
        return u"Quality (mean score, 1–4)"_s;
    return metric;
}

QString trendsCsv(const std::vector<TrendRow> &rows)
{
    auto field = [](const QString &s) { return text::csvCell(s); }; // a worker's name could start with "="
    QString out = u"period,group,metric,value,n\n"_s;
    for (const TrendRow &r : rows)
        out += u"%1,%2,%3,%4,%5\n"_s.arg(r.period, field(r.group), r.metric, QString::number(r.value, 'f', 4)).arg(r.n);
    return out;
}

QJsonObject trendsJson(const std::vector<TrendRow> &rows)
{
    QJsonArray list;
    for (const TrendRow &r : rows)
        list.append(QJsonObject{{u"period"_s, r.period}, {u"group"_s, r.group}, {u"metric"_s, r.metric},
                                {u"title"_s, metricTitle(r.metric)}, {u"value"_s, std::round(r.value * 10000) / 10000}, {u"n"_s, r.n}});
    return QJsonObject{{u"format"_s, u"fairnote-trends"_s}, {u"version"_s, 1}, {u"rows"_s, list}};
}

} // namespace fairnote::review
