// SPDX-FileCopyrightText: 2026 Fairnote contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// Bounded reading of files, standard input and named pipes.
#include "io/input.h"

#include "io/sys.h"

#include <QFile>
#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <poll.h>
#include <sys/stat.h>
#include <unistd.h>

using namespace Qt::StringLiterals;

namespace fairnote::io {

namespace {

constexpr qint64 kChunk = 1024 * 1024;

// Waits until a named pipe has a writer that wrote something or went away, saying so after a second.
void waitForWriter(int fd, const QString &name, const ReadOptions &options)
{
    pollfd p{fd, POLLIN, 0};
    bool told = false;
    for (;;) {
        const int r = ::poll(&p, 1, 1000);
        if (r > 0 || (r < 0 && errno != EINTR))
            return;
        if (r == 0 && !told && options.notice) {
            options.notice(u"waiting for a program to write to %1 (a named pipe); nothing is read until one does. "
                           u"Press Ctrl+C to stop."_s.arg(name));
            told = true;
        }
    }
}

} // namespace

Input::Input(int fd, bool owned, QString name, const ReadOptions &options)
    : m_fd(fd), m_owned(owned), m_name(std::move(name)), m_options(options)
{
    Q_ASSERT(options.limit > 0);
}

Input::Input(Input &&other) noexcept
    : m_fd(std::exchange(other.m_fd, -1)), m_owned(std::exchange(other.m_owned, false)), m_name(std::move(other.m_name)),
      m_options(std::move(other.m_options)), m_size(other.m_size), m_read(other.m_read), m_bytes(std::move(other.m_bytes)),
      m_fromBytes(other.m_fromBytes)
{
}

Input &Input::operator=(Input &&other) noexcept
{
    if (this != &other) {
        if (m_owned && m_fd >= 0)
            ::close(m_fd);
        m_fd = std::exchange(other.m_fd, -1);
        m_owned = std::exchange(other.m_owned, false);
        m_name = std::move(other.m_name);
        m_options = std::move(other.m_options);
        m_size = other.m_size;
        m_read = other.m_read;
        m_bytes = std::move(other.m_bytes);
        m_fromBytes = other.m_fromBytes;
    }
    return *this;
}

Input::~Input()
{
    if (m_owned && m_fd >= 0)
        ::close(m_fd);
}

IoError Input::error(Operation op, IoProblem problem, int errnum) const
{
    IoError e;
    e.problem = problem;
    e.errnum = errnum;
    e.operation = op;
    e.path = m_name;
    e.limit = m_options.limit;
    e.what = m_options.what;
    return e;
}

Result<Input, IoError> Input::open(const QString &path, const ReadOptions &options)
{
    Input in(-1, true, path, options);
    if (path.startsWith(u":/"_s)) {
        // Built into the program (Qt's resource system): already in memory, so read through QFile.
        QFile f(path);
        if (!f.open(QIODevice::ReadOnly))
            return in.error(Operation::Open, IoProblem::NotFound, ENOENT);
        if (f.size() > options.limit) {
            IoError e = in.error(Operation::Open, IoProblem::TooLarge, 0);
            e.size = f.size();
            return e;
        }
        return fromBytes(f.readAll(), path, options);
    }
    const QByteArray encoded = QFile::encodeName(path);
    // Non-blocking, so that opening a named pipe with no writer does not hang here; reads block again below.
    const int fd = sys::open(encoded.constData(), O_RDONLY | O_NONBLOCK | O_NOCTTY);
    if (fd < 0)
        return in.error(Operation::Open, problemFromErrno(errno), errno);
    in.m_fd = fd;
    struct stat st;
    if (::fstat(fd, &st) != 0)
        return in.error(Operation::Open, problemFromErrno(errno), errno);
    if (S_ISDIR(st.st_mode))
        return in.error(Operation::Open, IoProblem::IsFolder, EISDIR);
    if (S_ISREG(st.st_mode)) {
        if (st.st_size > options.limit) {
            IoError e = in.error(Operation::Open, IoProblem::TooLarge, 0);
            e.size = st.st_size;
            return e;
        }
        in.m_size = st.st_size;
    } else if (S_ISFIFO(st.st_mode)) {
        waitForWriter(fd, path, options);
    }
    const int flags = ::fcntl(fd, F_GETFL);
    if (flags >= 0)
        ::fcntl(fd, F_SETFL, flags & ~O_NONBLOCK);
    return in;
}

Input Input::standardInput(const ReadOptions &options, const QString &name)
{
    Input in(STDIN_FILENO, false, name, options);
    struct stat st;
    if (::fstat(STDIN_FILENO, &st) == 0 && S_ISREG(st.st_mode))
        in.m_size = st.st_size; // too large is found on the first read, as for a pipe
    if (::isatty(STDIN_FILENO) && options.notice)
        options.notice(u"reading from the terminal: type or paste the text, then press Ctrl+D at the start of a line to finish."_s);
    return in;
}

Input Input::fromBytes(QByteArray bytes, const QString &name, const ReadOptions &options)
{
    Input in(-1, false, name, options);
    in.m_size = bytes.size();
    in.m_bytes = std::move(bytes);
    in.m_fromBytes = true;
    return in;
}

Result<qint64, IoError> Input::read(char *buffer, qint64 size)
{
    // One byte past the limit is read to tell "exactly at the limit" from "over it".
    const qint64 room = m_options.limit + 1 - m_read;
    const qint64 want = std::min(size, room);
    if (want <= 0)
        return error(Operation::Read, IoProblem::TooLarge, 0);
    qint64 n;
    if (m_fromBytes) {
        n = std::min(want, qint64(m_bytes.size()) - m_read);
        std::memcpy(buffer, m_bytes.constData() + m_read, size_t(n));
    } else {
        n = sys::read(m_fd, buffer, size_t(want));
        if (n < 0)
            return error(Operation::Read, problemFromErrno(errno), errno);
    }
    m_read += n;
    if (m_read > m_options.limit)
        return error(Operation::Read, IoProblem::TooLarge, 0);
    return n;
}

Result<QByteArray, IoError> Input::readAll()
{
    QByteArray out;
    if (m_size >= 0)
        out.reserve(qsizetype(std::min(m_size, m_options.limit) + 1));
    for (;;) {
        const qsizetype at = out.size();
        const qint64 chunk = m_size >= 0 ? std::max<qint64>(m_size - m_read + 1, 1) : kChunk;
        out.resize(at + qsizetype(std::min(chunk, kChunk)));
        auto n = read(out.data() + at, out.size() - at);
        if (!n)
            return n.error();
        out.resize(at + qsizetype(*n));
        if (*n == 0)
            return out;
    }
}

Result<QByteArray, IoError> readFile(const QString &path, const ReadOptions &options)
{
    auto in = Input::open(path, options);
    if (!in)
        return in.error();
    return in->readAll();
}

} // namespace fairnote::io
