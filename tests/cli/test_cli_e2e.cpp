// SPDX-FileCopyrightText: 2026 Fairnote contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// fairnote-cli end to end: the real binary, exit statuses, text and JSON output, bad input.
#include "testsupport.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QSettings>
#include <QTemporaryDir>
#include <unistd.h>

using namespace Qt::StringLiterals;

namespace {
struct Run { int code; QString out; QString err; };

Run cli(const QStringList &args, const QByteArray &input = {},
        const QProcessEnvironment &env = QProcessEnvironment::systemEnvironment())
{
    QProcess p;
    p.setProcessEnvironment(env);
    p.start(QStringLiteral(FAIRNOTE_CLI), args);
    REQUIRE(p.waitForStarted());
    if (!input.isEmpty())
        p.write(input);
    p.closeWriteChannel();
    REQUIRE(p.waitForFinished(60000));
    REQUIRE(p.exitStatus() == QProcess::NormalExit);
    return {p.exitCode(), QString::fromUtf8(p.readAllStandardOutput()), QString::fromUtf8(p.readAllStandardError())};
}

QString write(const QTemporaryDir &dir, const QString &name, const QByteArray &bytes)
{
    const QString path = dir.filePath(name);
    QFile f(path);
    REQUIRE(f.open(QIODevice::WriteOnly));
    f.write(bytes);
    return path;
}
} // namespace

TEST_CASE("every subcommand answers --help with usage and exit 0", "[cli]")
{
    for (const QString &cmd : {u"check"_s, u"rules"_s, u"schema"_s}) {
        INFO(cmd.toStdString());
        const Run r = cli({cmd, u"--help"_s});
        CHECK(r.code == 0);
        CHECK(r.out.startsWith(u"Usage: fairnote-cli "_s + cmd));
    }
    const Run top = cli({u"--help"_s});
    CHECK(top.code == 0);
    CHECK(top.out.contains(u"check"_s));
}

TEST_CASE("check exits 0 and prints nothing for a clean note", "[cli]")
{
    QTemporaryDir dir;
    const Run r = cli({u"check"_s, write(dir, u"clean.txt"_s, "We met at 10:00 and agreed a plan.\n")});
    CHECK(r.code == 0);
    CHECK(r.out.isEmpty());
    CHECK(r.err.isEmpty());
}

TEST_CASE("check prints compiler-style findings with a caret, why, advice and source, exit 1", "[cli]")
{
    QTemporaryDir dir;
    const QString path = write(dir, u"note.txt"_s, "Met at the hostel.\nHe kicked off when asked.\n");
    const Run r = cli({u"check"_s, path});
    CHECK(r.code == 1);
    INFO(r.out.toStdString());
    CHECK(r.out.contains(path + u":2:4: warning: "_s));
    CHECK(r.out.contains(u"    He kicked off when asked.\n       ^~~~~~~~~~\n"_s));
    CHECK(r.out.contains(u"    why: "_s));
    CHECK(r.out.contains(u"    source: "_s));
    CHECK((r.out.contains(u"    instead: "_s) || r.out.contains(u"    ask: "_s)));
    CHECK(r.out.contains(u"[slang."_s));
}

TEST_CASE("on a long line check prints a window around each finding, with the caret under the words", "[cli]")
{
    QTemporaryDir dir;
    QByteArray note;
    for (int i = 0; i < 300; ++i)
        note += "We talked about \xF0\x9F\x98\x80 his housing options today. ";
    note += "He kicked off when asked. ";
    for (int i = 0; i < 300; ++i)
        note += "We talked about his housing options today. ";
    note += "\n";
    const QString path = write(dir, u"long.txt"_s, note);
    const Run r = cli({u"check"_s, u"--no-spelling"_s, path});
    CHECK(r.code == 1);
    const QStringList lines = r.out.split(u'\n');
    const qsizetype head = lines.indexOf(lines.filter(u"[slang.kicked-off]"_s).value(0));
    REQUIRE(head >= 0);
    const QString shown = lines[head + 1], caret = lines[head + 2];
    INFO(shown.toStdString() << "\n" << caret.toStdString());
    CHECK(shown.startsWith(u"    …"_s));
    CHECK(shown.endsWith(u"…"_s));
    CHECK(shown.toUcs4().size() <= 4 + 102);
    const qsizetype at = shown.indexOf(u"kicked off"_s);
    REQUIRE(at >= 0);
    const qsizetype column = shown.left(at).toUcs4().size(); // the emoji in the window is one character
    CHECK(caret == QString(column, u' ') + u"^"_s + QString(9, u'~'));
    CHECK(r.out.size() < 4000); // one finding: a few lines, not the whole note
}

TEST_CASE("check --format json prints one object with UTF-16 and code-point offsets", "[cli][json]")
{
    QTemporaryDir dir;
    const QByteArray note = "Intro \xF0\x9F\x98\x80 line.\n\xF0\x9F\x98\x80 He kicked off.\n";
    const QString path = write(dir, u"emoji.txt"_s, note);
    const Run r = cli({u"check"_s, u"--format"_s, u"json"_s, path});
    CHECK(r.code == 1);
    QJsonParseError err;
    const QJsonDocument doc = QJsonDocument::fromJson(r.out.toUtf8(), &err);
    REQUIRE(err.error == QJsonParseError::NoError);
    CHECK(r.out.count(u'\n') == 1); // exactly one JSON object, one line
    const QJsonObject root = doc.object();
    CHECK(root[u"version"_s].toInt() == 1);
    const QJsonArray files = root[u"files"_s].toArray();
    REQUIRE(files.size() == 1);
    CHECK(files[0][u"path"_s].toString() == path);
    const QJsonArray findings = files[0][u"findings"_s].toArray();
    REQUIRE(findings.size() == 1);
    const QJsonObject f = findings[0].toObject();
    for (const char *key : {"rule", "category", "severity", "offset_utf16", "length_utf16", "offset_cp", "length_cp",
                            "line", "column", "text", "message", "why", "suggestions", "question", "source"})
        CHECK(f.contains(QString::fromLatin1(key)));
    const QString text = QString::fromUtf8(note);
    CHECK(f[u"text"_s].toString() == u"kicked off"_s);
    CHECK(text.mid(f[u"offset_utf16"_s].toInt(), f[u"length_utf16"_s].toInt()) == u"kicked off"_s);
    CHECK(f[u"offset_cp"_s].toInt() == f[u"offset_utf16"_s].toInt() - 2); // two emoji before it
    CHECK(f[u"length_cp"_s].toInt() == 10);
    CHECK(f[u"line"_s].toInt() == 2);
    CHECK(f[u"column"_s].toInt() == 6);
    CHECK(f[u"severity"_s].toString() == u"warning"_s);
    CHECK(f[u"category"_s].toString() == u"slang"_s);
}

TEST_CASE("check reads standard input for '-'", "[cli]")
{
    const Run r = cli({u"check"_s, u"--format=json"_s, u"-"_s}, "Obviously he was aggressive.");
    CHECK(r.code == 1);
    const auto files = QJsonDocument::fromJson(r.out.toUtf8()).object()[u"files"_s].toArray();
    REQUIRE(files.size() == 1);
    CHECK(files[0][u"path"_s].toString() == u"-"_s);
    CHECK(files[0][u"findings"_s].toArray().size() == 2);
}

TEST_CASE("invalid UTF-8 is reported with its byte offset, exit 2, and other files are still checked", "[cli][errors]")
{
    QTemporaryDir dir;
    const QString bad = write(dir, u"bad.txt"_s, "He was caf\xE9 aggressive.");
    const QString good = write(dir, u"good.txt"_s, "He kicked off.");
    const Run r = cli({u"check"_s, bad, good});
    CHECK(r.code == 2);
    CHECK(r.err.contains(bad + u": error: invalid UTF-8 at byte 10 (0xE9"_s));
    CHECK(r.err.contains(u"save the file as UTF-8"_s));
    CHECK(r.out.contains(good + u":1:4: warning:"_s));

    const Run j = cli({u"check"_s, u"--format"_s, u"json"_s, bad, good});
    CHECK(j.code == 2);
    const auto files = QJsonDocument::fromJson(j.out.toUtf8()).object()[u"files"_s].toArray();
    REQUIRE(files.size() == 2);
    CHECK(files[0][u"error"_s].toString().contains(u"byte 10"_s));
    CHECK(files[1][u"findings"_s].toArray().size() == 1);
}

TEST_CASE("a missing file, a directory and an unreadable file are bad input, exit 2", "[cli][errors]")
{
    QTemporaryDir dir;
    Run r = cli({u"check"_s, dir.filePath(u"nope.txt"_s)});
    CHECK(r.code == 2);
    CHECK(r.err.contains(u"no such file"_s));
    r = cli({u"check"_s, dir.path()});
    CHECK(r.code == 2);
    CHECK(r.err.contains(u"is a folder"_s));
    if (geteuid() != 0) { // root reads any file
        const QString locked = write(dir, u"locked.txt"_s, "text");
        QFile::setPermissions(locked, QFileDevice::Permissions{});
        r = cli({u"check"_s, locked});
        CHECK(r.code == 2);
        CHECK(r.err.contains(u"cannot be read"_s));
    }
}

TEST_CASE("bad usage exits 2 with a hint", "[cli][errors]")
{
    for (const QStringList &args : {QStringList{u"check"_s}, QStringList{u"check"_s, u"--format"_s, u"xml"_s, u"-"_s},
                                    QStringList{u"check"_s, u"--frobnicate"_s, u"x"_s}, QStringList{u"frobnicate"_s},
                                    QStringList{u"check"_s, u"--rules"_s}, QStringList{u"rules"_s},
                                    QStringList{u"schema"_s, u"nope"_s}, QStringList{}}) {
        INFO(args.join(u' ').toStdString());
        const Run r = cli(args);
        CHECK(r.code == 2);
        CHECK_FALSE(r.err.isEmpty());
    }
}

TEST_CASE("a broken --rules pack stops the check with file:line:column, exit 2", "[cli][errors]")
{
    const QString pack = QStringLiteral(FAIRNOTE_TEST_DATA "/rulepacks/missing-why");
    QTemporaryDir dir;
    const Run r = cli({u"check"_s, u"--rules"_s, pack, write(dir, u"n.txt"_s, "He kicked off.")});
    CHECK(r.code == 2);
    CHECK(r.out.isEmpty()); // nothing checked with half a pack
    CHECK(r.err.contains(pack + u"/local.json:5:5: error: rule \"local.lazy\": \"why\" is missing"_s));
}

TEST_CASE("an organisation pack can disable a built-in rule", "[cli]")
{
    QTemporaryDir dir;
    const QString note = write(dir, u"n.txt"_s, "He kicked off.");
    const Run before = cli({u"check"_s, u"--format"_s, u"json"_s, note});
    const QJsonArray files = QJsonDocument::fromJson(before.out.toUtf8()).object()[u"files"_s].toArray();
    REQUIRE(files.size() == 1);
    const QJsonArray findings = files[0].toObject()[u"findings"_s].toArray();
    REQUIRE(findings.size() == 1);
    const QString rule = findings[0].toObject()[u"rule"_s].toString();
    REQUIRE_FALSE(rule.isEmpty());
    QDir(dir.path()).mkdir(u"org"_s);
    write(dir, u"org/local.json"_s,
          u"{\"kind\": \"rules\", \"version\": 1, \"disable\": [{\"id\": \"%1\", \"reason\": \"not used here\"}]}"_s.arg(rule).toUtf8());
    write(dir, u"org/pack.json"_s, R"({"kind": "pack", "version": 1, "title": "Ours", "pack_version": 1, "date": "2026-01-01", "authors": ["Sam"]})");
    const Run after = cli({u"check"_s, u"--rules"_s, dir.filePath(u"org"_s), note});
    CHECK(after.code == 0);
    CHECK(cli({u"rules"_s, u"validate"_s, dir.filePath(u"org"_s)}).code == 0);
}

TEST_CASE("check reads the app's settings: its organisation rules and spelling choice, with the flags over them", "[cli][settings]")
{
    QTemporaryDir dir;
    const QString note = write(dir, u"n.txt"_s, "He kicked off.");
    const Run before = cli({u"check"_s, u"--format"_s, u"json"_s, note});
    const QString rule = QJsonDocument::fromJson(before.out.toUtf8()).object()[u"files"_s][0][u"findings"_s][0][u"rule"_s].toString();
    REQUIRE_FALSE(rule.isEmpty());
    QDir(dir.path()).mkdir(u"org"_s);
    write(dir, u"org/local.json"_s,
          u"{\"kind\": \"rules\", \"version\": 1, \"disable\": [{\"id\": \"%1\", \"reason\": \"not used here\"}]}"_s.arg(rule).toUtf8());
    write(dir, u"org/pack.json"_s, R"({"kind": "pack", "version": 1, "title": "Ours", "pack_version": 1, "date": "2026-01-01", "authors": ["Sam"]})");
    // The app's settings file, as the app writes it (QSettings "Fairnote"/"Fairnote" under XDG_CONFIG_HOME).
    QDir(dir.path()).mkpath(u"config/Fairnote"_s);
    {
        QSettings settings(dir.filePath(u"config/Fairnote/Fairnote.conf"_s), QSettings::IniFormat);
        settings.setValue(u"organisationRules"_s, dir.filePath(u"org"_s));
        settings.setValue(u"checkSpelling"_s, false);
    }
    auto env = QProcessEnvironment::systemEnvironment();
    env.insert(u"XDG_CONFIG_HOME"_s, dir.filePath(u"config"_s));
    const Run asTheApp = cli({u"check"_s, u"--format"_s, u"json"_s, note}, {}, env);
    INFO(asTheApp.err.toStdString());
    CHECK(asTheApp.code == 0); // the organisation turned the rule off
    CHECK(QJsonDocument::fromJson(asTheApp.out.toUtf8()).object()[u"spelling"_s] == u"off"_s);
    const Run builtIn = cli({u"check"_s, u"--rules"_s, QString(), note}, {}, env);
    CHECK(builtIn.code == 1); // --rules "" is the built-in rules only, over the setting
    CHECK(builtIn.out.contains(rule));
}

TEST_CASE("rules list, show and validate", "[cli][rules]")
{
    const Run list = cli({u"rules"_s, u"list"_s});
    CHECK(list.code == 0);
    CHECK(list.out.contains(u" rules.\n"_s));
    const Run json = cli({u"rules"_s, u"list"_s, u"--format"_s, u"json"_s});
    const QJsonArray rules = QJsonDocument::fromJson(json.out.toUtf8()).object()[u"rules"_s].toArray();
    REQUIRE(rules.size() >= 120);
    const QString id = rules[0].toObject()[u"id"_s].toString();
    const Run show = cli({u"rules"_s, u"show"_s, id});
    CHECK(show.code == 0);
    CHECK(show.out.contains(u"Why: "_s));
    CHECK(show.out.contains(u"Source: "_s));
    CHECK(cli({u"rules"_s, u"show"_s, u"no.such-rule"_s}).code == 1);
    const Run bad = cli({u"rules"_s, u"validate"_s, QStringLiteral(FAIRNOTE_TEST_DATA "/rulepacks/syntax-error")});
    CHECK(bad.code == 2);
    CHECK(bad.err.contains(u"local.json:4:3: error:"_s));
}

TEST_CASE("schema rule-pack and schema exercise print a JSON Schema", "[cli]")
{
    for (const QString name : {u"rule-pack"_s, u"exercise"_s}) {
        INFO(name.toStdString());
        const Run r = cli({u"schema"_s, name});
        CHECK(r.code == 0);
        QJsonParseError err;
        const auto doc = QJsonDocument::fromJson(r.out.toUtf8(), &err);
        CHECK(err.error == QJsonParseError::NoError);
        CHECK(doc.object()[u"$schema"_s].toString().contains(u"json-schema.org"_s));
    }
}

TEST_CASE("schema: an unknown option is named as one; --help lists the options and exit status", "[cli][errors]")
{
    const Run bad = cli({u"schema"_s, u"--format"_s, u"json"_s});
    CHECK(bad.code == 2);
    CHECK(bad.err.contains(u"unknown option '--format'"_s));
    CHECK(bad.out.isEmpty());
    const Run two = cli({u"schema"_s, u"interchange"_s, u"rule-pack"_s});
    CHECK(two.code == 2);
    CHECK(two.err.contains(u"at most one schema NAME"_s));
    const Run help = cli({u"schema"_s, u"--help"_s});
    CHECK(help.code == 0);
    CHECK(help.out.contains(u"Options:"_s));
    CHECK(help.out.contains(u"Exit status:"_s));
    CHECK(help.out.contains(u"rule-pack"_s));
}

namespace {
QJsonArray jsonFindings(const Run &r)
{
    const QJsonArray files = QJsonDocument::fromJson(r.out.toUtf8()).object()[u"files"_s].toArray();
    REQUIRE(files.size() == 1);
    return files[0][u"findings"_s].toArray();
}
} // namespace

TEST_CASE("check reports misspellings with suggestions; --no-spelling turns them off", "[cli][spelling]")
{
    QTemporaryDir dir;
    const QString path = write(dir, u"note.txt"_s, "We recieved the letter.\n");
    const Run r = cli({u"check"_s, path});
    CHECK(r.code == 1);
    INFO(r.out.toStdString());
    CHECK(r.out.contains(path + u":1:4: info: “recieved” may be misspelt. [spelling]\n"_s));
    CHECK(r.out.contains(u"    We recieved the letter.\n       ^~~~~~~~\n"_s));
    CHECK(r.out.contains(u"    instead: received; "_s));
    CHECK(r.out.contains(u"    source: Hunspell en-GB dictionary (hunspell-en-gb)\n"_s));
    CHECK(r.err.isEmpty());

    const Run j = cli({u"check"_s, u"--format"_s, u"json"_s, path});
    CHECK(QJsonDocument::fromJson(j.out.toUtf8()).object()[u"spelling"_s].toString() == u"checked"_s);
    const QJsonArray findings = jsonFindings(j);
    REQUIRE(findings.size() == 1);
    CHECK(findings[0][u"category"_s].toString() == u"spelling"_s);
    CHECK(findings[0][u"rule"_s].toString() == u"spelling"_s);
    CHECK(findings[0][u"severity"_s].toString() == u"info"_s);
    CHECK(findings[0][u"suggestions"_s].toArray().first().toString() == u"received"_s);

    const Run off = cli({u"check"_s, u"--no-spelling"_s, path});
    CHECK(off.code == 0);
    CHECK(off.out.isEmpty());
    const Run offJson = cli({u"check"_s, u"--no-spelling"_s, u"--format=json"_s, path});
    CHECK(QJsonDocument::fromJson(offJson.out.toUtf8()).object()[u"spelling"_s].toString() == u"off"_s);
}

TEST_CASE("check leaves names alone: after a title, from --names, and marks an unknown capitalised word as a possible name", "[cli][spelling]")
{
    QTemporaryDir dir;
    const QString path = write(dir, u"note.txt"_s, "Spoke to Ms Nkemdirim about the rent, then went with Zbrozek to the bank.\n");
    const Run r = cli({u"check"_s, u"--format"_s, u"json"_s, path});
    const QJsonArray findings = jsonFindings(r);
    REQUIRE(findings.size() == 1); // "Nkemdirim" follows a title; "Zbrozek" is a possible name
    CHECK(findings[0][u"text"_s].toString() == u"Zbrozek"_s);
    CHECK(findings[0][u"rule"_s].toString() == u"possible-name"_s);
    CHECK(findings[0][u"category"_s].toString() == u"spelling"_s);

    const Run named = cli({u"check"_s, u"--names"_s, u"Piotr Zbrozek, Ada Obi"_s, path});
    CHECK(named.code == 0);
    CHECK(named.out.isEmpty());
}

TEST_CASE("spelling and wording findings are merged in offset order, with code-point offsets", "[cli][spelling]")
{
    const Run r = cli({u"check"_s, u"--format"_s, u"json"_s, u"-"_s},
                      "\xF0\x9F\x98\x80 He recieved it and kicked off about the color.");
    CHECK(r.code == 1);
    const QJsonArray findings = jsonFindings(r);
    REQUIRE(findings.size() == 3);
    CHECK(findings[0][u"text"_s].toString() == u"recieved"_s);
    CHECK(findings[0][u"offset_utf16"_s].toInt() == 6);
    CHECK(findings[0][u"offset_cp"_s].toInt() == 5);
    CHECK(findings[1][u"category"_s].toString() == u"slang"_s);
    CHECK(findings[2][u"text"_s].toString() == u"color"_s);
    CHECK(findings[2][u"message"_s].toString().contains(u"US spelling"_s));
    CHECK(findings[2][u"suggestions"_s].toArray().first().toString() == u"colour"_s);
}

TEST_CASE("without a dictionary: one message on stderr, wording still checked, exit status unchanged",
          "[cli][spelling][errors]")
{
    QTemporaryDir dir;
    QDir(dir.path()).mkdir(u"empty"_s);
    const QString none = dir.filePath(u"empty"_s);
    const QString clean = write(dir, u"clean.txt"_s, "We recieved a plan.\n");
    const Run r = cli({u"check"_s, u"--dictionary"_s, none, clean});
    CHECK(r.code == 0);
    CHECK(r.out.isEmpty());
    CHECK(r.err.count(u'\n') == 1);
    CHECK(r.err.startsWith(u"fairnote-cli check: spelling was not checked: "_s));
    CHECK(r.err.contains(none));
    CHECK(r.err.contains(u"sudo apt install hunspell-en-gb"_s));
    CHECK(r.err.contains(u"--dictionary PATH"_s));

    const Run wording = cli({u"check"_s, u"--dictionary"_s, dir.filePath(u"nope.dic"_s), u"--format"_s, u"json"_s, u"-"_s},
                            "He kicked off.");
    CHECK(wording.code == 1);
    CHECK(QJsonDocument::fromJson(wording.out.toUtf8()).object()[u"spelling"_s].toString() == u"unavailable"_s);
    CHECK(jsonFindings(wording).size() == 1);
    CHECK(wording.err.contains(u"nope.dic does not exist"_s));
}

TEST_CASE("--dictionary PATH chooses another dictionary", "[cli][spelling]")
{
    const QString latin1 = QStringLiteral(FAIRNOTE_TEST_DATA "/spelling/dictionaries/latin1/en_GB.dic");
    const Run r = cli({u"check"_s, u"--dictionary"_s, latin1, u"--format"_s, u"json"_s, u"-"_s}, "Caf\xC3\xA9 visit note: caffe.");
    CHECK(r.code == 1);
    CHECK(r.err.isEmpty());
    const QJsonArray findings = jsonFindings(r);
    REQUIRE(findings.size() == 1);
    CHECK(findings[0][u"text"_s].toString() == u"caffe"_s);
    CHECK(findings[0][u"source"_s].toString() == u"Hunspell dictionary "_s + latin1);
}

TEST_CASE("the personal word list and --words FILE are accepted", "[cli][spelling]")
{
    QTemporaryDir dir;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(u"XDG_DATA_HOME"_s, dir.path());
    const QByteArray note = "Met Wrexlow at Quorrick House.";
    CHECK(cli({u"check"_s, u"-"_s}, note, env).code == 1);

    QDir(dir.path()).mkpath(u"Fairnote/Fairnote"_s);
    write(dir, u"Fairnote/Fairnote/personal-words.txt"_s, "# mine\nWrexlow\n");
    const Run personal = cli({u"check"_s, u"--format=json"_s, u"-"_s}, note, env);
    const QJsonArray left = jsonFindings(personal);
    REQUIRE(left.size() == 1);
    CHECK(left[0][u"text"_s].toString() == u"Quorrick"_s);

    const QString org = write(dir, u"org.txt"_s, "Quorrick House\n");
    const Run both = cli({u"check"_s, u"--words"_s, org, u"-"_s}, note, env);
    CHECK(both.code == 0);
    CHECK(both.err.isEmpty());

    const Run missing = cli({u"check"_s, u"--words"_s, dir.filePath(u"nope.txt"_s), u"-"_s}, note, env);
    CHECK(missing.code == 1); // Quorrick is flagged again
    CHECK(missing.err.contains(u"fairnote-cli check: warning: "_s + dir.filePath(u"nope.txt"_s) + u": no such file"_s));
}

TEST_CASE("a path with %1 in it is printed as it is", "[cli][errors]")
{
    QTemporaryDir dir;
    const QString path = write(dir, u"note%1.txt"_s, "He kicked off.");
    const Run r = cli({u"check"_s, u"--no-spelling"_s, path});
    CHECK(r.out.contains(path + u":1:4: warning: "_s));
}

TEST_CASE("a UTF-16 file without a byte-order mark is refused, exit 2", "[cli][errors]")
{
    QTemporaryDir dir;
    const QString path = write(dir, u"utf16.txt"_s, QByteArray("H\0e\0 \0k\0i\0c\0k\0e\0d\0 \0o\0f\0f\0", 26));
    const Run r = cli({u"check"_s, path});
    CHECK(r.code == 2);
    CHECK(r.err.contains(u"looks like UTF-16"_s));
}
