// SPDX-FileCopyrightText: 2026 Fairnote contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// The output fault campaign on the real binary: every output of fairnote-cli (each -o, and standard
// output) is driven through every failure point of core/io's seam — FAIRNOTE_IO_FAULT makes the Nth
// open, write, flush, sync, close, rename or folder sync fail with ENOSPC or EIO — and must be whole or
// absent, exit 2 with a message, lose nothing that was there, leave no temporary file behind and no audit
// row claiming an export that did not happen. Also: a real full disk (/dev/full), owner-only output
// whatever the umask, and inputs that never end.
#include "store/store.h"
#include "store/sqlite/open.h"
#include "testsupport.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QSet>
#include <QTemporaryDir>
#include <sys/stat.h>

using namespace Qt::StringLiterals;
using namespace fairnote;

namespace {

struct Run
{
    int code;
    QString out;
    QString err;
};

const QString kAuthor = u"Jo Fletcher (Support worker, Fairview Lodge)"_s;
const QString kExamples = QStringLiteral(FAIRNOTE_SOURCE_DIR "/docs/examples/");

// Runs fairnote-cli with its settings in `home` and `env` added; with `stdoutFile`, standard output goes
// to that file (a regular file, so its sync can fail too), through `sh -c 'exec … > FILE'`.
Run cli(const QTemporaryDir &home, const QStringList &args, const QHash<QString, QString> &env = {}, const QString &stdoutFile = {},
        const QString &prefix = {})
{
    QProcess p;
    auto e = fairnote::testing::cliEnvironment(home);
    for (auto it = env.begin(); it != env.end(); ++it)
        e.insert(it.key(), it.value());
    p.setProcessEnvironment(e);
    if (stdoutFile.isEmpty() && prefix.isEmpty()) {
        p.start(QStringLiteral(FAIRNOTE_CLI), args);
    } else {
        QString line = prefix + u" exec \"$0\""_s;
        for (int i = 1; i <= args.size(); ++i)
            line += u" \"${%1}\""_s.arg(i); // braces: "$10" would be "$1" followed by 0
        if (!stdoutFile.isEmpty())
            line += u" > '%1'"_s.arg(stdoutFile);
        p.start(u"/bin/sh"_s, QStringList{u"-c"_s, line, QStringLiteral(FAIRNOTE_CLI)} + args);
    }
    REQUIRE(p.waitForStarted());
    p.closeWriteChannel();
    REQUIRE(p.waitForFinished(120000));
    REQUIRE(p.exitStatus() == QProcess::NormalExit);
    return {p.exitCode(), QString::fromUtf8(p.readAllStandardOutput()), QString::fromUtf8(p.readAllStandardError())};
}

QByteArray bytesOf(const QString &path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return {};
    return f.readAll();
}

void put(const QString &path, const QByteArray &bytes)
{
    QFile f(path);
    REQUIRE(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
    REQUIRE(f.write(bytes) == bytes.size());
}

std::vector<store::AuditRow> trail(const QString &db)
{
    store::OpenOptions o;
    o.readOnly = true;
    o.create = store::OpenOptions::Create::No;
    auto s = store::openStore(db, o);
    REQUIRE(s);
    auto rows = (*s)->auditTrail();
    REQUIRE(rows);
    return *rows;
}

// Every export row added after `before` rows is followed by an "export-failed" row that names it.
void checkNoClaimedExport(const std::vector<store::AuditRow> &rows, std::size_t before)
{
    QSet<qint64> failed;
    for (std::size_t i = before; i < rows.size(); ++i)
        if (rows[i].action == u"export-failed")
            failed.insert(rows[i].detail.value(u"export"_s).toInteger());
    for (std::size_t i = before; i < rows.size(); ++i) {
        if (!rows[i].action.startsWith(u"export") || rows[i].action == u"export-failed")
            continue;
        INFO("audit row " << rows[i].seq << " (" << rows[i].action.toStdString() << ") claims an export that failed");
        CHECK(failed.contains(rows[i].seq));
    }
}

// The case file the campaign writes from: the complete example, and enough invented entries that a
// whole-file export takes several of the writer's 64 KiB buffers. Made once per run of this program
// (three child processes under ASan) and copied into each test's home.
QString prepared(const QTemporaryDir &home)
{
    static QTemporaryDir baseHome;
    static const QString base = [] {
        const QString db = baseHome.filePath(u"case.db"_s);
        REQUIRE(cli(baseHome, {u"init"_s, u"--db"_s, db}).code == 0);
        const Run imported = cli(baseHome, {u"import"_s, u"--db"_s, db, u"--author"_s, kAuthor, u"--no-spelling"_s, kExamples + u"incident-complete.json"_s});
        INFO(imported.err.toStdString());
        REQUIRE(imported.code == 0);
        REQUIRE(cli(baseHome, {u"dev-generate"_s, u"--db"_s, db, u"--people"_s, u"3"_s, u"--entries"_s, u"60"_s, u"--seed"_s, u"5"_s}).code == 0);
        return db;
    }();
    const QString db = home.filePath(u"case.db"_s);
    REQUIRE(QFile::copy(base, db)); // closed cleanly: the file alone holds everything
    QFile::setPermissions(db, QFileDevice::ReadOwner | QFileDevice::WriteOwner);
    return db;
}

// A training file with two recorded attempts, for `exercise results`.
QString trainingFile(const QTemporaryDir &home)
{
    const QString db = home.filePath(u"training.db"_s);
    const QString answer = home.filePath(u"answer.json"_s);
    put(answer, R"({"answers": {"s1": "fact", "s2": "opinion"}})");
    for (const QString &learner : {u"L07"_s, u"L08"_s})
        REQUIRE(cli(home, {u"exercise"_s, u"score"_s, u"--db"_s, db, u"--learner"_s, learner, u"sort-night-log"_s, answer}).code == 1);
    return db;
}

// Whether `bytes` is a whole document of its kind (the end of it is there).
bool whole(const QString &path, const QByteArray &bytes)
{
    const QString suffix = QFileInfo(path).suffix();
    if (suffix == u"json" || suffix == u"out")
        return QJsonDocument::fromJson(bytes).isObject();
    if (suffix == u"html")
        return bytes.trimmed().endsWith("</html>");
    if (suffix == u"pdf")
        return bytes.startsWith("%PDF") && bytes.trimmed().endsWith("%%EOF");
    return bytes.endsWith('\n');
}

struct Target
{
    QString name;
    QStringList args;  // without -o
    QString file;      // the -o file, or the file standard output goes to
    bool toStdout;
    bool audited;
};

} // namespace

namespace {

// One failure injected into one run of the real binary: the Nth call of `op` fails with `errnum`.
struct Fault
{
    QString op;
    int n;
    QString errnum;
};

// The campaign. `full`: every point up to the 40th call with ENOSPC, and the first with EIO, for every
// output (several minutes under ASan; run by hand: test-cli-faults "[full]").
// Otherwise, a representative table that stays well under a minute under ASan: core/io's writer is the
// one piece of code under every output, and tests/io drives it through every failure point in-process;
// what is left to prove on the binary is that each command writes through it and reports what failed
// (exit 2, the message, the audit row). So every output has its first flush (a file) or write (standard
// output) fail with a full disk; the whole-file export (several buffers, audited) has every other kind of
// call fail too (its first write is a full buffer, more to come) and an I/O error; one audited report and one standard
// output have their sync fail.
std::vector<Fault> faultsFor(const QString &target, bool toStdout, bool full)
{
    std::vector<Fault> out;
    const QStringList ops = toStdout ? QStringList{u"write"_s, u"sync"_s}
                                     : QStringList{u"open"_s, u"write"_s, u"flush"_s, u"sync"_s, u"close"_s, u"rename"_s, u"sync-folder"_s};
    if (full) {
        for (const QString &op : ops)
            for (const QString &errnum : {u"ENOSPC"_s, u"EIO"_s})
                for (int n = 1; n <= (errnum == u"EIO" ? 1 : 40); ++n)
                    out.push_back({op, n, errnum});
        return out;
    }
    // A small document sits in the writer's buffer until it is flushed; standard output is written as it goes.
    out.push_back({toStdout ? u"write"_s : u"flush"_s, 1, u"ENOSPC"_s});
    if (target == u"export, whole file") {
        for (const QString &op : ops) // its first write is a full buffer, with more of the file to come
            if (op != u"flush")
                out.push_back({op, 1, u"ENOSPC"_s});
        out.push_back({u"write"_s, 1, u"EIO"_s});
    } else if (target == u"report sar as JSON" || target == u"export to standard output") {
        out.push_back({u"sync"_s, 1, u"ENOSPC"_s});
    }
    return out;
}

void campaign(bool full)
{
    QTemporaryDir home;
    const QString db = prepared(home);
    const QString training = trainingFile(home);
    const QString out = home.filePath(u"out"_s);
    REQUIRE(QDir().mkpath(out));
    const QStringList summaryArgs{u"report"_s, u"summary"_s, u"--db"_s, db, u"--author"_s, kAuthor, u"--person"_s, u"Sam Rivers"_s,
                                  u"--purpose"_s, u"Referral for temporary accommodation"_s, u"--recipient"_s, u"Housing Options"_s,
                                  u"--consent"_s};
    const QString note = home.filePath(u"note.txt"_s);
    put(note, "We met at the library at noon and talked about his housing options.\n");
    const std::vector<Target> targets{
        {u"export, whole file"_s, {u"export"_s, u"--db"_s, db, u"--author"_s, kAuthor}, out + u"/export.json"_s, false, true},
        {u"export to standard output"_s, {u"export"_s, u"--db"_s, db, u"--author"_s, kAuthor, u"--person"_s, u"Sam Rivers"_s},
         out + u"/stdout-export.out"_s, true, true},
        {u"report summary as HTML"_s, summaryArgs, out + u"/summary.html"_s, false, true},
        {u"report summary as PDF"_s, summaryArgs, out + u"/summary.pdf"_s, false, true},
        {u"report summary to standard output"_s, QStringList(summaryArgs) << u"--format"_s << u"json"_s, out + u"/stdout-summary.out"_s, true, true},
        {u"report sar as JSON"_s, {u"report"_s, u"sar"_s, u"--db"_s, db, u"--author"_s, kAuthor, u"--person"_s, u"Sam Rivers"_s},
         out + u"/sar.json"_s, false, true},
        {u"trends"_s, {u"trends"_s, u"--db"_s, db}, out + u"/trends.csv"_s, false, false},
        {u"trends to standard output"_s, {u"trends"_s, u"--db"_s, db, u"--format"_s, u"json"_s}, out + u"/stdout-trends.out"_s, true, false},
        {u"exercise results"_s, {u"exercise"_s, u"results"_s, u"--db"_s, training}, out + u"/results.csv"_s, false, false},
        {u"check to standard output"_s, {u"check"_s, u"--no-spelling"_s, u"--format"_s, u"json"_s, note},
         out + u"/stdout-check.out"_s, true, false},
    };
    const QByteArray old = "an earlier file of this name, which must survive";
    const QString log = home.filePath(u"fired.log"_s);
    int fired = 0;
    for (const Target &t : targets) {
        const QStringList args = t.toStdout ? t.args : QStringList(t.args) << u"-o"_s << t.file;
        QSet<QString> exhausted; // "op errnum" whose calls ran out: a higher N cannot fire either
        for (const Fault &fault : faultsFor(t.name, t.toStdout, full)) {
            const QString &op = fault.op;
            const QString &errnum = fault.errnum;
            const int n = fault.n;
            if (exhausted.contains(op + u' ' + errnum))
                continue;
            // A file target closes one file; a later close is standard output's, with nothing written to
            // it, which is rightly not an error.
            if (!t.toStdout && op == u"close" && n > 1)
                continue;
            INFO(t.name.toStdString() << ": " << op.toStdString() << " #" << n << " fails with " << errnum.toStdString());
            if (!t.toStdout)
                put(t.file, old);
            QFile::remove(log);
            const std::size_t before = t.audited ? trail(db).size() : 0;
            const Run r = cli(home, args, {{u"FAIRNOTE_IO_FAULT"_s, u"%1:%2:%3"_s.arg(op).arg(n).arg(errnum)}, {u"FAIRNOTE_IO_FAULT_LOG"_s, log}},
                              t.toStdout ? t.file : QString());
            INFO(r.err.toStdString());
            if (!QFile::exists(log)) {
                // No such call: the output went out whole. The sweep runs past the last call; every
                // point of the representative table must be reached.
                if (!full)
                    FAIL_CHECK("this failure point was never reached");
                CHECK(r.code == 0);
                CHECK(whole(t.file, bytesOf(t.file)));
                exhausted.insert(op + u' ' + errnum);
                continue;
            }
            ++fired;
            CHECK(r.code == 2);
            CHECK(r.err.contains(u"error: "_s));
            CHECK((r.err.contains(u"no room left on the disk"_s) || r.err.contains(u"the disk reported an error"_s)));
            if (t.toStdout) {
                CHECK(r.err.contains(u"standard output"_s));
            } else if (op == u"sync-folder") {
                // Renamed into place, whole; only the folder's sync is in doubt, and the message says so.
                CHECK(whole(t.file, bytesOf(t.file)));
                CHECK(r.err.contains(u"was written in full"_s));
            } else {
                CHECK(bytesOf(t.file) == old);
            }
            CHECK(QDir(out).entryList({u"*.unfinished-*"_s}, QDir::Files | QDir::Hidden).isEmpty());
            if (t.audited && op != u"sync-folder")
                checkNoClaimedExport(trail(db), before);
        }
    }
    CHECK(fired > (full ? 60 : 16));
    // Nothing that was saved is lost: the case file verifies.
    const Run verify = cli(home, {u"verify"_s, u"--db"_s, db});
    INFO(verify.out.toStdString());
    CHECK(verify.code == 0);
}

} // namespace

TEST_CASE("every output is whole or absent when a write fails, and an export through every kind of call", "[cli][faults][io]")
{
    campaign(false);
}

TEST_CASE("every output is whole or absent through every injected failure up to the 40th call", "[.][full][cli][faults][io]")
{
    campaign(true);
}

TEST_CASE("export to a full disk (/dev/full) exits 2 and the audit trail says the export failed", "[cli][faults][io]")
{
    QTemporaryDir home;
    const QString db = prepared(home);
    const std::size_t before = trail(db).size();
    const Run r = cli(home, {u"export"_s, u"--db"_s, db, u"--author"_s, kAuthor, u"--person"_s, u"Sam Rivers"_s}, {}, u"/dev/full"_s);
    CHECK(r.code == 2);
    CHECK(r.err.contains(u"no room left on the disk for standard output"_s));
    CHECK(r.err.contains(u"The audit trail records the attempt and that it failed."_s));
    const auto rows = trail(db);
    REQUIRE(rows.size() == before + 2);
    CHECK(rows[before].action == u"export"_s);
    CHECK(rows[before + 1].action == u"export-failed"_s);
    CHECK(rows[before + 1].detail.value(u"export"_s).toInteger() == rows[before].seq);
    // A subject-access export tells the person it was not delivered.
    const Run sar = cli(home, {u"report"_s, u"sar"_s, u"--db"_s, db, u"--author"_s, kAuthor, u"--person"_s, u"Sam Rivers"_s,
                               u"--format"_s, u"json"_s});
    REQUIRE(sar.code == 0);
    const QJsonArray log = QJsonDocument::fromJson(sar.out.toUtf8()).object().value(u"export_log"_s).toArray();
    REQUIRE_FALSE(log.isEmpty());
    CHECK(log.first().toString().contains(u"It was not delivered"_s));
    // Any command's standard output is checked, not only exports.
    CHECK(cli(home, {u"people"_s, u"--db"_s, db}, {}, u"/dev/full"_s).code == 2);
    CHECK(cli(home, {u"--help"_s}, {}, u"/dev/full"_s).code == 2);
    // A failed close of standard output (a pipe here, which cannot be synced) is reported too.
    const QString closeLog = home.filePath(u"close.log"_s);
    const Run closed = cli(home, {u"people"_s, u"--db"_s, db}, {{u"FAIRNOTE_IO_FAULT"_s, u"close:1:EIO"_s}, {u"FAIRNOTE_IO_FAULT_LOG"_s, closeLog}});
    CHECK(QFile::exists(closeLog));
    CHECK(closed.code == 2);
    CHECK(closed.err.contains(u"standard output"_s));
}

TEST_CASE("every -o file is owner-only whatever the umask, trends included", "[cli][io]")
{
    QTemporaryDir home;
    const QString db = prepared(home);
    const QString csv = home.filePath(u"trends.csv"_s), json = home.filePath(u"export.json"_s);
    REQUIRE(cli(home, {u"trends"_s, u"--db"_s, db, u"-o"_s, csv}, {}, {}, u"umask 000;"_s).code == 0);
    REQUIRE(cli(home, {u"export"_s, u"--db"_s, db, u"--author"_s, kAuthor, u"-o"_s, json}, {}, {}, u"umask 000;"_s).code == 0);
    for (const QString &path : {csv, json}) {
        struct stat st;
        REQUIRE(::stat(QFile::encodeName(path).constData(), &st) == 0);
        INFO(path.toStdString());
        CHECK((st.st_mode & 0777) == 0600);
    }
}

TEST_CASE("an input that never ends stops at its limit with exit 2 instead of running out of memory", "[cli][io][limits]")
{
    QTemporaryDir home;
    const Run zero = cli(home, {u"check"_s, u"--no-spelling"_s, u"/dev/zero"_s});
    CHECK(zero.code == 2);
    CHECK(zero.err.contains(u"/dev/zero: error: is larger than 64 MB, the most Fairnote reads as a note"_s));
    const Run endless = cli(home, {u"assess"_s, u"--no-spelling"_s, u"-"_s}, {}, {}, u"yes '{' |"_s);
    CHECK(endless.code == 2);
    CHECK(endless.err.contains(u"<stdin>: error: is larger than 16 MB, the most Fairnote reads as one case file"_s));
    REQUIRE(cli(home, {u"init"_s, u"--db"_s, home.filePath(u"c.db"_s)}).code == 0);
    const Run import = cli(home, {u"import"_s, u"--db"_s, home.filePath(u"c.db"_s), u"--author"_s, kAuthor, u"/dev/zero"_s});
    CHECK(import.code == 2);
    CHECK(import.err.contains(u"/dev/zero: error: "_s));
}
