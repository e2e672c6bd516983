// SPDX-FileCopyrightText: 2026 Fairnote contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// Pieces the CLI commands share: loading the rule pack and the spelling check, reading input files,
// progress on stderr.
#pragma once

#include "command.h"
#include "spelling/spellchecker.h"
#include "wording/checker.h"

#include <QElapsedTimer>
#include <memory>
#include <optional>

namespace fairnote::cli {

// Loads the built-in pack plus the organisation's directory (may be empty). On problems, prints each
// one and a summary to io.err and returns nullptr.
std::unique_ptr<wording::Checker> loadChecker(const QString &rulesDir, CliIo &io);

// Fairnote's per-user data directory, shared with the desktop app (its QStandardPaths::AppDataLocation,
// organisation and application both "Fairnote"): ~/.local/share/Fairnote/Fairnote on Linux.
QString fairnoteDataDir();

// Opens the spelling check as fairnote-cli uses it: the dictionary from `dictionary` (a .dic, .aff or
// directory) when given, else from fairnoteDataDir()/dictionaries, <prefix>/share/fairnote/dictionaries
// and the system's directories; the organisation's word list `wordList` (may be empty); the user's
// personal list fairnoteDataDir()/personal-words.txt (the app's "Add to dictionary"). Prints warnings
// (a list that cannot be read) to io.err. When no dictionary can be used, prints one message saying what
// was searched and how to fix it, and returns nullptr: the caller goes on without spelling.
std::unique_ptr<spelling::SpellChecker> openSpellChecker(const QString &dictionary, const QString &wordList,
                                                         CliIo &io);

// Reads a file ("-" for standard input) as UTF-8 text. On failure returns nothing and sets `error`
// to a message that names the problem and what to do.
std::optional<QString> readTextInput(const QString &path, CliIo &io, QString &error);

// A progress bar on stderr: drawn only when stderr is a terminal and the work has already taken
// more than a second; erased when done. Silent otherwise.
class Progress
{
public:
    Progress(CliIo &io, QString label, qint64 total);
    ~Progress();
    void update(qint64 done);

private:
    CliIo &m_io;
    QString m_label;
    qint64 m_total;
    QElapsedTimer m_timer;
    bool m_drawn = false;
    qint64 m_lastDraw = -1000;
};

} // namespace fairnote::cli
