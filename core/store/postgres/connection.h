// SPDX-FileCopyrightText: 2026 Fairnote contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// A small RAII layer over libpq, PostgreSQL's C client library, for the server backend's own use:
// Connection (one session, with a cache of prepared statements), Result (one query's rows, text
// format), Params (the values of $1, $2 …) and Transaction. <libpq-fe.h> stays out of this header.
//
// Errors: every call that fails throws pg::Failure with PostgreSQL's SQLSTATE, its message, and its
// DETAIL and HINT. The exception never leaves core/store/postgres: the store and the administration
// functions catch it at their boundary and turn it into a StoreError. Not thread-safe: one thread
// uses a Connection at a time (open one per thread).
#pragma once

#include <QByteArray>
#include <QHash>
#include <QString>
#include <exception>
#include <initializer_list>
#include <memory>
#include <optional>
#include <utility>
#include <vector>

struct pg_conn;
struct pg_result;
struct pg_cancel;

namespace fairnote::store::pg {

// The state of a Failure when the server asked for a password and none was given (not a SQLSTATE: the
// server never got as far as a session). A password the server refused is SQLSTATE 28P01.
inline constexpr char kNeedsPasswordState[] = "FNPWD";

class Failure : public std::exception
{
public:
    Failure(QString sqlState, QString message, QString detail = {}, QString hint = {}, bool connectionLost = false)
        : m_sqlState(std::move(sqlState)), m_message(std::move(message)), m_detail(std::move(detail)), m_hint(std::move(hint)),
          m_connectionLost(connectionLost)
    {
    }
    // The five-character SQLSTATE ("42501" permission denied, "FN001" a Fairnote refusal …); empty when
    // the server never answered (no connection).
    const QString &sqlState() const { return m_sqlState; }
    const QString &message() const { return m_message; } // the server's primary message, or libpq's
    const QString &detail() const { return m_detail; }
    const QString &hint() const { return m_hint; }
    // The connection is gone (the server stopped, the network dropped): nothing more can be sent on it.
    bool connectionLost() const { return m_connectionLost; }
    const char *what() const noexcept override { return "postgresql failure"; }

private:
    QString m_sqlState, m_message, m_detail, m_hint;
    bool m_connectionLost;
};

// The values of a statement's parameters, in text format; a null QString or std::nullopt is NULL.
class Params
{
public:
    Params() = default;
    Params(std::initializer_list<std::optional<QString>> values)
    {
        for (const auto &v : values)
            add(v);
    }
    Params &add(const std::optional<QString> &value)
    {
        if (!value || value->isNull())
            m_values.emplace_back(std::nullopt);
        else
            m_values.emplace_back(value->toUtf8());
        return *this;
    }
    Params &add(const QString &value) { return add(std::optional<QString>(value)); }
    Params &add(const char16_t *value) { return add(QString::fromUtf16(value)); }
    Params &add(qint64 value) { m_values.emplace_back(QByteArray::number(value)); return *this; }
    Params &add(int value) { return add(qint64(value)); }
    Params &add(bool value) { m_values.emplace_back(QByteArray(value ? "t" : "f")); return *this; }
    Params &addNull() { m_values.emplace_back(std::nullopt); return *this; }
    const std::vector<std::optional<QByteArray>> &values() const { return m_values; }

private:
    std::vector<std::optional<QByteArray>> m_values;
};

// The rows of one query. Columns are 0-based; every value comes as text (PostgreSQL's text format).
class Result
{
public:
    explicit Result(pg_result *result) : m_result(result) {}
    Result(Result &&other) noexcept : m_result(other.m_result) { other.m_result = nullptr; }
    Result &operator=(Result &&other) noexcept
    {
        std::swap(m_result, other.m_result);
        return *this;
    }
    Result(const Result &) = delete;
    Result &operator=(const Result &) = delete;
    ~Result();

    int rows() const;
    int columns() const;
    bool isNull(int row, int column) const;
    QString text(int row, int column) const;   // a NULL reads as a null QString
    qint64 integer(int row, int column) const; // a NULL reads as 0
    double real(int row, int column) const;
    bool boolean(int row, int column) const;   // 't' is true
    qint64 affected() const;                   // rows changed by an INSERT, UPDATE or DELETE

private:
    pg_result *m_result;
};

class Connection
{
public:
    // Connects with a libpq connection string, a postgresql:// URI or "service=NAME" (empty: libpq's
    // PG* environment and defaults). Throws Failure when the connection cannot be made.
    explicit Connection(const QString &conninfo);
    // The same, with keywords that override the connection string's (user, password, dbname …).
    Connection(const QString &conninfo, const QHash<QString, QString> &overrides);
    Connection(const Connection &) = delete;
    Connection &operator=(const Connection &) = delete;
    ~Connection();

    // Runs one statement with parameters; the statement is prepared once per connection and cached by
    // its text. Throws Failure.
    Result exec(const char *sql, const Params &params = {});
    // Runs one statement (as exec) and then COMMIT, sent together (libpq's pipeline mode): the server
    // commits as soon as the statement ends instead of waiting for its answer to reach the client and
    // the COMMIT to come back. That commit does not wait for the disk; a second, empty transaction
    // sent with it does (as the session is set: the disk, a synchronous standby), and WAL is written in
    // order, so this returns only once the first is durable too. A lock the statement takes (the audit
    // chain's head) is so held for the server's own work alone. If the statement fails, COMMIT is
    // skipped and Failure thrown; if a commit fails, Failure too. Use through Transaction::commitAfter.
    Result execThenCommit(const char *sql, const Params &params = {});
    // Runs one statement with parameters, not cached (for statements made at run time).
    Result execOnce(const QString &sql, const Params &params = {});
    // Runs one or more statements with no parameters (a schema script).
    void execScript(const QString &sql);

    // The connection as the server sees it.
    QString user() const;       // the session's login
    QString database() const;
    QString host() const;       // a host name, address or socket folder
    QString port() const;
    int serverVersion() const;  // e.g. 150018
    bool isBroken() const;      // the connection is gone

    // A password as the server stores it (a SCRAM-SHA-256 verifier, as the server's
    // password_encryption says), computed here so the clear password never reaches the server.
    QString encryptPassword(const QString &user, const QString &password);

    pg_conn *handle() const { return m_conn; }

private:
    void connect(const std::vector<std::pair<QByteArray, QByteArray>> &keywords);
    QByteArray prepared(const char *sql, int parameters); // the statement's prepared name, made once
    void forgetIfStale(const char *sql, const Failure &failure);
    [[noreturn]] void fail(pg_result *result);
    Result check(pg_result *result);

    pg_conn *m_conn = nullptr;
    QHash<QByteArray, QByteArray> m_prepared; // statement text → prepared name
};

// Asks the server to stop what a connection is running: made on the connection's own thread, then
// cancel() may be called from any thread (the running call then throws Failure, SQLSTATE 57014).
class Canceller
{
public:
    explicit Canceller(Connection &connection);
    ~Canceller();
    void cancel();
    Canceller(const Canceller &) = delete;
    Canceller &operator=(const Canceller &) = delete;

private:
    pg_cancel *m_cancel;
};

// One transaction: BEGIN (with the isolation level asked for) … COMMIT; rolls back unless committed.
class Transaction
{
public:
    enum class Isolation { ReadCommitted, RepeatableRead, Serializable };
    explicit Transaction(Connection &connection, Isolation isolation = Isolation::ReadCommitted, bool readOnly = false);
    ~Transaction();
    void commit();
    // Runs the transaction's last statement and commits, in one round trip (Connection::execThenCommit).
    // Writing functions append to the audit chain last: this keeps the chain's lock for the server's
    // work, not for the network and the client's scheduling as well.
    Result commitAfter(const char *sql, const Params &params = {});
    Transaction(const Transaction &) = delete;
    Transaction &operator=(const Transaction &) = delete;

private:
    Connection &m_connection;
    bool m_done = false;
};

// A connection string (keywords, a postgresql:// URI, or empty) with some keywords set or replaced, as
// a keyword string libpq reads: for connecting as another login to the same server. Throws Failure
// when the connection string cannot be read.
QString conninfoWith(const QString &conninfo, const QHash<QString, QString> &overrides);

// A value as a SQL literal is never built by hand: pass Params. Identifiers (a role name in DDL) go
// through quoteIdentifier, which asks libpq.
QString quoteIdentifier(Connection &connection, const QString &identifier);

} // namespace fairnote::store::pg
