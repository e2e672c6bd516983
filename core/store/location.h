// SPDX-FileCopyrightText: 2026 Fairnote contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// Where Fairnote keeps its files by default, and the author's identity in the user's settings: one
// definition, so that fairnote and fairnote-cli always open the same case file as the same person.
#pragma once

#include "store/store.h"

class QSettings;

namespace fairnote::store {

// The per-user data folder: ~/.local/share/Fairnote/Fairnote on Linux (QStandardPaths' generic data
// location + "Fairnote/Fairnote", the desktop app's AppDataLocation).
QString dataDir();
// The default case file: dataDir()/casefile.db.
QString defaultCaseFilePath();

// The author saved in the settings ("author/name", "author/role", "author/organisation"); empty name
// when none is saved. The settings are the desktop app's: QSettings("Fairnote", "Fairnote").
Actor authorFromSettings(const QSettings &settings);
void saveAuthorToSettings(QSettings &settings, const Actor &actor);

} // namespace fairnote::store
