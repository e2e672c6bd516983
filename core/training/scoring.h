// SPDX-FileCopyrightText: 2026 Fairnote contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// Scoring an answer, transparently: every score comes with the list of how it was worked out (points
// per item, and why), so a learner can see exactly where each point came from. The rules are in
// docs/training.md ("How answers are scored"); the app and fairnote-cli both call this code.
#pragma once

#include "record/assess.h"
#include "record/describe.h"
#include "result.h"
#include "training/answer.h"
#include "training/exercise.h"
#include "training/worddiff.h"
#include "wording/checker.h"

#include <memory>
#include <optional>
#include <vector>

namespace fairnote::training {

// Rewrite: the points of the two parts that start full and lose points for what is still open.
constexpr int kQuestionsPoints = 5; // each open question (Important or Worth changing) takes 1 off
constexpr int kWordingPoints = 5;   // each Important finding takes 2 off, each Worth changing 1
// Spot the problem.
constexpr int kTargetPoints = 2;    // a problem found whole; 1 when part of it is marked
constexpr int kStrayMarkPenalty = 1; // a mark on words that are fine
constexpr int kMaxExtraWords = 3;   // a mark may take in this many words beyond the problem and still count in full

// One scored item.
struct ScoreLine
{
    enum class Outcome {
        Full,      // all its points
        Partial,   // some of them
        None,      // none
        Deduction, // points taken off a part that starts full
        NoEffect,  // shown for information; no points either way
    };
    QString item;        // what was scored: "Type of incident", "“Known arsonist”", "Statement 3"
    int points = 0;      // earned; negative for a deduction
    int max = 0;         // possible (0 for a deduction or NoEffect)
    Outcome outcome = Outcome::None;
    QString why;         // in plain words
};

// One part of a score, with the rule it follows.
struct ScorePart
{
    QString title;       // "Facts in the form"
    QString rule;        // "1 point for each answer that matches the model answer."
    int points = 0;
    int max = 0;
    std::vector<ScoreLine> lines;
};

struct Score
{
    std::vector<ScorePart> parts;
    int points() const;
    int max() const;
    int percent() const;       // rounded; 0 when max is 0
    bool full() const { return points() == max(); }
    QString summary() const;   // "14 of 20 points (70%)"
};

// How the score was worked out, as plain text (what fairnote-cli prints):
//   Score: 14 of 20 points (70%)
//   Facts in the form: 4 of 6. 1 point for each answer that matches the model answer.
//     +1 of 1  Type of incident: “Accidental fire”, as in the model answer.
QString describeScore(const Score &score);

// Rewrite: one field of the learner's record beside the model answer's.
struct FieldComparison
{
    QString section, label, pointer;
    QString yours, model;        // the answers in words ("not answered" for a blank)
    bool inYours = true;         // the field exists in the learner's record (some appear only with some answers)
    bool inModel = true;
    bool same = true;            // the answers are the same (ignoring letter case and spacing)
    bool key = false;            // one of the exercise's key fields
    std::vector<DiffPiece> diff; // free-text fields that differ: word by word (first: yours, second: the model's)
};

// Fact, reported or opinion: one statement's result.
struct StatementResult
{
    QString id;
    std::optional<StatementKind> given;
    StatementKind answer = StatementKind::Fact;
    bool correct = false;
};

// Spot the problem: one problem in the note, from the rule pack, the trainer's key, or both (phrases
// that overlap are one problem).
struct SpotTarget
{
    enum class Found { Missed, Partly, Whole };
    qsizetype offset = 0, length = 0; // UTF-16 code units into the note
    QString words;
    // The phrases it was merged from (offset, length): it counts as found whole when every word of
    // any one of them is marked.
    std::vector<std::pair<qsizetype, qsizetype>> phrases;
    QStringList ruleIds;      // the rules that flag it (empty: the key alone)
    bool inKey = false;       // the trainer's key lists it
    Severity severity = Severity::Warning; // the highest of its findings (Warning for the key alone)
    QString message;          // the rule's one-line message, or the key's why
    QString why;              // why it matters: the key's why and the rules' whys
    QString instead;          // what to write instead: the key's, the rules' alternatives or question
    Found found = Found::Missed;
};

// Spot the problem: one of the learner's marks.
struct MarkResult
{
    Mark mark;
    QString words;
    bool stray = false;       // it touches no problem
    int extraWords = 0;       // words in it that belong to no problem
};

struct Feedback
{
    QString exerciseId;
    ExerciseType type = ExerciseType::Rewrite;
    Score score;
    // Rewrite.
    record::Entry entry;                 // the learner's record as it was scored
    record::Assessment assessment;       // its prompts and wording findings
    std::vector<FieldComparison> comparison;
    int openQuestions = 0;               // prompts that took points off
    int wordingFindings = 0;             // findings in the narratives (every severity)
    // Fact, reported or opinion.
    std::vector<StatementResult> statements;
    // Spot the problem.
    std::vector<SpotTarget> targets;
    std::vector<MarkResult> marks;
};

// Scores answers with one rule pack. Immutable after construction; safe to share between threads.
class Scorer
{
public:
    // Loads the assessment data (resources/record/) for the checker's language. Fails only when the
    // embedded data is broken (a build fault).
    static Result<std::shared_ptr<const Scorer>, QString> create(std::shared_ptr<const wording::Checker> checker);

    const wording::Checker &checker() const { return *m_checker; }
    std::shared_ptr<const wording::Checker> sharedChecker() const { return m_checker; }
    // The options record::assess() runs with here: the assessment data and the wording check (no
    // spelling: dictionaries differ between computers, and a score must not).
    const record::AssessOptions &assessOptions() const { return m_options; }

    Feedback score(const Exercise &exercise, const Answer &answer) const;
    Feedback scoreRewrite(const Exercise &exercise, const record::Entry &answer) const;
    Feedback scoreSort(const Exercise &exercise, const QHash<QString, StatementKind> &choices) const;
    Feedback scoreSpot(const Exercise &exercise, const std::vector<Mark> &marks) const;

    // The learner's entry made ready to score: the exercise's id, time of writing, the author
    // ("Learner") and the incident kind.
    record::Entry prepared(const Exercise &exercise, record::Entry entry) const;
    // The problems of a spot-the-problem note: the rule pack's findings and the key, overlapping ones
    // merged, in note order.
    std::vector<SpotTarget> targets(const Exercise &exercise) const;
    // The answer that scores full marks: the model answer, the right choices, or every problem marked.
    Answer modelAnswer(const Exercise &exercise) const;

private:
    Scorer(std::shared_ptr<const wording::Checker> checker, record::AssessOptions options);

    std::shared_ptr<const wording::Checker> m_checker;
    record::AssessOptions m_options;
};

} // namespace fairnote::training
