// SPDX-FileCopyrightText: 2026 Fairnote contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// JSON parsing with located problems, for exercise and answer files.
#include "training/jsonsupport.h"

#include "json/jsonlocator.h"
#include "text/utf8.h"

#include <QHash>
#include <QJsonArray>

using namespace Qt::StringLiterals;

namespace fairnote::training::detail {

namespace {

// A JSON string's contents (between its quotes) as text; escapes are decoded by Qt's own parser.
QString jsonStringText(const QByteArray &raw)
{
    if (!raw.contains('\\'))
        return QString::fromUtf8(raw);
    return QJsonDocument::fromJson("[\"" + raw + "\"]").array().at(0).toString();
}

// Calls report(offset, key, firstOffset) for each member name given twice in one object of well-formed
// JSON (QJsonDocument silently keeps one of the two). Offsets are byte offsets of the opening quotes.
// (The rule-pack loader has the same scan; core/wording keeps its copy private.)
template <typename Report>
void findDuplicateMembers(const QByteArray &json, Report report)
{
    struct Frame { bool object; bool expectKey; QHash<QString, qsizetype> keys; };
    std::vector<Frame> stack;
    const qsizetype n = json.size();
    for (qsizetype i = 0; i < n; ++i) {
        const char c = json[i];
        if (c == '{') {
            stack.push_back({true, true, {}});
        } else if (c == '[') {
            stack.push_back({false, false, {}});
        } else if (c == '}' || c == ']') {
            if (!stack.empty())
                stack.pop_back();
        } else if (c == ',') {
            if (!stack.empty() && stack.back().object)
                stack.back().expectKey = true;
        } else if (c == '"') {
            const qsizetype start = i;
            for (++i; i < n && json[i] != '"'; ++i)
                if (json[i] == '\\')
                    ++i;
            if (stack.empty() || !stack.back().object || !stack.back().expectKey)
                continue;
            Frame &f = stack.back();
            f.expectKey = false;
            const QString key = jsonStringText(json.mid(start + 1, i - start - 1));
            if (const auto it = f.keys.constFind(key); it != f.keys.constEnd())
                report(start, key, *it);
            else
                f.keys.insert(key, start);
        }
    }
}

} // namespace

std::optional<QJsonDocument> parseJson(const QByteArray &bytes, const QString &file, ExerciseProblems &problems)
{
    if (auto decoded = text::decodeUtf8(bytes); !decoded) {
        const auto pos = json::positionOfByte(bytes, decoded.error().byteOffset);
        problems.push_back({file, pos.line, pos.column, QString(), decoded.error().describe() + u"; save the file as UTF-8"_s});
        return std::nullopt;
    }
    const qsizetype bom = bytes.startsWith("\xEF\xBB\xBF") ? 3 : 0;
    QJsonParseError err;
    QJsonDocument doc = QJsonDocument::fromJson(bytes.mid(bom), &err);
    if (err.error != QJsonParseError::NoError) {
        const auto pos = json::positionOfByte(bytes, err.offset + bom);
        problems.push_back({file, pos.line, pos.column, QString(), err.errorString() + u" (JSON syntax)"_s});
        return std::nullopt;
    }
    bool twice = false;
    findDuplicateMembers(bytes, [&](qsizetype at, const QString &key, qsizetype first) {
        const auto pos = json::positionOfByte(bytes, at);
        problems.push_back({file, pos.line, pos.column, QString(),
                            u"member \"%1\" appears twice in the same object (first at line %2); only one of them "
                            u"would be used, so remove the other"_s.arg(key).arg(json::positionOfByte(bytes, first).line)});
        twice = true;
    });
    if (twice)
        return std::nullopt;
    return doc;
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
