// SPDX-FileCopyrightText: 2026 Fairnote contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// Trainer mode's core: loading exercises (one folder per bad file), the shipped set, answers, scoring of
// each kind of exercise with its breakdown, the word diff, and session results.
#include "testsupport.h"

#include "record/interchange.h"
#include "training/answer.h"
#include "training/exerciseloader.h"
#include "training/results.h"
#include "training/scoring.h"
#include "training/validate.h"
#include "training/worddiff.h"

#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QTemporaryDir>
#include <algorithm>

using namespace Qt::StringLiterals;
using namespace fairnote;
using namespace fairnote::training;

namespace {

const QString kData = QStringLiteral(FAIRNOTE_TEST_DATA "/exercises");

std::shared_ptr<const Scorer> scorer()
{
    static std::shared_ptr<const Scorer> s = [] {
        auto made = Scorer::create(testing::builtInChecker());
        REQUIRE(made.ok());
        return *made;
    }();
    return s;
}

Exercise good(const QString &name)
{
    QFile f(kData + u"/good/"_s + name + u".json"_s);
    REQUIRE(f.open(QIODevice::ReadOnly));
    auto e = readExercise(f.readAll(), name);
    if (!e)
        for (const auto &p : e.error())
            UNSCOPED_INFO(p.toString().toStdString());
    REQUIRE(e.ok());
    return *e;
}

const ScorePart &part(const Score &s, const QString &title)
{
    const auto it = std::find_if(s.parts.begin(), s.parts.end(), [&](const ScorePart &p) { return p.title == title; });
    REQUIRE(it != s.parts.end());
    return *it;
}

const ScoreLine *line(const ScorePart &p, const QString &itemStart)
{
    for (const ScoreLine &l : p.lines)
        if (l.item.startsWith(itemStart))
            return &l;
    return nullptr;
}

Mark markOf(const Exercise &e, const QString &words, int occurrence = 1)
{
    qsizetype at = -1;
    for (int i = 0; i < occurrence; ++i)
        at = e.note.indexOf(words, at + 1);
    REQUIRE(at >= 0);
    return {at, words.size()};
}

} // namespace

// ---- loading ----------------------------------------------------------------------------------------

TEST_CASE("every bad exercise file gets an error naming the file, line, column, JSON path and problem", "[training][loader]")
{
    const QDir cases(kData + u"/bad"_s);
    const QStringList names = cases.entryList(QDir::Dirs | QDir::NoDotAndDotDot);
    REQUIRE(names.size() >= 20);
    for (const QString &name : names) {
        INFO(name.toStdString());
        QFile expectedFile(cases.filePath(name + u"/expected-error.txt"_s));
        REQUIRE(expectedFile.open(QIODevice::ReadOnly));
        const QString expected = QString::fromUtf8(expectedFile.readAll()).trimmed();
        REQUIRE_FALSE(expected.isEmpty());
        const QString dir = cases.filePath(name);
        const auto set = loadExerciseDirectory(dir);
        REQUIRE_FALSE(set.ok());
        QStringList got;
        for (const auto &p : set.error())
            got << p.toString().replace(dir + u'/', QString());
        INFO(got.join(u'\n').toStdString());
        CHECK(std::any_of(got.begin(), got.end(), [&](const QString &g) { return g.startsWith(expected); }));
        // Every problem names where it is.
        for (const auto &p : set.error()) {
            CHECK(p.file.endsWith(u"exercise.json"_s));
            CHECK(p.line > 0);
        }
    }
}

TEST_CASE("a folder that is missing, empty, or holds one id twice is refused", "[training][loader]")
{
    const auto missing = loadExercises(u"/nonexistent/fairnote-exercises"_s);
    REQUIRE_FALSE(missing.ok());
    CHECK(missing.error().front().message.contains(u"does not exist"_s));

    QTemporaryDir empty;
    const auto none = loadExercises(empty.path());
    REQUIRE_FALSE(none.ok());
    CHECK(none.error().front().message.contains(u"no .json"_s));

    QTemporaryDir twice;
    for (const QString &name : {u"a.json"_s, u"b.json"_s})
        REQUIRE(QFile::copy(kData + u"/good/sort-small.json"_s, twice.filePath(name)));
    const auto dup = loadExercises(twice.path());
    REQUIRE_FALSE(dup.ok());
    CHECK(dup.error().front().toString().contains(u"b.json:4:"_s));
    CHECK(dup.error().front().message.contains(u"is used by"_s));
    CHECK(dup.error().front().path == u"/id"_s);
}

TEST_CASE("an organisation's folder adds exercises and replaces a built-in one with the same id", "[training][loader]")
{
    const auto builtIn = loadExercises();
    REQUIRE(builtIn.ok());
    QTemporaryDir org;
    REQUIRE(QFile::copy(kData + u"/good/sort-small.json"_s, org.filePath(u"new.json"_s)));
    Exercise replacing = good(u"sort-small"_s);
    replacing.id = builtIn->exercises.front().id;
    replacing.title = u"Our own version"_s;
    {
        QFile f(org.filePath(u"replacing.json"_s));
        REQUIRE(f.open(QIODevice::WriteOnly));
        f.write(writeExercise(replacing));
    }
    const auto set = loadExercises(org.path());
    REQUIRE(set.ok());
    CHECK(set->exercises.size() == builtIn->exercises.size() + 1);
    const Exercise *added = set->find(u"test-sort-small"_s);
    REQUIRE(added);
    CHECK_FALSE(added->builtIn);
    const Exercise *replaced = set->find(replacing.id);
    REQUIRE(replaced);
    CHECK(replaced->title == u"Our own version"_s);
    CHECK_FALSE(replaced->builtIn);
}

TEST_CASE("the shipped exercises: at least 20, invented, of every kind, covering every rule category, all valid", "[training][shipped]")
{
    const auto set = loadExercises();
    if (!set)
        for (const auto &p : set.error())
            UNSCOPED_INFO(p.toString().toStdString());
    REQUIRE(set.ok());
    CHECK(set->exercises.size() >= 20);
    int kinds[3] = {0, 0, 0};
    int fireRecords = 0;
    for (const Exercise &e : set->exercises) {
        INFO(e.id.toStdString());
        CHECK(e.builtIn);
        CHECK(e.invented);
        CHECK(e.file.startsWith(u":/fairnote/exercises/"_s));
        CHECK(e.file.endsWith(e.id + u".json"_s)); // the file is named after its id
        ++kinds[int(e.type)];
        if (e.type == ExerciseType::Rewrite && e.modelAnswer.isIncident())
            ++fireRecords;
        const Validation v = validateExercise(e, *scorer());
        INFO(v.problems.join(u'\n').toStdString());
        CHECK(v.ok());
    }
    CHECK(kinds[0] >= 5);
    CHECK(kinds[1] >= 5);
    CHECK(kinds[2] >= 5);
    CHECK(fireRecords == kinds[0]);
    const auto practised = categoriesPractised(set->exercises, *scorer());
    for (Category c : ruleCategories()) {
        INFO(categoryId(c).toStdString());
        CHECK(practised.count(c) == 1);
    }
}

TEST_CASE("an exercise written back to JSON reads back the same", "[training][loader]")
{
    const auto set = loadExercises();
    REQUIRE(set.ok());
    for (Exercise e : set->exercises) {
        INFO(e.id.toStdString());
        auto again = readExercise(writeExercise(e), e.file);
        REQUIRE(again.ok());
        again->builtIn = e.builtIn;
        CHECK(*again == e);
    }
}

// ---- answers ----------------------------------------------------------------------------------------

TEST_CASE("answers are read by statement id, by marked text or offset, and as an entry; problems are located", "[training][answer]")
{
    const Exercise sort = good(u"sort-small"_s);
    auto a = readAnswer(R"({"exercise": "test-sort-small", "learner": "L07", "answers": {"s1": "fact", "s2": null, "s3": "reported"}})", sort, u"a.json"_s);
    REQUIRE(a.ok());
    CHECK(a->learner == u"L07"_s);
    CHECK(a->choices.size() == 2);
    CHECK(a->choices.value(u"s3"_s) == StatementKind::Reported);

    auto wrong = readAnswer(R"({"exercise": "another", "answers": {"s9": "fact", "s1": "hearsay"}})", sort, u"a.json"_s);
    REQUIRE_FALSE(wrong.ok());
    QStringList messages;
    for (const auto &p : wrong.error())
        messages << p.toString();
    CAPTURE(messages);
    CHECK(messages.filter(u"a.json:1:14: error: /exercise: this answer is for the exercise \"another\""_s).size() == 1);
    CHECK(messages.filter(u"/answers/s9: the exercise has no statement \"s9\""_s).size() == 1);
    CHECK(messages.filter(u"/answers/s1: expected one of fact, reported, opinion"_s).size() == 1);

    const Exercise spot = good(u"spot-small"_s);
    auto marks = readAnswer(R"({"marks": [{"text": "junkie"}, {"text": "he", "occurrence": 2}, {"offset": 0, "length": 9}]})", spot, u"m.json"_s);
    REQUIRE(marks.ok());
    REQUIRE(marks->marks.size() == 3);
    CHECK(marks->marks[0] == markOf(spot, u"junkie"_s));
    CHECK(marks->marks[1] == markOf(spot, u"he"_s, 2)); // inside "the": marks are by text, not by word
    CHECK(marks->marks[2] == Mark{0, 9});
    auto badMarks = readAnswer(R"({"marks": [{"text": "Junkie"}, {"offset": 80, "length": 40}]})", spot, u"m.json"_s);
    REQUIRE_FALSE(badMarks.ok());
    CHECK(badMarks.error().size() == 2);
    CHECK(badMarks.error()[0].path == u"/marks/0/text"_s);
    CHECK(badMarks.error()[1].message.contains(u"inside the note"_s));

    const Exercise rewrite = good(u"rewrite-pan-fire"_s);
    auto entry = readAnswer(R"({"entry": {"kind": "incident", "incident": {"type": "accidental", "what_happned": "x"}}})", rewrite, u"r.json"_s);
    REQUIRE_FALSE(entry.ok());
    CHECK(entry.error().front().toString() == u"r.json:1:83: error: /entry/incident/what_happned: unknown member \"what_happned\" (see docs/interchange.md for the members of an entry)"_s);
    auto note = readAnswer(R"({"entry": {"kind": "note", "note": {"text": "x"}}})", rewrite, u"r.json"_s);
    REQUIRE_FALSE(note.ok());
    CHECK(note.error().front().message.contains(u"must be an incident record"_s));
    auto notJson = readAnswer("{\"entry\": ", rewrite, u"r.json"_s);
    REQUIRE_FALSE(notJson.ok());
    CHECK(notJson.error().front().toString().startsWith(u"r.json:1:"_s));
}

TEST_CASE("an answer written by answerToJson reads back the same", "[training][answer]")
{
    for (const QString &name : {u"sort-small"_s, u"spot-small"_s, u"rewrite-pan-fire"_s}) {
        const Exercise e = good(name);
        Answer a = scorer()->modelAnswer(e);
        a.learner = u"L07"_s;
        const QByteArray bytes = QJsonDocument(answerToJson(a, e)).toJson();
        auto back = readAnswer(bytes, e, name);
        REQUIRE(back.ok());
        CHECK(back->learner == a.learner);
        CHECK(back->choices == a.choices);
        CHECK(back->marks == a.marks);
        CHECK(scorer()->score(e, *back).score.full());
    }
}

// ---- scoring: rewrite -------------------------------------------------------------------------------

TEST_CASE("rewrite: the model answer scores full marks, with every part explained", "[training][scoring][rewrite]")
{
    const Exercise e = good(u"rewrite-pan-fire"_s);
    const Feedback fb = scorer()->scoreRewrite(e, e.modelAnswer);
    INFO(describeScore(fb.score).toStdString());
    CHECK(fb.score.full());
    CHECK(fb.score.max() == 4 + 2 + kQuestionsPoints + kWordingPoints);
    CHECK(fb.score.percent() == 100);
    CHECK(fb.openQuestions == 0);
    CHECK(fb.wordingFindings == 0);
    REQUIRE(fb.score.parts.size() == 4);
    CHECK(part(fb.score, u"Facts in the form"_s).lines.size() == 4);
    CHECK(part(fb.score, u"Facts in the narrative"_s).lines.size() == 2);
    CHECK(std::all_of(fb.comparison.begin(), fb.comparison.end(), [](const FieldComparison &c) { return c.same; }));
}

TEST_CASE("rewrite: a blank answer scores zero, and says why for every point", "[training][scoring][rewrite]")
{
    const Exercise e = good(u"rewrite-pan-fire"_s);
    record::Entry blank;
    blank.body = record::IncidentRecord{};
    const Feedback fb = scorer()->scoreRewrite(e, blank);
    INFO(describeScore(fb.score).toStdString());
    CHECK(fb.score.points() == 0);
    const ScorePart &form = part(fb.score, u"Facts in the form"_s);
    REQUIRE(line(form, u"What happened › Type of incident"_s));
    CHECK(line(form, u"What happened › Type of incident"_s)->why == u"Not answered yet. The model answer has “Accidental fire”."_s);
    const ScorePart &questions = part(fb.score, u"Questions answered"_s);
    CHECK(questions.points == 0);
    CHECK(questions.lines.back().item == u"Never below 0"_s);
    // Nothing written, so no free points for wording.
    const ScorePart &wording = part(fb.score, u"Wording"_s);
    CHECK(wording.points == 0);
    CHECK(wording.max == kWordingPoints);
    CHECK(wording.lines.front().why.contains(u"Nothing is written"_s));
}

TEST_CASE("rewrite: a partial answer gets the points it earned, item by item", "[training][scoring][rewrite]")
{
    const Exercise e = good(u"rewrite-pan-fire"_s);
    record::Entry answer = e.modelAnswer;
    auto *r = std::get_if<record::IncidentRecord>(&answer.body);
    REQUIRE(r);
    // Right type and cause; the date without its time; a label and slang in the narrative; no blanket.
    answer.eventDate = {record::DatePrecision::Day, {}, QDate(2025, 5, 20), {}};
    r->whatHappened = u"The junkie kicked off and a pan caught fire."_s;
    r->harm.fireServiceAttended.reset();
    const Feedback fb = scorer()->scoreRewrite(e, answer);
    INFO(describeScore(fb.score).toStdString());

    const ScorePart &form = part(fb.score, u"Facts in the form"_s);
    CHECK(form.points == 2);
    CHECK(line(form, u"When and where › Event date"_s)->why == u"You have “20 May 2025”; the model answer has “20 May 2025, 18:40”."_s);
    CHECK(line(form, u"Harm › Fire and rescue service attended"_s)->outcome == ScoreLine::Outcome::None);

    const ScorePart &facts = part(fb.score, u"Facts in the narrative"_s);
    CHECK(facts.points == 1);
    CHECK(line(facts, u"a pan"_s)->why == u"Found “pan” in What happened."_s);
    CHECK(line(facts, u"a fire blanket"_s)->why.startsWith(u"Not found in your record."_s));

    const ScorePart &questions = part(fb.score, u"Questions answered"_s);
    CHECK(questions.points == kQuestionsPoints - 1); // the fire service question
    CHECK(fb.openQuestions == 1);

    const ScorePart &wording = part(fb.score, u"Wording"_s);
    CHECK(wording.points == kWordingPoints - 2 - 1); // "junkie" (Important), "kicked off" (Worth changing)
    CHECK(fb.wordingFindings == 2);
    const ScoreLine *junkie = line(wording, u"“junkie”"_s);
    REQUIRE(junkie);
    CHECK(junkie->points == -2);
    CHECK(junkie->why.startsWith(u"Important: "_s));

    CHECK(fb.score.points() == 2 + 1 + 4 + 2);
    // The narrative is compared word by word with the model answer's.
    const auto what = std::find_if(fb.comparison.begin(), fb.comparison.end(),
                                   [](const FieldComparison &c) { return c.pointer == u"/incident/what_happened"; });
    REQUIRE(what != fb.comparison.end());
    CHECK_FALSE(what->same);
    REQUIRE_FALSE(what->diff.empty());
    QString yours;
    for (const DiffPiece &p : what->diff)
        if (p.kind != DiffPiece::Kind::OnlySecond)
            yours += p.text;
    CHECK(yours == r->whatHappened);
}

TEST_CASE("rewrite: a fire in a different setting is listed where the model answer has none", "[training][scoring][rewrite]")
{
    const Exercise e = good(u"rewrite-pan-fire"_s);
    record::Entry answer = e.modelAnswer;
    auto *r = std::get_if<record::IncidentRecord>(&answer.body);
    r->type = record::IncidentType::Deliberate; // no "cause" field then
    const Feedback fb = scorer()->scoreRewrite(e, answer);
    const auto cause = std::find_if(fb.comparison.begin(), fb.comparison.end(),
                                    [](const FieldComparison &c) { return c.pointer == u"/incident/accidental_cause"; });
    REQUIRE(cause != fb.comparison.end());
    CHECK_FALSE(cause->inYours);
    CHECK(cause->key);
    CHECK(part(fb.score, u"Facts in the form"_s).points == 2);
}

// ---- scoring: fact, reported or opinion -------------------------------------------------------------

TEST_CASE("fact, reported or opinion: full, partial and zero, each answer explained", "[training][scoring][sort]")
{
    const Exercise e = good(u"sort-small"_s);
    const Feedback full = scorer()->score(e, scorer()->modelAnswer(e));
    CHECK(full.score.summary() == u"4 of 4 points (100%)"_s);

    QHash<QString, StatementKind> some{{u"s1"_s, StatementKind::Fact}, {u"s2"_s, StatementKind::Opinion}};
    const Feedback partial = scorer()->scoreSort(e, some);
    CHECK(partial.score.points() == 1);
    CHECK(partial.score.percent() == 25);
    const ScorePart &p = partial.score.parts.front();
    REQUIRE(p.lines.size() == 4);
    CHECK(p.lines[0].why == u"Yes, fact. Heard, with a time."_s);
    CHECK(p.lines[1].why == u"You chose opinion; it is reported. Attributed to Jo."_s);
    CHECK(p.lines[2].why == u"Not answered; it is opinion. A prediction."_s);
    CHECK(p.lines[0].item == u"Statement 1, “The alarm sounded at 01:20.”"_s);
    REQUIRE(partial.statements.size() == 4);
    CHECK_FALSE(partial.statements[2].given.has_value());

    const Feedback none = scorer()->scoreSort(e, {});
    CHECK(none.score.points() == 0);
    CHECK(none.score.max() == 4);
}

// ---- scoring: spot the problem ----------------------------------------------------------------------

TEST_CASE("spot the problem: the rule pack's findings and the key are the problems; overlaps merge", "[training][scoring][spot]")
{
    const Exercise e = good(u"spot-small"_s);
    const auto targets = scorer()->targets(e);
    QStringList words;
    for (const SpotTarget &t : targets)
        words << t.words;
    CHECK(words == QStringList{u"kicked off"_s, u"in the lounge"_s, u"junkie"_s});
    CHECK(targets[0].ruleIds == QStringList{u"slang.kicked-off"_s});
    CHECK_FALSE(targets[0].inKey);
    CHECK(targets[1].inKey);
    CHECK(targets[1].ruleIds.isEmpty());
    CHECK(targets[1].instead == u"in the ground-floor lounge"_s);
    CHECK(targets[2].severity == Severity::Error);

    // A key phrase that overlaps a finding makes one problem, found whole by marking either phrase.
    Exercise merged = e;
    merged.key = {{u"He is a junkie"_s, 1, u"The trainer's reason."_s, {}}};
    const auto two = scorer()->targets(merged);
    REQUIRE(two.size() == 2);
    CHECK(two[1].words == u"He is a junkie"_s);
    CHECK(two[1].inKey);
    CHECK(two[1].ruleIds == QStringList{u"label.junkie"_s});
    CHECK(two[1].message == u"The trainer's reason."_s);
    const Feedback byRule = scorer()->scoreSpot(merged, {markOf(merged, u"junkie"_s)});
    CHECK(byRule.targets[1].found == SpotTarget::Found::Whole);
}

TEST_CASE("spot the problem: full, partial and zero, with the partial-credit rules", "[training][scoring][spot]")
{
    const Exercise e = good(u"spot-small"_s);
    const Feedback full = scorer()->score(e, scorer()->modelAnswer(e));
    CHECK(full.score.summary() == u"6 of 6 points (100%)"_s);

    SECTION("nothing marked scores zero")
    {
        const Feedback fb = scorer()->scoreSpot(e, {});
        CHECK(fb.score.points() == 0);
        CHECK(fb.score.max() == 6);
        CHECK(fb.score.parts.size() == 1); // no stray marks, so no part for them
        CHECK(fb.score.parts.front().lines[0].why.startsWith(u"Not marked. "_s));
    }
    SECTION("part of a phrase earns 1 of 2")
    {
        const Feedback fb = scorer()->scoreSpot(e, {markOf(e, u"kicked"_s)});
        CHECK(fb.targets[0].found == SpotTarget::Found::Partly);
        const ScoreLine &l = fb.score.parts.front().lines[0];
        CHECK(l.points == 1);
        CHECK(l.outcome == ScoreLine::Outcome::Partial);
        CHECK(l.why.startsWith(u"Partly found: you marked “kicked”; the problem is “kicked off”."_s));
    }
    SECTION("a mark may run up to 3 words past the problem; a wider one earns 1 of 2")
    {
        const Feedback tight = scorer()->scoreSpot(e, {markOf(e, u"On Monday he kicked off"_s)});
        CHECK(tight.targets[0].found == SpotTarget::Found::Whole);
        const Feedback wide = scorer()->scoreSpot(e, {markOf(e, u"He is a junkie. We talked about"_s)});
        CHECK(wide.targets[2].found == SpotTarget::Found::Partly);
        CHECK(wide.score.parts.front().lines[2].why.startsWith(u"Found, inside a mark that also takes in 6 words that are fine"_s));
        // Marking everything at once never gets full marks.
        const Feedback all = scorer()->scoreSpot(e, {Mark{0, e.note.size()}});
        CHECK(all.score.points() == 3);
    }
    SECTION("marks on words that are fine take 1 point each, never below 0")
    {
        const Feedback fb = scorer()->scoreSpot(e, {markOf(e, u"kicked off"_s), markOf(e, u"rent"_s), markOf(e, u"14:00"_s)});
        CHECK(fb.marks[1].stray);
        CHECK(fb.marks[2].stray);
        const ScorePart &stray = part(fb.score, u"Marks on words that are fine"_s);
        CHECK(stray.points == -2);
        CHECK(stray.lines[0].item == u"“rent”"_s);
        CHECK(fb.score.points() == 0);
        const Feedback worse = scorer()->scoreSpot(e, {markOf(e, u"rent"_s), markOf(e, u"14:00"_s)});
        CHECK(worse.score.points() == 0);
        CHECK(part(worse.score, u"Marks on words that are fine"_s).lines.back().item == u"Never below 0"_s);
    }
}

TEST_CASE("describeScore prints how the score was worked out", "[training][scoring]")
{
    const Exercise e = good(u"sort-small"_s);
    const QString text = describeScore(scorer()->scoreSort(e, {{u"s1"_s, StatementKind::Fact}}).score);
    CHECK(text.startsWith(u"Score: 1 of 4 points (25%)\nStatements: 1 of 4. 1 point for each statement sorted as the trainer sorted it.\n"_s));
    CHECK(text.contains(u"  +1 of 1  Statement 1, “The alarm sounded at 01:20.”: Yes, fact. Heard, with a time.\n"_s));
}

// ---- word diff --------------------------------------------------------------------------------------

TEST_CASE("the word diff marks what only one text has, ignoring case and spacing", "[training][diff]")
{
    using K = DiffPiece::Kind;
    const auto d = wordDiff(u"At 18:40 a pan caught fire."_s, u"At 18:40 a pan of oil caught  Fire."_s);
    REQUIRE(d.size() == 3);
    CHECK(d[0] == DiffPiece{K::Same, u"At 18:40 a pan "_s, u"At 18:40 a pan "_s});
    CHECK(d[1] == DiffPiece{K::OnlySecond, u"of oil "_s, {}});
    CHECK(d[2] == DiffPiece{K::Same, u"caught fire."_s, u"caught  Fire."_s});

    const auto r = wordDiff(u"He kicked off."_s, u"He shouted."_s);
    REQUIRE(r.size() == 4);
    CHECK(r[1] == DiffPiece{K::OnlyFirst, u"kicked off"_s, {}});
    CHECK(r[2] == DiffPiece{K::OnlySecond, u"shouted"_s, {}});
    CHECK(wordDiff(QString(), u"New."_s) == std::vector<DiffPiece>{{K::OnlySecond, u"New."_s, {}}});
    // Each side reads back as it was written.
    const QString a = u"Pat put it out. He was upset."_s, b = u"Pat, the night worker, put it out within a minute."_s;
    QString first, second;
    for (const DiffPiece &p : wordDiff(a, b)) {
        if (p.kind != K::OnlySecond)
            first += p.text;
        second += p.kind == K::Same ? p.second : p.kind == K::OnlySecond ? p.text : QString();
    }
    CHECK(first == a);
    CHECK(second == b);
}

// ---- results ----------------------------------------------------------------------------------------

TEST_CASE("a learner code is short, has a digit, and is never a name", "[training][results]")
{
    CHECK(isValidLearnerCode(u"L07"));
    CHECK(isValidLearnerCode(u"CAT-2026-14"));
    QString why;
    CHECK_FALSE(isValidLearnerCode(u"Sam", &why));
    CHECK(why.contains(u"digit"_s));
    CHECK_FALSE(isValidLearnerCode(u"Sam Rivers 1", &why));
    CHECK(why.contains(u"no spaces"_s));
    CHECK_FALSE(isValidLearnerCode(u"sam@example.org1"));
    CHECK_FALSE(isValidLearnerCode(u"L"));
}

TEST_CASE("session results export as CSV and JSON without names, and read back", "[training][results]")
{
    const Exercise rewrite = good(u"rewrite-pan-fire"_s);
    const Exercise sort = good(u"sort-small"_s);
    const QDateTime at(QDate(2026, 3, 4), QTime(10, 15), Qt::UTC);
    std::vector<AttemptResult> rows{
        resultOf(scorer()->scoreRewrite(rewrite, rewrite.modelAnswer), u"L07"_s, u"Before training, week 1"_s, at),
        resultOf(scorer()->scoreSort(sort, {{u"s1"_s, StatementKind::Fact}}), u"L07"_s, u"=cmd"_s, at.addSecs(60)),
    };
    CHECK(rows[0].percent() == 100);
    CHECK(rows[0].wordingFindings == 0);
    CHECK(rows[1].wordingFindings == -1);

    const QByteArray csv = resultsToCsv(rows);
    CHECK(csv.startsWith("learner,session,exercise,type,points,max,percent,wording_findings,open_questions,scored_at\r\n"
                         "L07,\"Before training, week 1\",test-rewrite-pan-fire,rewrite,16,16,100,0,0,2026-03-04T10:15:00Z\r\n"));
    CHECK(csv.contains("L07,'=cmd,test-sort-small,fact-reported-opinion,1,4,25,,,2026-03-04T10:16:00Z\r\n")); // never a formula
    const QByteArray json = resultsToJson(rows, at);
    for (const QByteArray &bytes : {csv, json}) {
        // The invented person's name and the author's never reach an export.
        CHECK_FALSE(bytes.contains("Rowan"));
        CHECK_FALSE(bytes.contains("Model answer"));
        auto back = readResults(bytes);
        REQUIRE(back.ok());
        CHECK(*back == rows);
    }
    CHECK_FALSE(readResults("name,score\nSam,3\n").ok());
    CHECK(readResults("{\"format\": \"something\"}").error().contains(u"/format"_s));
}

TEST_CASE("the cohort summary counts each learner's first attempt per exercise and session", "[training][results]")
{
    const QDateTime t0(QDate(2026, 3, 4), QTime(10, 0), Qt::UTC);
    auto row = [&](const QString &learner, const QString &session, const QString &exercise, ExerciseType type, int points, int max,
                   int findings, int minutes) {
        AttemptResult r;
        r.learner = learner;
        r.session = session;
        r.exerciseId = exercise;
        r.type = type;
        r.points = points;
        r.max = max;
        r.wordingFindings = findings;
        r.openQuestions = findings < 0 ? -1 : 0;
        r.at = t0.addSecs(60 * minutes);
        return r;
    };
    const std::vector<AttemptResult> rows{
        row(u"L01"_s, u"Before"_s, u"r1"_s, ExerciseType::Rewrite, 10, 20, 6, 0),
        row(u"L01"_s, u"Before"_s, u"r1"_s, ExerciseType::Rewrite, 20, 20, 0, 5), // a second try: not counted
        row(u"L02"_s, u"Before"_s, u"r1"_s, ExerciseType::Rewrite, 5, 20, 8, 1),
        row(u"L02"_s, u"Before"_s, u"s1"_s, ExerciseType::FactReportedOpinion, 3, 6, -1, 2),
        row(u"L01"_s, u"After"_s, u"r1"_s, ExerciseType::Rewrite, 18, 20, 1, 100),
        row(u"L02"_s, u"After"_s, u"r1"_s, ExerciseType::Rewrite, 16, 20, 2, 101),
    };
    const Cohort c = summariseCohort(rows);
    CHECK(c.sessions == QStringList{u"Before"_s, u"After"_s});
    CHECK(c.learners == 2);
    CHECK(c.attempts == 6);
    REQUIRE(c.bars.size() == 5); // Before: all, rewrite, sort; After: all, rewrite
    CHECK(c.bars[0].session == u"Before"_s);
    CHECK_FALSE(c.bars[0].type.has_value());
    CHECK(c.bars[0].attempts == 3);
    CHECK(c.bars[0].averagePercent == Approx((50.0 + 25.0 + 50.0) / 3));
    CHECK(c.bars[1].type == ExerciseType::Rewrite);
    CHECK(c.bars[1].averagePercent == Approx(37.5));
    CHECK(c.bars[3].session == u"After"_s);
    CHECK(c.bars[3].averagePercent == Approx(85.0));
    REQUIRE(c.findingsPerRewrite.size() == 2);
    CHECK(*c.findingsPerRewrite[0] == Approx(7.0));
    CHECK(*c.findingsPerRewrite[1] == Approx(1.5));
}
