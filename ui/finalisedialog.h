// SPDX-FileCopyrightText: 2026 Fairnote contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// FinaliseDialog: what is still open before an entry becomes final, and the worker's reasons for it.
#pragma once

#include "store/store.h"

#include <QDialog>
#include <QHash>
#include <QString>
#include <vector>

class QIcon;
class QKeyEvent;
class QLabel;
class QLineEdit;
class QPalette;
class QPlainTextEdit;
class QPushButton;
class QWidget;

namespace fairnote::ui {

// Shown before an entry (or an amendment) is finalised. It says that a final entry cannot be changed,
// only amended; lists every prompt still open with a box for why it is being left open; lists the
// wording and spelling findings that will be kept with the entry; and, for an amendment, asks for the
// reason. Finalise is enabled only when every reason is given. The dialog holds no rules: the
// preview is the store's own assessment (store::makeAssessor) of the text about to be kept.
class FinaliseDialog : public QDialog
{
    Q_OBJECT

public:
    FinaliseDialog(const store::Snapshot &preview, bool amendment, QWidget *parent = nullptr);

    // The reasons given, keyed by store::promptKey(code, field), trimmed; for Store::finalise().
    QHash<QString, QString> leftReasons() const;
    // The reason for the amendment, trimmed; empty when this is not an amendment.
    QString amendReason() const;

    // For tests and the main window.
    QPushButton *finaliseButton() const { return m_finalise; }
    // What is still needed before Finalise is enabled, in words ("To finalise, give …").
    QString missingText() const;
    // The reason boxes, one per prompt, in the order of the preview's prompts.
    const std::vector<QLineEdit *> &reasonEdits() const { return m_reasonEdits; }
    QLineEdit *sameReasonEdit() const { return m_sameReason; }
    QPushButton *sameReasonButton() const { return m_sameReasonButton; }
    QPlainTextEdit *amendReasonEdit() const { return m_amendReason; }

    // Where a field is in the editor, in words: "Harm › Injury", "When and where › Event date",
    // from record::describeFields so it reads as the editor's sections do. Unknown pointers get
    // a readable form of their last part.
    static QString fieldTitle(const QString &pointer);
    // How a kept finding is shown wherever it is listed: "Spelling" or the severity word
    // ("Important", …), and the matching icon from findingformat.h (shape and colour differ).
    static QString findingWord(const store::SnapshotFinding &finding);
    static QIcon findingIcon(const store::SnapshotFinding &finding, const QPalette &palette);

signals:
    // "Go to this question": the worker wants to answer the prompt on `pointer` (a JSON Pointer inside
    // the entry, e.g. "/incident/source/type"). The dialog is rejected straight after.
    void goToField(const QString &pointer);

protected:
    void keyPressEvent(QKeyEvent *event) override;

private:
    void update();
    void fillBlankReasons();
    QWidget *promptsSection(QWidget *parent);
    QWidget *findingsSection(QWidget *parent);

    store::Snapshot m_preview;
    bool m_amendment;
    std::vector<QLineEdit *> m_reasonEdits;
    QLineEdit *m_sameReason = nullptr;
    QPushButton *m_sameReasonButton = nullptr;
    QPlainTextEdit *m_amendReason = nullptr;
    QLabel *m_missing = nullptr;
    QPushButton *m_finalise = nullptr;
    bool m_enterFinalises = false;
};

} // namespace fairnote::ui
