// SPDX-FileCopyrightText: 2026 Fairnote contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// Exercise: one practice task for trainer mode, as loaded from resources/exercises/*.json (the format
// is documented in docs/training.md and resources/schema/exercise.schema.json). Plain values: no
// widgets, no storage, no scoring.
#pragma once

#include "record/casefile.h"

#include <QDateTime>
#include <QJsonObject>
#include <QString>
#include <QStringList>
#include <optional>
#include <vector>

namespace fairnote::training {

constexpr int kExerciseVersion = 1;

enum class ExerciseType {
    Rewrite,             // turn a vague legacy note into a factual incident record
    FactReportedOpinion, // sort statements into fact, reported or opinion
    SpotTheProblem,      // mark the phrases in a note that should change
};
// "rewrite", "fact-reported-opinion", "spot-the-problem"
QString typeId(ExerciseType type);
// "Rewrite a note", "Fact, reported or opinion?", "Spot the problem"
QString typeTitle(ExerciseType type);
std::optional<ExerciseType> typeFromId(QStringView id);
QStringList typeIds();

enum class Level { Introductory, Intermediate, Advanced };
QString levelId(Level level);    // "introductory", …
QString levelTitle(Level level); // "Introductory", …
std::optional<Level> levelFromId(QStringView id);
QStringList levelIds();

// The three answers of a fact, reported or opinion statement.
enum class StatementKind {
    Fact,     // seen or heard by the writer, or in a record that can be checked, with its date
    Reported, // what someone else said, attributed to them
    Opinion,  // a judgement, interpretation or prediction
};
QString kindId(StatementKind kind);    // "fact", "reported", "opinion"
QString kindTitle(StatementKind kind); // "Fact", "Reported", "Opinion"
std::optional<StatementKind> kindFromId(QStringView id);
QStringList kindIds();

// Rewrite: a fact the model answer's narrative holds and the learner's should too. It counts when one
// of `anyOf` appears (ignoring letter case) in `field`, or in any narrative when `field` is empty.
struct KeyFact
{
    QString fact;       // "the time the alarm sounded (23:40)"
    QString field;      // JSON Pointer in the entry: "/incident/what_happened"; empty: any narrative
    QStringList anyOf;  // ["23:40", "11.40 pm"]
    friend bool operator==(const KeyFact &, const KeyFact &) = default;
};

// Fact, reported or opinion: one statement to sort.
struct Statement
{
    QString id;          // unique in the exercise: "s1"
    QString text;
    StatementKind answer = StatementKind::Fact;
    QString explanation; // why that is the answer, shown after checking
    friend bool operator==(const Statement &, const Statement &) = default;
};

// Spot the problem: one phrase of the note in the trainer's own key.
struct KeyPhrase
{
    QString phrase;      // exactly as it is written in the note
    int occurrence = 1;  // which occurrence of the phrase, 1-based
    QString why;         // why it should change
    QString instead;     // what to write instead (may be empty)
    friend bool operator==(const KeyPhrase &, const KeyPhrase &) = default;
};

struct Exercise
{
    QString id;                     // [a-z0-9]+(-[a-z0-9]+)*, unique
    ExerciseType type = ExerciseType::Rewrite;
    QString title;
    Level level = Level::Introductory;
    int minutes = 10;               // a rough time to allow
    QString instructions;           // what the learner is asked to do
    QStringList learningPoints;     // the take-aways shown with the feedback
    bool invented = true;           // every person, place and event in it is invented (required)

    // Rewrite and spot the problem.
    QString note;                   // the vague note
    QStringList expectedFindings;   // rule ids the note must trigger (validated)

    // Rewrite.
    record::Person person;          // the invented person the record is about
    QDateTime writtenAt;            // "now" in the story: when the learner writes (UTC)
    QString brief;                  // what the learner knows now: the facts they may use
    QStringList keyFields;          // JSON Pointers whose answers must match the model answer's
    std::vector<KeyFact> keyFacts;
    record::Entry modelAnswer;      // an incident entry

    // Fact, reported or opinion.
    QString context;                // where the statements come from (may be empty)
    std::vector<Statement> statements;

    // Spot the problem.
    std::vector<KeyPhrase> key;

    // Where it was loaded from (not part of the file).
    QString file;
    bool builtIn = false;

    friend bool operator==(const Exercise &, const Exercise &) = default;
};

// The exercise as its file holds it (the members of docs/training.md), ready to be written with
// QJsonDocument. `file` and `builtIn` are not written.
QJsonObject exerciseToJson(const Exercise &exercise);
// exerciseToJson as indented UTF-8 with a final newline.
QByteArray writeExercise(const Exercise &exercise);

// True for a valid exercise or statement id: lower-case letters and digits in groups joined by single
// hyphens ("rewrite-known-arsonist").
bool isValidId(QStringView id);

// The free-text fields of an incident entry (JSON Pointers) a key fact may name: the narratives, the
// person's own account and reason, the setting's and damage's details, the source's reference and who
// told us, and the reason for a late entry.
QStringList freeTextFields();

// The author every model answer is written as, and the learner's entry is scored as.
record::Author modelAuthor();

} // namespace fairnote::training
