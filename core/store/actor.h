// SPDX-FileCopyrightText: 2026 Fairnote contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// Who is acting on a case file, and the rules about people that the store's refusals rest on (nobody
// checks their own work), in one place for every backend and edge.
#pragma once

#include "record/casefile.h"

#include <QString>
#include <optional>

namespace fairnote::store {

// Who is acting: the author of an entry, the person exporting … (name required; role and organisation
// as the user's settings give them).
using Actor = record::Author;
// "Name (Role)" or "Name (Role, Organisation)" → an Actor; nothing when there is no name.
std::optional<Actor> parseActor(const QString &text);
// "Name (Role, Organisation)"; "Fairnote" for the program itself (an empty name).
QString actorDisplay(const Actor &actor);
// Whether two actors are the same person for the rules that stop people checking their own work
// (no review or sign-off of one's own entry): the same name, ignoring case and spacing, whatever role or
// organisation each gives. Two different people with one name are kept apart by asking someone else.
bool samePerson(const Actor &a, const Actor &b);
// Whether `actor` is the worker a supervisor named: "Name", "Name (Role)" or "Name (Role, Organisation)";
// what is given must match (ignoring case and spacing), what is left out matches anything.
bool matchesWorker(const Actor &actor, const QString &worker);

} // namespace fairnote::store
