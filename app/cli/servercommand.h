// SPDX-FileCopyrightText: 2026 Fairnote contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// fairnote-cli server init|upgrade|info|staff|team|caseload|push: setting up and administering a team
// server on PostgreSQL (docs/server.md). Each subcommand is one call of core/store/postgres.
#pragma once

#include "storecommand.h"

namespace fairnote::cli {

class ServerCommand : public StoreCommand
{
public:
    QString name() const override;
    QString summary() const override;
    QString help() const override;
    int execute(const QStringList &args, CliIo &io) override;

private:
    int init(const ParsedArgs &p, CliIo &io);
    int upgrade(const ParsedArgs &p, CliIo &io);
    int info(const ParsedArgs &p, CliIo &io);
    int staff(const ParsedArgs &p, CliIo &io);
    int team(const ParsedArgs &p, CliIo &io);
    int caseload(const ParsedArgs &p, CliIo &io);
    int push(const ParsedArgs &p, CliIo &io);
    // A new password: the first line of standard input with --password-stdin (never on the command
    // line, where other users of the computer can read it). Nothing when not asked for; on a problem
    // prints it and sets `failed`.
    std::optional<QString> password(const ParsedArgs &p, CliIo &io, bool &failed) const;
    // Prints "Done: …" (text) or {"ok": true, …} (json) after an administrative change.
    int done(const ParsedArgs &p, CliIo &io, const QString &what) const;
};

} // namespace fairnote::cli
