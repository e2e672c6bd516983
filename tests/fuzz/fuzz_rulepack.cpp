// SPDX-FileCopyrightText: 2026 Fairnote contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// Fuzzes the rule-pack loader: an organisation directory holding one arbitrary file. It must either
// load (and its own rules then compile and run) or report problems with positions; never crash. The
// built-in pack is read once per process (loadRulePack keeps it), and only the organisation's rules are
// compiled each run, so the fuzzer spends its time on the parser and the validator, not on compiling
// the same 300 built-in rules again.
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
        wording::RulePack own;
        own.language = pack->language;
        for (const auto &rule : pack->rules)
            if (rule.file == f.fileName())
                own.rules.push_back(rule);
        const wording::Checker checker(std::move(own));
        (void)checker.check(QStringLiteral("He kicked off and was aggressive, \"not a junkie\"."));
    } else {
        for (const auto &p : pack.error())
            if (p.message.isEmpty())
                std::abort();
    }
    return 0;
}
