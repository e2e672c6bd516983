// SPDX-FileCopyrightText: 2026 Fairnote contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// Actors: parsing "Name (Role, Organisation)", showing them, and telling whether two are one person.
#include "store/actor.h"

#include <QStringList>

using namespace Qt::StringLiterals;

namespace fairnote::store {

std::optional<Actor> parseActor(const QString &text)
{
    const QString t = text.trimmed();
    if (t.isEmpty() || t.startsWith(u'('))
        return std::nullopt;
    Actor a;
    const qsizetype open = t.indexOf(u'(');
    if (open > 0 && t.endsWith(u')')) {
        a.name = t.left(open).trimmed();
        const QString inside = t.mid(open + 1, t.size() - open - 2);
        const qsizetype comma = inside.indexOf(u',');
        a.role = (comma < 0 ? inside : inside.left(comma)).trimmed();
        if (comma >= 0)
            a.organisation = inside.mid(comma + 1).trimmed();
    } else {
        a.name = t;
    }
    if (a.name.isEmpty())
        return std::nullopt;
    return a;
}

namespace {
QString foldedName(const QString &name) { return name.simplified().toCaseFolded(); }
} // namespace

bool samePerson(const Actor &a, const Actor &b)
{
    return !a.name.trimmed().isEmpty() && foldedName(a.name) == foldedName(b.name);
}

bool matchesWorker(const Actor &actor, const QString &worker)
{
    const auto wanted = parseActor(worker);
    if (!wanted)
        return worker.trimmed().isEmpty();
    auto same = [](const QString &given, const QString &have) { return given.isEmpty() || foldedName(given) == foldedName(have); };
    return samePerson(*wanted, actor) && same(wanted->role, actor.role) && same(wanted->organisation, actor.organisation);
}

QString actorDisplay(const Actor &a)
{
    if (a.name.isEmpty())
        return u"Fairnote"_s;
    QStringList inside;
    if (!a.role.isEmpty())
        inside << a.role;
    if (!a.organisation.isEmpty())
        inside << a.organisation;
    return inside.isEmpty() ? a.name : u"%1 (%2)"_s.arg(a.name, inside.join(u", "_s));
}

} // namespace fairnote::store
