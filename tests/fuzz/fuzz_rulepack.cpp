// SPDX-FileCopyrightText: 2026 Fairnote contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// Fuzzes the rule-pack loader: an organisation directory holding one arbitrary file. It must either
// load (and the checker then compile and run) or report problems with positions; never crash.
#include "wording/checker.h"
#include "wording/rulepack.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <cstdlib>

using namespace fairnote;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static QTemporaryDir dir;
    QFile f(dir.filePath(QStringLiteral("fuzz.json")));
    if (!f.open(QIODevice::WriteOnly | QIODevice::Truncate))
        std::abort();
    f.write(reinterpret_cast<const char *>(data), qsizetype(size));
    f.close();
    auto pack = wording::loadRulePack(dir.path());
    if (pack) {
        const wording::Checker checker(std::move(*pack));
        (void)checker.check(QStringLiteral("He kicked off and was aggressive, \"not a junkie\"."));
    } else {
        for (const auto &p : pack.error())
            if (p.message.isEmpty())
                std::abort();
    }
    return 0;
}
