// SPDX-FileCopyrightText: 2026 Fairnote contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// The notice bar: an information icon, a title, selectable text, and buttons including Dismiss.
#include "noticebar.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QPainter>
#include <QPushButton>
#include <QStyle>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace fairnote::ui {

NoticeBar::NoticeBar(QWidget *parent) : QFrame(parent)
{
    setObjectName(u"noticeBar"_s);
    setAccessibleName(tr("Notice"));
    setFrameShape(QFrame::StyledPanel);

    auto *icon = new QLabel(this);
    const int size = style()->pixelMetric(QStyle::PM_SmallIconSize) * 2;
    icon->setPixmap(style()->standardIcon(QStyle::SP_MessageBoxInformation).pixmap(size, size));
    icon->setAlignment(Qt::AlignTop);

    m_title = new QLabel(this);
    QFont bold = m_title->font();
    bold.setBold(true);
    m_title->setFont(bold);
    m_title->setWordWrap(true);
    m_text = new QLabel(this);
    m_text->setWordWrap(true);
    m_text->setTextFormat(Qt::PlainText);
    m_text->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    m_text->setFocusPolicy(Qt::StrongFocus);

    m_dismiss = new QPushButton(tr("Dismiss"), this);
    m_dismiss->setObjectName(u"dismissNoticeButton"_s);
    m_dismiss->setToolTip(tr("Hide this notice"));
    connect(m_dismiss, &QPushButton::clicked, this, [this] {
        hide();
        emit dismissed();
    });
    m_buttons = new QHBoxLayout;
    m_buttons->setContentsMargins(0, 0, 0, 0);
    m_buttons->addStretch();
    m_buttons->addWidget(m_dismiss);

    auto *words = new QVBoxLayout;
    words->setContentsMargins(0, 0, 0, 0);
    words->addWidget(m_title);
    words->addWidget(m_text);
    words->addLayout(m_buttons);

    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(10, 8, 10, 8);
    layout->addWidget(icon, 0, Qt::AlignTop);
    layout->addLayout(words, 1);

    hide();
}

void NoticeBar::showNotice(const QString &title, const QString &text)
{
    m_title->setText(title);
    m_text->setText(text);
    m_text->setVisible(!text.isEmpty());
    setAccessibleDescription(title + u' ' + text);
    show();
}

QString NoticeBar::title() const { return m_title->text(); }
QString NoticeBar::text() const { return m_text->text(); }

QPushButton *NoticeBar::addButton(const QString &text)
{
    auto *button = new QPushButton(text, this);
    m_buttons->insertWidget(m_buttons->count() - 1, button);
    return button;
}

// A pale amber tint of the window colour (a deeper one on a dark palette), so the bar stands out
// from the note without looking like an error. Painted rather than set in the palette, so it follows
// a palette change by itself.
void NoticeBar::paintEvent(QPaintEvent *event)
{
    const QColor base = palette().color(QPalette::Window);
    const bool dark = base.lightness() < 128;
    const QColor tint = dark ? QColor(0x5a, 0x45, 0x10) : QColor(0xff, 0xe0, 0x8a);
    const float amount = dark ? 0.55f : 0.45f;
    const QColor mixed = QColor::fromRgbF(base.redF() + (tint.redF() - base.redF()) * amount,
                                          base.greenF() + (tint.greenF() - base.greenF()) * amount,
                                          base.blueF() + (tint.blueF() - base.blueF()) * amount);
    QPainter painter(this);
    painter.fillRect(rect(), mixed);
    painter.end();
    QFrame::paintEvent(event);
}

} // namespace fairnote::ui
