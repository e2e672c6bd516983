// SPDX-FileCopyrightText: 2026 Fairnote contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// Trainer mode's window: the exercise list, the learner's code and session, the exercise being done,
// recording attempts in the training file, and the trainer's tools.
#include "trainerwindow.h"

#include "guide/guidewindow.h"
#include "io/atomicfile.h"
#include "rules/ruleseditor.h"

#include "answerview.h"
#include "cohortdialog.h"
#include "exerciseeditor.h"
#include "exerciseview.h"
#include "editactions.h"
#include "findingfilter.h"
#include "inputpolicy.h"
#include "mainwindow.h"
#include "noticebar.h"
#include "trainingbanner.h"
#include "trainingformat.h"
#include "training/trainingstore.h"

#include <QAction>
#include <QApplication>
#include <QCloseEvent>
#include <QComboBox>
#include <QDir>
#include <QFile>
#include <QFileDialog>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QInputDialog>
#include <QLabel>
#include <QLineEdit>
#include <QMenuBar>
#include <QMessageBox>
#include <QPushButton>
#include <QRegularExpressionValidator>
#include <QScreen>
#include <QSettings>
#include <QSplitter>
#include <QStackedWidget>
#include <QStandardPaths>
#include <QStatusBar>
#include <QTextBrowser>
#include <QListWidget>
#include <QVBoxLayout>
#include <cassert>

using namespace Qt::StringLiterals;
using namespace fairnote::training;

namespace fairnote::ui {

namespace {
constexpr int kIdRole = Qt::UserRole + 1;
const char *const kSessions[] = {QT_TRANSLATE_NOOP("fairnote::ui::TrainerWindow", "Practice"),
                                 QT_TRANSLATE_NOOP("fairnote::ui::TrainerWindow", "Before training"),
                                 QT_TRANSLATE_NOOP("fairnote::ui::TrainerWindow", "After training")};
} // namespace

QString TrainerWindow::exercisesFolderKey() { return store::settingsKey::exercisesFolder; }
QString TrainerWindow::sessionKey() { return u"training/session"_s; }

TrainerWindow *TrainerWindow::open(const LoadedRules &rules, QSettings *settings, const QString &path, QString *error)
{
    const QString file = path.isEmpty() ? defaultTrainingFilePath() : path;
    if (path.isEmpty())
        QDir().mkpath(QFileInfo(file).absolutePath());
    auto store = openTrainingStore(file);
    if (!store) {
        if (error)
            *error = store.error().message;
        return nullptr;
    }
    auto *window = new TrainerWindow(rules, settings, std::move(*store));
    window->setAttribute(Qt::WA_DeleteOnClose);
    return window;
}

TrainerWindow::TrainerWindow(LoadedRules rules, QSettings *settings, std::unique_ptr<store::Store> trainingFile, QWidget *parent)
    : QMainWindow(parent), m_rules(std::move(rules)), m_settings(settings), m_store(std::move(trainingFile))
{
    assert(m_store && m_store->kind() == store::FileKind::Training);
    setObjectName(u"trainerWindow"_s);
    InputPolicy::install();
    auto scorer = Scorer::create(m_rules.checker);
    assert(scorer.ok()); // only a broken build's embedded data fails here
    m_scorer = *scorer;
    // Trainer mode shows every finding: rules turned off in the app's settings do not apply here, and
    // nothing a learner sets aside is kept.
    m_filter = new FindingFilter(nullptr, this);

    m_banner = new TrainingBanner(this);
    m_notice = new NoticeBar(this);
    m_list = new QListWidget(this);
    m_list->setObjectName(u"exerciseList"_s);
    m_list->setAccessibleName(tr("Exercises"));
    m_list->setAccessibleDescription(tr("Press Enter to open an exercise."));
    m_list->setWordWrap(true);
    m_list->setTextElideMode(Qt::ElideNone);
    m_list->setUniformItemSizes(false);
    m_list->setSpacing(1);
    m_list->setVerticalScrollMode(QAbstractItemView::ScrollPerPixel);
    connect(m_list, &QListWidget::itemActivated, this, [this](QListWidgetItem *item) {
        const QString id = item->data(kIdRole).toString();
        if (!id.isEmpty())
            openExercise(id);
    });
    connect(m_list, &QListWidget::itemClicked, this, [this](QListWidgetItem *item) {
        const QString id = item->data(kIdRole).toString();
        if (!id.isEmpty() && (!m_view || m_view->exercise().id != id || m_preview))
            openExercise(id);
    });
    auto *listLabel = new QLabel(tr("E&xercises"), this);
    QFont bold = listLabel->font();
    bold.setBold(true);
    listLabel->setFont(bold);
    listLabel->setBuddy(m_list);
    auto *left = new QWidget(this);
    auto *leftLayout = new QVBoxLayout(left);
    leftLayout->setContentsMargins(0, 0, 0, 0);
    leftLayout->addWidget(listLabel);
    leftLayout->addWidget(m_list, 1);

    auto *welcome = new QTextBrowser(this);
    welcome->setObjectName(u"trainerWelcome"_s);
    welcome->setAccessibleName(tr("About trainer mode"));
    welcome->setHtml(tr("<h2>Practise factual recording</h2>"
                        "<p>Everyone and everything in these exercises is invented. Nothing here is a real record, and "
                        "this training file can never be opened as a real case file.</p>"
                        "<ul><li><b>Rewrite a note</b>: turn a vague note into a factual incident record with the same "
                        "guided form workers use, then compare it with a model answer.</li>"
                        "<li><b>Fact, reported or opinion?</b>: sort statements, and see why each is what it is.</li>"
                        "<li><b>Spot the problem</b>: mark the words you would change in a note.</li></ul>"
                        "<p>Enter your <b>learner code</b> above (a code your trainer gives you, such as L07 — never your "
                        "name), then choose an exercise on the left. Every score comes with how it was worked out.</p>"));
    m_welcome = welcome;
    m_pages = new QStackedWidget(this);
    m_pages->addWidget(m_welcome);

    auto *split = new QSplitter(Qt::Horizontal, this);
    split->addWidget(left);
    split->addWidget(m_pages);
    split->setStretchFactor(0, 0);
    split->setStretchFactor(1, 1);
    split->setChildrenCollapsible(false);
    split->setSizes({290, 990});

    auto *central = new QWidget(this);
    auto *layout = new QVBoxLayout(central);
    layout->setContentsMargins(6, 0, 6, 0);
    layout->setSpacing(6);
    layout->addWidget(m_banner);
    layout->addWidget(m_notice);
    layout->addWidget(buildLearnerRow());
    layout->addWidget(split, 1);
    setCentralWidget(central);

    m_statusFile = new QLabel(this);
    m_statusFile->setAccessibleName(tr("Training file"));
    m_statusExercises = new QLabel(this);
    m_statusExercises->setAccessibleName(tr("Exercises loaded"));
    statusBar()->addPermanentWidget(m_statusExercises);
    statusBar()->addPermanentWidget(m_statusFile);
    m_statusFile->setText(tr("Training file: %1").arg(QDir::toNativeSeparators(m_store->location())));
    m_banner->setDetail(tr("Practice on made-up people and events. This training file (%1) is kept apart from real case "
                           "files and cannot be opened as one.")
                            .arg(QFileInfo(m_store->location()).fileName()));

    m_draftTimer.setSingleShot(true);
    m_draftTimer.setInterval(kDraftSaveMs);
    connect(&m_draftTimer, &QTimer::timeout, this, &TrainerWindow::saveDraftNow);

    buildMenus();
    reloadExercises();
    updateTitle();

    // A comfortable first size that never exceeds the screen (1280×720 laptops, 200% scaling).
    const QRect screen = this->screen() ? this->screen()->availableGeometry() : QRect(0, 0, 1280, 720);
    resize(std::min(1280, screen.width() * 95 / 100), std::min(760, screen.height() * 92 / 100));
}

TrainerWindow::~TrainerWindow()
{
    saveDraftNow();
    // Children going away (a line edit losing the focus) must not call back into a window half gone.
    for (QObject *child : findChildren<QObject *>())
        child->disconnect(this);
    // The views use the filter and the scorer; let them go first.
    delete m_view;
    m_view = nullptr;
}

QWidget *TrainerWindow::buildLearnerRow()
{
    auto *row = new QWidget(this);
    auto *layout = new QHBoxLayout(row);
    layout->setContentsMargins(0, 0, 0, 0);
    m_learner = new QLineEdit(row);
    m_learner->setObjectName(u"learnerCode"_s);
    m_learner->setAccessibleName(tr("Learner code"));
    m_learner->setAccessibleDescription(tr("A code your trainer gives you, such as L07. Never your name."));
    m_learner->setPlaceholderText(tr("such as L07"));
    m_learner->setMaxLength(20);
    m_learner->setValidator(new QRegularExpressionValidator(QRegularExpression(u"[A-Za-z0-9._-]*"_s), m_learner));
    m_learner->setMaximumWidth(fontMetrics().horizontalAdvance(u"CAT-2026-1400"_s) + 24);
    auto *learnerLabel = new QLabel(tr("Learner &code:"), row);
    learnerLabel->setBuddy(m_learner);
    m_session = new QComboBox(row);
    m_session->setObjectName(u"sessionBox"_s);
    m_session->setEditable(true);
    m_session->setAccessibleName(tr("Session"));
    m_session->setAccessibleDescription(tr("The trainer's name for this session, such as Before training"));
    for (const char *s : kSessions)
        m_session->addItem(tr(s));
    m_session->setInsertPolicy(QComboBox::InsertAtBottom);
    m_session->setMinimumContentsLength(16);
    const QString saved = m_settings ? m_settings->value(sessionKey()).toString() : QString();
    if (!saved.isEmpty())
        setSession(saved);
    auto *sessionLabel = new QLabel(tr("&Session:"), row);
    sessionLabel->setBuddy(m_session);
    m_learnerHint = new QLabel(row);
    m_learnerHint->setWordWrap(true);
    layout->addWidget(learnerLabel);
    layout->addWidget(m_learner);
    layout->addSpacing(12);
    layout->addWidget(sessionLabel);
    layout->addWidget(m_session);
    layout->addSpacing(12);
    layout->addWidget(m_learnerHint, 1);
    auto update = [this] {
        QString why;
        if (m_learner->text().isEmpty())
            m_learnerHint->setText(tr("Enter your learner code to keep your results (a code, never your name)."));
        else if (!isValidLearnerCode(m_learner->text(), &why))
            m_learnerHint->setText(why);
        else
            m_learnerHint->setText(tr("Results are kept for %1 in this training file.").arg(m_learner->text()));
        refreshScores();
    };
    connect(m_learner, &QLineEdit::textChanged, this, update);
    connect(m_learner, &QLineEdit::editingFinished, this, &TrainerWindow::learnerChanged);
    connect(m_session, &QComboBox::currentTextChanged, this, [this, update] {
        if (m_settings)
            m_settings->setValue(sessionKey(), session());
        update();
    });
    update();
    return row;
}

void TrainerWindow::buildMenus()
{
    QMenu *exercise = menuBar()->addMenu(tr("E&xercise"));
    QAction *check = exercise->addAction(tr("&Check my answer"), this, &TrainerWindow::checkAnswer);
    check->setShortcuts({QKeySequence(Qt::CTRL | Qt::Key_Return), QKeySequence(Qt::CTRL | Qt::Key_Enter)});
    exercise->addAction(tr("Start &again"), this, [this] {
        if (m_view)
            m_view->startAgain();
    });
    exercise->addSeparator();
    exercise->addAction(tr("&Next exercise"), QKeySequence(Qt::CTRL | Qt::Key_PageDown), this, &TrainerWindow::nextExercise);
    exercise->addAction(tr("&Previous exercise"), QKeySequence(Qt::CTRL | Qt::Key_PageUp), this, &TrainerWindow::previousExercise);
    exercise->addSeparator();
    exercise->addAction(tr("&Close trainer mode"), QKeySequence::Close, this, &QWidget::close);
    QAction *quit = exercise->addAction(tr("&Quit"), qApp, &QApplication::closeAllWindows);
    quit->setShortcuts(MainWindow::quitShortcuts());

    // The Edit menu every window has; Find looks for an exercise by its title.
    auto *edit = new EditActions(this);
    auto *find = new QAction(tr("&Find an exercise…"), this);
    find->setShortcuts(QKeySequence::keyBindings(QKeySequence::Find));
    addAction(find);
    connect(find, &QAction::triggered, this, [this] {
        bool ok = false;
        const QString text = QInputDialog::getText(this, tr("Find an exercise"), tr("Words in its title:"), QLineEdit::Normal, {}, &ok).trimmed();
        if (!ok || text.isEmpty())
            return;
        for (int i = 0; i < m_list->count(); ++i)
            if (m_list->item(i)->text().contains(text, Qt::CaseInsensitive)) {
                m_list->setCurrentRow(i);
                m_list->setFocus();
                return;
            }
        statusBar()->showMessage(tr("No exercise title has “%1” in it.").arg(text), 6000);
    });
    edit->addMenu(find);

    QMenu *results = menuBar()->addMenu(tr("&Results"));
    // No Ctrl+E here: in the case-file window it amends an entry, and one key means one thing.
    results->addAction(tr("&Export my results…"), this, [this] { exportInteractively(false); });
    results->addAction(tr("Export &everyone's results in this file…"), this, [this] { exportInteractively(true); });
    results->addSeparator();
    results->addAction(tr("&Cohort results…"), this, [this] { cohortResults()->show(); });

    QMenu *trainer = menuBar()->addMenu(tr("&Trainer"));
    QMenu *create = trainer->addMenu(tr("&New exercise"));
    for (ExerciseType t : {ExerciseType::Rewrite, ExerciseType::FactReportedOpinion, ExerciseType::SpotTheProblem})
        create->addAction(typeTitle(t) + u"…"_s, this, [this, t] { newExercise(t)->show(); });
    trainer->addAction(tr("&Edit this exercise…"), this, [this] {
        if (auto *editor = editCurrentExercise())
            editor->show();
    });
    trainer->addAction(tr("&Preview an exercise file…"), this, &TrainerWindow::previewFile);
    trainer->addSeparator();
    trainer->addAction(tr("Exercises &folder…"), this, &TrainerWindow::chooseExercisesFolder);
    trainer->addAction(tr("&Reload exercises"), QKeySequence::Refresh, this, &TrainerWindow::reloadExercises);
    trainer->addSeparator();
    // A training pack: rules a trainer prepares for a session, edited like an organisation's.
    trainer->addAction(tr("Training &rules…"), this, [this] {
        const QString dir = QFileDialog::getExistingDirectory(this, tr("Choose or make the folder for your training rules"),
                                                              m_rules.organisationDir.isEmpty() ? QDir::homePath() : m_rules.organisationDir);
        if (dir.isEmpty())
            return;
        auto *editor = new RulesEditor(dir, tr("Training rules"), this);
        editor->setAttribute(Qt::WA_DeleteOnClose);
        editor->show();
    });

    QMenu *help = menuBar()->addMenu(tr("&Help"));
    help->addAction(tr("About &trainer mode"), this, [this] {
        if (m_view)
            m_view->hide();
        m_pages->setCurrentWidget(m_welcome);
        m_welcome->setFocus();
    });
    // The guide the exercises practise: from the menu, and from the links in an exercise's feedback.
    auto openGuide = [this](const QString &anchor) {
        if (!m_guide) {
            m_guide = new GuideWindow(m_rules.checker, m_rules.organisationDir, this);
            m_guide->setAttribute(Qt::WA_DeleteOnClose);
        }
        m_guide->show();
        m_guide->raise();
        if (!anchor.isEmpty())
            m_guide->showSection(anchor);
    };
    help->addAction(tr("&Good-practice guide"), this, [openGuide] { openGuide({}); });
    connect(guideLinks(), &GuideLinks::sectionRequested, this, [this, openGuide](const QString &anchor) {
        if (ownsActiveWindow(this))
            openGuide(anchor);
    });
}

// ---- the learner ----------------------------------------------------------------------------------

QString TrainerWindow::learnerCode() const { return m_learner->text().trimmed(); }
bool TrainerWindow::hasValidLearnerCode() const { return isValidLearnerCode(learnerCode()); }
void TrainerWindow::setLearnerCode(const QString &code)
{
    m_learner->setText(code);
    learnerChanged();
}

// Another learner at the keyboard: the rewrite on screen is kept for the one who wrote it, and the new
// learner gets their own draft (or a blank form). A learner who only now enters a code keeps what they
// have written, under that code.
void TrainerWindow::learnerChanged()
{
    const QString code = hasValidLearnerCode() ? learnerCode() : QString();
    if (code == m_draftOwner || !m_view || m_preview || m_view->exercise().type != ExerciseType::Rewrite) {
        m_draftOwner = m_view && !m_preview ? code : QString();
        return;
    }
    if (!m_draftOwner.isEmpty()) {
        saveDraftNow();
        Answer blank;
        blank.exerciseId = m_view->exercise().id;
        m_view->answerView()->setAnswer(blank);
        m_draftOwner = code;
        loadDraft();
    } else {
        m_draftOwner = code;
        const Answer now = m_view->answerView()->answer();
        if (!now.entry || !now.entry->incident() || *now.entry->incident() == record::IncidentRecord{})
            loadDraft();
        else
            saveDraftNow();
    }
}

QString TrainerWindow::session() const
{
    const QString s = m_session->currentText().trimmed();
    return s.isEmpty() ? tr("Practice") : s;
}

void TrainerWindow::setSession(const QString &label)
{
    const int i = m_session->findText(label);
    if (i >= 0)
        m_session->setCurrentIndex(i);
    else
        m_session->setEditText(label);
}

// ---- exercises ------------------------------------------------------------------------------------

QString TrainerWindow::exercisesFolder() const { return m_settings ? store::UserSettings::read(*m_settings).exercisesFolder : QString(); }

void TrainerWindow::reloadExercises()
{
    const QString folder = exercisesFolder();
    auto set = loadExercises(folder);
    if (!set && !folder.isEmpty()) {
        QStringList problems;
        for (const ExerciseProblem &p : set.error())
            problems << p.toString();
        m_notice->showNotice(tr("Your organisation's exercises could not be loaded"),
                             tr("Using the built-in exercises only. Fix the files below, then choose Trainer › Reload "
                                "exercises.\n%1")
                                 .arg(problems.mid(0, 8).join(u'\n')));
        set = loadExercises();
    }
    if (!set) {
        // The built-in set is part of the program; this is a build fault.
        m_notice->showNotice(tr("The built-in exercises could not be loaded"), set.error().front().toString());
        m_set = {};
    } else {
        m_set = std::move(*set);
    }
    int own = 0;
    for (const Exercise &e : m_set.exercises)
        own += e.builtIn ? 0 : 1;
    m_statusExercises->setText(own > 0 ? tr("%1 exercises (%2 of your organisation's)").arg(m_set.exercises.size()).arg(own)
                                       : tr("%1 exercises").arg(m_set.exercises.size()));
    fillList();
}

void TrainerWindow::fillList()
{
    const QString current = m_view && !m_preview ? m_view->exercise().id : QString();
    const QSignalBlocker block(m_list);
    m_list->clear();
    std::optional<ExerciseType> type;
    for (const Exercise &e : m_set.exercises) {
        if (e.type != type) {
            type = e.type;
            auto *heading = new QListWidgetItem(typeTitle(e.type), m_list);
            QFont f = heading->font();
            f.setBold(true);
            heading->setFont(f);
            heading->setFlags(Qt::ItemIsEnabled);
        }
        auto *item = new QListWidgetItem(m_list);
        item->setData(kIdRole, e.id);
    }
    if (auto *item = listItem(current))
        m_list->setCurrentItem(item);
    refreshScores();
}

QListWidgetItem *TrainerWindow::listItem(const QString &id) const
{
    if (id.isEmpty())
        return nullptr;
    for (int i = 0; i < m_list->count(); ++i)
        if (m_list->item(i)->data(kIdRole).toString() == id)
            return m_list->item(i);
    return nullptr;
}

// Each exercise's title, and under it the level, the time and the learner's best score in this
// session: a symbol and numbers, never colour alone.
void TrainerWindow::refreshScores()
{
    QHash<QString, AttemptResult> best;
    for (const AttemptResult &r : results(false))
        if (!best.contains(r.exerciseId) || r.percent() > best.value(r.exerciseId).percent())
            best.insert(r.exerciseId, r);
    for (int i = 0; i < m_list->count(); ++i) {
        QListWidgetItem *item = m_list->item(i);
        const Exercise *e = m_set.find(item->data(kIdRole).toString());
        if (!e)
            continue;
        QString meta = tr("%1 · %2 min").arg(levelTitle(e->level)).arg(e->minutes);
        QString spoken = tr("%1. %2, about %3 minutes.").arg(e->title, levelTitle(e->level)).arg(e->minutes);
        if (!e->builtIn) {
            meta += tr(" · yours");
            spoken += tr(" Your organisation's exercise.");
        }
        if (best.contains(e->id)) {
            const AttemptResult r = best.value(e->id);
            const Outcome o = r.points == r.max ? Outcome::Right : r.points > 0 ? Outcome::Partly : Outcome::Wrong;
            meta += u" · %1 %2/%3"_s.arg(outcomeSymbol(o)).arg(r.points).arg(r.max);
            spoken += tr(" Your best score: %1 of %2.").arg(r.points).arg(r.max);
        }
        item->setText(e->title + u'\n' + meta);
        item->setData(Qt::AccessibleTextRole, spoken);
        item->setToolTip(tr("%1 · %2 · about %3 minutes").arg(typeTitle(e->type), levelTitle(e->level)).arg(e->minutes));
    }
}

void TrainerWindow::updateTitle()
{
    QString title = TrainingBanner::label() + u" — Fairnote"_s;
    if (m_view)
        title = m_view->exercise().title + (m_preview ? tr(" (preview)") : QString()) + u" — "_s + title;
    setWindowTitle(title);
}

void TrainerWindow::showView(ExerciseView *view, bool preview)
{
    saveDraftNow();
    if (m_view) {
        m_pages->removeWidget(m_view);
        m_view->deleteLater();
    }
    m_view = view;
    m_preview = preview;
    m_draftOwner = preview || !hasValidLearnerCode() ? QString() : learnerCode();
    m_pages->addWidget(view);
    m_pages->setCurrentWidget(view);
    connect(view, &ExerciseView::checked, this, &TrainerWindow::onChecked);
    connect(view, &ExerciseView::answerChanged, this, [this] {
        if (!m_preview && m_view && m_view->exercise().type == ExerciseType::Rewrite)
            m_draftTimer.start();
    });
    m_banner->setDetail(preview ? tr("Preview: you are seeing this exercise as a learner would. Nothing is recorded.")
                                : tr("Practice on made-up people and events. This training file (%1) is kept apart from real "
                                     "case files and cannot be opened as one.")
                                      .arg(QFileInfo(m_store->location()).fileName()));
    if (QWidget *first = view->answerView()->firstFocus())
        first->setFocus();
    updateTitle();
}

bool TrainerWindow::openExercise(const QString &id)
{
    const Exercise *e = m_set.find(id);
    if (!e)
        return false;
    showView(new ExerciseView(*e, m_scorer, m_filter, m_pages), false);
    if (e->type == ExerciseType::Rewrite)
        loadDraft();
    if (auto *item = listItem(id)) {
        const QSignalBlocker block(m_list);
        m_list->setCurrentItem(item);
    }
    return true;
}

void TrainerWindow::preview(const Exercise &exercise)
{
    showView(new ExerciseView(exercise, m_scorer, m_filter, m_pages), true);
    m_list->clearSelection();
}

void TrainerWindow::stepExercise(int delta)
{
    if (m_set.exercises.empty())
        return;
    int at = -1;
    for (size_t i = 0; i < m_set.exercises.size(); ++i)
        if (m_view && !m_preview && m_set.exercises[i].id == m_view->exercise().id)
            at = int(i);
    const int n = int(m_set.exercises.size());
    const int next = at < 0 ? (delta > 0 ? 0 : n - 1) : (at + delta + n) % n;
    openExercise(m_set.exercises[size_t(next)].id);
}

void TrainerWindow::nextExercise() { stepExercise(1); }
void TrainerWindow::previousExercise() { stepExercise(-1); }

void TrainerWindow::checkAnswer()
{
    if (m_view)
        m_view->check();
}

void TrainerWindow::onChecked(const Feedback &feedback)
{
    if (m_preview)
        return;
    saveDraftNow();
    if (!hasValidLearnerCode()) {
        m_notice->showNotice(tr("Your score was not kept"),
                             tr("Enter your learner code (a code such as L07, never your name) and check your answer again to "
                                "keep your result."));
        m_learner->setFocus();
        return;
    }
    auto row = recordAttempt(*m_store, resultOf(feedback, learnerCode(), session(), QDateTime::currentDateTimeUtc()));
    if (!row) {
        m_notice->showNotice(tr("Your score could not be kept in the training file"), row.error().message);
        return;
    }
    statusBar()->showMessage(tr("Kept: %1 for %2 (%3).").arg(feedback.score.summary(), learnerCode(), session()), 8000);
    refreshScores();
}

// ---- drafts of rewrites -----------------------------------------------------------------------------

void TrainerWindow::saveDraftNow()
{
    m_draftTimer.stop();
    if (!m_view || m_preview || m_view->exercise().type != ExerciseType::Rewrite || m_draftOwner.isEmpty())
        return;
    const Answer a = m_view->answerView()->answer();
    if (!a.entry)
        return;
    auto saved = saveLearnerDraft(*m_store, m_view->exercise(), *a.entry, learnerActor(m_draftOwner));
    if (!saved)
        m_notice->showNotice(tr("Your record could not be saved in the training file"), saved.error().message);
}

void TrainerWindow::loadDraft()
{
    if (!m_view || m_preview || m_draftOwner.isEmpty())
        return;
    auto draft = learnerDraft(*m_store, m_view->exercise(), learnerActor(m_draftOwner));
    if (!draft) {
        m_notice->showNotice(tr("Your earlier record could not be read from the training file"), draft.error().message);
        return;
    }
    if (!draft->has_value())
        return;
    Answer a;
    a.exerciseId = m_view->exercise().id;
    a.entry = **draft;
    m_view->answerView()->setAnswer(a);
    statusBar()->showMessage(tr("Your record from last time is back, as you left it."), 6000);
}

void TrainerWindow::closeEvent(QCloseEvent *event)
{
    saveDraftNow();
    QMainWindow::closeEvent(event);
}

// ---- results ----------------------------------------------------------------------------------------

std::vector<AttemptResult> TrainerWindow::results(bool everyone) const
{
    if (!everyone && !hasValidLearnerCode())
        return {};
    auto rows = everyone ? recordedAttempts(*m_store) : recordedAttempts(*m_store, learnerCode(), session());
    return rows ? *rows : std::vector<AttemptResult>{};
}

bool TrainerWindow::exportResults(const QString &path, bool everyone, QString *error) const
{
    const auto rows = results(everyone);
    const QByteArray bytes = path.endsWith(u".json"_s, Qt::CaseInsensitive) ? resultsToJson(rows, QDateTime::currentDateTimeUtc())
                                                                           : resultsToCsv(rows);
    if (const auto failed = io::writeFileAtomically(path, bytes)) {
        if (error)
            *error = failed->message();
        return false;
    }
    return true;
}

void TrainerWindow::exportInteractively(bool everyone)
{
    if (!everyone && !hasValidLearnerCode()) {
        QMessageBox::information(this, tr("Export my results"), tr("Enter your learner code first: your results are kept under it."));
        m_learner->setFocus();
        return;
    }
    QString name = everyone ? u"training-results"_s : u"results-%1-%2"_s.arg(learnerCode(), session());
    name.replace(QRegularExpression(u"[^A-Za-z0-9._-]+"_s), u"-"_s);
    QString path = QFileDialog::getSaveFileName(this, everyone ? tr("Export everyone's results") : tr("Export my results"),
                                                QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation) + u'/'
                                                    + name.toLower() + u".csv"_s,
                                                tr("CSV for a spreadsheet (*.csv);;JSON (*.json)"));
    if (path.isEmpty())
        return;
    if (!path.endsWith(u".csv"_s, Qt::CaseInsensitive) && !path.endsWith(u".json"_s, Qt::CaseInsensitive))
        path += u".csv"_s;
    QString error;
    if (!exportResults(path, everyone, &error))
        QMessageBox::warning(this, tr("The results were not exported"), error);
    else
        statusBar()->showMessage(tr("%1 results written to %2. They hold learner codes, never names.")
                                     .arg(results(everyone).size())
                                     .arg(QDir::toNativeSeparators(path)),
                                 8000);
}

// ---- trainer tools -----------------------------------------------------------------------------------

ExerciseEditor *TrainerWindow::newExercise(ExerciseType type)
{
    auto *editor = new ExerciseEditor(ExerciseEditor::starter(type), m_scorer, m_filter, this);
    editor->setAttribute(Qt::WA_DeleteOnClose);
    connect(editor, &ExerciseEditor::previewRequested, this, &TrainerWindow::preview);
    connect(editor, &ExerciseEditor::saveRequested, this, [this, editor] {
        QString error;
        if (!saveFromEditor(editor, {}, &error) && !error.isEmpty())
            QMessageBox::warning(editor, tr("The exercise was not saved"), error);
    });
    return editor;
}

ExerciseEditor *TrainerWindow::editCurrentExercise()
{
    if (!m_view)
        return nullptr;
    auto *editor = new ExerciseEditor(m_view->exercise(), m_scorer, m_filter, this);
    editor->setAttribute(Qt::WA_DeleteOnClose);
    connect(editor, &ExerciseEditor::previewRequested, this, &TrainerWindow::preview);
    connect(editor, &ExerciseEditor::saveRequested, this, [this, editor] {
        QString error;
        if (!saveFromEditor(editor, {}, &error) && !error.isEmpty())
            QMessageBox::warning(editor, tr("The exercise was not saved"), error);
    });
    return editor;
}

bool TrainerWindow::saveFromEditor(ExerciseEditor *editor, const QString &folderIfNone, QString *error)
{
    QString folder = exercisesFolder();
    if (folder.isEmpty())
        folder = folderIfNone;
    if (folder.isEmpty()) {
        folder = QFileDialog::getExistingDirectory(editor, tr("Choose your organisation's exercises folder"),
                                                   QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation));
        if (folder.isEmpty())
            return false; // the trainer changed their mind
    }
    if (!editor->saveTo(folder, error))
        return false;
    if (exercisesFolder() != folder && m_settings)
        m_settings->setValue(exercisesFolderKey(), folder);
    reloadExercises();
    statusBar()->showMessage(tr("Saved “%1” in %2.").arg(editor->exercise().title, QDir::toNativeSeparators(folder)), 8000);
    return true;
}

CohortDialog *TrainerWindow::cohortResults()
{
    auto *dialog = new CohortDialog(this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    const auto here = results(true);
    if (!here.empty())
        dialog->addResults(here, tr("this training file"));
    return dialog;
}

bool TrainerWindow::setExercisesFolder(const QString &dir, QString *error)
{
    if (!dir.isEmpty()) {
        auto set = loadExercises(dir);
        if (!set) {
            if (error) {
                QStringList problems;
                for (const ExerciseProblem &p : set.error())
                    problems << p.toString();
                *error = problems.join(u'\n');
            }
            return false;
        }
    }
    if (m_settings)
        m_settings->setValue(exercisesFolderKey(), dir);
    reloadExercises();
    return true;
}

void TrainerWindow::chooseExercisesFolder()
{
    const QString current = exercisesFolder();
    QMessageBox box(QMessageBox::Question, tr("Exercises folder"),
                    current.isEmpty() ? tr("Only the built-in exercises are in use. Choose a folder of your organisation's "
                                           "exercises to use them too (an exercise with a built-in id replaces it).")
                                      : tr("Your organisation's exercises are loaded from %1.").arg(QDir::toNativeSeparators(current)),
                    QMessageBox::Cancel, this);
    QPushButton *choose = box.addButton(tr("&Choose a folder…"), QMessageBox::AcceptRole);
    QPushButton *builtIn = current.isEmpty() ? nullptr : box.addButton(tr("Use the &built-in exercises only"), QMessageBox::DestructiveRole);
    box.exec();
    QString dir;
    if (box.clickedButton() == static_cast<QAbstractButton *>(choose)) {
        dir = QFileDialog::getExistingDirectory(this, tr("Choose your organisation's exercises folder"),
                                                current.isEmpty() ? QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation) : current);
        if (dir.isEmpty())
            return;
    } else if (!builtIn || box.clickedButton() != static_cast<QAbstractButton *>(builtIn)) {
        return;
    }
    QString error;
    if (!setExercisesFolder(dir, &error))
        QMessageBox::warning(this, tr("That folder's exercises could not be loaded"),
                             tr("Nothing was changed. Fix these problems and try again:\n\n%1").arg(error));
}

void TrainerWindow::previewFile()
{
    const QString path = QFileDialog::getOpenFileName(this, tr("Preview an exercise file"),
                                                      exercisesFolder().isEmpty() ? QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation)
                                                                                  : exercisesFolder(),
                                                      tr("Exercise files (*.json)"));
    if (path.isEmpty())
        return;
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly)) {
        QMessageBox::warning(this, tr("The exercise could not be opened"), tr("%1 cannot be read: %2").arg(path, f.errorString()));
        return;
    }
    auto e = readExercise(f.read(kMaxExerciseBytes + 1), path);
    if (!e) {
        QStringList problems;
        for (const ExerciseProblem &p : e.error())
            problems << p.toString();
        QMessageBox::warning(this, tr("The exercise could not be opened"), problems.join(u'\n'));
        return;
    }
    preview(*e);
}

} // namespace fairnote::ui
