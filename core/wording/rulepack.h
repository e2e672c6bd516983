// SPDX-FileCopyrightText: 2026 Fairnote contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// Loading and validating rule packs: the built-in pack (embedded) and an organisation's directory.
#pragma once

#include "json/jsonlocator.h"
#include "result.h"
#include "wording/rule.h"

#include <QJsonObject>
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

// One pack directory as written, before it is put over the built-in pack: what `rules diff` and
// `rules export` read.
struct PackDirectory
{
    std::vector<Rule> rules;
    struct IdSite { QString id; QString file; int line; };
    std::vector<IdSite> ids; // every rule's id as written, including rules with other problems
    struct Disable { QString id; QString reason; QString file; json::SourcePosition pos; };
    std::vector<Disable> disables;
    Language language;
    PackInfo info;
};

// Reads one directory on its own (no built-in pack under it). Returns every problem found.
Result<PackDirectory, PackProblems> readPackDirectory(const QString &dir);

// Reads one rule object as a rules file would; each problem with its JSON path inside the rule
// ({"patterns", "0"}). The rule is empty (no id) when it has problems.
Rule readRuleObject(const QJsonObject &rule, std::vector<std::pair<QStringList, QString>> &problems);

// A "flag" example as written, "He is a «known arsonist».", parsed into its text and marked spans;
// or what is wrong with the marks.
Result<RuleExamples::Flag, QString> parseMarkedExample(const QString &written);

// Where the built-in pack is embedded (a Qt resource directory).
QString builtInPackDirectory();

// The largest rule-pack file read (each file of a directory); a larger one is a problem, not read.
constexpr qint64 kMaxRuleFileBytes = 16 * 1024 * 1024;

// Loads the built-in pack and, when organisationDir is not empty, the organisation's pack over it:
// new ids are added, an existing id is replaced, ids in a "disable" list are removed.
// Returns the pack, or every problem found (never a partly loaded pack).
Result<RulePack, PackProblems> loadRulePack(const QString &organisationDir = {});

} // namespace fairnote::wording
