// SPDX-FileCopyrightText: 2026 Fairnote contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// IncrementalCheck: shift the findings after an edit, re-check only the touched paragraphs.
#include "wording/incrementalcheck.h"

#include <algorithm>

namespace fairnote::wording {

IncrementalCheck::IncrementalCheck(std::shared_ptr<const Checker> checker) : m_checker(std::move(checker)) {}

const std::vector<Finding> &IncrementalCheck::reset(QStringView text)
{
    m_findings.clear();
    m_note.definitions.clear();
    m_checker->check(text, 0, m_findings, &m_note);
    for (const Finding &f : m_findings)
        m_maxLength = std::max(m_maxLength, f.length);
    return m_findings;
}

text::Span IncrementalCheck::edit(QStringView text, qsizetype position, qsizetype removed, qsizetype added)
{
    const qsizetype delta = added - removed;
    const qsizetype oldEditEnd = position + removed;
    // Findings that touch the replaced text are gone, whatever the paragraph does; the rest of the
    // old text after the edit moves by delta.
    std::erase_if(m_findings, [&](const Finding &f) { return f.offset < oldEditEnd && f.offset + f.length > position; });
    for (Finding &f : m_findings)
        if (f.offset >= oldEditEnd)
            f.offset += delta;

    // Every paragraph the edit touches: it may have joined two paragraphs or split one. Their findings
    // are checked again from scratch.
    const text::Span a = text::paragraphAround(text, position);
    const text::Span b = text::paragraphAround(text, std::min<qsizetype>(position + added, text.size()));
    const text::Span range{std::min(a.start, b.start), std::max(a.end, b.end)};
    std::erase_if(m_findings, [&](const Finding &f) { return f.offset < range.end && f.offset + f.length > range.start; });

    // The note's definitions: those before the range stay, those in it are found again, those after it
    // move by delta.
    auto &defs = m_note.definitions;
    std::vector<Definition> oldInRange, after;
    NoteContext note;
    for (Definition &d : defs) {
        if (d.offset >= oldEditEnd)
            d.offset += delta;
        if (d.offset < range.start)
            note.definitions.push_back(std::move(d));
        else if (d.offset < range.end)
            oldInRange.push_back(std::move(d));
        else
            after.push_back(std::move(d));
    }
    const size_t before = note.definitions.size();

    m_fresh.clear();
    m_checker->check(text.sliced(range.start, range.end - range.start), range.start, m_fresh, &note);

    // The same abbreviations defined as before: the rest of the note reads as it did.
    auto keys = [](auto first, auto last) {
        QStringList k;
        for (auto it = first; it != last; ++it)
            k << it->key;
        k.sort();
        return k;
    };
    if (keys(note.definitions.begin() + qsizetype(before), note.definitions.end()) != keys(oldInRange.begin(), oldInRange.end())) {
        const qint32 start = range.start;
        m_findings.erase(std::lower_bound(m_findings.begin(), m_findings.end(), start,
                                          [](const Finding &f, qsizetype o) { return f.offset < o; }),
                         m_findings.end());
        m_fresh.clear();
        note.definitions.resize(before);
        m_checker->check(text.sliced(start), start, m_fresh, &note);
        m_findings.insert(m_findings.end(), m_fresh.begin(), m_fresh.end());
        for (const Finding &f : m_fresh)
            m_maxLength = std::max(m_maxLength, f.length);
        m_note = std::move(note);
        return text::Span{start, qint32(text.size())};
    }
    note.definitions.insert(note.definitions.end(), std::make_move_iterator(after.begin()), std::make_move_iterator(after.end()));
    m_note = std::move(note);
    const auto at = std::lower_bound(m_findings.begin(), m_findings.end(), qsizetype(range.start),
                                     [](const Finding &f, qsizetype o) { return f.offset < o; });
    m_findings.insert(at, m_fresh.begin(), m_fresh.end());
    for (const Finding &f : m_fresh)
        m_maxLength = std::max(m_maxLength, f.length);
    return range;
}

std::span<const Finding> IncrementalCheck::findingsIn(qsizetype start, qsizetype end) const
{
    // Findings are sorted by offset; one that starts up to m_maxLength before `start` may still
    // overlap it, so step back over those.
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

} // namespace fairnote::wording
