// SPDX-FileCopyrightText: 2026 Fairnote contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// The app's window on a team server (fairnote --server): it says which server and as whom, signs
// with the login's staff record whatever this computer has saved, and shows what the login may read.
#define CATCH_CONFIG_EXTERNAL_INTERFACES // for the event listener below
#include "pgtestsupport.h"

#include "elidedlabel.h"
#include "loadedrules.h"
#include "mainwindow.h"
#include "store/location.h"
#include "store/postgres/open.h"
#include "wording/rulepack.h"

#include <QApplication>
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
