// SPDX-FileCopyrightText: 2026 Fairnote contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// Commands about the file as a whole: init, verify, backup, and dev-generate for benchmarks.
#include "storecommands.h"

#include "common.h"
#include "store/auditactions.h"
#include "store/writerlock.h"
#include "training/trainingstore.h"

#include <QFile>
#include <QFileInfo>
#include <QtEndian>
#include <QJsonArray>
#include <QJsonDocument>
#include <QRandomGenerator>

#include <unistd.h>

using namespace Qt::StringLiterals;

namespace fairnote::cli {

// ---- init -----------------------------------------------------------------------------------------

QString InitCommand::name() const { return u"init"_s; }
QString InitCommand::summary() const { return u"create a case file"_s; }
QString InitCommand::help() const
{
    return u"Usage: fairnote-cli init [--db FILE]\n\n"
           u"Creates an empty case file (readable and writable by you only). A file that is already a\n"
           u"Fairnote case file is left as it is; any other file is refused and left unchanged.\n\n"
           u"Options:\n"
           u"  --db FILE           where to create it (default: the app's own case file).\n"
           u"  -h, --help          show this help.\n\n"
           u"Exit status: 0 created (or already there), 2 the file cannot be created or is not a case file.\n"_s;
}

int InitCommand::execute(const QStringList &args, CliIo &io)
{
    ParsedArgs p;
    if (const auto done = parse(args, {u"--db"_s, u"--server"_s}, {}, io, p))
        return *done;
    if (onServer(p))
        return fail(io, u"init makes a case file; a team server is set up once, by a superuser, with 'fairnote-cli server init' "
                        u"(docs/server.md)."_s);
    if (!p.positional.isEmpty())
        return usageError(io, u"unexpected argument '%1' (give the file with --db)"_s.arg(p.positional.front()));
    const QString path = dbPath(p);
    // Already a case file: an SQLite header carrying Fairnote's application id (bytes 68–71, big-endian).
    const bool existed = [&] {
        QFile f(path);
        if (!f.open(QIODevice::ReadOnly))
            return false;
        const QByteArray h = f.read(72);
        return h.size() == 72 && h.startsWith(QByteArrayView("SQLite format 3\0", 16))
            && qFromBigEndian<quint32>(h.constData() + 68) == store::kApplicationId;
    }();
    // An existing case file that may not be written is read, not refused: init has nothing to change in it.
    // One that may be written is opened for writing, which upgrades an older one.
    const QByteArray encoded = QFile::encodeName(path);
    const bool writable = ::access(encoded.constData(), W_OK) == 0
                          && ::access(QFile::encodeName(QFileInfo(path).absolutePath()).constData(), W_OK) == 0;
    const QDateTime opening = QDateTime::currentDateTimeUtc(); // audit rows from this opening on are its own
    auto s = open(p, io, existed && !writable ? Access::Read : Access::Create);
    if (!s)
        return ExitBadInput;
    if (existed && s->isReadOnly()) {
        io.out << u"%1 is already a Fairnote case file; nothing was changed. Here it can only be read (%2).\n"_s.arg(s->location(), s->readOnlyReason());
        return ExitOk;
    }
    if (!existed) {
        io.out << u"Created the case file %1 (readable and writable by you only).\n"_s.arg(s->location());
        return ExitOk;
    }
    // Opening it for writing upgrades an older file and rewords list summaries of another wording: said if done now.
    QStringList done;
    if (const auto rows = s->auditEvents({{}, {store::audit::UpgradeFile.toString(), store::audit::RewordSummaries.toString()}, true, 2}))
        for (const auto &row : *rows)
            if (row.at >= opening)
                done.prepend(row.action == store::audit::UpgradeFile ? u"upgraded to this version's file format"_s
                                                                      : u"its list summaries reworded in this version's wording"_s);
    io.out << (done.isEmpty() ? u"%1 is already a Fairnote case file; nothing was changed.\n"_s.arg(s->location())
                              : u"%1 is already a Fairnote case file: %2 (in the audit trail).\n"_s.arg(s->location(), done.join(u"; "_s)));
    return ExitOk;
}

// ---- verify ---------------------------------------------------------------------------------------

QString VerifyCommand::name() const { return u"verify"_s; }
QString VerifyCommand::summary() const { return u"check the file: integrity, every revision's hash, the audit chain"_s; }
QString VerifyCommand::help() const
{
    return u"Usage: fairnote-cli verify [--db FILE | --server CONNINFO] [--training] [--expect HASH]\n"
           u"                           [--format text|json]\n\n"
           u"Checks the whole case file: SQLite's integrity check, its links between tables, the\n"
           u"protections that stop final records being changed, every final revision against the hash\n"
           u"taken when it was finalised, and the hash chain of the audit trail. Anything changed\n"
           u"outside Fairnote is named by its entry, revision or audit row.\n\n"
           u"It prints the latest audit hash. Anyone able to write the file could rebuild every hash,\n"
           u"so record that hash somewhere else (on a referral, in supervision notes); later,\n"
           u"--expect HASH checks that the trail still contains it, so nothing before it was rewritten.\n\n"
           u"Options:\n"
           u"  --db FILE           the case file (default: the app's own case file).\n"
           u"  --server CONNINFO   a team server instead (a supervisor's or an administrator's login).\n"
           u"  --training          the file is a training file of invented cases (trainer mode's file).\n"
           u"  --expect HASH       a hash recorded earlier (the whole hash, or its first 12 or more characters).\n"_s
        + u"  --format text|json  text (default) or one JSON object (see docs/cli.md).\n"
          u"  -h, --help          show this help.\n\n"
          u"Exit status: 0 all is well, 1 problems found (or HASH not in the trail), 2 the file cannot be read.\n"_s;
}

int VerifyCommand::execute(const QStringList &args, CliIo &io)
{
    ParsedArgs p;
    if (const auto done = parse(args, {u"--db"_s, u"--server"_s, u"--expect"_s, u"--format"_s}, {u"--training"_s}, io, p))
        return *done;
    if (!p.positional.isEmpty())
        return usageError(io, u"unexpected argument '%1'"_s.arg(p.positional.front()));
    const QString expect = p.values.value(u"--expect"_s).trimmed().toLower();
    if (p.values.contains(u"--expect"_s) && (expect.size() < 12 || expect.size() > 64
                                              || !std::all_of(expect.begin(), expect.end(), [](QChar c) { return c.isDigit() || (c >= u'a' && c <= u'f'); })))
        return usageError(io, u"--expect needs a hash printed by 'verify': 12 to 64 hexadecimal characters"_s);
    std::unique_ptr<store::Store> s;
    if (p.flags.contains(u"--training"_s) && !onServer(p)) {
        // Read only, as a training file: a real case file given here is refused by the store, unchanged.
        store::OpenOptions options;
        options.create = store::OpenOptions::Create::No;
        options.readOnly = true;
        options.kind = store::FileKind::Training;
        auto opened = store::openStore(p.values.value(u"--db"_s, training::defaultTrainingFilePath()), options);
        if (!opened)
            return fail(io, opened.error());
        s = std::move(*opened);
    } else {
        s = open(p, io, Access::Read);
    }
    if (!s)
        return ExitBadInput;
    Progress bar(io, u"Verifying"_s, 100);
    auto report = s->verify([&](qint64 done, qint64 total) { bar.update(total ? done * 100 / total : 0); return true; });
    if (!report)
        return fail(io, report.error());
    std::optional<qint64> expectedAt; // the audit row with the expected hash
    qint64 rowsAfter = 0;
    if (!expect.isEmpty()) {
        auto trail = s->auditTrail();
        if (!trail)
            return fail(io, trail.error());
        for (const auto &row : *trail)
            if (row.hash.startsWith(expect))
                expectedAt = row.seq;
        if (expectedAt)
            rowsAfter = report->auditRows - *expectedAt;
    }
    const bool ok = report->ok() && (expect.isEmpty() || expectedAt);

    if (p.values.value(u"--format"_s) == u"json") {
        QJsonArray problems;
        for (const auto &pr : report->problems)
            problems.append(QJsonObject{{u"where"_s, pr.where}, {u"message"_s, pr.message}});
        QJsonObject o{{u"path"_s, s->location()}, {u"ok"_s, ok}, {u"problems"_s, problems}, {u"head_hash"_s, report->headHash},
                      {u"people"_s, report->people}, {u"entries"_s, report->entries}, {u"revisions"_s, report->revisions},
                      {u"audit_rows"_s, report->auditRows}, {u"notes"_s, QJsonArray::fromStringList(report->notes)}};
        if (!expect.isEmpty())
            o.insert(u"expected_hash"_s, QJsonObject{{u"hash"_s, expect}, {u"found"_s, expectedAt.has_value()},
                                                      {u"audit_row"_s, expectedAt ? QJsonValue(*expectedAt) : QJsonValue()},
                                                      {u"rows_after"_s, rowsAfter}});
        io.out << QString::fromUtf8(QJsonDocument(o).toJson(QJsonDocument::Compact)) << u'\n';
        return ok ? ExitOk : ExitFound;
    }
    io.out << u"Checked %1: %2 people, %3 entries, %4 final revisions, %5 audit rows.\n"_s.arg(s->location())
                  .arg(report->people).arg(report->entries).arg(report->revisions).arg(report->auditRows);
    if (report->ok()) {
        io.out << u"All is well: the file is intact, every final revision matches its hash and the audit trail is unbroken.\n"_s;
    } else {
        io.out << u"%1 found:\n"_s.arg(report->problems.size() == 1 ? u"1 problem"_s : u"%1 problems"_s.arg(report->problems.size()));
        for (const auto &pr : report->problems)
            io.out << u"  %1: %2\n"_s.arg(pr.where, pr.message);
        io.out << u"Keep this file as it is (it is evidence of what happened) and restore a verified backup to work on.\n"_s;
    }
    for (const QString &note : report->notes)
        io.out << u"Note: %1\n"_s.arg(note);
    if (!expect.isEmpty()) {
        if (!expectedAt)
            io.out << u"The hash %1 is not in the audit trail: the history it vouched for has been rewritten (or the hash is from another file).\n"_s.arg(expect);
        else if (rowsAfter == 0)
            io.out << u"The hash %1 is the latest in the audit trail: nothing has changed since it was recorded.\n"_s.arg(expect);
        else
            io.out << u"The hash %1 is audit row %2: the history up to it is intact, and %3 %4 been recorded since.\n"_s.arg(expect)
                          .arg(*expectedAt).arg(rowsAfter).arg(rowsAfter == 1 ? u"change has"_s : u"changes have"_s);
    }
    io.out << u"Latest audit hash: %1\n"_s.arg(report->headHash);
    return ok ? ExitOk : ExitFound;
}

// ---- backup ---------------------------------------------------------------------------------------

QString BackupCommand::name() const { return u"backup"_s; }
QString BackupCommand::summary() const { return u"copy the case file to a new file, even while it is in use, and verify the copy"_s; }
QString BackupCommand::help() const
{
    return u"Usage: fairnote-cli backup [--db FILE] [--author \"NAME (ROLE)\"] DEST\n\n"
           u"Copies the case file to DEST (which must not exist) while it may be in use, then verifies\n"
           u"the copy; nothing is left at DEST unless the copy verifies. The copy is readable by you\n"
           u"only. The backup is recorded in the audit trail with its destination.\n\n"
           u"Options:\n"_s
        + storeOptionsHelp()
        + u"  -h, --help          show this help.\n\n"
          u"Exit status: 0 backed up, 2 bad usage or the backup could not be made.\n"_s;
}

int BackupCommand::execute(const QStringList &args, CliIo &io)
{
    ParsedArgs p;
    if (const auto done = parse(args, storeValueOptions(), {}, io, p))
        return *done;
    if (p.positional.size() != 1)
        return usageError(io, u"give the file to back up to (DEST)"_s);
    const auto actor = author(p, io);
    if (!actor)
        return ExitBadInput;
    auto s = open(p, io, Access::Read);
    if (!s)
        return ExitBadInput;
    // Reopened for writing when it may be, so that the backup is recorded in the audit trail. When it may
    // not, that is said once as a note (never as an error: the backup is still made).
    const QString path = dbPath(p);
    const auto holder = store::WriterLock::holder(path);
    const bool mayWrite = ::access(QFile::encodeName(path).constData(), W_OK) == 0
                          && ::access(QFile::encodeName(QFileInfo(path).absolutePath()).constData(), W_OK) == 0;
    if (mayWrite && !holder) {
        auto writable = open(p, io, Access::Write);
        if (!writable)
            return ExitBadInput;
        s = std::move(writable);
    } else {
        io.err << u"Note: the backup goes ahead, but it is not recorded in the audit trail of %1: %2.\n"_s
                      .arg(path, holder ? u"it is open for writing in %1"_s.arg(holder->describe()) : u"you may not write to it"_s);
    }
    Progress bar(io, u"Backing up"_s, 100);
    auto report = s->backup(p.positional.front(), *actor, [&](qint64 done, qint64 total) {
        bar.update(total ? done * 100 / total : 0);
        return true;
    });
    if (!report)
        return fail(io, report.error());
    for (const QString &note : report->notes) // an earlier backup a kill interrupted, and what became of it
        io.out << u"Note: %1\n"_s.arg(note);
    io.out << u"Backed up %1 to %2 and verified the copy (%3 entries, %4 audit rows).\nLatest audit hash of the copy: %5\n"_s
                  .arg(s->location(), p.positional.front()).arg(report->entries).arg(report->auditRows).arg(report->headHash);
    return ExitOk;
}

// ---- dev-generate ---------------------------------------------------------------------------------

QString DevGenerateCommand::name() const { return u"dev-generate"_s; }
QString DevGenerateCommand::summary() const { return u"(development) fill a case file with invented people and entries"_s; }
QString DevGenerateCommand::help() const
{
    return u"Usage: fairnote-cli dev-generate --db FILE [--people N] [--entries N] [--seed S]\n\n"
           u"For benchmarks and tests only: adds N invented people (default 1000) and N invented\n"
           u"entries (default 100000: case notes and incident records, most final, some\n"
           u"amended, some marked in error) to FILE, creating it if need be. Every record goes through\n"
           u"the same store as real ones (hashes, audit trail, search index). Deterministic per seed.\n\n"
           u"Options:\n"
           u"  --db FILE           the case file (required: never the app's own).\n"
           u"  --people N, --entries N, --seed S\n"
           u"  -h, --help          show this help.\n"_s;
}

namespace {
// Invented material for dev-generate: plain, factual sentences with names, places and times.
const char *const kFirst[] = {"Sam", "Ali", "Jordan", "Chris", "Pat", "Robin", "Alex", "Jamie", "Morgan", "Taylor", "Casey", "Jess"};
const char *const kLast[] = {"Rivers", "Khan", "Okafor", "Hughes", "Patel", "Morris", "Walsh", "Nowak", "Evans", "Clarke", "Byrne", "Shaw"};
const char *const kPlaces[] = {"the day centre", "Elm House", "the hub on Market Street", "the library", "the GP surgery",
                               "the housing office", "his room", "her flat", "the night shelter", "the job centre"};
const char *const kNotes[] = {
    "%1 came to %2 at %3 and asked about the housing application. I explained what the council needs and we booked a follow-up.",
    "%1 phoned at %3 to say the Universal Credit payment had not arrived. We called the helpline together from %2.",
    "I met %1 at %2 at %3. %1 said the new medication is helping with sleep and asked for a referral to the dentist.",
    "%1 attended the drop-in at %2 at %3 and used the laundry. %1 said the room at the hostel is cold at night.",
    "Home visit at %3. The smoke alarm in %2 was tested and worked. %1 agreed to keep the hallway clear.",
    "%1 missed the appointment at %3 at %2. I left a voicemail and will try again tomorrow.",
};
const char *const kIncidents[] = {
    "At %3 the smoke alarm at %2 sounded. Staff found a smouldering towel near a heater; %1 helped put it out with water.",
    "At %3 a pan of oil caught fire in the shared kitchen at %2. %1 turned off the hob and staff used the fire blanket.",
    "The police report says that a bin outside %2 was set alight at about %3. %1 was arrested and later released with no further action.",
    "%1 told staff at %2 at %3 that they had thought about setting a fire in their room. Staff stayed with %1 and called the crisis team.",
};
} // namespace

int DevGenerateCommand::execute(const QStringList &args, CliIo &io)
{
    ParsedArgs p;
    if (const auto done = parse(args, {u"--db"_s, u"--people"_s, u"--entries"_s, u"--seed"_s}, {}, io, p))
        return *done;
    if (!p.values.contains(u"--db"_s))
        return usageError(io, u"give the case file to fill with --db (it is never the app's own)"_s);
    bool ok1 = true, ok2 = true, ok3 = true;
    const int people = p.values.value(u"--people"_s, u"1000"_s).toInt(&ok1);
    const int entries = p.values.value(u"--entries"_s, u"100000"_s).toInt(&ok2);
    const quint32 seed = p.values.value(u"--seed"_s, u"1"_s).toUInt(&ok3);
    if (!ok1 || !ok2 || !ok3 || people < 1 || entries < 0)
        return usageError(io, u"--people, --entries and --seed need whole numbers (at least one person)"_s);
    auto s = open(p, io, Access::Create);
    if (!s)
        return ExitBadInput;
    QRandomGenerator random(seed);
    auto pick = [&](const auto &array) { return QString::fromUtf8(array[random.bounded(int(std::size(array)))]); };
    const store::Actor workers[] = {{u"Jo Fletcher"_s, u"Support worker"_s, u"Fairview Lodge"_s},
                                    {u"Dee Marsh"_s, u"Support worker"_s, u"Fairview Lodge"_s},
                                    {u"Sam Okafor"_s, u"Team leader"_s, u"Fairview Lodge"_s}};
    std::vector<record::CaseFile> files(static_cast<size_t>(people));
    const QDateTime start(QDate(2022, 1, 1), QTime(9, 0), Qt::UTC);
    for (int i = 0; i < people; ++i) {
        files[size_t(i)].person.id = u"G-%1-%2"_s.arg(seed).arg(i, 6, 10, QChar(u'0'));
        files[size_t(i)].person.name = pick(kFirst) + u' ' + pick(kLast);
    }
    for (int n = 0; n < entries; ++n) {
        record::CaseFile &cf = files[size_t(random.bounded(people))];
        record::Entry e;
        e.id = u"G-%1-E%2"_s.arg(seed).arg(n, 7, 10, QChar(u'0'));
        const QDateTime event = start.addSecs(qint64(random.bounded(4 * 365 * 24)) * 3600);
        e.eventDate.precision = record::DatePrecision::Exact;
        e.eventDate.exact = event;
        e.writtenAt = event.addSecs(qint64(random.bounded(1, 30)) * 3600);
        if (e.writtenAt > event.addSecs(24 * 3600))
            e.lateEntryReason = u"Written after the weekend."_s;
        e.author = workers[random.bounded(3)];
        const QString first = cf.person.name.section(u' ', 0, 0);
        const QString time = event.toString(u"HH:mm"_s);
        if (random.bounded(10) < 3) {
            record::IncidentRecord r;
            r.type = record::IncidentType(random.bounded(5));
            r.setting.type = record::SettingType(random.bounded(5));
            r.whatHappened = QString::fromUtf8(kIncidents[random.bounded(int(std::size(kIncidents)))]).arg(first, pick(kPlaces), time);
            r.harm = {record::Injury::None, record::Damage::Minor, u"Scorch marks."_s, record::YesNoUnknown::No, record::YesNoUnknown::No};
            r.source.type = record::SourceType::Observed;
            r.source.reference = u"Incident log %1"_s.arg(n);
            r.source.verification = record::Verification::Verified;
            r.legal.status = record::LegalStatus::PoliceNotInvolved;
            r.context = u"%1 said they had had a difficult week."_s.arg(first);
            r.changesSince = u"%1 agreed a safety plan and a home fire safety visit was requested."_s.arg(first);
            r.safetyPlan = u"No candles; smoking outside only; smoke alarm tested weekly."_s;
            r.safety.smoking = record::YesNoUnknown::Yes;
            r.safety.workingSmokeAlarm = record::YesNoUnknown::Yes;
            r.ownAccount.status = record::AccountStatus::Asked;
            r.ownAccount.text = u"I didn't mean for it to happen."_s;
            e.body = r;
        } else {
            e.body = record::GeneralNote{QString::fromUtf8(kNotes[random.bounded(int(std::size(kNotes)))]).arg(first, pick(kPlaces), time)};
        }
        cf.entries.push_back(std::move(e));
    }
    Progress bar(io, u"Generating"_s, entries);
    store::ImportOptions options;
    options.sourceName = u"dev-generate seed %1"_s.arg(seed);
    auto ids = s->importCaseFiles(files, workers[2], options, [&](qint64 done, qint64) { bar.update(done); return true; });
    if (!ids)
        return fail(io, ids.error());
    // A few amendments and marks in error, as a real file has.
    const int changes = std::min(entries / 50, 2000);
    for (int i = 0; i < changes; ++i) {
        const QString id = ids->at(size_t(random.bounded(int(ids->size()))));
        auto d = s->entry(id);
        if (!d || d->summary.status == store::EntryStatus::InError)
            continue;
        if (i % 4 == 0) {
            if (auto r = s->markInError(id, u"Written in the wrong person's file."_s, workers[2]); !r)
                return fail(io, r.error());
        } else {
            record::Entry e = d->revisions.back().entry;
            if (auto *note = std::get_if<record::GeneralNote>(&e.body))
                note->text += u" (Time corrected from the visitor book.)"_s;
            else
                std::get<record::IncidentRecord>(e.body).changesSince += u" The visit took place."_s;
            if (auto r = s->amend(id, e, u"Added what happened next."_s, workers[random.bounded(3)], {}); !r)
                return fail(io, r.error());
        }
    }
    io.out << u"Added %1 people and %2 entries to %3.\n"_s.arg(people).arg(ids->size()).arg(s->location());
    return ExitOk;
}

} // namespace fairnote::cli
