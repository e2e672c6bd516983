// SPDX-FileCopyrightText: 2026 Fairnote contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// The case file's schema as a list of migrations, one per user_version, each run in one transaction.
#pragma once

#include "store/sqlite/database.h"

#include <QStringList>

namespace fairnote::store {

// Migrates `db` from its user_version to `target` (≤ kSchemaVersion), one version per transaction,
// so a failure leaves it at the last version completed. Throws sql::Failure.
void migrate(sql::Database &db, int target);

// Creates the whole current schema inside the caller's transaction (a new file).
void createSchema(sql::Database &db);

// The names of the triggers that protect final records; verify() checks they are all there.
QStringList protectionTriggers();

} // namespace fairnote::store
