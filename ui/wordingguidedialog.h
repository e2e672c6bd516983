// SPDX-FileCopyrightText: 2026 Fairnote contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// WordingGuideDialog: every rule in the pack in use, by category, with why, what instead and source.
#pragma once

#include <QDialog>

class QLineEdit;
class QTextBrowser;

namespace fairnote::wording {
struct RulePack;
}

namespace fairnote::ui {

class WordingGuideDialog : public QDialog
{
    Q_OBJECT

public:
    explicit WordingGuideDialog(const wording::RulePack &pack, QWidget *parent = nullptr);

    // The guide as rich text (also what the dialog shows).
    static QString guideHtml(const wording::RulePack &pack);

private:
    void findNext();

    QLineEdit *m_find;
    QTextBrowser *m_browser;
};

} // namespace fairnote::ui
