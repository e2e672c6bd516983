// SPDX-FileCopyrightText: 2026 Fairnote contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// The fault seam: every system call core/io makes to read or write a file goes through here, so a test
// can make the Nth write, flush, fsync or rename fail with ENOSPC or EIO (in the spirit of SQLite's test
// VFS) and prove that the file is whole or absent afterwards, and that nothing claims success.
#pragma once

#include "io/ioerror.h"

#include <QString>
#include <optional>

namespace fairnote::io {

struct Fault
{
    Operation operation = Operation::Write;
    int nth = 1;            // the 1-based count of `operation` that fails, counted from arming
    int errnum = 0;         // ENOSPC, EIO …
    bool persistent = false; // every later call of that operation fails too (a disk that stays full)
};

// Arms one fault and resets the counts; replaces any fault armed before. Thread-safe.
void armFault(const Fault &fault);
// Disarms it; counting goes on.
void disarmFault();
// Whether the armed fault has fired since it was armed.
bool faultFired();
// How many times `op` was called since the last armFault() or resetFaultCounts().
int faultCount(Operation op);
void resetFaultCounts();

// "write:3:ENOSPC", "sync-folder:1:EIO:persistent" → a Fault; nothing when the text is not one.
std::optional<Fault> parseFault(const QString &text);

// Whether this build honours FAIRNOTE_IO_FAULT in the environment (test builds only; see docs/io.md).
bool environmentFaultsEnabled();

} // namespace fairnote::io
