// SPDX-FileCopyrightText: 2026 Fairnote contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// fairnote-cli rules: list the rules, show one in full, validate an organisation's pack.
#include "rulescommand.h"

#include "common.h"
#include "wording/examplecheck.h"
#include "wording/packbundle.h"
#include "wording/packdiff.h"
#include "wording/rulepack.h"

#include <QFileInfo>
#include <QTemporaryDir>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

using namespace Qt::StringLiterals;

namespace fairnote::cli {

namespace {

// The most a shared rule pack (rules export) may hold: the built-in pack is well under 2 MB.
constexpr qint64 kMaxPackBundleBytes = 64 * 1024 * 1024;

QJsonObject ruleJson(const wording::Rule &r)
{
    const QStringList skip = wording::contextIds(r.skipWhen);
    QJsonObject senses;
    if (!r.otherSenses.isEmpty())
        senses = QJsonObject{{u"subjects"_s, QJsonArray::fromStringList(r.otherSenses.subjects)},
                             {u"before"_s, QJsonArray::fromStringList(r.otherSenses.before)},
                             {u"after"_s, QJsonArray::fromStringList(r.otherSenses.after)},
                             {u"window"_s, r.otherSenses.window}};
    QJsonArray flag, leave, rewrite;
    for (const auto &e : r.examples.flag)
        flag.append(e.written);
    for (const auto &e : r.examples.leave)
        leave.append(e.text);
    for (const auto &e : r.examples.rewrite)
        rewrite.append(QJsonObject{{u"before"_s, e.before}, {u"after"_s, e.after}});
    QJsonObject rule{
        {u"id"_s, r.id},
        {u"category"_s, categoryId(r.category)},
        {u"severity"_s, severityId(r.severity)},
        {u"patterns"_s, QJsonArray::fromStringList(r.patterns)},
        {u"detector"_s, r.detector == wording::Detector::None ? QJsonValue() : QJsonValue(wording::detectorId(r.detector))},
        {u"exceptions"_s, QJsonArray::fromStringList(r.exceptions)},
        {u"skip_when"_s, QJsonArray::fromStringList(skip)},
        {u"other_senses"_s, senses.isEmpty() ? QJsonValue() : QJsonValue(senses)},
        {u"match_case"_s, r.matchCase},
        {u"message"_s, r.message},
        {u"why"_s, r.why},
        {u"alternatives"_s, QJsonArray::fromStringList(r.alternatives)},
        {u"question"_s, r.question},
        {u"source"_s, QJsonObject{{u"title"_s, r.source.title}, {u"publisher"_s, r.source.publisher},
                                  {u"year"_s, r.source.year > 0 ? QJsonValue(r.source.year) : QJsonValue()},
                                  {u"url"_s, r.source.url}}},
        {u"examples"_s, QJsonObject{{u"flag"_s, flag}, {u"leave"_s, leave}, {u"rewrite"_s, rewrite}}},
    };
    if (!r.reason.isEmpty())
        rule.insert(u"reason"_s, r.reason);
    return rule;
}

// A pack to compare: a directory, or a bundle file (unpacked into `temp`).
std::optional<wording::PackDirectory> readComparable(const QString &path, QTemporaryDir &temp, CliIo &io)
{
    QString dir = path;
    if (QFileInfo(path).isFile()) {
        QString error;
        const auto bytes = readInput(path, kMaxPackBundleBytes, u"a shared rule pack"_s, io, error);
        if (!bytes) {
            io.err << u"%1: error: %2\n"_s.arg(path, error);
            return std::nullopt;
        }
        auto unpacked = wording::readBundleInto(*bytes, path, temp.path());
        if (!unpacked) {
            for (const auto &problem : unpacked.error())
                io.err << problem.toString() << u'\n';
            return std::nullopt;
        }
        dir = *unpacked;
    }
    auto pack = wording::readPackDirectory(dir);
    if (!pack) {
        for (const auto &problem : pack.error())
            io.err << problem.toString() << u'\n';
        return std::nullopt;
    }
    return std::move(*pack);
}

void printProblems(const wording::PackProblems &problems, CliIo &io)
{
    for (const auto &problem : problems)
        io.err << problem.toString() << u'\n';
    io.err << (problems.size() == 1 ? u"1 problem found.\n"_s : u"%1 problems found.\n"_s.arg(problems.size()));
}

} // namespace

QString RulesCommand::name() const { return u"rules"_s; }
QString RulesCommand::summary() const { return u"list, show, validate, compare or exchange wording rules"_s; }

QString RulesCommand::help() const
{
    return u"Usage: fairnote-cli rules list [--format text|json] [--rules DIR]\n"
           u"       fairnote-cli rules show ID [--format text|json] [--rules DIR]\n"
           u"       fairnote-cli rules validate [DIR]\n"
           u"       fairnote-cli rules diff OLD NEW [--format text|json]\n"
           u"       fairnote-cli rules export DIR -o FILE\n"
           u"       fairnote-cli rules import FILE DIR\n\n"
           u"  list      every rule in force: id, severity, category and message.\n"
           u"  show ID   one rule in full: patterns, exceptions, why, alternatives, question,\n"
           u"            source and examples.\n"
           u"  validate  check an organisation's rule pack directory together with the built-in\n"
           u"            pack, and run every rule's examples as tests; without DIR, the built-in\n"
           u"            pack alone. Every problem is reported as file:line: error: message.\n"
           u"  diff      what changed from pack OLD to pack NEW (directories or exported\n"
           u"            files), in words.\n"
           u"  export    the pack in DIR as one file (FILE.fairnote-rules) to give to another\n"
           u"            organisation.\n"
           u"  import    an exported pack into the new folder DIR (checked before it is written).\n\n"
           u"Options:\n"
           u"  --format text|json  output format (default text).\n"
           u"  --rules DIR         include the organisation's rule pack in DIR.\n"
           u"  -o, --output FILE   where export writes the pack.\n"
           u"  -h, --help          show this help.\n\n"
           u"Exit status: 0 success (for diff: the packs are the same), 1 'show' found no such\n"
           u"rule or 'diff' found changes, 2 bad usage, a broken pack or an example that fails.\n"_s;
}

int RulesCommand::execute(const QStringList &args, CliIo &io)
{
    ParsedArgs p;
    if (const auto done = parse(withLongOutput(args), {u"--format"_s, u"--rules"_s, u"--output"_s}, {}, io, p))
        return *done;
    const QString format = p.values.value(u"--format"_s, u"text"_s);
    if (p.positional.isEmpty())
        return usageError(io, u"say what to do: list, show ID, validate [DIR], diff OLD NEW, export DIR or import FILE DIR"_s);
    const QString sub = p.positional.front();

    if (sub == u"validate") {
        if (p.positional.size() > 2)
            return usageError(io, u"validate takes at most one DIR"_s);
        const QString dir = p.positional.value(1);
        auto pack = wording::loadRulePack(dir);
        if (!pack) {
            printProblems(pack.error(), io);
            return ExitBadInput;
        }
        const wording::Checker checker(std::move(*pack));
        wording::ValidationOptions options;
        // An organisation answers for its own rules; the built-in rules' examples are still run with its pack.
        options.builtInRulesNeedExamples = dir.isEmpty();
        const wording::PackProblems problems = wording::validatePack(checker, options);
        if (!problems.empty()) {
            printProblems(problems, io);
            return ExitBadInput;
        }
        int examples = 0;
        for (const auto &r : checker.pack().rules)
            examples += int(r.examples.flag.size() + r.examples.leave.size() + r.examples.rewrite.size());
        io.out << u"%1: valid; %2 rules in force%3, %4 examples behave as written.\n"_s.arg(
            dir.isEmpty() ? u"the built-in pack"_s : dir, QString::number(checker.pack().rules.size()),
            dir.isEmpty() ? QString() : u" with the built-in pack"_s, QString::number(examples));
        return ExitOk;
    }
    if (sub == u"diff") {
        if (p.positional.size() != 3)
            return usageError(io, u"diff needs OLD and NEW (pack folders or exported pack files)"_s);
        QTemporaryDir oldTemp, newTemp;
        const auto before = readComparable(p.positional[1], oldTemp, io);
        const auto after = readComparable(p.positional[2], newTemp, io);
        if (!before || !after)
            return ExitBadInput;
        const auto changes = wording::diffPacks(*before, *after);
        if (format == u"json") {
            static const char *kinds[] = {"pack", "added", "removed", "changed", "turned-off", "turned-on", "language"};
            QJsonArray arr;
            for (const auto &c : changes)
                arr.append(QJsonObject{{u"kind"_s, QString::fromLatin1(kinds[c.kind])}, {u"rule"_s, c.ruleId},
                                       {u"summary"_s, c.summary}, {u"details"_s, QJsonArray::fromStringList(c.details)}});
            io.out << QString::fromUtf8(QJsonDocument(QJsonObject{{u"version"_s, 1}, {u"changes"_s, arr}}).toJson(QJsonDocument::Compact))
                   << u'\n';
        } else if (changes.empty()) {
            io.out << u"The two packs are the same.\n"_s;
        } else {
            for (const QString &line : wording::describeChanges(changes))
                io.out << line << u'\n';
        }
        return changes.empty() ? ExitOk : ExitFound;
    }
    if (sub == u"export") {
        if (p.positional.size() != 2)
            return usageError(io, u"export needs exactly one DIR"_s);
        const QString out = p.values.value(u"--output"_s);
        if (out.isEmpty())
            return usageError(io, u"say where to write the pack: -o FILE.fairnote-rules"_s);
        auto bundle = wording::bundlePack(p.positional[1]);
        if (!bundle) {
            printProblems(bundle.error(), io);
            return ExitBadInput;
        }
        if (!writeOutput(io, u"rules export"_s, out, *bundle))
            return ExitBadInput;
        io.out << u"Wrote %1: the pack in %2, as one file to share.\n"_s.arg(out, p.positional[1]);
        return ExitOk;
    }
    if (sub == u"import") {
        if (p.positional.size() != 3)
            return usageError(io, u"import needs FILE and a new folder DIR"_s);
        // Bounded while it is read (core/io): a shared pack is a few hundred kilobytes.
        QString error;
        const auto bytes = readInput(p.positional[1], kMaxPackBundleBytes, u"a shared rule pack"_s, io, error);
        if (!bytes) {
            io.err << u"%1: error: %2\n"_s.arg(p.positional[1], error);
            return ExitBadInput;
        }
        auto files = wording::unbundlePack(*bytes, p.positional[1], p.positional[2]);
        if (!files) {
            printProblems(files.error(), io);
            io.err << u"Nothing was imported.\n"_s;
            return ExitBadInput;
        }
        io.out << u"Imported %1 into %2 (%3). Use it with --rules %2, or choose the folder in Settings › Organisation rules.\n"_s.arg(
            p.positional[1], p.positional[2], files->join(u", "_s));
        return ExitOk;
    }

    const auto checker = loadChecker(p.values.value(u"--rules"_s), io);
    if (!checker)
        return ExitBadInput;
    const wording::RulePack &pack = checker->pack();

    if (sub == u"list") {
        if (p.positional.size() != 1)
            return usageError(io, u"list takes no arguments"_s);
        if (format == u"json") {
            QJsonArray arr;
            for (const auto &r : pack.rules)
                arr.append(ruleJson(r));
            io.out << QString::fromUtf8(QJsonDocument(QJsonObject{{u"version"_s, 1}, {u"rules"_s, arr}}).toJson(QJsonDocument::Compact))
                   << u'\n';
        } else {
            for (const auto &r : pack.rules)
                io.out << u"%1  %2  %3  %4\n"_s.arg(r.id.leftJustified(34), severityId(r.severity).leftJustified(7),
                                                    categoryId(r.category).leftJustified(18), r.message);
            io.out << u"%1 rules.\n"_s.arg(pack.rules.size());
        }
        return ExitOk;
    }
    if (sub == u"show") {
        if (p.positional.size() != 2)
            return usageError(io, u"show needs exactly one rule ID"_s);
        const wording::Rule *r = pack.find(p.positional[1]);
        if (!r) {
            io.err << u"fairnote-cli rules: no rule with id '%1'; 'fairnote-cli rules list' shows them all.\n"_s.arg(p.positional[1]);
            return ExitFound;
        }
        if (format == u"json") {
            io.out << QString::fromUtf8(QJsonDocument(ruleJson(*r)).toJson(QJsonDocument::Indented));
            return ExitOk;
        }
        QString shown = u"%1 (%2, %3)\n  %4\n\nWhy: %5\n"_s.arg(r->id, severityId(r->severity), categoryTitle(r->category),
                                                                    r->message, r->why);
        if (!r->alternatives.isEmpty())
            shown += u"Instead: %1\n"_s.arg(r->alternatives.join(u"; "_s));
        if (!r->question.isEmpty())
            shown += u"Ask: %1\n"_s.arg(r->question);
        shown += u"Source: %1\n\n"_s.arg(r->sourceText);
        if (r->detector != wording::Detector::None)
            shown += u"Detector: %1 (see docs/rule-pack.md, \"Detectors\")\n"_s.arg(wording::detectorId(r->detector));
        else
            shown += u"Patterns: %1\n"_s.arg(r->patterns.join(u", "_s));
        if (!r->exceptions.isEmpty())
            shown += u"Exceptions: %1\n"_s.arg(r->exceptions.join(u", "_s));
        shown += u"Left alone when: %1\n"_s.arg(wording::contextIds(r->skipWhen).join(u", "_s));
        const auto &senses = r->otherSenses;
        if (!senses.subjects.isEmpty())
            shown += u"Another sense when its subject is: %1\n"_s.arg(senses.subjects.join(u", "_s));
        if (!senses.before.isEmpty())
            shown += u"Another sense when, up to %1 words before: %2\n"_s.arg(senses.window).arg(senses.before.join(u", "_s));
        if (!senses.after.isEmpty())
            shown += u"Another sense when, up to %1 words after: %2\n"_s.arg(senses.window).arg(senses.after.join(u", "_s));
        for (const auto &e : r->examples.flag)
            shown += u"Flags: %1\n"_s.arg(e.written);
        for (const auto &e : r->examples.leave)
            shown += u"Leaves alone: %1\n"_s.arg(e.text);
        for (const auto &e : r->examples.rewrite)
            shown += u"Before: %1\nAfter: %2\n"_s.arg(e.before, e.after);
        if (!r->reason.isEmpty())
            shown += u"Changed by the organisation because: %1\n"_s.arg(r->reason);
        shown += u"Defined in: %1:%2\n"_s.arg(r->file, QString::number(r->line));
        io.out << shown;
        return ExitOk;
    }
    return usageError(io, u"unknown action '%1': use list, show ID, validate [DIR], diff OLD NEW, export DIR or import FILE DIR"_s.arg(sub));
}

} // namespace fairnote::cli
