// SPDX-FileCopyrightText: 2026 Fairnote contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// The dispatcher, the option parser and the top-level help.
#include "command.h"

#include "assesscommand.h"
#include "checkcommand.h"
#include "common.h"
#include "exercisecommand.h"
#include "guidecommand.h"
#include "rulescommand.h"
#include "schemacommand.h"
#include "reportcommands.h"
#include "reviewcommands.h"
#include "servercommand.h"
#include "storecommands.h"

#include <QHash>

using namespace Qt::StringLiterals;

namespace fairnote::cli {

int Command::usageError(CliIo &io, const QString &message) const
{
    io.err << u"fairnote-cli %1: %2\n"_s.arg(name(), message)
           << u"Try 'fairnote-cli %1 --help'.\n"_s.arg(name());
    io.err.flush();
    return ExitBadInput;
}

std::optional<int> Command::parse(const QStringList &args, const QStringList &valueOptions,
                                  const QStringList &flagOptions, CliIo &io, ParsedArgs &out, const QStringList &formats) const
{
    out = parseArgs(args, valueOptions, flagOptions);
    if (!out.error.isEmpty())
        return usageError(io, out.error);
    if (out.flags.contains(u"--help"_s)) {
        io.out << help();
        return ExitOk;
    }
    if (valueOptions.contains(u"--format"_s)) {
        if (out.values.contains(u"--format"_s) && !formats.contains(out.values.value(u"--format"_s).toLower())) {
            QStringList listed = formats;
            const QString last = listed.takeLast();
            return usageError(io, u"--format must be %1 or %2, not '%3'"_s.arg(listed.join(u", "_s), last, out.values.value(u"--format"_s)));
        }
    }
    return std::nullopt;
}

QStringList withLongOutput(const QStringList &args)
{
    QStringList out = args;
    for (QString &a : out)
        if (a == u"-o")
            a = u"--output"_s;
    return out;
}

ParsedArgs parseArgs(const QStringList &args, const QStringList &valueOptions, const QStringList &flagOptions)
{
    ParsedArgs p;
    bool onlyPositional = false;
    for (qsizetype i = 0; i < args.size(); ++i) {
        const QString &a = args[i];
        if (onlyPositional || a == u"-" || !a.startsWith(u'-')) {
            p.positional << a;
            continue;
        }
        if (a == u"--") {
            onlyPositional = true;
            continue;
        }
        QString key = a, value;
        const qsizetype eq = a.indexOf(u'=');
        const bool inlineValue = a.startsWith(u"--"_s) && eq > 0;
        if (inlineValue) {
            key = a.left(eq);
            value = a.mid(eq + 1);
        }
        if (key == u"-h")
            key = u"--help"_s;
        if (valueOptions.contains(key)) {
            if (!inlineValue) {
                if (i + 1 >= args.size()) {
                    p.error = u"option '%1' needs a value"_s.arg(key);
                    return p;
                }
                value = args[++i];
            }
            p.values.insert(key, value);
            p.all[key] << value;
        } else if (flagOptions.contains(key) || key == u"--help") {
            if (inlineValue) {
                p.error = u"option '%1' takes no value"_s.arg(key);
                return p;
            }
            p.flags << key;
        } else {
            p.error = u"unknown option '%1'"_s.arg(a);
            return p;
        }
    }
    return p;
}

std::vector<std::unique_ptr<Command>> allCommands()
{
    std::vector<std::unique_ptr<Command>> c;
    c.push_back(std::make_unique<CheckCommand>());
    c.push_back(std::make_unique<AssessCommand>());
    c.push_back(std::make_unique<RulesCommand>());
    c.push_back(std::make_unique<SchemaCommand>());
    c.push_back(std::make_unique<GuideCommand>());
    c.push_back(std::make_unique<ExerciseCommand>());
    c.push_back(std::make_unique<InitCommand>());
    c.push_back(std::make_unique<ImportCommand>());
    c.push_back(std::make_unique<ExportCommand>());
    c.push_back(std::make_unique<PeopleCommand>());
    c.push_back(std::make_unique<ListCommand>());
    c.push_back(std::make_unique<ShowCommand>());
    c.push_back(std::make_unique<SearchCommand>());
    c.push_back(std::make_unique<FinaliseCommand>());
    c.push_back(std::make_unique<AmendCommand>());
    c.push_back(std::make_unique<MarkInErrorCommand>());
    c.push_back(std::make_unique<VerifyCommand>());
    c.push_back(std::make_unique<BackupCommand>());
    c.push_back(std::make_unique<ReportCommand>());
    c.push_back(std::make_unique<DisclosureCommand>());
    c.push_back(std::make_unique<ReviewCommand>());
    c.push_back(std::make_unique<TrendsCommand>());
    c.push_back(std::make_unique<ServerCommand>());
    c.push_back(std::make_unique<DevGenerateCommand>());
    return c;
}

static QString topHelp(const std::vector<std::unique_ptr<Command>> &commands)
{
    QString s = u"Usage: fairnote-cli COMMAND [OPTIONS] [ARGS]\n\n"
                u"Fairnote checks case notes for vague, judgemental or stigmatising wording and\n"
                u"explains why, what to write instead, and which published guidance says so. It keeps\n"
                u"case files as trustworthy records: final entries never change, corrections are\n"
                u"amendments with a reason, and every change is in a tamper-evident audit trail.\n\n"
                u"Commands:\n"_s;
    for (const auto &c : commands)
        if (!c->name().startsWith(u"dev-")) // tools for developers are left out of the list
            s += u"  %1%2\n"_s.arg(c->name().leftJustified(14), c->summary());
    s += u"\nRun 'fairnote-cli COMMAND --help' for a command's options.\n"
         u"Exit status: 0 success (nothing found), 1 something found (findings, prompts,\n"
         u"problems in verify), 2 bad usage or bad input.\n"_s;
    return s;
}

int run(const QStringList &args, CliIo &io)
{
    const auto commands = allCommands();
    if (args.isEmpty()) {
        io.err << topHelp(commands);
        io.err.flush();
        return ExitBadInput;
    }
    const QString &first = args.front();
    // Whatever went to standard output must have gone out whole ("> /dev/full" is no success).
    const auto finish = [&io](const QString &what, int rc) {
        if (const auto failed = finishStandardOutput(io)) {
            if (rc != ExitBadInput) // a command that saw it has said so already
                io.err << u"fairnote-cli%1: error: %2\n"_s.arg(what.isEmpty() ? QString() : u' ' + what, failed->message());
            rc = ExitBadInput;
        }
        io.err.flush();
        return rc;
    };
    if (first == u"--help" || first == u"-h" || first == u"help") {
        io.out << topHelp(commands);
        return finish({}, ExitOk);
    }
    if (first == u"--version") {
        io.out << u"fairnote-cli " FAIRNOTE_VERSION "\n"_s;
        return finish({}, ExitOk);
    }
    for (const auto &c : commands) {
        if (c->name() == first) {
            return finish(first, c->execute(args.mid(1), io));
        }
    }
    io.err << u"fairnote-cli: unknown command '%1'\n\n"_s.arg(first) << topHelp(commands);
    io.err.flush();
    return ExitBadInput;
}

} // namespace fairnote::cli
