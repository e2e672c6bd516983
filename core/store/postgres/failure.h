// SPDX-FileCopyrightText: 2026 Fairnote contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// How a PostgreSQL failure becomes a StoreError: the SQLSTATE decides the code; a Fairnote refusal
// (SQLSTATE FN001–FN005, raised by the server's own functions) keeps the server's words, which name
// what was refused and why.
#pragma once

#include "store/postgres/connection.h"
#include "store/store.h"

#include <QJsonObject>
#include <memory>
#include <optional>

namespace fairnote::store::postgres {

// `where` names the server ("the Fairnote server fairnote on db.example.org"); `whatFailed` completes
// messages about writes ("The entry was not saved.").
StoreError toError(const pg::Failure &failure, const QString &where, const QString &whatFailed = {});

// The facts of a Fairnote refusal (its DETAIL as JSON: {"refusal": "draft-not-yours", "by": …}), or an
// empty object for any other failure.
QJsonObject refusalOf(const pg::Failure &failure);

// "the Fairnote server DATABASE on HOST" for messages.
QString serverName(const pg::Connection &connection);

// Connects with a libpq connection string and, when given, a password over what it says. A server that
// asks for a password none gave, or refuses the one given, is ErrorCode::NeedsPassword (a command asks for
// it on the terminal, the app in its dialog); any other failure to connect is ErrorCode::Io.
StoreResult<std::unique_ptr<pg::Connection>> connectWith(const QString &conninfo, const std::optional<QString> &password);

} // namespace fairnote::store::postgres
