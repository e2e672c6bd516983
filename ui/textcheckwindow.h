// SPDX-FileCopyrightText: 2026 Fairnote contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// TextCheckWindow: checks a piece of text that is not (yet) a record — a pasted or opened note, a
// trainer's example — with the editor beside the findings panel, menus, spelling and settings.
#pragma once

#include "loadedrules.h"
#include "spelling/spellchecker.h"
#include "wording/rulepack.h"

#include <QMainWindow>
#include <QPointer>
#include <memory>

class QLabel;
class QLineEdit;
class QSettings;
class QSplitter;
class QTimer;

namespace fairnote::ui {

class FindingFilter;
class FindingsPanel;
class NoteEditor;
class NoticeBar;
class SettingsDialog;

class GuideWindow;

class TextCheckWindow : public QMainWindow
{
    Q_OBJECT

public:
    // The QSettings key that holds the organisation's rule folder chosen in Settings.
    static QString organisationRulesKey();
    // The QSettings keys for Settings › Check spelling (true when absent) and for a dictionary
    // chosen from the notice shown when none is found.
    static QString checkSpellingKey();
    static QString dictionaryKey();
    // Where the dictionary is looked for and the personal list kept: the same as fairnote-cli (the
    // app's data directory, then <prefix>/share/fairnote/dictionaries, then the system's places;
    // AppDataLocation/personal-words.txt), so a word added in one is known to the other.
    static spelling::SpellingOptions defaultSpellingOptions();
    // The names typed into the "Person's name" box: split at commas and semicolons.
    static QStringList splitNames(const QString &text);

    // `settings` keeps the worker's choices between runs; it is not owned and must outlive the
    // window.
    TextCheckWindow(LoadedRules rules, QSettings *settings, QWidget *parent = nullptr);
    // With other spelling options (tests: a temporary personal list, no system dictionaries).
    TextCheckWindow(LoadedRules rules, QSettings *settings, spelling::SpellingOptions spelling, QWidget *parent = nullptr);
    ~TextCheckWindow() override;

    NoteEditor *editor() const { return m_editor; }
    FindingsPanel *findingsPanel() const { return m_panel; }
    FindingFilter *filter() const { return m_filter; }
    const LoadedRules &rules() const { return m_rules; }
    // The status bar's texts: the count of findings, whether spelling is checked, the rules in use.
    QString countText() const;
    QString spellingText() const;
    QString rulesText() const;
    // The notice across the top (spelling cannot be checked, a word list could not be read).
    NoticeBar *notice() const { return m_notice; }

    // Settings › Check spelling. Saved; turning it on opens the dictionary if need be (and shows the
    // notice when there is none).
    bool spellingEnabled() const;
    void setSpellingEnabled(bool on);
    // Checks spelling with this Hunspell dictionary (a .dic with its .aff beside it) from now on,
    // and saves the choice. On failure returns false with `error` saying why, and nothing changes.
    bool useDictionary(const QString &path, QString *error);
    // The people in the record: their names are never marked as misspelt. Shown in the "Person's
    // name" box above the note (--name fills it).
    void setPersonNames(const QStringList &names);
    QStringList personNames() const;
    QLineEdit *personNameEdit() const { return m_nameEdit; }

    // Reads a UTF-8 text file into the editor. On failure the note is left exactly as it was and
    // `error` says what is wrong with the file (for bad bytes, at which byte).
    bool loadFile(const QString &path, QString *error);
    // Writes the note as UTF-8. Returns false with `error` set when it could not.
    bool saveFile(const QString &path, QString *error);
    // Switches to the built-in rules plus the organisation's folder (empty: built-in only), without
    // restarting. A folder with problems is refused: they are returned and nothing changes.
    bool useOrganisationRules(const QString &dir, wording::PackProblems *problems);
    // The case file named with --db. Storage is a later piece of work; for now it is only shown.
    void setDatabasePath(const QString &path);

public slots:
    void newNote();
    void openNote();
    bool save();
    bool saveAs();
    void turnRuleOffAtCursor();
    void undoTurnRuleOff();
    void ignoreOnceAtCursor();
    void ignoreInNoteAtCursor();
    void addToDictionaryAtCursor();
    void chooseDictionary();
    void focusFindings();
    void chooseOrganisationRules();
    void useBuiltInRulesOnly();
    void showSettings();
    void showWordingGuide(const QString &anchor = {});
    // Settings › Organisation rules…: the rule editor on the organisation's folder (chosen first if none is).
    void editOrganisationRules();
    void showAbout();

protected:
    void closeEvent(QCloseEvent *event) override;

private:
    QString m_lastFind;
    void createActions();
    void createMenus();
    bool maybeSave();
    void applyRules(LoadedRules rules);
    void updateTitle();
    void updateCount(int shown, int hidden);
    void updateFindingActions();
    void startSpelling();
    void updateSpellingStatus();
    void refreshSettingsSpelling();
    void applyPersonNames();

    LoadedRules m_rules;
    QSettings *m_settings;
    spelling::SpellingOptions m_spellingOptions;
    std::shared_ptr<spelling::SpellChecker> m_speller; // kept while spelling is turned off
    QString m_spellingProblem;                         // why there is no m_speller
    NoticeBar *m_notice;
    QLineEdit *m_nameEdit;
    QTimer *m_nameTimer;
    QLabel *m_spellingLabel;
    FindingFilter *m_filter;
    NoteEditor *m_editor;
    FindingsPanel *m_panel;
    QSplitter *m_splitter;
    QLabel *m_countLabel;
    QLabel *m_rulesLabel;
    QPointer<SettingsDialog> m_settingsDialog;
    QPointer<GuideWindow> m_guide;
    QString m_path;
    bool m_crlf = false;
    QString m_databasePath;
    QString m_lastTurnedOff;

    struct Actions
    {
        QAction *newNote, *open, *save, *saveAs, *quit;
        QAction *undo, *redo, *cut, *copy, *paste, *selectAll, *find;
        QAction *next, *previous, *ignoreOnce, *addToDictionary, *ignoreInNote, *turnOff, *undoTurnOff, *focusFindings;
        QAction *organisationRules, *builtInOnly, *settings;
        QAction *guide, *about;
    } m_actions{};
};

} // namespace fairnote::ui
