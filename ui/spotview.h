// SPDX-FileCopyrightText: 2026 Fairnote contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// SpotView: spot the problem. The note is read-only; the learner selects words (with the mouse or the
// keyboard) and marks them; after checking, each problem is shown found, partly found or not marked.
#pragma once

#include "answerview.h"
#include "training/exercise.h"

#include <optional>
#include <vector>

class QLabel;
class QListWidget;
class QPlainTextEdit;
class QPushButton;

namespace fairnote::ui {

class SpotView : public AnswerView
{
    Q_OBJECT

public:
    explicit SpotView(const training::Exercise &exercise, QWidget *parent = nullptr);

    training::Answer answer() const override;
    void setAnswer(const training::Answer &answer) override;
    void showFeedback(const training::Feedback &feedback) override;
    void clearFeedback() override;
    QWidget *firstFocus() const override;

    // Marks the note's selected words. Returns false when nothing is selected. Overlapping marks merge.
    bool markSelection();
    // Removes the mark chosen in the list, or the one at the cursor in the note.
    bool removeMark();
    void clearMarks();
    // Selects characters [offset, offset + length) of the note, as a learner would.
    void select(qsizetype offset, qsizetype length);

    QPlainTextEdit *note() const { return m_note; }
    QListWidget *markList() const { return m_list; }
    QPushButton *markButton() const { return m_mark; }

private:
    static QString hintText();
    void refresh();

    training::Exercise m_exercise;
    std::vector<training::Mark> m_marks; // sorted by offset, never overlapping
    std::optional<training::Feedback> m_feedback;
    QPlainTextEdit *m_note;
    QListWidget *m_list;
    QPushButton *m_mark, *m_remove, *m_clear;
    QLabel *m_hint, *m_legend;
};

} // namespace fairnote::ui
