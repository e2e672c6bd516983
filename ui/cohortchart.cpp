// SPDX-FileCopyrightText: 2026 Fairnote contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// The cohort bar chart.
#include "cohortchart.h"

#include <QPainter>
#include <QPainterPath>
#include <cmath>

using namespace Qt::StringLiterals;
using namespace fairnote::training;

namespace fairnote::ui {

namespace {

struct Group
{
    QString title;
    std::optional<ExerciseType> type;
};

std::vector<Group> groups()
{
    return {{QObject::tr("All exercises"), std::nullopt},
            {typeTitle(ExerciseType::Rewrite), ExerciseType::Rewrite},
            {typeTitle(ExerciseType::FactReportedOpinion), ExerciseType::FactReportedOpinion},
            {typeTitle(ExerciseType::SpotTheProblem), ExerciseType::SpotTheProblem}};
}

const CohortBar *barFor(const Cohort &c, const QString &session, const std::optional<ExerciseType> &type)
{
    for (const CohortBar &b : c.bars)
        if (b.session == session && b.type == type)
            return &b;
    return nullptr;
}

QString sessionName(const QString &s) { return s.isEmpty() ? QObject::tr("(no session)") : s; }

} // namespace

CohortChart::CohortChart(QWidget *parent) : QWidget(parent)
{
    setObjectName(u"cohortChart"_s);
    setAccessibleName(tr("Cohort results chart"));
    setFocusPolicy(Qt::StrongFocus); // so a screen reader can reach its description
    setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Expanding);
}

QSize CohortChart::sizeHint() const { return {760, 400}; }
QSize CohortChart::minimumSizeHint() const { return {420, 280}; }

Qt::BrushStyle CohortChart::pattern(int index)
{
    static const Qt::BrushStyle styles[] = {Qt::SolidPattern, Qt::BDiagPattern, Qt::CrossPattern, Qt::Dense5Pattern,
                                            Qt::FDiagPattern, Qt::DiagCrossPattern, Qt::HorPattern, Qt::VerPattern};
    return styles[index % 8];
}

QColor CohortChart::colour(int index, const QPalette &palette)
{
    const bool dark = palette.color(QPalette::Base).lightness() < 128;
    switch (index % 4) {
    case 0: return dark ? QColor(0x64, 0xb5, 0xf6) : QColor(0x15, 0x65, 0xc0);
    case 1: return dark ? QColor(0x4d, 0xb6, 0xac) : QColor(0x00, 0x79, 0x6b);
    case 2: return dark ? QColor(0xce, 0x93, 0xd8) : QColor(0x6a, 0x1b, 0x9a);
    default: return dark ? QColor(0xff, 0xb7, 0x4d) : QColor(0xb2, 0x5e, 0x00);
    }
}

void CohortChart::setCohort(const Cohort &cohort)
{
    m_cohort = cohort;
    setAccessibleDescription(describe());
    update();
}

QString CohortChart::describe() const
{
    if (m_cohort.sessions.isEmpty())
        return tr("No results yet. Add exported results files to see the chart.");
    QStringList parts;
    for (const Group &g : groups()) {
        QStringList values;
        for (const QString &s : m_cohort.sessions)
            if (const CohortBar *b = barFor(m_cohort, s, g.type))
                values << tr("%1: %2% (%3 learners)").arg(sessionName(s)).arg(std::lround(b->averagePercent)).arg(b->learners);
        if (!values.isEmpty())
            parts << g.title + u": "_s + values.join(u"; "_s);
    }
    return tr("Average score of each learner's first attempt. ") + parts.join(u". "_s) + u"."_s;
}

void CohortChart::paintEvent(QPaintEvent *)
{
    QPainter p(this);
    p.setRenderHint(QPainter::Antialiasing);
    const QPalette &pal = palette();
    p.fillRect(rect(), pal.color(QPalette::Base));
    const QColor ink = pal.color(QPalette::Text);
    const QColor faint = QColor::fromRgbF(ink.redF(), ink.greenF(), ink.blueF(), 0.18f);
    const QFontMetrics fm(font());
    const int line = fm.height();
    const int margin = line;

    if (m_cohort.sessions.isEmpty()) {
        p.setPen(ink);
        p.drawText(rect().adjusted(margin, margin, -margin, -margin), Qt::AlignCenter | Qt::TextWordWrap, describe());
        return;
    }

    // The legend: one swatch per session, in a row that wraps.
    int x = margin, y = margin;
    p.setPen(ink);
    QFont bold = font();
    bold.setBold(true);
    p.setFont(bold);
    p.drawText(QRect(margin, y, width() - 2 * margin, line), Qt::AlignLeft | Qt::AlignVCenter,
               tr("Average score, first attempts (%1 learners)").arg(m_cohort.learners));
    p.setFont(font());
    y += line + line / 2;
    for (int i = 0; i < m_cohort.sessions.size(); ++i) {
        const QString name = sessionName(m_cohort.sessions[i]);
        const int w = line * 2 + fm.horizontalAdvance(name) + line;
        if (x + w > width() - margin && x > margin) {
            x = margin;
            y += line + 4;
        }
        const QRect swatch(x, y + 2, line * 2 - 4, line - 4);
        p.fillRect(swatch, pal.color(QPalette::Base));
        p.fillRect(swatch, QBrush(colour(i, pal), pattern(i)));
        p.setPen(QPen(colour(i, pal), 1.5));
        p.drawRect(swatch);
        p.setPen(ink);
        p.drawText(QRect(x + line * 2, y, w - line * 2, line), Qt::AlignLeft | Qt::AlignVCenter, name);
        x += w;
    }
    y += line + line / 2;

    // The plot: 0–100% with a line every 25%.
    const int axisWidth = fm.horizontalAdvance(u"100%"_s) + 6;
    const QRect plot(margin + axisWidth, y + line, width() - 2 * margin - axisWidth, height() - y - line - margin - 2 * line - 4);
    if (plot.height() < line * 3 || plot.width() < line * 6)
        return;
    for (int pct = 0; pct <= 100; pct += 25) {
        const double yy = plot.bottom() - plot.height() * pct / 100.0;
        p.setPen(QPen(pct == 0 ? ink : faint, 1));
        p.drawLine(QPointF(plot.left(), yy), QPointF(plot.right(), yy));
        p.setPen(ink);
        p.drawText(QRectF(margin, yy - line / 2.0, axisWidth - 6, line), Qt::AlignRight | Qt::AlignVCenter, u"%1%"_s.arg(pct));
    }
    const std::vector<Group> gs = groups();
    const int sessions = int(m_cohort.sessions.size());
    const double groupWidth = double(plot.width()) / gs.size();
    const double barWidth = std::min(groupWidth * 0.8 / sessions, line * 4.0);
    for (size_t g = 0; g < gs.size(); ++g) {
        const double groupLeft = plot.left() + g * groupWidth;
        const double barsLeft = groupLeft + (groupWidth - barWidth * sessions) / 2;
        for (int s = 0; s < sessions; ++s) {
            const QRectF slot(barsLeft + s * barWidth + 2, plot.top(), barWidth - 4, plot.height());
            const CohortBar *b = barFor(m_cohort, m_cohort.sessions[s], gs[g].type);
            if (!b || b->attempts == 0) {
                p.setPen(faint);
                p.drawText(QRectF(slot.left() - 4, plot.bottom() - line * 1.5, slot.width() + 8, line), Qt::AlignCenter, u"–"_s);
                continue;
            }
            const double h = plot.height() * std::clamp(b->averagePercent, 0.0, 100.0) / 100.0;
            const QRectF bar(slot.left(), plot.bottom() - h, slot.width(), h);
            p.fillRect(bar, pal.color(QPalette::Base));
            p.fillRect(bar, QBrush(colour(s, pal), pattern(s)));
            p.setPen(QPen(colour(s, pal), 1.5));
            p.drawRect(bar);
            // The value above the bar, and the number of learners under it.
            p.setPen(ink);
            p.drawText(QRectF(slot.left() - 10, bar.top() - line - 2, slot.width() + 20, line), Qt::AlignCenter,
                       u"%1%"_s.arg(std::lround(b->averagePercent)));
        }
        p.setPen(ink);
        p.drawText(QRectF(groupLeft, plot.bottom() + 4, groupWidth, line * 2), Qt::AlignHCenter | Qt::AlignTop | Qt::TextWordWrap,
                   gs[g].title);
    }
}

} // namespace fairnote::ui
