// SPDX-FileCopyrightText: 2026 Fairnote contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// ComparisonView: the learner's record beside the trainer's model answer, field by field, with the
// fields that differ marked (a wash and "● Different") and narratives compared word by word.
#pragma once

#include "training/exercise.h"
#include "training/scoring.h"

#include <QWidget>

class QCheckBox;
class QTextBrowser;

namespace fairnote::ui {

class ComparisonView : public QWidget
{
    Q_OBJECT

public:
    explicit ComparisonView(QWidget *parent = nullptr);

    void setComparison(const training::Feedback &feedback);
    void clear();

    // The comparison as rich text: an HTML table that wraps, can be selected and copied, and reads in
    // order with a screen reader. `onlyDifferences` leaves out the fields that are the same.
    static QString html(const training::Feedback &feedback, bool onlyDifferences, const QPalette &palette);
    static QString differentWord(); // "Different"

    QCheckBox *onlyDifferences() const { return m_only; }
    QTextBrowser *browser() const { return m_browser; }

private:
    void render();

    training::Feedback m_feedback;
    bool m_has = false;
    QCheckBox *m_only;
    QTextBrowser *m_browser;
};

} // namespace fairnote::ui
