// SPDX-FileCopyrightText: 2026 Fairnote contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// IncrementalCheck: keeps a document's findings current as it is edited, re-checking only the
// paragraphs an edit touched. The editor uses it; it has no widget in it, so it is tested headless.
#pragma once

#include "text/tokenizer.h"
#include "wording/checker.h"

#include <memory>
#include <span>
#include <vector>

namespace fairnote::wording {

// Not thread-safe: one instance per document, used from one thread.
class IncrementalCheck
{
public:
    explicit IncrementalCheck(std::shared_ptr<const Checker> checker);

    // Checks the whole text. Returns the findings.
    const std::vector<Finding> &reset(QStringView text);

    // Call after an edit: `text` is the new document; characters [position, position + removed) of the
    // old text were replaced by `added` characters. Re-checks the paragraphs (blank-line delimited)
    // the edit touched and returns the UTF-16 range of the new text whose findings were replaced. When
    // the edit changes which abbreviations the note spells out ("Multi-Disciplinary Team (MDT)"), the
    // rest of the note after it is re-checked too, and the range says so.
    text::Span edit(QStringView text, qsizetype position, qsizetype removed, qsizetype added);

    // All findings, sorted by offset (UTF-16 offsets into the current text).
    const std::vector<Finding> &findings() const { return m_findings; }
    // Findings that overlap [start, end).
    std::span<const Finding> findingsIn(qsizetype start, qsizetype end) const;

    const Checker &checker() const { return *m_checker; }

private:
    std::shared_ptr<const Checker> m_checker;
    std::vector<Finding> m_findings;
    std::vector<Finding> m_fresh; // reused buffer
    NoteContext m_note;           // the abbreviations the note spells out, at their offsets
    qsizetype m_maxLength = 0;    // the longest finding seen, bounds the overlap search
};

} // namespace fairnote::wording
