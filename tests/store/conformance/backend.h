// SPDX-FileCopyrightText: 2026 Fairnote contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// The store conformance suite's view of a backend. The suite (tests/store/conformance/*.cpp) uses the
// store::Store interface only; each backend links it with one file that defines backend() (for SQLite,
// tests/store/sqlite/sqlite_backend.cpp), so a second backend runs the same tests unchanged.
#pragma once

#include "store/store.h"

#include <QDateTime>
#include <functional>
#include <memory>

namespace fairnote::conformance {

class Backend
{
public:
    virtual ~Backend() = default;
    // "SQLite file", "PostgreSQL server": named in failures.
    virtual QString name() const = 0;
    // A new, empty store (a file, a database) whose clock is `clock`: each call a separate store.
    virtual std::unique_ptr<store::Store> create(std::function<QDateTime()> clock) = 0;
    // A second connection to the store create() made last, as another program (or another member of
    // staff) would open it, with its own clock.
    virtual std::unique_ptr<store::Store> connectAgain(std::function<QDateTime()> clock) = 0;
};

// The backend under test: defined once in each backend's conformance executable.
Backend &backend();

// A clock that starts at 09:00 UTC on 1 March 2026 and moves on a minute at each reading.
std::function<QDateTime()> minuteClock();

// A new, empty store of the backend under test, with minuteClock() and the standard assessor.
std::unique_ptr<store::Store> freshStore();
// A second connection to the store freshStore() made last, with the standard assessor.
std::unique_ptr<store::Store> secondConnection();

} // namespace fairnote::conformance
