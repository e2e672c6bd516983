// SPDX-FileCopyrightText: 2026 Fairnote contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// fairnote-bench-server: the team server's budgets (DESIGN.md) on a local, durable PostgreSQL server
// holding 1,000,000 entries for 20,000 people on 40 teams' caseloads.
//   fairnote-bench-server --conninfo SUPERUSER [--entries N] [--people N] [--writers N] [--rate SAVES/S] [--seconds S]
//                         [--only chronology,search,saves,verify]   (some of the measures; all by default)
// The database (fairnote_bench) is set up once with `server init` and filled in bulk by SQL that
// writes what the server's functions would (the same hashes and chain; one revision in four with a
// kept assessment), then reused between runs.
// Measured through the store interface, as the app and the CLI use it:
//   * opening a person's chronology (a worker, 500 people on their caseload; the view is recorded);
//   * search (a worker; and a supervisor who reads every team's caseload);
//   * saves (a draft and its finalising) by N concurrent writers (20), each their own login and
//     connection: for S seconds offering RATE saves a second between them (200), the latency of each
//     save from when it was due; then S seconds flat out, the most saves a second the server takes;
//   * verify of the whole server (in the server, then the list columns recomputed here).
// The writers save without the wording assessment: it runs on each worker's own computer, and is
// measured by fairnote-bench-store.
#include "store/postgres/connection.h"
#include "store/postgres/open.h"
#include "store/postgres/pgstore.h"
#include "store/postgres/server.h"

#include "record/interchange.h"

#include <QCoreApplication>
#include <QJsonDocument>
#include <QRandomGenerator>
#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdio>
#include <mutex>
#include <thread>
#include <vector>

using namespace Qt::StringLiterals;
using namespace fairnote;
using Clock = std::chrono::steady_clock;

namespace {

const QString kPassword = u"bench password, not for records"_s;
constexpr int kTeams = 40;
// What the generated data is like; data kept from a run with another number is made again.
// 2: one revision in four kept an assessment.
constexpr int kBenchData = 2;
constexpr char kKeptAssessment[] =
    R"({"prompts": [{"field": "source", "code": "source-unknown", "severity": "warning", "message": "How do we know this?",)"
    R"( "question": "Who saw it, or who told you?", "left_reason": "Not known yet; asking the night staff."}],)"
    R"( "findings": [{"field": "narrative", "rule": "label-aggressive", "category": "judgement", "severity": "warning",)"
    R"( "offset": 12, "length": 10, "text": "aggressive", "message": "Say what the person did or said."},)"
    R"( {"field": "narrative", "rule": "vague-time", "category": "time", "severity": "info", "offset": 40, "length": 7,)"
    R"( "text": "earlier", "message": "Give the time, or say that it is not known."}]})";
constexpr int kTemplates = 997;

[[noreturn]] void die(const QString &message)
{
    std::fprintf(stderr, "fairnote-bench-server: %s\n", qPrintable(message));
    std::exit(2);
}

template <typename T>
T must(store::StoreResult<T> r, const char *what)
{
    if (!r)
        die(u"%1: %2"_s.arg(QString::fromLatin1(what), r.error().message));
    return std::move(*r);
}

double ms(Clock::duration d) { return std::chrono::duration<double, std::milli>(d).count(); }

struct Stats
{
    double median = 0, p95 = 0, p99 = 0, worst = 0;
};

Stats statsOf(std::vector<double> t)
{
    if (t.empty())
        return {};
    std::sort(t.begin(), t.end());
    auto at = [&](double q) { return t[std::min(t.size() - 1, size_t(q * double(t.size())))]; };
    return {at(0.5), at(0.95), at(0.99), t.back()};
}

const QStringList kWords = {
    u"fire"_s, u"alarm"_s, u"smoke"_s, u"kitchen"_s, u"toaster"_s, u"cigarette"_s, u"bin"_s, u"night"_s, u"staff"_s, u"room"_s,
    u"called"_s, u"service"_s, u"police"_s, u"visited"_s, u"asked"_s, u"said"_s, u"support"_s, u"plan"_s, u"safety"_s, u"check"_s,
    u"housing"_s, u"referral"_s, u"appointment"_s, u"doctor"_s, u"benefits"_s, u"tenancy"_s, u"hostel"_s, u"garden"_s, u"candle"_s,
    u"electrical"_s, u"heater"_s, u"blanket"_s, u"window"_s, u"door"_s, u"keyworker"_s, u"meeting"_s, u"review"_s, u"landlord"_s,
    u"neighbour"_s, u"evacuated"_s, u"extinguisher"_s, u"sprinkler"_s, u"matches"_s, u"lighter"_s, u"ashtray"_s, u"mattress"_s,
    u"cooking"_s, u"oven"_s, u"pan"_s, u"scorch"_s, u"burn"_s, u"injury"_s, u"hospital"_s, u"ambulance"_s, u"visit"_s, u"home"_s};

QString sentence(QRandomGenerator &rng, int words)
{
    QStringList out;
    for (int i = 0; i < words; ++i)
        out << kWords[int(rng.bounded(qint64(kWords.size())))];
    QString s = out.join(u' ');
    s[0] = s[0].toUpper();
    return s + u'.';
}

// The bulk load: templates made here with the code that writes entries (so what verify recomputes
// agrees), multiplied by SQL into entries, revisions (hashed by the server's own functions) and the
// audit chain (create-entry and finalise rows per entry, hashed one after another).
void generate(store::pg::Connection &c, int entries, int people)
{
    std::printf("Generating %d entries for %d people (once; kept for later runs)…\n", entries, people);
    std::fflush(stdout);
    const auto start = Clock::now();
    QRandomGenerator rng(17);
    c.execScript(u"CREATE TEMP TABLE bench_templates(k int PRIMARY KEY, content text, summary text, event_sort timestamptz, "
                 u"event_latest timestamptz, event_json text, search_body text, written_at timestamptz)"_s);
    for (int k = 0; k < kTemplates; ++k) {
        record::Entry e;
        e.id = u"@@ID@@"_s;
        e.author = {u"@@NAME@@"_s, u"@@ROLE@@"_s, u"@@ORG@@"_s};
        e.eventDate.precision = record::DatePrecision::Day;
        e.eventDate.date = QDate(2020, 1, 1).addDays((k * 7) % 2000);
        e.writtenAt = QDateTime(e.eventDate.date, QTime(17, 0), Qt::UTC);
        e.body = record::GeneralNote{sentence(rng, 12) + u' ' + sentence(rng, 20) + u' ' + sentence(rng, 16)};
        record::Person nobody;
        const QJsonObject head = store::postgres::headOf(nobody, e);
        c.exec("INSERT INTO bench_templates VALUES ($1, $2, $3, $4::timestamptz, $5::timestamptz, $6, $7, $8::timestamptz)",
               store::pg::Params{}.add(k).add(QString::fromUtf8(QJsonDocument(record::entryToJson(e)).toJson(QJsonDocument::Compact)))
                   .add(head.value(u"summary"_s).toString()).add(head.value(u"event_sort"_s).toString())
                   .add(head.value(u"event_latest"_s).toString()).add(head.value(u"event_json"_s).toString())
                   .add(head.value(u"search_body"_s).toString()).add(e.writtenAt.toString(Qt::ISODate)));
    }
    store::pg::Transaction t(c);
    c.execScript(u"SET LOCAL synchronous_commit = off"_s);
    // Authors: the writers' signatures, who wrote the bulk.
    c.exec("INSERT INTO fairnote.authors(staff_id, name, role, organisation) SELECT s.id, s.name, s.job_title, s.organisation "
           "FROM fairnote.staff s WHERE s.login LIKE 'bench_w%' ON CONFLICT DO NOTHING");
    c.exec("CREATE TEMP TABLE bench_authors AS SELECT row_number() OVER (ORDER BY a.id) - 1 AS n, a.* FROM fairnote.authors a "
           "JOIN fairnote.staff s ON s.id = a.staff_id WHERE s.login LIKE 'bench_w%'");
    const qint64 authors = c.exec("SELECT count(*) FROM bench_authors").integer(0, 0);
    c.exec("INSERT INTO fairnote.people(id, name, other_names, date_of_birth, created_at, created_by) "
           "SELECT 'P-' || lpad(i::text, 6, '0'), 'Person ' || i, '[]', date '1960-01-01' + (i % 15000), "
           "  timestamptz '2019-12-01', (SELECT id FROM bench_authors WHERE n = 0) FROM generate_series(0, $1 - 1) i",
           store::pg::Params{}.add(people));
    c.exec("INSERT INTO fairnote.caseloads(team_id, person_id, added_at) "
           "SELECT t.id, 'P-' || lpad(i::text, 6, '0'), timestamptz '2019-12-01' FROM generate_series(0, $1 - 1) i "
           "JOIN (SELECT id, row_number() OVER (ORDER BY id) - 1 AS n FROM fairnote.teams WHERE name LIKE 'Bench team %') t ON t.n = i % $2",
           store::pg::Params{}.add(people).add(kTeams));
    // Entries: entry i is about person i % people, written by author i % authors, from template i % K.
    c.exec("CREATE TEMP TABLE bench_rows AS "
           "SELECT i, 'E-' || lpad(to_hex(i), 8, '0') AS id, 'P-' || lpad((i % $2)::text, 6, '0') AS person, "
           "  i % $3 AS k, a.id AS author, a.name, a.role, a.organisation, "
           "  t.written_at + make_interval(secs => i % 3600) AS written_at "
           "FROM generate_series(0, $1 - 1) i JOIN bench_templates t ON t.k = i % $3 JOIN bench_authors a ON a.n = i % $4",
           store::pg::Params{}.add(entries).add(people).add(kTemplates).add(authors));
    c.exec("INSERT INTO fairnote.entries(id, person_id, kind, created_at, created_by, creator_staff, revisions, event_sort, event_latest, "
           "  event_json, summary, written_at, author_id, search_names, search_body) "
           "SELECT r.id, r.person, 'note', r.written_at, r.author, NULL, 1, t.event_sort, t.event_latest, t.event_json, t.summary, "
           "  r.written_at, r.author, 'Person ' || (r.i % $1), t.search_body "
           "FROM bench_rows r JOIN bench_templates t ON t.k = r.k",
           store::pg::Params{}.add(people));
    // One revision in four kept an assessment (a prompt left open, two findings left as written), as
    // a service's notes do; the rest kept none.
    c.exec("INSERT INTO fairnote.revisions(entry_id, number, content, author_id, written_at, snapshot, hash) "
           "SELECT x.id, 1, x.content, x.author, x.written_at, x.snapshot, "
           "  fairnote.revision_hash(x.id, 1, x.person, 'note', x.content, x.name, x.role, x.organisation, x.written_at, '', NULL, "
           "                         x.snapshot) "
           "FROM (SELECT r.*, CASE WHEN r.i % 4 = 0 THEN $1::jsonb ELSE '{\"prompts\": [], \"findings\": []}'::jsonb END AS snapshot, "
           "        replace(replace(replace(replace(replace(t.content, '@@ID@@', r.id), '@@NAME@@', r.name), '@@ROLE@@', r.role), "
           "        '@@ORG@@', r.organisation), to_char(t.written_at AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS\"Z\"'), "
           "        to_char(r.written_at AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS\"Z\"')) AS content "
           "      FROM bench_rows r JOIN bench_templates t ON t.k = r.k) x",
           store::pg::Params{QString::fromUtf8(kKeptAssessment)});
    // The chain: every person added, then each entry's create-entry and finalise rows, hashed in order.
    c.execScript(uR"SQL(
DO $$
DECLARE
  head fairnote.chain_head;
  n bigint;
  prev text;
  r record;
  d text;
  h text;
BEGIN
  SELECT * INTO head FROM fairnote.chain_head WHERE id = 1;
  n := head.seq;
  prev := head.hash;
  FOR r IN SELECT p.id, p.name, p.date_of_birth, p.created_at, a.name AS an, a.role AS ar, a.organisation AS ao, a.id AS aid,
                  (SELECT array_agg(c.team_id) FROM fairnote.caseloads c WHERE c.person_id = p.id) AS teams
           FROM fairnote.people p JOIN fairnote.authors a ON a.id = p.created_by ORDER BY p.id LOOP
    n := n + 1;
    d := jsonb_build_object('name', r.name, 'other_names', '[]'::jsonb, 'date_of_birth', coalesce(r.date_of_birth::text, ''),
                            'teams', to_jsonb(r.teams))::text;
    h := fairnote.audit_hash(n, r.created_at, r.an, r.ar, r.ao, 'add-person', r.id, NULL, NULL, d, prev);
    INSERT INTO fairnote.audit VALUES (n, r.created_at, r.aid, 'add-person', r.id, NULL, NULL, d, prev, h);
    prev := h;
  END LOOP;
  FOR r IN SELECT b.id, b.person, b.author, b.name, b.role, b.organisation, b.written_at, v.hash
           FROM bench_rows b JOIN fairnote.revisions v ON v.entry_id = b.id ORDER BY b.i LOOP
    n := n + 1;
    h := fairnote.audit_hash(n, r.written_at, r.name, r.role, r.organisation, 'create-entry', r.person, r.id, NULL, '{"kind": "note"}', prev);
    INSERT INTO fairnote.audit VALUES (n, r.written_at, r.author, 'create-entry', r.person, r.id, NULL, '{"kind": "note"}', prev, h);
    prev := h;
    n := n + 1;
    d := jsonb_build_object('revision_hash', r.hash)::text;
    h := fairnote.audit_hash(n, r.written_at, r.name, r.role, r.organisation, 'finalise', r.person, r.id, 1, d, prev);
    INSERT INTO fairnote.audit VALUES (n, r.written_at, r.author, 'finalise', r.person, r.id, 1, d, prev, h);
    prev := h;
  END LOOP;
  UPDATE fairnote.chain_head SET seq = n, hash = prev WHERE id = 1;
END $$;
)SQL"_s);
    c.exec("INSERT INTO fairnote.meta(key, value) VALUES ('bench_entries', $1), ('bench_data', $2)",
           store::pg::Params{}.add(entries).add(kBenchData));
    t.commit();
    c.execScript(u"VACUUM ANALYZE"_s);
    std::printf("  generated in %.0f s\n\n", ms(Clock::now() - start) / 1000);
}

std::unique_ptr<store::Store> openAs(const QString &superConninfo, const QString &login)
{
    const QString conninfo = store::pg::conninfoWith(superConninfo, {{u"dbname"_s, u"fairnote_bench"_s}, {u"user"_s, login}, {u"password"_s, kPassword}});
    return must(store::postgres::openServer(conninfo), "open the server");
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QString conninfo;
    int entries = 1000000, people = 20000, writers = 20, seconds = 30;
    double rate = 200;
    QStringList only = {u"chronology"_s, u"search"_s, u"saves"_s, u"verify"_s};
    const QStringList args = app.arguments();
    for (int i = 1; i + 1 < args.size(); i += 2) {
        if (args[i] == u"--conninfo")
            conninfo = args[i + 1];
        else if (args[i] == u"--entries")
            entries = args[i + 1].toInt();
        else if (args[i] == u"--people")
            people = args[i + 1].toInt();
        else if (args[i] == u"--writers")
            writers = args[i + 1].toInt();
        else if (args[i] == u"--rate")
            rate = args[i + 1].toDouble();
        else if (args[i] == u"--seconds")
            seconds = args[i + 1].toInt();
        else if (args[i] == u"--only")
            only = args[i + 1].split(u',');
        else
            die(u"unknown option %1"_s.arg(args[i]));
    }
    if (conninfo.isEmpty() || entries <= 0 || people <= 0 || writers <= 0 || writers > 40 || seconds <= 0 || rate <= 0)
        die(u"usage: fairnote-bench-server --conninfo SUPERUSER [--entries N] [--people N] [--writers N (≤ 40)] [--rate SAVES/S] [--seconds S] "
            u"[--only chronology,search,saves,verify]"_s);

    const QString benchDb = store::pg::conninfoWith(conninfo, {{u"dbname"_s, u"fairnote_bench"_s}});
    try {
        store::pg::Connection super(conninfo);
        bool ready = false;
        if (super.exec("SELECT 1 FROM pg_database WHERE datname = 'fairnote_bench'").rows()) {
            store::pg::Connection db(benchDb);
            ready = db.exec("SELECT to_regclass('fairnote.meta') IS NOT NULL").boolean(0, 0)
                 && db.exec("SELECT value FROM fairnote.meta WHERE key = 'bench_entries'").text(0, 0) == QString::number(entries)
                 && db.exec("SELECT value FROM fairnote.meta WHERE key = 'bench_data'").text(0, 0) == QString::number(kBenchData);
        }
        if (!ready) {
            super.exec("DROP DATABASE IF EXISTS fairnote_bench WITH (FORCE)");
            super.exec("CREATE DATABASE fairnote_bench ENCODING 'UTF8' TEMPLATE template0");
            store::postgres::InitOptions o;
            o.adminLogin = u"bench_admin"_s;
            o.adminName = u"Bench Administrator"_s;
            o.adminPassword = kPassword;
            must(store::postgres::initServer(benchDb, o), "server init");
            auto admin = must(store::postgres::ServerAdmin::connect(
                                  store::pg::conninfoWith(benchDb, {{u"user"_s, u"bench_admin"_s}, {u"password"_s, kPassword}})),
                              "connect as the administrator");
            for (int t = 0; t < kTeams; ++t)
                must(admin->addTeam(u"Bench team %1"_s.arg(t, 2, 10, QChar(u'0'))), "add a team");
            auto addStaff = [&](const QString &login, const QString &name, const QString &role, const QStringList &teams) {
                store::pg::Connection s(conninfo);
                s.execOnce(u"DROP ROLE IF EXISTS %1"_s.arg(store::pg::quoteIdentifier(s, login)));
                store::postgres::StaffMember m{login, name, u"Support worker"_s, u"Bench Lodge"_s, role, {}, {}, {}};
                must(admin->addStaff(m, kPassword), "add staff");
                for (const QString &t : teams)
                    must(admin->addTeamMember(t, login), "add a team member");
            };
            for (int w = 0; w < 40; ++w)
                addStaff(u"bench_w%1"_s.arg(w), u"Writer %1"_s.arg(w), u"worker"_s, {u"Bench team %1"_s.arg(w, 2, 10, QChar(u'0'))});
            QStringList all;
            for (int t = 0; t < kTeams; ++t)
                all << u"Bench team %1"_s.arg(t, 2, 10, QChar(u'0'));
            addStaff(u"bench_supervisor"_s, u"Bench Supervisor"_s, u"supervisor"_s, all);
            store::pg::Connection db(benchDb);
            generate(db, entries, people);
        }
    } catch (const store::pg::Failure &f) {
        die(f.message() + (f.detail().isEmpty() ? QString() : u" ("_s + f.detail() + u')'));
    }

    std::printf("Team server, %d entries for %d people on %d teams' caseloads (a local durable PostgreSQL 15):\n", entries, people, kTeams);
    // A worker on one team: about %d people and their entries are theirs to read.
    auto reader = openAs(conninfo, u"bench_w0"_s);
    auto caseload = must(reader->people({}), "list the caseload");
    if (only.contains(u"chronology"_s)) {
        std::vector<double> t;
        QRandomGenerator rng(5);
        for (int i = 0; i < 200 && !caseload.empty(); ++i) {
            const QString person = caseload[size_t(rng.bounded(qint64(caseload.size())))].person.id;
            const auto start = Clock::now();
            auto listed = must(reader->entries({person, false, true}, {}), "open a chronology");
            t.push_back(ms(Clock::now() - start));
        }
        const Stats s = statsOf(t);
        std::printf("  open a person's chronology (a worker, %zu people; the view recorded)  %7.2f ms median, %7.2f ms p95   (budget < 50 ms)\n",
                    caseload.size(), s.median, s.p95);
    }
    auto supervisor = openAs(conninfo, u"bench_supervisor"_s);
    for (auto *who : {reader.get(), supervisor.get()}) {
        if (!only.contains(u"search"_s))
            break;
        std::vector<double> t;
        QRandomGenerator rng(9);
        for (int i = 0; i < 200; ++i) {
            QString q = kWords[int(rng.bounded(qint64(kWords.size())))];
            if (i % 3 == 1)
                q += u' ' + kWords[int(rng.bounded(qint64(kWords.size())))];
            if (i % 3 == 2)
                q = q.left(std::max<qsizetype>(3, q.size() - 2)); // as typed, the last word a prefix
            const auto start = Clock::now();
            must(who->search(q, {}, 50), "search");
            t.push_back(ms(Clock::now() - start));
        }
        const Stats s = statsOf(t);
        std::printf("  search, 50 results (%-38s)       %7.2f ms median, %7.2f ms p95   (budget p95 < 50 ms)\n",
                    who == reader.get() ? "a worker: one team's caseload" : "a supervisor of every team: 1,000,000", s.median, s.p95);
    }

    if (only.contains(u"saves"_s)) {
        std::vector<std::unique_ptr<store::Store>> stores;
        for (int w = 0; w < writers; ++w)
            stores.push_back(openAs(conninfo, u"bench_w%1"_s.arg(w)));
        // Each writer writes about someone on their own team's caseload (any one will do).
        std::vector<QString> persons;
        {
            store::pg::Connection c(benchDb);
            for (int w = 0; w < writers; ++w)
                persons.push_back(c.exec("SELECT c.person_id FROM fairnote.caseloads c JOIN fairnote.teams t ON t.id = c.team_id "
                                         "WHERE t.name = $1 ORDER BY c.person_id LIMIT 1",
                                         store::pg::Params{u"Bench team %1"_s.arg(w, 2, 10, QChar(u'0'))})
                                      .text(0, 0));
        }
        // Six saves by each writer first, not counted: a session's first save compiles the server's
        // functions for that session, and PostgreSQL plans each statement afresh its first five times
        // before it keeps a plan (the app's session lives all day; twenty sessions beginning at the
        // same moment are not what is measured here).
        for (int w = 0; w < writers * 6; ++w) {
            record::Entry e;
            e.eventDate.precision = record::DatePrecision::Day;
            e.eventDate.date = QDate::currentDate();
            e.body = record::GeneralNote{u"The first save of the session."_s};
            must(stores[size_t(w % writers)]->finalise(must(stores[size_t(w % writers)]->saveDraft(persons[size_t(w % writers)], e, {}),
                                                            "save a draft"),
                                                       {}, {}),
                 "finalise");
        }
        // Two runs of `seconds` each. Paced: the writers together offer `rate` saves a second, each
        // writer's evenly spaced and the writers staggered, as a team's saves arrive; a save's time is
        // counted from when it was due, so a save that had to wait for the one before it counts its
        // wait too. Flat out: each writer saves again as soon as the last is done, for the most the
        // server can take (the latency of that run is queueing: 20 writers / throughput).
        auto run = [&](double rate) {
            std::vector<std::vector<double>> latencies{size_t(writers)};
            std::atomic<bool> stop{false};
            std::atomic<int> failures{0};
            const auto begin = Clock::now();
            std::vector<std::thread> threads;
            for (int w = 0; w < writers; ++w) {
                threads.emplace_back([&, w] {
                    QRandomGenerator rng(quint32(100 + w));
                    const auto every = std::chrono::duration<double>(rate > 0 ? writers / rate : 0);
                    auto due = begin + std::chrono::duration_cast<Clock::duration>(every * (double(w) / writers));
                    while (!stop) {
                        if (rate > 0) {
                            std::this_thread::sleep_until(due);
                            if (stop)
                                break;
                        }
                        record::Entry e;
                        e.eventDate.precision = record::DatePrecision::Day;
                        e.eventDate.date = QDate::currentDate();
                        e.body = record::GeneralNote{sentence(rng, 30)};
                        const auto start = rate > 0 ? due : Clock::now();
                        auto id = stores[size_t(w)]->saveDraft(persons[size_t(w)], e, {});
                        auto rev = id ? stores[size_t(w)]->finalise(*id, {}, {}) : store::StoreResult<store::Revision>(id.error());
                        if (!rev) {
                            std::fprintf(stderr, "  a save failed: %s\n", qPrintable(rev.error().message));
                            ++failures;
                        } else {
                            latencies[size_t(w)].push_back(ms(Clock::now() - start));
                        }
                        due += std::chrono::duration_cast<Clock::duration>(every);
                    }
                });
            }
            std::this_thread::sleep_for(std::chrono::seconds(seconds));
            stop = true;
            for (auto &t : threads)
                t.join();
            std::vector<double> all;
            for (const auto &l : latencies)
                all.insert(all.end(), l.begin(), l.end());
            const Stats st = statsOf(all);
            if (rate > 0)
                std::printf("  save (draft + finalise), %d writers offering %.0f saves/s for %d s: %7.2f ms median, %7.2f ms p99, "
                            "%.0f saves/s done, %d failed\n      (budget < 10 ms median, < 50 ms p99, >= 200 saves/s sustained)\n",
                            writers, rate, seconds, st.median, st.p99, double(all.size()) / seconds, failures.load());
            else
                std::printf("  save (draft + finalise), %d writers flat out for %d s: %.0f saves/s (%7.2f ms median, %7.2f ms p99), "
                            "%d failed\n",
                            writers, seconds, double(all.size()) / seconds, st.median, st.p99, failures.load());
        };
        run(rate);
        run(0);
    }

    if (only.contains(u"verify"_s)) {
        const auto start = Clock::now();
        store::pg::Connection c(store::pg::conninfoWith(benchDb, {{u"user"_s, u"bench_supervisor"_s}, {u"password"_s, kPassword}}));
        const int problems = c.exec("SELECT count(*) FROM fairnote.verify_server() WHERE place <> 'server'").integer(0, 0);
        const double inServer = ms(Clock::now() - start) / 1000;
        const auto whole = Clock::now();
        auto report = must(supervisor->verify({}), "verify");
        const double total = ms(Clock::now() - whole) / 1000;
        std::printf("  verify the whole server: %.1f s in the server (chain, hashes, protections), %.1f s with every list column\n"
                    "      recomputed here; %lld audit rows, %lld revisions; %d problems in the server's checks, %zu in all  (budget < 60 s)\n",
                    inServer, total, static_cast<long long>(report.auditRows), static_cast<long long>(report.revisions), problems,
                    report.problems.size());
        for (size_t i = 0; i < std::min<size_t>(5, report.problems.size()); ++i)
            std::printf("      %s: %s\n", qPrintable(report.problems[i].where), qPrintable(report.problems[i].message));
    }
    return 0;
}
