// SPDX-FileCopyrightText: 2026 Fairnote contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// Fuzzes the interchange reader and the strict JSON reader under it: any bytes either read (and then
// write and read back to the same case file) or give errors that each name a problem; never a crash. And
// the strict reader against Qt's: whatever it accepts, QJsonDocument reads as the same value; the
// streamed reading (import's) agrees with the whole-document reading (assess's).
#include "io/input.h"
#include "json/strictjson.h"
#include "record/interchange.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <cstdlib>

using namespace fairnote;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArray bytes(reinterpret_cast<const char *>(data), qsizetype(size));
    const auto cf = record::readInterchange(bytes);
    if (cf) {
        const auto again = record::readInterchange(record::writeInterchange(*cf));
        if (!again || !(*again == *cf))
            std::abort();
    } else {
        for (const auto &e : cf.error())
            if (e.message.isEmpty())
                std::abort();
    }

    // The strict reader accepts a subset of what Qt accepts, and reads it the same. (Qt refuses a number
    // too small for a double, which the strict reader reads as zero; and Qt drops a U+FEFF that starts a
    // string, which the strict reader keeps: it is part of what was written.)
    const auto strict = json::parse(bytes);
    const QByteArray body = bytes.startsWith("\xEF\xBB\xBF") ? bytes.mid(3) : bytes;
    if (strict && !body.contains("e-") && !body.contains("E-") && !body.contains("\xEF\xBB\xBF")) {
        QJsonParseError error;
        const QJsonDocument qt = QJsonDocument::fromJson("[" + body + "]", &error);
        if (error.error != QJsonParseError::NoError || qt.array().size() != 1 || qt.array().at(0) != *strict)
            std::abort();
    }
    if (!strict && strict.error().message.isEmpty())
        std::abort();

    // Streamed in pieces (as import reads), one case file reads as the whole-document reader reads it.
    auto input = io::Input::fromBytes(bytes, QStringLiteral("fuzz.json"), {record::kMaxCaseFilesBytes, QStringLiteral("a whole-file export"), {}});
    const auto streamed = record::readCaseFiles(input);
    if (cf && (!streamed || streamed->size() != 1 || !(streamed->front() == *cf)))
        std::abort();
    if (!streamed)
        for (const auto &e : streamed.error())
            if (e.message.isEmpty())
                std::abort();
    return 0;
}
