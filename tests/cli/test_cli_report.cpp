// SPDX-FileCopyrightText: 2026 Fairnote contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// fairnote-cli report and disclosure end to end: a real PDF whose text (pdftotext) holds the sections and
// not the entry marked in error; one audit row per export; refusals with clear messages.
#include "testsupport.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <algorithm>

using namespace Qt::StringLiterals;

namespace {
struct Run
{
    int code;
    QString out;
    QString err;
    QJsonObject json() const { return QJsonDocument::fromJson(out.toUtf8()).object(); }
};

const QString kAuthor = u"Jo Fletcher (Support worker, Fairview Lodge)"_s;

Run run(const QTemporaryDir &home, const QString &program, const QStringList &args, const QByteArray &input = {})
{
    QProcess p;
    auto env = fairnote::testing::cliEnvironment(home);
    env.remove(u"QT_QPA_PLATFORM"_s); // the CLI must choose the offscreen platform itself
    env.remove(u"DISPLAY"_s);
    p.setProcessEnvironment(env);
    p.start(program, args);
    REQUIRE(p.waitForStarted());
    if (!input.isEmpty())
        p.write(input);
    p.closeWriteChannel();
    REQUIRE(p.waitForFinished(120000));
    REQUIRE(p.exitStatus() == QProcess::NormalExit);
    return {p.exitCode(), QString::fromUtf8(p.readAllStandardOutput()), QString::fromUtf8(p.readAllStandardError())};
}

Run cli(const QTemporaryDir &home, const QStringList &args, const QByteArray &input = {})
{
    return run(home, QStringLiteral(FAIRNOTE_CLI), args, input);
}

// Sam Rivers with the complete example, plus an incident marked in error that must never be shared.
QString prepared(const QTemporaryDir &home)
{
    const QString db = home.filePath(u"case.db"_s);
    REQUIRE(cli(home, {u"init"_s, u"--db"_s, db}).code == 0);
    QFile f(QStringLiteral(FAIRNOTE_SOURCE_DIR "/docs/examples/incident-complete.json"));
    REQUIRE(f.open(QIODevice::ReadOnly));
    QJsonObject doc = QJsonDocument::fromJson(f.readAll()).object();
    QJsonArray entries = doc[u"entries"_s].toArray();
    QJsonObject wrong = entries[0].toObject();
    wrong[u"id"_s] = u"entry-wrong"_s;
    QJsonObject incident = wrong[u"incident"_s].toObject();
    incident[u"what_happened"_s] = u"ZEBRA: this incident was about somebody else."_s;
    wrong[u"incident"_s] = incident;
    entries.append(wrong);
    doc[u"entries"_s] = entries;
    const Run imported = cli(home, {u"import"_s, u"--db"_s, db, u"--author"_s, kAuthor, u"--no-spelling"_s, u"-"_s},
                             QJsonDocument(doc).toJson());
    INFO(imported.err.toStdString());
    REQUIRE(imported.code == 0);
    REQUIRE(cli(home, {u"mark-in-error"_s, u"--db"_s, db, u"--author"_s, kAuthor, u"--reason"_s, u"About someone else."_s,
                       u"entry-wrong"_s}).code == 0);
    return db;
}

qint64 auditRows(const QTemporaryDir &home, const QString &db)
{
    return cli(home, {u"verify"_s, u"--db"_s, db, u"--format"_s, u"json"_s}).json()[u"audit_rows"_s].toInteger();
}

QStringList summaryArgs(const QString &db)
{
    return {u"report"_s, u"summary"_s, u"--db"_s, db, u"--author"_s, kAuthor, u"--person"_s, u"Sam Rivers"_s,
            u"--purpose"_s, u"Referral for temporary accommodation"_s, u"--recipient"_s, u"Housing Options"_s, u"--consent"_s};
}
} // namespace

TEST_CASE("report summary writes a PDF with the sections, page numbers and no entry marked in error", "[cli][report]")
{
    QTemporaryDir home;
    const QString db = prepared(home);
    const qint64 before = auditRows(home, db);
    const QString pdf = home.filePath(u"summary.pdf"_s);
    const Run r = cli(home, summaryArgs(db) << u"-o"_s << pdf);
    INFO(r.err.toStdString());
    REQUIRE(r.code == 0);
    CHECK_FALSE(r.err.contains(u"XDG_RUNTIME_DIR"_s));
    CHECK(auditRows(home, db) == before + 1);

    QProcess text;
    text.start(u"pdftotext"_s, {u"-layout"_s, pdf, u"-"_s});
    REQUIRE(text.waitForFinished(60000));
    const QString body = QString::fromUtf8(text.readAllStandardOutput());
    INFO(body.toStdString());
    for (const QString &section : {u"Fire-safety history — factual summary"_s, u"In short"_s, u"Incidents"_s, u"What has changed since"_s,
                                   u"Current fire-safety factors and the safety plan"_s, u"The person's view"_s,
                                   u"What this summary leaves out"_s, u"Sources"_s, u"Page 1 of"_s}) {
        INFO(section.toStdString());
        CHECK(body.contains(section));
    }
    CHECK_FALSE(body.contains(QChar(0xFB01))); // no "ﬁ" ligature: the text searches and reads as written
    CHECK(body.contains(u"1 entry marked in error is not included."_s));
    CHECK(body.contains(u"Referral for temporary accommodation"_s));
    CHECK_FALSE(body.contains(u"ZEBRA"_s));
}

// The PDF's text, page by page.
QStringList pdfPages(const QString &pdf)
{
    QProcess text;
    text.start(u"pdftotext"_s, {u"-layout"_s, pdf, u"-"_s});
    REQUIRE(text.waitForFinished(60000));
    QStringList pages = QString::fromUtf8(text.readAllStandardOutput()).split(u'\f');
    if (!pages.isEmpty() && pages.back().trimmed().isEmpty())
        pages.removeLast();
    return pages;
}

// Words enough for about a third of a page, marked at both ends so the test can tell on which pages the
// answer runs.
QString longAnswer(const QString &mark)
{
    QString text = mark + u"START"_s;
    for (int i = 0; i < 24; ++i)
        text += u" The night worker wrote down what was seen in the room at the time, and who was there."_s;
    return text + u' ' + mark + u"END."_s;
}

int pageOf(const QStringList &pages, const QString &word)
{
    for (int i = 0; i < pages.size(); ++i)
        if (pages[i].contains(word))
            return i;
    return -1;
}

TEST_CASE("a summary's incident table that runs over pages repeats its heading on every page", "[cli][report][pdf]")
{
    QTemporaryDir home;
    const QString db = home.filePath(u"case.db"_s);
    REQUIRE(cli(home, {u"init"_s, u"--db"_s, db}).code == 0);
    QFile f(QStringLiteral(FAIRNOTE_SOURCE_DIR "/docs/examples/incident-complete.json"));
    REQUIRE(f.open(QIODevice::ReadOnly));
    QJsonObject doc = QJsonDocument::fromJson(f.readAll()).object();
    QJsonArray entries = doc[u"entries"_s].toArray();
    QJsonObject entry = entries[0].toObject();
    QJsonObject incident = entry[u"incident"_s].toObject();
    incident[u"what_happened"_s] = longAnswer(u"HAPPENED"_s);
    incident[u"context"_s] = longAnswer(u"CONTEXT"_s);
    incident[u"changes_since"_s] = longAnswer(u"CHANGES"_s);
    QJsonObject source = incident[u"source"_s].toObject();
    source[u"reference"_s] = longAnswer(u"REFERENCE"_s);
    incident[u"source"_s] = source;
    entry[u"incident"_s] = incident;
    entries[0] = entry;
    doc[u"entries"_s] = entries;
    const Run imported = cli(home, {u"import"_s, u"--db"_s, db, u"--author"_s, kAuthor, u"--no-spelling"_s, u"-"_s},
                             QJsonDocument(doc).toJson());
    INFO(imported.err.toStdString());
    REQUIRE(imported.code == 0);
    const QString pdf = home.filePath(u"summary.pdf"_s);
    const Run r = cli(home, summaryArgs(db) << u"-o"_s << pdf);
    INFO(r.err.toStdString());
    REQUIRE(r.code == 0);

    const QStringList pages = pdfPages(pdf);
    const QString heading = u"2 August 2025, 23:40 — Fire incident (accidental, smoking)"_s;
    int first = pages.size(), last = -1;
    for (const QString &mark : {u"HAPPENED"_s, u"CONTEXT"_s, u"REFERENCE"_s}) {
        INFO(mark.toStdString());
        const int start = pageOf(pages, mark + u"START"_s), end = pageOf(pages, mark + u"END"_s);
        REQUIRE(start >= 0);
        REQUIRE(end >= start);
        first = std::min(first, start);
        last = std::max(last, end);
    }
    REQUIRE(last > first); // the table does run over more than one page
    for (int page = first; page <= last; ++page) {
        INFO("page " << page + 1 << ":\n" << pages[page].toStdString());
        CHECK(pages[page].contains(heading));
    }
}

TEST_CASE("report summary as JSON and HTML; the export is recorded with purpose and recipient", "[cli][report]")
{
    QTemporaryDir home;
    const QString db = prepared(home);
    const Run json = cli(home, summaryArgs(db) << u"--format"_s << u"json"_s);
    REQUIRE(json.code == 0);
    const QJsonObject o = json.json();
    CHECK(o[u"format"_s] == u"fairnote-referral-summary"_s);
    CHECK(o[u"incidents"_s].toArray().size() == 1);
    CHECK(o[u"recipient"_s] == u"Housing Options"_s);
    const QString html = home.filePath(u"summary.html"_s);
    REQUIRE(cli(home, summaryArgs(db) << u"-o"_s << html).code == 0);
    QFile f(html);
    CHECK((f.permissions() & (QFileDevice::ReadGroup | QFileDevice::ReadOther)) == 0); // owner-only, like the case file
    REQUIRE(f.open(QIODevice::ReadOnly));
    CHECK(f.readAll().contains("<h2>The person's view</h2>"));

    const QJsonObject sar = cli(home, {u"report"_s, u"sar"_s, u"--db"_s, db, u"--author"_s, kAuthor, u"--person"_s, u"person-0001"_s,
                                       u"--format"_s, u"json"_s}).json();
    const QJsonArray log = sar[u"export_log"_s].toArray();
    REQUIRE(log.size() == 2); // the two summaries above
    CHECK(log[0].toString().contains(u"for Housing Options; purpose: Referral for temporary accommodation"_s));
}

TEST_CASE("report --format html and pdf are honoured whatever the file is called; other formats are refused", "[cli][report]")
{
    QTemporaryDir home;
    const QString db = prepared(home);
    const Run html = cli(home, summaryArgs(db) << u"--format"_s << u"html"_s);
    INFO(html.err.toStdString());
    REQUIRE(html.code == 0);
    CHECK(html.out.contains(u"<h2>The person's view</h2>"_s));
    const QString pdf = home.filePath(u"summary.out"_s);
    REQUIRE(cli(home, summaryArgs(db) << u"--format"_s << u"PDF"_s << u"-o"_s << pdf).code == 0);
    QFile f(pdf);
    REQUIRE(f.open(QIODevice::ReadOnly));
    CHECK(f.read(5) == "%PDF-");
    const Run sar = cli(home, {u"report"_s, u"sar"_s, u"--db"_s, db, u"--author"_s, kAuthor, u"--person"_s, u"person-0001"_s,
                               u"--format"_s, u"html"_s});
    REQUIRE(sar.code == 0);
    CHECK(sar.out.startsWith(u"<!DOCTYPE html>"_s));
    const Run xml = cli(home, summaryArgs(db) << u"--format"_s << u"xml"_s);
    CHECK(xml.code == 2);
    CHECK(xml.err.contains(u"--format must be html, pdf or json"_s));
}

TEST_CASE("report refuses a summary without purpose, recipient or basis, and an ambiguous name", "[cli][report]")
{
    QTemporaryDir home;
    const QString db = prepared(home);
    const qint64 before = auditRows(home, db);
    QStringList noPurpose = summaryArgs(db);
    noPurpose.removeAt(noPurpose.indexOf(u"--purpose"_s) + 1);
    noPurpose.removeOne(u"--purpose"_s);
    Run r = cli(home, noPurpose);
    CHECK(r.code == 2);
    CHECK(r.err.contains(u"--purpose"_s));
    QStringList noRecipient = summaryArgs(db);
    noRecipient.removeAt(noRecipient.indexOf(u"--recipient"_s) + 1);
    noRecipient.removeOne(u"--recipient"_s);
    r = cli(home, noRecipient);
    CHECK(r.code == 2);
    CHECK(r.err.contains(u"--recipient"_s));
    QStringList noBasis = summaryArgs(db);
    noBasis.removeOne(u"--consent"_s);
    r = cli(home, noBasis);
    CHECK(r.code == 2);
    CHECK(r.err.contains(u"--basis"_s));
    CHECK(auditRows(home, db) == before); // nothing was exported, nothing recorded

    REQUIRE(cli(home, {u"import"_s, u"--db"_s, db, u"--author"_s, kAuthor, u"--no-spelling"_s, u"-"_s}, R"({"version":1,"person":{"name":"Sam Rivers"},"entries":[]})").code == 0);
    r = cli(home, summaryArgs(db));
    CHECK(r.code == 2);
    CHECK(r.err.contains(u"2 people are called \"Sam Rivers\""_s));
    CHECK(r.err.contains(u"person-0001"_s));
}

TEST_CASE("disclosure: a flagged entry is withheld from the subject-access export until released", "[cli][report]")
{
    QTemporaryDir home;
    const QString db = prepared(home);
    CHECK(cli(home, {u"disclosure"_s, u"flag"_s, u"--db"_s, db, u"--author"_s, kAuthor, u"entry-0002"_s}).code == 2);
    REQUIRE(cli(home, {u"disclosure"_s, u"flag"_s, u"--db"_s, db, u"--author"_s, kAuthor, u"--reason"_s, u"Names a neighbour."_s,
                       u"entry-0002"_s}).code == 0);
    const QString html = home.filePath(u"sar.html"_s);
    REQUIRE(cli(home, {u"report"_s, u"sar"_s, u"--db"_s, db, u"--author"_s, kAuthor, u"--person"_s, u"Sam Rivers"_s, u"-o"_s, html}).code == 0);
    QFile f(html);
    REQUIRE(f.open(QIODevice::ReadOnly));
    const QString text = QString::fromUtf8(f.readAll());
    CHECK(text.contains(u"WITHHELD"_s));
    CHECK(text.contains(u"Names a neighbour."_s));
    CHECK_FALSE(text.contains(u"lounge"_s)); // the withheld note's words
    CHECK(text.contains(u"ZEBRA"_s));              // the entry marked in error is held, and shown as such
    CHECK(text.contains(u"Marked in error"_s));
    REQUIRE(cli(home, {u"disclosure"_s, u"release"_s, u"--db"_s, db, u"--author"_s, u"Dee Marsh (Team leader)"_s, u"entry-0002"_s}).code == 0);
    const Run list = cli(home, {u"disclosure"_s, u"list"_s, u"--db"_s, db, u"--format"_s, u"json"_s});
    CHECK(list.json()[u"flags"_s][0][u"released"_s] == true);
    CHECK(cli(home, {u"verify"_s, u"--db"_s, db}).code == 0);
}
