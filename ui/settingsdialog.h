// SPDX-FileCopyrightText: 2026 Fairnote contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// SettingsDialog: the organisation's rules in use, the rules the worker turned off or ignored, and spelling.
#pragma once

#include <QDialog>
#include <functional>

class QCheckBox;
class QLabel;
class QListWidget;
class QPushButton;
class QSpinBox;

namespace fairnote::wording {
struct RulePack;
}

namespace fairnote::ui {

class FindingFilter;

// Every "turn this rule off" is listed here and can be undone with one button, so a rule is never
// switched off without a way back; the same goes for the words added to the personal dictionary.
// Changes apply at once.
class SettingsDialog : public QDialog
{
    Q_OBJECT

public:
    // `pack` names the rules in the lists; it is read through the function so the dialog always
    // sees the pack in use (the organisation's rules can change while it is open).
    SettingsDialog(FindingFilter *filter, std::function<const wording::RulePack &()> pack, QWidget *parent = nullptr);

    // What the status line says about the rules in use, and whether an organisation's are among them.
    void setRulesInUse(const QString &description, bool organisationRules);

    QListWidget *turnedOffList() const { return m_turnedOff; }
    // Turns the selected rules back on (the "Turn back on" button).
    void turnSelectedBackOn();

    // The spelling group: whether spelling is checked, what it is checked with (or why it cannot
    // be), and the words in the worker's personal dictionary with the file that holds them (an
    // empty path: there is no dictionary to list).
    void setSpelling(bool checked, const QString &status, const QStringList &personalWords,
                     const QString &personalListPath);
    QCheckBox *checkSpellingBox() const { return m_checkSpelling; }
    QListWidget *personalWordsList() const { return m_words; }
    // Asks for the selected words to be taken out of the personal dictionary ("Remove").
    void removeSelectedWords();

    // The minutes a team server's window may be left idle before it locks (0: never).
    void setLockAfterMinutes(int minutes);
    QSpinBox *lockMinutesBox() const { return m_lockMinutes; }

signals:
    void chooseOrganisationRules();
    void editOrganisationRules();
    void useBuiltInRulesOnly();
    void checkSpellingChanged(bool checked);
    void removeFromDictionary(const QStringList &words);
    void lockAfterMinutesChanged(int minutes);

private:
    void reload();
    QString ruleLabel(const QString &id) const;

    FindingFilter *m_filter;
    std::function<const wording::RulePack &()> m_pack;
    QLabel *m_rulesInUse;
    QPushButton *m_builtInOnly;
    QListWidget *m_turnedOff;
    QPushButton *m_turnOn;
    QLabel *m_turnedOffEmpty;
    QListWidget *m_ignored;
    QPushButton *m_showAgain;
    QCheckBox *m_checkSpelling;
    QLabel *m_spellingStatus;
    QLabel *m_wordsLabel;
    QListWidget *m_words;
    QPushButton *m_removeWords;
    QSpinBox *m_lockMinutes;
};

} // namespace fairnote::ui
