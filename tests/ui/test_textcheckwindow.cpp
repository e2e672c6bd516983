// SPDX-FileCopyrightText: 2026 Fairnote contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// A thin smoke test of the main window: menus, status bar, files, organisation rules, shortcuts.
#include "uitestsupport.h"

#include "findingfilter.h"
#include "findingspanel.h"
#include "textcheckwindow.h"
#include "noteeditor.h"
#include "settingsdialog.h"

#include <QAction>
#include <QDir>
#include <QFile>
#include <QListWidget>
#include <QMenuBar>
#include <QTest>
#include <catch2/catch.hpp>

using namespace Qt::StringLiterals;
using namespace fairnote;
using namespace fairnote::ui;

namespace {

struct Window
{
    explicit Window(std::shared_ptr<const wording::Checker> checker = uitest::testChecker())
        : window({std::move(checker), {}}, &temp.settings, uitest::testSpellingOptions(temp.dir.path()))
    {
        window.show();
    }
    QApplication &application = uitest::app(); // first: widgets need it
    uitest::TempSettings temp;
    TextCheckWindow window;

    QAction *action(const char *name) const { return window.findChild<QAction *>(QString::fromLatin1(name)); }
};

void writeFile(const QString &path, const QByteArray &bytes)
{
    QFile f(path);
    REQUIRE(f.open(QIODevice::WriteOnly));
    f.write(bytes);
}

} // namespace

TEST_CASE("the main window checks a note with the built-in rules", "[ui][window]")
{
    uitest::app();
    Window w(uitest::builtInChecker());
    QStringList menus;
    for (QAction *a : w.window.menuBar()->actions())
        menus << a->text().remove(u'&');
    CHECK(menus == QStringList{u"File"_s, u"Edit"_s, u"Check"_s, u"Settings"_s, u"Help"_s});
    CHECK(w.window.rulesText().startsWith(u"Built-in rules ("_s));

    w.window.editor()->setNoteText(u"Known arsonist. History of fire setting. Aggressive when challenged. "
                                   "He kicked off in reception."_s);
    REQUIRE(uitest::waitFor([&] { return !w.window.findingsPanel()->refreshPending(); }));
    const int count = w.window.findingsPanel()->count();
    CHECK(count == int(w.window.editor()->visibleFindings().size()));
    CHECK(w.window.countText() == (count == 0 ? u"No wording to look at again"_s
                                   : count == 1 ? u"1 finding"_s
                                                : u"%1 findings"_s.arg(count)));
    // The flagship example of the issue: a label is flagged, the quoted and negated words are not.
    CHECK(uitest::findingOn(*w.window.editor(), u"arsonist"_s));
    w.window.editor()->setNoteText(u"He said \"I'm not aggressive\". He was not aggressive today."_s);
    CHECK_FALSE(uitest::findingOn(*w.window.editor(), u"aggressive"_s));
    CHECK_FALSE(uitest::findingOn(*w.window.editor(), u"aggressive"_s, 30));
}

TEST_CASE("the status bar counts findings and says when there are none", "[ui][window]")
{
    uitest::app();
    Window w;
    w.window.editor()->setNoteText(u"Known arsonist. He kicked off."_s);
    w.window.findingsPanel()->refreshNow();
    CHECK(w.window.countText() == u"2 findings"_s);
    w.window.filter()->ignoreOnce(w.window.editor()->visibleFindings().front(), w.window.editor());
    w.window.findingsPanel()->refreshNow();
    CHECK(w.window.countText() == u"1 finding (1 hidden)"_s);
    w.window.editor()->setNoteText(u"Attended at 10:30."_s);
    w.window.findingsPanel()->refreshNow();
    CHECK(w.window.countText() == u"No wording to look at again"_s);
}

TEST_CASE("opening a file with invalid UTF-8 keeps the current text and reports the byte", "[ui][window]")
{
    uitest::app();
    Window w;
    w.window.editor()->setNoteText(u"The note I was writing."_s);
    const QString path = w.temp.dir.filePath(u"latin1.txt"_s);
    writeFile(path, "Good start \xC3\x28 and more");

    QString error;
    CHECK_FALSE(w.window.loadFile(path, &error));
    CHECK(error.contains(u"byte 11"_s));
    CHECK(error.contains(u"latin1.txt"_s));
    CHECK(w.window.editor()->toPlainText() == u"The note I was writing."_s);

    // A good file loads, Windows line ends and all, and names the window.
    const QString good = w.temp.dir.filePath(u"note.txt"_s);
    writeFile(good, "He was aggressive.\r\nSecond line \xE2\x80\x94 fine.\r\n");
    REQUIRE(w.window.loadFile(good, &error));
    CHECK(w.window.editor()->toPlainText() == u"He was aggressive.\nSecond line — fine.\n"_s);
    CHECK(w.window.windowTitle().startsWith(u"note.txt"_s));
    CHECK_FALSE(w.window.editor()->document()->isModified());

    // Saving keeps the file's line ends and writes UTF-8.
    REQUIRE(w.window.saveFile(good, &error));
    QFile saved(good);
    REQUIRE(saved.open(QIODevice::ReadOnly));
    CHECK(saved.readAll() == QByteArray("He was aggressive.\r\nSecond line \xE2\x80\x94 fine.\r\n"));
}

TEST_CASE("F8 and Shift+F8 move between findings from the menu", "[ui][window]")
{
    uitest::app();
    Window w;
    w.window.editor()->setNoteText(u"He was aggressive. Known arsonist."_s);
    QAction *next = w.action("nextFindingAction");
    QAction *previous = w.action("previousFindingAction");
    REQUIRE(next);
    REQUIRE(previous);
    CHECK(next->shortcut() == QKeySequence(Qt::Key_F8));
    CHECK(previous->shortcut() == QKeySequence(Qt::SHIFT | Qt::Key_F8));
    next->trigger();
    CHECK(w.window.editor()->textCursor().selectedText() == u"aggressive"_s);
    next->trigger();
    CHECK(w.window.editor()->textCursor().selectedText() == u"arsonist"_s);
    previous->trigger();
    CHECK(w.window.editor()->textCursor().selectedText() == u"aggressive"_s);
}

TEST_CASE("turning the rule at the cursor off is listed in Settings and can be undone", "[ui][window]")
{
    uitest::app();
    Window w;
    w.window.editor()->setNoteText(u"He was aggressive. Known arsonist."_s);
    QAction *turnOff = w.action("turnRuleOffAction");
    REQUIRE(turnOff);
    CHECK_FALSE(turnOff->isEnabled()); // the cursor is not on a finding
    w.window.editor()->nextFinding();
    REQUIRE(turnOff->isEnabled());
    const QString rule = w.window.editor()->findingAtCursor()->ruleId;
    turnOff->trigger();
    CHECK(w.window.editor()->visibleFindings().size() == 1);
    CHECK(w.temp.settings.value(u"disabledRules"_s).toStringList() == QStringList{rule});

    // Undo straight away from the Check menu...
    w.action("undoTurnRuleOffAction")->trigger();
    CHECK(w.window.editor()->visibleFindings().size() == 2);

    // ...or later from Settings.
    w.window.editor()->nextFinding();
    w.window.editor()->previousFinding();
    turnOff->trigger();
    SettingsDialog settings(w.window.filter(), [&]() -> const wording::RulePack & { return w.window.rules().checker->pack(); });
    REQUIRE(settings.turnedOffList()->count() == 1);
    CHECK(settings.turnedOffList()->item(0)->text().contains(rule));
    settings.turnedOffList()->item(0)->setSelected(true);
    settings.turnSelectedBackOn();
    CHECK(settings.turnedOffList()->count() == 0);
    CHECK(w.window.editor()->visibleFindings().size() == 2);
    CHECK_FALSE(w.temp.settings.contains(u"disabledRules"_s));
}

TEST_CASE("an organisation folder with problems is refused and the rules in use stay", "[ui][window]")
{
    uitest::app();
    Window w(uitest::builtInChecker());
    const auto before = w.window.rules().checker;
    const QString broken = w.temp.dir.filePath(u"broken"_s);
    REQUIRE(QDir().mkpath(broken));
    writeFile(broken + u"/local.json"_s, "{\"kind\": \"rules\", \"version\": 1, \"rules\": [ {\"id\": \"local.lazy\"} ]}");

    wording::PackProblems problems;
    CHECK_FALSE(w.window.useOrganisationRules(broken, &problems));
    REQUIRE_FALSE(problems.empty());
    CHECK(problems.front().toString().contains(u"local.json"_s));
    CHECK(w.window.rules().checker == before);
    CHECK(w.window.rulesText().startsWith(u"Built-in rules"_s));

    // A good folder is taken at once, without a restart.
    REQUIRE(w.window.useOrganisationRules(uitest::testRulesDir(), &problems));
    CHECK(w.window.rules().checker != before);
    CHECK(w.window.rulesText().contains(u"organisation rules"_s));
    w.window.editor()->setNoteText(u"He was aggressive."_s);
    CHECK(uitest::findingOn(*w.window.editor(), u"aggressive"_s));
}

TEST_CASE("Ctrl+Shift+F takes the keyboard to the findings list and Escape brings it back", "[ui][window]")
{
    uitest::app();
    Window w;
    w.window.activateWindow();
    REQUIRE(QTest::qWaitForWindowActive(&w.window));
    w.window.editor()->setNoteText(u"He was aggressive."_s);
    w.window.editor()->setFocus();
    QAction *focus = w.action("focusFindingsAction");
    REQUIRE(focus);
    CHECK(focus->shortcut() == QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_F));
    QTest::keyClick(w.window.editor(), Qt::Key_F, Qt::ControlModifier | Qt::ShiftModifier);
    QWidget *focused = QApplication::focusWidget();
    REQUIRE(focused);
    CHECK(qobject_cast<QListWidget *>(focused));
    CHECK(w.window.findingsPanel()->isAncestorOf(focused));

    QTest::keyClick(focused, Qt::Key_Escape);
    CHECK(QApplication::focusWidget() == w.window.editor());

    // Tab also leaves the editor for the panel, since notes rarely need tab characters.
    CHECK(w.window.editor()->tabChangesFocus());
}
