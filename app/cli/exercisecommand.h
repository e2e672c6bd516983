// SPDX-FileCopyrightText: 2026 Fairnote contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// fairnote-cli exercise list|show ID|score ID ANSWER.json|validate|results: trainer mode's exercises.
#pragma once

#include "command.h"

namespace fairnote::cli {

class ExerciseCommand : public Command
{
public:
    QString name() const override;
    QString summary() const override;
    QString help() const override;
    int execute(const QStringList &args, CliIo &io) override;

private:
    int list(const ParsedArgs &p, CliIo &io);
    int show(const ParsedArgs &p, CliIo &io);
    int score(const ParsedArgs &p, CliIo &io);
    int validate(const ParsedArgs &p, CliIo &io);
    int results(const ParsedArgs &p, CliIo &io);
    int fail(CliIo &io, const QString &message) const;
};

} // namespace fairnote::cli
