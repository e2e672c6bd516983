// SPDX-FileCopyrightText: 2026 Fairnote contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// Loading and validating rule packs: the built-in pack (embedded) and an organisation's directory.
#pragma once

#include "result.h"
#include "wording/rule.h"

#include <QString>
#include <vector>

namespace fairnote::wording {

// One problem in a pack, with where it is. line and column are 1-based; 0 when not applicable
// (a directory that cannot be read).
struct PackProblem
{
    QString file;
    int line = 0;
    int column = 0;
    QString message;
    // "file:line:column: error: message" (or "file: error: message")
    QString toString() const;
};
using PackProblems = std::vector<PackProblem>;

// Where the built-in pack is embedded (a Qt resource directory).
QString builtInPackDirectory();

// The largest rule-pack file read (each file of a directory); a larger one is a problem, not read.
constexpr qint64 kMaxRuleFileBytes = 16 * 1024 * 1024;

// Loads the built-in pack and, when organisationDir is not empty, the organisation's pack over it:
// new ids are added, an existing id is replaced, ids in a "disable" list are removed.
// Returns the pack, or every problem found (never a partly loaded pack).
Result<RulePack, PackProblems> loadRulePack(const QString &organisationDir = {});

} // namespace fairnote::wording
