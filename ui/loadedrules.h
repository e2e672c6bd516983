// SPDX-FileCopyrightText: 2026 Fairnote contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// LoadedRules: the checker the app uses and where its rules came from.
#pragma once

#include "wording/checker.h"

#include <QString>
#include <memory>

namespace fairnote::ui {

struct LoadedRules
{
    std::shared_ptr<const wording::Checker> checker;
    QString organisationDir; // empty: the built-in rules only

    // For the status bar: "Built-in rules (84)" or "Built-in + organisation rules from DIR (90)".
    QString describe() const;
};

} // namespace fairnote::ui
