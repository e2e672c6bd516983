// SPDX-FileCopyrightText: 2026 Fairnote contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// The case-file window: recording an incident as a worker does — typed, checked, saved as a draft,
// finalised, amended, marked in error, recovered after a crash — and agreeing with fairnote-cli.
#include "casewindowsupport.h"
#include "uitestsupport.h"

#include "findingformat.h"
#include "formfields.h"
#include "historydialog.h"
#include "persondialog.h"
#include "mainwindow.h"
#include "noteeditor.h"
#include "recordeditor.h"
#include "recordpanel.h"
#include "reportdialog.h"
#include "review/review.h"
#include "supervisiondialog.h"
#include "trainerwindow.h"
#include "trendsdialog.h"

#include "record/describe.h"
#include "record/interchange.h"
#include "store/location.h"
#include "spellingsetup.h"
#include "store/permissions.h"
#include "store/sqlite/open.h"
#include "training/trainingstore.h"

#include <QAbstractButton>
#include <QAbstractSpinBox>
#include <QAction>
#include <QComboBox>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QMenuBar>
#include <QCheckBox>
#include <QLineEdit>
#include <QListWidget>
#include <QMenu>
#include <QMessageBox>
#include <QProcess>
#include <QPushButton>
#include <QRadioButton>
#include <QTest>
#include <QSpinBox>
#include <QTableWidget>
#include <QTextBrowser>
#include <QTimer>
#include <QTreeWidget>
#include <catch2/catch.hpp>

using namespace Qt::StringLiterals;
using namespace fairnote;
using namespace fairnote::ui;
using namespace fairnote::uitest;


TEST_CASE("typing a stigmatising phrase underlines it and lists it beside the form", "[ui][casewindow]")
{
    CaseWindow w;
    w.addPerson();
    REQUIRE(w.window->newEntry(true));
    NoteEditor *what = w.narrative(u"/incident/what_happened"_s);
    w.type(what, u"He kicked off in reception at 10:00."_s);
    w.settle();
    const auto f = uitest::findingOn(*what, u"kicked off"_s);
    REQUIRE(f);
    CHECK(uitest::squiggleAt(*what, f->offset));
    const auto &items = w.window->recordPanel()->items();
    CHECK(std::any_of(items.begin(), items.end(), [&](const PanelItem &i) {
        return i.kind == PanelItem::Kind::Finding && i.field == u"/incident/what_happened" && i.finding.ruleId == f->ruleId;
    }));
    // The prompts for the blanks are listed too, and activating one goes to its field.
    CHECK(w.window->recordPanel()->promptCount() > 5);
    int injuryRow = -1;
    for (int row = 0; row < w.window->recordPanel()->rowCount(); ++row)
        if (w.window->recordPanel()->rowText(row).contains(u"Injury"_s))
            injuryRow = row;
    REQUIRE(injuryRow >= 0);
    w.window->recordPanel()->activateRow(injuryRow);
    CHECK(QApplication::focusWidget() == w.window->recordEditor()->fieldWidget(u"/incident/harm/injury"_s));
}

TEST_CASE("choosing a spelling suggestion replaces the word", "[ui][casewindow]")
{
    CaseWindow w(uitest::testChecker());
    w.addPerson();
    REQUIRE(w.window->newEntry(true));
    NoteEditor *what = w.narrative(u"/incident/what_happened"_s);
    w.type(what, u"He recieved the letter."_s);
    w.settle();
    REQUIRE(uitest::waitFor([&] { return uitest::findingOn(*what, u"recieved"_s).has_value(); }));
    const Finding f = *uitest::findingOn(*what, u"recieved"_s);
    QTextCursor c(what->document());
    c.setPosition(int(f.offset + 2));
    what->setTextCursor(c);
    std::unique_ptr<QMenu> menu(what->createContextMenu(what->cursorRect(c).center(), false));
    QAction *received = nullptr;
    for (QAction *a : menu->actions())
        if (a->text() == u"received")
            received = a;
    REQUIRE(received);
    received->trigger();
    CHECK(what->toPlainText() == u"He received the letter."_s);
}

TEST_CASE("a draft saves, and reopens in a new window as it was left", "[ui][casewindow]")
{
    CaseWindow w;
    const QString person = w.addPerson();
    REQUIRE(w.window->newEntry(false));
    w.type(w.narrative(u"/note/text"_s), u"Sam came to the office at 10:00 to ask about his application."_s);
    QString error;
    REQUIRE(w.window->saveDraft(&error));
    const QString id = w.window->currentEntryId();
    REQUIRE_FALSE(id.isEmpty());
    CHECK(w.window->editorStatusText().contains(u"saved at"_s));
    CHECK(w.window->chronology()->topLevelItemCount() == 1);
    w.window->close();
    w.window.reset();

    w.open();
    CHECK(w.window->unfinishedDrafts() == QStringList{id});
    REQUIRE(w.window->openEntry(id));
    CHECK(w.window->currentPersonId() == person);
    CHECK_FALSE(w.window->editorReadOnly());
    CHECK(w.narrative(u"/note/text"_s)->toPlainText() == u"Sam came to the office at 10:00 to ask about his application."_s);
}

TEST_CASE("a new entry left untouched saves nothing; typing a word and deleting it saves nothing either", "[ui][casewindow]")
{
    CaseWindow w;
    w.addPerson();
    REQUIRE(w.window->newEntry(true));
    QTest::qWait(MainWindow::kAutosaveMs * 2); // the highlighter runs; an autosave would have fired by now
    CHECK_FALSE(w.window->hasUnsavedChanges());
    CHECK(w.window->currentEntryId().isEmpty());
    auto list = w.window->store().entries({}, kJo);
    REQUIRE(list.ok());
    CHECK(list->empty());
}

TEST_CASE("a draft survives a crash: it is saved as the worker types, before any close", "[ui][casewindow]")
{
    CaseWindow w;
    w.addPerson();
    REQUIRE(w.window->newEntry(true));
    w.type(w.narrative(u"/incident/what_happened"_s), u"The smoke alarm sounded at 23:40."_s);
    // No save, no close: only the autosave, a moment after typing stops.
    REQUIRE(uitest::waitFor([&] { return !w.window->currentEntryId().isEmpty() && !w.window->hasUnsavedChanges(); },
                            MainWindow::kAutosaveMs * 4));
    const QString id = w.window->currentEntryId();
    // The window goes without its close event, as in a crash; the file holds the draft.
    w.window.reset();
    auto s = store::openStore(w.dbPath);
    REQUIRE(s.ok());
    auto d = (*s)->entry(id);
    REQUIRE(d.ok());
    REQUIRE(d->draft);
    CHECK(d->draft->entry.incident()->whatHappened == u"The smoke alarm sounded at 23:40."_s);
    s->reset();
    w.open();
    CHECK(w.window->unfinishedDrafts() == QStringList{id}); // offered back at the next start
}

TEST_CASE("finalising makes the entry read-only and writes a final revision", "[ui][casewindow]")
{
    CaseWindow w;
    w.addPerson();
    REQUIRE(w.window->newEntry(false));
    fillCleanNote(w, u"Sam phoned at 10:00 to ask when his housing application will be decided."_s);
    QString error;
    REQUIRE(w.window->finaliseWith({}, {}, &error));
    INFO(error.toStdString());
    CHECK(w.window->editorReadOnly());
    CHECK(w.narrative(u"/note/text"_s)->isReadOnly());
    auto d = w.window->store().entry(w.window->currentEntryId());
    REQUIRE(d.ok());
    REQUIRE(d->revisions.size() == 1);
    CHECK(d->revisions.front().author == kJo);
    CHECK_FALSE(d->draft);
    CHECK(w.window->editorStatusText().contains(u"read-only"_s));
    CHECK(child<QAction>(w.window.get(), u"amendAction"_s)->isEnabled());
    CHECK_FALSE(child<QAction>(w.window.get(), u"finaliseAction"_s)->isEnabled());
}

TEST_CASE("finalising with questions open needs a reason for each", "[ui][casewindow]")
{
    CaseWindow w;
    w.addPerson();
    REQUIRE(w.window->newEntry(true));
    w.type(w.narrative(u"/incident/what_happened"_s), u"The smoke alarm sounded at 23:40."_s);
    QString error;
    CHECK_FALSE(w.window->finaliseWith({}, {}, &error));
    CHECK(error.contains(u"still open"_s));
    CHECK_FALSE(w.window->editorReadOnly());
}

TEST_CASE("an amendment needs a reason and keeps the earlier revision", "[ui][casewindow]")
{
    CaseWindow w;
    w.addPerson();
    REQUIRE(w.window->newEntry(false));
    fillCleanNote(w, u"Sam phoned at 10:00."_s);
    REQUIRE(w.window->finaliseWith({}, {}));
    const QString id = w.window->currentEntryId();
    QString error;
    REQUIRE(w.window->startAmendment(&error));
    CHECK_FALSE(w.window->editorReadOnly());
    CHECK(w.window->editorStatusText().contains(u"Amendment"_s));
    NoteEditor *text = w.narrative(u"/note/text"_s);
    text->selectAll();
    w.type(text, u"Sam phoned at 11:00."_s);
    CHECK_FALSE(w.window->finaliseWith({}, {}, &error));
    CHECK(error.contains(u"reason"_s));
    REQUIRE(w.window->finaliseWith({}, u"The phone log says 11:00."_s, &error));
    auto d = w.window->store().entry(id);
    REQUIRE(d->revisions.size() == 2);
    CHECK(std::get<record::GeneralNote>(d->revisions[0].entry.body).text == u"Sam phoned at 10:00."_s);
    CHECK(d->revisions[1].reason == u"The phone log says 11:00."_s);
    CHECK(w.window->editorReadOnly());
}

TEST_CASE("marking in error needs a reason and strikes the entry through in the chronology", "[ui][casewindow]")
{
    CaseWindow w;
    w.addPerson();
    REQUIRE(w.window->newEntry(false));
    fillCleanNote(w, u"Written in the wrong file."_s);
    REQUIRE(w.window->finaliseWith({}, {}));
    QString error;
    CHECK_FALSE(w.window->markInError(u"  "_s, &error));
    REQUIRE(w.window->markInError(u"About another person."_s, &error));
    CHECK(w.window->editorReadOnly());
    CHECK(w.window->editorStatusText().contains(u"Marked in error"_s));
    QTreeWidgetItem *row = w.window->chronology()->topLevelItem(0);
    REQUIRE(row);
    CHECK(row->text(2).contains(u"Marked in error"_s));
    CHECK(row->font(3).strikeOut());
    CHECK_FALSE(child<QAction>(w.window.get(), u"amendAction"_s)->isEnabled());
}

TEST_CASE("an entry's actions are enabled as the entry rules say, the reason of each refusal in its tooltip", "[ui][casewindow][parity]")
{
    CaseWindow w;
    const QString person = w.addPerson();
    REQUIRE(w.window->newEntry(false));
    fillCleanNote(w, u"Sam phoned at 10:00."_s);
    REQUIRE(w.window->finaliseWith({}, {}));
    const QString id = w.window->currentEntryId();
    // A colleague starts an amendment: the store would refuse Jo's, so the app does not offer it.
    const store::Actor sam{u"Sam Okafor"_s, u"Team leader"_s, u"Fairview Lodge"_s};
    record::Entry amended = w.window->store().entry(id)->revisions.back().entry;
    std::get<record::GeneralNote>(amended.body).text = u"Sam phoned at 11:00."_s;
    REQUIRE(w.window->store().saveDraft(person, amended, sam).ok());
    w.window->closeEntry();
    REQUIRE(w.window->openEntry(id));
    const auto rules = store::permissionsFor(w.window->store(), *w.window->store().entry(id), kJo);
    const std::vector<std::pair<QString, store::EntryAction>> actions{
        {u"amendAction"_s, store::EntryAction::Amend}, {u"markInErrorAction"_s, store::EntryAction::MarkInError},
        {u"flagDisclosureAction"_s, store::EntryAction::FlagForDisclosure},
        {u"releaseDisclosureAction"_s, store::EntryAction::ReleaseForDisclosure}, {u"signOffAction"_s, store::EntryAction::RequestSignOff}};
    for (const auto &[name, rule] : actions) {
        INFO(name.toStdString());
        QAction *action = child<QAction>(w.window.get(), name);
        CHECK(action->isEnabled() == rules.allows(rule));
        if (!rules.allows(rule))
            CHECK(action->toolTip() == sentence(rules.refusal(rule)->message));
    }
    CHECK_FALSE(child<QAction>(w.window.get(), u"amendAction"_s)->isEnabled());
    CHECK(child<QAction>(w.window.get(), u"amendAction"_s)->toolTip().startsWith(u"Sam Okafor (Team leader, Fairview Lodge) is drafting an amendment"_s));
    CHECK(child<QAction>(w.window.get(), u"markInErrorAction"_s)->isEnabled());
    CHECK_FALSE(child<QAction>(w.window.get(), u"signOffAction"_s)->isEnabled()); // a case note
    CHECK(child<QAction>(w.window.get(), u"signOffAction"_s)->toolTip().contains(u"sign-off is for incident records"_s));
}

TEST_CASE("people are found as you type; the chronology states the time since the latest incident", "[ui][casewindow]")
{
    CaseWindow w;
    {
        record::CaseFile cf = [] {
            QFile f(QStringLiteral(FAIRNOTE_SOURCE_DIR "/docs/examples/incident-complete.json"));
            REQUIRE(f.open(QIODevice::ReadOnly));
            return *record::readInterchange(f.readAll());
        }();
        REQUIRE(w.window->store().importCaseFile(cf, kJo, {}, {}).ok());
    }
    w.window->reloadPeople();
    w.addPerson(u"Ali Khan"_s);
    w.window->peopleFilter()->setText(u"samm"_s); // "Sammy Rivers", an other name
    int shown = 0;
    for (int i = 0; i < w.window->peopleList()->count(); ++i)
        shown += w.window->peopleList()->item(i)->isHidden() ? 0 : 1;
    CHECK(shown == 1);
    REQUIRE(w.window->selectPerson(u"person-0001"_s));
    CHECK(w.window->sinceLastIncidentText().startsWith(u"Latest incident: "_s));
    CHECK(w.window->sinceLastIncidentText().contains(u"2 August 2025"_s));
    CHECK(w.window->chronology()->topLevelItem(0)->text(1) == u"Incident record"_s);
    CHECK(w.window->chronology()->topLevelItem(0)->font(1).bold());
}

TEST_CASE("the app and fairnote-cli people say the latest incident in the same words, as precisely as its date allows",
          "[ui][casewindow][parity]")
{
    CaseWindow w;
    const record::CaseFile example = [] {
        QFile f(QStringLiteral(FAIRNOTE_SOURCE_DIR "/docs/examples/incident-complete.json"));
        REQUIRE(f.open(QIODevice::ReadOnly));
        return *record::readInterchange(f.readAll());
    }();
    const record::Entry *incident = nullptr;
    for (const auto &e : example.entries)
        if (e.isIncident())
            incident = &e;
    REQUIRE(incident);
    const std::vector<std::pair<QString, record::EventDate>> dates{
        {u"Day"_s, {record::DatePrecision::Day, {}, QDate(2024, 3, 3), {}}},
        {u"Month"_s, {record::DatePrecision::Month, {}, QDate(2023, 5, 1), {}}},
        {u"Year"_s, {record::DatePrecision::Year, {}, QDate(2021, 1, 1), {}}},
        {u"Range"_s, {record::DatePrecision::Range, {}, QDate(2022, 11, 20), QDate(2022, 11, 30)}},
        {u"Undated"_s, {record::DatePrecision::Unknown, {}, {}, {}}},
    };
    int n = 0;
    for (const auto &[name, date] : dates) {
        record::CaseFile cf;
        cf.person = record::Person{u"person-%1"_s.arg(++n), name + u" Rivers"_s, {}, {}};
        record::Entry e = *incident;
        e.id = u"entry-%1"_s.arg(n);
        e.eventDate = date;
        cf.entries = {e};
        REQUIRE(w.window->store().importCaseFile(cf, kJo, {}, {}).ok());
    }
    w.window->reloadPeople();

    QProcess cli;
    auto env = QProcessEnvironment::systemEnvironment();
    env.insert(u"XDG_DATA_HOME"_s, w.temp.dir.filePath(u"data"_s));
    cli.setProcessEnvironment(env);
    cli.start(QStringLiteral(FAIRNOTE_CLI), {u"people"_s, u"--db"_s, w.dbPath});
    REQUIRE(cli.waitForFinished(60000));
    REQUIRE(cli.exitCode() == 0);
    const QStringList cliLines = QString::fromUtf8(cli.readAllStandardOutput()).split(u'\n', Qt::SkipEmptyParts);
    auto latestIn = [](const QString &text) { return text.mid(text.indexOf(u"latest incident "_s)).section(u'\n', 0, 0); };
    REQUIRE(w.window->peopleList()->count() == int(dates.size()));
    QStringList app, fromCli;
    for (int i = 0; i < w.window->peopleList()->count(); ++i)
        app << latestIn(w.window->peopleList()->item(i)->text());
    for (const QString &line : cliLines)
        fromCli << latestIn(line);
    INFO("app: " << app.join(u" | "_s).toStdString());
    INFO("cli: " << fromCli.join(u" | "_s).toStdString());
    CHECK(app == fromCli);
    // People are listed by name: Day, Month, Range, Undated, Year.
    CHECK(app[0].startsWith(u"latest incident on 3 March 2024, "_s));
    CHECK(app[1].startsWith(u"latest incident in May 2023, at least "_s));
    CHECK(app[2].startsWith(u"latest incident between 20 November 2022 and 30 November 2022, at least "_s));
    CHECK(app[3] == u"latest incident on a date that is not known"_s);
    CHECK(app[4].startsWith(u"latest incident in 2021, at least "_s));
    CHECK_FALSE(fromCli.join(u' ').contains(u"31 December"_s));
    // The chronology says the same words, after what the record says the incident was.
    REQUIRE(w.window->selectPerson(u"person-3"_s));
    CHECK(w.window->sinceLastIncidentText().contains(app[4].mid(QStringLiteral("latest incident ").size()) + u". 1 incident recorded in all."_s));
}

TEST_CASE("search shows snippets with the words highlighted and opens the entry", "[ui][casewindow]")
{
    CaseWindow w;
    w.addPerson();
    REQUIRE(w.window->newEntry(false));
    fillCleanNote(w, u"The smoke alarm in Room 12 sounded at 23:40."_s);
    REQUIRE(w.window->finaliseWith({}, {}));
    const QString id = w.window->currentEntryId();
    w.window->search(u"smoke alarm"_s);
    const QString html = w.window->searchResults()->toHtml();
    CHECK(html.contains(u"smoke"_s));
    CHECK(w.window->searchResults()->toPlainText().contains(u"Sam Rivers"_s));
    w.window->closeEntry();
    emit w.window->searchResults()->anchorClicked(QUrl(u"entry:"_s + id));
    CHECK(w.window->currentEntryId() == id);
}

TEST_CASE("the keyboard reaches everything: shortcuts, and a name on every control of the form", "[ui][casewindow]")
{
    CaseWindow w;
    w.addPerson();
    w.window->activateWindow();
    QTest::keyClick(w.window.get(), Qt::Key_N, Qt::ControlModifier);
    REQUIRE(w.window->editing());
    CHECK(w.window->recordEditor()->isIncident());
    QStringList unnamed;
    for (QWidget *c : w.window->recordEditor()->findChildren<QWidget *>()) {
        if (!(c->focusPolicy() & Qt::TabFocus) || !c->isVisibleTo(w.window->recordEditor()))
            continue;
        // Parts of a control that carries the name itself: a spin box's line edit, a scroll bar.
        if (qobject_cast<QAbstractScrollArea *>(c->parentWidget()) || qobject_cast<QAbstractSpinBox *>(c->parentWidget())
            || c->inherits("QScrollBar"))
            continue;
        if (c->accessibleName().isEmpty() && !qobject_cast<QAbstractButton *>(c))
            unnamed << QString::fromLatin1(c->metaObject()->className()) + u' ' + c->objectName();
    }
    INFO(unnamed.join(u", "_s).toStdString());
    CHECK(unnamed.isEmpty());
    QTest::keyClick(w.window.get(), Qt::Key_F, Qt::ControlModifier);
    CHECK(QApplication::focusWidget() == w.window->searchField());
}

TEST_CASE("the window and fairnote-cli give the same prompts and findings for the same entry", "[ui][casewindow][cli]")
{
    CaseWindow w;
    w.addPerson();
    REQUIRE(w.window->newEntry(true));
    RecordEditor *editor = w.window->recordEditor();
    child<QComboBox>(editor, u"/incident/type"_s)->setCurrentIndex(1);
    auto *legal = child<QComboBox>(editor, u"/incident/legal/status"_s);
    legal->setCurrentIndex(legal->findText(record::title(record::LegalStatus::Allegation)));
    w.type(w.narrative(u"/incident/what_happened"_s),
           u"Known arsonist, kicked off in reception. Staff say he is aggressive and he recieved a warning. "
           u"He was convicted of arson."_s);
    w.type(w.narrative(u"/incident/context"_s), u"Obviously he was drunk."_s);
    w.settle();

    // What the window shows.
    QStringList gui;
    for (const PanelItem &i : w.window->recordPanel()->items()) {
        if (i.kind == PanelItem::Kind::Prompt)
            gui << u"prompt %1 %2"_s.arg(i.field, i.prompt.code);
        else
            gui << u"finding %1 %2 %3+%4"_s.arg(i.field, i.finding.ruleId).arg(i.finding.offset).arg(i.finding.length);
    }
    gui.sort();

    // The same entry through fairnote-cli assess.
    record::Entry e = editor->entry();
    e.id = u"e1"_s;
    e.author = kJo;
    const QDateTime now = QDateTime::currentDateTimeUtc();
    e.writtenAt = now;
    const QString file = w.temp.dir.filePath(u"entry.json"_s);
    {
        QFile f(file);
        REQUIRE(f.open(QIODevice::WriteOnly));
        f.write(record::writeInterchange(record::CaseFile{*w.window->store().person(w.window->currentPersonId()), {e}}));
    }
    QProcess cli;
    auto env = QProcessEnvironment::systemEnvironment();
    env.insert(u"XDG_DATA_HOME"_s, w.temp.dir.filePath(u"data"_s));
    cli.setProcessEnvironment(env);
    cli.start(QStringLiteral(FAIRNOTE_CLI), {u"assess"_s, u"--format"_s, u"json"_s, u"--now"_s, now.toString(Qt::ISODate), file});
    REQUIRE(cli.waitForFinished(60000));
    const QJsonObject out = QJsonDocument::fromJson(cli.readAllStandardOutput()).object();
    REQUIRE(out[u"entries"_s].toArray().size() == 1);
    const QJsonObject entry = out[u"entries"_s][0].toObject();
    QStringList fromCli;
    for (const auto &p : entry[u"prompts"_s].toArray())
        fromCli << u"prompt %1 %2"_s.arg(p[u"field"_s].toString().mid(QStringLiteral("/entries/0").size()), p[u"code"_s].toString());
    for (const auto &f : entry[u"findings"_s].toArray())
        fromCli << u"finding %1 %2 %3+%4"_s.arg(f[u"field"_s].toString().mid(QStringLiteral("/entries/0").size()), f[u"rule"_s].toString())
                       .arg(f[u"offset_utf16"_s].toInteger()).arg(f[u"length_utf16"_s].toInteger());
    fromCli.sort();
    INFO("window: " << gui.join(u"\n"_s).toStdString());
    INFO("cli:    " << fromCli.join(u"\n"_s).toStdString());
    CHECK(gui.filter(u"finding"_s).size() >= 5);
    CHECK(gui.filter(u"legal-contradiction"_s).size() == 2); // "convicted" and "arson", with an allegation
    CHECK(gui == fromCli);
}

TEST_CASE("fairnote refuses a file that is not a case file, says why, and leaves it alone", "[ui][casewindow][app]")
{
    QTemporaryDir dir;
    const QString path = dir.filePath(u"notes.txt"_s);
    {
        QFile f(path);
        REQUIRE(f.open(QIODevice::WriteOnly));
        f.write(QByteArray("Known arsonist.\n").repeated(20));
    }
    QProcess app;
    auto env = QProcessEnvironment::systemEnvironment();
    env.insert(u"QT_QPA_PLATFORM"_s, u"offscreen"_s);
    env.insert(u"XDG_CONFIG_HOME"_s, dir.filePath(u"config"_s));
    env.insert(u"XDG_DATA_HOME"_s, dir.filePath(u"data"_s));
    app.setProcessEnvironment(env);
    app.start(QStringLiteral(FAIRNOTE_GUI), {u"--db"_s, path});
    REQUIRE(app.waitForFinished(60000));
    CHECK(app.exitCode() == 2);
    CHECK(QString::fromUtf8(app.readAllStandardError()).contains(u"not an SQLite database"_s));
    QFile f(path);
    REQUIRE(f.open(QIODevice::ReadOnly));
    CHECK(f.readAll() == QByteArray("Known arsonist.\n").repeated(20));
}

TEST_CASE("the summary dialog previews, refuses to save without purpose and recipient, and records each save", "[ui][casewindow][report]")
{
    CaseWindow w;
    {
        QFile f(QStringLiteral(FAIRNOTE_SOURCE_DIR "/docs/examples/incident-complete.json"));
        REQUIRE(f.open(QIODevice::ReadOnly));
        REQUIRE(w.window->store().importCaseFile(*record::readInterchange(f.readAll()), kJo, {}, {}).ok());
    }
    ReportDialog dialog(ReportDialog::Kind::Summary, w.window->store(), u"person-0001"_s, kJo, uitest::builtInChecker());
    dialog.refreshNow();
    CHECK(dialog.preview()->toPlainText().contains(u"Fire-safety history — factual summary"_s));
    // Neither consent choice made yet: the preview says so, not "shared without consent".
    CHECK(dialog.preview()->toPlainText().contains(u"Not answered yet: whether the person consented"_s));
    CHECK_FALSE(dialog.preview()->toPlainText().contains(u"without the person's consent"_s));
    CHECK_FALSE(dialog.savePdfButton()->isEnabled());
    QString error;
    CHECK_FALSE(dialog.saveTo(w.temp.dir.filePath(u"s.pdf"_s), u"pdf"_s, &error));
    CHECK_FALSE(QFile::exists(w.temp.dir.filePath(u"s.pdf"_s)));

    dialog.purposeEdit()->setText(u"Referral for temporary accommodation"_s);
    dialog.recipientEdit()->setText(u"Housing Options"_s);
    dialog.consentButton()->setChecked(true);
    dialog.sectionBox(report::Section::PersonsView)->setChecked(false);
    dialog.refreshNow();
    CHECK(dialog.savePdfButton()->isEnabled());
    CHECK_FALSE(dialog.preview()->toPlainText().contains(u"About the incident of"_s)); // the person's view is left out
    CHECK(dialog.preview()->toPlainText().contains(u"The person's view: left out of this summary by its author."_s));
    const auto before = w.window->store().auditTrail({})->size();
    REQUIRE(dialog.saveTo(w.temp.dir.filePath(u"s.pdf"_s), u"pdf"_s, &error));
    CHECK(QFile(w.temp.dir.filePath(u"s.pdf"_s)).size() > 1000);
    const auto trail = w.window->store().auditTrail({});
    REQUIRE(trail->size() == before + 1);
    CHECK(trail->back().action == u"export-summary"_s);
    CHECK(trail->back().detail.value(u"recipient"_s).toString() == u"Housing Options"_s);
}

TEST_CASE("supervision: draw a queue, score an entry, and the chronology shows sign-off", "[ui][casewindow][review]")
{
    CaseWindow w;
    {
        QFile f(QStringLiteral(FAIRNOTE_SOURCE_DIR "/docs/examples/incident-complete.json"));
        REQUIRE(f.open(QIODevice::ReadOnly));
        REQUIRE(w.window->store().importCaseFile(*record::readInterchange(f.readAll()), kJo, {}, {}).ok());
    }
    w.window->reloadPeople();
    const store::Actor sam{u"Sam Okafor"_s, u"Team leader"_s, {}};
    SupervisionDialog dialog(w.window->store(), *review::Rubric::load(), sam);
    dialog.sizeBox()->setValue(2);
    dialog.seedEdit()->setText(u"5"_s);
    QString error;
    REQUIRE(dialog.drawQueue(&error));
    REQUIRE(dialog.queueList()->count() == 2);
    CHECK(dialog.queueList()->item(0)->text().contains(u"Not yet reviewed"_s));
    dialog.queueList()->setCurrentRow(0);
    CHECK(dialog.completenessList()->count() > 1);
    CHECK_FALSE(dialog.saveReview(&error)); // nothing scored yet
    CHECK(error.contains(u"Score"_s));
    dialog.scoreBox(u"factual"_s)->setCurrentIndex(4);
    dialog.evidenceEdit(u"factual"_s)->setText(u"Says what the night worker saw."_s);
    REQUIRE(dialog.saveReview(&error));
    CHECK(dialog.queueList()->item(0)->text().contains(u"Reviewed"_s));

    // Sign-off asked for by Jo shows in the chronology; Sam approves it in the dialog.
    REQUIRE(w.window->store().requestSignOff(u"entry"_s, {}, u"entry-0001"_s, {}, {}, {}, kJo).ok());
    REQUIRE(w.window->selectPerson(u"person-0001"_s));
    CHECK(w.window->chronology()->topLevelItem(0)->text(2).contains(u"sign-off requested"_s));
    dialog.reloadSignOffs();
    REQUIRE(dialog.decideSignOff(0, true, {}, &error));
    CHECK(w.window->store().entry(u"entry-0001"_s)->summary.signOff == u"approved"_s);
}

TEST_CASE("a summary asked for sign-off in the report dialog is read and approved in supervision, and then says so", "[ui][casewindow][review]")
{
    CaseWindow w;
    {
        QFile f(QStringLiteral(FAIRNOTE_SOURCE_DIR "/docs/examples/incident-complete.json"));
        REQUIRE(f.open(QIODevice::ReadOnly));
        REQUIRE(w.window->store().importCaseFile(*record::readInterchange(f.readAll()), kJo, {}, {}).ok());
    }
    ReportDialog dialog(ReportDialog::Kind::Summary, w.window->store(), u"person-0001"_s, kJo, uitest::builtInChecker());
    dialog.refreshNow();
    CHECK_FALSE(dialog.signOffButton()->isEnabled()); // not until it could be shared
    dialog.purposeEdit()->setText(u"Referral for temporary accommodation"_s);
    dialog.recipientEdit()->setText(u"Housing Options"_s);
    dialog.consentButton()->setChecked(true);
    dialog.refreshNow();
    REQUIRE(dialog.signOffButton()->isEnabled());
    QString error;
    REQUIRE(dialog.askForSignOff(u"For Friday's panel."_s, &error));
    CHECK(dialog.preview()->toPlainText().contains(u"Not yet signed off: Jo Fletcher"_s));
    CHECK_FALSE(dialog.signOffButton()->isEnabled()); // asked once is enough

    const store::Actor sam{u"Sam Okafor"_s, u"Team leader"_s, {}};
    SupervisionDialog supervision(w.window->store(), *review::Rubric::load(), sam);
    supervision.reloadSignOffs();
    REQUIRE(supervision.signOffList()->count() == 1);
    CHECK(supervision.signOffList()->item(0)->text().contains(u"The fire-safety summary — Sam Rivers"_s));
    CHECK(supervision.signOffView()->toPlainText().contains(u"Fire-safety history — factual summary"_s));
    CHECK(supervision.signOffView()->toPlainText().contains(u"Housing Options"_s));
    REQUIRE(supervision.decideSignOff(0, true, {}, &error));

    dialog.refreshNow();
    CHECK(dialog.preview()->toPlainText().contains(u"Signed off by Sam Okafor (Team leader) on"_s));
}

TEST_CASE("File › Trainer mode opens the training file in a window of its own and leaves the case file alone", "[ui][casewindow][training]")
{
    CaseWindow w; // QStandardPaths is in test mode: the default training file is under ~/.qttest
    auto *action = w.window->findChild<QAction *>(u"trainerAction"_s);
    REQUIRE(action);
    const auto before = w.window->store().auditTrail({})->size();
    action->trigger();
    TrainerWindow *trainer = nullptr;
    for (QWidget *top : QApplication::topLevelWidgets())
        if (auto *t = qobject_cast<TrainerWindow *>(top); t && t->isVisible())
            trainer = t;
    REQUIRE(trainer);
    CHECK(trainer->windowTitle().contains(u"Training — invented cases"_s));
    CHECK(QFile::exists(training::defaultTrainingFilePath()));
    CHECK(training::defaultTrainingFilePath() != w.dbPath);
    CHECK(w.window->store().auditTrail({})->size() == before); // the real case file is untouched
    trainer->close();
    QCoreApplication::sendPostedEvents(nullptr, QEvent::DeferredDelete);
}

TEST_CASE("the trends chart reads without colour: every line is named and the figures are in a table", "[ui][review]")
{
    uitest::app();
    std::vector<review::TrendRow> rows{{u"2026-01"_s, u"Team"_s, u"late-entries"_s, 0.25, 4}, {u"2026-02"_s, u"Team"_s, u"late-entries"_s, 0.5, 2},
                                       {u"2026-01"_s, u"Jo"_s, u"late-entries"_s, 0.0, 2}};
    TrendsDialog dialog(rows);
    dialog.metricBox()->setCurrentIndex(dialog.metricBox()->findData(u"late-entries"_s));
    for (int i = 0; i < dialog.groupList()->count(); ++i)
        dialog.groupList()->item(i)->setCheckState(Qt::Checked);
    CHECK(dialog.table()->rowCount() == 2);
    CHECK(dialog.table()->item(0, 2)->text() == u"50%"_s);
    CHECK(dialog.chart()->accessibleDescription().contains(u"Team: Jan 2026 25%, Feb 2026 50%"_s));
    QTemporaryDir dir;
    QString error;
    REQUIRE(dialog.exportCsv(dir.filePath(u"t.csv"_s), &error));
    QFile f(dir.filePath(u"t.csv"_s));
    REQUIRE(f.open(QIODevice::ReadOnly));
    CHECK(f.readAll().startsWith("period,group,metric,value,n"));
}

// ---- the audit of the desktop app (ui-fixes) ------------------------------------------------------

TEST_CASE("every choice in the incident form offers Unknown as a deliberate answer", "[ui][casewindow][form]")
{
    CaseWindow w;
    w.addPerson();
    REQUIRE(w.window->newEntry(true));
    QStringList without;
    int boxes = 0;
    for (QComboBox *box : w.window->recordEditor()->findChildren<QComboBox *>()) {
        const QString pointer = box->objectName().isEmpty() ? box->parentWidget()->objectName() : box->objectName();
        // "Spent" is a confirmation only the worker gives ("Not confirmed" until then), not a fact to record.
        if (!pointer.startsWith(u'/') || pointer == u"/incident/legal/spent")
            continue;
        ++boxes;
        CHECK(box->itemText(0) == notAnsweredText()); // the blank is never an answer
        const bool unknown = box->findText(u"Unknown"_s) >= 0 || box->findText(record::title(record::IncidentType::UnknownCause)) >= 0;
        if (!unknown)
            without << pointer;
    }
    INFO(without.join(u", "_s).toStdString());
    CHECK(boxes >= 20);
    CHECK(without.isEmpty());

    // Chosen, it is saved as "unknown", not as a blank.
    auto *setting = child<QComboBox>(w.window->recordEditor(), u"/incident/setting/type"_s);
    setting->setCurrentIndex(setting->findText(u"Unknown"_s));
    auto *verified = child<QComboBox>(w.window->recordEditor(), u"/incident/source/verification"_s);
    verified->setCurrentIndex(verified->findText(u"Unknown"_s));
    auto *account = child<QComboBox>(w.window->recordEditor(), u"/incident/own_account/status"_s);
    account->setCurrentIndex(account->findText(u"Unknown"_s));
    const record::IncidentRecord r = *w.window->recordEditor()->entry().incident();
    CHECK(r.setting.type == record::SettingType::Unknown);
    CHECK(r.source.verification == record::Verification::Unknown);
    CHECK(r.ownAccount.status == record::AccountStatus::Unknown);
    w.settle();
    for (int row = 0; row < w.window->recordPanel()->rowCount(); ++row) {
        const QString text = w.window->recordPanel()->rowText(row);
        CHECK_FALSE((text.contains(u"Where it happened"_s) && text.contains(u"not been answered"_s)));
    }
}

TEST_CASE("one click on a panel row goes to its field, and every row names its field in words", "[ui][casewindow][panel]")
{
    CaseWindow w;
    w.addPerson();
    REQUIRE(w.window->newEntry(true));
    w.settle();
    RecordPanel *panel = w.window->recordPanel();
    auto *list = child<QListWidget>(panel, u"recordPanelList"_s);

    // Every field of the form resolves to a readable label, never a JSON pointer.
    QStringList unreadable;
    for (const QString &pointer : w.window->recordEditor()->fieldPointers())
        if (const QString label = panel->fieldLabel(pointer); label.isEmpty() || label.startsWith(u'/'))
            unreadable << pointer;
    INFO(unreadable.join(u", "_s).toStdString());
    CHECK(unreadable.isEmpty());
    CHECK(panel->fieldLabel(u"/event_date/precision"_s) == u"When it happened"_s);
    for (int row = 0; row < panel->rowCount(); ++row)
        CHECK_FALSE(panel->rowText(row).contains(u" · /"_s));

    // Long rows wrap, and each row is tall enough for all of its lines (none cut off), also after
    // the window is made narrower.
    w.window->resize(1360, 760);
    QApplication::processEvents();
    panel->refreshNow();
    QApplication::processEvents();
    w.window->resize(1000, 760);
    QTest::qWait(50);
    int dateRow = -1;
    for (int row = 0; row < list->count(); ++row) {
        QListWidgetItem *item = list->item(row);
        if (item->text().contains(u"When it happened"_s))
            dateRow = row;
        const QRect rect = list->visualItemRect(item);
        const int textWidth = rect.width() - list->iconSize().width() - 12;
        const QRect needed = list->fontMetrics().boundingRect(QRect(0, 0, textWidth, 10000), Qt::TextWordWrap, item->text());
        INFO(item->text().toStdString());
        CHECK(rect.height() >= needed.height());
        if (item->flags() & Qt::ItemIsSelectable) // not a heading
            CHECK(item->toolTip().contains(item->text()));
    }
    REQUIRE(dateRow >= 0);

    // A single click (Fusion activates only on a double click) takes the worker to the field.
    const QRect rect = list->visualItemRect(list->item(dateRow));
    list->scrollToItem(list->item(dateRow));
    QTest::mouseClick(list->viewport(), Qt::LeftButton, {}, list->visualItemRect(list->item(dateRow)).center());
    (void)rect;
    QWidget *field = w.window->recordEditor()->fieldWidget(u"/event_date"_s);
    REQUIRE(field);
    CHECK((QApplication::focusWidget() == field || field->isAncestorOf(QApplication::focusWidget())));
}

TEST_CASE("Ctrl+E amends a final entry even from a read-only text field", "[ui][casewindow][keyboard]")
{
    CaseWindow w;
    w.addPerson();
    REQUIRE(w.window->newEntry(false));
    fillCleanNote(w, u"Sam phoned at 10:00."_s);
    REQUIRE(w.window->finaliseWith({}, {}));
    REQUIRE(w.window->editorReadOnly());
    auto *people = child<QLineEdit>(w.window->recordEditor(), u"/people_present"_s);
    REQUIRE(people->isReadOnly());
    people->setFocus();
    REQUIRE(QApplication::focusWidget() == people);
    QTest::keyClick(people, Qt::Key_E, Qt::ControlModifier);
    CHECK_FALSE(w.window->editorReadOnly());
    CHECK(w.window->editorStatusText().contains(u"Amendment"_s));

    // In an editable field of a draft, the window's other shortcuts still leave the field's keys alone.
    people->setFocus();
    people->setText(u"Dee"_s);
    people->setCursorPosition(0);
    QTest::keyClick(people, Qt::Key_E, Qt::ControlModifier); // Amend is not available: end of line
    CHECK_FALSE(w.window->editorReadOnly());
}

namespace {
// The Alt+letter of every visible label, button and menu title in the window.
std::map<QChar, QStringList> mnemonics(QWidget *window, bool visibleOnly)
{
    std::map<QChar, QStringList> out;
    auto add = [&](QString text, const QString &where) {
        text.replace(u"&&"_s, QString());
        const qsizetype at = text.indexOf(u'&');
        if (at >= 0 && at + 1 < text.size())
            out[text.at(at + 1).toLower()] << where + u": "_s + text;
    };
    if (auto *main = qobject_cast<QMainWindow *>(window))
        for (QAction *a : main->menuBar()->actions())
            add(a->text(), u"menu"_s);
    for (QLabel *label : window->findChildren<QLabel *>())
        if (label->buddy() && (!visibleOnly || label->isVisibleTo(window)))
            add(label->text(), u"label"_s);
    for (QAbstractButton *b : window->findChildren<QAbstractButton *>())
        if (!visibleOnly || b->isVisibleTo(window))
            add(b->text(), u"button"_s);
    return out;
}

QStringList clashes(const std::map<QChar, QStringList> &found)
{
    QStringList out;
    for (const auto &[letter, where] : found)
        if (where.size() > 1)
            out << QString(letter) + u" — "_s + where.join(u" | "_s);
    return out;
}
} // namespace

TEST_CASE("every Alt+letter in the window is used once: the menus win over the form", "[ui][casewindow][keyboard]")
{
    CaseWindow w;
    w.addPerson();
    {
        INFO(clashes(mnemonics(w.window.get(), true)).join(u"\n"_s).toStdString());
        CHECK(clashes(mnemonics(w.window.get(), true)).isEmpty()); // the chronology
    }
    REQUIRE(w.window->newEntry(true));
    {
        const auto found = mnemonics(w.window.get(), true);
        INFO(clashes(found).join(u"\n"_s).toStdString());
        CHECK(clashes(found).isEmpty());
        for (const QChar menu : {u'f', u'e', u'p', u'u', u'c', u's', u't', u'h'})
            CHECK(found.at(menu).front().startsWith(u"menu"_s));
    }
    // The whole incident form, the fields that only show with some answers included.
    {
        const auto form = mnemonics(w.window->recordEditor(), false);
        INFO(clashes(form).join(u"\n"_s).toStdString());
        CHECK(clashes(form).isEmpty());
        for (const QChar menu : {u'f', u'e', u'p', u'u', u'c', u's', u't', u'h', u'q'})
            CHECK(form.count(menu) == 0);
        CHECK(form.size() >= 12);
    }
}

TEST_CASE("within each menu every item's Alt+letter is its own", "[ui][casewindow][keyboard]")
{
    CaseWindow w;
    for (QAction *title : w.window->menuBar()->actions()) {
        QMenu *menu = title->menu();
        REQUIRE(menu);
        std::map<QChar, QStringList> letters;
        for (QAction *item : menu->actions()) {
            QString text = item->text();
            text.replace(u"&&"_s, QString());
            const qsizetype at = text.indexOf(u'&');
            if (at >= 0 && at + 1 < text.size())
                letters[text.at(at + 1).toLower()] << text;
        }
        INFO(title->text().toStdString() + ": " + clashes(letters).join(u"\n"_s).toStdString());
        CHECK(clashes(letters).isEmpty());
    }
}

TEST_CASE("a person with no entries: the chronology page keeps its lines together at the top", "[ui][casewindow]")
{
    CaseWindow w;
    w.window->resize(1200, 760);
    w.addPerson();
    QApplication::processEvents();
    auto *empty = child<QLabel>(w.window.get(), u"chronologyEmpty"_s);
    REQUIRE(empty->isVisible());
    QWidget *page = empty->parentWidget();
    // Its text sits in the upper part of the page, not spread down the whole pane.
    CHECK(empty->geometry().bottom() < page->height() / 2);
    CHECK(empty->height() < 120);
}

TEST_CASE("an accidental fire is never called fire-setting: people list, chronology, search, editor and history", "[ui][casewindow][kind]")
{
    CaseWindow w;
    record::CaseFile cf = [] {
        QFile f(QStringLiteral(FAIRNOTE_SOURCE_DIR "/docs/examples/incident-complete.json"));
        REQUIRE(f.open(QIODevice::ReadOnly));
        return *record::readInterchange(f.readAll());
    }();
    cf.entries.resize(1);
    std::get<record::IncidentRecord>(cf.entries[0].body).accidentalCause = record::AccidentalCause::Cooking;
    REQUIRE(w.window->store().importCaseFile(cf, kJo, {}, {}).ok());
    w.window->reloadPeople();
    REQUIRE(w.window->selectPerson(u"person-0001"_s));
    QStringList shown;
    for (int i = 0; i < w.window->peopleList()->count(); ++i)
        shown << w.window->peopleList()->item(i)->text();
    for (int c = 0; c < 4; ++c)
        shown << w.window->chronology()->topLevelItem(0)->text(c);
    shown << w.window->sinceLastIncidentText();
    CHECK(w.window->sinceLastIncidentText().startsWith(u"Latest incident: fire incident (accidental, cooking) on 2 August 2025"_s));
    CHECK(w.window->chronology()->topLevelItem(0)->text(3).startsWith(u"Fire incident (accidental, cooking)"_s));
    w.window->search(u"pillowcase"_s);
    shown << w.window->searchResults()->toPlainText();
    REQUIRE(w.window->openEntry(u"entry-0001"_s));
    for (QLabel *l : w.window->findChildren<QLabel *>())
        if (l->isVisible())
            shown << l->text();
    HistoryDialog history(*w.window->store().entry(u"entry-0001"_s));
    for (QLabel *l : history.findChildren<QLabel *>())
        shown << l->text();
    INFO(shown.join(u'\n').toStdString());
    CHECK_FALSE(shown.join(u'\n').contains(u"fire-setting"_s, Qt::CaseInsensitive));
    CHECK(shown.join(u'\n').contains(u"Fire incident (accidental, cooking)"_s));
}

TEST_CASE("a read-only case file offers no writing action, opens no form that cannot be saved, and says why in view",
          "[ui][casewindow][readonly]")
{
    uitest::TempSettings temp;
    const QString path = temp.dir.filePath(u"case.db"_s);
    QString draftId;
    {
        CaseWindow w(uitest::builtInChecker(), path);
        record::CaseFile cf = [] {
            QFile f(QStringLiteral(FAIRNOTE_SOURCE_DIR "/docs/examples/incident-complete.json"));
            REQUIRE(f.open(QIODevice::ReadOnly));
            return *record::readInterchange(f.readAll());
        }();
        REQUIRE(w.window->store().importCaseFile(cf, kJo, {}, {}).ok());
        w.window->reloadPeople();
        REQUIRE(w.window->selectPerson(u"person-0001"_s));
        REQUIRE(w.window->newEntry(false));
        w.type(w.narrative(u"/note/text"_s), u"Met Sam at the office."_s);
        REQUIRE(w.window->saveDraft());
        draftId = w.window->currentEntryId();
        w.window->close();
    }
    store::saveAuthorToSettings(temp.settings, store::Actor{}); // no name either: the file is still what is said
    store::OpenOptions options;
    options.readOnly = true;
    auto s = store::openStore(path, options);
    REQUIRE(s.ok());
    MainWindow window(LoadedRules{uitest::builtInChecker(), {}}, &temp.settings, uitest::testSpellingOptions(temp.dir.path()), std::move(*s));
    window.show();
    REQUIRE_FALSE(window.canWrite());
    // The reason is in view across the top, not only in a tooltip.
    CHECK(window.readOnlyBanner()->isVisible());
    CHECK(window.readOnlyBanner()->text().contains(u"open for reading only"_s));
    CHECK(window.windowTitle().contains(u"(read-only)"_s));
    REQUIRE(window.selectPerson(u"person-0001"_s));
    auto action = [&](const char *name) {
        auto *a = window.findChild<QAction *>(QString::fromLatin1(name));
        REQUIRE(a);
        return a;
    };
    for (const char *name : {"newIncidentAction", "newNoteAction", "addPersonAction", "summaryAction", "subjectAccessAction", "supervisionAction"}) {
        INFO(name);
        CHECK_FALSE(action(name)->isEnabled());
        CHECK(action(name)->toolTip().startsWith(u"Not available: "_s));
    }
    // No form that could never be saved.
    CHECK_FALSE(window.newEntry(true));
    CHECK_FALSE(window.editing());
    // A final entry: readable, with its history, but not amended or marked in error.
    REQUIRE(window.openEntry(u"entry-0001"_s));
    CHECK(window.editorReadOnly());
    CHECK_FALSE(action("amendAction")->isEnabled());
    CHECK_FALSE(action("markInErrorAction")->isEnabled());
    CHECK(action("historyAction")->isEnabled());
    // The worker's own draft opens read-only, and the status says why: never their name.
    store::saveAuthorToSettings(temp.settings, kJo);
    window.setAuthor(kJo);
    REQUIRE(window.openEntry(draftId));
    CHECK(window.editorReadOnly());
    CHECK_FALSE(action("saveDraftAction")->isEnabled());
    CHECK_FALSE(action("finaliseAction")->isEnabled());
    CHECK(window.editorStatusText().contains(u"read-only"_s));
    CHECK_FALSE(window.editorStatusText().contains(u"name"_s));
    QString error;
    CHECK(window.saveDraft(&error)); // nothing to save: nothing was changed, nothing could be
    CHECK(error.isEmpty());
}

namespace {
// Acts on the next modal dialog as soon as it is open (a dialog run with exec()).
void onNextModal(const std::function<void(QWidget *)> &act)
{
    auto *timer = new QTimer;
    timer->setInterval(20);
    QObject::connect(timer, &QTimer::timeout, timer, [timer, act] {
        if (QWidget *modal = QApplication::activeModalWidget()) {
            timer->stop();
            timer->deleteLater();
            act(modal);
        }
    });
    timer->start();
}
} // namespace

TEST_CASE("people of the same name are told apart in the list, and adding one more asks first", "[ui][casewindow][people]")
{
    CaseWindow w;
    REQUIRE(w.window->addPerson(record::Person{{}, u"Sam Rivers"_s, {}, QDate(1988, 4, 2)}));
    // A second Sam Rivers, added the way a worker does: the dialog, then the notice.
    QString notice;
    onNextModal([&](QWidget *modal) {
        auto *dialog = qobject_cast<PersonDialog *>(modal);
        REQUIRE(dialog);
        dialog->nameEdit()->setText(u"Sam Rivers"_s);
        dialog->otherNamesEdit()->setText(u"Sammy"_s);
        onNextModal([&](QWidget *box) {
            auto *message = qobject_cast<QMessageBox *>(box);
            REQUIRE(message);
            notice = message->text() + u'\n' + message->informativeText();
            for (QAbstractButton *b : message->buttons())
                if (b->text() == u"Add someone else")
                    b->click();
        });
        dialog->okButton()->click();
    });
    w.window->addPersonInteractively();
    CHECK(notice.contains(u"There is already a person called Sam Rivers"_s));
    CHECK(notice.contains(u"born 2 April 1988"_s));
    REQUIRE(w.window->peopleList()->count() == 2);
    QStringList items;
    for (int i = 0; i < 2; ++i)
        items << w.window->peopleList()->item(i)->text();
    CHECK(items.join(u'\n').contains(u"born 2 April 1988"_s));
    CHECK(items.join(u'\n').contains(u"also known as Sammy"_s));
    CHECK(items[0] != items[1]);

    // Going to the existing person adds nobody.
    onNextModal([&](QWidget *modal) {
        auto *dialog = qobject_cast<PersonDialog *>(modal);
        REQUIRE(dialog);
        dialog->nameEdit()->setText(u"sam rivers"_s);
        onNextModal([&](QWidget *box) {
            for (QAbstractButton *b : qobject_cast<QMessageBox *>(box)->buttons())
                if (b->text().startsWith(u"Go to"_s))
                    b->click();
        });
        dialog->okButton()->click();
    });
    w.window->addPersonInteractively();
    CHECK(w.window->peopleList()->count() == 2);
}

TEST_CASE("the panel lists the wording first, most serious first, then the questions; a blank is never 'Worth changing'",
          "[ui][casewindow][panel]")
{
    CaseWindow w;
    w.addPerson();
    REQUIRE(w.window->newEntry(true));
    w.type(w.narrative(u"/incident/what_happened"_s), u"Known arsonist. He kicked off in reception."_s);
    w.settle();
    RecordPanel *panel = w.window->recordPanel();
    REQUIRE(panel->findingCount() >= 2);
    REQUIRE(panel->promptCount() > 10);
    const auto &items = panel->items();
    // Every finding before every question.
    const auto firstPrompt = std::find_if(items.begin(), items.end(), [](const PanelItem &i) { return i.kind == PanelItem::Kind::Prompt; });
    CHECK(std::all_of(firstPrompt, items.end(), [](const PanelItem &i) { return i.kind == PanelItem::Kind::Prompt; }));
    CHECK(items.front().kind == PanelItem::Kind::Finding);
    CHECK(items.front().finding.severity == Severity::Error); // "Known arsonist": the red one, at the top
    for (size_t i = 1; i < items.size(); ++i)
        if (items[i].kind == items[i - 1].kind && items[i].kind == PanelItem::Kind::Finding)
            CHECK(int(items[i - 1].finding.severity) >= int(items[i].finding.severity));
    // The first row under the heading is that finding; no blank field is "Worth changing".
    CHECK(panel->rowText(0).startsWith(u"Wording and spelling"_s));
    CHECK(panel->rowText(1).contains(u"“Known arsonist”"_s));
    for (int row = 0; row < panel->rowCount(); ++row) {
        const QString text = panel->rowText(row);
        if (text.contains(u"has not been answered"_s) || text.contains(u"is empty"_s)) {
            INFO(text.toStdString());
            CHECK(text.startsWith(u"Not answered · "_s));
        }
    }
}

TEST_CASE("supervision: the sample leaves out the reviewer's own entries; unsaved scores are never dropped; approving asks and "
          "shows the result", "[ui][casewindow][review]")
{
    CaseWindow w;
    {
        QFile f(QStringLiteral(FAIRNOTE_SOURCE_DIR "/docs/examples/incident-complete.json"));
        REQUIRE(f.open(QIODevice::ReadOnly));
        REQUIRE(w.window->store().importCaseFile(*record::readInterchange(f.readAll()), kJo, {}, {}).ok());
    }
    // Jo reviewing: both entries are Jo's, so none is sampled, and the dialog says why.
    SupervisionDialog own(w.window->store(), *review::Rubric::load(), kJo);
    own.sizeBox()->setValue(5);
    QString error;
    REQUIRE(own.drawQueue(&error));
    CHECK(own.queueList()->count() == 0);
    CHECK(own.queueNotesLabel()->text().contains(u"2 entries left out: written by Jo Fletcher, who is reviewing"_s));

    const store::Actor sam{u"Sam Okafor"_s, u"Team leader"_s, {}};
    SupervisionDialog dialog(w.window->store(), *review::Rubric::load(), sam);
    dialog.show();
    dialog.sizeBox()->setValue(2);
    dialog.seedEdit()->setText(u"5"_s);
    REQUIRE(dialog.drawQueue(&error));
    REQUIRE(dialog.queueList()->count() == 2);
    dialog.queueList()->setCurrentRow(0);
    CHECK(dialog.saveReasonLabel()->isVisible());
    CHECK(dialog.saveReasonLabel()->text().contains(u"Score at least one criterion"_s));
    dialog.scoreBox(u"factual"_s)->setCurrentIndex(3);
    dialog.evidenceEdit(u"factual"_s)->setText(u"Says what the night worker saw."_s);
    REQUIRE(dialog.hasUnsavedReview());

    // Another entry clicked: asked first; "Keep reviewing" stays, with the scores as typed.
    onNextModal([](QWidget *box) {
        for (QAbstractButton *b : qobject_cast<QMessageBox *>(box)->buttons())
            if (b->text() == u"Keep reviewing")
                b->click();
    });
    dialog.queueList()->setCurrentRow(1);
    CHECK(dialog.queueList()->currentRow() == 0);
    CHECK(dialog.scoreBox(u"factual"_s)->currentIndex() == 3);
    // Clicked again, "Save the review": saved, then the other entry is shown.
    onNextModal([](QWidget *box) {
        for (QAbstractButton *b : qobject_cast<QMessageBox *>(box)->buttons())
            if (b->text() == u"Save the review")
                b->click();
    });
    const QString first = dialog.queueList()->item(0)->data(Qt::UserRole + 1).toString();
    dialog.queueList()->setCurrentRow(1);
    CHECK(dialog.queueList()->currentRow() == 1);
    REQUIRE(w.window->store().reviews(first)->size() == 1);
    CHECK_FALSE(dialog.hasUnsavedReview());

    // Sign-off: Approve asks first, then says what was signed off.
    REQUIRE(w.window->store().requestSignOff(u"entry"_s, {}, u"entry-0001"_s, {}, {}, {}, kJo).ok());
    dialog.tabs()->setCurrentIndex(1); // the list is read again when shown
    REQUIRE(dialog.signOffList()->count() == 1);
    CHECK(dialog.signOffList()->item(0)->text().contains(u"Entry entry-0001"_s));
    QString asked;
    onNextModal([&](QWidget *box) {
        asked = qobject_cast<QMessageBox *>(box)->text();
        qobject_cast<QMessageBox *>(box)->button(QMessageBox::Yes)->click();
    });
    auto *approve = [&] {
        for (QPushButton *b : dialog.findChildren<QPushButton *>())
            if (b->text() == u"&Approve…")
                return b;
        return static_cast<QPushButton *>(nullptr);
    }();
    REQUIRE(approve);
    approve->click();
    CHECK(asked.contains(u"Sign off entry entry-0001"_s));
    CHECK(w.window->store().entry(u"entry-0001"_s)->summary.signOff == u"approved"_s);
    CHECK(dialog.signOffStatusLabel()->text().contains(u"Signed off:"_s));
    CHECK(dialog.signOffList()->item(0)->text() == u"Nothing is waiting for sign-off."_s);
}
