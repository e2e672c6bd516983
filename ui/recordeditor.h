// SPDX-FileCopyrightText: 2026 Fairnote contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// RecordEditor: the guided form for one entry — a fire-setting incident record in plain sections, or a
// general case note — with its narrative fields checked as the worker types.
#pragma once

#include "record/casefile.h"

#include <QList>
#include <QWidget>
#include <memory>
#include <vector>

class QAction;
class QComboBox;
class QFormLayout;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QScrollArea;
class QVBoxLayout;

namespace fairnote::wording {
class Checker;
}
namespace fairnote::spelling {
class SpellChecker;
}

namespace fairnote::ui {

class DateField;
class EventDateEdit;
class FindingFilter;
class InterventionsEdit;
class NoteEditor;
class OptionalDateEdit;

// Every enumeration is an explicit choice whose first item is "Not answered" (a blank) and which
// offers "Unknown" wherever the record has it: the form never guesses. The narrative fields (what
// happened, context, what has changed, the safety plan; a note's text) are NoteEditors, checked for
// wording and spelling paragraph by paragraph as the worker types. The person's own account is their
// words, verbatim, and is not checked. Each field knows its JSON Pointer in the entry
// ("/incident/harm/injury"), the same paths record::assess() gives its prompts, so a prompt or a
// finding can take the worker straight to its field.
class RecordEditor : public QWidget
{
    Q_OBJECT

public:
    RecordEditor(std::shared_ptr<const wording::Checker> checker, FindingFilter *filter, QWidget *parent = nullptr);
    ~RecordEditor() override;

    // Loads an entry: the form shows the incident sections or the case-note form. Its id, author and
    // written-at are kept as they are and returned by entry().
    void setEntry(const record::Entry &entry);
    // The entry as the form answers it now.
    record::Entry entry() const;
    bool isIncident() const { return m_incident; }

    void setReadOnly(bool readOnly);
    bool isReadOnly() const { return m_readOnly; }

    void setChecker(std::shared_ptr<const wording::Checker> checker);
    void setSpellChecker(std::shared_ptr<spelling::SpellChecker> speller);
    // The names in the record, never marked as misspelt.
    void setNames(const QStringList &names);
    QStringList names() const { return m_names; }
    // Actions offered at the top of a narrative's context menu over a wording finding; each acts on
    // the finding at that narrative's cursor, found with `findingEditor()`.
    void setFindingActions(const QList<QAction *> &actions);
    // The narrative whose context menu or keyboard focus was used last (for those actions).
    NoteEditor *findingEditor() const { return m_lastNarrative; }

    // The checked narrative fields of the current kind, by JSON Pointer, in form order.
    std::vector<std::pair<QString, NoteEditor *>> narratives() const;
    // The field widget for a pointer (or the nearest enclosing one), or null.
    QWidget *fieldWidget(const QString &pointer) const;
    // Every field's pointer, in the order of the form.
    QStringList fieldPointers() const;
    // Scrolls to the field and gives it the focus. False when the form has no such field.
    bool focusField(const QString &pointer);

    // A date box (shown) whose text could not be taken as a date: the entry holds no date there, and
    // the box says why. Finalise asks for these to be corrected first.
    struct UnreadDate
    {
        QString pointer;   // the field's JSON Pointer ("/incident/legal/status_date")
        DateField *field;  // the box
        QString name;      // its accessible name ("Date of that status")
        QString text;      // what was typed
        QString problem;   // why it was not taken
    };
    std::vector<UnreadDate> unreadDates() const;

    // Whether the labels are above their fields (a narrow form) rather than beside them.
    bool labelsAbove() const { return m_wrapped; }

signals:
    // The worker changed an answer (not emitted by setEntry).
    void changed();
    // Any narrative's findings changed (for the side panel).
    void findingsChanged();

protected:
    void resizeEvent(QResizeEvent *event) override;
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void reflow();
    void build();
    void buildIncident(QVBoxLayout *layout);
    void buildNote(QVBoxLayout *layout);
    QFormLayout *section(QVBoxLayout *layout, const QString &title, const QString &hint = {});
    NoteEditor *narrative(const QString &pointer, const QString &accessibleName, const QString &placeholder, int lines);
    QLineEdit *line(const QString &pointer, const QString &accessibleName, const QString &placeholder = {});
    void registerField(const QString &pointer, QWidget *widget);
    void watch(QWidget *widget);
    void updateVisibility();
    void alignLabels();
    void somethingChanged();

    std::shared_ptr<const wording::Checker> m_checker;
    FindingFilter *m_filter;
    std::shared_ptr<spelling::SpellChecker> m_speller;
    QStringList m_names;
    record::Entry m_base; // id, author, written-at: kept from setEntry
    bool m_incident = true;
    bool m_readOnly = false;
    bool m_loading = false;
    int m_labelWidth = 0;
    bool m_wrapped = false;

    QScrollArea *m_scroll;
    QWidget *m_content = nullptr;
    std::vector<std::pair<QString, QWidget *>> m_fields; // pointer -> widget, in form order
    std::vector<std::pair<QString, NoteEditor *>> m_narratives;
    QList<QAction *> m_findingActions;
    NoteEditor *m_lastNarrative = nullptr;

    // Shared by both kinds.
    EventDateEdit *m_eventDate = nullptr;
    QLineEdit *m_lateReason = nullptr;
    QLineEdit *m_peoplePresent = nullptr;
    // A case note.
    NoteEditor *m_noteText = nullptr;
    // An incident.
    QComboBox *m_type = nullptr, *m_cause = nullptr;
    QLabel *m_causeLabel = nullptr;
    NoteEditor *m_whatHappened = nullptr;
    QComboBox *m_setting = nullptr;
    QLineEdit *m_settingDetail = nullptr;
    QComboBox *m_injury = nullptr, *m_damage = nullptr, *m_fireService = nullptr, *m_evacuation = nullptr;
    QLineEdit *m_damageDetail = nullptr;
    QComboBox *m_sourceType = nullptr, *m_official = nullptr, *m_verification = nullptr;
    QLineEdit *m_thirdParty = nullptr, *m_reference = nullptr;
    QLabel *m_thirdPartyLabel = nullptr, *m_officialLabel = nullptr;
    QComboBox *m_legal = nullptr, *m_spent = nullptr;
    OptionalDateEdit *m_statusDate = nullptr, *m_convictionDate = nullptr;
    QLineEdit *m_offence = nullptr, *m_court = nullptr, *m_sentence = nullptr;
    QWidget *m_convictionBox = nullptr;
    QLabel *m_spentLabel = nullptr;
    NoteEditor *m_context = nullptr, *m_changesSince = nullptr, *m_safetyPlan = nullptr;
    InterventionsEdit *m_interventions = nullptr;
    QComboBox *m_smoking = nullptr, *m_substances = nullptr, *m_mobility = nullptr, *m_hoarding = nullptr, *m_alarm = nullptr;
    QComboBox *m_visit = nullptr;
    OptionalDateEdit *m_visitDate = nullptr;
    QComboBox *m_accountStatus = nullptr, *m_disputes = nullptr;
    QLineEdit *m_accountReason = nullptr;
    QPlainTextEdit *m_accountText = nullptr;
};

} // namespace fairnote::ui
