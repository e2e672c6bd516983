// SPDX-FileCopyrightText: 2026 Fairnote contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// A process killed (SIGKILL) in the middle of a stream of saves: every save it reported as committed is
// there afterwards, and the file verifies.
#include "store/storetestsupport.h"

#include <QProcess>
#include <QRandomGenerator>
#include <QThread>

using namespace Qt::StringLiterals;
using namespace fairnote;
using namespace fairnote::testing;

TEST_CASE("killed in the middle of saves: everything reported committed is there and verify passes", "[store][crash]")
{
    QTemporaryDir dir;
    const QString path = dir.filePath(u"crash.db"_s);
    QStringList committed;
    QRandomGenerator random(20261201);
    for (int round = 0; round < 8; ++round) {
        QProcess child;
        child.start(QStringLiteral(FAIRNOTE_CRASH_WRITER), {path, u"Writer %1"_s.arg(round)});
        REQUIRE(child.waitForStarted());
        // Let it get going (it must have committed at least one save), then kill it at a random moment.
        REQUIRE(child.waitForReadyRead(30000));
        QThread::msleep(random.bounded(20, 400));
        child.kill(); // SIGKILL
        REQUIRE(child.waitForFinished());
        const QByteArray out = child.readAllStandardOutput();
        for (const QByteArray &line : out.split('\n'))
            if (line.startsWith("committed "))
                committed << QString::fromLatin1(line.mid(10));
        INFO("round " << round << ": " << committed.size() << " saves reported so far");

        auto s = store::openStore(path);
        REQUIRE(s.ok());
        auto report = (*s)->verify({});
        REQUIRE(report.ok());
        for (const auto &p : report->problems)
            FAIL_CHECK(QString(p.where + u": "_s + p.message).toStdString());
        for (const QString &id : committed) {
            auto e = (*s)->entry(id, kJo);
            REQUIRE(e.ok());
            CHECK(e->revisions.size() == 1);
        }
    }
    CHECK(committed.size() > 8);
}
