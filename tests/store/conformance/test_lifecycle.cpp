// SPDX-FileCopyrightText: 2026 Fairnote contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// Conformance: the record lifecycle — draft → final → amended / marked in error, each rule enforced,
// and the search index and the export kept in step — through the store interface only.
#include "conformance/backend.h"
#include "store/storetestsupport.h"

using namespace Qt::StringLiterals;
using namespace fairnote;
using namespace fairnote::testing;
using fairnote::conformance::freshStore;
using store::EntryStatus;
using store::ErrorCode;

namespace {
record::Person addPerson(store::Store &s, const QString &name = u"Sam Rivers"_s)
{
    auto p = s.addPerson(record::Person{{}, name, {}, {}}, kJo);
    REQUIRE(p.ok());
    return *p;
}
} // namespace

TEST_CASE("a draft is visible to its author only, and finalising it makes revision 1", "[store][conformance]")
{
    auto s = freshStore();
    const auto person = addPerson(*s);
    auto id = s->saveDraft(person.id, note(u"Sam came to the office at 10:00 and asked about his housing application."_s), kJo);
    REQUIRE(id.ok());

    auto mine = s->entries({person.id}, kJo);
    REQUIRE(mine.ok());
    REQUIRE(mine->size() == 1);
    CHECK(mine->front().status == EntryStatus::Draft);
    CHECK(mine->front().author.name == kJo.name);
    auto theirs = s->entries({person.id}, kSam);
    REQUIRE(theirs.ok());
    CHECK(theirs->empty());
    store::ListFilter all{person.id, true};
    if (conformance::claims(conformance::Behaviour::OthersDraftsShown, "others' drafts listed"))
        CHECK(s->entries(all, kSam)->size() == 1);

    SECTION("only the author may change or finalise the draft")
    {
        auto other = s->saveDraft(person.id, [&] { auto e = note(u"x"_s); e.id = *id; return e; }(), kSam);
        REQUIRE_FALSE(other.ok());
        CHECK(other.error().code == ErrorCode::Invalid);
        CHECK(other.error().message.contains(kJo.name));
        auto fin = s->finalise(*id, kSam, {});
        REQUIRE_FALSE(fin.ok());
        if (conformance::claims(conformance::Behaviour::OthersDraftsShown, "another's draft named when finalised"))
            CHECK(fin.error().message.contains(u"only its author"_s));
    }

    SECTION("finalise writes a revision with the author and the time of writing set by the system")
    {
        auto r = s->finalise(*id, kJo, {});
        REQUIRE(r.ok());
        CHECK(r->number == 1);
        CHECK(r->author == kJo);
        CHECK(r->entry.author == kJo);
        CHECK(r->entry.writtenAt == r->writtenAt);
        CHECK(r->hash.size() == 64);
        auto d = s->entry(*id);
        REQUIRE(d.ok());
        CHECK(d->summary.status == EntryStatus::Final);
        CHECK_FALSE(d->draft);
        CHECK(s->entries({person.id}, kSam)->size() == 1); // final entries are everyone's

        auto again = s->finalise(*id, kJo, {});
        REQUIRE_FALSE(again.ok());
        CHECK(again.error().code == ErrorCode::Conflict);
    }
}

TEST_CASE("finalising with prompts open needs a reason for each, and keeps the snapshot", "[store][conformance]")
{
    auto s = freshStore();
    const auto person = addPerson(*s);
    record::Entry vague;
    vague.body = record::IncidentRecord{};
    std::get<record::IncidentRecord>(vague.body).whatHappened = u"Known arsonist. Kicked off again."_s;
    auto id = s->saveDraft(person.id, vague, kJo);
    REQUIRE(id.ok());

    auto refused = s->finalise(*id, kJo, {});
    REQUIRE_FALSE(refused.ok());
    CHECK(refused.error().code == ErrorCode::Invalid);
    CHECK(refused.error().message.contains(u"blank"_s));
    CHECK(s->entry(*id)->summary.status == EntryStatus::Draft); // nothing was saved

    // Reasons for every open prompt: the preview of the same assessor gives the keys.
    const auto preview = store::makeAssessor(assessOptions())(person, s->entry(*id)->draft->entry);
    REQUIRE_FALSE(preview.prompts.empty());
    QHash<QString, QString> reasons;
    for (const auto &p : preview.prompts)
        reasons.insert(store::promptKey(p.code, p.field), u"Not known yet; asking the previous provider."_s);
    auto r = s->finalise(*id, kJo, reasons);
    REQUIRE(r.ok());
    CHECK(r->snapshot.prompts.size() == preview.prompts.size());
    CHECK(r->snapshot.prompts.front().leftReason == u"Not known yet; asking the previous provider."_s);
    CHECK_FALSE(r->snapshot.findings.empty()); // "Known arsonist", "Kicked off"
    auto d = s->entry(*id);
    REQUIRE(d.ok());
    CHECK(d->revisions.front().snapshot == r->snapshot);
}

TEST_CASE("an amendment needs a reason and keeps every earlier revision readable", "[store][conformance]")
{
    auto s = freshStore();
    const auto person = addPerson(*s);
    auto id = s->saveDraft(person.id, note(u"Sam met me at 10:00."_s), kJo);
    REQUIRE(s->finalise(*id, kJo, {}).ok());

    auto noReason = s->amend(*id, note(u"Sam met me at 11:00."_s), u"  "_s, kSam, {});
    REQUIRE_FALSE(noReason.ok());
    CHECK(noReason.error().code == ErrorCode::Invalid);
    CHECK(noReason.error().message.contains(u"reason"_s));

    auto r = s->amend(*id, note(u"Sam met me at 11:00."_s), u"The time was wrong; the visitor book says 11:00."_s, kSam, {});
    REQUIRE(r.ok());
    CHECK(r->number == 2);
    CHECK(r->author == kSam);
    CHECK(r->entry.author == kJo); // the entry was written by Jo; Sam amended it

    auto d = s->entry(*id);
    REQUIRE(d.ok());
    CHECK(d->summary.status == EntryStatus::Amended);
    REQUIRE(d->revisions.size() == 2);
    CHECK(std::get<record::GeneralNote>(d->revisions[0].entry.body).text == u"Sam met me at 10:00."_s);
    CHECK(std::get<record::GeneralNote>(d->revisions[1].entry.body).text == u"Sam met me at 11:00."_s);
    CHECK(d->revisions[1].reason.contains(u"visitor book"_s));
    CHECK(d->revisions[0].hash != d->revisions[1].hash);

    SECTION("an amendment drafted in the app goes through finalise with its reason")
    {
        REQUIRE(s->saveDraft(person.id, [&] { auto e = note(u"Sam met me at 11:05."_s); e.id = *id; return e; }(), kJo).ok());
        CHECK(s->entry(*id)->draft->baseRevision == 2);
        CHECK(s->entry(*id)->summary.status == EntryStatus::Amended); // the list shows the final text until then
        auto missing = s->finalise(*id, kJo, {});
        REQUIRE_FALSE(missing.ok());
        CHECK(missing.error().message.contains(u"reason"_s));
        auto third = s->finalise(*id, kJo, {}, u"Minutes checked against the CCTV log."_s);
        REQUIRE(third.ok());
        CHECK(third->number == 3);
    }
}

TEST_CASE("mark in error needs a reason, keeps the entry readable and leaves it out of the case file", "[store][conformance]")
{
    auto s = freshStore();
    const auto person = addPerson(*s);
    auto keep = s->saveDraft(person.id, note(u"Sam phoned about his benefits."_s), kJo);
    auto wrong = s->saveDraft(person.id, note(u"Written in the wrong file."_s), kJo);
    REQUIRE(s->finalise(*keep, kJo, {}).ok());
    REQUIRE(s->finalise(*wrong, kJo, {}).ok());

    CHECK(s->markInError(*wrong, QString(), kJo).error().code == ErrorCode::Invalid);
    REQUIRE(s->markInError(*wrong, u"Written in Sam Rivers' file by mistake; it is about another person."_s, kJo).ok());
    CHECK(s->markInError(*wrong, u"again"_s, kJo).error().code == ErrorCode::Conflict);
    CHECK(s->amend(*wrong, note(u"x"_s), u"fix"_s, kJo, {}).error().code == ErrorCode::Conflict);

    auto d = s->entry(*wrong);
    REQUIRE(d.ok());
    CHECK(d->summary.status == EntryStatus::InError);
    REQUIRE(d->inError);
    CHECK(d->inError->by == kJo);
    CHECK(d->revisions.size() == 1); // still readable

    CHECK(s->caseFile(person.id, false)->entries.size() == 1);
    CHECK(s->caseFile(person.id, true)->entries.size() == 2);
    store::ListFilter noErrors{person.id};
    noErrors.includeInError = false;
    CHECK(s->entries(noErrors, kJo)->size() == 1);
    CHECK(s->entries({person.id}, kJo)->size() == 2);
}

TEST_CASE("a draft that was never final can be discarded by its author; a final entry cannot be deleted", "[store][conformance]")
{
    auto s = freshStore();
    const auto person = addPerson(*s);
    auto id = s->saveDraft(person.id, note(u"Half a thought"_s), kJo);
    auto notTheirs = s->discardDraft(*id, kSam);
    REQUIRE_FALSE(notTheirs.ok());
    if (conformance::claims(conformance::Behaviour::OthersDraftsShown, "another's draft named when discarded"))
        CHECK(notTheirs.error().code == ErrorCode::Invalid);
    REQUIRE(s->discardDraft(*id, kJo).ok());
    CHECK(s->entry(*id).error().code == ErrorCode::NotFound);
    CHECK(s->markInError(u"nope"_s, u"r"_s, kJo).error().code == ErrorCode::NotFound);

    auto fin = s->saveDraft(person.id, note(u"Sam phoned."_s), kJo);
    REQUIRE(s->finalise(*fin, kJo, {}).ok());
    CHECK(s->discardDraft(*fin, kJo).error().code == ErrorCode::Conflict);
}

TEST_CASE("full-text search finds words, stems and names, with highlighted snippets", "[store][conformance]")
{
    auto s = freshStore();
    const auto sam = addPerson(*s, u"Sam Rivers"_s);
    const auto ali = addPerson(*s, u"Ali Khan"_s);
    auto a = s->saveDraft(sam.id, note(u"The smoke alarm sounded at 23:40 and the night worker found a smouldering pillowcase."_s), kJo);
    auto b = s->saveDraft(ali.id, note(u"Ali asked about fires in the kitchen and the cooker."_s), kJo);
    REQUIRE(s->finalise(*a, kJo, {}).ok());
    REQUIRE(s->finalise(*b, kJo, {}).ok());
    auto draft = s->saveDraft(sam.id, note(u"Draft about a pillowcase."_s), kSam);
    REQUIRE(draft.ok());

    auto hits = s->search(u"pillowcase"_s, kJo, 20);
    REQUIRE(hits.ok());
    REQUIRE(hits->size() == 1); // Sam Okafor's draft is his alone
    CHECK(hits->front().entryId == *a);
    CHECK(hits->front().personName == u"Sam Rivers"_s);
    REQUIRE_FALSE(hits->front().highlights.empty());
    const auto [at, len] = hits->front().highlights.front();
    CHECK(hits->front().snippet.mid(at, len).compare(u"pillowcase"_s, Qt::CaseInsensitive) == 0);
    CHECK(s->search(u"pillowcase"_s, kSam, 20)->size() == 2);

    CHECK(s->search(u"fire"_s, kJo, 20)->size() == 1);       // "fires" by its stem
    CHECK(s->search(u"smoulder"_s, kJo, 20)->size() == 1);   // as you type: a prefix
    CHECK(s->search(u"Khan"_s, kJo, 20)->front().entryId == *b); // by the person's name
    CHECK(s->search(u"\"unbalanced (quote AND OR NEAR"_s, kJo, 20).ok()); // never a syntax error
    CHECK(s->search(u"  "_s, kJo, 20)->empty());

    SECTION("an amendment replaces the indexed text")
    {
        REQUIRE(s->amend(*b, note(u"Ali asked about the cooker timer."_s), u"Recorded the wrong topic."_s, kJo, {}).ok());
        CHECK(s->search(u"fires"_s, kJo, 20)->empty());
        CHECK(s->search(u"timer"_s, kJo, 20)->size() == 1);
    }
}

TEST_CASE("import is all or nothing, and the case file comes back out as it went in", "[store][conformance]")
{
    auto s = freshStore();
    const record::CaseFile complete = example("incident-complete.json");
    auto ids = s->importCaseFile(complete, kSam, {false, u"incident-complete.json"_s}, {});
    REQUIRE(ids.ok());
    CHECK(ids->size() == complete.entries.size());
    auto out = s->caseFile(complete.person.id, false);
    REQUIRE(out.ok());
    CHECK(out->person == complete.person);
    REQUIRE(out->entries.size() == complete.entries.size());
    for (const auto &e : complete.entries)
        CHECK(std::find(out->entries.begin(), out->entries.end(), e) != out->entries.end());
    // The author and time of writing are the file's; the importer is in the audit trail.
    auto d = s->entry(complete.entries.front().id);
    CHECK(d->revisions.front().author == complete.entries.front().author);
    auto trail = s->auditTrail(complete.person.id);
    REQUIRE(trail.ok());
    CHECK(std::any_of(trail->begin(), trail->end(), [](const store::AuditRow &r) {
        return r.action == u"import" && r.detail.value(u"imported_by"_s).toString().contains(u"Sam Okafor"_s);
    }));

    SECTION("a second import that clashes on one entry adds nothing at all")
    {
        record::CaseFile clash = example("incident-vague.json");
        clash.person = complete.person;
        clash.entries.push_back(complete.entries.front()); // already there
        const auto before = s->entries({}, kSam)->size();
        auto r = s->importCaseFile(clash, kSam, {}, {});
        REQUIRE_FALSE(r.ok());
        CHECK(r.error().code == ErrorCode::Conflict);
        CHECK(r.error().message.contains(complete.entries.front().id));
        CHECK(s->entries({}, kSam)->size() == before);
    }
    SECTION("a person id used for someone else is refused")
    {
        record::CaseFile other = example("incident-vague.json");
        other.person.id = complete.person.id;
        other.person.name = u"Somebody Else"_s;
        auto r = s->importCaseFile(other, kSam, {}, {});
        REQUIRE_FALSE(r.ok());
        CHECK(r.error().message.contains(u"Somebody Else"_s));
    }
    SECTION("import as drafts: the importer's drafts, to check and finalise")
    {
        record::CaseFile vague = example("incident-vague.json");
        auto r = s->importCaseFile(vague, kJo, {true, u"legacy"_s}, {});
        REQUIRE(r.ok());
        auto d2 = s->entry(r->front());
        CHECK(d2->summary.status == EntryStatus::Draft);
        CHECK(d2->draft->author == kJo);
    }
    SECTION("cancelling through the progress callback imports nothing")
    {
        record::CaseFile vague = example("incident-vague.json");
        auto r = s->importCaseFile(vague, kJo, {}, [](qint64, qint64) { return false; });
        REQUIRE_FALSE(r.ok());
        CHECK(r.error().code == ErrorCode::Cancelled);
        CHECK(s->peopleNamed(vague.person.name)->empty());
    }
}

TEST_CASE("people: listed with their counts and the most recent incident; found by name", "[store][conformance]")
{
    auto s = freshStore();
    // Final entries written elsewhere: imported by a supervisor where only supervisors may.
    const auto importer = conformance::backend().claims(conformance::Behaviour::NoRoles) ? kJo : kSam;
    REQUIRE(s->importCaseFile(example("incident-complete.json"), importer, {}, {}).ok());
    auto people = s->people(kJo);
    REQUIRE(people.ok());
    REQUIRE(people->size() == 1);
    CHECK(people->front().incidents >= 1);
    CHECK(people->front().lastIncidentAt.isValid());
    CHECK(s->peopleNamed(u"sam rivers"_s)->size() == 1);
    CHECK(s->peopleNamed(u"Sammy Rivers"_s)->size() == 1); // other names count
    CHECK(s->peopleNamed(u"Sam"_s)->empty());              // exact names only
}

TEST_CASE("a late entry is marked with its delay", "[store][conformance]")
{
    auto s = freshStore(); // the clock says 1 March 2026
    const auto person = addPerson(*s);
    auto late = note(u"Sam told me about the fire alarm last week."_s, QDate(2026, 2, 20));
    late.lateEntryReason = u"I was on leave."_s;
    auto id = s->saveDraft(person.id, late, kJo);
    auto r = s->finalise(*id, kJo, {});
    REQUIRE(r.ok());
    REQUIRE(r->lateSeconds);
    CHECK(*r->lateSeconds > 8 * 24 * 3600);
    CHECK(s->entry(*id)->summary.lateSeconds == r->lateSeconds);
}

TEST_CASE("actors: \"Name (Role)\" and \"Name (Role, Organisation)\"", "[store][conformance]")
{
    CHECK(store::parseActor(u"Jo Fletcher (Support worker)"_s) == store::Actor{u"Jo Fletcher"_s, u"Support worker"_s, {}});
    CHECK(store::parseActor(u" Jo Fletcher (Support worker, Fairview Lodge) "_s) == kJo);
    CHECK(store::parseActor(u"Jo"_s)->name == u"Jo"_s);
    CHECK_FALSE(store::parseActor(u"  "_s));
    CHECK_FALSE(store::parseActor(u"(Support worker)"_s));
    CHECK(store::actorDisplay(kJo) == u"Jo Fletcher (Support worker, Fairview Lodge)"_s);
}

TEST_CASE("a write without an author is refused", "[store][conformance]")
{
    if (!conformance::claims(conformance::Behaviour::TypedActor, "a write without an author"))
        return;
    auto s = freshStore();
    auto r = s->addPerson(record::Person{{}, u"Sam"_s, {}, {}}, store::Actor{});
    REQUIRE_FALSE(r.ok());
    CHECK(r.error().message.contains(u"author"_s));
}

TEST_CASE("review before disclosure: a flag needs a reason, a release is final, both are audited", "[store][conformance][disclosure]")
{
    auto s = freshStore();
    const auto person = addPerson(*s);
    auto id = s->saveDraft(person.id, note(u"The neighbour at number 4, who reported the fire, asked not to be named."_s), kJo);
    REQUIRE(s->finalise(*id, kJo, {}).ok());

    CHECK(s->flagForDisclosureReview(*id, u" "_s, kJo).error().code == ErrorCode::Invalid);
    REQUIRE(s->flagForDisclosureReview(*id, u"Names the neighbour who reported the fire."_s, kJo).ok());
    CHECK(s->flagForDisclosureReview(*id, u"again"_s, kJo).error().code == ErrorCode::Conflict);
    auto d = s->entry(*id);
    REQUIRE(d->disclosure);
    CHECK_FALSE(d->disclosure->released());
    CHECK(d->disclosure->flaggedBy == kJo);

    REQUIRE(s->releaseForDisclosure(*id, u"The neighbour agreed to be named."_s, kSam).ok());
    CHECK(s->releaseForDisclosure(*id, {}, kSam).error().code == ErrorCode::Conflict);
    d = s->entry(*id);
    CHECK(d->disclosure->released());
    CHECK(d->disclosure->releasedBy == kSam);
    CHECK(s->disclosureFlags(person.id)->size() == 1);

    auto trail = s->auditTrail(person.id);
    QStringList actions;
    for (const auto &r : *trail)
        actions << r.action;
    CHECK(actions.contains(u"flag-for-disclosure-review"_s));
    CHECK(actions.contains(u"release-for-disclosure"_s));
    CHECK(s->verify({})->ok());
}

TEST_CASE("a draft the file could not read back is refused, and the earlier draft stays", "[store][conformance]")
{
    auto s = freshStore();
    const auto person = addPerson(*s);
    auto id = s->saveDraft(person.id, note(u"Sam asked about his rent."_s), kJo);
    REQUIRE(id.ok());
    record::Entry reversed = note(u"Sam asked about his rent, again."_s);
    reversed.id = *id;
    reversed.eventDate.precision = record::DatePrecision::Range;
    reversed.eventDate.date = QDate(2026, 2, 10);
    reversed.eventDate.rangeEnd = QDate(2026, 2, 1);
    auto refused = s->saveDraft(person.id, reversed, kJo);
    REQUIRE_FALSE(refused.ok());
    CHECK(refused.error().code == store::ErrorCode::Invalid);
    CHECK(refused.error().message.contains(u"the range ends before it starts"_s));
    auto d = s->entry(*id);
    REQUIRE(d.ok());
    CHECK(std::get<record::GeneralNote>(d->draft->entry.body).text == u"Sam asked about his rent."_s);
}
