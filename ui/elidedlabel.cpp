// SPDX-FileCopyrightText: 2026 Fairnote contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// ElidedLabel: one line of plain text, shortened with "…" to the width it is given.
#include "elidedlabel.h"

#include <QResizeEvent>

namespace fairnote::ui {

ElidedLabel::ElidedLabel(Qt::TextElideMode mode, QWidget *parent) : QLabel(parent), m_mode(mode)
{
    setTextFormat(Qt::PlainText);
    setSizePolicy(QSizePolicy::Preferred, QSizePolicy::Preferred);
}

void ElidedLabel::setFullText(const QString &text)
{
    m_full = text;
    setToolTip(text);
    setAccessibleDescription(text); // a screen reader hears it whole
    updateGeometry();
    elide();
}

QSize ElidedLabel::minimumSizeHint() const
{
    // About a dozen characters: enough to say what it is, however long the whole text.
    return {fontMetrics().averageCharWidth() * 12, QLabel::minimumSizeHint().height()};
}

QSize ElidedLabel::sizeHint() const
{
    return {fontMetrics().horizontalAdvance(m_full) + 2 * margin() + 4, QLabel::sizeHint().height()};
}

void ElidedLabel::resizeEvent(QResizeEvent *event)
{
    QLabel::resizeEvent(event);
    elide();
}

void ElidedLabel::elide()
{
    setText(fontMetrics().elidedText(m_full, m_mode, contentsRect().width()));
}

} // namespace fairnote::ui
