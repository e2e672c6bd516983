// SPDX-FileCopyrightText: 2026 Fairnote contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// MainWindow: menus, the note editor beside the findings panel, and the status bar.
#pragma once

#include "loadedrules.h"
#include "wording/rulepack.h"

#include <QMainWindow>
#include <QPointer>

class QLabel;
class QSettings;
class QSplitter;

namespace fairnote::ui {

class FindingFilter;
class FindingsPanel;
class NoteEditor;
class SettingsDialog;

class MainWindow : public QMainWindow
{
    Q_OBJECT

public:
    // The QSettings key that holds the organisation's rule folder chosen in Settings.
    static QString organisationRulesKey();

    // `settings` keeps the worker's choices between runs; it is not owned and must outlive the
    // window.
    MainWindow(LoadedRules rules, QSettings *settings, QWidget *parent = nullptr);
    ~MainWindow() override;

    NoteEditor *editor() const { return m_editor; }
    FindingsPanel *findingsPanel() const { return m_panel; }
    FindingFilter *filter() const { return m_filter; }
    const LoadedRules &rules() const { return m_rules; }
    // The status bar's texts: the count of findings and the rules in use.
    QString countText() const;
    QString rulesText() const;

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
    void focusFindings();
    void chooseOrganisationRules();
    void useBuiltInRulesOnly();
    void showSettings();
    void showWordingGuide();
    void showAbout();

protected:
    void closeEvent(QCloseEvent *event) override;

private:
    void createActions();
    void createMenus();
    bool maybeSave();
    void applyRules(LoadedRules rules);
    void updateTitle();
    void updateCount(int shown, int hidden);
    void updateFindingActions();

    LoadedRules m_rules;
    QSettings *m_settings;
    FindingFilter *m_filter;
    NoteEditor *m_editor;
    FindingsPanel *m_panel;
    QSplitter *m_splitter;
    QLabel *m_countLabel;
    QLabel *m_rulesLabel;
    QPointer<SettingsDialog> m_settingsDialog;
    QString m_path;
    bool m_crlf = false;
    QString m_databasePath;
    QString m_lastTurnedOff;

    struct Actions
    {
        QAction *newNote, *open, *save, *saveAs, *quit;
        QAction *undo, *redo, *cut, *copy, *paste, *selectAll;
        QAction *next, *previous, *ignoreOnce, *ignoreInNote, *turnOff, *undoTurnOff, *focusFindings;
        QAction *organisationRules, *builtInOnly, *settings;
        QAction *guide, *about;
    } m_actions{};
};

} // namespace fairnote::ui
