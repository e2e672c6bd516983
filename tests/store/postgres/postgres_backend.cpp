// SPDX-FileCopyrightText: 2026 Fairnote contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// The team server as the backend of the store conformance suite. On a server the actor is the login,
// never a name passed in, so the suite's people (Jo Fletcher, Sam Okafor, Dee Marsh) are members of
// staff with logins of their own, and the store the suite gets acts through the login of whoever each
// call names: the same calls, the same people, each a real session with the server's access rules.
// Every store is a new database, copied from one set up once per run (server init, the staff, a team).
#include "conformance/backend.h"

#include "store/postgres/open.h"
#include "store/postgres/pgtestsupport.h"

#include <QHash>
#include <catch2/catch.hpp>
#include <cstdio>
#include <optional>
#include <type_traits>

using namespace Qt::StringLiterals;

namespace fairnote::conformance {

namespace {

struct StaffLogin
{
    QString who, name, jobTitle, role;
};

// The people the suite names, as the server's staff: a name the suite passes finds its login.
const std::vector<StaffLogin> &staff()
{
    static const std::vector<StaffLogin> people{
        {u"jo"_s, u"Jo Fletcher"_s, u"Support worker"_s, u"worker"_s},
        {u"sam"_s, u"Sam Okafor"_s, u"Team leader"_s, u"supervisor"_s},
        {u"dee"_s, u"Dee Marsh"_s, u"Team leader"_s, u"supervisor"_s},
    };
    return people;
}

// One database set up as a team's server, the template every store of the run is copied from: copying
// a database is much faster than installing the schema again.
class TemplateServer
{
public:
    TemplateServer()
    {
        m_server.addTeam(u"Day"_s);
        for (const StaffLogin &p : staff())
            m_server.addStaff(p.who, p.name, p.role, {u"Day"_s}, p.jobTitle);
    }
    testing::TestServer &server() { return m_server; }

    // A new database copied from the template; its name.
    QString copy()
    {
        m_server.closeAdmin(); // a template may have no other session while it is copied
        const QString name = m_server.database() + u"_c"_s + QString::number(++m_copies);
        store::pg::Connection c(m_server.superConninfo(u"postgres"_s));
        c.execOnce(u"CREATE DATABASE %1 TEMPLATE %2"_s.arg(name, m_server.database()));
        // Database privileges are not copied: only Fairnote's staff may connect, as server init says.
        c.execScript(u"REVOKE ALL ON DATABASE %1 FROM PUBLIC; GRANT CONNECT ON DATABASE %1 TO fairnote_worker, "
                      u"fairnote_supervisor, fairnote_trainer, fairnote_administrator"_s.arg(name));
        m_server.adoptDatabase(name);
        return name;
    }

private:
    testing::TestServer m_server;
    int m_copies = 0;
};

TemplateServer &templateServer()
{
    static TemplateServer server;
    return server;
}

// A store whose every call acts through the login of the person it names; a call that names nobody
// (a read: entry(), verify() …) goes through the login that acted last.
class StaffStore final : public store::Store
{
public:
    StaffStore(const QString &database, std::function<QDateTime()> clock) : m_database(database), m_clock(std::move(clock))
    {
        for (const StaffLogin &p : staff())
            m_logins.push_back({p.who, p.name, nullptr});
        m_last = &login(0);
    }

    QString location() const override { return m_last->location(); }
    store::FileKind kind() const override { return m_last->kind(); }
    bool isReadOnly() const override { return m_last->isReadOnly(); }
    QString readOnlyReason() const override { return m_last->readOnlyReason(); }
    // Given to every login's store, those open and those opened later.
    void setAssessor(store::Assessor assessor) override
    {
        m_assessor = assessor;
        for (auto &l : m_logins)
            if (l.store)
                l.store->setAssessor(assessor);
    }
    void setClock(std::function<QDateTime()> clock) override
    {
        m_clock = clock;
        for (auto &l : m_logins)
            if (l.store)
                l.store->setClock(clock);
    }
    void setLateEntryHours(qint64 hours) override
    {
        m_lateHours = hours;
        for (auto &l : m_logins)
            if (l.store)
                l.store->setLateEntryHours(hours);
    }

    store::StoreResult<record::Person> addPerson(record::Person person, const store::Actor &actor) override
    {
        return traced("addPerson", as(actor).addPerson(std::move(person), actor));
    }
    store::StoreResult<store::Done> updatePerson(const record::Person &person, const store::Actor &actor) override
    {
        return traced("updatePerson", as(actor).updatePerson(person, actor));
    }
    store::StoreResult<std::vector<store::PersonSummary>> people(const store::Actor &viewer) override { return traced("people", as(viewer).people(viewer)); }
    store::StoreResult<record::Person> person(const QString &id) override { return traced("person", m_last->person(id)); }
    store::StoreResult<std::vector<record::Person>> peopleNamed(const QString &name) override { return traced("peopleNamed", m_last->peopleNamed(name)); }
    store::StoreResult<QString> saveDraft(const QString &personId, record::Entry entry, const store::Actor &actor) override
    {
        return traced("saveDraft", as(actor).saveDraft(personId, std::move(entry), actor));
    }
    store::StoreResult<store::Done> discardDraft(const QString &entryId, const store::Actor &actor) override
    {
        return traced("discardDraft", as(actor).discardDraft(entryId, actor));
    }
    store::StoreResult<store::Revision> finalise(const QString &entryId, const store::Actor &actor, const QHash<QString, QString> &leftReasons,
                                                 const QString &amendReason) override
    {
        return traced("finalise", as(actor).finalise(entryId, actor, leftReasons, amendReason));
    }
    store::StoreResult<store::Revision> amend(const QString &entryId, record::Entry entry, const QString &reason, const store::Actor &actor,
                                              const QHash<QString, QString> &leftReasons) override
    {
        return traced("amend", as(actor).amend(entryId, std::move(entry), reason, actor, leftReasons));
    }
    store::StoreResult<store::Done> markInError(const QString &entryId, const QString &reason, const store::Actor &actor) override
    {
        return traced("markInError", as(actor).markInError(entryId, reason, actor));
    }
    store::StoreResult<std::vector<QString>> importCaseFiles(const std::vector<record::CaseFile> &caseFiles, const store::Actor &actor,
                                                             const store::ImportOptions &options, const store::Progress &progress) override
    {
        return traced("importCaseFiles", as(actor).importCaseFiles(caseFiles, actor, options, progress));
    }
    store::StoreResult<record::CaseFile> caseFile(const QString &personId, bool includeInError) override
    {
        return traced("caseFile", m_last->caseFile(personId, includeInError));
    }
    store::StoreResult<std::vector<store::EntrySummary>> entries(const store::ListFilter &filter, const store::Actor &viewer) override
    {
        return traced("entries", as(viewer).entries(filter, viewer));
    }
    store::StoreResult<store::EntryDetail> entry(const QString &idOrPrefix) override { return traced("entry", m_last->entry(idOrPrefix)); }
    store::StoreResult<std::vector<store::SearchHit>> search(const QString &query, const store::Actor &viewer, int limit) override
    {
        return traced("search", as(viewer).search(query, viewer, limit));
    }
    store::StoreResult<store::Done> flagForDisclosureReview(const QString &entryId, const QString &reason, const store::Actor &actor) override
    {
        return traced("flagForDisclosureReview", as(actor).flagForDisclosureReview(entryId, reason, actor));
    }
    store::StoreResult<store::Done> releaseForDisclosure(const QString &entryId, const QString &note, const store::Actor &actor) override
    {
        return traced("releaseForDisclosure", as(actor).releaseForDisclosure(entryId, note, actor));
    }
    store::StoreResult<std::vector<store::DisclosureFlag>> disclosureFlags(const QString &personId) override
    {
        return traced("disclosureFlags", m_last->disclosureFlags(personId));
    }
    store::StoreResult<qint64> recordReview(const store::Review &review, const store::Actor &reviewer) override
    {
        return traced("recordReview", as(reviewer).recordReview(review, reviewer));
    }
    store::StoreResult<std::vector<store::Review>> reviews(const QString &entryId) override { return traced("reviews", m_last->reviews(entryId)); }
    store::StoreResult<qint64> requestSignOff(const QString &subject, const QString &personId, const QString &entryId,
                                              const QString &documentHash, const QString &document, const QString &comment,
                                              const store::Actor &actor) override
    {
        return traced("requestSignOff", as(actor).requestSignOff(subject, personId, entryId, documentHash, document, comment, actor));
    }
    store::StoreResult<store::Done> decideSignOff(qint64 signOffId, store::SignOffState decision, const QString &comment,
                                                  const store::Actor &actor) override
    {
        return traced("decideSignOff", as(actor).decideSignOff(signOffId, decision, comment, actor));
    }
    store::StoreResult<std::vector<store::SignOff>> signOffs(const QString &personId) override { return traced("signOffs", m_last->signOffs(personId)); }
    store::StoreResult<qint64> logEvent(const store::Actor &actor, const QString &action, const QString &personId, const QString &entryId,
                                        const QJsonObject &detail) override
    {
        return traced("logEvent", as(actor).logEvent(actor, action, personId, entryId, detail));
    }
    // The whole audit trail and verify are a supervisor's on a server (a worker reads the rows of their
    // caseloads and their own), so these go through Sam Okafor's login.
    store::StoreResult<std::vector<store::AuditRow>> auditEvents(const store::AuditQuery &query) override
    {
        return traced("auditEvents", supervisor().auditEvents(query));
    }
    store::StoreResult<QString> headHash() override { return traced("headHash", supervisor().headHash()); }
    store::StoreResult<store::VerifyReport> verify(const store::Progress &progress) override
    {
        return traced("verify", supervisor().verify(progress));
    }
    store::StoreResult<store::VerifyReport> backup(const QString &destination, const store::Actor &actor, const store::Progress &progress) override
    {
        return traced("backup", as(actor).backup(destination, actor, progress));
    }

private:
    // FAIRNOTE_CONFORMANCE_TRACE=1: every refusal (and every problem verify finds) on stderr, to see why a
    // case fails on the server.
    template <typename T>
    store::StoreResult<T> traced(const char *what, store::StoreResult<T> r)
    {
        static const bool on = qEnvironmentVariableIntValue("FAIRNOTE_CONFORMANCE_TRACE") == 1;
        if (on && !r.ok())
            std::fprintf(stderr, "[%s] %s\n", what, qPrintable(r.error().message));
        if constexpr (std::is_same_v<T, store::VerifyReport>)
            if (on && r.ok())
                for (const auto &p : r->problems)
                    std::fprintf(stderr, "[%s] %s: %s\n", what, qPrintable(p.where), qPrintable(p.message));
        return r;
    }

    // The login of the person `actor` names (as samePerson() matches names), which then acts; nobody
    // named: the login that acted last.
    store::Store &as(const store::Actor &actor)
    {
        if (!actor.name.trimmed().isEmpty()) {
            for (size_t i = 0; i < m_logins.size(); ++i)
                if (store::samePerson(actor, store::Actor{m_logins[i].name, {}, {}})) {
                    m_last = &login(i);
                    return *m_last;
                }
            FAIL("the conformance suite named " << actor.name.toStdString() << ", who has no login on the test server");
        }
        return *m_last;
    }

    store::Store &supervisor() { return login(1); }

    // A login's store, connected when first used (most cases use one or two of the three).
    store::Store &login(size_t i)
    {
        Login &l = m_logins[i];
        if (!l.store) {
            store::postgres::ServerOpenOptions o;
            o.clock = m_clock;
            auto s = store::postgres::openServer(templateServer().server().conninfoAs(l.who, m_database), o);
            if (!s)
                FAIL(s.error().message.toStdString());
            l.store = std::move(*s);
            if (m_assessor)
                l.store->setAssessor(m_assessor);
            if (m_lateHours)
                l.store->setLateEntryHours(*m_lateHours);
        }
        return *l.store;
    }

    struct Login
    {
        QString who, name;
        std::unique_ptr<store::Store> store;
    };
    QString m_database;
    std::function<QDateTime()> m_clock;
    store::Assessor m_assessor;
    std::optional<qint64> m_lateHours;
    std::vector<Login> m_logins;
    store::Store *m_last = nullptr;
};

class PostgresBackend final : public Backend
{
public:
    QString name() const override { return u"PostgreSQL server"_s; }
    bool claims(Behaviour behaviour) const override
    {
        switch (behaviour) {
        case Behaviour::TypedActor:         // the login acts, whatever name is passed
        case Behaviour::OthersDraftsShown:  // a draft is its author's alone
        case Behaviour::NoRoles:            // importing final entries and releasing for disclosure are a supervisor's
            return false;
        }
        return true;
    }

    std::unique_ptr<store::Store> create(std::function<QDateTime()> clock) override
    {
        m_last = templateServer().copy();
        return std::make_unique<StaffStore>(m_last, std::move(clock));
    }

    std::unique_ptr<store::Store> connectAgain(std::function<QDateTime()> clock) override
    {
        REQUIRE_FALSE(m_last.isEmpty());
        return std::make_unique<StaffStore>(m_last, std::move(clock));
    }

private:
    QString m_last;
};

} // namespace

Backend &backend()
{
    static PostgresBackend postgres;
    return postgres;
}

} // namespace fairnote::conformance
