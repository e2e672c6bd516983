// SPDX-FileCopyrightText: 2026 Fairnote contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// Moving a team onto the server: a local case file is verified, then copied whole — every revision
// with its original author, times and reason, marks in error, flags, reviews and sign-offs — with the
// same hashes, and the file's chain hash anchored in the server's audit trail. All or nothing.
#include "store/postgres/pgtestsupport.h"

#include "store/postgres/open.h"
#include "store/postgres/push.h"
#include "store/postgres/server.h"
#include "store/snapshot.h"
#include "store/storetestsupport.h"

#include <QTemporaryDir>

using namespace fairnote;
using namespace Qt::StringLiterals;
using namespace fairnote::testing;

namespace {

// A lone worker's file: Alex with a note (amended), an incident-like note marked in error, a flagged
// entry, a review and a sign-off of a summary, and a draft that was never finalised.
struct LoneFile
{
    QTemporaryDir dir;
    std::unique_ptr<store::Store> file = newStore(dir);
    QString person, amended, inError;
    LoneFile()
    {
        record::Person alex;
        alex.name = u"Alex Smith"_s;
        alex.otherNames = {u"Al"_s};
        alex.dateOfBirth = QDate(1980, 1, 2);
        auto p = file->addPerson(alex, kJo);
        REQUIRE(p.ok());
        person = p->id;
        auto a = file->saveDraft(person, note(u"Alex asked about the fire drill."_s), kJo);
        REQUIRE(a.ok());
        REQUIRE(file->finalise(*a, kJo, {}).ok());
        auto d = file->entry(*a);
        REQUIRE(d.ok());
        record::Entry changed = d->revisions[0].entry;
        changed.body = record::GeneralNote{u"Alex asked about the fire drill on Tuesday."_s};
        REQUIRE(file->amend(*a, changed, u"The day was missing."_s, kJo, {}).ok());
        amended = *a;
        auto b = file->saveDraft(person, note(u"Written in the wrong file."_s), kJo);
        REQUIRE(b.ok());
        REQUIRE(file->finalise(*b, kJo, {}).ok());
        REQUIRE(file->markInError(*b, u"This was about someone else."_s, kJo).ok());
        inError = *b;
        REQUIRE(file->flagForDisclosureReview(*a, u"Names a neighbour."_s, kJo).ok());
        store::Review review;
        review.entryId = *a;
        review.quality = {{u"factual"_s, 3, u"says what was asked"_s, u"good"_s}};
        review.completeness = QJsonObject{{u"score"_s, 0.5}};
        REQUIRE(file->recordReview(review, kSam).ok());
        auto request = file->requestSignOff(u"summary"_s, person, {}, u"abc123"_s, u"{}"_s, u"please"_s, kJo);
        REQUIRE(request.ok());
        REQUIRE(file->decideSignOff(*request, store::SignOffState::Approved, u"fine"_s, kSam).ok());
        REQUIRE(file->saveDraft(person, note(u"Not finished yet."_s), kJo).ok());
    }
};

struct Server
{
    TestServer server;
    Server()
    {
        server.addTeam(u"Night"_s);
        server.addStaff(u"sam"_s, u"Sam Okafor"_s, u"supervisor"_s, {u"Night"_s}, u"Team leader"_s);
        server.addStaff(u"ren"_s, u"Ren Hall"_s, u"worker"_s, {u"Night"_s});
    }
};

} // namespace

TEST_CASE("server push copies a verified file whole, with its hashes, and anchors its chain", "[postgres][push]")
{
    LoneFile lone;
    Server s;
    auto pushed = store::postgres::pushToServer(*lone.file, s.server.conninfoAs(u"sam"_s), {});
    if (!pushed)
        FAIL(pushed.error().message.toStdString());
    CHECK(pushed->people == 1);
    CHECK(pushed->entries == 2);
    CHECK(pushed->revisions == 3);
    CHECK(pushed->reviews == 1);
    CHECK(pushed->signOffs == 1);
    CHECK(pushed->draftsLeft == 1);
    auto fileHead = lone.file->headHash();
    REQUIRE(fileHead.ok());
    CHECK(pushed->fileHeadHash == *fileHead);

    auto ren = store::postgres::openServer(s.server.conninfoAs(u"ren"_s));
    REQUIRE(ren.ok());
    auto onServer = (*ren)->entry(lone.amended);
    REQUIRE(onServer.ok());
    auto inFile = lone.file->entry(lone.amended);
    REQUIRE(inFile.ok());
    REQUIRE(onServer->revisions.size() == 2);
    for (size_t i = 0; i < 2; ++i) {
        CHECK(onServer->revisions[i].hash == inFile->revisions[i].hash);
        CHECK(onServer->revisions[i].author.name == u"Jo Fletcher");
        CHECK(onServer->revisions[i].writtenAt == inFile->revisions[i].writtenAt);
        CHECK(onServer->revisions[i].reason == inFile->revisions[i].reason);
    }
    REQUIRE(onServer->disclosure);
    CHECK(onServer->disclosure->reason == u"Names a neighbour.");
    auto error = (*ren)->entry(lone.inError);
    REQUIRE(error.ok());
    REQUIRE(error->inError);
    CHECK(error->inError->reason == u"This was about someone else.");
    auto reviews = (*ren)->reviews({});
    REQUIRE(reviews.ok());
    REQUIRE(reviews->size() == 1);
    CHECK(reviews->front().reviewer.name == u"Sam Okafor");
    auto signOffs = (*ren)->signOffs({});
    REQUIRE(signOffs.ok());
    REQUIRE(signOffs->size() == 1);
    CHECK(signOffs->front().state() == store::SignOffState::Approved);

    // The anchor: the file's head hash in the server's chain (a row about no person: supervisors see it).
    auto sam = store::postgres::openServer(s.server.conninfoAs(u"sam"_s));
    REQUIRE(sam.ok());
    auto trail = (*sam)->auditTrail({});
    REQUIRE(trail.ok());
    bool anchored = false;
    for (const auto &row : *trail)
        anchored = anchored || (row.action == u"push" && row.seq == pushed->anchorSeq
                                && row.detail.value(u"file_head_hash"_s).toString() == *fileHead);
    CHECK(anchored);
    auto report = (*sam)->verify({});
    REQUIRE(report.ok());
    for (const auto &p : report->problems)
        if (p.where != u"server")
            FAIL(QString(p.where + u": "_s + p.message).toStdString());
}

TEST_CASE("server push is all or nothing: an entry already on the server pushes nothing", "[postgres][push]")
{
    LoneFile lone;
    Server s;
    REQUIRE(store::postgres::pushToServer(*lone.file, s.server.conninfoAs(u"sam"_s), {}).ok());
    auto super = s.server.connectAsSuperuser();
    const qint64 before = super->exec("SELECT count(*) FROM fairnote.audit").integer(0, 0);
    auto again = store::postgres::pushToServer(*lone.file, s.server.conninfoAs(u"sam"_s), {});
    REQUIRE_FALSE(again.ok());
    CHECK(again.error().code == store::ErrorCode::Conflict);
    CHECK(again.error().message.contains(u"already on the server"_s));
    CHECK(super->exec("SELECT count(*) FROM fairnote.audit").integer(0, 0) == before);
}

TEST_CASE("server push refuses a file that does not verify, and a worker may not push", "[postgres][push]")
{
    LoneFile lone;
    Server s;
    auto byWorker = store::postgres::pushToServer(*lone.file, s.server.conninfoAs(u"ren"_s), {});
    REQUIRE_FALSE(byWorker.ok());
    CHECK(byWorker.error().code == store::ErrorCode::Invalid);
}

TEST_CASE("A server an earlier Fairnote set up is upgraded in place: its record kept whole, the upgrade in its audit trail", "[postgres][push]")
{
    LoneFile lone;
    struct
    {
        TestServer server{store::FileKind::Live, 1};
    } s;
    {
        // Set up as the earlier Fairnote did, through the same functions (this Fairnote's administration
        // waits for the upgrade).
        auto admin = s.server.connectAs(u"admin"_s);
        admin->exec("SELECT fairnote.team_add($1)", store::pg::Params{u"Night"_s});
        const QString sam = s.server.login(u"sam"_s);
        s.server.adoptLogin(sam);
        admin->exec("SELECT fairnote.staff_add($1, $2, $3, $4, $5, $6)",
                    store::pg::Params{sam, u"Sam Okafor"_s, u"Team leader"_s, u"Fairview Lodge"_s, u"supervisor"_s,
                                      admin->encryptPassword(sam, kTestPassword)});
        admin->exec("SELECT fairnote.team_add_member($1, $2)", store::pg::Params{u"Night"_s, sam});
    }
    auto pushed = store::postgres::pushToServer(*lone.file, s.server.conninfoAs(u"sam"_s), {});
    if (!pushed)
        FAIL(pushed.error().message.toStdString());
    // This Fairnote will not use a server at an earlier version, and says how to bring it up to date.
    auto before = store::postgres::openServer(s.server.conninfoAs(u"sam"_s));
    REQUIRE_FALSE(before.ok());
    CHECK(before.error().message.contains(u"schema version 1"_s));
    CHECK(before.error().message.contains(u"fairnote-cli server upgrade"_s));
    // Only a superuser upgrades.
    CHECK_FALSE(store::postgres::upgradeServer(s.server.conninfoAs(u"sam"_s)).ok());

    auto upgraded = store::postgres::upgradeServer(s.server.superConninfo());
    if (!upgraded)
        FAIL(upgraded.error().message.toStdString());
    CHECK(upgraded->schemaVersion == store::postgres::kServerSchemaVersion);
    auto again = store::postgres::upgradeServer(s.server.superConninfo()); // nothing left to do
    REQUIRE(again.ok());
    CHECK(again->schemaVersion == store::postgres::kServerSchemaVersion);

    auto sam = store::postgres::openServer(s.server.conninfoAs(u"sam"_s));
    REQUIRE(sam.ok());
    auto report = (*sam)->verify({});
    REQUIRE(report.ok());
    CHECK(report->problems.empty());
    CHECK(report->entries == 2);
    auto onServer = (*sam)->entry(lone.amended);
    REQUIRE(onServer.ok());
    auto inFile = lone.file->entry(lone.amended);
    REQUIRE(inFile.ok());
    REQUIRE(onServer->revisions.size() == 2);
    CHECK(onServer->revisions[1].hash == inFile->revisions[1].hash);
    auto trail = (*sam)->auditTrail();
    REQUIRE(trail.ok());
    int upgrades = 0;
    for (const auto &row : *trail)
        if (row.action == u"upgrade-server") {
            ++upgrades;
            CHECK(row.detail.value(u"from_schema_version"_s).toInt() == 1);
            CHECK(row.detail.value(u"schema_version"_s).toInt() == 2);
        }
    CHECK(upgrades == 1);
    // Search, rebuilt by the upgrade, finds the pushed entries.
    auto hits = (*sam)->search(u"drill"_s, {}, 10);
    REQUIRE(hits.ok());
    REQUIRE(hits->size() == 1);
    CHECK(hits->front().entryId == lone.amended);
}
