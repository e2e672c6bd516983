// SPDX-FileCopyrightText: 2026 Fairnote contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// Whole-or-absent file writing: temporary file, checked writes, fsync, rename, fsync of the folder.
#include "io/atomicfile.h"

#include "io/sys.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QRandomGenerator>
#include <cerrno>
#include <csignal>
#include <dirent.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

using namespace Qt::StringLiterals;

namespace fairnote::io {

namespace {

constexpr qsizetype kBufferSize = 64 * 1024;
constexpr QByteArrayView kMarker = ".unfinished-";

// The file a write to `path` replaces: symbolic links are followed, as the user meant the file they point to.
QString finalPath(const QString &path)
{
    const QFileInfo info(path);
    if (!info.isSymLink())
        return path;
    const QString canonical = info.canonicalFilePath();
    return canonical.isEmpty() ? info.symLinkTarget() : canonical;
}

// "NAME.unfinished-" for the file at `final`, cut so that the temporary name stays within NAME_MAX.
QByteArray leftoverPrefix(const QByteArray &final)
{
    QByteArray base = final.mid(final.lastIndexOf('/') + 1);
    constexpr qsizetype room = 255 - kMarker.size() - 10 - 1 - 6; // PID up to 10 digits, '-', 6 letters
    if (base.size() > room) {
        qsizetype cut = room;
        while (cut > 0 && (uchar(base[cut]) & 0xC0) == 0x80) // not inside a UTF-8 sequence
            --cut;
        base.truncate(cut);
    }
    return base + kMarker.toByteArray();
}

QByteArray folderOf(const QByteArray &final)
{
    const qsizetype slash = final.lastIndexOf('/');
    if (slash < 0)
        return ".";
    if (slash == 0)
        return "/";
    return final.left(slash);
}

// The leftover files' names in `folder` that start with `prefix`.
QList<QByteArray> leftoverNames(const QByteArray &folder, const QByteArray &prefix)
{
    QList<QByteArray> out;
    DIR *dir = ::opendir(folder.constData());
    if (!dir)
        return out;
    while (const dirent *e = ::readdir(dir)) {
        const QByteArrayView name(e->d_name);
        if (name.startsWith(prefix))
            out << name.toByteArray();
    }
    ::closedir(dir);
    return out;
}

// The process id in "NAME.unfinished-PID-XXXXXX", or 0.
pid_t pidOf(const QByteArray &name, const QByteArray &prefix)
{
    const QByteArray rest = name.mid(prefix.size());
    const qsizetype dash = rest.indexOf('-');
    bool ok = false;
    const qlonglong pid = rest.left(dash).toLongLong(&ok);
    return ok && dash > 0 && pid > 0 ? pid_t(pid) : 0;
}

QByteArray randomLetters()
{
    static constexpr char letters[] = "abcdefghijklmnopqrstuvwxyz0123456789";
    QByteArray out(6, Qt::Uninitialized);
    for (char &c : out)
        c = letters[QRandomGenerator::global()->bounded(int(sizeof letters - 1))];
    return out;
}

} // namespace

AtomicFile::AtomicFile(QString path) : m_path(std::move(path)) {}

AtomicFile::~AtomicFile()
{
    if (m_state == State::Open || m_state == State::Finished)
        discard();
}

QString AtomicFile::temporaryPath() const
{
    return m_temp.isEmpty() ? QString() : QFile::decodeName(m_temp);
}

QStringList AtomicFile::leftovers(const QString &path)
{
    const QByteArray final = QFile::encodeName(finalPath(path));
    const QByteArray folder = folderOf(final), prefix = leftoverPrefix(final);
    QStringList out;
    for (const QByteArray &name : leftoverNames(folder, prefix))
        out << QFile::decodeName(folder + '/' + name);
    return out;
}

std::optional<IoError> AtomicFile::fail(Operation op, int errnum)
{
    IoError e;
    e.problem = problemFromErrno(errnum);
    e.errnum = errnum;
    e.operation = op;
    e.path = m_path;
    e.writing = true;
    e.stream = m_inPlace;
    e.existedBefore = m_existed;
    e.finalNameTouched = m_state == State::Published;
    if (m_fd >= 0) {
        ::close(m_fd);
        m_fd = -1;
    }
    if (!m_temp.isEmpty() && m_state != State::Published) {
        ::unlink(m_temp.constData());
        m_temp.clear();
    }
    m_buffer.clear();
    m_state = State::Failed;
    m_error = e;
    return e;
}

std::optional<IoError> AtomicFile::open()
{
    if (m_state != State::New)
        return m_error ? m_error : fail(Operation::Open, EBADF);
    if (m_path.isEmpty())
        return fail(Operation::Open, ENOENT);
    m_final = QFile::encodeName(finalPath(m_path));
    struct stat st;
    if (::stat(m_final.constData(), &st) == 0) {
        if (S_ISDIR(st.st_mode))
            return fail(Operation::Open, EISDIR);
        m_existed = true;
        if (!S_ISREG(st.st_mode)) {
            // A terminal, /dev/null, a named pipe: nothing to replace, so it is written where it is.
            m_inPlace = true;
            m_fd = sys::open(m_final.constData(), O_WRONLY | O_NOCTTY);
            if (m_fd < 0)
                return fail(Operation::Open, errno);
            m_state = State::Open;
            return std::nullopt;
        }
    }
    const QByteArray folder = folderOf(m_final), prefix = leftoverPrefix(m_final);
    // Leftovers of this name from runs that were killed: their process is gone, so nobody finishes them.
    for (const QByteArray &name : leftoverNames(folder, prefix)) {
        const pid_t pid = pidOf(name, prefix);
        if (pid > 0 && pid != ::getpid() && ::kill(pid, 0) != 0 && errno == ESRCH)
            ::unlink(QByteArray(folder + '/' + name).constData());
    }
    for (int attempt = 0; attempt < 20; ++attempt) {
        const QByteArray temp = folder + '/' + prefix + QByteArray::number(::getpid()) + '-' + randomLetters();
        // 0600 from creation: no moment when others could open it.
        m_fd = sys::open(temp.constData(), O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_NOCTTY, S_IRUSR | S_IWUSR);
        if (m_fd >= 0) {
            m_temp = temp;
            break;
        }
        if (errno != EEXIST)
            return fail(Operation::Open, errno);
    }
    if (m_fd < 0)
        return fail(Operation::Open, EEXIST);
    ::fchmod(m_fd, S_IRUSR | S_IWUSR); // a umask such as 0277 took the owner's write bit: put back exactly 0600
    m_buffer.reserve(kBufferSize);
    m_state = State::Open;
    return std::nullopt;
}

std::optional<IoError> AtomicFile::flushBuffer(Operation op)
{
    if (m_buffer.isEmpty())
        return std::nullopt;
    if (sys::writeAll(m_fd, m_buffer.constData(), size_t(m_buffer.size()), op) != 0)
        return fail(op, errno);
    m_buffer.clear();
    return std::nullopt;
}

std::optional<IoError> AtomicFile::write(QByteArrayView bytes)
{
    if (m_state != State::Open)
        return m_error ? m_error : fail(Operation::Write, EBADF);
    while (!bytes.isEmpty()) {
        const qsizetype room = kBufferSize - m_buffer.size();
        if (m_buffer.isEmpty() && bytes.size() >= kBufferSize) {
            // A whole buffer's worth: written from where it is, without copying.
            if (sys::writeAll(m_fd, bytes.data(), size_t(kBufferSize), Operation::Write) != 0)
                return fail(Operation::Write, errno);
            bytes = bytes.sliced(kBufferSize);
            continue;
        }
        const qsizetype take = std::min(room, bytes.size());
        m_buffer.append(bytes.first(take));
        bytes = bytes.sliced(take);
        if (m_buffer.size() == kBufferSize)
            if (auto e = flushBuffer(Operation::Write))
                return e;
    }
    return std::nullopt;
}

std::optional<IoError> AtomicFile::finish()
{
    if (m_state == State::Finished)
        return std::nullopt;
    if (m_state != State::Open)
        return m_error ? m_error : fail(Operation::Flush, EBADF);
    if (auto e = flushBuffer(Operation::Flush))
        return e;
    // A device or pipe cannot be synced (EINVAL); neither can some file systems, which is no failure of ours.
    if (sys::fsync(m_fd) != 0 && errno != EINVAL && errno != ENOTSUP)
        return fail(Operation::Sync, errno);
    const int fd = m_fd;
    m_fd = -1;
    if (sys::close(fd) != 0)
        return fail(Operation::Close, errno);
    m_state = State::Finished;
    return std::nullopt;
}

std::optional<IoError> AtomicFile::publish()
{
    if (m_state == State::Open)
        if (auto e = finish())
            return e;
    if (m_state != State::Finished)
        return m_error ? m_error : fail(Operation::Rename, EBADF);
    if (m_inPlace) {
        m_state = State::Published;
        return std::nullopt;
    }
    if (sys::rename(m_temp.constData(), m_final.constData()) != 0)
        return fail(Operation::Rename, errno);
    m_temp.clear();
    m_state = State::Published;
    // The rename is in the folder: sync it too, or a power cut could bring back the old name.
    const int dir = ::open(folderOf(m_final).constData(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (dir < 0)
        return std::nullopt; // a folder we may write but not read: nothing more can be done
    const int synced = sys::fsyncFolder(dir);
    const int why = errno;
    ::close(dir);
    if (synced != 0 && why != EINVAL && why != ENOTSUP)
        return fail(Operation::SyncFolder, why);
    return std::nullopt;
}

std::optional<IoError> AtomicFile::commit()
{
    if (auto e = finish())
        return e;
    return publish();
}

void AtomicFile::discard()
{
    if (m_fd >= 0) {
        ::close(m_fd);
        m_fd = -1;
    }
    if (!m_temp.isEmpty()) {
        ::unlink(m_temp.constData());
        m_temp.clear();
    }
    m_buffer.clear();
    if (m_state != State::Published)
        m_state = State::Failed;
}

std::optional<IoError> writeFileAtomically(const QString &path, QByteArrayView bytes)
{
    AtomicFile file(path);
    if (auto e = file.open())
        return e;
    if (auto e = file.write(bytes))
        return e;
    return file.commit();
}

} // namespace fairnote::io
