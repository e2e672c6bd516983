// SPDX-FileCopyrightText: 2026 Fairnote contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// Word diff: the longest common subsequence of words and punctuation marks.
#include "training/worddiff.h"

#include <cstdint>

namespace fairnote::training {

namespace {

struct Unit
{
    QString key;  // the word folded to lower case, or the punctuation mark
    QString text; // as written, with the white space that follows it
};

bool isWordChar(QChar c) { return c.isLetterOrNumber() || c.isMark() || c == u'\'' || c == u'\u2019'; }

// Words and single punctuation marks, each carrying the white space after it. White space before the
// first unit is kept with it.
std::vector<Unit> units(const QString &s)
{
    std::vector<Unit> out;
    qsizetype i = 0;
    const qsizetype n = s.size();
    QString leading;
    while (i < n && s[i].isSpace())
        leading += s[i++];
    while (i < n) {
        const qsizetype start = i;
        if (isWordChar(s[i])) {
            while (i < n && isWordChar(s[i]))
                ++i;
        } else {
            ++i;
        }
        Unit u;
        u.key = s.mid(start, i - start).toCaseFolded();
        while (i < n && s[i].isSpace())
            ++i;
        u.text = s.mid(start, i - start);
        out.push_back(std::move(u));
    }
    if (!out.empty())
        out.front().text.prepend(leading);
    else if (!leading.isEmpty())
        out.push_back({QString(), leading});
    return out;
}

void append(std::vector<DiffPiece> &out, DiffPiece::Kind kind, const QString &text, const QString &second = {})
{
    if (text.isEmpty() && second.isEmpty())
        return;
    if (!out.empty() && out.back().kind == kind) {
        out.back().text += text;
        out.back().second += second;
    } else {
        out.push_back({kind, text, second});
    }
}

} // namespace

std::vector<DiffPiece> wordDiff(const QString &first, const QString &second)
{
    std::vector<DiffPiece> out;
    const std::vector<Unit> a = units(first), b = units(second);
    if (a.size() > size_t(kMaxDiffTokens) || b.size() > size_t(kMaxDiffTokens)) {
        if (first.simplified().compare(second.simplified(), Qt::CaseInsensitive) == 0) {
            append(out, DiffPiece::Kind::Same, first, second);
        } else {
            append(out, DiffPiece::Kind::OnlyFirst, first);
            append(out, DiffPiece::Kind::OnlySecond, second);
        }
        return out;
    }
    const size_t n = a.size(), m = b.size();
    // lcs[i][j]: the longest common subsequence of a[i…] and b[j…].
    std::vector<std::uint16_t> lcs((n + 1) * (m + 1), 0);
    auto at = [&](size_t i, size_t j) -> std::uint16_t & { return lcs[i * (m + 1) + j]; };
    for (size_t i = n; i-- > 0;)
        for (size_t j = m; j-- > 0;)
            at(i, j) = a[i].key == b[j].key ? std::uint16_t(at(i + 1, j + 1) + 1) : std::max(at(i + 1, j), at(i, j + 1));

    // Walk forward; inside each changed run, what only the first has comes before what replaces it.
    QString removed, added;
    auto flush = [&] {
        append(out, DiffPiece::Kind::OnlyFirst, removed);
        append(out, DiffPiece::Kind::OnlySecond, added);
        removed.clear();
        added.clear();
    };
    size_t i = 0, j = 0;
    while (i < n || j < m) {
        if (i < n && j < m && a[i].key == b[j].key) {
            flush();
            append(out, DiffPiece::Kind::Same, a[i].text, b[j].text);
            ++i;
            ++j;
        } else if (j >= m || (i < n && at(i + 1, j) >= at(i, j + 1))) {
            removed += a[i++].text;
        } else {
            added += b[j++].text;
        }
    }
    flush();
    return out;
}

} // namespace fairnote::training
