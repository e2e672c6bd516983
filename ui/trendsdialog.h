// SPDX-FileCopyrightText: 2026 Fairnote contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// TrendsDialog: recording quality over time, for the team and each worker, as a chart that reads without
// colour (each line has its own marker shape and dash and is labelled at its end; values are printed),
// with a table of the same figures beside it and CSV export.
#pragma once

#include "review/review.h"

#include <QDialog>
#include <QWidget>

class QComboBox;
class QListWidget;
class QTableWidget;

namespace fairnote::ui {

// The chart itself: one line per group over the months, drawn with QPainter.
class TrendChart : public QWidget
{
    Q_OBJECT

public:
    explicit TrendChart(QWidget *parent = nullptr);
    struct Series
    {
        QString name;
        std::vector<std::pair<QString, double>> points; // period, value
    };
    void setData(const QString &title, const QStringList &periods, const std::vector<Series> &series, bool share);
    QSize sizeHint() const override { return {640, 380}; }

protected:
    void paintEvent(QPaintEvent *event) override;

private:
    QString m_title;
    QStringList m_periods;
    std::vector<Series> m_series;
    bool m_share = false; // values are shares 0..1, shown as percentages
};

class TrendsDialog : public QDialog
{
    Q_OBJECT

public:
    TrendsDialog(std::vector<review::TrendRow> rows, QWidget *parent = nullptr);
    QComboBox *metricBox() const { return m_metric; }
    QListWidget *groupList() const { return m_groups; }
    TrendChart *chart() const { return m_chart; }
    QTableWidget *table() const { return m_table; }
    // Writes the figures as CSV (review::trendsCsv). False with `error` when the file cannot be written.
    bool exportCsv(const QString &path, QString *error);

private:
    void refresh();

    std::vector<review::TrendRow> m_rows;
    QComboBox *m_metric;
    QListWidget *m_groups;
    TrendChart *m_chart;
    QTableWidget *m_table;
};

} // namespace fairnote::ui
