// SPDX-FileCopyrightText: 2026 Fairnote contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// RewriteView: rewrite a vague note as a factual incident record, with the guided form the app uses
// (RecordEditor), its questions and wording beside it (RecordPanel), and the case on the left.
#pragma once

#include "answerview.h"
#include "training/exercise.h"
#include "training/scoring.h"

#include <memory>

class QTextBrowser;

namespace fairnote::ui {

class FindingFilter;
class RecordEditor;
class RecordPanel;

class RewriteView : public AnswerView
{
    Q_OBJECT

public:
    RewriteView(const training::Exercise &exercise, std::shared_ptr<const training::Scorer> scorer, FindingFilter *filter,
                QWidget *parent = nullptr);
    ~RewriteView() override;

    training::Answer answer() const override;
    void setAnswer(const training::Answer &answer) override;
    void showFeedback(const training::Feedback &feedback) override;
    void clearFeedback() override;
    QWidget *firstFocus() const override;

    RecordEditor *editor() const { return m_editor; }
    RecordPanel *panel() const { return m_panel; }
    QTextBrowser *caseText() const { return m_case; }

    // The case as rich text: the note, the date in the story and what the learner knows.
    static QString caseHtml(const training::Exercise &exercise);

private:
    training::Exercise m_exercise;
    QTextBrowser *m_case;
    RecordEditor *m_editor;
    RecordPanel *m_panel;
};

} // namespace fairnote::ui
