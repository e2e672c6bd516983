// SPDX-FileCopyrightText: 2026 Fairnote contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// WriterLock: one writer per case file. The app holds it while a case file is open for writing; a second
// window or program on the same file finds who holds it (which program, which computer, since when) and
// opens the file for reading only, or refuses to change it, so no two writers save over each other.
#pragma once

#include "result.h"

#include <QDateTime>
#include <QString>
#include <memory>
#include <optional>

class QLockFile;

namespace fairnote::store {

// Who holds a case file for writing, as the lock beside it says.
struct WriterHolder
{
    qint64 processId = 0;
    QString computer;  // the host name; empty when not known
    QString program;   // "fairnote", "fairnote-cli"
    QDateTime since;   // when it took the file (UTC); invalid when not known
    bool sameComputer = false;
    // "Fairnote (process 4242) on this computer, since 7 December 2026, 14:05 GMT"
    QString describe() const;
};

class WriterLock
{
public:
    ~WriterLock();
    WriterLock(const WriterLock &) = delete;
    WriterLock &operator=(const WriterLock &) = delete;

    // Takes the writer's place for the case file at `caseFilePath` (the lock is "<file>.writer", beside
    // it). Refused with the holder while another live process holds it; a lock left by a program that
    // has ended is taken over. Where no lock can be made (a folder that cannot be written) the place is
    // given without one: such a file is opened for reading only anyway.
    static Result<std::unique_ptr<WriterLock>, WriterHolder> acquire(const QString &caseFilePath);
    // Who holds the file now, without taking it (for a command that only checks).
    static std::optional<WriterHolder> holder(const QString &caseFilePath);
    // The lock file's path for a case file.
    static QString lockPath(const QString &caseFilePath);

private:
    explicit WriterLock(std::unique_ptr<QLockFile> lock);
    std::unique_ptr<QLockFile> m_lock;
};

} // namespace fairnote::store
