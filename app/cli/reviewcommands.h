// SPDX-FileCopyrightText: 2026 Fairnote contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// fairnote-cli review (sample, list, show, record, signoff) and trends (docs/review.md).
#pragma once

#include "storecommand.h"

namespace fairnote::cli {

class ReviewCommand : public StoreCommand
{
public:
    QString name() const override;
    QString summary() const override;
    QString help() const override;
    int execute(const QStringList &args, CliIo &io) override;
};

class TrendsCommand : public StoreCommand
{
public:
    QString name() const override;
    QString summary() const override;
    QString help() const override;
    int execute(const QStringList &args, CliIo &io) override;
};

} // namespace fairnote::cli
