// SPDX-FileCopyrightText: 2026 Fairnote contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// OutputStream: standard output (or any open descriptor) as a QIODevice whose every write is checked.
#pragma once

#include "io/ioerror.h"

#include <QIODevice>
#include <optional>

namespace fairnote::io {

// A QTextStream over it writes through the fault seam; the first failure (ENOSPC on "> /dev/full", EIO)
// is kept, and every later write fails too, so a program can ask at the end — or before it records that
// something was delivered — whether all of its output went out. Not thread-safe.
class OutputStream : public QIODevice
{
    Q_OBJECT
public:
    // `name` is what messages call it ("standard output"). The descriptor is not owned.
    OutputStream(int fd, QString name, QObject *parent = nullptr);

    bool isSequential() const override { return true; }
    // The first failed write, sync or close, if any.
    const std::optional<IoError> &failure() const { return m_failure; }
    // When the descriptor is a regular file ("> out.json") with writes not yet synced, fsyncs it, so that
    // what was written is on the disk before the caller relies on it; then returns failure().
    std::optional<IoError> sync();
    // Closes the descriptor, checked (a network file system may report a failed write only here) unless
    // everything written was already synced.
    std::optional<IoError> closeDescriptor();

    // The device a QTextStream writes to, when it is an OutputStream; else nullptr.
    static OutputStream *of(QIODevice *device);

protected:
    qint64 readData(char *data, qint64 maxSize) override;
    qint64 writeData(const char *data, qint64 size) override;

private:
    void fail(Operation op, int errnum);

    int m_fd;
    QString m_name;
    std::optional<IoError> m_failure;
    bool m_unsynced = false; // written since the last successful sync
};

} // namespace fairnote::io
