// SPDX-FileCopyrightText: 2026 Fairnote contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// Pieces the CLI commands share: loading the rule pack and the spelling check, reading input (bounded)
// and writing output (whole or absent, checked), progress on stderr.
#pragma once

#include "command.h"
#include "io/input.h"
#include "io/ioerror.h"
#include "spelling/spellchecker.h"
#include "store/settings.h"
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

// The user's settings as the app saved them: fairnote-cli reads the app's own file (QSettings(NativeFormat,
// UserScope, "Fairnote", "Fairnote"), through store::UserSettings), so it checks and assesses as the app does.
store::UserSettings savedSettings();
// The value of `option` when given (even empty), else `setting`: a flag is used over a setting for one run.
QString settingOr(const ParsedArgs &p, const QString &option, const QString &setting);
// The organisation's rule folder: --rules when given, else the one chosen in the app's Settings (none: "").
QString rulesDirOf(const ParsedArgs &p);
// The spelling check as the app makes it, the flags over the settings: none with --no-spelling or when
// spelling is turned off in the app's Settings (then `*off` is set); the dictionary of --dictionary, else the
// one chosen in Settings — when that one cannot be used, the usual one, said on stderr, as the app does.
std::unique_ptr<spelling::SpellChecker> spellCheckerFor(const ParsedArgs &p, CliIo &io, bool *off = nullptr);

// The most a note read by check (or an answer's text) may hold: far more than any note.
constexpr qint64 kMaxNoteBytes = 64 * 1024 * 1024;

// Opens a file ("-" for standard input) to be read in pieces, never more than `limit` bytes (`what` names
// it in the message: "a note", "a case file"). A named pipe with no writer, and a terminal on standard
// input, are announced on stderr. On failure returns nothing and sets `error` (the message to print after
// "PATH: error: ").
std::optional<io::Input> openInput(const QString &path, qint64 limit, const QString &what, CliIo &io, QString &error);
// Reads it all the same way.
std::optional<QByteArray> readInput(const QString &path, qint64 limit, const QString &what, CliIo &io, QString &error);

// Reads a file ("-" for standard input, at most kMaxNoteBytes) as UTF-8 text. On failure returns nothing
// and sets `error` to a message that names the problem and what to do.
std::optional<QString> readTextInput(const QString &path, CliIo &io, QString &error);

// Writes a whole document (no audit) to -o `path` — whole or not at all, owner-only (io::AtomicFile) —
// or, when `path` is empty, to standard output, checked. On failure prints "fairnote-cli COMMAND: error: …"
// and returns false.
bool writeOutput(CliIo &io, const QString &command, const QString &path, const QByteArray &bytes);
// Writes bytes to standard output and makes sure they went out (flushed, and synced when standard output
// is a file): the error if not.
std::optional<io::IoError> writeToStandardOutput(CliIo &io, const QByteArray &bytes);
// Flushes standard output: the first error of anything written to it so far.
std::optional<io::IoError> finishStandardOutput(CliIo &io);

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
