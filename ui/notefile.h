// SPDX-FileCopyrightText: 2026 Fairnote contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// NoteFile: reading and writing a note as a plain UTF-8 text file.
#pragma once

#include <QString>
#include <optional>

namespace fairnote::ui {

class NoteFile
{
public:
    struct Contents
    {
        QString text;      // line ends are '\n'
        bool crlf = false; // the file used Windows line ends; write() keeps them
    };

    // Notes are short; anything larger is almost certainly the wrong file.
    static constexpr qint64 kMaxBytes = 32 * 1024 * 1024;

    // Reads a UTF-8 text file (a leading byte-order mark is dropped). Returns the text, or nothing
    // with `error` set to a sentence for the worker: for bytes that are not UTF-8 it names the byte
    // offset, so the file can be fixed.
    static std::optional<Contents> read(const QString &path, QString *error);

    // Writes the text as UTF-8, whole or not at all and owner-only (core/io's atomic writer).
    // Returns false with `error` set when it could not.
    static bool write(const QString &path, const QString &text, bool crlf, QString *error);
};

} // namespace fairnote::ui
