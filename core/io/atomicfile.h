// SPDX-FileCopyrightText: 2026 Fairnote contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// AtomicFile: the one way core writes a file, so that every file Fairnote writes is whole or absent.
#pragma once

#include "io/ioerror.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QString>
#include <optional>

namespace fairnote::io {

// Writes a file so that whoever looks under its name finds either the earlier file, untouched, or the
// whole new one — never half of it — even when the disk fills up, a write fails or the program is killed:
//
//  1. open():    a temporary file is created in the same folder, named "NAME.unfinished-PID-XXXXXX",
//                owner-only (0600) from the moment it exists, whatever the umask. Leftovers of the same
//                NAME from runs that were killed (their process is gone) are removed first.
//  2. write():   bytes are buffered (64 KiB) and written; every write is checked.
//  3. finish():  the last buffer is written (the flush), the file is fsync'ed and closed, each checked:
//                from here the bytes are safely on disk, under the temporary name.
//  4. publish(): the temporary file is renamed over NAME, and the folder is fsync'ed so the rename
//                survives a power cut.
//
// On any failure the temporary file is removed at once and NAME is left as it was; the error says which
// step failed (IoError, writing = true). Only a failed fsync of the folder after the rename leaves the new
// file in place (IoError::finalNameTouched). Whatever the caller records about the file (an audit row)
// belongs between finish() and publish(): the bytes are safe, and the file is not yet visible.
//
// NAME is always replaced owner-only: Fairnote writes personal data. When NAME is a symbolic link, the
// file it points to is replaced. When NAME is not a regular file (a terminal, /dev/null, a named pipe),
// it is written in place, checked, without the temporary file (there is nothing to replace atomically).
// Not thread-safe; one object per file written. Every step goes through the fault seam (io/faults.h).
class AtomicFile
{
public:
    explicit AtomicFile(QString path);
    ~AtomicFile(); // discards the temporary file unless published
    AtomicFile(const AtomicFile &) = delete;
    AtomicFile &operator=(const AtomicFile &) = delete;

    std::optional<IoError> open();
    std::optional<IoError> write(QByteArrayView bytes);
    std::optional<IoError> finish();
    std::optional<IoError> publish();
    // finish() then publish().
    std::optional<IoError> commit();
    // Removes the temporary file (after a failure elsewhere: an audit row that could not be written).
    void discard();

    const QString &path() const { return m_path; }
    // The temporary file's path while there is one (for tests).
    QString temporaryPath() const;
    // The first error, if any: once something failed, every later step returns it.
    const std::optional<IoError> &error() const { return m_error; }

    // The temporary files of `path` left by runs that were killed: "NAME.unfinished-PID-XXXXXX" in its folder.
    static QStringList leftovers(const QString &path);

private:
    std::optional<IoError> fail(Operation op, int errnum);
    std::optional<IoError> flushBuffer(Operation op);

    enum class State { New, Open, Finished, Published, Failed };
    QString m_path;
    QByteArray m_final; // the file to replace (symbolic links followed), in the file system's encoding
    QByteArray m_temp;
    QByteArray m_buffer;
    int m_fd = -1;
    bool m_inPlace = false;
    bool m_existed = false;
    State m_state = State::New;
    std::optional<IoError> m_error;
};

// Writes `bytes` to `path` with an AtomicFile: whole or absent. Returns the error, if any.
std::optional<IoError> writeFileAtomically(const QString &path, QByteArrayView bytes);

} // namespace fairnote::io
