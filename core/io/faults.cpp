// SPDX-FileCopyrightText: 2026 Fairnote contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// The fault seam and the system calls that go through it.
#include "io/faults.h"
#include "io/sys.h"

#include <QStringList>
#include <array>
#include <cerrno>
#include <cstdlib>
#include <fcntl.h>
#include <mutex>
#include <unistd.h>

using namespace Qt::StringLiterals;

namespace fairnote::io {

namespace {

constexpr std::size_t kOperations = std::size_t(Operation::SyncFolder) + 1;

struct Seam
{
    std::mutex mutex;
    std::array<int, kOperations> counts{};
    std::optional<Fault> armed;
    bool fired = false;
    QByteArray logPath; // FAIRNOTE_IO_FAULT_LOG: where a fired fault is noted, for tests of the real binary
};

Seam &seam()
{
    static Seam s;
    static std::once_flag fromEnvironment;
    std::call_once(fromEnvironment, [] {
        if (!environmentFaultsEnabled())
            return;
        if (const char *spec = std::getenv("FAIRNOTE_IO_FAULT"); spec && *spec)
            s.armed = parseFault(QString::fromLocal8Bit(spec));
        if (const char *log = std::getenv("FAIRNOTE_IO_FAULT_LOG"))
            s.logPath = log;
    });
    return s;
}

// Counts a call of `op`; returns the errno it must fail with, or 0 to let it run.
int consult(Operation op)
{
    Seam &s = seam();
    std::lock_guard lock(s.mutex);
    const int n = ++s.counts[std::size_t(op)];
    if (!s.armed || s.armed->operation != op)
        return 0;
    if (n != s.armed->nth && !(s.armed->persistent && n > s.armed->nth))
        return 0;
    s.fired = true;
    if (!s.logPath.isEmpty()) {
        const QByteArray line = operationName(op).toUtf8() + ' ' + QByteArray::number(n) + ' ' + QByteArray::number(s.armed->errnum) + '\n';
        const int fd = ::open(s.logPath.constData(), O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0600);
        if (fd >= 0) {
            [[maybe_unused]] const ssize_t written = ::write(fd, line.constData(), size_t(line.size()));
            ::close(fd);
        }
    }
    return s.armed->errnum;
}

} // namespace

void armFault(const Fault &fault)
{
    Seam &s = seam();
    std::lock_guard lock(s.mutex);
    s.armed = fault;
    s.fired = false;
    s.counts.fill(0);
}

void disarmFault()
{
    Seam &s = seam();
    std::lock_guard lock(s.mutex);
    s.armed.reset();
}

bool faultFired()
{
    Seam &s = seam();
    std::lock_guard lock(s.mutex);
    return s.fired;
}

int faultCount(Operation op)
{
    Seam &s = seam();
    std::lock_guard lock(s.mutex);
    return s.counts[std::size_t(op)];
}

void resetFaultCounts()
{
    Seam &s = seam();
    std::lock_guard lock(s.mutex);
    s.counts.fill(0);
}

std::optional<Fault> parseFault(const QString &text)
{
    const QStringList parts = text.trimmed().split(u':');
    if (parts.size() < 3 || parts.size() > 4)
        return std::nullopt;
    Fault f;
    bool known = false;
    for (std::size_t i = 0; i < kOperations; ++i)
        if (operationName(Operation(i)) == parts[0]) {
            f.operation = Operation(i);
            known = true;
        }
    bool ok = false;
    f.nth = parts[1].toInt(&ok);
    if (!known || !ok || f.nth < 1)
        return std::nullopt;
    static const std::array<std::pair<const char16_t *, int>, 6> errnos{{{u"ENOSPC", ENOSPC}, {u"EIO", EIO}, {u"EDQUOT", EDQUOT},
                                                                         {u"EACCES", EACCES}, {u"EROFS", EROFS}, {u"EFBIG", EFBIG}}};
    f.errnum = 0;
    for (const auto &[name, value] : errnos)
        if (parts[2] == QStringView(name))
            f.errnum = value;
    if (f.errnum == 0)
        return std::nullopt;
    if (parts.size() == 4) {
        if (parts[3] != u"persistent")
            return std::nullopt;
        f.persistent = true;
    }
    return f;
}

bool environmentFaultsEnabled()
{
#ifdef FAIRNOTE_IO_FAULTS
    return true;
#else
    return false;
#endif
}

namespace sys {

namespace {

int refuse(int errnum)
{
    errno = errnum;
    return -1;
}

} // namespace

int open(const char *path, int flags, mode_t mode)
{
    if (const int e = consult(Operation::Open))
        return refuse(e);
    int fd;
    do
        fd = ::open(path, flags | O_CLOEXEC, mode);
    while (fd < 0 && errno == EINTR);
    return fd;
}

ssize_t read(int fd, void *buffer, size_t size)
{
    if (const int e = consult(Operation::Read))
        return refuse(e);
    ssize_t n;
    do
        n = ::read(fd, buffer, size);
    while (n < 0 && errno == EINTR);
    return n;
}

int writeAll(int fd, const char *data, size_t size, Operation op)
{
    if (const int e = consult(op))
        return refuse(e);
    while (size > 0) {
        const ssize_t n = ::write(fd, data, size);
        if (n < 0 && errno == EINTR)
            continue;
        if (n < 0)
            return -1;
        if (n == 0)
            return refuse(EIO); // a write that writes nothing would loop for ever
        data += n;
        size -= size_t(n);
    }
    return 0;
}

int fsync(int fd)
{
    if (const int e = consult(Operation::Sync))
        return refuse(e);
    int r;
    do
        r = ::fsync(fd);
    while (r < 0 && errno == EINTR);
    return r;
}

int fsyncFolder(int fd)
{
    if (const int e = consult(Operation::SyncFolder))
        return refuse(e);
    int r;
    do
        r = ::fsync(fd);
    while (r < 0 && errno == EINTR);
    return r;
}

int close(int fd)
{
    if (const int e = consult(Operation::Close)) {
        ::close(fd); // the descriptor is gone either way, as after a real failed close(2)
        return refuse(e);
    }
    const int r = ::close(fd);
    if (r < 0 && errno == EINTR)
        return 0; // on Linux the descriptor is closed; retrying could close another file's
    return r;
}

int rename(const char *from, const char *to)
{
    if (const int e = consult(Operation::Rename))
        return refuse(e);
    return ::rename(from, to);
}

} // namespace sys

} // namespace fairnote::io
