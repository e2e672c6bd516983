// SPDX-FileCopyrightText: 2026 Fairnote contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// Rule pack loading: JSON syntax, every member checked, patterns compiled, problems located.
#include "wording/rulepack.h"

#include "io/input.h"
#include "json/jsonlocator.h"
#include "json/strictjson.h"
#include "text/utf8.h"
#include "wording/morphology.h"
#include "wording/pattern.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <algorithm>

using namespace Qt::StringLiterals;

namespace fairnote::wording {

QString PackProblem::toString() const
{
    if (line > 0 && column > 0)
        return u"%1:%2:%3: error: %4"_s.arg(file, QString::number(line), QString::number(column), message);
    if (line > 0)
        return u"%1:%2: error: %3"_s.arg(file, QString::number(line), message);
    return u"%1: error: %2"_s.arg(file, message);
}

QString builtInPackDirectory() { return u":/fairnote/rules/en-GB"_s; }

namespace {

using DirectoryPack = PackDirectory;

const QStringList kRuleMembers{u"id"_s, u"category"_s, u"severity"_s, u"patterns"_s, u"detector"_s, u"exceptions"_s,
                               u"skip_when"_s, u"other_senses"_s, u"match_case"_s, u"message"_s, u"why"_s, u"alternatives"_s,
                               u"question"_s, u"source"_s, u"examples"_s, u"reason"_s};
const QStringList kExampleMembers{u"flag"_s, u"leave"_s, u"rewrite"_s};
const QStringList kInfoMembers{u"kind"_s, u"version"_s, u"$schema"_s, u"title"_s, u"organisation"_s, u"description"_s,
                               u"pack_version"_s, u"date"_s, u"authors"_s, u"changes"_s};
const QStringList kSourceMembers{u"title"_s, u"publisher"_s, u"year"_s, u"url"_s};

struct LanguageList { QString member; QStringList Language::*list; bool phrases; };
const std::vector<LanguageList> kLanguageLists{
    {u"negation_cues"_s, &Language::negationCues, true},
    {u"negation_suffixes"_s, &Language::negationSuffixes, false},
    {u"negation_prefixes"_s, &Language::negationPrefixes, false},
    {u"pseudo_negations"_s, &Language::pseudoNegations, true},
    {u"clause_breakers"_s, &Language::clauseBreakers, true},
    {u"clause_subjects"_s, &Language::clauseSubjects, true},
    {u"subject_verbs"_s, &Language::subjectVerbs, true},
    {u"list_joiners"_s, &Language::listJoiners, true},
    {u"honorifics"_s, &Language::honorifics, true},
    {u"source_cues"_s, &Language::sourceCues, true},
    {u"source_breakers"_s, &Language::sourceBreakers, true},
    {u"reason_cues"_s, &Language::reasonCues, true},
    {u"speech_words"_s, &Language::speechWords, true},
    {u"months"_s, &Language::months, true},
    {u"date_words"_s, &Language::dateWords, true},
    {u"protected_names"_s, &Language::protectedNames, true},
    {u"person_words"_s, &Language::personWords, false},
    {u"thing_words"_s, &Language::thingWords, false},
    {u"linking_words"_s, &Language::linkingWords, false},
    {u"determiners"_s, &Language::determiners, false},
    {u"number_words"_s, &Language::numberWords, false},
    {u"common_abbreviations"_s, &Language::commonAbbreviations, false},
    {u"emphasis_words"_s, &Language::emphasisWords, false},
    {u"abbreviation_suffixes"_s, &Language::abbreviationSuffixes, false},
    {u"section_abbreviations"_s, &Language::sectionAbbreviations, false},
    {u"section_words"_s, &Language::sectionWords, false},
};

// Reads one file and reports problems against it.
class FileReader
{
public:
    FileReader(QString displayPath, QByteArray bytes, PackProblems &problems, std::vector<std::pair<QStringList, QString>> *paths = nullptr)
        : m_path(std::move(displayPath)), m_bytes(std::move(bytes)), m_problems(problems), m_paths(paths)
    {
    }

    void read(DirectoryPack &out, bool &sawLanguage, bool &sawInfo)
    {
        // One strict reader for every JSON Fairnote reads: invalid UTF-8, syntax, a member given twice.
        auto doc = json::parse(m_bytes);
        if (!doc) {
            const json::ParseError &e = doc.error();
            m_problems.push_back({m_path, e.line, e.column,
                                  e.kind == json::ParseError::Kind::Syntax || e.kind == json::ParseError::Kind::Number
                                      ? e.message + u" (JSON syntax)"_s
                                      : e.message});
            return;
        }
        if (!doc->isObject()) {
            problem({}, u"the file must hold one JSON object"_s);
            return;
        }
        const QJsonObject root = doc->toObject();
        const QString kind = root.value(u"kind"_s).toString();
        if (root.value(u"version"_s) != QJsonValue(1)) {
            problem({u"version"_s}, root.contains(u"version"_s)
                                         ? u"unsupported \"version\": this Fairnote reads version 1"_s
                                         : u"\"version\": 1 is missing"_s);
            return;
        }
        if (kind == u"rules")
            readRules(root, out);
        else if (kind == u"pack") {
            if (sawInfo)
                problem({}, u"a second \"pack\" file in the same directory; a pack has one description (pack.json)"_s);
            sawInfo = true;
            readInfo(root, out.info);
        }
        else if (kind == u"language") {
            if (sawLanguage)
                problem({}, u"a second \"language\" file in the same directory; merge them into one"_s);
            sawLanguage = true;
            readLanguage(root, out.language);
        } else {
            problem({u"kind"_s}, u"\"kind\" must be \"rules\", \"language\" or \"pack\""_s);
        }
    }

private:
    void problem(const QStringList &path, const QString &message)
    {
        const auto pos = json::locate(m_bytes, path);
        m_problems.push_back({m_path, pos.line, pos.column, message});
        if (m_paths)
            m_paths->emplace_back(path, message);
    }

    void unknownMembers(const QJsonObject &o, const QStringList &allowed, const QStringList &path, const QString &what)
    {
        for (auto it = o.begin(); it != o.end(); ++it)
            if (!allowed.contains(it.key()))
                problem(path + QStringList{it.key()},
                        u"%1: unknown member \"%2\" (allowed: %3)"_s.arg(what, it.key(), allowed.join(u", "_s)));
    }

    // A non-empty string member, or a problem.
    QString requiredString(const QJsonObject &o, const QString &key, const QStringList &path, const QString &what)
    {
        const QJsonValue v = o.value(key);
        if (v.isUndefined()) {
            problem(path, u"%1: \"%2\" is missing"_s.arg(what, key));
            return {};
        }
        if (!v.isString() || v.toString().trimmed().isEmpty()) {
            problem(path + QStringList{key}, u"%1: \"%2\" must be a non-empty string"_s.arg(what, key));
            return {};
        }
        return v.toString();
    }

    // An array of non-empty strings; each checked as a pattern when `patterns`.
    QStringList stringList(const QJsonValue &v, const QStringList &path, const QString &what, bool patterns)
    {
        QStringList out;
        if (!v.isArray()) {
            problem(path, u"%1: \"%2\" must be a list of strings"_s.arg(what, path.constLast()));
            return out;
        }
        const QJsonArray a = v.toArray();
        for (qsizetype i = 0; i < a.size(); ++i) {
            const QStringList p = path + QStringList{QString::number(i)};
            if (!a[i].isString() || a[i].toString().isEmpty()) {
                problem(p, u"%1: each entry of \"%2\" must be a non-empty string"_s.arg(what, path.constLast()));
                continue;
            }
            const QString s = a[i].toString();
            if (patterns) {
                if (auto e = countPattern(s); !e) {
                    problem(p, u"%1: pattern \"%2\": %3"_s.arg(what, s, e.error()));
                    continue;
                }
            }
            out << s;
        }
        return out;
    }

    void readRules(const QJsonObject &root, DirectoryPack &out)
    {
        unknownMembers(root, {u"kind"_s, u"version"_s, u"rules"_s, u"disable"_s, u"$schema"_s, u"description"_s}, {},
                       u"rules file"_s);
        if (root.contains(u"disable"_s))
            readDisables(root.value(u"disable"_s), out);
        if (!root.contains(u"rules"_s)) {
            if (!root.contains(u"disable"_s))
                problem({}, u"a rules file needs \"rules\" (a list) or \"disable\" (a list of ids)"_s);
            return;
        }
        if (!root.value(u"rules"_s).isArray()) {
            problem({u"rules"_s}, u"\"rules\" must be a list of rule objects"_s);
            return;
        }
        const QJsonArray rules = root.value(u"rules"_s).toArray();
        // Each rule's line, found in one pass (a pack of hundreds of rules is read at every start).
        const std::vector<json::SourcePosition> starts = json::locateElements(m_bytes, {u"rules"_s});
        const auto lineOf = [&](qsizetype i) {
            return size_t(i) < starts.size() ? starts[size_t(i)].line : json::locate(m_bytes, {u"rules"_s, QString::number(i)}).line;
        };
        for (qsizetype i = 0; i < rules.size(); ++i) {
            const QStringList path{u"rules"_s, QString::number(i)};
            if (!rules[i].isObject()) {
                problem(path, u"rule %1 must be an object"_s.arg(i + 1));
                continue;
            }
            const QJsonValue id = rules[i].toObject().value(u"id"_s);
            if (id.isString() && !id.toString().isEmpty())
                out.ids.push_back({id.toString(), m_path, lineOf(i)});
            Rule rule;
            rule.line = lineOf(i);
            if (readRule(rules[i].toObject(), path, rule))
                out.rules.push_back(std::move(rule));
        }
    }

    // "disable": a list of {"id": …, "reason": …}; a bare id (no reason) is still read.
    void readDisables(const QJsonValue &v, DirectoryPack &out)
    {
        if (!v.isArray()) {
            problem({u"disable"_s}, u"rules file: \"disable\" must be a list of {\"id\": …, \"reason\": …}"_s);
            return;
        }
        const QJsonArray a = v.toArray();
        for (qsizetype i = 0; i < a.size(); ++i) {
            const QStringList p{u"disable"_s, QString::number(i)};
            const json::SourcePosition pos = json::locate(m_bytes, p);
            if (a[i].isString() && !a[i].toString().isEmpty()) {
                out.disables.push_back({a[i].toString(), {}, m_path, pos});
                continue;
            }
            if (!a[i].isObject()) {
                problem(p, u"rules file: each entry of \"disable\" must be {\"id\": …, \"reason\": …}"_s);
                continue;
            }
            const QJsonObject o = a[i].toObject();
            unknownMembers(o, {u"id"_s, u"reason"_s}, p, u"disable entry"_s);
            const QString id = requiredString(o, u"id"_s, p, u"disable entry"_s);
            QString reason;
            if (o.contains(u"reason"_s))
                reason = requiredString(o, u"reason"_s, p, u"disable entry \"%1\""_s.arg(id));
            if (!id.isEmpty())
                out.disables.push_back({id, reason, m_path, pos});
        }
    }

    // "pack_version", "date" and so on: what the pack is, who wrote it, what changed.
    void readInfo(const QJsonObject &root, PackInfo &info)
    {
        const QString what = u"pack file"_s;
        unknownMembers(root, kInfoMembers, {}, what);
        info.file = m_path;
        info.title = requiredString(root, u"title"_s, {}, what);
        if (root.contains(u"organisation"_s))
            info.organisation = requiredString(root, u"organisation"_s, {}, what);
        if (root.contains(u"description"_s))
            info.description = requiredString(root, u"description"_s, {}, what);
        info.version = packVersion(root, {}, what);
        info.date = date(root, {}, what);
        if (!root.contains(u"authors"_s))
            problem({}, u"pack file: \"authors\" is missing: name who wrote and who changed the pack"_s);
        else {
            info.authors = stringList(root.value(u"authors"_s), {u"authors"_s}, what, false);
            if (root.value(u"authors"_s).toArray().isEmpty())
                problem({u"authors"_s}, u"pack file: \"authors\" needs at least one name"_s);
        }
        if (!root.contains(u"changes"_s))
            return;
        if (!root.value(u"changes"_s).isArray()) {
            problem({u"changes"_s}, u"pack file: \"changes\" must be a list of {\"pack_version\", \"date\", \"changes\"}"_s);
            return;
        }
        const QJsonArray changes = root.value(u"changes"_s).toArray();
        for (qsizetype i = 0; i < changes.size(); ++i) {
            const QStringList p{u"changes"_s, QString::number(i)};
            if (!changes[i].isObject()) {
                problem(p, u"pack file: each entry of \"changes\" must be an object"_s);
                continue;
            }
            const QJsonObject c = changes[i].toObject();
            const QString cw = u"change log entry %1"_s.arg(i + 1);
            unknownMembers(c, {u"pack_version"_s, u"date"_s, u"changes"_s}, p, cw);
            PackInfo::Change change;
            change.version = packVersion(c, p, cw);
            change.date = date(c, p, cw);
            if (!c.contains(u"changes"_s))
                problem(p, u"%1: \"changes\" is missing: say in words what changed"_s.arg(cw));
            else
                change.changes = stringList(c.value(u"changes"_s), p + QStringList{u"changes"_s}, cw, false);
            if (change.version > info.version && info.version > 0)
                problem(p + QStringList{u"pack_version"_s},
                        u"%1: version %2 is newer than the pack's \"pack_version\" %3"_s.arg(cw).arg(change.version).arg(info.version));
            info.changes.push_back(std::move(change));
        }
        std::stable_sort(info.changes.begin(), info.changes.end(),
                         [](const PackInfo::Change &a, const PackInfo::Change &b) { return a.version > b.version; });
    }

    int packVersion(const QJsonObject &o, const QStringList &path, const QString &what)
    {
        const QJsonValue v = o.value(u"pack_version"_s);
        if (v.isUndefined()) {
            problem(path, u"%1: \"pack_version\" is missing (a whole number: 1, 2, 3 …)"_s.arg(what));
            return 0;
        }
        if (!v.isDouble() || v.toDouble() != double(v.toInt()) || v.toInt() < 1) {
            problem(path + QStringList{u"pack_version"_s}, u"%1: \"pack_version\" must be a whole number from 1"_s.arg(what));
            return 0;
        }
        return v.toInt();
    }

    QDate date(const QJsonObject &o, const QStringList &path, const QString &what)
    {
        const QString s = requiredString(o, u"date"_s, path, what);
        if (s.isEmpty())
            return {};
        const QDate d = QDate::fromString(s, Qt::ISODate);
        if (!d.isValid() || s.size() != 10)
            problem(path + QStringList{u"date"_s}, u"%1: \"date\" must be a date written 2026-03-01 (year-month-day)"_s.arg(what));
        return d;
    }

    // "examples": {"flag": […], "leave": […], "rewrite": [{"before", "after"}]}.
    void readExamples(const QJsonValue &v, const QStringList &rulePath, const QString &what, RuleExamples &ex)
    {
        const QStringList path = rulePath + QStringList{u"examples"_s};
        if (!v.isObject()) {
            problem(path, u"%1: \"examples\" must be an object with \"flag\", \"leave\" and \"rewrite\""_s.arg(what));
            return;
        }
        const QJsonObject o = v.toObject();
        unknownMembers(o, kExampleMembers, path, what + u" examples"_s);
        auto strings = [&](const QString &key, auto each) {
            if (!o.contains(key))
                return;
            const QStringList p = path + QStringList{key};
            if (!o.value(key).isArray()) {
                problem(p, u"%1: \"examples\": \"%2\" must be a list"_s.arg(what, key));
                return;
            }
            const QJsonArray a = o.value(key).toArray();
            for (qsizetype i = 0; i < a.size(); ++i)
                each(a[i], p + QStringList{QString::number(i)});
        };
        strings(u"flag"_s, [&](const QJsonValue &e, const QStringList &p) {
            if (!e.isString() || e.toString().trimmed().isEmpty()) {
                problem(p, u"%1: each \"flag\" example must be a sentence with the flagged words marked «like this»"_s.arg(what));
                return;
            }
            auto marked = parseMarkedExample(e.toString());
            if (!marked) {
                problem(p, u"%1: flag example \"%2\": %3"_s.arg(what, e.toString(), marked.error()));
                return;
            }
            // Lines are found only when an example fails (examplecheck), so loading stays fast.
            ex.flag.push_back(std::move(*marked));
        });
        strings(u"leave"_s, [&](const QJsonValue &e, const QStringList &p) {
            if (!e.isString() || e.toString().trimmed().isEmpty()) {
                problem(p, u"%1: each \"leave\" example must be a non-empty sentence"_s.arg(what));
                return;
            }
            if (e.toString().contains(u'«') || e.toString().contains(u'»')) {
                problem(p, u"%1: leave example \"%2\": nothing is flagged in a \"leave\" example, so it has no «» marks"_s.arg(what, e.toString()));
                return;
            }
            ex.leave.push_back({e.toString(), 0});
        });
        strings(u"rewrite"_s, [&](const QJsonValue &e, const QStringList &p) {
            if (!e.isObject()) {
                problem(p, u"%1: each \"rewrite\" must be {\"before\": …, \"after\": …}"_s.arg(what));
                return;
            }
            const QJsonObject r = e.toObject();
            const QString rw = what + u" rewrite"_s;
            unknownMembers(r, {u"before"_s, u"after"_s}, p, rw);
            RuleExamples::Rewrite rewrite{requiredString(r, u"before"_s, p, rw), requiredString(r, u"after"_s, p, rw),
                                          0};
            for (const QString &side : {rewrite.before, rewrite.after})
                if (side.contains(u'«') || side.contains(u'»'))
                    problem(p, u"%1: a rewrite has no «» marks (they belong in \"flag\" examples)"_s.arg(rw));
            if (!rewrite.before.isEmpty() && !rewrite.after.isEmpty())
                ex.rewrite.push_back(std::move(rewrite));
        });
    }

    bool readRule(const QJsonObject &o, const QStringList &path, Rule &r)
    {
        static const QRegularExpression idPattern(u"^[a-z0-9]+([.-][a-z0-9]+)*$"_s);
        const size_t before = m_problems.size();
        r.id = o.value(u"id"_s).toString();
        const QString what = r.id.isEmpty() ? u"rule %1"_s.arg(path.constLast().toInt() + 1) : u"rule \"%1\""_s.arg(r.id);
        if (!o.value(u"id"_s).isString() || !idPattern.match(r.id).hasMatch())
            problem(path + QStringList{u"id"_s},
                    u"%1: \"id\" must be lower-case words joined by dots or hyphens, such as \"label.arsonist\""_s.arg(what));
        unknownMembers(o, kRuleMembers, path, what);

        const QString category = requiredString(o, u"category"_s, path, what);
        if (!category.isEmpty() && (!categoryFromId(category, &r.category) || r.category == Category::Spelling))
            problem(path + QStringList{u"category"_s}, u"%1: unknown category \"%2\" (see docs/rule-pack.md)"_s.arg(what, category));
        const QString severity = requiredString(o, u"severity"_s, path, what);
        if (!severity.isEmpty() && !severityFromId(severity, &r.severity))
            problem(path + QStringList{u"severity"_s}, u"%1: \"severity\" must be info, warning or error"_s.arg(what));

        if (o.contains(u"detector"_s)) {
            const QJsonValue d = o.value(u"detector"_s);
            if (!d.isString() || !detectorFromId(d.toString(), &r.detector))
                problem(path + QStringList{u"detector"_s},
                        u"%1: unknown \"detector\" (abbreviation, section-reference, scare-quotes)"_s.arg(what));
            if (o.contains(u"patterns"_s))
                problem(path + QStringList{u"patterns"_s},
                        u"%1: a rule has \"patterns\" or a \"detector\", not both; make two rules"_s.arg(what));
        } else if (!o.contains(u"patterns"_s))
            problem(path, u"%1: \"patterns\" is missing"_s.arg(what));
        else {
            r.patterns = stringList(o.value(u"patterns"_s), path + QStringList{u"patterns"_s}, what, true);
            if (o.value(u"patterns"_s).toArray().isEmpty())
                problem(path + QStringList{u"patterns"_s}, u"%1: \"patterns\" needs at least one pattern"_s.arg(what));
        }
        if (o.contains(u"exceptions"_s))
            r.exceptions = stringList(o.value(u"exceptions"_s), path + QStringList{u"exceptions"_s}, what, true);
        if (o.contains(u"skip_when"_s)) {
            r.skipWhen = 0;
            const QStringList names = stringList(o.value(u"skip_when"_s), path + QStringList{u"skip_when"_s}, what, false);
            for (const QString &n : names) {
                ContextFlag f;
                if (contextFromId(n, &f))
                    r.skipWhen |= f;
                else
                    problem(path + QStringList{u"skip_when"_s},
                            u"%1: unknown context \"%2\" (%3)"_s.arg(what, n, contextIds(0xFFFF).join(u", "_s)));
            }
        }
        if (o.contains(u"other_senses"_s))
            readOtherSenses(o.value(u"other_senses"_s), path + QStringList{u"other_senses"_s}, what, r.otherSenses);
        if (o.contains(u"match_case"_s)) {
            if (!o.value(u"match_case"_s).isBool())
                problem(path + QStringList{u"match_case"_s}, u"%1: \"match_case\" must be true or false"_s.arg(what));
            r.matchCase = o.value(u"match_case"_s).toBool();
        }
        r.message = requiredString(o, u"message"_s, path, what);
        r.why = requiredString(o, u"why"_s, path, what);
        if (o.contains(u"alternatives"_s))
            r.alternatives = stringList(o.value(u"alternatives"_s), path + QStringList{u"alternatives"_s}, what, false);
        if (o.contains(u"question"_s)) {
            if (!o.value(u"question"_s).isString())
                problem(path + QStringList{u"question"_s}, u"%1: \"question\" must be a string"_s.arg(what));
            r.question = o.value(u"question"_s).toString();
        }
        if (r.alternatives.isEmpty() && r.question.trimmed().isEmpty())
            problem(path, u"%1: give \"alternatives\", a \"question\", or both"_s.arg(what));
        readSource(o, path, what, r.source);
        if (o.contains(u"examples"_s))
            readExamples(o.value(u"examples"_s), path, what, r.examples);
        if (o.contains(u"reason"_s))
            r.reason = requiredString(o, u"reason"_s, path, what);

        r.sourceText = r.source.display();
        r.file = m_path;
        if (r.line <= 0)
            r.line = json::locate(m_bytes, path).line;
        return m_problems.size() == before;
    }

    // "other_senses": {"subjects": [...], "before": [...], "after": [...], "window": 3}
    void readOtherSenses(const QJsonValue &v, const QStringList &path, const QString &what, OtherSenses &senses)
    {
        if (!v.isObject()) {
            problem(path, u"%1: \"other_senses\" must be an object with \"subjects\", \"before\" or \"after\" lists"_s.arg(what));
            return;
        }
        const QJsonObject o = v.toObject();
        unknownMembers(o, {u"subjects"_s, u"before"_s, u"after"_s, u"window"_s}, path, what + u" other_senses"_s);
        for (const auto &[key, list] : {std::pair{u"subjects"_s, &senses.subjects}, std::pair{u"before"_s, &senses.before},
                                        std::pair{u"after"_s, &senses.after}})
            if (o.contains(key))
                *list = stringList(o.value(key), path + QStringList{key}, what, true);
        if (o.contains(u"window"_s)) {
            const QJsonValue w = o.value(u"window"_s);
            if (!w.isDouble() || w.toDouble() != double(w.toInt()) || w.toInt() < 1 || w.toInt() > 8)
                problem(path + QStringList{u"window"_s}, u"%1: \"window\" must be a whole number of words from 1 to 8"_s.arg(what));
            else
                senses.window = w.toInt();
        }
        if (senses.isEmpty())
            problem(path, u"%1: \"other_senses\" needs at least one phrase in \"subjects\", \"before\" or \"after\""_s.arg(what));
    }

    void readSource(const QJsonObject &o, const QStringList &rulePath, const QString &what, Source &s)
    {
        const QJsonValue v = o.value(u"source"_s);
        const QStringList path = rulePath + QStringList{u"source"_s};
        if (v.isUndefined()) {
            problem(rulePath, u"%1: \"source\" is missing: every rule names the published guidance it rests on"_s.arg(what));
            return;
        }
        if (!v.isObject()) {
            problem(path, u"%1: \"source\" must be an object with title, publisher, year and url"_s.arg(what));
            return;
        }
        const QJsonObject so = v.toObject();
        const QString sw = what + u" source"_s;
        unknownMembers(so, kSourceMembers, path, sw);
        s.title = requiredString(so, u"title"_s, path, sw);
        s.publisher = requiredString(so, u"publisher"_s, path, sw);
        s.url = requiredString(so, u"url"_s, path, sw);
        if (!s.url.isEmpty() && !s.url.startsWith(u"https://"_s) && !s.url.startsWith(u"http://"_s))
            problem(path + QStringList{u"url"_s}, u"%1: \"url\" must start with https:// or http://"_s.arg(sw));
        const QJsonValue year = so.value(u"year"_s);
        if (year.isUndefined())
            problem(path, u"%1: \"year\" is missing (use null when the source is undated)"_s.arg(sw));
        else if (!year.isNull() && (!year.isDouble() || year.toDouble() != double(year.toInt()) || year.toInt() < 1900 || year.toInt() > 2100))
            problem(path + QStringList{u"year"_s}, u"%1: \"year\" must be a year such as 2022, or null"_s.arg(sw));
        else
            s.year = year.isNull() ? 0 : year.toInt();
    }

    void readLanguage(const QJsonObject &root, Language &lang)
    {
        QStringList allowed{u"kind"_s, u"version"_s, u"$schema"_s, u"description"_s, u"derivations"_s, u"families"_s};
        for (const auto &l : kLanguageLists)
            allowed << l.member;
        unknownMembers(root, allowed, {}, u"language file"_s);
        for (const auto &l : kLanguageLists)
            if (root.contains(l.member))
                lang.*(l.list) += stringList(root.value(l.member), {l.member}, u"language file"_s, l.phrases);
        if (root.contains(u"derivations"_s))
            readDerivations(root.value(u"derivations"_s), lang);
        if (root.contains(u"families"_s))
            readFamilies(root.value(u"families"_s), lang);
    }

    // True when s is one plain word: letters, and apostrophes or hyphens between them ("" when allowEmpty).
    static bool isPlainWord(const QString &s, bool allowEmpty)
    {
        if (s.isEmpty())
            return allowEmpty;
        for (QChar c : s)
            if (!c.isLetter() && !c.isMark() && c != u'\'' && c != u'-')
                return false;
        return true;
    }

    // "derivations": [{"ending": "ive", "forms": ["ively", "ion"]}, …]
    void readDerivations(const QJsonValue &v, Language &lang)
    {
        const QString what = u"language file"_s;
        if (!v.isArray()) {
            problem({u"derivations"_s}, u"%1: \"derivations\" must be a list of {\"ending\", \"forms\"} objects"_s.arg(what));
            return;
        }
        const QJsonArray a = v.toArray();
        for (qsizetype i = 0; i < a.size(); ++i) {
            const QStringList path{u"derivations"_s, QString::number(i)};
            if (!a[i].isObject()) {
                problem(path, u"%1: each derivation must be an object {\"ending\": \"ive\", \"forms\": [\"ively\", \"ion\"]}"_s.arg(what));
                continue;
            }
            const QJsonObject o = a[i].toObject();
            unknownMembers(o, {u"ending"_s, u"forms"_s}, path, u"derivation"_s);
            Derivation d;
            if (!o.value(u"ending"_s).isString() || !isPlainWord(o.value(u"ending"_s).toString(), true)) {
                problem(path + QStringList{u"ending"_s},
                        u"derivation: \"ending\" must be a word ending such as \"ive\", or \"\" for every word"_s);
                continue;
            }
            d.ending = o.value(u"ending"_s).toString();
            const QStringList forms = stringList(o.value(u"forms"_s), path + QStringList{u"forms"_s}, u"derivation"_s, false);
            for (qsizetype f = 0; f < forms.size(); ++f) {
                if (!isPlainWord(forms[f], false))
                    problem(path + QStringList{u"forms"_s, QString::number(f)},
                            u"derivation: form \"%1\" must be letters only (an ending such as \"ively\")"_s.arg(forms[f]));
                else
                    d.forms << forms[f];
            }
            if (d.forms.isEmpty())
                problem(path, u"derivation: \"forms\" needs at least one form"_s);
            else
                lang.derivations.push_back(std::move(d));
        }
    }

    // "families": [["angry", "anger", "angrily"], …]
    void readFamilies(const QJsonValue &v, Language &lang)
    {
        if (!v.isArray()) {
            problem({u"families"_s}, u"language file: \"families\" must be a list of lists of words"_s);
            return;
        }
        const QJsonArray a = v.toArray();
        for (qsizetype i = 0; i < a.size(); ++i) {
            const QStringList path{u"families"_s, QString::number(i)};
            const QStringList words = stringList(a[i], path, u"family"_s, false);
            bool ok = words.size() >= 2;
            if (!ok)
                problem(path, u"family: a family needs at least two words"_s);
            for (qsizetype w = 0; w < words.size(); ++w) {
                if (!isPlainWord(words[w], false) || words[w].startsWith(u'-') || words[w].endsWith(u'-')) {
                    problem(path + QStringList{QString::number(w)}, u"family: \"%1\" must be one word"_s.arg(words[w]));
                    ok = false;
                }
            }
            if (ok)
                lang.families.push_back(words);
        }
    }

    QString m_path;
    QByteArray m_bytes;
    PackProblems &m_problems;
    std::vector<std::pair<QStringList, QString>> *m_paths; // when not null, each problem with its JSON path
};

} // namespace

Result<RuleExamples::Flag, QString> parseMarkedExample(const QString &written)
{
    RuleExamples::Flag f;
    f.written = written;
    qsizetype open = -1;
    for (const QChar c : written) {
        if (c == u'«') {
            if (open >= 0)
                return QString(u"a « opens inside another «…»; mark each flagged phrase once"_s);
            open = f.text.size();
        } else if (c == u'»') {
            if (open < 0)
                return QString(u"a » closes a mark that was never opened with «"_s);
            if (f.text.size() == open)
                return QString(u"«» marks nothing; put the flagged words between « and »"_s);
            f.spans.emplace_back(open, f.text.size() - open);
            open = -1;
        } else {
            f.text += c;
        }
    }
    if (open >= 0)
        return QString(u"a « is never closed with »"_s);
    if (f.spans.empty())
        return QString(u"mark the words the rule must flag «like this»"_s);
    return f;
}

namespace {

// Reads every *.json in dir, in name order.
DirectoryPack readDirectory(const QString &dir, PackProblems &problems)
{
    DirectoryPack pack;
    const QFileInfo info(dir);
    if (!info.exists()) {
        problems.push_back({dir, 0, 0, u"the rule pack directory does not exist"_s});
        return pack;
    }
    if (!info.isDir()) {
        problems.push_back({dir, 0, 0, u"is not a directory: give the directory that holds the rule files"_s});
        return pack;
    }
    const QDir d(dir);
    if (!info.isReadable()) {
        problems.push_back({dir, 0, 0, u"the directory cannot be read (check its permissions)"_s});
        return pack;
    }
    const QStringList files = d.entryList({u"*.json"_s}, QDir::Files, QDir::Name);
    if (files.isEmpty())
        problems.push_back({dir, 0, 0, u"holds no .json rule files"_s});
    bool sawLanguage = false;
    bool sawInfo = false;
    for (const QString &name : files) {
        const QString path = d.filePath(name);
        auto bytes = io::readFile(path, {kMaxRuleFileBytes, u"a rule-pack file"_s, {}});
        if (!bytes) {
            problems.push_back({path, 0, 0, bytes.error().message()});
            continue;
        }
        FileReader(path, std::move(*bytes), problems).read(pack, sawLanguage, sawInfo);
    }
    // Duplicate ids inside one directory are a mistake, not an override, even when a copy has other
    // problems of its own.
    QHash<QString, const DirectoryPack::IdSite *> seen;
    for (const DirectoryPack::IdSite &site : pack.ids) {
        if (const DirectoryPack::IdSite *other = seen.value(site.id)) {
            problems.push_back({site.file, site.line, 1,
                                u"rule \"%1\" is defined twice (also at %2:%3)"_s.arg(site.id, other->file, QString::number(other->line))});
        } else {
            seen.insert(site.id, &site);
        }
    }
    return pack;
}

} // namespace

Rule readRuleObject(const QJsonObject &rule, std::vector<std::pair<QStringList, QString>> &problems)
{
    const QByteArray bytes = QJsonDocument(QJsonObject{{u"kind"_s, u"rules"_s}, {u"version"_s, 1}, {u"rules"_s, QJsonArray{rule}}})
                                 .toJson(QJsonDocument::Indented);
    PackProblems located;
    DirectoryPack pack;
    bool language = false, info = false;
    FileReader(u"rule"_s, bytes, located, &problems).read(pack, language, info);
    for (auto &[path, message] : problems)
        path = path.mid(2); // "rules", "0"
    return pack.rules.empty() ? Rule() : pack.rules.front();
}

Result<PackDirectory, PackProblems> readPackDirectory(const QString &dir)
{
    PackProblems problems;
    PackDirectory pack = readDirectory(dir, problems);
    if (!problems.empty())
        return problems;
    return pack;
}

Result<RulePack, PackProblems> loadRulePack(const QString &organisationDir)
{
    // The built-in pack is the same for the life of the program: read and checked once (a fuzzer or a
    // test loads organisation packs many times over it).
    struct BuiltIn { DirectoryPack pack; PackProblems problems; };
    static const BuiltIn cached = [] {
        BuiltIn b;
        b.pack = readDirectory(builtInPackDirectory(), b.problems);
        return b;
    }();
    PackProblems problems = cached.problems;
    DirectoryPack builtIn = cached.pack;
    RulePack pack;
    pack.rules = std::move(builtIn.rules);
    pack.language = std::move(builtIn.language);
    pack.info = std::move(builtIn.info);
    if (!builtIn.disables.empty())
        problems.push_back({builtIn.disables.front().file, builtIn.disables.front().pos.line,
                            builtIn.disables.front().pos.column, u"the built-in pack may not disable rules"_s});

    if (!organisationDir.isEmpty()) {
        DirectoryPack org = readDirectory(organisationDir, problems);
        pack.organisationInfo = std::move(org.info);
        for (Rule &r : org.rules) {
            auto it = std::find_if(pack.rules.begin(), pack.rules.end(), [&](const Rule &b) { return b.id == r.id; });
            if (it != pack.rules.end()) {
                r.origin = RuleOrigin::Replaced;
                *it = std::move(r);
            } else {
                r.origin = RuleOrigin::Added;
                pack.rules.push_back(std::move(r));
            }
        }
        for (const auto &d : org.disables) {
            auto it = std::find_if(pack.rules.begin(), pack.rules.end(), [&](const Rule &b) { return b.id == d.id; });
            if (it == pack.rules.end())
                problems.push_back({d.file, d.pos.line, d.pos.column,
                                    u"cannot disable \"%1\": there is no rule with that id (see fairnote-cli rules list)"_s.arg(d.id)});
            else {
                pack.disabled.push_back({d.id, d.reason, it->message, it->category, d.file, d.pos.line});
                pack.rules.erase(it);
            }
        }
        std::sort(pack.disabled.begin(), pack.disabled.end(), [](const DisabledRule &a, const DisabledRule &b) { return a.id < b.id; });
        pack.language.append(org.language);
    }
    // Word families are known only now that every language file is read: expand each pattern again
    // with them, so a family that makes a pattern too large is reported here, not dropped by the checker.
    if (problems.empty()) {
        const Morphology morphology(pack.language);
        if (!morphology.isEmpty()) {
            for (const Rule &r : pack.rules) {
                for (const QStringList *list : {&r.patterns, &r.exceptions, &r.otherSenses.subjects,
                                                &r.otherSenses.before, &r.otherSenses.after})
                    for (const QString &p : *list)
                        if (p.contains(u'^'))
                            if (auto e = countPattern(p, &morphology); !e)
                                problems.push_back({r.file, r.line, 1, u"rule \"%1\": pattern \"%2\": %3"_s.arg(r.id, p, e.error())});
            }
        }
    }
    if (!problems.empty())
        return problems;
    std::sort(pack.rules.begin(), pack.rules.end(), [](const Rule &a, const Rule &b) { return a.id < b.id; });
    return pack;
}

// ---- rule.h helpers -----------------------------------------------------------------------

namespace {
constexpr std::array<std::pair<ContextFlag, QStringView>, 9> kContexts{{
    {SkipQuoted, u"quoted"}, {SkipNegated, u"negated"}, {SkipName, u"name"}, {SkipSourced, u"sourced"}, {SkipDated, u"dated"},
    {SkipExplained, u"explained"}, {SkipAboutThing, u"about-thing"}, {SkipDefined, u"defined"},
    {SkipCounted, u"counted"},
}};
constexpr std::array<std::pair<Detector, QStringView>, 3> kDetectors{{
    {Detector::Abbreviation, u"abbreviation"}, {Detector::SectionReference, u"section-reference"},
    {Detector::ScareQuotes, u"scare-quotes"},
}};
} // namespace

QStringList contextIds(quint16 flags)
{
    QStringList out;
    for (const auto &[flag, id] : kContexts)
        if (flags & flag)
            out << id.toString();
    return out;
}

QString contextId(ContextFlag f)
{
    for (const auto &[flag, id] : kContexts)
        if (flag == f)
            return id.toString();
    return {};
}

bool contextFromId(QStringView id, ContextFlag *out)
{
    for (const auto &[flag, name] : kContexts) {
        if (name == id) {
            *out = flag;
            return true;
        }
    }
    return false;
}

QString detectorId(Detector d)
{
    for (const auto &[detector, id] : kDetectors)
        if (detector == d)
            return id.toString();
    return {};
}

bool detectorFromId(QStringView id, Detector *out)
{
    for (const auto &[detector, name] : kDetectors) {
        if (name == id) {
            *out = detector;
            return true;
        }
    }
    return false;
}

QString Source::display() const
{
    QString s = title + u", "_s + publisher;
    if (year > 0)
        s += u", "_s + QString::number(year);
    return s + u". "_s + url;
}

void Language::append(const Language &o)
{
    for (const auto &l : kLanguageLists)
        this->*(l.list) += o.*(l.list);
    derivations.insert(derivations.end(), o.derivations.begin(), o.derivations.end());
    families.insert(families.end(), o.families.begin(), o.families.end());
}

const Rule *RulePack::find(QStringView id) const
{
    const auto it = std::lower_bound(rules.begin(), rules.end(), id, [](const Rule &r, QStringView i) { return r.id < i; });
    return (it != rules.end() && it->id == id) ? &*it : nullptr;
}

} // namespace fairnote::wording
