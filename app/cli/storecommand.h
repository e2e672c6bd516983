// SPDX-FileCopyrightText: 2026 Fairnote contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// StoreCommand: the base of every command that opens a case file (--db FILE, default the app's own
// file), acts as an author (--author "Name (Role)", default the app's settings), and, for commands that
// finalise, assesses entries with the rule pack and spelling exactly as the app does.
#pragma once

#include "command.h"
#include "store/store.h"

#include <memory>
#include <optional>

namespace fairnote::cli {

// Reads a line from the terminal without echoing it, after printing `prompt` on stderr; nothing at the
// end of input.
std::optional<QString> askPassword(CliIo &io, const QString &prompt);
bool standardInputIsTerminal();

// Connects to a team server with `connect(password)`: first with none given (the connection string,
// ~/.pgpass and PGPASSWORD say it), then, while the server asks for one and standard input is a terminal,
// with one asked for there (never echoed), three tries, as psql does. Without a terminal the server's
// message says where to keep the password.
template <typename F>
auto connectAskingPassword(CliIo &io, F &&connect) -> decltype(connect(std::optional<QString>{}))
{
    auto r = connect(std::optional<QString>{});
    for (int tries = 0; !r && r.error().code == store::ErrorCode::NeedsPassword && tries < 3 && standardInputIsTerminal(); ++tries) {
        if (tries > 0)
            io.err << QStringLiteral("That password was not accepted.\n");
        const std::optional<QString> password = askPassword(io, QStringLiteral("Password for the team server: "));
        if (!password)
            break;
        r = connect(password);
    }
    return r;
}

class StoreCommand : public Command
{
protected:
    enum class Access { Read, Write, Create };

    // The options every store command takes, and the lines of --help that describe them.
    static QStringList storeValueOptions();
    static QString storeOptionsHelp();
    // The options of commands that assess entries (finalise, amend, import), and their help lines.
    static QStringList assessValueOptions();
    static QStringList assessFlagOptions();
    static QString assessOptionsHelp();

    // The case file: --db, or the default file (store::defaultCaseFilePath()).
    static QString dbPath(const ParsedArgs &p);
    // True when the command works on a team server (--server CONNINFO) instead of a case file.
    static bool onServer(const ParsedArgs &p);
    // Opens the case file, or the team server with --server. On failure prints what is wrong (and how to
    // create a missing file) and returns nullptr. Write access to a read-only file is refused with its
    // reason. On a server, the session's member of staff is who acts (actingAs()).
    std::unique_ptr<store::Store> open(const ParsedArgs &p, CliIo &io, Access access);
    // The author: --author, else the author saved by the app. When there is neither, prints how to give
    // one and returns nothing. On a team server the author is the login, never typed: --author is
    // refused, and what is returned stands for the login until open() has connected (actingAs()).
    std::optional<store::Actor> author(const ParsedArgs &p, CliIo &io) const;
    // Who the record says acted: on a team server the session's member of staff, else `given`.
    store::Actor actingAs(const store::Actor &given) const;
    // The author when there is one, else an empty Actor (who sees no drafts): for commands that only read.
    static store::Actor viewer(const ParsedArgs &p);
    // Sets the store's assessor from --rules, --no-spelling, --dictionary and --words. Prints problems.
    bool useAssessor(store::Store &s, const ParsedArgs &p, CliIo &io);
    // A person by id or exact name (or other name). Prints the problem (no match, or the matches of an
    // ambiguous name) and returns nothing when it is not exactly one person.
    std::optional<QString> personId(store::Store &s, const QString &idOrName, CliIo &io) const;
    // Prints "fairnote-cli NAME: error: MESSAGE" and returns ExitBadInput.
    int fail(CliIo &io, const store::StoreError &error) const;
    int fail(CliIo &io, const QString &message) const;
    // Reasons for leaving prompts open: --leave CODE=REASON (each prompt with that code) and
    // --leave-all REASON (every other one), keyed for Store::finalise by the preview's prompts.
    static QHash<QString, QString> leftReasons(const ParsedArgs &p, const store::Snapshot &preview);
    // Prints the prompts of `preview` that `reasons` leave open, and how to answer them.
    void printOpenPrompts(CliIo &io, const std::vector<store::SnapshotPrompt> &open, const QString &entryId) const;

    store::Assessor m_assessor; // set by useAssessor; used to preview prompts before finalising
    std::optional<store::Actor> m_sessionActor; // on a team server: the login's staff record, set by open()
};

} // namespace fairnote::cli
