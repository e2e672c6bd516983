// SPDX-FileCopyrightText: 2026 Fairnote contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// Line/column and code-point positions for UTF-16 offsets.
#include "text/offsets.h"

#include <algorithm>

namespace fairnote::text {

namespace {
constexpr qsizetype kCheckpoint = 256;
}

static qsizetype countCodePoints(QStringView s)
{
    qsizetype n = 0;
    for (qsizetype i = 0; i < s.size(); ++i) {
        // A low surrogate after a high surrogate is the second half of one code point.
        if (s[i].isLowSurrogate() && i > 0 && s[i - 1].isHighSurrogate())
            continue;
        ++n;
    }
    return n;
}

OffsetIndex::OffsetIndex(QStringView text) : m_text(text)
{
    m_lineStarts.push_back(0);
    m_lineStartsCp.push_back(0);
    qsizetype cp = 0;
    m_checkpointsCp.reserve(size_t(text.size() / kCheckpoint) + 1);
    for (qsizetype i = 0; i < text.size(); ++i) {
        if (i % kCheckpoint == 0)
            m_checkpointsCp.push_back(cp);
        const QChar c = text[i];
        if (!(c.isLowSurrogate() && i > 0 && text[i - 1].isHighSurrogate()))
            ++cp;
        if (c == u'\n') {
            m_lineStarts.push_back(i + 1);
            m_lineStartsCp.push_back(cp);
        }
    }
    m_totalCp = cp;
}

qsizetype OffsetIndex::codePointsBefore(qsizetype offset) const
{
    if (offset >= m_text.size())
        return m_totalCp;
    const size_t k = size_t(offset / kCheckpoint);
    qsizetype cp = m_checkpointsCp[k];
    for (qsizetype i = qsizetype(k) * kCheckpoint; i < offset; ++i)
        if (!(m_text[i].isLowSurrogate() && i > 0 && m_text[i - 1].isHighSurrogate()))
            ++cp;
    return cp;
}

Position OffsetIndex::position(qsizetype offset) const
{
    offset = std::clamp<qsizetype>(offset, 0, m_text.size());
    const auto it = std::upper_bound(m_lineStarts.begin(), m_lineStarts.end(), offset);
    const auto line = static_cast<size_t>(it - m_lineStarts.begin() - 1);
    const qsizetype cp = codePointsBefore(offset);
    const qsizetype col = cp - m_lineStartsCp[line];
    return Position{cp, static_cast<int>(line) + 1, static_cast<int>(col) + 1};
}

qsizetype OffsetIndex::lineStart(int line) const
{
    if (line < 1)
        return 0;
    if (static_cast<size_t>(line) > m_lineStarts.size())
        return m_text.size();
    return m_lineStarts[static_cast<size_t>(line) - 1];
}

qsizetype OffsetIndex::codePoints(qsizetype offset, qsizetype length) const
{
    offset = std::clamp<qsizetype>(offset, 0, m_text.size());
    length = std::clamp<qsizetype>(length, 0, m_text.size() - offset);
    return countCodePoints(m_text.sliced(offset, length));
}

QStringView OffsetIndex::lineText(int line) const
{
    if (line < 1 || static_cast<size_t>(line) > m_lineStarts.size())
        return {};
    const qsizetype start = m_lineStarts[static_cast<size_t>(line) - 1];
    qsizetype end = static_cast<size_t>(line) < m_lineStarts.size() ? m_lineStarts[static_cast<size_t>(line)] - 1
                                                                      : m_text.size();
    if (end > start && m_text[end - 1] == u'\r')
        --end;
    return m_text.sliced(start, end - start);
}

} // namespace fairnote::text
