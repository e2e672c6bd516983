// SPDX-FileCopyrightText: 2026 Fairnote contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// The entry rules and the one wording of each refusal.
#include "store/permissions.h"

#include "store/store.h"

using namespace Qt::StringLiterals;

namespace fairnote::store {

namespace {

QString draftAuthorName(const EntryState &e) { return e.draftAuthor ? actorDisplay(*e.draftAuthor) : QString(); }

// Why `actor` may not do `action` with `e`, or nothing when they may. One wording per refusal.
std::optional<StoreError> why(EntryAction action, const EntryState &e, const Actor &actor)
{
    const bool ownDraft = e.draftAuthor && maySeeDraft(*e.draftAuthor, actor);
    const bool othersDraft = e.draftAuthor && !ownDraft;
    const QString &id = e.id;
    switch (action) {
    case EntryAction::Edit:
        if (e.inError)
            return StoreError{ErrorCode::Conflict, u"entry %1 is marked in error, so it cannot be changed. Write a new entry instead."_s.arg(id)};
        if (othersDraft)
            return StoreError{ErrorCode::Invalid, u"entry %1 is being drafted by %2; only they can change the draft."_s.arg(id, draftAuthorName(e))};
        return std::nullopt;
    case EntryAction::Finalise:
        if (!e.draftAuthor)
            return StoreError{ErrorCode::Conflict, u"entry %1 has no draft to finalise: it is already final. To correct it, amend it."_s.arg(id)};
        if (othersDraft)
            return StoreError{ErrorCode::Invalid, u"the draft of entry %1 was written by %2; only its author can finalise it."_s.arg(id, draftAuthorName(e))};
        if (e.inError)
            return StoreError{ErrorCode::Conflict, u"entry %1 is marked in error, so it cannot be finalised."_s.arg(id)};
        return std::nullopt;
    case EntryAction::Discard:
        if (!e.draftAuthor)
            return StoreError{ErrorCode::Conflict, u"entry %1 has no draft to discard."_s.arg(id)};
        if (othersDraft)
            return StoreError{ErrorCode::Invalid, u"the draft of entry %1 belongs to %2; only they can discard it."_s.arg(id, draftAuthorName(e))};
        return std::nullopt;
    case EntryAction::Amend:
        if (e.revisions == 0)
            return StoreError{ErrorCode::Conflict, u"entry %1 is still a draft; change the draft and finalise it instead of amending it."_s.arg(id)};
        if (e.inError)
            return StoreError{ErrorCode::Conflict, u"entry %1 is marked in error, so it cannot be amended. Write a new entry instead."_s.arg(id)};
        if (othersDraft)
            return StoreError{ErrorCode::Conflict, u"%1 is drafting an amendment of entry %2; it can be amended again once they finalise or discard that draft."_s
                                                       .arg(draftAuthorName(e), id)};
        return std::nullopt;
    case EntryAction::MarkInError:
        if (e.inError)
            return StoreError{ErrorCode::Conflict, u"entry %1 is already marked in error."_s.arg(id)};
        if (e.revisions == 0)
            return StoreError{ErrorCode::Conflict, u"entry %1 is a draft that was never finalised: discard the draft instead."_s.arg(id)};
        return std::nullopt;
    case EntryAction::FlagForDisclosure:
        if (e.disclosure != EntryState::Disclosure::None)
            return StoreError{ErrorCode::Conflict, u"entry %1 is already flagged for review before disclosure."_s.arg(id)};
        if (e.revisions == 0)
            return StoreError{ErrorCode::Conflict, u"entry %1 is still a draft: only final entries are disclosed, so flag it once it is final."_s.arg(id)};
        return std::nullopt;
    case EntryAction::ReleaseForDisclosure:
        if (e.disclosure == EntryState::Disclosure::None)
            return StoreError{ErrorCode::Conflict, u"entry %1 is not flagged for review before disclosure, so there is nothing to release."_s.arg(id)};
        if (e.disclosure == EntryState::Disclosure::Released)
            return StoreError{ErrorCode::Conflict, u"entry %1 was already released for disclosure."_s.arg(id)};
        return std::nullopt;
    case EntryAction::RequestSignOff:
        if (!e.incident)
            return StoreError{ErrorCode::Invalid, u"entry %1 is a case note: sign-off is for incident records and referral summaries."_s.arg(id)};
        if (e.revisions == 0)
            return StoreError{ErrorCode::Conflict, u"entry %1 is still a draft: finalise it before asking for sign-off."_s.arg(id)};
        if (e.inError)
            return StoreError{ErrorCode::Conflict, u"entry %1 is marked in error, so it is not put up for sign-off."_s.arg(id)};
        if (e.signOffWaiting)
            return StoreError{ErrorCode::Conflict, u"sign-off of entry %1 is already requested and waiting for a decision."_s.arg(id)};
        return std::nullopt;
    }
    return std::nullopt;
}

} // namespace

EntryState entryState(const EntryDetail &d)
{
    EntryState e;
    e.id = d.summary.id;
    e.revisions = int(d.revisions.size());
    e.inError = d.inError.has_value() || d.summary.status == EntryStatus::InError;
    e.incident = d.summary.incident;
    if (d.summary.hasDraft)
        e.draftAuthor = d.summary.draftAuthor;
    if (d.disclosure)
        e.disclosure = d.disclosure->released() ? EntryState::Disclosure::Released : EntryState::Disclosure::Withheld;
    e.signOffWaiting = d.summary.signOff == u"requested";
    return e;
}

std::optional<StoreError> EntryPermissions::refusal(EntryAction action) const
{
    const Permission &p = (*this)[action];
    return p.allowed ? std::nullopt : std::optional<StoreError>(p.refusal);
}

EntryPermissions permissionsFor(const EntryState &entry, const Actor &actor)
{
    EntryPermissions out;
    for (int i = 0; i < kEntryActionCount; ++i) {
        Permission &p = out.m_permissions[size_t(i)];
        if (actor.name.trimmed().isEmpty()) {
            p = Permission{false, refusal::noAuthor()};
            continue;
        }
        if (auto no = why(EntryAction(i), entry, actor))
            p = Permission{false, *no};
    }
    return out;
}

EntryPermissions permissionsFor(const EntryDetail &entry, const Actor &actor) { return permissionsFor(entryState(entry), actor); }

EntryPermissions permissionsFor(const Store &store, const EntryDetail &entry, const Actor &actor)
{
    EntryPermissions out = permissionsFor(entry, actor);
    if (store.isReadOnly())
        for (Permission &p : out.m_permissions)
            p = Permission{false, refusal::readOnly(store.location(), store.readOnlyReason())};
    return out;
}

bool maySeeDraft(const Actor &draftAuthor, const Actor &viewer)
{
    return !viewer.name.trimmed().isEmpty() && draftAuthor == viewer;
}

StoreResult<EntryDetail> asSeenBy(EntryDetail entry, const Actor &viewer)
{
    if (entry.draft && !maySeeDraft(entry.draft->author, viewer)) {
        if (entry.revisions.empty())
            return StoreError{ErrorCode::Invalid, u"entry %1 is a draft by %2; only its author can see it until it is final."_s
                                                      .arg(entry.summary.id, actorDisplay(entry.draft->author))};
        entry.draft.reset();
    }
    return entry;
}

} // namespace fairnote::store
