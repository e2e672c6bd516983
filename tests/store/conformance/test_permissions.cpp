// SPDX-FileCopyrightText: 2026 Fairnote contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// Conformance: the store refuses exactly what store::permissionsFor() refuses, with the same words, so
// the app's enabled actions, the CLI's checks and the store can never disagree.
#include "conformance/backend.h"
#include "store/storetestsupport.h"

#include "store/permissions.h"

using namespace Qt::StringLiterals;
using namespace fairnote;
using namespace fairnote::testing;
using fairnote::conformance::freshStore;
using store::EntryAction;

namespace {

// Tries `action` on entry `id` as `actor` through the store; returns the error, or nothing when it was done.
std::optional<store::StoreError> attempt(store::Store &s, EntryAction action, const QString &id, const QString &person,
                                         const store::Actor &actor)
{
    auto detail = s.entry(id);
    REQUIRE(detail.ok());
    auto failed = [](auto r) -> std::optional<store::StoreError> { return r ? std::nullopt : std::optional(r.error()); };
    record::Entry text = detail->draft ? detail->draft->entry : detail->revisions.back().entry;
    std::get<record::GeneralNote>(text.body).text += u" (corrected)"_s;
    switch (action) {
    case EntryAction::Edit: {
        record::Entry e = text;
        e.id = id;
        return failed(s.saveDraft(person, e, actor));
    }
    case EntryAction::Finalise:
        return failed(s.finalise(id, actor, {}, u"Corrected."_s));
    case EntryAction::Discard:
        return failed(s.discardDraft(id, actor));
    case EntryAction::Amend:
        return failed(s.amend(id, text, u"Corrected."_s, actor, {}));
    case EntryAction::MarkInError:
        return failed(s.markInError(id, u"Wrong person."_s, actor));
    case EntryAction::FlagForDisclosure:
        return failed(s.flagForDisclosureReview(id, u"Names a neighbour."_s, actor));
    case EntryAction::ReleaseForDisclosure:
        return failed(s.releaseForDisclosure(id, {}, actor));
    case EntryAction::RequestSignOff:
        return failed(s.requestSignOff(u"entry"_s, {}, id, {}, {}, {}, actor));
    }
    return std::nullopt;
}

} // namespace

TEST_CASE("the store refuses what permissionsFor refuses, in the same words, and does what it allows",
          "[store][conformance][permissions]")
{
    // Each state of an entry, built through the store: a new draft, a final note, a note with someone
    // else's amendment draft, a note in error, a flagged note.
    struct Case
    {
        const char *name;
        std::function<QString(store::Store &, const QString &person)> make;
    };
    const Case cases[] = {
        {"a new draft", [](store::Store &s, const QString &p) { return *s.saveDraft(p, note(u"Sam phoned."_s), kSam); }},
        {"a final note",
         [](store::Store &s, const QString &p) {
             auto id = s.saveDraft(p, note(u"Sam phoned."_s), kJo);
             REQUIRE(s.finalise(*id, kJo, {}).ok());
             return *id;
         }},
        {"someone else's amendment draft",
         [](store::Store &s, const QString &p) {
             auto id = s.saveDraft(p, note(u"Sam phoned."_s), kJo);
             REQUIRE(s.finalise(*id, kJo, {}).ok());
             record::Entry e = note(u"Sam phoned at 10:00."_s);
             e.id = *id;
             REQUIRE(s.saveDraft(p, e, kSam).ok());
             return *id;
         }},
        {"a note in error",
         [](store::Store &s, const QString &p) {
             auto id = s.saveDraft(p, note(u"Sam phoned."_s), kJo);
             REQUIRE(s.finalise(*id, kJo, {}).ok());
             REQUIRE(s.markInError(*id, u"Wrong person."_s, kJo).ok());
             return *id;
         }},
        {"a flagged note",
         [](store::Store &s, const QString &p) {
             auto id = s.saveDraft(p, note(u"Sam phoned."_s), kJo);
             REQUIRE(s.finalise(*id, kJo, {}).ok());
             REQUIRE(s.flagForDisclosureReview(*id, u"Names a neighbour."_s, kJo).ok());
             return *id;
         }},
    };
    for (const Case &c : cases) {
        if (c.name == std::string_view("a new draft") &&
            !conformance::claims(conformance::Behaviour::OthersDraftsShown, "what may be done with another's new draft"))
            continue;
        for (int a = 0; a < store::kEntryActionCount; ++a) {
            const auto action = EntryAction(a);
            INFO(c.name << ", action " << a);
            auto s = freshStore(); // each attempt on a store of its own: a success changes the entry
            auto person = s->addPerson(record::Person{{}, u"Sam Rivers"_s, {}, {}}, kJo);
            const QString id = c.make(*s, person->id);
            const auto expected = store::permissionsFor(*s->entry(id), kJo).refusal(action);
            const auto got = attempt(*s, action, id, person->id, kJo);
            if (expected) {
                REQUIRE(got);
                CHECK(got->code == expected->code);
                CHECK(got->message == expected->message);
            } else if (got && action == EntryAction::ReleaseForDisclosure
                       && !conformance::claims(conformance::Behaviour::NoRoles, "a worker releasing for disclosure")) {
                CHECK(got->code == store::ErrorCode::Invalid); // refused by the server's roles
            } else {
                CHECK_FALSE(got);
                if (got)
                    UNSCOPED_INFO(got->message.toStdString());
            }
        }
    }
}
