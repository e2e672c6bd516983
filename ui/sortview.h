// SPDX-FileCopyrightText: 2026 Fairnote contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// SortView: fact, reported or opinion? Each statement with three choices, and after checking, whether
// it was right and why.
#pragma once

#include "answerview.h"
#include "training/exercise.h"

#include <vector>

class QButtonGroup;
class QLabel;
class QRadioButton;

namespace fairnote::ui {

class SortView : public AnswerView
{
    Q_OBJECT

public:
    explicit SortView(const training::Exercise &exercise, QWidget *parent = nullptr);

    training::Answer answer() const override;
    void setAnswer(const training::Answer &answer) override;
    void showFeedback(const training::Feedback &feedback) override;
    void clearFeedback() override;
    QWidget *firstFocus() const override;

    // The choice buttons of statement `index` (0-based): fact, reported, opinion.
    QRadioButton *choice(int index, training::StatementKind kind) const;
    // The line under statement `index` after checking ("✓ Right: …"), empty before.
    QString resultText(int index) const;

private:
    struct Row
    {
        QString id;
        QButtonGroup *group = nullptr;
        QRadioButton *buttons[3] = {nullptr, nullptr, nullptr};
        QLabel *result = nullptr;
    };
    training::Exercise m_exercise;
    std::vector<Row> m_rows;
};

} // namespace fairnote::ui
