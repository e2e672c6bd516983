// SPDX-FileCopyrightText: 2026 Fairnote contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// core/io: the atomic writer is whole or absent through every injected fault, owner-only whatever the
// umask; input is bounded while it is read (/dev/zero, a growing file, a named pipe with no writer);
// standard output reports a failed write.
#include "io/atomicfile.h"
#include "io/faults.h"
#include "io/input.h"
#include "io/outputstream.h"

#include <catch2/catch.hpp>

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QTemporaryDir>
#include <QTextStream>
#include <atomic>
#include <cerrno>
#include <chrono>
#include <fcntl.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <thread>
#include <unistd.h>

using namespace Qt::StringLiterals;
using namespace fairnote::io;

namespace {

QByteArray contents(const QString &path)
{
    QFile f(path);
    REQUIRE(f.open(QIODevice::ReadOnly));
    return f.readAll();
}

void put(const QString &path, const QByteArray &bytes)
{
    QFile f(path);
    REQUIRE(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
    REQUIRE(f.write(bytes) == bytes.size());
}

mode_t modeOf(const QString &path)
{
    struct stat st;
    REQUIRE(::stat(QFile::encodeName(path).constData(), &st) == 0);
    return st.st_mode & 07777;
}

QStringList filesIn(const QString &dir)
{
    return QDir(dir).entryList(QDir::Files | QDir::Hidden | QDir::System, QDir::Name);
}

// Disarms the seam whatever a test did.
struct SeamGuard
{
    ~SeamGuard() { disarmFault(); }
};

// The old file's bytes, 200 KB of new bytes (several buffers), written with `fault` armed.
struct Attempt
{
    std::optional<IoError> error;
    bool fired = false;
};
Attempt writeWithFault(const QString &path, const QByteArray &bytes, const Fault &fault)
{
    SeamGuard guard;
    armFault(fault);
    Attempt a;
    a.error = writeFileAtomically(path, bytes);
    a.fired = faultFired();
    return a;
}

} // namespace

TEST_CASE("an atomic write replaces the file whole, owner-only, and leaves nothing beside it", "[io]")
{
    QTemporaryDir dir;
    const QString path = dir.filePath(u"summary.html"_s);
    put(path, "old contents");
    REQUIRE(QFile::setPermissions(path, QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ReadGroup | QFileDevice::ReadOther));
    const QByteArray bytes(200 * 1024, 'x');
    REQUIRE_FALSE(writeFileAtomically(path, bytes));
    CHECK(contents(path) == bytes);
    CHECK(modeOf(path) == 0600);
    CHECK(filesIn(dir.path()) == QStringList{u"summary.html"_s});
}

TEST_CASE("a new file is owner-only from creation whatever the umask", "[io]")
{
    QTemporaryDir dir;
    for (const mode_t mask : {mode_t(0), mode_t(022), mode_t(0277), mode_t(0777)}) {
        const mode_t old = ::umask(mask);
        const QString path = dir.filePath(u"out-%1.json"_s.arg(mask, 0, 8));
        AtomicFile f(path);
        const auto opened = f.open();
        const mode_t whileWriting = opened ? 0 : modeOf(f.temporaryPath());
        const auto committed = opened ? opened : f.commit();
        ::umask(old);
        INFO("umask " << std::oct << mask);
        REQUIRE_FALSE(committed);
        CHECK(whileWriting == 0600);
        CHECK(modeOf(path) == 0600);
    }
}

TEST_CASE("every injected write, flush, sync, close or rename failure leaves the old file and no temporary", "[io][faults]")
{
    QTemporaryDir dir;
    const QString path = dir.filePath(u"export.json"_s);
    const QByteArray old = "{\"the\": \"earlier export\"}";
    const QByteArray bytes(200 * 1024 + 17, 'n'); // three full buffers and a partial one
    // Count the calls of a clean write first, so every failure point is visited.
    resetFaultCounts();
    REQUIRE_FALSE(writeFileAtomically(dir.filePath(u"count.json"_s), bytes));
    const int writes = faultCount(Operation::Write);
    CHECK(writes == 3);
    CHECK(faultCount(Operation::Flush) == 1);
    CHECK(faultCount(Operation::Sync) == 1);
    CHECK(faultCount(Operation::Rename) == 1);
    QFile::remove(dir.filePath(u"count.json"_s));

    struct Point { Operation op; int nth; };
    std::vector<Point> points{{Operation::Open, 1}, {Operation::Flush, 1}, {Operation::Sync, 1}, {Operation::Close, 1}, {Operation::Rename, 1}};
    for (int n = 1; n <= writes; ++n)
        points.push_back({Operation::Write, n});
    for (const int errnum : {ENOSPC, EIO}) {
        for (const Point &p : points) {
            put(path, old);
            const Attempt a = writeWithFault(path, bytes, {p.op, p.nth, errnum});
            INFO(operationName(p.op).toStdString() << " #" << p.nth << " errno " << errnum);
            REQUIRE(a.fired);
            REQUIRE(a.error);
            CHECK(a.error->operation == p.op);
            CHECK(a.error->problem == (errnum == ENOSPC ? IoProblem::DiskFull : IoProblem::DeviceError));
            CHECK(a.error->message().contains(path));
            CHECK(a.error->message().contains(u"is as it was"_s));
            CHECK(contents(path) == old);
            CHECK(filesIn(dir.path()) == QStringList{u"export.json"_s});
        }
    }
}

TEST_CASE("a failed sync of the folder after the rename says the file is written but not confirmed", "[io][faults]")
{
    QTemporaryDir dir;
    const QString path = dir.filePath(u"trends.csv"_s);
    const Attempt a = writeWithFault(path, "month,entries\n", {Operation::SyncFolder, 1, EIO});
    REQUIRE(a.fired);
    REQUIRE(a.error);
    CHECK(a.error->finalNameTouched);
    CHECK(a.error->message().contains(u"was written in full"_s));
    CHECK(contents(path) == "month,entries\n");
}

TEST_CASE("the messages say what to do for a full disk, permission, a read-only disk and an I/O error", "[io]")
{
    IoError e;
    e.writing = true;
    e.path = u"/media/usb/summary.pdf"_s;
    e.problem = IoProblem::DiskFull;
    CHECK(e.message().startsWith(u"there is no room left on the disk for /media/usb/summary.pdf"_s));
    CHECK(e.message().contains(u"Free some space"_s));
    CHECK(e.message().endsWith(u"Nothing was written."_s));
    e.problem = IoProblem::Permission;
    e.operation = Operation::Open;
    CHECK(e.message().contains(u"you do not have permission to create or replace files in /media/usb"_s));
    e.problem = IoProblem::ReadOnlyDisk;
    CHECK(e.message().contains(u"can only be read"_s));
    e.problem = IoProblem::DeviceError;
    e.errnum = EIO;
    e.existedBefore = true;
    CHECK(e.message().contains(u"the disk reported an error while writing /media/usb/summary.pdf"_s));
    CHECK(e.message().endsWith(u"Nothing was written; /media/usb/summary.pdf is as it was."_s));
    CHECK_FALSE(e.message().contains(u"damaged"_s));
}

TEST_CASE("a folder, a missing folder and a folder without write permission are refused by name", "[io]")
{
    QTemporaryDir dir;
    auto folder = writeFileAtomically(dir.path(), "x");
    REQUIRE(folder);
    CHECK(folder->problem == IoProblem::IsFolder);
    auto missing = writeFileAtomically(dir.filePath(u"no/such/folder/out.json"_s), "x");
    REQUIRE(missing);
    CHECK(missing->problem == IoProblem::NotFound);
    CHECK(missing->message().contains(u"does not exist"_s));
    if (::geteuid() != 0) {
        const QString locked = dir.filePath(u"locked"_s);
        REQUIRE(QDir().mkdir(locked));
        put(locked + u"/out.json"_s, "old");
        REQUIRE(QFile::setPermissions(locked, QFileDevice::ReadOwner | QFileDevice::ExeOwner));
        auto denied = writeFileAtomically(locked + u"/out.json"_s, "new");
        QFile::setPermissions(locked, QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner);
        REQUIRE(denied);
        CHECK(denied->problem == IoProblem::Permission);
        CHECK(contents(locked + u"/out.json"_s) == "old");
    }
}

TEST_CASE("/dev/full is written in place and its ENOSPC is reported, not swallowed", "[io]")
{
    auto e = writeFileAtomically(u"/dev/full"_s, "anything at all");
    REQUIRE(e);
    CHECK(e->problem == IoProblem::DiskFull);
    CHECK(e->stream);
    CHECK(e->message().contains(u"incomplete"_s));
}

TEST_CASE("a symbolic link is followed: the file it points to is replaced and the link stays", "[io]")
{
    QTemporaryDir dir;
    const QString target = dir.filePath(u"real.json"_s), link = dir.filePath(u"link.json"_s);
    put(target, "old");
    REQUIRE(QFile::link(target, link));
    REQUIRE_FALSE(writeFileAtomically(link, "new"));
    CHECK(QFileInfo(link).isSymLink());
    CHECK(contents(target) == "new");
}

TEST_CASE("leftovers of a killed run are removed by the next write of that file; a live writer's are kept", "[io]")
{
    QTemporaryDir dir;
    const QString path = dir.filePath(u"export.json"_s);
    // A child that starts a write and is killed before it finishes.
    const pid_t child = ::fork();
    REQUIRE(child >= 0);
    if (child == 0) {
        AtomicFile f(path);
        if (f.open() || f.write("half of it"))
            ::_exit(3);
        ::kill(::getpid(), SIGKILL);
        ::_exit(4);
    }
    int status = 0;
    REQUIRE(::waitpid(child, &status, 0) == child);
    REQUIRE(WIFSIGNALED(status));
    const QStringList left = AtomicFile::leftovers(path);
    REQUIRE(left.size() == 1);
    CHECK(QFileInfo(left.front()).fileName().startsWith(u"export.json.unfinished-%1-"_s.arg(child)));
    CHECK(modeOf(left.front()) == 0600);
    // One that looks like a live process's (pid 1 always exists) is not ours to remove.
    put(path + u".unfinished-1-abcdef"_s, "someone else's");
    REQUIRE_FALSE(writeFileAtomically(path, "whole"));
    CHECK(AtomicFile::leftovers(path) == QStringList{path + u".unfinished-1-abcdef"_s});
    CHECK(contents(path) == "whole");
}

TEST_CASE("a very long file name still gets a temporary name within the limit", "[io]")
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QString(240, u'é').left(120) + u".json"_s); // 245 bytes of UTF-8
    REQUIRE_FALSE(writeFileAtomically(path, "ok"));
    CHECK(contents(path) == "ok");
}

// ---- input ----------------------------------------------------------------------------------------

TEST_CASE("input is read up to its limit and one byte more is refused with the limit named", "[io][input]")
{
    QTemporaryDir dir;
    const QString path = dir.filePath(u"note.txt"_s);
    put(path, QByteArray(1000, 'a'));
    auto exact = readFile(path, {1000, u"a note"_s, {}});
    REQUIRE(exact);
    CHECK(exact->size() == 1000);
    auto over = readFile(path, {999, u"a note"_s, {}});
    REQUIRE_FALSE(over);
    CHECK(over.error().problem == IoProblem::TooLarge);
    CHECK(over.error().size == 1000);
    CHECK(over.error().message().startsWith(u"the file is 1 KB, more than the 1 KB Fairnote reads as a note"_s));
    auto bytes = Input::fromBytes(QByteArray(10, 'b'), u"<stdin>"_s, {9, u"a note"_s, {}}).readAll();
    REQUIRE_FALSE(bytes);
    CHECK(bytes.error().problem == IoProblem::TooLarge);
    CHECK(bytes.error().message() == u"is larger than 1 KB, the most Fairnote reads as a note; check that this is what you meant to give it"_s);
}

TEST_CASE("/dev/zero stops at the limit instead of growing until memory runs out", "[io][input]")
{
    const auto start = std::chrono::steady_clock::now();
    auto r = readFile(u"/dev/zero"_s, {4 * 1024 * 1024, u"a note"_s, {}});
    REQUIRE_FALSE(r);
    CHECK(r.error().problem == IoProblem::TooLarge);
    CHECK(std::chrono::steady_clock::now() - start < std::chrono::seconds(10));
}

TEST_CASE("a named pipe with no writer is waited on with a notice, then read when a writer comes", "[io][input]")
{
    QTemporaryDir dir;
    const QString fifo = dir.filePath(u"pipe"_s);
    REQUIRE(::mkfifo(QFile::encodeName(fifo).constData(), 0600) == 0);
    std::atomic<bool> told{false};
    std::thread writer([&] {
        // Only once the reader has said it is waiting does a writer come.
        for (int i = 0; i < 100 && !told; ++i)
            std::this_thread::sleep_for(std::chrono::milliseconds(50));
        const int fd = ::open(QFile::encodeName(fifo).constData(), O_WRONLY);
        if (fd >= 0) {
            [[maybe_unused]] auto n = ::write(fd, "He kicked off.", 14);
            ::close(fd);
        }
    });
    QString notice;
    auto r = readFile(fifo, {1024, u"a note"_s, [&](const QString &m) { notice = m; told = true; }});
    writer.join();
    REQUIRE(r);
    CHECK(*r == "He kicked off.");
    CHECK(notice.contains(u"waiting for a program to write to"_s));
    CHECK(notice.contains(fifo));
}

TEST_CASE("a folder, a missing file and an unreadable file are told apart", "[io][input]")
{
    QTemporaryDir dir;
    auto folder = readFile(dir.path(), {10, u"a note"_s, {}});
    REQUIRE_FALSE(folder);
    CHECK(folder.error().problem == IoProblem::IsFolder);
    auto missing = readFile(dir.filePath(u"nope.txt"_s), {10, u"a note"_s, {}});
    REQUIRE_FALSE(missing);
    CHECK(missing.error().message() == u"no such file; check the path"_s);
    if (::geteuid() != 0) {
        const QString locked = dir.filePath(u"locked.txt"_s);
        put(locked, "x");
        REQUIRE(QFile::setPermissions(locked, {}));
        auto denied = readFile(locked, {10, u"a note"_s, {}});
        REQUIRE_FALSE(denied);
        CHECK(denied.error().problem == IoProblem::Permission);
    }
}

TEST_CASE("a read error is an I/O error, never called damage", "[io][input][faults]")
{
    QTemporaryDir dir;
    const QString path = dir.filePath(u"note.txt"_s);
    put(path, "text");
    SeamGuard guard;
    armFault({Operation::Read, 1, EIO});
    auto r = readFile(path, {100, u"a note"_s, {}});
    REQUIRE_FALSE(r);
    CHECK(r.error().problem == IoProblem::DeviceError);
    CHECK(r.error().message().startsWith(u"could not be read to the end: the disk reported an error"_s));
    CHECK_FALSE(r.error().message().contains(u"damaged"_s));
}

// ---- standard output ------------------------------------------------------------------------------

TEST_CASE("a write to standard output that fails is kept and reported, and later writes fail too", "[io][output]")
{
    const int fd = ::open("/dev/full", O_WRONLY | O_CLOEXEC);
    REQUIRE(fd >= 0);
    OutputStream device(fd, u"standard output"_s);
    QTextStream out(&device);
    out << "an export that does not fit";
    out.flush();
    CHECK(out.status() == QTextStream::WriteFailed);
    REQUIRE(device.failure());
    CHECK(device.failure()->problem == IoProblem::DiskFull);
    CHECK(device.failure()->message().startsWith(u"there is no room left on the disk for standard output"_s));
    CHECK(device.failure()->message().contains(u"incomplete"_s));
    CHECK(device.closeDescriptor());
}

TEST_CASE("an injected failure of the Nth write to standard output is caught", "[io][output][faults]")
{
    QTemporaryDir dir;
    const QString path = dir.filePath(u"out.txt"_s);
    const int fd = ::open(QFile::encodeName(path).constData(), O_WRONLY | O_CREAT | O_CLOEXEC, 0600);
    REQUIRE(fd >= 0);
    SeamGuard guard;
    armFault({Operation::Write, 2, EIO});
    OutputStream device(fd, u"standard output"_s);
    QTextStream out(&device);
    out << "first";
    out.flush();
    CHECK_FALSE(device.failure());
    out << "second";
    out.flush();
    REQUIRE(device.failure());
    CHECK(device.failure()->problem == IoProblem::DeviceError);
    device.closeDescriptor();
}

TEST_CASE("FAIRNOTE_IO_FAULT's text names an operation, a count, an errno and maybe persistence", "[io][faults]")
{
    auto f = parseFault(u"sync-folder:2:EIO:persistent"_s);
    REQUIRE(f);
    CHECK(f->operation == Operation::SyncFolder);
    CHECK(f->nth == 2);
    CHECK(f->errnum == EIO);
    CHECK(f->persistent);
    CHECK_FALSE(parseFault(u"write:0:ENOSPC"_s));
    CHECK_FALSE(parseFault(u"scribble:1:ENOSPC"_s));
    CHECK_FALSE(parseFault(u"write:1:EWHATEVER"_s));
}
