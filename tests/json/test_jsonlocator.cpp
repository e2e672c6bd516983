// SPDX-FileCopyrightText: 2026 Fairnote contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// Locating a JSON path in source text, for error messages with line and column.
#include "json/jsonlocator.h"
#include "testsupport.h"

using namespace Qt::StringLiterals;
using namespace fairnote::json;

TEST_CASE("locate finds a member inside an array of objects", "[json]")
{
    const QByteArray src = "{\n  \"rules\": [\n    {\"id\": \"a\"},\n    {\"id\": \"b\",\n     \"why\": \"x\"}\n  ]\n}\n";
    const auto p = locate(src, {u"rules"_s, u"1"_s, u"why"_s});
    CHECK(p.line == 5);
    CHECK(p.column == 13);
    const auto missing = locate(src, {u"rules"_s, u"1"_s, u"source"_s});
    CHECK(missing.line == 4); // the rule object that lacks it
}

TEST_CASE("columns count code points, not bytes", "[json]")
{
    const QByteArray src = "{\"a\": \"é😀\", \"b\": 1}";
    const auto p = locate(src, {u"b"_s});
    CHECK(p.line == 1);
    CHECK(p.column == 18);
}

TEST_CASE("pointer escapes like RFC 6901", "[json]")
{
    CHECK(pointer({u"a/b"_s, u"c~d"_s, u"0"_s}) == u"/a~1b/c~0d/0"_s);
}

TEST_CASE("a UTF-8 byte-order mark does not shift positions", "[json]")
{
    const QByteArray src = "\xEF\xBB\xBF{\n  \"a\": 1,\n  \"b\": 2\n}";
    const auto p = locate(src, {u"b"_s});
    CHECK(p.line == 3);
    CHECK(p.column == 8);
}

TEST_CASE("locateElements gives every element of an array the position locate gives it", "[json]")
{
    const QByteArray src = "\xEF\xBB\xBF{\"kind\": \"rules\",\n \"rules\": [\n  {\"id\": \"a\", \"x\": [1, {\"y\": \"]\"}]},\n\n  \"é\", 3,\n  {\"id\": \"b\"}\n ]}\n";
    const auto all = locateElements(src, {u"rules"_s});
    REQUIRE(all.size() == 4);
    for (size_t i = 0; i < all.size(); ++i) {
        const auto one = locate(src, {u"rules"_s, QString::number(i)});
        CHECK(all[i].line == one.line);
        CHECK(all[i].column == one.column);
    }
    CHECK(all[3].line == 6);
    CHECK(locateElements(src, {u"kind"_s}).empty()); // not an array
    CHECK(locateElements("{\"rules\": []}", {u"rules"_s}).empty());
}
