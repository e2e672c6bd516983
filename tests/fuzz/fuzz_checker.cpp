// SPDX-FileCopyrightText: 2026 Fairnote contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// Fuzzes UTF-8 decoding, the tokenizer and the wording checker with arbitrary bytes, and checks the
// invariants every caller relies on: findings sorted, inside the text, and the same per paragraph.
#include "text/utf8.h"
#include "wording/checker.h"
#include "wording/incrementalcheck.h"
#include "wording/rulepack.h"

#include <cstdlib>

using namespace fairnote;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static const auto checker = [] {
        auto pack = wording::loadRulePack();
        if (!pack)
            std::abort();
        return std::make_shared<const wording::Checker>(std::move(*pack));
    }();
    const QByteArray bytes(reinterpret_cast<const char *>(data), qsizetype(size));
    auto decoded = text::decodeUtf8(bytes);
    // Invalid UTF-8 is reported; check the lossy decoding too, since the editor can hold any QString.
    const QString text = decoded ? *decoded : QString::fromUtf8(bytes);
    const auto findings = checker->check(text);
    qsizetype last = 0;
    for (const Finding &f : findings) {
        if (f.offset < last || f.length <= 0 || f.offset + f.length > text.size())
            std::abort();
        last = f.offset;
    }
    // The incremental check of an edit in the middle must equal a full check.
    wording::IncrementalCheck inc(checker);
    inc.reset(text);
    QString edited = text;
    qsizetype mid = edited.size() / 2;
    if (mid > 0 && edited[mid].isLowSurrogate())
        --mid;
    edited.insert(mid, QStringLiteral("\n"));
    inc.edit(edited, mid, 0, 1);
    if (inc.findings() != checker->check(edited))
        std::abort();
    return 0;
}
