// SPDX-FileCopyrightText: 2026 Fairnote contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// A rule's examples as tests: flagged where marked, left alone where they should be, rewrites that pass.
#include "wording/examplecheck.h"

#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <algorithm>

using namespace Qt::StringLiterals;

namespace fairnote::wording {

namespace {

ExampleOutcome outcome(ExampleOutcome::Kind kind, int index, const QString &text, int line)
{
    ExampleOutcome o;
    o.kind = kind;
    o.index = index;
    o.text = text;
    o.line = line;
    return o;
}

QString quoted(QStringView text) { return u"“"_s + text.toString() + u"”"_s; }

// The findings of one rule, as (offset, length).
std::vector<std::pair<qsizetype, qsizetype>> spansOf(const std::vector<Finding> &findings, const QString &ruleId)
{
    std::vector<std::pair<qsizetype, qsizetype>> out;
    for (const Finding &f : findings)
        if (f.ruleId == ruleId)
            out.emplace_back(f.offset, f.length);
    return out;
}

// "rule “judgement.lazy” flags “lazy”" for the first finding in `findings`.
QString flaggedBy(const QString &text, const std::vector<Finding> &findings)
{
    const Finding &f = findings.front();
    QString s = u"rule “%1” flags %2"_s.arg(f.ruleId, quoted(QStringView(text).sliced(f.offset, f.length)));
    if (findings.size() > 1)
        s += findings.size() == 2 ? u" (and one more finding)"_s : u" (and %1 more findings)"_s.arg(findings.size() - 1);
    return s;
}

ExampleOutcome runFlag(const Checker &checker, const Rule &rule, const RuleExamples::Flag &ex, int index)
{
    ExampleOutcome o = outcome(ExampleOutcome::Flag, index, ex.text, ex.line);
    const auto got = spansOf(checker.check(ex.text), rule.id);
    QStringList missing, extra;
    for (const auto &span : ex.spans)
        if (std::find(got.begin(), got.end(), span) == got.end())
            missing << quoted(QStringView(ex.text).sliced(span.first, span.second));
    for (const auto &span : got)
        if (std::find(ex.spans.begin(), ex.spans.end(), span) == ex.spans.end())
            extra << quoted(QStringView(ex.text).sliced(span.first, span.second));
    if (!missing.isEmpty() && got.empty())
        o.problem = u"the rule does not flag %1 in it"_s.arg(missing.join(u", "_s));
    else if (!missing.isEmpty())
        o.problem = u"marked %1 but the rule flags %2"_s.arg(missing.join(u", "_s), extra.isEmpty() ? u"other words"_s : extra.join(u", "_s));
    else if (!extra.isEmpty())
        o.problem = u"the rule also flags %1, which is not marked; mark it «like this» or change the sentence"_s.arg(extra.join(u", "_s));
    o.ok = o.problem.isEmpty();
    return o;
}

ExampleOutcome runLeave(const Checker &checker, const Rule &rule, const RuleExamples::Leave &ex, int index)
{
    ExampleOutcome o = outcome(ExampleOutcome::Leave, index, ex.text, ex.line);
    const std::vector<Finding> findings = checker.check(ex.text);
    if (const auto own = spansOf(findings, rule.id); !own.empty()) {
        o.problem = u"the rule flags %1 in it; a \"leave\" example is one the rule must leave alone (quoted, negated, "
                    u"sourced, another sense)"_s.arg(quoted(QStringView(ex.text).sliced(own.front().first, own.front().second)));
        return o;
    }
    bool matched = false;
    for (const Considered &c : checker.consider(ex.text)) {
        if (c.ruleId != rule.id)
            continue;
        matched = true;
        if (c.leftAlone != LeftAlone::No) {
            o.leftAlone = c.leftAlone;
            break;
        }
    }
    if (!matched) {
        o.problem = u"the rule's patterns match nothing in it, so it tests nothing: use the rule's words in a context "
                    u"it leaves alone (quoted, negated, sourced, another sense)"_s;
        return o;
    }
    if (!findings.empty()) {
        o.problem = flaggedBy(ex.text, findings) + u" in it; an example of what to leave alone should pass the whole check"_s;
        return o;
    }
    o.ok = true;
    return o;
}

// The line an example is written on: the first line from the rule's own that holds it as a JSON
// string. Looked up only for an example that fails, so loading a pack never pays for it.
int exampleLine(const Rule &rule, const ExampleOutcome &o)
{
    if (o.line > 0)
        return o.line;
    QString written = o.text;
    if (o.kind == ExampleOutcome::Flag && size_t(o.index) < rule.examples.flag.size())
        written = rule.examples.flag[size_t(o.index)].written;
    QFile f(rule.file);
    if (written.isEmpty() || !f.open(QIODevice::ReadOnly))
        return rule.line;
    const QByteArray wrapped = QJsonDocument(QJsonArray{written}).toJson(QJsonDocument::Compact);
    const QByteArray needle = wrapped.mid(1, wrapped.size() - 2);
    const QList<QByteArray> lines = f.readAll().split('\n');
    for (qsizetype i = std::max(0, rule.line - 1); i < lines.size(); ++i)
        if (lines[i].contains(needle))
            return int(i + 1);
    return rule.line;
}

} // namespace

std::vector<ExampleOutcome> runExamples(const Checker &checker, const Rule &rule)
{
    std::vector<ExampleOutcome> out;
    for (size_t i = 0; i < rule.examples.flag.size(); ++i)
        out.push_back(runFlag(checker, rule, rule.examples.flag[i], int(i)));
    for (size_t i = 0; i < rule.examples.leave.size(); ++i)
        out.push_back(runLeave(checker, rule, rule.examples.leave[i], int(i)));
    for (size_t i = 0; i < rule.examples.rewrite.size(); ++i) {
        const RuleExamples::Rewrite &rw = rule.examples.rewrite[i];
        ExampleOutcome before = outcome(ExampleOutcome::RewriteBefore, int(i), rw.before, rw.line);
        if (spansOf(checker.check(rw.before), rule.id).empty())
            before.problem = u"the rule does not flag the \"before\" text; show a note with the words the rule looks for"_s;
        before.ok = before.problem.isEmpty();
        out.push_back(std::move(before));
        ExampleOutcome after = outcome(ExampleOutcome::RewriteAfter, int(i), rw.after, rw.line);
        if (const std::vector<Finding> findings = checker.check(rw.after); !findings.empty())
            after.problem = flaggedBy(rw.after, findings) + u" in the \"after\" text; the rewrite should pass the whole check"_s;
        after.ok = after.problem.isEmpty();
        out.push_back(std::move(after));
    }
    return out;
}

QString exampleName(const ExampleOutcome &o)
{
    switch (o.kind) {
    case ExampleOutcome::Flag: return u"flag example %1"_s.arg(o.index + 1);
    case ExampleOutcome::Leave: return u"leave example %1"_s.arg(o.index + 1);
    case ExampleOutcome::RewriteBefore: return u"rewrite %1 (before)"_s.arg(o.index + 1);
    case ExampleOutcome::RewriteAfter: return u"rewrite %1 (after)"_s.arg(o.index + 1);
    }
    return {};
}

PackProblems validatePack(const Checker &checker, const ValidationOptions &options)
{
    PackProblems problems;
    const RulePack &pack = checker.pack();
    bool organisation = !pack.organisationInfo.isEmpty() || !pack.disabled.empty();
    for (const Rule &rule : pack.rules) {
        const bool fromOrganisation = rule.origin != RuleOrigin::BuiltIn;
        organisation = organisation || fromOrganisation;
        const QString what = u"rule \"%1\""_s.arg(rule.id);
        if (fromOrganisation || options.builtInRulesNeedExamples) {
            QStringList missing;
            if (rule.examples.flag.empty())
                missing << u"a \"flag\" example (a sentence it must flag, the words marked «like this»)"_s;
            if (rule.examples.leave.empty())
                missing << u"a \"leave\" example (its words in a sentence it must leave alone)"_s;
            if (rule.examples.rewrite.empty())
                missing << u"a \"rewrite\" (a note before and after)"_s;
            if (!missing.isEmpty())
                problems.push_back({rule.file, rule.line, 0, u"%1 needs %2 in \"examples\""_s.arg(what, missing.join(u", "_s))});
        }
        if (rule.origin == RuleOrigin::Replaced && rule.reason.trimmed().isEmpty())
            problems.push_back({rule.file, rule.line, 0,
                                u"%1 changes a built-in rule: say why in \"reason\" (it is shown in your edition of the guide)"_s.arg(what)});
        for (const ExampleOutcome &o : runExamples(checker, rule))
            if (!o.ok)
                problems.push_back({rule.file, exampleLine(rule, o), 0, u"%1, %2 %3: %4"_s.arg(what, exampleName(o), quoted(o.text), o.problem)});
    }
    for (const DisabledRule &d : pack.disabled)
        if (d.reason.trimmed().isEmpty())
            problems.push_back({d.file, d.line, 0,
                                u"turning off “%1” needs a reason: write {\"id\": \"%1\", \"reason\": \"…\"} (it is shown in your edition of the guide)"_s.arg(d.id)});
    if (organisation && pack.organisationInfo.isEmpty()) {
        QString dir;
        for (const Rule &r : pack.rules)
            if (r.origin != RuleOrigin::BuiltIn)
                dir = QFileInfo(r.file).path();
        if (dir.isEmpty() && !pack.disabled.empty())
            dir = QFileInfo(pack.disabled.front().file).path();
        problems.push_back({dir, 0, 0,
                            u"has no pack.json: a pack names its title, version, date and authors (see docs/rule-pack.md, "
                            u"\"Pack description\")"_s});
    }
    return problems;
}

} // namespace fairnote::wording
