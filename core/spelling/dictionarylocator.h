// SPDX-FileCopyrightText: 2026 Fairnote contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// Finds the Hunspell dictionary (.aff + .dic) to use: an explicit path, or a search of a few known places.
#pragma once

#include "result.h"

#include <QString>
#include <QStringList>

namespace fairnote::spelling {

enum class SystemDictionaries : bool { Skip, Search };

// Why spelling cannot be checked, in words a user can act on.
struct SpellingUnavailable
{
    QString problem;      // what went wrong: "no en_GB Hunspell dictionary was found in /a, /b"
    QStringList searched; // every path looked at, in order
    QString package;      // the Debian package that provides the dictionary: "hunspell-en-gb"

    // The whole message: the problem, then how to fix it without naming any one program's options:
    // "…. Install the Debian package hunspell-en-gb (sudo apt install hunspell-en-gb), or choose a
    // Hunspell dictionary (.dic with its .aff beside it)."
    QString message() const;
};

struct DictionaryFiles
{
    QString affPath;
    QString dicPath;
};

// The system places searched after the caller's own directories, in order: /usr/share/hunspell,
// /usr/local/share/hunspell, /usr/share/myspell, /usr/share/myspell/dicts.
QStringList systemDictionaryDirs();

// The Debian package holding the Hunspell dictionary for a language ("en_GB" → "hunspell-en-gb").
QString dictionaryPackage(const QString &language);

// Finds `language`.aff and `language`.dic.
// - explicitPath (when not empty) wins and nothing else is searched: a .dic or .aff file (its partner
//   must be beside it), or a directory holding `language`.dic/.aff.
// - otherwise each of searchDirs, then (when asked) systemDictionaryDirs(), is tried in order.
// Both files must be readable and the .dic must start with its word count, as Hunspell requires.
// Fails with what was searched and how to fix it.
Result<DictionaryFiles, SpellingUnavailable> locateDictionary(const QString &language, const QString &explicitPath,
                                                              const QStringList &searchDirs,
                                                              SystemDictionaries system);

} // namespace fairnote::spelling
