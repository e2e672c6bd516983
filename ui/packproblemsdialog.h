// SPDX-FileCopyrightText: 2026 Fairnote contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// PackProblemsDialog: tells the worker a rule pack is broken, listing every problem in it.
#pragma once

#include "wording/rulepack.h"

#include <QString>

class QWidget;

namespace fairnote::ui {

// Fairnote never checks with half a rule pack: some wording would go unchecked without anyone
// knowing. These dialogs say so, list every problem (file:line:column), and offer only safe ways on.
class PackProblemsDialog
{
public:
    enum class Choice { StartWithoutOrganisationRules, Quit };

    // At start-up. When the organisation's directory is at fault the worker may start with the
    // built-in rules for this run (the saved setting is kept); otherwise the only way on is Quit.
    static Choice askAtStartup(const wording::PackProblems &problems, const QString &organisationDir,
                               bool organisationAtFault, QWidget *parent = nullptr);
    // When a directory chosen in Settings is broken: says it was not used and lists why.
    static void showRefused(const wording::PackProblems &problems, const QString &organisationDir,
                            QWidget *parent = nullptr);
    // Every problem, one per line.
    static QString problemList(const wording::PackProblems &problems);
};

} // namespace fairnote::ui
