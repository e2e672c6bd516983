// SPDX-FileCopyrightText: 2026 Fairnote contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// core/json's strict reader: the same values as QJsonDocument for valid JSON; duplicate members, bad
// UTF-8, bad escapes, trailing commas and deep nesting refused with line, column and JSON path; the
// streaming form gives the same results across buffer refills and stops at the input's limit.
#include "io/input.h"
#include "json/strictjson.h"

#include <catch2/catch.hpp>

#include <QDirIterator>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

using namespace Qt::StringLiterals;
using fairnote::json::ParseError;

namespace {

ParseError errorOf(QByteArrayView text)
{
    auto r = fairnote::json::parse(text);
    REQUIRE_FALSE(r);
    return r.error();
}

// A case file with `entries` entries, one per line, as an export writes it.
QByteArray bigDocument(int entries, const QByteArray &extraMember = {})
{
    QByteArray out = "{\n  \"format\": \"fairnote-case-files\",\n  \"version\": 1,\n  \"case_files\": [\n";
    for (int i = 0; i < entries; ++i) {
        out += "    {\"id\": \"E-" + QByteArray::number(i) + "\", \"text\": \"Ça va — entry " + QByteArray::number(i)
            + " \\u00e9\\ud83d\\ude00 " + QByteArray(200, 'x') + "\"" + (i == entries - 1 ? extraMember : QByteArray()) + "}";
        out += i + 1 < entries ? ",\n" : "\n";
    }
    out += "  ]\n}\n";
    return out;
}

} // namespace

TEST_CASE("valid JSON reads exactly as QJsonDocument reads it", "[json]")
{
    const QList<QByteArray> documents{
        "{}", "[]", "0", "-0", "\"\"", "true", "null", " [1, -2.5, 1e3, 1E-2, 12345678901234567, 9223372036854775807] ",
        "{\"a\": {\"b\": [true, false, null, \"\\\"\\\\\\/\\b\\f\\n\\r\\t\\u0041\\u00e9\\ud83d\\ude00\"]}}",
        "{\"z\": 1, \"a\": 2, \"m\": {\"y\": [], \"b\": {}}, \"é\": \"ü\", \"\xF0\x9F\x98\x80\": 3}",
        "[99999999999999999999, -99999999999999999999, 1.5e300]",
    };
    for (const QByteArray &d : documents) {
        INFO(d.toStdString());
        auto strict = fairnote::json::parse(d);
        REQUIRE(strict);
        QJsonParseError err;
        const QJsonDocument qt = QJsonDocument::fromJson("[" + d + "]", &err); // a top-level scalar, wrapped
        REQUIRE(err.error == QJsonParseError::NoError);
        CHECK(*strict == qt.array().at(0));
    }
    // A number smaller than any double is as good as zero (QJsonDocument refuses it).
    auto tiny = fairnote::json::parse("[1e-400, -1e-400]");
    REQUIRE(tiny);
    CHECK(tiny->toArray().at(0).toDouble() == 0.0);
    // Every JSON file in the repository's resources and test data (those QJsonDocument reads).
    int files = 0;
    for (const QString &root : {QStringLiteral(FAIRNOTE_SOURCE_DIR "/resources"), QStringLiteral(FAIRNOTE_SOURCE_DIR "/docs/examples")}) {
        QDirIterator it(root, {u"*.json"_s}, QDir::Files, QDirIterator::Subdirectories);
        while (it.hasNext()) {
            QFile f(it.next());
            REQUIRE(f.open(QIODevice::ReadOnly));
            const QByteArray bytes = f.readAll();
            QJsonParseError err;
            const QJsonDocument qt = QJsonDocument::fromJson(bytes, &err);
            if (err.error != QJsonParseError::NoError)
                continue;
            INFO(f.fileName().toStdString());
            auto strict = fairnote::json::parse(bytes);
            REQUIRE(strict);
            CHECK(*strict == (qt.isObject() ? QJsonValue(qt.object()) : QJsonValue(qt.array())));
            ++files;
        }
    }
    CHECK(files > 20);
}

TEST_CASE("a member given twice is refused with its JSON path, line and column, and where the first was", "[json]")
{
    const QByteArray doc = "{\n"
                           "  \"entries\": [\n"
                           "    {\"incident\": {\n"
                           "      \"what_happened\": \"He set fire to a bin.\",\n"
                           "      \"what_happened\": \"He was seen near the bin.\"\n"
                           "    }}\n"
                           "  ]\n"
                           "}\n";
    const ParseError e = errorOf(doc);
    CHECK(e.kind == ParseError::Kind::Duplicate);
    CHECK(e.path == u"/entries/0/incident/what_happened"_s);
    CHECK(e.line == 5);
    CHECK(e.column == 7);
    CHECK(e.message.contains(u"\"what_happened\" appears twice in the same object (first at line 4)"_s));
    CHECK(e.toString().startsWith(u"line 5, column 7: member"_s));

    // In a large object too (looked up by hash), and names with escapes compare by their text.
    QByteArray big = "{";
    for (int i = 0; i < 100; ++i)
        big += "\"k" + QByteArray::number(i) + "\": " + QByteArray::number(i) + ", ";
    big += "\"k\\u0037\": 0}";
    const ParseError b = errorOf(big);
    CHECK(b.kind == ParseError::Kind::Duplicate);
    CHECK(b.path == u"/k7"_s);
    // The same name in two different objects is fine.
    CHECK(fairnote::json::parse("[{\"a\": 1}, {\"a\": 2}, {\"b\": {\"a\": 3}, \"a\": 4}]"));
}

TEST_CASE("malformed JSON is refused at the right line and column with the path of the value", "[json]")
{
    struct Case { const char *text; int line, column; const char16_t *path; const char16_t *says; ParseError::Kind kind; };
    const Case cases[] = {
        {"", 1, 1, u"", u"the text is empty", ParseError::Kind::Syntax},
        {"{\"a\": 1,}", 1, 9, u"", u"a comma before '}'", ParseError::Kind::Syntax},
        {"[1, 2,]", 1, 7, u"", u"a comma before ']'", ParseError::Kind::Syntax},
        {"{\"a\": 1 \"b\": 2}", 1, 9, u"", u"expected ',' or '}' after the value of \"a\"", ParseError::Kind::Syntax},
        {"{\"a\": [1, 2\n", 2, 1, u"/a", u"the text ends where ',' or ']' after item 1 of the list should be", ParseError::Kind::Syntax},
        {"{\"a\": \"open", 1, 12, u"/a", u"inside a string", ParseError::Kind::Syntax},
        {"{\"a\": \"line\nbreak\"}", 1, 12, u"/a", u"goes on past the end of the line", ParseError::Kind::Syntax},
        {"{\"a\": \"\\x\"}", 1, 8, u"/a", u"'\\x' is not an escape", ParseError::Kind::Syntax},
        {"[\"\\ud800\"]", 1, 3, u"/0", u"first half of a UTF-16 pair", ParseError::Kind::Syntax},
        {"[\"\\udc00\"]", 1, 3, u"/0", u"without its first half", ParseError::Kind::Syntax},
        {"[\"\xC0\x80\"]", 1, 3, u"/0", u"invalid UTF-8 at byte 2 (0xC0)", ParseError::Kind::Encoding},
        {"[\"\xED\xA0\x80\"]", 1, 3, u"/0", u"invalid UTF-8 at byte 2 (0xED 0xA0)", ParseError::Kind::Encoding},
        {"[\"\xF4\x90\x80\x80\"]", 1, 3, u"/0", u"invalid UTF-8", ParseError::Kind::Encoding},
        {"[\"\xE2\x82\"]", 1, 3, u"/0", u"invalid UTF-8", ParseError::Kind::Encoding},
        {"[\"caf\xC3\xA9\", é]", 1, 10, u"/1", u"outside any string", ParseError::Kind::Syntax},
        {"[01]", 1, 3, u"", u"expected ',' or ']'", ParseError::Kind::Syntax},
        {"[1.]", 1, 2, u"/0", u"not written as JSON writes numbers", ParseError::Kind::Syntax},
        {"[-]", 1, 2, u"/0", u"not written as JSON writes numbers", ParseError::Kind::Syntax},
        {"[1e400]", 1, 2, u"/0", u"too large", ParseError::Kind::Number},
        {"[tru]", 1, 2, u"/0", u"expected a value", ParseError::Kind::Syntax},
        {"{\"a\": 1} {}", 1, 10, u"", u"nothing more after the end", ParseError::Kind::Syntax},
        {"{'a': 1}", 1, 2, u"", u"a member name in double quotes", ParseError::Kind::Syntax},
        {"\xEF\xBB\xBF{\"a\" 1}", 1, 6, u"", u"':' after the member name \"a\"", ParseError::Kind::Syntax},
        {"\xFF\xFE{\0", 1, 1, u"", u"UTF-16", ParseError::Kind::Encoding},
    };
    for (const Case &c : cases) {
        INFO(c.text);
        const ParseError e = errorOf(QByteArrayView(c.text, qsizetype(std::strlen(c.text)) + (c.text[0] == '\xFF' ? 1 : 0)));
        CHECK(e.kind == c.kind);
        CHECK(e.message.contains(QString::fromUtf16(c.says)));
        CHECK(e.path == QString::fromUtf16(c.path));
        CHECK(e.line == c.line);
        CHECK(e.column == c.column);
    }
    // A NUL byte (UTF-16 text without a byte-order mark) says so.
    const ParseError nul = errorOf(QByteArrayView("{\0\"\0a\0", 6));
    CHECK(nul.kind == ParseError::Kind::Encoding);
    CHECK(nul.message.contains(u"NUL byte"_s));
}

TEST_CASE("nesting deeper than the limit is refused instead of exhausting the stack", "[json]")
{
    const QByteArray deep = QByteArray(100000, '[') + QByteArray(100000, ']');
    const ParseError e = errorOf(deep);
    CHECK(e.kind == ParseError::Kind::TooDeep);
    CHECK(e.column == 257);
    CHECK(fairnote::json::parse(QByteArray(QByteArray(256, '[') + QByteArray(256, ']'))));
}

TEST_CASE("a streamed document gives each element of the chosen list as it is read, across buffer refills", "[json][stream]")
{
    const QByteArray doc = bigDocument(3000); // about 700 KB: several refills of the reader's buffer
    auto in = fairnote::io::Input::fromBytes(doc, u"export.json"_s, {qint64(doc.size()), u"case files"_s, {}});
    std::vector<QJsonValue> seen;
    auto root = fairnote::json::parseStream(in, {{u"case_files"_s}}, [&](const QStringList &, qsizetype i, QJsonValue &&v) {
        CHECK(i == qsizetype(seen.size()));
        seen.push_back(std::move(v));
        return true;
    });
    REQUIRE(root);
    CHECK(root->toObject().value(u"case_files"_s).toArray().isEmpty());
    CHECK(root->toObject().value(u"version"_s) == QJsonValue(1));
    REQUIRE(seen.size() == 3000);
    const QJsonArray whole = QJsonDocument::fromJson(doc).object().value(u"case_files"_s).toArray();
    for (int i : {0, 1, 1499, 2999})
        CHECK(seen[std::size_t(i)] == whole.at(i));
    CHECK(seen[5].toObject().value(u"text"_s).toString().startsWith(u"Ça va — entry 5 é\U0001F600 "_s));
}

TEST_CASE("an error deep in a streamed document has the same line, column and path as in memory", "[json][stream]")
{
    const QByteArray doc = bigDocument(2500, ", \"id\": \"again\"");
    const ParseError whole = errorOf(doc);
    auto in = fairnote::io::Input::fromBytes(doc, u"export.json"_s, {qint64(doc.size()), u"case files"_s, {}});
    auto streamed = fairnote::json::parseStream(in, {{u"case_files"_s}}, [](const QStringList &, qsizetype, QJsonValue &&) { return true; });
    REQUIRE_FALSE(streamed);
    CHECK(whole.kind == ParseError::Kind::Duplicate);
    CHECK(whole.path == u"/case_files/2499/id"_s);
    CHECK(whole.line == 2504);
    CHECK(streamed.error().kind == whole.kind);
    CHECK(streamed.error().path == whole.path);
    CHECK(streamed.error().line == whole.line);
    CHECK(streamed.error().column == whole.column);
    CHECK(streamed.error().byteOffset == whole.byteOffset);

    // The same on one long line: the column is carried across refills.
    QByteArray oneLine = doc;
    oneLine.replace('\n', ' ');
    const ParseError flat = errorOf(oneLine);
    auto in2 = fairnote::io::Input::fromBytes(oneLine, u"export.json"_s, {qint64(oneLine.size()), u"case files"_s, {}});
    auto streamedFlat = fairnote::json::parseStream(in2, {{u"case_files"_s}}, [](const QStringList &, qsizetype, QJsonValue &&) { return true; });
    REQUIRE_FALSE(streamedFlat);
    CHECK(flat.line == 1);
    CHECK(streamedFlat.error().column == flat.column);
}

TEST_CASE("a streamed read stops at the input's limit and when the handler says stop", "[json][stream]")
{
    const QByteArray doc = bigDocument(2000);
    auto in = fairnote::io::Input::fromBytes(doc, u"export.json"_s, {300 * 1024, u"case files"_s, {}});
    qsizetype count = 0;
    auto r = fairnote::json::parseStream(in, {{u"case_files"_s}}, [&](const QStringList &, qsizetype, QJsonValue &&) { ++count; return true; });
    REQUIRE_FALSE(r);
    CHECK(r.error().kind == ParseError::Kind::Read);
    REQUIRE(r.error().io);
    CHECK(r.error().io->problem == fairnote::io::IoProblem::TooLarge);
    CHECK(count < 2000);

    auto in2 = fairnote::io::Input::fromBytes(doc, u"export.json"_s, {qint64(doc.size()), u"case files"_s, {}});
    auto stopped = fairnote::json::parseStream(in2, {{u"case_files"_s}}, [&](const QStringList &, qsizetype i, QJsonValue &&) { return i < 10; });
    REQUIRE_FALSE(stopped);
    CHECK(stopped.error().kind == ParseError::Kind::Stopped);
}
