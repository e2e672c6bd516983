// SPDX-FileCopyrightText: 2026 Fairnote contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// Merging the wording and spelling findings, and keeping the merged list current on each edit.
#include "spelling/notecheck.h"

#include "spelling/spellchecker.h"

#include <algorithm>
#include <iterator>

namespace fairnote::spelling {

namespace {
bool byOffset(const Finding &a, const Finding &b) { return a.offset < b.offset; }
} // namespace

NoteCheck::NoteCheck(std::shared_ptr<const wording::Checker> checker) : m_wording(std::move(checker)) {}

NoteCheck::~NoteCheck() = default;

void NoteCheck::setChecker(std::shared_ptr<const wording::Checker> checker, QStringView text)
{
    m_wording = wording::IncrementalCheck(std::move(checker));
    reset(text);
}

void NoteCheck::setSpellChecker(std::shared_ptr<const spelling::SpellChecker> speller, QStringView text)
{
    m_speller = std::move(speller);
    rebuild(text);
}

void NoteCheck::setNames(const QStringList &names, QStringView text)
{
    if (names == m_names)
        return;
    m_names = names;
    rebuild(text);
}

void NoteCheck::reset(QStringView text)
{
    m_wording.reset(text);
    rebuild(text);
}

void NoteCheck::recheckSpelling(QStringView text) { rebuild(text); }

// The merged list from the wording check's findings and a full spelling check of `text`.
void NoteCheck::rebuild(QStringView text)
{
    m_findings.clear();
    m_maxLength = 0;
    if (!m_speller)
        return;
    m_spelling.clear();
    m_speller->check(text, 0, m_spelling, m_names, spelling::Suggestions::Skip);
    const std::vector<Finding> &wording = m_wording.findings();
    // Room to grow, so the first findings typed do not move the whole list to a new buffer.
    m_findings.reserve((wording.size() + m_spelling.size()) * 5 / 4 + 64);
    std::merge(wording.begin(), wording.end(), std::make_move_iterator(m_spelling.begin()),
               std::make_move_iterator(m_spelling.end()), std::back_inserter(m_findings), byOffset);
    for (const Finding &f : m_findings)
        m_maxLength = std::max(m_maxLength, f.length);
}

text::Span NoteCheck::edit(QStringView text, qsizetype position, qsizetype removed, qsizetype added)
{
    const text::Span range = m_wording.edit(text, position, removed, added);
    if (!m_speller)
        return range;

    // IncrementalCheck dropped every wording finding that overlapped the range before checking it,
    // so the ones there now are exactly the fresh ones.
    const std::span<const Finding> wording = m_wording.findingsIn(range.start, range.end);
    m_spelling.clear();
    m_speller->check(text.sliced(range.start, range.end - range.start), range.start, m_spelling, m_names,
                     spelling::Suggestions::Skip);
    m_fresh.clear();
    std::merge(wording.begin(), wording.end(), std::make_move_iterator(m_spelling.begin()),
               std::make_move_iterator(m_spelling.end()), std::back_inserter(m_fresh), byOffset);
    for (const Finding &f : m_fresh)
        m_maxLength = std::max(m_maxLength, f.length);

    // The findings to replace are those that overlap the re-checked range as it was before the edit,
    // [range.start, range.end - delta) in the old text: the range starts at or before the edit and
    // ends at or after it, so that also covers every finding that touched the replaced text. They
    // sit together in the sorted list, so only that slice is replaced and the offsets after it
    // moved, instead of moving every finding of a long note on each key.
    const qsizetype delta = added - removed;
    const qsizetype oldStart = range.start;
    const qsizetype oldEnd = range.end - delta;
    auto lo = std::lower_bound(m_findings.begin(), m_findings.end(), oldStart,
                               [](const Finding &f, qsizetype o) { return f.offset < o; });
    while (lo != m_findings.begin() && (lo - 1)->offset + (lo - 1)->length > oldStart)
        --lo;
    // A finding further back that still overlaps (one cannot, as findings do not cross a blank line,
    // but the list must stay exact): fall back to filtering the whole list.
    for (auto it = lo; it != m_findings.begin() && (it - 1)->offset + m_maxLength > oldStart; --it)
        if ((it - 1)->offset + (it - 1)->length > oldStart) {
            replaceAll(position, removed, added, range);
            return range;
        }
    auto hi = std::lower_bound(lo, m_findings.end(), oldEnd, [](const Finding &f, qsizetype o) { return f.offset < o; });
    for (auto it = hi; it != m_findings.end(); ++it)
        it->offset += delta;

    const size_t replaced = size_t(hi - lo);
    const size_t common = std::min(replaced, m_fresh.size());
    const auto at = std::move(m_fresh.begin(), m_fresh.begin() + qsizetype(common), lo);
    if (m_fresh.size() > replaced)
        m_findings.insert(at, std::make_move_iterator(m_fresh.begin() + qsizetype(common)),
                          std::make_move_iterator(m_fresh.end()));
    else
        m_findings.erase(at, at + qsizetype(replaced - common));
    return range;
}

// The general way, as IncrementalCheck::edit does it, with m_fresh already checked.
void NoteCheck::replaceAll(qsizetype position, qsizetype removed, qsizetype added, text::Span range)
{
    const qsizetype delta = added - removed;
    const qsizetype oldEditEnd = position + removed;
    std::erase_if(m_findings, [&](const Finding &f) { return f.offset < oldEditEnd && f.offset + f.length > position; });
    for (Finding &f : m_findings)
        if (f.offset >= oldEditEnd)
            f.offset += delta;
    std::erase_if(m_findings, [&](const Finding &f) { return f.offset < range.end && f.offset + f.length > range.start; });
    const auto at = std::lower_bound(m_findings.begin(), m_findings.end(), qsizetype(range.start),
                                     [](const Finding &f, qsizetype o) { return f.offset < o; });
    m_findings.insert(at, std::make_move_iterator(m_fresh.begin()), std::make_move_iterator(m_fresh.end()));
}

const std::vector<Finding> &NoteCheck::findings() const { return m_speller ? m_findings : m_wording.findings(); }

std::span<const Finding> NoteCheck::findingsIn(qsizetype start, qsizetype end) const
{
    if (!m_speller)
        return m_wording.findingsIn(start, end);
    // Sorted by offset; a finding that starts up to m_maxLength before `start` may still overlap it.
    auto first = std::lower_bound(m_findings.begin(), m_findings.end(), start,
                                  [](const Finding &f, qsizetype o) { return f.offset < o; });
    auto firstOverlap = first;
    for (auto it = first; it != m_findings.begin() && (it - 1)->offset + m_maxLength > start; --it)
        if ((it - 1)->offset + (it - 1)->length > start)
            firstOverlap = it - 1;
    first = firstOverlap;
    auto last = std::lower_bound(first, m_findings.end(), end, [](const Finding &f, qsizetype o) { return f.offset < o; });
    return {first, last};
}

} // namespace fairnote::spelling
