// SPDX-FileCopyrightText: 2026 Fairnote contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// Comparing two pack directories member by member, and saying what changed in plain words.
#include "wording/packdiff.h"

#include <QHash>
#include <map>

using namespace Qt::StringLiterals;

namespace fairnote::wording {

namespace {

QString q(const QString &s) { return u"“"_s + s + u"”"_s; }

QString joinQuoted(const QStringList &items)
{
    QStringList out;
    for (const QString &i : items)
        out << q(i);
    return out.join(u", "_s);
}

// "patterns: added “x”; removed “y”"
void listChange(const QString &name, const QStringList &before, const QStringList &after, QStringList &details)
{
    QStringList added, removed;
    for (const QString &s : after)
        if (!before.contains(s))
            added << s;
    for (const QString &s : before)
        if (!after.contains(s))
            removed << s;
    QStringList parts;
    if (!added.isEmpty())
        parts << u"added %1"_s.arg(joinQuoted(added));
    if (!removed.isEmpty())
        parts << u"removed %1"_s.arg(joinQuoted(removed));
    if (parts.isEmpty() && before != after)
        parts << u"put in a new order"_s;
    if (!parts.isEmpty())
        details << u"%1: %2"_s.arg(name, parts.join(u"; "_s));
}

void textChange(const QString &name, const QString &before, const QString &after, QStringList &details)
{
    if (before == after)
        return;
    if (before.isEmpty())
        details << u"%1 added: %2"_s.arg(name, q(after));
    else if (after.isEmpty())
        details << u"%1 removed (was %2)"_s.arg(name, q(before));
    else
        details << u"%1 changed from %2 to %3"_s.arg(name, q(before), q(after));
}

QStringList skipNames(quint16 skip)
{
    return contextIds(skip);
}

QStringList exampleTexts(const RuleExamples &e)
{
    QStringList out;
    for (const auto &f : e.flag)
        out << u"flag: "_s + f.written;
    for (const auto &l : e.leave)
        out << u"leave: "_s + l.text;
    for (const auto &r : e.rewrite)
        out << u"rewrite: "_s + r.before + u" → "_s + r.after;
    return out;
}

QStringList ruleDetails(const Rule &a, const Rule &b)
{
    QStringList d;
    if (a.category != b.category)
        d << u"category changed from %1 to %2"_s.arg(q(categoryTitle(a.category)), q(categoryTitle(b.category)));
    if (a.severity != b.severity)
        d << u"severity changed from %1 to %2"_s.arg(severityId(a.severity), severityId(b.severity));
    if (a.detector != b.detector)
        d << u"detector changed from %1 to %2"_s.arg(a.detector == Detector::None ? u"none"_s : detectorId(a.detector),
                                                     b.detector == Detector::None ? u"none"_s : detectorId(b.detector));
    listChange(u"patterns"_s, a.patterns, b.patterns, d);
    listChange(u"exceptions"_s, a.exceptions, b.exceptions, d);
    listChange(u"left alone when"_s, skipNames(a.skipWhen), skipNames(b.skipWhen), d);
    listChange(u"other senses: subjects"_s, a.otherSenses.subjects, b.otherSenses.subjects, d);
    listChange(u"other senses: words before"_s, a.otherSenses.before, b.otherSenses.before, d);
    listChange(u"other senses: words after"_s, a.otherSenses.after, b.otherSenses.after, d);
    if (a.otherSenses.window != b.otherSenses.window)
        d << u"other senses: window changed from %1 to %2 words"_s.arg(a.otherSenses.window).arg(b.otherSenses.window);
    if (a.matchCase != b.matchCase)
        d << (b.matchCase ? u"now matches only its exact capitals"_s : u"now matches any capitals"_s);
    textChange(u"message"_s, a.message, b.message, d);
    textChange(u"why"_s, a.why, b.why, d);
    listChange(u"alternatives"_s, a.alternatives, b.alternatives, d);
    textChange(u"question"_s, a.question, b.question, d);
    textChange(u"source"_s, a.sourceText, b.sourceText, d);
    listChange(u"examples"_s, exampleTexts(a.examples), exampleTexts(b.examples), d);
    textChange(u"reason for the change"_s, a.reason, b.reason, d);
    return d;
}

struct LanguageListName { QStringList Language::*list; QString name; };
const std::vector<LanguageListName> kLanguageNames{
    {&Language::negationCues, u"negation cues"_s}, {&Language::negationSuffixes, u"negation suffixes"_s},
    {&Language::negationPrefixes, u"negation prefixes"_s}, {&Language::pseudoNegations, u"pseudo-negations"_s},
    {&Language::clauseBreakers, u"clause breakers"_s}, {&Language::clauseSubjects, u"clause subjects"_s},
    {&Language::subjectVerbs, u"subject verbs"_s}, {&Language::listJoiners, u"list joiners"_s},
    {&Language::honorifics, u"honorifics"_s}, {&Language::sourceCues, u"source cues"_s},
    {&Language::sourceBreakers, u"source breakers"_s}, {&Language::reasonCues, u"reason cues"_s},
    {&Language::months, u"months"_s}, {&Language::dateWords, u"date words"_s},
    {&Language::protectedNames, u"protected names"_s},
    {&Language::personWords, u"person words"_s}, {&Language::thingWords, u"thing words"_s},
    {&Language::linkingWords, u"linking words"_s}, {&Language::determiners, u"determiners"_s},
};

} // namespace

std::vector<PackChange> diffPacks(const PackDirectory &before, const PackDirectory &after)
{
    std::vector<PackChange> out;
    {
        QStringList d;
        const PackInfo &a = before.info, &b = after.info;
        if (a.version != b.version)
            d << u"version %1 → %2"_s.arg(a.version ? QString::number(a.version) : u"(none)"_s,
                                          b.version ? QString::number(b.version) : u"(none)"_s);
        textChange(u"title"_s, a.title, b.title, d);
        textChange(u"organisation"_s, a.organisation, b.organisation, d);
        textChange(u"date"_s, a.date.toString(Qt::ISODate), b.date.toString(Qt::ISODate), d);
        listChange(u"authors"_s, a.authors, b.authors, d);
        if (!d.isEmpty())
            out.push_back({PackChange::Pack, {}, u"Pack description"_s, d});
    }
    std::map<QString, const Rule *> a, b;
    for (const Rule &r : before.rules)
        a[r.id] = &r;
    for (const Rule &r : after.rules)
        b[r.id] = &r;
    std::map<QString, PackChange> byId;
    for (const auto &[id, r] : b) {
        const auto it = a.find(id);
        if (it == a.end())
            byId[id] = {PackChange::Added, id, u"Added %1 (%2): %3"_s.arg(q(id), categoryTitle(r->category), r->message), {}};
        else if (QStringList d = ruleDetails(*it->second, *r); !d.isEmpty())
            byId[id] = {PackChange::Changed, id, u"Changed %1"_s.arg(q(id)), d};
    }
    for (const auto &[id, r] : a)
        if (!b.count(id))
            byId[id] = {PackChange::Removed, id, u"Removed %1 (%2): %3"_s.arg(q(id), categoryTitle(r->category), r->message), {}};
    QHash<QString, QString> offBefore, offAfter;
    for (const auto &d : before.disables)
        offBefore.insert(d.id, d.reason);
    for (const auto &d : after.disables)
        offAfter.insert(d.id, d.reason);
    for (auto it = offAfter.constBegin(); it != offAfter.constEnd(); ++it) {
        if (!offBefore.contains(it.key()))
            byId[it.key() + u"\x01"_s] = {PackChange::TurnedOff, it.key(),
                                         u"Turned off %1%2"_s.arg(q(it.key()), it.value().isEmpty() ? QString() : u": "_s + it.value()), {}};
        else if (offBefore.value(it.key()) != it.value())
            byId[it.key() + u"\x01"_s] = {PackChange::TurnedOff, it.key(), u"Changed the reason for turning off %1"_s.arg(q(it.key())),
                                         {u"reason changed from %1 to %2"_s.arg(q(offBefore.value(it.key())), q(it.value()))}};
    }
    for (auto it = offBefore.constBegin(); it != offBefore.constEnd(); ++it)
        if (!offAfter.contains(it.key()))
            byId[it.key() + u"\x01"_s] = {PackChange::TurnedOn, it.key(), u"Turned %1 back on"_s.arg(q(it.key())), {}};
    for (auto &[key, change] : byId)
        out.push_back(std::move(change));
    QStringList lang;
    for (const auto &l : kLanguageNames)
        listChange(l.name, before.language.*(l.list), after.language.*(l.list), lang);
    if (!lang.isEmpty())
        out.push_back({PackChange::Language, {}, u"Language file"_s, lang});
    return out;
}

QStringList describeChanges(const std::vector<PackChange> &changes)
{
    QStringList lines;
    for (const PackChange &c : changes) {
        lines << c.summary;
        for (const QString &d : c.details)
            lines << u"    "_s + d;
    }
    return lines;
}

} // namespace fairnote::wording
