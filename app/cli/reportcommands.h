// SPDX-FileCopyrightText: 2026 Fairnote contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// fairnote-cli report summary|sar (docs/reports.md) and disclosure flag|release|list.
#pragma once

#include "storecommand.h"

namespace fairnote::cli {

class ReportCommand : public StoreCommand
{
public:
    QString name() const override;
    QString summary() const override;
    QString help() const override;
    int execute(const QStringList &args, CliIo &io) override;
};

class DisclosureCommand : public StoreCommand
{
public:
    QString name() const override;
    QString summary() const override;
    QString help() const override;
    int execute(const QStringList &args, CliIo &io) override;
};

} // namespace fairnote::cli
