// SPDX-FileCopyrightText: 2026 Fairnote contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// AnswerView: where a learner answers one exercise (a record form, statements to sort, a note to mark).
#pragma once

#include "training/answer.h"
#include "training/scoring.h"

#include <QWidget>

namespace fairnote::ui {

// The three kinds of exercise share this face, so ExerciseView can check any of them the same way.
// Scoring is core's (training::Scorer); a view only collects the answer and shows the results in place.
class AnswerView : public QWidget
{
    Q_OBJECT

public:
    using QWidget::QWidget;

    // The learner's answer as it stands.
    virtual training::Answer answer() const = 0;
    // Shows an answer given before (a saved draft), or clears the view for an empty one.
    virtual void setAnswer(const training::Answer &answer) = 0;
    // Marks the results in place (right and wrong statements, found and missed phrases).
    virtual void showFeedback(const training::Feedback &feedback) = 0;
    virtual void clearFeedback() = 0;
    // The widget that should have the focus when the view is shown.
    virtual QWidget *firstFocus() const = 0;

signals:
    // The learner changed the answer.
    void changed();
};

} // namespace fairnote::ui
