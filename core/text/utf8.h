// SPDX-FileCopyrightText: 2026 Fairnote contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// Strict UTF-8 decoding that reports where invalid input starts, instead of silently replacing it.
#pragma once

#include "result.h"

#include <QByteArray>
#include <QString>

namespace fairnote::text {

struct Utf8Error
{
    qsizetype byteOffset = 0; // 0-based offset of the first byte of the bad sequence
    QByteArray bytes;         // up to 4 bytes from there, for the message
    bool looksLikeUtf16 = false; // a UTF-16 byte-order mark, or a NUL byte

    // "invalid UTF-8 at byte 1234 (0xC3 0x28)", or for a NUL byte "a NUL byte at byte 1, so this is not
    // UTF-8 text; …" — no trailing full stop, callers add context.
    QString describe() const;
};

// Decodes bytes as UTF-8. A leading UTF-8 byte-order mark is dropped. Overlong forms, surrogates,
// code points above U+10FFFF, truncated sequences and NUL bytes (UTF-16 without a byte-order mark,
// or not text at all) are errors.
// Returns the text, or where the first invalid sequence starts.
Result<QString, Utf8Error> decodeUtf8(const QByteArray &bytes);

} // namespace fairnote::text
