// SPDX-FileCopyrightText: 2026 Fairnote contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// Trainer mode's window and widgets on Qt's offscreen platform: the training marking, each kind of
// exercise done as a learner would, attempts kept under a learner code, drafts of rewrites, exports
// without names, the trainer's editor and the cohort chart, keyboard and accessible names, and the real
// fairnote refusing to mix training and real files. The hidden "[.screenshots]" test draws the pictures
// in docs/training.md.
#include "testsupport.h"
#include "uitestsupport.h"

#include "cohortchart.h"
#include "cohortdialog.h"
#include "comparisonview.h"
#include "datefield.h"
#include "exerciseeditor.h"
#include "exerciseview.h"
#include "feedbackview.h"
#include "formfields.h"
#include "noteeditor.h"
#include "noticebar.h"
#include "recordeditor.h"
#include "recordpanel.h"
#include "rewriteview.h"
#include "sortview.h"
#include "spotview.h"
#include "trainerwindow.h"
#include "trainingbanner.h"

#include "record/describe.h"
#include "store/location.h"
#include "store/sqlite/open.h"
#include "training/trainingstore.h"

#include <QAbstractSpinBox>
#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QDir>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QProcess>
#include <QPushButton>
#include <QRadioButton>
#include <QScreen>
#include <QScrollBar>
#include <QSpinBox>
#include <QTabWidget>
#include <QTableWidget>
#include <QTest>
#include <QTextBrowser>
#include <catch2/catch.hpp>

using namespace Qt::StringLiterals;
using namespace fairnote;
using namespace fairnote::ui;
using namespace fairnote::training;

namespace {

// A trainer window on a fresh training file, with fresh settings.
struct Trainer
{
    Trainer()
    {
        uitest::app();
        path = settings.dir.filePath(u"training.db"_s);
        QString error;
        window.reset(TrainerWindow::open({uitest::builtInChecker(), {}}, &settings.settings, path, &error));
        INFO(error.toStdString());
        REQUIRE(window);
        window->setAttribute(Qt::WA_DeleteOnClose, false);
        show();
    }
    void show()
    {
        window->show();
        QApplication::setActiveWindow(window.get());
        QTest::qWaitForWindowActive(window.get(), 2000); // under Xvfb without a window manager it may never be "active"
    }
    void reopen()
    {
        window->close();
        window.reset();
        window.reset(TrainerWindow::open({uitest::builtInChecker(), {}}, &settings.settings, path));
        REQUIRE(window);
        window->setAttribute(Qt::WA_DeleteOnClose, false);
        show();
    }
    uitest::TempSettings settings;
    QString path;
    std::unique_ptr<TrainerWindow> window;
};

QStringList listedIds(QListWidget *list)
{
    QStringList ids;
    for (int i = 0; i < list->count(); ++i)
        if (const QString id = list->item(i)->data(Qt::UserRole + 1).toString(); !id.isEmpty())
            ids << id;
    return ids;
}

template <typename T>
T *view(TrainerWindow &w)
{
    REQUIRE(w.currentView());
    auto *v = qobject_cast<T *>(w.currentView()->answerView());
    REQUIRE(v);
    return v;
}

QByteArray bytesOf(const QString &path)
{
    QFile f(path);
    REQUIRE(f.open(QIODevice::ReadOnly));
    return f.readAll();
}

// Every control that takes the keyboard focus has an accessible name (buttons carry their text).
QStringList unnamedControls(QWidget *root)
{
    QStringList unnamed;
    for (QWidget *c : root->findChildren<QWidget *>()) {
        if (!(c->focusPolicy() & Qt::TabFocus) || !c->isVisibleTo(root))
            continue;
        if (qobject_cast<QAbstractScrollArea *>(c->parentWidget()) || qobject_cast<QAbstractSpinBox *>(c->parentWidget())
            || c->inherits("QScrollBar") || qobject_cast<QComboBox *>(c->parentWidget()) || c->inherits("QTabBar"))
            continue;
        if (c->accessibleName().isEmpty() && !qobject_cast<QAbstractButton *>(c))
            unnamed << QString::fromLatin1(c->metaObject()->className()) + u' ' + c->objectName();
    }
    return unnamed;
}

} // namespace

TEST_CASE("trainer mode says 'Training — invented cases' in its title and a banner, and lists every exercise", "[ui][trainer]")
{
    Trainer t;
    CHECK(t.window->windowTitle().contains(u"Training — invented cases"_s));
    CHECK(t.window->banner()->isVisible());
    CHECK(t.window->banner()->title() == u"Training — invented cases"_s);
    CHECK(t.window->banner()->accessibleName() == u"Training — invented cases"_s);
    CHECK(t.window->banner()->detail().contains(u"cannot be opened as one"_s));
    CHECK(t.window->trainingFile().kind() == store::FileKind::Training);
    const auto set = loadExercises();
    REQUIRE(set.ok());
    QStringList ids;
    for (const Exercise &e : set->exercises)
        ids << e.id;
    CHECK(listedIds(t.window->exerciseList()) == ids);
    CHECK(t.window->exerciseList()->count() == int(ids.size()) + 3); // and a heading for each kind
    REQUIRE(t.window->openExercise(u"sort-night-log"_s));
    CHECK(t.window->windowTitle().startsWith(u"A night in the hostel log — Training — invented cases"_s));
}

TEST_CASE("trainer mode refuses a real case file, and the real file is left as it was", "[ui][trainer][separation]")
{
    uitest::app();
    QTemporaryDir dir;
    const QString live = dir.filePath(u"casefile.db"_s);
    {
        store::OpenOptions create;
        create.create = store::OpenOptions::Create::IfMissing;
        REQUIRE(store::openStore(live, create).ok());
    }
    const QByteArray before = bytesOf(live);
    QString error;
    uitest::TempSettings settings;
    std::unique_ptr<TrainerWindow> w(TrainerWindow::open({uitest::builtInChecker(), {}}, &settings.settings, live, &error));
    CHECK_FALSE(w);
    CHECK(error.contains(u"holds real case records; trainer mode opens only training files"_s));
    CHECK(bytesOf(live) == before);
}

TEST_CASE("fact, reported or opinion: choose, check, and see each answer explained; the attempt is kept", "[ui][trainer][sort]")
{
    Trainer t;
    t.window->setLearnerCode(u"L07"_s);
    t.window->setSession(u"Before training"_s);
    REQUIRE(t.window->openExercise(u"sort-night-log"_s));
    auto *sort = view<SortView>(*t.window);
    // Statement 1 is a fact, 2 an opinion, 3 reported: two right, one wrong, the rest unanswered.
    QTest::mouseClick(sort->choice(0, StatementKind::Fact), Qt::LeftButton);
    QTest::mouseClick(sort->choice(1, StatementKind::Opinion), Qt::LeftButton);
    sort->choice(2, StatementKind::Fact)->setFocus();
    QTest::keyClick(sort->choice(2, StatementKind::Fact), Qt::Key_Space);
    CHECK(sort->answer().choices.size() == 3);
    QTest::mouseClick(t.window->currentView()->checkButton(), Qt::LeftButton);

    CHECK(t.window->currentView()->feedbackView()->summary() == u"2 of 8 points (25%)"_s);
    CHECK(sort->resultText(0).startsWith(u"Right: it is fact. Pat heard the alarm"_s));
    CHECK(sort->resultText(2).startsWith(u"Not quite: it is reported (you chose fact)."_s));
    CHECK(sort->resultText(3).startsWith(u"Not answered: it is fact."_s));
    const QString html = t.window->currentView()->feedbackView()->browser()->toPlainText();
    CHECK(html.contains(u"Statements: 2 of 8"_s));
    CHECK(html.contains(u"1 point for each statement sorted as the trainer sorted it."_s));

    const auto kept = t.window->results(false);
    REQUIRE(kept.size() == 1);
    CHECK(kept.front().learner == u"L07"_s);
    CHECK(kept.front().session == u"Before training"_s);
    CHECK(kept.front().points == 2);
    CHECK(t.window->listItem(u"sort-night-log"_s)->text() == u"A night in the hostel log\nIntroductory · 10 min · ◐ 2/8"_s);
    CHECK(t.window->listItem(u"sort-night-log"_s)->data(Qt::AccessibleTextRole).toString().endsWith(u"Your best score: 2 of 8."_s));
}

TEST_CASE("spot the problem: select with the keyboard, mark with Ctrl+M, check, see what was found", "[ui][trainer][spot]")
{
    Trainer t;
    t.window->setLearnerCode(u"L07"_s);
    REQUIRE(t.window->openExercise(u"spot-handover-labels"_s));
    auto *spot = view<SpotView>(*t.window);
    QPlainTextEdit *note = spot->note();
    note->setFocus();
    const QString text = note->toPlainText();
    // Move to "junkie" and select it with Shift and the arrow keys.
    QTextCursor c = note->textCursor();
    c.setPosition(int(text.indexOf(u"junkie"_s)));
    note->setTextCursor(c);
    for (int i = 0; i < 6; ++i)
        QTest::keyClick(note, Qt::Key_Right, Qt::ShiftModifier);
    CHECK(note->textCursor().selectedText() == u"junkie"_s);
    QTest::keyClick(note, Qt::Key_M, Qt::ControlModifier);
    REQUIRE(spot->answer().marks.size() == 1);
    CHECK(spot->markList()->item(0)->text() == u"“junkie”"_s);
    // Part of "kicked off", and words that are fine.
    spot->select(text.indexOf(u"kicked"_s), 6);
    REQUIRE(spot->markSelection());
    spot->select(0, text.indexOf(u'.'));
    REQUIRE(spot->markSelection());
    CHECK(spot->answer().marks.size() == 3);
    // Nothing selected: nothing marked, and the hint says how.
    spot->select(3, 0);
    CHECK_FALSE(spot->markSelection());

    const Feedback fb = t.window->currentView()->check();
    INFO(describeScore(fb.score).toStdString());
    CHECK(fb.score.points() == 2 + 1 - 1);
    CHECK(fb.marks.back().stray == false);
    CHECK(std::count_if(fb.marks.begin(), fb.marks.end(), [](const MarkResult &m) { return m.stray; }) == 1);
    // The results are drawn on the note: one underline per problem, one for the stray mark.
    CHECK(note->extraSelections().size() == int(fb.targets.size()) + 1);
    CHECK(t.window->currentView()->tabs()->currentIndex() == 1);
    const QString feedback = t.window->currentView()->feedbackView()->browser()->toPlainText();
    CHECK(feedback.contains(u"Partly found: you marked “kicked”; the problem is “kicked off”."_s));
    CHECK(feedback.contains(u"The problems in the note, and what to write instead"_s));
    // Removing a mark clears the results until the next check.
    spot->markList()->setCurrentRow(0);
    spot->markList()->setFocus();
    REQUIRE(spot->removeMark());
    CHECK(note->extraSelections().size() == 2);
}

TEST_CASE("rewrite: the guided form and its panel, full marks for the model answer, side by side, and the draft comes back", "[ui][trainer][rewrite]")
{
    Trainer t;
    t.window->setLearnerCode(u"L07"_s);
    REQUIRE(t.window->openExercise(u"rewrite-known-arsonist"_s));
    auto *rewrite = view<RewriteView>(*t.window);
    const Exercise exercise = t.window->currentView()->exercise();
    CHECK(rewrite->caseText()->toPlainText().contains(u"Known arsonist. Kicked off again last week and refused to engage."_s));
    CHECK(rewrite->caseText()->toPlainText().contains(u"In the story it is 4 March 2025, 10:00."_s));
    CHECK(rewrite->editor()->isIncident());

    // A first go: slang in the narrative, most of the form blank.
    NoteEditor *what = rewrite->editor()->narratives().front().second;
    what->setFocus();
    QTest::keyClicks(what, u"Robin kicked off and lit a fire in a bin."_s);
    rewrite->panel()->refreshNow();
    CHECK(rewrite->panel()->findingCount() >= 1);
    CHECK(rewrite->panel()->promptCount() > 10);
    const Feedback first = t.window->currentView()->check();
    CHECK_FALSE(first.score.full());
    CHECK(first.wordingFindings >= 1);
    auto *compare = t.window->currentView()->comparisonView();
    REQUIRE(compare);
    CHECK(t.window->currentView()->tabs()->isTabEnabled(2));
    const QString side = compare->browser()->toPlainText();
    CHECK(side.contains(u"● Different"_s));
    CHECK(side.contains(u"Model answer"_s));
    // Words only one side has are marked in the HTML (underlined on a wash), not by colour alone.
    CHECK(compare->browser()->toHtml().contains(u"text-decoration: underline"_s));

    // The draft is in the training file; a new window on it gives it back to the same learner only.
    t.reopen();
    t.window->setLearnerCode(u"L07"_s);
    REQUIRE(t.window->openExercise(u"rewrite-known-arsonist"_s));
    CHECK(view<RewriteView>(*t.window)->answer().entry->incident()->whatHappened == u"Robin kicked off and lit a fire in a bin."_s);
    t.window->setLearnerCode(u"L08"_s);
    REQUIRE(t.window->openExercise(u"rewrite-known-arsonist"_s));
    CHECK(view<RewriteView>(*t.window)->answer().entry->incident()->whatHappened.isEmpty());

    // The model answer, entered in the form, scores full marks.
    Answer model;
    model.entry = exercise.modelAnswer;
    view<RewriteView>(*t.window)->setAnswer(model);
    const Feedback full = t.window->currentView()->check();
    INFO(describeScore(full.score).toStdString());
    CHECK(full.score.full());
    ComparisonView *same = t.window->currentView()->comparisonView();
    CHECK(same->browser()->toPlainText().contains(u"Every field is the same as in the model answer."_s));
    CHECK(same->browser()->toPlainText().contains(u"fields that are the same are hidden"_s));
    const qsizetype hidden = same->browser()->toPlainText().size();
    same->onlyDifferences()->setChecked(false);
    CHECK(same->browser()->toPlainText().size() > hidden + 500);
}

TEST_CASE("without a learner code the score is shown but not kept, and the window says why", "[ui][trainer]")
{
    Trainer t;
    REQUIRE(t.window->openExercise(u"sort-own-words"_s));
    t.window->checkAnswer();
    CHECK(t.window->currentView()->lastFeedback().has_value());
    CHECK(t.window->notice()->isVisible());
    CHECK(t.window->notice()->title() == u"Your score was not kept"_s);
    CHECK(QApplication::focusWidget() == t.window->learnerCodeEdit());
    auto rows = recordedAttempts(t.window->trainingFile());
    REQUIRE(rows.ok());
    CHECK(rows->empty());
    // A name is not a learner code.
    t.window->setLearnerCode(u"Sam"_s);
    CHECK_FALSE(t.window->hasValidLearnerCode());
}

TEST_CASE("results export as CSV and JSON keyed by learner code, never with names", "[ui][trainer][results]")
{
    Trainer t;
    store::saveAuthorToSettings(t.settings.settings, {u"Jo Fletcher"_s, u"Support worker"_s, u"Fairview Lodge"_s});
    t.window->setLearnerCode(u"L07"_s);
    t.window->setSession(u"After training"_s);
    REQUIRE(t.window->openExercise(u"rewrite-kitchen-fire"_s));
    t.window->checkAnswer();
    REQUIRE(t.window->openExercise(u"spot-at-the-door"_s));
    t.window->checkAnswer();
    t.window->setLearnerCode(u"L08"_s);
    t.window->checkAnswer();
    CHECK(t.window->results(false).size() == 1);
    CHECK(t.window->results(true).size() == 3);
    for (const QString &name : {u"mine.csv"_s, u"everyone.json"_s}) {
        const QString path = t.settings.dir.filePath(name);
        REQUIRE(t.window->exportResults(path, name.startsWith(u"everyone"_s)));
        const QByteArray bytes = bytesOf(path);
        CHECK(bytes.contains("L08"));
        CHECK_FALSE(bytes.contains("Jo Fletcher"));
        CHECK_FALSE(bytes.contains("Alex Marlow")); // the invented person of the rewrite
        auto rows = readResults(bytes);
        REQUIRE(rows.ok());
        CHECK(rows->size() == (name.startsWith(u"everyone"_s) ? 3u : 1u));
    }
}

TEST_CASE("a trainer previews an exercise: nothing is recorded, and the banner says so", "[ui][trainer][preview]")
{
    Trainer t;
    t.window->setLearnerCode(u"L07"_s);
    const auto set = loadExercises();
    REQUIRE(set.ok());
    t.window->preview(*set->find(u"sort-handover"_s));
    CHECK(t.window->isPreview());
    CHECK(t.window->banner()->detail().startsWith(u"Preview"_s));
    CHECK(t.window->windowTitle().contains(u"(preview)"_s));
    t.window->checkAnswer();
    CHECK(t.window->results(true).empty());
    REQUIRE(t.window->openExercise(u"sort-handover"_s));
    CHECK_FALSE(t.window->isPreview());
}

TEST_CASE("a trainer writes a new exercise: checked, previewed, saved in the organisation's folder, then listed", "[ui][trainer][editor]")
{
    Trainer t;
    QTemporaryDir org;
    std::unique_ptr<ExerciseEditor> editor(t.window->newExercise(ExerciseType::FactReportedOpinion));
    editor->setAttribute(Qt::WA_DeleteOnClose, false);
    editor->show();
    CHECK_FALSE(editor->problems().isEmpty()); // nothing filled in yet
    editor->idEdit()->setText(u"sort-our-hostel"_s);
    editor->titleEdit()->setText(u"Our hostel's night log"_s);
    editor->findChild<QCheckBox *>(u"inventedBox"_s)->setChecked(true);
    QTableWidget *statements = editor->statementsTable();
    QPushButton *add = nullptr;
    for (QPushButton *b : editor->findChildren<QPushButton *>())
        if (b->text() == u"Add a statement"_s)
            add = b;
    REQUIRE(add);
    for (const auto &[text, kind, why] : {std::tuple{u"The alarm sounded at 02:00."_s, 0, u"Heard, with a time."_s},
                                         std::tuple{u"Ash said the toaster was smoking."_s, 1, u"Attributed to Ash."_s},
                                         std::tuple{u"It will happen again."_s, 2, u"A prediction."_s}}) {
        QTest::mouseClick(add, Qt::LeftButton);
        const int row = statements->rowCount() - 1;
        statements->item(row, 0)->setText(text);
        qobject_cast<QComboBox *>(statements->cellWidget(row, 1))->setCurrentIndex(kind);
        statements->item(row, 2)->setText(why);
    }
    INFO(editor->problems().join(u'\n').toStdString());
    CHECK(editor->problems().isEmpty());

    // Preview as a learner.
    emit editor->previewRequested(editor->exercise());
    CHECK(t.window->isPreview());
    CHECK(t.window->currentView()->exercise().title == u"Our hostel's night log"_s);

    QString error;
    REQUIRE(t.window->saveFromEditor(editor.get(), org.path(), &error));
    CHECK(t.window->exercisesFolder() == org.path());
    CHECK(QFile::exists(org.filePath(u"sort-our-hostel.json"_s)));
    CHECK(listedIds(t.window->exerciseList()).contains(u"sort-our-hostel"_s));
    const Exercise *saved = t.window->exercises().find(u"sort-our-hostel"_s);
    REQUIRE(saved);
    CHECK_FALSE(saved->builtIn);
    CHECK(saved->statements.size() == 3);
    CHECK(saved->statements[1].answer == StatementKind::Reported);

    // A broken file in the folder: the built-in exercises stay, and the notice names the problem.
    {
        QFile broken(org.filePath(u"broken.json"_s));
        REQUIRE(broken.open(QIODevice::WriteOnly));
        broken.write("{\"format\": \"fairnote-exercise\", \"version\": 1,");
    }
    t.window->reloadExercises();
    CHECK(t.window->notice()->isVisible());
    CHECK(t.window->notice()->text().contains(u"broken.json:1:"_s));
    CHECK_FALSE(listedIds(t.window->exerciseList()).contains(u"sort-our-hostel"_s));
    CHECK(listedIds(t.window->exerciseList()).size() >= 20);
}

TEST_CASE("the editor edits a rewrite: the model answer in the guided form, key fields ticked, findings filled from the note", "[ui][trainer][editor]")
{
    Trainer t;
    REQUIRE(t.window->openExercise(u"rewrite-kitchen-fire"_s));
    std::unique_ptr<ExerciseEditor> editor(t.window->editCurrentExercise());
    editor->setAttribute(Qt::WA_DeleteOnClose, false);
    const Exercise original = t.window->currentView()->exercise();
    Exercise again = editor->exercise();
    again.file = original.file;
    again.builtIn = original.builtIn;
    // Nothing is lost by opening it in the editor.
    CHECK(QString::fromUtf8(writeExercise(again)) == QString::fromUtf8(writeExercise(original)));
    CHECK(again == original);
    CHECK(editor->problems().isEmpty());
    int ticked = 0;
    for (int i = 0; i < editor->keyFieldList()->count(); ++i)
        ticked += editor->keyFieldList()->item(i)->checkState() == Qt::Checked ? 1 : 0;
    CHECK(ticked == int(original.keyFields.size()));
    editor->noteEdit()->setPlainText(u"He kicked off again."_s);
    editor->fillExpectedFindings();
    CHECK(editor->exercise().expectedFindings == QStringList{u"slang.kicked-off"_s});
    CHECK(editor->problems().isEmpty());
}

TEST_CASE("cohort results: files read, chart and table, readable without colour", "[ui][trainer][cohort]")
{
    uitest::app();
    QTemporaryDir dir;
    std::vector<AttemptResult> rows;
    auto row = [&](const QString &learner, const QString &session, ExerciseType type, int points, int findings) {
        AttemptResult r;
        r.learner = learner;
        r.session = session;
        r.exerciseId = typeId(type) + u"-x"_s;
        r.type = type;
        r.points = points;
        r.max = 10;
        r.wordingFindings = type == ExerciseType::Rewrite ? findings : -1;
        r.openQuestions = type == ExerciseType::Rewrite ? 0 : -1;
        r.at = QDateTime(QDate(2026, 3, 4), QTime(10, int(rows.size())), Qt::UTC);
        rows.push_back(r);
    };
    row(u"L01"_s, u"Before training"_s, ExerciseType::Rewrite, 4, 6);
    row(u"L02"_s, u"Before training"_s, ExerciseType::Rewrite, 6, 4);
    row(u"L01"_s, u"Before training"_s, ExerciseType::SpotTheProblem, 5, -1);
    row(u"L01"_s, u"After training"_s, ExerciseType::Rewrite, 9, 1);
    row(u"L02"_s, u"After training"_s, ExerciseType::Rewrite, 8, 0);
    {
        QFile f(dir.filePath(u"cohort.csv"_s));
        REQUIRE(f.open(QIODevice::WriteOnly));
        f.write(resultsToCsv(rows));
        QFile bad(dir.filePath(u"notes.txt"_s));
        REQUIRE(bad.open(QIODevice::WriteOnly));
        bad.write("Not results.\n");
    }
    CohortDialog dialog;
    QString error;
    REQUIRE(dialog.addFile(dir.filePath(u"cohort.csv"_s), &error));
    CHECK_FALSE(dialog.addFile(dir.filePath(u"notes.txt"_s), &error));
    CHECK(error.contains(u"notes.txt is not a results file"_s));
    CHECK(dialog.files()->count() == 1);
    CHECK(dialog.table()->rowCount() == 5); // Before: all, rewrite, spot; After: all, rewrite
    CHECK(dialog.table()->item(0, 4)->text() == u"50%"_s);
    CHECK(dialog.findingsText() == u"Wording findings per rewritten record (fewer is better): Before training: 5.0 · After training: 0.5."_s);
    const QString description = dialog.chart()->describe();
    CHECK(description.contains(u"Rewrite a note: Before training: 50% (2 learners); After training: 85% (2 learners)"_s));
    CHECK(dialog.chart()->accessibleDescription() == description);
    // Each session has its own fill pattern as well as its own colour.
    CHECK(CohortChart::pattern(0) != CohortChart::pattern(1));
    dialog.show();
    REQUIRE(dialog.saveChart(dir.filePath(u"chart.png"_s)));
    CHECK(QImage(dir.filePath(u"chart.png"_s)).width() > 100);
}

TEST_CASE("the keyboard reaches everything, and every control has a name", "[ui][trainer][a11y]")
{
    Trainer t;
    for (const QString &id : {u"rewrite-known-arsonist"_s, u"sort-night-log"_s, u"spot-handover-labels"_s}) {
        INFO(id.toStdString());
        REQUIRE(t.window->openExercise(id));
        const QStringList unnamed = unnamedControls(t.window.get());
        INFO(unnamed.join(u", "_s).toStdString());
        CHECK(unnamed.isEmpty());
    }
    // Ctrl+Enter checks; Ctrl+PageDown moves to the next exercise.
    t.window->activateWindow();
    QTest::keyClick(t.window.get(), Qt::Key_Return, Qt::ControlModifier);
    CHECK(t.window->currentView()->lastFeedback().has_value());
    QTest::keyClick(t.window.get(), Qt::Key_PageDown, Qt::ControlModifier);
    CHECK(t.window->currentView()->exercise().id != u"spot-handover-labels"_s);

    std::unique_ptr<ExerciseEditor> editor(t.window->newExercise(ExerciseType::SpotTheProblem));
    editor->setAttribute(Qt::WA_DeleteOnClose, false);
    editor->show();
    const QStringList unnamed = unnamedControls(editor.get());
    INFO(unnamed.join(u", "_s).toStdString());
    CHECK(unnamed.isEmpty());
}

TEST_CASE("the real fairnote: --training refuses a real case file, --db refuses a training file", "[ui][trainer][separation][app]")
{
    QTemporaryDir dir;
    const QString live = dir.filePath(u"casefile.db"_s), training = dir.filePath(u"training.db"_s);
    {
        store::OpenOptions create;
        create.create = store::OpenOptions::Create::IfMissing;
        REQUIRE(store::openStore(live, create).ok());
        REQUIRE(openTrainingStore(training).ok());
    }
    const QByteArray liveBefore = bytesOf(live), trainingBefore = bytesOf(training);
    auto run = [&](const QStringList &args) {
        QProcess app;
        auto env = QProcessEnvironment::systemEnvironment();
        env.insert(u"QT_QPA_PLATFORM"_s, u"offscreen"_s);
        env.insert(u"XDG_CONFIG_HOME"_s, dir.filePath(u"config"_s));
        env.insert(u"XDG_DATA_HOME"_s, dir.filePath(u"data"_s));
        app.setProcessEnvironment(env);
        app.start(QStringLiteral(FAIRNOTE_GUI), args);
        REQUIRE(app.waitForFinished(60000));
        return std::pair{app.exitCode(), QString::fromUtf8(app.readAllStandardError())};
    };
    const auto [code1, err1] = run({u"--training"_s, live});
    CHECK(code1 == 2);
    CHECK(err1.contains(u"holds real case records; trainer mode opens only training files"_s));
    const auto [code2, err2] = run({u"--db"_s, training});
    CHECK(code2 == 2);
    CHECK(err2.contains(u"is a training file of invented cases; it cannot be opened as a real case file"_s));
    const auto [code3, err3] = run({training});
    CHECK(code3 == 2);
    CHECK(err3.contains(u"a training file with --training FILE"_s));
    CHECK(bytesOf(live) == liveBefore);
    CHECK(bytesOf(training) == trainingBefore);
}

// ---- pictures -----------------------------------------------------------------------------------------
// FAIRNOTE_SCREENSHOT_DIR=docs/screenshots xvfb-run -a -s "-screen 0 1280x720x24" BUILD/tests/ui/test-ui-trainer "[.screenshots]"

namespace {

void shoot(QWidget &w, const QString &name)
{
    const QString dir = qEnvironmentVariable("FAIRNOTE_SCREENSHOT_DIR");
    REQUIRE_FALSE(dir.isEmpty());
    w.show();
    REQUIRE(QTest::qWaitForWindowExposed(&w));
    QTest::qWait(400);
    const QString path = QDir(dir).filePath(u"training-%1.png"_s.arg(name));
    REQUIRE(w.grab().save(path));
    WARN("wrote " << path.toStdString() << " (" << w.width() << "x" << w.height() << ")");
}

void fitScreen(QWidget &w)
{
    const QRect screen = w.screen()->availableGeometry();
    w.resize(std::min(1280, screen.width()), std::min(720, screen.height()));
}

} // namespace

TEST_CASE("pictures of trainer mode for docs/training.md", "[.screenshots]")
{
    Trainer t;
    fitScreen(*t.window);
    t.window->setLearnerCode(u"L07"_s);
    t.window->setSession(u"Before training"_s);

    SECTION("rewrite")
    {
        REQUIRE(t.window->openExercise(u"rewrite-known-arsonist"_s));
        auto *rewrite = view<RewriteView>(*t.window);
        Exercise e = t.window->currentView()->exercise();
        // A learner's first go: most of it done, a few things still open.
        record::Entry entry = e.modelAnswer;
        auto *r = std::get_if<record::IncidentRecord>(&entry.body);
        r->whatHappened = u"At about 20:15 Robin lit some paper in a bin in the garden. Pat put it out with a fire blanket. "
                          u"He was very upset."_s;
        r->harm.evacuation.reset();
        r->safetyPlan.clear();
        entry.eventDate = {record::DatePrecision::Day, {}, QDate(2025, 2, 14), {}};
        Answer a;
        a.entry = entry;
        rewrite->setAnswer(a);
        rewrite->panel()->refreshNow();
        QTest::qWait(300);
        rewrite->editor()->focusField(u"/incident/what_happened"_s);
        shoot(*t.window, u"rewrite"_s);
        t.window->currentView()->check();
        t.window->currentView()->showPage(ExerciseView::Page::SideBySide);
        shoot(*t.window, u"rewrite-side-by-side"_s);
        t.window->currentView()->showPage(ExerciseView::Page::Feedback);
        shoot(*t.window, u"score"_s);
    }
    SECTION("fact, reported or opinion")
    {
        REQUIRE(t.window->openExercise(u"sort-night-log"_s));
        auto *sort = view<SortView>(*t.window);
        const StatementKind picks[] = {StatementKind::Fact, StatementKind::Opinion, StatementKind::Reported, StatementKind::Fact,
                                       StatementKind::Fact, StatementKind::Reported};
        for (int i = 0; i < 6; ++i)
            sort->choice(i, picks[i])->setChecked(true);
        t.window->currentView()->check();
        shoot(*t.window, u"sort"_s);
    }
    SECTION("spot the problem")
    {
        REQUIRE(t.window->openExercise(u"spot-handover-labels"_s));
        auto *spot = view<SpotView>(*t.window);
        const QString text = spot->note()->toPlainText();
        for (const QString &words : {u"junkie"_s, u"kicked off"_s, u"off his head and went for"_s, u"Tuesday night"_s}) {
            spot->select(text.indexOf(words), words.size());
            spot->markSelection();
        }
        shoot(*t.window, u"spot-marking"_s);
        t.window->currentView()->check();
        t.window->currentView()->showPage(ExerciseView::Page::Answer);
        shoot(*t.window, u"spot"_s);
    }
    SECTION("the trainer's editor")
    {
        REQUIRE(t.window->openExercise(u"spot-referral-summary"_s));
        std::unique_ptr<ExerciseEditor> editor(t.window->editCurrentExercise());
        editor->setAttribute(Qt::WA_DeleteOnClose, false);
        editor->findChild<QTabWidget *>()->setCurrentIndex(1);
        for (QPushButton *b : editor->findChildren<QPushButton *>())
            if (b->text() == u"C&heck"_s)
                b->click();
        CHECK(editor->problemsLabel()->text().startsWith(u"✓ No problems"_s));
        shoot(*editor, u"editor"_s);
    }
    SECTION("cohort")
    {
        CohortDialog dialog;
        std::vector<AttemptResult> rows;
        int minute = 0;
        const QStringList exercises{u"rewrite-known-arsonist"_s, u"sort-night-log"_s, u"spot-handover-labels"_s};
        for (int learner = 1; learner <= 12; ++learner) {
            for (const QString &session : {u"Before training"_s, u"After training"_s}) {
                const bool after = session.startsWith(u"After"_s);
                for (const QString &id : exercises) {
                    AttemptResult r;
                    r.learner = u"L%1"_s.arg(learner, 2, 10, QLatin1Char('0'));
                    r.session = session;
                    r.exerciseId = id;
                    r.type = *typeFromId(id.startsWith(u"rewrite"_s) ? u"rewrite" : id.startsWith(u"sort"_s) ? u"fact-reported-opinion" : u"spot-the-problem");
                    r.max = 20;
                    r.points = std::clamp((after ? 14 : 8) + (learner * 7 + int(id.size())) % 6 - (r.type == ExerciseType::Rewrite ? 2 : 0), 0, 20);
                    r.wordingFindings = r.type == ExerciseType::Rewrite ? (after ? 1 + learner % 2 : 4 + learner % 4) : -1;
                    r.openQuestions = r.type == ExerciseType::Rewrite ? (after ? 0 : 3) : -1;
                    r.at = QDateTime(QDate(2026, 3, after ? 18 : 4), QTime(9, 0), Qt::UTC).addSecs(60 * ++minute);
                    rows.push_back(r);
                }
            }
        }
        QTemporaryDir dir;
        const QString before = dir.filePath(u"cohort-march.csv"_s);
        QFile f(before);
        REQUIRE(f.open(QIODevice::WriteOnly));
        f.write(resultsToCsv(rows));
        f.close();
        REQUIRE(dialog.addFile(before));
        dialog.resize(std::min(900, dialog.screen()->availableGeometry().width()), std::min(680, dialog.screen()->availableGeometry().height()));
        shoot(dialog, u"cohort"_s);
    }
}

TEST_CASE("a date typed in trainer mode is the date kept and scored: the learner's form and the exercise editor", "[ui][trainer][dates]")
{
    Trainer t;
    t.window->setLearnerCode(u"L09"_s);
    REQUIRE(t.window->openExercise(u"rewrite-known-arsonist"_s));
    auto *rewrite = view<RewriteView>(*t.window);
    auto *when = qobject_cast<EventDateEdit *>(rewrite->editor()->fieldWidget(u"/event_date"_s));
    REQUIRE(when);
    when->precisionBox()->setCurrentIndex(when->precisionBox()->findText(record::title(record::DatePrecision::Day)));
    auto *day = when->findChild<DateField *>(u"day"_s);
    REQUIRE(day);
    day->lineEdit()->setFocus();
    QTest::keyClicks(day->lineEdit(), u"20 September 2024"_s);
    QTest::keyClick(day->lineEdit(), Qt::Key_Tab);
    // The learner's answer holds the month typed, not today's: a date the app changed is never marked wrong.
    CHECK(rewrite->answer().entry->eventDate.date == QDate(2024, 9, 20));
    CHECK(rewrite->answer().entry->eventDate.precision == record::DatePrecision::Day);

    // The exercise editor's "Now, in the story" is typed the same way.
    std::unique_ptr<ExerciseEditor> editor(t.window->editCurrentExercise());
    editor->setAttribute(Qt::WA_DeleteOnClose, false);
    DateTimeField *story = editor->storyTimeField();
    REQUIRE(story);
    story->dateField()->lineEdit()->selectAll();
    QTest::keyClicks(story->dateField()->lineEdit(), u"4/3/2025"_s);
    QTest::keyClick(story->dateField()->lineEdit(), Qt::Key_Tab);
    story->timeEdit()->setText(u"10:30"_s);
    CHECK(editor->exercise().writtenAt == QDateTime(QDate(2025, 3, 4), QTime(10, 30), Qt::UTC));
}
