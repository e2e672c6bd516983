// SPDX-FileCopyrightText: 2026 Fairnote contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// The recording-quality chart: lines told apart by marker shape, dash and a label, never by colour alone.
#include "trendsdialog.h"

#include "io/atomicfile.h"

#include <QComboBox>
#include <cmath>
#include <QDate>
#include <QFileDialog>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QListWidget>
#include <QLocale>
#include <QMessageBox>
#include <QPainter>
#include <QPainterPath>
#include <QPushButton>
#include <QSet>
#include <QSplitter>
#include <QTableWidget>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace fairnote::ui {

namespace {

// Distinct shapes and dashes, so series differ without colour; colours differ too, for those who see them.
const Qt::PenStyle kDashes[] = {Qt::SolidLine, Qt::DashLine, Qt::DotLine, Qt::DashDotLine, Qt::DashDotDotLine};
const QColor kColours[] = {QColor(0x1b, 0x4f, 0x9c), QColor(0xb5, 0x4a, 0x00), QColor(0x2b, 0x7a, 0x3b), QColor(0x7b, 0x2d, 0x8f),
                           QColor(0x55, 0x55, 0x55)};

void drawMarker(QPainter &p, int kind, QPointF at, qreal r)
{
    switch (kind % 5) {
    case 0: p.drawEllipse(at, r, r); break;                                    // disc
    case 1: p.drawRect(QRectF(at.x() - r, at.y() - r, 2 * r, 2 * r)); break;  // square
    case 2: {                                                                  // triangle
        QPainterPath t;
        t.moveTo(at.x(), at.y() - r * 1.2);
        t.lineTo(at.x() + r * 1.1, at.y() + r * 0.8);
        t.lineTo(at.x() - r * 1.1, at.y() + r * 0.8);
        t.closeSubpath();
        p.drawPath(t);
        break;
    }
    case 3: {                                                                  // diamond
        QPainterPath d;
        d.moveTo(at.x(), at.y() - r * 1.3);
        d.lineTo(at.x() + r * 1.3, at.y());
        d.lineTo(at.x(), at.y() + r * 1.3);
        d.lineTo(at.x() - r * 1.3, at.y());
        d.closeSubpath();
        p.drawPath(d);
        break;
    }
    default:                                                                   // cross
        p.drawLine(at + QPointF(-r, -r), at + QPointF(r, r));
        p.drawLine(at + QPointF(-r, r), at + QPointF(r, -r));
    }
}

QString monthTitle(const QString &period)
{
    const QDate d = QDate::fromString(period + u"-01"_s, Qt::ISODate);
    return d.isValid() ? QLocale(QLocale::English, QLocale::UnitedKingdom).toString(d, u"MMM yyyy"_s) : period;
}

QString valueText(double v, bool share)
{
    return share ? u"%1%"_s.arg(qRound(v * 100)) : QString::number(v, 'f', v == std::floor(v) ? 0 : 1);
}

} // namespace

TrendChart::TrendChart(QWidget *parent) : QWidget(parent)
{
    setMinimumSize(420, 280);
    setAccessibleName(tr("Chart of the chosen figure over time"));
    setBackgroundRole(QPalette::Base);
    setAutoFillBackground(true);
}

void TrendChart::setData(const QString &title, const QStringList &periods, const std::vector<Series> &series, bool share)
{
    m_title = title;
    m_periods = periods;
    m_series = series;
    m_share = share;
    QStringList described;
    for (const Series &s : series) {
        QStringList values;
        for (const auto &[period, v] : s.points)
            values << u"%1 %2"_s.arg(monthTitle(period), valueText(v, share));
        described << s.name + u": "_s + values.join(u", "_s);
    }
    setAccessibleDescription(title + u". "_s + described.join(u". "_s));
    update();
}

void TrendChart::paintEvent(QPaintEvent *)
{
    QPainter p(this);
    p.setRenderHint(QPainter::Antialiasing);
    const QPalette pal = palette();
    p.setPen(pal.color(QPalette::Text));
    QFont f = font();
    QFont bold = f;
    bold.setBold(true);
    p.setFont(bold);
    p.drawText(QRect(8, 4, width() - 16, 22), Qt::AlignLeft | Qt::AlignVCenter, m_title);
    p.setFont(f);
    if (m_periods.isEmpty() || m_series.empty()) {
        p.drawText(rect(), Qt::AlignCenter, tr("No figures for this period yet."));
        return;
    }
    double top = 0;
    for (const Series &s : m_series)
        for (const auto &[period, v] : s.points)
            top = std::max(top, v);
    if (m_share) {
        top = 1.0;
    } else {
        // A round top, so the four grid lines fall on readable values.
        const double raw = top <= 0 ? 1 : top * 1.1;
        const double magnitude = std::pow(10.0, std::floor(std::log10(raw)));
        double nice = magnitude;
        for (double step : {1.0, 2.0, 4.0, 5.0, 8.0, 10.0})
            if (step * magnitude >= raw) {
                nice = step * magnitude;
                break;
            }
        top = nice;
    }
    const int labelWidth = 190; // room at the right for each line's name
    const QRectF plot(52, 36, std::max(100, width() - 52 - labelWidth), height() - 36 - 42);
    // Axes and grid, with values on the left.
    p.setPen(QPen(pal.color(QPalette::Mid), 1));
    for (int i = 0; i <= 4; ++i) {
        const qreal y = plot.bottom() - plot.height() * i / 4;
        p.drawLine(QPointF(plot.left(), y), QPointF(plot.right(), y));
        p.setPen(pal.color(QPalette::Text));
        p.drawText(QRectF(0, y - 9, plot.left() - 6, 18), Qt::AlignRight | Qt::AlignVCenter, valueText(top * i / 4, m_share));
        p.setPen(QPen(pal.color(QPalette::Mid), 1));
    }
    const int n = int(m_periods.size());
    auto x = [&](int i) { return n == 1 ? plot.center().x() : plot.left() + plot.width() * i / (n - 1); };
    p.setPen(pal.color(QPalette::Text));
    const int step = std::max(1, n / 8);
    for (int i = 0; i < n; i += step)
        p.drawText(QRectF(x(i) - 40, plot.bottom() + 4, 80, 18), Qt::AlignHCenter | Qt::AlignTop, monthTitle(m_periods[i]));
    // The series: line, markers, values (for one line only: with several, the table beside holds them),
    // and the name at the end of the line, spaced so names never overlap.
    std::vector<std::pair<qreal, size_t>> ends;
    for (size_t k = 0; k < m_series.size(); ++k) {
        const Series &s = m_series[k];
        const QColor colour = kColours[k % 5];
        QPen pen(colour, 2, kDashes[k % 5]);
        QPolygonF line;
        for (const auto &[period, v] : s.points) {
            const int i = int(m_periods.indexOf(period));
            if (i >= 0)
                line << QPointF(x(i), plot.bottom() - plot.height() * (v / top));
        }
        p.setPen(pen);
        p.drawPolyline(line);
        p.setPen(QPen(colour, 1.6));
        p.setBrush(k % 2 ? Qt::NoBrush : QBrush(colour));
        for (const QPointF &pt : line)
            drawMarker(p, int(k), pt, 4);
        p.setBrush(Qt::NoBrush);
        p.setPen(pal.color(QPalette::Text));
        if (m_series.size() == 1 && line.size() <= 12)
            for (size_t i = 0; i < s.points.size() && i < size_t(line.size()); ++i)
                p.drawText(QRectF(line[qsizetype(i)].x() - 30, line[qsizetype(i)].y() - 22, 60, 14), Qt::AlignCenter,
                           valueText(s.points[i].second, m_share));
        if (!line.isEmpty())
            ends.emplace_back(line.back().y(), k);
    }
    std::sort(ends.begin(), ends.end());
    const qreal gap = p.fontMetrics().height() + 4;
    for (size_t i = 1; i < ends.size(); ++i)
        ends[i].first = std::max(ends[i].first, ends[i - 1].first + gap);
    // Keep the names inside the plot's height, clear of the month labels under the axis.
    if (!ends.empty()) {
        const qreal lowest = plot.bottom() - gap / 2;
        ends.back().first = std::min(ends.back().first, lowest);
        for (size_t i = ends.size() - 1; i-- > 0;)
            ends[i].first = std::min(ends[i].first, ends[i + 1].first - gap);
    }
    for (const auto &[y, k] : ends) {
        p.setPen(QPen(kColours[k % 5], 1.6));
        p.setBrush(k % 2 ? Qt::NoBrush : QBrush(kColours[k % 5]));
        drawMarker(p, int(k), QPointF(plot.right() + 14, y), 4);
        p.setBrush(Qt::NoBrush);
        p.setPen(pal.color(QPalette::Text));
        p.drawText(QRectF(plot.right() + 24, y - 9, labelWidth - 28, 18), Qt::AlignLeft | Qt::AlignVCenter,
                   p.fontMetrics().elidedText(m_series[k].name, Qt::ElideRight, labelWidth - 28));
    }
}

TrendsDialog::TrendsDialog(std::vector<review::TrendRow> rows, QWidget *parent) : QDialog(parent), m_rows(std::move(rows))
{
    setWindowTitle(tr("Recording-quality trends"));
    m_metric = new QComboBox(this);
    m_metric->setAccessibleName(tr("Figure"));
    QStringList metrics;
    for (const review::TrendRow &r : m_rows)
        if (!metrics.contains(r.metric))
            metrics << r.metric;
    for (const QString &m : metrics)
        m_metric->addItem(review::metricTitle(m), m);
    if (const int i = m_metric->findData(u"incidents-with-source-and-outcome"_s); i >= 0)
        m_metric->setCurrentIndex(i);
    m_groups = new QListWidget(this);
    m_groups->setAccessibleName(tr("Team and workers to show"));
    QStringList groups;
    for (const review::TrendRow &r : m_rows)
        if (!groups.contains(r.group))
            groups << r.group;
    for (const QString &g : groups) {
        auto *item = new QListWidgetItem(g, m_groups);
        item->setFlags(item->flags() | Qt::ItemIsUserCheckable);
        item->setCheckState(g == u"Team" ? Qt::Checked : Qt::Unchecked);
    }
    m_groups->setMaximumWidth(240);
    m_metric->setMaximumWidth(240);
    m_chart = new TrendChart(this);
    m_table = new QTableWidget(this);
    m_table->setAccessibleName(tr("The figures as a table"));
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    auto *exportButton = new QPushButton(tr("&Export CSV…"), this);
    auto *close = new QPushButton(tr("&Close"), this);
    auto *left = new QVBoxLayout;
    auto *metricLabel = new QLabel(tr("&Figure:"), this);
    metricLabel->setBuddy(m_metric);
    auto *groupLabel = new QLabel(tr("&Show:"), this);
    groupLabel->setBuddy(m_groups);
    left->addWidget(metricLabel);
    left->addWidget(m_metric);
    left->addWidget(groupLabel);
    left->addWidget(m_groups, 1);
    auto *right = new QSplitter(Qt::Vertical, this);
    right->addWidget(m_chart);
    right->addWidget(m_table);
    right->setStretchFactor(0, 3);
    right->setStretchFactor(1, 2);
    auto *body = new QHBoxLayout;
    body->addLayout(left);
    body->addWidget(right, 1);
    auto *buttons = new QHBoxLayout;
    buttons->addWidget(exportButton);
    buttons->addStretch(1);
    buttons->addWidget(close);
    // Said where the figures are, not left to be guessed: a review made in December of a note written in
    // March counts in March, with the note as it was first written.
    auto *basis = new QLabel(tr("Each month counts the entries first written in it. A supervisor's review counts in the month the "
                                "entry was written, whenever the review was made, so the figures show how notes were written "
                                "at the time."),
                             this);
    basis->setObjectName(u"trendsBasis"_s);
    basis->setWordWrap(true);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(basis);
    layout->addLayout(body, 1);
    layout->addLayout(buttons);
    connect(m_metric, &QComboBox::currentIndexChanged, this, &TrendsDialog::refresh);
    connect(m_groups, &QListWidget::itemChanged, this, &TrendsDialog::refresh);
    connect(close, &QPushButton::clicked, this, &QDialog::accept);
    connect(exportButton, &QPushButton::clicked, this, [this] {
        const QString path = QFileDialog::getSaveFileName(this, tr("Export the figures"), tr("recording-quality.csv"), tr("CSV files (*.csv)"));
        QString error;
        if (!path.isEmpty() && !exportCsv(path, &error))
            QMessageBox::warning(this, tr("The figures were not exported"), error);
    });
    resize(1080, 680);
    refresh();
}

void TrendsDialog::refresh()
{
    const QString metric = m_metric->currentData().toString();
    const bool share = metric == u"incidents-with-source-and-outcome" || metric == u"late-entries" || metric == u"completeness";
    QStringList periods;
    std::vector<TrendChart::Series> series;
    for (int i = 0; i < m_groups->count(); ++i) {
        if (m_groups->item(i)->checkState() != Qt::Checked)
            continue;
        TrendChart::Series s{m_groups->item(i)->text(), {}};
        for (const review::TrendRow &r : m_rows)
            if (r.metric == metric && r.group == s.name) {
                s.points.emplace_back(r.period, r.value);
                if (!periods.contains(r.period))
                    periods << r.period;
            }
        series.push_back(std::move(s));
    }
    periods.sort();
    m_chart->setData(review::metricTitle(metric), periods, series, share);
    m_table->clear();
    m_table->setColumnCount(int(periods.size()) + 1);
    m_table->setRowCount(int(series.size()));
    QStringList headers{tr("Who (by month written)")};
    for (const QString &p : periods)
        headers << monthTitle(p);
    m_table->setHorizontalHeaderLabels(headers);
    for (size_t row = 0; row < series.size(); ++row) {
        m_table->setItem(int(row), 0, new QTableWidgetItem(series[row].name));
        for (const auto &[period, v] : series[row].points)
            m_table->setItem(int(row), int(periods.indexOf(period)) + 1, new QTableWidgetItem(valueText(v, share)));
    }
    m_table->resizeColumnsToContents();
}

bool TrendsDialog::exportCsv(const QString &path, QString *error)
{
    // Per-worker figures: whole or not at all, owner-only (core/io).
    if (const auto failed = io::writeFileAtomically(path, review::trendsCsv(m_rows).toUtf8())) {
        if (error)
            *error = failed->message();
        return false;
    }
    return true;
}

} // namespace fairnote::ui
