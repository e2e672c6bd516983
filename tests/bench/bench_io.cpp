// SPDX-FileCopyrightText: 2026 Fairnote contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// fairnote-bench-io: whole fairnote-cli commands on large inputs, each in its own process (forked, so its
// peak memory is its own), with the budget beside each figure:
//   - a 10 MB note and a note of 1,000,000 lines: check and assess, spelling on (< 2 s, < 300 MB each);
//   - with --db FILE (the 100,000-entry file of fairnote-bench-store): a whole-file export and its import
//     into a new file, which must give back every entry.
//   fairnote-bench-io [--corpus FILE] [--db FILE] [--work DIR]
#include "command.h"
#include "io/outputstream.h"
#include "store/sqlite/open.h"
#include "store/store.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <chrono>
#include <cstdio>
#include <fcntl.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

using namespace Qt::StringLiterals;
using namespace fairnote;
using Clock = std::chrono::steady_clock;

namespace {

struct Measured
{
    int code = -1;
    double seconds = 0;
    double peakMb = 0;
};

[[noreturn]] void die(const QString &message)
{
    std::fprintf(stderr, "fairnote-bench-io: %s\n", qPrintable(message));
    std::exit(2);
}

// Runs `fairnote-cli ARGS` in a child process (its standard output to /dev/null): exit status, wall time
// and the child's own peak resident memory.
Measured runCli(const QStringList &args)
{
    const auto start = Clock::now();
    const pid_t child = ::fork();
    if (child < 0)
        die(u"cannot fork"_s);
    if (child == 0) {
        const int devNull = ::open("/dev/null", O_WRONLY);
        ::dup2(devNull, STDOUT_FILENO);
        io::OutputStream outDevice(STDOUT_FILENO, u"standard output"_s);
        QTextStream out(&outDevice);
        QString errText;
        QTextStream err(&errText);
        cli::CliIo io{out, err, false, false, [](const io::ReadOptions &o) { return io::Input::standardInput(o); }};
        const int rc = cli::run(args, io);
        out.flush();
        if (rc == 2)
            std::fprintf(stderr, "%s", qPrintable(errText));
        std::fflush(nullptr);
        ::_exit(rc);
    }
    int status = 0;
    rusage usage{};
    if (::wait4(child, &status, 0, &usage) != child)
        die(u"cannot wait for the child"_s);
    Measured m;
    m.seconds = std::chrono::duration<double>(Clock::now() - start).count();
    m.code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    m.peakMb = double(usage.ru_maxrss) / 1024.0; // kilobytes on Linux
    return m;
}

void write(const QString &path, const QByteArray &bytes)
{
    QFile f(path);
    if (!f.open(QIODevice::WriteOnly | QIODevice::Truncate) || f.write(bytes) != bytes.size())
        die(u"cannot write %1"_s.arg(path));
}

// One case file (interchange v1) whose single note is `text`.
QByteArray caseFileWith(const QString &text)
{
    const QJsonObject entry{{u"id"_s, u"bench-0001"_s},
                            {u"kind"_s, u"note"_s},
                            {u"written_at"_s, u"2025-11-20T10:00:00Z"_s},
                            {u"author"_s, QJsonObject{{u"name"_s, u"Jo Fletcher"_s}, {u"role"_s, u"Support worker"_s}, {u"organisation"_s, u""_s}}},
                            {u"event_date"_s, QJsonObject{{u"precision"_s, u"unknown"_s}}},
                            {u"late_entry_reason"_s, u""_s},
                            {u"people_present"_s, QJsonArray()},
                            {u"note"_s, QJsonObject{{u"text"_s, text}}}};
    const QJsonObject root{{u"format"_s, u"fairnote-case-file"_s},
                           {u"version"_s, 1},
                           {u"person"_s, QJsonObject{{u"id"_s, u"person-0001"_s}, {u"name"_s, u"Sam Rivers"_s}}},
                           {u"entries"_s, QJsonArray{entry}}};
    return QJsonDocument(root).toJson(QJsonDocument::Compact);
}

void report(const char *what, const Measured &m, const char *budget)
{
    std::printf("  %-44s %7.2f s, %7.1f MB peak%s   (budget %s)\n", what, m.seconds, m.peakMb,
                m.code == 2 || m.code < 0 ? "  FAILED" : "", budget);
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QString corpusPath = QStringLiteral(FAIRNOTE_CORPUS_DIR "/dev.txt");
    QString db, work;
    const QStringList args = app.arguments();
    for (qsizetype i = 1; i + 1 < args.size(); ++i) {
        if (args[i] == u"--corpus")
            corpusPath = args[++i];
        else if (args[i] == u"--db")
            db = args[++i];
        else if (args[i] == u"--work")
            work = args[++i];
    }
    QTemporaryDir temp;
    if (work.isEmpty())
        work = temp.path();
    QFile corpusFile(corpusPath);
    if (!corpusFile.open(QIODevice::ReadOnly))
        die(u"cannot read the corpus %1"_s.arg(corpusPath));
    const QString corpus = QString::fromUtf8(corpusFile.readAll());

    // A 10 MB note: the corpus (real prose, paragraphs) again and again.
    QString big;
    while (big.toUtf8().size() < 10 * 1000 * 1000)
        big += corpus + u"\n\n"_s;
    big.truncate(10 * 1000 * 1000);
    // A note of 1,000,000 lines: the corpus's words, one or two to a line (about 7 MB).
    QString lines;
    {
        const QStringList words = corpus.simplified().split(u' ');
        lines.reserve(8 * 1000 * 1000);
        for (qsizetype i = 0, w = 0; i < 1000000; ++i) {
            lines += words[w++ % words.size()];
            if (i % 2 == 0)
                lines += u' ' + words[w++ % words.size()];
            lines += u'\n';
        }
    }
    // A pasted transcript: 160,000 lines of quoted words and no full stop, one sentence of 4 MB with a
    // speech verb (each quotation once looked at the whole sentence again: 10 s for a quarter of this).
    QString transcript = u"He said"_s;
    for (int i = 0; i < 160000; ++i)
        transcript += u"\n\"kicked\" and \"off\" again"_s;
    const QString transcriptTxt = work + u"/note-transcript.txt"_s;
    write(transcriptTxt, transcript.toUtf8());
    const QString bigTxt = work + u"/note-10mb.txt"_s, linesTxt = work + u"/note-1m-lines.txt"_s;
    const QString bigJson = work + u"/note-10mb.json"_s, linesJson = work + u"/note-1m-lines.json"_s;
    write(bigTxt, big.toUtf8());
    write(linesTxt, lines.toUtf8());
    write(bigJson, caseFileWith(big));
    write(linesJson, caseFileWith(lines));

    std::printf("Large notes, the whole fairnote-cli process, spelling on, output to /dev/null:\n");
    report("check, a 10 MB note", runCli({u"check"_s, bigTxt}), "< 2 s, < 300 MB");
    report("assess, a 10 MB note", runCli({u"assess"_s, u"--now"_s, u"2025-11-25T12:00:00Z"_s, bigJson}), "< 2 s, < 300 MB");
    report("check, a note of 1,000,000 lines", runCli({u"check"_s, linesTxt}), "< 2 s, < 300 MB");
    report("assess, a note of 1,000,000 lines", runCli({u"assess"_s, u"--now"_s, u"2025-11-25T12:00:00Z"_s, linesJson}),
           "< 2 s, < 300 MB");
    report("check, a transcript of 160,000 quoted lines", runCli({u"check"_s, transcriptTxt}), "< 2 s, < 300 MB");

    if (!db.isEmpty()) {
        const QString author = u"Bench Runner (Support worker)"_s;
        const QString exported = work + u"/whole-file-export.json"_s, imported = work + u"/imported.db"_s;
        for (const QString &suffix : {QString(), u"-wal"_s, u"-shm"_s})
            QFile::remove(imported + suffix);
        const qsizetype entries = [&] {
            auto s = store::openStore(db, {});
            if (!s)
                die(s.error().message);
            // What the export holds: final entries, not drafts and not those marked in error (docs/cli.md).
            store::ListFilter exported;
            exported.includeInError = false;
            qsizetype count = 0;
            const auto listed = (*s)->entries(exported, {});
            if (!listed)
                die(listed.error().message);
            for (const auto &e : *listed)
                count += e.status != store::EntryStatus::Draft;
            return count;
        }();
        std::printf("\nA whole-file export of %lld entries and its import into a new file:\n", qlonglong(entries));
        const Measured out = runCli({u"export"_s, u"--db"_s, db, u"--author"_s, author, u"-o"_s, exported});
        report("export (whole file, -o)", out, "none set; must work");
        std::printf("    the export is %.1f MB\n", double(QFileInfo(exported).size()) / 1e6);
        if (runCli({u"init"_s, u"--db"_s, imported}).code != 0)
            die(u"cannot create %1"_s.arg(imported));
        const Measured in = runCli({u"import"_s, u"--db"_s, imported, u"--author"_s, author, u"--no-spelling"_s, exported});
        report("import of that export", in, "none set; must work");
        auto back = store::openStore(imported, {});
        if (!back)
            die(back.error().message);
        const qsizetype got = qsizetype((*back)->entries({}, {})->size());
        std::printf("    round trip: %lld of %lld entries back%s\n", qlonglong(got), qlonglong(entries), got == entries ? "" : "  FAILED");
    }
    return 0;
}
