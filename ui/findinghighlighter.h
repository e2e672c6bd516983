// SPDX-FileCopyrightText: 2026 Fairnote contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// FindingHighlighter: draws the squiggles under findings, reading them from an IncrementalCheck.
#pragma once

#include "wording/finding.h"

#include <QSyntaxHighlighter>
#include <QTextCharFormat>
#include <array>

namespace fairnote::wording {
class IncrementalCheck;
}

namespace fairnote::ui {

class FindingFilter;

// The formats live in the block layouts (QSyntaxHighlighter's additional formats), never in the
// document, so highlighting never touches the undo stack or the "modified" flag.
// The highlighter does no checking itself: the editor updates the IncrementalCheck first and then
// asks for the affected blocks to be highlighted again.
class FindingHighlighter : public QSyntaxHighlighter
{
    Q_OBJECT

public:
    explicit FindingHighlighter(QTextDocument *document);

    // Neither is owned; both must outlive the highlighter or be replaced first. The filter may be
    // null (then every finding is drawn).
    void setSource(const wording::IncrementalCheck *check, const FindingFilter *filter);
    // Call when the palette changes (light/dark), so the colours follow it.
    void setPalette(const QPalette &palette);

protected:
    void highlightBlock(const QString &text) override;

private:
    const wording::IncrementalCheck *m_check = nullptr;
    const FindingFilter *m_filter = nullptr;
    std::array<QTextCharFormat, 3> m_formats; // by Severity
};

} // namespace fairnote::ui
