// SPDX-FileCopyrightText: 2026 Fairnote contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// IncrementalCheck: after any edit its findings equal a full check of the new text.
#include "testsupport.h"
#include "wording/incrementalcheck.h"

#include <random>

using namespace Qt::StringLiterals;
using namespace fairnote;

TEST_CASE("after random edits the incremental findings equal a full re-check", "[incremental]")
{
    wording::IncrementalCheck inc(testing::builtInChecker());
    QString text = u"Known arsonist. History of fire setting.\nHe kicked off when asked.\n\n"
                   u"She said \"I am not a junkie\" and was not aggressive.\n\nObviously he is non-compliant."_s;
    inc.reset(text);
    const QStringList inserts{u"\n"_s, u"\n\n"_s, u"\""_s, u" kicked off "_s, u"not "_s, u"aggressive"_s, u"x"_s,
                              u". "_s, u"’"_s, u"😀"_s, u"non-"_s, u"  \n"_s};
    std::mt19937 rng(20261125);
    for (int step = 0; step < 400; ++step) {
        const auto pos = qsizetype(rng() % quint32(text.size() + 1));
        qsizetype removed = 0;
        QString added;
        if (rng() % 3 == 0 && pos < text.size())
            removed = std::min<qsizetype>(text.size() - pos, qsizetype(rng() % 12));
        else
            added = inserts[qsizetype(rng() % quint32(inserts.size()))];
        // Never split a surrogate pair, as an editor never would.
        if ((pos > 0 && pos < text.size() && text[pos].isLowSurrogate())
            || (pos + removed < text.size() && pos + removed > 0 && text[pos + removed].isLowSurrogate()))
            continue;
        text.replace(pos, removed, added);
        inc.edit(text, pos, removed, added.size());
        const auto full = testing::builtInChecker()->check(text);
        INFO("step " << step << " text: " << text.toStdString());
        REQUIRE(inc.findings() == full);
    }
}

TEST_CASE("deleting from before flagged words into them leaves no stale finding", "[incremental]")
{
    wording::IncrementalCheck inc(testing::builtInChecker());
    QString text = u"He was\n\nnow known arsonist.\n\nMore words after it."_s;
    inc.reset(text);
    const qsizetype from = text.indexOf(u"now"_s);
    const qsizetype to = text.indexOf(u"sonist"_s) + 6;
    text.remove(from, to - from);
    inc.edit(text, from, to - from, 0);
    CHECK(inc.findings() == testing::builtInChecker()->check(text));
}

TEST_CASE("findingsIn returns the findings overlapping a range", "[incremental]")
{
    wording::IncrementalCheck inc(testing::builtInChecker());
    const QString text = u"He kicked off.\nShe was aggressive.\nAll calm."_s;
    inc.reset(text);
    const auto second = inc.findingsIn(text.indexOf(u"She"_s), text.indexOf(u"All"_s));
    REQUIRE(second.size() == 1);
    CHECK(text.mid(second[0].offset, second[0].length) == u"aggressive"_s);
    CHECK(inc.findingsIn(text.indexOf(u"All"_s), text.size()).empty());
    CHECK(inc.findingsIn(text.indexOf(u"icked"_s), text.indexOf(u"icked"_s) + 1).size() == 1);
}
