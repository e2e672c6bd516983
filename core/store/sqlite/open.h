// SPDX-FileCopyrightText: 2026 Fairnote contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// Opening a local case file: the SQLite backend of the store, the embedded default. One file per case
// database (WAL, foreign keys, FTS5, migrations by user_version, the application id checked).
#pragma once

#include "store/store.h"

#include <QDateTime>
#include <functional>
#include <memory>

namespace fairnote::store {

struct OpenOptions
{
    enum class Create : bool { No, IfMissing };
    Create create = Create::No;
    FileKind kind = FileKind::Live;
    bool readOnly = false;     // open for reading only, even when the file could be written
    QString readOnlyReason;    // why, when readOnly is set (Store::readOnlyReason); default: "opened for reading only"
    int busyTimeoutMs = 5000;  // how long to wait for another program's write to finish
    qint64 maxPageCount = 0;   // when set, the file may not grow beyond this many pages (a quota)
    bool rewordSummaries = true; // reword list summaries of another wording when opened for writing (a backup's copy is left as copied)
    std::function<QDateTime()> clock; // the clock from the start (tests); default: the system's, in UTC
};

// Opens (or creates) a case file. Refuses, without changing it, a file that is not SQLite, not a
// Fairnote case file, of the other kind (training/live), or from a newer Fairnote. A file that cannot be
// written is opened for reading only (see Store::readOnlyReason). Migrates an older Fairnote file, and
// rewords list summaries worded by another version when it may write (docs/store.md, "The summary column").
StoreResult<std::unique_ptr<Store>> openStore(const QString &path, const OpenOptions &options = {});

constexpr int kSchemaVersion = 4;
constexpr quint32 kApplicationId = 0x466E6F74;         // "Fnot"
constexpr quint32 kTrainingApplicationId = 0x466E5472; // "FnTr"

} // namespace fairnote::store
