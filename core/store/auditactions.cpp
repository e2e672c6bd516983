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
    ActionInfo{Export, u"Case file exported", true},
    ActionInfo{ExportSummary, u"Referral summary made", true},
    ActionInfo{ExportSar, u"Subject-access export made", true},
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
