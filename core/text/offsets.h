// SPDX-FileCopyrightText: 2026 Fairnote contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// Converts UTF-16 offsets (QString indices, used everywhere inside Fairnote) to code points and
// 1-based line/column positions for tools outside it.
#pragma once

#include <QStringView>
#include <vector>

namespace fairnote::text {

struct Position
{
    qsizetype offsetCp = 0; // 0-based offset in Unicode code points
    int line = 1;           // 1-based
    int column = 1;         // 1-based, in code points
};

// An index over one text. Lines end at LF; CR LF counts as one line end. Not thread-safe to build,
// safe to query from several threads once built. The text must outlive the index. Building it is one
// pass over the text; it keeps a code-point count every 256 UTF-16 units, so a query costs the same on
// a 50 KB line as on a short one.
class OffsetIndex
{
public:
    explicit OffsetIndex(QStringView text);

    // Position of a UTF-16 offset (0..text.size()). O(log lines + 256).
    Position position(qsizetype offsetUtf16) const;
    // Number of code points in text[offsetUtf16, offsetUtf16 + lengthUtf16). O(lengthUtf16).
    qsizetype codePoints(qsizetype offsetUtf16, qsizetype lengthUtf16) const;
    // The text of a 1-based line, without its line end.
    QStringView lineText(int line) const;
    // The UTF-16 offset where a 1-based line starts (text.size() past the last line).
    qsizetype lineStart(int line) const;

private:
    // Code points in text[0, offsetUtf16). O(256).
    qsizetype codePointsBefore(qsizetype offsetUtf16) const;

    QStringView m_text;
    std::vector<qsizetype> m_lineStarts;   // UTF-16 offset where each line starts
    std::vector<qsizetype> m_lineStartsCp; // the same in code points
    std::vector<qsizetype> m_checkpointsCp; // code points before each multiple of kCheckpoint
    qsizetype m_totalCp = 0;
};

} // namespace fairnote::text
