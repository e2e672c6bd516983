// SPDX-FileCopyrightText: 2026 Fairnote contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// The wording checker: data-driven cases (tests/data/wording/<case>/), what a finding carries, and
// the paragraph property the editor relies on.
#include "testsupport.h"
#include "text/tokenizer.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QTemporaryDir>

using namespace Qt::StringLiterals;
using namespace fairnote;
using testing::builtInChecker;
using testing::flaggedTexts;

namespace {
QString readFile(const QString &path)
{
    QFile f(path);
    REQUIRE(f.open(QIODevice::ReadOnly));
    return QString::fromUtf8(f.readAll());
}
// True when some finding overlaps every occurrence of needle (flag) / none overlaps any (clear).
bool anyOverlap(const std::vector<Finding> &findings, qsizetype at, qsizetype len)
{
    return std::any_of(findings.begin(), findings.end(),
                       [&](const Finding &f) { return f.offset < at + len && f.offset + f.length > at; });
}
} // namespace

TEST_CASE("wording cases: each listed phrase is flagged or left alone as expected", "[checker][data]")
{
    const QDir cases(QStringLiteral(FAIRNOTE_TEST_DATA "/wording"));
    const QStringList names = cases.entryList(QDir::Dirs | QDir::NoDotAndDotDot);
    REQUIRE(names.size() >= 8);
    for (const QString &name : names) {
        const QString text = readFile(cases.filePath(name + u"/input.txt"_s));
        const QJsonObject expected = QJsonDocument::fromJson(readFile(cases.filePath(name + u"/expected.json"_s)).toUtf8()).object();
        const auto findings = builtInChecker()->check(text);
        INFO("case " << name.toStdString() << "; flagged: " << flaggedTexts(text, findings).join(u" | "_s).toStdString());
        for (const auto &v : expected[u"flag"_s].toArray()) {
            const QString needle = v.toString();
            INFO("should flag: " << needle.toStdString());
            const qsizetype at = text.indexOf(needle);
            REQUIRE(at >= 0);
            CHECK(anyOverlap(findings, at, needle.size()));
        }
        for (const auto &v : expected[u"clear"_s].toArray()) {
            const QString needle = v.toString();
            INFO("should leave alone: " << needle.toStdString());
            qsizetype at = text.indexOf(needle);
            REQUIRE(at >= 0);
            for (; at >= 0; at = text.indexOf(needle, at + 1))
                CHECK_FALSE(anyOverlap(findings, at, needle.size()));
        }
        if (expected[u"no_findings"_s].toBool())
            CHECK(findings.empty());
    }
}

TEST_CASE("a finding carries its rule, why, advice and source, at UTF-16 offsets", "[checker]")
{
    const QString text = u"😀 Tony kicked off."_s;
    const auto findings = builtInChecker()->check(text);
    REQUIRE(findings.size() == 1);
    const Finding &f = findings.front();
    CHECK(text.mid(f.offset, f.length) == u"kicked off"_s);
    CHECK(f.offset == 8); // the emoji is two UTF-16 units
    CHECK(f.category == Category::Slang);
    CHECK_FALSE(f.ruleId.isEmpty());
    CHECK_FALSE(f.message.isEmpty());
    CHECK_FALSE(f.why.isEmpty());
    CHECK((!f.suggestions.isEmpty() || !f.question.isEmpty()));
    CHECK(f.source.contains(u"http"_s));
}

TEST_CASE("a longer match wins over the match inside it", "[checker]")
{
    const QString text = u"He is a known arsonist."_s;
    const auto findings = builtInChecker()->check(text);
    REQUIRE(findings.size() == 1);
    CHECK(text.mid(findings[0].offset, findings[0].length) == u"known arsonist"_s);
}

TEST_CASE("overlapping matches of one rule are one finding", "[checker]")
{
    const QString text = u"He was charged with arson."_s;
    const auto findings = builtInChecker()->check(text);
    QStringList charged;
    for (const auto &f : findings)
        if (f.ruleId == u"legal.charged-with")
            charged << text.mid(f.offset, f.length);
    CHECK(charged == QStringList{u"was charged with"_s});
    CHECK(flaggedTexts(text, findings).contains(u"arson"_s)); // another rule's match beside it stays
}

TEST_CASE("a phrase does not match the first half of a hyphenated word", "[checker]")
{
    for (const QString &text : {u"She recently, on 12 January 2025, started a fire-setter intervention programme."_s,
                                u"He started the fire-setter intervention programme in May 2025."_s}) {
        INFO(text.toStdString());
        const auto findings = builtInChecker()->check(text);
        CHECK(flaggedTexts(text, findings).isEmpty());
    }
    const QString plain = u"He started the fire in the bin."_s;
    CHECK(flaggedTexts(plain, builtInChecker()->check(plain)).contains(u"started the fire"_s));
}

TEST_CASE("a message never names another phrase as if the note said it", "[checker]")
{
    // Each rule matches many phrases; its message must not open by naming, as the words found, a phrase
    // the note does not contain.
    const std::vector<std::pair<QString, QString>> cases{
        {u"Kicked off again last night."_s, u"“last week”"_s},
        {u"We will call at the earliest convenience."_s, u"“in due course”"_s},
        {u"He has a history of theft."_s, u"“history of violence”"_s},
        {u"He was argumentative."_s, u"“confrontational”"_s},
        {u"It was decided that he would move."_s, u"“it was agreed”"_s},
    };
    for (const auto &[text, wrong] : cases) {
        INFO(text.toStdString());
        const auto findings = builtInChecker()->check(text);
        REQUIRE_FALSE(findings.empty());
        for (const auto &f : findings)
            CHECK_FALSE(f.message.startsWith(wrong));
    }
}

TEST_CASE("findings come sorted by offset", "[checker]")
{
    const QString text = u"Obviously he kicked off and was aggressive, hostile and non-compliant."_s;
    const auto findings = builtInChecker()->check(text);
    REQUIRE(findings.size() >= 4);
    CHECK(std::is_sorted(findings.begin(), findings.end(), [](const Finding &a, const Finding &b) { return a.offset < b.offset; }));
}

TEST_CASE("checking paragraphs one by one gives the same findings as the whole note", "[checker][paragraph]")
{
    QString text;
    const QString corpus = qEnvironmentVariable("FAIRNOTE_CORPUS_DIR") + u"/dev.txt"_s;
    if (QFile::exists(corpus))
        text = readFile(corpus);
    text += u"\n\nHe said \"I kicked off\n\nHe was aggressive. Known\narsonist.\n  \n\"quoted\" kicked-off"_s;
    // Context must not leak across a blank line: an honorific or a day number in the paragraph before.
    text += u"\n\nSeen by Dr.\n\nAggressive when challenged.\n\nMoved to room 3\n\nMay have kicked off recently."_s;
    // Abbreviations spelled out in one paragraph hold in the next, through the NoteContext.
    text += u"\n\nThe KW rang the PRS landlord.\n\nMet her key worker (KW) and the CPN.\n\nThe KW and the PRS agent."_s;
    const auto whole = builtInChecker()->check(text);
    std::vector<Finding> pieces;
    wording::NoteContext note;
    static const QRegularExpression blankLine(u"\n[ \t]*\n"_s);
    qsizetype from = 0;
    for (auto it = blankLine.globalMatch(text); it.hasNext();) {
        const auto m = it.next();
        builtInChecker()->check(QStringView(text).sliced(from, m.capturedStart() - from), from, pieces, &note);
        from = m.capturedEnd();
    }
    builtInChecker()->check(QStringView(text).sliced(from), from, pieces, &note);
    REQUIRE(whole.size() == pieces.size());
    CHECK(whole == pieces);
    // The KW defined in the second of those paragraphs is left alone in the third, not in the first.
    const QStringList flagged = flaggedTexts(text, whole);
    CHECK(flagged.count(u"KW"_s) == 1);
    CHECK(flagged.count(u"PRS"_s) == 2);
}

TEST_CASE("empty text and text with no words give no findings", "[checker]")
{
    CHECK(builtInChecker()->check(QString()).empty());
    CHECK(builtInChecker()->check(u"  \n\n 12:30 — 😀 !!"_s).empty());
}

namespace {
// A one-rule organisation pack over the built-in one, with the given other_senses.
std::unique_ptr<wording::Checker> senseChecker(const QStringList &patterns, const QJsonObject &senses)
{
    static QTemporaryDir dir;
    const QJsonObject source{{u"title"_s, u"Local guide"_s}, {u"publisher"_s, u"Our service"_s}, {u"year"_s, 2026},
                             {u"url"_s, u"https://example.org/guide"_s}};
    const QJsonObject rule{{u"id"_s, u"local.sense"_s}, {u"category"_s, u"slang"_s}, {u"severity"_s, u"warning"_s},
                           {u"patterns"_s, QJsonArray::fromStringList(patterns)}, {u"other_senses"_s, senses},
                           {u"message"_s, u"Slang."_s}, {u"why"_s, u"It says nothing."_s}, {u"question"_s, u"What happened?"_s},
                           {u"source"_s, source}};
    QFile f(dir.filePath(u"local.json"_s));
    REQUIRE(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
    f.write(QJsonDocument(QJsonObject{{u"kind"_s, u"rules"_s}, {u"version"_s, 1}, {u"rules"_s, QJsonArray{rule}}}).toJson());
    f.close();
    auto pack = wording::loadRulePack(dir.path());
    if (!pack)
        for (const auto &p : pack.error())
            UNSCOPED_INFO(p.toString().toStdString());
    REQUIRE(pack.ok());
    return std::make_unique<wording::Checker>(std::move(*pack));
}
bool flagsLocal(const wording::Checker &checker, const QString &text)
{
    const auto findings = checker.check(text);
    return std::any_of(findings.begin(), findings.end(), [](const Finding &f) { return f.ruleId == u"local.sense"; });
}
} // namespace

TEST_CASE("other senses: a subject phrase just before the term, past linking words", "[checker][other-senses]")
{
    const auto checker = senseChecker({u"kick~ off"_s}, QJsonObject{{u"subjects"_s, QJsonArray{u"(meeting|session|match|alarm)"_s}}});
    CHECK_FALSE(flagsLocal(*checker, u"The meeting kicked off at ten."_s));
    CHECK_FALSE(flagsLocal(*checker, u"The session finally kicked off after lunch."_s));
    CHECK_FALSE(flagsLocal(*checker, u"The match had just kicked off."_s));
    // Not the subject: the phrase is elsewhere, or "and" stands between.
    CHECK(flagsLocal(*checker, u"He kicked off in the meeting."_s));
    CHECK(flagsLocal(*checker, u"He came to the meeting and kicked off."_s));
    CHECK(flagsLocal(*checker, u"It all kicked off in reception."_s));
    CHECK(flagsLocal(*checker, u"After the meeting. Kicked off in reception."_s)); // another sentence
}

TEST_CASE("other senses: a phrase within the window after or before the term, in its clause", "[checker][other-senses]")
{
    const auto checker = senseChecker({u"claim~"_s}, QJsonObject{{u"after"_s, QJsonArray{u"(universal|housing)? (credit|benefit~|pip)"_s}},
                                                               {u"before"_s, QJsonArray{u"(benefit|insurance)"_s}},
                                                               {u"window"_s, 3}});
    CHECK_FALSE(flagsLocal(*checker, u"She claims Universal Credit."_s));
    CHECK_FALSE(flagsLocal(*checker, u"He claimed for housing benefit in May."_s));
    CHECK_FALSE(flagsLocal(*checker, u"She made a benefit claim on Monday."_s));
    // Beyond the window, across a clause, or with no signal at all.
    CHECK(flagsLocal(*checker, u"He claims he was at his sister's house when the flat caught fire and lost his PIP."_s));
    CHECK(flagsLocal(*checker, u"She claims she paid; PIP was stopped."_s));
    CHECK(flagsLocal(*checker, u"He claims he did not start the fire."_s));
}

TEST_CASE("other senses are refused when malformed", "[checker][other-senses][errors]")
{
    QTemporaryDir dir;
    const QJsonObject source{{u"title"_s, u"Local guide"_s}, {u"publisher"_s, u"Our service"_s}, {u"year"_s, 2026},
                             {u"url"_s, u"https://example.org/guide"_s}};
    for (const auto &[senses, expected] : {std::pair{QJsonValue(QJsonObject{{u"window"_s, 3}}), u"needs at least one phrase"_s},
                                           std::pair{QJsonValue(QJsonObject{{u"after"_s, QJsonArray{u"x"_s}}, {u"window"_s, 12}}), u"from 1 to 8"_s},
                                           std::pair{QJsonValue(QJsonObject{{u"aftr"_s, QJsonArray{u"x"_s}}}), u"unknown member \"aftr\""_s},
                                           std::pair{QJsonValue(QJsonObject{{u"after"_s, QJsonArray{u"(x"_s}}}), u"unbalanced"_s},
                                           std::pair{QJsonValue(u"meeting"_s), u"must be an object"_s}}) {
        const QJsonObject rule{{u"id"_s, u"local.sense"_s}, {u"category"_s, u"slang"_s}, {u"severity"_s, u"warning"_s},
                               {u"patterns"_s, QJsonArray{u"kick~ off"_s}}, {u"other_senses"_s, senses},
                               {u"message"_s, u"Slang."_s}, {u"why"_s, u"It says nothing."_s}, {u"question"_s, u"What happened?"_s},
                               {u"source"_s, source}};
        QFile f(dir.filePath(u"local.json"_s));
        REQUIRE(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
        f.write(QJsonDocument(QJsonObject{{u"kind"_s, u"rules"_s}, {u"version"_s, 1}, {u"rules"_s, QJsonArray{rule}}}).toJson());
        f.close();
        const auto pack = wording::loadRulePack(dir.path());
        REQUIRE_FALSE(pack.ok());
        INFO(pack.error().front().toString().toStdString());
        CHECK(pack.error().front().message.contains(expected));
    }
}

TEST_CASE("scare quotes: a sentence with a speech verb is left alone, the sentences around it are not", "[checker][scare-quotes]")
{
    auto scare = [](const QString &text) {
        QStringList out;
        for (const auto &f : builtInChecker()->check(text))
            if (f.ruleId == u"reporting-verb.scare-quotes")
                out << text.mid(f.offset, f.length);
        return out;
    };
    // Two quotations in a sentence whose speech verb comes after both: both are her words.
    CHECK(scare(u"\"Sorry\" and \"thanks\", she said."_s).isEmpty());
    // The speech verb belongs to the sentence before; the next sentence's quotation stands alone.
    CHECK(scare(u"She said \"sorry\". Her \"boyfriend\" visited."_s) == QStringList{u"boyfriend"_s});
    CHECK(scare(u"Her \"boyfriend\" visited. She said \"sorry\"."_s) == QStringList{u"boyfriend"_s});
    // Line breaks are not sentence ends: a long transcript without full stops is one sentence.
    QString transcript = u"He said"_s;
    for (int i = 0; i < 200; ++i)
        transcript += u"\n\"kicked\" and \"off\""_s;
    CHECK(scare(transcript).isEmpty());
    CHECK(scare(transcript + u". Her \"boyfriend\" visited."_s) == QStringList{u"boyfriend"_s});
}
