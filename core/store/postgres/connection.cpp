// SPDX-FileCopyrightText: 2026 Fairnote contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// The RAII layer over libpq: connections, cached prepared statements, results, transactions.
#include "store/postgres/connection.h"

#include <QList>
#include <QStringList>
#include <algorithm>
#include <cassert>
#include <cstdlib>
#include <libpq-fe.h>

using namespace Qt::StringLiterals;

namespace fairnote::store::pg {

namespace {

QString fromUtf8(const char *s) { return s ? QString::fromUtf8(s) : QString(); }

// libpq's messages end with a newline; the first line is what to show.
QString firstLine(const char *s)
{
    QString m = fromUtf8(s).trimmed();
    const qsizetype nl = m.indexOf(u'\n');
    return nl < 0 ? m : m.left(nl).trimmed();
}

// Server notices (RAISE NOTICE, "role does not exist, skipping") are not for the user.
void ignoreNotice(void *, const char *) {}

} // namespace

Result::~Result()
{
    if (m_result)
        PQclear(m_result);
}

int Result::rows() const { return PQntuples(m_result); }
int Result::columns() const { return PQnfields(m_result); }
bool Result::isNull(int row, int column) const { return PQgetisnull(m_result, row, column) != 0; }

QString Result::text(int row, int column) const
{
    if (isNull(row, column))
        return QString();
    return QString::fromUtf8(PQgetvalue(m_result, row, column), PQgetlength(m_result, row, column));
}

qint64 Result::integer(int row, int column) const
{
    if (isNull(row, column))
        return 0;
    return std::strtoll(PQgetvalue(m_result, row, column), nullptr, 10);
}

double Result::real(int row, int column) const
{
    if (isNull(row, column))
        return 0;
    return std::strtod(PQgetvalue(m_result, row, column), nullptr);
}

bool Result::boolean(int row, int column) const
{
    return !isNull(row, column) && PQgetvalue(m_result, row, column)[0] == 't';
}

qint64 Result::affected() const
{
    const char *n = PQcmdTuples(m_result);
    return n && *n ? std::strtoll(n, nullptr, 10) : 0;
}

Connection::Connection(const QString &conninfo) : Connection(conninfo, {}) {}

Connection::Connection(const QString &conninfo, const QHash<QString, QString> &overrides)
{
    // The connection string is expanded as "dbname" (libpq's rule for expand_dbname), and the keywords
    // after it override what it says.
    std::vector<std::pair<QByteArray, QByteArray>> keywords;
    // A server that cannot be reached is said within 10 seconds, not after the system's TCP timeout (two
    // minutes or more with the network down, the window frozen meanwhile). The connection string, and
    // libpq's PGCONNECT_TIMEOUT, set another.
    if (qEnvironmentVariableIsEmpty("PGCONNECT_TIMEOUT"))
        keywords.emplace_back("connect_timeout", "10");
    if (!conninfo.trimmed().isEmpty())
        keywords.emplace_back("dbname", conninfo.toUtf8());
    keywords.emplace_back("client_encoding", "UTF8");
    keywords.emplace_back("application_name", "fairnote");
    for (auto it = overrides.constBegin(); it != overrides.constEnd(); ++it)
        keywords.emplace_back(it.key().toUtf8(), it.value().toUtf8());
    connect(keywords);
}

void Connection::connect(const std::vector<std::pair<QByteArray, QByteArray>> &keywords)
{
    std::vector<const char *> keys, values;
    for (const auto &[k, v] : keywords) {
        keys.push_back(k.constData());
        values.push_back(v.constData());
    }
    keys.push_back(nullptr);
    values.push_back(nullptr);
    m_conn = PQconnectdbParams(keys.data(), values.data(), 1);
    if (!m_conn)
        throw Failure({}, u"out of memory while connecting"_s, {}, {}, true);
    if (PQstatus(m_conn) != CONNECTION_OK) {
        const QString message = firstLine(PQerrorMessage(m_conn));
        // The server asked for a password: none was given (libpq says so), or the one given was refused.
        const bool noPassword = PQconnectionNeedsPassword(m_conn);
        const bool refused = !noPassword && PQconnectionUsedPassword(m_conn) && message.contains(u"password authentication failed"_s);
        PQfinish(m_conn);
        m_conn = nullptr;
        throw Failure(noPassword ? QString::fromLatin1(kNeedsPasswordState) : refused ? u"28P01"_s : QString(), message, {}, {}, true);
    }
    PQsetNoticeProcessor(m_conn, ignoreNotice, nullptr);
}

Connection::~Connection()
{
    if (m_conn)
        PQfinish(m_conn);
}

void Connection::fail(pg_result *result)
{
    const bool lost = PQstatus(m_conn) != CONNECTION_OK;
    if (!result) {
        const QString message = firstLine(PQerrorMessage(m_conn));
        throw Failure({}, message.isEmpty() ? u"the connection to the server was lost"_s : message, {}, {}, true);
    }
    const QString state = fromUtf8(PQresultErrorField(result, PG_DIAG_SQLSTATE));
    QString message = fromUtf8(PQresultErrorField(result, PG_DIAG_MESSAGE_PRIMARY));
    if (message.isEmpty())
        message = firstLine(PQresultErrorMessage(result));
    if (message.isEmpty())
        message = firstLine(PQerrorMessage(m_conn));
    const QString detail = fromUtf8(PQresultErrorField(result, PG_DIAG_MESSAGE_DETAIL));
    const QString hint = fromUtf8(PQresultErrorField(result, PG_DIAG_MESSAGE_HINT));
    PQclear(result);
    throw Failure(state, message, detail, hint, lost || state.startsWith(u"08"_s) || state == u"57P01");
}

Result Connection::check(pg_result *result)
{
    if (!result)
        fail(nullptr);
    switch (PQresultStatus(result)) {
    case PGRES_COMMAND_OK:
    case PGRES_TUPLES_OK:
    case PGRES_EMPTY_QUERY:
        return Result(result);
    default:
        fail(result);
    }
}

namespace {
struct ParamArrays
{
    std::vector<const char *> values;
    std::vector<int> lengths, formats;
    explicit ParamArrays(const Params &params)
    {
        for (const auto &v : params.values()) {
            values.push_back(v ? v->constData() : nullptr);
            lengths.push_back(v ? int(v->size()) : 0);
            formats.push_back(0);
        }
    }
};
} // namespace

QByteArray Connection::prepared(const char *sql, int parameters)
{
    if (!m_conn)
        throw Failure({}, u"not connected"_s, {}, {}, true);
    const QByteArray text(sql);
    if (auto it = m_prepared.constFind(text); it != m_prepared.constEnd())
        return *it;
    const QByteArray name = "fn" + QByteArray::number(m_prepared.size() + 1);
    Result made = check(PQprepare(m_conn, name.constData(), sql, parameters, nullptr));
    m_prepared.insert(text, name);
    return name;
}

void Connection::forgetIfStale(const char *sql, const Failure &failure)
{
    // A prepared statement that lost its meaning (a schema upgrade in another session) is prepared
    // again next time.
    if (failure.sqlState() == u"0A000" || failure.sqlState() == u"26000")
        m_prepared.remove(QByteArray(sql));
}

Result Connection::exec(const char *sql, const Params &params)
{
    const QByteArray name = prepared(sql, int(params.values().size()));
    const ParamArrays p(params);
    try {
        return check(PQexecPrepared(m_conn, name.constData(), int(p.values.size()), p.values.data(), p.lengths.data(),
                                    p.formats.data(), 0));
    } catch (const Failure &f) {
        forgetIfStale(sql, f);
        throw;
    }
}

Result Connection::execThenCommit(const char *sql, const Params &params)
{
    const QByteArray name = prepared(sql, int(params.values().size()));
    const ParamArrays p(params);
    // One message: the commit is asked not to wait for the disk, the statement, COMMIT, a sync point,
    // then a transaction of its own that takes a transaction id (so its commit writes a commit record)
    // and commits as the session is set to (waiting for the disk, and a synchronous standby if there
    // is one): WAL is written in order, so when it is durable, so is the commit before it. The server
    // runs the steps back to back; if the statement fails, COMMIT is skipped and the transaction is
    // left to roll back.
    if (PQenterPipelineMode(m_conn) != 1)
        fail(nullptr);
    const bool sent =
        PQsendQueryParams(m_conn, "SET LOCAL synchronous_commit TO off", 0, nullptr, nullptr, nullptr, nullptr, 0) == 1
        && PQsendQueryPrepared(m_conn, name.constData(), int(p.values.size()), p.values.data(), p.lengths.data(), p.formats.data(), 0) == 1
        && PQsendQueryParams(m_conn, "COMMIT", 0, nullptr, nullptr, nullptr, nullptr, 0) == 1 && PQpipelineSync(m_conn) == 1
        && PQsendQueryParams(m_conn, "SELECT pg_current_xact_id()", 0, nullptr, nullptr, nullptr, nullptr, 0) == 1
        && PQpipelineSync(m_conn) == 1;
    if (!sent) {
        const Failure lost({}, firstLine(PQerrorMessage(m_conn)), {}, {}, true);
        PQexitPipelineMode(m_conn);
        throw lost;
    }
    // Every result is read before leaving pipeline mode, whatever happened: each step's (followed by
    // a null) and each sync point's. The first error is the one thrown.
    std::optional<Failure> failure;
    pg_result *statement = nullptr;
    int step = 0, syncs = 0, nulls = 0;
    while (syncs < 2) {
        pg_result *r = PQgetResult(m_conn);
        if (!r) {
            if (isBroken() || ++nulls > 8) {
                if (!failure)
                    failure = Failure({}, u"the connection to the server was lost"_s, {}, {}, true);
                break;
            }
            continue;
        }
        nulls = 0;
        const ExecStatusType status = PQresultStatus(r);
        if (status == PGRES_PIPELINE_SYNC) {
            ++syncs;
            PQclear(r);
            continue;
        }
        if (status == PGRES_FATAL_ERROR) {
            try {
                fail(r); // frees r
            } catch (const Failure &f) {
                if (!failure)
                    failure = f;
            }
        } else if (step == 1) {
            statement = r;
        } else {
            PQclear(r); // SET's, COMMIT's (or "aborted" when the statement failed), the transaction id
        }
        ++step;
    }
    PQexitPipelineMode(m_conn);
    if (!statement && !failure)
        failure = Failure({}, u"the server did not answer"_s, {}, {}, isBroken());
    if (failure) {
        PQclear(statement);
        forgetIfStale(sql, *failure);
        throw *failure;
    }
    return Result(statement);
}

Result Connection::execOnce(const QString &sql, const Params &params)
{
    if (!m_conn)
        throw Failure({}, u"not connected"_s, {}, {}, true);
    const QByteArray text = sql.toUtf8();
    const ParamArrays p(params);
    return check(PQexecParams(m_conn, text.constData(), int(p.values.size()), nullptr, p.values.data(), p.lengths.data(),
                              p.formats.data(), 0));
}

void Connection::execScript(const QString &sql)
{
    if (!m_conn)
        throw Failure({}, u"not connected"_s, {}, {}, true);
    const QByteArray text = sql.toUtf8();
    // PQexec runs every statement of the script and returns the last result, or the first error.
    check(PQexec(m_conn, text.constData()));
}

QString Connection::user() const { return fromUtf8(PQuser(m_conn)); }
QString Connection::database() const { return fromUtf8(PQdb(m_conn)); }
QString Connection::host() const { return fromUtf8(PQhost(m_conn)); }
QString Connection::port() const { return fromUtf8(PQport(m_conn)); }
int Connection::serverVersion() const { return PQserverVersion(m_conn); }
bool Connection::isBroken() const { return !m_conn || PQstatus(m_conn) != CONNECTION_OK; }

QString Connection::encryptPassword(const QString &user, const QString &password)
{
    const QByteArray u = user.toUtf8(), p = password.toUtf8();
    char *encrypted = PQencryptPasswordConn(m_conn, p.constData(), u.constData(), nullptr);
    if (!encrypted)
        throw Failure({}, firstLine(PQerrorMessage(m_conn)));
    const QString out = QString::fromUtf8(encrypted);
    PQfreemem(encrypted);
    return out;
}

Canceller::Canceller(Connection &connection) : m_cancel(PQgetCancel(connection.handle())) {}

Canceller::~Canceller()
{
    if (m_cancel)
        PQfreeCancel(m_cancel);
}

void Canceller::cancel()
{
    char error[256];
    if (m_cancel)
        PQcancel(m_cancel, error, int(sizeof error)); // best effort: a query that ended meanwhile needs nothing
}

Transaction::Transaction(Connection &connection, Isolation isolation, bool readOnly) : m_connection(connection)
{
    const char *begin = nullptr;
    switch (isolation) {
    case Isolation::ReadCommitted: begin = readOnly ? "BEGIN READ ONLY" : "BEGIN"; break;
    case Isolation::RepeatableRead:
        begin = readOnly ? "BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY" : "BEGIN ISOLATION LEVEL REPEATABLE READ";
        break;
    case Isolation::Serializable: begin = readOnly ? "BEGIN ISOLATION LEVEL SERIALIZABLE READ ONLY" : "BEGIN ISOLATION LEVEL SERIALIZABLE"; break;
    }
    m_connection.exec(begin);
}

Transaction::~Transaction()
{
    if (m_done || m_connection.isBroken())
        return;
    try {
        m_connection.exec("ROLLBACK");
    } catch (const Failure &) {
        // The connection is gone: the server rolls the transaction back itself.
    }
}

void Transaction::commit()
{
    m_connection.exec("COMMIT");
    m_done = true;
}

Result Transaction::commitAfter(const char *sql, const Params &params)
{
    // If the statement or the COMMIT fails, m_done stays false and the destructor's ROLLBACK ends the
    // transaction (after a failed COMMIT there is none left, and ROLLBACK only warns).
    Result r = m_connection.execThenCommit(sql, params);
    m_done = true;
    return r;
}

QString quoteIdentifier(Connection &connection, const QString &identifier)
{
    const QByteArray id = identifier.toUtf8();
    char *quoted = PQescapeIdentifier(connection.handle(), id.constData(), size_t(id.size()));
    if (!quoted)
        throw Failure({}, firstLine(PQerrorMessage(connection.handle())));
    const QString out = QString::fromUtf8(quoted);
    PQfreemem(quoted);
    return out;
}

QString conninfoWith(const QString &conninfo, const QHash<QString, QString> &overrides)
{
    QList<std::pair<QString, QString>> keywords;
    if (!conninfo.trimmed().isEmpty()) {
        char *error = nullptr;
        const QByteArray text = conninfo.toUtf8();
        PQconninfoOption *options = PQconninfoParse(text.constData(), &error);
        if (!options) {
            const QString message = error ? firstLine(error) : u"out of memory"_s;
            if (error)
                PQfreemem(error);
            throw Failure({}, u"the connection string cannot be read (%1)"_s.arg(message));
        }
        for (PQconninfoOption *o = options; o->keyword; ++o)
            if (o->val)
                keywords.append({QString::fromUtf8(o->keyword), QString::fromUtf8(o->val)});
        PQconninfoFree(options);
    }
    for (auto it = overrides.constBegin(); it != overrides.constEnd(); ++it) {
        auto found = std::find_if(keywords.begin(), keywords.end(), [&](const auto &k) { return k.first == it.key(); });
        if (found != keywords.end())
            found->second = it.value();
        else
            keywords.append({it.key(), it.value()});
    }
    QStringList parts;
    for (const auto &[key, value] : keywords) {
        QString v = value;
        v.replace(u'\\', u"\\\\"_s).replace(u'\'', u"\\'"_s);
        parts << u"%1='%2'"_s.arg(key, v);
    }
    return parts.join(u' ');
}

} // namespace fairnote::store::pg
