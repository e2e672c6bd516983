// SPDX-FileCopyrightText: 2026 Fairnote contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// The training case file: a store of kind Training (its own SQLite application id, never opened as a
// real case file, nor a real one as it) that holds the invented people of the rewrite exercises, each
// learner's drafts of them, and every scored attempt (as "exercise-scored" events in its audit trail).
#pragma once

#include "store/auditactions.h"
#include "store/store.h"
#include "store/sqlite/open.h"
#include "training/exercise.h"
#include "training/results.h"

#include <memory>
#include <optional>
#include <vector>

namespace fairnote::training {

// The audit action of a scored attempt.
inline constexpr QStringView kAttemptAction = store::audit::ExerciseScored;

// The default training file: store::dataDir()/training.db (beside the real case file, never it).
QString defaultTrainingFilePath();

// Opens (creating it when asked) a training file. A real case file is refused with the store's own
// message ("… holds real case records; trainer mode opens only training files.").
store::StoreResult<std::unique_ptr<store::Store>> openTrainingStore(const QString &path,
                                                                    store::OpenOptions::Create create = store::OpenOptions::Create::IfMissing);

// The actor a learner acts as: their code as the name, "Learner" as the role.
store::Actor learnerActor(const QString &code);

// Appends a scored attempt to the file's audit trail. Refuses a store that is not a training file.
store::StoreResult<qint64> recordAttempt(store::Store &store, const AttemptResult &result);
// Every attempt recorded in the file, oldest first; only `learner`'s when given, only `session`'s when
// given.
store::StoreResult<std::vector<AttemptResult>> recordedAttempts(store::Store &store, const QString &learner = {},
                                                                const QString &session = {});

// Rewrite exercises: the invented person (added to the file the first time; id "exercise-ID") …
store::StoreResult<record::Person> exercisePerson(store::Store &store, const Exercise &exercise, const store::Actor &learner);
// … the learner's draft of the record, if they have one …
store::StoreResult<std::optional<record::Entry>> learnerDraft(store::Store &store, const Exercise &exercise,
                                                              const store::Actor &learner);
// … and saving it (a new draft, or the learner's existing one). Returns the entry id.
store::StoreResult<QString> saveLearnerDraft(store::Store &store, const Exercise &exercise, record::Entry entry,
                                             const store::Actor &learner);

} // namespace fairnote::training
