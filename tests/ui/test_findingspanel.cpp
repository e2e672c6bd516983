// SPDX-FileCopyrightText: 2026 Fairnote contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// The findings panel: what it lists, when it refreshes, and what activating an entry does.
#include "uitestsupport.h"

#include "findingfilter.h"
#include "findingformat.h"
#include "findingspanel.h"
#include "noteeditor.h"

#include <QListWidget>
#include <QPushButton>
#include <QSignalSpy>
#include <QTest>
#include <QTextBrowser>
#include <catch2/catch.hpp>

using namespace Qt::StringLiterals;
using namespace fairnote;
using namespace fairnote::ui;

namespace {

struct Listing
{
    Listing()
    {
        window.resize(1000, 600);
        window.show();
    }
    QApplication &application = uitest::app(); // first: widgets need it
    uitest::TempSettings temp;
    FindingFilter filter{&temp.settings};
    QWidget window;
    NoteEditor editor{uitest::testChecker(), &filter, &window};
    FindingsPanel panel{&editor, &window};
};

QPushButton *button(FindingsPanel &panel, const QString &text)
{
    for (QPushButton *b : panel.findChildren<QPushButton *>())
        if (b->text() == text)
            return b;
    return nullptr;
}

} // namespace

TEST_CASE("the list waits a moment after typing, so typing never waits for it", "[ui][panel]")
{
    Listing l;
    l.editor.setFocus();
    QTest::keyClicks(&l.editor, u"He kicked off"_s);
    // The squiggle is there at once; the list follows shortly after.
    CHECK(l.editor.visibleFindings().size() == 1);
    CHECK(l.panel.refreshPending());
    CHECK(l.panel.count() == 0);
    REQUIRE(uitest::waitFor([&] { return l.panel.count() == 1; }));
    CHECK_FALSE(l.panel.refreshPending());
}

TEST_CASE("every entry names the severity in words, the words and the message", "[ui][panel]")
{
    Listing l;
    l.editor.setNoteText(u"Known arsonist.\nIt was very cold."_s);
    l.panel.refreshNow();
    REQUIRE(l.panel.count() == 2);
    CHECK(l.panel.entryText(0) == u"Important · “arsonist”\n“arsonist” defines a person by one act."_s);
    CHECK(l.panel.entryText(1).startsWith(severityWord(Severity::Info) + u" · “very”"_s));

    auto *list = l.panel.findChild<QListWidget *>();
    REQUIRE(list);
    CHECK(list->focusPolicy() != Qt::NoFocus);
    CHECK_FALSE(list->accessibleName().isEmpty());
    const QString spoken = list->item(1)->data(Qt::AccessibleTextRole).toString();
    CHECK(spoken.contains(u"line 2"_s));
    CHECK(spoken.contains(u"adds emphasis but no facts"_s));
}

TEST_CASE("the explanation shows why, what to write instead, the question and the source", "[ui][panel]")
{
    Listing l;
    l.editor.setNoteText(u"Known arsonist."_s);
    l.panel.refreshNow();
    l.panel.setCurrentRow(0);
    auto *details = l.panel.findChild<QTextBrowser *>();
    REQUIRE(details);
    const QString shown = details->toPlainText();
    CHECK(shown.contains(u"Important"_s));
    CHECK(shown.contains(u"Labels that define a person"_s));
    CHECK(shown.contains(u"follows the person without a date"_s));
    CHECK(shown.contains(u"convicted of arson at [court] on [date]"_s));
    CHECK(shown.contains(u"What happened, when, and how do we know?"_s));
    CHECK(shown.contains(u"Test guidance on labels, Fairnote tests, 2024. https://example.org/labels"_s));
}

TEST_CASE("activating a listed finding selects its words in the note", "[ui][panel]")
{
    Listing l;
    l.editor.setNoteText(u"He was aggressive.\n\nLater he kicked\noff in the queue."_s);
    l.panel.refreshNow();
    REQUIRE(l.panel.count() == 2);
    l.panel.activateRow(1);
    CHECK(l.editor.textCursor().selectedText() == u"kicked\u2029off"_s); // QTextCursor shows the line break as U+2029
    CHECK(l.editor.textCursor().selectionStart() == l.panel.findings()[1].offset);

    // The keyboard way: Enter on the current entry.
    auto *list = l.panel.findChild<QListWidget *>();
    list->setCurrentRow(0);
    QTest::keyClick(list, Qt::Key_Return);
    CHECK(l.editor.textCursor().selectedText() == u"aggressive"_s);
}

TEST_CASE("the panel's buttons ignore a finding once or turn its rule off", "[ui][panel]")
{
    Listing l;
    l.editor.setNoteText(u"He was aggressive. Then aggressive again. Known arsonist."_s);
    l.panel.refreshNow();
    REQUIRE(l.panel.count() == 3);

    l.panel.setCurrentRow(0);
    button(l.panel, u"Ignore once"_s)->click();
    l.panel.refreshNow();
    CHECK(l.panel.count() == 2);

    l.panel.setCurrentRow(0); // the second "aggressive"
    const QString rule = l.panel.currentFinding()->ruleId;
    button(l.panel, u"Turn rule off"_s)->click();
    l.panel.refreshNow();
    REQUIRE(l.panel.count() == 1);
    CHECK(l.panel.entryText(0).contains(u"arsonist"_s));
    CHECK(l.filter.isRuleDisabled(rule));
}

TEST_CASE("an empty note says there is nothing to look at", "[ui][panel]")
{
    Listing l;
    l.editor.setNoteText(u"Attended at 10:30 and asked about his housing application."_s);
    l.panel.refreshNow();
    CHECK(l.panel.count() == 0);
    QSignalSpy refreshed(&l.panel, &FindingsPanel::refreshed);
    l.editor.setNoteText(u"Known arsonist."_s);
    REQUIRE(uitest::waitFor([&] { return refreshed.count() > 0; }));
    CHECK(refreshed.last().at(0).toInt() == 1);
}
