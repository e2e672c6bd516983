// SPDX-FileCopyrightText: 2026 Fairnote contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// Conformance: the audit trail — every change is one chained row with a registered action, events are
// read by action without the whole trail, an unregistered event is refused, and a clean store verifies
// with its head hash. A second connection sees what the first saved.
#include "conformance/backend.h"
#include "store/storetestsupport.h"

#include "store/auditactions.h"
#include "store/hashing.h"

using namespace Qt::StringLiterals;
using namespace fairnote;
using namespace fairnote::testing;
using fairnote::conformance::freshStore;
using fairnote::conformance::secondConnection;
using store::ErrorCode;

namespace {

// A store with a little of everything: people, entries final, amended and in error, a flag, a review.
std::unique_ptr<store::Store> busyStore()
{
    auto s = freshStore();
    auto p = s->addPerson(record::Person{{}, u"Ali Khan"_s, {u"Ali"_s}, QDate(1990, 5, 2)}, kJo);
    REQUIRE(p.ok());
    auto id = s->saveDraft(p->id, note(u"Ali phoned about his benefits."_s), kJo);
    REQUIRE(s->finalise(*id, kJo, {}).ok());
    REQUIRE(s->amend(*id, note(u"Ali phoned about his PIP claim."_s), u"More precise."_s, kSam, {}).ok());
    auto wrong = s->saveDraft(p->id, note(u"Wrong file."_s), kJo);
    REQUIRE(s->finalise(*wrong, kJo, {}).ok());
    REQUIRE(s->markInError(*wrong, u"About another person."_s, kJo).ok());
    REQUIRE(s->flagForDisclosureReview(*id, u"Names a neighbour."_s, kJo).ok());
    store::Review rv;
    rv.entryId = *id;
    rv.quality = {{u"factual"_s, 3, {}, {}}};
    REQUIRE(s->recordReview(rv, store::Actor{u"Dee Marsh"_s, u"Team leader"_s, {}}).ok());
    return s;
}

} // namespace

TEST_CASE("every change is one row of the audit trail, chained to the one before, with a registered action",
          "[store][conformance][audit]")
{
    auto s = busyStore();
    auto trail = s->auditTrail();
    REQUIRE(trail.ok());
    REQUIRE_FALSE(trail->empty());
    CHECK(trail->front().prevHash == store::zeroHash());
    for (size_t i = 0; i < trail->size(); ++i) {
        const store::AuditRow &row = (*trail)[i];
        INFO(row.action.toStdString());
        CHECK(store::audit::find(row.action) != nullptr);
        CHECK(row.seq == qint64(i) + 1);
        if (i > 0)
            CHECK(row.prevHash == (*trail)[i - 1].hash);
    }
    CHECK(*s->headHash() == trail->back().hash);
    QStringList actions;
    for (const auto &row : *trail)
        actions << row.action;
    for (QStringView expected : {store::audit::CreateFile, store::audit::AddPerson, store::audit::CreateEntry, store::audit::Finalise,
                                 store::audit::Amend, store::audit::MarkInError, store::audit::FlagForDisclosureReview,
                                 store::audit::Review})
        CHECK(actions.contains(expected.toString()));
    auto report = s->verify({});
    REQUIRE(report.ok());
    CHECK(report->ok());
    CHECK(report->headHash == trail->back().hash);
    CHECK(report->people == 1);
    CHECK(report->entries == 2);
    CHECK(report->revisions == 3);
}

TEST_CASE("audit events are read by action and person, newest first, as many as asked for", "[store][conformance][audit]")
{
    auto s = busyStore();
    const QString person = s->people(kJo)->front().person.id;
    for (int i = 1; i <= 3; ++i)
        REQUIRE(s->logEvent(kSam, store::audit::ReviewSample.toString(), {}, {}, QJsonObject{{u"n"_s, i}}).ok());
    REQUIRE(s->logEvent(kJo, store::audit::Export.toString(), person, {}, QJsonObject{{u"to"_s, u"file.json"_s}}).ok());

    store::AuditQuery last;
    last.actions = {store::audit::ReviewSample.toString()};
    last.newestFirst = true;
    last.limit = 1;
    auto newest = s->auditEvents(last);
    REQUIRE(newest.ok());
    REQUIRE(newest->size() == 1);
    CHECK(newest->front().detail.value(u"n"_s).toInt() == 3);
    CHECK(newest->front().actor == kSam);

    store::AuditQuery all;
    all.actions = {store::audit::ReviewSample.toString(), store::audit::Export.toString()};
    auto both = s->auditEvents(all);
    REQUIRE(both->size() == 4);
    CHECK(both->front().detail.value(u"n"_s).toInt() == 1); // oldest first unless asked
    CHECK(both->back().action == store::audit::Export.toString());

    store::AuditQuery theirs;
    theirs.personId = person;
    theirs.actions = {store::audit::Export.toString()};
    CHECK(s->auditEvents(theirs)->size() == 1);
    store::AuditQuery nobody;
    nobody.personId = u"P-NOBODY"_s;
    CHECK(s->auditEvents(nobody)->empty());
    CHECK(s->auditTrail(person)->size() < s->auditTrail()->size());
}

TEST_CASE("an event that is not in the registry, or a record change passed off as one, is refused", "[store][conformance][audit]")
{
    auto s = busyStore();
    const auto before = s->auditTrail()->size();
    for (const QString &action : {u"made-up"_s, store::audit::Finalise.toString(), store::audit::MarkInError.toString(), QString()}) {
        INFO(action.toStdString());
        auto r = s->logEvent(kJo, action, {}, {}, {});
        REQUIRE_FALSE(r.ok());
        CHECK(r.error().code == ErrorCode::Invalid);
    }
    CHECK(s->auditTrail()->size() == before);
    if (conformance::claims(conformance::Behaviour::TypedActor, "an event without an author"))
        CHECK(s->logEvent(store::Actor{}, store::audit::Export.toString(), {}, {}, {}).error().code == ErrorCode::Invalid); // no author
}

TEST_CASE("a second connection sees what the first saved, and both append to one chain", "[store][conformance][concurrency]")
{
    auto first = freshStore();
    auto p = first->addPerson(record::Person{{}, u"Sam Rivers"_s, {}, {}}, kJo);
    REQUIRE(p.ok());
    auto second = secondConnection();
    auto a = first->saveDraft(p->id, note(u"Sam phoned at 10:00."_s), kJo);
    auto b = second->saveDraft(p->id, note(u"Sam called in at 14:00."_s), kSam);
    REQUIRE(a.ok());
    REQUIRE(b.ok());
    REQUIRE(first->finalise(*a, kJo, {}).ok());
    REQUIRE(second->finalise(*b, kSam, {}).ok());
    CHECK(first->entries({p->id}, kJo)->size() == 2);
    CHECK(second->entries({p->id}, kJo)->size() == 2);
    CHECK(*first->headHash() == *second->headHash());
    CHECK(first->verify({})->ok());
}
