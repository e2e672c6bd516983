// SPDX-FileCopyrightText: 2026 Fairnote contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// NoteCheck: a note's wording and spelling findings as one sorted list, kept current paragraph by paragraph
// (the editor's live check; QtCore only, so it lives in core and is tested without widgets).
#pragma once

#include "text/tokenizer.h"
#include "wording/finding.h"
#include "wording/incrementalcheck.h"

#include <QStringList>
#include <memory>
#include <span>
#include <vector>

namespace fairnote::spelling {

class SpellChecker;

// Wraps the wording IncrementalCheck and, when a spell checker is set, checks the spelling of the
// same paragraphs on each edit (the range IncrementalCheck::edit returns) and merges the two lists.
// Neither check has context across a blank line, so the merged list always equals a full wording
// check merged with a full spelling check (tested). At the same offset the wording finding comes
// first, as in fairnote-cli.
// Spelling is checked with Suggestions::Skip: suggestions take milliseconds per word and are asked
// for only when a menu or the findings panel shows them (SpellingSuggestions).
// Not thread-safe: one per editor, used from the UI thread.
class NoteCheck
{
public:
    explicit NoteCheck(std::shared_ptr<const wording::Checker> checker);
    ~NoteCheck();

    // Each of these checks `text` again as needed: all of it for a new checker or text, its
    // spelling only for a new spell checker or new names.
    void setChecker(std::shared_ptr<const wording::Checker> checker, QStringView text);
    void setSpellChecker(std::shared_ptr<const spelling::SpellChecker> speller, QStringView text);
    void setNames(const QStringList &names, QStringView text);
    void reset(QStringView text);
    // Checks the spelling of the whole text again (after a word was added to the dictionary).
    void recheckSpelling(QStringView text);

    // As IncrementalCheck::edit: re-checks the paragraphs the edit touched and returns their range.
    text::Span edit(QStringView text, qsizetype position, qsizetype removed, qsizetype added);

    // All findings, sorted by offset.
    const std::vector<Finding> &findings() const;
    // Findings that overlap [start, end).
    std::span<const Finding> findingsIn(qsizetype start, qsizetype end) const;

    const wording::Checker &checker() const { return m_wording.checker(); }
    const spelling::SpellChecker *spellChecker() const { return m_speller.get(); }
    const QStringList &names() const { return m_names; }

private:
    void rebuild(QStringView text);
    void replaceAll(qsizetype position, qsizetype removed, qsizetype added, text::Span range);

    wording::IncrementalCheck m_wording;
    std::shared_ptr<const spelling::SpellChecker> m_speller;
    QStringList m_names;
    // With a spell checker: wording and spelling merged. Without one, findings() is the wording
    // check's own list and this stays empty.
    std::vector<Finding> m_findings;
    std::vector<Finding> m_fresh;    // reused buffers
    std::vector<Finding> m_spelling;
    qsizetype m_maxLength = 0; // the longest finding in m_findings, bounds the overlap search
};

} // namespace fairnote::spelling
