// SPDX-FileCopyrightText: 2026 Fairnote contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// fairnote-cli rules: list the rules, show one in full, validate an organisation's pack.
#include "rulescommand.h"

#include "common.h"
#include "wording/rulepack.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

using namespace Qt::StringLiterals;

namespace fairnote::cli {

namespace {

QJsonObject ruleJson(const wording::Rule &r)
{
    const QStringList skip = wording::contextIds(r.skipWhen);
    QJsonObject senses;
    if (!r.otherSenses.isEmpty())
        senses = QJsonObject{{u"subjects"_s, QJsonArray::fromStringList(r.otherSenses.subjects)},
                             {u"before"_s, QJsonArray::fromStringList(r.otherSenses.before)},
                             {u"after"_s, QJsonArray::fromStringList(r.otherSenses.after)},
                             {u"window"_s, r.otherSenses.window}};
    return QJsonObject{
        {u"id"_s, r.id},
        {u"category"_s, categoryId(r.category)},
        {u"severity"_s, severityId(r.severity)},
        {u"patterns"_s, QJsonArray::fromStringList(r.patterns)},
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
    };
}

} // namespace

QString RulesCommand::name() const { return u"rules"_s; }
QString RulesCommand::summary() const { return u"list, show or validate wording rules"_s; }

QString RulesCommand::help() const
{
    return u"Usage: fairnote-cli rules list [--format text|json] [--rules DIR]\n"
           u"       fairnote-cli rules show ID [--format text|json] [--rules DIR]\n"
           u"       fairnote-cli rules validate DIR\n\n"
           u"  list      every rule in force: id, severity, category and message.\n"
           u"  show ID   one rule in full: patterns, exceptions, why, alternatives, question, source.\n"
           u"  validate  check an organisation's rule pack directory together with the built-in\n"
           u"            pack; every problem is reported as file:line:column: error: message.\n\n"
           u"Options:\n"
           u"  --format text|json  output format (default text).\n"
           u"  --rules DIR         include the organisation's rule pack in DIR.\n"
           u"  -h, --help          show this help.\n\n"
           u"Exit status: 0 success, 1 'show' found no such rule, 2 bad usage or a broken pack.\n"_s;
}

int RulesCommand::execute(const QStringList &args, CliIo &io)
{
    ParsedArgs p;
    if (const auto done = parse(args, {u"--format"_s, u"--rules"_s}, {}, io, p))
        return *done;
    const QString format = p.values.value(u"--format"_s, u"text"_s);
    if (p.positional.isEmpty())
        return usageError(io, u"say what to do: list, show ID or validate DIR"_s);
    const QString sub = p.positional.front();

    if (sub == u"validate") {
        if (p.positional.size() != 2)
            return usageError(io, u"validate needs exactly one DIR"_s);
        auto pack = wording::loadRulePack(p.positional[1]);
        if (!pack) {
            for (const auto &problem : pack.error())
                io.err << problem.toString() << u'\n';
            io.err << (pack.error().size() == 1 ? u"1 problem found.\n"_s : u"%1 problems found.\n"_s.arg(pack.error().size()));
            return ExitBadInput;
        }
        io.out << u"%1: valid; %2 rules in force with the built-in pack.\n"_s.arg(p.positional[1], QString::number(pack->rules.size()));
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
        shown += u"Source: %1\n\nPatterns: %2\n"_s.arg(r->sourceText, r->patterns.join(u", "_s));
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
        shown += u"Defined in: %1:%2\n"_s.arg(r->file, QString::number(r->line));
        io.out << shown;
        return ExitOk;
    }
    return usageError(io, u"unknown action '%1': use list, show ID or validate DIR"_s.arg(sub));
}

} // namespace fairnote::cli
