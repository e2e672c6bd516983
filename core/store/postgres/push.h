// SPDX-FileCopyrightText: 2026 Fairnote contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// Moving a team onto a server: a local case file, verified, copied whole into the server in one
// transaction (people, every revision with its original author, times and reason, marks in error,
// flags, reviews, sign-offs), with the file's final chain hash anchored in the server's audit trail.
#pragma once

#include <optional>

#include "store/store.h"

namespace fairnote::store::postgres {

struct PushReport
{
    qint64 people = 0, entries = 0, revisions = 0, reviews = 0, signOffs = 0;
    qint64 draftsLeft = 0;   // drafts are not copied: they were never part of the record
    QString fileHeadHash;    // the file's chain hash, now anchored in the server's chain
    qint64 anchorSeq = 0;    // the server's audit row that anchors it
};

// Verifies `file` (a case file that does not verify is refused), then copies it to the server the
// connection names, as the connection's login (a supervisor: the people go on their teams'
// caseloads). All or nothing: an id already on the server, or a hash the server computes differently,
// pushes nothing. `password`: the login's, over what the connection string and ~/.pgpass give.
StoreResult<PushReport> pushToServer(Store &file, const QString &conninfo, const Progress &progress,
                                     const std::optional<QString> &password = {});

} // namespace fairnote::store::postgres
