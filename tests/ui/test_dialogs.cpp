// SPDX-FileCopyrightText: 2026 Fairnote contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// The case-file dialogs on their own: reason, your details, person, open failed.
// The hidden [.screenshots] test draws each one with invented data for docs/screenshots/.
#define CATCH_CONFIG_EXTERNAL_INTERFACES // for the event listener below
#include "authordialog.h"
#include "openfaileddialog.h"
#include "persondialog.h"
#include "reasondialog.h"

#include <QApplication>
#include <QCheckBox>
#include <QDateEdit>
#include <QDir>
#include <QFileDialog>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QScreen>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
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
        QStandardPaths::setTestModeEnabled(true);
        appSlot() = std::make_unique<QApplication>(argc, argv);
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

const store::Actor kJo {u"Jo Fletcher"_s, u"Support worker"_s, u"Fairview Lodge"_s};

} // namespace

CATCH_REGISTER_LISTENER(QApplicationCloser)

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
    CHECK(dialog.dateOfBirthKnownBox()->isChecked());
    CHECK(dialog.person() == sam);

    dialog.otherNamesEdit()->setText(u" Sammy Rivers ,, Sam Rivvers, Sammy Rivers,"_s);
    CHECK(dialog.person().otherNames == QStringList({u"Sammy Rivers"_s, u"Sam Rivvers"_s}));
    dialog.nameEdit()->clear();
    CHECK_FALSE(dialog.okButton()->isEnabled());
}

TEST_CASE("the date of birth stays unknown unless it is known and entered", "[ui][dialogs][person]")
{
    app();
    PersonDialog dialog(record::Person {});
    dialog.nameEdit()->setText(u"Kevin Dean"_s);
    CHECK_FALSE(dialog.dateOfBirthKnownBox()->isChecked());
    CHECK_FALSE(dialog.dateOfBirthEdit()->isEnabled());
    CHECK(dialog.dateOfBirthEdit()->text() == u"Not known"_s);
    CHECK(dialog.okButton()->isEnabled());
    CHECK_FALSE(dialog.person().dateOfBirth.isValid());
    CHECK(dialog.person().id.isEmpty());

    dialog.dateOfBirthKnownBox()->setChecked(true); // known, but not entered yet: no date is made up
    CHECK(dialog.dateOfBirthEdit()->isEnabled());
    CHECK_FALSE(dialog.okButton()->isEnabled());
    CHECK_FALSE(dialog.person().dateOfBirth.isValid());

    dialog.dateOfBirthEdit()->setDate(QDate(1979, 11, 5));
    CHECK(dialog.okButton()->isEnabled());
    CHECK(dialog.person().dateOfBirth == QDate(1979, 11, 5));
    CHECK(dialog.dateOfBirthEdit()->text() == u"5 November 1979"_s);

    dialog.dateOfBirthKnownBox()->setChecked(false);
    CHECK_FALSE(dialog.person().dateOfBirth.isValid());
    CHECK(dialog.dateOfBirthEdit()->text() == u"Not known"_s);
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
        ReasonDialog d(u"Mark this entry in error"_s,
            u"The entry stays in the case file and can still be read, marked as in error, with your reason, "
            u"your name and the time. It is left out of summaries and exports."_s,
            u"For example: written in the wrong person's file"_s, u"Mark in error"_s);
        d.reasonEdit()->setPlainText(
            u"Written in the wrong person's file: this was about Sam Rivers, not Sam Rivera."_s);
        save(d, u"reason"_s);
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
