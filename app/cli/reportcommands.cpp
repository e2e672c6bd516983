// SPDX-FileCopyrightText: 2026 Fairnote contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// fairnote-cli report summary|sar, and disclosure flag|release|list.
#include "reportcommands.h"

#include "common.h"
#include "pdfdocument.h"
#include "report/deliver.h"
#include "report/sar.h"
#include "report/summary.h"

#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLocale>

using namespace Qt::StringLiterals;

namespace fairnote::cli {

namespace {

// The format from --format, else from the output file's extension, else HTML.
QString formatOf(const ParsedArgs &p)
{
    if (p.values.contains(u"--format"_s))
        return p.values.value(u"--format"_s).toLower();
    const QString suffix = QFileInfo(p.values.value(u"--output"_s)).suffix().toLower();
    if (suffix == u"pdf" || suffix == u"json" || suffix == u"html")
        return suffix;
    if (suffix == u"htm")
        return u"html"_s;
    return u"html"_s;
}

// Writes a finished document (report::saveRecorded: the bytes safe, then recorded, then in place) or, without
// a file, sends it to standard output (recorded, then written; a failed write is recorded as failed).
int deliver(CliIo &io, store::Store &s, const store::Actor &actor, const QString &command, const QByteArray &bytes,
            const QString &output, const report::RecordExport &record)
{
    const auto problem = output.isEmpty()
        ? report::sendRecorded(s, actor, [&] { return writeToStandardOutput(io, bytes); }, u"standard output"_s, record)
        : report::saveRecorded(s, actor, bytes, output, record);
    if (problem) {
        io.err << u"fairnote-cli %1: error: %2\n"_s.arg(command, *problem);
        return ExitBadInput;
    }
    return ExitOk;
}

QByteArray render(const QString &format, const QString &html, const QJsonObject &json, const render::PdfOptions &pdf)
{
    if (format == u"json")
        return QJsonDocument(json).toJson(QJsonDocument::Indented);
    if (format == u"pdf")
        return render::pdfBytes(html, pdf);
    return html.toUtf8();
}

} // namespace

// ---- report ---------------------------------------------------------------------------------------

QString ReportCommand::name() const { return u"report"_s; }
QString ReportCommand::summary() const { return u"the factual fire-safety summary for a referral, or a subject-access export"_s; }
QString ReportCommand::help() const
{
    return u"Usage: fairnote-cli report summary --person ID|NAME --purpose TEXT --recipient TEXT\n"
           u"                                   (--consent | --basis TEXT) [--format html|pdf|json]\n"
           u"                                   [-o FILE] [--entries ID,…] [--leave-out SECTION,…]\n"
           u"                                   [--include-health] [--rules DIR]\n"
           u"                                   [--ask-sign-off [--comment TEXT]]\n"
           u"       fairnote-cli report sar --person ID|NAME [--from DATE] [--to DATE]\n"
           u"                               [--format html|pdf|json] [-o FILE]\n\n"
           u"summary: \"Fire-safety history — factual summary\" of one person, built from the structured\n"
           u"facts of their final fire-setting incident records (entries marked in error, drafts and\n"
           u"case notes are left out, and the summary says so): each incident with its date, type,\n"
           u"setting, harm, fire service, outcome and source, and whether the person disputes it; what\n"
           u"has changed since; the current fire-safety factors and safety plan; the person's view;\n"
           u"and the entries and revision hashes it comes from. Choose the minimum necessary with\n"
           u"--entries (incidents by id) and --leave-out (context, changes-since, safety,\n"
           u"persons-view); health details are left out unless --include-health. The purpose, the\n"
           u"recipient and either the person's consent or the lawful basis are required. The wording\n"
           u"of the text it repeats is checked, and anything still flagged is listed on stderr.\n"
           u"--ask-sign-off writes no file: it asks a supervisor to sign off this summary (the same\n"
           u"choices and the same entry revisions); once they approve it ('fairnote-cli review signoff'),\n"
           u"the summary made with those choices says who signed it off and when.\n\n"
           u"sar: everything held about the person (in a date range, by the date of the event): every\n"
           u"entry, revision and amendment with its reason, entries marked in error shown as such,\n"
           u"drafts, their own words and disputes, and every export about them. Entries flagged for\n"
           u"review before disclosure are withheld with a visible marker until released\n"
           u"('fairnote-cli disclosure').\n\n"
           u"Every report is recorded in the audit trail (with its purpose and recipient) before the\n"
           u"file appears. The format is --format, else the extension of -o, else HTML; PDF needs -o.\n"
           u"Without -o, HTML and JSON go to standard output.\n\n"
           u"Options:\n"_s
        + storeOptionsHelp()
        + u"  --person ID|NAME    the person, by id or exact name (an ambiguous name lists the matches).\n"
          u"  --purpose TEXT      why it is shared (summary).\n"
          u"  --recipient TEXT    who it is for (summary).\n"
          u"  --consent           the person consented to it being shared (summary).\n"
          u"  --basis TEXT        otherwise, the lawful basis for sharing it (summary).\n"
          u"  --entries ID,…      the incidents to include (default: all).\n"
          u"  --leave-out S,…     sections to leave out: context, changes-since, safety, persons-view.\n"
          u"  --include-health    include health details (alcohol or drug use, mobility).\n"
          u"  --from DATE, --to DATE   the range of a subject-access export (YYYY-MM-DD).\n"
          u"  --format html|pdf|json   the format.\n"
          u"  -o, --output FILE   where to write it (replaced as a whole).\n"
          u"  --rules DIR         the organisation's rule pack, for the wording check of the summary.\n"
          u"  --ask-sign-off      ask for sign-off of the summary instead of writing it; --comment\n"
          u"                      adds a note for the supervisor.\n"
          u"  -h, --help          show this help.\n\n"
          u"Exit status: 0 written, 2 bad usage, a missing purpose, recipient or basis, an unknown or\n"
          u"ambiguous person, or a file that cannot be read or written.\n"_s;
}

int ReportCommand::execute(const QStringList &args, CliIo &io)
{
    ParsedArgs p;
    if (const auto done = parse(withLongOutput(args),
                                storeValueOptions() << u"--person"_s << u"--purpose"_s << u"--recipient"_s << u"--basis"_s
                                                    << u"--format"_s << u"--output"_s << u"--entries"_s << u"--leave-out"_s
                                                    << u"--from"_s << u"--to"_s << u"--rules"_s << u"--comment"_s,
                                {u"--consent"_s, u"--include-health"_s, u"--ask-sign-off"_s}, io, p,
                                {u"html"_s, u"pdf"_s, u"json"_s}))
        return *done;
    if (p.positional.size() != 1 || (p.positional.front() != u"summary" && p.positional.front() != u"sar"))
        return usageError(io, u"say which report: 'summary' (for a referral) or 'sar' (a subject-access export)"_s);
    const bool summaryReport = p.positional.front() == u"summary";
    if (p.flags.contains(u"--ask-sign-off"_s) && (!summaryReport || p.values.contains(u"--output"_s)))
        return usageError(io, summaryReport ? u"--ask-sign-off writes no file: leave out -o"_s : u"--ask-sign-off is for a summary"_s);
    const QString format = formatOf(p);
    if (format != u"html" && format != u"pdf" && format != u"json")
        return usageError(io, u"--format must be html, pdf or json, not '%1'"_s.arg(format));
    const QString output = p.values.value(u"--output"_s);
    if (format == u"pdf" && output.isEmpty())
        return usageError(io, u"a PDF needs a file to go to: add -o FILE.pdf"_s);
    if (!p.values.contains(u"--person"_s))
        return usageError(io, u"say whose report it is with --person ID or --person \"Full Name\""_s);
    if (summaryReport) {
        if (p.values.value(u"--purpose"_s).trimmed().isEmpty())
            return usageError(io, u"a summary needs --purpose: why it is being shared (for example \"Referral for temporary accommodation\")"_s);
        if (p.values.value(u"--recipient"_s).trimmed().isEmpty())
            return usageError(io, u"a summary needs --recipient: who it is for (for example \"Housing Options, Stoke-on-Trent City Council\")"_s);
        if (!p.flags.contains(u"--consent"_s) && p.values.value(u"--basis"_s).trimmed().isEmpty())
            return usageError(io, u"say whether the person consented (--consent) or, if not, the lawful basis for sharing (--basis TEXT)"_s);
        if (p.flags.contains(u"--consent"_s) && !p.values.value(u"--basis"_s).trimmed().isEmpty())
            return usageError(io, u"give either --consent or --basis, not both"_s);
    }
    QDate from, to;
    for (const auto &[option, date] : {std::pair{u"--from"_s, &from}, std::pair{u"--to"_s, &to}}) {
        if (!p.values.contains(option))
            continue;
        *date = QDate::fromString(p.values.value(option), Qt::ISODate);
        if (!date->isValid())
            return usageError(io, u"%1 needs a date as YYYY-MM-DD"_s.arg(option));
    }
    const auto actor = author(p, io);
    if (!actor)
        return ExitBadInput;
    auto s = open(p, io, Access::Write);
    if (!s)
        return ExitBadInput;
    const auto person = personId(*s, p.values.value(u"--person"_s), io);
    if (!person)
        return ExitBadInput;

    if (!summaryReport) {
        auto sar = report::buildSubjectAccess(*s, {*person, from, to, QDateTime::currentDateTimeUtc(), *actor});
        if (!sar)
            return fail(io, sar.error());
        const QString html = report::subjectAccessHtml(*sar);
        const QByteArray bytes = render(format, html, report::subjectAccessJson(*sar),
                                        {sar->title, store::actorDisplay(actingAs(*actor)), u"Subject-access export — %1"_s.arg(sar->person.name)});
        const int rc = deliver(io, *s, *actor, name(), bytes, output, report::oneRow(sar->person.id, [&](const QString &destination) {
            return report::recordSubjectAccessExport(*s, *sar, format, destination);
        }));
        if (rc == ExitOk && !output.isEmpty()) {
            io.err << u"Wrote the subject-access export for %1 to %2 (%3 entries"_s.arg(sar->person.name, output).arg(sar->entries.size());
            if (!sar->forReview.isEmpty())
                io.err << u"; %1 withheld for review before disclosure"_s.arg(sar->forReview.size());
            io.err << u").\n"_s;
        }
        return rc;
    }

    report::SummaryRequest q;
    q.personId = *person;
    q.purpose = p.values.value(u"--purpose"_s);
    q.recipient = p.values.value(u"--recipient"_s);
    q.consent = p.flags.contains(u"--consent"_s);
    q.lawfulBasis = p.values.value(u"--basis"_s);
    q.now = QDateTime::currentDateTimeUtc();
    q.author = *actor;
    for (const QString &id : p.values.value(u"--entries"_s).split(u',', Qt::SkipEmptyParts)) {
        auto e = s->entry(id.trimmed());
        if (!e)
            return fail(io, e.error());
        q.entryIds << e->summary.id;
    }
    for (const QString &id : p.values.value(u"--leave-out"_s).split(u',', Qt::SkipEmptyParts)) {
        report::Section section;
        if (!report::sectionFromId(id.trimmed(), &section) || section == report::Section::Health)
            return usageError(io, u"--leave-out takes context, changes-since, safety or persons-view, not '%1'"_s.arg(id.trimmed()));
        q.sections.remove(section);
    }
    if (p.flags.contains(u"--include-health"_s))
        q.sections.insert(report::Section::Health);
    auto summary = report::buildSummary(*s, q);
    if (!summary)
        return fail(io, summary.error());

    // The text it repeats from the record is checked once more before it leaves.
    if (auto checker = loadChecker(rulesDirOf(p), io)) {
        const auto flagged = report::checkSummaryText(*summary, *checker);
        std::size_t count = 0;
        for (const auto &tf : flagged)
            count += tf.findings.size();
        if (count > 0) {
            io.err << u"fairnote-cli report: the summary repeats wording that is still flagged (%1); consider amending the entries first:\n"_s.arg(count);
            for (const auto &tf : flagged)
                for (const Finding &f : tf.findings)
                    io.err << u"  %1: “%2” — %3 [%4]\n"_s.arg(tf.where, tf.text.mid(f.offset, f.length), f.message, f.ruleId);
        }
    } else {
        return ExitBadInput;
    }
    if (p.flags.contains(u"--ask-sign-off"_s)) {
        auto id = report::requestSummarySignOff(*s, *summary, p.values.value(u"--comment"_s), *actor);
        if (!id)
            return fail(io, id.error());
        io.out << u"Sign-off of the fire-safety summary for %1 asked for (request %2). Nothing was written or shared.\n"_s
                      .arg(summary->person.name)
                      .arg(*id);
        return ExitOk;
    }
    const QString html = report::summaryHtml(*summary);
    const QByteArray bytes = render(format, html, report::summaryJson(*summary),
                                    {summary->title, store::actorDisplay(actingAs(*actor)), u"Fire-safety history — %1"_s.arg(summary->person.name)});
    const int rc = deliver(io, *s, *actor, name(), bytes, output, report::oneRow(summary->person.id, [&](const QString &destination) {
        return report::recordSummaryExport(*s, *summary, format, destination);
    }));
    if (rc == ExitOk && !output.isEmpty())
        io.err << u"Wrote the fire-safety summary for %1 to %2 (%3 %4). Its export is recorded in the audit trail.\n"_s
                      .arg(summary->person.name, output)
                      .arg(summary->incidents.size())
                      .arg(summary->incidents.size() == 1 ? u"incident"_s : u"incidents"_s);
    return rc;
}

// ---- disclosure -----------------------------------------------------------------------------------

QString DisclosureCommand::name() const { return u"disclosure"_s; }
QString DisclosureCommand::summary() const { return u"flag entries for review before disclosure, release them, list them"_s; }
QString DisclosureCommand::help() const
{
    return u"Usage: fairnote-cli disclosure flag ENTRY --reason TEXT\n"
           u"       fairnote-cli disclosure release ENTRY [--note TEXT]\n"
           u"       fairnote-cli disclosure list [--person ID|NAME] [--format text|json]\n\n"
           u"An entry that holds information about someone else (a neighbour who reported a fire, a\n"
           u"family member's health) is flagged for review before disclosure: a subject-access export\n"
           u"withholds it, with a visible marker, until a reviewer releases it. A release is final.\n"
           u"Both are recorded in the audit trail.\n\n"
           u"Options:\n"_s
        + storeOptionsHelp()
        + u"  --reason TEXT       why the entry needs review (flag; required).\n"
          u"  --note TEXT         the reviewer's note (release).\n"
          u"  --person ID|NAME    one person's flags (list).\n"
          u"  --format text|json  the list's format.\n"
          u"  -h, --help          show this help.\n\n"
          u"Exit status: 0 done, 2 bad usage or an entry that cannot be flagged or released.\n"_s;
}

int DisclosureCommand::execute(const QStringList &args, CliIo &io)
{
    ParsedArgs p;
    if (const auto done = parse(args, storeValueOptions() << u"--reason"_s << u"--note"_s << u"--person"_s << u"--format"_s, {}, io, p))
        return *done;
    const QString action = p.positional.value(0);
    if (action == u"list") {
        auto s = open(p, io, Access::Read);
        if (!s)
            return ExitBadInput;
        QString person;
        if (p.values.contains(u"--person"_s)) {
            const auto id = personId(*s, p.values.value(u"--person"_s), io);
            if (!id)
                return ExitBadInput;
            person = *id;
        }
        auto flags = s->disclosureFlags(person);
        if (!flags)
            return fail(io, flags.error());
        const QLocale uk(QLocale::English, QLocale::UnitedKingdom);
        if (p.values.value(u"--format"_s) == u"json") {
            QJsonArray list;
            for (const auto &f : *flags)
                list.append(QJsonObject{{u"entry"_s, f.entryId}, {u"flagged_at"_s, f.flaggedAt.toString(Qt::ISODate)},
                                        {u"flagged_by"_s, store::actorDisplay(f.flaggedBy)}, {u"reason"_s, f.reason},
                                        {u"released"_s, f.released()},
                                        {u"released_at"_s, f.released() ? QJsonValue(f.releasedAt.toString(Qt::ISODate)) : QJsonValue()},
                                        {u"released_by"_s, f.released() ? QJsonValue(store::actorDisplay(f.releasedBy)) : QJsonValue()},
                                        {u"note"_s, f.releaseNote}});
            io.out << QString::fromUtf8(QJsonDocument(QJsonObject{{u"flags"_s, list}}).toJson(QJsonDocument::Compact)) << u'\n';
            return ExitOk;
        }
        if (flags->empty())
            io.out << u"No entries are flagged for review before disclosure.\n"_s;
        for (const auto &f : *flags)
            io.out << u"%1  %2 — flagged by %3 on %4: %5\n"_s.arg(f.entryId, f.released() ? u"released"_s : u"withheld"_s,
                                                                 store::actorDisplay(f.flaggedBy), uk.toString(f.flaggedAt.date(), u"d MMMM yyyy"_s), f.reason);
        return ExitOk;
    }
    if ((action != u"flag" && action != u"release") || p.positional.size() != 2)
        return usageError(io, u"say 'flag ENTRY --reason TEXT', 'release ENTRY' or 'list'"_s);
    if (action == u"flag" && p.values.value(u"--reason"_s).trimmed().isEmpty())
        return usageError(io, u"flagging needs --reason: what in the entry needs review (for example \"names the neighbour who reported the fire\")"_s);
    const auto actor = author(p, io);
    if (!actor)
        return ExitBadInput;
    auto s = open(p, io, Access::Write);
    if (!s)
        return ExitBadInput;
    auto e = s->entry(p.positional[1]);
    if (!e)
        return fail(io, e.error());
    auto r = action == u"flag" ? s->flagForDisclosureReview(e->summary.id, p.values.value(u"--reason"_s), *actor)
                               : s->releaseForDisclosure(e->summary.id, p.values.value(u"--note"_s), *actor);
    if (!r)
        return fail(io, r.error());
    io.out << (action == u"flag" ? u"Entry %1 is flagged for review before disclosure: subject-access exports withhold it until it is released.\n"_s
                                 : u"Entry %1 is released for disclosure.\n"_s)
                  .arg(e->summary.id);
    return ExitOk;
}

} // namespace fairnote::cli
