// SPDX-FileCopyrightText: 2026 Fairnote contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// FindingHighlighter: draws the squiggles under findings, reading them from the editor's NoteCheck.
#pragma once

#include "wording/finding.h"

#include <QSyntaxHighlighter>
#include <QTextCharFormat>
#include <array>

namespace fairnote::spelling {
class NoteCheck;
}

namespace fairnote::ui {

class FindingFilter;
using spelling::NoteCheck;

// The formats live in the block layouts (QSyntaxHighlighter's additional formats), never in the
// document, so highlighting never touches the undo stack or the "modified" flag.
// The highlighter does no checking itself: the editor updates the NoteCheck first and then asks for
// the affected blocks to be highlighted again.
// Wording findings get a wavy underline over a wash in their severity colour; spelling findings a
// dashed purple underline (findingformat.h), drawn over any wording wash so both show.
class FindingHighlighter : public QSyntaxHighlighter
{
    Q_OBJECT

public:
    explicit FindingHighlighter(QTextDocument *document);

    // Neither is owned; both must outlive the highlighter or be replaced first. The filter may be
    // null (then every finding is drawn).
    // `scope` is the editor, for FindingFilter::hides.
    void setSource(const NoteCheck *check, const FindingFilter *filter, const void *scope = nullptr);
    // Call when the palette changes (light/dark), so the colours follow it.
    void setPalette(const QPalette &palette);

protected:
    void highlightBlock(const QString &text) override;

private:
    const NoteCheck *m_check = nullptr;
    const FindingFilter *m_filter = nullptr;
    const void *m_scope = nullptr;
    std::array<QTextCharFormat, 3> m_formats; // wording, by Severity
    QTextCharFormat m_spelling;
    QTextCharFormat m_possibleName; // a possible name: quieter than a misspelling
};

} // namespace fairnote::ui
