// SPDX-FileCopyrightText: 2026 Fairnote contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// FeedbackView: the score and, item by item, how it was worked out; for spot the problem, every problem
// in the note with why it matters and what to write instead; the points to take away.
#pragma once

#include "training/exercise.h"
#include "training/scoring.h"

#include <QWidget>

class QLabel;
class QTextBrowser;

namespace fairnote::ui {

class FeedbackView : public QWidget
{
    Q_OBJECT

public:
    explicit FeedbackView(QWidget *parent = nullptr);

    void setFeedback(const training::Exercise &exercise, const training::Feedback &feedback);
    void clear();

    // The feedback as rich text (also what "Save for discussion" writes).
    static QString html(const training::Exercise &exercise, const training::Feedback &feedback, const QPalette &palette);

    QString summary() const;        // "14 of 20 points (70%)", empty before checking
    QTextBrowser *browser() const { return m_browser; }

private:
    QLabel *m_score;
    QTextBrowser *m_browser;
    QString m_summary;
};

} // namespace fairnote::ui
