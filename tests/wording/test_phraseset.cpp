// SPDX-FileCopyrightText: 2026 Fairnote contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// The compiled matcher: inflections, hyphen and space variants, case, curly apostrophes, line breaks.
#include "testsupport.h"
#include "wording/phraseset.h"

using namespace Qt::StringLiterals;
using namespace fairnote::wording;
using fairnote::text::Span;
using fairnote::text::Token;

namespace {
QStringList matches(const QStringList &patterns, const QString &text)
{
    PhraseSet set;
    for (int i = 0; i < patterns.size(); ++i)
        set.add(*expandPattern(patterns[i]), i);
    set.finish();
    std::vector<Token> tokens;
    std::vector<Span> quotes;
    fairnote::text::tokenize(text, tokens, quotes);
    PhraseSet::Scratch scratch;
    std::vector<PhraseHit> hits;
    set.match(text, tokens, scratch, hits);
    QStringList out;
    for (const auto &h : hits) {
        const qsizetype s = tokens[size_t(h.first)].start;
        const qsizetype e = tokens[size_t(h.end - 1)].start + tokens[size_t(h.end - 1)].length;
        out << text.mid(s, e - s);
    }
    out.removeDuplicates();
    return out;
}
} // namespace

TEST_CASE("inflected phrases match every form, any case, across line breaks", "[matcher]")
{
    const auto m = matches({u"kick~ off"_s}, u"He KICKED off. She kicks\noff. Kicking-off. kick off"_s);
    CHECK(m == QStringList{u"KICKED off"_s, u"kicks\noff"_s, u"Kicking-off"_s, u"kick off"_s});
}

TEST_CASE("hyphen, space and joined variants all match", "[matcher]")
{
    const auto m = matches({u"non-compliant"_s}, u"non-compliant, non compliant, noncompliant, Non-\ncompliant"_s);
    CHECK(m.size() == 4);
}

TEST_CASE("a phrase never ends inside a hyphenated word, but may run through it", "[matcher]")
{
    CHECK(matches({u"start~ (a|the)? fire"_s}, u"started a fire-setter course"_s).isEmpty());
    CHECK(matches({u"start~ (a|the)? fire"_s}, u"started a fire-\nsetter course"_s).isEmpty());
    CHECK(matches({u"start~ (a|the)? fire"_s}, u"started a fire - then left"_s) == QStringList{u"started a fire"_s});
    CHECK(matches({u"fire-setter"_s}, u"a fire-setter course"_s) == QStringList{u"fire-setter"_s});
    CHECK(matches({u"kick~ off"_s}, u"kicked-off"_s) == QStringList{u"kicked-off"_s});
}

TEST_CASE("a phrase never runs across punctuation or a blank line", "[matcher]")
{
    CHECK(matches({u"kicked off"_s}, u"kicked, off. kicked.off kicked\n\noff"_s).isEmpty());
}

TEST_CASE("curly and straight apostrophes match each other", "[matcher]")
{
    CHECK(matches({u"can't be trusted"_s}, u"He can’t be trusted."_s) == QStringList{u"can’t be trusted"_s});
    CHECK(matches({u"can’t be trusted"_s}, u"He can't be trusted."_s) == QStringList{u"can't be trusted"_s});
}

TEST_CASE("prefix words match any word that starts with the stem", "[matcher]")
{
    const auto m = matches({u"manipulat*"_s}, u"manipulative, manipulating, Manipulation, manip"_s);
    CHECK(m == QStringList{u"manipulative"_s, u"manipulating"_s, u"Manipulation"_s});
}

TEST_CASE("prefixes and words combine within a phrase", "[matcher]")
{
    const auto m = matches({u"very manipulat*"_s, u"history of (arson|fire-setting)"_s},
                           u"very manipulative; a history of fire setting; history of firesetting"_s);
    CHECK(m == QStringList{u"very manipulative"_s, u"history of fire setting"_s, u"history of firesetting"_s});
}

TEST_CASE("words with accents and non-Latin scripts match", "[matcher]")
{
    CHECK(matches({u"naïve"_s}, u"He is NAÏVE."_s) == QStringList{u"NAÏVE"_s});
}
