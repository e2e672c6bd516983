// SPDX-FileCopyrightText: 2026 Fairnote contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// One writer per case file: a QLockFile beside it, naming the process, the computer and the program.
#include "store/writerlock.h"

#include "record/describe.h"

#include <QFileInfo>
#include <QLockFile>
#include <QSysInfo>

using namespace Qt::StringLiterals;

namespace fairnote::store {

namespace {

std::unique_ptr<QLockFile> makeLock(const QString &caseFilePath)
{
    auto lock = std::make_unique<QLockFile>(WriterLock::lockPath(caseFilePath));
    // A lock is stale only when its process has ended: however long a worker keeps the file open, the
    // second window is told.
    lock->setStaleLockTime(0);
    return lock;
}

std::optional<WriterHolder> readHolder(QLockFile &lock, const QString &path)
{
    WriterHolder h;
    QString host, app;
    if (!lock.getLockInfo(&h.processId, &host, &app))
        return std::nullopt;
    h.computer = host;
    h.program = app;
    h.sameComputer = host.isEmpty() || host == QSysInfo::machineHostName();
    const QFileInfo info(path);
    if (info.exists())
        h.since = info.lastModified().toUTC();
    return h;
}

} // namespace

QString WriterHolder::describe() const
{
    const QString who = program.isEmpty() ? u"another program"_s
                        : program.startsWith(u"fairnote-cli"_s) ? u"fairnote-cli"_s
                        : program.compare(u"fairnote"_s, Qt::CaseInsensitive) == 0 ? u"Fairnote"_s
                                                                                   : program;
    QString out = u"%1 (process %2)"_s.arg(who).arg(processId);
    out += sameComputer ? u" on this computer"_s : u" on the computer “%1”"_s.arg(computer);
    if (since.isValid())
        out += u", since %1"_s.arg(record::ukDateTime(since));
    return out;
}

QString WriterLock::lockPath(const QString &caseFilePath) { return caseFilePath + u".writer"_s; }

WriterLock::WriterLock(std::unique_ptr<QLockFile> lock) : m_lock(std::move(lock)) {}

WriterLock::~WriterLock()
{
    if (m_lock)
        m_lock->unlock();
}

Result<std::unique_ptr<WriterLock>, WriterHolder> WriterLock::acquire(const QString &caseFilePath)
{
    auto lock = makeLock(caseFilePath);
    if (lock->tryLock(0))
        return std::unique_ptr<WriterLock>(new WriterLock(std::move(lock)));
    if (lock->error() == QLockFile::LockFailedError) {
        if (auto h = readHolder(*lock, lockPath(caseFilePath)))
            return *h;
        // Held, but the lock says nothing readable: still someone else's.
        return WriterHolder{};
    }
    // No lock can be made here (the folder cannot be written): the file is opened for reading only by
    // the store in that case, so there is nothing to guard.
    return std::unique_ptr<WriterLock>(new WriterLock(nullptr));
}

std::optional<WriterHolder> WriterLock::holder(const QString &caseFilePath)
{
    auto lock = makeLock(caseFilePath);
    if (lock->tryLock(0)) {
        lock->unlock();
        return std::nullopt;
    }
    if (lock->error() != QLockFile::LockFailedError)
        return std::nullopt;
    if (auto h = readHolder(*lock, lockPath(caseFilePath)))
        return h;
    return WriterHolder{};
}

} // namespace fairnote::store
