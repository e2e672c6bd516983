// SPDX-FileCopyrightText: 2026 Fairnote contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// The striped "Training — invented cases" band.
#include "trainingbanner.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QPainter>
#include <QPainterPath>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace fairnote::ui {

QString TrainingBanner::label() { return tr("Training — invented cases"); }

TrainingBanner::TrainingBanner(QWidget *parent) : QFrame(parent)
{
    setObjectName(u"trainingBanner"_s);
    setAccessibleName(label());
    m_title = new QLabel(label(), this);
    m_title->setObjectName(u"trainingBannerTitle"_s);
    QFont f = m_title->font();
    f.setBold(true);
    f.setPointSizeF(f.pointSizeF() * 1.15);
    m_title->setFont(f);
    m_detail = new QLabel(this);
    m_detail->setWordWrap(true);
    m_detail->setTextFormat(Qt::PlainText);
    m_detail->setTextInteractionFlags(Qt::TextSelectableByMouse);
    auto *words = new QVBoxLayout;
    words->setContentsMargins(0, 0, 0, 0);
    words->setSpacing(2);
    words->addWidget(m_title);
    words->addWidget(m_detail);
    auto *layout = new QHBoxLayout(this);
    // Room on the left for the stripes to show on their own.
    layout->setContentsMargins(40, 6, 12, 6);
    layout->addLayout(words, 1);
    setDetail({});
}

void TrainingBanner::setDetail(const QString &text)
{
    m_detail->setText(text);
    m_detail->setVisible(!text.isEmpty());
    setAccessibleDescription(text);
}

QString TrainingBanner::detail() const { return m_detail->text(); }
QString TrainingBanner::title() const { return m_title->text(); }

void TrainingBanner::paintEvent(QPaintEvent *event)
{
    QFrame::paintEvent(event);
    QPainter p(this);
    p.setRenderHint(QPainter::Antialiasing);
    const bool dark = palette().color(QPalette::Window).lightness() < 128;
    // A calm teal wash (not the red or amber of findings), with bold stripes down the left edge and a
    // light hatch across the rest.
    const QColor wash = dark ? QColor(0x1f, 0x4d, 0x4f) : QColor(0xd9, 0xf0, 0xee);
    const QColor stripe = dark ? QColor(0x4d, 0xb6, 0xac) : QColor(0x00, 0x69, 0x5c);
    p.fillRect(rect(), wash);
    QColor hatch = stripe;
    hatch.setAlphaF(dark ? 0.18f : 0.10f);
    p.fillRect(rect(), QBrush(hatch, Qt::BDiagPattern));
    QPainterPath band;
    band.addRect(QRectF(0, 0, 28, height()));
    p.setClipPath(band);
    p.setPen(QPen(stripe, 6));
    for (int x = -height(); x < 28 + height(); x += 14)
        p.drawLine(QPointF(x, height()), QPointF(x + height(), 0));
    p.setClipping(false);
    p.setPen(QPen(stripe, 2));
    p.drawLine(QPointF(0, height() - 1), QPointF(width(), height() - 1));
}

} // namespace fairnote::ui
