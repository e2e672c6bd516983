// SPDX-FileCopyrightText: 2026 Fairnote contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// ReportDialog: the referral summary or the subject-access export of one person — the worker's choices
// on the left, a live preview of the document on the right, then save it as PDF, HTML or JSON, or print
// it. Every save and print is recorded in the audit trail first (report::saveRecorded).
#pragma once

#include "report/sar.h"
#include "report/summary.h"

#include <QDialog>
#include <QTimer>
#include <memory>

class QCheckBox;
class QDateEdit;
class QLabel;
class QLineEdit;
class QListWidget;
class QPushButton;
class QRadioButton;
class QTextBrowser;

namespace fairnote::wording {
class Checker;
}

namespace fairnote::ui {

class ReportDialog : public QDialog
{
    Q_OBJECT

public:
    // The name offered when saving: the kind, the person and the date ("fire-safety-summary-sam-rivers-2026-12-07.pdf").
    QString suggestedFileName(const QString &format) const;
    // Where the save dialog starts: Documents, or home when there is none.
    static QString startFolder();
    enum class Kind { Summary, SubjectAccess };

    ReportDialog(Kind kind, store::Store &store, const QString &personId, const store::Actor &author,
                 std::shared_ptr<const wording::Checker> checker, QWidget *parent = nullptr);

    // The document as the choices make it now; empty when they are not complete (see problem()).
    QString html() const { return m_html; }
    // What is missing before it can be saved ("Say who the summary is for…"), or empty.
    QString problem() const { return m_problem; }
    // The wording still flagged in the summary's text, as listed.
    QStringList stillFlagged() const;

    // Saves in `format` ("pdf", "html", "json") to `path`, recording the export first. False with
    // `error` when it could not be saved.
    bool saveTo(const QString &path, const QString &format, QString *error);
    // Asks a supervisor to sign off the summary as it stands (summary only); false with a sentence when it
    // cannot be asked for yet or already was.
    bool askForSignOff(const QString &comment, QString *error);
    QPushButton *signOffButton() const { return m_signOff; }

    // For tests: the controls.
    QListWidget *incidentList() const { return m_incidents; }
    QLineEdit *purposeEdit() const { return m_purpose; }
    QLineEdit *recipientEdit() const { return m_recipient; }
    QRadioButton *consentButton() const { return m_consent; }
    QLineEdit *basisEdit() const { return m_basis; }
    QCheckBox *sectionBox(report::Section s) const;
    QPushButton *savePdfButton() const { return m_savePdf; }
    QTextBrowser *preview() const { return m_preview; }
    void refreshNow();

private:
    void buildSummaryChoices(QWidget *pane);
    void buildSarChoices(QWidget *pane);
    void saveInteractively(const QString &format);
    void print();

    Kind m_kind;
    store::Store &m_store;
    QString m_personId;
    store::Actor m_author;
    std::shared_ptr<const wording::Checker> m_checker;
    std::optional<report::ReferralSummary> m_summary;
    std::optional<report::SubjectAccessExport> m_sar;
    QString m_html;
    QString m_problem;
    QTimer m_refresh;

    QListWidget *m_incidents = nullptr;
    std::vector<std::pair<report::Section, QCheckBox *>> m_sections;
    QLineEdit *m_purpose = nullptr, *m_recipient = nullptr, *m_basis = nullptr;
    QRadioButton *m_consent = nullptr, *m_noConsent = nullptr;
    QCheckBox *m_fromKnown = nullptr, *m_toKnown = nullptr;
    QDateEdit *m_from = nullptr, *m_to = nullptr;
    QLabel *m_status;
    QListWidget *m_flagged = nullptr;
    QTextBrowser *m_preview;
    QPushButton *m_savePdf, *m_saveHtml, *m_saveJson, *m_print;
    QPushButton *m_signOff = nullptr;
};

} // namespace fairnote::ui
