// SPDX-FileCopyrightText: 2026 Fairnote contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// Fuzzes the interchange reader: any bytes either read (and then write and read back to the same
// case file) or give errors that each name a problem; never a crash.
#include "record/interchange.h"

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
    return 0;
}
