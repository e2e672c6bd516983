// SPDX-FileCopyrightText: 2026 Fairnote contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// Strict UTF-8 decoding: valid text passes, each kind of invalid input is caught at its byte.
#include "testsupport.h"
#include "text/utf8.h"

using namespace Qt::StringLiterals;
using fairnote::text::decodeUtf8;

TEST_CASE("valid UTF-8 decodes, including non-BMP characters and a dropped BOM", "[utf8]")
{
    const auto r = decodeUtf8("\xEF\xBB\xBF" "caf\xC3\xA9 \xF0\x9F\x98\x80 don\xE2\x80\x99t");
    REQUIRE(r.ok());
    CHECK(*r == u"café 😀 don’t"_s);
}

TEST_CASE("invalid UTF-8 is reported at the byte where it starts", "[utf8]")
{
    struct Case { QByteArray bytes; qsizetype offset; const char *what; };
    const Case cases[] = {
        {QByteArray("abc\xC3\x28", 5), 3, "bad continuation byte"},
        {QByteArray("ab\xC0\xAF", 4), 2, "overlong encoding"},
        {QByteArray("\xED\xA0\x80", 3), 0, "UTF-16 surrogate"},
        {QByteArray("x\xF4\x90\x80\x80", 5), 1, "above U+10FFFF"},
        {QByteArray("end\xE2\x82", 5), 3, "truncated at the end"},
        {QByteArray("\xFF", 1), 0, "a byte that never starts a character"},
    };
    for (const auto &c : cases) {
        INFO(c.what);
        const auto r = decodeUtf8(c.bytes);
        REQUIRE_FALSE(r.ok());
        CHECK(r.error().byteOffset == c.offset);
        CHECK(r.error().describe().startsWith(u"invalid UTF-8 at byte %1"_s.arg(c.offset)));
    }
}

TEST_CASE("a UTF-16 file is recognised as such in the message", "[utf8]")
{
    const auto r = decodeUtf8(QByteArray("\xFF\xFEh\0i\0", 6));
    REQUIRE_FALSE(r.ok());
    CHECK(r.error().describe().contains(u"UTF-16"_s));
}

TEST_CASE("NUL bytes are refused: UTF-16 without a byte-order mark is not taken for text", "[utf8]")
{
    const auto r = decodeUtf8(QByteArray("H\0e\0 \0k\0", 8));
    REQUIRE_FALSE(r.ok());
    CHECK(r.error().byteOffset == 1);
    CHECK(r.error().describe().contains(u"NUL byte at byte 1"_s));
    CHECK(r.error().describe().contains(u"UTF-16"_s));
}
