// SPDX-FileCopyrightText: 2026 Fairnote contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// What the conformance suite adds to every backend: the clock and the assessor its tests expect.
#include "conformance/backend.h"

#include "store/storetestsupport.h"

namespace fairnote::conformance {

bool claims(Behaviour behaviour, const char *what)
{
    if (backend().claims(behaviour))
        return true;
    WARN(backend().name().toStdString() << " does not claim this by design, so it is not checked: " << what);
    return false;
}

std::function<QDateTime()> minuteClock()
{
    auto clock = std::make_shared<QDateTime>(QDate(2026, 3, 1), QTime(9, 0), Qt::UTC);
    return [clock] {
        *clock = clock->addSecs(60);
        return *clock;
    };
}

std::unique_ptr<store::Store> freshStore()
{
    auto s = backend().create(minuteClock());
    REQUIRE(s);
    s->setAssessor(store::makeAssessor(testing::assessOptions()));
    return s;
}

std::unique_ptr<store::Store> secondConnection()
{
    auto s = backend().connectAgain(minuteClock());
    REQUIRE(s);
    s->setAssessor(store::makeAssessor(testing::assessOptions()));
    return s;
}

} // namespace fairnote::conformance
