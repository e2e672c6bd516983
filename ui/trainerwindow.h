// SPDX-FileCopyrightText: 2026 Fairnote contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// TrainerWindow: trainer mode. Learners practise factual recording on invented cases (rewrite a vague
// note, sort statements, spot the problems) and see their score and how it was worked out; trainers
// write their own exercises, preview them and see a cohort's results. It works only on a training file
// (store::FileKind::Training), never on a real case file, and says so in its title and a banner.
#pragma once

#include "loadedrules.h"
#include "store/store.h"
#include "training/exerciseloader.h"
#include "training/results.h"
#include "training/scoring.h"

#include <QMainWindow>
#include <QPointer>
#include <QTimer>
#include <memory>
#include <optional>

class QComboBox;
class QLabel;
class QLineEdit;
class QSettings;
class QStackedWidget;
class QListWidget;
class QListWidgetItem;

namespace fairnote::ui {

class CohortDialog;
class ExerciseEditor;
class ExerciseView;
class FindingFilter;
class NoticeBar;
class TrainingBanner;

// Holds no rule about exercises or scores: loading, scoring and results are core/training's, the same
// code `fairnote-cli exercise` runs. Each scored attempt is recorded in the training file under the
// learner's code (no names); a rewrite in progress is kept there as the learner's draft.
class GuideWindow;

class TrainerWindow : public QMainWindow
{
    Q_OBJECT

public:
    static constexpr int kDraftSaveMs = 2000;

    // Opens trainer mode on the training file at `path` (empty: training::defaultTrainingFilePath()),
    // creating it when it does not exist. Returns a new window (not yet shown; it deletes itself when
    // closed), or null with `error` saying why: a real case file is refused, and so is anything else
    // that is not a training file. `settings` (not owned) must outlive the window. This is what the
    // main window's "Trainer mode" menu item calls.
    static TrainerWindow *open(const LoadedRules &rules, QSettings *settings, const QString &path = {}, QString *error = nullptr);

    // `trainingFile` must be a training file (store::FileKind::Training).
    TrainerWindow(LoadedRules rules, QSettings *settings, std::unique_ptr<store::Store> trainingFile, QWidget *parent = nullptr);
    ~TrainerWindow() override;

    // The settings: the organisation's exercises folder (loaded over the built-in ones) and the
    // session label last used.
    static QString exercisesFolderKey();
    static QString sessionKey();

    store::Store &trainingFile() const { return *m_store; }
    const training::ExerciseSet &exercises() const { return m_set; }
    TrainingBanner *banner() const { return m_banner; }
    NoticeBar *notice() const { return m_notice; }
    // The exercises by kind; each row holds the title and, under it, the level, time and best score.
    QListWidget *exerciseList() const { return m_list; }
    QListWidgetItem *listItem(const QString &id) const;
    QLineEdit *learnerCodeEdit() const { return m_learner; }
    QComboBox *sessionBox() const { return m_session; }

    // The learner: a code such as L07 (never a name), and the session label ("Before training").
    QString learnerCode() const;
    bool hasValidLearnerCode() const;
    void setLearnerCode(const QString &code);
    QString session() const;
    void setSession(const QString &label);

    // Opens an exercise for the learner. False when there is no such exercise.
    bool openExercise(const QString &id);
    // Opens an exercise as a learner would see it, without recording anything (the trainer's preview).
    void preview(const training::Exercise &exercise);
    bool isPreview() const { return m_preview; }
    ExerciseView *currentView() const { return m_view; }

    // The attempts recorded in the training file: this learner's in this session, or everyone's.
    std::vector<training::AttemptResult> results(bool everyone) const;
    // Writes them as CSV, or JSON when `path` ends in .json. False with `error` on failure.
    bool exportResults(const QString &path, bool everyone, QString *error = nullptr) const;

    // Trainer tools.
    ExerciseEditor *newExercise(training::ExerciseType type);
    ExerciseEditor *editCurrentExercise();
    CohortDialog *cohortResults();
    // Uses `dir` as the organisation's exercises folder (saved in the settings) when it loads; empty
    // for the built-in exercises only. False with `error` (every problem) when it does not load.
    bool setExercisesFolder(const QString &dir, QString *error = nullptr);
    QString exercisesFolder() const;
    // Saves the editor's exercise into the exercises folder (asking for one when none is set) and
    // reloads the list. False with `error` when it could not.
    bool saveFromEditor(ExerciseEditor *editor, const QString &folderIfNone = {}, QString *error = nullptr);

public slots:
    void checkAnswer();
    void nextExercise();
    void previousExercise();
    void exportInteractively(bool everyone = false);
    void chooseExercisesFolder();
    void previewFile();
    void reloadExercises();

protected:
    void closeEvent(QCloseEvent *event) override;

private:
    void buildMenus();
    QWidget *buildLearnerRow();
    void fillList();
    void refreshScores();
    void updateTitle();
    void showView(ExerciseView *view, bool preview);
    void onChecked(const training::Feedback &feedback);
    void saveDraftNow();
    void loadDraft();
    void learnerChanged();
    void stepExercise(int delta);

    LoadedRules m_rules;
    QPointer<GuideWindow> m_guide;
    QSettings *m_settings;
    std::unique_ptr<store::Store> m_store;
    std::shared_ptr<const training::Scorer> m_scorer;
    training::ExerciseSet m_set;
    FindingFilter *m_filter;
    TrainingBanner *m_banner;
    NoticeBar *m_notice;
    QLineEdit *m_learner;
    QComboBox *m_session;
    QLabel *m_learnerHint;
    QListWidget *m_list;
    QStackedWidget *m_pages;
    QWidget *m_welcome;
    ExerciseView *m_view = nullptr;
    bool m_preview = false;
    // The learner whose draft the rewrite on screen is: drafts are never saved under another code.
    QString m_draftOwner;
    QTimer m_draftTimer;
    QLabel *m_statusFile, *m_statusExercises;
};

} // namespace fairnote::ui
