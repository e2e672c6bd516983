// SPDX-FileCopyrightText: 2026 Fairnote contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// CohortChart: a bar chart of a cohort's average scores, one group per kind of exercise and one bar per
// session, drawn with QPainter. Each session has its own fill pattern as well as its own colour, and
// every bar is labelled with its value, so it reads without colour; the dialog lists the numbers too.
#pragma once

#include "training/results.h"

#include <QWidget>

namespace fairnote::ui {

class CohortChart : public QWidget
{
    Q_OBJECT

public:
    explicit CohortChart(QWidget *parent = nullptr);

    void setCohort(const training::Cohort &cohort);
    const training::Cohort &cohort() const { return m_cohort; }

    // What the chart shows, in words (its accessible description).
    QString describe() const;

    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

    // The fill of session `index`: a pattern and a colour.
    static Qt::BrushStyle pattern(int index);
    static QColor colour(int index, const QPalette &palette);

protected:
    void paintEvent(QPaintEvent *event) override;

private:
    training::Cohort m_cohort;
};

} // namespace fairnote::ui
