// SPDX-FileCopyrightText: 2026 Fairnote contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// ElidedLabel: one line of plain text that gives way when space is short ("Case file: /home/…/casefile.db"),
// so a long path never makes the window wider than the screen. The whole text is its tooltip.
#pragma once

#include <QLabel>

namespace fairnote::ui {

class ElidedLabel : public QLabel
{
    Q_OBJECT

public:
    explicit ElidedLabel(Qt::TextElideMode mode, QWidget *parent = nullptr);
    void setFullText(const QString &text);
    QString fullText() const { return m_full; }
    QSize minimumSizeHint() const override;
    QSize sizeHint() const override;

protected:
    void resizeEvent(QResizeEvent *event) override;

private:
    void elide();

    Qt::TextElideMode m_mode;
    QString m_full;
};

} // namespace fairnote::ui
