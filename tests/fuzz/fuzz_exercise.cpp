// SPDX-FileCopyrightText: 2026 Fairnote contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// Fuzzes the exercise loader: any bytes either load as an exercise (which then writes out and loads back
// as the same exercise) or give problems that each name a place and what is wrong; never a crash.
#include "training/exercise.h"
#include "training/exerciseloader.h"

#include <cstdlib>

using namespace fairnote;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArray bytes(reinterpret_cast<const char *>(data), qsizetype(size));
    const auto exercise = training::readExercise(bytes, QStringLiteral("fuzz.json"));
    if (exercise) {
        const auto again = training::readExercise(training::writeExercise(*exercise), QStringLiteral("fuzz.json"));
        if (!again || again->id != exercise->id || again->type != exercise->type || again->title != exercise->title)
            std::abort();
    } else {
        for (const auto &p : exercise.error())
            if (p.message.isEmpty() || p.file.isEmpty())
                std::abort();
    }
    return 0;
}
