// SPDX-FileCopyrightText: 2026 Fairnote contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// Splits text into word tokens, the gaps between them and the spans inside quotation marks,
// in one pass and without allocating per token. All offsets are UTF-16 code units.
#pragma once

#include <QString>
#include <QStringView>
#include <QtGlobal>
#include <vector>

namespace fairnote::text {

// What lies in the gap between the previous token and this one.
enum GapFlag : quint8 {
    GapJoinable = 1 << 0,    // whitespace with at most one line break and at most one hyphen: a phrase may span it
    GapSentenceEnd = 1 << 1, // . ! ? followed by space or the end, or a paragraph break
    GapClauseEnd = 1 << 2,   // ; : ( ) [ ] – — a spaced hyphen (" - "), a list marker, or a sentence end:
                             // negation scope stops here
    GapInitial = 1 << 3,     // the token starts a sentence, a line or a list item, or follows a colon (capitals
                             // mean nothing here)
    GapParagraph = 1 << 4,   // a blank line: context never crosses it
    GapComma = 1 << 5,       // a comma (not one between digits, as in "1,000"): the context functions decide
                             // whether it ends a clause
    GapHyphenJoin = 1 << 6,  // only a hyphen straight after the previous word (and at most a line break after
                             // it): the two tokens are parts of one hyphenated word ("fire-setter")
};

// The letter-case shape of a token.
enum ShapeFlag : quint8 {
    ShapeUpperFirst = 1 << 0,
    ShapeHasLower = 1 << 1,
    ShapeHasUpper = 1 << 2,
    ShapeHasDigit = 1 << 3,
    ShapeAllDigits = 1 << 4,
};

struct Token
{
    qint32 start = 0;      // UTF-16 offset
    qint32 length = 0;     // UTF-16 code units
    quint64 hash = 0;      // 64-bit FNV-1a of the folded form (see fold())
    quint32 prefixHash = 0; // FNV-1a of the first three folded units (low 32 bits); 0 when shorter
    quint8 gapBefore = 0;  // GapFlag bits
    quint8 shape = 0;      // ShapeFlag bits
};

struct Span
{
    qint32 start = 0;
    qint32 end = 0; // exclusive
};

// Case-folds one UTF-16 unit for matching: lower case, curly and modifier apostrophes to '.
inline char16_t fold(char16_t c)
{
    if (c < 0x80)
        return (c >= u'A' && c <= u'Z') ? char16_t(c | 0x20) : c;
    if (c == 0x2019 || c == 0x2018 || c == 0x02BC)
        return u'\'';
    return QChar::toCaseFolded(c);
}

// 64-bit FNV-1a. Two different words of the same length share a 64-bit hash with a chance of about
// 1 in 10^19, so the phrase matcher looks words up by hash and length and never compares characters.
constexpr quint64 kFnvOffset = 14695981039346656037ull;
constexpr quint64 kFnvPrime = 1099511628211ull;
inline quint64 fnvStep(quint64 h, char16_t c) { return (h ^ c) * kFnvPrime; }
// Hash of a string's folded form, the same as Token::hash for the same word.
quint64 foldedHash(QStringView word);
// True when the token's text, folded, equals the already folded word.
bool foldedEquals(QStringView tokenText, QStringView foldedWord);
// True when the token's text, folded, begins with the already folded prefix.
bool foldedStartsWith(QStringView tokenText, QStringView foldedPrefix);
QString foldString(QStringView s);

// Tokenises text. Tokens are runs of letters, digits and combining marks; an apostrophe between
// two letters belongs to the word ("don't", "O'Brien"). An en dash between two letters with no space
// round it ("non–compliant") is read as a hyphen. A list marker at the start of a line ("1.", "2)",
// "(a)", "iv.", "- ", "* ", "• ") makes the next word start a line and a clause, and no phrase runs
// across it. quotes receives the spans inside quotation
// marks: a double quote (straight or curly) left open runs to the end of its paragraph; a single
// quote counts only when it is closed in the same paragraph, and an apostrophe inside a word or
// before a digit never opens one. Nested quotations give one span, the outer one.
// Both output vectors are cleared first and reused, so a caller can keep them between calls.
void tokenize(QStringView text, std::vector<Token> &tokens, std::vector<Span> &quotes);

// The paragraph around `position`: from just after the blank line before it (or the text start) to
// the line break that begins the blank line after it (or the text end). A blank line holds only
// white space. This is the boundary the tokenizer uses, so checking the range alone is exact.
Span paragraphAround(QStringView text, qsizetype position);

// The first paragraph start at or after `position`: the index just after the next blank line, or
// text.size() when there is none. Checking [a, nextParagraphStart(text, a + n)) pieces one by one
// gives exactly the findings of checking the whole text.
qsizetype nextParagraphStart(QStringView text, qsizetype position);

} // namespace fairnote::text
