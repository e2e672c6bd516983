// SPDX-FileCopyrightText: 2026 Fairnote contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// File › Connect's "Keep my password in this computer's keyring", against a real server and a real
// keyring (GNOME Keyring's Secret Service on a private D-Bus session: keyringsession.sh runs this
// suite): the password goes to the keyring only when asked, never to the settings; the next connection
// takes it from there; a password changed on the server leaves the keyring; unticking takes it out.
#define CATCH_CONFIG_EXTERNAL_INTERFACES // for the event listener below
#include "pgtestsupport.h"

#include "connectdialog.h"
#include "keyring.h"
#include "store/postgres/open.h"

#include <QApplication>
#include <QCheckBox>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QSettings>
#include <QTemporaryDir>
#include <memory>

using namespace fairnote;
using namespace Qt::StringLiterals;
using namespace fairnote::testing;

namespace {

std::unique_ptr<QApplication> &appSlot()
{
    static std::unique_ptr<QApplication> instance;
    return instance;
}

QApplication &app()
{
    static int argc = 1;
    static char name[] = "test-app-keyring";
    static char *argv[] = {name, nullptr};
    if (!appSlot()) {
        qputenv("QT_QPA_PLATFORM", "offscreen");
        appSlot() = std::make_unique<QApplication>(argc, argv);
    }
    return *appSlot();
}

struct QApplicationCloser : Catch::TestEventListenerBase
{
    using TestEventListenerBase::TestEventListenerBase;
    void testRunEnded(const Catch::TestRunStats &) override { appSlot().reset(); }
};

} // namespace

CATCH_REGISTER_LISTENER(QApplicationCloser)

TEST_CASE("the keyring keeps, gives back and forgets a password under a server address", "[app][keyring]")
{
    app();
    const QString key = ui::keyring::keyFor({u"db.example.org"_s, u"5433"_s, u"fairnote"_s, u"jo"_s});
    CHECK(key == u"jo@db.example.org:5433/fairnote"_s);
    CHECK(ui::keyring::keyFor({{}, {}, u"fairnote"_s, u"jo"_s}) == u"jo@localhost:5432/fairnote"_s);
    auto missing = ui::keyring::read(key);
    CHECK_FALSE(missing.ok);
    CHECK(missing.notFound);
    CHECK(missing.error.isEmpty());
    REQUIRE(ui::keyring::write(key, u"pässword with spaces"_s).ok);
    auto kept = ui::keyring::read(key);
    REQUIRE(kept.ok);
    CHECK(kept.password == u"pässword with spaces"_s);
    REQUIRE(ui::keyring::forget(key).ok);
    CHECK(ui::keyring::read(key).notFound);
    CHECK(ui::keyring::forget(key).ok); // nothing kept: nothing to do
}

TEST_CASE("Connect keeps the password in the keyring only when asked, connects with it next time, and lets it go when it "
          "no longer works or the box is unticked",
          "[app][keyring][connect]")
{
    app();
    TestServer server;
    server.addTeam(u"Night team"_s);
    server.addStaff(u"jo"_s, u"Joanne Pike"_s, u"worker"_s, {u"Night team"_s});
    const auto c = server.connectAs(u"jo"_s);
    QTemporaryDir dir;
    const QString iniPath = dir.filePath(u"settings.ini"_s);
    QSettings settings(iniPath, QSettings::IniFormat);
    const store::postgres::ServerAddress address{c->host(), c->port(), server.database(), server.login(u"jo"_s)};
    const QString key = ui::keyring::keyFor(address);
    auto fill = [&](ui::ConnectDialog &d) {
        d.hostField()->setText(address.host);
        d.portField()->setText(address.port);
        d.databaseField()->setText(address.database);
        d.loginField()->setText(address.login);
    };

    // Not asked: nothing in the keyring.
    {
        ui::ConnectDialog d(&settings);
        fill(d);
        CHECK_FALSE(d.keepInKeyringBox()->isChecked());
        d.passwordField()->setText(kTestPassword);
        REQUIRE(d.tryConnect());
        CHECK(ui::keyring::read(key).notFound);
    }
    // Asked: the keyring has it, the settings only say so.
    {
        ui::ConnectDialog d(&settings);
        d.keepInKeyringBox()->setChecked(true);
        d.passwordField()->setText(kTestPassword);
        REQUIRE(d.tryConnect());
        auto kept = ui::keyring::read(key);
        REQUIRE(kept.ok);
        CHECK(kept.password == kTestPassword);
    }
    settings.sync();
    QFile ini(iniPath);
    REQUIRE(ini.open(QIODevice::ReadOnly));
    CHECK_FALSE(QString::fromUtf8(ini.readAll()).contains(kTestPassword));
    // Next time: the box is ticked, the field empty, and Connect connects with the kept password.
    {
        ui::ConnectDialog d(&settings);
        CHECK(d.keepInKeyringBox()->isChecked());
        CHECK(d.passwordField()->text().isEmpty());
        CHECK(d.passwordField()->placeholderText().contains(u"keyring"_s));
        REQUIRE(d.tryConnect());
        auto store = d.takeStore();
        REQUIRE(store);
        CHECK(store::postgres::sessionOf(*store)->login == address.login);
    }
    // The password is changed on the server: the kept one is refused, said so, and leaves the keyring.
    REQUIRE(server.admin()->setPassword(address.login, u"a new password for Jo"_s).ok());
    {
        ui::ConnectDialog d(&settings);
        CHECK_FALSE(d.tryConnect());
        CHECK(d.errorLabel()->text().contains(u"kept in this computer's keyring"_s));
        CHECK(ui::keyring::read(key).notFound);
        // Typed again, with the box still ticked: kept again.
        d.passwordField()->setText(u"a new password for Jo"_s);
        REQUIRE(d.tryConnect());
        CHECK(ui::keyring::read(key).password == u"a new password for Jo"_s);
    }
    // Unticked: taken out of the keyring.
    {
        ui::ConnectDialog d(&settings);
        REQUIRE(d.keepInKeyringBox()->isChecked());
        d.keepInKeyringBox()->setChecked(false);
        d.passwordField()->setText(u"a new password for Jo"_s);
        REQUIRE(d.tryConnect());
        CHECK(ui::keyring::read(key).notFound);
        ui::ConnectDialog next(&settings);
        CHECK_FALSE(next.keepInKeyringBox()->isChecked());
    }
}
