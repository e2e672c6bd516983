// SPDX-FileCopyrightText: 2026 Fairnote contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// The team server through the store interface, as members of staff use it: who wrote what is the
// login's, whatever Actor is passed; concurrent writers never lose or duplicate a save and the chain
// stays whole; search stems English; views are recorded; verify finds a list column edited behind its
// back; a lost connection is said plainly and the next call connects again.
#include "store/postgres/pgtestsupport.h"

#include "store/postgres/open.h"
#include "store/snapshot.h"
#include "store/storetestsupport.h"

#include <QThread>
#include <atomic>
#include <thread>

using namespace fairnote;
using namespace Qt::StringLiterals;
using namespace fairnote::testing;

namespace {

// Whoever the caller says they are, the server's record says who logged in.
const store::Actor kTyped{u"Someone Else"_s, u"Chief executive"_s, u"Elsewhere"_s};

struct Team
{
    TestServer server;
    Team()
    {
        server.addTeam(u"Night"_s);
        server.addStaff(u"jo"_s, u"Jo Fletcher"_s, u"worker"_s, {u"Night"_s});
        server.addStaff(u"ren"_s, u"Ren Hall"_s, u"worker"_s, {u"Night"_s});
        server.addStaff(u"sam"_s, u"Sam Okafor"_s, u"supervisor"_s, {u"Night"_s}, u"Team leader"_s);
    }
    std::unique_ptr<store::Store> open(const QString &who)
    {
        auto s = store::postgres::openServer(server.conninfoAs(who));
        if (!s)
            FAIL(s.error().message.toStdString());
        (*s)->setAssessor(store::makeAssessor(assessOptions()));
        return std::move(*s);
    }
    // Alex Smith, added by `who` (so on their teams' caseloads).
    record::Person addAlex(store::Store &who)
    {
        record::Person alex;
        alex.name = u"Alex Smith"_s;
        auto added = who.addPerson(alex, kTyped);
        REQUIRE(added.ok());
        return *added;
    }
};

// A note about today (the server's clock is its own, so an event in the past would be a late entry).
record::Entry today(const QString &text) { return note(text, QDate::currentDate()); }

} // namespace

TEST_CASE("On a server the author of every revision is the login, whatever name is typed", "[postgres][store]")
{
    Team team;
    auto jo = team.open(u"jo"_s);
    const auto session = store::postgres::sessionOf(*jo);
    REQUIRE(session);
    CHECK(session->actor.name == u"Jo Fletcher");
    CHECK(session->role == u"worker");
    CHECK(session->teams == QStringList{u"Night"_s});

    const record::Person added = team.addAlex(*jo);
    auto id = jo->saveDraft(added.id, today(u"The fire alarm went off at 2am; staff found burnt toast."_s), kTyped);
    REQUIRE(id.ok());
    auto rev = jo->finalise(*id, kTyped, {});
    if (!rev)
        FAIL(rev.error().message.toStdString());
    CHECK(rev->author.name == u"Jo Fletcher");
    CHECK(rev->author.role == u"Support worker");
    CHECK(rev->entry.author.name == u"Jo Fletcher");
    CHECK(qAbs(rev->writtenAt.secsTo(QDateTime::currentDateTimeUtc())) < 600);

    auto detail = jo->entry(*id);
    REQUIRE(detail.ok());
    REQUIRE(detail->revisions.size() == 1);
    CHECK(detail->revisions[0].hash == rev->hash);
    CHECK(detail->summary.author.name == u"Jo Fletcher");

    // An amendment by a colleague keeps Jo as the entry's author and signs the revision as Ren.
    auto ren = team.open(u"ren"_s);
    record::Entry changed = detail->revisions[0].entry;
    changed.body = record::GeneralNote{u"The fire alarm went off at 3am; staff found burnt toast."_s};
    auto amended = ren->amend(*id, changed, u"The time was 3am, as the alarm log shows."_s, kTyped, {});
    REQUIRE(amended.ok());
    CHECK(amended->number == 2);
    CHECK(amended->author.name == u"Ren Hall");
    CHECK(amended->entry.author.name == u"Jo Fletcher");

    auto trail = jo->auditTrail(added.id);
    REQUIRE(trail.ok());
    QStringList actions;
    for (const auto &row : *trail)
        actions << row.action + u' ' + row.actor.name;
    CHECK(actions.contains(u"finalise Jo Fletcher"_s));
    CHECK(actions.contains(u"amend Ren Hall"_s));

    // The same rules as the file: a draft is its author's, a final entry is never a draft again.
    auto other = ren->saveDraft(added.id, today(u"Ren's own note."_s), kTyped);
    REQUIRE(other.ok());
    CHECK_FALSE(jo->finalise(*other, kTyped, {}).ok());
    CHECK(jo->entry(*other).error().code == store::ErrorCode::NotFound);
    auto again = jo->finalise(*id, kTyped, {});
    REQUIRE_FALSE(again.ok());
    CHECK(again.error().code == store::ErrorCode::Conflict);
}

TEST_CASE("A new entry whose chosen id is already an entry's gets another id, and the entry already there is untouched",
          "[postgres][store]")
{
    Team team;
    auto jo = team.open(u"jo"_s);
    const record::Person added = team.addAlex(*jo);
    auto first = jo->saveDraft(added.id, today(u"The first note, final."_s), kTyped);
    REQUIRE(first.ok());
    REQUIRE(jo->finalise(*first, kTyped, {}).ok());
    auto draft = jo->saveDraft(added.id, today(u"A second note, still a draft."_s), kTyped);
    REQUIRE(draft.ok());

    // An entry Jo may not read: another team's.
    team.server.addTeam(u"Day"_s);
    team.server.addStaff(u"kim"_s, u"Kim Day"_s, u"worker"_s, {u"Day"_s});
    auto kim = team.open(u"kim"_s);
    record::Person bo;
    bo.name = u"Bo Jones"_s;
    auto bos = kim->addPerson(bo, kTyped);
    REQUIRE(bos.ok());
    auto hidden = kim->saveDraft(bos->id, today(u"Another team's note."_s), kTyped);
    REQUIRE(hidden.ok());

    // Ids as a random choice could give them: one the server refuses (another team's entry, which
    // the session cannot see), the final entry's, the draft's, then a new one.
    store::postgres::ServerOpenOptions options;
    QStringList ids{*hidden, *first, *draft, u"E-0000C0DE"_s};
    options.newEntryId = [&ids] { return ids.takeFirst(); };
    auto s = store::postgres::openServer(team.server.conninfoAs(u"jo"_s), options);
    REQUIRE(s.ok());
    (*s)->setAssessor(store::makeAssessor(assessOptions()));
    auto third = (*s)->saveDraft(added.id, today(u"A third note."_s), kTyped);
    if (!third)
        FAIL(third.error().message.toStdString());
    CHECK(*third == u"E-0000C0DE");
    CHECK(ids.isEmpty());
    REQUIRE((*s)->finalise(*third, kTyped, {}).ok());

    // The final entry has no amendment draft and the draft its own text; the other team's is Kim's.
    auto kims = kim->entry(*hidden);
    REQUIRE(kims.ok());
    CHECK(kims->summary.personId == bos->id);
    auto kept = jo->entry(*first);
    REQUIRE(kept.ok());
    CHECK_FALSE(kept->draft.has_value());
    CHECK(kept->revisions.size() == 1);
    auto stillDraft = jo->entry(*draft);
    REQUIRE(stillDraft.ok());
    REQUIRE(stillDraft->draft.has_value());
    CHECK(stillDraft->draft->baseRevision == 0);
    CHECK(std::get<record::GeneralNote>(stillDraft->draft->entry.body).text == u"A second note, still a draft.");
}

TEST_CASE("Twenty writers saving at once never lose or duplicate a save, and the chain stays whole", "[postgres][store][concurrency]")
{
    Team team;
    auto first = team.open(u"jo"_s);
    const record::Person added = team.addAlex(*first);
    const QString person = added.id;
    constexpr int kWriters = 20, kSaves = 5;
    for (int w = 0; w < kWriters; ++w)
        team.server.addStaff(u"w%1"_s.arg(w), u"Writer %1"_s.arg(w), u"worker"_s, {u"Night"_s});
    std::atomic<int> saved{0}, failed{0};
    std::vector<std::thread> threads;
    std::vector<QString> errors(kWriters);
    for (int w = 0; w < kWriters; ++w) {
        threads.emplace_back([&, w] {
            auto s = store::postgres::openServer(team.server.conninfoAs(u"w%1"_s.arg(w)));
            if (!s) {
                errors[size_t(w)] = s.error().message;
                ++failed;
                return;
            }
            for (int i = 0; i < kSaves; ++i) {
                auto id = (*s)->saveDraft(person, today(u"Writer %1, save %2."_s.arg(w).arg(i)), kTyped);
                auto rev = id ? (*s)->finalise(*id, kTyped, {}) : store::StoreResult<store::Revision>(id.error());
                if (rev)
                    ++saved;
                else {
                    errors[size_t(w)] = rev.error().message;
                    ++failed;
                }
            }
        });
    }
    for (auto &t : threads)
        t.join();
    for (const QString &e : errors)
        if (!e.isEmpty())
            FAIL(e.toStdString());
    CHECK(saved == kWriters * kSaves);
    CHECK(failed == 0);
    auto listed = first->entries({person, false, true}, kTyped);
    REQUIRE(listed.ok());
    CHECK(listed->size() == size_t(kWriters * kSaves));
    QSet<QString> texts;
    for (const auto &e : *listed)
        texts.insert(e.summary);
    CHECK(texts.size() == kWriters * kSaves);

    auto sam = team.open(u"sam"_s);
    auto report = sam->verify({});
    REQUIRE(report.ok());
    for (const auto &p : report->problems)
        if (p.where != u"server") // the test clock
            FAIL(QString(p.where + u": "_s + p.message).toStdString());
    auto super = team.server.connectAsSuperuser();
    CHECK(super->exec("SELECT count(*) = max(seq) FROM fairnote.audit").boolean(0, 0));
    CHECK(super->exec("SELECT count(*) FROM fairnote.audit WHERE action = 'finalise'").integer(0, 0) == kWriters * kSaves);
}

TEST_CASE("Search on a server uses PostgreSQL's English stemming and finds only what the session may read", "[postgres][store]")
{
    Team team;
    auto jo = team.open(u"jo"_s);
    const record::Person added = team.addAlex(*jo);
    auto id = jo->saveDraft(added.id, today(u"Alex smoked in the garden and the smoke alarm sounded twice."_s), kTyped);
    REQUIRE(id.ok());
    REQUIRE(jo->finalise(*id, kTyped, {}).ok());
    auto hits = jo->search(u"smoking alarms"_s, kTyped, 10);
    REQUIRE(hits.ok());
    REQUIRE(hits->size() == 1);
    CHECK(hits->front().entryId == *id);
    CHECK(hits->front().personName == u"Alex Smith");
    CHECK_FALSE(hits->front().highlights.empty());
    // As you type: the last word is a prefix.
    auto typing = jo->search(u"gard"_s, kTyped, 10);
    REQUIRE(typing.ok());
    CHECK(typing->size() == 1);
    // Someone on no team with this person finds nothing.
    team.server.addTeam(u"Day"_s);
    team.server.addStaff(u"kim"_s, u"Kim Lee"_s, u"worker"_s, {u"Day"_s});
    auto kim = team.open(u"kim"_s);
    auto none = kim->search(u"smoke"_s, kTyped, 10);
    REQUIRE(none.ok());
    CHECK(none->empty());
}

TEST_CASE("Search on a server lists a word common in recent entries newest first, among what the session may read", "[postgres][store]")
{
    Team team;
    team.server.addTeam(u"Day"_s);
    team.server.addStaff(u"kim"_s, u"Kim Lee"_s, u"worker"_s, {u"Day"_s});
    auto jo = team.open(u"jo"_s);
    const record::Person added = team.addAlex(*jo);
    // Oldest first; the older entries say "kettle" more often, so ranking would put them first.
    std::vector<QString> ids;
    for (int i = 0; i < 5; ++i) {
        const QString text = QStringList(size_t(5 - i), u"Alex boiled the kettle."_s).join(u' ') + u" Entry %1."_s.arg(i);
        auto id = jo->saveDraft(added.id, today(text), kTyped);
        REQUIRE(id.ok());
        REQUIRE(jo->finalise(*id, kTyped, {}).ok());
        ids.push_back(*id);
    }
    // What Jo may not read: a colleague's draft about Alex, and Kim's person on another team.
    auto ren = team.open(u"ren"_s);
    REQUIRE(ren->saveDraft(added.id, today(u"Ren's draft about the kettle."_s), kTyped).ok());
    auto kim = team.open(u"kim"_s);
    record::Person blake;
    blake.name = u"Blake Jones"_s;
    auto other = kim->addPerson(blake, kTyped);
    REQUIRE(other.ok());
    auto theirs = kim->saveDraft(other->id, today(u"Blake used the kettle."_s), kTyped);
    REQUIRE(theirs.ok());
    REQUIRE(kim->finalise(*theirs, kTyped, {}).ok());
    team.server.connectAsSuperuser()->execOnce(u"ANALYZE fairnote.entries"_s);

    // A small server never has a word in 20,000 entries: ranked, the most "kettle" first.
    auto ranked = jo->search(u"kettle"_s, kTyped, 3);
    REQUIRE(ranked.ok());
    REQUIRE(ranked->size() == 3);
    CHECK(ranked->front().entryId == ids[0]);
    CHECK(ranked->front().rank > 0);

    // The same server told that a word in any entry is common (fairnote.search_common_above): the
    // newest entries Jo may read, newest first, the draft and the other team's entry left out.
    auto common = store::postgres::openServer(
        store::pg::conninfoWith(team.server.conninfoAs(u"jo"_s), {{u"options"_s, u"-c fairnote.search_common_above=0"_s}}));
    REQUIRE(common.ok());
    auto newest = (*common)->search(u"kettle"_s, kTyped, 3);
    REQUIRE(newest.ok());
    std::vector<QString> found;
    for (const auto &h : *newest) {
        found.push_back(h.entryId);
        CHECK(h.rank == 0);
        CHECK(h.personName == u"Alex Smith");
        CHECK_FALSE(h.highlights.empty());
    }
    CHECK(found == std::vector<QString>{ids[4], ids[3], ids[2]});
    // Fewer matches than asked for among the recent entries: the index is asked, as for a rarer word.
    auto all = (*common)->search(u"kettl"_s, kTyped, 10);
    REQUIRE(all.ok());
    CHECK(all->size() == 5);
}

TEST_CASE("Opening a person's record on a server is recorded as a view, once per opening", "[postgres][store]")
{
    Team team;
    auto jo = team.open(u"jo"_s);
    const record::Person added = team.addAlex(*jo);
    REQUIRE(jo->entries({added.id, false, true}, kTyped).ok());
    REQUIRE(jo->entries({added.id, false, true}, kTyped).ok()); // a refresh, not a new opening
    auto sam = team.open(u"sam"_s);
    REQUIRE(sam->entries({added.id, false, true}, kTyped).ok());
    auto trail = sam->auditTrail(added.id);
    REQUIRE(trail.ok());
    QStringList views;
    for (const auto &row : *trail)
        if (row.action == u"view")
            views << row.actor.name + u' ' + row.detail.value(u"what"_s).toString();
    CHECK(views == QStringList{u"Jo Fletcher chronology"_s, u"Sam Okafor chronology"_s});
}

TEST_CASE("Verify on a server recomputes the list columns and finds one edited behind its back", "[postgres][store]")
{
    Team team;
    auto jo = team.open(u"jo"_s);
    const record::Person added = team.addAlex(*jo);
    auto id = jo->saveDraft(added.id, today(u"Alex asked for help with a smoke alarm that kept sounding."_s), kTyped);
    REQUIRE(id.ok());
    REQUIRE(jo->finalise(*id, kTyped, {}).ok());
    auto sam = team.open(u"sam"_s);
    auto clean = sam->verify({});
    REQUIRE(clean.ok());
    CHECK(clean->problems.empty());
    CHECK(sam->location().contains(u"a test database whose clock can be set, so its times are not evidence"_s)); // said as such
    CHECK(clean->entries == 1);
    CHECK(clean->headHash.size() == 64);
    auto super = team.server.connectAsSuperuser();
    super->exec("UPDATE fairnote.entries SET summary = 'Known arsonist' WHERE id = $1", store::pg::Params{*id});
    auto tampered = sam->verify({});
    REQUIRE(tampered.ok());
    bool found = false;
    for (const auto &p : tampered->problems)
        found = found || (p.where == u"entry "_s + *id && p.message.contains(u"Known arsonist"_s));
    CHECK(found);
}

TEST_CASE("Verify on a server runs the server's checks beside the list columns, and a cancel stops both", "[postgres][store]")
{
    Team team;
    auto jo = team.open(u"jo"_s);
    const record::Person added = team.addAlex(*jo);
    for (int i = 0; i < 3; ++i) {
        auto id = jo->saveDraft(added.id, today(u"Alex asked about the fire drill, note %1."_s.arg(i)), kTyped);
        REQUIRE(id.ok());
        REQUIRE(jo->finalise(*id, kTyped, {}).ok());
    }
    auto sam = team.open(u"sam"_s);
    // Cancelled at the first report after the start: said as cancelled, and nothing of it is left
    // running on the server (the checks' own connection is asked to stop, and closed).
    int calls = 0;
    auto cancelled = sam->verify([&](qint64, qint64) { return ++calls < 2; });
    REQUIRE_FALSE(cancelled.ok());
    CHECK(cancelled.error().code == store::ErrorCode::Cancelled);
    auto super = team.server.connectAsSuperuser();
    auto sessions = [&] {
        return super->exec("SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() AND usename = $1",
                           store::pg::Params{team.server.login(u"sam"_s)})
            .integer(0, 0);
    };
    for (int i = 0; i < 100 && sessions() > 1; ++i) // a closed session leaves the list a moment later
        QThread::msleep(50);
    CHECK(sessions() == 1); // the store's own session only
    // Both halves report into one answer, the server's problems first.
    super->exec("UPDATE fairnote.entries SET summary = 'Known arsonist' WHERE person_id = $1", store::pg::Params{added.id});
    super->exec("ALTER TABLE fairnote.audit DISABLE TRIGGER audit_never_changes");
    super->exec("UPDATE fairnote.audit SET detail = '{}' WHERE seq = 2");
    super->exec("ALTER TABLE fairnote.audit ENABLE TRIGGER audit_never_changes");
    auto report = sam->verify({});
    REQUIRE(report.ok());
    REQUIRE(report->problems.size() >= 4);
    CHECK_FALSE(report->problems.front().where.startsWith(u"entry "_s));
    CHECK(report->problems.back().message.contains(u"Known arsonist"_s));
    CHECK(report->entries == 3);
}

TEST_CASE("A lost connection to the server is said plainly, and the next call connects again", "[postgres][store]")
{
    Team team;
    auto jo = team.open(u"jo"_s);
    team.addAlex(*jo);
    auto super = team.server.connectAsSuperuser();
    super->exec("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE usename = $1", store::pg::Params{team.server.login(u"jo"_s)});
    auto lost = jo->people(kTyped);
    REQUIRE_FALSE(lost.ok());
    CHECK(lost.error().code == store::ErrorCode::Io);
    CHECK(lost.error().message.contains(u"connection"_s));
    auto back = jo->people(kTyped);
    REQUIRE(back.ok());
    CHECK(back->size() == 1);
}

TEST_CASE("A locked window's password is checked by the server: the login's own is accepted, any other refused", "[postgres][store][lock]")
{
    Team team;
    auto jo = team.open(u"jo"_s);
    CHECK(store::postgres::confirmPassword(*jo, kTestPassword).ok());
    const auto wrong = store::postgres::confirmPassword(*jo, u"not-her-password"_s);
    REQUIRE_FALSE(wrong.ok());
    CHECK(wrong.error().code == store::ErrorCode::NeedsPassword);
    CHECK(wrong.error().message.contains(team.server.login(u"jo"_s)));
    // No password at all is never hers, though the connection string (or ~/.pgpass) holds one: libpq
    // would fall back to it.
    const auto none = store::postgres::confirmPassword(*jo, u""_s);
    REQUIRE_FALSE(none.ok());
    CHECK(none.error().code == store::ErrorCode::NeedsPassword);
    // The store still works after the checks: they used connections of their own.
    CHECK(jo->people(kTyped).ok());
}

TEST_CASE("The Connect dialog's fields make a connection string libpq reads back, quotes and spaces kept", "[postgres][store]")
{
    store::postgres::ServerAddress a;
    a.host = u" /tmp/pg socket "_s;
    a.database = u"fairnote"_s;
    a.login = u"o'neill\\k"_s;
    const QString conninfo = store::postgres::connectionString(a);
    CHECK_FALSE(conninfo.contains(u"port"_s)); // left to libpq
    // libpq's own parser reads each value back whole (conninfoWith parses it, then writes it again).
    const QString again = store::pg::conninfoWith(conninfo, {});
    CHECK(again.contains(u"host='/tmp/pg socket'"_s));
    CHECK(again.contains(u"dbname='fairnote'"_s));
    CHECK(again.contains(u"user='o\\'neill\\\\k'"_s));
    CHECK(store::postgres::connectionString({}).isEmpty());
}
