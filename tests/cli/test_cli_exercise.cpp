// SPDX-FileCopyrightText: 2026 Fairnote contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// fairnote-cli exercise end to end: the real binary lists, shows, scores and validates exercises, records
// attempts in a training file and exports them; and every case-file command refuses a training file,
// as trainer mode refuses a real one, leaving both unchanged.
#include "testsupport.h"
#include "store/sqlite/database.h"

#include "store/store.h"
#include "training/exerciseloader.h"
#include "training/trainingstore.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>

using namespace Qt::StringLiterals;
using namespace fairnote;

namespace {

struct Run
{
    int code;
    QString out;
    QString err;
    QJsonObject json() const { return QJsonDocument::fromJson(out.toUtf8()).object(); }
};

Run cli(const QTemporaryDir &home, const QStringList &args, const QByteArray &input = {})
{
    QProcess p;
    auto env = fairnote::testing::cliEnvironment(home);
    p.setProcessEnvironment(env);
    p.start(QStringLiteral(FAIRNOTE_CLI), args);
    REQUIRE(p.waitForStarted());
    if (!input.isEmpty())
        p.write(input);
    p.closeWriteChannel();
    REQUIRE(p.waitForFinished(120000));
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

QByteArray bytesOf(const QString &path)
{
    QFile f(path);
    REQUIRE(f.open(QIODevice::ReadOnly));
    return f.readAll();
}

const QString kGood = QStringLiteral(FAIRNOTE_SOURCE_DIR "/tests/data/exercises/good/");

} // namespace

TEST_CASE("exercise --help, and the top help lists it", "[cli][exercise]")
{
    QTemporaryDir home;
    const Run help = cli(home, {u"exercise"_s, u"--help"_s});
    CHECK(help.code == 0);
    CHECK(help.out.startsWith(u"Usage: fairnote-cli exercise list"_s));
    CHECK(cli(home, {u"--help"_s}).out.contains(u"  exercise "_s));
    const Run none = cli(home, {u"exercise"_s});
    CHECK(none.code == 2);
    CHECK(none.err.contains(u"give a subcommand"_s));
    const Run wrong = cli(home, {u"exercise"_s, u"list"_s, u"--db"_s, u"x.db"_s});
    CHECK(wrong.code == 2);
    CHECK(wrong.err.contains(u"--db is not an option of 'exercise list'"_s));
}

TEST_CASE("exercise list and show: text and JSON, answers only when asked", "[cli][exercise]")
{
    QTemporaryDir home;
    const Run list = cli(home, {u"exercise"_s, u"list"_s, u"--format"_s, u"json"_s});
    REQUIRE(list.code == 0);
    const QJsonArray all = list.json().value(u"exercises"_s).toArray();
    CHECK(all.size() >= 20);
    CHECK(all[0][u"type"_s] == u"rewrite"_s);
    const Run text = cli(home, {u"exercise"_s, u"list"_s});
    CHECK(text.code == 0);
    CHECK(text.out.contains(u"Fact, reported or opinion?\n"_s));
    CHECK(text.out.contains(u"Every person, place and event in them is invented."_s));

    const Run show = cli(home, {u"exercise"_s, u"show"_s, u"rewrite-known-arsonist"_s});
    REQUIRE(show.code == 0);
    CHECK(show.out.contains(u"Training — invented cases"_s));
    CHECK(show.out.contains(u"Known arsonist. Kicked off again last week and refused to engage."_s));
    CHECK_FALSE(show.out.contains(u"The model answer"_s));
    const Run answers = cli(home, {u"exercise"_s, u"show"_s, u"--answers"_s, u"rewrite-known-arsonist"_s});
    CHECK(answers.out.contains(u"The model answer:"_s));
    CHECK(answers.out.contains(u"Type of incident (key): Deliberate fire-setting"_s));

    const Run sort = cli(home, {u"exercise"_s, u"show"_s, u"--format"_s, u"json"_s, u"sort-night-log"_s});
    REQUIRE(sort.code == 0);
    const QJsonObject s = sort.json();
    CHECK(s[u"statements"_s].toArray().size() == 8);
    CHECK_FALSE(s[u"statements"_s][0].toObject().contains(u"answer"_s));
    const Run sortAnswers = cli(home, {u"exercise"_s, u"show"_s, u"--format"_s, u"json"_s, u"--answers"_s, u"sort-night-log"_s});
    CHECK(sortAnswers.json()[u"statements"_s][0][u"answer"_s] == u"fact"_s);

    // With the answers, show prints a valid exercise file: a trainer's starting point.
    QTemporaryDir org;
    const Run copy = cli(home, {u"exercise"_s, u"show"_s, u"--format"_s, u"json"_s, u"--answers"_s, u"rewrite-threat-to-burn"_s});
    write(org, u"copy.json"_s, QString(copy.out).replace(u"rewrite-threat-to-burn"_s, u"our-threat"_s).toUtf8());
    const Run copied = cli(home, {u"exercise"_s, u"validate"_s, u"--exercises"_s, org.path()});
    INFO(copied.out.toStdString() << copied.err.toStdString());
    CHECK(copied.code == 0);
    CHECK(copied.out.contains(u"ok      our-threat"_s));

    const Run unknown = cli(home, {u"exercise"_s, u"show"_s, u"no-such-exercise"_s});
    CHECK(unknown.code == 2);
    CHECK(unknown.err.contains(u"there is no exercise \"no-such-exercise\""_s));
}

TEST_CASE("exercise validate: every shipped exercise passes; a failing or broken one is reported", "[cli][exercise]")
{
    QTemporaryDir home;
    const Run ok = cli(home, {u"exercise"_s, u"validate"_s});
    INFO(ok.out.toStdString() << ok.err.toStdString());
    REQUIRE(ok.code == 0);
    CHECK(ok.out.contains(u" passed, 0 failed."_s));
    CHECK(ok.out.contains(u"Rule categories practised: 14 of 14."_s));
    const Run json = cli(home, {u"exercise"_s, u"validate"_s, u"--format"_s, u"json"_s});
    CHECK(json.code == 0);
    CHECK(json.json()[u"failed"_s] == 0);
    CHECK(json.json()[u"categories"_s][u"missing"_s].toArray().isEmpty());

    // An organisation's exercise whose model answer falls short, and whose note lacks a finding.
    QTemporaryDir org;
    QByteArray failing = bytesOf(kGood + u"rewrite-pan-fire.json"_s);
    failing.replace("\"what_happened\": \"At 18:40 a pan of oil on the hob caught fire. I put a fire blanket over it and the flames went out.\"",
                    "\"what_happened\": \"At 18:40 a pan of oil on the hob caught fire and Rowan kicked off.\"");
    failing.replace("\"slang.kicked-off\",", "\"slang.kicked-off\", \"label.arsonist\",");
    write(org, u"failing.json"_s, failing);
    const Run fails = cli(home, {u"exercise"_s, u"validate"_s, u"--exercises"_s, org.path()});
    INFO(fails.out.toStdString());
    CHECK(fails.code == 1);
    CHECK(fails.out.contains(u"FAILED  test-rewrite-pan-fire"_s));
    CHECK(fails.out.contains(u"expected finding \"label.arsonist\": the note does not trigger it"_s));
    CHECK(fails.out.contains(u"the model answer scores"_s));
    CHECK(fails.out.contains(u"Wording › “kicked off” in What happened: Worth changing"_s));
    CHECK(fails.out.contains(u"Facts in the narrative › a fire blanket: Not found"_s));

    write(org, u"broken.json"_s, "{\"format\": \"fairnote-exercise\", \"version\": 1, \"type\": \"quiz\"}");
    const Run broken = cli(home, {u"exercise"_s, u"validate"_s, u"--exercises"_s, org.path()});
    CHECK(broken.code == 2);
    CHECK(broken.err.contains(u"broken.json:1:"_s));
    CHECK(broken.err.contains(u"error: /type: expected one of rewrite, fact-reported-opinion, spot-the-problem"_s));
}

TEST_CASE("exercise score: each kind, full and partial marks, how it was worked out, and bad answers", "[cli][exercise]")
{
    QTemporaryDir home;
    QTemporaryDir dir;
    // Fact, reported or opinion: two of eight.
    const QString sort = write(dir, u"sort.json"_s, R"({"exercise": "sort-night-log", "answers": {"s1": "fact", "s2": "opinion", "s3": "fact"}})");
    const Run s = cli(home, {u"exercise"_s, u"score"_s, u"sort-night-log"_s, sort});
    CHECK(s.code == 1);
    CHECK(s.out.contains(u"Score: 2 of 8 points (25%)"_s));
    CHECK(s.out.contains(u"  +0 of 1  Statement 3, “Lee in Room 11 told me he smelled burning at…”: You chose fact; it is reported."_s));

    // Spot the problem, from standard input, as JSON.
    const Run spot = cli(home, {u"exercise"_s, u"score"_s, u"--format"_s, u"json"_s, u"spot-handover-labels"_s, u"-"_s},
                         R"({"marks": [{"text": "junkie"}, {"text": "kicked off"}, {"text": "Tuesday"}]})");
    REQUIRE(spot.code == 1);
    const QJsonObject o = spot.json();
    CHECK(o[u"score"_s][u"points"_s] == 3);
    CHECK(o[u"score"_s][u"parts"_s][1][u"title"_s] == u"Marks on words that are fine"_s);
    CHECK(o[u"targets"_s][0][u"found"_s] == u"found"_s);
    CHECK(o[u"marks"_s][2][u"stray"_s] == true);
    CHECK(o[u"recorded"_s] == false);

    // A rewrite: the model answer scores full marks (exit 0); a first go is compared word by word.
    const Run shown = cli(home, {u"exercise"_s, u"show"_s, u"--format"_s, u"json"_s, u"--answers"_s, u"rewrite-kitchen-fire"_s});
    const QJsonObject model = shown.json()[u"model_answer"_s].toObject();
    const QString full = write(dir, u"full.json"_s, QJsonDocument(QJsonObject{{u"entry"_s, model}}).toJson());
    const Run f = cli(home, {u"exercise"_s, u"score"_s, u"rewrite-kitchen-fire"_s, full});
    INFO(f.out.toStdString());
    CHECK(f.code == 0);
    CHECK(f.out.contains(u"(100%)"_s));
    QJsonObject first = model;
    QJsonObject incident = first[u"incident"_s].toObject();
    incident[u"what_happened"_s] = u"An incident occurred in the kitchen. A pan of oil caught fire."_s;
    first[u"incident"_s] = incident;
    const QString partial = write(dir, u"first.json"_s, QJsonDocument(QJsonObject{{u"entry"_s, first}}).toJson());
    const Run p = cli(home, {u"exercise"_s, u"score"_s, u"rewrite-kitchen-fire"_s, partial});
    CHECK(p.code == 1);
    INFO(p.out.toStdString());
    CHECK(p.out.contains(u"  -1       “incident occurred” in What happened: Worth changing"_s));
    CHECK(p.out.contains(u"Compared with the model answer (1 field differs; [-yours-]{+the model answer's+}):"_s));
    // Word by word: what only the learner wrote, then what only the model answer has.
    CHECK(p.out.contains(u"[-An incident occurred in-] {+At 18:40+} the kitchen {+fire alarm sounded and I went in+}. A pan of oil"_s));
    CHECK(p.out.contains(u"To take away:"_s));

    // Bad answers: located problems, exit 2.
    const QString bad = write(dir, u"bad.json"_s, R"({"answers": {"s1": "hearsay"}})");
    const Run b = cli(home, {u"exercise"_s, u"score"_s, u"sort-night-log"_s, bad});
    CHECK(b.code == 2);
    CHECK(b.err.contains(u"bad.json:1:20: error: /answers/s1: expected one of fact, reported, opinion"_s));
    CHECK(cli(home, {u"exercise"_s, u"score"_s, u"sort-night-log"_s, dir.filePath(u"missing.json"_s)}).err.contains(u"no such file"_s));
    CHECK(cli(home, {u"exercise"_s, u"score"_s, u"sort-night-log"_s}).code == 2);
}

TEST_CASE("exercise score --db records the attempt in a training file; results export it without names", "[cli][exercise][training]")
{
    QTemporaryDir home;
    QTemporaryDir dir;
    const QString db = dir.filePath(u"training.db"_s);
    const QString answer = write(dir, u"a.json"_s, R"({"answers": {"s1": "fact", "s2": "opinion"}})");
    const Run noCode = cli(home, {u"exercise"_s, u"score"_s, u"--db"_s, db, u"sort-night-log"_s, answer});
    CHECK(noCode.code == 2);
    CHECK(noCode.err.contains(u"needs --learner CODE"_s));
    const Run name = cli(home, {u"exercise"_s, u"score"_s, u"--db"_s, db, u"--learner"_s, u"Sam"_s, u"sort-night-log"_s, answer});
    CHECK(name.code == 2);
    CHECK(name.err.contains(u"never a name"_s));

    for (const QString &learner : {u"L07"_s, u"L08"_s}) {
        const Run r = cli(home, {u"exercise"_s, u"score"_s, u"--db"_s, db, u"--learner"_s, learner, u"--session"_s, u"Before training"_s,
                                 u"sort-night-log"_s, answer});
        CHECK(r.code == 1);
        CHECK(r.out.contains(u"Recorded for %1 in "_s.arg(learner)));
    }
    const Run csv = cli(home, {u"exercise"_s, u"results"_s, u"--db"_s, db});
    REQUIRE(csv.code == 0);
    CHECK(csv.out.startsWith(u"learner,session,exercise,type,points,max,percent,wording_findings,open_questions,scored_at\r\n"_s));
    CHECK(csv.out.contains(u"L07,Before training,sort-night-log,fact-reported-opinion,2,8,25,,,"_s));
    const Run json = cli(home, {u"exercise"_s, u"results"_s, u"--db"_s, db, u"--learner"_s, u"L08"_s, u"--format"_s, u"json"_s});
    REQUIRE(json.code == 0);
    const QJsonArray rows = json.json()[u"results"_s].toArray();
    REQUIRE(rows.size() == 1);
    CHECK(rows[0][u"learner"_s] == u"L08"_s);
    const QString out = dir.filePath(u"results.csv"_s);
    CHECK(cli(home, {u"exercise"_s, u"results"_s, u"--db"_s, db, u"-o"_s, out}).code == 0);
    CHECK(bytesOf(out).count('\n') == 3);
    CHECK(cli(home, {u"exercise"_s, u"results"_s, u"--db"_s, dir.filePath(u"none.db"_s)}).code == 2);
}

TEST_CASE("a training file is refused by every case-file command, and a real file by the exercise commands", "[cli][exercise][training][separation]")
{
    QTemporaryDir home;
    QTemporaryDir dir;
    const QString training = dir.filePath(u"training.db"_s);
    const QString live = dir.filePath(u"casefile.db"_s);
    REQUIRE(training::openTrainingStore(training).ok());
    REQUIRE(cli(home, {u"init"_s, u"--db"_s, live}).code == 0);
    const QByteArray trainingBefore = bytesOf(training), liveBefore = bytesOf(live);
    const QString author = u"Jo Fletcher (Support worker)"_s;
    const QString example = QStringLiteral(FAIRNOTE_SOURCE_DIR "/docs/examples/incident-complete.json");

    const QList<QStringList> commands{
        {u"init"_s},
        {u"import"_s, u"--author"_s, author, u"--no-spelling"_s, example},
        {u"export"_s, u"--author"_s, author, u"-o"_s, dir.filePath(u"out.json"_s)},
        {u"people"_s},
        {u"list"_s},
        {u"show"_s, u"entry-0001"_s},
        {u"search"_s, u"fire"_s},
        {u"finalise"_s, u"--author"_s, author, u"--no-spelling"_s, u"entry-0001"_s},
        {u"amend"_s, u"--author"_s, author, u"--reason"_s, u"r"_s, u"--no-spelling"_s, u"entry-0001"_s, example},
        {u"mark-in-error"_s, u"--author"_s, author, u"--reason"_s, u"r"_s, u"entry-0001"_s},
        {u"verify"_s},
        {u"backup"_s, u"--author"_s, author, dir.filePath(u"copy.db"_s)},
    };
    for (QStringList args : commands) {
        args << u"--db"_s << training;
        INFO(args.join(u' ').toStdString());
        const Run r = cli(home, args);
        CHECK(r.code == 2);
        CHECK(r.err.contains(u"is a training file of invented cases; it cannot be opened as a real case file"_s));
    }
    CHECK_FALSE(QFile::exists(dir.filePath(u"out.json"_s)));
    CHECK_FALSE(QFile::exists(dir.filePath(u"copy.db"_s)));

    const QString answer = write(dir, u"a.json"_s, R"({"answers": {"s1": "fact"}})");
    const Run score = cli(home, {u"exercise"_s, u"score"_s, u"--db"_s, live, u"--learner"_s, u"L07"_s, u"sort-night-log"_s, answer});
    CHECK(score.code == 2);
    CHECK(score.err.contains(u"holds real case records; trainer mode opens only training files"_s));
    CHECK(score.out.isEmpty()); // refused before anything is scored
    const Run results = cli(home, {u"exercise"_s, u"results"_s, u"--db"_s, live});
    CHECK(results.code == 2);
    CHECK(results.err.contains(u"holds real case records"_s));

    // verify --training checks a training file, read only; a real case file is refused that way.
    const Run verified = cli(home, {u"verify"_s, u"--training"_s, u"--db"_s, training});
    INFO(verified.err.toStdString());
    CHECK(verified.code == 0);
    CHECK(cli(home, {u"verify"_s, u"--training"_s, u"--db"_s, live}).code == 2);

    CHECK(bytesOf(training) == trainingBefore);
    CHECK(bytesOf(live) == liveBefore);
}

TEST_CASE("verify finds a training file re-marked as a real case file by another tool", "[cli][exercise][training]")
{
    QTemporaryDir home;
    QTemporaryDir dir;
    const QString training = dir.filePath(u"training.db"_s);
    REQUIRE(training::openTrainingStore(training).ok());
    {
        store::sql::Database raw(training, store::sql::Database::Mode::ReadWrite);
        raw.exec("PRAGMA application_id = 1181642612"); // 0x466E6F74, a real case file's id
    }
    const Run r = cli(home, {u"verify"_s, u"--db"_s, training});
    CHECK(r.code == 1);
    CHECK(r.out.contains(u"created as a training file of invented cases, but it is now marked as a real case file"_s));
}
