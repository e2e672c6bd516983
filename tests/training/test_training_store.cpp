// SPDX-FileCopyrightText: 2026 Fairnote contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// The training case file: kept apart from real case files in both directions, holding learners' drafts
// and scored attempts.
#include "testsupport.h"

#include "store/location.h"
#include "store/sqlite/open.h"
#include "training/exerciseloader.h"
#include "training/trainingstore.h"

#include <QFile>
#include <QStandardPaths>
#include <QTemporaryDir>

using namespace Qt::StringLiterals;
using namespace fairnote;
using namespace fairnote::training;

namespace {

QByteArray bytesOf(const QString &path)
{
    QFile f(path);
    REQUIRE(f.open(QIODevice::ReadOnly));
    return f.readAll();
}

AttemptResult attempt(const QString &learner, const QString &session, int points)
{
    AttemptResult r;
    r.learner = learner;
    r.session = session;
    r.exerciseId = u"sort-night-log"_s;
    r.type = ExerciseType::FactReportedOpinion;
    r.points = points;
    r.max = 8;
    r.at = QDateTime(QDate(2026, 3, 4), QTime(10, points), Qt::UTC);
    return r;
}

} // namespace

TEST_CASE("a training file is never opened as a real case file, nor a real one as training", "[training][store]")
{
    QTemporaryDir dir;
    const QString training = dir.filePath(u"training.db"_s);
    const QString live = dir.filePath(u"casefile.db"_s);
    {
        auto t = openTrainingStore(training);
        REQUIRE(t.ok());
        CHECK((*t)->kind() == store::FileKind::Training);
        store::OpenOptions create;
        create.create = store::OpenOptions::Create::IfMissing;
        auto l = store::openStore(live, create);
        REQUIRE(l.ok());
        CHECK((*l)->kind() == store::FileKind::Live);
    }
    const QByteArray trainingBefore = bytesOf(training), liveBefore = bytesOf(live);

    // What the app and fairnote-cli do with a case file: open it as live (the default).
    auto asLive = store::openStore(training);
    REQUIRE_FALSE(asLive.ok());
    CHECK(asLive.error().code == store::ErrorCode::NotFairnote);
    CHECK(asLive.error().message.contains(u"training file of invented cases"_s));
    CHECK(asLive.error().message.contains(u"cannot be opened as a real case file"_s));
    store::OpenOptions readOnly;
    readOnly.readOnly = true;
    CHECK_FALSE(store::openStore(training, readOnly).ok());

    // What trainer mode does: refuses a real case file, even when asked to create one if missing.
    auto asTraining = openTrainingStore(live);
    REQUIRE_FALSE(asTraining.ok());
    CHECK(asTraining.error().message.contains(u"holds real case records"_s));

    // Neither file was touched.
    CHECK(bytesOf(training) == trainingBefore);
    CHECK(bytesOf(live) == liveBefore);
}

TEST_CASE("the default training file is beside the real case file, never the same file", "[training][store]")
{
    QStandardPaths::setTestModeEnabled(true);
    CHECK(defaultTrainingFilePath().endsWith(u"/training.db"_s));
    CHECK(defaultTrainingFilePath() != store::defaultCaseFilePath());
    CHECK(defaultTrainingFilePath().startsWith(store::dataDir()));
}

TEST_CASE("scored attempts are kept in the training file's audit trail, and never in a real one", "[training][store]")
{
    QTemporaryDir dir;
    auto t = openTrainingStore(dir.filePath(u"training.db"_s));
    REQUIRE(t.ok());
    REQUIRE(recordAttempt(**t, attempt(u"L07"_s, u"Before"_s, 3)).ok());
    REQUIRE(recordAttempt(**t, attempt(u"L08"_s, u"Before"_s, 5)).ok());
    REQUIRE(recordAttempt(**t, attempt(u"L07"_s, u"After"_s, 7)).ok());

    auto all = recordedAttempts(**t);
    REQUIRE(all.ok());
    REQUIRE(all->size() == 3);
    CHECK(all->front() == attempt(u"L07"_s, u"Before"_s, 3));
    auto mine = recordedAttempts(**t, u"L07"_s);
    REQUIRE(mine.ok());
    CHECK(mine->size() == 2);
    auto after = recordedAttempts(**t, u"L07"_s, u"After"_s);
    REQUIRE(after.ok());
    REQUIRE(after->size() == 1);
    CHECK(after->front().points == 7);
    // The trail stays verifiable: attempts are ordinary audit events.
    auto report = (*t)->verify({});
    REQUIRE(report.ok());
    CHECK(report->ok());

    store::OpenOptions create;
    create.create = store::OpenOptions::Create::IfMissing;
    auto live = store::openStore(dir.filePath(u"live.db"_s), create);
    REQUIRE(live.ok());
    auto refused = recordAttempt(**live, attempt(u"L07"_s, u"Before"_s, 3));
    REQUIRE_FALSE(refused.ok());
    CHECK(refused.error().message.contains(u"real case file"_s));
    CHECK_FALSE(recordedAttempts(**live).ok());
}

TEST_CASE("each learner's rewrite is a draft of their own in the training file", "[training][store]")
{
    const auto set = loadExercises();
    REQUIRE(set.ok());
    const Exercise *e = set->find(u"rewrite-known-arsonist"_s);
    REQUIRE(e);
    QTemporaryDir dir;
    auto t = openTrainingStore(dir.filePath(u"training.db"_s));
    REQUIRE(t.ok());
    const store::Actor l07 = learnerActor(u"L07"_s), l08 = learnerActor(u"L08"_s);

    auto none = learnerDraft(**t, *e, l07);
    REQUIRE(none.ok());
    CHECK_FALSE(none->has_value());
    auto person = (*t)->person(u"exercise-rewrite-known-arsonist"_s);
    REQUIRE(person.ok());
    CHECK(person->name == e->person.name);

    record::Entry draft;
    draft.body = record::IncidentRecord{};
    std::get<record::IncidentRecord>(draft.body).whatHappened = u"First go."_s;
    auto id = saveLearnerDraft(**t, *e, draft, l07);
    REQUIRE(id.ok());
    std::get<record::IncidentRecord>(draft.body).whatHappened = u"Second go."_s;
    auto again = saveLearnerDraft(**t, *e, draft, l07);
    REQUIRE(again.ok());
    CHECK(*again == *id); // the same draft, saved again

    auto back = learnerDraft(**t, *e, l07);
    REQUIRE(back.ok());
    REQUIRE(back->has_value());
    CHECK((*back)->incident()->whatHappened == u"Second go."_s);
    auto other = learnerDraft(**t, *e, l08);
    REQUIRE(other.ok());
    CHECK_FALSE(other->has_value()); // another learner starts afresh
}
