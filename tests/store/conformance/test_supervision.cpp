// SPDX-FileCopyrightText: 2026 Fairnote contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// Conformance: supervision as the store enforces it — a review is of one exact revision and never
// changes the entry; nobody reviews or signs off their own entry (whatever role they give) or decides
// their own request; sign-off is for incident records and belongs to the revision put up.
#include "conformance/backend.h"
#include "store/storetestsupport.h"

using namespace Qt::StringLiterals;
using namespace fairnote;
using namespace fairnote::testing;
using fairnote::conformance::freshStore;
using store::ErrorCode;

namespace {

const store::Actor kDee{u"Dee Marsh"_s, u"Support worker"_s, u"Fairview Lodge"_s};

struct Fixture
{
    std::unique_ptr<store::Store> s = freshStore();
    QString person, noteId, incidentId;

    Fixture()
    {
        record::CaseFile cf = example("incident-complete.json");
        // Final entries written elsewhere: imported by a supervisor where only supervisors may.
        const auto importer = conformance::backend().claims(conformance::Behaviour::NoRoles) ? kJo : kSam;
        auto ids = s->importCaseFile(cf, importer, {}, {});
        REQUIRE(ids.ok());
        person = cf.person.id;
        for (const QString &id : *ids)
            if (s->entry(id)->summary.incident)
                incidentId = id;
        auto n = s->saveDraft(person, note(u"Sam phoned at 10:00 about his rent."_s), kJo);
        REQUIRE(s->finalise(*n, kJo, {}).ok());
        noteId = *n;
        REQUIRE_FALSE(incidentId.isEmpty());
    }
};

} // namespace

TEST_CASE("a review is of one revision, kept apart from the entry, and never by its author", "[store][conformance][supervision]")
{
    Fixture f;
    const auto before = *f.s->entry(f.noteId);
    store::Review rv;
    rv.entryId = f.noteId;
    rv.quality = {{u"factual"_s, 3, u"“at 10:00”"_s, {}}};
    CHECK(f.s->recordReview(rv, kJo).error().code == ErrorCode::Invalid);                                 // Jo wrote it
    CHECK(f.s->recordReview(rv, store::Actor{u"jo  FLETCHER"_s, u"Manager"_s, {}}).error().code == ErrorCode::Invalid); // under another role
    store::Review unscored = rv;
    unscored.quality = {{u"factual"_s, 0, {}, {}}};
    CHECK(f.s->recordReview(unscored, kSam).error().message.contains(u"at least one quality score"_s));
    store::Review returned = unscored;
    returned.returned = true;
    CHECK(f.s->recordReview(returned, kSam).error().message.contains(u"comment"_s));
    auto id = f.s->recordReview(rv, kSam);
    REQUIRE(id.ok());
    const auto after = *f.s->entry(f.noteId);
    CHECK(after.revisions.back().hash == before.revisions.back().hash);
    CHECK(after.summary.lastReviewed.isValid());
    auto reviews = f.s->reviews(f.noteId);
    REQUIRE(reviews->size() == 1);
    CHECK(reviews->front().revision == 1);
    CHECK(reviews->front().reviewer == kSam);
    CHECK(reviews->front().hash.size() == 64);

    REQUIRE(f.s->markInError(f.noteId, u"Written about the wrong person."_s, kJo).ok());
    CHECK(f.s->recordReview(rv, kSam).error().message.contains(u"marked in error"_s));
    CHECK(f.s->verify({})->ok());
}

TEST_CASE("sign-off: for incident records, decided by someone else, for the revision put up", "[store][conformance][supervision]")
{
    Fixture f;
    CHECK(f.s->requestSignOff(u"entry"_s, {}, f.noteId, {}, {}, {}, kJo).error().message.contains(u"case note"_s));
    auto id = f.s->requestSignOff(u"entry"_s, {}, f.incidentId, {}, {}, u"Please check."_s, kJo);
    REQUIRE(id.ok());
    CHECK(f.s->requestSignOff(u"entry"_s, {}, f.incidentId, {}, {}, {}, kJo).error().code == ErrorCode::Conflict);
    CHECK(f.s->entry(f.incidentId)->summary.signOff == u"requested"_s);
    // The incident's author (from the imported file) and the requester cannot decide it.
    const store::Actor author = f.s->entry(f.incidentId)->revisions.front().author;
    CHECK(f.s->decideSignOff(*id, store::SignOffState::Approved, {}, author).error().code == ErrorCode::Invalid);
    CHECK(f.s->decideSignOff(*id, store::SignOffState::Approved, {}, store::Actor{u"JO FLETCHER"_s, {}, {}}).error().code
          == ErrorCode::Invalid);
    CHECK(f.s->decideSignOff(*id, store::SignOffState::Returned, {}, kDee).error().message.contains(u"comment"_s));

    // Amended after the request: that request can no longer be approved; a new one can.
    record::Entry changed = f.s->entry(f.incidentId)->revisions.back().entry;
    std::get<record::IncidentRecord>(changed.body).whatHappened += u" The fire service's reference is 25-0412."_s;
    REQUIRE(f.s->amend(f.incidentId, changed, u"Added the fire service's reference."_s, kSam, {}).ok());
    CHECK(f.s->entry(f.incidentId)->summary.signOff.isEmpty());
    CHECK(f.s->decideSignOff(*id, store::SignOffState::Approved, {}, kDee).error().message.contains(u"amended after sign-off"_s));
    REQUIRE(f.s->decideSignOff(*id, store::SignOffState::Returned, u"Ask again for the new revision."_s, kDee).ok());
    CHECK(f.s->decideSignOff(*id, store::SignOffState::Approved, {}, kDee).error().code == ErrorCode::Conflict); // decided
    auto again = f.s->requestSignOff(u"entry"_s, {}, f.incidentId, {}, {}, {}, kJo);
    REQUIRE(again.ok());
    REQUIRE(f.s->decideSignOff(*again, store::SignOffState::Approved, u"Clear and factual."_s, kDee).ok());
    CHECK(f.s->entry(f.incidentId)->summary.signOff == u"approved"_s);
    auto all = f.s->signOffs(f.person);
    REQUIRE(all->size() == 2);
    CHECK(all->back().state() == store::SignOffState::Approved);
    if (conformance::claims(conformance::Behaviour::TypedActor, "the decider's role as typed"))
        CHECK(all->back().events.back().actor == kDee);
    else
        CHECK(store::samePerson(all->back().events.back().actor, kDee)); // the login's staff record gives the role
    CHECK(f.s->verify({})->ok());
}
