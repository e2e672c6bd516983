// SPDX-FileCopyrightText: 2026 Fairnote contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// Helpers for the PostgreSQL suites: the test server's superuser connection, and a throwaway Fairnote
// database per test (with its own staff logins, dropped afterwards), on the one cluster of the run.
#pragma once

#include "store/postgres/connection.h"
#include "store/postgres/server.h"

#include <catch2/catch.hpp>
#include <QFile>
#include <QHash>
#include <QString>
#include <QStringList>
#include <atomic>
#include <memory>
#include <optional>
#include <unistd.h>

namespace fairnote::testing {

// The superuser's connection string for the test server: FAIRNOTE_TEST_SERVER when set (empty: libpq's
// PG* environment), else the conninfo file of the cluster the postgres-cluster fixture started.
inline std::optional<QString> testServerConninfo()
{
    if (qEnvironmentVariableIsSet("FAIRNOTE_TEST_SERVER"))
        return qEnvironmentVariable("FAIRNOTE_TEST_SERVER");
    const QString dir = qEnvironmentVariable("FAIRNOTE_PG_CLUSTER_DIR");
    if (dir.isEmpty())
        return std::nullopt;
    QFile f(dir + QStringLiteral("/conninfo"));
    if (!f.open(QIODevice::ReadOnly))
        return std::nullopt;
    return QString::fromUtf8(f.readAll()).trimmed();
}

inline const QString kTestPassword = QStringLiteral("correct horse battery staple");

// A new Fairnote database, set up with `server init` (a test clock allowed; at an earlier schema version
// for the upgrade tests), and its first administrator `admin`. Logins are cluster-wide, so every login a test makes is prefixed with the
// database's name (login("jo") → "fnt123_4_jo"); all are dropped with the database.
class TestServer
{
public:
    explicit TestServer(store::FileKind kind = store::FileKind::Live, int schemaVersion = store::postgres::kServerSchemaVersion)
    {
        static std::atomic<int> counter{0};
        m_super = *testServerConninfo();
        m_db = QStringLiteral("fnt%1_%2").arg(::getpid()).arg(++counter);
        {
            store::pg::Connection c(m_super);
            c.execOnce(QStringLiteral("DROP DATABASE IF EXISTS %1").arg(m_db));
            c.execOnce(QStringLiteral("CREATE DATABASE %1 ENCODING 'UTF8' TEMPLATE template0").arg(m_db));
        }
        store::postgres::InitOptions o;
        o.kind = kind;
        o.adminLogin = login(QStringLiteral("admin"));
        o.adminName = QStringLiteral("Ada Adeyemi");
        o.adminJobTitle = QStringLiteral("Service manager");
        o.adminOrganisation = QStringLiteral("Fairview Lodge");
        o.adminPassword = kTestPassword;
        o.testClock = true;
        o.schemaVersion = schemaVersion;
        auto info = store::postgres::initServer(superConninfo(), o);
        if (!info)
            FAIL(info.error().message.toStdString());
        m_logins << o.adminLogin;
    }
    ~TestServer()
    {
        m_admin.reset();
        try {
            store::pg::Connection c(m_super);
            for (const QString &copy : m_copies)
                c.execOnce(QStringLiteral("DROP DATABASE IF EXISTS %1 WITH (FORCE)").arg(copy));
            c.execOnce(QStringLiteral("DROP DATABASE IF EXISTS %1 WITH (FORCE)").arg(m_db));
            for (const QString &l : m_logins)
                c.execOnce(QStringLiteral("DROP ROLE IF EXISTS %1").arg(store::pg::quoteIdentifier(c, l)));
        } catch (const store::pg::Failure &) {
        }
    }
    TestServer(const TestServer &) = delete;
    TestServer &operator=(const TestServer &) = delete;

    QString database() const { return m_db; }
    QString login(const QString &who) const { return m_db + u'_' + who; }
    // The superuser, connected to this database (or to `database`).
    QString superConninfo(const QString &database = QString()) const
    {
        return withKeywords({{QStringLiteral("dbname"), database.isEmpty() ? m_db : database}});
    }
    // A member of staff, connected to this database (or to a copy of it) with their own login and password.
    QString conninfoAs(const QString &who, const QString &database = QString()) const
    {
        return withKeywords({{QStringLiteral("dbname"), database.isEmpty() ? m_db : database}, {QStringLiteral("user"), login(who)},
                             {QStringLiteral("password"), kTestPassword}});
    }
    // The same with another password ("" for none at all).
    QString conninfoAsWithPassword(const QString &who, const QString &password) const
    {
        return withKeywords({{QStringLiteral("dbname"), m_db}, {QStringLiteral("user"), login(who)}, {QStringLiteral("password"), password}});
    }
    // A login a test made some other way (fairnote-cli server staff add), dropped with the database.
    void adoptLogin(const QString &login) { m_logins << login; }
    // A copy of this database (CREATE DATABASE … TEMPLATE), dropped with it.
    void adoptDatabase(const QString &copy) { m_copies << copy; }
    // Ends the administrator's session (a database being copied may have no other session).
    void closeAdmin() { m_admin.reset(); }
    std::unique_ptr<store::pg::Connection> connectAs(const QString &who) const
    {
        return std::make_unique<store::pg::Connection>(conninfoAs(who));
    }
    std::unique_ptr<store::pg::Connection> connectAsSuperuser() const
    {
        return std::make_unique<store::pg::Connection>(superConninfo());
    }
    // The first administrator's session (one, kept for the test).
    store::postgres::ServerAdmin *admin()
    {
        if (!m_admin) {
            auto a = store::postgres::ServerAdmin::connect(conninfoAs(QStringLiteral("admin")));
            if (!a)
                FAIL(a.error().message.toStdString());
            m_admin = std::move(*a);
        }
        return m_admin.get();
    }
    // Puts a member of staff on the server (through the administrator) and on `teams`.
    void addStaff(const QString &who, const QString &name, const QString &role, const QStringList &teams = {},
                  const QString &jobTitle = QStringLiteral("Support worker"))
    {
        auto *a = admin();
        store::postgres::StaffMember m;
        m.login = login(who);
        m.name = name;
        m.jobTitle = jobTitle;
        m.organisation = QStringLiteral("Fairview Lodge");
        m.role = role;
        m_logins << m.login;
        auto added = a->addStaff(m, kTestPassword);
        if (!added)
            FAIL(added.error().message.toStdString());
        for (const QString &t : teams) {
            auto joined = a->addTeamMember(t, m.login);
            if (!joined)
                FAIL(joined.error().message.toStdString());
        }
    }
    void addTeam(const QString &name)
    {
        auto added = admin()->addTeam(name);
        if (!added)
            FAIL(added.error().message.toStdString());
    }

private:
    QString withKeywords(const QHash<QString, QString> &keywords) const { return store::pg::conninfoWith(m_super, keywords); }

    QString m_super, m_db;
    QStringList m_logins, m_copies;
    std::unique_ptr<store::postgres::ServerAdmin> m_admin;
};

} // namespace fairnote::testing
