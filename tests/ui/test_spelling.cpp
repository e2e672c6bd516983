// SPDX-FileCopyrightText: 2026 Fairnote contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// Spelling in the app: its underline, the right-click menu, the dictionary, names, the notice, Settings.
#include "uitestsupport.h"

#include "findingfilter.h"
#include "findingformat.h"
#include "findingspanel.h"
#include "textcheckwindow.h"
#include "spelling/notecheck.h"
#include "noteeditor.h"
#include "noticebar.h"
#include "settingsdialog.h"
#include "wording/rulepack.h"

#include <QAction>
#include <QCheckBox>
#include <QContextMenuEvent>
#include <QElapsedTimer>
#include <QFile>
#include <QLineEdit>
#include <QListWidget>
#include <QMenu>
#include <QPushButton>
#include <QRandomGenerator>
#include <QTest>
#include <QTextBrowser>
#include <algorithm>
#include <catch2/catch.hpp>

using namespace Qt::StringLiterals;
using namespace fairnote;
using namespace fairnote::ui;
using uitest::squiggleAt;

namespace {

// An editor checking spelling, with its findings panel, as in the main window.
struct Spelled
{
    explicit Spelled(std::shared_ptr<spelling::SpellChecker> speller = uitest::sharedSpeller())
    {
        editor.setSpellChecker(std::move(speller));
        editor.resize(600, 500);
        panel.resize(300, 500);
        editor.show();
        panel.show();
    }
    QApplication &application = uitest::app(); // first: widgets need it
    uitest::TempSettings temp;
    FindingFilter filter{&temp.settings};
    NoteEditor editor{uitest::testChecker(), &filter};
    FindingsPanel panel{&editor};
};

// The main window; by default with the system dictionary and a personal list in its temporary dir.
struct Window
{
    explicit Window(std::optional<spelling::SpellingOptions> options = std::nullopt)
        : window({uitest::testChecker(), {}}, &temp.settings,
                 options ? *options : uitest::testSpellingOptions(temp.dir.path()))
    {
        window.show();
    }
    QApplication &application = uitest::app();
    uitest::TempSettings temp;
    TextCheckWindow window;
};

std::vector<Finding> spellingFindings(const NoteEditor &editor)
{
    std::vector<Finding> out;
    for (const Finding &f : editor.visibleFindings())
        if (isSpelling(f))
            out.push_back(f);
    return out;
}

// The visible spelling finding over the `nth` occurrence of `word` (case matters).
std::optional<Finding> misspelling(const NoteEditor &editor, const QString &word, int nth = 0)
{
    qsizetype at = -1;
    for (int i = 0; i <= nth; ++i)
        if ((at = editor.toPlainText().indexOf(word, at + 1)) < 0)
            return std::nullopt;
    for (const Finding &f : spellingFindings(editor))
        if (f.offset <= at && at + word.size() <= f.offset + f.length)
            return f;
    return std::nullopt;
}

// A point in the viewport over the middle of the character at `position`.
QPoint pointAt(const NoteEditor &editor, qsizetype position)
{
    QTextCursor c(editor.document());
    c.setPosition(int(position));
    return editor.cursorRect(c).center() + QPoint(2, 0);
}

QAction *actionNamed(const QMenu &menu, const QString &name)
{
    for (QAction *a : menu.actions())
        if (a->objectName() == name)
            return a;
    return nullptr;
}

QAction *actionWithText(const QMenu &menu, const QString &text)
{
    for (QAction *a : menu.actions())
        if (a->text() == text)
            return a;
    return nullptr;
}

// What a full check of the editor's text gives: wording and spelling, merged as fairnote-cli does.
std::vector<Finding> fullCheck(const NoteEditor &editor)
{
    const QString text = editor.toPlainText();
    std::vector<Finding> out = editor.checker().check(text);
    std::vector<Finding> spelt;
    if (editor.spellChecker())
        editor.spellChecker()->check(text, 0, spelt, editor.names(), spelling::Suggestions::Skip);
    const auto middle = out.insert(out.end(), spelt.begin(), spelt.end());
    std::inplace_merge(out.begin(), middle, out.end(), [](const Finding &a, const Finding &b) { return a.offset < b.offset; });
    return out;
}

QString readFile(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? QString::fromUtf8(f.readAll()) : QString();
}

} // namespace

TEST_CASE("a misspelt word is underlined differently from a wording finding", "[ui][spelling]")
{
    Spelled s;
    s.editor.setFocus();
    QTest::keyClicks(&s.editor, u"He was aggressive when he recieved the letter."_s);
    const QString text = s.editor.toPlainText();
    const QPalette palette = s.editor.palette();

    const auto wording = squiggleAt(s.editor, text.indexOf(u"aggressive"_s) + 2);
    const auto spelt = squiggleAt(s.editor, text.indexOf(u"recieved"_s) + 2);
    REQUIRE(wording);
    REQUIRE(spelt);
    CHECK(wording->underlineStyle() == QTextCharFormat::WaveUnderline);
    CHECK(spelt->underlineStyle() == QTextCharFormat::DashUnderline);
    // A different line style *and* a colour no severity uses, and no wash behind it.
    CHECK(spelt->underlineStyle() != wording->underlineStyle());
    CHECK(spelt->underlineColor() == spellingColour(palette));
    for (const Severity sev : {Severity::Info, Severity::Warning, Severity::Error})
        CHECK(spelt->underlineColor() != severityColour(sev, palette));
    CHECK(wording->hasProperty(QTextFormat::BackgroundBrush));
    CHECK_FALSE(spelt->hasProperty(QTextFormat::BackgroundBrush));
    CHECK_FALSE(squiggleAt(s.editor, text.indexOf(u"letter"_s)));

    // The whole word, and nothing around it.
    const qsizetype at = text.indexOf(u"recieved"_s);
    CHECK(squiggleAt(s.editor, at + 7));
    CHECK_FALSE(squiggleAt(s.editor, at - 1));
    CHECK_FALSE(squiggleAt(s.editor, at + 8));

    // Listed too, in words, with its own icon shape.
    REQUIRE(uitest::waitFor([&] { return s.panel.count() == 2; }));
    CHECK(s.panel.entryText(1).startsWith(u"Spelling · “recieved”"_s));
    CHECK(s.panel.entryText(1).contains(u"may be misspelt"_s));
}

TEST_CASE("a possible name is marked more lightly than a misspelling and offers Add as a name first", "[ui][spelling]")
{
    uitest::app();
    QTemporaryDir dir;
    const spelling::SpellingOptions options = uitest::testSpellingOptions(dir.path());
    Spelled s(uitest::openSpeller(options));
    s.editor.setNoteText(u"Staff spoke with Okonkwo about the recieved letter."_s);
    const QString text = s.editor.toPlainText();
    const QPalette palette = s.editor.palette();
    const auto name = misspelling(s.editor, u"Okonkwo"_s);
    const auto typo = misspelling(s.editor, u"recieved"_s);
    REQUIRE(name);
    REQUIRE(typo);
    CHECK(isPossibleName(*name));
    CHECK_FALSE(isPossibleName(*typo));

    // A dotted grey line, quieter than the misspelling's dashed purple one; no wash.
    const auto nameMark = squiggleAt(s.editor, text.indexOf(u"Okonkwo"_s) + 2);
    const auto typoMark = squiggleAt(s.editor, text.indexOf(u"recieved"_s) + 2);
    REQUIRE(nameMark);
    REQUIRE(typoMark);
    CHECK(nameMark->underlineStyle() == QTextCharFormat::DotLine);
    CHECK(nameMark->underlineColor() == possibleNameColour(palette));
    CHECK(typoMark->underlineStyle() == QTextCharFormat::DashUnderline);
    CHECK_FALSE(nameMark->hasProperty(QTextFormat::BackgroundBrush));

    // Listed as a possible name, not as spelling.
    REQUIRE(uitest::waitFor([&] { return s.panel.count() == 2; }));
    CHECK(s.panel.entryText(0).startsWith(u"Possible name · “Okonkwo”"_s));
    CHECK(s.panel.entryText(1).startsWith(u"Spelling · “recieved”"_s));
    CHECK(s.panel.headingText() == u"Spelling (1) and possible names (1) to look at again"_s);

    // The menu: the question, then "Add as a name" first and in bold; no "Add to dictionary".
    std::unique_ptr<QMenu> menu(s.editor.createContextMenu(pointAt(s.editor, name->offset + 2)));
    QStringList shown;
    for (QAction *a : menu->actions())
        if (!a->isSeparator())
            shown << a->text();
    INFO(shown.join(u" | "_s).toStdString());
    REQUIRE(shown.size() > 2);
    CHECK(shown.at(0).contains(u"is it a name?"_s));
    QAction *asName = actionNamed(*menu, u"addAsNameMenuAction"_s);
    REQUIRE(asName);
    CHECK(shown.at(1) == asName->text());
    CHECK(asName->text() == u"Add “Okonkwo” as a name"_s);
    CHECK(asName->font().bold());
    CHECK_FALSE(actionNamed(*menu, u"addToDictionaryMenuAction"_s));
    CHECK(actionNamed(*menu, u"ignoreSpellingOnceMenuAction"_s));

    // A misspelling's menu keeps Add to dictionary and has no Add as a name.
    std::unique_ptr<QMenu> typoMenu(s.editor.createContextMenu(pointAt(s.editor, typo->offset + 2)));
    CHECK(actionNamed(*typoMenu, u"addToDictionaryMenuAction"_s));
    CHECK_FALSE(actionNamed(*typoMenu, u"addAsNameMenuAction"_s));

    // Adding it: the mark goes, the misspelling stays, and the word is in the worker's list.
    asName->trigger();
    CHECK_FALSE(misspelling(s.editor, u"Okonkwo"_s));
    CHECK_FALSE(squiggleAt(s.editor, text.indexOf(u"Okonkwo"_s) + 2));
    CHECK(misspelling(s.editor, u"recieved"_s));
    CHECK(readFile(options.personalListPath).contains(u"Okonkwo"_s));
}

TEST_CASE("misspellings beside wording keep their own look, and the tooltip offers corrections", "[ui][spelling]")
{
    Spelled s;
    s.editor.setNoteText(u"Then he was agressive and very angrey."_s);
    const QString text = s.editor.toPlainText();
    // "very" is a wording finding; "angrey" a misspelling next to it; each keeps its own look.
    CHECK(squiggleAt(s.editor, text.indexOf(u"very"_s))->underlineStyle() == QTextCharFormat::WaveUnderline);
    CHECK(squiggleAt(s.editor, text.indexOf(u"angrey"_s))->underlineStyle() == QTextCharFormat::DashUnderline);
    CHECK(squiggleAt(s.editor, text.indexOf(u"agressive"_s))->underlineStyle() == QTextCharFormat::DashUnderline);
    // The tooltip over a misspelling explains it and offers the corrections.
    const QString tip = s.editor.toolTipAt(text.indexOf(u"angrey"_s) + 1);
    CHECK(tip.contains(u"Spelling:"_s));
    CHECK(tip.contains(u"angry"_s));
}

TEST_CASE("a misspelt word inside flagged wording keeps the wording's wash under its own underline", "[ui][spelling]")
{
    uitest::app();
    // A one-rule organisation pack whose phrase holds a misspelt word, so the two findings overlap.
    QTemporaryDir dir;
    QFile rule(dir.filePath(u"overlap.json"_s));
    REQUIRE(rule.open(QIODevice::WriteOnly));
    rule.write(R"({"kind": "rules", "version": 1, "rules": [{"id": "uitest.overlap", "category": "slang",
        "severity": "warning", "patterns": ["kiked off"], "message": "“kiked off” is slang.",
        "why": "It hides what happened.", "question": "What did he do?",
        "source": {"title": "Test", "publisher": "Fairnote tests", "year": 2024, "url": "https://example.org"}}]})");
    rule.close();
    auto pack = wording::loadRulePack(dir.path());
    if (!pack)
        for (const auto &p : pack.error())
            UNSCOPED_INFO(p.toString().toStdString());
    REQUIRE(pack);
    Spelled s;
    s.editor.setChecker(std::make_shared<const wording::Checker>(std::move(*pack)));
    s.editor.setNoteText(u"He kiked off at the desk."_s);
    const QString text = s.editor.toPlainText();
    const auto phrase = uitest::findingOn(s.editor, u"kiked off"_s);
    REQUIRE(phrase);
    REQUIRE(!isSpelling(*phrase));
    REQUIRE(misspelling(s.editor, u"kiked"_s));

    const QPalette palette = s.editor.palette();
    // The misspelt word: the spelling underline, over the wording's wash.
    const auto kiked = squiggleAt(s.editor, text.indexOf(u"kiked"_s) + 1);
    REQUIRE(kiked);
    CHECK(kiked->underlineStyle() == QTextCharFormat::DashUnderline);
    CHECK(kiked->underlineColor() == spellingColour(palette));
    CHECK(kiked->hasProperty(QTextFormat::BackgroundBrush));
    // The rest of the phrase: the wording's wave.
    const auto off = squiggleAt(s.editor, text.indexOf(u"off"_s));
    REQUIRE(off);
    CHECK(off->underlineStyle() == QTextCharFormat::WaveUnderline);
    CHECK(off->underlineColor() == severityColour(Severity::Warning, palette));
    // The tooltip explains both.
    const QString tip = s.editor.toolTipAt(text.indexOf(u"kiked"_s) + 1);
    CHECK(tip.contains(u"is slang"_s));
    CHECK(tip.contains(u"may be misspelt"_s));
}

TEST_CASE("right-click on a misspelling offers its suggestions", "[ui][spelling]")
{
    Spelled s;
    s.editor.setNoteText(u"He has recieved the letter from the council."_s);
    const qsizetype at = s.editor.toPlainText().indexOf(u"recieved"_s);
    REQUIRE(misspelling(s.editor, u"recieved"_s));

    // A real right-click: the menu that pops up lists the suggestions first, then the two choices.
    QStringList shown;
    QTimer::singleShot(0, &s.editor, [&] {
        auto *menu = qobject_cast<QMenu *>(QApplication::activePopupWidget());
        if (!menu)
            return;
        for (QAction *a : menu->actions())
            if (!a->isSeparator())
                shown << a->text();
        menu->close();
    });
    const QPoint point = pointAt(s.editor, at + 3);
    QContextMenuEvent click(QContextMenuEvent::Mouse, point, s.editor.viewport()->mapToGlobal(point));
    QApplication::sendEvent(s.editor.viewport(), &click);
    INFO(shown.join(u" | "_s).toStdString());
    REQUIRE(shown.size() > 4);
    CHECK(shown.at(0).contains(u"“recieved” may be misspelt"_s));
    CHECK(shown.at(1) == u"received"_s); // the best suggestion first
    CHECK(shown.contains(u"Add to dictionary"_s));
    CHECK(shown.contains(u"Ignore once"_s));
    const auto undo = std::find_if(shown.begin(), shown.end(), [](const QString &t) { return t.contains(u"Undo"_s); });
    CHECK(shown.indexOf(u"Add to dictionary"_s) < undo - shown.begin()); // before the editing actions

    // Choosing a suggestion writes it in place, as one step that Undo takes back.
    std::unique_ptr<QMenu> menu(s.editor.createContextMenu(point));
    QAction *received = actionWithText(*menu, u"received"_s);
    REQUIRE(received);
    CHECK(received->font().bold());
    received->trigger();
    CHECK(s.editor.toPlainText() == u"He has received the letter from the council."_s);
    CHECK(spellingFindings(s.editor).empty());
    s.editor.undo();
    CHECK(s.editor.toPlainText() == u"He has recieved the letter from the council."_s);
    CHECK(misspelling(s.editor, u"recieved"_s));

    // Over a correctly spelled word the menu has no spelling part.
    std::unique_ptr<QMenu> plain(s.editor.createContextMenu(pointAt(s.editor, s.editor.toPlainText().indexOf(u"letter"_s))));
    CHECK_FALSE(actionNamed(*plain, u"addToDictionaryMenuAction"_s));
}

TEST_CASE("Add to dictionary removes every occurrence and survives a new editor", "[ui][spelling]")
{
    uitest::app();
    QTemporaryDir dir;
    const spelling::SpellingOptions options = uitest::testSpellingOptions(dir.path());
    const QString note = u"Zorblat came to the hub.\n\nZorblat said the letter had been recieved.\n\nZORBLAT, zorblat."_s;
    {
        Spelled s(uitest::openSpeller(options));
        s.editor.setNoteText(note);
        REQUIRE(misspelling(s.editor, u"Zorblat"_s));
        REQUIRE(misspelling(s.editor, u"Zorblat"_s, 1));
        REQUIRE(misspelling(s.editor, u"zorblat"_s));
        const auto before = spellingFindings(s.editor).size();

        // "Zorblat came" reads as a name ("came" follows names), so its menu offers Add as a name: the
        // same personal word list as Add to dictionary.
        REQUIRE(isPossibleName(*misspelling(s.editor, u"Zorblat"_s)));
        std::unique_ptr<QMenu> menu(s.editor.createContextMenu(pointAt(s.editor, misspelling(s.editor, u"Zorblat"_s)->offset + 2)));
        QAction *add = actionNamed(*menu, u"addAsNameMenuAction"_s);
        REQUIRE(add);
        add->trigger();
        // Every occurrence at once (Hunspell's case rules: "Zorblat" also accepts "ZORBLAT", not "zorblat").
        CHECK_FALSE(misspelling(s.editor, u"Zorblat"_s));
        CHECK_FALSE(misspelling(s.editor, u"Zorblat"_s, 1));
        CHECK_FALSE(misspelling(s.editor, u"ZORBLAT"_s));
        CHECK(misspelling(s.editor, u"recieved"_s)); // other words untouched
        CHECK(spellingFindings(s.editor).size() == before - 3);
        CHECK_FALSE(squiggleAt(s.editor, note.indexOf(u"Zorblat"_s)));
        CHECK(readFile(options.personalListPath).contains(u"Zorblat"_s));
    }
    // A new editor with a new spell checker over the same personal list: still known.
    Spelled later(uitest::openSpeller(options));
    later.editor.setNoteText(note);
    CHECK_FALSE(misspelling(later.editor, u"Zorblat"_s));
    CHECK_FALSE(misspelling(later.editor, u"Zorblat"_s, 1));
    CHECK(misspelling(later.editor, u"recieved"_s));
}

TEST_CASE("Ignore once hides only that occurrence", "[ui][spelling]")
{
    Spelled s;
    s.editor.setNoteText(u"The letter was recieved on Monday; the form was recieved later.\n\nAlso recieved today."_s);
    REQUIRE(spellingFindings(s.editor).size() == 3);
    const auto second = misspelling(s.editor, u"recieved"_s, 1);
    REQUIRE(second);

    std::unique_ptr<QMenu> menu(s.editor.createContextMenu(pointAt(s.editor, second->offset + 2)));
    QAction *ignore = actionNamed(*menu, u"ignoreSpellingOnceMenuAction"_s);
    REQUIRE(ignore);
    ignore->trigger();
    CHECK(misspelling(s.editor, u"recieved"_s, 0));
    CHECK_FALSE(misspelling(s.editor, u"recieved"_s, 1));
    CHECK(misspelling(s.editor, u"recieved"_s, 2));
    CHECK_FALSE(squiggleAt(s.editor, second->offset));
    CHECK(squiggleAt(s.editor, misspelling(s.editor, u"recieved"_s, 0)->offset));
    CHECK(s.editor.hiddenCount() == 1);

    // Typing elsewhere in the same paragraph re-checks it, and the ignored one stays ignored.
    QTextCursor c(s.editor.document());
    c.setPosition(0);
    c.insertText(u"Note: "_s);
    CHECK(spellingFindings(s.editor).size() == 2);
    CHECK_FALSE(misspelling(s.editor, u"recieved"_s, 1));
    // F8 passes over it.
    c.setPosition(0);
    s.editor.setTextCursor(c);
    s.editor.nextFinding();
    s.editor.nextFinding();
    CHECK(s.editor.textCursor().selectionStart() == misspelling(s.editor, u"recieved"_s, 2)->offset);
}

TEST_CASE("a name passed to the editor is not underlined", "[ui][spelling]")
{
    Spelled s;
    const QString note = u"Grace Okafor-Mbeki came in. I read Okafor's letter with her; Mbeki is her mother's name."_s;
    s.editor.setNoteText(note);
    REQUIRE(misspelling(s.editor, u"Okafor"_s, 1)); // without the name it is flagged

    s.editor.setNames({u"Grace Okafor-Mbeki"_s});
    CHECK(spellingFindings(s.editor).empty());
    CHECK_FALSE(squiggleAt(s.editor, note.indexOf(u"Okafor's"_s)));
    CHECK_FALSE(squiggleAt(s.editor, note.indexOf(u"Mbeki is"_s)));
    // Typing the name again in a new paragraph: still not flagged.
    QTextCursor c(s.editor.document());
    c.movePosition(QTextCursor::End);
    s.editor.setTextCursor(c);
    QTest::keyClick(&s.editor, Qt::Key_Return);
    QTest::keyClick(&s.editor, Qt::Key_Return);
    QTest::keyClicks(&s.editor, u"MBEKI and Okafor again."_s);
    CHECK(spellingFindings(s.editor).empty());
    CHECK(s.editor.allFindings() == fullCheck(s.editor));

    s.editor.setNames({});
    CHECK(misspelling(s.editor, u"Okafor"_s, 1));
}

TEST_CASE("a name typed into the Person's name box or given with --name is not underlined", "[ui][spelling]")
{
    Window w;
    w.window.editor()->setNoteText(u"Grace Okafor attended. Ania Kowalska came with her."_s);
    REQUIRE(misspelling(*w.window.editor(), u"Okafor"_s));
    REQUIRE(misspelling(*w.window.editor(), u"Kowalska"_s));

    // Typed into the box: applied once typing pauses.
    QLineEdit *box = w.window.personNameEdit();
    REQUIRE(box);
    REQUIRE(box->isVisible());
    box->setFocus();
    QTest::keyClicks(box, u"Grace Okafor, Ania Kowalska"_s);
    REQUIRE(uitest::waitFor([&] { return spellingFindings(*w.window.editor()).empty(); }));
    CHECK(w.window.editor()->names() == QStringList{u"Grace Okafor"_s, u"Ania Kowalska"_s});

    // --name (main() calls setPersonNames) fills the box too.
    w.window.setPersonNames({u"Ania Kowalska"_s});
    CHECK(box->text() == u"Ania Kowalska"_s);
    CHECK(misspelling(*w.window.editor(), u"Okafor"_s));
    CHECK_FALSE(misspelling(*w.window.editor(), u"Kowalska"_s));
    CHECK(TextCheckWindow::splitNames(u" Grace  Okafor ;Ania,, "_s) == QStringList{u"Grace Okafor"_s, u"Ania"_s});
}

TEST_CASE("with no dictionary the window shows a notice that can be dismissed and wording is still checked",
          "[ui][spelling]")
{
    uitest::app();
    QTemporaryDir empty;
    Window w(uitest::noDictionaryOptions(empty.path()));
    NoticeBar *notice = w.window.notice();
    REQUIRE(notice);
    CHECK(notice->isVisible());
    CHECK(notice->title() == u"Spelling is not being checked"_s);
    CHECK(notice->text().contains(empty.path()));     // where it looked
    CHECK(notice->text().contains(u"sudo apt install hunspell-en-gb"_s)); // how to fix it
    CHECK(notice->text().contains(u"wording is still checked"_s));
    CHECK(w.window.spellingText() == u"Spelling not available"_s);

    w.window.editor()->setNoteText(u"He was aggressive when he recieved the letter."_s);
    CHECK(uitest::findingOn(*w.window.editor(), u"aggressive"_s));
    CHECK(spellingFindings(*w.window.editor()).empty());

    QTest::mouseClick(notice->dismissButton(), Qt::LeftButton);
    CHECK_FALSE(notice->isVisible());
    CHECK(w.window.spellingText() == u"Spelling not available"_s); // still said, quietly

    // The notice's way out: choosing a dictionary file starts spelling at once.
    QString error;
    CHECK_FALSE(w.window.useDictionary(empty.filePath(u"missing.dic"_s), &error));
    CHECK(error.contains(u"missing.dic"_s));
    REQUIRE(w.window.useDictionary(u"/usr/share/hunspell/en_GB.dic"_s, &error));
    CHECK(misspelling(*w.window.editor(), u"recieved"_s));
    CHECK(w.window.spellingText() == u"Spelling: British English"_s);
    CHECK(w.temp.settings.value(TextCheckWindow::dictionaryKey()).toString() == u"/usr/share/hunspell/en_GB.dic"_s);
}

TEST_CASE("turning spelling off in Settings removes spelling findings", "[ui][spelling]")
{
    uitest::app();
    auto w = std::make_unique<Window>();
    NoteEditor *editor = w->window.editor();
    editor->setNoteText(u"He was aggressive when he recieved the letter."_s);
    REQUIRE(misspelling(*editor, u"recieved"_s));
    CHECK(w->window.spellingEnabled());

    // Untick Settings › Check spelling, as the worker would.
    bool ticked = true;
    QTimer::singleShot(0, &w->window, [&] {
        auto *dialog = qobject_cast<SettingsDialog *>(QApplication::activeModalWidget());
        if (!dialog)
            return;
        ticked = dialog->checkSpellingBox()->isChecked();
        dialog->checkSpellingBox()->click();
        dialog->reject();
    });
    w->window.showSettings();
    CHECK(ticked);
    CHECK(spellingFindings(*editor).empty());
    CHECK_FALSE(squiggleAt(*editor, editor->toPlainText().indexOf(u"recieved"_s)));
    CHECK(uitest::findingOn(*editor, u"aggressive"_s)); // the wording is still checked
    CHECK(w->window.spellingText() == u"Spelling off"_s);
    CHECK(w->temp.settings.value(TextCheckWindow::checkSpellingKey()).toBool() == false);
    w->window.findingsPanel()->refreshNow();
    CHECK(w->window.findingsPanel()->count() == 1);

    // Kept between runs: a new window over the same settings starts with spelling off.
    {
        TextCheckWindow again({uitest::testChecker(), {}}, &w->temp.settings, uitest::testSpellingOptions(w->temp.dir.path()));
        again.editor()->setNoteText(u"He recieved it."_s);
        CHECK(spellingFindings(*again.editor()).empty());
        CHECK_FALSE(again.spellingEnabled());
    }

    // And back on.
    w->window.setSpellingEnabled(true);
    CHECK(misspelling(*editor, u"recieved"_s));
    CHECK_FALSE(w->temp.settings.contains(TextCheckWindow::checkSpellingKey()));
}

TEST_CASE("Settings lists the words added to the dictionary and can remove them", "[ui][spelling]")
{
    uitest::app();
    Window w;
    NoteEditor *editor = w.window.editor();
    editor->setNoteText(u"Zorblat came in."_s);
    REQUIRE(editor->addToDictionary(u"Zorblat"_s));
    CHECK(spellingFindings(*editor).empty());

    QStringList listed;
    QTimer::singleShot(0, &w.window, [&] {
        auto *dialog = qobject_cast<SettingsDialog *>(QApplication::activeModalWidget());
        if (!dialog)
            return;
        QListWidget *words = dialog->personalWordsList();
        for (int i = 0; i < words->count(); ++i)
            listed << words->item(i)->text();
        if (words->count() > 0) {
            words->item(0)->setSelected(true);
            dialog->removeSelectedWords();
        }
        dialog->reject();
    });
    w.window.showSettings();
    CHECK(listed == QStringList{u"Zorblat"_s});
    CHECK(misspelling(*editor, u"Zorblat"_s)); // underlined again at once
}

TEST_CASE("the Check menu and the findings panel treat a misspelling as a spelling finding", "[ui][spelling]")
{
    uitest::app();
    Window w;
    NoteEditor *editor = w.window.editor();
    editor->setNoteText(u"He was aggressive. The form was recieved late."_s);
    auto action = [&](const char *name) { return w.window.findChild<QAction *>(QString::fromLatin1(name)); };

    // F8 steps through spelling findings like the others.
    action("nextFindingAction")->trigger();
    CHECK(editor->textCursor().selectedText() == u"aggressive"_s);
    CHECK(action("turnRuleOffAction")->isEnabled());
    CHECK_FALSE(action("addToDictionaryAction")->isEnabled());
    action("nextFindingAction")->trigger();
    CHECK(editor->textCursor().selectedText() == u"recieved"_s);
    // At a misspelling: ignore once or add to the dictionary; there is no rule to turn off.
    CHECK(action("ignoreOnceAction")->isEnabled());
    CHECK(action("addToDictionaryAction")->isEnabled());
    CHECK_FALSE(action("turnRuleOffAction")->isEnabled());
    CHECK_FALSE(action("ignoreInNoteAction")->isEnabled());
    action("previousFindingAction")->trigger();
    CHECK(editor->textCursor().selectedText() == u"aggressive"_s);

    // The panel lists it with its suggestions, looked up off the UI thread.
    FindingsPanel *panel = w.window.findingsPanel();
    panel->refreshNow();
    REQUIRE(panel->count() == 2);
    CHECK(panel->entryText(1).startsWith(u"Spelling · “recieved”"_s));
    panel->setCurrentRow(1);
    auto *details = panel->findChild<QTextBrowser *>();
    REQUIRE(details);
    REQUIRE(uitest::waitFor([&] { return details->toPlainText().contains(u"received"_s); }, 10000));
    CHECK(details->toPlainText().contains(u"Did you mean:"_s));
    CHECK_FALSE(details->toPlainText().contains(u"Looking for suggestions"_s));
    QPushButton *addWord = nullptr;
    for (QPushButton *b : panel->findChildren<QPushButton *>())
        if (b->text() == u"Add to dictionary"_s)
            addWord = b;
    REQUIRE(addWord);
    CHECK(addWord->isVisible());
    for (QPushButton *b : panel->findChildren<QPushButton *>())
        if (b->text() == u"Turn rule off"_s)
            CHECK_FALSE(b->isVisible());
    CHECK(w.window.countText() == u"2 findings"_s);
}

TEST_CASE("live wording and spelling findings always match a full check", "[ui][spelling]")
{
    Spelled s;
    s.editor.setNames({u"Okafor"_s});
    const QStringList pieces{u"recieved"_s, u" aggressive"_s, u"\n"_s,      u"\n\n"_s, u" accomodation"_s, u"\""_s,
                             u" Okafor's"_s, u"teh"_s,        u". "_s,      u"calm"_s,  u"-"_s,             u"sleepng"_s};
    const quint32 seed = GENERATE(20260401u, 7u, 8u, 9u);
    QRandomGenerator random(seed);
    INFO("seed " << seed);
    s.editor.setNoteText(u"He was calm. Known arsonist, recieved.\n\nShe said \"very\" twice; teh end.\n"_s);
    REQUIRE(s.editor.allFindings() == fullCheck(s.editor));
    for (int step = 0; step < 120; ++step) {
        const int size = int(s.editor.toPlainText().size());
        QTextCursor c(s.editor.document());
        c.setPosition(random.bounded(size + 1));
        if (random.bounded(3) == 0)
            c.setPosition(std::min(size, c.position() + random.bounded(1, 12)), QTextCursor::KeepAnchor);
        c.insertText(random.bounded(4) == 0 ? QString() : pieces[random.bounded(int(pieces.size()))]);
        if (step % 20 == 0)
            s.editor.undo();
        INFO("step " << step);
        REQUIRE(s.editor.allFindings() == fullCheck(s.editor));
    }
}

// Not a timed test: prints what a key costs with and without spelling, for docs/ui.md. Run with
//   test-ui-editor "[measure]" -s
TEST_CASE("typing cost per key with spelling", "[.][measure]")
{
    Spelled s;
    // The shape docs/ui.md measures: about 260 KB in 300 paragraphs of six sentences. Either one
    // misspelt word a paragraph ("recieved"), or two in every sentence ("recieved", "accomodation").
    auto makeNote = [](bool manyTypos) {
        const QString clean = u"Client attended the hub and was polite throughout; he received a letter about "
                              "housing from the council and asked for help reading it. "_s;
        const QString oneTypo = QString(clean).replace(u"received"_s, u"recieved"_s);
        const QString twoTypos = QString(oneTypo).replace(u"housing"_s, u"accomodation"_s);
        QString note;
        for (int p = 0; p < 300; ++p) {
            for (int i = 0; i < 6; ++i)
                note += manyTypos ? twoTypos : i == p % 6 ? oneTypo : clean;
            note += u"Known arsonist, aggressive at times.\n\n"_s;
        }
        return note;
    };
    QString note;
    auto measure = [&](const char *label) {
        s.editor.setNoteText(note);
        QTextCursor c(s.editor.document());
        c.setPosition(int(note.size() / 2));
        s.editor.setTextCursor(c);
        const QString typed = u"He said the accomodation was recieved well and he was aggressive "_s;
        std::vector<double> keys;
        QElapsedTimer timer;
        for (const QChar ch : typed) {
            timer.start();
            QTest::keyClick(&s.editor, ch.toLatin1());
            keys.push_back(double(timer.nsecsElapsed()) / 1e6);
        }
        std::sort(keys.begin(), keys.end());
        timer.restart();
        s.panel.refreshNow();
        const double list = double(timer.nsecsElapsed()) / 1e6;
        WARN(label << ": " << note.size() / 1024 << " KB, " << s.editor.allFindings().size() << " findings, "
                   << typed.size() << " keys: median " << keys[keys.size() / 2] << " ms, slowest " << keys.back()
                   << " ms per key (a whole key press, Qt's own work included); list rebuild " << list << " ms");
    };
    // The check alone, without Qt: one character typed into the middle of the note, 200 times.
    auto measureCheck = [&](const char *label, std::shared_ptr<const spelling::SpellChecker> speller) {
        NoteCheck check(uitest::testChecker());
        QString text = note;
        check.setSpellChecker(std::move(speller), text);
        check.reset(text);
        qsizetype at = text.size() / 2;
        std::vector<double> keys;
        QElapsedTimer timer;
        for (int i = 0; i < 200; ++i) {
            const QChar ch = u"recieved accomodation "_s.at(i % 22);
            text.insert(at, ch);
            timer.start();
            check.edit(text, at, 0, 1);
            keys.push_back(double(timer.nsecsElapsed()) / 1e6);
            ++at;
        }
        std::sort(keys.begin(), keys.end());
        WARN(label << ": NoteCheck::edit median " << keys[keys.size() / 2] << " ms, slowest " << keys.back() << " ms, "
                   << check.findings().size() << " findings");
    };
    for (const bool manyTypos : {false, true}) {
        note = makeNote(manyTypos);
        measureCheck(manyTypos ? "check, two typos a sentence, spelling on" : "check, one typo a paragraph, spelling on",
                     uitest::sharedSpeller());
        measureCheck("check, spelling off", nullptr);
        s.editor.setSpellChecker(nullptr);
        measure("spelling off");
        s.editor.setSpellChecker(uitest::sharedSpeller());
        measure(manyTypos ? "spelling on, two typos a sentence" : "spelling on, one typo a paragraph");
    }
}
