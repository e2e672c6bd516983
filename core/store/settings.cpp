// SPDX-FileCopyrightText: 2026 Fairnote contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// Reading the user's settings into one value.
#include "store/settings.h"

#include "store/location.h"

#include <QSettings>

namespace fairnote::store {

UserSettings UserSettings::read(const QSettings &s)
{
    auto text = [&s](const QString &key) { return s.value(key).toString(); };
    UserSettings out;
    out.author = authorFromSettings(s);
    out.organisationRules = text(settingsKey::organisationRules);
    out.checkSpelling = s.value(settingsKey::checkSpelling, true).toBool();
    out.dictionary = text(settingsKey::dictionary);
    out.disabledRules = s.value(settingsKey::disabledRules).toStringList();
    out.reviewRubric = text(settingsKey::reviewRubric);
    out.exercisesFolder = text(settingsKey::exercisesFolder);
    // A value that is not a whole number of minutes in range is the default: a damaged settings file
    // never turns the lock off.
    bool ok = false;
    const int minutes = s.value(settingsKey::lockAfterMinutes, kDefaultLockAfterMinutes).toInt(&ok);
    out.lockAfterMinutes = ok && minutes >= 0 && minutes <= kMaxLockAfterMinutes ? minutes : kDefaultLockAfterMinutes;
    return out;
}

} // namespace fairnote::store
