// SPDX-FileCopyrightText: 2026 Fairnote contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// The tokenizer: one pass over UTF-16 text producing tokens, gap flags and quotation spans.
#include "text/tokenizer.h"

#include <algorithm>
#include <array>

namespace fairnote::text {

namespace {

enum CharClass : quint8 { Other, Letter, Digit, Space, Newline, Hyphen, SentencePunct, ClausePunct, Colon, Comma };

constexpr std::array<quint8, 128> makeAsciiTable()
{
    std::array<quint8, 128> t{};
    for (int c = 'a'; c <= 'z'; ++c) t[c] = Letter;
    for (int c = 'A'; c <= 'Z'; ++c) t[c] = Letter;
    for (int c = '0'; c <= '9'; ++c) t[c] = Digit;
    t[' '] = Space; t['\t'] = Space; t['\r'] = Space; t['\f'] = Space; t['\v'] = Space;
    t['\n'] = Newline;
    t['-'] = Hyphen;
    t['.'] = SentencePunct; t['!'] = SentencePunct; t['?'] = SentencePunct;
    t[';'] = ClausePunct; t['('] = ClausePunct; t[')'] = ClausePunct; t['['] = ClausePunct; t[']'] = ClausePunct;
    t[':'] = Colon;
    t[','] = Comma;
    return t;
}
constexpr auto kAscii = makeAsciiTable();

inline CharClass classify(char16_t c)
{
    if (c < 0x80)
        return CharClass(kAscii[c]);
    switch (c) {
    case 0x00A0: case 0x2009: case 0x202F: case 0x2002: case 0x2003: return Space;
    case 0x2028: case 0x2029: case 0x0085: return Newline;
    case 0x2010: case 0x2011: return Hyphen;
    case 0x2013: case 0x2014: return ClausePunct; // en and em dashes set off a clause
    case 0x2026: return SentencePunct;            // ellipsis
    default: break;
    }
    const QChar q(c);
    if (q.isSurrogate())
        return Other; // handled by the caller
    if (q.isLetter() || q.isMark())
        return Letter;
    if (q.isDigit())
        return Digit;
    if (q.isSpace())
        return Space;
    return Other;
}

inline bool isApostrophe(char16_t c) { return c == u'\'' || c == 0x2019 || c == 0x02BC; }
inline bool isWordChar(CharClass k) { return k == Letter || k == Digit; }
inline bool isBlank(CharClass k) { return k == Space || k == Newline; }

// Characters that mark a list item when they start a line and a space follows them.
inline bool isBullet(char16_t c)
{
    switch (c) {
    case u'*': case 0x2022: case 0x2023: case 0x2043: case 0x2219: case 0x00B7: case 0x25AA: case 0x25AB:
    case 0x25A0: case 0x25A1: case 0x25CF: case 0x25CB: case 0x25E6: case 0x25BA: case 0x27A2:
        return true;
    default:
        return false;
    }
}

// A numbered list marker's word: 1 to 3 digits ("12"), one letter ("b") or a small roman numeral ("iv").
bool isMarkerWord(const char16_t *w, qint32 length)
{
    bool digits = length <= 3, roman = length <= 4;
    for (qint32 k = 0; k < length; ++k) {
        const char16_t c = w[k];
        digits = digits && c >= u'0' && c <= u'9';
        roman = roman && (c == u'i' || c == u'v' || c == u'x' || c == u'I' || c == u'V' || c == u'X');
    }
    const bool letter = length == 1 && ((w[0] >= u'a' && w[0] <= u'z') || (w[0] >= u'A' && w[0] <= u'Z'));
    return digits || roman || letter;
}

// Quotation state for one paragraph.
struct QuoteState
{
    qint32 doubleOpen = -1;
    qint32 singleOpen = -1;

    void closeParagraph(std::vector<Span> &quotes, qint32 at)
    {
        if (doubleOpen >= 0)
            quotes.push_back({doubleOpen, at}); // reported speech runs to the end of the paragraph
        doubleOpen = -1;
        singleOpen = -1; // an unmatched single quote was an apostrophe after all
    }
};

} // namespace

quint64 foldedHash(QStringView word)
{
    quint64 h = kFnvOffset;
    for (QChar c : word)
        h = fnvStep(h, fold(c.unicode()));
    return h;
}

bool foldedEquals(QStringView tokenText, QStringView foldedWord)
{
    if (tokenText.size() != foldedWord.size())
        return false;
    const char16_t *t = reinterpret_cast<const char16_t *>(tokenText.utf16());
    const char16_t *w = reinterpret_cast<const char16_t *>(foldedWord.utf16());
    for (qsizetype i = 0; i < tokenText.size(); ++i)
        if (t[i] != w[i] && fold(t[i]) != w[i]) // most text is already lower case
            return false;
    return true;
}

bool foldedStartsWith(QStringView tokenText, QStringView foldedPrefix)
{
    if (tokenText.size() < foldedPrefix.size())
        return false;
    return foldedEquals(tokenText.first(foldedPrefix.size()), foldedPrefix);
}

QString foldString(QStringView s)
{
    QString out(s.size(), Qt::Uninitialized);
    for (qsizetype i = 0; i < s.size(); ++i)
        out[i] = QChar(fold(s[i].unicode()));
    return out;
}

void tokenize(QStringView text, std::vector<Token> &tokens, std::vector<Span> &quotes)
{
    tokens.clear();
    quotes.clear();
    const char16_t *s = reinterpret_cast<const char16_t *>(text.utf16());
    const qint32 n = static_cast<qint32>(text.size());

    QuoteState q;
    // Gap state since the last token.
    int gapNewlines = 0;     // line breaks in the gap
    int nlRun = 0;           // line breaks since the last non-space character
    int gapHyphens = 0;
    bool gapOther = false;   // anything that stops a phrase (punctuation, symbols, quotes)
    quint8 gapFlags = GapInitial | GapSentenceEnd | GapClauseEnd; // the text start begins a sentence
    bool pendingSentenceEnd = false; // saw . ! ? and wait for a space or the end to confirm
    bool lineStart = true;    // only white space (or an opening parenthesis) since the last line break
    bool listMarker = false;  // the last token was a numbered list marker ("2)", "b."): the next one begins an item

    auto paragraphBreak = [&](qint32 at) {
        q.closeParagraph(quotes, at);
        gapFlags |= GapParagraph | GapSentenceEnd | GapClauseEnd | GapInitial;
    };

    qint32 i = 0;
    while (i < n) {
        char16_t c = s[i];
        CharClass k;
        if (QChar::isHighSurrogate(c) && i + 1 < n && QChar::isLowSurrogate(s[i + 1])) {
            const char32_t cp = QChar::surrogateToUcs4(c, s[i + 1]);
            k = (QChar::isLetter(cp) || QChar::isMark(cp)) ? Letter : QChar::isDigit(cp) ? Digit : Other;
        } else {
            k = classify(c);
        }

        if (isWordChar(k)) {
            // A token starts here.
            Token t;
            t.start = i;
            if (listMarker)
                gapFlags |= GapInitial | GapClauseEnd;
            if (gapHyphens >= 2) // "--" is a dash
                gapFlags |= GapClauseEnd;
            const bool joinable = !gapOther && gapNewlines <= 1 && gapHyphens <= 1 && !(gapFlags & GapParagraph)
                                  && !tokens.empty();
            t.gapBefore = quint8(gapFlags | (joinable ? GapJoinable : 0));
            if (joinable && gapHyphens == 1) {
                // One hyphenated word: the hyphen touches the previous word, and at most a line break follows it.
                const qint32 prevEnd = tokens.back().start + tokens.back().length;
                const qint32 gap = i - prevEnd;
                const bool touching = classify(s[prevEnd]) == Hyphen || s[prevEnd] == 0x2013;
                if (touching && (gap == 1 || (gap == 2 && s[prevEnd + 1] == u'\n')
                                 || (gap == 3 && s[prevEnd + 1] == u'\r' && s[prevEnd + 2] == u'\n')))
                    t.gapBefore |= GapHyphenJoin;
            }
            const bool atLineStart = lineStart;
            quint64 h = kFnvOffset;
            quint8 shape = 0;
            bool allDigits = true;
            for (;;) {
                // Fast path: a run of lower-case ASCII letters, the bulk of any note.
                const qint32 run = i;
                while (i < n && char16_t(s[i] - u'a') < 26u) {
                    h = fnvStep(h, s[i]);
                    ++i;
                }
                if (i > run) {
                    shape |= ShapeHasLower;
                    allDigits = false;
                }
                if (i >= n)
                    break;
                c = s[i];
                if (c < 0x80) {
                    const quint8 ak = kAscii[c];
                    if (ak == Letter) { // upper case
                        shape |= ShapeHasUpper;
                        if (i == t.start)
                            shape |= ShapeUpperFirst;
                        c |= 0x20;
                        allDigits = false;
                    } else if (ak == Digit) {
                        shape |= ShapeHasDigit;
                    } else if (c == u'\'' && i + 1 < n && i > t.start && classify(s[i + 1]) == Letter) {
                        allDigits = false; // apostrophe inside a word
                    } else {
                        break;
                    }
                    h = fnvStep(h, c);
                    ++i;
                    continue;
                }
                if (QChar::isHighSurrogate(c) && i + 1 < n && QChar::isLowSurrogate(s[i + 1])) {
                    const char32_t cp = QChar::surrogateToUcs4(c, s[i + 1]);
                    if (!(QChar::isLetter(cp) || QChar::isMark(cp) || QChar::isDigit(cp)))
                        break;
                    allDigits = false;
                    h = fnvStep(fnvStep(h, c), s[i + 1]);
                    i += 2;
                    continue;
                }
                const CharClass ck = classify(c);
                if (ck == Letter) {
                    const QChar qc(c);
                    if (qc.isUpper()) {
                        shape |= ShapeHasUpper;
                        if (i == t.start)
                            shape |= ShapeUpperFirst;
                    } else if (qc.isLower()) {
                        shape |= ShapeHasLower;
                    }
                    allDigits = false;
                } else if (ck == Digit) {
                    shape |= ShapeHasDigit;
                } else if (isApostrophe(c) && i + 1 < n && i > t.start && classify(s[i + 1]) == Letter) {
                    allDigits = false;
                } else {
                    break;
                }
                h = fnvStep(h, fold(c));
                ++i;
            }
            // The prefix index hashes the first three folded units (never half a surrogate pair).
            if (i - t.start >= 3 && !QChar::isSurrogate(s[t.start]) && !QChar::isSurrogate(s[t.start + 1])
                && !QChar::isSurrogate(s[t.start + 2]))
                t.prefixHash = quint32(fnvStep(fnvStep(fnvStep(kFnvOffset, fold(s[t.start])), fold(s[t.start + 1])), fold(s[t.start + 2])));
            if (allDigits)
                shape |= ShapeAllDigits;
            t.length = i - t.start;
            t.hash = h;
            t.shape = shape;
            tokens.push_back(t);
            gapNewlines = nlRun = gapHyphens = 0;
            gapOther = false;
            gapFlags = 0;
            pendingSentenceEnd = false;
            lineStart = false;
            listMarker = atLineStart && i < n && (s[i] == u'.' || s[i] == u')')
                         && (i + 1 >= n || isBlank(classify(s[i + 1]))) && isMarkerWord(s + t.start, t.length);
            continue;
        }

        // In a gap.
        switch (k) {
        case Space:
            if (pendingSentenceEnd) {
                gapFlags |= GapSentenceEnd | GapClauseEnd | GapInitial;
                pendingSentenceEnd = false;
            }
            break;
        case Newline:
            ++gapNewlines;
            lineStart = true;
            if (++nlRun == 2)
                paragraphBreak(i);
            gapFlags |= GapInitial;
            if (pendingSentenceEnd) {
                gapFlags |= GapSentenceEnd | GapClauseEnd;
                pendingSentenceEnd = false;
            }
            break;
        case Hyphen: {
            const bool blankAfter = i + 1 >= n || isBlank(classify(s[i + 1]));
            if (lineStart && blankAfter) {
                // "- item": a list marker
                gapOther = true;
                gapFlags |= GapInitial | GapClauseEnd;
            } else {
                ++gapHyphens;
                // " - " is a dash: it sets off a clause, as an en dash does (a phrase may still span it)
                if (blankAfter && i > 0 && isBlank(classify(s[i - 1])))
                    gapFlags |= GapClauseEnd;
            }
            lineStart = false;
            nlRun = 0;
            break;
        }
        case SentencePunct:
            gapOther = true;
            pendingSentenceEnd = true;
            lineStart = false;
            nlRun = 0;
            break;
        case ClausePunct:
            nlRun = 0;
            if (c == 0x2013 && i > 0 && i + 1 < n && classify(s[i - 1]) == Letter && classify(s[i + 1]) == Letter) {
                ++gapHyphens; // "non–compliant": an en dash typed (or autocorrected) for a hyphen
                lineStart = false;
                break;
            }
            gapOther = true;
            gapFlags |= GapClauseEnd;
            lineStart = lineStart && c == u'('; // "(a) item" may still be a list marker
            break;
        case Colon:
            gapOther = true;
            // "17:40" is a time, not a clause break; a colon before a space is.
            if (!(i + 1 < n && classify(s[i + 1]) == Digit))
                gapFlags |= GapClauseEnd | GapInitial;
            lineStart = false;
            nlRun = 0;
            break;
        case Comma:
            gapOther = true;
            // "1,000" is a number, not a clause break.
            if (!(i > 0 && i + 1 < n && classify(s[i - 1]) == Digit && classify(s[i + 1]) == Digit))
                gapFlags |= GapComma;
            lineStart = false;
            nlRun = 0;
            break;
        default: {
            gapOther = true;
            nlRun = 0;
            if (lineStart && isBullet(c) && (i + 1 >= n || isBlank(classify(s[i + 1]))))
                gapFlags |= GapInitial | GapClauseEnd; // "• item"
            lineStart = false;
            const char16_t prev = i > 0 ? s[i - 1] : u' ';
            const char16_t next = i + 1 < n ? s[i + 1] : u' ';
            const CharClass pk = classify(prev);
            const CharClass nk = classify(next);
            // An open single quote survives a double quote inside it (‘They called me “trouble”’).
            if (c == u'"') {
                if (q.doubleOpen >= 0) { quotes.push_back({q.doubleOpen, i + 1}); q.doubleOpen = -1; }
                else q.doubleOpen = i;
            } else if (c == 0x201C || c == 0x201E) {
                if (q.doubleOpen < 0) q.doubleOpen = i;
            } else if (c == 0x201D) {
                if (q.doubleOpen >= 0) { quotes.push_back({q.doubleOpen, i + 1}); q.doubleOpen = -1; }
            } else if (q.doubleOpen < 0 && (c == 0x2018 || isApostrophe(c))) {
                // A straight apostrophe before a digit is an elision ('90s), never an opening quote.
                const bool canOpen = !isWordChar(pk) && ((nk == Letter) || c == 0x2018);
                const bool canClose = q.singleOpen >= 0 && pk != Space && pk != Newline && !isWordChar(nk);
                if (canClose) { quotes.push_back({q.singleOpen, i + 1}); q.singleOpen = -1; }
                else if (canOpen && q.singleOpen < 0) q.singleOpen = i;
            }
            break;
        }
        }
        ++i;
    }
    if (q.doubleOpen >= 0)
        quotes.push_back({q.doubleOpen, n});
    // Nested quotations close inner first: sort, and keep only the outermost spans.
    if (!std::is_sorted(quotes.begin(), quotes.end(), [](const Span &a, const Span &b) { return a.start < b.start; })) {
        std::sort(quotes.begin(), quotes.end(), [](const Span &a, const Span &b) { return a.start < b.start; });
        std::vector<Span> outer;
        for (const Span &sp : quotes) {
            if (!outer.empty() && sp.start < outer.back().end)
                outer.back().end = std::max(outer.back().end, sp.end);
            else
                outer.push_back(sp);
        }
        quotes.swap(outer);
    }
}

qsizetype nextParagraphStart(QStringView text, qsizetype position)
{
    const char16_t *s = reinterpret_cast<const char16_t *>(text.utf16());
    const qsizetype n = text.size();
    bool afterNewline = false; // only spaces since the last line break
    for (qsizetype i = std::max<qsizetype>(0, position); i < n; ++i) {
        const CharClass k = classify(s[i]);
        if (k == Newline) {
            if (afterNewline)
                return i + 1;
            afterNewline = true;
        } else if (k != Space) {
            afterNewline = false;
        }
    }
    return n;
}

Span paragraphAround(QStringView text, qsizetype position)
{
    const char16_t *s = reinterpret_cast<const char16_t *>(text.utf16());
    const qsizetype n = text.size();
    position = std::clamp<qsizetype>(position, 0, n);
    qsizetype start = 0;
    qsizetype newline = -1; // a line break with only spaces between it and the scan point
    for (qsizetype i = position - 1; i >= 0; --i) {
        const CharClass k = classify(s[i]);
        if (k == Newline) {
            if (newline >= 0) {
                start = newline + 1;
                break;
            }
            newline = i;
        } else if (k != Space) {
            newline = -1;
        }
    }
    qsizetype end = n;
    newline = -1;
    for (qsizetype i = position; i < n; ++i) {
        const CharClass k = classify(s[i]);
        if (k == Newline) {
            if (newline >= 0) {
                end = newline;
                break;
            }
            newline = i;
        } else if (k != Space) {
            newline = -1;
        }
    }
    return {qint32(start), qint32(std::max(start, end))};
}

} // namespace fairnote::text
