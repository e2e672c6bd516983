// SPDX-FileCopyrightText: 2026 Fairnote contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// Opening a SQLite case file: what is refused before SQLite touches it, read-only files, creating,
// migrating.
#include "store/sqlite/sqlitestore.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

using namespace Qt::StringLiterals;

namespace fairnote::store {

namespace {

bool canWrite(const QString &path)
{
    const QByteArray p = QFile::encodeName(path);
    const QByteArray dir = QFile::encodeName(QFileInfo(path).absolutePath());
    return ::access(p.constData(), W_OK) == 0 && ::access(dir.constData(), W_OK) == 0;
}

} // namespace

StoreResult<std::unique_ptr<Store>> openStore(const QString &path, const OpenOptions &options)
{
    const bool memory = path == u":memory:";
    const QFileInfo info(path);
    bool created = false; // the file is new or was empty: it becomes a case file
    bool madeHere = false; // Fairnote created the file, so it may remove it again if that fails
    if (!memory) {
        if (info.isDir())
            return StoreError{ErrorCode::NotFound, u"%1 is a folder, not a case file. Give the path of a case file (for example fairnote.db)."_s.arg(path)};
        if (!info.exists()) {
            // A folder on the way that may not be entered hides whatever is in it: say so, never "there is no
            // case file" (which would have someone create a second one).
            struct stat st;
            if (::stat(QFile::encodeName(path).constData(), &st) != 0 && errno == EACCES)
                return StoreError{ErrorCode::Io, u"%1 cannot be reached: you may not open the folder it is in (permission denied). "
                                                 u"Fairnote has not created or changed anything. Ask whoever looks after that folder for access, "
                                                 u"or choose another file."_s.arg(path)};
            if (options.create == OpenOptions::Create::No)
                return StoreError{ErrorCode::NotFound, u"there is no case file at %1."_s.arg(path)};
            if (!QDir().mkpath(info.absolutePath()))
                return StoreError{ErrorCode::Io, u"cannot create the folder %1. Check that you may write there."_s.arg(info.absolutePath())};
            // Owner-only from the start: SQLite gives its -wal and -shm files the same permissions.
            const int fd = ::open(QFile::encodeName(path).constData(), O_CREAT | O_EXCL | O_WRONLY | O_CLOEXEC, 0600);
            if (fd < 0)
                return StoreError{ErrorCode::Io, u"cannot create %1 (%2). Check that you may write to that folder."_s.arg(path, QString::fromLocal8Bit(std::strerror(errno)))};
            ::close(fd);
            created = true;
            madeHere = true;
        } else {
            QFile f(path);
            if (!f.open(QIODevice::ReadOnly))
                return StoreError{ErrorCode::Io, u"%1 cannot be read (%2). Check its permissions."_s.arg(path, f.errorString())};
            const QByteArray header = f.read(100);
            if (header.isEmpty()) {
                if (options.create == OpenOptions::Create::No)
                    return StoreError{ErrorCode::NotSqlite, u"%1 is an empty file, not a Fairnote case file. Fairnote has not changed it."_s.arg(path)};
                created = true;
                // An empty file becomes the case file: owner-only, as a new one would be.
                QFile::setPermissions(path, QFileDevice::ReadOwner | QFileDevice::WriteOwner);
            } else if (header.size() < 100 || !header.startsWith(QByteArrayView("SQLite format 3\0", 16))) {
                return StoreError{ErrorCode::NotSqlite, u"%1 is not a Fairnote case file (it is not an SQLite database at all). Fairnote has not changed it; check that this is the right file."_s.arg(path)};
            }
        }
    }

    QString readOnlyReason;
    if (options.readOnly)
        readOnlyReason = options.readOnlyReason.isEmpty() ? u"opened for reading only"_s : options.readOnlyReason;
    else if (!memory && !canWrite(path))
        readOnlyReason = ::access(QFile::encodeName(path).constData(), W_OK) != 0 ? u"you may not write to the file"_s
                                                                                 : u"you may not write to its folder"_s;
    if (created && !readOnlyReason.isEmpty())
        return StoreError{ErrorCode::ReadOnly, u"cannot create a case file at %1: %2."_s.arg(path, readOnlyReason)};

    // Whether SQLite's side files were there before: a full disk can leave behind the ones it began.
    const bool hadShm = !memory && QFileInfo::exists(path + u"-shm"_s);
    const bool hadWal = !memory && QFileInfo::exists(path + u"-wal"_s);
    std::unique_ptr<sql::Database> db;
    try {
        using Mode = sql::Database::Mode;
        db = std::make_unique<sql::Database>(path, readOnlyReason.isEmpty() ? Mode::ReadWrite : Mode::ReadOnly);
        db->setBusyTimeout(options.busyTimeoutMs);
        try {
            db->scalar("PRAGMA application_id");
        } catch (const sql::Failure &f) {
            // A file in WAL mode whose folder cannot be written cannot get its shared-memory file; read it as immutable.
            if (readOnlyReason.isEmpty() || (f.code() != sql::CantOpen && f.code() != sql::ReadOnly))
                throw;
            // Read as immutable, SQLite ignores the write-ahead log: saves committed there (a program that
            // stopped before folding them in, a copy made with its -wal) would be silently invisible. Refuse
            // instead of showing less. A log of 32 bytes is its header alone, with nothing in it.
            const QFileInfo wal(path + u"-wal"_s);
            if (wal.exists() && wal.size() > 32)
                return StoreError{ErrorCode::ReadOnly,
                                  u"%1 has saves that are still in %2, and they can only be read by writing beside the file, but %3. "
                                  u"Fairnote has not opened it, so that nothing saved is hidden from you. Keep the two files together: "
                                  u"open it once where you may write to the folder (or copy both files to such a folder), and Fairnote "
                                  u"folds the saves into the case file."_s
                                      .arg(path, wal.fileName(), readOnlyReason)};
            db = std::make_unique<sql::Database>(path, Mode::Immutable);
        }
        const quint32 appId = quint32(db->scalar("PRAGMA application_id"));
        const qint64 version = db->scalar("PRAGMA user_version");
        const qint64 tables = db->scalar("SELECT count(*) FROM sqlite_master");
        const quint32 wanted = options.kind == FileKind::Training ? kTrainingApplicationId : kApplicationId;
        const bool fresh = appId == 0 && version == 0 && tables == 0;
        // An SQLite database with nothing in it (as an interrupted first start leaves one) becomes the case
        // file only when asked to create one; it holds nothing to lose.
        if (fresh && !created && options.create == OpenOptions::Create::No)
            return StoreError{ErrorCode::NotFairnote, u"%1 is an empty SQLite database, not a Fairnote case file. Fairnote has not changed it."_s.arg(path)};
        if (!fresh) {
            if (appId == kTrainingApplicationId && options.kind == FileKind::Live)
                return StoreError{ErrorCode::NotFairnote, u"%1 is a training file of invented cases; it cannot be opened as a real case file. Open it in trainer mode."_s.arg(path)};
            if (appId == kApplicationId && options.kind == FileKind::Training)
                return StoreError{ErrorCode::NotFairnote, u"%1 holds real case records; trainer mode opens only training files."_s.arg(path)};
            if (appId != wanted)
                return StoreError{ErrorCode::NotFairnote, u"%1 is an SQLite database, but not a Fairnote case file (its application id is %2). Fairnote has not changed it."_s
                                                              .arg(path, u"0x"_s + QString::number(appId, 16).toUpper())};
            // Fairnote numbers its file formats from 1; any other number in a file that carries our
            // application id means the header was damaged (or written by hand), not an older format.
            if (version < 1)
                return StoreError{ErrorCode::Corrupt, u"%1 says it is a Fairnote case file, but its file format number (%2) is not one Fairnote has ever written: the file's header is damaged. Fairnote has not changed it; restore it from a backup, or ask for help."_s
                                                          .arg(path).arg(version)};
            if (version > kSchemaVersion)
                return StoreError{ErrorCode::TooNew, u"%1 was written by a newer Fairnote (file format %2; this Fairnote reads up to %3). Update Fairnote to open it. The file has not been changed."_s
                                                         .arg(path).arg(version).arg(kSchemaVersion)};
            if (version < kSchemaVersion && !readOnlyReason.isEmpty())
                return StoreError{ErrorCode::ReadOnly,
                                  options.readOnly && canWrite(path)
                                      ? u"%1 was written by an older Fairnote and must be upgraded before it can be read, but %2. Upgrade it "
                                        u"once by opening it for writing: in the app, or with 'fairnote-cli init --db %1' (its records are kept "
                                        u"as they are); then run this again."_s.arg(path, readOnlyReason)
                                      : u"%1 was written by an older Fairnote and must be upgraded before it can be read, but %2."_s.arg(path, readOnlyReason)};
        }
        if (readOnlyReason.isEmpty()) {
            db->exec("PRAGMA journal_mode = WAL");
            db->exec("PRAGMA synchronous = FULL");
        }
        db->exec("PRAGMA foreign_keys = ON");
        if (options.maxPageCount > 0)
            db->exec(u"PRAGMA max_page_count = %1"_s.arg(options.maxPageCount));
        auto store = std::make_unique<SqliteStore>(std::move(db), path, options.kind, readOnlyReason);
        if (options.clock)
            store->setClock(options.clock);
        if (fresh) {
            store->initialise(options.kind);
            if (!memory) // whatever made the file, the case file is owner-only
                QFile::setPermissions(path, QFileDevice::ReadOwner | QFileDevice::WriteOwner);
        }
        else if (version < kSchemaVersion)
            store->upgrade(int(version));
        if (!fresh && readOnlyReason.isEmpty() && options.rewordSummaries)
            store->rewordSummaries();
        return std::unique_ptr<Store>(std::move(store));
    } catch (const sql::Failure &f) {
        db.reset();
        if (madeHere)
            QFile::remove(path);
        // A full disk, even to read: SQLite writes its shared-memory file (-shm) beside a case file in WAL mode
        // before it reads a page, and reports the disk's refusal as an I/O error. What it began is taken away
        // again: a -shm too small ever to have been in use (a live one is 32 KB or more) and an empty -wal, each
        // only when it was not there before.
        const bool full = f.code() == sql::Full || (f.systemErrno() == ENOSPC && (f.code() == sql::IoErr || f.code() == sql::CantOpen));
        if (full && !memory) {
            const QFileInfo shm(path + u"-shm"_s), wal(path + u"-wal"_s);
            if (!hadShm && shm.exists() && shm.size() < 32768)
                QFile::remove(shm.filePath());
            if (!hadWal && wal.exists() && wal.size() == 0)
                QFile::remove(wal.filePath());
            if (!created)
                return StoreError{ErrorCode::DiskFull,
                                  u"there is no room left on the disk that holds %1, and SQLite needs a little room beside a case file even to "
                                  u"read it (for its -shm file). Nothing in the case file has changed. Free some space on that disk, or copy the "
                                  u"case file (with its -wal file, if there is one) to a disk with room and open the copy there."_s.arg(path)};
        }
        return toError(f, path, {});
    }
}

} // namespace fairnote::store
