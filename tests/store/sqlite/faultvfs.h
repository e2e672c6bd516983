// SPDX-FileCopyrightText: 2026 Fairnote contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// A shim SQLite VFS for tests, in the spirit of SQLite's own test_vfs.c: it passes every call to the
// default VFS, counts reads, writes, syncs and truncations of every file SQLite opens (the case file, its
// -wal and -shm, a backup) and the mappings of the shared-memory file, and can make the Nth of them fail with
// SQLITE_FULL or SQLITE_IOERR (and the operating system's error behind it, as SQLite's unix VFS reports it).
#pragma once

namespace fairnote::testing {

// ShmMap: the -shm file begun and grown to hold its first page, which a full disk refuses (the failing call
// leaves the -shm as the disk does: begun, 3 bytes, with no room for the page).
enum class VfsOp { Read, Write, Sync, Truncate, ShmMap };

struct VfsFault
{
    VfsOp op = VfsOp::Write;
    int nth = 1;             // the 1-based count of `op` that fails, counted from arming
    int code = 0;            // SQLITE_FULL, SQLITE_IOERR_WRITE, SQLITE_IOERR_FSYNC …
    bool persistent = false; // every later call of `op` fails too
    int systemErrno = 0;     // the errno SQLite is told of (sqlite3_system_errno): ENOSPC for a full disk
};

// Registers the shim as SQLite's default VFS (once per process); every connection opened after it uses it.
void installFaultVfs();
void armVfsFault(const VfsFault &fault); // and resets the counts
void disarmVfsFault();
bool vfsFaultFired();
int vfsCount(VfsOp op); // calls since the last arming or reset
void resetVfsCounts();

} // namespace fairnote::testing
