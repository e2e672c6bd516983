// SPDX-FileCopyrightText: 2026 Fairnote contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// FindingsPanel: the keyboard-reachable list of every visible finding, with its explanation.
#pragma once

#include "wording/finding.h"

#include <QIcon>
#include <QTimer>
#include <QWidget>
#include <array>
#include <optional>
#include <vector>

class QLabel;
class QListWidget;
class QListWidgetItem;
class QPushButton;
class QStackedWidget;
class QTextBrowser;

namespace fairnote::ui {

class NoteEditor;

// Screen readers do not announce squiggles, so everything a squiggle says is here as text: the
// list holds one entry per finding (severity word, the words, the message) and the box under it
// explains the current entry (why, what to write instead, the question to ask, the source).
// Misspelt words are listed too, as "Spelling"; their suggestions are looked up off the UI thread
// when the entry becomes the current one, and shown in the box when ready.
// Activating an entry (Enter, double-click) selects its words in the note and moves focus there.
// The list is refreshed a moment after the findings change, so typing never waits for it.
class FindingsPanel : public QWidget
{
    Q_OBJECT

public:
    static constexpr int kRefreshDelayMs = 150;

    explicit FindingsPanel(NoteEditor *editor, QWidget *parent = nullptr);

    // Findings listed, in note order.
    const std::vector<Finding> &findings() const { return m_findings; }
    int count() const { return int(m_findings.size()); }
    // The entry's text as listed (for tests and accessibility checks).
    QString entryText(int row) const;
    // The heading over the list: how many of each kind ("Wording (2) and spelling (1) to look at again").
    QString headingText() const;
    std::optional<Finding> currentFinding() const;
    void setCurrentRow(int row);
    // Selects the row's words in the note and focuses the note.
    void activateRow(int row);
    // Moves keyboard focus to the list (or to the "nothing to look at" text when it is empty).
    void focusList();
    // Re-reads the findings now instead of after the delay.
    void refreshNow();
    bool refreshPending() const { return m_refresh.isActive(); }

signals:
    // After each refresh: how many findings are listed and how many the worker's choices hide.
    void refreshed(int shown, int hidden);
    // The worker turned a rule off from the panel (the filter already hides it).
    void ruleTurnedOff(const QString &ruleId);

protected:
    void changeEvent(QEvent *event) override;

private:
    void showDetails();
    void makeIcons();
    int rowOfFinding(const Finding &f) const;
    // The entry's text, icon, tooltip and accessible text for the finding with its words.
    void describe(QListWidgetItem *item, const Finding &f, const QString &matched);
    // Suggestions for `word` arrived: fill them into its entries and the explanation.
    void suggestionsReady(const QString &word);

    NoteEditor *m_editor;
    QTimer m_refresh;
    std::vector<Finding> m_findings; // parallel to the list rows
    std::array<QIcon, 3> m_icons;    // by Severity, drawn once per palette
    QIcon m_spellingIcon;
    QIcon m_possibleNameIcon;
    QLabel *m_heading;
    QStackedWidget *m_pages;
    QLabel *m_empty;
    QListWidget *m_list;
    QTextBrowser *m_details;
    QPushButton *m_showButton;
    QPushButton *m_ignoreButton;
    QPushButton *m_turnOffButton;
    QPushButton *m_addWordButton; // in place of m_turnOffButton for a misspelt word
};

} // namespace fairnote::ui
