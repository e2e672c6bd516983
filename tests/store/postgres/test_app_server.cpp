// SPDX-FileCopyrightText: 2026 Fairnote contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// The app's window on a team server (fairnote --server): it says which server and as whom, signs
// with the login's staff record whatever this computer has saved, and shows what the login may read.
#define CATCH_CONFIG_EXTERNAL_INTERFACES // for the event listener below
#include "pgtestsupport.h"

#include "connectdialog.h"
#include "elidedlabel.h"
#include "idlelock.h"
#include "loadedrules.h"
#include "mainwindow.h"
#include "noteeditor.h"
#include "noticebar.h"
#include "recordeditor.h"
#include "store/location.h"
#include "store/postgres/open.h"
#include "wording/rulepack.h"

#include <QAction>
#include <QApplication>
#include <QDialog>
#include <QDirIterator>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QTest>
#include <QListWidget>
#include <QSettings>
#include <QTemporaryDir>
#include <memory>

using namespace Qt::StringLiterals;
using namespace fairnote;
using fairnote::testing::TestServer;

namespace {

std::unique_ptr<QApplication> &appSlot()
{
    static std::unique_ptr<QApplication> instance;
    return instance;
}

QApplication &app()
{
    static int argc = 1;
    static char name[] = "test-app-server";
    static char *argv[] = {name, nullptr};
    if (!appSlot()) {
        qputenv("QT_QPA_PLATFORM", "offscreen");
        appSlot() = std::make_unique<QApplication>(argc, argv);
    }
    return *appSlot();
}

// Deletes the QApplication when the run ends, while Qt is still whole (as tests/ui does).
struct QApplicationCloser : Catch::TestEventListenerBase
{
    using TestEventListenerBase::TestEventListenerBase;
    void testRunEnded(const Catch::TestRunStats &) override { appSlot().reset(); }
};

ui::LoadedRules rules()
{
    auto pack = wording::loadRulePack();
    REQUIRE(pack.ok());
    return {std::make_shared<const wording::Checker>(std::move(*pack)), {}};
}

} // namespace

CATCH_REGISTER_LISTENER(QApplicationCloser)

TEST_CASE("on a team server the window names the server and the login, and signs as the login's staff record", "[app][server]")
{
    app();
    TestServer server;
    server.addTeam(u"Night team"_s);
    server.addStaff(u"jo"_s, u"Joanne Pike"_s, u"worker"_s, {u"Night team"_s});
    server.addStaff(u"kim"_s, u"Kim Doyle"_s, u"worker"_s, {u"Night team"_s});
    {
        auto asKim = store::postgres::openServer(server.conninfoAs(u"kim"_s));
        REQUIRE(asKim.ok());
        record::Person person;
        person.name = u"Sam Rivers"_s;
        REQUIRE((*asKim)->addPerson(person, {}).ok());
    }

    QTemporaryDir dir;
    QSettings settings(dir.filePath(u"settings.ini"_s), QSettings::IniFormat);
    // What this computer has saved is someone else's name: on a server it never signs anything.
    store::saveAuthorToSettings(settings, store::Actor{u"Someone Else"_s, u"Manager"_s, {}});
    auto s = store::postgres::openServer(server.conninfoAs(u"jo"_s));
    REQUIRE(s.ok());
    ui::MainWindow window(rules(), &settings, {}, std::move(*s));
    window.show();
    QCoreApplication::processEvents();

    CHECK(window.windowTitle().contains(server.database()));
    CHECK(window.windowTitle().contains(server.login(u"jo"_s)));
    auto *file = window.findChild<ui::ElidedLabel *>(u"statusCaseFile"_s);
    auto *author = window.findChild<ui::ElidedLabel *>(u"statusAuthor"_s);
    REQUIRE(file);
    REQUIRE(author);
    CHECK(file->fullText().startsWith(u"Team server:"_s));
    CHECK(author->fullText().contains(u"Joanne Pike"_s));
    CHECK_FALSE(author->fullText().contains(u"Someone Else"_s));
    // The person Kim added is on the team's caseload, so Jo reads them too.
    REQUIRE(window.peopleList()->count() == 1);
    CHECK(window.peopleList()->item(0)->text().contains(u"Sam Rivers"_s));
}

TEST_CASE("File › Connect to a team server opens the server in a new window as the login; a refused password opens nothing",
          "[app][server][connect]")
{
    app();
    TestServer server;
    server.addTeam(u"Night team"_s);
    server.addStaff(u"jo"_s, u"Joanne Pike"_s, u"worker"_s, {u"Night team"_s});
    const auto c = server.connectAs(u"jo"_s);

    QTemporaryDir dir;
    QSettings settings(dir.filePath(u"settings.ini"_s), QSettings::IniFormat);
    ui::ConnectDialog dialog(&settings);
    dialog.hostField()->setText(c->host());
    dialog.portField()->setText(c->port());
    dialog.databaseField()->setText(server.database());
    dialog.loginField()->setText(server.login(u"jo"_s));

    // No password, and the server asks for one: said beside the fields, and the dialog stays open.
    CHECK_FALSE(dialog.tryConnect());
    CHECK(dialog.errorLabel()->text().contains(u"asks for your password"_s));
    CHECK_FALSE(dialog.takeStore());
    // A wrong one: refused by the server.
    dialog.passwordField()->setText(u"wrong"_s);
    CHECK_FALSE(dialog.tryConnect());
    CHECK(dialog.errorLabel()->text().contains(u"did not accept"_s));
    CHECK(dialog.passwordField()->text().isEmpty());
    // A database that is not there: the server's words, and nothing opened.
    dialog.databaseField()->setText(server.database() + u"_missing"_s);
    dialog.passwordField()->setText(fairnote::testing::kTestPassword);
    CHECK_FALSE(dialog.tryConnect());
    CHECK(dialog.errorLabel()->text().contains(u"connect"_s));

    dialog.databaseField()->setText(server.database());
    dialog.passwordField()->setText(fairnote::testing::kTestPassword);
    REQUIRE(dialog.tryConnect());
    CHECK(dialog.result() == QDialog::Accepted);
    CHECK(dialog.passwordField()->text().isEmpty()); // the password leaves the dialog with the connection
    auto store = dialog.takeStore();
    REQUIRE(store);
    const auto session = store::postgres::sessionOf(*store);
    REQUIRE(session);
    CHECK(session->login == server.login(u"jo"_s));
    // The address (never the password) is kept for next time.
    const QStringList last = settings.value(u"server/last"_s).toStringList();
    REQUIRE(last.size() == 4);
    CHECK(last[2] == server.database());
    CHECK_FALSE(last.join(u' ').contains(fairnote::testing::kTestPassword));
    for (const QString &key : settings.allKeys())
        CHECK_FALSE(settings.value(key).toString().contains(fairnote::testing::kTestPassword));
    ui::ConnectDialog again(&settings);
    CHECK(again.loginField()->text() == server.login(u"jo"_s));
    CHECK(again.passwordField()->text().isEmpty());
}

TEST_CASE("a team server's window locks when left idle: every window covered, a refused password keeps it locked, the login's "
          "own unlocks, and the draft was saved first",
          "[app][server][lock]")
{
    app();
    TestServer server;
    server.addTeam(u"Night team"_s);
    server.addStaff(u"jo"_s, u"Joanne Pike"_s, u"worker"_s, {u"Night team"_s});
    QTemporaryDir dir;
    QSettings settings(dir.filePath(u"settings.ini"_s), QSettings::IniFormat);
    auto s = store::postgres::openServer(server.conninfoAs(u"jo"_s));
    REQUIRE(s.ok());
    ui::MainWindow window(rules(), &settings, {}, std::move(*s));
    window.show();
    QCoreApplication::processEvents();
    REQUIRE(window.idleLock());
    CHECK(window.idleLock()->minutes() == 10); // the default
    record::Person person;
    person.name = u"Sam Rivers"_s;
    REQUIRE(window.addPerson(person));
    REQUIRE(window.newEntry(false));
    REQUIRE_FALSE(window.recordEditor()->narratives().empty());
    QPlainTextEdit *narrative = window.recordEditor()->narratives().front().second;
    narrative->setFocus();
    QTest::keyClicks(narrative, u"Sam asked about a move to the ground floor."_s);
    REQUIRE(window.hasUnsavedChanges());

    window.idleLock()->setIdleInterval(50);
    QTRY_VERIFY_WITH_TIMEOUT(window.idleLock()->isLocked(), 5000);
    CHECK_FALSE(window.hasUnsavedChanges()); // saved before the covers went up
    const auto covers = window.idleLock()->covers();
    REQUIRE_FALSE(covers.empty());
    bool coversWindow = false;
    for (QWidget *cover : covers)
        coversWindow = coversWindow || (cover->parentWidget() == &window && cover->isVisible() && cover->geometry() == window.rect());
    CHECK(coversWindow);
    REQUIRE(window.idleLock()->dialog());
    CHECK(window.idleLock()->dialog()->isVisible());
    // Escape leaves it locked.
    QTest::keyClick(window.idleLock()->dialog(), Qt::Key_Escape);
    CHECK(window.idleLock()->isLocked());

    QString error;
    CHECK_FALSE(window.idleLock()->unlock(u"not her password"_s, &error));
    CHECK(error.contains(u"not accepted"_s));
    CHECK(window.idleLock()->isLocked());
    CHECK_FALSE(window.idleLock()->covers().empty());

    window.idleLock()->passwordField()->setText(fairnote::testing::kTestPassword);
    QTest::keyClick(window.idleLock()->passwordField(), Qt::Key_Return);
    CHECK_FALSE(window.idleLock()->isLocked());
    CHECK(window.idleLock()->covers().empty());
    // The text is still there to go on with.
    CHECK(narrative->toPlainText().contains(u"ground floor"_s));

    // File › Lock does the same at once.
    window.idleLock()->setIdleInterval(0);
    window.findChild<QAction *>(u"lockAction"_s)->trigger();
    CHECK(window.idleLock()->isLocked());
    CHECK(window.idleLock()->unlock(fairnote::testing::kTestPassword));
}

TEST_CASE("a draft typed while the server cannot be reached is kept on this computer and saved when the server is back, "
          "in the same window or the next one",
          "[app][server][kept-drafts]")
{
    app();
    TestServer server;
    server.addTeam(u"Night team"_s);
    server.addStaff(u"jo"_s, u"Joanne Pike"_s, u"worker"_s, {u"Night team"_s});
    QTemporaryDir dir;
    // Where the app keeps its data (QStandardPaths' AppLocalDataLocation): in the test's own folder.
    const QByteArray dataHomeWas = qgetenv("XDG_DATA_HOME");
    qputenv("XDG_DATA_HOME", dir.filePath(u"data"_s).toUtf8());
    struct RestoreDataHome {
        QByteArray was;
        ~RestoreDataHome() { was.isEmpty() ? qunsetenv("XDG_DATA_HOME") : qputenv("XDG_DATA_HOME", was); }
    } restore{dataHomeWas};
    QSettings settings(dir.filePath(u"settings.ini"_s), QSettings::IniFormat);

    // The server stops taking connections, and the ones it has are ended: as a restart or a network cut looks.
    store::pg::Connection super(server.superConninfo(u"postgres"_s));
    auto serverAway = [&] {
        super.execOnce(u"ALTER DATABASE %1 ALLOW_CONNECTIONS false"_s.arg(server.database()));
        super.execOnce(u"SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '%1'"_s.arg(server.database()));
    };
    auto serverBack = [&] { super.execOnce(u"ALTER DATABASE %1 ALLOW_CONNECTIONS true"_s.arg(server.database())); };
    auto onServer = [&] {
        auto s = store::postgres::openServer(server.conninfoAs(u"jo"_s));
        REQUIRE(s.ok());
        QStringList texts;
        auto list = (*s)->entries({}, store::Actor{});
        REQUIRE(list.ok());
        for (const auto &e : *list) {
            auto d = (*s)->entry(e.id);
            REQUIRE(d.ok());
            if (d->draft)
                texts << std::get<record::GeneralNote>(d->draft->entry.body).text;
        }
        return texts;
    };

    {
        auto s = store::postgres::openServer(server.conninfoAs(u"jo"_s));
        REQUIRE(s.ok());
        ui::MainWindow window(rules(), &settings, {}, std::move(*s));
        window.show();
        QCoreApplication::processEvents();
        record::Person person;
        person.name = u"Sam Rivers"_s;
        REQUIRE(window.addPerson(person));
        REQUIRE(window.newEntry(false));
        QPlainTextEdit *narrative = window.recordEditor()->narratives().front().second;
        narrative->setFocus();
        QTest::keyClicks(narrative, u"Sam asked about a move"_s);

        serverAway();
        QString error;
        CHECK_FALSE(window.saveDraft(&error));
        CHECK(error.contains(u"kept on this computer"_s));
        CHECK(window.notice()->isHidden()); // saving by hand says it in its own words; autosave shows the bar
        // Ctrl+S says so as news, not as a warning that something was not saved.
        QString boxTitle;
        QTimer::singleShot(0, [&] {
            if (QWidget *box = QApplication::activeModalWidget()) {
                boxTitle = box->windowTitle();
                box->close();
            }
        });
        window.findChild<QAction *>(u"saveDraftAction"_s)->trigger();
        CHECK(boxTitle == u"Kept on this computer"_s);
        QTimer *retry = window.keptDraftsRetry();
        CHECK(retry->isActive());

        // Typing goes on; autosave keeps the newer text, and the notice says what became of it.
        QTest::keyClicks(narrative, u" to the ground floor."_s);
        QTRY_VERIFY_WITH_TIMEOUT(window.notice()->isVisible(), 5000);
        CHECK(window.notice()->title().contains(u"cannot be reached"_s));
        CHECK(window.notice()->text().contains(u"kept on this computer"_s));
        // The editor still says whose note it is, though the server cannot be asked.
        CHECK(window.findChild<QLabel *>(u"editorTitle"_s)->text() == u"Case note — Sam Rivers"_s);
        // FAIRNOTE_SCREENSHOT_DIR=docs/screenshots: the window as the worker sees it now (docs/server.md).
        if (const QString shots = qEnvironmentVariable("FAIRNOTE_SCREENSHOT_DIR"); !shots.isEmpty()) {
            window.resize(1100, 700);
            QCoreApplication::processEvents();
            CHECK(window.grab().save(QDir(shots).filePath(u"kept-draft.png"_s)));
        }

        // The server is back: the next try saves it, and the copy on this computer is gone.
        serverBack();
        retry->setInterval(20);
        QTRY_VERIFY_WITH_TIMEOUT(!window.hasUnsavedChanges(), 10000);
        CHECK(window.notice()->title() == u"The server is back"_s);
        CHECK(onServer() == QStringList{u"Sam asked about a move to the ground floor."_s});
        CHECK_FALSE(retry->isActive());

        // Away again, and the window is closed: no question about losing the changes, for nothing is lost.
        REQUIRE(window.newEntry(false));
        narrative = window.recordEditor()->narratives().front().second;
        QTest::keyClicks(narrative, u"Night staff checked the smoke alarm at 22:00."_s);
        serverAway();
        QTimer::singleShot(3000, &window, [] { // a question would block here: answer it, and the test fails below
            if (QWidget *modal = QApplication::activeModalWidget())
                modal->close();
        });
        CHECK(window.close());
    }
    int keptFiles = 0;
    for (QDirIterator it(dir.filePath(u"data"_s), {u"*.kept-draft.json"_s}, QDir::Files, QDirIterator::Subdirectories); it.hasNext(); it.next())
        ++keptFiles;
    CHECK(keptFiles == 1); // in the app's data folder, until the server takes it
    serverBack();

    // The next window on this server and login sends what the last one kept.
    auto s = store::postgres::openServer(server.conninfoAs(u"jo"_s));
    REQUIRE(s.ok());
    ui::MainWindow next(rules(), &settings, {}, std::move(*s));
    next.show();
    QTRY_VERIFY_WITH_TIMEOUT(next.notice()->isVisible(), 5000);
    CHECK(next.notice()->title() == u"The server is back"_s);
    const QStringList texts = onServer();
    CHECK(texts.contains(u"Night staff checked the smoke alarm at 22:00."_s));
    CHECK(texts.size() == 2);
}
