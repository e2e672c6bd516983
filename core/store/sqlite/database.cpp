// SPDX-FileCopyrightText: 2026 Fairnote contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// The RAII layer over SQLite's C API: connections, cached prepared statements, transactions, backup.
#include "store/sqlite/database.h"

#include <QUrl>
#include <cassert>
#include <sqlite3.h>

using namespace Qt::StringLiterals;

namespace fairnote::store::sql {

namespace {
QString messageOf(sqlite3 *db, int rc)
{
    if (db && sqlite3_errcode(db) == rc)
        return QString::fromUtf8(sqlite3_errmsg(db));
    return QString::fromUtf8(sqlite3_errstr(rc));
}
} // namespace

Statement::Statement(Statement &&other) noexcept : m_db(other.m_db), m_stmt(other.m_stmt), m_owned(other.m_owned)
{
    other.m_stmt = nullptr;
}

Statement::~Statement()
{
    if (!m_stmt)
        return;
    if (m_owned) {
        sqlite3_finalize(m_stmt);
        return;
    }
    sqlite3_reset(m_stmt);
    sqlite3_clear_bindings(m_stmt);
    m_db->m_inUse.remove(m_stmt);
}

Statement &Statement::bind(int index, const QString &value)
{
    if (value.isNull())
        return bindNull(index);
    const QByteArray utf8 = value.toUtf8();
    if (const int rc = sqlite3_bind_text(m_stmt, index, utf8.constData(), int(utf8.size()), SQLITE_TRANSIENT); rc != SQLITE_OK)
        m_db->fail(rc);
    return *this;
}

Statement &Statement::bind(int index, qint64 value)
{
    if (const int rc = sqlite3_bind_int64(m_stmt, index, value); rc != SQLITE_OK)
        m_db->fail(rc);
    return *this;
}

Statement &Statement::bindNull(int index)
{
    if (const int rc = sqlite3_bind_null(m_stmt, index); rc != SQLITE_OK)
        m_db->fail(rc);
    return *this;
}

Statement &Statement::bindBlob(int index, QByteArrayView value)
{
    if (const int rc = sqlite3_bind_blob(m_stmt, index, value.data(), int(value.size()), SQLITE_TRANSIENT); rc != SQLITE_OK)
        m_db->fail(rc);
    return *this;
}

bool Statement::next()
{
    const int rc = sqlite3_step(m_stmt);
    if (rc == SQLITE_ROW)
        return true;
    if (rc == SQLITE_DONE)
        return false;
    sqlite3_reset(m_stmt);
    m_db->fail(rc);
}

void Statement::run()
{
    while (next()) {
    }
}

QString Statement::text(int column) const
{
    const auto *p = reinterpret_cast<const char *>(sqlite3_column_text(m_stmt, column));
    if (!p)
        return {};
    return QString::fromUtf8(p, sqlite3_column_bytes(m_stmt, column));
}

QByteArrayView Statement::utf8(int column) const
{
    const auto *p = reinterpret_cast<const char *>(sqlite3_column_text(m_stmt, column));
    return p ? QByteArrayView(p, sqlite3_column_bytes(m_stmt, column)) : QByteArrayView();
}

qint64 Statement::integer(int column) const { return sqlite3_column_int64(m_stmt, column); }
double Statement::real(int column) const { return sqlite3_column_double(m_stmt, column); }
bool Statement::isNull(int column) const { return sqlite3_column_type(m_stmt, column) == SQLITE_NULL; }
int Statement::columnCount() const { return sqlite3_column_count(m_stmt); }

QByteArray Statement::blob(int column) const
{
    const auto *p = static_cast<const char *>(sqlite3_column_blob(m_stmt, column));
    return p ? QByteArray(p, sqlite3_column_bytes(m_stmt, column)) : QByteArray();
}

Database::Database(const QString &path, Mode mode) : m_path(path), m_mode(mode)
{
    int flags = SQLITE_OPEN_NOMUTEX | SQLITE_OPEN_URI;
    QByteArray name;
    switch (mode) {
    case Mode::ReadWrite: flags |= SQLITE_OPEN_READWRITE; break;
    case Mode::ReadWriteCreate: flags |= SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE; break;
    case Mode::ReadOnly:
    case Mode::Immutable: flags |= SQLITE_OPEN_READONLY; break;
    }
    if (path == u":memory:") {
        name = ":memory:";
    } else {
        // A file: URI, so that names with '?' or '#' are taken literally and "immutable" can be asked for.
        name = QUrl::fromLocalFile(path).toEncoded();
        if (mode == Mode::Immutable)
            name += "?immutable=1";
    }
    const int rc = sqlite3_open_v2(name.constData(), &m_db, flags, nullptr);
    if (rc != SQLITE_OK) {
        const int ext = m_db ? sqlite3_extended_errcode(m_db) : rc;
        const QString msg = messageOf(m_db, rc);
        const int systemErrno = m_db ? sqlite3_system_errno(m_db) : 0;
        sqlite3_close_v2(m_db);
        m_db = nullptr;
        throw Failure(ext, msg, systemErrno);
    }
    sqlite3_extended_result_codes(m_db, 1);
}

Database::~Database()
{
    for (sqlite3_stmt *s : std::as_const(m_cache))
        sqlite3_finalize(s);
    sqlite3_close_v2(m_db);
}

void Database::fail(int rc) const
{
    throw Failure(m_db ? sqlite3_extended_errcode(m_db) : rc, messageOf(m_db, rc & 0xff), m_db ? sqlite3_system_errno(m_db) : 0);
}

Statement Database::prepare(const char *sql)
{
    const QByteArray key = QByteArray::fromRawData(sql, qsizetype(qstrlen(sql)));
    auto it = m_cache.constFind(key);
    if (it != m_cache.constEnd() && !m_inUse.contains(*it)) {
        m_inUse.insert(*it);
        return Statement(this, *it, false);
    }
    const bool cache = it == m_cache.constEnd();
    sqlite3_stmt *stmt = nullptr;
    if (const int rc = sqlite3_prepare_v3(m_db, sql, -1, cache ? SQLITE_PREPARE_PERSISTENT : 0, &stmt, nullptr); rc != SQLITE_OK)
        fail(rc);
    assert(stmt);
    if (!cache)
        return Statement(this, stmt, true);
    m_cache.insert(QByteArray(sql), stmt);
    m_inUse.insert(stmt);
    return Statement(this, stmt, false);
}

void Database::exec(const char *sql)
{
    char *err = nullptr;
    const int rc = sqlite3_exec(m_db, sql, nullptr, nullptr, &err);
    if (rc != SQLITE_OK) {
        const QString msg = err ? QString::fromUtf8(err) : messageOf(m_db, rc);
        sqlite3_free(err);
        throw Failure(sqlite3_extended_errcode(m_db), msg, sqlite3_system_errno(m_db));
    }
}

void Database::exec(const QString &sql) { exec(sql.toUtf8().constData()); }

qint64 Database::scalar(const char *sql, qint64 fallback)
{
    Statement s = prepare(sql);
    return s.next() ? s.integer(0) : fallback;
}

QString Database::scalarText(const char *sql)
{
    Statement s = prepare(sql);
    return s.next() ? s.text(0) : QString();
}

void Database::setBusyTimeout(int milliseconds)
{
    sqlite3_busy_timeout(m_db, milliseconds);
    m_busyTimeoutMs = milliseconds;
}
qint64 Database::lastInsertRowId() const { return sqlite3_last_insert_rowid(m_db); }
int Database::changes() const { return sqlite3_changes(m_db); }
bool Database::isReadOnly() const { return sqlite3_db_readonly(m_db, "main") == 1; }

void Database::backupTo(Database &target, int pagesPerStep, const std::function<bool(qint64, qint64)> &progress)
{
    sqlite3_backup *b = sqlite3_backup_init(target.m_db, "main", m_db, "main");
    if (!b)
        target.fail(sqlite3_errcode(target.m_db));
    int rc = SQLITE_OK;
    while (true) {
        rc = sqlite3_backup_step(b, pagesPerStep);
        const qint64 total = sqlite3_backup_pagecount(b);
        const qint64 done = total - sqlite3_backup_remaining(b);
        if (rc == SQLITE_DONE)
            break;
        if (rc != SQLITE_OK && rc != SQLITE_BUSY && rc != SQLITE_LOCKED)
            break;
        if (rc == SQLITE_BUSY || rc == SQLITE_LOCKED)
            sqlite3_sleep(20);
        if (progress && !progress(done, total)) {
            sqlite3_backup_finish(b);
            throw Failure(SQLITE_ABORT, u"cancelled"_s);
        }
    }
    if (progress)
        progress(1, 1);
    const int finish = sqlite3_backup_finish(b);
    if (rc != SQLITE_DONE)
        target.fail(rc);
    if (finish != SQLITE_OK)
        target.fail(finish);
}

Transaction::Transaction(Database &db) : m_db(db)
{
    m_db.exec("BEGIN IMMEDIATE");
}

Transaction::~Transaction()
{
    if (!m_done) {
        try {
            m_db.exec("ROLLBACK");
        } catch (const Failure &) {
            // SQLite may already have rolled back (after SQLITE_FULL, for instance); nothing else to do.
        }
    }
}

void Transaction::commit()
{
    m_db.exec("COMMIT");
    m_done = true;
}

} // namespace fairnote::store::sql
