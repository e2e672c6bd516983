// SPDX-FileCopyrightText: 2026 Fairnote contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// Maps findings (document offsets) onto the block being highlighted.
#include "findinghighlighter.h"

#include "findingfilter.h"
#include "findingformat.h"
#include "wording/incrementalcheck.h"

#include <QGuiApplication>
#include <QPalette>
#include <algorithm>

namespace fairnote::ui {

FindingHighlighter::FindingHighlighter(QTextDocument *document) : QSyntaxHighlighter(document)
{
    setPalette(QGuiApplication::palette());
}

void FindingHighlighter::setSource(const wording::IncrementalCheck *check, const FindingFilter *filter)
{
    m_check = check;
    m_filter = filter;
}

void FindingHighlighter::setPalette(const QPalette &palette)
{
    for (const Severity s : {Severity::Info, Severity::Warning, Severity::Error})
        m_formats[static_cast<size_t>(s)] = squiggleFormat(s, palette);
}

// Underlines the part of each visible finding that lies in this block. A finding may start in an
// earlier block or end in a later one ("kicked\noff"), so each is clipped to the block. Where two
// findings overlap, the more severe one is drawn last so its colour shows.
void FindingHighlighter::highlightBlock(const QString &text)
{
    if (!m_check)
        return;
    const qsizetype blockStart = currentBlock().position();
    const qsizetype blockEnd = blockStart + text.size();
    const auto found = m_check->findingsIn(blockStart, blockStart + currentBlock().length());
    if (found.empty())
        return;

    std::vector<const Finding *> shown;
    shown.reserve(found.size());
    for (const Finding &f : found)
        if (!m_filter || !m_filter->hides(f))
            shown.push_back(&f);
    std::stable_sort(shown.begin(), shown.end(),
                     [](const Finding *a, const Finding *b) { return a->severity < b->severity; });

    for (const Finding *f : shown) {
        const qsizetype start = std::max(f->offset, blockStart);
        const qsizetype end = std::min(f->offset + f->length, blockEnd);
        if (end <= start)
            continue;
        setFormat(int(start - blockStart), int(end - start), m_formats[static_cast<size_t>(f->severity)]);
    }
}

} // namespace fairnote::ui
