// SPDX-FileCopyrightText: 2026 Fairnote contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// Loading exercises: the built-in set (embedded as Qt resources) and an organisation's folder over it.
// Every problem names the file, the line and column, the JSON Pointer of the value and what is wrong.
#pragma once

#include "result.h"
#include "training/exercise.h"

#include <QByteArray>
#include <QString>
#include <vector>

namespace fairnote::training {

// One problem in an exercise file. line and column are 1-based (0 when not applicable: a folder that
// cannot be read); path is the JSON Pointer of the value ("/statements/2/answer"; empty for the file
// as a whole).
struct ExerciseProblem
{
    QString file;
    int line = 0;
    int column = 0;
    QString path;
    QString message;
    // "file:line:column: error: /statements/2/answer: expected one of fact, reported, opinion"
    QString toString() const;
};
using ExerciseProblems = std::vector<ExerciseProblem>;

// Exercise files larger than this are refused before they are parsed: one exercise is a few kilobytes.
constexpr qsizetype kMaxExerciseBytes = 1024 * 1024;

// Where the built-in exercises are embedded (a Qt resource directory).
QString builtInExerciseDirectory();

// Reads one exercise file. `displayPath` names it in problems. Checks the JSON (UTF-8, syntax, members
// given twice), every member (unknown members are errors), that the statements' ids are unique, that
// each key phrase is in the note as often as its occurrence says, that the model answer is a valid
// incident entry and that every key field and key fact names a field it has. Returns the exercise, or
// every problem found (never a half-read exercise).
Result<Exercise, ExerciseProblems> readExercise(const QByteArray &bytes, const QString &displayPath);

struct ExerciseSet
{
    std::vector<Exercise> exercises; // by type (rewrite, fact-reported-opinion, spot-the-problem), level, title
    const Exercise *find(QStringView id) const;
};

// Loads the built-in exercises and, when `organisationDir` is not empty, every *.json in it over them:
// an exercise with a new id is added, one with a built-in id replaces it. Two files with the same id in
// one folder are an error. Returns the set, or every problem (never a partly loaded set).
Result<ExerciseSet, ExerciseProblems> loadExercises(const QString &organisationDir = {});

// The files of one folder, read alone (no built-in set): for the trainer's editor and tests.
Result<ExerciseSet, ExerciseProblems> loadExerciseDirectory(const QString &dir);

} // namespace fairnote::training
