// SPDX-FileCopyrightText: 2026 Fairnote contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// Conformance: two people at once. An amendment states the revision it was made from; when someone else
// has amended the entry since, it is refused (Stale) with who and when, and nothing is saved. Reading
// an entry takes the viewer, so nobody reads someone else's draft.
#include "conformance/backend.h"
#include "store/storetestsupport.h"

using namespace Qt::StringLiterals;
using namespace fairnote;
using namespace fairnote::testing;
using fairnote::conformance::freshStore;
using fairnote::conformance::secondConnection;
using store::ErrorCode;

TEST_CASE("an amendment made from an older revision than the latest is refused with who amended it and when",
          "[store][conformance][concurrency]")
{
    auto jo = freshStore();
    auto person = jo->addPerson(record::Person{{}, u"Sam Rivers"_s, {}, {}}, kJo);
    auto id = jo->saveDraft(person->id, note(u"Sam met me at 10:00."_s), kJo);
    REQUIRE(jo->finalise(*id, kJo, {}).ok());
    auto sam = secondConnection();

    // Both read revision 1; Sam amends first, from another program.
    const int read = int(jo->entry(*id, kJo)->revisions.size());
    REQUIRE(read == 1);
    REQUIRE(sam->amend(*id, note(u"Sam met me at 10:30."_s), u"The visitor book says 10:30."_s, kSam, {}, read).ok());

    auto late = jo->amend(*id, note(u"Sam met me at 11:00."_s), u"The phone log says 11:00."_s, kJo, {}, read);
    REQUIRE_FALSE(late.ok());
    CHECK(late.error().code == ErrorCode::Stale);
    CHECK(late.error().message.contains(u"Sam Okafor (Team leader, Fairview Lodge)"_s));
    CHECK(late.error().message.contains(u"(revision 2) after you started from revision 1"_s));
    CHECK(late.error().message.contains(u"1 March 2026 at"_s));
    CHECK(jo->entry(*id, kJo)->revisions.size() == 2); // nothing was saved

    // Starting an amendment draft in the app from what was read is refused the same way; from the latest,
    // it goes ahead.
    record::Entry draft = note(u"Sam met me at 11:00."_s);
    draft.id = *id;
    auto stale = jo->saveDraft(person->id, draft, kJo, read);
    REQUIRE_FALSE(stale.ok());
    CHECK(stale.error().code == ErrorCode::Stale);
    CHECK_FALSE(jo->entry(*id, kJo)->summary.hasDraft);
    REQUIRE(jo->saveDraft(person->id, draft, kJo, 2).ok());
    CHECK(jo->entry(*id, kJo)->draft->baseRevision == 2);

    // A revision that does not exist is not a base.
    CHECK(sam->amend(*id, note(u"x"_s), u"y"_s, kSam, {}, 7).error().code == ErrorCode::Conflict); // Jo's draft comes first
    CHECK(jo->discardDraft(*id, kJo).ok());
    CHECK(sam->amend(*id, note(u"x"_s), u"y"_s, kSam, {}, 7).error().code == ErrorCode::Invalid);
}

TEST_CASE("reading an entry takes the viewer: another author's draft is theirs alone", "[store][conformance][concurrency]")
{
    auto s = freshStore();
    auto person = s->addPerson(record::Person{{}, u"Sam Rivers"_s, {}, {}}, kJo);
    auto newDraft = s->saveDraft(person->id, note(u"Half a thought about Sam."_s), kSam);
    auto hidden = s->entry(*newDraft, kJo);
    REQUIRE_FALSE(hidden.ok());
    CHECK(hidden.error().message == u"entry %1 is a draft by Sam Okafor (Team leader, Fairview Lodge); only its author can see it until it is final."_s.arg(*newDraft));
    CHECK(s->entry(*newDraft, kSam)->draft);
    CHECK_FALSE(s->entry(*newDraft, store::Actor{}).ok()); // nobody is not its author either

    auto id = s->saveDraft(person->id, note(u"Sam phoned."_s), kJo);
    REQUIRE(s->finalise(*id, kJo, {}).ok());
    record::Entry amendment = note(u"Sam phoned at 10:00."_s);
    amendment.id = *id;
    REQUIRE(s->saveDraft(person->id, amendment, kSam, 1).ok());
    auto asJo = s->entry(*id, kJo);
    REQUIRE(asJo.ok());
    CHECK_FALSE(asJo->draft);                     // Sam's text is not shown to Jo...
    CHECK(asJo->summary.hasDraft);                // ...but that Sam is amending it is
    CHECK(asJo->summary.draftAuthor == kSam);
    CHECK(s->entry(*id, kSam)->draft->entry == s->entry(*id, kSam)->draft->entry);
    CHECK(std::get<record::GeneralNote>(s->entry(*id, kSam)->draft->entry.body).text == u"Sam phoned at 10:00."_s);
}
