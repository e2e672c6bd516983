// SPDX-FileCopyrightText: 2026 Fairnote contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// Session results: one row per scored attempt, keyed by a learner code (never a name), exported as CSV
// or JSON for a trainer, read back for the cohort chart, and summarised per session.
#pragma once

#include "result.h"
#include "training/exercise.h"
#include "training/scoring.h"

#include <QDateTime>
#include <QString>
#include <optional>
#include <vector>

namespace fairnote::training {

// One scored attempt. Nothing in it names the learner or the invented person.
struct AttemptResult
{
    QString learner;       // the learner code, "L07"
    QString session;       // the trainer's label for the session: "Before training", "After training"
    QString exerciseId;
    ExerciseType type = ExerciseType::Rewrite;
    int points = 0;
    int max = 0;
    int wordingFindings = -1; // rewrite: findings in the learner's record (every severity); -1: not a rewrite
    int openQuestions = -1;   // rewrite: questions still open that took points off; -1: not a rewrite
    QDateTime at;             // when it was scored (UTC)
    friend bool operator==(const AttemptResult &, const AttemptResult &) = default;

    int percent() const;
};

// A learner code is 2 to 20 letters, digits, hyphens, underscores or full stops with at least one digit
// ("L07", "CAT-2026-14"): enough to tell learners apart, and never a name. When it is not, returns
// false and says why in `why`.
bool isValidLearnerCode(QStringView code, QString *why = nullptr);

// The row for a scored attempt.
AttemptResult resultOf(const Feedback &feedback, const QString &learner, const QString &session, const QDateTime &at);

// CSV (RFC 4180, UTF-8, a header row):
//   learner,session,exercise,type,points,max,percent,wording_findings,open_questions,scored_at
// Empty cells for the rewrite-only counts of other exercises.
QByteArray resultsToCsv(const std::vector<AttemptResult> &results);
// {"format": "fairnote-training-results", "version": 1, "exported_at": "…Z", "results": [{…}]}
QByteArray resultsToJson(const std::vector<AttemptResult> &results, const QDateTime &exportedAt);
// Reads either form back (told apart by the first character). Errors name the row or JSON Pointer.
Result<std::vector<AttemptResult>, QString> readResults(const QByteArray &bytes);
// The largest exported results file read back (a cohort's results are far smaller).
constexpr qint64 kMaxResultsBytes = 16 * 1024 * 1024;

// One bar of the cohort chart: a session's results, for one kind of exercise or all of them.
struct CohortBar
{
    QString session;
    std::optional<ExerciseType> type; // nullopt: every exercise
    int learners = 0;                 // distinct learner codes
    int attempts = 0;                 // first attempts counted
    double averagePercent = 0;        // of those attempts
};

struct Cohort
{
    QStringList sessions;               // in the order they first appear
    std::vector<CohortBar> bars;        // for each session: all exercises, then each type it has
    // Rewrites: wording findings per record, by session (nullopt when the session has no rewrite).
    std::vector<std::optional<double>> findingsPerRewrite; // parallel to sessions
    int learners = 0;
    int attempts = 0;                   // every row read, repeats included
};

// Summarises results for the chart. Only each learner's first attempt at each exercise in a session
// counts: later attempts come after the model answer was seen.
Cohort summariseCohort(const std::vector<AttemptResult> &results);

} // namespace fairnote::training
