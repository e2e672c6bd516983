// SPDX-FileCopyrightText: 2026 Fairnote contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// The case file through every failure point of SQLite's I/O (a shim VFS, tests/store/faultvfs.h): each
// write, sync and truncation of creating a file, saving a draft, finalising, importing, amending, marking
// in error, recording an export and backing up is made to fail in turn with a full disk or an I/O error.
// Each time the call returns an error (never "damaged"), and after reopening the file verifies, nothing
// saved before is lost, and the change is there whole or not at all.
#include "faultvfs.h"
#include "store/storetestsupport.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <functional>
#include <sqlite3.h>

using namespace Qt::StringLiterals;
using namespace fairnote;
using namespace fairnote::testing;

namespace {

struct Base
{
    QString path;
    QString personId;
    QString draftId; // a note drafted, ready to finalise
    QString finalId; // a final note, to amend and mark in error
    qsizetype entries = 0;
};

// The file every trial starts from (written once, copied for each trial).
Base makeBase(const QTemporaryDir &dir)
{
    Base b;
    b.path = dir.filePath(u"base.db"_s);
    store::OpenOptions o;
    o.create = store::OpenOptions::Create::IfMissing;
    auto s = store::openStore(b.path, o);
    REQUIRE(s);
    REQUIRE((*s)->importCaseFile(example("incident-complete.json"), kJo, {}, {}).ok());
    b.personId = (*s)->people(kJo)->front().person.id;
    auto finalId = (*s)->saveDraft(b.personId, note(u"Met at the library to talk about housing."_s), kJo);
    REQUIRE(finalId);
    REQUIRE((*s)->finalise(*finalId, kJo, {}).ok());
    b.finalId = *finalId;
    auto draftId = (*s)->saveDraft(b.personId, note(u"A draft waiting to be finalised."_s), kJo);
    REQUIRE(draftId);
    b.draftId = *draftId;
    b.entries = qsizetype((*s)->entries({}, kJo)->size());
    return b;
}

// A copy of the base file (the file alone: it was closed cleanly, so its WAL was checkpointed).
QString copyOf(const Base &b, const QTemporaryDir &dir)
{
    const QString path = dir.filePath(u"trial.db"_s);
    for (const QString &suffix : {QString(), u"-wal"_s, u"-shm"_s})
        QFile::remove(path + suffix);
    REQUIRE(QFile::copy(b.path, path));
    QFile::setPermissions(path, QFileDevice::ReadOwner | QFileDevice::WriteOwner);
    return path;
}

std::unique_ptr<store::Store> open(const QString &path)
{
    auto s = store::openStore(path);
    REQUIRE(s);
    return std::move(*s);
}

void verifies(store::Store &s)
{
    auto report = s.verify({});
    REQUIRE(report.ok());
    for (const auto &p : report->problems)
        FAIL_CHECK(QString(p.where + u": "_s + p.message).toStdString());
}

struct Trial
{
    QString name;
    // Runs the change on an open store; returns whether it succeeded, and its error when not.
    std::function<std::optional<store::StoreError>(store::Store &, const Base &, const QTemporaryDir &)> run;
    // After reopening: the change is there whole or not at all.
    std::function<void(store::Store &, const Base &, const QTemporaryDir &)> wholeOrAbsent;
};

template <typename T>
std::optional<store::StoreError> errorOf(const store::StoreResult<T> &r)
{
    return r ? std::nullopt : std::optional<store::StoreError>(r.error());
}

} // namespace

TEST_CASE("every SQLite write, sync and truncation of each change can fail: an error, and the file keeps everything",
          "[store][faults]")
{
    installFaultVfs();
    QTemporaryDir dir;
    const Base base = makeBase(dir);
    const record::CaseFile vague = example("incident-vague.json");

    const std::vector<Trial> trials{
        {u"save a draft"_s,
         [](store::Store &s, const Base &b, const QTemporaryDir &) { return errorOf(s.saveDraft(b.personId, note(u"New."_s), kJo)); },
         [](store::Store &s, const Base &b, const QTemporaryDir &) {
             const auto n = qsizetype(s.entries({}, kJo)->size());
             CHECK((n == b.entries || n == b.entries + 1));
         }},
        {u"finalise"_s, [](store::Store &s, const Base &b, const QTemporaryDir &) { return errorOf(s.finalise(b.draftId, kJo, {})); },
         [](store::Store &s, const Base &b, const QTemporaryDir &) {
             auto e = s.entry(b.draftId);
             REQUIRE(e);
             CHECK(((e->revisions.size() == 0 && e->draft) || (e->revisions.size() == 1 && !e->draft)));
         }},
        {u"import"_s,
         [&vague](store::Store &s, const Base &, const QTemporaryDir &) { return errorOf(s.importCaseFile(vague, kJo, {}, {})); },
         [&vague](store::Store &s, const Base &, const QTemporaryDir &) {
             int present = 0;
             for (const auto &e : vague.entries)
                 present += s.entry(e.id).ok() ? 1 : 0;
             CHECK((present == 0 || present == int(vague.entries.size())));
         }},
        {u"amend"_s,
         [](store::Store &s, const Base &b, const QTemporaryDir &) {
             return errorOf(s.amend(b.finalId, note(u"Met at the library to talk about housing and benefits."_s), u"Left out the benefits."_s, kJo, {}));
         },
         [](store::Store &s, const Base &b, const QTemporaryDir &) {
             auto e = s.entry(b.finalId);
             REQUIRE(e);
             CHECK((e->revisions.size() == 1 || e->revisions.size() == 2));
         }},
        {u"mark in error"_s,
         [](store::Store &s, const Base &b, const QTemporaryDir &) { return errorOf(s.markInError(b.finalId, u"About someone else."_s, kJo)); },
         [](store::Store &s, const Base &b, const QTemporaryDir &) {
             auto e = s.entry(b.finalId);
             REQUIRE(e);
             CHECK(e->revisions.size() == 1); // marked or not, the revision is kept
         }},
        {u"record an export"_s,
         [](store::Store &s, const Base &b, const QTemporaryDir &) {
             return errorOf(s.logEvent(kJo, u"export"_s, b.personId, {}, QJsonObject{{u"destination"_s, u"/tmp/x.json"_s}}));
         },
         [](store::Store &, const Base &, const QTemporaryDir &) {}},
        {u"back up"_s,
         [](store::Store &s, const Base &, const QTemporaryDir &dir) {
             QFile::remove(dir.filePath(u"backup.db"_s));
             return errorOf(s.backup(dir.filePath(u"backup.db"_s), kJo, {}));
         },
         [](store::Store &s, const Base &, const QTemporaryDir &dir) {
             // A backup is recorded exactly when it is there, and no partial copy is left beside it.
             auto trail = s.auditTrail();
             REQUIRE(trail);
             const bool recorded = std::any_of(trail->begin(), trail->end(), [&](const store::AuditRow &row) {
                 return row.action == u"backup"_s && row.detail.value(u"destination"_s).toString() == QFileInfo(dir.filePath(u"backup.db"_s)).absoluteFilePath();
             });
             CHECK(recorded == QFile::exists(dir.filePath(u"backup.db"_s)));
             CHECK_FALSE(QFile::exists(dir.filePath(u"backup.db.part"_s)));
             // Whatever is under the backup's name is a whole, verified copy.
             if (QFile::exists(dir.filePath(u"backup.db"_s))) {
                 store::OpenOptions o;
                 o.readOnly = true;
                 o.create = store::OpenOptions::Create::No;
                 auto copy = store::openStore(dir.filePath(u"backup.db"_s), o);
                 REQUIRE(copy);
                 verifies(**copy);
             }
         }},
    };

    int fired = 0;
    for (const Trial &t : trials) {
        // A clean run first, to count the calls.
        {
            auto s = open(copyOf(base, dir));
            resetVfsCounts();
            REQUIRE_FALSE(t.run(*s, base, dir));
        }
        for (const VfsOp op : {VfsOp::Write, VfsOp::Sync, VfsOp::Truncate}) {
            for (const int code : {SQLITE_FULL, SQLITE_IOERR_WRITE}) {
                for (int n = 1; n <= 60; ++n) {
                    if (code == SQLITE_IOERR_WRITE && n > 2)
                        break; // an I/O error at the first points; a full disk at every one
                    INFO(t.name.toStdString() << ": SQLite " << (op == VfsOp::Write ? "write" : op == VfsOp::Sync ? "sync" : "truncate")
                                              << " #" << n << " fails with " << code);
                    const QString path = copyOf(base, dir);
                    std::optional<store::StoreError> error;
                    bool hit = false;
                    {
                        auto s = open(path);
                        armVfsFault({op, n, op == VfsOp::Sync && code == SQLITE_IOERR_WRITE ? SQLITE_IOERR_FSYNC : code});
                        error = t.run(*s, base, dir);
                        hit = vfsFaultFired();
                        disarmVfsFault();
                    }
                    if (!hit) {
                        CHECK_FALSE(error);
                        break;
                    }
                    ++fired;
                    // SQLite may report a failed sync of a change it had already written; otherwise it is an error.
                    if (error) {
                        CHECK(error->code != store::ErrorCode::Corrupt);
                        CHECK(error->code != store::ErrorCode::Internal);
                        CHECK_FALSE(error->message.isEmpty());
                    }
                    auto s = open(path);
                    verifies(*s);
                    CHECK(qsizetype(s->entries({}, kJo)->size()) >= base.entries);
                    const auto entries = s->entries({}, kJo);
                    REQUIRE(entries);
                    for (const auto &e : *entries)
                        CHECK(s->entry(e.id).ok());
                    t.wholeOrAbsent(*s, base, dir);
                }
            }
        }
    }
    CHECK(fired > 40);
}

TEST_CASE("a read error is an I/O error, never called damage, and the file reads whole once it passes", "[store][faults]")
{
    installFaultVfs();
    QTemporaryDir dir;
    const Base base = makeBase(dir);
    const QString path = copyOf(base, dir);
    const std::vector<std::pair<QString, std::function<std::optional<store::StoreError>(store::Store &)>>> reads{
        {u"list"_s, [](store::Store &s) { return errorOf(s.entries({}, kJo)); }},
        {u"an entry"_s, [&base](store::Store &s) { return errorOf(s.entry(base.finalId)); }},
        {u"search"_s, [](store::Store &s) { return errorOf(s.search(u"library"_s, kJo, 20)); }},
        {u"verify"_s,
         [](store::Store &s) -> std::optional<store::StoreError> {
             auto r = s.verify({});
             if (r && !r->ok()) // a problem found in a healthy file would be calling a read error damage
                 return store::StoreError{store::ErrorCode::Corrupt, r->problems.front().where + u": "_s + r->problems.front().message};
             return errorOf(r);
         }},
    };
    int fired = 0;
    for (const auto &[name, read] : reads) {
        for (int n = 1; n <= 400; ++n) {
            INFO(name.toStdString() << ": SQLite read #" << n << " fails with an I/O error");
            auto s = open(path);
            armVfsFault({VfsOp::Read, n, SQLITE_IOERR_READ});
            const auto error = read(*s);
            const bool hit = vfsFaultFired();
            disarmVfsFault();
            if (!hit) {
                CHECK_FALSE(error);
                break;
            }
            ++fired;
            if (error) {
                INFO(error->message.toStdString());
                CHECK(error->code == store::ErrorCode::Io);
                CHECK_FALSE(error->message.contains(u"damaged"_s));
                CHECK_FALSE(error->message.contains(u"backup"_s));
            }
            CHECK_FALSE(read(*s)); // the same read, once the error has passed
        }
    }
    CHECK(fired > 4);
    verifies(*open(path));
}

// SQLite writes its shared-memory file (-shm) beside a case file in WAL mode before it reads a page of it, so a
// full disk stops even a read. The shim fails that as the disk does (the -shm begun, 3 bytes; ENOSPC behind an
// I/O error), for a file closed cleanly and for one whose -wal still holds saves (a copy of a file in use).
TEST_CASE("a full disk on a read names the full disk and what to do, and leaves nothing beside the file", "[store][faults]")
{
    installFaultVfs();
    QTemporaryDir dir;
    const Base base = makeBase(dir);
    const QString clean = copyOf(base, dir);
    const QString withLog = dir.filePath(u"with-log.db"_s);
    {
        // A copy of a file in use: the case file and its -wal, without the -shm.
        auto live = open(clean);
        REQUIRE(live->saveDraft(base.personId, note(u"Saved while the copy was made."_s), kJo).ok());
        REQUIRE(QFile::copy(clean, withLog));
        REQUIRE(QFile::copy(clean + u"-wal"_s, withLog + u"-wal"_s));
    }
    for (const auto &[path, readOnly] : {std::pair{clean, false}, std::pair{withLog, true}, std::pair{withLog, false}}) {
        INFO(QFileInfo(path).fileName().toStdString() << (readOnly ? ", opened for reading only" : ", opened for writing"));
        const bool hadLog = QFile::exists(path + u"-wal"_s);
        REQUIRE_FALSE(QFile::exists(path + u"-shm"_s));
        store::OpenOptions options;
        options.readOnly = readOnly;
        armVfsFault({VfsOp::ShmMap, 1, SQLITE_IOERR_SHMSIZE, true, ENOSPC});
        auto s = store::openStore(path, options);
        const bool hit = vfsFaultFired();
        disarmVfsFault();
        REQUIRE(hit);
        REQUIRE_FALSE(s.ok());
        INFO(s.error().message.toStdString());
        CHECK(s.error().code == store::ErrorCode::DiskFull);
        CHECK(s.error().message.contains(u"no room left on the disk that holds %1"_s.arg(path)));
        CHECK(s.error().message.contains(u"Free some space on that disk, or copy the case file"_s));
        CHECK_FALSE(QFile::exists(path + u"-shm"_s));
        CHECK(QFile::exists(path + u"-wal"_s) == hadLog); // a -wal with saves in it is kept, never one begun
    }
    auto whole = open(withLog); // once there is room, everything is there
    verifies(*whole);
    CHECK(whole->entries({}, kJo)->size() == std::size_t(base.entries) + 1);
}
