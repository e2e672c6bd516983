// SPDX-FileCopyrightText: 2026 Fairnote contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// The audit-action registry's table.
#include "store/auditactions.h"

#include <algorithm>
#include <array>

namespace fairnote::store::audit {

namespace {
constexpr std::array kActions{
    ActionInfo{CreateFile, u"Case file created", false},
    ActionInfo{UpgradeFile, u"Case file upgraded", false},
    ActionInfo{AddPerson, u"Person added", false},
    ActionInfo{UpdatePerson, u"Person's details changed", false},
    ActionInfo{CreateEntry, u"Entry started", false},
    ActionInfo{StartAmendment, u"Amendment started", false},
    ActionInfo{DiscardDraft, u"Draft discarded", false},
    ActionInfo{Finalise, u"Entry finalised", false},
    ActionInfo{Amend, u"Entry amended", false},
    ActionInfo{Import, u"Entry imported", false},
    ActionInfo{MarkInError, u"Entry marked in error", false},
    ActionInfo{FlagForDisclosureReview, u"Flagged for review before disclosure", false},
    ActionInfo{ReleaseForDisclosure, u"Released for disclosure", false},
    ActionInfo{Review, u"Entry reviewed", false},
    ActionInfo{RequestSignOff, u"Sign-off requested", false},
    ActionInfo{ApproveSignOff, u"Signed off", false},
    ActionInfo{ReturnSignOff, u"Sign-off returned", false},
    ActionInfo{Backup, u"Backup made", false},
    ActionInfo{RewordSummaries, u"List summaries reworded", false},
    // The team server's own (core/store/postgres): written by the server's functions, never by a file: a
    // record opened, staff, teams and caseloads administered, a file pushed onto the server (docs/server.md).
    ActionInfo{u"view", u"Record opened", false},
    ActionInfo{u"staff-add", u"Member of staff added", false},
    ActionInfo{u"staff-update", u"Member of staff's details changed", false},
    ActionInfo{u"staff-role", u"Member of staff's role changed", false},
    ActionInfo{u"staff-password", u"Member of staff's password set", false},
    ActionInfo{u"staff-leave", u"Member of staff left", false},
    ActionInfo{u"team-add", u"Team added", false},
    ActionInfo{u"team-rename", u"Team renamed", false},
    ActionInfo{u"team-member-add", u"Put on a team", false},
    ActionInfo{u"team-member-remove", u"Taken off a team", false},
    ActionInfo{u"caseload-add", u"Put on a team's caseload", false},
    ActionInfo{u"caseload-remove", u"Taken off a team's caseload", false},
    ActionInfo{u"push", u"Case file moved onto the server", false},
    ActionInfo{u"push-person", u"Person moved onto the server", false},
    ActionInfo{u"push-revision", u"Revision moved onto the server", false},
    ActionInfo{u"push-review", u"Review moved onto the server", false},
    ActionInfo{u"push-error", u"Marked in error, moved onto the server", false},
    ActionInfo{Export, u"Case file exported", true},
    ActionInfo{ExportSummary, u"Referral summary made", true},
    ActionInfo{ExportSar, u"Subject-access export made", true},
    ActionInfo{ExportFailed, u"Export not delivered", true},
    ActionInfo{ReviewSample, u"Review sample drawn", true},
    ActionInfo{ExerciseScored, u"Exercise scored", true},
};
} // namespace

std::span<const ActionInfo> actions() { return kActions; }

const ActionInfo *find(QStringView id)
{
    const auto it = std::find_if(kActions.begin(), kActions.end(), [&](const ActionInfo &a) { return a.id == id; });
    return it == kActions.end() ? nullptr : &*it;
}

bool isEvent(QStringView id)
{
    const ActionInfo *a = find(id);
    return a && a->event;
}

} // namespace fairnote::store::audit
