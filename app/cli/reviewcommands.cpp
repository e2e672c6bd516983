// SPDX-FileCopyrightText: 2026 Fairnote contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// fairnote-cli review sample|list|show|record|signoff and fairnote-cli trends.
#include "reviewcommands.h"

#include "common.h"
#include "record/describe.h"
#include "report/summary.h"
#include "review/review.h"

#include <QFileInfo>
#include <algorithm>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLocale>

using namespace Qt::StringLiterals;

namespace fairnote::cli {

namespace {
const QLocale kUk(QLocale::English, QLocale::UnitedKingdom);
QString day(const QDateTime &t) { return kUk.toString(t.toUTC().date(), u"d MMMM yyyy"_s); }

void printJson(CliIo &io, const QJsonObject &o) { io.out << QString::fromUtf8(QJsonDocument(o).toJson(QJsonDocument::Compact)) << u'\n'; }

// One sign-off request, with what it is for: an entry (see 'review show'), or a referral summary made
// again from what the request kept, so the supervisor reads what they sign.
int showSignOff(CliIo &io, store::Store &s, const store::SignOff &so, bool json)
{
    QJsonArray events;
    QStringList history;
    for (const store::SignOffEvent &e : so.events) {
        events.append(QJsonObject{{u"state"_s, store::signOffStateId(e.state)}, {u"by"_s, store::actorDisplay(e.actor)},
                                  {u"at"_s, e.at.toString(Qt::ISODate)}, {u"comment"_s, e.comment}});
        history << u"  %1 by %2 on %3%4"_s.arg(store::signOffStateTitle(e.state), store::actorDisplay(e.actor), day(e.at),
                                              e.comment.isEmpty() ? QString() : u" — “%1”"_s.arg(e.comment));
    }
    QJsonObject out{{u"id"_s, so.id}, {u"subject"_s, so.subject}, {u"person_id"_s, so.personId}, {u"state"_s, store::signOffStateId(so.state())},
                    {u"events"_s, events}};
    QString text = u"Sign-off request %1: %2\n"_s.arg(so.id).arg(store::signOffStateTitle(so.state())) + history.join(u'\n') + u'\n';
    if (so.subject == u"entry") {
        out.insert(u"entry"_s, so.entryId);
        out.insert(u"revision"_s, so.revision);
        text += u"\nFor entry %1, revision %2: 'fairnote-cli review show %1' shows it with its completeness.\n"_s.arg(so.entryId).arg(so.revision);
    } else {
        auto summary = report::summaryForSignOff(s, so);
        if (!summary) {
            out.insert(u"problem"_s, summary.error());
            text += u"\n"_s + summary.error() + u'\n';
        } else {
            const bool same = summary->contentHash == so.documentHash;
            out.insert(u"unchanged"_s, same);
            out.insert(u"summary"_s, report::summaryJson(*summary));
            text += u"\nThe fire-safety summary for %1\n  For: %2\n  Purpose: %3\n  %4\n\n%5\n"_s.arg(summary->person.name, summary->recipient,
                                                                                               summary->purpose, summary->basis, summary->inShort);
            for (const report::IncidentRow &i : summary->incidents)
                text += u"\n  %1 — %2\n    What happened: %3\n    Outcome: %4\n    How we know: %5\n    Disputed by the person: %6\n"_s
                            .arg(i.when, i.type, i.description, i.outcome, i.source, i.disputed);
            if (!summary->leftOut.isEmpty())
                text += u"\n  Left out: "_s + summary->leftOut.join(u' ') + u'\n';
            text += same ? u"\nThis is the summary as it was when sign-off was asked for.\n"_s
                         : u"\nThe record has changed since sign-off was asked for (an entry it draws on was amended or marked in error). "
                           u"Approving signs off the version that was asked for, not this one: consider returning it so it can be asked for again.\n"_s;
        }
    }
    if (json)
        printJson(io, out);
    else
        io.out << text;
    return ExitOk;
}
} // namespace

// ---- review ---------------------------------------------------------------------------------------

QString ReviewCommand::name() const { return u"review"_s; }
QString ReviewCommand::summary() const { return u"supervision: sample entries, review them with the rubric, sign-off"_s; }
QString ReviewCommand::help() const
{
    return u"Usage: fairnote-cli review sample [--size N] [--seed S] [--worker NAME] [--type incident|note]\n"
           u"                                  [--from DATE] [--to DATE] [--every-incident] [--by-worker]\n"
           u"                                  [--window-months N]\n"
           u"       fairnote-cli review list [--format text|json]\n"
           u"       fairnote-cli review show ENTRY [--format text|json]\n"
           u"       fairnote-cli review record ENTRY --score CRITERION=1-4 … [--evidence CRITERION=TEXT …]\n"
           u"                                  [--comment TEXT] [--return]\n"
           u"       fairnote-cli review signoff request ENTRY [--comment TEXT]\n"
           u"       fairnote-cli review signoff approve|return ID [--comment TEXT]\n"
           u"       fairnote-cli review signoff list [--format text|json]\n"
           u"       fairnote-cli review signoff show ID [--format text|json]\n\n"
           u"sample draws the review queue: a random sample (reproducible with --seed; the seed is\n"
           u"printed), filtered by worker, period (when written) and kind, or every fire-setting\n"
           u"incident; --by-worker takes an equal share from each worker. Entries reviewed within the\n"
           u"window (default 12 months) are left out. The queue is recorded in the audit trail.\n"
           u"list shows the queue, reviewed or not. show gives an entry's completeness (computed by the\n"
           u"rubric from the record), the quality criteria to score and earlier reviews. record saves a\n"
           u"review of the entry's latest final revision: a score of 1 (not met) to 4 (fully met) per\n"
           u"criterion, with evidence and a comment. It never changes the entry; --return sends it back\n"
           u"to its author for correction (they amend it). signoff requests, approves or returns a\n"
           u"sign-off; nobody signs off their own entry. A referral summary's sign-off is asked for with\n"
           u"'fairnote-cli report summary … --ask-sign-off'; signoff show makes that summary again so it\n"
           u"can be read before the decision, and says whether the record has changed since.\n\n"
           u"Options:\n"_s
        + storeOptionsHelp()
        + u"  --rubric FILE       the organisation's rubric instead of the built-in one.\n"
          u"  --format text|json  the output format of list, show and signoff list.\n"
          u"  -h, --help          show this help.\n\n"
          u"Exit status: 0 done, 2 bad usage or a request the record does not allow.\n"_s;
}

int ReviewCommand::execute(const QStringList &args, CliIo &io)
{
    ParsedArgs p;
    if (const auto done = parse(args,
                                storeValueOptions() << u"--size"_s << u"--seed"_s << u"--worker"_s << u"--type"_s << u"--from"_s << u"--to"_s
                                                    << u"--window-months"_s << u"--score"_s << u"--evidence"_s << u"--comment"_s
                                                    << u"--format"_s << u"--rubric"_s,
                                {u"--every-incident"_s, u"--by-worker"_s, u"--return"_s}, io, p))
        return *done;
    const QString action = p.positional.value(0);
    const bool json = p.values.value(u"--format"_s) == u"json";
    auto rubric = review::Rubric::load(settingOr(p, u"--rubric"_s, savedSettings().reviewRubric));
    if (!rubric)
        return fail(io, rubric.error());

    if (action == u"sample") {
        review::SampleSpec spec;
        bool ok = true;
        if (p.values.contains(u"--size"_s))
            spec.size = p.values.value(u"--size"_s).toInt(&ok);
        if (!ok || spec.size < 1)
            return usageError(io, u"--size needs a whole number from 1"_s);
        if (p.values.contains(u"--seed"_s))
            spec.seed = p.values.value(u"--seed"_s).toUInt(&ok);
        if (!ok || (p.values.contains(u"--seed"_s) && spec.seed == 0))
            return usageError(io, u"--seed needs a whole number from 1"_s);
        if (p.values.contains(u"--window-months"_s))
            spec.windowMonths = p.values.value(u"--window-months"_s).toInt(&ok);
        if (!ok || spec.windowMonths < 0)
            return usageError(io, u"--window-months needs a whole number from 0"_s);
        spec.worker = p.values.value(u"--worker"_s);
        const QString type = p.values.value(u"--type"_s);
        if (!type.isEmpty() && type != u"incident" && type != u"note")
            return usageError(io, u"--type is incident or note"_s);
        if (!type.isEmpty())
            spec.incidents = type == u"incident";
        for (const auto &[option, date] : {std::pair{u"--from"_s, &spec.from}, std::pair{u"--to"_s, &spec.to}}) {
            if (!p.values.contains(option))
                continue;
            *date = QDate::fromString(p.values.value(option), Qt::ISODate);
            if (!date->isValid())
                return usageError(io, u"%1 needs a date as YYYY-MM-DD"_s.arg(option));
        }
        spec.everyIncident = p.flags.contains(u"--every-incident"_s);
        spec.byWorker = p.flags.contains(u"--by-worker"_s);
        const auto actor = author(p, io);
        if (!actor)
            return ExitBadInput;
        auto s = open(p, io, Access::Write);
        if (!s)
            return ExitBadInput;
        spec.reviewer = *actor; // their own entries are left out, and the notes say how many
        auto sample = review::drawSample(*s, spec, QDateTime::currentDateTimeUtc());
        if (!sample)
            return fail(io, sample.error());
        if (auto r = review::recordQueue(*s, *sample, spec, *actor); !r)
            return fail(io, r.error());
        io.out << u"Review queue: %1 %2.\n"_s.arg(sample->entryIds.size()).arg(sample->entryIds.size() == 1 ? u"entry"_s : u"entries"_s);
        for (const QString &id : sample->entryIds) {
            auto d = s->entry(id);
            io.out << u"  %1  %2  %3  %4\n"_s.arg(id, d->summary.personName, d->summary.eventDate.display(), d->summary.summary);
        }
        for (const QString &note : sample->notes)
            io.out << note << u'\n';
        io.out << u"Draw the same sample again with --seed %1.\n"_s.arg(sample->seed);
        return ExitOk;
    }
    if (action == u"list") {
        auto s = open(p, io, Access::Read);
        if (!s)
            return ExitBadInput;
        auto queue = review::currentQueue(*s);
        if (!queue)
            return fail(io, queue.error());
        if (json) {
            QJsonArray list;
            for (const auto &i : *queue)
                list.append(QJsonObject{{u"entry"_s, i.entry.id}, {u"person_name"_s, i.entry.personName},
                                        {u"kind"_s, i.entry.incident ? u"incident"_s : u"note"_s}, {u"author"_s, store::actorDisplay(i.entry.author)},
                                        {u"reviewed"_s, i.reviewed},
                                        {u"reviewed_at"_s, i.reviewed ? QJsonValue(i.reviewedAt.toString(Qt::ISODate)) : QJsonValue()}});
            printJson(io, QJsonObject{{u"queue"_s, list}});
            return ExitOk;
        }
        if (queue->empty()) {
            io.out << u"There is no review queue yet: 'fairnote-cli review sample' draws one.\n"_s;
            return ExitOk;
        }
        for (const auto &i : *queue)
            io.out << u"  %1  %2  %3  %4 — %5\n"_s.arg(i.entry.id, i.reviewed ? u"reviewed    "_s : u"not reviewed"_s, i.entry.personName,
                                                      store::actorDisplay(i.entry.author), i.entry.summary);
        return ExitOk;
    }
    if (action == u"show") {
        if (p.positional.size() != 2)
            return usageError(io, u"give the entry to show"_s);
        auto s = open(p, io, Access::Read);
        if (!s)
            return ExitBadInput;
        auto d = s->entry(p.positional[1]);
        if (!d)
            return fail(io, d.error());
        if (d->revisions.empty())
            return fail(io, u"entry %1 is still a draft; only final entries are reviewed."_s.arg(d->summary.id));
        const auto comp = review::completeness(*rubric, d->revisions.back());
        auto reviews = s->reviews(d->summary.id);
        if (json) {
            QJsonArray earlier;
            for (const auto &r : reviews ? *reviews : std::vector<store::Review>{}) {
                QJsonArray scores;
                for (const auto &q : r.quality)
                    scores.append(QJsonObject{{u"criterion"_s, q.criterion}, {u"score"_s, q.score}, {u"evidence"_s, q.evidence}, {u"comment"_s, q.comment}});
                earlier.append(QJsonObject{{u"id"_s, r.id}, {u"revision"_s, r.revision}, {u"reviewer"_s, store::actorDisplay(r.reviewer)},
                                           {u"reviewed_at"_s, r.reviewedAt.toString(Qt::ISODate)}, {u"quality"_s, scores},
                                           {u"comment"_s, r.comment}, {u"returned"_s, r.returned}});
            }
            printJson(io, QJsonObject{{u"entry"_s, d->summary.id}, {u"revision"_s, d->revisions.back().number},
                                      {u"completeness"_s, comp.toJson()}, {u"reviews"_s, earlier}});
            return ExitOk;
        }
        io.out << u"Entry %1 (%2), revision %3 by %4\n\nCompleteness: %5 of %6 checks met\n"_s.arg(d->summary.id, d->summary.personName)
                      .arg(d->revisions.back().number)
                      .arg(store::actorDisplay(d->revisions.front().author))
                      .arg(comp.met)
                      .arg(comp.applicable);
        for (const auto &c : comp.checks)
            if (c.applicable)
                io.out << u"  [%1] %2%3\n"_s.arg(c.met ? u"met"_s : u"not met"_s, c.title, c.detail.isEmpty() ? QString() : u" — "_s + c.detail);
        io.out << u"\nQuality criteria (score each 1 to 4 with --score ID=N):\n"_s;
        for (const auto &q : rubric->quality)
            io.out << u"  %1: %2 — %3\n"_s.arg(q.id, q.title, q.question);
        if (reviews && !reviews->empty()) {
            io.out << u"\nEarlier reviews:\n"_s;
            for (const auto &r : *reviews) {
                QStringList scores;
                for (const auto &q : r.quality)
                    scores << u"%1 %2"_s.arg(q.criterion).arg(q.score);
                io.out << u"  %1 by %2 (revision %3): %4%5%6\n"_s.arg(day(r.reviewedAt), store::actorDisplay(r.reviewer)).arg(r.revision)
                              .arg(scores.join(u", "_s), r.comment.isEmpty() ? QString() : u" — "_s + r.comment,
                                   r.returned ? u" (returned for correction)"_s : QString());
            }
        }
        return ExitOk;
    }
    if (action == u"record") {
        if (p.positional.size() != 2)
            return usageError(io, u"give the entry you reviewed"_s);
        store::Review rv;
        for (const QString &score : p.all.value(u"--score"_s)) {
            const QString criterion = score.section(u'=', 0, 0).trimmed();
            bool ok = false;
            const int value = score.section(u'=', 1).trimmed().toInt(&ok);
            if (!rubric->criterion(criterion))
                return usageError(io, u"'%1' is not a criterion of the rubric ('review show ENTRY' lists them)"_s.arg(criterion));
            if (!ok || value < 1 || value > 4)
                return usageError(io, u"--score %1 needs a score from 1 (not met) to 4 (fully met)"_s.arg(criterion));
            rv.quality.push_back({criterion, value, {}, {}});
        }
        if (rv.quality.empty())
            return usageError(io, u"give at least one --score CRITERION=N"_s);
        for (const QString &evidence : p.all.value(u"--evidence"_s)) {
            const QString criterion = evidence.section(u'=', 0, 0).trimmed();
            auto it = std::find_if(rv.quality.begin(), rv.quality.end(), [&](const auto &q) { return q.criterion == criterion; });
            if (it == rv.quality.end())
                return usageError(io, u"--evidence %1 needs a --score for it too"_s.arg(criterion));
            it->evidence = evidence.section(u'=', 1).trimmed();
        }
        rv.comment = p.values.value(u"--comment"_s);
        rv.returned = p.flags.contains(u"--return"_s);
        const auto actor = author(p, io);
        if (!actor)
            return ExitBadInput;
        auto s = open(p, io, Access::Write);
        if (!s)
            return ExitBadInput;
        auto d = s->entry(p.positional[1]);
        if (!d)
            return fail(io, d.error());
        if (d->revisions.empty())
            return fail(io, u"entry %1 is still a draft; only final entries are reviewed."_s.arg(d->summary.id));
        rv.entryId = d->summary.id;
        rv.completeness = review::completeness(*rubric, d->revisions.back()).toJson();
        auto id = s->recordReview(rv, *actor);
        if (!id)
            return fail(io, id.error());
        io.out << u"Review %1 of entry %2 (revision %3) recorded%4. The entry itself is unchanged.\n"_s.arg(*id).arg(rv.entryId)
                      .arg(d->revisions.back().number)
                      .arg(rv.returned ? u", and returned to its author for correction"_s : QString());
        return ExitOk;
    }
    if (action == u"signoff") {
        const QString what = p.positional.value(1);
        if (what == u"list") {
            auto s = open(p, io, Access::Read);
            if (!s)
                return ExitBadInput;
            auto all = s->signOffs();
            if (!all)
                return fail(io, all.error());
            if (json) {
                QJsonArray list;
                for (const auto &so : *all)
                    list.append(QJsonObject{{u"id"_s, so.id}, {u"subject"_s, so.subject}, {u"entry"_s, so.entryId}, {u"revision"_s, so.revision},
                                            {u"document_hash"_s, so.documentHash}, {u"person_id"_s, so.personId},
                                            {u"requested_by"_s, store::actorDisplay(so.requestedBy)}, {u"state"_s, store::signOffStateId(so.state())}});
                printJson(io, QJsonObject{{u"signoffs"_s, list}});
                return ExitOk;
            }
            if (all->empty())
                io.out << u"No sign-off has been requested.\n"_s;
            for (const auto &so : *all) {
                const QString what = so.subject == u"summary" ? u"summary for %1"_s.arg(s->person(so.personId) ? s->person(so.personId)->name : so.personId)
                                                              : u"entry %1 (revision %2)"_s.arg(so.entryId).arg(so.revision);
                io.out << u"  %1  %2  %3 — requested by %4 on %5\n"_s.arg(so.id).arg(what, store::signOffStateTitle(so.state()),
                                                                              store::actorDisplay(so.requestedBy), day(so.requestedAt));
            }
            return ExitOk;
        }
        if (what == u"show") {
            if (p.positional.size() != 3)
                return usageError(io, u"say which request: 'review signoff show ID' ('review signoff list' shows them)"_s);
            bool ok = false;
            const qint64 id = p.positional[2].toLongLong(&ok);
            if (!ok)
                return usageError(io, u"give the number of the sign-off request ('review signoff list' shows them)"_s);
            auto s = open(p, io, Access::Read);
            if (!s)
                return ExitBadInput;
            auto all = s->signOffs();
            if (!all)
                return fail(io, all.error());
            const auto it = std::find_if(all->begin(), all->end(), [&](const store::SignOff &so) { return so.id == id; });
            if (it == all->end())
                return fail(io, u"there is no sign-off request %1."_s.arg(id));
            return showSignOff(io, *s, *it, json);
        }
        if ((what != u"request" && what != u"approve" && what != u"return") || p.positional.size() != 3)
            return usageError(io, u"say 'signoff request ENTRY', 'signoff approve ID', 'signoff return ID', 'signoff show ID' or 'signoff list'"_s);
        const auto actor = author(p, io);
        if (!actor)
            return ExitBadInput;
        auto s = open(p, io, Access::Write);
        if (!s)
            return ExitBadInput;
        if (what == u"request") {
            auto d = s->entry(p.positional[2]);
            if (!d)
                return fail(io, d.error());
            auto id = s->requestSignOff(u"entry"_s, {}, d->summary.id, {}, {}, p.values.value(u"--comment"_s), *actor);
            if (!id)
                return fail(io, id.error());
            io.out << u"Sign-off of entry %1 requested (request %2).\n"_s.arg(d->summary.id).arg(*id);
            return ExitOk;
        }
        bool ok = false;
        const qint64 id = p.positional[2].toLongLong(&ok);
        if (!ok)
            return usageError(io, u"give the number of the sign-off request ('review signoff list' shows them)"_s);
        auto r = s->decideSignOff(id, what == u"approve" ? store::SignOffState::Approved : store::SignOffState::Returned,
                                  p.values.value(u"--comment"_s), *actor);
        if (!r)
            return fail(io, r.error());
        io.out << (what == u"approve" ? u"Signed off (request %1).\n"_s : u"Returned to its author (request %1).\n"_s).arg(id);
        return ExitOk;
    }
    return usageError(io, u"say what to do: sample, list, show, record or signoff"_s);
}

// ---- trends ---------------------------------------------------------------------------------------

QString TrendsCommand::name() const { return u"trends"_s; }
QString TrendsCommand::summary() const { return u"recording-quality figures per month, for the team and each worker"_s; }
QString TrendsCommand::help() const
{
    return u"Usage: fairnote-cli trends [--format csv|json] [--from DATE] [--to DATE] [-o FILE] [--rubric FILE]\n\n"
           u"Recording-quality figures per month (by when each entry was first written), for the team\n"
           u"and for each worker: entries finalised; the share of incidents with their source and\n"
           u"outcome recorded; the share of late entries; wording findings per 1,000 words, in all and\n"
           u"by category; completeness (the share of the rubric's checks met); and the mean quality\n"
           u"score of supervisors' reviews. CSV: period,group,metric,value,n (n: what the figure rests on).\n\n"
           u"Options:\n"_s
        + storeOptionsHelp()
        + u"  --format csv|json   the format (default csv).\n"
          u"  --from DATE, --to DATE   the period (YYYY-MM-DD).\n"
          u"  -o, --output FILE   write to FILE instead of standard output.\n"
          u"  --rubric FILE       the organisation's rubric instead of the built-in one.\n"
          u"  -h, --help          show this help.\n\n"
          u"Exit status: 0, or 2 for bad usage or a case file that cannot be read.\n"_s;
}

int TrendsCommand::execute(const QStringList &args, CliIo &io)
{
    const QStringList normalised = withLongOutput(args);
    ParsedArgs p;
    // --format is csv or json here, so it is parsed by this command rather than the shared text|json check.
    p = parseArgs(normalised, storeValueOptions() << u"--format"_s << u"--from"_s << u"--to"_s << u"--output"_s << u"--rubric"_s, {});
    if (!p.error.isEmpty())
        return usageError(io, p.error);
    if (p.flags.contains(u"--help"_s)) {
        io.out << help();
        return ExitOk;
    }
    const QString format = p.values.value(u"--format"_s, u"csv"_s);
    if (format != u"csv" && format != u"json")
        return usageError(io, u"--format must be csv or json, not '%1'"_s.arg(format));
    review::TrendOptions options;
    for (const auto &[option, date] : {std::pair{u"--from"_s, &options.from}, std::pair{u"--to"_s, &options.to}}) {
        if (!p.values.contains(option))
            continue;
        *date = QDate::fromString(p.values.value(option), Qt::ISODate);
        if (!date->isValid())
            return usageError(io, u"%1 needs a date as YYYY-MM-DD"_s.arg(option));
    }
    auto rubric = review::Rubric::load(settingOr(p, u"--rubric"_s, savedSettings().reviewRubric));
    if (!rubric)
        return fail(io, rubric.error());
    auto s = open(p, io, Access::Read);
    if (!s)
        return ExitBadInput;
    auto rows = review::trends(*s, *rubric, options);
    if (!rows)
        return fail(io, rows.error());
    const QByteArray bytes = format == u"json" ? QJsonDocument(review::trendsJson(*rows)).toJson(QJsonDocument::Indented)
                                               : review::trendsCsv(*rows).toUtf8();
    const QString output = p.values.value(u"--output"_s);
    // Per-worker figures: written whole or not at all, owner-only, like every file Fairnote writes.
    if (!writeOutput(io, name(), output, bytes))
        return ExitBadInput;
    if (output.isEmpty())
        return ExitOk;
    io.err << u"Wrote %1 figures to %2.\n"_s.arg(rows->size()).arg(output);
    return ExitOk;
}

} // namespace fairnote::cli
