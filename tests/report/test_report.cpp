// SPDX-FileCopyrightText: 2026 Fairnote contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// The referral summary and the subject-access export from a fixture case file: golden HTML and JSON,
// the minimum necessary, what is left out and why, withheld entries, and the audit of every export.
// Set FAIRNOTE_UPDATE_GOLDEN=1 to rewrite the golden files after a deliberate change (then read the diff).
#include "store/storetestsupport.h"

#include "report/sar.h"
#include "report/summary.h"

#include <QJsonArray>
#include <QJsonDocument>

using namespace Qt::StringLiterals;
using namespace fairnote;
using namespace fairnote::testing;

namespace {

const QDateTime kNow(QDate(2026, 3, 2), QTime(14, 0), Qt::UTC);
const QString kGolden = QStringLiteral(FAIRNOTE_SOURCE_DIR "/tests/data/report/");

record::Entry incident(const QString &id, QDate day, record::IncidentType type, record::LegalStatus status, const QString &what)
{
    record::Entry e;
    e.id = id;
    e.eventDate.precision = record::DatePrecision::Day;
    e.eventDate.date = day;
    e.writtenAt = QDateTime(day, QTime(18, 0), Qt::UTC);
    e.author = kJo;
    record::IncidentRecord r;
    r.type = type;
    r.setting.type = record::SettingType::Street;
    r.whatHappened = what;
    r.harm = {record::Injury::None, record::Damage::Minor, u"A bin melted."_s, record::YesNoUnknown::Yes, record::YesNoUnknown::No};
    r.source = {record::SourceType::OfficialRecord, {}, record::OfficialBody::FireService, u"FRS incident 4471, 9 May 2021"_s,
                record::Verification::Verified};
    r.legal.status = status;
    r.legal.statusDate = day.addDays(30);
    r.context = u"Sam had been sleeping rough for two weeks and said he was cold."_s;
    r.changesSince = u"Sam moved into supported housing in June 2021."_s;
    r.safety.smoking = record::YesNoUnknown::Yes;
    r.safety.substanceUse = record::YesNoUnknown::Yes;
    r.safety.mobilityDifficulty = record::YesNoUnknown::No;
    r.safety.hoardingOrBlockedEscape = record::YesNoUnknown::No;
    r.safety.workingSmokeAlarm = record::YesNoUnknown::Yes;
    r.safety.homeFireSafetyVisit = record::VisitStatus::Completed;
    r.safety.homeFireSafetyVisitDate = day.addDays(40);
    r.safetyPlan = u"Smoking outside only."_s;
    r.ownAccount.status = record::AccountStatus::Asked;
    r.ownAccount.text = u"I lit it to keep warm. I put it out myself."_s;
    r.ownAccount.disputesRecord = record::YesNoUnknown::No;
    e.body = r;
    return e;
}

// Sam Rivers: the complete example (an accidental fire in 2025), an earlier fire in 2021, a case note,
// and an incident marked in error.
std::unique_ptr<store::Store> fixture(const QTemporaryDir &dir)
{
    auto s = newStore(dir);
    record::CaseFile cf = example("incident-complete.json");
    cf.entries.push_back(incident(u"entry-2021"_s, QDate(2021, 5, 9), record::IncidentType::Deliberate, record::LegalStatus::NoFurtherAction,
                                  u"A wheelie bin was set alight behind the library at about 22:00. The fire service put it out."_s));
    cf.entries.push_back(incident(u"entry-wrong"_s, QDate(2024, 1, 10), record::IncidentType::Alleged, record::LegalStatus::Allegation,
                                  u"This was about someone else."_s));
    REQUIRE(s->importCaseFile(cf, kSam, {false, u"fixture"_s}, {}).ok());
    REQUIRE(s->markInError(u"entry-wrong"_s, u"Recorded in Sam's file by mistake."_s, kSam).ok());
    return s;
}

report::SummaryRequest request()
{
    report::SummaryRequest q;
    q.personId = u"person-0001"_s;
    q.purpose = u"Referral for temporary accommodation"_s;
    q.recipient = u"Housing Options, Stoke-on-Trent City Council"_s;
    q.consent = true;
    q.now = kNow;
    q.author = kJo;
    return q;
}

void golden(const QString &name, const QByteArray &actual)
{
    const QString path = kGolden + name;
    if (qEnvironmentVariableIsSet("FAIRNOTE_UPDATE_GOLDEN")) {
        QFile f(path);
        REQUIRE(f.open(QIODevice::WriteOnly));
        f.write(actual);
        WARN("rewrote " << path.toStdString());
        return;
    }
    const QByteArray expected = readBytes(path);
    INFO("compare with " << path.toStdString() << " (FAIRNOTE_UPDATE_GOLDEN=1 rewrites it)");
    CHECK(QString::fromUtf8(actual) == QString::fromUtf8(expected));
}

} // namespace

TEST_CASE("the referral summary matches its golden HTML and JSON", "[report][summary]")
{
    QTemporaryDir dir;
    auto s = fixture(dir);
    auto summary = report::buildSummary(*s, request());
    REQUIRE(summary.ok());
    golden(u"summary.html"_s, report::summaryHtml(*summary).toUtf8());
    golden(u"summary.json"_s, QJsonDocument(report::summaryJson(*summary)).toJson(QJsonDocument::Indented));
}

TEST_CASE("the summary: incidents in date order from structured fields, what is left out and why", "[report][summary]")
{
    QTemporaryDir dir;
    auto s = fixture(dir);
    auto summary = report::buildSummary(*s, request());
    REQUIRE(summary.ok());
    REQUIRE(summary->incidents.size() == 2);
    CHECK(summary->incidents[0].entryId == u"entry-2021"_s);
    CHECK(summary->incidents[0].type == u"Deliberate fire-setting"_s);
    CHECK(summary->incidents[0].outcome == u"No further action (8 June 2021)."_s);
    CHECK(summary->incidents[0].fireService == u"The fire and rescue service attended. No evacuation."_s);
    CHECK(summary->incidents[1].type == u"Fire incident (accidental, smoking)"_s);
    // Words follow the record: the accidental fire is not counted as fire-setting.
    CHECK(summary->inShort.startsWith(u"2 incidents are recorded for Sam Rivers: 1 incident of deliberate fire-setting and 1 fire "
                                      "incident (accidental, smoking)."_s));
    CHECK(summary->inShort.contains(u"2 August 2025"_s));
    CHECK(summary->leftOut.contains(u"1 entry marked in error is not included."_s));
    CHECK(summary->leftOut.contains(u"1 general case note is not included: this summary covers incident records only."_s));
    CHECK(std::none_of(summary->incidents.begin(), summary->incidents.end(), [](const auto &i) { return i.entryId == u"entry-wrong"; }));
    // Health details only when chosen.
    CHECK(std::none_of(summary->safetyFactors.begin(), summary->safetyFactors.end(), [](const QString &f) { return f.contains(u"drug"_s); }));
    CHECK(report::summaryHtml(*summary).contains(u"Health details recorded as answers (alcohol or drug use"_s));
    // Every source is named by entry, revision and hash.
    REQUIRE(summary->sources.size() == 2);
    CHECK(summary->sources[1].hash == s->entry(u"entry-0001"_s)->revisions.back().hash);
    CHECK(summary->auditHead == *s->headHash());
}

TEST_CASE("an incident with a spent conviction is left out unless chosen, and the summary says so", "[report][summary]")
{
    QTemporaryDir dir;
    auto s = newStore(dir);
    record::CaseFile cf = example("incident-complete.json");
    record::Entry old = incident(u"entry-2012"_s, QDate(2012, 4, 2), record::IncidentType::Deliberate, record::LegalStatus::Convicted,
                                 u"A fire was set in a bin store at about 02:00."_s);
    auto &legal = std::get<record::IncidentRecord>(old.body).legal;
    legal.conviction.offence = u"Arson"_s;
    legal.conviction.court = u"Stoke-on-Trent Crown Court"_s;
    legal.conviction.date = QDate(2012, 9, 14);
    legal.spent = true;
    CHECK_FALSE(report::includedByDefault(old));
    cf.entries.push_back(old);
    REQUIRE(s->importCaseFile(cf, kSam, {false, u"fixture"_s}, {}).ok());
    auto summary = report::buildSummary(*s, request());
    REQUIRE(summary.ok());
    CHECK(std::none_of(summary->incidents.begin(), summary->incidents.end(), [](const auto &i) { return i.entryId == u"entry-2012"_s; }));
    CHECK(summary->inShort.startsWith(u"2 incidents are recorded for Sam Rivers; this summary includes 1 fire incident (accidental, smoking)."_s));
    CHECK(summary->leftOut.join(u'\n').contains(u"the conviction is recorded as spent"_s));
    CHECK_FALSE(report::summaryHtml(*summary).contains(u"Crown Court"_s));
    auto q = request();
    q.entryIds = {u"entry-2012"_s, u"entry-0001"_s};
    auto chosen = report::buildSummary(*s, q);
    REQUIRE(chosen.ok());
    CHECK(chosen->incidents.size() == 2);
    CHECK(report::summaryHtml(*chosen).contains(u"Spent under the Rehabilitation of Offenders Act 1974"_s));
}

TEST_CASE("the summary keeps to the minimum chosen: incidents, sections and health", "[report][summary]")
{
    QTemporaryDir dir;
    auto s = fixture(dir);
    auto q = request();
    q.entryIds = {u"entry-0001"_s};
    q.sections = {report::Section::Safety, report::Section::Health};
    auto summary = report::buildSummary(*s, q);
    REQUIRE(summary.ok());
    REQUIRE(summary->incidents.size() == 1);
    CHECK(summary->incidents[0].context.isEmpty());
    CHECK(summary->changes.empty());
    CHECK(summary->views.empty());
    CHECK(summary->leftOut.contains(u"1 incident was not chosen for this summary (the minimum necessary for its purpose)."_s));
    CHECK(summary->leftOut.contains(u"The person's view: left out of this summary by its author."_s));
    CHECK(std::any_of(summary->safetyFactors.begin(), summary->safetyFactors.end(), [](const QString &f) { return f.contains(u"drug"_s); }));
    CHECK(summary->inShort.contains(u"this summary includes 1"_s));

    // Choosing the earlier incident leaves out the later one too (the choice is not "from here on").
    q.entryIds = {u"entry-2021"_s};
    auto earlier = report::buildSummary(*s, q);
    REQUIRE(earlier.ok());
    REQUIRE(earlier->incidents.size() == 1);
    CHECK(earlier->incidents[0].entryId == u"entry-2021"_s);

    q.entryIds = {u"entry-0002"_s}; // a case note, not an incident
    auto wrong = report::buildSummary(*s, q);
    REQUIRE_FALSE(wrong.ok());
    CHECK(wrong.error().contains(u"is not a final incident record"_s));
    q.entryIds = {u"entry-wrong"_s}; // marked in error
    CHECK_FALSE(report::buildSummary(*s, q).ok());
}

TEST_CASE("an accidental fire is never called fire-setting in the summary or the subject-access export", "[report][summary][kind]")
{
    QTemporaryDir dir;
    auto s = newStore(dir);
    record::CaseFile cf = example("incident-complete.json");
    cf.entries.erase(cf.entries.begin() + 1, cf.entries.end()); // the accidental fire (smoking) alone
    std::get<record::IncidentRecord>(cf.entries[0].body).accidentalCause = record::AccidentalCause::Cooking;
    REQUIRE(s->importCaseFile(cf, kSam, {false, u"fixture"_s}, {}).ok());
    auto summary = report::buildSummary(*s, request());
    REQUIRE(summary.ok());
    CHECK(summary->inShort.startsWith(u"1 incident is recorded for Sam Rivers: 1 fire incident (accidental, cooking)."_s));
    const QString html = report::summaryHtml(*summary);
    CHECK(html.contains(u"Fire incident (accidental, cooking)"_s));
    CHECK_FALSE(html.contains(u"fire-setting incident"_s, Qt::CaseInsensitive));
    report::SarRequest q{cf.person.id, {}, {}, QDateTime(QDate(2025, 11, 25), QTime(12, 0), Qt::UTC), kSam};
    auto sar = report::buildSubjectAccess(*s, q);
    REQUIRE(sar.ok());
    REQUIRE_FALSE(sar->entries.empty());
    CHECK(sar->entries[0].kind == u"Fire incident (accidental, cooking)"_s);
    CHECK_FALSE(report::subjectAccessHtml(*sar).contains(u"fire-setting"_s, Qt::CaseInsensitive));
}

TEST_CASE("a summary without its purpose, recipient or basis is refused with a clear message", "[report][summary]")
{
    QTemporaryDir dir;
    auto s = fixture(dir);
    auto q = request();
    q.purpose = u" "_s;
    auto r = report::buildSummary(*s, q);
    REQUIRE_FALSE(r.ok());
    CHECK(r.error().contains(u"purpose"_s));
    q = request();
    q.recipient.clear();
    CHECK(report::buildSummary(*s, q).error().contains(u"recipient"_s));
    q = request();
    q.consent = false;
    CHECK(report::buildSummary(*s, q).error().contains(u"lawful basis"_s));
    q.lawfulBasis = u"Vital interests: imminent risk of harm"_s;
    auto basis = report::buildSummary(*s, q);
    REQUIRE(basis.ok());
    CHECK(basis->basis.contains(u"Vital interests"_s));
}

TEST_CASE("a training file is never sent as a referral or a subject-access export", "[report]")
{
    QTemporaryDir dir;
    store::OpenOptions training;
    training.kind = store::FileKind::Training;
    auto s = newStore(dir, u"training.db"_s, training);
    REQUIRE(s->importCaseFile(example("incident-complete.json"), kJo, {}, {}).ok());
    auto summary = report::buildSummary(*s, request());
    REQUIRE_FALSE(summary.ok());
    CHECK(summary.error().contains(u"training file"_s));
    CHECK_FALSE(report::buildSubjectAccess(*s, {u"person-0001"_s, {}, {}, kNow, kJo}).ok());
}

TEST_CASE("the wording still flagged in the summary's text is found before it leaves", "[report][summary]")
{
    QTemporaryDir dir;
    auto s = newStore(dir);
    REQUIRE(s->importCaseFile(example("incident-vague.json"), kJo, {}, {}).ok());
    auto q = request();
    q.personId = example("incident-vague.json").person.id;
    auto summary = report::buildSummary(*s, q);
    REQUIRE(summary.ok());
    const auto flagged = report::checkSummaryText(*summary, *builtInChecker());
    REQUIRE_FALSE(flagged.empty());
    CHECK(flagged.front().where.startsWith(u"The incident on a date that is not known"_s));
    QStringList words;
    for (const auto &f : flagged.front().findings)
        words << flagged.front().text.mid(f.offset, f.length);
    CHECK(words.contains(u"Known arsonist"_s));
}

TEST_CASE("every export is one more row in the audit trail, with its purpose and recipient", "[report]")
{
    QTemporaryDir dir;
    auto s = fixture(dir);
    auto summary = report::buildSummary(*s, request());
    REQUIRE(summary.ok());
    const auto before = s->auditTrail({})->size();
    REQUIRE(report::recordSummaryExport(*s, *summary, u"pdf"_s, u"/tmp/summary.pdf"_s).ok());
    auto trail = s->auditTrail({});
    REQUIRE(trail->size() == before + 1);
    const store::AuditRow &row = trail->back();
    CHECK(row.action == u"export-summary"_s);
    CHECK(row.personId == u"person-0001"_s);
    CHECK(row.detail.value(u"purpose"_s).toString() == u"Referral for temporary accommodation"_s);
    CHECK(row.detail.value(u"recipient"_s).toString() == u"Housing Options, Stoke-on-Trent City Council"_s);
    CHECK(row.detail.value(u"entries"_s).toArray().size() == 2);
    CHECK(s->verify({})->ok());
}

TEST_CASE("the subject-access export: every revision, errors shown, withheld entries marked, the export log", "[report][sar]")
{
    QTemporaryDir dir;
    auto s = fixture(dir);
    REQUIRE(s->flagForDisclosureReview(u"entry-0002"_s, u"Names the neighbour who helped."_s, kJo).ok());
    auto summary = report::buildSummary(*s, request());
    REQUIRE(report::recordSummaryExport(*s, *summary, u"pdf"_s, u"/tmp/summary.pdf"_s).ok());
    auto amended = s->amend(u"entry-2021"_s, [&] {
        auto e = s->entry(u"entry-2021"_s)->revisions.back().entry;
        std::get<record::IncidentRecord>(e.body).changesSince = u"Sam moved into supported housing on 14 June 2021."_s;
        return e;
    }(), u"The exact date, from the tenancy agreement."_s, kSam, {});
    INFO((amended ? QString() : amended.error().message).toStdString());
    REQUIRE(amended.ok());

    auto sar = report::buildSubjectAccess(*s, {u"person-0001"_s, {}, {}, kNow, kJo});
    REQUIRE(sar.ok());
    golden(u"sar.html"_s, report::subjectAccessHtml(*sar).toUtf8());
    golden(u"sar.json"_s, QJsonDocument(report::subjectAccessJson(*sar)).toJson(QJsonDocument::Indented));

    auto find = [&](const QString &id) -> const report::SarEntry & {
        const auto it = std::find_if(sar->entries.begin(), sar->entries.end(), [&](const auto &e) { return e.id == id; });
        REQUIRE(it != sar->entries.end());
        return *it;
    };
    CHECK(find(u"entry-2021"_s).revisions.size() == 2);
    CHECK(find(u"entry-2021"_s).revisions[1].reason == u"The exact date, from the tenancy agreement."_s);
    CHECK(find(u"entry-wrong"_s).inError.contains(u"Recorded in Sam's file by mistake."_s));
    CHECK(find(u"entry-0002"_s).withheld);
    CHECK(find(u"entry-0002"_s).revisions.empty());
    REQUIRE(sar->forReview.size() == 1);
    CHECK(sar->forReview.front().contains(u"Names the neighbour who helped."_s));
    CHECK_FALSE(report::subjectAccessHtml(*sar).contains(u"lounge"_s)); // the withheld note's words
    CHECK(report::subjectAccessHtml(*sar).contains(u"WITHHELD"_s));
    REQUIRE(sar->exportLog.size() == 1);
    CHECK(sar->exportLog.front().contains(u"Referral summary exported as PDF"_s));
    CHECK(sar->exportLog.front().contains(u"Housing Options"_s));

    SECTION("once released, the entry is in the next export")
    {
        REQUIRE(s->releaseForDisclosure(u"entry-0002"_s, u"The neighbour agreed."_s, kSam).ok());
        auto again = report::buildSubjectAccess(*s, {u"person-0001"_s, {}, {}, kNow, kJo});
        const auto it = std::find_if(again->entries.begin(), again->entries.end(), [](const auto &e) { return e.id == u"entry-0002"; });
        CHECK_FALSE(it->withheld);
        CHECK(it->disclosure.contains(u"Released for disclosure"_s));
        CHECK(again->forReview.isEmpty());
    }
    SECTION("a date range keeps to the entries in it")
    {
        auto range = report::buildSubjectAccess(*s, {u"person-0001"_s, QDate(2025, 1, 1), QDate(2025, 12, 31), kNow, kJo});
        REQUIRE(range.ok());
        for (const auto &e : range->entries)
            CHECK(e.id != u"entry-2021"_s);
        CHECK(report::buildSubjectAccess(*s, {u"person-0001"_s, QDate(2025, 2, 1), QDate(2025, 1, 1), kNow, kJo}).error().contains(u"ends"_s));
    }
}

TEST_CASE("a summary's sign-off is asked for, decided by someone else, shown on the summary, and lapses when what it rests on changes",
          "[report][summary][signoff]")
{
    QTemporaryDir dir;
    auto s = fixture(dir);
    auto first = report::buildSummary(*s, request());
    REQUIRE(first.ok());
    CHECK(first->signOff.state.isEmpty());
    CHECK_FALSE(report::summaryHtml(*first).contains(u"Sign-off"_s)); // never asked for: nothing said
    CHECK(first->contentHash.size() == 64);

    auto id = report::requestSummarySignOff(*s, *first, u"Before it goes to Housing Options."_s, kJo);
    REQUIRE(id.ok());
    CHECK(report::requestSummarySignOff(*s, *first, {}, kJo).error().code == store::ErrorCode::Conflict); // already waiting

    // Made again later by someone else: the same content, so the same request.
    report::SummaryRequest later = request();
    later.now = kNow.addDays(1);
    later.author = kSam;
    auto waiting = report::buildSummary(*s, later);
    REQUIRE(waiting.ok());
    CHECK(waiting->contentHash == first->contentHash);
    CHECK(waiting->signOff.state == u"requested"_s);
    CHECK(report::summaryHtml(*waiting).contains(u"Not yet signed off: Jo Fletcher (Support worker, Fairview Lodge) asked for sign-off"_s));

    // The supervisor reads the same summary the worker asked about.
    auto all = s->signOffs(u"person-0001"_s);
    REQUIRE(all.ok());
    REQUIRE(all->size() == 1);
    CHECK(all->front().subject == u"summary"_s);
    CHECK(all->front().documentHash == first->contentHash);
    auto seen = report::summaryForSignOff(*s, all->front());
    REQUIRE(seen.ok());
    CHECK(seen->contentHash == first->contentHash);
    CHECK(seen->incidents.size() == first->incidents.size());

    CHECK(s->decideSignOff(*id, store::SignOffState::Approved, {}, kJo).error().code == store::ErrorCode::Invalid); // not your own
    REQUIRE(s->decideSignOff(*id, store::SignOffState::Approved, {}, kSam).ok());
    auto signedOff = report::buildSummary(*s, later);
    REQUIRE(signedOff.ok());
    CHECK(signedOff->signOff.state == u"approved"_s);
    CHECK(signedOff->signOff.by.name == u"Sam Okafor"_s);
    CHECK(report::summaryHtml(*signedOff).contains(u"Signed off by Sam Okafor (Team leader, Fairview Lodge) on "_s));
    CHECK(report::summaryJson(*signedOff).value(u"sign_off"_s).toObject().value(u"state"_s).toString() == u"approved"_s);
    CHECK(report::requestSummarySignOff(*s, *signedOff, {}, kJo).error().code == store::ErrorCode::Conflict); // already signed off

    // A different choice is a different summary: the earlier sign-off is named, and not claimed.
    report::SummaryRequest shorter = request();
    shorter.sections.remove(report::Section::Context);
    auto other = report::buildSummary(*s, shorter);
    REQUIRE(other.ok());
    CHECK(other->contentHash != first->contentHash);
    CHECK(other->signOff.state == u"earlier-version"_s);
    CHECK(report::summaryHtml(*other).contains(u"Not signed off: Sam Okafor (Team leader, Fairview Lodge) signed off an earlier version"_s));

    // An amendment to an entry it draws on changes the content, and the supervisor is told.
    auto d = s->entry(u"entry-2021"_s);
    REQUIRE(d.ok());
    record::Entry amended = d->revisions.back().entry;
    std::get<record::IncidentRecord>(amended.body).whatHappened += u" Nobody was hurt."_s;
    auto rev = s->amend(u"entry-2021"_s, amended, u"Added that nobody was hurt, from the fire service report."_s, kJo, {});
    REQUIRE(rev.ok());
    auto afterAmend = report::buildSummary(*s, request());
    REQUIRE(afterAmend.ok());
    CHECK(afterAmend->contentHash != first->contentHash);
    CHECK(afterAmend->signOff.state == u"earlier-version"_s);
    auto reread = report::summaryForSignOff(*s, s->signOffs(u"person-0001"_s)->front());
    REQUIRE(reread.ok());
    CHECK(reread->contentHash != all->front().documentHash);
}

TEST_CASE("a returned summary says so, with the supervisor's comment, and can be asked for again", "[report][summary][signoff]")
{
    QTemporaryDir dir;
    auto s = fixture(dir);
    auto summary = report::buildSummary(*s, request());
    REQUIRE(summary.ok());
    auto id = report::requestSummarySignOff(*s, *summary, {}, kJo);
    REQUIRE(id.ok());
    CHECK(s->decideSignOff(*id, store::SignOffState::Returned, {}, kSam).error().code == store::ErrorCode::Invalid); // needs a comment
    REQUIRE(s->decideSignOff(*id, store::SignOffState::Returned, u"Please leave out the 2021 fire: it is not needed."_s, kSam).ok());
    auto returned = report::buildSummary(*s, request());
    REQUIRE(returned.ok());
    CHECK(returned->signOff.state == u"returned"_s);
    CHECK(report::summaryHtml(*returned).contains(u"Please leave out the 2021 fire: it is not needed."_s));
    CHECK(report::requestSummarySignOff(*s, *returned, u"Asked again after talking it over."_s, kJo).ok());
}
