// SPDX-FileCopyrightText: 2026 Fairnote contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// NoteEditor: the plain-text note editor that checks its wording and spelling live and underlines the findings.
#pragma once

#include "wording/finding.h"

#include <QList>
#include <QPlainTextEdit>
#include <QStringList>
#include <QTimer>
#include <memory>
#include <optional>
#include <vector>

class QMenu;

namespace fairnote::wording {
class Checker;
} // namespace fairnote::wording

namespace fairnote::spelling {
class NoteCheck;
class SpellChecker;
}

namespace fairnote::ui {

class FindingFilter;
class FindingHighlighter;
using spelling::NoteCheck;
class SpellingSuggestions;

// Every change to the document re-checks only the paragraphs it touched, wording and spelling
// (NoteCheck), and re-highlights only their blocks, so typing never waits for the whole note to be
// checked. An edit
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

    // Checks spelling with `speller` from now on; null turns spelling off. Either way the note's
    // spelling findings are replaced at once. Shared: the main window opens it.
    void setSpellChecker(std::shared_ptr<spelling::SpellChecker> speller);
    spelling::SpellChecker *spellChecker() const { return m_speller.get(); }
    // The names of the people in the record: their words are never marked as misspelt.
    void setNames(const QStringList &names);
    QStringList names() const;
    // Suggestions for misspelt words, looked up when something shows them.
    SpellingSuggestions *suggestions() const { return m_suggestions; }
    // A spelling finding with its suggestions filled in (looked up now if need be; the first time
    // for a word takes tens of milliseconds). Other findings are returned as they are.
    Finding withSuggestions(const Finding &f);

    // Adds a word to the worker's personal dictionary; every occurrence stops being underlined at
    // once. On failure returns false with `error` saying why, and nothing changes.
    bool addToDictionary(const QString &word, QString *error = nullptr);
    // Takes a word back out of it (Settings); it is marked as misspelt again where it is.
    bool removeFromDictionary(const QString &word, QString *error = nullptr);
    // Replaces a finding's words (a spelling suggestion), as one undo step.
    void replaceWords(const Finding &f, const QString &with);

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

    // The visible finding that covers the character at `position` (the most severe if several,
    // wording before spelling), or nothing.
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
    // Actions shown at the top of the context menu when it opens over a wording finding (they act on
    // the finding at the cursor, which is moved there first).
    void setFindingActions(const QList<QAction *> &actions) { m_findingActions = actions; }
    // The context menu for a point in the viewport (or, not from the mouse, for the text cursor): over
    // a misspelt word its suggestions, "Add to dictionary" and "Ignore once"; over other underlined
    // wording the finding actions; then the usual editing actions. The caller owns it.
    QMenu *createContextMenu(const QPoint &viewportPos, bool fromMouse = true);

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
    // A word went into the personal dictionary.
    void wordAddedToDictionary(const QString &word);

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
    // The visible finding of one kind (spelling or not) at `position`, the most severe if several.
    std::optional<Finding> visibleAt(qsizetype position, bool spelling) const;
    void insertSpellingActions(QMenu *menu, QAction *before, const Finding &f);
    void insertWordingActions(QMenu *menu, QAction *before, const Finding &f);
    void selectFirstBlank(qsizetype offset, const QString &written);
    // addToDictionary(), telling the worker when it could not be done.
    void addToDictionaryOrSay(const QString &word);
    // After the whole note's findings changed without an edit (names, dictionary, spell checker).
    void findingsReplaced();
    void applyEdit(qsizetype position, qsizetype removed, qsizetype added);
    void recheckAll();
    void rehighlightRange(qsizetype start, qsizetype end);
    // The character under a viewport point, or -1 when the point is not over text.
    qsizetype characterAt(const QPoint &viewportPos) const;

    std::unique_ptr<NoteCheck> m_check;
    std::shared_ptr<spelling::SpellChecker> m_speller;
    SpellingSuggestions *m_suggestions;
    FindingFilter *m_filter;
    FindingHighlighter *m_highlighter = nullptr;
    QString m_text; // the text as of the last change, to tell edits from format-only changes
    std::optional<PendingEdit> m_pending;
    QTimer m_pendingTimer;
    QList<QAction *> m_findingActions;
};

} // namespace fairnote::ui
