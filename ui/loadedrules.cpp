// SPDX-FileCopyrightText: 2026 Fairnote contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// How the rules in use are described to the worker.
#include "loadedrules.h"

#include <QCoreApplication>
#include <QDir>

namespace fairnote::ui {

QString LoadedRules::describe() const
{
    const int count = checker ? int(checker->pack().rules.size()) : 0;
    if (organisationDir.isEmpty())
        return QCoreApplication::translate("fairnote::ui::LoadedRules", "Built-in rules (%1)").arg(count);
    return QCoreApplication::translate("fairnote::ui::LoadedRules", "Built-in + organisation rules from %1 (%2)")
        .arg(QDir::toNativeSeparators(organisationDir))
        .arg(count);
}

} // namespace fairnote::ui
