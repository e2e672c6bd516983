// SPDX-FileCopyrightText: 2026 Fairnote contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// The security suite: each access rule of the team server, proved from raw SQL by real logins (as
// psql would send it), never through the app. Each refusal must come from PostgreSQL itself: a
// privilege ("permission denied", SQLSTATE 42501), a row-level security policy (the rows are not
// there), a Fairnote function's refusal (FN001–FN004) or a trigger (FN005).
#include "store/postgres/pgtestsupport.h"

#include <QJsonDocument>
#include <QJsonObject>

using namespace fairnote;
using namespace Qt::StringLiterals;
using namespace fairnote::testing;
using store::pg::Connection;
using store::pg::Params;

namespace {

// The SQLSTATE `sql` fails with as this connection, or "" when it succeeds.
QString stateOf(Connection &c, const QByteArray &sql, const Params &params = {})
{
    try {
        c.execOnce(QString::fromUtf8(sql), params);
        return {};
    } catch (const store::pg::Failure &f) {
        if (c.isBroken())
            FAIL("the connection broke: " << f.message().toStdString());
        return f.sqlState();
    }
}

qint64 count(Connection &c, const QByteArray &sql, const Params &params = {})
{
    return c.execOnce(QString::fromUtf8(sql), params).integer(0, 0);
}

// The entry JSON the server accepts for `who` writing at the server's time: id, kind, written_at and
// author are what it checks.
QString content(const QString &entry, const QString &writtenAt, const QString &name, const QString &role, const QString &text)
{
    const QJsonObject o{{u"id"_s, entry},
                        {u"kind"_s, u"note"_s},
                        {u"written_at"_s, writtenAt},
                        {u"author"_s, QJsonObject{{u"name"_s, name}, {u"role"_s, role}, {u"organisation"_s, u"Fairview Lodge"_s}}},
                        {u"note"_s, QJsonObject{{u"text"_s, text}}}};
    return QString::fromUtf8(QJsonDocument(o).toJson(QJsonDocument::Compact));
}

const QString kHead = uR"({"summary": "Fire alarm at night", "search_names": "Alex Smith", "search_body": "The fire alarm went off at 2am"})"_s;

// Writes a draft of a new note as this connection's login ("Name", "Job title").
void saveDraft(Connection &c, const QString &person, const QString &entry, const QString &name, const QString &role, const QString &text)
{
    store::pg::Transaction t(c);
    const QString at = c.exec("SELECT fairnote.iso(fairnote.clock())").text(0, 0);
    c.exec("SELECT fairnote.save_draft($1, $2, 'note', $3, $4::jsonb)", Params{person, entry, content(entry, at, name, role, text), kHead});
    t.commit();
}

void finalise(Connection &c, const QString &entry, const QString &name, const QString &role, const QString &text,
              const QString &snapshot = u"{\"prompts\": [], \"findings\": []}"_s)
{
    store::pg::Transaction t(c);
    const QString at = c.exec("SELECT fairnote.iso(fairnote.clock())").text(0, 0);
    c.exec("SELECT * FROM fairnote.finalise($1, $2, $3::jsonb, $4::jsonb, NULL, NULL)",
           Params{entry, content(entry, at, name, role, text), kHead, snapshot});
    t.commit();
}

// Two teams at Fairview Lodge: Jo (worker) and Sam (supervisor) on Night, Kim (worker) on Day. Jo has
// written a final note about Alex (Night's caseload) and has a draft; Kim has written about Pat (Day).
struct Lodge
{
    TestServer server;
    Lodge()
    {
        server.addTeam(u"Night"_s);
        server.addTeam(u"Day"_s);
        server.addStaff(u"jo"_s, u"Jo Fletcher"_s, u"worker"_s, {u"Night"_s});
        server.addStaff(u"sam"_s, u"Sam Okafor"_s, u"supervisor"_s, {u"Night"_s}, u"Team leader"_s);
        server.addStaff(u"kim"_s, u"Kim Lee"_s, u"worker"_s, {u"Day"_s});
        server.addStaff(u"tess"_s, u"Tess Ward"_s, u"trainer"_s, {}, u"Trainer"_s);
        auto jo = server.connectAs(u"jo"_s);
        jo->exec("SELECT fairnote.add_person('P-ALEX', 'Alex Smith', '[]', '1980-01-02')");
        saveDraft(*jo, u"P-ALEX"_s, u"E-FINAL"_s, u"Jo Fletcher"_s, u"Support worker"_s, u"The fire alarm went off at 2am."_s);
        finalise(*jo, u"E-FINAL"_s, u"Jo Fletcher"_s, u"Support worker"_s, u"The fire alarm went off at 2am."_s);
        saveDraft(*jo, u"P-ALEX"_s, u"E-DRAFT"_s, u"Jo Fletcher"_s, u"Support worker"_s, u"Half-written thoughts."_s);
        auto kim = server.connectAs(u"kim"_s);
        kim->exec("SELECT fairnote.add_person('P-PAT', 'Pat Jones', '[]', NULL)");
        saveDraft(*kim, u"P-PAT"_s, u"E-PAT"_s, u"Kim Lee"_s, u"Support worker"_s, u"Pat moved in today."_s);
        finalise(*kim, u"E-PAT"_s, u"Kim Lee"_s, u"Support worker"_s, u"Pat moved in today."_s);
    }
};

} // namespace

TEST_CASE("A worker cannot read a person on another team's caseload, nor write about them", "[postgres][security]")
{
    Lodge lodge;
    auto kim = lodge.server.connectAs(u"kim"_s);
    CHECK(count(*kim, "SELECT count(*) FROM fairnote.people WHERE id = 'P-ALEX'") == 0);
    CHECK(count(*kim, "SELECT count(*) FROM fairnote.entries WHERE person_id = 'P-ALEX'") == 0);
    CHECK(count(*kim, "SELECT count(*) FROM fairnote.revisions WHERE entry_id = 'E-FINAL'") == 0);
    CHECK(count(*kim, "SELECT count(*) FROM fairnote.audit WHERE person_id = 'P-ALEX'") == 0);
    // Their own team's person is there: the policy is by caseload, not a blanket refusal.
    CHECK(count(*kim, "SELECT count(*) FROM fairnote.people WHERE id = 'P-PAT'") == 1);
    CHECK(count(*kim, "SELECT count(*) FROM fairnote.revisions WHERE entry_id = 'E-PAT'") == 1);
    // Writing about Alex, or marking Jo's entry in error, is refused as "no such person/entry".
    CHECK(stateOf(*kim, "SELECT fairnote.mark_in_error('E-FINAL', 'wrong person')") == u"FN002");
    CHECK(stateOf(*kim, "SELECT fairnote.log_event('view', 'P-ALEX', NULL, '{}')") == u"FN002");
    CHECK(stateOf(*kim, "SELECT fairnote.update_person('P-ALEX', 'Alexander Smith', '[]', NULL)") == u"FN002");
    // A full-text search finds nothing of theirs either.
    CHECK(count(*kim, "SELECT count(*) FROM fairnote.entries WHERE search @@ plainto_tsquery('english', 'alarm')") == 1); // her own
    CHECK(count(*kim, "SELECT count(*) FROM fairnote.entries WHERE search @@ plainto_tsquery('english', 'alarm') AND id = 'E-FINAL'") == 0);
}

TEST_CASE("A draft is read by its author only, even by a supervisor of the same team", "[postgres][security]")
{
    Lodge lodge;
    auto jo = lodge.server.connectAs(u"jo"_s);
    CHECK(count(*jo, "SELECT count(*) FROM fairnote.drafts WHERE entry_id = 'E-DRAFT'") == 1);
    auto sam = lodge.server.connectAs(u"sam"_s);
    CHECK(count(*sam, "SELECT count(*) FROM fairnote.drafts") == 0);
    CHECK(count(*sam, "SELECT count(*) FROM fairnote.entries WHERE id = 'E-DRAFT'") == 0);
    CHECK(count(*sam, "SELECT count(*) FROM fairnote.entries WHERE id = 'E-FINAL'") == 1);
    // Nor can anyone else finalise or discard it: the server says whose draft it is, never what it says.
    CHECK(stateOf(*sam, "SELECT fairnote.discard_draft('E-DRAFT')") == u"FN001");
    CHECK(stateOf(*sam, "SELECT * FROM fairnote.finalise('E-DRAFT', '{}', '{}'::jsonb, NULL, NULL, NULL)") == u"FN001");
    auto kim = lodge.server.connectAs(u"kim"_s);
    CHECK(stateOf(*kim, "SELECT fairnote.discard_draft('E-DRAFT')") == u"FN002"); // another team: not even that
    // An amendment draft of a final entry is hidden the same way.
    store::pg::Transaction t(*jo);
    const QString original = jo->exec("SELECT fairnote.iso(written_at) FROM fairnote.entries WHERE id = 'E-FINAL'").text(0, 0);
    jo->exec("SELECT fairnote.save_draft('P-ALEX', 'E-FINAL', 'note', $1, $2::jsonb)",
             Params{content(u"E-FINAL"_s, original, u"Jo Fletcher"_s, u"Support worker"_s, u"Amending: it was 3am."_s), kHead});
    t.commit();
    CHECK(count(*sam, "SELECT count(*) FROM fairnote.drafts WHERE entry_id = 'E-FINAL'") == 0);
    CHECK(count(*jo, "SELECT count(*) FROM fairnote.drafts WHERE entry_id = 'E-FINAL'") == 1);
}

TEST_CASE("No login can change or delete a final revision, a review, a sign-off or an audit row", "[postgres][security]")
{
    Lodge lodge;
    for (const char *who : {"jo", "sam", "admin", "tess"}) {
        INFO(who);
        auto c = lodge.server.connectAs(QString::fromLatin1(who));
        CHECK(stateOf(*c, "UPDATE fairnote.revisions SET content = '{}' WHERE entry_id = 'E-FINAL'") == u"42501");
        CHECK(stateOf(*c, "DELETE FROM fairnote.revisions") == u"42501");
        CHECK(stateOf(*c, "UPDATE fairnote.audit SET detail = '{}'") == u"42501");
        CHECK(stateOf(*c, "DELETE FROM fairnote.audit WHERE seq > 1") == u"42501");
        CHECK(stateOf(*c, "TRUNCATE fairnote.audit") == u"42501");
        CHECK(stateOf(*c, "DELETE FROM fairnote.reviews") == u"42501");
        CHECK(stateOf(*c, "UPDATE fairnote.signoff_events SET state = 'approved'") == u"42501");
        CHECK(stateOf(*c, "INSERT INTO fairnote.audit(seq, at, action, prev_hash, hash) VALUES (999, now(), 'x', '', '')") == u"42501");
        CHECK(stateOf(*c, "UPDATE fairnote.chain_head SET seq = 0") == u"42501");
        // Nor become the owner that could.
        CHECK(stateOf(*c, "SET ROLE fairnote_owner") == u"42501");
        CHECK(stateOf(*c, "GRANT fairnote_owner TO CURRENT_USER") == u"42501");
    }
    // Even the owner itself (a superuser acting as it) meets the triggers: final means final.
    auto super = lodge.server.connectAsSuperuser();
    super->exec("SET ROLE fairnote_owner");
    CHECK(stateOf(*super, "UPDATE fairnote.revisions SET content = '{}' WHERE entry_id = 'E-FINAL'") == u"FN005");
    CHECK(stateOf(*super, "DELETE FROM fairnote.audit WHERE seq = 1") == u"FN005");
    CHECK(stateOf(*super, "TRUNCATE fairnote.audit") == u"FN005");
}

TEST_CASE("No login owns a table or a function, and nobody who logs in can make roles", "[postgres][security]")
{
    Lodge lodge;
    auto super = lodge.server.connectAsSuperuser();
    CHECK(count(*super, "SELECT count(*) FROM pg_class c JOIN pg_roles r ON r.oid = c.relowner "
                        "WHERE c.relnamespace = 'fairnote'::regnamespace AND r.rolcanlogin") == 0);
    CHECK(count(*super, "SELECT count(*) FROM pg_proc p JOIN pg_roles r ON r.oid = p.proowner "
                        "WHERE p.pronamespace = 'fairnote'::regnamespace AND r.rolcanlogin") == 0);
    CHECK(count(*super, "SELECT count(*) FROM pg_roles WHERE rolname LIKE 'fairnote\\_%' AND rolcanlogin") == 0);
    CHECK(count(*super, "SELECT count(*) FROM pg_roles WHERE rolname LIKE $1 || '%' AND (rolcreaterole OR rolsuper OR rolbypassrls)",
                Params{lodge.server.database()}) == 0);
    // The role maker's functions are the owner's to call, nobody else's.
    auto admin = lodge.server.connectAs(u"admin"_s);
    CHECK(stateOf(*admin, "SELECT fairnote.rm_enable_login('mallory', 'fairnote_supervisor', NULL)") == u"42501");
    CHECK(stateOf(*admin, "CREATE ROLE mallory LOGIN") == u"42501");
}

TEST_CASE("Nobody signs off or reviews their own entry, and only supervisors review or decide", "[postgres][security]")
{
    Lodge lodge;
    // Sam, a supervisor, writes an incident-like note of his own: he may not review it.
    auto sam = lodge.server.connectAs(u"sam"_s);
    saveDraft(*sam, u"P-ALEX"_s, u"E-SAM"_s, u"Sam Okafor"_s, u"Team leader"_s, u"Alex said the alarm was burnt toast."_s);
    finalise(*sam, u"E-SAM"_s, u"Sam Okafor"_s, u"Team leader"_s, u"Alex said the alarm was burnt toast."_s);
    const char *review = "SELECT fairnote.record_review($1, 0, '{}', '[{\"criterion\": \"factual\", \"score\": 3}]', '', false)";
    CHECK(stateOf(*sam, review, Params{u"E-SAM"_s}) == u"FN001");
    // Jo's entry he may review.
    CHECK(stateOf(*sam, review, Params{u"E-FINAL"_s}).isEmpty());
    // A worker may not review at all: the function is not theirs to call.
    auto jo = lodge.server.connectAs(u"jo"_s);
    CHECK(stateOf(*jo, review, Params{u"E-SAM"_s}) == u"42501");
    // Sign-off: Sam asks for sign-off of a summary about Alex, and cannot approve his own request.
    const qint64 request = jo->exec("SELECT fairnote.request_signoff('summary', 'P-ALEX', NULL, 'abc123', '{}', 'please')").integer(0, 0);
    CHECK(stateOf(*jo, "SELECT fairnote.decide_signoff($1, 'approved', '')", Params{}.add(request)) == u"42501");
    const qint64 own = sam->exec("SELECT fairnote.request_signoff('summary', 'P-ALEX', NULL, 'def456', '{}', '')").integer(0, 0);
    CHECK(stateOf(*sam, "SELECT fairnote.decide_signoff($1, 'approved', '')", Params{}.add(own)) == u"FN001");
    CHECK(stateOf(*sam, "SELECT fairnote.decide_signoff($1, 'approved', '')", Params{}.add(request)).isEmpty());
    // And a supervisor on another team cannot see the request to decide it.
    lodge.server.addStaff(u"dee"_s, u"Dee Patel"_s, u"supervisor"_s, {u"Day"_s}, u"Team leader"_s);
    auto dee = lodge.server.connectAs(u"dee"_s);
    CHECK(stateOf(*dee, "SELECT fairnote.decide_signoff($1, 'returned', 'no')", Params{}.add(own)) == u"FN002");
    CHECK(count(*dee, "SELECT count(*) FROM fairnote.signoffs") == 0);
}

TEST_CASE("An administrator manages staff, teams and caseloads but cannot read case content", "[postgres][security]")
{
    Lodge lodge;
    auto admin = lodge.server.connectAs(u"admin"_s);
    CHECK(stateOf(*admin, "SELECT content FROM fairnote.revisions") == u"42501");
    CHECK(stateOf(*admin, "SELECT summary FROM fairnote.entries") == u"42501");
    CHECK(stateOf(*admin, "SELECT content FROM fairnote.drafts") == u"42501");
    CHECK(stateOf(*admin, "SELECT * FROM fairnote.reviews") == u"42501");
    CHECK(stateOf(*admin, "SELECT * FROM fairnote.signoffs") == u"42501");
    CHECK(stateOf(*admin, "SELECT detail FROM fairnote.audit") == u"42501");
    CHECK(stateOf(*admin, "SELECT * FROM fairnote.people") == u"42501"); // created_by is not theirs to read
    // Who is on the server, yes (to put them on the right caseload), and caseload changes in the trail.
    CHECK(count(*admin, "SELECT count(*) FROM (SELECT id, name, date_of_birth FROM fairnote.people) p") == 2);
    CHECK(count(*admin, "SELECT count(*) FROM (SELECT seq, action FROM fairnote.audit WHERE action IN ('finalise', 'create-entry')) a") == 0);
    // Nor can they write a note, or put themselves where they could read one.
    CHECK(stateOf(*admin, "SELECT fairnote.add_person('', 'Someone', '[]', NULL)") == u"42501");
    CHECK(stateOf(*admin, "SELECT fairnote.staff_set_role($1, 'supervisor')", Params{lodge.server.login(u"admin"_s)}) == u"FN001");
    CHECK(stateOf(*admin, "SELECT fairnote.team_add_member('Night', $1)", Params{lodge.server.login(u"admin"_s)}) == u"FN004");
    CHECK(stateOf(*admin, "SELECT fairnote.staff_leave($1)", Params{lodge.server.login(u"admin"_s)}) == u"FN001");
    // A worker is not an administrator.
    auto jo = lodge.server.connectAs(u"jo"_s);
    CHECK(stateOf(*jo, "SELECT fairnote.caseload_add('Night', 'P-PAT')") == u"42501");
    CHECK(stateOf(*jo, "SELECT fairnote.staff_set_role($1, 'supervisor')", Params{lodge.server.login(u"jo"_s)}) == u"42501");
}

TEST_CASE("What a revision says about who wrote it and when is the server's, never typed", "[postgres][security]")
{
    Lodge lodge;
    auto jo = lodge.server.connectAs(u"jo"_s);
    store::pg::Transaction t(*jo);
    const QString at = jo->exec("SELECT fairnote.iso(fairnote.clock())").text(0, 0);
    // Signed as Sam: refused.
    CHECK(stateOf(*jo, "SELECT fairnote.save_draft('P-ALEX', 'E-FORGED', 'note', $1, '{}'::jsonb)",
                  Params{content(u"E-FORGED"_s, at, u"Sam Okafor"_s, u"Team leader"_s, u"x"_s)}) == u"FN004");
}

TEST_CASE("A written time that is not the server's is refused", "[postgres][security]")
{
    Lodge lodge;
    auto jo = lodge.server.connectAs(u"jo"_s);
    CHECK(stateOf(*jo, "SELECT fairnote.save_draft('P-ALEX', 'E-BACKDATED', 'note', $1, '{}'::jsonb)",
                  Params{content(u"E-BACKDATED"_s, u"2020-01-01T00:00:00Z"_s, u"Jo Fletcher"_s, u"Support worker"_s, u"x"_s)})
          == u"FN004");
    // The session cannot become someone else either.
    CHECK(stateOf(*jo, "SET ROLE " + lodge.server.login(u"sam"_s).toUtf8()) == u"42501");
    CHECK(stateOf(*jo, "SET SESSION AUTHORIZATION " + lodge.server.login(u"sam"_s).toUtf8()) == u"42501");
}

TEST_CASE("A handover moves who may read a person's record, and is in the person's audit trail", "[postgres][security]")
{
    Lodge lodge;
    auto admin = lodge.server.admin();
    REQUIRE(admin->handover(u"P-ALEX"_s, u"Night"_s, u"Day"_s).ok());
    auto jo = lodge.server.connectAs(u"jo"_s);
    auto kim = lodge.server.connectAs(u"kim"_s);
    CHECK(count(*jo, "SELECT count(*) FROM fairnote.entries WHERE person_id = 'P-ALEX'") == 0);
    CHECK(count(*kim, "SELECT count(*) FROM fairnote.entries WHERE person_id = 'P-ALEX'") == 1);
    // Jo's draft of a person she may no longer read is out of her reach too.
    CHECK(count(*jo, "SELECT count(*) FROM fairnote.drafts") == 0);
    CHECK(count(*kim, "SELECT count(*) FROM fairnote.audit WHERE person_id = 'P-ALEX' AND action IN ('caseload-add', 'caseload-remove')") == 2);
    auto adminSql = lodge.server.connectAs(u"admin"_s);
    CHECK(count(*adminSql, "SELECT count(*) FROM (SELECT seq FROM fairnote.audit WHERE person_id = 'P-ALEX' "
                           "AND action IN ('caseload-add', 'caseload-remove')) a") == 2);
}

TEST_CASE("Who viewed a record: recorded for every view, listed to supervisors, not to other workers", "[postgres][security]")
{
    Lodge lodge;
    auto jo = lodge.server.connectAs(u"jo"_s);
    jo->exec("SELECT fairnote.log_event('view', 'P-ALEX', NULL, '{\"what\": \"chronology\"}')");
    jo->exec("SELECT fairnote.log_event('view', 'P-ALEX', 'E-FINAL', '{\"what\": \"entry\"}')");
    lodge.server.addStaff(u"max"_s, u"Max Bell"_s, u"worker"_s, {u"Night"_s});
    auto max = lodge.server.connectAs(u"max"_s);
    max->exec("SELECT fairnote.log_event('view', 'P-ALEX', NULL, '{\"what\": \"chronology\"}')");
    auto sam = lodge.server.connectAs(u"sam"_s);
    CHECK(count(*sam, "SELECT count(*) FROM fairnote.audit WHERE person_id = 'P-ALEX' AND action = 'view'") == 3);
    // Workers see their own views, not their colleagues'.
    CHECK(count(*jo, "SELECT count(*) FROM fairnote.audit WHERE person_id = 'P-ALEX' AND action = 'view'") == 2);
    CHECK(count(*max, "SELECT count(*) FROM fairnote.audit WHERE person_id = 'P-ALEX' AND action = 'view'") == 1);
    // An event that is not a view, export or the like is not theirs to invent.
    CHECK(stateOf(*jo, "SELECT fairnote.log_event('finalise', 'P-ALEX', 'E-FINAL', '{}')") == u"FN004");
}

TEST_CASE("Verify accepts a revision with the assessment it kept, and finds that assessment edited", "[postgres][security]")
{
    Lodge lodge;
    auto jo = lodge.server.connectAs(u"jo"_s);
    // A prompt left open and two findings left as written, one with text beyond ASCII (lengths are bytes).
    const QString kept = uR"({"prompts": [{"field": "source", "code": "source-unknown", "severity": "warning",
        "message": "How do we know?", "question": "Who saw it?", "left_reason": "Not known yet; asking the night staff."}],
      "findings": [{"field": "narrative", "rule": "label-aggressive", "category": "judgement", "severity": "warning",
        "offset": 4, "length": 10, "text": "aggressive", "message": "Say what was done or said."},
       {"field": "narrative", "rule": "vague-time", "category": "time", "severity": "info", "offset": 30, "length": 9,
        "text": "“earlier”", "message": "Give the time, or say it is not known."}]})"_s;
    saveDraft(*jo, u"P-ALEX"_s, u"E-KEPT"_s, u"Jo Fletcher"_s, u"Support worker"_s, u"Alex was aggressive “earlier”."_s);
    finalise(*jo, u"E-KEPT"_s, u"Jo Fletcher"_s, u"Support worker"_s, u"Alex was aggressive “earlier”."_s, kept);
    auto sam = lodge.server.connectAs(u"sam"_s);
    CHECK(count(*sam, "SELECT count(*) FROM fairnote.verify_server() WHERE place <> 'server'") == 0);

    auto super = lodge.server.connectAsSuperuser();
    super->exec("SET session_replication_role = replica");
    super->exec("UPDATE fairnote.revisions SET snapshot = jsonb_set(snapshot, '{findings,1,message}', '\"Fine as it is.\"') "
                "WHERE entry_id = 'E-KEPT'");
    CHECK(count(*sam, "SELECT count(*) FROM fairnote.verify_server() WHERE place = 'entry E-KEPT revision 1'") == 1);
}

TEST_CASE("Verify finds what a superuser changed behind the functions' backs", "[postgres][security]")
{
    Lodge lodge;
    auto sam = lodge.server.connectAs(u"sam"_s);
    // A clean server: only the test clock is reported.
    CHECK(count(*sam, "SELECT count(*) FROM fairnote.verify_server() WHERE place <> 'server'") == 0);
    auto super = lodge.server.connectAsSuperuser();
    SECTION("a revision edited with the triggers off")
    {
        super->exec("SET session_replication_role = replica");
        super->exec("UPDATE fairnote.revisions SET content = replace(content, '2am', '4am') WHERE entry_id = 'E-FINAL'");
        CHECK(count(*sam, "SELECT count(*) FROM fairnote.verify_server() WHERE place = 'entry E-FINAL revision 1'") >= 1);
    }
    SECTION("an audit row deleted")
    {
        super->exec("SET session_replication_role = replica");
        super->exec("DELETE FROM fairnote.audit WHERE seq = 5");
        CHECK(count(*sam, "SELECT count(*) FROM fairnote.verify_server() WHERE place = 'audit row 6'") == 1);
    }
    SECTION("a role granted outside Fairnote")
    {
        super->execOnce(u"GRANT fairnote_supervisor TO %1"_s.arg(lodge.server.login(u"jo"_s)));
        CHECK(count(*sam, "SELECT count(*) FROM fairnote.verify_server() WHERE place = $1", Params{u"staff "_s + lodge.server.login(u"jo"_s)}) == 1);
        // And with two roles, Jo has none: the server refuses her until it is put right.
        auto jo = lodge.server.connectAs(u"jo"_s);
        CHECK(count(*jo, "SELECT count(*) FROM fairnote.entries") == 0);
        CHECK(stateOf(*jo, "SELECT fairnote.add_person('', 'Someone', '[]', NULL)") == u"FN001");
    }
    SECTION("a person put on a caseload outside Fairnote")
    {
        super->exec("INSERT INTO fairnote.caseloads(team_id, person_id, added_at) SELECT id, 'P-PAT', now() FROM fairnote.teams WHERE name = 'Night'");
        CHECK(count(*sam, "SELECT count(*) FROM fairnote.verify_server() WHERE problem LIKE '%put on the caseload outside Fairnote'") == 1);
    }
    SECTION("row-level security turned off")
    {
        super->exec("ALTER TABLE fairnote.entries DISABLE ROW LEVEL SECURITY");
        CHECK(count(*sam, "SELECT count(*) FROM fairnote.verify_server() WHERE place = 'table entries'") == 1);
    }
}
