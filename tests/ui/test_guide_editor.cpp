// SPDX-FileCopyrightText: 2026 Fairnote contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// The good-practice guide in the app (search, sections, links from findings) and the organisation's
// rule editor: add, change and turn off a rule in forms, problems beside the fields, the live preview,
// and a saved pack that validates and changes what the checker flags. "[.screenshots]" (hidden) writes
// docs/screenshots/rules-editor.png and guide-window.png.
#include "findingformat.h"
#include "guide/guide.h"
#include "guide/guidewindow.h"
#include "rules/ruleseditor.h"
#include "uitestsupport.h"
#include "wording/examplecheck.h"
#include "wording/rulepack.h"

#include <QCheckBox>
#include <QDesktopServices>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QSignalSpy>
#include <QLabel>
#include <QTest>
#include <QTextBrowser>
#include <catch2/catch.hpp>

using namespace Qt::StringLiterals;
using namespace fairnote;
using namespace fairnote::ui;

namespace {

template <typename T>
T *child(QWidget &w, const QString &name)
{
    T *c = w.findChild<T *>(name);
    REQUIRE(c);
    return c;
}

void type(QWidget &w, const QString &field, const QString &text)
{
    if (auto *line = w.findChild<QLineEdit *>(u"rule-"_s + field)) {
        line->setFocus();
        line->selectAll();
        // Typed a key at a time; QTest::keyClicks() only knows ASCII, so a curly quote or an accent
        // is sent as a key event carrying its text, as a keyboard layout or input method does.
        for (const QChar c : text) {
            if (c.unicode() < 0x80)
                QTest::keyClick(line, c.toLatin1());
            else
                QTest::sendKeyEvent(QTest::Click, line, Qt::Key_unknown, QString(c), Qt::NoModifier);
        }
        return;
    }
    auto *plain = child<QPlainTextEdit>(w, u"rule-"_s + field);
    plain->setPlainText(text);
}

} // namespace

TEST_CASE("the guide window shows the guide, finds words and goes to a rule's section", "[ui][guide]")
{
    uitest::app();
    GuideWindow w(uitest::builtInChecker(), {});
    const QString text = w.browser()->toPlainText();
    CHECK(text.contains(u"Recording fire-setting incidents fairly — a good-practice guide"_s));
    CHECK(text.contains(u"The facts a provider needs"_s));
    CHECK(w.showSection(guide::ruleAnchor(u"label.arsonist"_s)));
    CHECK_FALSE(w.showSection(u"rule-no.such"_s));
    CHECK(w.findStatus().contains(u"not in the guide"_s));
    w.findBox()->setText(u"arsonist"_s);
    w.findNext();
    CHECK(w.findStatus().endsWith(u"matches"_s));
    CHECK(w.browser()->textCursor().selectedText().compare(u"arsonist"_s, Qt::CaseInsensitive) == 0);
    w.findBox()->setText(u"zzzznotthere"_s);
    w.findNext();
    CHECK(w.findStatus() == u"Not found"_s);
}

TEST_CASE("a finding's why links to its rule's section, and the link asks for that section", "[ui][guide]")
{
    uitest::app();
    Finding f;
    f.ruleId = u"label.arsonist"_s;
    f.message = u"m"_s;
    CHECK(findingDetailsHtml(f, u"arsonist"_s, 1).contains(u"fairnote-guide:rule-label.arsonist"_s));
    QSignalSpy spy(guideLinks(), &GuideLinks::sectionRequested);
    QDesktopServices::openUrl(guideUrl(u"rule-label.arsonist"_s));
    REQUIRE(spy.count() == 1);
    CHECK(spy.at(0).at(0).toString() == u"rule-label.arsonist"_s);
}

TEST_CASE("the rule editor adds, changes and turns off rules; the saved pack validates and changes what is flagged", "[ui][rules]")
{
    uitest::app();
    QTemporaryDir dir;
    const QString folder = dir.filePath(u"org"_s);
    RulesEditor editor(folder);
    REQUIRE(editor.loaded());

    // A new rule, typed into the form, with a mistake first: the problem shows beside the field.
    editor.addRule();
    type(editor, u"id"_s, u"ours.mardy"_s);
    type(editor, u"patterns"_s, u"(mardy"_s);
    CHECK(editor.fieldProblem(u"patterns"_s).contains(u"mardy"_s));
    type(editor, u"patterns"_s, u"mardy"_s);
    CHECK(editor.fieldProblem(u"patterns"_s).isEmpty());
    CHECK(editor.fieldProblem(u"why"_s).contains(u"\"why\""_s));
    type(editor, u"message"_s, u"“mardy” does not say what happened."_s);
    type(editor, u"why"_s, u"Slang names no act, so a reader imagines the worst."_s);
    type(editor, u"question"_s, u"What did the person say or do?"_s);
    type(editor, u"source/title"_s, u"Writing case notes"_s);
    type(editor, u"source/publisher"_s, u"Community Door"_s);
    type(editor, u"source/url"_s, u"https://example.org/casenotes"_s);
    type(editor, u"examples/flag"_s, u"He was «mardy» with the night worker."_s);
    type(editor, u"examples/leave"_s, u"She said she felt \"a bit mardy\" after the call."_s);
    type(editor, u"examples/rewrite/before"_s, u"Mardy with staff."_s);
    type(editor, u"examples/rewrite/after"_s, u"Said \"leave me alone\" to the night worker at 2am on 3 May 2024."_s);
    CHECK(editor.fieldProblem(u"why"_s).isEmpty());
    QTest::qWait(400); // the preview waits a moment after typing
    CHECK(editor.examplesText().contains(u"✓ flag example 1"_s));
    CHECK(editor.examplesText().contains(u"in quotation marks"_s));
    auto *tryText = child<QPlainTextEdit>(editor, u"tryText"_s);
    tryText->setPlainText(u"He got mardy and kicked off."_s);
    QTest::qWait(400);
    CHECK(editor.previewText().contains(u"“mardy”"_s));
    CHECK(editor.previewText().contains(u"kicked off"_s));

    // A built-in rule changed for the organisation needs a reason; another turned off with one.
    REQUIRE(editor.changeForOrganisation(u"judgement.aggressive"_s));
    type(editor, u"message"_s, u"“aggressive” is a conclusion: say what was said or done, and who was there."_s);
    CHECK(editor.fieldProblem(u"reason"_s).contains(u"Say why"_s));
    CHECK_FALSE(editor.save());
    CHECK(editor.saveProblems().contains(u"fix the problems"_s));
    type(editor, u"reason"_s, u"Our safeguarding lead asked that notes say who was present."_s);
    CHECK(editor.fieldProblem(u"reason"_s).isEmpty());
    CHECK_FALSE(editor.turnOff(u"intensifier.very"_s, u"  "_s)); // a reason left out
    REQUIRE(editor.turnOff(u"intensifier.very"_s, u"We use “very” for amounts."_s));

    // A new folder's pack names no author yet: saving asks for one instead of writing an invalid pack.
    CHECK_FALSE(editor.save());
    CHECK(editor.saveProblems().contains(u"say who wrote these rules"_s));
    editor.setPackAuthors({u"Jo Fletcher"_s, u" "_s});
    REQUIRE(editor.save());
    CHECK_FALSE(editor.hasUnsavedChanges());

    // The folder holds a valid pack: it loads, its examples behave, and the checker follows it.
    auto pack = wording::loadRulePack(folder);
    REQUIRE(pack.ok());
    const wording::Checker checker(std::move(*pack));
    wording::ValidationOptions options;
    options.builtInRulesNeedExamples = false;
    CHECK(wording::validatePack(checker, options).empty());
    CHECK(checker.pack().find(u"ours.mardy")->origin == wording::RuleOrigin::Added);
    CHECK(checker.pack().find(u"judgement.aggressive")->message.contains(u"who was there"_s));
    CHECK(checker.pack().find(u"intensifier.very") == nullptr);
    REQUIRE(checker.pack().disabled.size() == 1);
    CHECK(checker.pack().disabled[0].reason == u"We use “very” for amounts."_s);
    const QString note = u"He was very mardy."_s;
    const auto findings = checker.check(note);
    REQUIRE(findings.size() == 1);
    CHECK(findings[0].ruleId == u"ours.mardy"_s);
    CHECK(uitest::builtInChecker()->check(note).size() == 1); // without the pack: "very", not "mardy"
    // The change log says in words what changed.
    CHECK(checker.pack().organisationInfo.changes.front().changes.join(u'\n').contains(u"Turned off “intensifier.very”"_s));

    // Opened again, the editor shows what was saved.
    RulesEditor again(folder);
    REQUIRE(again.loaded());
    CHECK(again.pack().rules.size() == 2);
    CHECK(again.pack().disabled.size() == 1);
}

TEST_CASE("rules editor and guide window pictures", "[.screenshots]")
{
    uitest::app();
    const QString out = qEnvironmentVariable("FAIRNOTE_SCREENSHOT_DIR");
    REQUIRE_FALSE(out.isEmpty());
    RulesEditor editor(QStringLiteral(FAIRNOTE_TEST_DATA "/packs/good"), u"Organisation rules"_s);
    editor.resize(1280, 860);
    editor.selectRule(u"judgement.aggressive"_s);
    child<QPlainTextEdit>(editor, u"tryText"_s)->setPlainText(u"He was aggressive in reception and kicked off when asked to leave."_s);
    editor.show();
    QTest::qWait(600);
    CHECK(editor.grab().save(out + u"/rules-editor.png"_s));
    GuideWindow w(uitest::builtInChecker(), {});
    w.resize(1000, 760);
    w.show();
    w.showSection(guide::ruleAnchor(u"label.arsonist"_s));
    QTest::qWait(300);
    CHECK(w.grab().save(out + u"/guide-window.png"_s));
}
