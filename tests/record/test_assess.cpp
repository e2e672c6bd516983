// SPDX-FileCopyrightText: 2026 Fairnote contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// assess(): every prompt rule triggers on the case it is for and stays quiet otherwise; the examples
// give their golden results; the wording findings of narrative fields are included.
#include "record/assess.h"
#include "record/interchange.h"
#include "testsupport.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLocale>

using namespace Qt::StringLiterals;
using namespace fairnote;
using namespace fairnote::record;

namespace {
const QDateTime kNow(QDate(2025, 11, 25), QTime(12, 0), Qt::UTC);

QByteArray readBytes(const QString &path)
{
    QFile f(path);
    REQUIRE(f.open(QIODevice::ReadOnly));
    return f.readAll();
}
CaseFile load(const char *name)
{
    auto r = readInterchange(readBytes(QStringLiteral(FAIRNOTE_SOURCE_DIR "/docs/examples/") + QString::fromLatin1(name)));
    REQUIRE(r.ok());
    return *r;
}
AssessOptions options()
{
    static const auto rules = [] {
        auto r = AssessmentRules::load(testing::builtInChecker()->pack().language);
        REQUIRE(r.ok());
        return *r;
    }();
    AssessOptions o;
    o.rules = rules;
    o.textChecks.push_back([](QStringView text, std::vector<Finding> &out) { testing::builtInChecker()->check(text, 0, out); });
    return o;
}
Assessment run(const CaseFile &cf, const AssessOptions &o = options()) { return assess(cf, kNow, o); }
// "field code" for every prompt, for readable comparisons.
QStringList prompts(const Assessment &a)
{
    QStringList out;
    for (const auto &p : a.prompts)
        out << p.field + u' ' + p.code;
    return out;
}
bool has(const Assessment &a, const QString &field, const QString &code) { return prompts(a).contains(field + u' ' + code); }
bool hasCode(const Assessment &a, const QString &code)
{
    return std::any_of(a.prompts.begin(), a.prompts.end(), [&](const Prompt &p) { return p.code == code; });
}
IncidentRecord &incident(CaseFile &cf) { return std::get<IncidentRecord>(cf.entries[0].body); }
const QString I = u"/entries/0/incident"_s;
} // namespace

TEST_CASE("the complete example gives no prompts and no findings", "[assess][golden]")
{
    const Assessment a = run(load("incident-complete.json"));
    INFO(prompts(a).join(u'\n').toStdString());
    for (const auto &f : a.findings)
        for (const auto &x : f.findings)
            UNSCOPED_INFO(f.field.toStdString() << ": " << f.text.mid(x.offset, x.length).toStdString() << " [" << x.ruleId.toStdString() << "]");
    CHECK(a.prompts.empty());
    CHECK(a.findings.empty());
    REQUIRE(a.sinceLastIncident);
    CHECK(a.sinceLastIncident->entryId == u"entry-0001"_s);
    CHECK(a.sinceLastIncident->text == u"3 months"_s);
}

TEST_CASE("the vague legacy example gives its golden prompts and findings", "[assess][golden]")
{
    const Assessment a = run(load("incident-vague.json"));
    QStringList got = prompts(a);
    for (const auto &f : a.findings)
        for (const auto &x : f.findings)
            got << f.field + u" finding "_s + f.text.mid(x.offset, x.length);
    const QString golden = QString::fromUtf8(readBytes(QStringLiteral(FAIRNOTE_TEST_DATA "/record/incident-vague.expected.txt"))).trimmed();
    INFO("got:\n" << got.join(u'\n').toStdString());
    CHECK(got.join(u'\n') == golden);
    CHECK(a.prompts.size() >= 15);
    CHECK_FALSE(a.sinceLastIncident); // its only incident has no date
}

TEST_CASE("blank: an unanswered field prompts, an explicit unknown does not", "[assess][blank]")
{
    CaseFile cf = load("incident-complete.json");
    incident(cf).harm.injury.reset();
    CHECK(has(run(cf), I + u"/harm/injury"_s, u"blank"_s));
    incident(cf).harm.injury = Injury::Unknown;
    CHECK_FALSE(has(run(cf), I + u"/harm/injury"_s, u"blank"_s));

    cf.entries[0].eventDate = EventDate{};
    CHECK(has(run(cf), u"/entries/0/event_date/precision"_s, u"blank"_s));
    cf.entries[0].eventDate.precision = DatePrecision::Unknown;
    CHECK_FALSE(has(run(cf), u"/entries/0/event_date/precision"_s, u"blank"_s));

    incident(cf).whatHappened = u"   "_s;
    CHECK(has(run(cf), I + u"/what_happened"_s, u"blank"_s));
}

TEST_CASE("no-source: an unknown or unnamed source prompts", "[assess][source]")
{
    CaseFile cf = load("incident-complete.json");
    incident(cf).source.type = SourceType::Unknown;
    CHECK(has(run(cf), I + u"/source/type"_s, u"no-source"_s));
    incident(cf).source.type = SourceType::ThirdParty;
    incident(cf).source.thirdPartyRole.clear();
    CHECK(has(run(cf), I + u"/source/third_party_role"_s, u"no-source"_s));
    incident(cf).source.thirdPartyRole = u"night manager"_s;
    CHECK_FALSE(hasCode(run(cf), u"no-source"_s));
    incident(cf).source.type = SourceType::OfficialRecord;
    incident(cf).source.official = OfficialBody::FireService;
    incident(cf).source.reference.clear();
    CHECK(has(run(cf), I + u"/source/reference"_s, u"no-reference"_s));
    incident(cf).source.reference = u"FRS incident report 1234, 3 March 2024"_s;
    CHECK_FALSE(hasCode(run(cf), u"no-reference"_s));
}

TEST_CASE("legal-contradiction: legal words in the narrative must agree with the legal status", "[assess][legal]")
{
    CaseFile cf = load("incident-complete.json");
    incident(cf).legal.status = LegalStatus::Charged;
    incident(cf).whatHappened = u"He was convicted of criminal damage in 2019."_s;
    CHECK(has(run(cf), I + u"/what_happened"_s, u"legal-contradiction"_s));
    incident(cf).legal.status = LegalStatus::Convicted;
    CHECK_FALSE(hasCode(run(cf), u"legal-contradiction"_s));

    incident(cf).legal.status = LegalStatus::Allegation;
    incident(cf).whatHappened = u"The previous provider said it was arson."_s;
    CHECK(has(run(cf), I + u"/what_happened"_s, u"legal-contradiction"_s));
    incident(cf).legal.status = LegalStatus::None;
    CHECK(has(run(cf), I + u"/what_happened"_s, u"legal-contradiction"_s));
    incident(cf).legal.status = LegalStatus::Charged;
    CHECK_FALSE(hasCode(run(cf), u"legal-contradiction"_s));

    incident(cf).legal.status = LegalStatus::Allegation;
    incident(cf).whatHappened = u"He was not convicted. He said \"they called it arson\"."_s; // negated and quoted
    CHECK_FALSE(hasCode(run(cf), u"legal-contradiction"_s));
    incident(cf).legal.status = LegalStatus::PoliceNotInvolved;
    incident(cf).context = u"The police attended at 23:50."_s;
    CHECK(has(run(cf), I + u"/context"_s, u"legal-contradiction"_s));
}

TEST_CASE("late-entry: an entry written long after the event needs a reason", "[assess][late]")
{
    CaseFile cf = load("incident-complete.json");
    cf.entries[0].writtenAt = QDateTime(QDate(2025, 8, 6), QTime(9, 0), Qt::UTC);
    CHECK(has(run(cf), u"/entries/0/late_entry_reason"_s, u"late-entry"_s));
    cf.entries[0].lateEntryReason = u"Told about it by the night worker on 5 August."_s;
    CHECK_FALSE(hasCode(run(cf), u"late-entry"_s));
    cf.entries[0].lateEntryReason.clear();
    // 24 hours and 50 minutes is late, although it is 24 whole hours.
    cf.entries[0].writtenAt = cf.entries[0].eventDate.latest().addSecs(24 * 3600 + 50 * 60);
    CHECK(hasCode(run(cf), u"late-entry"_s));
    AssessOptions week = options();
    week.lateEntryHours = 24 * 7;
    CHECK_FALSE(hasCode(run(cf, week), u"late-entry"_s));
    // A month-precise date counts from the end of the month.
    cf.entries[0].eventDate = EventDate{DatePrecision::Month, {}, QDate(2025, 8, 1), {}};
    cf.entries[0].writtenAt = QDateTime(QDate(2025, 8, 31), QTime(23, 0), Qt::UTC);
    CHECK_FALSE(hasCode(run(cf), u"late-entry"_s));
    cf.entries[0].writtenAt = QDateTime(QDate(2025, 7, 1), QTime(9, 0), Qt::UTC);
    CHECK(hasCode(run(cf), u"event-after-writing"_s));
}

TEST_CASE("risk-without-steps: a risk described with no safety plan", "[assess][risk]")
{
    CaseFile cf = load("incident-complete.json");
    incident(cf).safetyPlan.clear();
    incident(cf).context = u"Staff are worried about the risk to other residents."_s;
    CHECK(has(run(cf), I + u"/safety_plan"_s, u"risk-without-steps"_s));
    incident(cf).context = u"There is no risk to other residents."_s; // negated: only the plain blank prompt
    CHECK(has(run(cf), I + u"/safety_plan"_s, u"blank"_s));
    CHECK_FALSE(hasCode(run(cf), u"risk-without-steps"_s));
    incident(cf).context = u"Staff are worried about the risk to other residents."_s;
    incident(cf).safetyPlan = u"Smoke only in the garden; review on 1 September 2025."_s;
    CHECK_FALSE(hasCode(run(cf), u"risk-without-steps"_s));
}

TEST_CASE("account-no-reason: the person's account not asked needs a reason", "[assess][account]")
{
    CaseFile cf = load("incident-complete.json");
    auto &a = incident(cf).ownAccount;
    a.status = AccountStatus::NotYetAsked;
    a.text.clear();
    CHECK(has(run(cf), I + u"/own_account/reason"_s, u"account-no-reason"_s));
    a.reason = u"Sam was in hospital; I will ask on 20 August."_s;
    CHECK_FALSE(hasCode(run(cf), u"account-no-reason"_s));
    a.status = AccountStatus::Asked;
    CHECK(hasCode(run(cf), u"account-missing-words"_s));
    a.status.reset();
    CHECK(has(run(cf), I + u"/own_account/status"_s, u"blank"_s));
}

TEST_CASE("no-outcome: an incident without a legal status or outcome", "[assess][outcome]")
{
    CaseFile cf = load("incident-complete.json");
    incident(cf).legal.status.reset();
    CHECK(has(run(cf), I + u"/legal/status"_s, u"no-outcome"_s));
    incident(cf).legal.status = LegalStatus::Unknown;
    CHECK_FALSE(hasCode(run(cf), u"no-outcome"_s));
}

TEST_CASE("prompts name a legal status by its title, never by its id", "[assess][legal]")
{
    CaseFile cf = load("incident-complete.json");
    incident(cf).legal.status = LegalStatus::NoFurtherAction;
    incident(cf).whatHappened = u"He was convicted of criminal damage in 2019."_s;
    const auto contradiction = run(cf);
    const auto it = std::find_if(contradiction.prompts.begin(), contradiction.prompts.end(),
                                 [](const Prompt &p) { return p.code == u"legal-contradiction"; });
    REQUIRE(it != contradiction.prompts.end());
    CHECK(it->message.contains(u"“No further action”"_s));
    CHECK_FALSE(it->message.contains(u"no-further-action"_s));

    incident(cf).whatHappened = u"Staff found a scorched bin at 23:40."_s;
    incident(cf).legal.status = LegalStatus::Charged;
    incident(cf).legal.statusDate = QDate(2025, 1, 10);
    const auto pending = run(cf);
    const auto p = std::find_if(pending.prompts.begin(), pending.prompts.end(),
                                [](const Prompt &x) { return x.code == u"outcome-pending"; });
    REQUIRE(p != pending.prompts.end());
    CHECK(p->message.contains(u"“Charged, outcome pending”"_s));
}

TEST_CASE("outcome-pending, conviction details and spent status are asked for", "[assess][outcome]")
{
    CaseFile cf = load("incident-complete.json");
    incident(cf).legal.status = LegalStatus::Charged;
    incident(cf).legal.statusDate = QDate(2025, 1, 10);
    CHECK(hasCode(run(cf), u"outcome-pending"_s));
    incident(cf).legal.statusDate = QDate(2025, 10, 1);
    CHECK_FALSE(hasCode(run(cf), u"outcome-pending"_s));

    incident(cf).legal.status = LegalStatus::Convicted;
    CHECK(hasCode(run(cf), u"conviction-details"_s));
    CHECK(hasCode(run(cf), u"spent-unconfirmed"_s));
    incident(cf).legal.conviction = Conviction{u"Arson (Criminal Damage Act 1971 s.1(3))"_s, QDate(2019, 5, 12), u"Stoke-on-Trent Crown Court"_s, u"Community order"_s};
    incident(cf).legal.spent = true;
    CHECK_FALSE(hasCode(run(cf), u"conviction-details"_s));
    CHECK_FALSE(hasCode(run(cf), u"spent-unconfirmed"_s));
}

TEST_CASE("narrative fields carry wording findings; the person's own words are not checked", "[assess][findings]")
{
    CaseFile cf = load("incident-complete.json");
    incident(cf).context = u"He kicked off in the lounge."_s;
    incident(cf).ownAccount.text = u"\"I'm not a junkie, I kicked off because they took my stuff.\""_s;
    const Assessment a = run(cf);
    REQUIRE(a.findings.size() == 1);
    CHECK(a.findings[0].field == I + u"/context"_s);
    CHECK(a.findings[0].text.mid(a.findings[0].findings[0].offset, a.findings[0].findings[0].length) == u"kicked off"_s);
}

TEST_CASE("time since the most recent incident uses the latest dated incident", "[assess][time]")
{
    CaseFile cf = load("incident-complete.json");
    Entry older = cf.entries[0];
    older.id = u"older"_s;
    older.eventDate = EventDate{DatePrecision::Year, {}, QDate(2021, 1, 1), {}};
    cf.entries.push_back(older);
    const Assessment a = run(cf);
    REQUIRE(a.sinceLastIncident);
    CHECK(a.sinceLastIncident->entryId == u"entry-0001"_s);
    CHECK(a.sinceLastIncident->days == QDate(2025, 8, 2).daysTo(kNow.date()));
}

TEST_CASE("durations read naturally", "[assess][time]")
{
    CHECK(describeDuration(1) == u"1 day"_s);
    CHECK(describeDuration(10) == u"10 days"_s);
    CHECK(describeDuration(30) == u"4 weeks"_s);
    CHECK(describeDuration(100) == u"3 months"_s);
    CHECK(describeDuration(365) == u"1 year"_s);
    CHECK(describeDuration(800) == u"2 years and 2 months"_s);
}

TEST_CASE("the time since an event claims no more than its date holds", "[assess][time]")
{
    const QDateTime now(QDate(2026, 12, 1), QTime(12, 0), Qt::UTC);
    EventDate range;
    range.precision = DatePrecision::Range;
    range.date = QDate(2025, 11, 20);
    range.rangeEnd = QDate(2025, 11, 30);
    auto since = timeSince(range, now);
    REQUIRE(since);
    CHECK(since->when == u"between 20 November 2025 and 30 November 2025"_s);
    CHECK(since->ago == u"at least 1 year"_s);
    EventDate year;
    year.precision = DatePrecision::Year;
    year.date = QDate(2021, 1, 1);
    CHECK(timeSince(year, now)->when == u"in 2021"_s);
    CHECK(timeSince(year, now)->ago.startsWith(u"at least 4 years"_s));
    EventDate day;
    day.precision = DatePrecision::Day;
    day.date = QDate(2026, 11, 24);
    CHECK(timeSince(day, now)->when == u"on 24 November 2026"_s);
    CHECK(timeSince(day, now)->ago == u"7 days"_s);
    EventDate unknown;
    unknown.precision = DatePrecision::Unknown;
    CHECK_FALSE(timeSince(unknown, now));
}

TEST_CASE("the latest incident is said as precisely as its date allows, never as a made-up day", "[assess][time]")
{
    const QDateTime now(QDate(2026, 12, 1), QTime(12, 0), Qt::UTC);
    auto date = [](DatePrecision p, QDate d = {}, QDate end = {}) { return EventDate{p, {}, d, end}; };
    EventDate exact{DatePrecision::Exact, QDateTime(QDate(2025, 8, 2), QTime(23, 40), Qt::UTC), {}, {}};
    const std::vector<std::pair<EventDate, QString>> cases{
        {exact, u"on 2 August 2025 at 23:40, 1 year and 3 months ago"_s},
        {date(DatePrecision::Day, QDate(2026, 11, 24)), u"on 24 November 2026, 7 days ago"_s},
        {date(DatePrecision::Month, QDate(2026, 3, 1)), u"in March 2026, at least 8 months ago"_s},
        {date(DatePrecision::Year, QDate(2021, 1, 1)), u"in 2021, at least 4 years and 11 months ago"_s},
        {date(DatePrecision::Range, QDate(2025, 11, 20), QDate(2025, 11, 30)), u"between 20 November 2025 and 30 November 2025, at least 1 year ago"_s},
        {date(DatePrecision::Unknown), u"on a date that is not known"_s},
        {EventDate{}, u"on a date that is not known"_s},
    };
    for (const auto &[d, words] : cases) {
        INFO(d.display().toStdString());
        CHECK(latestIncidentText(d, now) == words);
        CHECK_FALSE(latestIncidentText(d, now).contains(u"31 December"_s));
    }
}

TEST_CASE("the worker's shorter descriptions are checked for wording too; the person's own words are not", "[assess][findings]")
{
    CaseFile cf = load("incident-complete.json");
    incident(cf).harm.damage = Damage::Minor;
    incident(cf).harm.damageDetail = u"The junkie kicked off and trashed the room."_s;
    cf.entries[0].lateEntryReason = u"He kicked off, known arsonist."_s;
    incident(cf).ownAccount.text = u"\"I'm no arsonist.\""_s;
    const Assessment a = run(cf);
    QStringList fields;
    for (const auto &f : a.findings)
        fields << f.field;
    INFO(fields.join(u", "_s).toStdString());
    CHECK(fields.contains(I + u"/harm/property_damage_detail"_s));
    CHECK(fields.contains(u"/entries/0/late_entry_reason"_s));
    CHECK_FALSE(fields.contains(I + u"/own_account/text"_s));
}

TEST_CASE("every date after the time of writing is questioned, not only the event's", "[assess][dates]")
{
    CaseFile cf = load("incident-complete.json");
    const QDate written = cf.entries[0].writtenAt.date();
    const QDate later = written.addDays(40);
    CHECK_FALSE(hasCode(run(cf), u"date-after-writing"_s));

    // The outcome's date.
    incident(cf).legal.statusDate = later;
    CHECK(has(run(cf), I + u"/legal/status_date"_s, u"date-after-writing"_s));
    incident(cf).legal.statusDate = written; // the same day is fine
    CHECK_FALSE(hasCode(run(cf), u"date-after-writing"_s));

    // A conviction's date.
    incident(cf).legal.status = LegalStatus::Convicted;
    incident(cf).legal.conviction = {u"Arson"_s, later, u"Stoke-on-Trent Crown Court"_s, u"Community order"_s};
    incident(cf).legal.spent = false;
    CHECK(has(run(cf), I + u"/legal/conviction/date"_s, u"date-after-writing"_s));
    incident(cf).legal.conviction.date = written.addYears(-1);
    CHECK_FALSE(hasCode(run(cf), u"date-after-writing"_s));

    // A home fire safety visit recorded as done; a requested one may be booked ahead.
    incident(cf).safety.homeFireSafetyVisit = VisitStatus::Completed;
    incident(cf).safety.homeFireSafetyVisitDate = later;
    CHECK(has(run(cf), I + u"/safety/home_fire_safety_visit_date"_s, u"date-after-writing"_s));
    incident(cf).safety.homeFireSafetyVisit = VisitStatus::Requested;
    CHECK_FALSE(hasCode(run(cf), u"date-after-writing"_s));

    // An intervention.
    incident(cf).interventions = {{InterventionType::Treatment, u"Counselling"_s, later}};
    CHECK(has(run(cf), I + u"/interventions/0/date"_s, u"date-after-writing"_s));
    incident(cf).interventions.clear();

    // A date of birth after today, on the case file itself.
    cf.person.dateOfBirth = kNow.date().addDays(1);
    CHECK(has(run(cf), u"/person/date_of_birth"_s, u"date-after-writing"_s));
    cf.person.dateOfBirth = QDate(1979, 11, 5);
    CHECK_FALSE(hasCode(run(cf), u"date-after-writing"_s));

    // Each says which date and when the entry was written, as an error.
    incident(cf).legal.statusDate = later;
    const Assessment a = run(cf);
    const auto it = std::find_if(a.prompts.begin(), a.prompts.end(), [](const Prompt &p) { return p.code == u"date-after-writing"; });
    REQUIRE(it != a.prompts.end());
    CHECK(it->severity == Severity::Error);
    CHECK(it->message.contains(QLocale(QLocale::English, QLocale::UnitedKingdom).toString(later, u"d MMMM yyyy"_s)));
}

TEST_CASE("an amendment may record an outcome that came after the entry was first written", "[assess][dates]")
{
    CaseFile cf = load("incident-complete.json");
    const QDate written = cf.entries[0].writtenAt.date();
    incident(cf).legal.statusDate = written.addDays(30);
    AssessOptions o = options();
    CHECK(has(assess(cf, kNow, o), I + u"/legal/status_date"_s, u"date-after-writing"_s));
    o.revisionWrittenAt = cf.entries[0].writtenAt.addDays(60); // amended two months later
    CHECK_FALSE(hasCode(assess(cf, kNow, o), u"date-after-writing"_s));
    o.revisionWrittenAt = cf.entries[0].writtenAt.addDays(10); // amended before the outcome: still questioned
    CHECK(has(assess(cf, kNow, o), I + u"/legal/status_date"_s, u"date-after-writing"_s));
}
