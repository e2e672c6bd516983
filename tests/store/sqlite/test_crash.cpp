// SPDX-FileCopyrightText: 2026 Fairnote contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// Processes killed (SIGKILL) at random moments while they finalise, import, amend and back up: 100
// trials. Afterwards the file verifies, every change reported as done is there, an import that was under
// way is there whole or not at all, and every backup under its final name verifies.
#include "store/storetestsupport.h"

#include <QDir>
#include <QProcess>
#include <QRandomGenerator>
#include <QThread>

using namespace Qt::StringLiterals;
using namespace fairnote;
using namespace fairnote::testing;

namespace {

// What a killed writer said it did.
struct Said
{
    QStringList done;    // "committed ID", "imported N", "amended ID REV", "backed-up PATH": the argument
    QStringList started; // "importing N", "backing-up PATH"
    QString lastAmended; // "ID REV" of the last amendment reported
};

Said killAtRandom(const QString &path, const QString &mode, int round, QRandomGenerator &random)
{
    QProcess child;
    child.start(QStringLiteral(FAIRNOTE_CRASH_WRITER), {path, mode, u"Writer %1 %2"_s.arg(mode).arg(round)});
    REQUIRE(child.waitForStarted());
    // Let it get going (it must have said something), then kill it at a random moment.
    REQUIRE(child.waitForReadyRead(60000));
    QThread::msleep(random.bounded(5, 250));
    child.kill(); // SIGKILL
    REQUIRE(child.waitForFinished());
    Said said;
    for (const QByteArray &raw : child.readAllStandardOutput().split('\n')) {
        const QString line = QString::fromUtf8(raw);
        const qsizetype space = line.indexOf(u' ');
        if (space < 0)
            continue;
        const QString what = line.left(space), arg = line.mid(space + 1);
        if (what == u"committed" || what == u"imported" || what == u"amended" || what == u"backed-up")
            said.done << arg;
        else if (what == u"importing" || what == u"backing-up")
            said.started << arg;
        if (what == u"amended")
            said.lastAmended = arg;
    }
    return said;
}

void verifies(store::Store &s, const QString &what)
{
    auto report = s.verify({});
    REQUIRE(report.ok());
    for (const auto &p : report->problems)
        FAIL_CHECK(QString(what + u": "_s + p.where + u": "_s + p.message).toStdString());
}

} // namespace

TEST_CASE("killed at random while finalising, importing, amending and backing up: 100 trials, nothing reported is lost",
          "[store][crash]")
{
    QTemporaryDir dir;
    QRandomGenerator random(20261201);
    int trials = 0;
    for (const QString &mode : {u"finalise"_s, u"import"_s, u"amend"_s, u"backup"_s}) {
        const QString path = dir.filePath(mode + u".db"_s);
        qsizetype reported = 0;
        for (int round = 0; round < 25; ++round, ++trials) {
            const Said said = killAtRandom(path, mode, round, random);
            INFO(mode.toStdString() << " round " << round);
            auto s = store::openStore(path);
            REQUIRE(s.ok());
            verifies(**s, path);
            reported += said.done.size();
            if (mode == u"finalise") {
                for (const QString &id : said.done) {
                    auto e = (*s)->entry(id);
                    REQUIRE(e.ok());
                    CHECK(e->revisions.size() == 1);
                }
            } else if (mode == u"import") {
                // A batch reported imported is there whole; the one under way is there whole or not at all.
                for (const QString &batch : said.started) {
                    int present = 0;
                    for (int k = 0; k < 5; ++k)
                        present += (*s)->entry(u"imp-%1-%2"_s.arg(batch).arg(k)).ok() ? 1 : 0;
                    INFO("batch " << batch.toStdString());
                    if (said.done.contains(batch))
                        CHECK(present == 5);
                    else
                        CHECK((present == 0 || present == 5));
                }
            } else if (mode == u"amend") {
                if (!said.lastAmended.isEmpty()) {
                    const QStringList parts = said.lastAmended.split(u' ');
                    auto e = (*s)->entry(parts[0]);
                    REQUIRE(e.ok());
                    CHECK(int(e->revisions.size()) >= parts[1].toInt());
                }
            } else {
                // Every backup reported is whole; any file that took a backup's name is whole.
                for (const QString &dest : said.started) {
                    if (!QFile::exists(dest)) {
                        CHECK_FALSE(said.done.contains(dest));
                        continue;
                    }
                    store::OpenOptions readOnly;
                    readOnly.readOnly = true;
                    readOnly.create = store::OpenOptions::Create::No;
                    auto copy = store::openStore(dest, readOnly);
                    REQUIRE(copy.ok());
                    verifies(**copy, dest);
                }
            }
        }
        INFO(mode.toStdString());
        CHECK(reported > 10);
    }
    CHECK(trials >= 100);
}
