// SPDX-FileCopyrightText: 2026 Fairnote contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// The training case file: opening it, attempts in its audit trail, learners' drafts of rewrites.
#include "training/trainingstore.h"

#include "store/location.h"

#include <QJsonObject>

using namespace Qt::StringLiterals;

namespace fairnote::training {

QString defaultTrainingFilePath() { return store::dataDir() + u"/training.db"_s; }

store::StoreResult<std::unique_ptr<store::Store>> openTrainingStore(const QString &path, store::OpenOptions::Create create)
{
    store::OpenOptions options;
    options.kind = store::FileKind::Training;
    options.create = create;
    return store::openStore(path, options);
}

store::Actor learnerActor(const QString &code) { return {code, u"Learner"_s, QString()}; }

namespace {

std::optional<store::StoreError> notTraining(const store::Store &s)
{
    if (s.kind() == store::FileKind::Training)
        return std::nullopt;
    return store::StoreError{store::ErrorCode::Invalid,
                             u"%1 is a real case file; exercises and their results are kept only in a training file."_s.arg(s.location())};
}

} // namespace

store::StoreResult<qint64> recordAttempt(store::Store &s, const AttemptResult &r)
{
    if (auto refused = notTraining(s))
        return *refused;
    QJsonObject detail{{u"session"_s, r.session},  {u"exercise"_s, r.exerciseId}, {u"type"_s, typeId(r.type)},
                       {u"points"_s, r.points},    {u"max"_s, r.max},            {u"scored_at"_s, r.at.toUTC().toString(Qt::ISODate)}};
    if (r.wordingFindings >= 0)
        detail.insert(u"wording_findings"_s, r.wordingFindings);
    if (r.openQuestions >= 0)
        detail.insert(u"open_questions"_s, r.openQuestions);
    return s.logEvent(learnerActor(r.learner), kAttemptAction.toString(), QString(), QString(), detail);
}

store::StoreResult<std::vector<AttemptResult>> recordedAttempts(store::Store &s, const QString &learner, const QString &session)
{
    if (auto refused = notTraining(s))
        return *refused;
    store::AuditQuery attempts;
    attempts.actions = {kAttemptAction.toString()};
    auto trail = s.auditEvents(attempts);
    if (!trail)
        return trail.error();
    std::vector<AttemptResult> out;
    for (const store::AuditRow &row : *trail) {
        if (row.action != kAttemptAction || (!learner.isEmpty() && row.actor.name != learner))
            continue;
        const QJsonObject &d = row.detail;
        if (!session.isEmpty() && d.value(u"session"_s).toString() != session)
            continue;
        const auto type = typeFromId(d.value(u"type"_s).toString());
        if (!type)
            continue;
        AttemptResult r;
        r.learner = row.actor.name;
        r.session = d.value(u"session"_s).toString();
        r.exerciseId = d.value(u"exercise"_s).toString();
        r.type = *type;
        r.points = d.value(u"points"_s).toInt();
        r.max = d.value(u"max"_s).toInt();
        r.wordingFindings = d.value(u"wording_findings"_s).toInt(-1);
        r.openQuestions = d.value(u"open_questions"_s).toInt(-1);
        r.at = QDateTime::fromString(d.value(u"scored_at"_s).toString(), Qt::ISODate).toUTC();
        if (!r.at.isValid())
            r.at = row.at;
        out.push_back(std::move(r));
    }
    return out;
}

store::StoreResult<record::Person> exercisePerson(store::Store &s, const Exercise &exercise, const store::Actor &learner)
{
    if (auto refused = notTraining(s))
        return *refused;
    const QString id = u"exercise-"_s + exercise.id;
    if (auto existing = s.person(id))
        return *existing;
    record::Person p = exercise.person;
    p.id = id;
    return s.addPerson(p, learner);
}

namespace {
// The id of the learner's draft for the exercise's person, or empty.
store::StoreResult<QString> draftId(store::Store &s, const QString &personId, const store::Actor &learner)
{
    store::ListFilter filter;
    filter.personId = personId;
    auto list = s.entries(filter, learner);
    if (!list)
        return list.error();
    for (const store::EntrySummary &e : *list)
        if (e.hasDraft && e.draftAuthor.name == learner.name)
            return e.id;
    return QString();
}
} // namespace

store::StoreResult<std::optional<record::Entry>> learnerDraft(store::Store &s, const Exercise &exercise, const store::Actor &learner)
{
    auto person = exercisePerson(s, exercise, learner);
    if (!person)
        return person.error();
    auto id = draftId(s, person->id, learner);
    if (!id)
        return id.error();
    if (id->isEmpty())
        return std::optional<record::Entry>();
    auto detail = s.entry(*id);
    if (!detail)
        return detail.error();
    if (!detail->draft)
        return std::optional<record::Entry>();
    return std::optional<record::Entry>(detail->draft->entry);
}

store::StoreResult<QString> saveLearnerDraft(store::Store &s, const Exercise &exercise, record::Entry entry, const store::Actor &learner)
{
    auto person = exercisePerson(s, exercise, learner);
    if (!person)
        return person.error();
    auto id = draftId(s, person->id, learner);
    if (!id)
        return id.error();
    entry.id = *id;
    return s.saveDraft(person->id, std::move(entry), learner);
}

} // namespace fairnote::training
