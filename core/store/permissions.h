// SPDX-FileCopyrightText: 2026 Fairnote contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// The entry rules, in one place: who may see a draft, and which actions an entry allows an actor (edit,
// finalise, discard, amend, mark in error, flag for review before disclosure, release, request sign-off),
// each refusal with one wording. The store's own refusals, the app's enabled actions and the CLI's checks
// all ask permissionsFor(), so they can never disagree.
#pragma once

#include "store/errors.h"
#include "store/types.h"

#include <array>
#include <optional>

namespace fairnote::store {

class Store;

enum class EntryAction {
    Edit,                 // change the draft (a new entry's, or an amendment's), or start an amendment draft
    Finalise,             // make the draft final
    Discard,              // discard the draft
    Amend,                // amend a final entry (in one step, or by starting an amendment draft)
    MarkInError,
    FlagForDisclosure,    // flag for review before disclosure
    ReleaseForDisclosure, // release a flagged entry for disclosure
    RequestSignOff,       // ask for sign-off of the current revision
};
inline constexpr int kEntryActionCount = 8;

// What the rules need to know about an entry.
struct EntryState
{
    enum class Disclosure { None, Withheld, Released };
    QString id;
    int revisions = 0;                 // final revisions (0: a draft only)
    bool inError = false;
    bool incident = false;
    std::optional<Actor> draftAuthor;  // who is drafting it (a new entry, or an amendment), if anyone
    Disclosure disclosure = Disclosure::None;
    bool signOffWaiting = false;       // sign-off of the current revision asked for, not decided yet
};
EntryState entryState(const EntryDetail &entry);

// Whether an action is allowed, and if not, why: the error the store returns when asked anyway.
struct Permission
{
    bool allowed = true;
    StoreError refusal; // when not allowed: the code and the one wording of the reason
    explicit operator bool() const { return allowed; }
};

class EntryPermissions
{
public:
    const Permission &operator[](EntryAction action) const { return m_permissions[size_t(action)]; }
    bool allows(EntryAction action) const { return (*this)[action].allowed; }
    // The refusal of `action`, or nothing when it is allowed.
    std::optional<StoreError> refusal(EntryAction action) const;

private:
    friend EntryPermissions permissionsFor(const EntryState &, const Actor &);
    friend EntryPermissions permissionsFor(const Store &, const EntryDetail &, const Actor &);
    std::array<Permission, kEntryActionCount> m_permissions;
};

// What `actor` may do with the entry. An actor with no name may do nothing (every change is signed).
EntryPermissions permissionsFor(const EntryState &entry, const Actor &actor);
EntryPermissions permissionsFor(const EntryDetail &entry, const Actor &actor);
// The same, on a store that may be open for reading only (then nothing is allowed, with the store's reason).
EntryPermissions permissionsFor(const Store &store, const EntryDetail &entry, const Actor &actor);

// Who may see a draft: its author only (the same name, role and organisation).
bool maySeeDraft(const Actor &draftAuthor, const Actor &viewer);
// The entry as `viewer` may read it: another author's draft is taken out (that someone is drafting stays
// in the summary), and an entry that is only another author's draft is refused with the reason.
StoreResult<EntryDetail> asSeenBy(EntryDetail entry, const Actor &viewer);

} // namespace fairnote::store
