// SPDX-FileCopyrightText: 2026 Fairnote contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// CohortDialog: a trainer's view of a cohort. It reads exported session results (CSV or JSON, any
// number of files), draws the chart and lists the same numbers in a table.
#pragma once

#include "training/results.h"

#include <QDialog>
#include <vector>

class QLabel;
class QListWidget;
class QPushButton;
class QTableWidget;

namespace fairnote::ui {

class CohortChart;

class CohortDialog : public QDialog
{
    Q_OBJECT

public:
    explicit CohortDialog(QWidget *parent = nullptr);

    // Adds the results in a file. On failure returns false and says why in `error`.
    bool addFile(const QString &path, QString *error = nullptr);
    // Adds results read elsewhere (the training file's own), listed as `label`.
    void addResults(const std::vector<training::AttemptResult> &results, const QString &label);
    void clearResults();

    CohortChart *chart() const { return m_chart; }
    QTableWidget *table() const { return m_table; }
    QListWidget *files() const { return m_files; }
    QString findingsText() const;
    // Saves the chart as a PNG image.
    bool saveChart(const QString &path) const;

private:
    void refresh();
    void addInteractively();

    std::vector<training::AttemptResult> m_results;
    CohortChart *m_chart;
    QListWidget *m_files;
    QTableWidget *m_table;
    QLabel *m_findings;
    QPushButton *m_save;
};

} // namespace fairnote::ui
