// SPDX-FileCopyrightText: 2026 Fairnote contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// Commands that change records: import, export (audited), finalise, amend, mark-in-error.
#include "storecommands.h"

#include "common.h"
#include "io/atomicfile.h"
#include "record/interchange.h"
#include "report/deliver.h"
#include "store/permissions.h"
#include "store/snapshot.h"

#include <QFile>
#include <QFileInfo>
#include <QLocale>

using namespace Qt::StringLiterals;

namespace fairnote::cli {

namespace {

// Reads one case file ("-": standard input), at most record::kMaxInterchangeBytes. On failure prints
// "PATH: error: …" and returns nothing.
std::optional<QByteArray> readJsonInput(const QString &path, CliIo &io)
{
    QString error;
    auto bytes = readInput(path, record::kMaxInterchangeBytes, u"one case file"_s, io, error);
    if (!bytes)
        io.err << u"%1: error: %2\n"_s.arg(path == u"-" ? u"<stdin>"_s : path, error);
    return bytes;
}

void printInterchangeErrors(CliIo &io, const QString &path, const record::InterchangeErrors &errors, const QString &what)
{
    const QString shown = path == u"-" ? u"<stdin>"_s : path;
    for (const auto &e : errors)
        io.err << u"%1: error: %2\n"_s.arg(shown, e.toString());
    io.err << u"%1: %2 Fix the problems above and try again.\n"_s.arg(shown, what);
}

QString when(const QDateTime &t)
{
    return QLocale(QLocale::English, QLocale::UnitedKingdom).toString(t.toUTC(), u"d MMMM yyyy, HH:mm 'UTC'"_s);
}

QString reasonHelp()
{
    return u"  --leave CODE=REASON finalise with every prompt of that code left open, for this reason\n"
           u"                      (for example --leave no-source=\"Asking the police for the report\").\n"
           u"                      Can be given more than once.\n"
           u"  --leave-all REASON  the reason for every other prompt left open.\n"_s;
}

} // namespace

// ---- import ---------------------------------------------------------------------------------------

QString ImportCommand::name() const { return u"import"_s; }
QString ImportCommand::summary() const { return u"add case files (interchange JSON) to the case file: all or nothing"_s; }
QString ImportCommand::help() const
{
    return u"Usage: fairnote-cli import [--db FILE] [--author \"NAME (ROLE)\"] [--as-drafts]\n"
           u"                           [--rules DIR] [--no-spelling] FILE.json | -\n\n"
           u"Adds the people and entries of FILE (a case file in the interchange format of\n"
           u"docs/interchange.md, or an export of several) to the case file. The whole file is\n"
           u"checked first; if anything is wrong, or an entry id is already in the case file,\n"
           u"nothing is added. Imported entries are final, with the author and time of writing\n"
           u"given in FILE; who imported them is in the audit trail, and the prompts still open\n"
           u"are kept with the note that they were written before they came into Fairnote.\n\n"
           u"Options:\n"_s
        + storeOptionsHelp()
        + u"  --as-drafts         import the entries as your drafts instead, to check and finalise.\n"_s
        + assessOptionsHelp()
        + u"  -h, --help          show this help.\n\n"
          u"Exit status: 0 imported, 2 bad usage, a bad file or a case file that cannot be changed.\n"_s;
}

int ImportCommand::execute(const QStringList &args, CliIo &io)
{
    ParsedArgs p;
    if (const auto done = parse(args, storeValueOptions() + assessValueOptions(), assessFlagOptions() << u"--as-drafts"_s, io, p))
        return *done;
    if (p.positional.size() != 1)
        return usageError(io, u"give exactly one file to import (FILE.json, or '-' for standard input)"_s);
    const QString path = p.positional.front();
    const QString shown = path == u"-" ? u"<stdin>"_s : path;
    // The case file first: a large file takes a while to read, and a case file that cannot be changed
    // should be said before that, not after.
    const auto actor = author(p, io);
    if (!actor)
        return ExitBadInput;
    auto s = open(p, io, Access::Write);
    if (!s || !useAssessor(*s, p, io))
        return ExitBadInput;
    // Read as it comes, never held whole: an export of a whole case file can be hundreds of megabytes.
    QString error;
    auto input = openInput(path, record::kMaxCaseFilesBytes, u"a whole-file export"_s, io, error);
    if (!input) {
        io.err << u"%1: error: %2\n"_s.arg(shown, error);
        return ExitBadInput;
    }
    decltype(record::readCaseFiles(*input)) caseFiles = record::InterchangeErrors{};
    {
        Progress reading(io, u"Reading"_s, input->size());
        caseFiles = record::readCaseFiles(*input, [&](qint64 done) { reading.update(done); });
    }
    if (!caseFiles) {
        const auto &errors = caseFiles.error();
        if (errors.size() == 1 && errors.front().io) {
            io.err << u"%1: error: %2. Nothing in it was imported.\n"_s.arg(shown, errors.front().io->message());
            return ExitBadInput;
        }
        printInterchangeErrors(io, path, errors, u"not imported: nothing in it was added."_s);
        return ExitBadInput;
    }
    qint64 total = 0;
    for (const auto &cf : *caseFiles)
        total += qint64(cf.entries.size());
    Progress bar(io, u"Importing"_s, total);
    store::ImportOptions options;
    options.asDrafts = p.flags.contains(u"--as-drafts"_s);
    options.sourceName = path == u"-" ? u"standard input"_s : QFileInfo(path).fileName();
    auto ids = s->importCaseFiles(*caseFiles, *actor, options, [&](qint64 done, qint64) { bar.update(done); return true; });
    if (!ids)
        return fail(io, ids.error());
    size_t at = 0;
    for (const auto &cf : *caseFiles) {
        // The import is committed: a read failing now (a transient I/O error) only leaves the id out of
        // the message, never the program's exit status in doubt.
        QString personId = cf.person.id;
        if (at < ids->size())
            if (auto e = s->entry(ids->at(at)))
                personId = e->summary.personId;
        io.out << u"Imported %1 %2 for %3 (%4) into %5%6.\n"_s
                      .arg(cf.entries.size())
                      .arg(cf.entries.size() == 1 ? u"entry"_s : u"entries"_s, cf.person.name,
                           personId.isEmpty() ? u"no entries"_s : personId, s->location(),
                           options.asDrafts ? u" as your drafts"_s : QString());
        at += cf.entries.size();
    }
    return ExitOk;
}

// ---- export ---------------------------------------------------------------------------------------

QString ExportCommand::name() const { return u"export"_s; }
QString ExportCommand::summary() const { return u"write people's entries as interchange JSON (recorded in the audit trail)"_s; }
QString ExportCommand::help() const
{
    return u"Usage: fairnote-cli export [--db FILE] [--author \"NAME (ROLE)\"] [--person ID|NAME]\n"
           u"                           [--include-in-error] [--format json] [-o FILE]\n\n"
           u"Writes the latest final revision of each entry in the interchange format of\n"
           u"docs/interchange.md: one person's case file with --person, else every person's in\n"
           u"one document (format \"fairnote-case-files\"). Drafts are never exported; entries\n"
           u"marked in error only with --include-in-error. Each export is recorded in the audit\n"
           u"trail with who made it and where it went. 'fairnote-cli import' reads the result.\n\n"
           u"Options:\n"_s
        + storeOptionsHelp()
        + u"  --person ID|NAME    one person, by id or exact name.\n"
          u"  --include-in-error  also export entries marked in error.\n"
          u"  --format json       the only format (the default).\n"
          u"  -o, --output FILE   write to FILE (replaced as a whole) instead of standard output.\n"
          u"  -h, --help          show this help.\n\n"
          u"Exit status: 0 exported, 2 bad usage or a case file that cannot be read.\n"_s;
}

int ExportCommand::execute(const QStringList &args, CliIo &io)
{
    const QStringList normalised = withLongOutput(args);
    ParsedArgs p;
    if (const auto done = parse(normalised, storeValueOptions() << u"--person"_s << u"--format"_s << u"--output"_s,
                                {u"--include-in-error"_s}, io, p))
        return *done;
    if (p.values.value(u"--format"_s, u"json"_s) != u"json")
        return usageError(io, u"export writes JSON only (--format json)"_s);
    if (!p.positional.isEmpty())
        return usageError(io, u"unexpected argument '%1'"_s.arg(p.positional.front()));
    const auto actor = author(p, io);
    if (!actor)
        return ExitBadInput;
    auto s = open(p, io, Access::Write);
    if (!s)
        return ExitBadInput;
    const bool inError = p.flags.contains(u"--include-in-error"_s);
    QStringList personIds;
    if (p.values.contains(u"--person"_s)) {
        const auto id = personId(*s, p.values.value(u"--person"_s), io);
        if (!id)
            return ExitBadInput;
        personIds << *id;
    } else {
        auto people = s->people(*actor);
        if (!people)
            return fail(io, people.error());
        for (const auto &person : *people)
            personIds << person.person.id;
    }
    // A whole-file export is made one case file at a time (record::writeCaseFiles), so it never holds
    // every case file at once; what was exported is kept for the audit rows.
    struct Exported { QString personId; qint64 entries; };
    std::vector<Exported> exported;
    std::optional<store::StoreError> loadError;
    qsizetype at = 0;
    const auto next = [&]() -> std::optional<record::CaseFile> {
        if (at >= personIds.size() || loadError)
            return std::nullopt;
        auto cf = s->caseFile(personIds[at++], inError);
        if (!cf) {
            loadError = cf.error();
            return std::nullopt;
        }
        exported.push_back({cf->person.id, qint64(cf->entries.size())});
        return std::move(*cf);
    };
    const QString tooLarge = u"the export would be more than %1, which 'fairnote-cli import' cannot read back; export the "
                             u"people one at a time with --person. Nothing was exported."_s.arg(io::sizeText(record::kMaxCaseFilesBytes));
    // Writes the document to `sink`; returns the problem that stopped it, if it was not the sink.
    const auto writeDocument = [&](const std::function<bool(QByteArrayView)> &sink) -> std::optional<QString> {
        exported.clear();
        at = 0;
        qint64 written = 0;
        bool over = false;
        const auto counted = [&](QByteArrayView bytes) {
            written += bytes.size();
            over = written > record::kMaxCaseFilesBytes;
            return !over && sink(bytes);
        };
        if (p.values.contains(u"--person"_s)) {
            if (auto cf = next(); cf && !loadError)
                counted(record::writeInterchange(*cf));
        } else {
            record::writeCaseFiles(next, counted);
        }
        if (loadError)
            return loadError->message + u" Nothing was exported."_s;
        if (over)
            return tooLarge;
        return std::nullopt;
    };
    const QString output = p.values.value(u"--output"_s);
    // One audit row per person, written only once the bytes are safe (report::saveRecorded); an export
    // that then fails to arrive is recorded as failed.
    const report::RecordExport record = [&](const QString &destination) -> store::StoreResult<std::vector<report::RecordedRow>> {
        std::vector<report::RecordedRow> rows;
        for (const Exported &e : exported) {
            auto logged = s->logEvent(*actor, u"export"_s, e.personId, {},
                                      QJsonObject{{u"format"_s, u"interchange-json"_s},
                                                  {u"destination"_s, destination},
                                                  {u"entries"_s, e.entries},
                                                  {u"include_in_error"_s, inError}});
            if (!logged)
                return logged.error();
            rows.push_back({*logged, e.personId});
        }
        return rows;
    };
    std::optional<QString> problem;
    if (output.isEmpty()) {
        // Standard output cannot be called back, so the document is made first and recorded before it is sent.
        QByteArray json;
        problem = writeDocument([&](QByteArrayView bytes) {
            json.append(bytes);
            return true;
        });
        if (!problem)
            problem = report::sendRecorded(*s, *actor, [&] { return writeToStandardOutput(io, json); }, u"standard output"_s, record);
    } else {
        problem = report::saveRecorded(*s, *actor, [&](io::AtomicFile &file) {
            return writeDocument([&](QByteArrayView bytes) { return !file.write(bytes); });
        }, output, record);
    }
    if (problem)
        return fail(io, *problem);
    if (!output.isEmpty())
        io.err << u"Exported %1 %2 to %3.\n"_s.arg(exported.size()).arg(exported.size() == 1 ? u"case file"_s : u"case files"_s, output);
    return ExitOk;
}

// ---- finalise -------------------------------------------------------------------------------------

QString FinaliseCommand::name() const { return u"finalise"_s; }
QString FinaliseCommand::summary() const { return u"make a draft final (then it can only be amended)"_s; }
QString FinaliseCommand::help() const
{
    return u"Usage: fairnote-cli finalise [--db FILE] [--author \"NAME (ROLE)\"] [--leave CODE=REASON]...\n"
           u"                             [--leave-all REASON] [--reason TEXT] ENTRY\n\n"
           u"Finalises your draft of ENTRY (an id, or the start of one): it is assessed as the app\n"
           u"assesses it, and kept with that assessment, your name and the time. A final entry is\n"
           u"never changed again; corrections are amendments. Prompts still open (no source, no\n"
           u"outcome, …) stop it unless you give a reason for leaving each; the wording and spelling\n"
           u"findings are kept with it. A draft of an amendment needs --reason.\n\n"
           u"Options:\n"_s
        + storeOptionsHelp() + reasonHelp()
        + u"  --reason TEXT       for an amendment drafted in the app: why it was amended.\n"_s
        + assessOptionsHelp()
        + u"  -h, --help          show this help.\n\n"
          u"Exit status: 0 finalised, 1 not finalised because prompts are open, 2 bad usage or a\n"
          u"draft that cannot be finalised (not yours, already final, …).\n"_s;
}

int FinaliseCommand::execute(const QStringList &args, CliIo &io)
{
    ParsedArgs p;
    if (const auto done = parse(args, storeValueOptions() + assessValueOptions() << u"--leave"_s << u"--leave-all"_s << u"--reason"_s,
                                assessFlagOptions(), io, p))
        return *done;
    if (p.positional.size() != 1)
        return usageError(io, u"give the id of one entry"_s);
    const auto actor = author(p, io);
    if (!actor)
        return ExitBadInput;
    auto s = open(p, io, Access::Write);
    if (!s || !useAssessor(*s, p, io))
        return ExitBadInput;
    auto detail = s->entry(p.positional.front());
    if (!detail)
        return fail(io, detail.error());
    // The entry rules say whether it can be finalised, in the words the store and the app use.
    if (auto no = store::permissionsFor(*detail, *actor).refusal(store::EntryAction::Finalise))
        return fail(io, *no);
    if (!detail->draft) // allowed means there is a draft of theirs to finalise
        return fail(io, u"the draft of entry %1 could not be read; try again."_s.arg(detail->summary.id));
    auto person = s->person(detail->summary.personId);
    if (!person)
        return fail(io, person.error());
    record::Entry preview = detail->draft->entry;
    if (detail->draft->baseRevision == 0) {
        preview.writtenAt = QDateTime::currentDateTimeUtc();
        preview.author = *actor;
    }
    const store::Snapshot snap = m_assessor(*person, preview);
    const auto reasons = leftReasons(p, snap);
    if (const auto open = store::unanswered(snap, reasons); !open.empty()) {
        printOpenPrompts(io, open, detail->summary.id);
        return ExitFound;
    }
    auto r = s->finalise(detail->summary.id, *actor, reasons, p.values.value(u"--reason"_s));
    if (!r)
        return fail(io, r.error());
    io.out << u"Entry %1 is final: revision %2, by %3, %4.\n"_s.arg(detail->summary.id).arg(r->number)
                  .arg(store::actorDisplay(r->author), when(r->writtenAt));
    if (!r->snapshot.prompts.empty())
        io.out << u"%1 left open with your reasons.\n"_s.arg(r->snapshot.prompts.size() == 1 ? u"1 prompt was"_s
                                                                                        : u"%1 prompts were"_s.arg(r->snapshot.prompts.size()));
    if (!r->snapshot.findings.empty())
        io.out << u"%1 kept with it ('fairnote-cli show %2' lists them).\n"_s
                      .arg(r->snapshot.findings.size() == 1 ? u"1 wording or spelling finding was"_s
                                                            : u"%1 wording or spelling findings were"_s.arg(r->snapshot.findings.size()),
                           detail->summary.id);
    io.out << u"Revision hash: %1\n"_s.arg(r->hash);
    return ExitOk;
}

// ---- amend ----------------------------------------------------------------------------------------

QString AmendCommand::name() const { return u"amend"_s; }
QString AmendCommand::summary() const { return u"correct a final entry: a new revision with a reason"_s; }
QString AmendCommand::help() const
{
    return u"Usage: fairnote-cli amend [--db FILE] [--author \"NAME (ROLE)\"] --reason TEXT\n"
           u"                          [--leave CODE=REASON]... [--leave-all REASON] ENTRY FILE.json | -\n\n"
           u"Amends a final entry: FILE is a case file in the interchange format holding the\n"
           u"corrected entry (the one with ENTRY's id, or its only entry), for example an edited\n"
           u"'fairnote-cli export --person …'. The amendment is a new final revision with your\n"
           u"name, the time and the reason; every earlier revision stays readable\n"
           u"('fairnote-cli show ENTRY --history').\n\n"
           u"Options:\n"_s
        + storeOptionsHelp()
        + u"  --reason TEXT       required: what was wrong or missing, and how you know.\n"_s
        + reasonHelp() + assessOptionsHelp()
        + u"  -h, --help          show this help.\n\n"
          u"Exit status: 0 amended, 1 not amended because prompts are open, 2 bad usage, a bad file\n"
          u"or an entry that cannot be amended.\n"_s;
}

int AmendCommand::execute(const QStringList &args, CliIo &io)
{
    ParsedArgs p;
    if (const auto done = parse(args, storeValueOptions() + assessValueOptions() << u"--leave"_s << u"--leave-all"_s << u"--reason"_s,
                                assessFlagOptions(), io, p))
        return *done;
    if (p.positional.size() != 2)
        return usageError(io, u"give the entry's id and the file with the corrected entry"_s);
    if (p.values.value(u"--reason"_s).trimmed().isEmpty())
        return usageError(io, u"an amendment needs --reason: say what was wrong or missing, and how you know"_s);
    const QString path = p.positional[1];
    const auto bytes = readJsonInput(path, io);
    if (!bytes)
        return ExitBadInput;
    auto cf = record::readInterchange(*bytes);
    if (!cf) {
        printInterchangeErrors(io, path, cf.error(), u"not read: nothing was amended."_s);
        return ExitBadInput;
    }
    const auto actor = author(p, io);
    if (!actor)
        return ExitBadInput;
    auto s = open(p, io, Access::Write);
    if (!s || !useAssessor(*s, p, io))
        return ExitBadInput;
    auto detail = s->entry(p.positional.front());
    if (!detail)
        return fail(io, detail.error());
    const QString id = detail->summary.id;
    const record::Entry *chosen = nullptr;
    for (const auto &e : cf->entries)
        if (e.id == id)
            chosen = &e;
    // A file holding one entry under another id is taken as the correction only when it is about the same person.
    if (!chosen && cf->entries.size() == 1 && cf->person.id == detail->summary.personId)
        chosen = &cf->entries.front();
    if (!chosen)
        return fail(io, u"%1 has no entry with the id %2 (it holds %3 about %4%5). Give a file with entry %2 of %6 (%7), as "
                        u"'fairnote-cli export --person %7' writes it."_s
                            .arg(path, id).arg(cf->entries.size() == 1 ? u"1 entry"_s : u"%1 entries"_s.arg(cf->entries.size()))
                            .arg(cf->person.name, cf->person.id.isEmpty() ? QString() : u" (%1)"_s.arg(cf->person.id),
                                 detail->summary.personName, detail->summary.personId));
    if (auto no = store::permissionsFor(*detail, *actor).refusal(store::EntryAction::Amend))
        return fail(io, *no);
    if (chosen->isIncident() != detail->summary.incident)
        return fail(io, u"entry %1 is a %2, but the correction in %3 is a %4: an amendment keeps the kind of entry."_s.arg(
                            id, detail->summary.incident ? u"incident record"_s : u"case note"_s, path,
                            chosen->isIncident() ? u"incident record"_s : u"case note"_s));
    auto person = s->person(detail->summary.personId);
    if (!person)
        return fail(io, person.error());
    record::Entry preview = *chosen;
    preview.id = id;
    preview.writtenAt = detail->revisions.front().entry.writtenAt;
    preview.author = detail->revisions.front().entry.author;
    const store::Snapshot snap = m_assessor(*person, preview);
    const auto reasons = leftReasons(p, snap);
    if (const auto open = store::unanswered(snap, reasons); !open.empty()) {
        printOpenPrompts(io, open, id);
        return ExitFound;
    }
    auto r = s->amend(id, *chosen, p.values.value(u"--reason"_s), *actor, reasons);
    if (!r)
        return fail(io, r.error());
    io.out << u"Entry %1 amended: revision %2, by %3, %4.\nReason: %5\nRevision hash: %6\n"_s.arg(id).arg(r->number)
                  .arg(store::actorDisplay(r->author), when(r->writtenAt), r->reason, r->hash);
    return ExitOk;
}

// ---- mark in error --------------------------------------------------------------------------------

QString MarkInErrorCommand::name() const { return u"mark-in-error"_s; }
QString MarkInErrorCommand::summary() const { return u"mark a final entry in error (it stays readable, never deleted)"_s; }
QString MarkInErrorCommand::help() const
{
    return u"Usage: fairnote-cli mark-in-error [--db FILE] [--author \"NAME (ROLE)\"] --reason TEXT ENTRY\n\n"
           u"Marks a final entry in error, for example one written in the wrong person's file. It is\n"
           u"never deleted: it stays readable with the reason, who marked it and when, and it is left\n"
           u"out of exports and summaries unless asked for. A draft is discarded in the app instead.\n\n"
           u"Options:\n"_s
        + storeOptionsHelp()
        + u"  --reason TEXT       required: why the entry is in error.\n"
          u"  -h, --help          show this help.\n\n"
          u"Exit status: 0 marked, 2 bad usage or an entry that cannot be marked.\n"_s;
}

int MarkInErrorCommand::execute(const QStringList &args, CliIo &io)
{
    ParsedArgs p;
    if (const auto done = parse(args, storeValueOptions() << u"--reason"_s, {}, io, p))
        return *done;
    if (p.positional.size() != 1)
        return usageError(io, u"give the id of one entry"_s);
    if (p.values.value(u"--reason"_s).trimmed().isEmpty())
        return usageError(io, u"marking an entry in error needs --reason (for example: written in the wrong person's file)"_s);
    const auto actor = author(p, io);
    if (!actor)
        return ExitBadInput;
    auto s = open(p, io, Access::Write);
    if (!s)
        return ExitBadInput;
    auto detail = s->entry(p.positional.front());
    if (!detail)
        return fail(io, detail.error());
    auto r = s->markInError(detail->summary.id, p.values.value(u"--reason"_s), *actor);
    if (!r)
        return fail(io, r.error());
    io.out << u"Entry %1 is marked in error. It stays readable ('fairnote-cli show %1') and is left out of exports.\n"_s.arg(detail->summary.id);
    return ExitOk;
}

} // namespace fairnote::cli
