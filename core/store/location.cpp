// SPDX-FileCopyrightText: 2026 Fairnote contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// Default locations and the author in the settings.
#include "store/location.h"

#include <QSettings>
#include <QStandardPaths>

using namespace Qt::StringLiterals;

namespace fairnote::store {

QString dataDir()
{
    return QStandardPaths::writableLocation(QStandardPaths::GenericDataLocation) + u"/Fairnote/Fairnote"_s;
}

QString defaultCaseFilePath() { return dataDir() + u"/casefile.db"_s; }

Actor authorFromSettings(const QSettings &settings)
{
    return Actor{settings.value(u"author/name"_s).toString().trimmed(), settings.value(u"author/role"_s).toString().trimmed(),
                 settings.value(u"author/organisation"_s).toString().trimmed()};
}

void saveAuthorToSettings(QSettings &settings, const Actor &actor)
{
    settings.setValue(u"author/name"_s, actor.name.trimmed());
    settings.setValue(u"author/role"_s, actor.role.trimmed());
    settings.setValue(u"author/organisation"_s, actor.organisation.trimmed());
}

} // namespace fairnote::store
