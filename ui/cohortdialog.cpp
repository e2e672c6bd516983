// SPDX-FileCopyrightText: 2026 Fairnote contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// The cohort results dialog.
#include "cohortdialog.h"

#include "io/input.h"
#include "cohortchart.h"

#include <QDialogButtonBox>
#include <QFile>
#include <QFileDialog>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QListWidget>
#include <QMessageBox>
#include <QPushButton>
#include <QScreen>
#include <QSplitter>
#include <QStandardPaths>
#include <QTableWidget>
#include <QVBoxLayout>
#include <cmath>

using namespace Qt::StringLiterals;
using namespace fairnote::training;

namespace fairnote::ui {

CohortDialog::CohortDialog(QWidget *parent) : QDialog(parent)
{
    setWindowTitle(tr("Cohort results — Training — invented cases"));
    auto *intro = new QLabel(tr("Add the results files your learners exported (CSV or JSON). The chart shows the average "
                                "score of each learner's first attempt at each exercise, session by session, so you can "
                                "compare a cohort before and after training. Results are keyed by learner code; no names "
                                "are kept."),
                             this);
    intro->setWordWrap(true);
    m_files = new QListWidget(this);
    m_files->setAccessibleName(tr("Results files added"));
    m_files->setMaximumHeight(fontMetrics().lineSpacing() * 3 + 8);
    auto *add = new QPushButton(tr("&Add results files…"), this);
    auto *clear = new QPushButton(tr("C&lear"), this);
    m_save = new QPushButton(tr("Save the chart as a &picture…"), this);
    connect(add, &QPushButton::clicked, this, &CohortDialog::addInteractively);
    connect(clear, &QPushButton::clicked, this, &CohortDialog::clearResults);
    connect(m_save, &QPushButton::clicked, this, [this] {
        QString path = QFileDialog::getSaveFileName(this, tr("Save the chart"),
                                                    QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation)
                                                        + u"/cohort-results.png"_s,
                                                    tr("PNG images (*.png)"));
        if (path.isEmpty())
            return;
        if (!path.endsWith(u".png"_s, Qt::CaseInsensitive))
            path += u".png"_s;
        if (!saveChart(path))
            QMessageBox::warning(this, tr("The chart was not saved"), tr("%1 could not be written.").arg(path));
    });
    m_chart = new CohortChart(this);
    m_table = new QTableWidget(0, 5, this);
    m_table->setObjectName(u"cohortTable"_s);
    m_table->setAccessibleName(tr("Cohort results as a table"));
    m_table->setHorizontalHeaderLabels({tr("Session"), tr("Exercises"), tr("Learners"), tr("First attempts"), tr("Average score")});
    m_table->verticalHeader()->hide();
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_findings = new QLabel(this);
    m_findings->setWordWrap(true);
    m_findings->setTextInteractionFlags(Qt::TextSelectableByMouse);

    auto *fileButtons = new QVBoxLayout;
    fileButtons->addWidget(add);
    fileButtons->addWidget(clear);
    fileButtons->addStretch();
    auto *filesRow = new QHBoxLayout;
    filesRow->addWidget(m_files, 1);
    filesRow->addLayout(fileButtons);

    auto *split = new QSplitter(Qt::Vertical, this);
    split->addWidget(m_chart);
    split->addWidget(m_table);
    split->setStretchFactor(0, 3);
    split->setStretchFactor(1, 2);
    split->setChildrenCollapsible(false);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    buttons->addButton(m_save, QDialogButtonBox::ActionRole);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(intro);
    layout->addLayout(filesRow);
    layout->addWidget(split, 1);
    layout->addWidget(m_findings);
    layout->addWidget(buttons);

    // Never larger than the screen (1280×720 laptops, 200% scaling).
    const QRect screen = this->screen() ? this->screen()->availableGeometry() : QRect(0, 0, 1280, 720);
    resize(std::min(900, screen.width() * 92 / 100), std::min(680, screen.height() * 92 / 100));
    refresh();
}

bool CohortDialog::addFile(const QString &path, QString *error)
{
    // Bounded while it is read, and a larger file is refused rather than cut short.
    auto bytes = io::readFile(path, {kMaxResultsBytes, tr("a results file"), {}});
    if (!bytes) {
        if (error)
            *error = tr("%1: %2").arg(path, bytes.error().message());
        return false;
    }
    auto rows = readResults(*bytes);
    if (!rows) {
        if (error)
            *error = tr("%1 is not a results file Fairnote can read: %2").arg(QFileInfo(path).fileName(), rows.error());
        return false;
    }
    addResults(*rows, QFileInfo(path).fileName());
    return true;
}

void CohortDialog::addResults(const std::vector<AttemptResult> &results, const QString &label)
{
    m_results.insert(m_results.end(), results.begin(), results.end());
    new QListWidgetItem(results.size() == 1 ? tr("%1 — 1 result").arg(label) : tr("%1 — %2 results").arg(label).arg(results.size()), m_files);
    refresh();
}

void CohortDialog::clearResults()
{
    m_results.clear();
    m_files->clear();
    refresh();
}

void CohortDialog::addInteractively()
{
    const QStringList paths = QFileDialog::getOpenFileNames(this, tr("Add results files"),
                                                            QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation),
                                                            tr("Exported results (*.csv *.json);;All files (*)"));
    QStringList problems;
    for (const QString &path : paths) {
        QString error;
        if (!addFile(path, &error))
            problems << error;
    }
    if (!problems.isEmpty())
        QMessageBox::warning(this, tr("Some files were not added"), problems.join(u"\n\n"_s));
}

QString CohortDialog::findingsText() const { return m_findings->text(); }

bool CohortDialog::saveChart(const QString &path) const { return m_chart->grab().save(path, "PNG"); }

void CohortDialog::refresh()
{
    const Cohort c = summariseCohort(m_results);
    m_chart->setCohort(c);
    m_table->setRowCount(0);
    for (const CohortBar &b : c.bars) {
        const int row = m_table->rowCount();
        m_table->insertRow(row);
        const QStringList cells{b.session.isEmpty() ? tr("(no session)") : b.session, b.type ? typeTitle(*b.type) : tr("All exercises"),
                                QString::number(b.learners), QString::number(b.attempts), u"%1%"_s.arg(std::lround(b.averagePercent))};
        for (int col = 0; col < cells.size(); ++col)
            m_table->setItem(row, col, new QTableWidgetItem(cells[col]));
    }
    QStringList findings;
    for (int i = 0; i < c.sessions.size(); ++i)
        if (c.findingsPerRewrite[size_t(i)])
            findings << tr("%1: %2").arg(c.sessions[i].isEmpty() ? tr("(no session)") : c.sessions[i])
                            .arg(QLocale(QLocale::English, QLocale::UnitedKingdom).toString(*c.findingsPerRewrite[size_t(i)], 'f', 1));
    m_findings->setText(findings.isEmpty() ? QString()
                                           : tr("Wording findings per rewritten record (fewer is better): %1.").arg(findings.join(u" · "_s)));
    m_save->setEnabled(!m_results.empty());
}

} // namespace fairnote::ui
