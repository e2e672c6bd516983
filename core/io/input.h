// SPDX-FileCopyrightText: 2026 Fairnote contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// Input: reading a file, standard input or a named pipe with a limit enforced while it is read, so no
// input (/dev/zero, an endless pipe) can make the program grow without bound.
#pragma once

#include "io/ioerror.h"
#include "result.h"

#include <QByteArray>
#include <QString>
#include <functional>

namespace fairnote::io {

// How much may be read, and what to say while waiting.
struct ReadOptions
{
    qint64 limit = 0;    // the most that is read; one byte more is IoProblem::TooLarge. Required (> 0).
    QString what;        // what the input is read as, for the message: "a note", "a case file"
    // Called once when the read has waited a second for a named pipe with no writer, or starts reading a
    // terminal: the message says what is being waited for and how to go on (may be empty).
    std::function<void(const QString &message)> notice;
};

// A source of bytes (a file, a descriptor, or bytes already in memory for tests) read in pieces, never
// more than ReadOptions::limit in all. Movable, not copyable; owns the descriptor it opened.
class Input
{
public:
    // Opens a file (or a ":/" resource built into the program). A folder is IoProblem::IsFolder; a named pipe is waited on (with a notice after a
    // second) until a writer opens it; a larger regular file than the limit is refused at once.
    static Result<Input, IoError> open(const QString &path, const ReadOptions &options);
    // Standard input (descriptor 0, not owned), shown as `name` ("<stdin>"). On a terminal, the notice
    // says how to end the input.
    static Input standardInput(const ReadOptions &options, const QString &name = QStringLiteral("<stdin>"));
    // Bytes already read (tests, and callers that have them); the limit still applies.
    static Input fromBytes(QByteArray bytes, const QString &name, const ReadOptions &options);

    Input(Input &&other) noexcept;
    Input &operator=(Input &&other) noexcept;
    Input(const Input &) = delete;
    Input &operator=(const Input &) = delete;
    ~Input();

    // Reads up to `size` bytes into `buffer`: the number read, 0 at the end, or the error (a failed read,
    // or TooLarge as soon as the input goes past the limit).
    Result<qint64, IoError> read(char *buffer, qint64 size);
    // Everything to the end (within the limit).
    Result<QByteArray, IoError> readAll();

    const QString &name() const { return m_name; }
    qint64 size() const { return m_size; }       // the size when known in advance (a regular file), else -1
    qint64 position() const { return m_read; }   // bytes read so far

private:
    Input(int fd, bool owned, QString name, const ReadOptions &options);
    IoError error(Operation op, IoProblem problem, int errnum) const;

    int m_fd = -1;
    bool m_owned = false;
    QString m_name;
    ReadOptions m_options;
    qint64 m_size = -1;
    qint64 m_read = 0;
    QByteArray m_bytes; // fromBytes()
    bool m_fromBytes = false;
};

// Input::open(path) and readAll().
Result<QByteArray, IoError> readFile(const QString &path, const ReadOptions &options);

} // namespace fairnote::io
