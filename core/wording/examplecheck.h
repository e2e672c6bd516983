// SPDX-FileCopyrightText: 2026 Fairnote contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// Running a rule's examples as tests, and the checks a pack must pass before it is shared.
#pragma once

#include "wording/checker.h"
#include "wording/rulepack.h"

#include <vector>

namespace fairnote::wording {

// What one example did when it was run.
struct ExampleOutcome
{
    enum Kind : quint8 { Flag, Leave, RewriteBefore, RewriteAfter };
    Kind kind = Flag;
    int index = 0;     // which example of its kind (0-based)
    QString text;      // the example as the checker saw it (without «» marks)
    int line = 0;      // where it is written
    bool ok = false;
    QString problem;   // what went wrong, in words, when not ok
    LeftAlone leftAlone = LeftAlone::No; // for a leave example: what left the rule's words alone
};

// Runs one rule's examples against `checker`, whose pack holds the rule:
// - a "flag" example must be flagged by the rule at exactly its marked spans (other rules may flag more);
// - a "leave" example must contain a match of the rule's patterns that the rule leaves alone, and no
//   rule may flag anything in it (the guide shows it as fine to write);
// - a rewrite's "before" must be flagged by the rule, and no rule may flag anything in its "after".
std::vector<ExampleOutcome> runExamples(const Checker &checker, const Rule &rule);

// "flag example 2", "leave example 1", "rewrite 1 (after)"
QString exampleName(const ExampleOutcome &o);

// What `rules validate` holds a pack to (docs/rule-pack.md, "Validation").
struct ValidationOptions
{
    bool builtInRulesNeedExamples = true; // every built-in rule carries its examples
};

// Everything that stops `checker`'s pack being shared: an example that does not behave, a rule without
// its examples, an organisation's disabled or replaced built-in rule without a reason, an organisation
// pack without its pack.json. Empty when the pack is ready.
PackProblems validatePack(const Checker &checker, const ValidationOptions &options = {});

} // namespace fairnote::wording
