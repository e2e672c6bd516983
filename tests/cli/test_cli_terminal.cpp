// SPDX-FileCopyrightText: 2026 Fairnote contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// fairnote-cli on a real terminal (a pseudo-terminal from script(1)) and off it: bold only where it is
// wanted (not under NO_COLOR or TERM=dumb, never into a pipe), a progress bar on a terminal and silence
// on a pipe, and a named pipe with no writer announced instead of waited on without a word.
#include "testsupport.h"

#include <QFile>
#include <QProcess>
#include <QTemporaryDir>
#include <sys/stat.h>

using namespace Qt::StringLiterals;

namespace {

const QString kAuthor = u"Jo Fletcher (Support worker, Fairview Lodge)"_s;
const QString kExamples = QStringLiteral(FAIRNOTE_SOURCE_DIR "/docs/examples/");

QString quoted(const QString &s)
{
    QString q = s;
    q.replace(u'\'', u"'\\''"_s);
    return u'\'' + q + u'\'';
}

struct Run
{
    int code;
    QString out;
    QString err;
};

// Runs fairnote-cli; on a pseudo-terminal (stdout and stderr both) when `terminal`, else on pipes.
Run cli(const QTemporaryDir &home, const QStringList &args, bool terminal, const QHash<QString, QString> &env = {})
{
    QProcess p;
    auto e = fairnote::testing::cliEnvironment(home);
    e.insert(u"TERM"_s, u"xterm"_s);
    e.remove(u"NO_COLOR"_s);
    for (auto it = env.begin(); it != env.end(); ++it)
        e.insert(it.key(), it.value());
    p.setProcessEnvironment(e);
    if (terminal) {
        QString line = quoted(QStringLiteral(FAIRNOTE_CLI));
        for (const QString &a : args)
            line += u' ' + quoted(a);
        p.start(u"script"_s, {u"-qefc"_s, line, u"/dev/null"_s});
    } else {
        p.start(QStringLiteral(FAIRNOTE_CLI), args);
    }
    REQUIRE(p.waitForStarted());
    p.closeWriteChannel();
    REQUIRE(p.waitForFinished(300000));
    return {p.exitCode(), QString::fromUtf8(p.readAllStandardOutput()), QString::fromUtf8(p.readAllStandardError())};
}

QString preparedCaseFile(const QTemporaryDir &home)
{
    const QString db = home.filePath(u"case.db"_s);
    REQUIRE(cli(home, {u"init"_s, u"--db"_s, db}, false).code == 0);
    REQUIRE(cli(home, {u"import"_s, u"--db"_s, db, u"--author"_s, kAuthor, u"--no-spelling"_s, kExamples + u"incident-complete.json"_s}, false)
                .code == 0);
    return db;
}

} // namespace

TEST_CASE("search marks matches in bold on a terminal, and in brackets under NO_COLOR, TERM=dumb or a pipe", "[cli][terminal]")
{
    QTemporaryDir home;
    const QString db = preparedCaseFile(home);
    const QStringList search{u"search"_s, u"--db"_s, db, u"fire"_s};
    const Run bold = cli(home, search, true);
    REQUIRE(bold.code == 0);
    CHECK(bold.out.contains(u"\x1b[1m"_s));
    for (const auto &env : {QHash<QString, QString>{{u"NO_COLOR"_s, u"1"_s}}, QHash<QString, QString>{{u"TERM"_s, u"dumb"_s}}}) {
        const Run plain = cli(home, search, true, env);
        INFO(env.keys().front().toStdString());
        REQUIRE(plain.code == 0);
        CHECK_FALSE(plain.out.contains(u"\x1b["_s));
        CHECK(plain.out.contains(u"[fire"_s, Qt::CaseInsensitive));
    }
    const Run piped = cli(home, search, false);
    CHECK_FALSE(piped.out.contains(u"\x1b["_s));
}

TEST_CASE("a long import draws a progress bar on a terminal and nothing on a pipe", "[cli][terminal][progress]")
{
    QTemporaryDir home;
    const QString source = home.filePath(u"source.db"_s), exported = home.filePath(u"all.json"_s);
    REQUIRE(cli(home, {u"dev-generate"_s, u"--db"_s, source, u"--people"_s, u"40"_s, u"--entries"_s, u"3000"_s, u"--seed"_s, u"2"_s}, false).code == 0);
    REQUIRE(cli(home, {u"export"_s, u"--db"_s, source, u"--author"_s, kAuthor, u"-o"_s, exported}, false).code == 0);
    for (const char *name : {"a.db", "b.db"})
        REQUIRE(cli(home, {u"init"_s, u"--db"_s, home.filePath(QString::fromLatin1(name))}, false).code == 0);
    const QStringList import{u"import"_s, u"--author"_s, kAuthor, u"--no-spelling"_s, exported, u"--db"_s};
    const Run onTerminal = cli(home, QStringList(import) << home.filePath(u"a.db"_s), true);
    INFO(onTerminal.out.toStdString());
    REQUIRE(onTerminal.code == 0);
    CHECK(onTerminal.out.contains(u"Importing ["_s));
    const Run onPipe = cli(home, QStringList(import) << home.filePath(u"b.db"_s), false);
    REQUIRE(onPipe.code == 0);
    CHECK_FALSE(onPipe.err.contains(u'['));
    CHECK_FALSE(onPipe.err.contains(u'\r'));
    CHECK(onPipe.err.isEmpty());
}

TEST_CASE("a named pipe with no writer is announced on stderr, then read when a writer comes", "[cli][io]")
{
    QTemporaryDir home;
    const QString fifo = home.filePath(u"note.fifo"_s);
    REQUIRE(::mkfifo(QFile::encodeName(fifo).constData(), 0600) == 0);
    QProcess p;
    p.start(QStringLiteral(FAIRNOTE_CLI), {u"check"_s, u"--no-spelling"_s, fifo});
    REQUIRE(p.waitForStarted());
    QByteArray err;
    for (int i = 0; i < 600 && !err.contains("waiting for a program to write"); ++i) {
        p.waitForReadyRead(100);
        err += p.readAllStandardError();
    }
    CHECK(err.contains(QByteArray("waiting for a program to write to " + QFile::encodeName(fifo))));
    {
        QFile writer(fifo);
        REQUIRE(writer.open(QIODevice::WriteOnly));
        writer.write("He kicked off.\n");
    }
    REQUIRE(p.waitForFinished(60000));
    CHECK(p.exitCode() == 1);
    CHECK(p.readAllStandardOutput().contains("kicked off"));
}
