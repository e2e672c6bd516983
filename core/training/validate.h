// SPDX-FileCopyrightText: 2026 Fairnote contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// Validating exercises against the rule pack in use: what `fairnote-cli exercise validate` checks and
// the trainer's editor checks before saving.
#pragma once

#include "training/exercise.h"
#include "training/scoring.h"

#include <QSet>
#include <set>
#include <QStringList>
#include <vector>

namespace fairnote::training {

struct Validation
{
    QString exerciseId;
    QString file;
    QStringList problems; // each a sentence; empty when it passes
    QStringList notes;    // worth knowing, not a failure (a rule the note triggers beyond those expected)
    bool ok() const { return problems.isEmpty(); }
};

// Checks one loaded exercise:
//  - every expected finding is a rule in the pack, and the note triggers it;
//  - the model answer scores full marks (for a rewrite: every key field and key fact, no question
//    left open, no wording finding); for spot the problem, marking every problem scores full marks;
//  - for a rewrite, the model answer's free text triggers no wording finding at all (suggestions too).
Validation validateExercise(const Exercise &exercise, const Scorer &scorer);

// The rule categories the exercises practise: those of the findings their notes trigger (rewrite and
// spot the problem) and of their expected findings.
std::set<Category> categoriesPractised(const std::vector<Exercise> &exercises, const Scorer &scorer);
// Every category of the rule pack's grammar except spelling, in order.
std::vector<Category> ruleCategories();

} // namespace fairnote::training
