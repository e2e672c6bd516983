// SPDX-FileCopyrightText: 2026 Fairnote contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// IoError: why reading or writing a file failed, with the one message table every edge shows.
#pragma once

#include <QString>

namespace fairnote::io {

// The system calls core/io makes, by what they do; the fault seam (io/faults.h) counts and fails them.
enum class Operation {
    Open,       // opening a file to read, or creating the temporary file to write
    Read,       // one read(2)
    Write,      // one write(2) while writing (a full buffer)
    Flush,      // the write(2)s of the last, partly filled buffer when the writing is finished
    Sync,       // fsync(2) of the file
    Close,      // close(2) of the file
    Rename,     // rename(2) of the temporary file over the final name
    SyncFolder, // fsync(2) of the folder after the rename
};
QString operationName(Operation op); // "write", "sync-folder" … (the names FAIRNOTE_IO_FAULT takes)

enum class IoProblem {
    DiskFull,       // ENOSPC, EDQUOT, EFBIG
    Permission,     // EACCES, EPERM
    ReadOnlyDisk,   // EROFS
    DeviceError,    // EIO and the like: the disk or the connection to it failed
    NotFound,       // ENOENT, ENOTDIR: the file, or its folder, does not exist
    IsFolder,       // EISDIR, or a folder given where a file was expected
    TooLarge,       // the input is larger than the documented limit for what it is
    Other,          // anything else (strerror says what)
};

struct IoError
{
    IoProblem problem = IoProblem::Other;
    int errnum = 0;                 // the errno behind it (0 for TooLarge)
    Operation operation = Operation::Write;
    QString path;                   // the file as the user named it ("standard output", "<stdin>" for streams)
    qint64 limit = 0;               // TooLarge: the limit in bytes
    qint64 size = -1;               // TooLarge: the input's size when known before reading (a regular file)
    QString what;                   // TooLarge: what the input was read as ("a note", "a case file")
    bool finalNameTouched = false;  // writing: the file already took its final name (only the folder sync failed)
    bool existedBefore = false;     // writing: a file of that name was there before (and is still, unchanged)

    bool writing = false;           // an error of writing (set by the writers), else of reading
    bool stream = false;            // writing to a stream or device (standard output, a pipe): what went out is incomplete

    // The message, one or two sentences that name the problem and what to do about it.
    // Writing: names the file and says what became of it ("… Nothing was written; FILE is as it was.").
    // Reading: does not repeat the path, so it reads after "PATH: error: " ("is larger than 16 MB, …").
    QString message() const;
};

// The problem an errno value stands for.
IoProblem problemFromErrno(int errnum);

// "16 MB", "2 GB": a limit as the messages say it.
QString sizeText(qint64 bytes);

} // namespace fairnote::io
