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

// What a backend may do differently by design. A test of such a behaviour checks it only where the backend
// claims it, and says so (WARN) where it does not; docs/store.md and docs/server.md say why.
enum class Behaviour {
    TypedActor,          // the Actor a caller passes is who acts (a file); on a server it is the login, so a
                         // write "without an author" cannot happen
    OthersDraftsShown,   // others' drafts can be listed (ListFilter::othersDrafts), and touching one names its
                         // author; on a server a draft is its author's alone, not found by anyone else
    NoRoles,             // every actor may do all the entry rules allow (a file has no roles); on a server,
                         // importing final entries and releasing for disclosure are a supervisor's
};

class Backend
{
public:
    virtual ~Backend() = default;
    // Whether the backend does `behaviour` (all of them, unless it says otherwise).
    virtual bool claims(Behaviour) const { return true; }
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

// Whether the backend under test claims `behaviour`; when it does not, a WARN names what was left out.
bool claims(Behaviour behaviour, const char *what);

// A clock that starts at 09:00 UTC on 1 March 2026 and moves on a minute at each reading.
std::function<QDateTime()> minuteClock();

// A new, empty store of the backend under test, with minuteClock() and the standard assessor.
std::unique_ptr<store::Store> freshStore();
// A second connection to the store freshStore() made last, with the standard assessor.
std::unique_ptr<store::Store> secondConnection();

} // namespace fairnote::conformance
