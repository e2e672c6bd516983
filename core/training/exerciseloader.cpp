// SPDX-FileCopyrightText: 2026 Fairnote contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// Exercise files: JSON syntax, every member checked, problems located by line, column and JSON Pointer.
#include "training/exerciseloader.h"

#include "io/input.h"
#include "json/jsonlocator.h"
#include "record/describe.h"
#include "record/interchange.h"
#include "training/jsonsupport.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <algorithm>

using namespace Qt::StringLiterals;

namespace fairnote::training {

QString ExerciseProblem::toString() const
{
    const QString what = path.isEmpty() ? message : path + u": "_s + message;
    if (line > 0)
        return u"%1:%2:%3: error: %4"_s.arg(file, QString::number(line), QString::number(column), what);
    return u"%1: error: %2"_s.arg(file, what);
}

QString builtInExerciseDirectory() { return u":/fairnote/exercises"_s; }

const Exercise *ExerciseSet::find(QStringView id) const
{
    for (const Exercise &e : exercises)
        if (e.id == id)
            return &e;
    return nullptr;
}

namespace {

const QStringList kCommonMembers{u"format"_s, u"version"_s, u"id"_s, u"type"_s, u"title"_s, u"level"_s,
                                 u"minutes"_s, u"invented"_s, u"instructions"_s, u"learning_points"_s};
const QStringList kRewriteMembers{u"person"_s, u"written_at"_s, u"note"_s, u"brief"_s, u"expected_findings"_s,
                                  u"key_fields"_s, u"key_facts"_s, u"model_answer"_s};
const QStringList kSortMembers{u"context"_s, u"statements"_s};
const QStringList kSpotMembers{u"note"_s, u"expected_findings"_s, u"key"_s};

const QStringList kTextFields = freeTextFields();

QString tooLarge(qint64 bytes)
{
    return u"the file is %1 KB; an exercise file may be up to %2 KB. Check that this is the right file."_s
        .arg((bytes + 1023) / 1024)
        .arg(kMaxExerciseBytes / 1024);
}

using detail::nthOccurrence;
using detail::splitPointer;

class ExerciseReader
{
public:
    ExerciseReader(QString displayPath, QByteArray bytes) : m_path(std::move(displayPath)), m_bytes(std::move(bytes)) {}

    Result<Exercise, ExerciseProblems> read()
    {
        if (m_bytes.size() > kMaxExerciseBytes) {
            fileProblem(tooLarge(m_bytes.size()));
            return m_problems;
        }
        const auto doc = detail::parseJson(m_bytes, m_path, m_problems);
        if (!doc)
            return m_problems;
        if (!doc->isObject()) {
            problem({}, u"the file must hold one JSON object (one exercise)"_s);
            return m_problems;
        }
        const QJsonObject root = doc->object();
        Exercise e;
        if (!header(root, e))
            return m_problems;
        switch (e.type) {
        case ExerciseType::Rewrite: rewrite(root, e); break;
        case ExerciseType::FactReportedOpinion: sort(root, e); break;
        case ExerciseType::SpotTheProblem: spot(root, e); break;
        }
        if (!m_problems.empty())
            return m_problems;
        e.file = m_path;
        return e;
    }

private:
    void fileProblem(const QString &message) { m_problems.push_back({m_path, 0, 0, QString(), message}); }

    void problem(const QStringList &path, const QString &message)
    {
        m_problems.push_back(detail::problemAt(m_bytes, m_path, path, message));
    }

    void unknownMembers(const QJsonObject &o, const QStringList &allowed, const QStringList &path, const QString &hint = {})
    {
        for (auto it = o.begin(); it != o.end(); ++it)
            if (!allowed.contains(it.key()))
                problem(path + QStringList{it.key()},
                        u"unknown member \"%1\"%2 (allowed: %3)"_s.arg(it.key(), hint, allowed.join(u", "_s)));
    }

    // A non-empty string member, or a problem.
    QString text(const QJsonObject &o, const QString &key, const QStringList &path, bool required = true)
    {
        const QJsonValue v = o.value(key);
        if (v.isUndefined()) {
            if (required)
                problem(path, u"\"%1\" is missing"_s.arg(key));
            return {};
        }
        if (!v.isString() || (required && v.toString().trimmed().isEmpty())) {
            problem(path + QStringList{key}, required ? u"expected a non-empty string"_s : u"expected a string"_s);
            return {};
        }
        return v.toString();
    }

    // An array of non-empty strings (possibly empty itself unless `nonEmpty`).
    QStringList texts(const QJsonObject &o, const QString &key, const QStringList &path, bool required, bool nonEmpty = false)
    {
        const QJsonValue v = o.value(key);
        if (v.isUndefined()) {
            if (required)
                problem(path, u"\"%1\" is missing"_s.arg(key));
            return {};
        }
        const QStringList here = path + QStringList{key};
        if (!v.isArray()) {
            problem(here, u"expected a list of strings"_s);
            return {};
        }
        const QJsonArray a = v.toArray();
        if (nonEmpty && a.isEmpty())
            problem(here, u"the list is empty; give at least one"_s);
        QStringList out;
        for (qsizetype i = 0; i < a.size(); ++i) {
            if (!a[i].isString() || a[i].toString().trimmed().isEmpty())
                problem(here + QStringList{QString::number(i)}, u"expected a non-empty string"_s);
            else
                out << a[i].toString();
        }
        return out;
    }

    QJsonArray objects(const QJsonObject &o, const QString &key, const QStringList &path)
    {
        const QJsonValue v = o.value(key);
        if (v.isUndefined()) {
            problem(path, u"\"%1\" is missing"_s.arg(key));
            return {};
        }
        const QStringList here = path + QStringList{key};
        if (!v.isArray()) {
            problem(here, u"expected a list of objects"_s);
            return {};
        }
        const QJsonArray a = v.toArray();
        for (qsizetype i = 0; i < a.size(); ++i)
            if (!a[i].isObject())
                problem(here + QStringList{QString::number(i)}, u"expected an object"_s);
        return a;
    }

    // format, version, id, type, title, level, minutes, invented, instructions, learning points.
    // Returns false when the file cannot be read further (not an exercise, a newer version, no type).
    bool header(const QJsonObject &root, Exercise &e)
    {
        const QJsonValue format = root.value(u"format"_s);
        if (format.isUndefined()) {
            problem({}, u"\"format\": \"fairnote-exercise\" is missing, so this does not look like an exercise file"_s);
            return false;
        }
        if (format != QJsonValue(u"fairnote-exercise"_s)) {
            problem({u"format"_s}, u"expected \"fairnote-exercise\"; this file is something else"_s);
            return false;
        }
        const QJsonValue version = root.value(u"version"_s);
        if (!version.isDouble() || version.toDouble() != double(version.toInt()) || version.toInt() < 1) {
            problem(version.isUndefined() ? QStringList() : QStringList{u"version"_s},
                    version.isUndefined() ? u"\"version\": 1 is missing"_s : u"expected a whole number such as 1"_s);
            return false;
        }
        if (version.toInt() > kExerciseVersion) {
            problem({u"version"_s}, u"the file uses version %1 of the exercise format, written by a newer Fairnote; this one "
                                    u"reads up to version %2. Update Fairnote to use it."_s.arg(version.toInt()).arg(kExerciseVersion));
            return false;
        }
        const QString type = text(root, u"type"_s, {});
        if (type.isEmpty())
            return false;
        const auto t = typeFromId(type);
        if (!t) {
            problem({u"type"_s}, u"expected one of %1"_s.arg(typeIds().join(u", "_s)));
            return false;
        }
        e.type = *t;
        QStringList allowed = kCommonMembers;
        switch (e.type) {
        case ExerciseType::Rewrite: allowed += kRewriteMembers; break;
        case ExerciseType::FactReportedOpinion: allowed += kSortMembers; break;
        case ExerciseType::SpotTheProblem: allowed += kSpotMembers; break;
        }
        unknownMembers(root, allowed, {}, u" for a %1 exercise"_s.arg(type));

        e.id = text(root, u"id"_s, {});
        if (!e.id.isEmpty() && !isValidId(e.id))
            problem({u"id"_s}, u"\"%1\" is not a valid id: use lower-case letters and digits joined by single hyphens, "
                               u"such as \"rewrite-known-arsonist\""_s.arg(e.id));
        e.title = text(root, u"title"_s, {});
        const QString level = text(root, u"level"_s, {});
        if (!level.isEmpty()) {
            if (const auto l = levelFromId(level))
                e.level = *l;
            else
                problem({u"level"_s}, u"expected one of %1"_s.arg(levelIds().join(u", "_s)));
        }
        const QJsonValue minutes = root.value(u"minutes"_s);
        if (minutes.isUndefined()) {
            problem({}, u"\"minutes\" is missing (a rough time to allow, such as 10)"_s);
        } else if (!minutes.isDouble() || minutes.toDouble() != double(minutes.toInt()) || minutes.toInt() < 1 || minutes.toInt() > 240) {
            problem({u"minutes"_s}, u"expected a whole number of minutes from 1 to 240"_s);
        } else {
            e.minutes = minutes.toInt();
        }
        const QJsonValue invented = root.value(u"invented"_s);
        if (invented != QJsonValue(true))
            problem(invented.isUndefined() ? QStringList() : QStringList{u"invented"_s},
                    u"set \"invented\": true to confirm that every person, place and event in the exercise is invented. "
                    u"Never use a real case, even with the names changed."_s);
        e.invented = true;
        e.instructions = text(root, u"instructions"_s, {});
        e.learningPoints = texts(root, u"learning_points"_s, {}, false);
        return true;
    }

    void expectedFindings(const QJsonObject &root, Exercise &e, bool required)
    {
        e.expectedFindings = texts(root, u"expected_findings"_s, {}, required);
        for (qsizetype i = 0; i < e.expectedFindings.size(); ++i) {
            const QString &id = e.expectedFindings[i];
            if (e.expectedFindings.indexOf(id) != i)
                problem({u"expected_findings"_s, QString::number(i)}, u"\"%1\" is listed twice"_s.arg(id));
        }
    }

    void rewrite(const QJsonObject &root, Exercise &e)
    {
        const QJsonValue person = root.value(u"person"_s);
        if (!person.isObject()) {
            problem(person.isUndefined() ? QStringList() : QStringList{u"person"_s},
                    person.isUndefined() ? u"\"person\" is missing: {\"name\": \"…\"}, an invented person"_s
                                         : u"expected an object: {\"name\": \"…\"}"_s);
        } else {
            const QJsonObject p = person.toObject();
            unknownMembers(p, {u"name"_s, u"other_names"_s}, {u"person"_s});
            e.person.name = text(p, u"name"_s, {u"person"_s});
            e.person.otherNames = texts(p, u"other_names"_s, {u"person"_s}, false);
            e.person.id = u"exercise-"_s + e.id;
        }
        const QString written = text(root, u"written_at"_s, {});
        if (!written.isEmpty()) {
            e.writtenAt = QDateTime::fromString(written, Qt::ISODate);
            if (!e.writtenAt.isValid() || e.writtenAt.timeSpec() == Qt::LocalTime)
                problem({u"written_at"_s}, u"expected a UTC date and time such as 2025-03-04T09:30:00Z, found \"%1\""_s.arg(written));
            e.writtenAt = e.writtenAt.toUTC();
        }
        e.note = text(root, u"note"_s, {});
        e.brief = text(root, u"brief"_s, {});
        expectedFindings(root, e, true);

        const QJsonValue model = root.value(u"model_answer"_s);
        bool modelOk = false;
        if (!model.isObject()) {
            problem(model.isUndefined() ? QStringList() : QStringList{u"model_answer"_s},
                    model.isUndefined() ? u"\"model_answer\" is missing: the trainer's factual record"_s
                                        : u"expected an object: an incident entry in the interchange format"_s);
        } else {
            modelOk = modelAnswer(model.toObject(), e);
        }

        e.keyFields = texts(root, u"key_fields"_s, {}, true, true);
        QStringList pointers;
        if (modelOk)
            for (const record::FieldText &f : record::describeFields(e.modelAnswer))
                pointers << f.pointer;
        for (qsizetype i = 0; i < e.keyFields.size(); ++i) {
            const QStringList here{u"key_fields"_s, QString::number(i)};
            if (e.keyFields.indexOf(e.keyFields[i]) != i)
                problem(here, u"\"%1\" is listed twice"_s.arg(e.keyFields[i]));
            else if (modelOk && !pointers.contains(e.keyFields[i]))
                problem(here, u"the model answer has no field \"%1\" (fields it has: %2)"_s.arg(e.keyFields[i], pointers.join(u", "_s)));
        }

        const QJsonArray facts = objects(root, u"key_facts"_s, {});
        for (qsizetype i = 0; i < facts.size(); ++i) {
            if (!facts[i].isObject())
                continue;
            const QStringList here{u"key_facts"_s, QString::number(i)};
            const QJsonObject f = facts[i].toObject();
            unknownMembers(f, {u"fact"_s, u"field"_s, u"any_of"_s}, here);
            KeyFact k;
            k.fact = text(f, u"fact"_s, here);
            k.field = text(f, u"field"_s, here, false);
            if (!k.field.isEmpty() && !kTextFields.contains(k.field))
                problem(here + QStringList{u"field"_s}, u"expected a free-text field of the record (%1), or leave \"field\" out "
                                                        u"to look in every one"_s.arg(kTextFields.join(u", "_s)));
            k.anyOf = texts(f, u"any_of"_s, here, true, true);
            e.keyFacts.push_back(std::move(k));
        }
    }

    // Reads the model answer strictly: the interchange reader accepts unknown members (its public
    // contract), so they are found here by comparing the object with what the writer writes back.
    bool modelAnswer(const QJsonObject &o, Exercise &e)
    {
        const QStringList base{u"model_answer"_s};
        for (const QString &set : {u"id"_s, u"author"_s, u"written_at"_s})
            if (o.contains(set))
                problem(base + QStringList{set},
                        u"leave \"%1\" out: the exercise sets the model answer's id, author and time of writing "
                        u"(its own \"written_at\")"_s.arg(set));
        if (o.value(u"kind"_s) != QJsonValue(u"incident"_s)) {
            problem(o.contains(u"kind"_s) ? base + QStringList{u"kind"_s} : base,
                    u"the model answer must be an incident record: \"kind\": \"incident\""_s);
            return false;
        }
        QJsonObject filled = o;
        filled.insert(u"id"_s, e.id.isEmpty() ? u"model"_s : e.id);
        filled.insert(u"written_at"_s, (e.writtenAt.isValid() ? e.writtenAt : QDateTime(QDate(2000, 1, 1), QTime(0, 0), Qt::UTC))
                                           .toString(Qt::ISODate));
        const record::Author a = modelAuthor();
        filled.insert(u"author"_s, QJsonObject{{u"name"_s, a.name}, {u"role"_s, a.role}, {u"organisation"_s, a.organisation}});
        auto entry = record::entryFromJson(filled, u"/model_answer"_s);
        if (!entry) {
            for (const record::InterchangeError &err : entry.error())
                problem(splitPointer(err.path), err.message);
            return false;
        }
        const int before = int(m_problems.size());
        detail::unknownInterchangeMembers(o, record::entryToJson(*entry), base, [&](const QStringList &path) {
            problem(path, u"unknown member \"%1\" (see docs/interchange.md for the members of an entry)"_s.arg(path.back()));
        });
        e.modelAnswer = std::move(*entry);
        return int(m_problems.size()) == before;
    }

    void sort(const QJsonObject &root, Exercise &e)
    {
        e.context = text(root, u"context"_s, {}, false);
        const QJsonArray statements = objects(root, u"statements"_s, {});
        if (root.value(u"statements"_s).isArray() && statements.size() < 3)
            problem({u"statements"_s}, u"give at least 3 statements to sort"_s);
        QHash<QString, qsizetype> ids;
        for (qsizetype i = 0; i < statements.size(); ++i) {
            if (!statements[i].isObject())
                continue;
            const QStringList here{u"statements"_s, QString::number(i)};
            const QJsonObject s = statements[i].toObject();
            unknownMembers(s, {u"id"_s, u"text"_s, u"answer"_s, u"explanation"_s}, here);
            Statement st;
            st.id = text(s, u"id"_s, here);
            if (!st.id.isEmpty()) {
                if (!isValidId(st.id))
                    problem(here + QStringList{u"id"_s}, u"\"%1\" is not a valid id: use lower-case letters and digits, such as \"s1\""_s.arg(st.id));
                else if (ids.contains(st.id))
                    problem(here + QStringList{u"id"_s}, u"the id \"%1\" is already used (at /statements/%2); give each statement its own"_s.arg(st.id).arg(ids.value(st.id)));
                else
                    ids.insert(st.id, i);
            }
            st.text = text(s, u"text"_s, here);
            const QString answer = text(s, u"answer"_s, here);
            if (!answer.isEmpty()) {
                if (const auto k = kindFromId(answer))
                    st.answer = *k;
                else
                    problem(here + QStringList{u"answer"_s}, u"expected one of %1"_s.arg(kindIds().join(u", "_s)));
            }
            st.explanation = text(s, u"explanation"_s, here);
            e.statements.push_back(std::move(st));
        }
    }

    void spot(const QJsonObject &root, Exercise &e)
    {
        e.note = text(root, u"note"_s, {});
        expectedFindings(root, e, true);
        const QJsonArray key = objects(root, u"key"_s, {});
        for (qsizetype i = 0; i < key.size(); ++i) {
            if (!key[i].isObject())
                continue;
            const QStringList here{u"key"_s, QString::number(i)};
            const QJsonObject k = key[i].toObject();
            unknownMembers(k, {u"phrase"_s, u"occurrence"_s, u"why"_s, u"instead"_s}, here);
            KeyPhrase p;
            p.phrase = text(k, u"phrase"_s, here);
            const QJsonValue occurrence = k.value(u"occurrence"_s);
            if (!occurrence.isUndefined()) {
                if (!occurrence.isDouble() || occurrence.toDouble() != double(occurrence.toInt()) || occurrence.toInt() < 1)
                    problem(here + QStringList{u"occurrence"_s}, u"expected a whole number from 1 (the first time the phrase appears)"_s);
                else
                    p.occurrence = occurrence.toInt();
            }
            p.why = text(k, u"why"_s, here);
            p.instead = text(k, u"instead"_s, here, false);
            if (!p.phrase.isEmpty() && !e.note.isEmpty() && nthOccurrence(e.note, p.phrase, p.occurrence) < 0)
                problem(here + QStringList{u"phrase"_s},
                        p.occurrence == 1 ? u"\"%1\" is not in the note (it must be written exactly as in the note, "
                                            u"with the same capitals and punctuation)"_s.arg(p.phrase)
                                          : u"\"%1\" is not in the note %2 times"_s.arg(p.phrase).arg(p.occurrence));
            e.key.push_back(std::move(p));
        }
        if (root.value(u"expected_findings"_s).isArray() && root.value(u"key"_s).isArray() && e.expectedFindings.isEmpty() && e.key.empty())
            problem({}, u"there is nothing to find: give \"expected_findings\" or a \"key\", or both"_s);
    }

    QString m_path;
    QByteArray m_bytes;
    ExerciseProblems m_problems;
};

int typeOrder(ExerciseType t) { return int(t); }

void sortSet(std::vector<Exercise> &list)
{
    std::stable_sort(list.begin(), list.end(), [](const Exercise &a, const Exercise &b) {
        if (a.type != b.type)
            return typeOrder(a.type) < typeOrder(b.type);
        if (a.level != b.level)
            return int(a.level) < int(b.level);
        return a.title.compare(b.title, Qt::CaseInsensitive) < 0;
    });
}

// Reads every *.json in `dir` (name order). Problems are appended; the readable exercises returned.
std::vector<Exercise> readDirectory(const QString &dir, bool builtIn, ExerciseProblems &problems)
{
    std::vector<Exercise> out;
    const QFileInfo info(dir);
    if (!info.exists()) {
        problems.push_back({dir, 0, 0, QString(), u"the exercises folder does not exist"_s});
        return out;
    }
    if (!info.isDir()) {
        problems.push_back({dir, 0, 0, QString(), u"is not a folder: give the folder that holds the exercise files"_s});
        return out;
    }
    if (!info.isReadable()) {
        problems.push_back({dir, 0, 0, QString(), u"the folder cannot be read (check its permissions)"_s});
        return out;
    }
    const QDir d(dir);
    const QStringList files = d.entryList({u"*.json"_s}, QDir::Files, QDir::Name);
    if (files.isEmpty() && !builtIn)
        problems.push_back({dir, 0, 0, QString(), u"holds no .json exercise files"_s});
    QHash<QString, QString> seen; // id → file
    for (const QString &name : files) {
        const QString path = d.filePath(name);
        auto bytes = io::readFile(path, {kMaxExerciseBytes, u"an exercise file"_s, {}});
        if (!bytes) {
            problems.push_back({path, 0, 0, QString(),
                                bytes.error().problem == io::IoProblem::TooLarge ? tooLarge(QFileInfo(path).size()) : bytes.error().message()});
            continue;
        }
        auto e = readExercise(*bytes, path);
        if (!e) {
            problems.insert(problems.end(), e.error().begin(), e.error().end());
            continue;
        }
        if (const QString other = seen.value(e->id); !other.isEmpty()) {
            const auto pos = json::locate(*bytes, {u"id"_s});
            problems.push_back({path, pos.line, pos.column, u"/id"_s,
                                u"the id \"%1\" is used by %2 too; every exercise needs its own id"_s.arg(e->id, other)});
            continue;
        }
        seen.insert(e->id, path);
        e->builtIn = builtIn;
        out.push_back(std::move(*e));
    }
    return out;
}

} // namespace

Result<Exercise, ExerciseProblems> readExercise(const QByteArray &bytes, const QString &displayPath)
{
    return ExerciseReader(displayPath, bytes).read();
}

Result<ExerciseSet, ExerciseProblems> loadExercises(const QString &organisationDir)
{
    ExerciseProblems problems;
    ExerciseSet set;
    set.exercises = readDirectory(builtInExerciseDirectory(), true, problems);
    if (!organisationDir.isEmpty()) {
        for (Exercise &e : readDirectory(organisationDir, false, problems)) {
            auto it = std::find_if(set.exercises.begin(), set.exercises.end(), [&](const Exercise &b) { return b.id == e.id; });
            if (it != set.exercises.end())
                *it = std::move(e);
            else
                set.exercises.push_back(std::move(e));
        }
    }
    if (!problems.empty())
        return problems;
    sortSet(set.exercises);
    return set;
}

Result<ExerciseSet, ExerciseProblems> loadExerciseDirectory(const QString &dir)
{
    ExerciseProblems problems;
    ExerciseSet set;
    set.exercises = readDirectory(dir, false, problems);
    if (!problems.empty())
        return problems;
    sortSet(set.exercises);
    return set;
}

} // namespace fairnote::training
