// SPDX-FileCopyrightText: 2026 Fairnote contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// The user's settings as one plain value, read from a QSettings the caller passes in: the app and
// fairnote-cli read the same file (QSettings(NativeFormat, UserScope, "Fairnote", "Fairnote")) through
// this one reader, so they author, check and assess alike. The keys are the app's, unchanged.
#pragma once

#include "store/actor.h"

#include <QString>
#include <QStringList>

class QSettings;

namespace fairnote::store {

// The organisation and application names the settings file is found by (the app's own).
inline const QString kSettingsOrganisation = QStringLiteral("Fairnote");
inline const QString kSettingsApplication = QStringLiteral("Fairnote");

namespace settingsKey {
inline const QString organisationRules = QStringLiteral("organisationRules");  // a folder
inline const QString checkSpelling = QStringLiteral("checkSpelling");          // bool, on by default
inline const QString dictionary = QStringLiteral("spellingDictionary");        // a language or a .dic file
inline const QString disabledRules = QStringLiteral("disabledRules");          // rule ids
inline const QString reviewRubric = QStringLiteral("reviewRubric");            // a rubric file
inline const QString exercisesFolder = QStringLiteral("training/exercisesDir"); // a folder
inline const QString lockAfterMinutes = QStringLiteral("server/lockAfterMinutes"); // minutes, 0: never
inline const QString lastServer = QStringLiteral("server/last");               // host, port, database, login
inline const QString lastServerInKeyring = QStringLiteral("server/lastInKeyring"); // its password is in the keyring (never the password)
} // namespace settingsKey

struct UserSettings
{
    Actor author;              // who signs every change; an empty name when none is saved
    QString organisationRules; // the organisation's rule folder over the built-in rules; empty: none
    bool checkSpelling = true;
    QString dictionary;        // empty: the first British English dictionary found
    QStringList disabledRules; // rules the user turned off: their findings are not shown (they are still kept with a record)
    QString reviewRubric;      // empty: the built-in rubric
    QString exercisesFolder;   // empty: the built-in exercises
    // A team server's window hides case content after this many minutes without a key or mouse press,
    // until the login's password is given again; 0: never. A local file has no password and never locks.
    int lockAfterMinutes = kDefaultLockAfterMinutes;
    static constexpr int kDefaultLockAfterMinutes = 10;
    static constexpr int kMaxLockAfterMinutes = 240;

    // Reads every value; a value never saved is the default above.
    static UserSettings read(const QSettings &settings);
};

} // namespace fairnote::store
