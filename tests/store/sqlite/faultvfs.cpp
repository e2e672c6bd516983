// SPDX-FileCopyrightText: 2026 Fairnote contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// The fault-injecting SQLite VFS shim.
#include "faultvfs.h"

#include <array>
#include <cerrno>
#include <cstring>
#include <mutex>
#include <optional>
#include <sqlite3.h>

namespace fairnote::testing {

namespace {

struct State
{
    std::mutex mutex;
    std::array<int, 5> counts{};
    std::optional<VfsFault> armed;
    bool fired = false;
};

State &state()
{
    static State s;
    return s;
}

// Counts a call; returns the code it must fail with, or SQLITE_OK.
int consult(VfsOp op)
{
    State &s = state();
    std::lock_guard lock(s.mutex);
    const int n = ++s.counts[std::size_t(op)];
    if (!s.armed || s.armed->op != op)
        return SQLITE_OK;
    if (n != s.armed->nth && !(s.armed->persistent && n > s.armed->nth))
        return SQLITE_OK;
    s.fired = true;
    if (s.armed->systemErrno)
        errno = s.armed->systemErrno;
    return s.armed->code;
}

sqlite3_vfs *g_base = nullptr;
sqlite3_vfs g_shim;

struct ShimFile
{
    sqlite3_file base;  // pMethods points at kMethods
    sqlite3_file *real; // the default VFS's file, right after this struct
};

sqlite3_file *real(sqlite3_file *f) { return reinterpret_cast<ShimFile *>(f)->real; }

int shimClose(sqlite3_file *f) { return real(f)->pMethods ? real(f)->pMethods->xClose(real(f)) : SQLITE_OK; }
int shimRead(sqlite3_file *f, void *buffer, int amount, sqlite3_int64 offset)
{
    if (const int rc = consult(VfsOp::Read))
        return rc;
    return real(f)->pMethods->xRead(real(f), buffer, amount, offset);
}
int shimWrite(sqlite3_file *f, const void *buffer, int amount, sqlite3_int64 offset)
{
    if (const int rc = consult(VfsOp::Write))
        return rc;
    return real(f)->pMethods->xWrite(real(f), buffer, amount, offset);
}
int shimTruncate(sqlite3_file *f, sqlite3_int64 size)
{
    if (const int rc = consult(VfsOp::Truncate))
        return rc;
    return real(f)->pMethods->xTruncate(real(f), size);
}
int shimSync(sqlite3_file *f, int flags)
{
    if (const int rc = consult(VfsOp::Sync))
        return rc;
    return real(f)->pMethods->xSync(real(f), flags);
}
int shimFileSize(sqlite3_file *f, sqlite3_int64 *size) { return real(f)->pMethods->xFileSize(real(f), size); }
int shimLock(sqlite3_file *f, int lock) { return real(f)->pMethods->xLock(real(f), lock); }
int shimUnlock(sqlite3_file *f, int lock) { return real(f)->pMethods->xUnlock(real(f), lock); }
int shimCheckReservedLock(sqlite3_file *f, int *out) { return real(f)->pMethods->xCheckReservedLock(real(f), out); }
int shimFileControl(sqlite3_file *f, int op, void *arg) { return real(f)->pMethods->xFileControl(real(f), op, arg); }
int shimSectorSize(sqlite3_file *f) { return real(f)->pMethods->xSectorSize(real(f)); }
int shimDeviceCharacteristics(sqlite3_file *f) { return real(f)->pMethods->xDeviceCharacteristics(real(f)); }
int shimShmMap(sqlite3_file *f, int region, int size, int extend, void volatile **out)
{
    if (const int rc = consult(VfsOp::ShmMap)) {
        // As a full disk leaves it: the -shm begun (SQLite's unix VFS makes it 3 bytes), its first page refused.
        void volatile *none = nullptr;
        real(f)->pMethods->xShmMap(real(f), region, size, 0, &none);
        *out = nullptr;
        return rc;
    }
    return real(f)->pMethods->xShmMap(real(f), region, size, extend, out);
}
int shimShmLock(sqlite3_file *f, int offset, int n, int flags) { return real(f)->pMethods->xShmLock(real(f), offset, n, flags); }
void shimShmBarrier(sqlite3_file *f) { real(f)->pMethods->xShmBarrier(real(f)); }
int shimShmUnmap(sqlite3_file *f, int deleteFlag) { return real(f)->pMethods->xShmUnmap(real(f), deleteFlag); }
int shimFetch(sqlite3_file *f, sqlite3_int64 offset, int amount, void **out)
{
    return real(f)->pMethods->xFetch(real(f), offset, amount, out);
}
int shimUnfetch(sqlite3_file *f, sqlite3_int64 offset, void *p) { return real(f)->pMethods->xUnfetch(real(f), offset, p); }

// Every method of a version-3 file; memory-mapped reads (xFetch) are forwarded too, though SQLite's default
// mmap size, which the store keeps, is 0.
const sqlite3_io_methods kMethods = {
    3,
    shimClose, shimRead, shimWrite, shimTruncate, shimSync, shimFileSize, shimLock, shimUnlock, shimCheckReservedLock,
    shimFileControl, shimSectorSize, shimDeviceCharacteristics, shimShmMap, shimShmLock, shimShmBarrier, shimShmUnmap,
    shimFetch, shimUnfetch,
};

int shimOpen(sqlite3_vfs *, sqlite3_filename name, sqlite3_file *file, int flags, int *outFlags)
{
    auto *shim = reinterpret_cast<ShimFile *>(file);
    shim->real = reinterpret_cast<sqlite3_file *>(shim + 1);
    std::memset(shim->real, 0, std::size_t(g_base->szOsFile));
    const int rc = g_base->xOpen(g_base, name, shim->real, flags, outFlags);
    // With no methods, SQLite calls no xClose: the same for the shim.
    shim->base.pMethods = shim->real->pMethods ? &kMethods : nullptr;
    return rc;
}

int shimDelete(sqlite3_vfs *, const char *name, int syncDir) { return g_base->xDelete(g_base, name, syncDir); }
int shimAccess(sqlite3_vfs *, const char *name, int flags, int *out) { return g_base->xAccess(g_base, name, flags, out); }
int shimFullPathname(sqlite3_vfs *, const char *name, int size, char *out) { return g_base->xFullPathname(g_base, name, size, out); }
void *shimDlOpen(sqlite3_vfs *, const char *name) { return g_base->xDlOpen(g_base, name); }
void shimDlError(sqlite3_vfs *, int size, char *out) { g_base->xDlError(g_base, size, out); }
void (*shimDlSym(sqlite3_vfs *, void *handle, const char *symbol))(void) { return g_base->xDlSym(g_base, handle, symbol); }
void shimDlClose(sqlite3_vfs *, void *handle) { g_base->xDlClose(g_base, handle); }
int shimRandomness(sqlite3_vfs *, int size, char *out) { return g_base->xRandomness(g_base, size, out); }
int shimSleep(sqlite3_vfs *, int micro) { return g_base->xSleep(g_base, micro); }
int shimCurrentTime(sqlite3_vfs *, double *out) { return g_base->xCurrentTime(g_base, out); }
int shimGetLastError(sqlite3_vfs *, int size, char *out)
{
    {
        State &s = state();
        std::lock_guard lock(s.mutex);
        if (s.fired && s.armed && s.armed->systemErrno)
            return s.armed->systemErrno;
    }
    return g_base->xGetLastError(g_base, size, out);
}
int shimCurrentTimeInt64(sqlite3_vfs *, sqlite3_int64 *out) { return g_base->xCurrentTimeInt64(g_base, out); }

} // namespace

void installFaultVfs()
{
    static std::once_flag once;
    std::call_once(once, [] {
        sqlite3_initialize();
        g_base = sqlite3_vfs_find(nullptr);
        g_shim = sqlite3_vfs{};
        g_shim.iVersion = 2;
        g_shim.szOsFile = int(sizeof(ShimFile)) + g_base->szOsFile;
        g_shim.mxPathname = g_base->mxPathname;
        g_shim.zName = "fairnote-fault";
        g_shim.xOpen = shimOpen;
        g_shim.xDelete = shimDelete;
        g_shim.xAccess = shimAccess;
        g_shim.xFullPathname = shimFullPathname;
        g_shim.xDlOpen = shimDlOpen;
        g_shim.xDlError = shimDlError;
        g_shim.xDlSym = shimDlSym;
        g_shim.xDlClose = shimDlClose;
        g_shim.xRandomness = shimRandomness;
        g_shim.xSleep = shimSleep;
        g_shim.xCurrentTime = shimCurrentTime;
        g_shim.xGetLastError = shimGetLastError;
        g_shim.xCurrentTimeInt64 = shimCurrentTimeInt64;
        sqlite3_vfs_register(&g_shim, 1);
    });
}

void armVfsFault(const VfsFault &fault)
{
    State &s = state();
    std::lock_guard lock(s.mutex);
    s.armed = fault;
    s.fired = false;
    s.counts.fill(0);
}

void disarmVfsFault()
{
    State &s = state();
    std::lock_guard lock(s.mutex);
    s.armed.reset();
}

bool vfsFaultFired()
{
    State &s = state();
    std::lock_guard lock(s.mutex);
    return s.fired;
}

int vfsCount(VfsOp op)
{
    State &s = state();
    std::lock_guard lock(s.mutex);
    return s.counts[std::size_t(op)];
}

void resetVfsCounts()
{
    State &s = state();
    std::lock_guard lock(s.mutex);
    s.counts.fill(0);
}

} // namespace fairnote::testing
