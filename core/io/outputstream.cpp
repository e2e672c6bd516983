// SPDX-FileCopyrightText: 2026 Fairnote contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// Checked writing to standard output.
#include "io/outputstream.h"

#include "io/sys.h"

#include <cerrno>
#include <sys/stat.h>

namespace fairnote::io {

OutputStream::OutputStream(int fd, QString name, QObject *parent) : QIODevice(parent), m_fd(fd), m_name(std::move(name))
{
    QIODevice::open(QIODevice::WriteOnly | QIODevice::Unbuffered);
}

OutputStream *OutputStream::of(QIODevice *device)
{
    return qobject_cast<OutputStream *>(device);
}

void OutputStream::fail(Operation op, int errnum)
{
    if (m_failure)
        return;
    IoError e;
    e.problem = problemFromErrno(errnum);
    e.errnum = errnum;
    e.operation = op;
    e.path = m_name;
    e.writing = true;
    e.stream = true;
    m_failure = e;
    setErrorString(e.message());
}

qint64 OutputStream::readData(char *, qint64)
{
    return -1;
}

qint64 OutputStream::writeData(const char *data, qint64 size)
{
    if (m_failure)
        return -1;
    if (sys::writeAll(m_fd, data, size_t(size), Operation::Write) != 0) {
        fail(Operation::Write, errno);
        return -1;
    }
    m_unsynced = true;
    return size;
}

std::optional<IoError> OutputStream::sync()
{
    if (m_failure)
        return m_failure;
    struct stat st;
    if (!m_unsynced || ::fstat(m_fd, &st) != 0 || !S_ISREG(st.st_mode))
        return m_failure; // nothing new since the last sync, or nothing a sync could make safer (a pipe, a terminal)
    if (sys::fsync(m_fd) != 0 && errno != EINVAL && errno != ENOTSUP)
        fail(Operation::Sync, errno);
    else
        m_unsynced = false;
    return m_failure;
}

std::optional<IoError> OutputStream::closeDescriptor()
{
    if (m_fd >= 0) {
        const int fd = m_fd;
        m_fd = -1;
        // Once what was written is synced to a file, a late close error cannot take it back.
        if (sys::close(fd) != 0 && m_unsynced)
            fail(Operation::Close, errno);
    }
    return m_failure;
}

} // namespace fairnote::io
