// SPDX-FileCopyrightText: 2026 Fairnote contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// UTF-16 offsets to code points and 1-based line/column positions.
#include "testsupport.h"
#include "text/offsets.h"

using namespace Qt::StringLiterals;
using fairnote::text::OffsetIndex;

TEST_CASE("positions count code points, so an emoji is one column", "[offsets]")
{
    const QString text = u"😀 kicked off\nsecond 😀😀 line\r\nthird"_s;
    const OffsetIndex index(text);

    const auto k = index.position(text.indexOf(u"kicked"_s));
    CHECK(k.line == 1);
    CHECK(k.column == 3);  // emoji (1 cp, 2 UTF-16 units) + space
    CHECK(k.offsetCp == 2);

    const auto l = index.position(text.indexOf(u"line"_s));
    CHECK(l.line == 2);
    CHECK(l.column == 11);
    CHECK(l.offsetCp == 13 + 10); // line 1 is 13 code points with its line break

    const auto t = index.position(text.indexOf(u"third"_s));
    CHECK(t.line == 3);
    CHECK(t.column == 1);

    CHECK(index.codePoints(text.indexOf(u"😀😀"_s), 4) == 2);
    CHECK(index.lineText(2) == u"second 😀😀 line"_s); // CR LF: the CR is not part of the line
    CHECK(index.lineText(4).isEmpty());
}

TEST_CASE("positions on a long line agree with counting from the line start, across checkpoints", "[offsets]")
{
    // Emoji (surrogate pairs) land on both sides of the 256-unit checkpoints, and one straddles 255/256.
    QString text = u"first line\n"_s;
    for (int i = 0; text.size() < 2000; ++i)
        text += (i % 7 == 0) ? u"😀"_s : u"ab "_s;
    text += u"\nlast 😀 line"_s;
    const OffsetIndex index(text);
    int line = 1;
    qsizetype lineStart = 0, cpBefore = 0, cpLineStart = 0;
    for (qsizetype i = 0; i <= text.size(); ++i) {
        const auto p = index.position(i);
        INFO("offset " << i);
        REQUIRE(p.line == line);
        REQUIRE(p.offsetCp == cpBefore);
        REQUIRE(p.column == cpBefore - cpLineStart + 1);
        if (i == text.size())
            break;
        if (!(text[i].isLowSurrogate() && i > 0 && text[i - 1].isHighSurrogate()))
            ++cpBefore;
        if (text[i] == u'\n') {
            ++line;
            lineStart = i + 1;
            cpLineStart = cpBefore;
        }
    }
    CHECK(index.lineStart(2) == text.indexOf(u'\n') + 1);
    CHECK(index.lineStart(1) == 0);
    CHECK(index.lineStart(99) == text.size());
    CHECK(lineStart == text.lastIndexOf(u'\n') + 1);
}
