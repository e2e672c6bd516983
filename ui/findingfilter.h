// SPDX-FileCopyrightText: 2026 Fairnote contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// FindingFilter: the user's view preferences over findings (rules turned off, findings ignored).
#pragma once

#include "wording/finding.h"

#include <QObject>
#include <QSet>
#include <QStringList>
#include <vector>

class QSettings;

namespace fairnote::ui {

// These are the worker's choices, not wording rules: core still reports every finding and the UI
// hides the ones the worker set aside. Three choices, never merged (docs/ui.md):
//  - ignore once: one occurrence, until its words are edited;
//  - ignore in this note: every finding of one rule, until another note is opened;
//  - turn the rule off: a setting kept in QSettings under "disabledRules", shown and undone in
//    Settings.
// Offsets are UTF-16 code units into the editor's text, like Finding::offset.
class FindingFilter : public QObject
{
    Q_OBJECT

public:
    // `settings` keeps the rules turned off between runs; it is not owned and may be null (then
    // nothing is persisted).
    explicit FindingFilter(QSettings *settings, QObject *parent = nullptr);

    // True when the worker chose not to see this finding. `scope` tells apart the texts that share
    // one filter (the fields of one record): an occurrence ignored once in one text is not hidden in
    // another. Rules turned off or ignored in the note apply to every scope.
    bool hides(const Finding &f, const void *scope = nullptr) const;

    QStringList disabledRules() const; // sorted
    bool isRuleDisabled(const QString &ruleId) const { return m_disabled.contains(ruleId); }
    void disableRule(const QString &ruleId);
    void enableRule(const QString &ruleId);

    void ignoreOnce(const Finding &f, const void *scope = nullptr);
    void ignoreInNote(const QString &ruleId);
    void stopIgnoringInNote(const QString &ruleId);
    QStringList rulesIgnoredInNote() const;
    // Forgets the ignores that belong to the note (a new note was started or opened).
    void clearNote();

    // Keeps ignored occurrences on their words as the text is edited: characters
    // [position, position + removed) were replaced by `added` characters. An occurrence the edit
    // overlaps is forgotten, so changed words are looked at again.
    void textEdited(qsizetype position, qsizetype removed, qsizetype added, const void *scope = nullptr);

signals:
    void changed();

private:
    struct Occurrence
    {
        qsizetype offset = 0;
        qsizetype length = 0;
        QString ruleId;
        const void *scope = nullptr;
    };

    void saveDisabled();

    QSettings *m_settings;
    QSet<QString> m_disabled;
    QSet<QString> m_ignoredInNote;
    std::vector<Occurrence> m_ignoredOnce;
};

} // namespace fairnote::ui
