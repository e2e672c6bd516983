// SPDX-FileCopyrightText: 2026 Fairnote contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// The note editor with its highlighter: live checking, squiggles, navigation, tooltips.
#include "uitestsupport.h"

#include "findingfilter.h"
#include "findingformat.h"
#include "findingspanel.h"
#include "noteeditor.h"

#include <QHelpEvent>
#include <QLabel>
#include <QMenu>
#include <QRandomGenerator>
#include <QSignalSpy>
#include <QTest>
#include <QTextBlock>
#include <QToolTip>
#include <QWidgetAction>
#include <catch2/catch.hpp>

using namespace Qt::StringLiterals;
using namespace fairnote;
using namespace fairnote::ui;
using uitest::findingOn;
using uitest::squiggleAt;

namespace {

// An editor and its findings panel sharing one filter, as in the main window.
struct Editing
{
    Editing()
    {
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

// Puts the text cursor at `position` and types like a user.
void typeAt(NoteEditor &editor, qsizetype position, const QString &text)
{
    QTextCursor c = editor.textCursor();
    c.setPosition(int(position));
    editor.setTextCursor(c);
    QTest::keyClicks(&editor, text);
}

bool isWavy(const std::optional<QTextCharFormat> &f)
{
    return f && f->underlineStyle() == QTextCharFormat::WaveUnderline;
}

// The findings a full check of the current text gives, for comparing with the live ones.
std::vector<Finding> fullCheck(const NoteEditor &editor) { return editor.checker().check(editor.toPlainText()); }

} // namespace

TEST_CASE("the document's block positions are offsets into toPlainText", "[ui][editor]")
{
    Editing e;
    e.editor.setNoteText(u"First line.\nSecond line, “quoted”.\n\nA new paragraph.\n"_s);
    QTest::keyClick(&e.editor, Qt::Key_Return); // a paragraph separator typed, not loaded
    const QString text = e.editor.toPlainText();
    CHECK_FALSE(text.contains(QChar::ParagraphSeparator));
    CHECK_FALSE(text.contains(QChar::LineSeparator));
    int blocks = 0;
    for (QTextBlock b = e.editor.document()->begin(); b.isValid(); b = b.next(), ++blocks) {
        CHECK(text.mid(b.position(), b.length() - 1) == b.text());
        if (b.next().isValid())
            CHECK(text.at(b.position() + b.length() - 1) == u'\n');
        else
            CHECK(b.position() + b.length() - 1 == text.size()); // the last block's length counts one past the end
    }
    CHECK(blocks == text.count(u'\n') + 1);
}

TEST_CASE("typing a judgemental word underlines it and lists it", "[ui][editor]")
{
    Editing e;
    typeAt(e.editor, 0, u"He was aggressive at the desk."_s);
    const QString text = e.editor.toPlainText();
    const qsizetype at = text.indexOf(u"aggressive"_s);

    const auto squiggle = squiggleAt(e.editor, at);
    REQUIRE(isWavy(squiggle));
    CHECK(squiggle->underlineColor() == severityColour(Severity::Warning, e.editor.palette()));
    CHECK(isWavy(squiggleAt(e.editor, at + 9)));
    CHECK_FALSE(squiggleAt(e.editor, text.indexOf(u"desk"_s)));
    CHECK_FALSE(squiggleAt(e.editor, at - 2));

    REQUIRE(uitest::waitFor([&] { return e.panel.count() == 1; }));
    CHECK(e.panel.entryText(0).contains(u"“aggressive”"_s));
    CHECK(e.panel.entryText(0).contains(severityWord(Severity::Warning)));
}

TEST_CASE("squiggles are coloured by severity", "[ui][editor]")
{
    Editing e;
    e.editor.setNoteText(u"Known arsonist. He kicked off. It was very late."_s);
    const QString text = e.editor.toPlainText();
    const QPalette palette = e.editor.palette();
    CHECK(squiggleAt(e.editor, text.indexOf(u"arsonist"_s))->underlineColor()
          == severityColour(Severity::Error, palette));
    CHECK(squiggleAt(e.editor, text.indexOf(u"kicked"_s))->underlineColor()
          == severityColour(Severity::Warning, palette));
    CHECK(squiggleAt(e.editor, text.indexOf(u"very"_s))->underlineColor() == severityColour(Severity::Info, palette));
    // Three different colours, and the words say it too.
    CHECK(severityWord(Severity::Error) != severityWord(Severity::Warning));
    CHECK(severityWord(Severity::Warning) != severityWord(Severity::Info));
}

TEST_CASE("a quoted or negated word is not listed", "[ui][editor]")
{
    Editing e;
    typeAt(e.editor, 0, u"She said \"he was aggressive\" and left. He was not aggressive today."_s);
    QTest::qWait(FindingsPanel::kRefreshDelayMs * 3);
    CHECK(e.editor.visibleFindings().empty());
    CHECK(e.panel.count() == 0);
    const QString text = e.editor.toPlainText();
    CHECK_FALSE(squiggleAt(e.editor, text.indexOf(u"aggressive"_s)));
    CHECK_FALSE(squiggleAt(e.editor, text.lastIndexOf(u"aggressive"_s)));

    // Closing the quote earlier brings the word outside it, and it is flagged straight away.
    typeAt(e.editor, text.indexOf(u"he was"_s), u"\" "_s);
    CHECK(findingOn(e.editor, u"aggressive"_s));
}

TEST_CASE("a finding across a line break is underlined on both lines", "[ui][editor]")
{
    Editing e;
    e.editor.setNoteText(u"Yesterday he kicked\noff at reception."_s);
    const QString text = e.editor.toPlainText();
    REQUIRE(findingOn(e.editor, u"kicked\noff"_s));
    CHECK(isWavy(squiggleAt(e.editor, text.indexOf(u"kicked"_s))));
    CHECK(isWavy(squiggleAt(e.editor, text.indexOf(u"off"_s))));
    CHECK_FALSE(squiggleAt(e.editor, text.indexOf(u"reception"_s)));
}

TEST_CASE("squiggles are never written into the document", "[ui][editor]")
{
    Editing e;
    e.editor.setNoteText(u"Known arsonist.\n\nHe was aggressive."_s);
    CHECK_FALSE(e.editor.document()->isModified());
    CHECK_FALSE(e.editor.document()->isUndoAvailable());
    QTextCursor c(e.editor.document());
    c.setPosition(int(e.editor.toPlainText().indexOf(u"arsonist"_s)) + 2);
    CHECK(c.charFormat().underlineStyle() == QTextCharFormat::NoUnderline);

    typeAt(e.editor, e.editor.toPlainText().size(), u" Very."_s);
    const int steps = e.editor.document()->availableUndoSteps();
    e.filter.disableRule(findingOn(e.editor, u"arsonist"_s)->ruleId); // re-highlights everything
    CHECK(e.editor.document()->availableUndoSteps() == steps);
    e.editor.undo();
    CHECK(e.editor.toPlainText() == u"Known arsonist.\n\nHe was aggressive."_s);
}

TEST_CASE("editing one paragraph keeps the findings of the others", "[ui][editor]")
{
    Editing e;
    e.editor.setNoteText(u"First paragraph: known arsonist.\n\nSecond paragraph is calm.\n\nThird: he kicked off."_s);
    const auto before = e.editor.allFindings();
    REQUIRE(before.size() == 2);

    // Type into the middle paragraph: the others keep their findings; the third's move with the text.
    const qsizetype calm = e.editor.toPlainText().indexOf(u"calm"_s);
    typeAt(e.editor, calm, u"very "_s);
    const auto after = e.editor.allFindings();
    REQUIRE(after.size() == 3);
    CHECK(after[0] == before[0]);
    CHECK(after[1].offset == calm);
    CHECK(after[2].ruleId == before[1].ruleId);
    CHECK(after[2].offset == before[1].offset + 5);
    CHECK(isWavy(squiggleAt(e.editor, after[0].offset)));
    CHECK(isWavy(squiggleAt(e.editor, after[2].offset)));
    CHECK(after == fullCheck(e.editor));
}

TEST_CASE("live findings always match a full check after edits, undo and paste", "[ui][editor]")
{
    Editing e;
    e.editor.setNoteText(u"He was aggressive.\n\nKnown arsonist.\n\nShe said \"very\" twice."_s);
    CHECK(e.editor.allFindings() == fullCheck(e.editor));

    typeAt(e.editor, 0, u"Today he kicked off. "_s);
    CHECK(e.editor.allFindings() == fullCheck(e.editor));

    // Join two paragraphs by deleting the blank line between them.
    QTextCursor c = e.editor.textCursor();
    c.setPosition(int(e.editor.toPlainText().indexOf(u"\n\nKnown"_s)));
    c.setPosition(c.position() + 2, QTextCursor::KeepAnchor);
    c.removeSelectedText();
    CHECK(e.editor.allFindings() == fullCheck(e.editor));

    // Replace a selection that spans paragraphs, as a paste does.
    c.setPosition(int(e.editor.toPlainText().indexOf(u"arsonist"_s)));
    c.setPosition(int(e.editor.toPlainText().indexOf(u"twice"_s)), QTextCursor::KeepAnchor);
    c.insertText(u"arsonists, \"aggressive\" and very\n\nkicked off "_s);
    CHECK(e.editor.allFindings() == fullCheck(e.editor));

    e.editor.undo();
    CHECK(e.editor.allFindings() == fullCheck(e.editor));
    e.editor.undo();
    CHECK(e.editor.allFindings() == fullCheck(e.editor));
    e.editor.redo();
    CHECK(e.editor.allFindings() == fullCheck(e.editor));

    e.editor.selectAll();
    QTest::keyClick(&e.editor, Qt::Key_Delete);
    CHECK(e.editor.allFindings().empty());
    QTest::keyClicks(&e.editor, u"aggressive"_s);
    CHECK(e.editor.allFindings() == fullCheck(e.editor));
    CHECK(e.editor.allFindings().size() == 1);
}

TEST_CASE("F8 moves the cursor to the next finding", "[ui][editor]")
{
    Editing e;
    e.editor.setNoteText(u"He was aggressive. Then he kicked off. It was very loud."_s);
    QSignalSpy wrapped(&e.editor, &NoteEditor::navigationWrapped);
    auto selected = [&] { return e.editor.textCursor().selectedText(); };

    REQUIRE(e.editor.nextFinding());
    CHECK(selected() == u"aggressive"_s);
    e.editor.nextFinding();
    CHECK(selected() == u"kicked off"_s);
    e.editor.nextFinding();
    CHECK(selected() == u"very"_s);
    CHECK(wrapped.count() == 0);
    e.editor.nextFinding();
    CHECK(selected() == u"aggressive"_s);
    CHECK(wrapped.count() == 1);

    // Shift+F8 goes back, round to the end.
    e.editor.previousFinding();
    CHECK(selected() == u"very"_s);
    e.editor.previousFinding();
    CHECK(selected() == u"kicked off"_s);

    // From a cursor between findings, the next is the one after it.
    QTextCursor c = e.editor.textCursor();
    c.setPosition(int(e.editor.toPlainText().indexOf(u"Then"_s)));
    e.editor.setTextCursor(c);
    e.editor.nextFinding();
    CHECK(selected() == u"kicked off"_s);

    e.editor.setNoteText(u"Nothing to see."_s);
    CHECK_FALSE(e.editor.nextFinding());
    CHECK_FALSE(e.editor.previousFinding());
}

TEST_CASE("turning a rule off removes its findings and can be undone", "[ui][editor]")
{
    Editing e;
    e.editor.setNoteText(u"He was aggressive on Monday. He was aggressive again. Known arsonist."_s);
    REQUIRE(uitest::waitFor([&] { return e.panel.count() == 3; }));
    const auto f = findingOn(e.editor, u"aggressive"_s);
    REQUIRE(f);
    const qsizetype second = e.editor.toPlainText().lastIndexOf(u"aggressive"_s);

    e.filter.disableRule(f->ruleId);
    CHECK_FALSE(squiggleAt(e.editor, f->offset));
    CHECK_FALSE(squiggleAt(e.editor, second));
    CHECK(e.editor.hiddenCount() == 2);
    REQUIRE(uitest::waitFor([&] { return e.panel.count() == 1; }));
    CHECK_FALSE(e.panel.entryText(0).contains(u"aggressive"_s));
    CHECK(e.temp.settings.value(u"disabledRules"_s).toStringList() == QStringList{f->ruleId});

    // The setting outlives the window: a new filter over the same settings still hides it.
    FindingFilter later(&e.temp.settings);
    CHECK(later.isRuleDisabled(f->ruleId));

    e.filter.enableRule(f->ruleId);
    CHECK(isWavy(squiggleAt(e.editor, f->offset)));
    CHECK(isWavy(squiggleAt(e.editor, second)));
    REQUIRE(uitest::waitFor([&] { return e.panel.count() == 3; }));
    CHECK_FALSE(e.temp.settings.contains(u"disabledRules"_s));
}

TEST_CASE("ignore once hides one occurrence until its words are edited", "[ui][editor]")
{
    Editing e;
    e.editor.setNoteText(u"He was aggressive on Monday. He was aggressive again."_s);
    const auto first = findingOn(e.editor, u"aggressive"_s);
    REQUIRE(first);
    e.filter.ignoreOnce(*first, &e.editor);
    CHECK_FALSE(squiggleAt(e.editor, first->offset));
    CHECK(e.editor.visibleFindings().size() == 1);
    CHECK(isWavy(squiggleAt(e.editor, e.editor.toPlainText().lastIndexOf(u"aggressive"_s))));

    // Typing elsewhere, even before it, keeps it hidden: the ignore moves with its words.
    typeAt(e.editor, 0, u"Today: "_s);
    CHECK(e.editor.visibleFindings().size() == 1);
    CHECK_FALSE(squiggleAt(e.editor, first->offset + 7));

    // Editing its words brings it back.
    typeAt(e.editor, first->offset + 7 + 3, u"x"_s);
    QTest::keyClick(&e.editor, Qt::Key_Backspace);
    CHECK(e.editor.visibleFindings().size() == 2);
    CHECK(isWavy(squiggleAt(e.editor, first->offset + 7)));
}

TEST_CASE("ignoring a rule in this note lasts until another note is opened", "[ui][editor]")
{
    Editing e;
    e.editor.setNoteText(u"He was aggressive. He kicked off. Aggressive again."_s);
    const auto f = findingOn(e.editor, u"aggressive"_s);
    REQUIRE(f);
    e.filter.ignoreInNote(f->ruleId);
    CHECK(e.editor.visibleFindings().size() == 1);
    CHECK(e.editor.hiddenCount() == 2);
    CHECK_FALSE(e.temp.settings.contains(u"disabledRules"_s)); // not a setting

    e.editor.setNoteText(u"Another note: he was aggressive."_s);
    CHECK(e.editor.visibleFindings().size() == 1);
}

TEST_CASE("the tooltip over a squiggle explains it", "[ui][editor]")
{
    Editing e;
    e.editor.setNoteText(u"Known arsonist, seen at the hub."_s);
    const qsizetype at = e.editor.toPlainText().indexOf(u"arsonist"_s);
    const QString tip = e.editor.toolTipAt(at + 3);
    CHECK(tip.contains(severityWord(Severity::Error)));
    CHECK(tip.contains(u"defines a person by one act"_s));
    CHECK(tip.contains(u"follows the person"_s));                 // why
    CHECK(tip.contains(u"convicted of arson at"_s));               // instead
    CHECK(tip.contains(u"How do we know?"_s, Qt::CaseInsensitive)); // the question
    CHECK(tip.contains(u"Test guidance on labels"_s));             // source
    CHECK(e.editor.toolTipAt(e.editor.toPlainText().indexOf(u"hub"_s)).isEmpty());

    // Hovering shows it.
    QTextCursor c(e.editor.document());
    c.setPosition(int(at) + 3);
    const QPoint point = e.editor.cursorRect(c).center() + QPoint(2, 0);
    QHelpEvent hover(QEvent::ToolTip, point, e.editor.viewport()->mapToGlobal(point));
    QApplication::sendEvent(e.editor.viewport(), &hover);
    CHECK(QToolTip::isVisible());
    CHECK(QToolTip::text().contains(u"defines a person by one act"_s));
    QToolTip::hideText();
}

TEST_CASE("the finding at the cursor is found inside, just after, or selected", "[ui][editor]")
{
    Editing e;
    e.editor.setNoteText(u"He was aggressive today."_s);
    const qsizetype at = e.editor.toPlainText().indexOf(u"aggressive"_s);
    QTextCursor c = e.editor.textCursor();
    for (const qsizetype pos : {at, at + 4, at + 10}) {
        c.setPosition(int(pos));
        e.editor.setTextCursor(c);
        CHECK(e.editor.findingAtCursor());
    }
    c.setPosition(int(at) - 2);
    e.editor.setTextCursor(c);
    CHECK_FALSE(e.editor.findingAtCursor());
    c.setPosition(0);
    c.movePosition(QTextCursor::End, QTextCursor::KeepAnchor);
    e.editor.setTextCursor(c);
    CHECK(e.editor.findingAtCursor());
}

TEST_CASE("typing in a very long paragraph is checked once typing pauses", "[ui][editor]")
{
    Editing e;
    // A pasted legacy note with no blank lines is one long paragraph.
    QString note;
    while (note.size() <= NoteEditor::kLargeParagraph)
        note += u"Client attended and was polite throughout.\nKnown arsonist.\n"_s;
    e.editor.setNoteText(note);
    const auto before = e.editor.allFindings().size();
    QSignalSpy changed(&e.editor, &NoteEditor::findingsChanged);

    typeAt(e.editor, note.size() / 2, u" He kicked off."_s);
    typeAt(e.editor, 0, u"Very "_s);
    CHECK(e.editor.checkPending());
    CHECK(changed.count() == 0); // nothing was checked while typing
    CHECK(e.editor.allFindings().size() == before);

    REQUIRE(uitest::waitFor([&] { return !e.editor.checkPending(); }));
    CHECK(changed.count() == 1);
    CHECK(e.editor.allFindings().size() == before + 2);
    CHECK(e.editor.allFindings() == fullCheck(e.editor));

    // Anything that needs the findings checks first rather than use old offsets.
    QTextCursor c = e.editor.textCursor();
    c.setPosition(0);
    e.editor.setTextCursor(c);
    typeAt(e.editor, 0, u"aggressive "_s);
    REQUIRE(e.editor.checkPending());
    c.setPosition(0);
    e.editor.setTextCursor(c);
    REQUIRE(e.editor.nextFinding());
    CHECK(e.editor.textCursor().selectedText() == u"aggressive"_s);
    CHECK(e.editor.allFindings() == fullCheck(e.editor));
}

TEST_CASE("random edits always leave the findings of a full check", "[ui][editor]")
{
    Editing e;
    const QStringList pieces{u"aggressive"_s, u" kicked off"_s, u"\n"_s,  u"\n\n"_s, u" very"_s, u"\""_s,
                             u" not "_s,      u"arsonist"_s,    u". "_s, u"calm"_s,  u"-"_s};
    const quint32 seed = GENERATE(20260314u, 1u, 2u, 3u, 4u, 5u, 6u);
    const bool large = GENERATE(false, true);
    QRandomGenerator random(seed);
    INFO("seed " << seed << (large ? ", one long paragraph" : ""));
    QString start = u"He was calm. Known arsonist.\n\nShe said \"very\" twice.\n"_s;
    while (large && start.size() <= NoteEditor::kLargeParagraph)
        start += u"He was calm and kicked off.\n"_s;
    e.editor.setNoteText(start);

    for (int step = 0; step < 150; ++step) {
        const int size = int(e.editor.toPlainText().size());
        QTextCursor c(e.editor.document());
        c.setPosition(random.bounded(size + 1));
        if (random.bounded(3) == 0) // delete or replace a few characters
            c.setPosition(std::min(size, c.position() + random.bounded(1, 12)), QTextCursor::KeepAnchor);
        c.insertText(random.bounded(4) == 0 ? QString() : pieces[random.bounded(int(pieces.size()))]);
        if (step % 25 == 0)
            e.editor.undo();
        if (!large || step % 50 == 49) {
            e.editor.flushPendingCheck();
            INFO("step " << step);
            REQUIRE(e.editor.allFindings() == fullCheck(e.editor));
        }
    }
    e.editor.flushPendingCheck();
    CHECK(e.editor.allFindings() == fullCheck(e.editor));
}

// A finding that starts before a deletion and ends inside it must be dropped, not left behind
// (a regression test for IncrementalCheck::edit).
TEST_CASE("deleting from inside flagged words to before them leaves no stale finding", "[ui][editor]")
{
    Editing e;
    e.editor.setNoteText(u"He was\n\nnow known arsonist.\n\nMore words after it."_s);
    REQUIRE(findingOn(e.editor, u"arsonist"_s));
    // Delete from "now" into the middle of "arsonist": the paragraph becomes shorter than the
    // finding's old offset.
    QTextCursor c(e.editor.document());
    c.setPosition(int(e.editor.toPlainText().indexOf(u"now"_s)));
    c.setPosition(int(e.editor.toPlainText().indexOf(u"sonist"_s)), QTextCursor::KeepAnchor);
    c.removeSelectedText();
    CHECK(e.editor.toPlainText() == u"He was\n\nsonist.\n\nMore words after it."_s);
    CHECK(e.editor.allFindings() == fullCheck(e.editor));
    CHECK(e.editor.allFindings().empty());
}

TEST_CASE("right-click on flagged wording offers the rule's alternatives and its question", "[ui][editor]")
{
    Editing e;
    QAction ignore(u"Ignore once"_s);
    e.editor.setFindingActions({&ignore});
    e.editor.setNoteText(u"Known arsonist, seen at the hub."_s);
    const auto f = findingOn(e.editor, u"arsonist"_s);
    REQUIRE(f);
    REQUIRE_FALSE(f->suggestions.isEmpty()); // from the rule pack, not from code
    QTextCursor at(e.editor.document());
    at.setPosition(int(f->offset + 2));
    const QPoint point = e.editor.cursorRect(at).center() + QPoint(2, 0);
    std::unique_ptr<QMenu> menu(e.editor.createContextMenu(point));

    QStringList shown;
    for (QAction *a : menu->actions())
        if (!a->isSeparator())
            shown << a->text();
    INFO(shown.join(u" | "_s).toStdString());
    // The message in full as the first item (an item, not a section title, so the menu is wide
    // enough for it), then the question, then the alternatives, then the three choices.
    // The link to the rule's section of the good-practice guide comes before the choices.
    REQUIRE(shown.size() >= 5);
    CHECK(shown.at(0) == u"%1: “arsonist” defines a person by one act."_s.arg(severityWord(Severity::Error)));
    CHECK(shown.at(1) == u"Question to answer: What happened, when, and how do we know?"_s);
    CHECK(shown.at(2) == f->suggestions.first());
    CHECK(shown.at(3) == u"Why? Read more in the good-practice guide"_s);
    CHECK(shown.at(4) == u"Ignore once"_s);
    QAction *suggestion = nullptr;
    for (QAction *a : menu->actions())
        if (a->objectName() == u"wordingSuggestionMenuAction"_s)
            suggestion = a;
    REQUIRE(suggestion);
    CHECK(suggestion->font().bold());
    CHECK(suggestion->isEnabled());
    // The message is read, not chosen: shown whole (wrapped, never cut off) in the menu's own colour.
    auto *heading = menu->findChild<QWidgetAction *>(u"wordingHeadingMenuAction"_s);
    REQUIRE(heading);
    auto *label = qobject_cast<QLabel *>(heading->defaultWidget());
    REQUIRE(label);
    CHECK(label->text() == shown.at(0));
    CHECK(label->wordWrap());
    CHECK(label->isEnabled());

    // Choosing it writes it in place of the flagged words, selects the first blank to fill in,
    // and Undo takes it back in one step.
    suggestion->trigger();
    CHECK(e.editor.toPlainText() == u"Known convicted of arson at [court] on [date], seen at the hub."_s);
    CHECK(e.editor.textCursor().selectedText() == u"[court]"_s);
    CHECK_FALSE(findingOn(e.editor, u"arsonist"_s));
    e.editor.undo();
    CHECK(e.editor.toPlainText() == u"Known arsonist, seen at the hub."_s);

    // At the start of a sentence the alternative keeps the capital the words had.
    e.editor.setNoteText(u"Seen at the hub. Arsonist, they said."_s);
    const auto start = findingOn(e.editor, u"Arsonist"_s);
    REQUIRE(start);
    at.setPosition(int(start->offset + 2));
    std::unique_ptr<QMenu> again(e.editor.createContextMenu(e.editor.cursorRect(at).center() + QPoint(2, 0)));
    for (QAction *a : again->actions())
        if (a->objectName() == u"wordingSuggestionMenuAction"_s) {
            a->trigger();
            break;
        }
    CHECK(e.editor.toPlainText().startsWith(u"Seen at the hub. Convicted of arson at [court]"_s));
}
