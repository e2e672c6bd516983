// SPDX-FileCopyrightText: 2026 Fairnote contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// Answer files: reading and writing what a learner gave for one exercise.
#include "training/answer.h"

#include "record/interchange.h"
#include "training/jsonsupport.h"

#include <QJsonArray>
#include <QJsonDocument>

using namespace Qt::StringLiterals;

namespace fairnote::training {

namespace {

class AnswerReader
{
public:
    AnswerReader(const QByteArray &bytes, const Exercise &exercise, const QString &file)
        : m_bytes(bytes), m_exercise(exercise), m_file(file)
    {
    }

    Result<Answer, ExerciseProblems> read()
    {
        if (m_bytes.size() > kMaxExerciseBytes) {
            m_problems.push_back({m_file, 0, 0, QString(), u"the file is larger than %1 KB; an answer is far smaller. Check that this is the right file."_s
                                                               .arg(kMaxExerciseBytes / 1024)});
            return m_problems;
        }
        const auto doc = detail::parseJson(m_bytes, m_file, m_problems);
        if (!doc)
            return m_problems;
        if (!doc->isObject()) {
            problem({}, u"the file must hold one JSON object (one answer)"_s);
            return m_problems;
        }
        const QJsonObject o = doc->object();
        Answer a;
        a.exerciseId = m_exercise.id;
        QString member;
        switch (m_exercise.type) {
        case ExerciseType::Rewrite: member = u"entry"_s; break;
        case ExerciseType::FactReportedOpinion: member = u"answers"_s; break;
        case ExerciseType::SpotTheProblem: member = u"marks"_s; break;
        }
        const QStringList allowed{u"format"_s, u"version"_s, u"exercise"_s, u"learner"_s, member};
        for (auto it = o.begin(); it != o.end(); ++it)
            if (!allowed.contains(it.key()))
                problem({it.key()}, u"unknown member \"%1\" for an answer to a %2 exercise (allowed: %3)"_s
                                        .arg(it.key(), typeId(m_exercise.type), allowed.join(u", "_s)));
        if (o.contains(u"format"_s) && o.value(u"format"_s) != QJsonValue(u"fairnote-exercise-answer"_s))
            problem({u"format"_s}, u"expected \"fairnote-exercise-answer\""_s);
        if (o.contains(u"version"_s) && o.value(u"version"_s) != QJsonValue(1))
            problem({u"version"_s}, u"this Fairnote reads version 1 of the answer format"_s);
        if (o.contains(u"exercise"_s) && o.value(u"exercise"_s) != QJsonValue(m_exercise.id))
            problem({u"exercise"_s}, u"this answer is for the exercise \"%1\", not \"%2\""_s
                                         .arg(o.value(u"exercise"_s).toVariant().toString(), m_exercise.id));
        if (o.contains(u"learner"_s)) {
            if (!o.value(u"learner"_s).isString())
                problem({u"learner"_s}, u"expected a string: the learner code"_s);
            else
                a.learner = o.value(u"learner"_s).toString();
        }
        const QJsonValue body = o.value(member);
        if (body.isUndefined()) {
            problem({}, u"\"%1\" is missing: %2"_s.arg(member, what()));
            return m_problems;
        }
        switch (m_exercise.type) {
        case ExerciseType::Rewrite: entry(body, a); break;
        case ExerciseType::FactReportedOpinion: choices(body, a); break;
        case ExerciseType::SpotTheProblem: marks(body, a); break;
        }
        if (!m_problems.empty())
            return m_problems;
        return a;
    }

private:
    QString what() const
    {
        switch (m_exercise.type) {
        case ExerciseType::Rewrite: return u"the incident record, as an interchange entry"_s;
        case ExerciseType::FactReportedOpinion: return u"{\"STATEMENT-ID\": \"fact\" | \"reported\" | \"opinion\", …}"_s;
        case ExerciseType::SpotTheProblem: return u"a list of marked phrases: [{\"text\": \"…\"}, …]"_s;
        }
        return {};
    }

    void problem(const QStringList &path, const QString &message)
    {
        m_problems.push_back(detail::problemAt(m_bytes, m_file, path, message));
    }

    void entry(const QJsonValue &v, Answer &a)
    {
        if (!v.isObject()) {
            problem({u"entry"_s}, u"expected an object: an incident entry in the interchange format"_s);
            return;
        }
        QJsonObject o = v.toObject();
        if (o.value(u"kind"_s) != QJsonValue(u"incident"_s)) {
            problem(o.contains(u"kind"_s) ? QStringList{u"entry"_s, u"kind"_s} : QStringList{u"entry"_s},
                    u"the answer must be an incident record: \"kind\": \"incident\""_s);
            return;
        }
        // The exercise sets these; an exported entry may carry its own, which are not used.
        const record::Author author{a.learner.isEmpty() ? u"Learner"_s : a.learner, u"Learner"_s, QString()};
        o.insert(u"id"_s, m_exercise.id);
        o.insert(u"written_at"_s, m_exercise.writtenAt.toString(Qt::ISODate));
        o.insert(u"author"_s, QJsonObject{{u"name"_s, author.name}, {u"role"_s, author.role}, {u"organisation"_s, QString()}});
        auto e = record::entryFromJson(o, u"/entry"_s);
        if (!e) {
            for (const record::InterchangeError &err : e.error())
                problem(detail::splitPointer(err.path), err.message);
            return;
        }
        detail::unknownInterchangeMembers(v.toObject(), record::entryToJson(*e), {u"entry"_s}, [&](const QStringList &path) {
            problem(path, u"unknown member \"%1\" (see docs/interchange.md for the members of an entry)"_s.arg(path.back()));
        });
        a.entry = std::move(*e);
    }

    void choices(const QJsonValue &v, Answer &a)
    {
        if (!v.isObject()) {
            problem({u"answers"_s}, u"expected an object: {\"STATEMENT-ID\": \"fact\" | \"reported\" | \"opinion\", …}"_s);
            return;
        }
        const QJsonObject o = v.toObject();
        QStringList ids;
        for (const Statement &s : m_exercise.statements)
            ids << s.id;
        for (auto it = o.begin(); it != o.end(); ++it) {
            const QStringList here{u"answers"_s, it.key()};
            if (!ids.contains(it.key())) {
                problem(here, u"the exercise has no statement \"%1\" (it has %2)"_s.arg(it.key(), ids.join(u", "_s)));
                continue;
            }
            if (it->isNull())
                continue; // not answered
            const auto kind = it->isString() ? kindFromId(it->toString()) : std::nullopt;
            if (!kind)
                problem(here, u"expected one of %1 (or null for not answered)"_s.arg(kindIds().join(u", "_s)));
            else
                a.choices.insert(it.key(), *kind);
        }
    }

    void marks(const QJsonValue &v, Answer &a)
    {
        if (!v.isArray()) {
            problem({u"marks"_s}, u"expected a list: [{\"text\": \"…\"}, {\"offset\": 10, \"length\": 4}, …]"_s);
            return;
        }
        const QJsonArray list = v.toArray();
        const QString &note = m_exercise.note;
        for (qsizetype i = 0; i < list.size(); ++i) {
            const QStringList here{u"marks"_s, QString::number(i)};
            if (!list[i].isObject()) {
                problem(here, u"expected an object: {\"text\": \"…\"} or {\"offset\": N, \"length\": N}"_s);
                continue;
            }
            const QJsonObject m = list[i].toObject();
            for (auto it = m.begin(); it != m.end(); ++it)
                if (!QStringList{u"text"_s, u"occurrence"_s, u"offset"_s, u"length"_s}.contains(it.key()))
                    problem(here + QStringList{it.key()}, u"unknown member \"%1\" (allowed: text, occurrence, offset, length)"_s.arg(it.key()));
            if (m.contains(u"text"_s)) {
                const QString text = m.value(u"text"_s).toString();
                const QJsonValue occ = m.value(u"occurrence"_s);
                const int occurrence = occ.isUndefined() ? 1 : occ.toInt(0);
                if (text.isEmpty()) {
                    problem(here + QStringList{u"text"_s}, u"expected the words as written in the note"_s);
                } else if (occurrence < 1) {
                    problem(here + QStringList{u"occurrence"_s}, u"expected a whole number from 1"_s);
                } else if (const qsizetype at = detail::nthOccurrence(note, text, occurrence); at < 0) {
                    problem(here + QStringList{u"text"_s}, occurrence == 1 ? u"\"%1\" is not in the note"_s.arg(text)
                                                                           : u"\"%1\" is not in the note %2 times"_s.arg(text).arg(occurrence));
                } else {
                    a.marks.push_back({at, text.size()});
                }
                if (m.contains(u"offset"_s) || m.contains(u"length"_s))
                    problem(here, u"give either \"text\" or \"offset\" and \"length\", not both"_s);
                continue;
            }
            const QJsonValue off = m.value(u"offset"_s), len = m.value(u"length"_s);
            const bool whole = off.isDouble() && len.isDouble() && off.toDouble() == double(off.toInteger())
                               && len.toDouble() == double(len.toInteger());
            if (!whole || off.toInteger() < 0 || len.toInteger() < 1 || off.toInteger() + len.toInteger() > note.size()) {
                problem(here, u"expected \"text\", or \"offset\" and \"length\" (UTF-16 code units) inside the note, which is %1 long"_s
                                  .arg(note.size()));
                continue;
            }
            a.marks.push_back({qsizetype(off.toInteger()), qsizetype(len.toInteger())});
        }
    }

    const QByteArray &m_bytes;
    const Exercise &m_exercise;
    QString m_file;
    ExerciseProblems m_problems;
};

} // namespace

Result<Answer, ExerciseProblems> readAnswer(const QByteArray &bytes, const Exercise &exercise, const QString &displayPath)
{
    return AnswerReader(bytes, exercise, displayPath).read();
}

QJsonObject answerToJson(const Answer &a, const Exercise &exercise)
{
    QJsonObject o{{u"format"_s, u"fairnote-exercise-answer"_s}, {u"version"_s, 1}, {u"exercise"_s, exercise.id}};
    if (!a.learner.isEmpty())
        o.insert(u"learner"_s, a.learner);
    switch (exercise.type) {
    case ExerciseType::Rewrite: {
        QJsonObject entry = a.entry ? record::entryToJson(*a.entry) : QJsonObject{{u"kind"_s, u"incident"_s}};
        entry.remove(u"id"_s);
        entry.remove(u"author"_s);
        entry.remove(u"written_at"_s);
        o.insert(u"entry"_s, entry);
        break;
    }
    case ExerciseType::FactReportedOpinion: {
        QJsonObject answers;
        for (const Statement &s : exercise.statements)
            if (a.choices.contains(s.id))
                answers.insert(s.id, kindId(a.choices.value(s.id)));
        o.insert(u"answers"_s, answers);
        break;
    }
    case ExerciseType::SpotTheProblem: {
        QJsonArray marks;
        for (const Mark &m : a.marks)
            marks.append(QJsonObject{{u"offset"_s, m.offset}, {u"length"_s, m.length}});
        o.insert(u"marks"_s, marks);
        break;
    }
    }
    return o;
}

} // namespace fairnote::training
