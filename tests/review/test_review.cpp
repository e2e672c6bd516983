// SPDX-FileCopyrightText: 2026 Fairnote contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// Supervision: the rubric as data, completeness computed from the record, reproducible samples that
// respect the review window, reviews that can never alter an entry, sign-off rules, and trend figures
// against a fixture with known counts.
#include "store/storetestsupport.h"

#include "review/review.h"
#include "store/sqlite/database.h"

using namespace Qt::StringLiterals;
using namespace fairnote;
using namespace fairnote::testing;
using store::ErrorCode;

namespace {

const store::Actor kDee{u"Dee Marsh"_s, u"Support worker"_s, u"Fairview Lodge"_s};
const QDateTime kNow(QDate(2026, 4, 1), QTime(12, 0), Qt::UTC);

review::Rubric rubric()
{
    auto r = review::Rubric::load();
    REQUIRE(r.ok());
    return *r;
}

record::Entry dated(const QString &id, QDate day, const store::Actor &author, record::Entry e)
{
    e.id = id;
    e.eventDate.precision = record::DatePrecision::Day;
    e.eventDate.date = day;
    e.writtenAt = QDateTime(day, QTime(17, 0), Qt::UTC);
    e.author = author;
    return e;
}

// Jo and Dee's entries over February and March 2026: known counts for the trends.
std::unique_ptr<store::Store> fixture(const QTemporaryDir &dir)
{
    auto s = newStore(dir);
    record::CaseFile cf = example("incident-complete.json");
    const record::Entry complete = cf.entries.front(); // an incident with everything answered
    cf.entries.clear();
    cf.entries.push_back(dated(u"jo-feb-1"_s, QDate(2026, 2, 3), kJo, note(u"Sam phoned at 10:00 about his rent."_s)));
    cf.entries.push_back(dated(u"jo-feb-2"_s, QDate(2026, 2, 10), kJo, complete));
    cf.entries.push_back(dated(u"jo-mar-1"_s, QDate(2026, 3, 2), kJo, note(u"Sam kicked off in reception."_s))); // 1 finding, 5 words
    record::Entry vague = complete;
    auto &r = std::get<record::IncidentRecord>(vague.body);
    r.source.type = record::SourceType::Unknown;
    r.legal.status.reset();
    cf.entries.push_back(dated(u"dee-mar-1"_s, QDate(2026, 3, 5), kDee, vague));
    record::Entry late = note(u"Sam said the heater in his room is broken."_s);
    late = dated(u"dee-mar-2"_s, QDate(2026, 3, 1), kDee, late);
    late.writtenAt = QDateTime(QDate(2026, 3, 9), QTime(9, 0), Qt::UTC); // eight days later, no reason
    cf.entries.push_back(late);
    auto ids = s->importCaseFile(cf, kSam, {}, {});
    REQUIRE(ids.ok());
    return s;
}

} // namespace

TEST_CASE("the rubric is data: the built-in one loads, and a bad one is named by path and problem", "[review]")
{
    const review::Rubric r = rubric();
    CHECK(r.completeness.size() == 6);
    CHECK(r.quality.size() == 6);
    CHECK(r.criterion(u"risk-and-steps"_s));
    CHECK(r.scaleTitle(4) == u"Fully met"_s);
    QTemporaryDir dir;
    QFile f(dir.filePath(u"rubric.json"_s));
    REQUIRE(f.open(QIODevice::WriteOnly));
    f.write(R"({"version":1,"completeness":[{"id":"spelling-perfect","title":"x"}],"quality":[{"id":"a","title":"A","question":"?"}],"scale":[]})");
    f.close();
    auto bad = review::Rubric::load(f.fileName());
    REQUIRE_FALSE(bad.ok());
    CHECK(bad.error().contains(u"/completeness/0/id: expected one of required-answered"_s));
    CHECK(bad.error().contains(f.fileName()));

    // A member given twice is refused by name and place, never read as the last (or first) of the two.
    QFile twice(dir.filePath(u"twice.json"_s));
    REQUIRE(twice.open(QIODevice::WriteOnly));
    twice.write(R"({"version":1,"completeness":[],"quality":[{"id":"a","title":"A","title":"B","question":"?"}],"scale":[]})");
    twice.close();
    auto doubled = review::Rubric::load(twice.fileName());
    REQUIRE_FALSE(doubled.ok());
    CHECK(doubled.error().contains(twice.fileName()));
    CHECK(doubled.error().contains(u"title"_s));
    CHECK(doubled.error().contains(u"twice"_s));
}

TEST_CASE("completeness is computed from the record and its assessment", "[review]")
{
    QTemporaryDir dir;
    auto s = fixture(dir);
    const review::Rubric r = rubric();
    const auto good = review::completeness(r, s->entry(u"jo-feb-2"_s)->revisions.back());
    CHECK(good.applicable == 5); // not late: the late-entry check does not apply
    CHECK(good.met == 5);
    CHECK(good.score == 1.0);

    const auto vague = review::completeness(r, s->entry(u"dee-mar-1"_s)->revisions.back());
    auto check = [&](const review::Completeness &c, const QString &id) {
        const auto it = std::find_if(c.checks.begin(), c.checks.end(), [&](const auto &x) { return x.id == id; });
        REQUIRE(it != c.checks.end());
        return *it;
    };
    CHECK_FALSE(check(vague, u"source-recorded"_s).met);
    CHECK(check(vague, u"source-recorded"_s).detail == u"The source is “unknown”."_s);
    CHECK_FALSE(check(vague, u"outcome-recorded"_s).met);
    CHECK(vague.met == 3);

    const auto late = review::completeness(r, s->entry(u"dee-mar-2"_s)->revisions.back());
    CHECK(check(late, u"late-reason-given"_s).applicable);
    CHECK_FALSE(check(late, u"late-reason-given"_s).met);
    CHECK_FALSE(check(late, u"source-recorded"_s).applicable); // a case note has no source field
    const auto kicked = review::completeness(r, s->entry(u"jo-mar-1"_s)->revisions.back());
    CHECK(check(kicked, u"wording-clear"_s).detail == u"1 finding left: “kicked off”"_s);
}

TEST_CASE("a sample is reproducible with its seed and leaves out entries reviewed within the window", "[review]")
{
    QTemporaryDir dir;
    auto s = fixture(dir);
    review::SampleSpec spec;
    spec.size = 3;
    spec.seed = 42;
    auto a = review::drawSample(*s, spec, kNow);
    auto b = review::drawSample(*s, spec, kNow);
    REQUIRE(a.ok());
    CHECK(a->entryIds.size() == 3);
    CHECK(a->entryIds == b->entryIds);
    spec.seed = 7;
    CHECK(review::drawSample(*s, spec, kNow)->entryIds != a->entryIds);

    // Reviewed now: left out for the next 12 months, back in with no window.
    store::Review rv;
    rv.entryId = u"jo-mar-1"_s;
    rv.quality = {{u"factual"_s, 2, u"“kicked off”"_s, u"Say what he did."_s}};
    REQUIRE(s->recordReview(rv, kSam).ok());
    spec.size = 10;
    auto windowed = review::drawSample(*s, spec, QDateTime::currentDateTimeUtc());
    CHECK_FALSE(windowed->entryIds.contains(u"jo-mar-1"_s));
    CHECK(windowed->notes.join(u' ').contains(u"1 entry left out: reviewed in the last 12 months."_s));
    spec.windowMonths = 0;
    CHECK(review::drawSample(*s, spec, QDateTime::currentDateTimeUtc())->entryIds.contains(u"jo-mar-1"_s));

    SECTION("filters: one worker, one kind, every incident, an equal share per worker")
    {
        review::SampleSpec dee;
        dee.size = 10;
        dee.worker = u"Dee Marsh"_s;
        dee.windowMonths = 0;
        auto d = review::drawSample(*s, dee, kNow);
        CHECK(QSet<QString>(d->entryIds.begin(), d->entryIds.end()) == QSet<QString>{u"dee-mar-1"_s, u"dee-mar-2"_s});
        review::SampleSpec incidents;
        incidents.everyIncident = true;
        incidents.windowMonths = 0;
        auto i = review::drawSample(*s, incidents, kNow);
        CHECK(QSet<QString>(i->entryIds.begin(), i->entryIds.end()) == QSet<QString>{u"jo-feb-2"_s, u"dee-mar-1"_s});
        review::SampleSpec fair;
        fair.size = 2;
        fair.byWorker = true;
        fair.windowMonths = 0;
        fair.seed = 3;
        auto f = review::drawSample(*s, fair, kNow);
        REQUIRE(f->entryIds.size() == 2);
        CHECK(f->entryIds[0].startsWith(u"dee"_s) != f->entryIds[1].startsWith(u"dee"_s)); // one each
    }
    SECTION("the queue shows what has been reviewed since it was drawn")
    {
        review::SampleSpec q;
        q.size = 5;
        q.seed = 11;
        q.windowMonths = 0;
        auto sample = review::drawSample(*s, q, kNow);
        REQUIRE(review::recordQueue(*s, *sample, q, kSam).ok());
        store::Review another;
        another.entryId = sample->entryIds.front();
        another.quality = {{u"factual"_s, 3, {}, {}}};
        REQUIRE(s->recordReview(another, kSam).ok());
        auto queue = review::currentQueue(*s);
        REQUIRE(queue.ok());
        REQUIRE(queue->size() == 5);
        CHECK(std::count_if(queue->begin(), queue->end(), [](const auto &i) { return i.reviewed; }) == 1);
    }
}

TEST_CASE("a review is kept apart from the entry and can never alter it", "[review]")
{
    QTemporaryDir dir;
    auto s = fixture(dir);
    const auto before = *s->entry(u"jo-mar-1"_s);
    store::Review rv;
    rv.entryId = u"jo-mar-1"_s;
    rv.completeness = review::completeness(rubric(), before.revisions.back()).toJson();
    rv.quality = {{u"factual"_s, 2, u"“kicked off”"_s, u"Say what he did and said."_s}, {u"respectful-language"_s, 3, {}, {}}};
    rv.comment = u"Please amend: describe what happened in reception."_s;
    rv.returned = true;
    // Jo wrote it: Jo cannot review it.
    CHECK(s->recordReview(rv, kJo).error().code == ErrorCode::Invalid);
    auto id = s->recordReview(rv, kSam);
    REQUIRE(id.ok());
    const auto after = *s->entry(u"jo-mar-1"_s);
    CHECK(after.revisions.size() == before.revisions.size());
    CHECK(after.revisions.back().hash == before.revisions.back().hash);
    auto reviews = s->reviews(u"jo-mar-1"_s);
    REQUIRE(reviews->size() == 1);
    CHECK(reviews->front().revision == 1);
    CHECK(reviews->front().returned);
    CHECK(reviews->front().quality[0].evidence == u"“kicked off”"_s);
    CHECK(s->entry(u"jo-mar-1"_s)->summary.lastReviewed.isValid());
    store::Review returnedWithout = rv;
    returnedWithout.comment.clear();
    CHECK(s->recordReview(returnedWithout, kSam).error().message.contains(u"comment"_s));

    // The database refuses to change or delete it, and verify names one changed behind its back.
    s.reset();
    store::sql::Database raw(dir.filePath(u"case.db"_s), store::sql::Database::Mode::ReadWrite);
    for (const char *sqlText : {"UPDATE reviews SET comment = 'fine'", "DELETE FROM reviews"}) {
        INFO(sqlText);
        CHECK_THROWS_AS(raw.exec(sqlText), store::sql::Failure);
    }
    raw.exec("DROP TRIGGER reviews_never_change; UPDATE reviews SET quality = '[]'");
    auto reopened = store::openStore(dir.filePath(u"case.db"_s));
    auto report = (*reopened)->verify({});
    REQUIRE(report.ok());
    QStringList problems;
    for (const auto &p : report->problems)
        problems << p.where + u": "_s + p.message;
    CHECK(problems.join(u'\n').contains(u"review 1 of entry jo-mar-1: was changed after it was recorded"_s));
}

TEST_CASE("sign-off: requested, then approved or returned by someone else, never by the author", "[review][signoff]")
{
    QTemporaryDir dir;
    auto s = fixture(dir);
    auto id = s->requestSignOff(u"entry"_s, {}, u"jo-feb-2"_s, {}, {}, u"Please check before the referral."_s, kJo);
    REQUIRE(id.ok());
    CHECK(s->requestSignOff(u"entry"_s, {}, u"jo-feb-2"_s, {}, {}, {}, kJo).error().code == ErrorCode::Conflict); // already waiting
    CHECK(s->entry(u"jo-feb-2"_s)->summary.signOff == u"requested"_s);
    // The author is Jo: neither Jo nor the requester can decide it.
    CHECK(s->decideSignOff(*id, store::SignOffState::Approved, {}, kJo).error().code == ErrorCode::Invalid);
    CHECK(s->decideSignOff(*id, store::SignOffState::Returned, {}, kSam).error().message.contains(u"comment"_s));
    REQUIRE(s->decideSignOff(*id, store::SignOffState::Returned, u"Add the FRS reference."_s, kSam).ok());
    CHECK(s->decideSignOff(*id, store::SignOffState::Approved, {}, kSam).error().code == ErrorCode::Conflict); // decided
    CHECK(s->entry(u"jo-feb-2"_s)->summary.signOff == u"returned"_s);
    auto again = s->requestSignOff(u"entry"_s, {}, u"jo-feb-2"_s, {}, {}, {}, kJo);
    REQUIRE(again.ok());
    REQUIRE(s->decideSignOff(*again, store::SignOffState::Approved, u"Clear and factual."_s, kDee).ok());
    CHECK(s->entry(u"jo-feb-2"_s)->summary.signOff == u"approved"_s);
    auto all = s->signOffs(u"person-0001"_s);
    REQUIRE(all->size() == 2);
    CHECK(all->back().state() == store::SignOffState::Approved);
    CHECK(all->back().events.back().actor == kDee);
    CHECK(s->verify({})->ok());
}

TEST_CASE("trend figures match a fixture with known counts", "[review][trends]")
{
    QTemporaryDir dir;
    auto s = fixture(dir);
    store::Review rv;
    rv.entryId = u"dee-mar-1"_s;
    rv.quality = {{u"factual"_s, 4, {}, {}}, {u"attributable"_s, 2, {}, {}}};
    auto recorded = s->recordReview(rv, kSam);
    INFO((recorded ? QString() : recorded.error().message).toStdString());
    REQUIRE(recorded.ok());
    auto rows = review::trends(*s, rubric(), {});
    REQUIRE(rows.ok());
    auto value = [&](const QString &period, const QString &group, const QString &metric) -> std::optional<double> {
        for (const auto &r : *rows)
            if (r.period == period && r.group == group && r.metric == metric)
                return r.value;
        return std::nullopt;
    };
    const QString jo = store::actorDisplay(kJo), dee = store::actorDisplay(kDee);
    CHECK(value(u"2026-02"_s, u"Team"_s, u"entries"_s) == 2.0);
    CHECK(value(u"2026-03"_s, u"Team"_s, u"entries"_s) == 3.0);
    CHECK(value(u"2026-03"_s, dee, u"entries"_s) == 2.0);
    CHECK(value(u"2026-02"_s, jo, u"incidents-with-source-and-outcome"_s) == 1.0);
    CHECK(value(u"2026-03"_s, dee, u"incidents-with-source-and-outcome"_s) == 0.0);
    CHECK(value(u"2026-03"_s, dee, u"late-entries"_s) == 0.5);
    CHECK(value(u"2026-03"_s, jo, u"findings-per-1000-words"_s) == 200.0); // 1 finding in "Sam kicked off in reception."
    CHECK(value(u"2026-03"_s, jo, u"findings-per-1000-words:slang"_s) == 200.0);
    CHECK(value(u"2026-03"_s, dee, u"quality"_s) == 3.0);
    CHECK_FALSE(value(u"2026-03"_s, jo, u"quality"_s)); // nobody reviewed Jo's March entries
    const QString csv = review::trendsCsv(*rows);
    CHECK(csv.startsWith(u"period,group,metric,value,n\n"_s));
    CHECK(csv.contains(u"2026-03,\"Dee Marsh (Support worker, Fairview Lodge)\",late-entries,0.5000,2\n"_s));

    // A correction later does not rewrite how the note was first written.
    auto d = s->entry(u"jo-mar-1"_s);
    REQUIRE(d.ok());
    record::Entry corrected = d->revisions.back().entry;
    std::get<record::GeneralNote>(corrected.body).text = u"Sam shouted at the receptionist and left at 11:00."_s;
    REQUIRE(s->amend(u"jo-mar-1"_s, corrected, u"Said what happened, after supervision."_s, kJo, {}).ok());
    auto after = review::trends(*s, rubric(), {});
    REQUIRE(after.ok());
    bool seen = false;
    for (const auto &r : *after)
        if (r.period == u"2026-03"_s && r.group == jo && r.metric == u"findings-per-1000-words"_s) {
            CHECK(r.value == 200.0);
            seen = true;
        }
    CHECK(seen);
}


TEST_CASE("nobody reviews or signs off their own entry, whatever role or organisation they give", "[review][signoff]")
{
    QTemporaryDir dir;
    auto s = fixture(dir);
    // Dee wrote dee-mar-1 as "Dee Marsh (Support worker, Fairview Lodge)".
    const store::Actor deeElsewhere{u"dee  marsh"_s, u"Team leader"_s, {}};
    store::Review rv;
    rv.entryId = u"dee-mar-1"_s;
    rv.quality = {{u"factual"_s, 3, {}, {}}};
    auto own = s->recordReview(rv, deeElsewhere);
    REQUIRE_FALSE(own.ok());
    CHECK(own.error().message.contains(u"you wrote this entry"_s));
    auto id = s->requestSignOff(u"entry"_s, {}, u"dee-mar-1"_s, {}, {}, {}, kSam);
    REQUIRE(id.ok());
    CHECK(s->decideSignOff(*id, store::SignOffState::Approved, {}, deeElsewhere).error().code == ErrorCode::Invalid);
    // Nor the person who asked, under another role.
    CHECK(s->decideSignOff(*id, store::SignOffState::Approved, {}, store::Actor{u"Sam OKAFOR"_s, u"Manager"_s, {}}).error().code
          == ErrorCode::Invalid);
    REQUIRE(s->decideSignOff(*id, store::SignOffState::Approved, {}, kJo).ok());
}

TEST_CASE("a review needs a score unless it returns the entry, and entries marked in error are not reviewed", "[review]")
{
    QTemporaryDir dir;
    auto s = fixture(dir);
    store::Review unscored;
    unscored.entryId = u"jo-feb-1"_s;
    unscored.quality = {{u"factual"_s, 0, u"some evidence"_s, {}}};
    auto refused = s->recordReview(unscored, kSam);
    REQUIRE_FALSE(refused.ok());
    CHECK(refused.error().message.contains(u"at least one quality score"_s));
    store::Review returned = unscored;
    returned.returned = true;
    returned.comment = u"Say who phoned whom."_s;
    CHECK(s->recordReview(returned, kSam).ok());

    REQUIRE(s->markInError(u"jo-mar-1"_s, u"Written about the wrong person."_s, kJo).ok());
    store::Review rv;
    rv.entryId = u"jo-mar-1"_s;
    rv.quality = {{u"factual"_s, 2, {}, {}}};
    auto inError = s->recordReview(rv, kSam);
    REQUIRE_FALSE(inError.ok());
    CHECK(inError.error().message.contains(u"marked in error"_s));
}

TEST_CASE("sign-off is for incident records, and belongs to the revision that was put up", "[review][signoff]")
{
    QTemporaryDir dir;
    auto s = fixture(dir);
    auto note = s->requestSignOff(u"entry"_s, {}, u"jo-feb-1"_s, {}, {}, {}, kJo);
    REQUIRE_FALSE(note.ok());
    CHECK(note.error().message.contains(u"case note"_s));

    auto id = s->requestSignOff(u"entry"_s, {}, u"jo-feb-2"_s, {}, {}, {}, kJo);
    REQUIRE(id.ok());
    record::Entry changed = s->entry(u"jo-feb-2"_s)->revisions.back().entry;
    changed.id.clear();
    std::get<record::IncidentRecord>(changed.body).whatHappened += u" The fire service's reference is 25-0412."_s;
    auto amended = s->amend(u"jo-feb-2"_s, changed, u"Added the fire service's reference."_s, kJo, {});
    REQUIRE(amended.ok());
    // The request was for revision 1: the chronology no longer says it waits, and it cannot be approved.
    CHECK(s->entry(u"jo-feb-2"_s)->summary.signOff.isEmpty());
    auto approve = s->decideSignOff(*id, store::SignOffState::Approved, {}, kSam);
    REQUIRE_FALSE(approve.ok());
    CHECK(approve.error().message.contains(u"amended after sign-off was asked for"_s));
    REQUIRE(s->decideSignOff(*id, store::SignOffState::Returned, u"Ask again for the new revision."_s, kSam).ok());
    auto again = s->requestSignOff(u"entry"_s, {}, u"jo-feb-2"_s, {}, {}, {}, kJo);
    REQUIRE(again.ok());
    REQUIRE(s->decideSignOff(*again, store::SignOffState::Approved, {}, kSam).ok());
    CHECK(s->entry(u"jo-feb-2"_s)->summary.signOff == u"approved"_s);
    CHECK(store::supervisionNote(s->entry(u"jo-feb-2"_s)->summary) == u"signed off"_s);

    // Marked in error after the request: it cannot be signed off.
    auto third = s->requestSignOff(u"entry"_s, {}, u"dee-mar-1"_s, {}, {}, {}, kDee);
    REQUIRE(third.ok());
    REQUIRE(s->markInError(u"dee-mar-1"_s, u"Duplicate of another entry."_s, kDee).ok());
    CHECK(s->decideSignOff(*third, store::SignOffState::Approved, {}, kSam).error().message.contains(u"marked in error"_s));
    CHECK(s->verify({})->ok());
}

TEST_CASE("a return for correction reaches the worker until they amend the entry", "[review]")
{
    QTemporaryDir dir;
    auto s = fixture(dir);
    store::Review rv;
    rv.entryId = u"jo-mar-1"_s;
    rv.quality = {{u"factual"_s, 2, u"“kicked off”"_s, {}}};
    rv.comment = u"Say what he did and said in reception."_s;
    rv.returned = true;
    REQUIRE(s->recordReview(rv, kSam).ok());
    auto d = s->entry(u"jo-mar-1"_s);
    CHECK(d->summary.returnedForCorrection);
    CHECK(store::supervisionNote(d->summary) == u"returned for correction"_s);
    review::Feedback feedback = review::feedbackFor(*s, *d);
    CHECK(feedback.returned);
    REQUIRE_FALSE(feedback.lines.isEmpty());
    CHECK(feedback.lines.front().startsWith(u"Returned for correction by "_s + store::actorDisplay(kSam)));
    CHECK(feedback.lines.front().endsWith(u"Say what he did and said in reception."_s));
    auto list = s->entries({}, kJo);
    CHECK(std::any_of(list->begin(), list->end(), [](const auto &e) { return e.id == u"jo-mar-1"_s && e.returnedForCorrection; }));

    record::Entry fixed = d->revisions.back().entry;
    fixed.id.clear();
    std::get<record::GeneralNote>(fixed.body).text = u"Sam raised his voice at the reception desk and said he would not wait."_s;
    REQUIRE(s->amend(u"jo-mar-1"_s, fixed, u"Described what happened, as the supervisor asked."_s, kJo, {}).ok());
    d = s->entry(u"jo-mar-1"_s);
    CHECK_FALSE(d->summary.returnedForCorrection);
    CHECK(review::feedbackFor(*s, *d).lines.isEmpty());
}

TEST_CASE("a sample for a named worker: 'Name (Role)' finds them, an unknown name is an error", "[review][sample]")
{
    QTemporaryDir dir;
    auto s = fixture(dir);
    review::SampleSpec spec;
    spec.size = 10;
    spec.seed = 7;
    spec.windowMonths = 0;
    spec.worker = kDee.name + u" ("_s + kDee.role + u')';
    auto sample = review::drawSample(*s, spec, kNow);
    REQUIRE(sample.ok());
    CHECK(sample->entryIds.size() == 2);
    spec.worker = u"DEE MARSH"_s;
    CHECK(review::drawSample(*s, spec, kNow)->entryIds.size() == 2);
    spec.worker = u"Dee Marsh (Night worker)"_s;
    auto wrongRole = review::drawSample(*s, spec, kNow);
    REQUIRE_FALSE(wrongRole.ok());
    spec.worker = u"Pat Lee"_s;
    auto unknown = review::drawSample(*s, spec, kNow);
    REQUIRE_FALSE(unknown.ok());
    CHECK(unknown.error().contains(u"Pat Lee"_s));
    CHECK(unknown.error().contains(u"Dee Marsh"_s));
}

TEST_CASE("the trends CSV is safe to open in a spreadsheet", "[review][trends]")
{
    const std::vector<review::TrendRow> rows{{u"2026-01"_s, u"=HYPERLINK(\"x\")"_s, u"entries"_s, 1, 1},
                                             {u"2026-01"_s, u"Lee, Pat (Support worker)"_s, u"entries"_s, 2, 2}};
    const QString csv = review::trendsCsv(rows);
    CHECK(csv.contains(u"2026-01,\"'=HYPERLINK(\"\"x\"\")\",entries,1.0000,1\n"_s));
    CHECK(csv.contains(u"2026-01,\"Lee, Pat (Support worker)\",entries,2.0000,2\n"_s));
}

TEST_CASE("a sample leaves out the reviewer's own entries and says how many", "[review][sample]")
{
    QTemporaryDir dir;
    auto s = fixture(dir);
    review::SampleSpec spec;
    spec.size = 10;
    spec.seed = 11;
    spec.windowMonths = 0;
    spec.reviewer = store::Actor{u"jo fletcher"_s, u"Team leader"_s, {}}; // the same person, whatever role they give
    auto sample = review::drawSample(*s, spec, kNow);
    REQUIRE(sample.ok());
    CHECK(QSet<QString>(sample->entryIds.begin(), sample->entryIds.end()) == QSet<QString>{u"dee-mar-1"_s, u"dee-mar-2"_s});
    CHECK(sample->notes.join(u' ').contains(u"3 entries left out: written by jo fletcher, who is reviewing (nobody reviews their own work)."_s));
    // Someone else reviewing: nothing left out for that reason.
    spec.reviewer = kSam;
    auto other = review::drawSample(*s, spec, kNow);
    CHECK(other->entryIds.size() == 5);
    CHECK_FALSE(other->notes.join(u' ').contains(u"who is reviewing"_s));
}
