// SPDX-FileCopyrightText: 2026 Fairnote contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// Abbreviations and section references found by their shape, and the places a note spells them out.
#include "wording/abbreviations.h"

#include <algorithm>

using namespace Qt::StringLiterals;

namespace fairnote::wording {

using text::Token;

namespace {

constexpr int kMaxLetters = 5;        // longer all-capital words are emphasis or headings, not abbreviations
constexpr int kMaxDefinitionWords = 4; // words beyond the abbreviation's letters a definition may hold ("of", "and")

QStringView tokenText(QStringView text, const Token &t) { return text.sliced(t.start, t.length); }

QStringView gapText(QStringView text, std::span<const Token> tokens, size_t i)
{
    const qsizetype from = tokens[i - 1].start + tokens[i - 1].length;
    return text.sliced(from, tokens[i].start - from);
}

bool onlySpaces(QStringView gap)
{
    if (gap.isEmpty())
        return false;
    for (QChar c : gap)
        if (c != u' ' && c != u'\t' && c != QChar(0x00A0))
            return false;
    return true;
}

bool capitalised(const Token &t) { return (t.shape & text::ShapeUpperFirst) && (t.shape & text::ShapeHasLower); }

int upperLetters(QStringView w)
{
    int n = 0;
    for (QChar c : w)
        n += c.isUpper() ? 1 : 0;
    return n;
}

// The first letters of the words in text[from, to): each token, and each part of a hyphenated one.
QString initials(QStringView text, std::span<const Token> tokens, int from, int to)
{
    QString out;
    for (int t = from; t < to; ++t) {
        const QChar c = tokenText(text, tokens[size_t(t)]).front();
        if (c.isLetter())
            out += c.toUpper();
    }
    return out;
}

// True when the letters of `key` appear in order among `firsts`, starting at its first letter: "MARAC" in
// "MARAC" (Multi-Agency Risk Assessment Conference), "SFRS" in "SFARS" (Staffordshire Fire and Rescue Service).
bool spelledBy(QStringView key, QStringView firsts)
{
    QString letters;
    for (QChar c : key)
        if (c.isLetter())
            letters += c;
    if (letters.isEmpty() || firsts.isEmpty() || firsts.front() != letters.front())
        return false;
    qsizetype k = 0;
    for (QChar c : firsts)
        if (k < letters.size() && c == letters[k])
            ++k;
    return k == letters.size();
}

} // namespace

bool NoteContext::defines(QStringView key, qsizetype offset) const
{
    for (const Definition &d : definitions) {
        if (d.offset > offset)
            break;
        if (d.key == key)
            return true;
    }
    return false;
}

AbbreviationFinder::AbbreviationFinder(const Language &language)
{
    auto add = [&](const QStringList &words, WordKind kind) {
        for (const QString &w : words)
            m_kinds[text::foldedHash(text::foldString(w))] |= kind;
    };
    add(language.commonAbbreviations, Common);
    add(language.emphasisWords, Emphasis);
    add(language.sectionAbbreviations, SectionAbbreviation);
    add(language.sectionWords, SectionWord);
    m_suffixes = language.abbreviationSuffixes;
    std::sort(m_suffixes.begin(), m_suffixes.end(), [](const QString &a, const QString &b) { return a.size() > b.size(); });
    m_longestSuffix = m_suffixes.isEmpty() ? 0 : m_suffixes.front().size();
}

quint8 AbbreviationFinder::kindOf(QStringView word) const
{
    // foldedHash folds as it hashes, so the word needs no folded copy.
    const auto it = m_kinds.find(text::foldedHash(word));
    return it == m_kinds.end() ? 0 : it->second;
}

qsizetype AbbreviationFinder::suffixLength(QStringView word) const
{
    for (const QString &s : m_suffixes) {
        if (word.size() <= s.size() || word.back() != s.back())
            continue;
        // Compared as written: a suffix is in lower case ("MDTs", "DNA'd"), so the last capital of "NHS"
        // or "PRS" is part of the abbreviation, not an ending.
        if (word.last(s.size()) == s)
            return s.size();
    }
    return 0;
}

QString AbbreviationFinder::key(QStringView written) const
{
    QString out;
    // A section reference: a section word or abbreviation, then its number.
    qsizetype letters = 0;
    while (letters < written.size() && written[letters].isLetter())
        ++letters;
    if (letters > 0 && letters < written.size() && (kindOf(written.first(letters)) & (SectionAbbreviation | SectionWord))) {
        QString digits;
        for (QChar c : written.sliced(letters))
            if (c.isDigit())
                digits += c;
            else if (!digits.isEmpty())
                break;
        bool onlyPunctuation = true;
        for (QChar c : written.sliced(letters))
            onlyPunctuation = onlyPunctuation && (c.isDigit() || c == u'.' || c.isSpace());
        if (!digits.isEmpty() && onlyPunctuation)
            return u"S"_s + digits;
    }
    written.chop(suffixLength(written));
    for (QChar c : written)
        if (c.isLetterOrNumber() || c == u'&')
            out += c.toUpper();
    return out;
}

void AbbreviationFinder::scan(QStringView text, std::span<const Token> tokens, qsizetype baseOffset,
                              std::vector<AbbreviationHit> &hits, std::vector<Definition> &definitions) const
{
    const size_t n = tokens.size();
    // The core of token i when it is written in capitals, with an allowed suffix ("MDTs", "DNA'd"); empty if not.
    auto upperCore = [&](size_t i) -> QStringView {
        const Token &t = tokens[i];
        if (!(t.shape & text::ShapeHasUpper))
            return {};
        QStringView w = tokenText(text, t);
        if (t.shape & text::ShapeHasLower) {
            // Most such words are ordinary capitalised ones ("The", "Sarah"): their first lower-case
            // letter is too far from the end for the rest to be a suffix.
            qsizetype firstLower = 0;
            while (firstLower < w.size() && !w[firstLower].isLower())
                ++firstLower;
            if (w.size() - firstLower > m_longestSuffix)
                return {};
            const qsizetype s = suffixLength(w);
            if (s == 0)
                return {};
            w.chop(s);
            for (QChar c : w)
                if (c.isLower())
                    return {};
        }
        return w;
    };
    auto joinedInChunk = [&](size_t i) { // token i continues a chunk: one '&', '/' or '.' and nothing else
        const QStringView g = gapText(text, tokens, i);
        return g.size() == 1 && (g[0] == u'&' || g[0] == u'/' || g[0] == u'.');
    };
    auto isDigits = [&](size_t i) { return (tokens[i].shape & text::ShapeAllDigits) != 0; };

    for (size_t i = 0; i < n; ++i) {
        const Token &t = tokens[i];
        // "section 21": the spelled-out form, which defines "s.21" from here on.
        if (i + 1 < n && isDigits(i + 1) && (t.shape & text::ShapeHasLower) && onlySpaces(gapText(text, tokens, i + 1))
            && (kindOf(tokenText(text, t)) & SectionWord)) {
            definitions.push_back({u"S"_s + tokenText(text, tokens[i + 1]).toString(), baseOffset + t.start});
            continue;
        }
        // "s.21", "s. 21", "ss.184": a section abbreviation and its number.
        if (i + 1 < n && isDigits(i + 1) && !(t.shape & text::ShapeHasDigit)
            && (kindOf(tokenText(text, t)) & SectionAbbreviation)) {
            const QStringView g = gapText(text, tokens, i + 1);
            if (g == u"." || g == u". ") {
                hits.push_back({int(i), int(i) + 2, true, u"S"_s + tokenText(text, tokens[i + 1]).toString()});
                ++i;
                continue;
            }
        }
        // "S21", "s21": one token.
        if ((t.shape & text::ShapeHasDigit) && !(t.shape & text::ShapeAllDigits)) {
            const QStringView w = tokenText(text, t);
            qsizetype letters = 0;
            while (letters < w.size() && w[letters].isLetter())
                ++letters;
            bool digitsAfter = letters > 0 && letters < w.size();
            for (qsizetype k = letters; k < w.size() && digitsAfter; ++k)
                digitsAfter = w[k].isDigit();
            if (digitsAfter && (kindOf(w.first(letters)) & SectionAbbreviation)) {
                hits.push_back({int(i), int(i) + 1, true, u"S"_s + w.sliced(letters).toString()});
                continue;
            }
        }

        // A chunk of capitals: "MDT", "S/U", "N.F.A.", "A&E", "MDTs".
        if (upperCore(i).isEmpty())
            continue;
        size_t j = i + 1;
        while (j < n && joinedInChunk(j) && !upperCore(j).isEmpty() && !(tokens[j - 1].shape & text::ShapeHasLower))
            ++j;
        const Token &last = tokens[j - 1];
        const QStringView written = text.sliced(t.start, last.start + last.length - t.start);
        int letters = 0;
        for (size_t k = i; k < j; ++k)
            letters += upperLetters(upperCore(k));
        const bool oneLetterAlone = j == i + 1 && letters < 2;
        const size_t first = i;
        i = j - 1;
        if (oneLetterAlone || letters < 2)
            continue;
        const QString key = this->key(written);

        // Definitions: "Team (MDT)" after words whose initials spell it; "MDT (multi-disciplinary team)".
        const bool inBrackets = first > 0 && gapText(text, tokens, first).endsWith(u'(') && j < n
                                && gapText(text, tokens, j).startsWith(u')');
        if (inBrackets) {
            const int from = std::max(0, int(first) - int(key.size()) - kMaxDefinitionWords);
            int start = int(first);
            while (start > from && !(tokens[size_t(start)].gapBefore & text::GapSentenceEnd)
                   && (start == int(first) || !(tokens[size_t(start)].gapBefore & text::GapClauseEnd)))
                --start;
            // The words spelling it out end just before the bracket: try every start, nearest first.
            bool defined = false;
            for (int s = int(first) - 1; s >= start && !defined; --s)
                defined = spelledBy(key, initials(text, tokens, s, int(first)));
            if (defined) {
                definitions.push_back({key, baseOffset + t.start});
                continue;
            }
        }
        if (j < n && gapText(text, tokens, j).trimmed() == u"(") {
            int to = int(j);
            while (to < int(n) && to < int(j) + int(key.size()) + kMaxDefinitionWords
                   && (to == int(j) || !(tokens[size_t(to)].gapBefore & text::GapClauseEnd)))
                ++to;
            if (upperCore(j).isEmpty() && spelledBy(key, initials(text, tokens, int(j), to))) {
                definitions.push_back({key, baseOffset + t.start});
                continue;
            }
        }

        // Not shorthand to flag: read by everyone, a word in capitals for emphasis, part of a heading or
        // shouting (a run of capitals), or part of a name (beside a capitalised word).
        const QStringView core = written.first(written.size() - suffixLength(written));
        const quint8 kind = kindOf(core) | kindOf(key);
        if (kind & (Common | Emphasis))
            continue;
        if (letters > kMaxLetters)
            continue;
        auto runWord = [&](size_t k) { // an all-capital word of two or more letters
            const QStringView c = upperCore(k);
            return !c.isEmpty() && upperLetters(c) >= 2;
        };
        auto spaced = [&](size_t k) { return onlySpaces(gapText(text, tokens, k)); }; // tokens k-1 and k
        int run = 1;
        bool loudNeighbour = false;
        for (size_t k = first; k > 0 && spaced(k) && runWord(k - 1); --k) {
            ++run;
            loudNeighbour = loudNeighbour || upperLetters(upperCore(k - 1)) > kMaxLetters
                            || (kindOf(upperCore(k - 1)) & Emphasis);
        }
        for (size_t k = j; k < n && spaced(k) && runWord(k); ++k) {
            ++run;
            loudNeighbour = loudNeighbour || upperLetters(upperCore(k)) > kMaxLetters
                            || (kindOf(upperCore(k)) & Emphasis);
        }
        if (run >= 3 || loudNeighbour)
            continue;
        // A capitalised word before it that starts no sentence, and is not a possessive ("Kowalczyk's PEEP").
        const QStringView before = first > 0 ? tokenText(text, tokens[first - 1]) : QStringView();
        const bool nameBefore = first > 0 && spaced(first) && capitalised(tokens[first - 1])
                                && !(tokens[first - 1].gapBefore & text::GapInitial) && !before.endsWith(u"'s")
                                && !before.endsWith(u"’s");
        const bool nameAfter = j < n && spaced(j) && capitalised(tokens[j]) && !(tokens[j].gapBefore & text::GapInitial);
        if (nameBefore || nameAfter)
            continue;
        hits.push_back({int(first), int(j), false, key});
    }
}

} // namespace fairnote::wording
