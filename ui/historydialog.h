// SPDX-FileCopyrightText: 2026 Fairnote contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// HistoryDialog: every revision of an entry, who wrote it, when and why, and what each one changed.
#pragma once

#include "store/store.h"

#include <QDialog>
#include <QStringList>
#include <vector>

class QCheckBox;
class QFrame;
class QLabel;
class QListWidget;
class QTextBrowser;

namespace fairnote::ui {

// A list of revisions on the left (newest first; a draft of an amendment, if any, at the top as
// "Draft (not final)"), and for the selected one: who, when, why, whether it was late, its hash, the
// prompts left open with their reasons and the findings kept with it; under that, every field beside
// the revision before it, changed fields marked with a colour and the word "Changed". An entry marked
// in error has a banner saying who marked it, when and why. Read-only: the dialog only shows
// store::EntryDetail, described with record::describeFields.
class HistoryDialog : public QDialog
{
    Q_OBJECT

public:
    explicit HistoryDialog(const store::EntryDetail &detail, QWidget *parent = nullptr);

    // One row of the comparison: a field as it was before and as it is in the selected revision.
    struct ComparedField
    {
        QString section, label, pointer;
        QString before, after; // the answers in words
        bool inBefore = true, inAfter = true; // the field is shown in that revision at all
        bool changed = false;
    };
    // Every field of `after` beside `before` (nullptr: nothing before, nothing is "changed"), in the
    // editor's order; a field only in `before` keeps its place.
    static std::vector<ComparedField> compare(const record::Entry *before, const record::Entry &after);

    // "3 March 2026, 14:05" in the computer's time zone.
    static QString displayTime(const QDateTime &time);

    QListWidget *revisionList() const { return m_list; }
    QCheckBox *onlyChangesBox() const { return m_onlyChanges; }
    QTextBrowser *detailsView() const { return m_details; }
    QTextBrowser *comparisonView() const { return m_comparison; }
    // The pointers of the fields marked "Changed" for the selected revision.
    QStringList changedFields() const;
    // The in-error banner's text; empty when the entry is not marked in error.
    QString inErrorText() const;

    // The word beside each changed field.
    static QString changedWord();

private:
    void showSelected();
    void renderComparison();
    QString detailsHtml(int row) const;

    store::EntryDetail m_detail;
    QFrame *m_banner = nullptr;
    QLabel *m_bannerText = nullptr;
    QListWidget *m_list;
    QTextBrowser *m_details;
    QCheckBox *m_onlyChanges;
    QTextBrowser *m_comparison;
    std::vector<ComparedField> m_rows;
    bool m_hasBefore = false;
    QString m_beforeName;
};

} // namespace fairnote::ui
