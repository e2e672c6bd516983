// SPDX-FileCopyrightText: 2026 Fairnote contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// fairnote-cli assess: prompts and findings for each entry of an interchange case file.
#pragma once

#include "command.h"

namespace fairnote::cli {

class AssessCommand : public Command
{
public:
    QString name() const override;
    QString summary() const override;
    QString help() const override;
    int execute(const QStringList &args, CliIo &io) override;
};

} // namespace fairnote::cli
