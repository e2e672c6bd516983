// SPDX-FileCopyrightText: 2026 Fairnote contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// PostgreSQL failures as StoreErrors, by SQLSTATE (see PostgreSQL's "Appendix A. Error Codes").
#include "store/postgres/failure.h"

#include <QJsonDocument>

using namespace Qt::StringLiterals;

namespace fairnote::store::postgres {

QJsonObject refusalOf(const pg::Failure &f)
{
    if (!f.sqlState().startsWith(u"FN"_s))
        return {};
    return QJsonDocument::fromJson(f.detail().toUtf8()).object();
}

QString serverName(const pg::Connection &c)
{
    const QString host = c.host();
    if (host.isEmpty() || host.startsWith(u'/'))
        return u"the Fairnote server %1 (on this computer)"_s.arg(c.database());
    return u"the Fairnote server %1 on %2"_s.arg(c.database(), host);
}

StoreError toError(const pg::Failure &f, const QString &where, const QString &whatFailed)
{
    const QString lost = whatFailed.isEmpty() ? QString() : whatFailed + u" "_s;
    const QString state = f.sqlState();
    if (state.isEmpty() || f.connectionLost())
        return {ErrorCode::Io, u"the connection to %1 failed (%2). %3Check that the server is running and that the network is up, "
                               u"then try again."_s.arg(where, f.message(), lost)};
    if (state.startsWith(u"FN"_s)) {
        // A Fairnote refusal: the server's words say what and why. FN001 not allowed, FN002 not found,
        // FN003 the record's state does not allow it, FN004 an invalid request, FN005 final records.
        const ErrorCode code = state == u"FN002"_s ? ErrorCode::NotFound
                             : state == u"FN003"_s || state == u"FN005"_s ? ErrorCode::Conflict
                                                                          : ErrorCode::Invalid;
        return {code, QString(f.message() + u". "_s + lost).trimmed()};
    }
    if (state == u"42501"_s) // insufficient privilege: a table or function this login may not use
        return {ErrorCode::Invalid, u"%1 refused: %2. Your login may not do this; ask an administrator if it should. %3"_s
                                        .arg(where, f.message(), lost).trimmed()};
    if (state == u"40001"_s || state == u"40P01"_s || state == u"55P03"_s || state == u"53300"_s || state == u"57014"_s)
        return {ErrorCode::Busy, u"%1 is busy (%2). %3Try again in a moment."_s.arg(where, f.message(), lost)};
    if (state == u"53100"_s)
        return {ErrorCode::DiskFull, u"%1 has no room left on its disk (%2). %3Everything saved before is intact; tell whoever runs the server."_s
                                         .arg(where, f.message(), lost)};
    if (state == u"25006"_s)
        return {ErrorCode::ReadOnly, u"%1 is read-only (%2): it may be a standby. %3Connect to the primary server to make changes."_s
                                         .arg(where, f.message(), lost)};
    if (state.startsWith(u"XX"_s))
        return {ErrorCode::Corrupt, u"%1 reports damage (%2). %3Tell whoever runs the server; 'fairnote-cli verify --server' says more."_s
                                        .arg(where, f.message(), lost)};
    if (state == u"3D000"_s)
        return {ErrorCode::NotFound, u"there is no such database (%1). Check the connection details."_s.arg(f.message())};
    if (state == u"3F000"_s || state == u"42883"_s || state == u"42P01"_s)
        return {ErrorCode::NotFairnote, u"%1 is not a Fairnote server, or not one this Fairnote knows (%2). Set it up with "
                                        u"'fairnote-cli server init', or upgrade it with 'fairnote-cli server upgrade'."_s.arg(where, f.message())};
    return {ErrorCode::Internal, u"unexpected database error on %1: %2 (SQLSTATE %3). %4"_s.arg(where, f.message(), state, lost).trimmed()};
}

StoreResult<std::unique_ptr<pg::Connection>> connectWith(const QString &conninfo, const std::optional<QString> &password)
{
    QHash<QString, QString> overrides;
    if (password)
        overrides.insert(u"password"_s, *password);
    try {
        return std::make_unique<pg::Connection>(conninfo, overrides);
    } catch (const pg::Failure &f) {
        if (f.sqlState() == QLatin1String(pg::kNeedsPasswordState))
            return StoreError{ErrorCode::NeedsPassword, u"the Fairnote server asks for your password (%1). Give it when asked, or keep it in "
                                                        u"~/.pgpass (docs/server.md)."_s.arg(f.message())};
        if (f.sqlState() == u"28P01"_s)
            return StoreError{ErrorCode::NeedsPassword, u"the Fairnote server did not accept the password (%1). Check the login and the "
                                                        u"password, and try again."_s.arg(f.message())};
        return StoreError{ErrorCode::Io, u"cannot connect to the Fairnote server (%1). Check the server, database and login, and that "
                                         u"the server is running."_s.arg(f.message())};
    }
}

} // namespace fairnote::store::postgres
