// SPDX-FileCopyrightText: 2026 Fairnote contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// The store's errors as values, and the one table of words for them: every backend (the SQLite file, a
// server) reports the same fault with the same message, naming the problem and what to do about it.
#pragma once

#include "result.h"

#include <QString>

namespace fairnote::store {

enum class ErrorCode {
    NotFound,     // no such file, person or entry
    NotSqlite,    // the file is not an SQLite database at all
    NotFairnote,  // an SQLite database, but not a Fairnote case file (or a training file opened as live)
    TooNew,       // written by a newer Fairnote
    ReadOnly,     // opened for reading only: writes refused
    Busy,         // another program is writing to the file
    DiskFull,     // the disk (or the file's size limit) is full
    Io,           // the operating system could not read or write the file
    Corrupt,      // the file is damaged
    Invalid,      // a request that cannot be carried out: a missing reason, a draft that is not yours …
    Conflict,     // the record is not in a state that allows it: already final, marked in error, id in use …
    Cancelled,    // the caller's progress callback asked to stop
    Internal,     // an unexpected database error (a bug)
    NeedsPassword, // a team server asks for a password: none was given, or the one given was refused
};

struct StoreError
{
    ErrorCode code = ErrorCode::Internal;
    QString message; // names the problem and what to do about it, in plain words
};

template <typename T>
using StoreResult = Result<T, StoreError>;
struct Done {};

// What went wrong underneath a backend, as that backend saw it (SQLite's result codes, a server's
// SQLSTATE): faultError() turns it into the one StoreError every backend gives for it.
enum class Fault {
    Busy,       // another program holds the write lock
    DiskFull,   // no room to write (a full disk or a size quota)
    Io,         // the operating system could not read or write (may be transient)
    ReadOnly,   // the file or its folder cannot be written
    Corrupt,    // the database is damaged
    CannotOpen, // the file cannot be opened at all (a missing folder, no permission)
    Cancelled,  // the caller cancelled
};

// The StoreError for `fault` in `where` (a file path, a server). `detail` is the backend's own words
// (shown in brackets); `whatFailed` completes the message ("The entry was not saved.").
StoreError faultError(Fault fault, const QString &where, const QString &detail, const QString &whatFailed = {});

// The refusals every backend shares, worded once.
namespace refusal {
StoreError noAuthor();                                          // a write with no actor
StoreError readOnly(const QString &where, const QString &reason);
StoreError noSuchPerson(const QString &id, const QString &where);
StoreError noSuchEntry(const QString &idOrPrefix, const QString &where);
StoreError noEntryId();
StoreError ambiguousEntry(const QString &prefix, const QStringList &candidates, bool more);
StoreError noPersonName();
StoreError unknownEvent(const QString &action);
} // namespace refusal

} // namespace fairnote::store
