// SPDX-FileCopyrightText: 2026 Fairnote contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// NoteEditor: the plain-text note editor that checks its text live and underlines the findings.
#pragma once

#include "wording/finding.h"

#include <QList>
#include <QPlainTextEdit>
#include <QTimer>
#include <memory>
#include <optional>
#include <vector>

namespace fairnote::wording {
class Checker;
class IncrementalCheck;
} // namespace fairnote::wording

namespace fairnote::ui {

class FindingFilter;
class FindingHighlighter;

// Every change to the document re-checks only the paragraphs it touched (IncrementalCheck) and
// re-highlights only their blocks, so typing never waits for the whole note to be checked. An edit
// in a very long paragraph (a pasted legacy note without blank lines) is checked once typing
// pauses instead of on every key; until then the squiggles near it may lag behind.
// Offsets are UTF-16 code units into toPlainText(), which are also QTextCursor positions: the
// document's block separators appear there as one '\n' each.
class NoteEditor : public QPlainTextEdit
{
    Q_OBJECT

public:
    // Paragraphs longer than this (UTF-16 code units) are checked when typing pauses.
    static constexpr qsizetype kLargeParagraph = 20000;
    static constexpr int kLargeParagraphDelayMs = 300;

    // `filter` holds the worker's hide choices and is not owned; when null the editor makes its own.
    NoteEditor(std::shared_ptr<const wording::Checker> checker, FindingFilter *filter, QWidget *parent = nullptr);
    ~NoteEditor() override;

    // Switches to another rule pack's checker and checks the whole note again.
    void setChecker(std::shared_ptr<const wording::Checker> checker);
    const wording::Checker &checker() const;
    FindingFilter *filter() const { return m_filter; }

    // Replaces the note: checks it, empties the undo history and forgets the note's ignores.
    void setNoteText(const QString &text);

    // True while an edit in a long paragraph waits for typing to pause.
    bool checkPending() const { return m_pending.has_value(); }
    // Checks such a waiting edit now.
    void flushPendingCheck();

    // Every finding core reports for the current text, sorted by offset.
    const std::vector<Finding> &allFindings() const;
    // The findings less those the worker chose to hide, sorted by offset.
    std::vector<Finding> visibleFindings() const;
    // How many findings the worker's choices hide.
    int hiddenCount() const;

    // The visible finding that covers the character at `position` (the most severe if several),
    // or nothing.
    std::optional<Finding> findingAtCharacter(qsizetype position) const;
    // The visible finding at the text cursor: one the selection overlaps, or one the cursor is in or
    // just after.
    std::optional<Finding> findingAtCursor() const;
    // The words a finding covers, from the current text.
    QString matchedText(const Finding &f) const;
    // The 1-based line (editor block) the finding starts on.
    int lineOf(const Finding &f) const;
    // The rich-text tooltip for the character at `position`, or an empty string.
    QString toolTipAt(qsizetype position) const;

    // Selects the finding's words and scrolls them into view.
    void selectFinding(const Finding &f);
    // Actions shown at the top of the context menu when it opens over a finding (they act on the
    // finding at the cursor, which is moved there first).
    void setFindingActions(const QList<QAction *> &actions) { m_findingActions = actions; }

public slots:
    // Select the next / previous visible finding after / before the cursor, wrapping round.
    // Return false when there is none.
    bool nextFinding();
    bool previousFinding();

signals:
    // The findings or the worker's hide choices changed. Emitted on every edit: listeners that do
    // more than a little work should wait a moment (the findings panel does).
    void findingsChanged();
    // nextFinding() or previousFinding() went past the end of the note and started again.
    void navigationWrapped();

protected:
    bool viewportEvent(QEvent *event) override;
    void contextMenuEvent(QContextMenuEvent *event) override;
    void changeEvent(QEvent *event) override;

private:
    // An edit (or several, merged) not yet given to the IncrementalCheck: [start, oldEnd) of the text
    // it last saw became [start, newEnd) of the current text.
    struct PendingEdit
    {
        qsizetype start = 0;
        qsizetype oldEnd = 0;
        qsizetype newEnd = 0;
    };

    void onContentsChange(int position, int removed, int added);
    void applyEdit(qsizetype position, qsizetype removed, qsizetype added);
    void recheckAll();
    void rehighlightRange(qsizetype start, qsizetype end);
    // The character under a viewport point, or -1 when the point is not over text.
    qsizetype characterAt(const QPoint &viewportPos) const;

    std::shared_ptr<const wording::Checker> m_checker;
    std::unique_ptr<wording::IncrementalCheck> m_check;
    FindingFilter *m_filter;
    FindingHighlighter *m_highlighter = nullptr;
    QString m_text; // the text as of the last change, to tell edits from format-only changes
    std::optional<PendingEdit> m_pending;
    QTimer m_pendingTimer;
    QList<QAction *> m_findingActions;
};

} // namespace fairnote::ui
