// SPDX-FileCopyrightText: 2026 Fairnote contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// The entry rules as pure functions: which actions each state of an entry allows, who may see a draft,
// and one wording per refusal.
#include "store/permissions.h"
#include "testsupport.h"

using namespace Qt::StringLiterals;
using namespace fairnote;
using store::EntryAction;
using store::EntryState;
using store::ErrorCode;

namespace {

const store::Actor kJo{u"Jo Fletcher"_s, u"Support worker"_s, u"Fairview Lodge"_s};
const store::Actor kSam{u"Sam Okafor"_s, u"Team leader"_s, u"Fairview Lodge"_s};

EntryState finalIncident()
{
    EntryState e;
    e.id = u"E-1"_s;
    e.revisions = 1;
    e.incident = true;
    return e;
}

QList<EntryAction> allowed(const EntryState &e, const store::Actor &actor)
{
    QList<EntryAction> out;
    const auto p = store::permissionsFor(e, actor);
    for (int i = 0; i < store::kEntryActionCount; ++i)
        if (p.allows(EntryAction(i)))
            out << EntryAction(i);
    return out;
}

} // namespace

TEST_CASE("a new draft: its author may edit, finalise and discard it; nobody may amend or mark it", "[store][permissions]")
{
    EntryState draft;
    draft.id = u"E-1"_s;
    draft.incident = true;
    draft.draftAuthor = kJo;
    CHECK(allowed(draft, kJo) == QList<EntryAction>{EntryAction::Edit, EntryAction::Finalise, EntryAction::Discard});
    CHECK(allowed(draft, kSam).isEmpty());
    const auto sam = store::permissionsFor(draft, kSam);
    CHECK(sam[EntryAction::Edit].refusal.message == u"entry E-1 is being drafted by Jo Fletcher (Support worker, Fairview Lodge); only they can change the draft."_s);
    CHECK(sam[EntryAction::Finalise].refusal.code == ErrorCode::Invalid);
    CHECK(sam[EntryAction::Amend].refusal.message.contains(u"still a draft"_s));
    CHECK(sam[EntryAction::MarkInError].refusal.message.contains(u"discard the draft instead"_s));
    CHECK(sam[EntryAction::FlagForDisclosure].refusal.message.contains(u"only final entries are disclosed"_s));
    CHECK(sam[EntryAction::RequestSignOff].refusal.message.contains(u"finalise it before asking for sign-off"_s));
}

TEST_CASE("a final incident: anyone may amend, mark in error, flag and ask for sign-off; nothing to finalise or discard",
          "[store][permissions]")
{
    for (const store::Actor &actor : {kJo, kSam}) {
        CHECK(allowed(finalIncident(), actor)
              == QList<EntryAction>{EntryAction::Edit, EntryAction::Amend, EntryAction::MarkInError, EntryAction::FlagForDisclosure,
                                    EntryAction::RequestSignOff});
    }
    const auto p = store::permissionsFor(finalIncident(), kJo);
    CHECK(p.refusal(EntryAction::Finalise)->message == u"entry E-1 has no draft to finalise: it is already final. To correct it, amend it."_s);
    CHECK(p.refusal(EntryAction::Discard)->code == ErrorCode::Conflict);
    CHECK(p.refusal(EntryAction::ReleaseForDisclosure)->message.contains(u"nothing to release"_s));
    CHECK_FALSE(p.refusal(EntryAction::Amend));
}

TEST_CASE("someone else's amendment draft blocks amending; the author's own lets them go on", "[store][permissions]")
{
    EntryState e = finalIncident();
    e.revisions = 2;
    e.draftAuthor = kSam;
    const auto jo = store::permissionsFor(e, kJo);
    CHECK_FALSE(jo.allows(EntryAction::Amend));
    CHECK(jo[EntryAction::Amend].refusal.message.startsWith(u"Sam Okafor (Team leader, Fairview Lodge) is drafting an amendment of entry E-1"_s));
    CHECK_FALSE(jo.allows(EntryAction::Edit));
    CHECK(jo.allows(EntryAction::MarkInError)); // marking in error ends the amendment draft
    const auto sam = store::permissionsFor(e, kSam);
    CHECK(sam.allows(EntryAction::Amend));
    CHECK(sam.allows(EntryAction::Finalise));
    CHECK(sam.allows(EntryAction::Discard));
}

TEST_CASE("an entry in error allows nothing but flagging for disclosure review", "[store][permissions]")
{
    EntryState e = finalIncident();
    e.inError = true;
    CHECK(allowed(e, kJo) == QList<EntryAction>{EntryAction::FlagForDisclosure});
    const auto p = store::permissionsFor(e, kJo);
    CHECK(p[EntryAction::Amend].refusal.message == u"entry E-1 is marked in error, so it cannot be amended. Write a new entry instead."_s);
    CHECK(p[EntryAction::MarkInError].refusal.message == u"entry E-1 is already marked in error."_s);
}

TEST_CASE("disclosure: flag once, release once; sign-off: incidents only, one waiting request", "[store][permissions]")
{
    EntryState e = finalIncident();
    e.disclosure = EntryState::Disclosure::Withheld;
    e.signOffWaiting = true;
    auto p = store::permissionsFor(e, kJo);
    CHECK_FALSE(p.allows(EntryAction::FlagForDisclosure));
    CHECK(p.allows(EntryAction::ReleaseForDisclosure));
    CHECK(p[EntryAction::RequestSignOff].refusal.message.contains(u"already requested"_s));
    e.disclosure = EntryState::Disclosure::Released;
    e.signOffWaiting = false;
    e.incident = false;
    p = store::permissionsFor(e, kJo);
    CHECK(p[EntryAction::ReleaseForDisclosure].refusal.message.contains(u"already released"_s));
    CHECK(p[EntryAction::RequestSignOff].refusal.code == ErrorCode::Invalid);
    CHECK(p[EntryAction::RequestSignOff].refusal.message.contains(u"case note"_s));
}

TEST_CASE("an actor with no name may do nothing, and sees no draft", "[store][permissions]")
{
    EntryState draft;
    draft.id = u"E-1"_s;
    draft.draftAuthor = store::Actor{};
    CHECK(allowed(finalIncident(), store::Actor{}).isEmpty());
    CHECK(store::permissionsFor(finalIncident(), store::Actor{u"  "_s, {}, {}})[EntryAction::Amend].refusal.message.contains(u"give your name"_s));
    CHECK_FALSE(store::maySeeDraft(store::Actor{}, store::Actor{}));
    CHECK(store::maySeeDraft(kJo, kJo));
    CHECK_FALSE(store::maySeeDraft(kJo, store::Actor{kJo.name, u"Team leader"_s, kJo.organisation})); // a draft is its author's, as signed
}

TEST_CASE("reading an entry as a viewer hides another author's draft", "[store][permissions]")
{
    store::EntryDetail d;
    d.summary.id = u"E-1"_s;
    d.summary.hasDraft = true;
    d.summary.draftAuthor = kSam;
    d.draft = store::Draft{record::Entry{}, kSam, {}, {}, 0};
    auto hidden = store::asSeenBy(d, kJo);
    REQUIRE_FALSE(hidden.ok());
    CHECK(hidden.error().message == u"entry E-1 is a draft by Sam Okafor (Team leader, Fairview Lodge); only its author can see it until it is final."_s);
    CHECK(store::asSeenBy(d, kSam)->draft);

    d.revisions.push_back(store::Revision{});
    auto seen = store::asSeenBy(d, kJo);
    REQUIRE(seen.ok());
    CHECK_FALSE(seen->draft);                 // the text is Sam's alone
    CHECK(seen->summary.hasDraft);            // that Sam is amending it is not
    CHECK(seen->summary.draftAuthor == kSam);
}

TEST_CASE("every entry state against every kind of actor: each action's answer, in one table", "[store][permissions][table]")
{
    using A = EntryAction;
    auto state = [](int revisions, bool incident, std::optional<store::Actor> drafting, bool inError = false,
                    EntryState::Disclosure disclosure = EntryState::Disclosure::None, bool signOffWaiting = false) {
        return EntryState{u"E-1"_s, revisions, inError, incident, std::move(drafting), disclosure, signOffWaiting};
    };
    const store::Actor nobody;
    struct Row
    {
        const char *what;
        EntryState entry;
        store::Actor actor;
        QList<A> allowed;
    };
    const std::vector<Row> table{
        {"Jo's new draft, Jo", state(0, true, kJo), kJo, {A::Edit, A::Finalise, A::Discard}},
        {"Jo's new draft, Sam", state(0, true, kJo), kSam, {}},
        {"Jo's new draft, no name", state(0, true, kJo), nobody, {}},
        {"a final incident, Jo", state(1, true, std::nullopt), kJo, {A::Edit, A::Amend, A::MarkInError, A::FlagForDisclosure, A::RequestSignOff}},
        {"a final incident, Sam", state(1, true, std::nullopt), kSam, {A::Edit, A::Amend, A::MarkInError, A::FlagForDisclosure, A::RequestSignOff}},
        {"a final case note, Jo", state(1, false, std::nullopt), kJo, {A::Edit, A::Amend, A::MarkInError, A::FlagForDisclosure}},
        {"Sam amending, Jo", state(2, true, kSam), kJo, {A::MarkInError, A::FlagForDisclosure, A::RequestSignOff}},
        {"Sam amending, Sam", state(2, true, kSam), kSam,
         {A::Edit, A::Finalise, A::Discard, A::Amend, A::MarkInError, A::FlagForDisclosure, A::RequestSignOff}},
        {"in error, Jo", state(1, true, std::nullopt, true), kJo, {A::FlagForDisclosure}},
        {"flagged, sign-off waiting, Jo", state(1, true, std::nullopt, false, EntryState::Disclosure::Withheld, true), kJo,
         {A::Edit, A::Amend, A::MarkInError, A::ReleaseForDisclosure}},
        {"released, Sam", state(1, true, std::nullopt, false, EntryState::Disclosure::Released), kSam,
         {A::Edit, A::Amend, A::MarkInError, A::RequestSignOff}},
        {"a final incident, no name", state(1, true, std::nullopt), nobody, {}},
    };
    for (const Row &row : table) {
        INFO(row.what);
        CHECK(allowed(row.entry, row.actor) == row.allowed);
        // Every refusal has its reason, and one wording: the same state and actor always give the same words.
        const auto p = store::permissionsFor(row.entry, row.actor);
        for (int i = 0; i < store::kEntryActionCount; ++i)
            if (!p.allows(A(i))) {
                CHECK_FALSE(p[A(i)].refusal.message.isEmpty());
                CHECK(store::permissionsFor(row.entry, row.actor)[A(i)].refusal.message == p[A(i)].refusal.message);
            }
    }
}
