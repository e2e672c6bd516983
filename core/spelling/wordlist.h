// SPDX-FileCopyrightText: 2026 Fairnote contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// Word list files (the sector list, an organisation's list, a personal list): reading and parsing.
#pragma once

#include "result.h"

#include <QString>
#include <QStringList>

namespace fairnote::spelling {

// The format (docs/spelling.md): UTF-8 text, one word or phrase per line; `#` starts a comment; blank
// lines are ignored. Every word of a phrase is accepted ("Universal Credit" accepts "Universal" and
// "Credit"); a hyphenated entry is accepted whole and by its parts ("Stoke-on-Trent").
struct WordList
{
    QStringList words;    // every word to accept, curly apostrophes made straight, no duplicates
    QStringList problems; // "file:line: message" for lines that were skipped
};

// Parses the text of a word list. fileName is used only in problem messages. Never fails: a line it
// cannot use (a .dic entry with flags, a URL) is skipped and reported in WordList::problems.
WordList parseWordList(QStringView text, const QString &fileName);

// The largest word list read (the organisation's list, the personal list).
constexpr qint64 kMaxWordListBytes = 16 * 1024 * 1024;

// Reads and parses a word list file (a path or a ":/" resource), at most kMaxWordListBytes. Fails with a
// message naming the file when it is missing, unreadable, too large or not UTF-8.
Result<WordList, QString> readWordList(const QString &path);

// The built-in sector word list's resource path.
QString sectorWordListPath();
// The built-in list of titles ("Mr", "Dr", "Cllr"): the word after one is a name.
QString titleListPath();

// Straightens curly and modifier apostrophes (’ ʼ) to ', the form Fairnote keeps and looks words up in.
QString straightenApostrophes(QStringView word);

} // namespace fairnote::spelling
