// SPDX-FileCopyrightText: 2026 Fairnote contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// The CLI commands in-process, with captured streams: option parsing and quiet progress.
#include "command.h"
#include "common.h"
#include "testsupport.h"
#include "faultvfs.h"

#include <QFile>
#include <QTemporaryDir>
#include <QThread>
#include <sqlite3.h>

using namespace Qt::StringLiterals;
using namespace fairnote::cli;

namespace {
struct Captured
{
    QString out, err;
    QTextStream outStream{&out}, errStream{&err};
    CliIo io{outStream, errStream, false, false, {}};
};
} // namespace

TEST_CASE("option parser: values, inline values, flags, -- and errors", "[cli][args]")
{
    auto p = parseArgs({u"--format"_s, u"json"_s, u"a.txt"_s, u"--rules=dir"_s, u"--"_s, u"--odd"_s},
                       {u"--format"_s, u"--rules"_s}, {});
    CHECK(p.error.isEmpty());
    CHECK(p.values.value(u"--format"_s) == u"json"_s);
    CHECK(p.values.value(u"--rules"_s) == u"dir"_s);
    CHECK(p.positional == QStringList{u"a.txt"_s, u"--odd"_s});
    CHECK(parseArgs({u"-h"_s}, {}, {}).flags == QStringList{u"--help"_s});
    CHECK(parseArgs({u"--format"_s}, {u"--format"_s}, {}).error.contains(u"needs a value"_s));
    CHECK(parseArgs({u"--help=1"_s}, {}, {}).error.contains(u"takes no value"_s));
    CHECK(parseArgs({u"-x"_s}, {}, {}).error.contains(u"unknown option"_s));
}

TEST_CASE("check from standard input through injected streams", "[cli]")
{
    Captured c;
    c.io.openStdin = [](const fairnote::io::ReadOptions &o) { return fairnote::io::Input::fromBytes("He kicked off.", u"<stdin>"_s, o); };
    CHECK(run({u"check"_s, u"-"_s}, c.io) == ExitFound);
    CHECK(c.out.startsWith(u"<stdin>:1:4: warning: "_s));
    CHECK(c.err.isEmpty());
}

TEST_CASE("progress stays silent when stderr is not a terminal, even once a bar would be due", "[cli][progress]")
{
    Captured c; // errIsTerminal is false: a pipe, a file, CI
    {
        Progress p(c.io, u"Checking"_s, 100);
        QThread::msleep(1100); // past the second after which a terminal gets a bar
        p.update(50);
        p.update(100);
    }
    CHECK(c.err.isEmpty());
}

TEST_CASE("progress draws a bar on a terminal only after a second", "[cli][progress]")
{
    Captured c;
    c.io.errIsTerminal = true;
    {
        Progress p(c.io, u"Checking"_s, 100);
        p.update(10); // too soon to draw
        CHECK(c.err.isEmpty());
        QThread::msleep(1100);
        p.update(50);
        CHECK(c.err.contains(u"Checking ["_s));
        CHECK(c.err.contains(u"50%"_s));
    }
    CHECK(c.err.endsWith(u"\r\x1b[2K"_s)); // erased when done
}

// Issue 15: a read that failed just after import's transaction committed (reading an entry back for the
// message) ended the program with std::bad_variant_access. Every SQLite read of an import is failed in
// turn, in-process (an exception escaping run() would end this test program too): each run exits 0 with
// the import done, or 2 with an I/O error that never calls the file damaged.
TEST_CASE("import: a read failing at any point, even after the import committed, gives a result, never an abort",
          "[cli][import][faults]")
{
    fairnote::testing::installFaultVfs();
    QTemporaryDir dir;
    const QString base = dir.filePath(u"base.db"_s), db = dir.filePath(u"case.db"_s);
    {
        Captured c;
        REQUIRE(run({u"init"_s, u"--db"_s, base}, c.io) == ExitOk);
    }
    const QString example = QStringLiteral(FAIRNOTE_SOURCE_DIR "/docs/examples/incident-complete.json");
    int fired = 0;
    bool committedThenFailed = false;
    for (int n = 1; n <= 2000; ++n) {
        for (const char *suffix : {"", "-wal", "-shm"})
            QFile::remove(db + QLatin1String(suffix));
        REQUIRE(QFile::copy(base, db));
        Captured c;
        fairnote::testing::armVfsFault({fairnote::testing::VfsOp::Read, n, SQLITE_IOERR_READ});
        const int rc = run({u"import"_s, u"--db"_s, db, u"--author"_s, u"Jo Fletcher (Support worker)"_s, u"--no-spelling"_s, example}, c.io);
        const bool hit = fairnote::testing::vfsFaultFired();
        fairnote::testing::disarmVfsFault();
        INFO("SQLite read #" << n << " failed; exit " << rc << "; out: " << c.out.toStdString() << "; err: " << c.err.toStdString());
        if (!hit) {
            CHECK(rc == ExitOk);
            break;
        }
        ++fired;
        CHECK((rc == ExitOk || rc == ExitBadInput));
        if (rc == ExitOk) {
            CHECK(c.out.contains(u"Imported"_s));
            committedThenFailed = true;
        } else {
            CHECK_FALSE(c.err.isEmpty());
            CHECK_FALSE(c.err.contains(u"damaged"_s));
        }
    }
    CHECK(fired > 10);
    CHECK(committedThenFailed); // some failed read came after the commit, where the abort was
}
