// SPDX-FileCopyrightText: 2026 Fairnote contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// The tokenizer: words, gaps, sentences, quotations, paragraphs and UTF-16 offsets.
#include "testsupport.h"
#include "text/tokenizer.h"

using namespace Qt::StringLiterals;
using namespace fairnote::text;

namespace {
struct Tokenized
{
    QString text;
    std::vector<Token> tokens;
    std::vector<Span> quotes;
    QStringList words() const
    {
        QStringList w;
        for (const auto &t : tokens)
            w << text.mid(t.start, t.length);
        return w;
    }
    QStringList quoted() const
    {
        QStringList q;
        for (const auto &s : quotes)
            q << text.mid(s.start, s.end - s.start);
        return q;
    }
    const Token &token(const QString &word) const
    {
        for (const auto &t : tokens)
            if (text.mid(t.start, t.length) == word)
                return t;
        FAIL("no token " << word.toStdString());
        return tokens.front();
    }
};
Tokenized tok(const QString &text)
{
    Tokenized t{text, {}, {}};
    tokenize(t.text, t.tokens, t.quotes);
    return t;
}
} // namespace

TEST_CASE("words keep inner apostrophes, straight and curly, and split at hyphens", "[tokenizer]")
{
    const auto t = tok(u"He didn’t kick-off; O'Brien's room, residents' lounge."_s);
    CHECK(t.words() == QStringList{u"He"_s, u"didn’t"_s, u"kick"_s, u"off"_s, u"O'Brien's"_s, u"room"_s,
                                   u"residents"_s, u"lounge"_s});
}

TEST_CASE("folding makes case and apostrophe style irrelevant to the hash", "[tokenizer]")
{
    const auto t = tok(u"DON’T don't Don't"_s);
    REQUIRE(t.tokens.size() == 3);
    CHECK(t.tokens[0].hash == t.tokens[1].hash);
    CHECK(t.tokens[1].hash == t.tokens[2].hash);
    CHECK(t.tokens[0].hash == foldedHash(u"don't"));
}

TEST_CASE("gaps say whether a phrase may continue across them", "[tokenizer]")
{
    const auto t = tok(u"kicked\noff, kicked - off kicked--off kicked\n\noff"_s);
    REQUIRE(t.tokens.size() == 8);
    CHECK((t.tokens[1].gapBefore & GapJoinable));      // a single line break
    CHECK_FALSE((t.tokens[2].gapBefore & GapJoinable)); // a comma
    CHECK((t.tokens[3].gapBefore & GapJoinable));      // " - "
    CHECK_FALSE((t.tokens[5].gapBefore & GapJoinable)); // two hyphens
    CHECK_FALSE((t.tokens[7].gapBefore & GapJoinable)); // a blank line
    CHECK((t.tokens[7].gapBefore & GapParagraph));
}

TEST_CASE("a comma is marked in the gap, except inside a number", "[tokenizer]")
{
    const auto t = tok(u"He left, then 1,000 more"_s);
    CHECK((t.token(u"then"_s).gapBefore & GapComma));
    CHECK_FALSE((t.token(u"then"_s).gapBefore & GapClauseEnd)); // the context functions decide
    CHECK_FALSE((t.token(u"000"_s).gapBefore & GapComma));
    CHECK_FALSE((t.token(u"more"_s).gapBefore & GapComma));
}

TEST_CASE("a spaced hyphen or a double hyphen is a dash and ends a clause", "[tokenizer]")
{
    const auto t = tok(u"up - he was -- she said kick-off"_s);
    CHECK((t.token(u"he"_s).gapBefore & GapClauseEnd));
    CHECK((t.token(u"he"_s).gapBefore & GapJoinable)); // a phrase may still span it (docs/rule-pack.md)
    CHECK((t.token(u"she"_s).gapBefore & GapClauseEnd));
    CHECK_FALSE((t.token(u"off"_s).gapBefore & GapClauseEnd));
}

TEST_CASE("a hyphen touching both words joins them into one hyphenated word", "[tokenizer]")
{
    const auto t = tok(u"fire-setter fire-\nraiser kick - off kick -off"_s);
    REQUIRE(t.tokens.size() == 8);
    CHECK((t.tokens[1].gapBefore & GapHyphenJoin));
    CHECK((t.tokens[3].gapBefore & GapHyphenJoin)); // a word broken at a line end
    CHECK_FALSE((t.tokens[5].gapBefore & GapHyphenJoin));
    CHECK_FALSE((t.tokens[7].gapBefore & GapHyphenJoin));
    CHECK_FALSE((t.tokens[2].gapBefore & GapHyphenJoin));
}

TEST_CASE("an en dash between two letters is a hyphen; elsewhere it ends a clause", "[tokenizer]")
{
    const auto t = tok(u"non–compliant, up – he was, 1990–1995"_s);
    CHECK((t.token(u"compliant"_s).gapBefore & GapJoinable));
    CHECK((t.token(u"compliant"_s).gapBefore & GapHyphenJoin));
    CHECK_FALSE((t.token(u"compliant"_s).gapBefore & GapClauseEnd));
    CHECK((t.token(u"he"_s).gapBefore & GapClauseEnd));
    CHECK((t.token(u"1995"_s).gapBefore & GapClauseEnd));
}

TEST_CASE("a list marker at a line start begins a line and a clause", "[tokenizer][list]")
{
    const auto t = tok(u"Flags:\n1. Aggressive to staff\n2) Pyromaniac\n(b) Violent\niv. Hostile\n- Chaotic\n"
                       u"* Abusive\n  • Volatile\n– Arsonist"_s);
    for (const QString &w : {u"Aggressive"_s, u"Pyromaniac"_s, u"Violent"_s, u"Hostile"_s, u"Chaotic"_s, u"Abusive"_s,
                             u"Volatile"_s, u"Arsonist"_s}) {
        INFO(w.toStdString());
        CHECK((t.token(w).gapBefore & GapInitial));
        CHECK((t.token(w).gapBefore & GapClauseEnd));
        CHECK_FALSE((t.token(w).gapBefore & GapJoinable)); // no phrase runs from one item into the next
    }
}

TEST_CASE("a marker-like word inside a line is not a list marker", "[tokenizer][list]")
{
    const auto t = tok(u"Plan a) ring him b) write. Room 2) Kitchen -9 degrees"_s);
    CHECK_FALSE((t.token(u"ring"_s).gapBefore & GapInitial));
    CHECK_FALSE((t.token(u"Kitchen"_s).gapBefore & GapInitial));
    CHECK_FALSE((t.token(u"9"_s).gapBefore & GapClauseEnd));
}

TEST_CASE("sentence ends need a full stop followed by space, so numbers and times stay whole", "[tokenizer]")
{
    const auto t = tok(u"It was 3.5 cm at 17:40. Then it stopped"_s);
    CHECK_FALSE((t.token(u"5"_s).gapBefore & GapSentenceEnd));
    CHECK_FALSE((t.token(u"40"_s).gapBefore & GapClauseEnd));
    CHECK((t.token(u"Then"_s).gapBefore & GapSentenceEnd));
    CHECK((t.token(u"Then"_s).gapBefore & GapInitial));
    CHECK((t.token(u"It"_s).gapBefore & GapInitial));
    CHECK_FALSE((t.token(u"was"_s).gapBefore & GapInitial));
}

TEST_CASE("a line break or a colon makes the next word line-initial", "[tokenizer]")
{
    const auto t = tok(u"Outcome: Arson\nKnown to police"_s);
    CHECK((t.token(u"Arson"_s).gapBefore & GapInitial));
    CHECK((t.token(u"Known"_s).gapBefore & GapInitial));
}

TEST_CASE("shapes record capitals and digits", "[tokenizer]")
{
    const auto t = tok(u"Black DNA 2024 6pm"_s);
    CHECK((t.token(u"Black"_s).shape & ShapeUpperFirst));
    CHECK((t.token(u"Black"_s).shape & ShapeHasLower));
    CHECK_FALSE((t.token(u"DNA"_s).shape & ShapeHasLower));
    CHECK((t.token(u"2024"_s).shape & ShapeAllDigits));
    CHECK_FALSE((t.token(u"6pm"_s).shape & ShapeAllDigits));
}

TEST_CASE("double quotes, straight or curly, mark quoted spans", "[tokenizer][quotes]")
{
    CHECK(tok(u"She said \"I am not an arsonist\" and left."_s).quoted() == QStringList{u"\"I am not an arsonist\""_s});
    CHECK(tok(u"He said “they call me a junkie” today."_s).quoted() == QStringList{u"“they call me a junkie”"_s});
}

TEST_CASE("single quotes count only when closed, so apostrophes never open one", "[tokenizer][quotes]")
{
    CHECK(tok(u"He said 'I was off my head' then left."_s).quoted() == QStringList{u"'I was off my head'"_s});
    CHECK(tok(u"She said ‘never again’."_s).quoted() == QStringList{u"‘never again’"_s});
    CHECK(tok(u"The residents' lounge and Sam's room aren't open."_s).quoted().isEmpty());
    CHECK(tok(u"It's 'cause he can't."_s).quoted().isEmpty());
}

TEST_CASE("reported speech left open runs to the end of the paragraph, not beyond", "[tokenizer][quotes]")
{
    const auto t = tok(u"He said: \"I didn't do it. They always blame me.\n\nHe was aggressive."_s);
    REQUIRE(t.quotes.size() == 1);
    CHECK(t.quoted().front().contains(u"always"_s));
    CHECK_FALSE(t.quoted().front().contains(u"aggressive"_s));
}

TEST_CASE("offsets are UTF-16 code units, so non-BMP characters count twice", "[tokenizer]")
{
    const auto t = tok(u"😀 kicked 𝒜off"_s);
    REQUIRE(t.tokens.size() == 2);
    CHECK(t.tokens[0].start == 3);
    CHECK(t.tokens[0].length == 6);
    CHECK(t.words()[1] == u"𝒜off"_s); // a mathematical letter outside the BMP is a letter
}

TEST_CASE("an empty or punctuation-only text has no tokens", "[tokenizer]")
{
    CHECK(tok(QString()).tokens.empty());
    CHECK(tok(u" ... -- !! \n\n"_s).tokens.empty());
}

TEST_CASE("paragraphAround stops at blank lines", "[tokenizer][paragraph]")
{
    const QString text = u"First para\nstill first.\n  \nSecond para.\n\n\nThird."_s;
    const auto first = paragraphAround(text, 3);
    CHECK(text.mid(first.start, first.end - first.start) == u"First para\nstill first."_s);
    const auto second = paragraphAround(text, text.indexOf(u"para."_s));
    CHECK(text.mid(second.start, second.end - second.start) == u"Second para."_s);
    const auto third = paragraphAround(text, text.size());
    CHECK(text.mid(third.start, third.end - third.start) == u"Third."_s);
}

TEST_CASE("nextParagraphStart finds the start after the next blank line", "[tokenizer][paragraph]")
{
    const QString text = u"One\ntwo.\n \t\nThree.\n\nFour"_s;
    CHECK(nextParagraphStart(text, 0) == text.indexOf(u"Three"_s));
    CHECK(nextParagraphStart(text, text.indexOf(u"Three"_s)) == text.indexOf(u"Four"_s));
    CHECK(nextParagraphStart(text, text.indexOf(u"Four"_s)) == text.size());
    CHECK(nextParagraphStart(QString(), 0) == 0);
}

TEST_CASE("a quotation inside a single-quoted one keeps the outer quotation", "[tokenizer][quotes]")
{
    const auto t = tok(u"She said ‘They called me “trouble” and a junkie’ to staff."_s);
    REQUIRE(t.quotes.size() == 1);
    CHECK(t.quoted().front().contains(u"junkie"_s));
}

TEST_CASE("an apostrophe before a digit never opens a quotation", "[tokenizer][quotes]")
{
    CHECK(tok(u"In the '90s he lived in the residents' annexe."_s).quoted().isEmpty());
}
