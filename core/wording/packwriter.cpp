// SPDX-FileCopyrightText: 2026 Fairnote contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// Reading and saving an organisation's pack for the rule editor, with the files in a readable order.
#include "wording/packwriter.h"

#include "wording/checker.h"
#include "wording/examplecheck.h"

#include <QDir>
#include <algorithm>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSaveFile>
#include <QTemporaryDir>

using namespace Qt::StringLiterals;

namespace fairnote::wording {

namespace {

// A JSON value written compactly ("text", ["a", "b"]), for one line of a hand-readable file.
QString value(const QJsonValue &v)
{
    const QByteArray wrapped = QJsonDocument(QJsonArray{v}).toJson(QJsonDocument::Compact);
    return QString::fromUtf8(wrapped.mid(1, wrapped.size() - 2)).replace(u"\",\""_s, u"\", \""_s);
}

// An object with its members in the order given, indented by `indent` spaces.
QString object(const std::vector<std::pair<QString, QString>> &members, int indent)
{
    const QString pad(indent + 2, u' ');
    QStringList lines;
    for (const auto &[key, json] : members)
        lines << pad + value(key) + u": "_s + json;
    return u"{\n"_s + lines.join(u",\n"_s) + u'\n' + QString(indent, u' ') + u'}';
}

QString list(const QStringList &items, int indent)
{
    if (items.isEmpty())
        return u"[]"_s;
    const QString pad(indent + 2, u' ');
    QStringList lines;
    for (const QString &i : items)
        lines << pad + value(i);
    return u"[\n"_s + lines.join(u",\n"_s) + u'\n' + QString(indent, u' ') + u']';
}

QStringList skipNames(quint16 skip)
{
    return contextIds(skip);
}

std::vector<std::pair<QString, QString>> ruleMembers(const Rule &r, int indent)
{
    std::vector<std::pair<QString, QString>> m;
    m.emplace_back(u"id"_s, value(r.id));
    m.emplace_back(u"category"_s, value(categoryId(r.category)));
    m.emplace_back(u"severity"_s, value(severityId(r.severity)));
    if (r.detector != Detector::None)
        m.emplace_back(u"detector"_s, value(detectorId(r.detector)));
    else
        m.emplace_back(u"patterns"_s, list(r.patterns, indent + 2));
    if (!r.exceptions.isEmpty())
        m.emplace_back(u"exceptions"_s, list(r.exceptions, indent + 2));
    if (r.skipWhen != kDefaultSkip)
        m.emplace_back(u"skip_when"_s, value(QJsonArray::fromStringList(skipNames(r.skipWhen))));
    if (!r.otherSenses.isEmpty()) {
        const OtherSenses &o = r.otherSenses;
        std::vector<std::pair<QString, QString>> senses;
        if (!o.subjects.isEmpty())
            senses.emplace_back(u"subjects"_s, list(o.subjects, indent + 4));
        if (!o.before.isEmpty())
            senses.emplace_back(u"before"_s, list(o.before, indent + 4));
        if (!o.after.isEmpty())
            senses.emplace_back(u"after"_s, list(o.after, indent + 4));
        senses.emplace_back(u"window"_s, QString::number(o.window));
        m.emplace_back(u"other_senses"_s, object(senses, indent + 2));
    }
    if (r.matchCase)
        m.emplace_back(u"match_case"_s, u"true"_s);
    m.emplace_back(u"message"_s, value(r.message));
    m.emplace_back(u"why"_s, value(r.why));
    if (!r.alternatives.isEmpty())
        m.emplace_back(u"alternatives"_s, list(r.alternatives, indent + 2));
    if (!r.question.isEmpty())
        m.emplace_back(u"question"_s, value(r.question));
    m.emplace_back(u"source"_s, object({{u"title"_s, value(r.source.title)}, {u"publisher"_s, value(r.source.publisher)},
                                        {u"year"_s, r.source.year > 0 ? QString::number(r.source.year) : u"null"_s},
                                        {u"url"_s, value(r.source.url)}},
                                       indent + 2));
    if (!r.examples.isEmpty()) {
        QStringList flag, leave;
        for (const auto &f : r.examples.flag)
            flag << f.written;
        for (const auto &l : r.examples.leave)
            leave << l.text;
        QStringList rewrites;
        for (const auto &rw : r.examples.rewrite)
            rewrites << QString(indent + 6, u' ') + object({{u"before"_s, value(rw.before)}, {u"after"_s, value(rw.after)}}, indent + 6);
        const QString rewrite = rewrites.isEmpty() ? u"[]"_s
                                                   : u"[\n"_s + rewrites.join(u",\n"_s) + u'\n' + QString(indent + 4, u' ') + u']';
        m.emplace_back(u"examples"_s, object({{u"flag"_s, list(flag, indent + 4)}, {u"leave"_s, list(leave, indent + 4)},
                                              {u"rewrite"_s, rewrite}},
                                             indent + 2));
    }
    if (!r.reason.isEmpty())
        m.emplace_back(u"reason"_s, value(r.reason));
    return m;
}

bool writeWhole(const QString &path, const QByteArray &bytes, QString *error)
{
    QSaveFile f(path);
    if (!f.open(QIODevice::WriteOnly) || f.write(bytes) != bytes.size() || !f.commit()) {
        *error = f.errorString();
        return false;
    }
    return true;
}

} // namespace

RulePack applyOrganisationPack(const RulePack &builtIn, const OrganisationPack &org)
{
    RulePack pack = builtIn;
    pack.organisationInfo = org.info;
    for (Rule r : org.rules) {
        auto it = std::find_if(pack.rules.begin(), pack.rules.end(), [&](const Rule &b) { return b.id == r.id; });
        r.origin = it != pack.rules.end() ? RuleOrigin::Replaced : RuleOrigin::Added;
        if (it != pack.rules.end())
            *it = std::move(r);
        else
            pack.rules.push_back(std::move(r));
    }
    for (const DisabledRule &d : org.disabled) {
        auto it = std::find_if(pack.rules.begin(), pack.rules.end(), [&](const Rule &b) { return b.id == d.id; });
        if (it == pack.rules.end())
            continue;
        pack.disabled.push_back({d.id, d.reason, it->message, it->category, d.file, d.line});
        pack.rules.erase(it);
    }
    std::sort(pack.rules.begin(), pack.rules.end(), [](const Rule &a, const Rule &b) { return a.id < b.id; });
    std::sort(pack.disabled.begin(), pack.disabled.end(), [](const DisabledRule &a, const DisabledRule &b) { return a.id < b.id; });
    return pack;
}

PackDirectory asDirectory(const OrganisationPack &org)
{
    PackDirectory d;
    d.rules = org.rules;
    for (const DisabledRule &r : org.disabled)
        d.disables.push_back({r.id, r.reason, r.file, {}});
    d.info = org.info;
    return d;
}

QJsonObject ruleToJson(const Rule &rule)
{
    return QJsonDocument::fromJson(object(ruleMembers(rule, 0), 0).toUtf8()).object();
}

QByteArray rulesFileBytes(const OrganisationPack &pack)
{
    std::vector<std::pair<QString, QString>> top{{u"kind"_s, value(u"rules"_s)}, {u"version"_s, u"1"_s}};
    if (!pack.disabled.empty()) {
        QStringList items;
        for (const DisabledRule &d : pack.disabled)
            items << u"    "_s + object({{u"id"_s, value(d.id)}, {u"reason"_s, value(d.reason)}}, 4);
        top.emplace_back(u"disable"_s, u"[\n"_s + items.join(u",\n"_s) + u"\n  ]"_s);
    }
    QStringList rules;
    for (const Rule &r : pack.rules)
        rules << u"    "_s + object(ruleMembers(r, 4), 4);
    top.emplace_back(u"rules"_s, rules.isEmpty() ? u"[]"_s : u"[\n"_s + rules.join(u",\n"_s) + u"\n  ]"_s);
    return (object(top, 0) + u'\n').toUtf8();
}

QByteArray packFileBytes(const PackInfo &info)
{
    std::vector<std::pair<QString, QString>> m{{u"kind"_s, value(u"pack"_s)}, {u"version"_s, u"1"_s}, {u"title"_s, value(info.title)}};
    if (!info.organisation.isEmpty())
        m.emplace_back(u"organisation"_s, value(info.organisation));
    if (!info.description.isEmpty())
        m.emplace_back(u"description"_s, value(info.description));
    m.emplace_back(u"pack_version"_s, QString::number(info.version));
    m.emplace_back(u"date"_s, value(info.date.toString(Qt::ISODate)));
    m.emplace_back(u"authors"_s, list(info.authors, 2));
    QStringList changes;
    for (const PackInfo::Change &c : info.changes)
        changes << u"    "_s + object({{u"pack_version"_s, QString::number(c.version)}, {u"date"_s, value(c.date.toString(Qt::ISODate))},
                                       {u"changes"_s, list(c.changes, 6)}},
                                      4);
    if (!changes.isEmpty())
        m.emplace_back(u"changes"_s, u"[\n"_s + changes.join(u",\n"_s) + u"\n  ]"_s);
    return (object(m, 0) + u'\n').toUtf8();
}

Rule checkRule(const QJsonObject &rule, std::vector<FieldProblem> &problems)
{
    std::vector<std::pair<QStringList, QString>> found;
    Rule r = readRuleObject(rule, found);
    for (const auto &[path, message] : found)
        problems.push_back({path.join(u'/'), message});
    return r;
}

Result<OrganisationPack, PackProblems> readOrganisationPack(const QString &dir)
{
    OrganisationPack pack;
    if (!QFileInfo::exists(dir))
        return pack;
    auto read = readPackDirectory(dir);
    if (!read)
        return read.error();
    pack.info = read->info;
    pack.rules = read->rules;
    auto loaded = loadRulePack(dir);
    if (!loaded)
        return loaded.error();
    pack.disabled = loaded->disabled;
    const QDir d(dir);
    for (const QString &name : d.entryList({u"*.json"_s}, QDir::Files, QDir::Name)) {
        QFile f(d.filePath(name));
        if (f.open(QIODevice::ReadOnly) && QJsonDocument::fromJson(f.readAll()).object().value(u"kind"_s).toString() == u"language")
            pack.otherFiles << name;
    }
    return pack;
}

Result<bool, PackProblems> saveOrganisationPack(const OrganisationPack &pack, const QString &dir)
{
    const QByteArray rules = rulesFileBytes(pack);
    const QByteArray info = packFileBytes(pack.info);
    // Checked first in a temporary folder: a pack with a problem never reaches the organisation's folder.
    QTemporaryDir temp;
    QString error;
    if (!temp.isValid() || !writeWhole(temp.filePath(u"rules.json"_s), rules, &error) || !writeWhole(temp.filePath(u"pack.json"_s), info, &error))
        return PackProblems{{dir, 0, 0, u"cannot prepare the pack: %1"_s.arg(error.isEmpty() ? temp.errorString() : error)}};
    for (const QString &other : pack.otherFiles)
        QFile::copy(QDir(dir).filePath(other), temp.filePath(other));
    auto loaded = loadRulePack(temp.path());
    PackProblems problems;
    if (!loaded) {
        problems = loaded.error();
    } else {
        const Checker checker(std::move(*loaded));
        ValidationOptions options;
        options.builtInRulesNeedExamples = false;
        problems = validatePack(checker, options);
    }
    if (!problems.empty()) {
        for (PackProblem &p : problems)
            p.file.replace(temp.path(), dir);
        return problems;
    }
    if (!QDir().mkpath(dir))
        return PackProblems{{dir, 0, 0, u"the folder cannot be created (check where it is and its permissions)"_s}};
    const QDir d(dir);
    if (!writeWhole(d.filePath(u"rules.json"_s), rules, &error) || !writeWhole(d.filePath(u"pack.json"_s), info, &error))
        return PackProblems{{dir, 0, 0, u"cannot be written: %1"_s.arg(error)}};
    for (const QString &name : d.entryList({u"*.json"_s}, QDir::Files))
        if (name != u"rules.json" && name != u"pack.json" && !pack.otherFiles.contains(name))
            QFile::remove(d.filePath(name));
    return true;
}

} // namespace fairnote::wording
