// SPDX-FileCopyrightText: 2026 Fairnote contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// The case-file dialogs on their own: finalise, reason, history, your details, person, open failed.
// The hidden [.screenshots] test draws each one with invented data for docs/screenshots/.
#define CATCH_CONFIG_EXTERNAL_INTERFACES // for the event listener below
#include "authordialog.h"
#include "finalisedialog.h"
#include "formfields.h"
#include "historydialog.h"
#include "openfaileddialog.h"
#include "persondialog.h"
#include "reasondialog.h"
#include "record/describe.h"
#include "store/storetestsupport.h"
#include "testisolation.h"

#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QDir>
#include <QFileDialog>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QScreen>
#include <QScrollArea>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QTextBrowser>
#include <QTimer>
#include <catch2/catch.hpp>
#include <functional>

using namespace Qt::StringLiterals;
using namespace fairnote;
using namespace fairnote::ui;

namespace {

std::unique_ptr<QApplication> &appSlot()
{
    static std::unique_ptr<QApplication> instance;
    return instance;
}

// Deletes the QApplication when the run ends, while Qt is still whole (see uitestsupport.cpp).
struct QApplicationCloser : Catch::TestEventListenerBase
{
    using TestEventListenerBase::TestEventListenerBase;
    void testRunEnded(const Catch::TestRunStats &) override { appSlot().reset(); }
};

QApplication &app()
{
    static int argc = 1;
    static char name[] = "test-ui-dialogs";
    static char *argv[] = {name, nullptr};
    if (!appSlot()) {
        uitest::usePrivateHome();
        appSlot() = std::make_unique<QApplication>(argc, argv);
        uitest::watchForStuckModals(*appSlot());
    }
    return *appSlot();
}

// Runs `act` on the modal dialog once it is showing (for the static ask() functions). A dialog still
// open two seconds later is rejected, so a failing test fails instead of hanging.
void whenModal(std::function<void(QWidget *)> act)
{
    QTimer::singleShot(0, [act = std::move(act)] {
        auto *modal = qobject_cast<QDialog *>(QApplication::activeModalWidget());
        REQUIRE(modal);
        QTimer::singleShot(2000, modal, [modal] {
            if (modal->isVisible()) {
                FAIL_CHECK("the dialog was still open");
                modal->reject();
            }
        });
        act(modal);
    });
}

store::SnapshotPrompt prompt(const QString &field, const QString &code, const QString &message, const QString &question)
{
    return {field, code, u"warning"_s, message, question, {}};
}

store::Snapshot threePrompts()
{
    store::Snapshot s;
    s.prompts.push_back(prompt(u"/incident/source/type"_s, u"no-source"_s, u"The source is not recorded."_s,
        u"How do we know: who saw it or said it?"_s));
    s.prompts.push_back(prompt(u"/incident/harm/injury"_s, u"blank"_s,
        u"Injury has not been answered. “Unknown” is an answer; a blank is not."_s,
        u"Was anyone hurt: no one, the person, someone else, or is it unknown?"_s));
    s.prompts.push_back(prompt(u"/event_date/precision"_s, u"blank"_s,
        u"When it happened has not been answered. “Unknown” is an answer; a blank is not."_s,
        u"When did it happen?"_s));
    s.findings.push_back({u"/incident/what_happened"_s, u"judgement.aggressive"_s, u"judgement"_s, u"warning"_s, 0, 10,
        u"Aggressive"_s, u"“aggressive” is a conclusion: say what the person said or did."_s});
    return s;
}

// The prompts fairnote-cli assess gives the legacy example (17 of them), from the store's own assessor.
store::Snapshot legacySnapshot()
{
    const record::CaseFile file = testing::example("incident-vague.json");
    return store::makeAssessor(testing::assessOptions())(file.person, file.entries.front());
}

// An incident as revision 2 records it: the complete example.
record::Entry completeIncident() { return testing::example("incident-complete.json").entries.front(); }

// Revision 1 of the same incident, written the morning after, before the room had been seen.
record::Entry firstRevisionOf(record::Entry e)
{
    auto &r = std::get<record::IncidentRecord>(e.body);
    r.harm.injury = record::Injury::Unknown;
    r.harm.damageDetail.clear();
    r.source.verification = record::Verification::Unverified;
    return e;
}

QDateTime utc(int y, int m, int d, int h, int min) { return QDateTime(QDate(y, m, d), QTime(h, min), Qt::UTC); }

const store::Actor kJo {u"Jo Fletcher"_s, u"Support worker"_s, u"Fairview Lodge"_s};
const store::Actor kDee {u"Dee Marsh"_s, u"Team leader"_s, u"Fairview Lodge"_s};

store::EntryDetail twoRevisions()
{
    store::EntryDetail d;
    d.summary.id = u"entry-0001"_s;
    d.summary.personId = u"person-0001"_s;
    d.summary.personName = u"Sam Rivers"_s;
    d.summary.incident = true;
    d.summary.status = store::EntryStatus::Amended;
    d.summary.revisions = 2;
    d.summary.author = kJo;
    const record::Entry after = completeIncident();
    d.summary.eventDate = after.eventDate;
    d.summary.summary = record::summaryLine(after);

    store::Revision first;
    first.number = 1;
    first.entry = firstRevisionOf(after);
    first.author = kJo;
    first.writtenAt = utc(2025, 8, 3, 9, 15);
    first.hash = u"3f9a0c41d2b7e8f5a6c1d0e9b8a7f6e5d4c3b2a1908f7e6d5c4b3a2918f7e6d5"_s;
    store::SnapshotPrompt open = prompt(u"/incident/harm/property_damage_detail"_s, u"blank"_s,
        u"The damage is not described."_s, u"What was damaged, and how badly?"_s);
    open.severity = u"info"_s;
    open.leftReason = u"Not seen the room yet; I will look at it with Sam this afternoon."_s;
    first.snapshot.prompts.push_back(open);

    store::Revision second;
    second.number = 2;
    second.entry = after;
    second.author = kDee;
    second.writtenAt = utc(2025, 8, 4, 14, 5);
    second.reason = u"Added the damage after seeing the room on 3 August. Alex confirmed nobody was hurt and the "
                    u"night log matches his account."_s;
    second.hash = u"a41c9e07b3d25f68e1a0c9b8d7e6f5a4b3c2d1e0f9a8b7c6d5e4f3a2b1c0d9e8"_s;
    d.revisions = {first, second};
    return d;
}

// Two revisions of a general note that differ in the note's text only.
store::EntryDetail twoNotes()
{
    store::EntryDetail d;
    d.summary.id = u"E-1"_s;
    d.summary.personName = u"Sam Rivers"_s;
    d.summary.status = store::EntryStatus::Amended;
    store::Revision first;
    first.number = 1;
    first.entry = testing::note(u"Sam and I met in the lounge at 14:00."_s);
    first.author = kJo;
    first.writtenAt = utc(2026, 3, 1, 9, 0);
    first.hash = u"11"_s;
    store::Revision second = first;
    second.number = 2;
    std::get<record::GeneralNote>(second.entry.body).text = u"Sam and I met in the garden at 14:00."_s;
    second.author = kDee;
    second.writtenAt = utc(2026, 3, 3, 14, 5);
    second.reason = u"It was the garden, not the lounge."_s;
    second.hash = u"22"_s;
    d.revisions = {first, second};
    return d;
}

int count(const QString &haystack, const QString &needle) { return int(haystack.count(needle)); }

} // namespace

CATCH_REGISTER_LISTENER(QApplicationCloser)

// ---- FinaliseDialog ---------------------------------------------------------------------------------

TEST_CASE("finalise stays disabled until every open question has a reason", "[ui][dialogs][finalise]")
{
    app();
    FinaliseDialog dialog(threePrompts(), false);
    REQUIRE(dialog.reasonEdits().size() == 3);
    CHECK_FALSE(dialog.finaliseButton()->isEnabled());
    CHECK(dialog.missingText() == u"To finalise, give reasons for 3 open questions."_s);

    dialog.reasonEdits()[0]->setText(u"Not known yet"_s);
    dialog.reasonEdits()[1]->setText(u"Asked the night manager"_s);
    CHECK_FALSE(dialog.finaliseButton()->isEnabled());
    CHECK(dialog.missingText() == u"To finalise, give a reason for 1 open question."_s);

    dialog.reasonEdits()[2]->setText(u"   "_s); // white space is not a reason
    CHECK_FALSE(dialog.finaliseButton()->isEnabled());

    dialog.reasonEdits()[2]->setText(u"The previous provider's file gives no date"_s);
    CHECK(dialog.finaliseButton()->isEnabled());
    CHECK(dialog.missingText().startsWith(u"Every open question has a reason."_s));
}

TEST_CASE("same reason for all fills every empty box and keeps reasons already written", "[ui][dialogs][finalise]")
{
    app();
    FinaliseDialog dialog(threePrompts(), false);
    REQUIRE(dialog.sameReasonEdit());
    CHECK_FALSE(dialog.sameReasonButton()->isEnabled()); // nothing to copy yet

    dialog.reasonEdits()[1]->setText(u"Asked the night manager"_s);
    dialog.sameReasonEdit()->setText(u"  Not known yet; asked the previous provider  "_s);
    REQUIRE(dialog.sameReasonButton()->isEnabled());
    QTest::mouseClick(dialog.sameReasonButton(), Qt::LeftButton);

    CHECK(dialog.reasonEdits()[0]->text() == u"Not known yet; asked the previous provider"_s);
    CHECK(dialog.reasonEdits()[1]->text() == u"Asked the night manager"_s);
    CHECK(dialog.reasonEdits()[2]->text() == u"Not known yet; asked the previous provider"_s);
    CHECK(dialog.finaliseButton()->isEnabled());
    CHECK_FALSE(dialog.sameReasonButton()->isEnabled()); // no empty box left
}

TEST_CASE("left reasons are keyed by store::promptKey and answer every prompt", "[ui][dialogs][finalise]")
{
    app();
    const store::Snapshot preview = threePrompts();
    FinaliseDialog dialog(preview, false);
    int i = 0;
    for (QLineEdit *edit : dialog.reasonEdits())
        edit->setText(u" reason %1 "_s.arg(++i));

    const QHash<QString, QString> reasons = dialog.leftReasons();
    CHECK(reasons.size() == 3);
    CHECK(reasons.value(store::promptKey(u"no-source"_s, u"/incident/source/type"_s)) == u"reason 1"_s);
    CHECK(reasons.value(store::promptKey(u"blank"_s, u"/incident/harm/injury"_s)) == u"reason 2"_s);
    CHECK(reasons.value(store::promptKey(u"blank"_s, u"/event_date/precision"_s)) == u"reason 3"_s);
    CHECK(store::unanswered(preview, reasons).empty()); // what the store checks before it finalises
    CHECK(dialog.amendReason().isEmpty());
}

TEST_CASE("go to this question emits the prompt's field and closes the dialog", "[ui][dialogs][finalise]")
{
    app();
    FinaliseDialog dialog(threePrompts(), false);
    dialog.show();
    QSignalSpy spy(&dialog, &FinaliseDialog::goToField);
    const auto buttons = dialog.findChildren<QPushButton *>(u"goToFieldButton"_s);
    REQUIRE(buttons.size() == 3);
    QTest::mouseClick(buttons[1], Qt::LeftButton);
    REQUIRE(spy.count() == 1);
    CHECK(spy.at(0).at(0).toString() == u"/incident/harm/injury"_s);
    CHECK(dialog.result() == QDialog::Rejected);
    CHECK_FALSE(dialog.isVisible());
}

TEST_CASE("an amendment also needs its reason before it can be finalised", "[ui][dialogs][finalise]")
{
    app();
    store::Snapshot one;
    one.prompts.push_back(threePrompts().prompts.front());
    FinaliseDialog dialog(one, true);
    REQUIRE(dialog.amendReasonEdit());
    CHECK(
        dialog.missingText() == u"To finalise, give the reason for the amendment and a reason for 1 open question."_s);
    dialog.reasonEdits()[0]->setText(u"Not known yet"_s);
    CHECK_FALSE(dialog.finaliseButton()->isEnabled());
    dialog.amendReasonEdit()->setPlainText(u"\n  The date was wrong: the fire service report gives 3 March.\n"_s);
    CHECK(dialog.finaliseButton()->isEnabled());
    CHECK(dialog.amendReason() == u"The date was wrong: the fire service report gives 3 March."_s);
}

TEST_CASE("with nothing open, finalising needs just a click", "[ui][dialogs][finalise]")
{
    app();
    FinaliseDialog dialog(store::Snapshot {}, false);
    const auto *nothing = dialog.findChild<QLabel *>(u"nothingOpenLabel"_s);
    REQUIRE(nothing);
    CHECK(nothing->text() == u"Nothing is left open."_s);
    CHECK(dialog.finaliseButton()->isEnabled());
    CHECK(dialog.finaliseButton()->isDefault());
    dialog.show();
    QTest::mouseClick(dialog.finaliseButton(), Qt::LeftButton);
    CHECK(dialog.result() == QDialog::Accepted);
    CHECK(dialog.leftReasons().isEmpty());
}

TEST_CASE("the legacy example's 17 open questions scroll, and Enter never finalises", "[ui][dialogs][finalise]")
{
    app();
    const store::Snapshot preview = legacySnapshot();
    REQUIRE(preview.prompts.size() == 17);
    REQUIRE(preview.findings.size() == 3);
    FinaliseDialog dialog(preview, false);
    dialog.show();
    REQUIRE(QTest::qWaitForWindowActive(&dialog));
    CHECK(dialog.reasonEdits().size() == 17);
    CHECK(QApplication::focusWidget() == dialog.reasonEdits()[0]); // the first thing to type
    CHECK(dialog.reasonEdits()[0]->nextInFocusChain() == dialog.findChildren<QPushButton *>(u"goToFieldButton"_s)[0]);
    CHECK(dialog.findChildren<QLabel *>(u"keptFindingLabel"_s).size() == 3);
    CHECK(dialog.height() <= dialog.screen()->availableGeometry().height());
    auto *scroll = dialog.findChild<QScrollArea *>(u"finaliseScrollArea"_s);
    REQUIRE(scroll);
    CHECK(scroll->widget()->height() > scroll->viewport()->height());

    // Enter moves from one reason to the next; it does not finalise, even with every reason given.
    QLineEdit *first = dialog.reasonEdits()[0];
    first->setFocus();
    QTest::keyClicks(first, u"Not known"_s);
    QTest::keyClick(first, Qt::Key_Return);
    CHECK(dialog.isVisible());
    CHECK(dialog.reasonEdits()[1]->hasFocus());
    for (QLineEdit *edit : dialog.reasonEdits())
        edit->setText(u"Copied from the previous provider's file; not yet checked"_s);
    QLineEdit *last = dialog.reasonEdits().back();
    last->setFocus();
    QTest::keyClick(last, Qt::Key_Return);
    CHECK(dialog.isVisible());
    CHECK(dialog.finaliseButton()->hasFocus());
    CHECK(store::unanswered(preview, dialog.leftReasons()).empty());
}

TEST_CASE("prompts and findings name their field as the editor's sections do", "[ui][dialogs][finalise]")
{
    CHECK(FinaliseDialog::fieldTitle(u"/incident/harm/injury"_s) == u"Harm › Injury"_s);
    CHECK(FinaliseDialog::fieldTitle(u"/incident/what_happened"_s) == u"What happened"_s);
    CHECK(FinaliseDialog::fieldTitle(u"/note/text"_s) == u"Note"_s);
    CHECK(FinaliseDialog::fieldTitle(u"/incident/source/type"_s) == u"How we know › Source"_s);
    CHECK(FinaliseDialog::fieldTitle(u"/event_date/precision"_s) == u"When and where › Event date"_s);
    CHECK(FinaliseDialog::fieldTitle(u"/incident/own_account/reason"_s) == u"The person's view › Why"_s);
    CHECK(FinaliseDialog::fieldTitle(u"/incident/safety/home_fire_safety_visit_date"_s)
        == u"Safety plan › Home fire safety visit date"_s);
}

// ---- ReasonDialog -----------------------------------------------------------------------------------

TEST_CASE("the reason dialog refuses a blank reason", "[ui][dialogs][reason]")
{
    app();
    ReasonDialog dialog(u"Mark this entry in error"_s, u"The entry stays readable."_s,
        u"For example: written in the wrong person's file"_s, u"Mark in error"_s);
    CHECK(dialog.okButton()->text() == u"Mark in error"_s);
    CHECK_FALSE(dialog.okButton()->isEnabled());
    dialog.reasonEdit()->setPlainText(u"  \n\t "_s);
    CHECK_FALSE(dialog.okButton()->isEnabled());
    dialog.reasonEdit()->setPlainText(u"\nWritten in the wrong person's file.  "_s);
    CHECK(dialog.okButton()->isEnabled());
    CHECK(dialog.reason() == u"Written in the wrong person's file."_s);
}

TEST_CASE("asking for a reason returns it, or nothing when cancelled", "[ui][dialogs][reason]")
{
    app();
    whenModal([](QWidget *modal) {
        auto *d = qobject_cast<ReasonDialog *>(modal);
        REQUIRE(d);
        QTest::keyClicks(d->reasonEdit(), u"Written in the wrong person's file"_s);
        QTest::keyClick(d->reasonEdit(), Qt::Key_Return, Qt::ControlModifier); // Ctrl+Enter confirms
    });
    CHECK(ReasonDialog::ask(nullptr, u"Mark this entry in error"_s, u"Why?"_s, QString(), u"Mark in error"_s)
        == std::optional<QString>(u"Written in the wrong person's file"_s));

    whenModal([](QWidget *modal) {
        auto *d = qobject_cast<ReasonDialog *>(modal);
        REQUIRE(d);
        QTest::keyClicks(d->reasonEdit(), u"Something"_s);
        QTest::keyClick(d, Qt::Key_Escape);
    });
    CHECK_FALSE(ReasonDialog::ask(nullptr, u"Amend this entry"_s, u"Why?"_s, QString(), u"Amend"_s).has_value());

    whenModal([](QWidget *modal) {
        auto *d = qobject_cast<ReasonDialog *>(modal);
        REQUIRE(d);
        QTest::keyClick(d->reasonEdit(), Qt::Key_Return, Qt::ControlModifier); // blank: nothing happens
        CHECK(d->isVisible());
        d->reject();
    });
    CHECK_FALSE(ReasonDialog::ask(nullptr, u"Amend this entry"_s, u"Why?"_s, QString(), u"Amend"_s).has_value());
}

// ---- HistoryDialog ----------------------------------------------------------------------------------

TEST_CASE("history lists the revisions newest first and starts in the list", "[ui][dialogs][history]")
{
    app();
    HistoryDialog dialog(twoNotes());
    QListWidget *list = dialog.revisionList();
    REQUIRE(list->count() == 2);
    CHECK(list->item(0)->text()
        == u"Revision 2 — amended by Dee Marsh (Team leader), "_s + HistoryDialog::displayTime(utc(2026, 3, 3, 14, 5)));
    CHECK(list->item(1)->text().startsWith(u"Revision 1 — written by Jo Fletcher (Support worker), "_s));
    CHECK(list->currentRow() == 0);
    dialog.show();
    REQUIRE(QTest::qWaitForWindowActive(&dialog));
    CHECK(QApplication::focusWidget() == list);
    QTest::keyClick(list, Qt::Key_Escape);
    CHECK_FALSE(dialog.isVisible());
}

TEST_CASE("history marks exactly the changed fields as changed", "[ui][dialogs][history]")
{
    app();
    HistoryDialog dialog(twoNotes());
    CHECK(dialog.changedFields() == QStringList {u"/note/text"_s});
    const QString marker = u"● "_s + HistoryDialog::changedWord();
    QString shown = dialog.comparisonView()->toPlainText();
    CHECK(count(shown, marker) == 1);
    CHECK(shown.contains(u"Sam and I met in the lounge at 14:00."_s));
    CHECK(shown.contains(u"Sam and I met in the garden at 14:00."_s));
    CHECK_FALSE(shown.contains(u"People present"_s)); // unchanged: hidden while "Show only changes" is ticked
    CHECK(shown.contains(u"2 fields that are the same are hidden."_s));

    dialog.onlyChangesBox()->setChecked(false);
    shown = dialog.comparisonView()->toPlainText();
    CHECK(count(shown, marker) == 1);
    CHECK(shown.contains(u"People present"_s));

    CHECK(dialog.detailsView()->toPlainText().contains(
        u"Reason for the amendment: It was the garden, not the lounge."_s));

    dialog.revisionList()->setCurrentRow(1); // the first revision has nothing before it
    CHECK(dialog.changedFields().isEmpty());
    CHECK_FALSE(dialog.onlyChangesBox()->isEnabled());
    CHECK(count(dialog.comparisonView()->toPlainText(), marker) == 0);
    CHECK(
        dialog.detailsView()->toPlainText().contains(u"Written by Jo Fletcher (Support worker, Fairview Lodge) on "_s));
}

TEST_CASE("history compares an incident field by field, keeping fields that went away", "[ui][dialogs][history]")
{
    app();
    HistoryDialog dialog(twoRevisions());
    CHECK(dialog.changedFields()
        == QStringList({u"/incident/harm/injury"_s, u"/incident/harm/property_damage_detail"_s,
            u"/incident/source/verification"_s}));
    const QString details = dialog.detailsView()->toPlainText();
    CHECK(details.contains(u"Revision hash: a41c9e07"_s));

    record::Entry before = completeIncident();
    before.lateEntryReason = u"Written after the weekend"_s;
    const auto rows = HistoryDialog::compare(&before, completeIncident());
    const auto late
        = std::find_if(rows.begin(), rows.end(), [](const auto &r) { return r.pointer == u"/late_entry_reason"; });
    REQUIRE(late != rows.end());
    CHECK(late->changed);
    CHECK_FALSE(late->inAfter);
    CHECK(late->section == u"When and where"_s);
    CHECK(std::count_if(rows.begin(), rows.end(), [](const auto &r) { return r.changed; }) == 1);
}

TEST_CASE("history shows the prompts left open with their reasons", "[ui][dialogs][history]")
{
    app();
    HistoryDialog dialog(twoRevisions());
    dialog.revisionList()->setCurrentRow(1);
    const QString details = dialog.detailsView()->toPlainText();
    CHECK(details.contains(u"1 question was left open"_s));
    CHECK(details.contains(u"Harm › Damage in detail: The damage is not described."_s));
    CHECK(details.contains(u"Not seen the room yet"_s));
}

TEST_CASE("an entry marked in error has a banner with who, when and why", "[ui][dialogs][history]")
{
    app();
    store::EntryDetail d = twoNotes();
    d.summary.status = store::EntryStatus::InError;
    d.inError = store::InErrorMark {utc(2026, 3, 4, 9, 12), kDee, u"Written in the wrong person's file."_s};
    HistoryDialog dialog(d);
    const QString text = dialog.inErrorText();
    CHECK(text.contains(u"Dee Marsh (Team leader, Fairview Lodge)"_s));
    CHECK(text.contains(HistoryDialog::displayTime(utc(2026, 3, 4, 9, 12))));
    CHECK(text.contains(u"Written in the wrong person's file."_s));
    CHECK(dialog.findChild<QWidget *>(u"inErrorBanner"_s));
    // Accurate about where it still appears: a subject-access export shows it, marked in error.
    CHECK(text.contains(u"left out of referral summaries; a subject-access export still shows it, marked in error"_s));
    CHECK_FALSE(text.contains(u"summaries and exports"_s));

    HistoryDialog fine(twoNotes());
    CHECK(fine.inErrorText().isEmpty());
    CHECK_FALSE(fine.findChild<QWidget *>(u"inErrorBanner"_s));
}

TEST_CASE("a draft of an amendment is listed first as not final", "[ui][dialogs][history]")
{
    app();
    store::EntryDetail d = twoNotes();
    store::Draft draft;
    draft.entry = d.revisions.back().entry;
    std::get<record::GeneralNote>(draft.entry.body).text = u"Sam and I met in the garden at 14:30."_s;
    draft.author = kJo;
    draft.startedAt = utc(2026, 3, 5, 9, 0);
    draft.updatedAt = utc(2026, 3, 5, 10, 0);
    draft.baseRevision = 2;
    d.draft = draft;
    HistoryDialog dialog(d);
    QListWidget *list = dialog.revisionList();
    REQUIRE(list->count() == 3);
    CHECK(list->item(0)->text().startsWith(u"Draft (not final) by Jo Fletcher (Support worker), last saved "_s));
    CHECK(list->currentRow() == 1); // the record as it stands
    list->setCurrentRow(0);
    CHECK(dialog.changedFields() == QStringList {u"/note/text"_s});
    CHECK(dialog.detailsView()->toPlainText().contains(u"not part of the record until it is finalised"_s));
}

TEST_CASE("times are shown in UK format", "[ui][dialogs][history]")
{
    CHECK(HistoryDialog::displayTime(QDateTime(QDate(2026, 3, 3), QTime(14, 5))) == u"3 March 2026, 14:05"_s);
}

// ---- AuthorDialog -----------------------------------------------------------------------------------

TEST_CASE("your details need a name, and are returned trimmed", "[ui][dialogs][author]")
{
    app();
    AuthorDialog dialog(store::Actor {});
    CHECK_FALSE(dialog.okButton()->isEnabled());
    dialog.nameEdit()->setText(u"   "_s);
    CHECK_FALSE(dialog.okButton()->isEnabled());
    dialog.nameEdit()->setText(u"  Jo Fletcher "_s);
    dialog.roleEdit()->setText(u" Support worker"_s);
    dialog.organisationEdit()->setText(u"Fairview Lodge  "_s);
    CHECK(dialog.okButton()->isEnabled());
    CHECK(dialog.actor() == kJo);

    AuthorDialog again(kJo);
    CHECK(again.okButton()->isEnabled());
    CHECK(again.actor() == kJo);
}

// ---- PersonDialog -----------------------------------------------------------------------------------

TEST_CASE("a person round-trips through the person dialog with their id", "[ui][dialogs][person]")
{
    app();
    const record::Person sam {
        u"person-0001"_s, u"Sam Rivers"_s, {u"Sammy Rivers"_s, u"Sam Rivvers"_s}, QDate(1988, 4, 2)};
    PersonDialog dialog(sam);
    CHECK(dialog.okButton()->isEnabled());
    CHECK(dialog.dateOfBirthField()->lineEdit()->text() == u"2 April 1988"_s);
    CHECK(dialog.person() == sam);

    dialog.otherNamesEdit()->setText(u" Sammy Rivers ,, Sam Rivvers, Sammy Rivers,"_s);
    CHECK(dialog.person().otherNames == QStringList({u"Sammy Rivers"_s, u"Sam Rivvers"_s}));
    dialog.nameEdit()->clear();
    CHECK_FALSE(dialog.okButton()->isEnabled());
}

TEST_CASE("the date of birth is the date typed, and stays unknown unless one is typed", "[ui][dialogs][person]")
{
    app();
    PersonDialog dialog(record::Person {});
    dialog.show();
    dialog.nameEdit()->setText(u"Kevin Dean"_s);
    DateField *dob = dialog.dateOfBirthField();
    CHECK(dob->isBlank());
    CHECK(dialog.okButton()->isEnabled());
    CHECK_FALSE(dialog.person().dateOfBirth.isValid());
    CHECK(dialog.person().id.isEmpty());

    // Typed as a person types it: day first, whatever today's date is.
    dob->lineEdit()->setFocus();
    QTest::keyClicks(dob->lineEdit(), u"5/11/1979"_s);
    QTest::keyClick(dob->lineEdit(), Qt::Key_Tab);
    CHECK(dialog.okButton()->isEnabled());
    CHECK(dialog.person().dateOfBirth == QDate(1979, 11, 5));
    CHECK(dob->lineEdit()->text() == u"5 November 1979"_s); // shown back as it was read

    // A date that cannot be read is refused beside the box, and nothing is saved in its place.
    dob->lineEdit()->setFocus();
    dob->lineEdit()->selectAll();
    QTest::keyClicks(dob->lineEdit(), u"31/2/1979"_s);
    QTest::keyClick(dob->lineEdit(), Qt::Key_Tab);
    CHECK_FALSE(dialog.okButton()->isEnabled());
    CHECK_FALSE(dialog.person().dateOfBirth.isValid());
    CHECK(dob->messageLabel()->isVisible());
    CHECK(dob->messageLabel()->text().contains(u"February 1979 has 28 days"_s));

    // After today: refused too.
    dob->lineEdit()->setFocus();
    dob->lineEdit()->selectAll();
    QTest::keyClicks(dob->lineEdit(), QDate::currentDate().addDays(1).toString(u"d/M/yyyy"_s));
    QTest::keyClick(dob->lineEdit(), Qt::Key_Tab);
    CHECK_FALSE(dialog.okButton()->isEnabled());
    CHECK(dob->messageLabel()->text().contains(u"after today"_s));

    // Emptied: not known, and the person can be saved.
    dob->lineEdit()->clear();
    CHECK(dialog.okButton()->isEnabled());
    CHECK_FALSE(dialog.person().dateOfBirth.isValid());
}

// ---- the event date and optional dates: nothing is guessed -----------------------------------------

namespace {
void choosePrecision(EventDateEdit &e, record::DatePrecision p)
{
    e.precisionBox()->setCurrentIndex(e.precisionBox()->findText(record::title(p)));
}
void typeInto(DateField *field, const QString &text)
{
    field->lineEdit()->setFocus();
    field->lineEdit()->selectAll();
    QTest::keyClicks(field->lineEdit(), text);
    QTest::keyClick(field->lineEdit(), Qt::Key_Tab);
}
} // namespace

TEST_CASE("choosing a date precision guesses no date: it stays blank until one is entered", "[ui][dialogs][form]")
{
    app();
    EventDateEdit e;
    e.setAccessibleName(u"When it happened"_s);
    CHECK(e.accessibleName() == u"When it happened"_s);
    e.show();
    for (const auto p : {record::DatePrecision::Exact, record::DatePrecision::Day, record::DatePrecision::Month,
                         record::DatePrecision::Year, record::DatePrecision::Range}) {
        choosePrecision(e, p);
        INFO(record::title(p).toStdString());
        const record::EventDate d = e.value();
        CHECK_FALSE(d.precision); // not answered: no today, no current hour, no current year
        CHECK_FALSE(d.date.isValid());
        CHECK_FALSE(d.exact.isValid());
    }
    auto *day = e.findChild<DateField *>(u"day"_s);
    REQUIRE(day);
    CHECK(day->isBlank());
    CHECK(day->lineEdit()->placeholderText().startsWith(u"Type the date"_s));
    CHECK(e.findChild<DateField *>(u"year"_s)->isBlank());

    // Typed, it is the answer.
    choosePrecision(e, record::DatePrecision::Day);
    typeInto(day, u"5 March 2024"_s);
    CHECK(e.value().precision == record::DatePrecision::Day);
    CHECK(e.value().date == QDate(2024, 3, 5));

    choosePrecision(e, record::DatePrecision::Month);
    CHECK_FALSE(e.value().precision);
    typeInto(e.findChild<DateField *>(u"month"_s), u"Sept 2023"_s);
    CHECK(e.value().precision == record::DatePrecision::Month);
    CHECK(e.value().date == QDate(2023, 9, 1));

    choosePrecision(e, record::DatePrecision::Year);
    typeInto(e.findChild<DateField *>(u"year"_s), u"2023"_s);
    CHECK(e.value().precision == record::DatePrecision::Year);
    CHECK(e.value().date == QDate(2023, 1, 1));

    // Exact needs the date and the time, both entered.
    choosePrecision(e, record::DatePrecision::Exact);
    auto *exactDate = e.findChild<DateField *>(u"exactDate"_s);
    auto *time = e.findChild<QLineEdit *>(u"exactTime"_s);
    typeInto(exactDate, u"2024-03-05"_s);
    CHECK_FALSE(e.value().precision);
    time->setText(u"14:05"_s);
    CHECK(e.value().exact == QDateTime(QDate(2024, 3, 5), QTime(14, 5), Qt::UTC));

    // Loading another entry leaves nothing behind from this one.
    e.setValue({});
    choosePrecision(e, record::DatePrecision::Day);
    CHECK_FALSE(e.value().precision);
    CHECK_FALSE(day->isEntered());
    CHECK(day->isBlank());
}

TEST_CASE("a date typed at another precision than its box holds is refused, never cut to fit", "[ui][dialogs][form]")
{
    app();
    EventDateEdit e;
    e.show();
    choosePrecision(e, record::DatePrecision::Month);
    auto *month = e.findChild<DateField *>(u"month"_s);
    typeInto(month, u"20 September 2026"_s);
    CHECK_FALSE(e.value().precision);
    CHECK(month->messageLabel()->isVisible());
    CHECK(month->problem().contains(u"choose “Day”"_s));
    choosePrecision(e, record::DatePrecision::Day);
    auto *day = e.findChild<DateField *>(u"day"_s);
    typeInto(day, u"September 2026"_s);
    CHECK_FALSE(e.value().precision);
    CHECK(day->problem().contains(u"whole date"_s));
}

TEST_CASE("a date range that ends before it starts is refused beside its last date, never changed", "[ui][dialogs][form]")
{
    app();
    EventDateEdit e;
    e.show();
    choosePrecision(e, record::DatePrecision::Range);
    auto *from = e.findChild<DateField *>(u"from"_s);
    auto *to = e.findChild<DateField *>(u"to"_s);
    typeInto(from, u"10/3/2024"_s);
    CHECK_FALSE(e.value().precision); // one end only
    typeInto(to, u"1/3/2024"_s);       // before the start: refused, and left as typed
    CHECK_FALSE(e.value().precision);
    CHECK(to->lineEdit()->text() == u"1/3/2024"_s);
    CHECK(to->problem().contains(u"before the first"_s));
    typeInto(to, u"20/3/2024"_s);
    record::EventDate d = e.value();
    REQUIRE(d.precision == record::DatePrecision::Range);
    CHECK(d.date == QDate(2024, 3, 10));
    CHECK(d.rangeEnd == QDate(2024, 3, 20));
    typeInto(from, u"25/3/2024"_s); // the start moved past the end: the end is refused, not moved
    CHECK_FALSE(e.value().precision);
    CHECK(to->lineEdit()->text() == u"20 March 2024"_s);
    CHECK(to->problem().contains(u"before the first"_s));
}

TEST_CASE("an optional date is no date until one is typed, and empty again is not known", "[ui][dialogs][form]")
{
    app();
    OptionalDateEdit e(u"Date of that status"_s);
    e.show();
    CHECK(e.accessibleName() == u"Date of that status"_s);
    CHECK_FALSE(e.date().isValid());
    typeInto(e.field(), u"2 January 2025"_s);
    CHECK(e.date() == QDate(2025, 1, 2));
    e.field()->lineEdit()->clear();
    CHECK_FALSE(e.date().isValid());
}

// ---- OpenFailedDialog -------------------------------------------------------------------------------

TEST_CASE("the open-failed dialog says which file and what is wrong, in a sentence", "[ui][dialogs][open]")
{
    app();
    const store::StoreError error {store::ErrorCode::Busy,
        u"/home/jo/casefile.db is in use by another program; "
        u"close it and try again"_s};
    OpenFailedDialog dialog(u"/home/jo/casefile.db"_s, error);
    CHECK(dialog.reasonText() == u"/home/jo/casefile.db is in use by another program; close it and try again."_s);
    const store::StoreError lower {store::ErrorCode::Corrupt, u"the file is damaged."_s};
    OpenFailedDialog second(u"/tmp/x.db"_s, lower);
    CHECK(second.reasonText() == u"The file is damaged."_s);
    CHECK(second.findChild<QLabel *>(u"pathLabel"_s)->text() == QDir::toNativeSeparators(u"/tmp/x.db"_s));
    CHECK(second.openAnotherButton()->text() == u"&Open another case file…"_s);
    CHECK(second.createNewButton()->text() == u"&Create a new case file…"_s);
    CHECK(second.quitButton()->text() == u"&Quit"_s);
}

TEST_CASE("the open-failed dialog never capitalises a path at the start of the message", "[ui][dialogs][open]")
{
    app();
    const store::StoreError relative {store::ErrorCode::NotSqlite, u"u/notes.txt is not a Fairnote case file"_s};
    CHECK(OpenFailedDialog(u"u/notes.txt"_s, relative).reasonText() == u"u/notes.txt is not a Fairnote case file."_s);
    const store::StoreError bare {store::ErrorCode::NotSqlite, u"notes.txt is not a Fairnote case file"_s};
    CHECK(OpenFailedDialog(u"notes.txt"_s, bare).reasonText() == u"notes.txt is not a Fairnote case file."_s);
    const store::StoreError spaced {store::ErrorCode::NotSqlite, u"my notes is not a Fairnote case file"_s};
    CHECK(OpenFailedDialog(u"my notes"_s, spaced).reasonText() == u"my notes is not a Fairnote case file."_s);
    const store::StoreError words {store::ErrorCode::Corrupt, u"the file is damaged"_s};
    CHECK(OpenFailedDialog(u"/tmp/x.db"_s, words).reasonText() == u"The file is damaged."_s);
}

TEST_CASE("the open-failed dialog returns the choice clicked", "[ui][dialogs][open]")
{
    app();
    const store::StoreError error {store::ErrorCode::NotSqlite, u"x is not a Fairnote case file."_s};
    using Choice = OpenFailedDialog::Choice;
    const std::vector<std::pair<const char *, Choice>> cases {{"openAnotherButton", Choice::OpenAnother},
        {"createNewButton", Choice::CreateNew}, {"quitButton", Choice::Quit}};
    for (const auto &[name, expected] : cases) {
        const QString button = QString::fromLatin1(name);
        whenModal([button](QWidget *modal) {
            auto *b = modal->findChild<QPushButton *>(button);
            REQUIRE(b);
            QTest::mouseClick(b, Qt::LeftButton);
        });
        CHECK(OpenFailedDialog::ask(nullptr, u"/tmp/x"_s, error) == expected);
    }
    whenModal([](QWidget *modal) { QTest::keyClick(modal, Qt::Key_Escape); });
    CHECK(OpenFailedDialog::ask(nullptr, u"/tmp/x"_s, error) == Choice::Quit);
}

TEST_CASE("choosing a new case file never picks one that exists", "[ui][dialogs][open]")
{
    app();
    QTemporaryDir dir;
    const QString existing = dir.filePath(u"casefile.db"_s);
    QFile(existing).open(QIODevice::WriteOnly);
    int step = 0;
    // The file dialog: first the existing name (refused with a message), then a new name.
    std::function<void()> drive = [&] {
        QWidget *modal = QApplication::activeModalWidget();
        if (auto *box = qobject_cast<QMessageBox *>(modal)) {
            CHECK(box->text().contains(u"never replaces a case file"_s));
            box->accept();
        } else if (auto *files = qobject_cast<QFileDialog *>(modal)) {
            // Typed into the file name box, as a worker would (selectFile() leaves a focused box alone).
            auto *name = files->findChild<QLineEdit *>(u"fileNameEdit"_s);
            REQUIRE(name);
            name->setText(step == 0 ? existing : dir.filePath(u"new-casefile"_s));
            ++step;
            static_cast<QDialog *>(files)->accept(); // QFileDialog hides accept(); QDialog's is public
        }
        if (step < 3)
            QTimer::singleShot(50, drive);
    };
    QTimer::singleShot(50, drive);
    const QString chosen = OpenFailedDialog::chooseFile(nullptr, true);
    CHECK(chosen == dir.filePath(u"new-casefile.db"_s));
    CHECK(step == 2);
}

// ---- Screenshots (hidden) ---------------------------------------------------------------------------
// FAIRNOTE_SCREENSHOT_DIR=docs/screenshots xvfb-run -a build/…/tests/ui/test-ui-dialogs "[.screenshots]"

namespace {

void save(QWidget &w, const QString &name)
{
    const QString dir = qEnvironmentVariable("FAIRNOTE_SCREENSHOT_DIR");
    w.show();
    REQUIRE(QTest::qWaitForWindowExposed(&w));
    QTest::qWait(150);
    const QString path = QDir(dir).filePath(u"dialog-%1.png"_s.arg(name));
    REQUIRE(w.grab().save(path));
    WARN("wrote " << path.toStdString() << " (" << w.width() << "x" << w.height() << ")");
    w.close();
}

} // namespace

TEST_CASE("screenshots of the dialogs", "[.screenshots]")
{
    app();
    if (qEnvironmentVariableIsEmpty("FAIRNOTE_SCREENSHOT_DIR"))
        FAIL("set FAIRNOTE_SCREENSHOT_DIR to the folder for the pictures");

    {
        FinaliseDialog d(legacySnapshot(), false);
        d.reasonEdits()[0]->setText(u"Not in the previous provider's file; asked them on 20 November"_s);
        save(d, u"finalise"_s);
    }
    {
        ReasonDialog d(u"Mark this entry in error"_s,
            u"The entry stays in the case file and can still be read, marked as in error, with your reason, "
            u"your name and the time. It is left out of referral summaries; a subject-access export still shows it, marked in error."_s,
            u"For example: written in the wrong person's file"_s, u"Mark in error"_s);
        d.reasonEdit()->setPlainText(
            u"Written in the wrong person's file: this was about Sam Rivers, not Sam Rivera."_s);
        save(d, u"reason"_s);
    }
    {
        HistoryDialog d(twoRevisions());
        save(d, u"history"_s);
    }
    {
        store::EntryDetail detail = twoRevisions();
        detail.summary.status = store::EntryStatus::InError;
        detail.inError = store::InErrorMark {
            utc(2025, 8, 5, 9, 12), kDee, u"Written in the wrong person's file: this was about Sam Rivera."_s};
        HistoryDialog d(detail);
        d.onlyChangesBox()->setChecked(false);
        save(d, u"history-in-error"_s);
    }
    {
        AuthorDialog d(store::Actor {});
        d.nameEdit()->setText(u"Jo Fletcher"_s);
        d.roleEdit()->setText(u"Support worker"_s);
        save(d, u"author"_s);
    }
    {
        PersonDialog d(record::Person {});
        d.nameEdit()->setText(u"Kevin Dean"_s);
        d.otherNamesEdit()->setText(u"Kev Dean, Kevin Deane"_s);
        save(d, u"person"_s);
    }
    {
        OpenFailedDialog d(u"/home/jo/.local/share/Fairnote/Fairnote/casefile.db"_s,
            store::StoreError {store::ErrorCode::NotSqlite,
                u"/home/jo/.local/share/Fairnote/Fairnote/casefile.db is not a Fairnote "
                u"case file (it is not an SQLite database at all). Fairnote has not changed "
                u"it; check that this is the right file."_s});
        save(d, u"open-failed"_s);
    }
}
