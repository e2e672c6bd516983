// SPDX-FileCopyrightText: 2026 Fairnote contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// A small RAII layer over SQLite's C API for the store's own use: Database (a connection with a cache of
// prepared statements) and Statement (a prepared statement, reset when it goes out of scope).
// <sqlite3.h> stays out of this header.
//
// Errors: every call that fails throws sql::Failure carrying SQLite's extended result code and message.
// The exception never leaves core/store: the Store implementation catches it at its API boundary and
// turns it into a StoreError (see store.h). Not thread-safe: one thread uses a Database at a time.
#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QHash>
#include <QSet>
#include <QString>
#include <exception>
#include <functional>
#include <memory>

struct sqlite3;
struct sqlite3_stmt;

namespace fairnote::store::sql {

// SQLite's primary result codes the store reacts to (the values of <sqlite3.h>).
enum Code : int {
    Ok = 0, Error = 1, Perm = 3, Abort = 4, Busy = 5, Locked = 6, NoMem = 7, ReadOnly = 8, IoErr = 10,
    Corrupt = 11, Full = 13, CantOpen = 14, Constraint = 19, NotADb = 26,
};

class Failure : public std::exception
{
public:
    Failure(int extendedCode, QString message, int systemErrno = 0)
        : m_code(extendedCode), m_message(std::move(message)), m_errno(systemErrno) {}
    int extendedCode() const { return m_code; }
    // The operating system's error behind an I/O error (errno: ENOSPC for a full disk), or 0.
    int systemErrno() const { return m_errno; }
    int code() const { return m_code & 0xff; }
    const QString &message() const { return m_message; }
    const char *what() const noexcept override { return "sqlite failure"; }

private:
    int m_code;
    QString m_message;
    int m_errno = 0;
};

class Database;

class Statement
{
public:
    Statement(Statement &&other) noexcept;
    Statement(const Statement &) = delete;
    Statement &operator=(const Statement &) = delete;
    ~Statement(); // resets the statement and clears its bindings (it stays cached)

    // Parameters are 1-based, as in SQLite.
    Statement &bind(int index, const QString &value);   // a null QString binds NULL
    Statement &bind(int index, qint64 value);
    Statement &bind(int index, int value) { return bind(index, qint64(value)); }
    Statement &bindNull(int index);
    Statement &bindBlob(int index, QByteArrayView value);

    // Steps once: true when a row is ready, false when done.
    bool next();
    // Steps to the end (for statements that return no rows).
    void run();

    QString text(int column) const;
    // The column's text as SQLite holds it (UTF-8), without a copy: valid until the next step or reset. Null for NULL.
    QByteArrayView utf8(int column) const;
    qint64 integer(int column) const;
    double real(int column) const;
    bool isNull(int column) const;
    QByteArray blob(int column) const;
    int columnCount() const;

private:
    friend class Database;
    Statement(Database *db, sqlite3_stmt *stmt, bool owned) : m_db(db), m_stmt(stmt), m_owned(owned) {}
    Database *m_db;
    sqlite3_stmt *m_stmt;
    bool m_owned; // not the cached copy (the cached one was in use): finalised on destruction
};

class Database
{
public:
    enum class Mode { ReadWrite, ReadWriteCreate, ReadOnly, Immutable };

    // Opens `path` (a file path, or ":memory:"). Throws Failure when it cannot be opened.
    Database(const QString &path, Mode mode);
    Database(const Database &) = delete;
    Database &operator=(const Database &) = delete;
    ~Database();

    // Prepares `sql` once and caches it by its text; the statement must have one SQL command. While the
    // cached statement is in use, another Statement for the same text gets a fresh, uncached one.
    Statement prepare(const char *sql);
    // Runs one or more SQL commands with no parameters.
    void exec(const char *sql);
    void exec(const QString &sql);
    // The first column of the first row of a query, or `fallback` when it gives no row.
    qint64 scalar(const char *sql, qint64 fallback = 0);
    QString scalarText(const char *sql);

    void setBusyTimeout(int milliseconds);
    int busyTimeout() const { return m_busyTimeoutMs; }
    qint64 lastInsertRowId() const;
    int changes() const;
    bool isReadOnly() const;
    QString path() const { return m_path; }
    Mode mode() const { return m_mode; }

    // Copies this database into `target` with the backup API, `pagesPerStep` pages at a time.
    // `progress(done, total)` is called after each step; returning false cancels (throws Failure with
    // code Abort). Throws Failure on any error.
    void backupTo(Database &target, int pagesPerStep, const std::function<bool(qint64, qint64)> &progress);

    // Throws the Failure for result code `rc` with the connection's message.
    [[noreturn]] void fail(int rc) const;
    sqlite3 *handle() const { return m_db; }

private:
    friend class Statement;
    sqlite3 *m_db = nullptr;
    QString m_path;
    Mode m_mode;
    int m_busyTimeoutMs = 0;
    QHash<QByteArray, sqlite3_stmt *> m_cache;
    QSet<sqlite3_stmt *> m_inUse;
};

// Runs `work` in one transaction (BEGIN IMMEDIATE … COMMIT); on any exception rolls back and rethrows.
class Transaction
{
public:
    explicit Transaction(Database &db);
    ~Transaction(); // rolls back unless committed
    void commit();
    Transaction(const Transaction &) = delete;
    Transaction &operator=(const Transaction &) = delete;

private:
    Database &m_db;
    bool m_done = false;
};

} // namespace fairnote::store::sql
