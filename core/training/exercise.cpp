// SPDX-FileCopyrightText: 2026 Fairnote contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// Exercise ids and titles, and writing an exercise back to its JSON form.
#include "training/exercise.h"

#include "record/interchange.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>
#include <array>
#include <utility>

using namespace Qt::StringLiterals;

namespace fairnote::training {

namespace {

template <typename E, std::size_t N>
QString idOf(const std::array<std::pair<E, QStringView>, N> &table, E value)
{
    for (const auto &[v, id] : table)
        if (v == value)
            return id.toString();
    return {};
}

template <typename E, std::size_t N>
std::optional<E> fromId(const std::array<std::pair<E, QStringView>, N> &table, QStringView id)
{
    for (const auto &[v, i] : table)
        if (i == id)
            return v;
    return std::nullopt;
}

template <typename E, std::size_t N>
QStringList idsOf(const std::array<std::pair<E, QStringView>, N> &table)
{
    QStringList out;
    for (const auto &entry : table)
        out << entry.second.toString();
    return out;
}

constexpr std::array<std::pair<ExerciseType, QStringView>, 3> kTypes{{
    {ExerciseType::Rewrite, u"rewrite"},
    {ExerciseType::FactReportedOpinion, u"fact-reported-opinion"},
    {ExerciseType::SpotTheProblem, u"spot-the-problem"},
}};
constexpr std::array<std::pair<Level, QStringView>, 3> kLevels{{
    {Level::Introductory, u"introductory"},
    {Level::Intermediate, u"intermediate"},
    {Level::Advanced, u"advanced"},
}};
constexpr std::array<std::pair<StatementKind, QStringView>, 3> kKinds{{
    {StatementKind::Fact, u"fact"},
    {StatementKind::Reported, u"reported"},
    {StatementKind::Opinion, u"opinion"},
}};

QJsonArray toArray(const QStringList &list)
{
    QJsonArray a;
    for (const QString &s : list)
        a.append(s);
    return a;
}

} // namespace

QString typeId(ExerciseType type) { return idOf(kTypes, type); }
std::optional<ExerciseType> typeFromId(QStringView id) { return fromId(kTypes, id); }
QStringList typeIds() { return idsOf(kTypes); }

QString typeTitle(ExerciseType type)
{
    switch (type) {
    case ExerciseType::Rewrite: return u"Rewrite a note"_s;
    case ExerciseType::FactReportedOpinion: return u"Fact, reported or opinion?"_s;
    case ExerciseType::SpotTheProblem: return u"Spot the problem"_s;
    }
    return {};
}

QString levelId(Level level) { return idOf(kLevels, level); }
std::optional<Level> levelFromId(QStringView id) { return fromId(kLevels, id); }
QStringList levelIds() { return idsOf(kLevels); }

QString levelTitle(Level level)
{
    switch (level) {
    case Level::Introductory: return u"Introductory"_s;
    case Level::Intermediate: return u"Intermediate"_s;
    case Level::Advanced: return u"Advanced"_s;
    }
    return {};
}

QString kindId(StatementKind kind) { return idOf(kKinds, kind); }
std::optional<StatementKind> kindFromId(QStringView id) { return fromId(kKinds, id); }
QStringList kindIds() { return idsOf(kKinds); }

QString kindTitle(StatementKind kind)
{
    switch (kind) {
    case StatementKind::Fact: return u"Fact"_s;
    case StatementKind::Reported: return u"Reported"_s;
    case StatementKind::Opinion: return u"Opinion"_s;
    }
    return {};
}

bool isValidId(QStringView id)
{
    static const QRegularExpression re(u"^[a-z0-9]+(-[a-z0-9]+)*$"_s);
    return re.match(id).hasMatch();
}

QStringList freeTextFields()
{
    return {u"/incident/what_happened"_s, u"/incident/context"_s, u"/incident/changes_since"_s,
            u"/incident/safety_plan"_s, u"/incident/own_account/text"_s, u"/incident/own_account/reason"_s,
            u"/incident/setting/detail"_s, u"/incident/harm/property_damage_detail"_s, u"/incident/source/reference"_s,
            u"/incident/source/third_party_role"_s, u"/late_entry_reason"_s};
}

record::Author modelAuthor() { return {u"Model answer"_s, u"Trainer"_s, QString()}; }

QJsonObject exerciseToJson(const Exercise &e)
{
    QJsonObject o{{u"format"_s, u"fairnote-exercise"_s},
                  {u"version"_s, kExerciseVersion},
                  {u"id"_s, e.id},
                  {u"type"_s, typeId(e.type)},
                  {u"title"_s, e.title},
                  {u"level"_s, levelId(e.level)},
                  {u"minutes"_s, e.minutes},
                  {u"invented"_s, e.invented},
                  {u"instructions"_s, e.instructions}};
    if (!e.learningPoints.isEmpty())
        o.insert(u"learning_points"_s, toArray(e.learningPoints));
    switch (e.type) {
    case ExerciseType::Rewrite: {
        QJsonObject person{{u"name"_s, e.person.name}};
        if (!e.person.otherNames.isEmpty())
            person.insert(u"other_names"_s, toArray(e.person.otherNames));
        o.insert(u"person"_s, person);
        o.insert(u"written_at"_s, e.writtenAt.toUTC().toString(Qt::ISODate));
        o.insert(u"note"_s, e.note);
        o.insert(u"brief"_s, e.brief);
        o.insert(u"expected_findings"_s, toArray(e.expectedFindings));
        o.insert(u"key_fields"_s, toArray(e.keyFields));
        QJsonArray facts;
        for (const KeyFact &f : e.keyFacts) {
            QJsonObject fo{{u"fact"_s, f.fact}, {u"any_of"_s, toArray(f.anyOf)}};
            if (!f.field.isEmpty())
                fo.insert(u"field"_s, f.field);
            facts.append(fo);
        }
        o.insert(u"key_facts"_s, facts);
        // The exercise sets the model answer's id, author and time of writing.
        QJsonObject model = record::entryToJson(e.modelAnswer);
        model.remove(u"id"_s);
        model.remove(u"author"_s);
        model.remove(u"written_at"_s);
        o.insert(u"model_answer"_s, model);
        break;
    }
    case ExerciseType::FactReportedOpinion: {
        if (!e.context.isEmpty())
            o.insert(u"context"_s, e.context);
        QJsonArray statements;
        for (const Statement &s : e.statements)
            statements.append(QJsonObject{{u"id"_s, s.id}, {u"text"_s, s.text}, {u"answer"_s, kindId(s.answer)},
                                          {u"explanation"_s, s.explanation}});
        o.insert(u"statements"_s, statements);
        break;
    }
    case ExerciseType::SpotTheProblem: {
        o.insert(u"note"_s, e.note);
        o.insert(u"expected_findings"_s, toArray(e.expectedFindings));
        QJsonArray key;
        for (const KeyPhrase &k : e.key) {
            QJsonObject ko{{u"phrase"_s, k.phrase}, {u"why"_s, k.why}};
            if (k.occurrence != 1)
                ko.insert(u"occurrence"_s, k.occurrence);
            if (!k.instead.isEmpty())
                ko.insert(u"instead"_s, k.instead);
            key.append(ko);
        }
        o.insert(u"key"_s, key);
        break;
    }
    }
    return o;
}

QByteArray writeExercise(const Exercise &exercise)
{
    return QJsonDocument(exerciseToJson(exercise)).toJson(QJsonDocument::Indented);
}

} // namespace fairnote::training
