// SPDX-FileCopyrightText: 2026 Fairnote contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// ExerciseView: one exercise as a learner does it — what to do, the answer (a record, statements to
// sort or a note to mark), Check my answer, then the score with how it was worked out and, for a
// rewrite, the model answer side by side.
#pragma once

#include "training/exercise.h"
#include "training/scoring.h"

#include <QWidget>
#include <memory>
#include <optional>

class QLabel;
class QPushButton;
class QTabWidget;

namespace fairnote::ui {

class AnswerView;
class ComparisonView;
class FeedbackView;
class FindingFilter;

class ExerciseView : public QWidget
{
    Q_OBJECT

public:
    // `filter` (not owned) is shared by the rewrite form's narratives.
    ExerciseView(const training::Exercise &exercise, std::shared_ptr<const training::Scorer> scorer, FindingFilter *filter,
                 QWidget *parent = nullptr);

    const training::Exercise &exercise() const { return m_exercise; }
    AnswerView *answerView() const { return m_answer; }
    FeedbackView *feedbackView() const { return m_feedback; }
    ComparisonView *comparisonView() const { return m_comparison; } // null unless a rewrite
    QTabWidget *tabs() const { return m_tabs; }
    QPushButton *checkButton() const { return m_check; }
    const std::optional<training::Feedback> &lastFeedback() const { return m_last; }

    // The page for the learner's answer, the score, the side-by-side comparison.
    enum class Page { Answer, Feedback, SideBySide };
    void showPage(Page page);

    // Scores the answer, shows the feedback and emits checked().
    training::Feedback check();
    // Clears the answer and the feedback.
    void startAgain();
    // Writes the feedback (and the comparison) as one HTML file. On failure returns false with `error`.
    bool saveForDiscussion(const QString &path, QString *error = nullptr) const;

signals:
    void checked(const training::Feedback &feedback);
    // The learner changed the answer (for saving drafts).
    void answerChanged();

private:
    void saveInteractively();

    training::Exercise m_exercise;
    std::shared_ptr<const training::Scorer> m_scorer;
    std::optional<training::Feedback> m_last;
    QTabWidget *m_tabs;
    AnswerView *m_answer;
    FeedbackView *m_feedback;
    ComparisonView *m_comparison = nullptr;
    QPushButton *m_check, *m_again, *m_save;
    QLabel *m_status;
};

} // namespace fairnote::ui
