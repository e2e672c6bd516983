// SPDX-FileCopyrightText: 2026 Fairnote contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// Commands that read records: list, people, show, search.
#include "storecommands.h"

#include "record/assess.h"
#include "record/describe.h"
#include "record/interchange.h"
#include "review/review.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QLocale>

using namespace Qt::StringLiterals;

namespace fairnote::cli {

namespace {

const QLocale kUk(QLocale::English, QLocale::UnitedKingdom);

QString when(const QDateTime &t) { return t.isValid() ? kUk.toString(t.toUTC(), u"d MMMM yyyy, HH:mm 'UTC'"_s) : u"-"_s; }

void printJson(CliIo &io, const QJsonObject &o)
{
    io.out << QString::fromUtf8(QJsonDocument(o).toJson(QJsonDocument::Compact)) << u'\n';
}

QJsonObject actorJson(const store::Actor &a)
{
    return QJsonObject{{u"name"_s, a.name}, {u"role"_s, a.role}, {u"organisation"_s, a.organisation}};
}

QString kindText(bool incident) { return incident ? u"incident"_s : u"note"_s; }

// "written 9 days after the event"
QString lateText(const std::optional<qint64> &seconds)
{
    if (!seconds)
        return {};
    const qint64 hours = *seconds / 3600;
    if (hours < 48)
        return u"late entry: written %1 hours after the event"_s.arg(hours);
    return u"late entry: written %1 days after the event"_s.arg(hours / 24);
}

const QString kListHelp = u"  --format text|json  text (default) or one JSON object (see docs/cli.md).\n"_s;

// The latest dated incident's date as the record holds it, never a made-up day: the interchange form
// ({"precision": "year", "value": "2021"}), the earliest and latest moments it can have been (UTC), and
// the words the app and the text output use. null when no incident record has a date.
QJsonValue lastIncidentDateJson(const store::PersonSummary &ps, const QDateTime &now)
{
    if (ps.lastIncidentEntry.isEmpty())
        return QJsonValue();
    QJsonObject o = record::eventDateToJson(ps.lastIncidentDate);
    const QDateTime earliest = ps.lastIncidentDate.earliest(), latest = ps.lastIncidentDate.latest();
    o.insert(u"earliest"_s, earliest.isValid() ? QJsonValue(earliest.toString(Qt::ISODate)) : QJsonValue());
    o.insert(u"latest"_s, latest.isValid() ? QJsonValue(latest.toString(Qt::ISODate)) : QJsonValue());
    o.insert(u"text"_s, record::latestIncidentText(ps.lastIncidentDate, now));
    return o;
}

} // namespace

// ---- list -----------------------------------------------------------------------------------------

QString ListCommand::name() const { return u"list"_s; }
QString ListCommand::summary() const { return u"list entries in date order: one person's chronology, or everyone's"_s; }
QString ListCommand::help() const
{
    return u"Usage: fairnote-cli list [--db FILE] [--person ID|NAME] [--all-drafts] [--no-in-error]\n"
           u"                         [--format text|json]\n\n"
           u"Lists entries by the date of the event (unknown dates last), person by person: id, status\n"
           u"(draft, final, amended, in-error), date, kind and a one-line summary. Your own drafts are\n"
           u"listed (you: --author, or the app's author); other people's drafts only with --all-drafts.\n\n"
           u"Options:\n"_s
        + storeOptionsHelp()
        + u"  --person ID|NAME    one person's chronology, by id or exact name.\n"
          u"  --all-drafts        include other authors' drafts.\n"
          u"  --no-in-error       leave out entries marked in error.\n"_s
        + kListHelp + u"  -h, --help          show this help.\n\nExit status: 0, or 2 for bad usage or a case file that cannot be read.\n"_s;
}

int ListCommand::execute(const QStringList &args, CliIo &io)
{
    ParsedArgs p;
    if (const auto done = parse(args, storeValueOptions() << u"--person"_s << u"--format"_s, {u"--all-drafts"_s, u"--no-in-error"_s}, io, p))
        return *done;
    if (!p.positional.isEmpty())
        return usageError(io, u"unexpected argument '%1'"_s.arg(p.positional.front()));
    auto s = open(p, io, Access::Read);
    if (!s)
        return ExitBadInput;
    store::ListFilter filter;
    if (p.values.contains(u"--person"_s)) {
        const auto id = personId(*s, p.values.value(u"--person"_s), io);
        if (!id)
            return ExitBadInput;
        filter.personId = *id;
    }
    filter.othersDrafts = p.flags.contains(u"--all-drafts"_s);
    filter.includeInError = !p.flags.contains(u"--no-in-error"_s);
    auto list = s->entries(filter, viewer(p));
    if (!list)
        return fail(io, list.error());
    if (p.values.value(u"--format"_s) == u"json") {
        QJsonArray entries;
        for (const auto &e : *list)
            entries.append(QJsonObject{{u"id"_s, e.id}, {u"person_id"_s, e.personId}, {u"person_name"_s, e.personName},
                                       {u"kind"_s, kindText(e.incident)}, {u"status"_s, store::statusId(e.status)},
                                       {u"event_date"_s, record::eventDateToJson(e.eventDate)},
                                       {u"event_date_text"_s, e.eventDate.display()}, {u"summary"_s, e.summary},
                                       {u"written_at"_s, e.writtenAt.toUTC().toString(Qt::ISODate)},
                                       {u"author"_s, actorJson(e.author)}, {u"revisions"_s, e.revisions},
                                       {u"late_seconds"_s, e.lateSeconds ? QJsonValue(*e.lateSeconds) : QJsonValue()},
                                       {u"has_draft"_s, e.hasDraft}, {u"sign_off"_s, e.signOff.isEmpty() ? QJsonValue() : QJsonValue(e.signOff)},
                                       {u"returned_for_correction"_s, e.returnedForCorrection}});
        printJson(io, QJsonObject{{u"entries"_s, entries}});
        return ExitOk;
    }
    if (list->empty()) {
        io.out << (filter.personId.isEmpty() ? u"There are no entries in %1 yet.\n"_s.arg(s->location())
                                             : u"There are no entries for this person yet.\n"_s);
        return ExitOk;
    }
    QString person;
    for (const auto &e : *list) {
        if (e.personId != person) {
            person = e.personId;
            io.out << u"%1%2 (%3)\n"_s.arg(&e == &list->front() ? QString() : u"\n"_s, e.personName, e.personId);
        }
        QString status = store::statusId(e.status);
        if (e.hasDraft && e.status != store::EntryStatus::Draft)
            status += u"+draft"_s;
        QStringList notes;
        if (e.lateSeconds)
            notes << u"late entry"_s;
        if (const QString supervision = store::supervisionNote(e); !supervision.isEmpty())
            notes << supervision;
        io.out << u"  %1  %2  %3  %4  %5%6\n"_s.arg(e.id.leftJustified(10), status.leftJustified(14), e.eventDate.display().leftJustified(26),
                                                  kindText(e.incident).leftJustified(8), e.summary,
                                                  notes.isEmpty() ? QString() : u" ("_s + notes.join(u"; "_s) + u')');
    }
    return ExitOk;
}

// ---- people ---------------------------------------------------------------------------------------

QString PeopleCommand::name() const { return u"people"_s; }
QString PeopleCommand::summary() const { return u"list the people in the case file"_s; }
QString PeopleCommand::help() const
{
    return u"Usage: fairnote-cli people [--db FILE] [--format text|json]\n\n"
           u"Lists everyone in the case file: id, name, other names, the number of entries, the number\n"
           u"of incident records (final, not in error) and when the most recent was.\n\n"
           u"Options:\n"_s
        + storeOptionsHelp() + kListHelp + u"  -h, --help          show this help.\n\nExit status: 0, or 2 for bad usage or a case file that cannot be read.\n"_s;
}

int PeopleCommand::execute(const QStringList &args, CliIo &io)
{
    ParsedArgs p;
    if (const auto done = parse(args, storeValueOptions() << u"--format"_s, {}, io, p))
        return *done;
    if (!p.positional.isEmpty())
        return usageError(io, u"unexpected argument '%1'"_s.arg(p.positional.front()));
    auto s = open(p, io, Access::Read);
    if (!s)
        return ExitBadInput;
    auto people = s->people(viewer(p));
    if (!people)
        return fail(io, people.error());
    const QDateTime now = QDateTime::currentDateTimeUtc();
    if (p.values.value(u"--format"_s) == u"json") {
        QJsonArray list;
        for (const auto &ps : *people)
            list.append(QJsonObject{{u"id"_s, ps.person.id}, {u"name"_s, ps.person.name},
                                    {u"other_names"_s, QJsonArray::fromStringList(ps.person.otherNames)},
                                    {u"date_of_birth"_s, ps.person.dateOfBirth.isValid() ? QJsonValue(ps.person.dateOfBirth.toString(Qt::ISODate)) : QJsonValue()},
                                    {u"entries"_s, ps.entries}, {u"incidents"_s, ps.incidents},
                                    {u"last_incident"_s, ps.lastIncidentEntry.isEmpty() ? QJsonValue() : QJsonValue(ps.lastIncidentEntry)},
                                    {u"last_incident_date"_s, lastIncidentDateJson(ps, now)}});
        printJson(io, QJsonObject{{u"people"_s, list}});
        return ExitOk;
    }
    if (people->empty()) {
        io.out << u"There is nobody in %1 yet.\n"_s.arg(s->location());
        return ExitOk;
    }
    for (const auto &ps : *people) {
        QString line = u"%1  %2"_s.arg(ps.person.id.leftJustified(12), ps.person.name);
        if (!ps.person.otherNames.isEmpty())
            line += u" (also known as %1)"_s.arg(ps.person.otherNames.join(u", "_s));
        line += u" · %1 %2"_s.arg(ps.entries).arg(ps.entries == 1 ? u"entry"_s : u"entries"_s);
        if (ps.incidents > 0)
            line += u" · %1 incident %2 · %3"_s.arg(ps.incidents).arg(ps.incidents == 1 ? u"record"_s : u"records"_s,
                                                                      store::latestIncidentLine(ps, now));
        io.out << line << u'\n';
    }
    return ExitOk;
}

// ---- show -----------------------------------------------------------------------------------------

QString ShowCommand::name() const { return u"show"_s; }
QString ShowCommand::summary() const { return u"show one entry, or with --history every revision and why it changed"_s; }
QString ShowCommand::help() const
{
    return u"Usage: fairnote-cli show [--db FILE] [--history] [--format text|json] ENTRY\n\n"
           u"Shows an entry (an id, or the start of one): its status, who wrote it and when, every\n"
           u"field, what was still open when it was finalised and why, and the wording and spelling\n"
           u"findings kept with it. --history shows every revision, oldest first, each with who\n"
           u"changed it, when, why and what changed. A draft is shown to its author only.\n\n"
           u"Options:\n"_s
        + storeOptionsHelp()
        + u"  --history           every revision, with what changed.\n"_s + kListHelp
        + u"  -h, --help          show this help.\n\nExit status: 0, or 2 for bad usage, an unknown entry or a case file that cannot be read.\n"_s;
}

int ShowCommand::execute(const QStringList &args, CliIo &io)
{
    ParsedArgs p;
    if (const auto done = parse(args, storeValueOptions() << u"--format"_s, {u"--history"_s}, io, p))
        return *done;
    if (p.positional.size() != 1)
        return usageError(io, u"give the id of one entry"_s);
    auto s = open(p, io, Access::Read);
    if (!s)
        return ExitBadInput;
    auto d = s->entry(p.positional.front());
    if (!d)
        return fail(io, d.error());
    const store::Actor me = viewer(p);
    const bool draftVisible = d->draft && d->draft->author == me;
    if (d->revisions.empty() && !draftVisible)
        return fail(io, u"entry %1 is a draft by %2; only its author can see it until it is final."_s
                            .arg(d->summary.id, store::actorDisplay(d->summary.draftAuthor)));
    const bool history = p.flags.contains(u"--history"_s);
    size_t first = history || d->revisions.empty() ? 0 : d->revisions.size() - 1;

    if (p.values.value(u"--format"_s) == u"json") {
        QJsonArray revisions;
        for (size_t i = first; i < d->revisions.size(); ++i) {
            const auto &r = d->revisions[i];
            QJsonArray prompts, findings;
            for (const auto &pr : r.snapshot.prompts)
                prompts.append(QJsonObject{{u"field"_s, pr.field}, {u"code"_s, pr.code}, {u"severity"_s, pr.severity},
                                           {u"message"_s, pr.message}, {u"question"_s, pr.question}, {u"left_reason"_s, pr.leftReason}});
            for (const auto &f : r.snapshot.findings)
                findings.append(QJsonObject{{u"field"_s, f.field}, {u"rule"_s, f.rule}, {u"category"_s, f.category},
                                            {u"severity"_s, f.severity}, {u"offset_utf16"_s, f.offset}, {u"length_utf16"_s, f.length},
                                            {u"text"_s, f.text}, {u"message"_s, f.message}});
            revisions.append(QJsonObject{{u"number"_s, r.number}, {u"author"_s, actorJson(r.author)},
                                         {u"written_at"_s, r.writtenAt.toString(Qt::ISODateWithMs)},
                                         {u"reason"_s, r.reason.isEmpty() ? QJsonValue() : QJsonValue(r.reason)},
                                         {u"late_seconds"_s, r.lateSeconds ? QJsonValue(*r.lateSeconds) : QJsonValue()},
                                         {u"hash"_s, r.hash}, {u"entry"_s, record::entryToJson(r.entry)},
                                         {u"prompts"_s, prompts}, {u"findings"_s, findings}});
        }
        QJsonObject o{{u"id"_s, d->summary.id}, {u"person_id"_s, d->summary.personId}, {u"person_name"_s, d->summary.personName},
                      {u"kind"_s, kindText(d->summary.incident)}, {u"status"_s, store::statusId(d->summary.status)},
                      {u"revisions"_s, revisions}};
        o.insert(u"draft"_s, draftVisible ? QJsonValue(QJsonObject{{u"author"_s, actorJson(d->draft->author)},
                                                                  {u"updated_at"_s, d->draft->updatedAt.toString(Qt::ISODateWithMs)},
                                                                  {u"base_revision"_s, d->draft->baseRevision},
                                                                  {u"entry"_s, record::entryToJson(d->draft->entry)}})
                                          : QJsonValue());
        o.insert(u"supervision"_s, QJsonArray::fromStringList(review::feedbackFor(*s, *d).lines));
        o.insert(u"in_error"_s, d->inError ? QJsonValue(QJsonObject{{u"at"_s, d->inError->at.toString(Qt::ISODateWithMs)},
                                                                     {u"by"_s, actorJson(d->inError->by)}, {u"reason"_s, d->inError->reason}})
                                           : QJsonValue());
        printJson(io, o);
        return ExitOk;
    }

    auto printFields = [&](const std::vector<record::FieldText> &fields, const std::vector<record::FieldText> *before) {
        QString section;
        for (const auto &f : fields) {
            QString old;
            if (before) {
                const auto it = std::find_if(before->begin(), before->end(), [&](const record::FieldText &b) { return b.pointer == f.pointer; });
                if (it != before->end() && it->value == f.value)
                    continue; // unchanged: only what changed is shown for later revisions
                old = it == before->end() ? u"(not there before)"_s : it->value;
            }
            if (f.section != section) {
                section = f.section;
                io.out << u"\n  "_s << section << u'\n';
            }
            const QString value = QString(f.value).replace(u'\n', u"\n      "_s);
            if (before)
                io.out << u"    %1:\n      was: %2\n      now: %3\n"_s.arg(f.label, QString(old).replace(u'\n', u"\n           "_s), value);
            else
                io.out << u"    %1: %2\n"_s.arg(f.label, value);
        }
    };
    auto printSnapshot = [&](const store::Snapshot &snap) {
        if (!snap.prompts.empty()) {
            io.out << u"\n  Left open when finalised\n"_s;
            for (const auto &pr : snap.prompts)
                io.out << u"    %1 [%2]: %3\n      reason: %4\n"_s.arg(pr.field, pr.code, pr.message, pr.leftReason);
        }
        if (!snap.findings.empty()) {
            io.out << u"\n  Wording and spelling findings kept with it\n"_s;
            for (const auto &f : snap.findings)
                io.out << u"    %1: \"%2\" — %3 [%4]\n"_s.arg(f.field, f.text, f.message, f.rule);
        }
    };

    const auto &sum = d->summary;
    // Named by what the record says it was (record::entryKind): an accidental fire is not fire-setting.
    const QString kind = !d->revisions.empty() ? record::entryKind(d->revisions.back().entry)
                         : d->draft          ? record::entryKind(d->draft->entry)
                         : sum.incident      ? u"Incident record"_s
                                             : u"Case note"_s;
    io.out << u"Entry %1: %2 about %3 (%4)\nStatus: %5"_s.arg(sum.id, kind,
                                                              sum.personName, sum.personId, store::statusTitle(sum.status));
    if (!d->revisions.empty())
        io.out << u" (%1 %2)"_s.arg(d->revisions.size()).arg(d->revisions.size() == 1 ? u"revision"_s : u"revisions"_s);
    if (sum.lateSeconds)
        io.out << u"; "_s << lateText(sum.lateSeconds);
    io.out << u'\n';
    for (const QString &line : review::feedbackFor(*s, *d).lines)
        io.out << u"Supervision: "_s << line << u'\n';
    if (d->inError)
        io.out << u"Marked in error on %1 by %2. Reason: %3\n"_s.arg(when(d->inError->at), store::actorDisplay(d->inError->by), d->inError->reason);
    std::vector<record::FieldText> previous;
    for (size_t i = first; i < d->revisions.size(); ++i) {
        const auto &r = d->revisions[i];
        io.out << u"\nRevision %1, %2 by %3"_s.arg(r.number).arg(r.number == 1 ? u"written"_s : u"amended"_s, store::actorDisplay(r.author))
               << u", "_s << when(r.writtenAt) << u'\n';
        if (!r.reason.isEmpty())
            io.out << u"Reason for the amendment: %1\n"_s.arg(r.reason);
        io.out << u"Hash: %1\n"_s.arg(r.hash);
        const auto fields = record::describeFields(r.entry);
        printFields(fields, history && i > 0 ? &previous : nullptr);
        printSnapshot(r.snapshot);
        previous = fields;
    }
    if (draftVisible) {
        io.out << u"\n%1 by %2, last saved %3\n"_s.arg(d->draft->baseRevision > 0 ? u"Your draft of an amendment"_s : u"Your draft"_s,
                                                       store::actorDisplay(d->draft->author), when(d->draft->updatedAt));
        const auto fields = record::describeFields(d->draft->entry);
        printFields(fields, d->revisions.empty() ? nullptr : &previous);
    }
    return ExitOk;
}

// ---- search ---------------------------------------------------------------------------------------

QString SearchCommand::name() const { return u"search"_s; }
QString SearchCommand::summary() const { return u"full-text search of names and narratives, with snippets"_s; }
QString SearchCommand::help() const
{
    return u"Usage: fairnote-cli search [--db FILE] [--limit N] [--format text|json] WORDS...\n\n"
           u"Finds entries whose narrative text or people's names contain every word (in any form:\n"
           u"\"fire\" finds \"fires\"; the last word also matches as the start of a word). Shows the\n"
           u"best matches first, each with a snippet; matched words are [bracketed] (bold on a\n"
           u"terminal). Other authors' drafts are never searched.\n\n"
           u"Options:\n"_s
        + storeOptionsHelp()
        + u"  --limit N           at most N results (default 20).\n"_s + kListHelp
        + u"  -h, --help          show this help.\n\nExit status: 0 (whether or not anything was found), 2 bad usage or a case file that cannot be read.\n"_s;
}

int SearchCommand::execute(const QStringList &args, CliIo &io)
{
    ParsedArgs p;
    if (const auto done = parse(args, storeValueOptions() << u"--format"_s << u"--limit"_s, {}, io, p))
        return *done;
    if (p.positional.isEmpty())
        return usageError(io, u"give the words to search for"_s);
    bool ok = true;
    const int limit = p.values.value(u"--limit"_s, u"20"_s).toInt(&ok);
    if (!ok || limit < 1)
        return usageError(io, u"--limit needs a whole number from 1"_s);
    auto s = open(p, io, Access::Read);
    if (!s)
        return ExitBadInput;
    auto hits = s->search(p.positional.join(u' '), viewer(p), limit);
    if (!hits)
        return fail(io, hits.error());
    if (p.values.value(u"--format"_s) == u"json") {
        QJsonArray list;
        for (const auto &h : *hits) {
            QJsonArray marks;
            for (const auto &[at, len] : h.highlights)
                marks.append(QJsonObject{{u"offset"_s, at}, {u"length"_s, len}});
            list.append(QJsonObject{{u"entry"_s, h.entryId}, {u"person_id"_s, h.personId}, {u"person_name"_s, h.personName},
                                    {u"kind"_s, kindText(h.incident)}, {u"status"_s, store::statusId(h.status)},
                                    {u"snippet"_s, h.snippet}, {u"highlights"_s, marks}});
        }
        printJson(io, QJsonObject{{u"query"_s, p.positional.join(u' ')}, {u"results"_s, list}});
        return ExitOk;
    }
    if (hits->empty()) {
        io.out << u"Nothing found for \"%1\".\n"_s.arg(p.positional.join(u' '));
        return ExitOk;
    }
    const QString open = io.outIsTerminal ? u"\x1b[1m"_s : u"["_s;
    const QString close = io.outIsTerminal ? u"\x1b[0m"_s : u"]"_s;
    for (const auto &h : *hits) {
        QString snippet = h.snippet;
        for (auto it = h.highlights.rbegin(); it != h.highlights.rend(); ++it) {
            snippet.insert(it->first + it->second, close);
            snippet.insert(it->first, open);
        }
        io.out << u"%1  %2 (%3, %4)\n    %5\n"_s.arg(h.entryId, h.personName, kindText(h.incident), store::statusId(h.status), snippet);
    }
    return ExitOk;
}

} // namespace fairnote::cli
