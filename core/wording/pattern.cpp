// SPDX-FileCopyrightText: 2026 Fairnote contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// Pattern parsing and expansion.
#include "wording/pattern.h"

#include "text/tokenizer.h"
#include "wording/morphology.h"

using namespace Qt::StringLiterals;

namespace fairnote::wording {

namespace {

constexpr size_t kMaxSequences = 4096;

bool isVowel(QChar c) { return QStringView(u"aeiou").contains(c); }

bool isWordChar(QChar c) { return c.isLetterOrNumber() || c.isMark() || c == u'\'' || c == QChar(0x2019); }

// One alternative ("non-compliant~") → its word sequences (split and joined forms).
Result<std::vector<WordSequence>, QString> expandWord(QStringView word, const Morphology *morphology)
{
    bool inflect = false;
    bool prefix = false;
    bool family = false;
    if (word.endsWith(u'~')) { inflect = true; word.chop(1); }
    else if (word.endsWith(u'^')) { inflect = family = true; word.chop(1); }
    else if (word.endsWith(u'*')) { prefix = true; word.chop(1); }
    if (word.isEmpty())
        return u"an empty word"_s;
    for (QChar c : word) {
        if (!isWordChar(c) && c != u'-') {
            if (c == u'~' || c == u'*' || c == u'^')
                return u"'%1' may only end a word"_s.arg(c);
            return u"'%1' is not allowed in a pattern (letters, digits, apostrophes, hyphens, ~ ^ * ( | ) ? only)"_s.arg(c);
        }
    }
    const QStringList parts = word.toString().split(u'-');
    for (const QString &p : parts)
        if (p.isEmpty())
            return u"a hyphen must stand between two letters (\"%1\")"_s.arg(word);
    if (prefix && parts.constLast().size() < 3)
        return u"'*' needs at least 3 letters before it (\"%1*\")"_s.arg(word);

    // Each form of the last part; then the split sequence and the joined word.
    const QString last = text::foldString(parts.constLast());
    QStringList lastForms;
    if (inflect) {
        const QStringList bases = (family && morphology) ? morphology->family(last) : QStringList{last};
        for (const QString &base : bases)
            lastForms << inflections(base);
        lastForms.removeDuplicates();
    } else {
        lastForms << last;
    }
    std::vector<WordSequence> out;
    for (const QString &form : lastForms) {
        WordSequence split;
        QString joined;
        QString joinedLiteral;
        for (qsizetype i = 0; i + 1 < parts.size(); ++i) {
            split.push_back({text::foldString(parts[i]), false, parts[i]});
            joined += text::foldString(parts[i]);
            joinedLiteral += parts[i];
        }
        const QString lastLiteral = inflect ? form : parts.constLast();
        split.push_back({form, prefix, lastLiteral});
        out.push_back(split);
        if (parts.size() > 1)
            out.push_back({WordKey{joined + form, prefix, joinedLiteral + lastLiteral}});
    }
    return out;
}

} // namespace

QStringList inflections(const QString &w)
{
    QStringList f{w, w + u"s"_s, w + u"es"_s, w + u"ed"_s, w + u"d"_s, w + u"ing"_s, w + u"'s"_s, w + u"s'"_s};
    const qsizetype n = w.size();
    if (n >= 2 && w.endsWith(u'e'))
        f << w.chopped(1) + u"ing"_s;
    if (n >= 3 && w.endsWith(u"ie"_s))
        f << w.chopped(2) + u"ying"_s;
    if (n >= 2 && w.endsWith(u'y') && !isVowel(w[n - 2]))
        f << w.chopped(1) + u"ies"_s << w.chopped(1) + u"ied"_s;
    if (n >= 2 && w.endsWith(u's'))
        f << w + u"'"_s;
    if (n >= 3 && !isVowel(w[n - 1]) && !QStringView(u"wxy").contains(w[n - 1]) && isVowel(w[n - 2])
        && !isVowel(w[n - 3]))
        f << w + w[n - 1] + u"ed"_s << w + w[n - 1] + u"ing"_s;
    f.removeDuplicates();
    return f;
}

namespace {

// The pattern grammar's one parser. With Materialise, every word sequence is built; without, only
// counted (validation needs the count and the problems, not the sequences, and building them is most of
// a pack's load time).
template <bool Materialise>
Result<std::pair<std::vector<WordSequence>, size_t>, QString> expand(QStringView pattern, const Morphology *morphology)
{
    if (pattern.trimmed().isEmpty())
        return u"the pattern is empty"_s;
    if (pattern != pattern.trimmed() || pattern.contains(u"  "_s))
        return u"words must be separated by single spaces, with none at either end"_s;

    std::vector<WordSequence> acc;
    if constexpr (Materialise)
        acc.emplace_back();
    size_t count = 1;
    bool anyRequired = false;
    qsizetype i = 0;
    while (i < pattern.size()) {
        qsizetype end = i;
        std::vector<std::vector<WordSequence>> choices; // each alternative's sequences
        bool optional = false;
        if (pattern[i] == u'(') {
            const qsizetype close = pattern.indexOf(u')', i);
            const qsizetype nextOpen = pattern.indexOf(u'(', i + 1);
            if (close < 0 || (nextOpen >= 0 && nextOpen < close))
                return u"unbalanced parenthesis at character %1"_s.arg(i + 1);
            const QStringView inner = pattern.sliced(i + 1, close - i - 1);
            if (inner.contains(u' '))
                return u"alternatives in ( ) must be single words; write a second pattern for a phrase"_s;
            for (QStringView alt : inner.split(u'|')) {
                auto e = expandWord(alt, morphology);
                if (!e)
                    return e.error();
                choices.push_back(std::move(*e));
            }
            end = close + 1;
            if (end < pattern.size() && pattern[end] == u'?') {
                optional = true;
                ++end;
            }
            if (end < pattern.size() && pattern[end] != u' ')
                return u"a space must follow ')' at character %1"_s.arg(end + 1);
        } else {
            end = pattern.indexOf(u' ', i);
            if (end < 0)
                end = pattern.size();
            const QStringView word = pattern.sliced(i, end - i);
            if (word.contains(u'(') || word.contains(u')') || word.contains(u'|') || word.contains(u'?'))
                return u"'(', ')', '|' and '?' belong to an alternative group such as (a|an)?"_s;
            auto e = expandWord(word, morphology);
            if (!e)
                return e.error();
            choices.push_back(std::move(*e));
        }
        anyRequired = anyRequired || !optional;

        size_t forms = 0;
        for (const auto &alt : choices)
            forms += alt.size();
        const size_t next = (optional ? count : 0) + count * forms;
        if (next > kMaxSequences)
            return u"the pattern expands to more than %1 phrases; split it"_s.arg(kMaxSequences);
        count = next;
        if constexpr (Materialise) {
            std::vector<WordSequence> grown;
            grown.reserve(next);
            if (optional)
                grown = acc;
            for (const WordSequence &prefix : acc) {
                for (const auto &alt : choices) {
                    for (const WordSequence &seq : alt) {
                        WordSequence s;
                        s.reserve(prefix.size() + seq.size());
                        s.insert(s.end(), prefix.begin(), prefix.end());
                        s.insert(s.end(), seq.begin(), seq.end());
                        grown.push_back(std::move(s));
                    }
                }
            }
            acc = std::move(grown);
        }
        i = end + 1; // skip the separating space
    }
    if (!anyRequired)
        return u"a pattern needs at least one word that is not optional"_s;
    return std::pair{std::move(acc), count};
}

} // namespace

Result<std::vector<WordSequence>, QString> expandPattern(QStringView pattern, const Morphology *morphology)
{
    auto e = expand<true>(pattern, morphology);
    if (!e)
        return e.error();
    return std::move(e->first);
}

Result<size_t, QString> countPattern(QStringView pattern, const Morphology *morphology)
{
    auto e = expand<false>(pattern, morphology);
    if (!e)
        return e.error();
    return e->second;
}

} // namespace fairnote::wording
