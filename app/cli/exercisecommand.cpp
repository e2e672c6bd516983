// SPDX-FileCopyrightText: 2026 Fairnote contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// fairnote-cli exercise: list, show, score and validate trainer mode's exercises; export recorded results.
#include "exercisecommand.h"

#include "common.h"
#include "record/describe.h"
#include "training/answer.h"
#include "training/exerciseloader.h"
#include "training/results.h"
#include "training/scoring.h"
#include "training/trainingstore.h"
#include "training/validate.h"

#include <QDateTime>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

using namespace Qt::StringLiterals;
using namespace fairnote::training;

namespace fairnote::cli {

namespace {

const QString kDefaultSession = u"Practice"_s;

QString outcomeId(ScoreLine::Outcome o)
{
    switch (o) {
    case ScoreLine::Outcome::Full: return u"full"_s;
    case ScoreLine::Outcome::Partial: return u"partial"_s;
    case ScoreLine::Outcome::None: return u"none"_s;
    case ScoreLine::Outcome::Deduction: return u"deduction"_s;
    case ScoreLine::Outcome::NoEffect: return u"no-effect"_s;
    }
    return {};
}

QString foundId(SpotTarget::Found f)
{
    switch (f) {
    case SpotTarget::Found::Whole: return u"found"_s;
    case SpotTarget::Found::Partly: return u"partly"_s;
    case SpotTarget::Found::Missed: return u"missed"_s;
    }
    return {};
}

QString foundText(SpotTarget::Found f)
{
    switch (f) {
    case SpotTarget::Found::Whole: return u"found"_s;
    case SpotTarget::Found::Partly: return u"partly found"_s;
    case SpotTarget::Found::Missed: return u"not marked"_s;
    }
    return {};
}

// git's plain word diff: [-only yours-]{+only the model's+}, each mark followed by the spaces after it.
QString plainDiff(const std::vector<DiffPiece> &pieces)
{
    QString out;
    for (const DiffPiece &p : pieces) {
        const QString core = p.text.trimmed();
        const QString after = p.text.mid(p.text.lastIndexOf(core) + core.size());
        if (p.kind != DiffPiece::Kind::Same && !out.isEmpty() && !out.back().isSpace() && !core.isEmpty() && core.front().isLetterOrNumber())
            out += u' ';
        switch (p.kind) {
        case DiffPiece::Kind::Same: out += p.text; break;
        case DiffPiece::Kind::OnlyFirst: out += u"[-"_s + core + u"-]"_s + after; break;
        case DiffPiece::Kind::OnlySecond: out += u"{+"_s + core + u"+}"_s + after; break;
        }
    }
    return out.trimmed();
}

QString indented(const QString &text, const QString &indent = u"  "_s)
{
    QStringList lines = text.split(u'\n');
    for (QString &l : lines)
        l = l.isEmpty() ? l : indent + l;
    return lines.join(u'\n');
}

QJsonObject scoreJson(const Score &score)
{
    QJsonArray parts;
    for (const ScorePart &p : score.parts) {
        QJsonArray lines;
        for (const ScoreLine &l : p.lines)
            lines.append(QJsonObject{{u"item"_s, l.item}, {u"points"_s, l.points}, {u"max"_s, l.max},
                                     {u"outcome"_s, outcomeId(l.outcome)}, {u"why"_s, l.why}});
        parts.append(QJsonObject{{u"title"_s, p.title}, {u"rule"_s, p.rule}, {u"points"_s, p.points}, {u"max"_s, p.max}, {u"lines"_s, lines}});
    }
    return QJsonObject{{u"points"_s, score.points()}, {u"max"_s, score.max()}, {u"percent"_s, score.percent()},
                       {u"summary"_s, score.summary()}, {u"parts"_s, parts}};
}

QJsonObject feedbackJson(const Exercise &e, const Feedback &fb)
{
    QJsonObject o{{u"version"_s, 1}, {u"exercise"_s, e.id}, {u"type"_s, typeId(e.type)}, {u"score"_s, scoreJson(fb.score)}};
    switch (e.type) {
    case ExerciseType::Rewrite: {
        QJsonArray fields;
        for (const FieldComparison &c : fb.comparison) {
            QJsonObject f{{u"section"_s, c.section}, {u"label"_s, c.label}, {u"field"_s, c.pointer}, {u"same"_s, c.same}, {u"key"_s, c.key},
                          {u"yours"_s, c.inYours ? QJsonValue(c.yours) : QJsonValue()},
                          {u"model"_s, c.inModel ? QJsonValue(c.model) : QJsonValue()}};
            if (!c.diff.empty())
                f.insert(u"word_diff"_s, plainDiff(c.diff));
            fields.append(f);
        }
        o.insert(u"comparison"_s, fields);
        o.insert(u"open_questions"_s, fb.openQuestions);
        o.insert(u"wording_findings"_s, fb.wordingFindings);
        break;
    }
    case ExerciseType::FactReportedOpinion: {
        QJsonArray statements;
        for (const StatementResult &s : fb.statements)
            statements.append(QJsonObject{{u"id"_s, s.id}, {u"given"_s, s.given ? QJsonValue(kindId(*s.given)) : QJsonValue()},
                                          {u"answer"_s, kindId(s.answer)}, {u"correct"_s, s.correct}});
        o.insert(u"statements"_s, statements);
        break;
    }
    case ExerciseType::SpotTheProblem: {
        QJsonArray targets;
        for (const SpotTarget &t : fb.targets)
            targets.append(QJsonObject{{u"offset_utf16"_s, t.offset}, {u"length_utf16"_s, t.length}, {u"words"_s, t.words},
                                       {u"rules"_s, QJsonArray::fromStringList(t.ruleIds)}, {u"in_key"_s, t.inKey},
                                       {u"severity"_s, severityId(t.severity)}, {u"found"_s, foundId(t.found)},
                                       {u"message"_s, t.message}, {u"why"_s, t.why}, {u"instead"_s, t.instead}});
        QJsonArray marks;
        for (const MarkResult &m : fb.marks)
            marks.append(QJsonObject{{u"offset_utf16"_s, m.mark.offset}, {u"length_utf16"_s, m.mark.length}, {u"words"_s, m.words},
                                     {u"stray"_s, m.stray}, {u"extra_words"_s, m.extraWords}});
        o.insert(u"targets"_s, targets);
        o.insert(u"marks"_s, marks);
        break;
    }
    }
    return o;
}

// The exercise as a learner sees it, without the answers unless asked.
QJsonObject exerciseJson(const Exercise &e, bool answers)
{
    // With the answers it is a valid exercise file, to copy and adapt.
    QJsonObject o = exerciseToJson(e);
    if (!answers) {
        for (const QString &k : {u"model_answer"_s, u"key_fields"_s, u"key_facts"_s, u"key"_s, u"expected_findings"_s})
            o.remove(k);
        if (e.type == ExerciseType::FactReportedOpinion) {
            QJsonArray statements;
            for (const Statement &s : e.statements)
                statements.append(QJsonObject{{u"id"_s, s.id}, {u"text"_s, s.text}});
            o.insert(u"statements"_s, statements);
        }
    }
    return o;
}

std::optional<QByteArray> readBytes(const QString &path, CliIo &io, QString &error)
{
    auto bytes = readInput(path, kMaxExerciseBytes, u"an answer file"_s, io, error);
    if (!bytes && error == u"is a folder; give the files inside it"_s)
        error = u"is a folder; give the answer file"_s;
    return bytes;
}

} // namespace

QString ExerciseCommand::name() const { return u"exercise"_s; }
QString ExerciseCommand::summary() const { return u"trainer mode: list, show, score and validate practice exercises"_s; }

QString ExerciseCommand::help() const
{
    return u"Usage: fairnote-cli exercise list [--format text|json] [--exercises DIR]\n"
           u"       fairnote-cli exercise show ID [--answers] [--format text|json] [--exercises DIR]\n"
           u"       fairnote-cli exercise score ID ANSWER.json|- [--format text|json] [--rules DIR]\n"
           u"                                  [--exercises DIR] [--db TRAINING.db --learner CODE [--session LABEL]]\n"
           u"       fairnote-cli exercise validate [--format text|json] [--rules DIR] [--exercises DIR]\n"
           u"       fairnote-cli exercise results [--db TRAINING.db] [--learner CODE] [--session LABEL]\n"
           u"                                    [--format csv|json] [-o FILE]\n\n"
           u"Practice exercises on invented cases (docs/training.md): rewrite a vague note as a\n"
           u"factual incident record; sort statements into fact, reported or opinion; spot the\n"
           u"problems in a note.\n\n"
           u"  list      every exercise: id, type, level, minutes and title.\n"
           u"  show ID   one exercise as a learner sees it; --answers adds the model answer,\n"
           u"            the answers and the key.\n"
           u"  score ID ANSWER.json\n"
           u"            scores an answer (its format is in docs/training.md) and shows how\n"
           u"            the score was worked out, item by item; for a rewrite, the fields that\n"
           u"            differ from the model answer, word by word ([-yours-]{+model's+}).\n"
           u"            With --db and --learner the attempt is recorded in that training file\n"
           u"            (created if missing; a real case file is refused).\n"
           u"  validate  checks every exercise: it loads, its model answer scores full marks,\n"
           u"            and its note triggers the findings it expects.\n"
           u"  results   the attempts recorded in a training file, keyed by learner code (no\n"
           u"            names), as CSV (default) or JSON, for the cohort chart.\n\n"
           u"Options:\n"
           u"  --format FORMAT     text or json (results: csv or json).\n"
           u"  --exercises DIR     also load the organisation's exercises in DIR (an id already\n"
           u"                      built in replaces the built-in exercise).\n"
           u"  --rules DIR         also load the organisation's rule pack in DIR.\n"
           u"  --answers           show: include the answers.\n"
           u"  --db FILE           the training file (results: default %1).\n"
           u"  --learner CODE      a learner code such as L07 (never a name).\n"
           u"  --session LABEL     the session, such as \"Before training\" (default: Practice).\n"
           u"  -o FILE             results: write to FILE instead of standard output.\n"
           u"  -h, --help          show this help.\n\n"
           u"Exit status: 0 success (score: full marks; validate: every exercise passed),\n"
           u"1 score: less than full marks; validate: an exercise failed a check,\n"
           u"2 bad usage or bad input (an unknown id, a broken exercise or answer file, a\n"
           u"real case file given as the training file).\n"_s.arg(defaultTrainingFilePath());
}

int ExerciseCommand::fail(CliIo &io, const QString &message) const
{
    io.err << u"fairnote-cli exercise: error: %1\n"_s.arg(message);
    io.err.flush();
    return ExitBadInput;
}

namespace {

// Loads the exercises; prints every problem and returns nothing when they cannot be loaded.
std::optional<ExerciseSet> loadSet(const ParsedArgs &p, CliIo &io)
{
    auto set = loadExercises(settingOr(p, u"--exercises"_s, savedSettings().exercisesFolder));
    if (!set) {
        for (const ExerciseProblem &problem : set.error())
            io.err << problem.toString() << u'\n';
        io.err << u"fairnote-cli exercise: %1 in the exercise files; nothing was done. Fix what is named above.\n"_s
                      .arg(set.error().size() == 1 ? u"1 problem"_s : u"%1 problems"_s.arg(set.error().size()));
        io.err.flush();
        return std::nullopt;
    }
    return std::move(*set);
}

std::shared_ptr<const Scorer> makeScorer(const ParsedArgs &p, CliIo &io)
{
    std::shared_ptr<const wording::Checker> checker(loadChecker(rulesDirOf(p), io).release());
    if (!checker)
        return nullptr;
    auto scorer = Scorer::create(checker);
    if (!scorer) {
        io.err << u"fairnote-cli exercise: error: %1\n"_s.arg(scorer.error());
        io.err.flush();
        return nullptr;
    }
    return *scorer;
}

} // namespace

int ExerciseCommand::execute(const QStringList &args, CliIo &io)
{
    const QStringList values{u"--format"_s, u"--exercises"_s, u"--rules"_s, u"--db"_s, u"--learner"_s, u"--session"_s, u"-o"_s};
    const QStringList flags{u"--answers"_s};
    ParsedArgs p = parseArgs(args, values, flags);
    if (!p.error.isEmpty())
        return usageError(io, p.error);
    if (p.flags.contains(u"--help"_s)) {
        io.out << help();
        return ExitOk;
    }
    if (p.positional.isEmpty())
        return usageError(io, u"give a subcommand: list, show, score, validate or results"_s);
    const QString sub = p.positional.takeFirst();
    const bool jsonFile = QFileInfo(p.values.value(u"-o"_s)).suffix().compare(u"json"_s, Qt::CaseInsensitive) == 0;
    const QString format = p.values.value(u"--format"_s, sub == u"results" ? (jsonFile ? u"json"_s : u"csv"_s) : u"text"_s); // -o r.json: JSON
    const QStringList formats = sub == u"results" ? QStringList{u"csv"_s, u"json"_s} : QStringList{u"text"_s, u"json"_s};
    if (!formats.contains(format))
        return usageError(io, u"--format must be %1, not '%2'"_s.arg(formats.join(u" or "_s), format));
    // Options that only some subcommands take.
    const QHash<QString, QStringList> only{{u"--answers"_s, {u"show"_s}},
                                           {u"--rules"_s, {u"score"_s, u"validate"_s}},
                                           {u"--db"_s, {u"score"_s, u"results"_s}},
                                           {u"--learner"_s, {u"score"_s, u"results"_s}},
                                           {u"--session"_s, {u"score"_s, u"results"_s}},
                                           {u"-o"_s, {u"results"_s}},
                                           {u"--exercises"_s, {u"list"_s, u"show"_s, u"score"_s, u"validate"_s}}};
    for (auto it = only.begin(); it != only.end(); ++it)
        if ((p.values.contains(it.key()) || p.flags.contains(it.key())) && !it->contains(sub))
            return usageError(io, u"%1 is not an option of 'exercise %2'"_s.arg(it.key(), sub));
    if (sub == u"list")
        return list(p, io);
    if (sub == u"show")
        return show(p, io);
    if (sub == u"score")
        return score(p, io);
    if (sub == u"validate")
        return validate(p, io);
    if (sub == u"results")
        return results(p, io);
    return usageError(io, u"unknown subcommand '%1' (list, show, score, validate, results)"_s.arg(sub));
}

int ExerciseCommand::list(const ParsedArgs &p, CliIo &io)
{
    if (!p.positional.isEmpty())
        return usageError(io, u"'exercise list' takes no arguments"_s);
    const auto set = loadSet(p, io);
    if (!set)
        return ExitBadInput;
    if (p.values.value(u"--format"_s) == u"json") {
        QJsonArray list;
        for (const Exercise &e : set->exercises)
            list.append(QJsonObject{{u"id"_s, e.id}, {u"type"_s, typeId(e.type)}, {u"title"_s, e.title}, {u"level"_s, levelId(e.level)},
                                    {u"minutes"_s, e.minutes}, {u"built_in"_s, e.builtIn}, {u"file"_s, e.file}});
        io.out << QString::fromUtf8(QJsonDocument(QJsonObject{{u"version"_s, 1}, {u"exercises"_s, list}}).toJson(QJsonDocument::Compact))
               << u'\n';
        return ExitOk;
    }
    int width = 0;
    for (const Exercise &e : set->exercises)
        width = std::max(width, int(e.id.size()));
    std::optional<ExerciseType> type;
    for (const Exercise &e : set->exercises) {
        if (e.type != type) {
            io.out << (type ? u"\n"_s : QString()) << typeTitle(e.type) << u'\n';
            type = e.type;
        }
        io.out << u"  %1  %2  %3 min  %4%5\n"_s.arg(e.id.leftJustified(width), levelTitle(e.level).leftJustified(12))
                      .arg(e.minutes, 3)
                      .arg(e.title, e.builtIn ? QString() : u" (organisation)"_s);
    }
    io.out << u"\n%1 exercises. Every person, place and event in them is invented.\n"_s.arg(set->exercises.size());
    return ExitOk;
}

int ExerciseCommand::show(const ParsedArgs &p, CliIo &io)
{
    if (p.positional.size() != 1)
        return usageError(io, u"give one exercise ID ('fairnote-cli exercise list' lists them)"_s);
    const auto set = loadSet(p, io);
    if (!set)
        return ExitBadInput;
    const Exercise *e = set->find(p.positional.front());
    if (!e)
        return fail(io, u"there is no exercise \"%1\"; 'fairnote-cli exercise list' lists them"_s.arg(p.positional.front()));
    const bool answers = p.flags.contains(u"--answers"_s);
    if (p.values.value(u"--format"_s) == u"json") {
        io.out << QString::fromUtf8(QJsonDocument(exerciseJson(*e, answers)).toJson(QJsonDocument::Indented));
        return ExitOk;
    }
    io.out << u"%1 — %2\n%3 · %4 · about %5 minutes%6\n"_s.arg(e->id, e->title, typeTitle(e->type), levelTitle(e->level))
                  .arg(e->minutes)
                  .arg(e->builtIn ? QString() : u" · organisation exercise (%1)"_s.arg(e->file));
    io.out << u"Training — invented cases: every person, place and event here is made up.\n\n"_s;
    io.out << u"What to do:\n"_s << indented(e->instructions) << u"\n\n"_s;
    switch (e->type) {
    case ExerciseType::Rewrite:
        io.out << u"The note (about %1):\n"_s.arg(e->person.name) << indented(e->note) << u"\n\n"_s;
        io.out << u"What you know now (it is %1):\n"_s.arg(QLocale(QLocale::English, QLocale::UnitedKingdom)
                                                                .toString(e->writtenAt, u"d MMMM yyyy, HH:mm"_s))
               << indented(e->brief) << u"\n"_s;
        if (answers) {
            io.out << u"\nThe model answer:\n"_s;
            QString section;
            for (const record::FieldText &f : record::describeFields(e->modelAnswer)) {
                if (f.section != section) {
                    section = f.section;
                    io.out << u"  "_s << section << u'\n';
                }
                const bool key = e->keyFields.contains(f.pointer);
                io.out << u"    %1%2: %3\n"_s.arg(f.label, key ? u" (key)"_s : QString(), f.value);
            }
            io.out << u"\nKey facts in the narrative:\n"_s;
            for (const KeyFact &k : e->keyFacts)
                io.out << u"  - %1 (any of: %2)\n"_s.arg(k.fact, k.anyOf.join(u" | "_s));
        }
        break;
    case ExerciseType::FactReportedOpinion: {
        if (!e->context.isEmpty())
            io.out << indented(e->context) << u"\n\n"_s;
        int n = 0;
        for (const Statement &s : e->statements) {
            io.out << u"  %1. [%2] %3\n"_s.arg(++n).arg(s.id, s.text);
            if (answers)
                io.out << u"     %1: %2\n"_s.arg(kindTitle(s.answer), s.explanation);
        }
        break;
    }
    case ExerciseType::SpotTheProblem:
        io.out << u"The note:\n"_s << indented(e->note) << u"\n"_s;
        if (answers) {
            io.out << u"\nThe trainer's key:\n"_s;
            for (const KeyPhrase &k : e->key)
                io.out << u"  “%1”: %2%3\n"_s.arg(k.phrase, k.why, k.instead.isEmpty() ? QString() : u" Instead: "_s + k.instead);
            io.out << u"Expected findings of the rule pack: %1\n"_s.arg(e->expectedFindings.join(u", "_s));
        }
        break;
    }
    if (answers && !e->learningPoints.isEmpty()) {
        io.out << u"\nTo take away:\n"_s;
        for (const QString &l : e->learningPoints)
            io.out << u"  - "_s << l << u'\n';
    }
    io.out << u"\nAnswer with: fairnote-cli exercise score %1 ANSWER.json (docs/training.md shows the answer format)\n"_s.arg(e->id);
    return ExitOk;
}

int ExerciseCommand::score(const ParsedArgs &p, CliIo &io)
{
    if (p.positional.size() != 2)
        return usageError(io, u"give the exercise ID and the ANSWER.json file ('-' reads standard input)"_s);
    const QString learner = p.values.value(u"--learner"_s);
    const bool record = p.values.contains(u"--db"_s);
    if (record && learner.isEmpty())
        return usageError(io, u"--db records the attempt, which needs --learner CODE (a code such as L07, never a name)"_s);
    if (!learner.isEmpty()) {
        QString why;
        if (!isValidLearnerCode(learner, &why))
            return usageError(io, u"--learner '%1': %2"_s.arg(learner, why));
    }
    const auto set = loadSet(p, io);
    if (!set)
        return ExitBadInput;
    const Exercise *e = set->find(p.positional[0]);
    if (!e)
        return fail(io, u"there is no exercise \"%1\"; 'fairnote-cli exercise list' lists them"_s.arg(p.positional[0]));
    const QString path = p.positional[1];
    const QString shown = path == u"-" ? u"<stdin>"_s : path;
    QString error;
    const auto bytes = readBytes(path, io, error);
    if (!bytes)
        return fail(io, u"%1: %2"_s.arg(shown, error));
    auto answer = readAnswer(*bytes, *e, shown);
    if (!answer) {
        for (const ExerciseProblem &problem : answer.error())
            io.err << problem.toString() << u'\n';
        io.err << u"fairnote-cli exercise: the answer was not scored; fix what is named above (the answer format is in docs/training.md).\n"_s;
        io.err.flush();
        return ExitBadInput;
    }
    if (!learner.isEmpty() && !answer->learner.isEmpty() && answer->learner != learner)
        return fail(io, u"the answer file is for learner %1, but --learner says %2"_s.arg(answer->learner, learner));
    const auto scorer = makeScorer(p, io);
    if (!scorer)
        return ExitBadInput;

    // Open the training file before scoring, so a real case file is refused before anything is shown.
    std::unique_ptr<store::Store> trainingFile;
    if (record) {
        auto s = openTrainingStore(p.values.value(u"--db"_s));
        if (!s)
            return fail(io, s.error().message);
        trainingFile = std::move(*s);
    }
    const Feedback fb = scorer->score(*e, *answer);
    qint64 recorded = 0;
    if (trainingFile) {
        const QString session = p.values.value(u"--session"_s, kDefaultSession);
        auto row = recordAttempt(*trainingFile, resultOf(fb, learner, session, QDateTime::currentDateTimeUtc()));
        if (!row)
            return fail(io, row.error().message);
        recorded = *row;
    }

    if (p.values.value(u"--format"_s) == u"json") {
        QJsonObject o = feedbackJson(*e, fb);
        o.insert(u"recorded"_s, recorded > 0);
        io.out << QString::fromUtf8(QJsonDocument(o).toJson(QJsonDocument::Compact)) << u'\n';
        return fb.score.full() ? ExitOk : ExitFound;
    }
    io.out << u"%1 — %2\n"_s.arg(e->id, e->title) << describeScore(fb.score);
    if (e->type == ExerciseType::Rewrite) {
        int differ = 0;
        for (const FieldComparison &c : fb.comparison)
            differ += c.same ? 0 : 1;
        if (differ > 0) {
            io.out << u"\nCompared with the model answer (%1; [-yours-]{+the model answer's+}):\n"_s.arg(
                differ == 1 ? u"1 field differs"_s : u"%1 fields differ"_s.arg(differ));
            for (const FieldComparison &c : fb.comparison) {
                if (c.same)
                    continue;
                io.out << u"  %1 › %2%3\n"_s.arg(c.section, c.label, c.key ? u" (key)"_s : QString());
                if (!c.diff.empty()) {
                    io.out << indented(plainDiff(c.diff), u"      "_s) << u'\n';
                } else {
                    io.out << u"      yours: %1\n"_s.arg(c.inYours ? c.yours : u"(not in your record)"_s);
                    io.out << u"      model: %1\n"_s.arg(c.inModel ? c.model : u"(not in the model answer)"_s);
                }
            }
        }
    } else if (e->type == ExerciseType::SpotTheProblem) {
        io.out << u"\nThe problems in the note:\n"_s;
        for (const SpotTarget &t : fb.targets) {
            io.out << u"  “%1” (%2)%3\n"_s.arg(t.words.simplified(), foundText(t.found),
                                              t.ruleIds.isEmpty() ? QString() : u" [%1]"_s.arg(t.ruleIds.join(u", "_s)));
            io.out << u"      why: %1\n"_s.arg(t.why);
            if (!t.instead.isEmpty())
                io.out << u"      instead: %1\n"_s.arg(t.instead);
        }
    }
    if (!e->learningPoints.isEmpty()) {
        io.out << u"\nTo take away:\n"_s;
        for (const QString &l : e->learningPoints)
            io.out << u"  - "_s << l << u'\n';
    }
    if (recorded > 0)
        io.out << u"\nRecorded for %1 in %2.\n"_s.arg(learner, p.values.value(u"--db"_s));
    return fb.score.full() ? ExitOk : ExitFound;
}

int ExerciseCommand::validate(const ParsedArgs &p, CliIo &io)
{
    if (!p.positional.isEmpty())
        return usageError(io, u"'exercise validate' takes no arguments (use --exercises DIR for an organisation's folder)"_s);
    const auto set = loadSet(p, io);
    if (!set)
        return ExitBadInput;
    const auto scorer = makeScorer(p, io);
    if (!scorer)
        return ExitBadInput;
    int failed = 0;
    QJsonArray list;
    const bool json = p.values.value(u"--format"_s) == u"json";
    for (const Exercise &e : set->exercises) {
        const Validation v = validateExercise(e, *scorer);
        failed += v.ok() ? 0 : 1;
        if (json) {
            list.append(QJsonObject{{u"id"_s, e.id}, {u"file"_s, e.file}, {u"ok"_s, v.ok()},
                                    {u"problems"_s, QJsonArray::fromStringList(v.problems)}, {u"notes"_s, QJsonArray::fromStringList(v.notes)}});
            continue;
        }
        io.out << (v.ok() ? u"ok      "_s : u"FAILED  "_s) << e.id << u'\n';
        for (const QString &problem : v.problems)
            io.out << u"          "_s << problem << u'\n';
    }
    const auto practised = categoriesPractised(set->exercises, *scorer);
    QStringList missing, covered;
    for (Category c : ruleCategories())
        (practised.count(c) ? covered : missing) << categoryId(c);
    const int passed = int(set->exercises.size()) - failed;
    if (json) {
        const QJsonObject root{{u"version"_s, 1}, {u"exercises"_s, list}, {u"passed"_s, passed}, {u"failed"_s, failed},
                               {u"categories"_s, QJsonObject{{u"practised"_s, QJsonArray::fromStringList(covered)},
                                                             {u"missing"_s, QJsonArray::fromStringList(missing)}}}};
        io.out << QString::fromUtf8(QJsonDocument(root).toJson(QJsonDocument::Compact)) << u'\n';
    } else {
        io.out << u"%1 exercises: %2 passed, %3 failed.\n"_s.arg(set->exercises.size()).arg(passed).arg(failed);
        io.out << u"Rule categories practised: %1 of %2%3.\n"_s.arg(covered.size()).arg(ruleCategories().size())
                      .arg(missing.isEmpty() ? QString() : u" (not yet: %1)"_s.arg(missing.join(u", "_s)));
    }
    return failed == 0 ? ExitOk : ExitFound;
}

int ExerciseCommand::results(const ParsedArgs &p, CliIo &io)
{
    if (!p.positional.isEmpty())
        return usageError(io, u"'exercise results' takes no arguments"_s);
    const QString path = p.values.value(u"--db"_s, defaultTrainingFilePath());
    auto s = openTrainingStore(path, store::OpenOptions::Create::No);
    if (!s)
        return fail(io, s.error().message);
    auto rows = recordedAttempts(**s, p.values.value(u"--learner"_s), p.values.value(u"--session"_s));
    if (!rows)
        return fail(io, rows.error().message);
    const bool json = p.values.value(u"--format"_s) == u"json"
        || (!p.values.contains(u"--format"_s) && QFileInfo(p.values.value(u"-o"_s)).suffix().compare(u"json"_s, Qt::CaseInsensitive) == 0);
    const QByteArray bytes = json ? resultsToJson(*rows, QDateTime::currentDateTimeUtc())
                                                                       : resultsToCsv(*rows);
    const QString out = p.values.value(u"-o"_s);
    if (!writeOutput(io, name(), out, bytes))
        return ExitBadInput;
    if (out.isEmpty())
        return ExitOk;
    io.err << u"%1 result%2 written to %3.\n"_s.arg(rows->size()).arg(rows->size() == 1 ? QString() : u"s"_s).arg(out);
    return ExitOk;
}

} // namespace fairnote::cli
