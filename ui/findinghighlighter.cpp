// SPDX-FileCopyrightText: 2026 Fairnote contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// Maps findings (document offsets) onto the block being highlighted.
#include "findinghighlighter.h"

#include "findingfilter.h"
#include "findingformat.h"
#include "spelling/notecheck.h"

#include <QGuiApplication>
#include <QPalette>
#include <algorithm>

namespace fairnote::ui {

FindingHighlighter::FindingHighlighter(QTextDocument *document) : QSyntaxHighlighter(document)
{
    setPalette(QGuiApplication::palette());
}

void FindingHighlighter::setSource(const NoteCheck *check, const FindingFilter *filter, const void *scope)
{
    m_scope = scope;
    m_check = check;
    m_filter = filter;
}

void FindingHighlighter::setPalette(const QPalette &palette)
{
    for (const Severity s : {Severity::Info, Severity::Warning, Severity::Error})
        m_formats[static_cast<size_t>(s)] = squiggleFormat(s, palette);
    m_spelling = spellingFormat(palette);
    m_possibleName = possibleNameFormat(palette);
}

// Underlines the part of each visible finding that lies in this block. A finding may start in an
// earlier block or end in a later one ("kicked\noff"), so each is clipped to the block. Where two
// wording findings overlap, the more severe one is drawn last so its colour shows. Spelling is drawn
// after the wording, keeping the wording's wash under a misspelt word inside flagged wording.
void FindingHighlighter::highlightBlock(const QString &text)
{
    if (!m_check)
        return;
    const qsizetype blockStart = currentBlock().position();
    const qsizetype blockEnd = blockStart + text.size();
    const auto found = m_check->findingsIn(blockStart, blockStart + currentBlock().length());
    if (found.empty())
        return;

    std::vector<const Finding *> wording;
    std::vector<const Finding *> spelling;
    wording.reserve(found.size());
    for (const Finding &f : found)
        if (!m_filter || !m_filter->hides(f, m_scope))
            (isSpelling(f) ? spelling : wording).push_back(&f);
    std::stable_sort(wording.begin(), wording.end(),
                     [](const Finding *a, const Finding *b) { return a->severity < b->severity; });

    auto clip = [&](const Finding *f) {
        return std::pair<int, int>(int(std::max(f->offset, blockStart) - blockStart),
                                   int(std::min(f->offset + f->length, blockEnd) - blockStart));
    };
    for (const Finding *f : wording) {
        const auto [start, end] = clip(f);
        if (end > start)
            setFormat(start, end - start, m_formats[static_cast<size_t>(f->severity)]);
    }
    for (const Finding *f : spelling) {
        const auto [start, end] = clip(f);
        if (end <= start)
            continue;
        const QTextCharFormat &mark = isPossibleName(*f) ? m_possibleName : m_spelling;
        if (wording.empty()) {
            setFormat(start, end - start, mark);
            continue;
        }
        for (int i = start; i < end; ++i) {
            QTextCharFormat merged = format(i);
            merged.merge(mark);
            setFormat(i, 1, merged);
        }
    }
}

} // namespace fairnote::ui
