// SPDX-FileCopyrightText: 2026 Fairnote contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// fairnote-cli schema NAME: prints an embedded JSON Schema.
#pragma once

#include "command.h"

namespace fairnote::cli {

class SchemaCommand : public Command
{
public:
    QString name() const override;
    QString summary() const override;
    QString help() const override;
    int execute(const QStringList &args, CliIo &io) override;
};

} // namespace fairnote::cli
