// SPDX-FileCopyrightText: 2026 Fairnote contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// The app on a team server, on a real server: File › Connect to a team server… (a wrong password said
// in the dialog; the password kept in the keyring only when asked, never in the settings), the window
// saying which server and login, lock on idle, and a draft typed while the connection is lost kept
// on this computer and saved, once, when the server is back. The hidden "[.screenshots]" test draws
// docs/screenshots/server-*.png.
#include "postgres/pgtestsupport.h"
#include "uitestsupport.h"

#include "mainwindow.h"
#include "noteeditor.h"
#include "noticebar.h"
#include "recordeditor.h"
#include "server/connectdialog.h"
#include "server/idlelock.h"
#include "server/offlinedrafts.h"
#include "server/passwordstore.h"
#include "server/serversupport.h"
#include "store/postgres/open.h"

#include <QAction>
#include <QCheckBox>
#include <QDir>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QStatusBar>
#include <QTest>
#include <QTextEdit>

using namespace fairnote;
using namespace Qt::StringLiterals;
using namespace fairnote::testing;

namespace {

// The parts of the test server's connection, as a worker would type them into the dialog.
struct Parts
{
    QString host, database;
    int port = 5432;
};

Parts partsOf(const TestServer &server)
{
    Parts p;
    for (const QString &kv : store::pg::conninfoWith(server.superConninfo(), {}).split(u' ', Qt::SkipEmptyParts)) {
        const qsizetype eq = kv.indexOf(u'=');
        const QString key = kv.left(eq);
        QString value = kv.mid(eq + 1);
        if (value.startsWith(u'\''))
            value = value.mid(1, value.size() - 2);
        if (key == u"host")
            p.host = value;
        else if (key == u"port")
            p.port = value.toInt();
        else if (key == u"dbname")
            p.database = value;
    }
    return p;
}

struct Team
{
    TestServer server;
    Team()
    {
        server.addTeam(u"Night"_s);
        server.addStaff(u"jo"_s, u"Jo Fletcher"_s, u"worker"_s, {u"Night"_s});
    }
};

// The case note's text field of the window's editor.
ui::NoteEditor *noteText(ui::MainWindow &w)
{
    for (const auto &[pointer, editor] : w.recordEditor()->narratives())
        if (pointer == u"/note/text")
            return editor;
    FAIL("no note text field");
    return nullptr;
}

std::unique_ptr<ui::MainWindow> windowOn(std::unique_ptr<store::Store> store, QSettings *settings)
{
    uitest::app();
    static QTemporaryDir spelling;
    return std::make_unique<ui::MainWindow>(ui::LoadedRules{uitest::testChecker(), {}}, settings,
                                            uitest::noDictionaryOptions(spelling.path()), std::move(store));
}

} // namespace

TEST_CASE("Connecting to a team server: a wrong password is said in the dialog; the password is kept only in the keyring, and only when asked",
          "[postgres][ui]")
{
    uitest::app();
    Team team;
    uitest::TempSettings s;
    ui::server::MemoryPasswordStore keyring;
    const Parts parts = partsOf(team.server);
    {
        ui::server::ConnectDialog dialog(&s.settings, &keyring);
        dialog.hostField()->setText(parts.host);
        dialog.portField()->setValue(parts.port);
        dialog.databaseField()->setText(parts.database);
        dialog.loginField()->setText(team.server.login(u"jo"_s));
        dialog.passwordField()->setText(u"not my password"_s);
        CHECK_FALSE(dialog.connectNow());
        CHECK(dialog.problemLabel()->isVisibleTo(&dialog));
        CHECK(dialog.problemLabel()->text().contains(u"password authentication failed"_s));
        dialog.passwordField()->setText(kTestPassword);
        dialog.rememberBox()->setChecked(true);
        REQUIRE(dialog.connectNow());
        auto store = dialog.takeStore();
        REQUIRE(store);
        CHECK(store::postgres::sessionOf(*store)->actor.name == u"Jo Fletcher");
    }
    CHECK(keyring.size() == 1);
    s.settings.sync();
    QFile file(s.settings.fileName());
    REQUIRE(file.open(QIODevice::ReadOnly));
    const QByteArray saved = file.readAll();
    CHECK(saved.contains(team.server.login(u"jo"_s).toUtf8()));
    CHECK_FALSE(saved.contains(kTestPassword.toUtf8()));
    // Next time the dialog offers the kept password; unticking the box forgets it.
    ui::server::ConnectDialog again(&s.settings, &keyring);
    CHECK(again.passwordField()->text() == kTestPassword);
    again.rememberBox()->setChecked(false);
    REQUIRE(again.connectNow());
    CHECK(keyring.size() == 0);
}

TEST_CASE("A window on a team server says which server and login, and writes as the login", "[postgres][ui]")
{
    Team team;
    uitest::TempSettings s;
    store::saveAuthorToSettings(s.settings, store::Actor{u"Typed Name"_s, u"Anything"_s, {}});
    auto opened = store::postgres::openServer(team.server.conninfoAs(u"jo"_s));
    REQUIRE(opened.ok());
    auto w = windowOn(std::move(*opened), &s.settings);
    REQUIRE(w->serverSupport());
    CHECK(w->windowTitle().contains(team.server.database()));
    CHECK(w->windowTitle().contains(team.server.login(u"jo"_s)));
    CHECK(w->author().name == u"Jo Fletcher");
    const auto labels = w->statusBar()->findChildren<QLabel *>();
    bool says = false;
    for (const QLabel *l : labels)
        says = says || (l->text().contains(team.server.login(u"jo"_s)) && l->text().contains(u"Jo Fletcher"_s));
    CHECK(says);
    auto *details = w->findChild<QAction *>(u"authorAction"_s);
    REQUIRE(details);
    CHECK_FALSE(details->isEnabled());
}

TEST_CASE("Lock on idle hides the case records until the password is given again", "[postgres][ui]")
{
    Team team;
    uitest::TempSettings s;
    s.settings.setValue(u"server/lockAfterMinutes"_s, 10);
    auto opened = store::postgres::openServer(team.server.conninfoAs(u"jo"_s));
    REQUIRE(opened.ok());
    auto w = windowOn(std::move(*opened), &s.settings);
    record::Person alex;
    alex.name = u"Alex Smith"_s;
    REQUIRE(w->addPerson(alex));
    QWidget *content = w->centralWidget();
    ui::server::IdleLock *lock = w->serverSupport()->idleLock();
    CHECK(lock->minutes() == 10);
    lock->lock();
    CHECK(lock->isLocked());
    CHECK(w->centralWidget() == lock->lockPage());
    CHECK_FALSE(content->isVisible());
    auto *newNote = w->findChild<QAction *>(u"newNoteAction"_s);
    if (newNote)
        CHECK_FALSE(newNote->isEnabled());
    CHECK_FALSE(lock->unlockWith(u"wrong"_s));
    CHECK(lock->problemLabel()->text().contains(u"did not unlock"_s));
    CHECK(lock->isLocked());
    CHECK(lock->unlockWith(kTestPassword));
    CHECK_FALSE(lock->isLocked());
    CHECK(w->centralWidget() == content);
}

TEST_CASE("A draft typed while the server cannot be reached is kept on this computer and saved, once, when it is back", "[postgres][ui]")
{
    Team team;
    uitest::TempSettings s;
    auto opened = store::postgres::openServer(team.server.conninfoAs(u"jo"_s));
    REQUIRE(opened.ok());
    auto w = windowOn(std::move(*opened), &s.settings);
    record::Person alex;
    alex.name = u"Alex Smith"_s;
    REQUIRE(w->addPerson(alex));
    REQUIRE(w->newEntry(false));
    ui::NoteEditor *text = noteText(*w);
    text->setPlainText(u"Alex asked for help with the smoke alarm in his room."_s);
    REQUIRE(w->saveDraft());
    const QString id = w->currentEntryId();
    REQUIRE_FALSE(id.isEmpty());

    // The server goes away: the session is ended and the login cannot log in again.
    auto super = team.server.connectAsSuperuser();
    super->execOnce(u"ALTER ROLE %1 NOLOGIN"_s.arg(team.server.login(u"jo"_s)));
    super->exec("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE usename = $1", store::pg::Params{team.server.login(u"jo"_s)});
    text->setPlainText(u"Alex asked for help with the smoke alarm in his room. Staff replaced the battery."_s);
    QString error;
    CHECK_FALSE(w->saveDraft(&error));
    CHECK(w->notice()->isVisible());
    CHECK(w->serverSupport()->isOffline());
    auto kept = w->serverSupport()->offlineDrafts().all();
    REQUIRE(kept.size() == 1);
    CHECK(kept.front().entry.id == id);

    // It is back: the next save reaches it, and the copy kept here is forgotten.
    super->execOnce(u"ALTER ROLE %1 LOGIN"_s.arg(team.server.login(u"jo"_s)));
    REQUIRE(w->saveDraft(&error));
    CHECK_FALSE(w->serverSupport()->isOffline());
    CHECK(w->serverSupport()->offlineDrafts().all().empty());
    auto check = store::postgres::openServer(team.server.conninfoAs(u"jo"_s));
    REQUIRE(check.ok());
    auto entries = (*check)->entries({w->currentPersonId(), false, true}, {});
    REQUIRE(entries.ok());
    REQUIRE(entries->size() == 1);
    auto detail = (*check)->entry(id);
    REQUIRE(detail.ok());
    REQUIRE(detail->draft);
    CHECK(std::get<record::GeneralNote>(detail->draft->entry.body).text.contains(u"replaced the battery"_s));
}

TEST_CASE("A new entry whose first save was lost with the connection is saved once, under the id chosen before", "[postgres][ui]")
{
    Team team;
    uitest::TempSettings s;
    auto opened = store::postgres::openServer(team.server.conninfoAs(u"jo"_s));
    REQUIRE(opened.ok());
    auto w = windowOn(std::move(*opened), &s.settings);
    record::Person alex;
    alex.name = u"Alex Smith"_s;
    REQUIRE(w->addPerson(alex));
    REQUIRE(w->newEntry(false));
    ui::NoteEditor *text = noteText(*w);
    auto super = team.server.connectAsSuperuser();
    super->execOnce(u"ALTER ROLE %1 NOLOGIN"_s.arg(team.server.login(u"jo"_s)));
    super->exec("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE usename = $1", store::pg::Params{team.server.login(u"jo"_s)});
    text->setPlainText(u"Alex came back at 22:00."_s);
    CHECK_FALSE(w->saveDraft());
    CHECK(w->serverSupport()->isOffline());
    super->execOnce(u"ALTER ROLE %1 LOGIN"_s.arg(team.server.login(u"jo"_s)));
    REQUIRE(w->saveDraft());
    REQUIRE(w->saveDraft()); // nothing changed: nothing more
    text->setPlainText(u"Alex came back at 22:00 and went to bed."_s);
    REQUIRE(w->saveDraft());
    auto check = store::postgres::openServer(team.server.conninfoAs(u"jo"_s));
    REQUIRE(check.ok());
    auto entries = (*check)->entries({w->currentPersonId(), false, true}, {});
    REQUIRE(entries.ok());
    CHECK(entries->size() == 1);
}

// FAIRNOTE_SCREENSHOT_DIR=docs/screenshots xvfb-run -a -s "-screen 0 1366x800x24" BUILD/tests/postgres/test-postgres-ui "[.screenshots]"
TEST_CASE("screenshots of the app on a team server", "[.screenshots]")
{
    const QString dir = qEnvironmentVariable("FAIRNOTE_SCREENSHOT_DIR");
    REQUIRE_FALSE(dir.isEmpty());
    uitest::app();
    TestServer server;
    server.addTeam(u"Night"_s);
    server.addStaff(u"jo"_s, u"Jo Fletcher"_s, u"worker"_s, {u"Night"_s});
    uitest::TempSettings s;
    ui::server::MemoryPasswordStore keyring;
    const Parts parts = partsOf(server);
    {
        ui::server::ConnectDialog dialog(&s.settings, &keyring);
        dialog.hostField()->setText(u"fairnote.fairview-lodge.org.uk"_s);
        dialog.databaseField()->setText(u"fairnote"_s);
        dialog.loginField()->setText(u"jo.fletcher"_s);
        dialog.passwordField()->setText(u"password"_s);
        dialog.show();
        REQUIRE(QTest::qWaitForWindowExposed(&dialog));
        QTest::qWait(300);
        REQUIRE(dialog.grab().save(QDir(dir).filePath(u"server-connect.png"_s)));
    }
    auto opened = store::postgres::openServer(server.conninfoAs(u"jo"_s));
    REQUIRE(opened.ok());
    auto w = windowOn(std::move(*opened), &s.settings);
    record::Person alex;
    alex.name = u"Alex Smith"_s;
    REQUIRE(w->addPerson(alex));
    REQUIRE(w->newEntry(false));
    ui::NoteEditor *text = noteText(*w);
    text->setPlainText(u"Alex asked for help with the smoke alarm in his room at 21:30. Staff found the battery was flat and replaced it; "
                       "the alarm was tested and worked."_s);
    REQUIRE(w->saveDraft());
    w->resize(1280, 760);
    w->show();
    REQUIRE(QTest::qWaitForWindowExposed(w.get()));
    QTest::qWait(500);
    REQUIRE(w->grab().save(QDir(dir).filePath(u"server-window.png"_s)));
    w->serverSupport()->idleLock()->lock();
    QTest::qWait(300);
    REQUIRE(w->grab().save(QDir(dir).filePath(u"server-locked.png"_s)));
}
