// SPDX-FileCopyrightText: 2026 Fairnote contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// TrainingBanner: the band across the top of every trainer-mode window, so that a training file of
// invented cases can never be mistaken for real records.
#pragma once

#include <QFrame>

class QLabel;

namespace fairnote::ui {

// Bold "Training — invented cases" with a line under it, on diagonal stripes: pattern, words and
// colour together, so it does not rely on colour alone. The words are selectable and it has an
// accessible name, so screen readers announce it.
class TrainingBanner : public QFrame
{
    Q_OBJECT

public:
    explicit TrainingBanner(QWidget *parent = nullptr);

    // The words every trainer window shows in its title and banner: "Training — invented cases".
    static QString label();

    // The line under it (the training file, or that this is a preview).
    void setDetail(const QString &text);
    QString detail() const;
    QString title() const;

protected:
    void paintEvent(QPaintEvent *event) override;

private:
    QLabel *m_title;
    QLabel *m_detail;
};

} // namespace fairnote::ui
