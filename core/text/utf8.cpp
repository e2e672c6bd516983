// SPDX-FileCopyrightText: 2026 Fairnote contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// Strict UTF-8 validation (RFC 3629) in front of QString::fromUtf8.
#include "text/utf8.h"

using namespace Qt::StringLiterals;

namespace fairnote::text {

QString Utf8Error::describe() const
{
    QString hex;
    for (char c : bytes) {
        if (!hex.isEmpty())
            hex += u' ';
        hex += u"0x"_s + QString::number(static_cast<unsigned char>(c), 16).toUpper().rightJustified(2, u'0');
    }
    if (!bytes.isEmpty() && bytes.front() == '\0')
        return u"a NUL byte at byte %1, so this is not UTF-8 text; the file looks like UTF-16 or is not a text file"_s
            .arg(byteOffset);
    QString s = u"invalid UTF-8 at byte %1 (%2)"_s.arg(QString::number(byteOffset), hex);
    if (looksLikeUtf16)
        s += u"; the file looks like UTF-16"_s;
    return s;
}

// Returns the length of the valid sequence starting at p (1..4), or 0 when it is invalid.
static int sequenceLength(const unsigned char *p, const unsigned char *end)
{
    const unsigned char c = p[0];
    if (c < 0x80)
        return 1;
    int len;
    char32_t cp;
    if (c >= 0xC2 && c <= 0xDF) { len = 2; cp = c & 0x1F; }
    else if (c >= 0xE0 && c <= 0xEF) { len = 3; cp = c & 0x0F; }
    else if (c >= 0xF0 && c <= 0xF4) { len = 4; cp = c & 0x07; }
    else return 0;
    if (end - p < len)
        return 0;
    for (int i = 1; i < len; ++i) {
        if ((p[i] & 0xC0) != 0x80)
            return 0;
        cp = (cp << 6) | (p[i] & 0x3F);
    }
    if ((len == 3 && cp < 0x800) || (len == 4 && (cp < 0x10000 || cp > 0x10FFFF)))
        return 0; // overlong or out of range
    if (cp >= 0xD800 && cp <= 0xDFFF)
        return 0; // UTF-16 surrogates are not characters
    return len;
}

Result<QString, Utf8Error> decodeUtf8(const QByteArray &bytes)
{
    const auto *begin = reinterpret_cast<const unsigned char *>(bytes.constData());
    const auto *end = begin + bytes.size();
    const auto *p = begin;
    if (bytes.startsWith("\xEF\xBB\xBF"))
        p += 3;
    const auto *start = p;
    while (p < end) {
        if (*p < 0x80 && *p != 0) { // fast path for ASCII runs
            ++p;
            continue;
        }
        // A NUL is valid UTF-8 but never part of a note: it means UTF-16 without a byte-order mark,
        // or a file that is not text at all.
        const int len = *p == 0 ? 0 : sequenceLength(p, end);
        if (len == 0) {
            Utf8Error e;
            e.byteOffset = p - begin;
            e.bytes = QByteArray(reinterpret_cast<const char *>(p), std::min<qsizetype>(4, end - p));
            e.looksLikeUtf16 = bytes.startsWith("\xFF\xFE") || bytes.startsWith("\xFE\xFF") || *p == 0;
            return e;
        }
        p += len;
    }
    return QString::fromUtf8(reinterpret_cast<const char *>(start), end - start);
}

} // namespace fairnote::text
