// SPDX-FileCopyrightText: 2026 Fairnote contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// Building the store's Assessor from record::assess(): the one way the CLI and the app assess an entry
// before it is finalised, so they can never disagree about what was open.
#pragma once

#include "record/assess.h"
#include "result.h"
#include "wording/checker.h"
#include "store/store.h"

namespace fairnote::store {

// The snapshot of entry `index` in an assessment, with field paths relative to the entry
// ("/incident/source/type", not "/entries/0/incident/source/type").
Snapshot snapshotOf(const record::Assessment &assessment, int index);

// A text check that is told the names of the people in the record (the spelling check leaves them alone).
using NamedTextCheck = std::function<void(QStringView text, std::vector<Finding> &out, const QStringList &names)>;

// An Assessor that runs record::assess on the person and the one entry, as of the entry's written-at,
// with `options` and, when given, `spelling` told the names in the record (record::namesIn).
Assessor makeAssessor(record::AssessOptions options, NamedTextCheck spelling = {});

// The assessment every edge makes (the app's panel and finalising, fairnote-cli assess, finalise, amend):
// record::assess with the built-in assessment rules, the wording checker on every free-text answer, and
// `spelling` when given. `options` is what the panel and `assess` use directly; `assessor` is for a store.
struct StandardAssessor
{
    record::AssessOptions options;
    Assessor assessor;
};
// Fails, with a message that says what it means and what to do, when the built-in assessment rules
// cannot be read (a fault in the installation): then nothing is assessed, rather than an entry being
// finalised without the prompts those rules raise.
Result<StandardAssessor, QString> makeStandardAssessor(std::shared_ptr<const wording::Checker> checker,
                                                       NamedTextCheck spelling = {});

// The prompts of a snapshot that have no reason in `leftReasons`.
std::vector<SnapshotPrompt> unanswered(const Snapshot &snapshot, const QHash<QString, QString> &leftReasons);

} // namespace fairnote::store
