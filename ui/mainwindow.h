// SPDX-FileCopyrightText: 2026 Fairnote contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// MainWindow: the case file — people, each person's chronology, search, and the guided editor where a
// worker records an incident or a note, checked as they type, saved as a draft and finalised.
#pragma once

#include "loadedrules.h"
#include "spelling/spellchecker.h"
#include "store/keptdrafts.h"
#include "store/settings.h"
#include "store/snapshot.h"
#include "store/store.h"

#include <QMainWindow>
#include <QPointer>
#include <QTimer>
#include <memory>
#include <optional>

class QHBoxLayout;
class QLabel;
class QLineEdit;
class QListWidget;
class QPushButton;
class QSettings;
class QSplitter;
class QStackedWidget;
class QTextBrowser;
class QTreeWidget;

namespace fairnote::ui {

class EditActions;
class ElidedLabel;
class FindingFilter;
class NoticeBar;
class RecordEditor;
class RecordPanel;
class SettingsDialog;
class TextCheckWindow;

// Holds no rule about records: every change goes through store::Store (the same calls fairnote-cli
// makes), prompts come from record::assess() and findings from the core checkers. The window only
// decides what to show and when to save.
//
// Drafts are saved to the case file a couple of seconds after the worker stops typing (at most every
// kAutosaveMs while they type), when they leave the entry, and when the window closes, so a crash
// loses at most a few seconds; the next start offers unfinished drafts back.
class GuideWindow;
class IdleLock;

class MainWindow : public QMainWindow
{
    Q_OBJECT

public:
    static constexpr int kAutosaveMs = 2000;
    // How often a team server is tried again while a draft is kept on this computer.
    static constexpr int kKeptRetryMs = 20000;

    // `store` is the open case file; `settings` keeps the worker's choices (not owned, outlives the
    // window); `spelling` says where dictionaries and the personal word list are.
    MainWindow(LoadedRules rules, QSettings *settings, spelling::SpellingOptions spelling, std::unique_ptr<store::Store> store,
               QWidget *parent = nullptr);
    ~MainWindow() override;

    store::Store &store() const { return *m_store; }
    // Who signs entries: the author in the settings (the first start asks for it).
    store::Actor author() const { return m_author; }
    void setAuthor(const store::Actor &author);

    // People.
    void reloadPeople();
    bool selectPerson(const QString &personId);
    QString currentPersonId() const { return m_personId; }
    // Adds a person and selects them. On failure returns false with `error` saying why.
    bool addPerson(const record::Person &person, QString *error = nullptr);
    QListWidget *peopleList() const { return m_people; }
    QLineEdit *peopleFilter() const { return m_peopleFilter; }

    // The chronology of the selected person.
    QTreeWidget *chronology() const { return m_chronology; }
    QString sinceLastIncidentText() const;

    // Entries.
    // Starts a new entry (an incident record or a case note) for the selected person.
    bool newEntry(bool incident);
    // Opens an entry: your draft to edit, or the final entry read-only.
    bool openEntry(const QString &entryId);
    QString currentEntryId() const { return m_entryId; }
    RecordEditor *recordEditor() const { return m_editor; }
    RecordPanel *recordPanel() const { return m_panel; }
    bool editing() const;          // an entry is open
    bool editorReadOnly() const;   // the open entry is final (or marked in error)
    QString editorStatusText() const;
    // Saves the open draft now. Returns false (and says why in `error`) when it could not.
    bool saveDraft(QString *error = nullptr);
    bool hasUnsavedChanges() const { return m_dirty; }
    // Finalises the open draft with these reasons (no dialog): see store::Store::finalise.
    bool finaliseWith(const QHash<QString, QString> &leftReasons, const QString &amendReason, QString *error = nullptr);
    // Turns the open final entry into an amendment draft the worker can edit.
    bool startAmendment(QString *error = nullptr);
    bool markInError(const QString &reason, QString *error = nullptr);
    bool discardDraft(QString *error = nullptr);
    // Back to the chronology, saving a draft first.
    void closeEntry();
    // The ids of this author's drafts (new entries and amendments in progress).
    QStringList unfinishedDrafts() const;

    // Full-text search across the file; the results page shows snippets with the words highlighted.
    void search(const QString &query);
    // Escape in the search box or the results: clears the search and goes back to the page before.
    void leaveSearch();
    QTextBrowser *searchResults() const { return m_results; }
    QLineEdit *searchField() const { return m_searchField; }

    NoticeBar *notice() const { return m_notice; }
    // Tries a team server again while a draft is kept on this computer (inactive otherwise).
    QTimer *keptDraftsRetry() { return &m_keptRetry; }
    EditActions *editActions() const { return m_edit; }
    // Quit's keys: the platform's, and Ctrl+Q in any case (some themes give none).
    static QList<QKeySequence> quitShortcuts();
    // Whether entries, people and exports can be written to this case file; when not, why (in words the
    // read-only banner shows), and every writing action is disabled.
    bool canWrite() const;
    QString whyReadOnly() const;
    QLabel *readOnlyBanner() const { return m_readOnlyBanner; }
    // On a team server: the lock that hides case content after the window was left idle (nullptr on a
    // local file, which has no password to ask for).
    IdleLock *idleLock() const { return m_idleLock; }

public slots:
    void newIncident();
    void newNote();
    void addPersonInteractively();
    void finaliseInteractively();
    void amendInteractively();
    void markInErrorInteractively();
    void discardInteractively();
    void showHistory();
    void offerUnfinishedDrafts();
    void focusSearch();
    void showHelp();
    // The good-practice guide, at a section when one is named ("rule-label.arsonist").
    void openGuide(const QString &anchor = {});
    void showSettings();
    // File › Connect to a team server…: the Connect dialog, then a new window on the server.
    void connectToServer();
    void editAuthor();
    void openTextCheck();
    // Trainer mode: practice on invented cases, in the training file (never this case file).
    void openTrainerMode();
    void showAbout();
    void showSummary();
    void showSupervision();
    void showTrends();
    void requestSignOffInteractively();
    void showSubjectAccess();
    void flagForDisclosureInteractively();
    void releaseForDisclosureInteractively();

protected:
    void closeEvent(QCloseEvent *event) override;
    // Lets the window's shortcuts win over a text field's own keys (Qt on X11 takes Ctrl+E for
    // "end of line" even in a read-only field): see ShortcutOverride in mainwindow.cpp.
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void createActions();
    void createMenus();
    QWidget *buildPeoplePane();
    QWidget *buildChronologyPage();
    QWidget *buildEditorPage();
    QWidget *buildSearchPage();
    QWidget *buildEmptyPage();
    void startSpellingCheck();
    void applyAssessor();
    // The user's settings as they are now (store::UserSettings; the defaults with no settings file).
    store::UserSettings userSettings() const;
    void showPage(QWidget *page);
    void makeRoomForPanel();
    void loadChronology();
    void filterPeople(const QString &text);
    void updateEntryActions();
    void updateEditorHeader();
    void updateTitle();
    void editorChanged();
    void updateNames(record::Entry entry); // the names in `entry` are never marked as misspelt
    void autosave();
    // The key the open draft is kept under on this computer: its entry's id, or one of its own while new.
    QString keptKey();
    // Tries the server again: the open draft first, then every other kept draft (from windows closed
    // while the server was away). Says what was saved, and what the server refused, in the notice bar.
    void sendKeptDrafts();
    void loadEntryIntoEditor(const store::EntryDetail &detail);
    void showError(const QString &title, const QString &message);
    void status(const QString &message);
    record::Person currentPerson() const;
    // What tells this person apart from another of the same name: "born 2 April 1988", "also known as …",
    // or when neither is recorded, that nothing is (and their number). Empty when `shared` is false and
    // no date of birth is recorded.
    static QString tellApart(const record::Person &person, bool shared);
    QString selectedChronologyEntry() const;

    LoadedRules m_rules;
    QSettings *m_settings;
    spelling::SpellingOptions m_spellingOptions;
    std::shared_ptr<spelling::SpellChecker> m_speller;
    QString m_spellingProblem;
    // The assessment the store and the finalise dialog use (store::makeStandardAssessor), or why there is none.
    std::optional<store::StandardAssessor> m_assessment;
    QString m_assessmentProblem;
    std::unique_ptr<store::Store> m_store;
    store::Actor m_author;
    FindingFilter *m_filter;

    QString m_personId;
    mutable record::Person m_lastPerson; // what currentPerson() last read, for while a team server cannot be reached
    QString m_entryId;        // the open entry; empty for a new entry not yet saved
    bool m_entryIsNew = false;
    bool m_readOnly = false;
    bool m_amending = false;  // the open draft is an amendment
    bool m_dirty = false;
    record::Entry m_baseline; // what the editor held when the entry was loaded or last saved
    bool m_loading = false;
    QDateTime m_savedAt;
    QTimer m_autosave;
    // A team server's drafts kept on this computer while it cannot be reached (store/keptdrafts.h), and
    // the timer that tries the server again while any are kept. Unset for a local file.
    std::optional<store::KeptDrafts> m_kept;
    QTimer m_keptRetry;
    QString m_newKey;          // the kept-draft key of a new entry the server has not named yet
    bool m_keptOffline = false; // the open draft's latest changes are kept on this computer, not on the server

    NoticeBar *m_notice;
    QSplitter *m_splitter;
    QLineEdit *m_peopleFilter;
    QListWidget *m_people;
    QStackedWidget *m_pages;
    QWidget *m_emptyPage, *m_chronologyPage, *m_editorPage, *m_searchPage;
    QLabel *m_personHeading, *m_personDetails, *m_sinceLabel, *m_chronologyEmpty;
    QTreeWidget *m_chronology;
    QLabel *m_editorTitle, *m_editorStatus, *m_editorBanner;
    QHBoxLayout *m_editorButtons;
    QHBoxLayout *m_editorTitleRow;
    RecordEditor *m_editor;
    RecordPanel *m_panel;
    QLineEdit *m_searchField;
    QTimer *m_searchDelay = nullptr;
    QLabel *m_searchHeading;
    QTextBrowser *m_results;
    ElidedLabel *m_statusFile, *m_statusAuthor;
    QLabel *m_statusReadOnly;
    QLabel *m_readOnlyBanner;
    QPushButton *m_addPersonButton = nullptr, *m_newIncidentButton = nullptr, *m_newNoteButton = nullptr, *m_summaryButton = nullptr;
    QPointer<SettingsDialog> m_settingsDialog;
    EditActions *m_edit = nullptr;
    QPointer<TextCheckWindow> m_textCheck;
    QPointer<GuideWindow> m_guide;

    struct Actions
    {
        QAction *newIncident, *newNote, *addPerson, *saveDraft, *finalise, *amend, *markInError, *discard, *history,
            *closeEntry, *search, *quit, *nextFinding, *previousFinding, *textCheck, *settings, *author, *help, *guide,
            *about, *offerDrafts, *summary, *subjectAccess, *flagDisclosure, *releaseDisclosure, *supervision, *trends, *signOff,
            *trainer, *connectServer, *lock;
    } m_actions{};
    IdleLock *m_idleLock = nullptr; // a team server's window only: a local file has no password
};

} // namespace fairnote::ui
