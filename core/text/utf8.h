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
    bool looksLikeUtf16 = false; // a UTF-16 byte-order mark or many NUL bytes

    // "invalid UTF-8 at byte 1234 (0xC3 0x28)" — no trailing full stop, callers add context.
    QString describe() const;
};

// Decodes bytes as UTF-8. A leading UTF-8 byte-order mark is dropped. Overlong forms, surrogates,
// code points above U+10FFFF and truncated sequences are errors.
// Returns the text, or where the first invalid sequence starts.
Result<QString, Utf8Error> decodeUtf8(const QByteArray &bytes);

} // namespace fairnote::text
