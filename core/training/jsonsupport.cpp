// SPDX-FileCopyrightText: 2026 Fairnote contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// JSON parsing with located problems, for exercise and answer files.
#include "training/jsonsupport.h"

#include "json/jsonlocator.h"
#include "json/strictjson.h"

#include <QJsonArray>

using namespace Qt::StringLiterals;

namespace fairnote::training::detail {

std::optional<QJsonDocument> parseJson(const QByteArray &bytes, const QString &file, ExerciseProblems &problems)
{
    // The one strict reader (core/json): invalid UTF-8, syntax and a member given twice are all refused.
    auto doc = json::parse(bytes);
    if (!doc) {
        const json::ParseError &e = doc.error();
        const bool syntax = e.kind == json::ParseError::Kind::Syntax || e.kind == json::ParseError::Kind::Number
            || e.kind == json::ParseError::Kind::TooDeep;
        problems.push_back({file, e.line, e.column, e.kind == json::ParseError::Kind::Duplicate ? e.path : QString(),
                            syntax ? e.message + u" (JSON syntax)"_s : e.message});
        return std::nullopt;
    }
    if (doc->isObject())
        return QJsonDocument(doc->toObject());
    if (doc->isArray())
        return QJsonDocument(doc->toArray());
    return QJsonDocument(); // a bare value: the callers say what the file should hold
}

ExerciseProblem problemAt(const QByteArray &bytes, const QString &file, const QStringList &path, const QString &message)
{
    const auto pos = json::locate(bytes, path);
    return {file, pos.line, pos.column, path.isEmpty() ? QString() : json::pointer(path), message};
}

QStringList splitPointer(const QString &pointer)
{
    QStringList parts = pointer.split(u'/', Qt::SkipEmptyParts);
    for (QString &p : parts)
        p.replace(u"~1"_s, u"/"_s).replace(u"~0"_s, u"~"_s);
    return parts;
}

void unknownInterchangeMembers(const QJsonObject &given, const QJsonObject &written, const QStringList &path,
                               const std::function<void(const QStringList &)> &report)
{
    for (auto it = given.begin(); it != given.end(); ++it) {
        const QStringList here = path + QStringList{it.key()};
        if (!written.contains(it.key())) {
            report(here);
            continue;
        }
        const QJsonValue w = written.value(it.key());
        if (it->isObject() && w.isObject()) {
            unknownInterchangeMembers(it->toObject(), w.toObject(), here, report);
        } else if (it->isArray() && w.isArray()) {
            const QJsonArray ga = it->toArray(), wa = w.toArray();
            for (qsizetype i = 0; i < ga.size() && i < wa.size(); ++i)
                if (ga[i].isObject() && wa[i].isObject())
                    unknownInterchangeMembers(ga[i].toObject(), wa[i].toObject(), here + QStringList{QString::number(i)}, report);
        }
    }
}

qsizetype nthOccurrence(const QString &haystack, const QString &needle, int n)
{
    qsizetype at = -1;
    for (int i = 0; i < n; ++i) {
        at = haystack.indexOf(needle, at + 1);
        if (at < 0)
            return -1;
    }
    return at;
}

} // namespace fairnote::training::detail
