// SPDX-FileCopyrightText: 2026 Fairnote contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// SupervisionDialog: a supervisor's audit inside Fairnote — draw the review queue, read each entry with its
// completeness computed by the rubric, score the quality criteria with evidence, return it for correction
// if need be, and decide sign-off requests. Nothing here ever changes what the worker wrote.
#pragma once

#include "review/review.h"

#include <QDialog>

class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QListWidget;
class QPlainTextEdit;
class QPushButton;
class QSpinBox;
class QTabWidget;
class QTextBrowser;

namespace fairnote::ui {

class DateField;

class SupervisionDialog : public QDialog
{
    Q_OBJECT

public:
    SupervisionDialog(store::Store &store, review::Rubric rubric, const store::Actor &reviewer, QWidget *parent = nullptr);

    // Draws a new queue with the choices made (recorded in the audit trail). False with `error` when not.
    bool drawQueue(QString *error = nullptr);
    void reloadQueue();
    // Shows one entry of the queue (or any entry) for review.
    bool showEntry(const QString &entryId);
    // Saves the review with the scores chosen. False with `error` saying why.
    bool saveReview(QString *error = nullptr);

    // For tests.
    QListWidget *queueList() const { return m_queue; }
    QSpinBox *sizeBox() const { return m_size; }
    QLineEdit *seedEdit() const { return m_seed; }
    QComboBox *scoreBox(const QString &criterion) const;
    QLineEdit *evidenceEdit(const QString &criterion) const;
    QPlainTextEdit *commentEdit() const { return m_comment; }
    QCheckBox *returnBox() const { return m_return; }
    QListWidget *completenessList() const { return m_completeness; }
    QListWidget *signOffList() const { return m_signOffs; }
    QTextBrowser *signOffView() const { return m_signOffView; }
    QTabWidget *tabs() const { return m_tabs; }
    bool decideSignOff(int row, bool approve, const QString &comment, QString *error = nullptr);
    void reloadSignOffs();
    // Scores, evidence or a comment typed since the entry was shown and not saved.
    bool hasUnsavedReview() const;
    QLabel *saveReasonLabel() const { return m_saveReason; }
    QLabel *signOffStatusLabel() const { return m_signOffStatus; }
    QLabel *queueNotesLabel() const { return m_queueNotes; }

public slots:
    // Asks before closing with a review not saved.
    void done(int result) override;

private:
    QWidget *buildQueuePage();
    QWidget *buildSignOffPage();
    void showSignOff(int row);
    QString signOffTitle(const store::SignOff &signOff) const;   // "entry entry-0001 (revision 1) — Sam Rivers"
    QString signOffHeading(const store::SignOff &signOff) const; // the same, capitalised
    // With a review not saved: asks to save it, discard it, or keep reviewing. True when it may go.
    bool settleUnsavedReview();

    store::Store &m_store;
    review::Rubric m_rubric;
    store::Actor m_reviewer;
    QString m_entryId;

    QTabWidget *m_tabs;
    QSpinBox *m_size, *m_window;
    QComboBox *m_worker, *m_type;
    QCheckBox *m_everyIncident, *m_byWorker, *m_period;
    DateField *m_from, *m_to;
    QLineEdit *m_seed;
    QLabel *m_queueNotes;
    QListWidget *m_queue;
    QLabel *m_entryHeading;
    QTextBrowser *m_entryView;
    QListWidget *m_completeness;
    std::vector<std::tuple<QString, QComboBox *, QLineEdit *>> m_scores; // criterion, score, evidence
    QPlainTextEdit *m_comment;
    QCheckBox *m_return;
    QPushButton *m_save;
    QLabel *m_saveReason;
    QLabel *m_signOffStatus;
    bool m_reviewDirty = false;
    bool m_loadingEntry = false;
    QLabel *m_earlier;
    QListWidget *m_signOffs;
    QTextBrowser *m_signOffView;
    std::vector<store::SignOff> m_signOffRequests; // the rows of m_signOffs
};

} // namespace fairnote::ui
