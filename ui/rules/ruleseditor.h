// SPDX-FileCopyrightText: 2026 Fairnote contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// RulesEditor: an organisation's (or a trainer's) rules edited in forms, without JSON — list by
// category with search, add a rule, change a built-in rule's wording or turn it off with a reason,
// problems beside each field, a live preview on the rule's examples and on pasted text, saved as a
// valid pack in the folder (docs/guide.md).
#pragma once

#include "wording/packwriter.h"

#include <QDialog>
#include <QHash>
#include <QTimer>

class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QPushButton;
class QSpinBox;
class QTextBrowser;
class QTreeWidget;
class QTreeWidgetItem;
class QWidget;

namespace fairnote::ui {

class RulesEditor : public QDialog
{
    Q_OBJECT

public:
    // `folder`: the organisation's rule folder (made on saving when it does not exist yet). `who`
    // names whose rules they are in the window title ("Organisation rules", "Training rules").
    RulesEditor(const QString &folder, const QString &who = {}, QWidget *parent = nullptr);

    // What the buttons do, for the menu and for tests.
    void addRule();
    bool changeForOrganisation(const QString &id);
    bool turnOff(const QString &id, const QString &reason);
    void turnBackOn(const QString &id);
    void selectRule(const QString &id);
    // Checks and writes the pack; false (and the problems shown) when it is not valid.
    bool save();
    // Who wrote the pack (pack.json's "authors"), as Pack details… sets it.
    void setPackAuthors(const QStringList &authors);

    bool loaded() const { return m_loaded; }
    bool hasUnsavedChanges() const { return m_dirty; }
    const wording::OrganisationPack &pack() const { return m_pack; }
    // The problem shown beside a field ("patterns", "why", "reason", …), empty when there is none.
    QString fieldProblem(const QString &member) const;
    QString saveProblems() const;
    QString previewText() const; // the preview of the pasted text, as plain text
    QString examplesText() const; // the outcome of the rule's examples, as plain text

signals:
    // After a successful save: the folder holds a valid pack.
    void saved(const QString &folder);

protected:
    void reject() override;

private:
    void buildUi();
    void fillTree();
    void showRule(const QString &id);
    void formChanged();
    void readForm();
    void updatePreview();
    void editPackDetails();
    void markSelection();
    wording::Rule *ownRule(const QString &id);
    const wording::Rule *shownRule(const QString &id) const;
    bool isOwn(const QString &id) const;
    bool isOff(const QString &id) const;

    QString m_folder;
    bool m_loaded = false;
    bool m_dirty = false;
    bool m_filling = false;
    wording::RulePack m_builtIn;
    wording::OrganisationPack m_pack;
    wording::OrganisationPack m_saved; // as last saved, for the change log
    QString m_current;
    QTimer m_previewTimer;

    QLineEdit *m_search;
    QTreeWidget *m_tree;
    QPushButton *m_change, *m_off, *m_on, *m_remove;
    QLabel *m_state;
    QWidget *m_form;
    QLineEdit *m_id, *m_message, *m_question, *m_sourceTitle, *m_sourcePublisher, *m_sourceUrl, *m_before, *m_after;
    QComboBox *m_category, *m_severity;
    QSpinBox *m_year;
    QPlainTextEdit *m_patterns, *m_exceptions, *m_why, *m_alternatives, *m_flag, *m_leave, *m_reason, *m_tryText;
    QHash<QString, QCheckBox *> m_skip;
    QCheckBox *m_matchCase;
    QHash<QString, QLabel *> m_problems; // beside each field, by member
    QLabel *m_examples;
    QTextBrowser *m_preview;
    QLabel *m_saveProblems;
};

} // namespace fairnote::ui
