// SPDX-FileCopyrightText: 2026 Fairnote contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// What changed between two versions of a rule pack, in words (fairnote-cli rules diff, the editor's
// change log).
#pragma once

#include "wording/rulepack.h"

#include <QString>
#include <QStringList>
#include <vector>

namespace fairnote::wording {

struct PackChange
{
    enum Kind : quint8 { Pack, Added, Removed, Changed, TurnedOff, TurnedOn, Language };
    Kind kind = Changed;
    QString ruleId;      // empty for Pack and Language
    QString summary;     // one line: "Added “label.firebug” (Labels that define a person): “firebug” …"
    QStringList details; // for Changed: one line per member that changed
};

// The changes from `before` to `after`, pack description first, then rules by id.
std::vector<PackChange> diffPacks(const PackDirectory &before, const PackDirectory &after);

// The changes as lines of text: each summary, its details indented below it.
QStringList describeChanges(const std::vector<PackChange> &changes);

} // namespace fairnote::wording
