// SPDX-FileCopyrightText: 2026 Fairnote contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// RecordPanel: beside the record form, every prompt from record::assess() and every wording and spelling
// finding of its narrative fields, each a step away from its field.
#pragma once

#include "record/assess.h"
#include "wording/finding.h"

#include <QTimer>
#include <QWidget>
#include <vector>

class QLabel;
class QListWidget;
class QListWidgetItem;
class QTextBrowser;

namespace fairnote::ui {

class RecordEditor;

// One row of the panel: a prompt (a question to answer) or a finding in a field's text.
struct PanelItem
{
    enum class Kind { Prompt, Finding } kind = Kind::Prompt;
    QString field;          // JSON Pointer in the entry: "/incident/source/type"
    record::Prompt prompt;  // for a prompt (its field made relative to the entry)
    Finding finding;        // for a finding: offsets into the field's text
    QString words;          // for a finding: the words it covers
};

// The prompts are record::assess() run on the form's entry as it would be finalised now (the same
// function, data and options fairnote-cli uses, without the text checks); the findings are the
// narrative editors' own, which equal a full check of each field (NoteCheck). So the panel shows what
// `fairnote-cli assess` would say about the same entry. It refreshes a moment after the form changes,
// so typing never waits for it. Activating a row (Enter, double-click) takes the worker to the field,
// selecting a finding's words.
class RecordPanel : public QWidget
{
    Q_OBJECT

public:
    static constexpr int kRefreshDelayMs = 200;

    RecordPanel(RecordEditor *editor, QWidget *parent = nullptr);

    // The person the entry is about and the assessment data (AssessOptions::rules); text checks in
    // `options` are ignored (the editors check the text).
    void setContext(const record::Person &person, record::AssessOptions options);
    // For an amendment the entry keeps its original time of writing; a new entry is judged as if
    // written now.
    void setKeepsWrittenAt(bool keeps) { m_keepsWrittenAt = keeps; }

    const std::vector<PanelItem> &items() const { return m_items; }
    int promptCount() const;
    int findingCount() const;
    QString rowText(int row) const; // as listed, for tests and screen readers
    int rowCount() const;
    void setCurrentRow(int row);
    void activateRow(int row);
    void refreshNow();
    QListWidget *list() const { return m_list; }
    // The field's name in words ("When it happened"), for a pointer from a prompt or a narrative.
    QString fieldLabel(const QString &pointer) const;

signals:
    void refreshed(int prompts, int findings);

private:
    void showDetails();

    RecordEditor *m_editor;
    record::Person m_person;
    record::AssessOptions m_options;
    bool m_keepsWrittenAt = false;
    QTimer m_refresh;
    std::vector<PanelItem> m_items; // parallel to the selectable rows
    QLabel *m_heading;
    QListWidget *m_list;
    QTextBrowser *m_details;
};

} // namespace fairnote::ui
