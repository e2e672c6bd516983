// SPDX-FileCopyrightText: 2026 Fairnote contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// fairnote-cli guide and rules validate|diff|export|import, end to end on the real binary: exit
// statuses, what is written, and bad input (a failing example, a broken pattern, a reason left out).
#include "testsupport.h"

#include <QDir>
#include <QFile>
#include <QProcess>
#include <QTemporaryDir>

using namespace Qt::StringLiterals;

namespace {
struct Run { int code; QString out; QString err; };

Run cli(const QStringList &args)
{
    QProcess p;
    p.start(QStringLiteral(FAIRNOTE_CLI), args);
    REQUIRE(p.waitForStarted());
    p.closeWriteChannel();
    REQUIRE(p.waitForFinished(300000));
    REQUIRE(p.exitStatus() == QProcess::NormalExit);
    return {p.exitCode(), QString::fromUtf8(p.readAllStandardOutput()), QString::fromUtf8(p.readAllStandardError())};
}

const QString kPacks = QStringLiteral(FAIRNOTE_TEST_DATA "/packs");

QByteArray readAll(const QString &path)
{
    QFile f(path);
    REQUIRE(f.open(QIODevice::ReadOnly));
    return f.readAll();
}
} // namespace

TEST_CASE("rules validate runs every example of an organisation's pack and says it is valid", "[cli][rules]")
{
    const Run r = cli({u"rules"_s, u"validate"_s, kPacks + u"/good"_s});
    INFO(r.err.toStdString());
    CHECK(r.code == 0);
    CHECK(r.out.contains(u"valid;"_s));
    CHECK(r.out.contains(u"examples behave as written"_s));
}

TEST_CASE("rules validate names the rule and the example that fails, exit 2", "[cli][rules][errors]")
{
    const Run bad = cli({u"rules"_s, u"validate"_s, kPacks + u"/example-fails"_s});
    CHECK(bad.code == 2);
    CHECK(bad.err.contains(u"example-fails/local.json:15: error: rule \"elm.mardy\", flag example 1 “Got a bit moody with the night worker.”: the rule does not flag “moody” in it"_s));
    const Run noReason = cli({u"rules"_s, u"validate"_s, kPacks + u"/no-reason"_s});
    CHECK(noReason.code == 2);
    CHECK(noReason.err.contains(u"turning off “intensifier.very” needs a reason"_s));
    const Run pattern = cli({u"rules"_s, u"validate"_s, QStringLiteral(FAIRNOTE_TEST_DATA "/rulepacks/bad-pattern")});
    CHECK(pattern.code == 2);
    CHECK(pattern.err.contains(u"pattern"_s));
}

TEST_CASE("rules diff lists what changed in words; exit 1 when the packs differ, 0 when not", "[cli][rules]")
{
    const Run same = cli({u"rules"_s, u"diff"_s, kPacks + u"/good"_s, kPacks + u"/good"_s});
    CHECK(same.code == 0);
    CHECK(same.out == u"The two packs are the same.\n"_s);
    const Run d = cli({u"rules"_s, u"diff"_s, kPacks + u"/good"_s, kPacks + u"/example-fails"_s});
    CHECK(d.code == 1);
    CHECK(d.out.contains(u"Removed “judgement.aggressive”"_s));
    CHECK(d.out.contains(u"Turned “intensifier.very” back on"_s));
    CHECK(d.out.contains(u"Changed “elm.mardy”\n    examples: added “flag: Got a bit «moody» with the night worker.”"_s));
    const Run json = cli({u"rules"_s, u"diff"_s, kPacks + u"/good"_s, kPacks + u"/example-fails"_s, u"--format"_s, u"json"_s});
    CHECK(json.out.startsWith(u"{\"changes\":["_s));
    CHECK(cli({u"rules"_s, u"diff"_s, kPacks + u"/good"_s}).code == 2);
}

TEST_CASE("rules export writes one file that rules import turns back into the same pack", "[cli][rules]")
{
    QTemporaryDir dir;
    const QString bundle = dir.filePath(u"elm.fairnote-rules"_s);
    const Run out = cli({u"rules"_s, u"export"_s, kPacks + u"/good"_s, u"-o"_s, bundle});
    INFO(out.err.toStdString());
    REQUIRE(out.code == 0);
    const Run in = cli({u"rules"_s, u"import"_s, bundle, dir.filePath(u"theirs"_s)});
    INFO(in.err.toStdString());
    REQUIRE(in.code == 0);
    CHECK(cli({u"rules"_s, u"diff"_s, kPacks + u"/good"_s, dir.filePath(u"theirs"_s)}).code == 0);
    CHECK(cli({u"rules"_s, u"diff"_s, bundle, dir.filePath(u"theirs"_s)}).code == 0);
    const Run again = cli({u"rules"_s, u"import"_s, bundle, dir.filePath(u"theirs"_s)});
    CHECK(again.code == 2);
    CHECK(again.err.contains(u"Nothing was imported."_s));
    const Run broken = cli({u"rules"_s, u"export"_s, QStringLiteral(FAIRNOTE_TEST_DATA "/rulepacks/bad-pattern"), u"-o"_s, dir.filePath(u"x"_s)});
    CHECK(broken.code == 2);
    CHECK_FALSE(QFile::exists(dir.filePath(u"x"_s)));
}

TEST_CASE("guide writes the organisation's edition as HTML, Markdown and a paginated PDF", "[cli][guide]")
{
    QTemporaryDir dir;
    const Run html = cli({u"guide"_s, u"--rules"_s, kPacks + u"/good"_s, u"-o"_s, dir.filePath(u"g.html"_s)});
    INFO(html.err.toStdString());
    REQUIRE(html.code == 0);
    const QString page = QString::fromUtf8(readAll(dir.filePath(u"g.html"_s)));
    CHECK(page.startsWith(u"<!DOCTYPE html>"_s));
    CHECK(page.contains(u"Elm House edition"_s));
    CHECK(page.contains(u"Added by Elm House"_s));
    const Run md = cli({u"guide"_s, u"--format"_s, u"md"_s, u"--since"_s, u"1"_s});
    CHECK(md.code == 0);
    CHECK(md.out.startsWith(u"# Recording fire-setting incidents fairly — a good-practice guide"_s));
    CHECK(md.out.contains(u"## What changed since version 1"_s));
    const QString pdf = dir.filePath(u"g.pdf"_s);
    const Run p = cli({u"guide"_s, u"-o"_s, pdf});
    INFO(p.err.toStdString());
    REQUIRE(p.code == 0);
    CHECK(readAll(pdf).startsWith("%PDF-"));
    QProcess text;
    text.start(u"pdftotext"_s, {u"-layout"_s, pdf, u"-"_s});
    if (text.waitForStarted()) {
        REQUIRE(text.waitForFinished(60000));
        const QString t = QString::fromUtf8(text.readAllStandardOutput());
        CHECK(t.contains(u"Contents"_s));
        CHECK(t.contains(u"Page 1 of"_s));
        CHECK(t.contains(u"Labels that define a person"_s));
    }
    CHECK(cli({u"guide"_s, u"--format"_s, u"pdf"_s}).code == 2);  // a PDF needs -o
    CHECK(cli({u"guide"_s, u"--since"_s, u"x"_s}).code == 2);
    CHECK(cli({u"guide"_s, u"-o"_s, dir.filePath(u"no/such/dir/g.html"_s)}).code == 2);
}
