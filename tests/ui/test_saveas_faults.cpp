// SPDX-FileCopyrightText: 2026 Fairnote contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// The app's Save As through every failure point of core/io's fault seam: a summary saved as PDF, and a
// note file, are whole or absent; the earlier file of that name survives; no temporary file is left; and
// the audit trail never claims a save that failed.
#include "uitestsupport.h"

#include "io/atomicfile.h"
#include "io/faults.h"
#include "notefile.h"
#include "record/interchange.h"
#include "store/sqlite/open.h"
#include "reportdialog.h"

#include <QCheckBox>
#include <QDir>
#include <QFile>
#include <QLineEdit>
#include <QRadioButton>
#include <QSet>
#include <QTemporaryDir>
#include <catch2/catch.hpp>
#include <cerrno>

using namespace Qt::StringLiterals;
using namespace fairnote;
using namespace fairnote::ui;

namespace {

const store::Actor kJo{u"Jo Fletcher"_s, u"Support worker"_s, u"Fairview Lodge"_s};

QByteArray bytesOf(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

void put(const QString &path, const QByteArray &bytes)
{
    QFile f(path);
    REQUIRE(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
    REQUIRE(f.write(bytes) == bytes.size());
}

struct Disarm
{
    ~Disarm() { io::disarmFault(); }
};

const std::vector<io::Operation> kPoints{io::Operation::Open, io::Operation::Write, io::Operation::Flush, io::Operation::Sync,
                                         io::Operation::Close, io::Operation::Rename};

} // namespace

TEST_CASE("Save As of a summary is whole or absent at every failure point, and only a save that happened is recorded",
          "[ui][report][faults]")
{
    uitest::app();
    QTemporaryDir dir;
    store::OpenOptions options;
    options.create = store::OpenOptions::Create::IfMissing;
    auto s = store::openStore(dir.filePath(u"case.db"_s), options);
    REQUIRE(s);
    {
        QFile f(QStringLiteral(FAIRNOTE_SOURCE_DIR "/docs/examples/incident-complete.json"));
        REQUIRE(f.open(QIODevice::ReadOnly));
        REQUIRE((*s)->importCaseFile(*record::readInterchange(f.readAll()), kJo, {}, {}).ok());
    }
    ReportDialog dialog(ReportDialog::Kind::Summary, **s, u"person-0001"_s, kJo, uitest::builtInChecker());
    dialog.purposeEdit()->setText(u"Referral for temporary accommodation"_s);
    dialog.recipientEdit()->setText(u"Housing Options"_s);
    dialog.consentButton()->setChecked(true);
    dialog.refreshNow();

    const QString path = dir.filePath(u"summary.pdf"_s);
    const QByteArray old = "the summary saved last week";
    Disarm disarm;
    int fired = 0;
    QSet<QString> firedAt;
    for (const io::Operation op : kPoints) {
        for (int n = 1; n < 20; ++n) {
            INFO(io::operationName(op).toStdString() << " #" << n);
            put(path, old);
            const auto before = (*s)->auditTrail({})->size();
            io::armFault({op, n, ENOSPC});
            QString error;
            const bool saved = dialog.saveTo(path, u"pdf"_s, &error);
            const bool hit = io::faultFired();
            io::disarmFault();
            const auto trail = *(*s)->auditTrail({});
            if (!hit) {
                REQUIRE(saved);
                CHECK(bytesOf(path).startsWith("%PDF"));
                CHECK(trail.size() == before + 1);
                break;
            }
            ++fired;
            firedAt.insert(io::operationName(op));
            CHECK_FALSE(saved);
            CHECK(error.contains(u"no room left on the disk"_s));
            CHECK(bytesOf(path) == old);
            CHECK(io::AtomicFile::leftovers(path).isEmpty());
            // Nothing recorded, or the export and the row that says it failed.
            if (trail.size() != before) {
                REQUIRE(trail.size() == before + 2);
                CHECK(trail[before].action == u"export-summary"_s);
                CHECK(trail[before + 1].action == u"export-failed"_s);
                CHECK(trail[before + 1].detail.value(u"export"_s).toInteger() == trail[before].seq);
            }
        }
    }
    // Every failure point was reached at least once. A summary smaller than the writer's 64 KiB buffer
    // goes out in its final flush alone, so it has no "write" point (test-core-io covers that one).
    const bool fitsOneBuffer = bytesOf(path).size() < 64 * 1024;
    for (const io::Operation op : kPoints) {
        if (op == io::Operation::Write && fitsOneBuffer)
            continue;
        INFO(io::operationName(op).toStdString());
        CHECK(firedAt.contains(io::operationName(op)));
    }
    CHECK(fired >= int(kPoints.size()) - (fitsOneBuffer ? 1 : 0));
}

TEST_CASE("saving a note file is whole or absent at every failure point", "[ui][notefile][faults]")
{
    uitest::app();
    QTemporaryDir dir;
    const QString path = dir.filePath(u"note.txt"_s);
    const QByteArray old = "The note as it was saved before.\n";
    const QString text = QString(u"He was seen near the bins at 23:40. "_s).repeated(5000); // several buffers
    Disarm disarm;
    for (const io::Operation op : kPoints) {
        for (int n = 1; n < 20; ++n) {
            INFO(io::operationName(op).toStdString() << " #" << n);
            put(path, old);
            io::armFault({op, n, EIO});
            QString error;
            const bool saved = NoteFile::write(path, text, false, &error);
            const bool hit = io::faultFired();
            io::disarmFault();
            if (!hit) {
                REQUIRE(saved);
                CHECK(bytesOf(path) == text.toUtf8());
                CHECK((QFile::permissions(path) & (QFileDevice::ReadGroup | QFileDevice::ReadOther)) == 0);
                break;
            }
            CHECK_FALSE(saved);
            CHECK(error.contains(u"the disk reported an error"_s));
            CHECK(error.contains(u"The note is still open."_s));
            CHECK(bytesOf(path) == old);
            CHECK(QDir(dir.path()).entryList(QDir::Files) == QStringList{u"note.txt"_s});
        }
    }
}
