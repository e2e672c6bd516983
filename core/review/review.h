// SPDX-FileCopyrightText: 2026 Fairnote contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// Supervision: the two-layer rubric (data in resources/review/rubric.json), the completeness layer computed
// from the record and its assessment, reproducible samples for the review queue, and recording-quality
// trends per worker and per team. See docs/review.md.
#pragma once

#include "result.h"
#include "store/store.h"

#include <QJsonObject>
#include <QString>
#include <QStringList>
#include <vector>

namespace fairnote::review {

// ---- the rubric ---------------------------------------------------------------------------------------

struct CompletenessCheck
{
    QString id;          // one of the checks the code knows: required-answered, source-recorded, outcome-recorded,
                         // late-reason-given, view-asked, wording-clear
    QString title;
    QString explanation;
    bool incidents = true, notes = true; // applies to
};

struct QualityCriterion
{
    QString id;
    QString title;
    QString question;
};

struct ScaleLevel
{
    int score = 0;
    QString title;
    QString meaning;
};

// The largest rubric file read: a rubric is a few kilobytes.
constexpr qint64 kMaxRubricBytes = 1024 * 1024;

struct Rubric
{
    QString title;
    std::vector<CompletenessCheck> completeness;
    std::vector<QualityCriterion> quality;
    std::vector<ScaleLevel> scale; // 1..4
    const QualityCriterion *criterion(QStringView id) const;
    QString scaleTitle(int score) const;

    // The built-in rubric, or an organisation's file. Errors name the file, the JSON path and the problem.
    static Result<Rubric, QString> load(const QString &path = QString());
    // The ids of the completeness checks the code computes.
    static QStringList knownChecks();
};

// ---- completeness -------------------------------------------------------------------------------------

struct CheckResult
{
    QString id;
    QString title;
    bool applicable = true;
    bool met = false;
    QString detail; // what is missing, in plain words
};

struct Completeness
{
    std::vector<CheckResult> checks;
    double score = 0; // met / applicable, 0..1
    int met = 0, applicable = 0;
    QJsonObject toJson() const;
};

// Computes the completeness layer for a final revision (its content and the assessment kept with it).
Completeness completeness(const Rubric &rubric, const store::Revision &revision);

// ---- sampling -------------------------------------------------------------------------------------------

struct SampleSpec
{
    int size = 3;                 // entries to sample (ignored with everyIncident)
    quint32 seed = 0;             // 0: a new random seed (reported, so the sample can be drawn again)
    QString worker;               // only entries written by this author (name, or "Name (Role)")
    std::optional<bool> incidents; // true: incident records only; false: case notes only
    QDate from, to;               // written in this period
    bool everyIncident = false;   // every fire-setting incident record in the period, not a sample
    bool byWorker = false;        // stratified: an equal share from each worker
    int windowMonths = 12;        // leave out entries reviewed within this many months
    store::Actor reviewer;        // who will review: their own entries are left out (nobody reviews their own
                                  // work, store::samePerson), and the notes say how many
};

struct Sample
{
    quint32 seed = 0;
    QStringList entryIds;
    QStringList notes; // what was left out and why, how many were eligible
};

// Draws a sample from the store's final, not-in-error entries as of `now`. Reproducible: the same seed,
// spec and file give the same sample.
Result<Sample, QString> drawSample(store::Store &store, const SampleSpec &spec, const QDateTime &now);

// Records a drawn sample as the review queue (an audit row), and reads the latest queue back.
store::StoreResult<qint64> recordQueue(store::Store &store, const Sample &sample, const SampleSpec &spec, const store::Actor &actor);
struct QueueItem
{
    store::EntrySummary entry;
    bool reviewed = false;   // reviewed since the queue was drawn
    QDateTime reviewedAt;
};
Result<std::vector<QueueItem>, QString> currentQueue(store::Store &store);

// What supervision has said of an entry's current revision, a sentence each, for the worker who reads the
// entry in the app or with `fairnote-cli show`: a return for correction with the supervisor's comment, and
// the state of sign-off. `returned` is set when something asks the author to correct the entry.
struct Feedback
{
    QStringList lines;
    bool returned = false;
};
Feedback feedbackFor(store::Store &store, const store::EntryDetail &entry);

// ---- trends -----------------------------------------------------------------------------------------------

struct TrendRow
{
    QString period;   // "2026-03"
    QString group;    // "Team", or a worker ("Jo Fletcher (Support worker)")
    QString metric;   // "entries", "incidents-with-source-and-outcome", "late-entries", "findings-per-1000-words",
                      // "findings-per-1000-words:label", …, "completeness", "quality"
    double value = 0; // a count, a share 0..1, a rate, or a mean score
    qint64 n = 0;     // how many it rests on
};

struct TrendOptions
{
    QDate from, to;   // by when the entry was first written; open when invalid
};

// Recording-quality figures per month, for the team and for each worker, from the final entries as first
// finalised (their first revision's author, time, content and assessment: later amendments do not hide
// how a note was first written) and the supervisors' reviews.
Result<std::vector<TrendRow>, QString> trends(store::Store &store, const Rubric &rubric, const TrendOptions &options);
QString trendsCsv(const std::vector<TrendRow> &rows);
QJsonObject trendsJson(const std::vector<TrendRow> &rows);
// A metric's plain title: "Incidents with source and outcome recorded".
QString metricTitle(const QString &metric);

} // namespace fairnote::review
