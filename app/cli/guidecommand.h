// SPDX-FileCopyrightText: 2026 Fairnote contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// fairnote-cli guide: the good-practice guide generated from the rule pack (docs/guide.md).
#pragma once

#include "command.h"

namespace fairnote::cli {

class GuideCommand : public Command
{
public:
    QString name() const override;
    QString summary() const override;
    QString help() const override;
    int execute(const QStringList &args, CliIo &io) override;
};

} // namespace fairnote::cli
