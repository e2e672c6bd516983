// SPDX-FileCopyrightText: 2026 Fairnote contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// The case file on disk: what is refused (and left untouched), read-only, busy and full files,
// permissions, migrations, verify after tampering, and backups.
#include "store/storetestsupport.h"

#include "store/hashing.h"

#include "store/sqlite/schema.h"
#include "store/sqlite/database.h"
#include "store/sqlite/sqlitestore.h"

#include <QCryptographicHash>

#include <QFileInfo>
#include <sys/stat.h>
#include <unistd.h>

using namespace Qt::StringLiterals;
using namespace fairnote;
using namespace fairnote::testing;
using store::ErrorCode;

namespace {

QString filled(const QTemporaryDir &dir, const QString &name = u"case.db"_s)
{
    auto s = newStore(dir, name);
    REQUIRE(s->importCaseFile(example("incident-complete.json"), kJo, {}, {}).ok());
    auto p = s->addPerson(record::Person{{}, u"Ali Khan"_s, {}, {}}, kJo);
    auto id = s->saveDraft(p->id, note(u"Ali phoned about his benefits."_s), kJo);
    REQUIRE(s->finalise(*id, kJo, {}).ok());
    REQUIRE(s->amend(*id, note(u"Ali phoned about his PIP claim."_s), u"More precise."_s, kSam, {}).ok());
    auto wrong = s->saveDraft(p->id, note(u"Wrong file."_s), kJo);
    REQUIRE(s->finalise(*wrong, kJo, {}).ok());
    REQUIRE(s->markInError(*wrong, u"About another person."_s, kJo).ok());
    return dir.filePath(name);
}

QStringList problems(store::Store &s)
{
    auto r = s.verify({});
    REQUIRE(r.ok());
    QStringList out;
    for (const auto &p : r->problems)
        out << p.where + u": "_s + p.message;
    return out;
}

bool anyContains(const QStringList &list, const QString &needle)
{
    return std::any_of(list.begin(), list.end(), [&](const QString &s) { return s.contains(needle); });
}

} // namespace

TEST_CASE("a new case file is owner-only, marked as Fairnote's and in WAL mode", "[store][file]")
{
    QTemporaryDir dir;
    const QString path = filled(dir);
    struct stat st{};
    REQUIRE(::stat(QFile::encodeName(path).constData(), &st) == 0);
    CHECK((st.st_mode & 0777) == 0600);
    store::sql::Database raw(path, store::sql::Database::Mode::ReadOnly);
    CHECK(quint32(raw.scalar("PRAGMA application_id")) == store::kApplicationId);
    CHECK(raw.scalar("PRAGMA user_version") == store::kSchemaVersion);
    CHECK(raw.scalarText("PRAGMA journal_mode") == u"wal"_s);
}

TEST_CASE("the -wal and -shm files are owner-only too", "[store][file]")
{
    QTemporaryDir dir;
    auto s = newStore(dir);
    REQUIRE(s->addPerson(record::Person{{}, u"Sam"_s, {}, {}}, kJo).ok());
    for (const char *suffix : {"-wal", "-shm"}) {
        struct stat st{};
        const QByteArray p = QFile::encodeName(dir.filePath(u"case.db"_s)) + suffix;
        REQUIRE(::stat(p.constData(), &st) == 0);
        CHECK((st.st_mode & 0077) == 0);
    }
}

TEST_CASE("files that are not Fairnote case files are refused and left unchanged", "[store][file]")
{
    QTemporaryDir dir;
    auto check = [](const QString &path, ErrorCode code, const QString &words) {
        const QByteArray before = readBytes(path);
        auto s = store::openStore(path);
        REQUIRE_FALSE(s.ok());
        CHECK(s.error().code == code);
        INFO(s.error().message.toStdString());
        CHECK(s.error().message.contains(words));
        CHECK(s.error().message.contains(path));
        CHECK(readBytes(path) == before);
        CHECK_FALSE(QFile::exists(path + u"-wal"_s));
    };
    SECTION("a text file")
    {
        QFile f(dir.filePath(u"notes.txt"_s));
        REQUIRE(f.open(QIODevice::WriteOnly));
        f.write(QByteArray("Known arsonist.\n").repeated(20));
        f.close();
        check(f.fileName(), ErrorCode::NotSqlite, u"not an SQLite database"_s);
    }
    SECTION("an empty file")
    {
        QFile f(dir.filePath(u"empty.db"_s));
        REQUIRE(f.open(QIODevice::WriteOnly));
        f.close();
        check(f.fileName(), ErrorCode::NotSqlite, u"empty"_s);
    }
    SECTION("another program's SQLite database")
    {
        const QString path = dir.filePath(u"other.sqlite"_s);
        {
            store::sql::Database raw(path, store::sql::Database::Mode::ReadWriteCreate);
            raw.exec("CREATE TABLE t(x); INSERT INTO t VALUES (1); PRAGMA application_id = 1234");
        }
        check(path, ErrorCode::NotFairnote, u"not a Fairnote case file"_s);
    }
    SECTION("a case file from a newer Fairnote")
    {
        const QString path = filled(dir);
        {
            store::sql::Database raw(path, store::sql::Database::Mode::ReadWrite);
            raw.exec("PRAGMA journal_mode = DELETE; PRAGMA user_version = 99");
        }
        check(path, ErrorCode::TooNew, u"newer Fairnote"_s);
    }
    SECTION("a case file whose format number is damaged (zero or below)")
    {
        for (const char *number : {"-16777212", "0"}) {
            const QString path = filled(dir);
            {
                store::sql::Database raw(path, store::sql::Database::Mode::ReadWrite);
                const QByteArray sql = QByteArray("PRAGMA journal_mode = DELETE; PRAGMA user_version = ") + number;
                raw.exec(sql.constData());
            }
            check(path, ErrorCode::Corrupt, u"header is damaged"_s);
            QFile::remove(path);
        }
    }
    SECTION("a training file opened as a live one, and the other way round")
    {
        store::OpenOptions training;
        training.kind = store::FileKind::Training;
        { newStore(dir, u"training.db"_s, training); }
        check(dir.filePath(u"training.db"_s), ErrorCode::NotFairnote, u"training"_s);
        const QString live = filled(dir);
        auto s = store::openStore(live, training);
        REQUIRE_FALSE(s.ok());
        CHECK(s.error().message.contains(u"real case records"_s));
    }
    SECTION("a missing file is not created unless asked")
    {
        auto s = store::openStore(dir.filePath(u"nothing.db"_s));
        REQUIRE_FALSE(s.ok());
        CHECK(s.error().code == ErrorCode::NotFound);
        CHECK_FALSE(QFile::exists(dir.filePath(u"nothing.db"_s)));
    }
    SECTION("a folder")
    {
        auto s = store::openStore(dir.path());
        REQUIRE_FALSE(s.ok());
        CHECK(s.error().message.contains(u"folder"_s));
    }
}

TEST_CASE("a read-only case file opens for reading and refuses writes", "[store][file]")
{
    QTemporaryDir dir;
    const QString path = filled(dir);
    const QByteArray before = readBytes(path);
    store::OpenOptions ro;
    ro.readOnly = true;
    auto s = store::openStore(path, ro);
    REQUIRE(s.ok());
    CHECK((*s)->isReadOnly());
    CHECK((*s)->people(kJo)->size() == 2);
    auto w = (*s)->addPerson(record::Person{{}, u"New"_s, {}, {}}, kJo);
    REQUIRE_FALSE(w.ok());
    CHECK(w.error().code == ErrorCode::ReadOnly);
    CHECK(w.error().message.contains(u"reading only"_s));
    s->reset();
    CHECK(readBytes(path) == before);

    if (::geteuid() != 0) { // root may write anywhere; the CLI test covers this as an unprivileged user
        REQUIRE(QFile::setPermissions(path, QFile::ReadOwner));
        auto s2 = store::openStore(path);
        REQUIRE(s2.ok());
        CHECK((*s2)->isReadOnly());
        CHECK((*s2)->readOnlyReason().contains(u"may not write"_s));
    }
}

TEST_CASE("a second program writing the file: the save waits, then says the file is in use", "[store][file]")
{
    QTemporaryDir dir;
    const QString path = filled(dir);
    store::OpenOptions quick;
    quick.busyTimeoutMs = 200;
    auto s = store::openStore(path, quick);
    REQUIRE(s.ok());
    store::sql::Database other(path, store::sql::Database::Mode::ReadWrite);
    other.exec("BEGIN IMMEDIATE; INSERT INTO meta(key, value) VALUES ('holding', 'the lock')");
    auto r = (*s)->addPerson(record::Person{{}, u"Waiting"_s, {}, {}}, kJo);
    REQUIRE_FALSE(r.ok());
    CHECK(r.error().code == ErrorCode::Busy);
    CHECK(r.error().message.contains(u"in use by another program"_s));
    CHECK((*s)->people(kJo)->size() == 2); // reading still works while the other program writes
    other.exec("ROLLBACK");
    CHECK((*s)->addPerson(record::Person{{}, u"Waiting"_s, {}, {}}, kJo).ok());
}

TEST_CASE("a full disk: the save fails with a message and everything saved before is intact", "[store][file]")
{
    QTemporaryDir dir;
    const QString path = filled(dir);
    store::OpenOptions small;
    auto s = store::openStore(path, small);
    REQUIRE(s.ok());
    const qint64 pages = [&] {
        store::sql::Database raw(path, store::sql::Database::Mode::ReadOnly);
        return raw.scalar("PRAGMA page_count");
    }();
    s->reset();
    small.maxPageCount = pages; // no room for one more page
    s = store::openStore(path, small);
    REQUIRE(s.ok());
    (*s)->setAssessor(store::makeAssessor(assessOptions()));
    const auto person = (*s)->peopleNamed(u"Ali Khan"_s)->front();
    QString big;
    for (int i = 0; i < 400; ++i)
        big += u"Ali described the week he spent at the night shelter and the people who helped him. "_s;
    auto r = (*s)->saveDraft(person.id, note(big), kJo);
    REQUIRE_FALSE(r.ok());
    CHECK(r.error().code == ErrorCode::DiskFull);
    CHECK(r.error().message.contains(u"full"_s));
    CHECK(r.error().message.contains(u"intact"_s));
    s->reset();
    auto again = store::openStore(path);
    REQUIRE(again.ok());
    CHECK(problems(**again).isEmpty());
    CHECK((*again)->entries({person.id}, kJo)->size() == 2);
}

TEST_CASE("the database itself refuses to change or delete final records", "[store][file]")
{
    QTemporaryDir dir;
    {
        auto s = newStore(dir);
        const auto person = *s->addPerson(record::Person{{}, u"Sam Rivers"_s, {}, {}}, kJo);
        auto id = s->saveDraft(person.id, note(u"Sam phoned."_s), kJo);
        REQUIRE(s->finalise(*id, kJo, {}).ok());
        REQUIRE(s->markInError(*id, u"wrong person"_s, kJo).ok());
    }
    store::sql::Database raw(dir.filePath(u"case.db"_s), store::sql::Database::Mode::ReadWrite);
    const char *attempts[] = {
        "UPDATE revisions SET content = '{}'",
        "DELETE FROM revisions",
        "UPDATE revision_prompts SET left_reason = 'x'",
        "DELETE FROM audit",
        "UPDATE audit SET detail = '{}'",
        "DELETE FROM errors",
        "UPDATE entries SET in_error = 0",
        "UPDATE entries SET revisions = 0",
        "DELETE FROM entries",
        "UPDATE users SET name = 'someone else'",
    };
    for (const char *sqlText : attempts) {
        INFO(sqlText);
        try {
            raw.exec(sqlText);
            // revision_prompts may be empty (no prompt open): an UPDATE of no rows is not a change.
            CHECK(QByteArray(sqlText).contains("revision_prompts"));
        } catch (const store::sql::Failure &f) {
            CHECK(f.code() == store::sql::Constraint);
            CHECK((f.message().contains(u"cannot"_s)));
        }
    }
}

TEST_CASE("verify passes on a clean file and names the row that was changed outside Fairnote", "[store][file][verify]")
{
    QTemporaryDir dir;
    const QString path = filled(dir);
    {
        auto s = store::openStore(path);
        REQUIRE(s.ok());
        CHECK(problems(**s).isEmpty());
        auto r = (*s)->verify({});
        CHECK(r->revisions == 5); // two imported, two of Ali's first note, one marked in error
        CHECK(r->headHash == *(*s)->headHash());
    }
    store::sql::Database raw(path, store::sql::Database::Mode::ReadWrite);
    auto reopen = [&] {
        auto s = store::openStore(path);
        REQUIRE(s.ok());
        return std::move(*s);
    };
    SECTION("a final revision's text edited with the triggers dropped")
    {
        raw.exec("DROP TRIGGER revisions_never_change; "
                 "UPDATE revisions SET content = replace(content, 'PIP claim', 'benefits') WHERE number = 2");
        const QStringList p = problems(*reopen());
        CHECK(anyContains(p, u"revision 2: its content"_s));
        CHECK(anyContains(p, u"revisions_never_change\" has been removed"_s));
    }
    SECTION("the hash recomputed too: the audit trail still disagrees")
    {
        raw.exec("DROP TRIGGER revisions_never_change; UPDATE revisions SET hash = 'f00d' WHERE number = 2");
        const QStringList p = problems(*reopen());
        CHECK(anyContains(p, u"revision 2: its content"_s));
        CHECK(anyContains(p, u"differs from the one the audit trail recorded"_s));
    }
    SECTION("an audit row altered")
    {
        raw.exec("DROP TRIGGER audit_never_changes; UPDATE audit SET detail = '{\"reason\":\"x\"}' WHERE action = 'mark-in-error'");
        const QStringList p = problems(*reopen());
        CHECK(anyContains(p, u"audit row"_s));
        CHECK(anyContains(p, u"was changed after it was written (mark-in-error"_s));
    }
    SECTION("an audit row deleted")
    {
        raw.exec("DROP TRIGGER audit_never_deleted; DELETE FROM audit WHERE seq = 3");
        CHECK(anyContains(problems(*reopen()), u"rows 3 to 3 of the audit trail are missing"_s));
    }
    SECTION("an entry released for disclosure outside Fairnote")
    {
        // Flag one entry through Fairnote, then release it with the shell.
        {
            auto s = reopen();
            const QString id = (*s).entries({}, kJo)->front().id;
            REQUIRE(s->flagForDisclosureReview(id, u"Third-party information."_s, kJo).ok());
        }
        raw.exec("UPDATE disclosure_flags SET released_at = '2026-03-01T10:00:00.000Z'");
        CHECK(anyContains(problems(*reopen()), u"released for disclosure without a release in the audit trail"_s));
    }
    SECTION("a mark in error removed")
    {
        raw.exec("DROP TRIGGER errors_never_deleted; DROP TRIGGER entries_keep_their_history; "
                 "DELETE FROM errors; UPDATE entries SET in_error = 0");
        CHECK(anyContains(problems(*reopen()), u"mark in error"_s));
    }
}

TEST_CASE("SQLite's own checks, run beside the rest of verify, come first and stop when verify is cancelled", "[store][file][verify]")
{
    QTemporaryDir dir;
    const QString path = filled(dir);
    SECTION("a row that refers to a missing one is the first problem named")
    {
        {
            store::sql::Database raw(path, store::sql::Database::Mode::ReadWrite);
            raw.exec("PRAGMA foreign_keys = OFF; UPDATE people SET created_by = 9999");
        }
        auto s = store::openStore(path);
        REQUIRE(s.ok());
        const QStringList p = problems(**s);
        REQUIRE_FALSE(p.isEmpty());
        CHECK(p.front().startsWith(u"table people, row "_s));
        CHECK(p.front().endsWith(u"refers to a missing row in users"_s));
    }
    SECTION("cancelled at its first step, verify says so, and the file verifies whole afterwards")
    {
        auto s = store::openStore(path);
        REQUIRE(s.ok());
        auto cancelled = (*s)->verify([](qint64, qint64) { return false; });
        REQUIRE_FALSE(cancelled.ok());
        CHECK(cancelled.error().code == store::ErrorCode::Cancelled);
        CHECK(problems(**s).isEmpty());
    }
}

TEST_CASE("backup copies a file in use, verifies the copy, and never overwrites", "[store][file]")
{
    QTemporaryDir dir;
    const QString path = filled(dir);
    auto s = store::openStore(path);
    REQUIRE(s.ok());
    const QString dest = dir.filePath(u"backup.db"_s);
    auto r = (*s)->backup(dest, kSam, {});
    REQUIRE(r.ok());
    CHECK(r->ok());
    CHECK(QFile::exists(dest));
    CHECK_FALSE(QFile::exists(dest + u".part"_s));
    struct stat st{};
    REQUIRE(::stat(QFile::encodeName(dest).constData(), &st) == 0);
    CHECK((st.st_mode & 0777) == 0600);
    auto copy = store::openStore(dest);
    REQUIRE(copy.ok());
    CHECK((*copy)->entries({}, kJo)->size() == (*s)->entries({}, kJo)->size());
    auto trail = (*s)->auditTrail({});
    CHECK(trail->back().action == u"backup"_s);

    auto again = (*s)->backup(dest, kSam, {});
    REQUIRE_FALSE(again.ok());
    CHECK(again.error().code == ErrorCode::Conflict);
    auto nowhere = (*s)->backup(dir.filePath(u"no/such/folder/b.db"_s), kSam, {});
    REQUIRE_FALSE(nowhere.ok());
    CHECK(nowhere.error().message.contains(u"does not exist"_s));
}

TEST_CASE("migrations: a file from every earlier version opens, upgraded, with its records", "[store][file]")
{
    // Version 0 is a new, empty file (as an interrupted first start leaves it).
    QTemporaryDir dir;
    const QString empty = dir.filePath(u"zero.db"_s);
    { QFile f(empty); REQUIRE(f.open(QIODevice::WriteOnly)); }
    store::OpenOptions create;
    create.create = store::OpenOptions::Create::IfMissing;
    auto s = store::openStore(empty, create);
    REQUIRE(s.ok());
    CHECK((*s)->auditTrail({})->front().action == u"create-file"_s);

    for (int version = 1; version < store::kSchemaVersion; ++version) {
        INFO("from version " << version);
        const QString path = dir.filePath(u"v%1.db"_s.arg(version));
        {
            store::sql::Database raw(path, store::sql::Database::Mode::ReadWriteCreate);
            store::migrate(raw, version);
            raw.exec(u"PRAGMA application_id = %1"_s.arg(store::kApplicationId));
            // A person recorded at that version (every version has had people), with the audit row that
            // version wrote for it (its detail held only the name).
            raw.exec("INSERT INTO people(id, name, created_at) VALUES ('P-OLD', 'Sam Rivers', '2026-01-01T10:00:00.000Z')");
            store::AuditFields added;
            added.seq = 1;
            added.at = u"2026-01-01T10:00:00.000Z"_s;
            added.action = u"add-person"_s;
            added.personId = u"P-OLD"_s;
            added.detail = u"{\"name\":\"Sam Rivers\"}"_s;
            added.prevHash = store::zeroHash();
            raw.prepare("INSERT INTO audit(seq, at, action, person_id, detail, prev_hash, hash) VALUES (1, ?1, 'add-person', 'P-OLD', ?2, ?3, ?4)")
                .bind(1, added.at).bind(2, added.detail).bind(3, added.prevHash).bind(4, store::auditHash(added)).run();
        }
        auto up = store::openStore(path);
        REQUIRE(up.ok());
        // Upgraded, then its list summaries (from before wordings were numbered) reworded: each in the trail.
        const auto trail = *(*up)->auditTrail({});
        REQUIRE(trail.size() >= 2);
        CHECK(trail[trail.size() - 2].action == u"upgrade-file"_s);
        CHECK(trail.back().action == u"reword-summaries"_s);
        CHECK(problems(**up).isEmpty());
        CHECK((*up)->person(u"P-OLD"_s)->name == u"Sam Rivers"_s);
        store::sql::Database check(path, store::sql::Database::Mode::ReadOnly);
        CHECK(check.scalar("PRAGMA user_version") == store::kSchemaVersion);
    }
}

// verify hashes every revision and audit row with OpenSSL, from the bytes SQLite holds, through a serialisation
// built without an allocation per field: the hashes must be exactly those earlier versions wrote (SHA-256 over
// "name=length:value\n", lengths in UTF-8 bytes), or every file written before would fail verify.
TEST_CASE("the faster hashing gives the hashes earlier versions wrote", "[store][hashing]")
{
    const auto reference = [](const QList<std::pair<QByteArray, QString>> &fields) {
        QByteArray bytes;
        for (const auto &[name, value] : fields) {
            const QByteArray v = value.toUtf8();
            bytes += name + '=' + QByteArray::number(v.size()) + ':' + v + '\n';
        }
        return QString::fromLatin1(QCryptographicHash::hash(bytes, QCryptographicHash::Sha256).toHex());
    };
    store::RevisionFields r{u"entry-0001"_s, u"person-0001"_s, u"incident"_s, u"{\"what\":\"Zoë said “no” 🔥\"}"_s, u"Jo Fletcher"_s,
                            u"Support worker"_s, {}, u"2026-03-01T09:01:00.000Z"_s, {}, 2, 90061, {}};
    store::Snapshot snap;
    snap.prompts.push_back({u"harm"_s, u"harm.unknown"_s, u"info"_s, u"Was anyone hurt?"_s, u"Who?"_s, u"Not known yet."_s});
    snap.findings.push_back({u"what_happened"_s, u"vague.aggressive"_s, u"judgement"_s, u"warning"_s, 12, 10, u"aggressive"_s, u"Say what happened."_s});
    const QString expected = reference({{"entry", r.entryId}, {"number", u"2"_s}, {"person", r.personId}, {"kind", r.kind},
                                        {"content", r.content}, {"author", r.authorName}, {"role", r.authorRole},
                                        {"organisation", r.authorOrganisation}, {"written_at", r.writtenAt}, {"reason", r.reason},
                                        {"late_seconds", u"90061"_s}, {"prompt.field", u"harm"_s}, {"prompt.code", u"harm.unknown"_s},
                                        {"prompt.severity", u"info"_s}, {"prompt.message", u"Was anyone hurt?"_s},
                                        {"prompt.question", u"Who?"_s}, {"prompt.left_reason", u"Not known yet."_s},
                                        {"finding.field", u"what_happened"_s}, {"finding.rule", u"vague.aggressive"_s},
                                        {"finding.category", u"judgement"_s}, {"finding.severity", u"warning"_s},
                                        {"finding.offset", u"12"_s}, {"finding.length", u"10"_s}, {"finding.text", u"aggressive"_s},
                                        {"finding.message", u"Say what happened."_s}});
    CHECK(store::revisionHash(r, snap) == expected);
    const QByteArray stored = r.content.toUtf8(); // as verify reads it: the bytes SQLite holds
    store::RevisionFields raw = r;
    raw.content.clear();
    raw.contentUtf8 = stored;
    CHECK(store::revisionHash(raw, snap) == expected);
    r.lateSeconds.reset();
    CHECK(store::revisionHash(r, {}) == reference({{"entry", r.entryId}, {"number", u"2"_s}, {"person", r.personId}, {"kind", r.kind},
                                                   {"content", r.content}, {"author", r.authorName}, {"role", r.authorRole},
                                                   {"organisation", {}}, {"written_at", r.writtenAt}, {"reason", {}}, {"late_seconds", {}}}));

    store::AuditFields a{7, u"2026-03-01T09:01:00.000Z"_s, u"Jo Fletcher"_s, u"Support worker"_s, u"Fairview Lodge"_s, u"finalise"_s,
                         u"person-0001"_s, u"entry-0001"_s, u"{\"revision_hash\":\"ab\",\"note\":\"é\"}"_s, store::zeroHash(), 1, {}};
    const QString audited = reference({{"seq", u"7"_s}, {"at", a.at}, {"actor", a.actorName}, {"role", a.actorRole},
                                       {"organisation", a.actorOrganisation}, {"action", a.action}, {"person", a.personId},
                                       {"entry", a.entryId}, {"revision", u"1"_s}, {"detail", a.detail}, {"prev", a.prevHash}});
    CHECK(store::auditHash(a) == audited);
    const QByteArray detail = a.detail.toUtf8();
    a.detail.clear();
    a.detailUtf8 = detail;
    CHECK(store::auditHash(a) == audited);
}

// The stored form of every time, written by hand for speed: the same text as Qt's formatting.
TEST_CASE("stored times are written exactly as Qt's format wrote them", "[store][hashing]")
{
    const QString format = u"yyyy-MM-ddTHH:mm:ss.zzzZ"_s;
    for (const QDateTime &t : {QDateTime(QDate(2026, 3, 1), QTime(9, 1, 2, 3), Qt::UTC), QDateTime(QDate(1000, 1, 1), QTime(0, 0), Qt::UTC),
                               QDateTime(QDate(9999, 12, 31), QTime(23, 59, 59, 999), Qt::UTC), QDateTime(QDate(12, 5, 6), QTime(7, 8), Qt::UTC),
                               QDateTime(QDate(2025, 10, 26), QTime(1, 30), Qt::OffsetFromUTC, 3600)})
        CHECK(store::iso(t) == t.toUTC().toString(format));
    CHECK(store::iso(QDateTime()).isEmpty());
    CHECK(store::iso(QDateTime(QDate(-44, 3, 15), QTime(12, 0), Qt::UTC)) == QDateTime(QDate(-44, 3, 15), QTime(12, 0), Qt::UTC).toString(format));
}

// record::summaryLine's wording changes between versions; a file records the wording its list summaries are in.
TEST_CASE("summaries of another wording are reworded when the file is opened for writing, then compared by verify", "[store][file][verify]")
{
    QTemporaryDir dir;
    const QString path = filled(dir);
    qint64 finalEntries = 0;
    {
        // As a file from before wordings were numbered, whose summaries an earlier Fairnote worded otherwise.
        store::sql::Database raw(path, store::sql::Database::Mode::ReadWrite);
        raw.exec("DELETE FROM meta WHERE key = 'summary_wording'; UPDATE entries SET summary = 'Worded by an earlier Fairnote' WHERE revisions > 0");
        finalEntries = raw.scalar("SELECT count(*) FROM entries WHERE revisions > 0");
    }
    auto rowsOf = [&](store::Store &s, const QString &action) {
        qsizetype n = 0;
        const auto trail = s.auditTrail({});
        for (const auto &row : *trail)
            n += row.action == action;
        return n;
    };
    {
        store::OpenOptions readOnly;
        readOnly.readOnly = true;
        auto s = store::openStore(path, readOnly);
        REQUIRE(s.ok());
        auto r = (*s)->verify({});
        REQUIRE(r.ok());
        INFO((r->problems.empty() ? std::string() : r->problems.front().message.toStdString()));
        CHECK(r->ok()); // not a false problem on every entry
        REQUIRE(r->notes.size() == 1);
        CHECK(r->notes.front().contains(u"summaries were not compared"_s));
        CHECK(r->notes.front().contains(u"from before summary wordings were numbered"_s));
        CHECK((*s)->entries({}, kJo)->front().summary == u"Worded by an earlier Fairnote"_s); // nothing changed by reading
    }
    {
        auto s = store::openStore(path);
        REQUIRE(s.ok());
        const auto entries = (*s)->entries({}, kJo);
        REQUIRE(entries.ok());
        for (const auto &e : *entries)
            CHECK(e.summary != u"Worded by an earlier Fairnote"_s);
        auto r = (*s)->verify({});
        REQUIRE(r.ok());
        CHECK(r->ok());
        CHECK(r->notes.isEmpty());
        CHECK(rowsOf(**s, u"reword-summaries"_s) == 1);
        CHECK(finalEntries > 1);
        CHECK((*s)->auditTrail({})->back().detail.value(u"entries"_s).toInteger() == finalEntries); // every summary changed
    }
    {
        auto s = store::openStore(path); // the same wording now: nothing to do
        REQUIRE(s.ok());
        CHECK(rowsOf(**s, u"reword-summaries"_s) == 1);
        store::sql::Database raw(path, store::sql::Database::Mode::ReadWrite);
        raw.exec("UPDATE entries SET summary = 'Nothing of note.' WHERE revisions > 0");
        CHECK(anyContains(problems(**s), u"the list shows the summary “Nothing of note.”, but its revision"_s));
    }
}

// A backup killed before its copy took its name leaves DEST.part; one killed between the rename and the commit
// leaves a whole copy the audit trail does not record. Both states are made here as the kill leaves them.
TEST_CASE("a backup a kill interrupted is explained by verify and settled by the next backup", "[store][file][backup]")
{
    QTemporaryDir dir;
    const QString path = filled(dir);
    const QString partial = dir.filePath(u"partial.db"_s), whole = dir.filePath(u"whole.db"_s);
    {
        store::sql::Database raw(path, store::sql::Database::Mode::ReadWrite);
        {
            store::sql::Database copy(whole, store::sql::Database::Mode::ReadWriteCreate);
            raw.backupTo(copy, 256, {});
        }
        const QString mark = u"{\"started_at\":\"2026-03-02T10:00:00.000Z\",\"name\":\"Sam Okafor\",\"role\":\"Team leader\",\"organisation\":\"Fairview Lodge\"}"_s;
        for (const QString &dest : {partial, whole})
            raw.prepare("INSERT INTO meta(key, value) VALUES (?1, ?2)").bind(1, u"backup:"_s + dest).bind(2, mark).run();
        QFile part(partial + u".part"_s);
        REQUIRE(part.open(QIODevice::WriteOnly));
        part.write("SQLite format 3");
    }
    {
        store::OpenOptions readOnly;
        readOnly.readOnly = true;
        auto s = store::openStore(path, readOnly);
        REQUIRE(s.ok());
        auto r = (*s)->verify({});
        REQUIRE(r.ok());
        CHECK(r->ok());
        const QString notes = r->notes.join(u'\n');
        CHECK(notes.contains(u"A backup to %1 (begun 2026-03-02 10:00 UTC by Sam Okafor (Team leader, Fairview Lodge)) did not finish: %1.part is a partial copy"_s.arg(partial)));
        CHECK(notes.contains(u"A backup to %1 (begun 2026-03-02 10:00 UTC by Sam Okafor (Team leader, Fairview Lodge)) was made whole but is not recorded"_s.arg(whole)));
    }
    auto s = store::openStore(path);
    REQUIRE(s.ok());
    auto r = (*s)->backup(partial, kJo, {});
    REQUIRE(r.ok());
    const QString notes = r->notes.join(u'\n');
    CHECK(notes.contains(u"its partial copy %1.part was removed"_s.arg(partial)));
    CHECK(notes.contains(u"A backup to %1"_s.arg(whole)));
    CHECK(notes.contains(u"it is recorded now"_s));
    CHECK_FALSE(QFile::exists(partial + u".part"_s));
    auto trail = (*s)->auditTrail({});
    REQUIRE(trail->size() >= 2);
    const auto &late = (*trail)[trail->size() - 2];
    CHECK(late.action == u"backup"_s);
    CHECK(late.actor.name == u"Sam Okafor"_s);
    CHECK(late.detail.value(u"destination"_s).toString() == whole);
    CHECK(late.detail.contains(u"recorded_late"_s));
    CHECK(trail->back().detail.value(u"destination"_s).toString() == partial);
    auto after = (*s)->verify({});
    REQUIRE(after.ok());
    CHECK(after->ok());
    CHECK(after->notes.isEmpty());
    // The copy holds no mark of its own making.
    auto copy = store::openStore(partial);
    REQUIRE(copy.ok());
    CHECK((*copy)->verify({})->notes.isEmpty());
}

// SQLite's FTS5 integrity-check is a write, which a file opened for reading only (as 'fairnote-cli verify' opens
// it) may not make: there the index is read whole and its words counted against the rows' own counts.
TEST_CASE("a damaged search index is found by verify on a file opened for reading only", "[store][file][verify]")
{
    QTemporaryDir dir;
    const QString path = filled(dir);
    store::OpenOptions readOnly;
    readOnly.readOnly = true;
    auto readOnlyProblems = [&] {
        auto s = store::openStore(path, readOnly);
        REQUIRE(s.ok());
        return problems(**s);
    };
    CHECK(readOnlyProblems().isEmpty());
    SECTION("its pages removed")
    {
        store::sql::Database(path, store::sql::Database::Mode::ReadWrite).exec("DELETE FROM search_data WHERE id > 10");
        CHECK(anyContains(readOnlyProblems(), u"search index: is damaged"_s));
    }
    SECTION("a row's word counts changed, as postings added or removed would leave them")
    {
        store::sql::Database(path, store::sql::Database::Mode::ReadWrite)
            .exec("UPDATE search_docsize SET sz = X'0105' WHERE id = (SELECT min(id) FROM search_docsize)");
        CHECK(anyContains(readOnlyProblems(), u"search index: is damaged (it holds"_s));
    }
}
