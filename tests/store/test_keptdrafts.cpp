// SPDX-FileCopyrightText: 2026 Fairnote contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// Drafts kept on this computer while a team server cannot be reached (store/keptdrafts.h), sent to a
// store when it can be: here a case file stands in for the server (the same Store interface); the lost
// connection itself is proved on a real server in tests/store/postgres/test_app_server.cpp.
#include "store/storetestsupport.h"

#include "store/keptdrafts.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QTemporaryDir>

using namespace Qt::StringLiterals;
using namespace fairnote;
using namespace fairnote::testing;

namespace {

QString bodyText(const record::Entry &e) { return std::get<record::GeneralNote>(e.body).text; }

} // namespace

TEST_CASE("kept drafts: kept owner-only, listed oldest first, replaced under the same key, forgotten", "[store][kept-drafts]")
{
    QTemporaryDir dir;
    store::KeptDrafts kept(dir.filePath(u"kept"_s), u"db.example.org:5432/fairnote"_s, u"jo"_s);
    CHECK(kept.list().empty());
    REQUIRE_FALSE(kept.keep(u"new/1"_s, u"P-1"_s, {}, note(u"First words."_s)));
    REQUIRE_FALSE(kept.keep(u"E-2"_s, u"P-1"_s, u"E-2"_s, note(u"An older draft, changed."_s)));
    REQUIRE_FALSE(kept.keep(u"new/1"_s, u"P-1"_s, {}, note(u"First words, and more."_s)));

    CHECK(QFileInfo(kept.folder()).permissions() == (QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner |
                                                   QFileDevice::ReadUser | QFileDevice::WriteUser | QFileDevice::ExeUser));
    const QFileInfoList files = QDir(kept.folder()).entryInfoList(QDir::Files);
    REQUIRE(files.size() == 2);
    for (const QFileInfo &f : files)
        CHECK(f.permissions() == (QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ReadUser | QFileDevice::WriteUser));

    const auto list = kept.list();
    REQUIRE(list.size() == 2);
    CHECK(list[0].key == u"E-2"_s); // "new/1" was kept again after it
    CHECK(list[0].entryId == u"E-2"_s);
    CHECK(list[1].key == u"new/1"_s);
    CHECK(list[1].entryId.isEmpty());
    CHECK(list[1].personId == u"P-1"_s);
    CHECK(bodyText(list[1].entry) == u"First words, and more."_s);
    CHECK(kept.has(u"new/1"_s));

    // Another login on the same server keeps its own.
    CHECK(store::KeptDrafts(dir.filePath(u"kept"_s), u"db.example.org:5432/fairnote"_s, u"kim"_s).list().empty());

    kept.forget(u"new/1"_s);
    kept.forget(u"E-2"_s);
    CHECK(kept.list().empty());
    CHECK_FALSE(QFileInfo::exists(kept.folder())); // nothing left behind
}

TEST_CASE("kept drafts are saved to the store when it can be reached; one it refuses stays kept and is named", "[store][kept-drafts]")
{
    QTemporaryDir dir;
    auto s = newStore(dir);
    auto person = s->addPerson(record::Person{{}, u"Ali Khan"_s, {}, {}}, kJo);
    REQUIRE(person);
    auto draft = s->saveDraft(person->id, note(u"Draft on the server."_s), kJo);
    REQUIRE(draft);

    store::KeptDrafts kept(dir.filePath(u"kept"_s), u"server"_s, u"jo"_s);
    REQUIRE_FALSE(kept.keep(u"new-a"_s, person->id, {}, note(u"Typed while the server was away."_s)));
    REQUIRE_FALSE(kept.keep(*draft, person->id, *draft, note(u"Draft on the server, carried on offline."_s)));
    REQUIRE_FALSE(kept.keep(u"new-b"_s, u"P-GONE"_s, {}, note(u"About a person who is not in this file."_s)));
    {
        QFile junk(QDir(kept.folder()).filePath(u"junk.kept-draft.json"_s));
        REQUIRE(junk.open(QIODevice::WriteOnly));
        junk.write("{\"fairnote_kept_draft\": 1, \"entry\": ");
    }

    const store::KeptDraftsSent sent = kept.sendTo(*s, kJo);
    CHECK(sent.saved == 2);
    CHECK_FALSE(sent.unreachable);
    REQUIRE(sent.refused.size() == 1);
    CHECK(sent.refused[0].first.key == u"new-b"_s);
    CHECK(sent.refused[0].second.code == store::ErrorCode::NotFound);
    REQUIRE(sent.unreadable.size() == 1);
    CHECK(sent.unreadable[0].endsWith(u"junk.kept-draft.json"_s));

    // What was typed is on the server now, and no longer kept: the refused one is.
    auto onServer = s->entry(*draft);
    REQUIRE(onServer);
    REQUIRE(onServer->draft);
    CHECK(bodyText(onServer->draft->entry) == u"Draft on the server, carried on offline."_s);
    auto all = s->entries({}, kJo);
    REQUIRE(all);
    CHECK(std::count_if(all->begin(), all->end(), [](const auto &e) { return e.hasDraft; }) == 2);
    const auto left = kept.list();
    REQUIRE(left.size() == 1);
    CHECK(left[0].key == u"new-b"_s);
}
