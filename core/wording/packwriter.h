// SPDX-FileCopyrightText: 2026 Fairnote contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// An organisation's rule pack as data the rule editor changes, read from and saved to its folder as
// a valid pack (pack.json and rules.json), and one rule checked member by member as the loader would.
#pragma once

#include "result.h"
#include "wording/rulepack.h"

#include <QByteArray>
#include <QJsonObject>

namespace fairnote::wording {

struct OrganisationPack
{
    PackInfo info;
    std::vector<Rule> rules;            // rules it adds, and rules that replace a built-in rule (same id)
    std::vector<DisabledRule> disabled; // built-in rules it turns off, each with its reason
    QStringList otherFiles;             // files in the folder the editor does not write (a language file)
};

// The pack in force when `org` is put over `builtIn`, as loadRulePack() would make it from the folder:
// for the editor's live preview without writing anything.
RulePack applyOrganisationPack(const RulePack &builtIn, const OrganisationPack &org);
// The organisation's pack as a directory would read, for diffPacks().
PackDirectory asDirectory(const OrganisationPack &org);

// Reads the organisation's folder (a folder that does not exist yet is an empty pack).
Result<OrganisationPack, PackProblems> readOrganisationPack(const QString &dir);

// The files as they are written: members in the documented order, two-space indentation.
QByteArray rulesFileBytes(const OrganisationPack &pack);
QByteArray packFileBytes(const PackInfo &info);
// One rule as a JSON object (for checking it alone, and for the rules file).
QJsonObject ruleToJson(const Rule &rule);

// One problem with a rule in the editor, with the member it is about ("patterns", "examples/flag/0").
struct FieldProblem
{
    QString member;
    QString message;
};
// Reads one rule object as the loader would; `problems` gets every problem with its member.
Rule checkRule(const QJsonObject &rule, std::vector<FieldProblem> &problems);

// Checks the pack over the built-in one (it must load, and rules validate must pass for the
// organisation's rules) in a temporary folder, then writes pack.json and rules.json into `dir`, each
// whole or not at all, and removes the other rules files there (their rules are now in rules.json).
// Nothing in `dir` changes when the pack has a problem.
Result<bool, PackProblems> saveOrganisationPack(const OrganisationPack &pack, const QString &dir);

} // namespace fairnote::wording
