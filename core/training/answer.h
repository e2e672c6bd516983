// SPDX-FileCopyrightText: 2026 Fairnote contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// Answer: what a learner gave for one exercise, and its JSON form (the ANSWER.json of
// `fairnote-cli exercise score`, documented in docs/training.md).
#pragma once

#include "result.h"
#include "training/exercise.h"
#include "training/exerciseloader.h"

#include <QHash>
#include <QJsonObject>
#include <optional>
#include <vector>

namespace fairnote::training {

// A phrase the learner marked in a spot-the-problem note. Offsets are UTF-16 code units into the note.
struct Mark
{
    qsizetype offset = 0;
    qsizetype length = 0;
    friend bool operator==(const Mark &, const Mark &) = default;
};

struct Answer
{
    QString exerciseId;
    QString learner;                          // the learner code, when given
    std::optional<record::Entry> entry;       // rewrite: the learner's incident record
    QHash<QString, StatementKind> choices;    // fact, reported or opinion: statement id → answer
    std::vector<Mark> marks;                  // spot the problem
};

// Reads an answer to `exercise`:
//   {"format": "fairnote-exercise-answer", "version": 1, "exercise": ID, "learner": CODE,
//    "entry": {…} | "answers": {"s1": "fact", …} | "marks": [{"text": "…", "occurrence": 2} | {"offset": N, "length": N}]}
// "format", "version" and "learner" may be left out. An entry's id, author and written_at may be left
// out (the exercise sets them). Problems name the JSON Pointer and what is wrong, as for exercises.
Result<Answer, ExerciseProblems> readAnswer(const QByteArray &bytes, const Exercise &exercise, const QString &displayPath);

// The answer as readAnswer reads it (marks by offset and length).
QJsonObject answerToJson(const Answer &answer, const Exercise &exercise);

} // namespace fairnote::training
