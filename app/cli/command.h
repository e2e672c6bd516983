// SPDX-FileCopyrightText: 2026 Fairnote contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// Command: one fairnote-cli subcommand — its name, summary, help and execute(). Output goes through
// the streams in CliIo, so tests can capture it without starting a process.
#pragma once

#include "io/input.h"

#include <QByteArray>
#include <QHash>
#include <QString>
#include <QStringList>
#include <QTextStream>
#include <functional>
#include <memory>
#include <optional>
#include <vector>

namespace fairnote::cli {

enum ExitCode : int { ExitOk = 0, ExitFound = 1, ExitBadInput = 2 };

struct CliIo
{
    QTextStream &out;
    QTextStream &err;
    bool errIsTerminal = false;              // draw progress bars only on a terminal
    bool outIsTerminal = false;              // highlight with terminal attributes: stdout is a terminal, NO_COLOR is
                                             // unset and TERM is not "dumb"
    // Standard input as a bounded source (io::Input::standardInput in the program, bytes in tests); every
    // command reads it through readInput()/openInput() (common.h), which apply the limits.
    std::function<io::Input(const io::ReadOptions &)> openStdin;
};

// Options shared by the commands: a tiny parser that knows which options take a value.
struct ParsedArgs
{
    QStringList positional;
    QHash<QString, QString> values; // "--format" -> "json" (the last one given)
    QHash<QString, QStringList> all; // every value of options given more than once ("--leave")
    QStringList flags;              // "--help"
    QString error;                  // set when the arguments are malformed
};
class Command
{
public:
    virtual ~Command() = default;
    virtual QString name() const = 0;
    virtual QString summary() const = 0; // one line for "fairnote-cli --help"
    virtual QString help() const = 0;    // the whole "--help" text
    // Runs with the arguments after the command name. Returns an ExitCode.
    virtual int execute(const QStringList &args, CliIo &io) = 0;

protected:
    // Prints "fairnote-cli NAME: message" and a hint to --help; returns ExitBadInput.
    int usageError(CliIo &io, const QString &message) const;

    // The preamble every command shares: parses `args`, prints a usage error or the help, and checks
    // --format (one of `formats`, text or json unless said) when it is one of the value options. Returns the
    // exit code when the command is already done (help shown, or bad usage), or nothing when it should go on.
    std::optional<int> parse(const QStringList &args, const QStringList &valueOptions, const QStringList &flagOptions,
                             CliIo &io, ParsedArgs &out, const QStringList &formats = {QStringLiteral("text"), QStringLiteral("json")}) const;
};

ParsedArgs parseArgs(const QStringList &args, const QStringList &valueOptions, const QStringList &flagOptions);

// The arguments with "-o" spelled "--output", for commands that take either.
QStringList withLongOutput(const QStringList &args);

std::vector<std::unique_ptr<Command>> allCommands();

// The whole program: dispatches args (without the program name) to a command.
int run(const QStringList &args, CliIo &io);

} // namespace fairnote::cli
