// SPDX-FileCopyrightText: 2026 Fairnote contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// fairnote-cli assess: reads a case file (docs/interchange.md), runs record::assess, prints the result.
#include "assesscommand.h"

#include "common.h"
#include "findingoutput.h"
#include "record/assess.h"
#include "record/interchange.h"
#include "store/snapshot.h"

#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLocale>

using namespace Qt::StringLiterals;

namespace fairnote::cli {

QString AssessCommand::name() const { return u"assess"_s; }
QString AssessCommand::summary() const { return u"prompt for what is missing or inconsistent in a case file"_s; }

QString AssessCommand::help() const
{
    return u"Usage: fairnote-cli assess [--format text|json] [--rules DIR] [--now DATETIME]\n"
           u"                           [--late-hours N] [--no-spelling] [--dictionary PATH]\n"
           u"                           [--words FILE] FILE.json | -\n\n"
           u"Reads a Fairnote case file (the interchange JSON of docs/interchange.md) and, for each\n"
           u"entry, prints the prompts for what is missing or inconsistent (no source, an outcome\n"
           u"not recorded, legal words the legal status does not support, a late entry without a\n"
           u"reason, …) and the wording and spelling findings of every narrative field (the names\n"
           u"in the case file are never flagged as misspelt). It also says how long it\n"
           u"has been since the most recent incident.\n\n"
           u"Options:\n"
           u"  --format text|json  text (default) or one JSON object (see docs/cli.md).\n"
           u"  --rules DIR         also load the organisation's rule pack in DIR (default: the\n"
           u"                      folder chosen in the app's settings, as for 'check').\n"
           u"  --now DATETIME      assess as of this UTC time (ISO 8601, e.g. 2026-01-31T12:00:00Z);\n"
           u"                      default: now. Used for late entries and time since an incident.\n"
           u"  --late-hours N      an entry written more than N hours after the event is late\n"
           u"                      (default 24).\n"
           u"  --no-spelling       leave spelling out.\n"
           u"  --dictionary PATH   the Hunspell dictionary (as for 'check').\n"
           u"  --words FILE        the organisation's word list (as for 'check').\n"
           u"  -h, --help          show this help.\n\n"
           u"Exit status: 0 no prompts or findings, 1 some, 2 bad usage or a file that is not a\n"
           u"valid case file (every problem is named by its JSON path).\n"_s;
}

int AssessCommand::execute(const QStringList &args, CliIo &io)
{
    ParsedArgs p;
    if (const auto done = parse(args, {u"--format"_s, u"--rules"_s, u"--now"_s, u"--late-hours"_s, u"--dictionary"_s, u"--words"_s}, {u"--no-spelling"_s}, io, p))
        return *done;
    const QString format = p.values.value(u"--format"_s, u"text"_s);
    if (p.positional.size() != 1)
        return usageError(io, u"give exactly one case file (FILE.json, or '-' for standard input)"_s);
    QDateTime now = QDateTime::currentDateTimeUtc();
    if (p.values.contains(u"--now"_s)) {
        now = QDateTime::fromString(p.values.value(u"--now"_s), Qt::ISODate);
        if (!now.isValid() || now.timeSpec() == Qt::LocalTime) // a time without a zone would depend on the computer
            return usageError(io, u"--now needs an ISO 8601 date and time with a zone, such as 2026-01-31T12:00:00Z"_s);
        now = now.toUTC();
    }
    record::AssessOptions options;
    if (p.values.contains(u"--late-hours"_s)) {
        bool ok = false;
        options.lateEntryHours = p.values.value(u"--late-hours"_s).toLongLong(&ok);
        if (!ok || options.lateEntryHours < 0)
            return usageError(io, u"--late-hours needs a whole number of hours"_s);
    }

    const QString path = p.positional.front();
    const QString shown = path == u"-" ? u"<stdin>"_s : path;
    QString error;
    const auto read = readInput(path, record::kMaxInterchangeBytes, u"one case file"_s, io, error);
    if (!read) {
        io.err << u"%1: error: %2\n"_s.arg(shown, error);
        return ExitBadInput;
    }
    const QByteArray &bytes = *read;
    const auto caseFile = record::readInterchange(bytes);
    if (!caseFile) {
        for (const auto &e : caseFile.error())
            io.err << u"%1: error: %2\n"_s.arg(shown, e.toString());
        io.err << u"%1: not read: nothing in it was assessed. Fix the problems above and try again.\n"_s.arg(shown);
        return ExitBadInput;
    }

    const std::shared_ptr<const wording::Checker> checker(loadChecker(rulesDirOf(p), io).release());
    if (!checker)
        return ExitBadInput;
    // The assessment the app makes (store::makeStandardAssessor), with this command's options.
    auto standard = store::makeStandardAssessor(checker);
    if (!standard) {
        io.err << u"fairnote-cli: "_s << standard.error() << u'\n';
        return ExitBadInput;
    }
    options.rules = standard->options.rules;
    options.textChecks = standard->options.textChecks;
    // Spelling is advisory: without a dictionary it is reported as unavailable and the rest goes on.
    std::unique_ptr<spelling::SpellChecker> speller = spellCheckerFor(p, io);
    const QStringList names = record::namesIn(*caseFile);
    if (speller)
        options.textChecks.push_back([&](QStringView text, std::vector<Finding> &out) { speller->check(text, 0, out, names); });

    const record::Assessment a = record::assess(*caseFile, now, options);

    // Group the prompts and findings by entry once (index -1: the case file itself).
    const size_t n = caseFile->entries.size();
    std::vector<std::vector<const record::Prompt *>> promptsOf(n + 1);
    std::vector<std::vector<const record::FieldFindings *>> findingsOf(n + 1);
    for (const auto &pr : a.prompts)
        promptsOf[size_t(pr.entry + 1)].push_back(&pr);
    for (const auto &ff : a.findings)
        findingsOf[size_t(ff.entry + 1)].push_back(&ff);
    auto promptJson = [](const record::Prompt &pr) {
        return QJsonObject{{u"field"_s, pr.field}, {u"code"_s, pr.code}, {u"severity"_s, severityId(pr.severity)},
                           {u"message"_s, pr.message}, {u"question"_s, pr.question}};
    };

    if (format == u"json") {
        QJsonArray entries;
        for (size_t i = 0; i < n; ++i) {
            const auto &e = caseFile->entries[i];
            QJsonArray prompts, findings;
            for (const auto *pr : promptsOf[i + 1])
                prompts.append(promptJson(*pr));
            for (const auto *ff : findingsOf[i + 1])
                for (const QJsonValue &o : findingsJson(ff->text, ff->findings, QJsonObject{{u"field"_s, ff->field}}))
                    findings.append(o);
            entries.append(QJsonObject{{u"id"_s, e.id}, {u"kind"_s, e.isIncident() ? u"incident"_s : u"note"_s},
                                       {u"prompts"_s, prompts}, {u"findings"_s, findings}});
        }
        QJsonArray filePrompts;
        for (const auto *pr : promptsOf[0])
            filePrompts.append(promptJson(*pr));
        QJsonValue since;
        if (a.sinceLastIncident)
            since = QJsonObject{{u"entry"_s, a.sinceLastIncident->entryId}, {u"days"_s, a.sinceLastIncident->days},
                                {u"text"_s, a.sinceLastIncident->text}};
        const QJsonObject root{{u"version"_s, 1}, {u"path"_s, path}, {u"now"_s, now.toString(Qt::ISODate)},
                               {u"person"_s, QJsonObject{{u"id"_s, caseFile->person.id}, {u"name"_s, caseFile->person.name}}},
                               {u"prompts"_s, filePrompts}, {u"entries"_s, entries},
                               {u"time_since_last_incident"_s, since}};
        io.out << QString::fromUtf8(QJsonDocument(root).toJson(QJsonDocument::Compact)) << u'\n';
        return a.empty() ? ExitOk : ExitFound;
    }

    const QLocale uk(QLocale::English, QLocale::UnitedKingdom);
    auto printPrompt = [&](const record::Prompt &pr) {
        io.out << u"  %1: %2: %3 [%4]\n      ask: %5\n"_s.arg(pr.field, severityId(pr.severity), pr.message, pr.code, pr.question);
    };
    for (const auto *pr : promptsOf[0])
        printPrompt(*pr);
    for (size_t i = 0; i < n; ++i) {
        const auto &e = caseFile->entries[i];
        io.out << u"%1: entry %2 (%3; %4; written %5 by %6)\n"_s.arg(shown, e.id, e.isIncident() ? u"incident"_s : u"note"_s,
                                                                  e.eventDate.display(),
                                                                  uk.toString(e.writtenAt.toUTC(), u"d MMMM yyyy HH:mm 'UTC'"_s),
                                                                  e.author.name.isEmpty() ? u"an unknown author"_s : e.author.name);
        for (const auto *pr : promptsOf[i + 1])
            printPrompt(*pr);
        for (const auto *ff : findingsOf[i + 1])
            printFindingsText(io.out, ff->field, ff->text, ff->findings, u"  "_s);
        if (promptsOf[i + 1].empty() && findingsOf[i + 1].empty())
            io.out << u"  nothing to add: every field is answered and consistent.\n"_s;
    }
    if (a.sinceLastIncident)
        io.out << u"Most recent incident: %1 ago (entry %2).\n"_s.arg(a.sinceLastIncident->text, a.sinceLastIncident->entryId);
    io.out << u"%1 prompt%2 and %3 finding%4.\n"_s.arg(a.prompts.size()).arg(a.prompts.size() == 1 ? u""_s : u"s"_s)
                  .arg(a.findingCount()).arg(a.findingCount() == 1 ? u""_s : u"s"_s);
    return a.empty() ? ExitOk : ExitFound;
}

} // namespace fairnote::cli
