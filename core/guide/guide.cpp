// SPDX-FileCopyrightText: 2026 Fairnote contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// Building the guide: the community's pages, the record's questions, every rule with its examples.
#include "guide/guide.h"

#include "guide/markdown.h"
#include "record/assess.h"
#include "record/describe.h"
#include "wording/examplecheck.h"

#include <QDir>
#include <QFile>
#include <QLocale>
#include <algorithm>
#include <array>
#include <map>
#include <optional>
#include <set>

using namespace Qt::StringLiterals;

namespace fairnote::guide {

namespace {

constexpr std::array kCategoryOrder{Category::Label,       Category::Judgement,     Category::VagueHistory, Category::Legal,
                                    Category::Speculation, Category::ReportingVerb, Category::Refusal,      Category::Slang,
                                    Category::Vague,       Category::Overgeneralisation, Category::Intensifier,
                                    Category::Medicalising, Category::Identity,    Category::Jargon};

QString longDate(const QDate &d) { return d.isValid() ? QLocale(QLocale::English, QLocale::UnitedKingdom).toString(d, u"d MMMM yyyy"_s) : QString(); }

// A page of the guide: the organisation's own copy when it has one, else the built-in page.
// The page's text, or nothing with `error` set.
std::optional<QString> readPage(const QString &name, const QString &organisationDir, QString &error, bool optional = false)
{
    QString path = u":/fairnote/guide/en-GB/%1.md"_s.arg(name);
    if (!organisationDir.isEmpty() && QFile::exists(QDir(organisationDir).filePath(u"guide/%1.md"_s.arg(name))))
        path = QDir(organisationDir).filePath(u"guide/%1.md"_s.arg(name));
    else if (optional && !QFile::exists(path))
        return QString();
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly)) {
        error = u"%1: the guide's page cannot be read (%2)"_s.arg(path, f.errorString());
        return std::nullopt;
    }
    return QString::fromUtf8(f.readAll());
}

Section pageSection(const QString &id, const MarkdownPage &page)
{
    Section s = section(id, 2, page.title);
    s.blocks = page.intro;
    for (const auto &part : page.parts) {
        s.blocks.push_back(block(Block::Heading, {}, {part.title, true}));
        s.blocks.insert(s.blocks.end(), part.blocks.begin(), part.blocks.end());
    }
    return s;
}

QString organisationName(const wording::RulePack &pack)
{
    if (!pack.organisationInfo.organisation.isEmpty())
        return pack.organisationInfo.organisation;
    if (!pack.organisationInfo.title.isEmpty())
        return pack.organisationInfo.title;
    return u"your organisation"_s;
}

// The questions of the incident record, asked of an empty incident, by section.
Section factsSection(const MarkdownPage &page)
{
    Section s = section(u"facts"_s, 2, page.title);
    s.blocks = page.intro;
    record::CaseFile file;
    file.person.name = u"Example"_s;
    record::Entry entry;
    entry.id = u"example"_s;
    entry.author.name = u"Example"_s;
    entry.writtenAt = QDateTime(QDate(2026, 1, 1), QTime(12, 0), Qt::UTC);
    entry.body = record::IncidentRecord{};
    file.entries.push_back(entry);
    const record::Assessment a = record::assess(file, entry.writtenAt, {});
    std::map<QString, const record::Prompt *> byField;
    for (const record::Prompt &p : a.prompts)
        byField.emplace(p.field.mid(QStringLiteral("/entries/0").size()), &p);
    QString section;
    std::vector<std::pair<QString, QString>> pairs;
    auto flush = [&] {
        if (!pairs.empty()) {
            s.blocks.push_back(block(Block::Heading, {}, {section}));
            Block d = block(Block::Definitions);
            d.pairs = std::move(pairs);
            s.blocks.push_back(std::move(d));
        }
        pairs.clear();
    };
    std::set<QString> used;
    for (const record::FieldText &f : record::describeFields(entry)) {
        // The field's own prompt, or the prompt of a part of it ("/event_date/precision" for "/event_date").
        auto it = byField.find(f.pointer);
        if (it == byField.end())
            it = std::find_if(byField.begin(), byField.end(), [&](const auto &p) { return p.first.startsWith(f.pointer + u'/'); });
        if (it == byField.end() || used.count(it->first))
            continue;
        if (f.section != section) {
            flush();
            section = f.section;
        }
        pairs.emplace_back(f.label, it->second->question);
        used.insert(it->first);
    }
    flush();
    // Questions with no field of their own in the list above (the safety factors, the person's account).
    for (const record::Prompt &p : a.prompts) {
        const QString field = p.field.mid(QStringLiteral("/entries/0").size());
        if (used.count(field))
            continue;
        used.insert(field);
        pairs.emplace_back(p.message.section(u" has not been answered"_s, 0, 0).section(u" is empty"_s, 0, 0), p.question);
    }
    if (!pairs.empty()) {
        section = u"Also asked"_s;
        flush();
    }
    return s;
}

QString sourceLine(const wording::Source &src)
{
    QString s = src.title + u", "_s + src.publisher;
    if (src.year > 0)
        s += u", "_s + QString::number(src.year);
    return s;
}

void ruleBlocks(const wording::Checker &checker, const wording::Rule &rule, Section &s)
{
    s.blocks.push_back(block(Block::Paragraph, {}, {rule.message}));
    s.blocks.push_back(block(Block::Labelled, u"Why it matters"_s, {rule.why}));
    if (!rule.alternatives.isEmpty()) {
        Block b = block(Block::Bullets, u"Write instead"_s);
        for (const QString &alt : rule.alternatives)
            b.items.push_back({alt});
        s.blocks.push_back(std::move(b));
    }
    if (!rule.question.isEmpty())
        s.blocks.push_back(block(Block::Labelled, u"Ask yourself"_s, {rule.question}));
    const std::vector<wording::ExampleOutcome> outcomes = wording::runExamples(checker, rule);
    for (const auto &ex : rule.examples.flag) {
        Block b = block(Block::Flagged, u"Flagged"_s, {ex.text});
        b.spans = ex.spans;
        s.blocks.push_back(std::move(b));
    }
    for (const wording::ExampleOutcome &o : outcomes) {
        if (o.kind != wording::ExampleOutcome::Leave)
            continue;
        const QString why = wording::leftAloneReason(o.leftAlone);
        s.blocks.push_back(block(Block::Labelled, why.isEmpty() ? u"Left alone"_s : u"Left alone (%1)"_s.arg(why), {o.text}));
    }
    for (const auto &rw : rule.examples.rewrite) {
        Block b = block(Block::Rewrite, {}, {rw.before});
        b.detail = rw.after;
        s.blocks.push_back(std::move(b));
    }
    Block src = block(Block::Labelled, u"Source"_s, {sourceLine(rule.source)});
    src.detail = rule.source.url;
    s.blocks.push_back(std::move(src));
    s.blocks.push_back(block(Block::Labelled, u"Rule"_s, {rule.id}));
}

// "(an)? arsonist~" → "arsonist"; "(set|sets|setting) fire~" → "set fire".
QString readablePattern(const QString &pattern)
{
    QStringList words;
    for (QString w : pattern.split(u' ', Qt::SkipEmptyParts)) {
        if (w.endsWith(u'?'))
            continue;
        if (w.startsWith(u'('))
            w = w.mid(1, w.indexOf(u'|') > 0 ? w.indexOf(u'|') - 1 : w.size() - 2);
        w.remove(u'~').remove(u'*').remove(u')');
        words << w;
    }
    return words.join(u' ');
}

} // namespace

QString ruleAnchor(const QString &ruleId) { return u"rule-"_s + ruleId; }
QString categoryAnchor(const QString &categoryId) { return u"category-"_s + categoryId; }

QString ruleTerm(const wording::Rule &rule)
{
    const qsizetype open = rule.message.indexOf(u'“');
    const qsizetype close = rule.message.indexOf(u'”', open + 1);
    if (open >= 0 && close > open + 1 && open < 40)
        return rule.message.mid(open + 1, close - open - 1);
    if (!rule.examples.flag.empty()) {
        const auto &f = rule.examples.flag.front();
        return f.text.mid(f.spans.front().first, f.spans.front().second);
    }
    return rule.id;
}

Result<GuideDocument, QString> buildGuide(const wording::Checker &checker, const GuideOptions &options)
{
    const wording::RulePack &pack = checker.pack();
    const bool organisation = !pack.organisationInfo.isEmpty() || !pack.disabled.empty()
        || std::any_of(pack.rules.begin(), pack.rules.end(), [](const wording::Rule &r) { return r.origin != wording::RuleOrigin::BuiltIn; });
    const QString org = organisationName(pack);

    GuideDocument doc;
    doc.title = u"Recording fire-setting incidents fairly — a good-practice guide"_s;
    doc.edition = organisation ? u"%1 edition"_s.arg(org) : u"Built-in edition"_s;
    auto aboutLines = [](const wording::PackInfo &info, const QString &who) {
        QStringList lines;
        if (info.isEmpty())
            return lines;
        lines << u"%1 version %2%3"_s.arg(who, QString::number(info.version),
                                         info.date.isValid() ? u", " + longDate(info.date) : QString());
        if (!info.authors.isEmpty())
            lines << u"Written by %1"_s.arg(info.authors.join(u", "_s));
        return lines;
    };
    doc.about << aboutLines(pack.info, u"Fairnote's rules,"_s);
    if (organisation)
        doc.about << aboutLines(pack.organisationInfo, org + u"'s rules,"_s);

    auto page = [&](const QString &name, bool optional = false) -> Result<MarkdownPage, QString> {
        QString error;
        const auto text = readPage(name, options.organisationDir, error, optional);
        if (!text)
            return error;
        return parseMarkdown(*text);
    };

    if (organisation) {
        auto foreword = page(u"foreword"_s, true);
        if (!foreword)
            return foreword.error();
        if (!foreword->title.isEmpty() || !foreword->intro.empty())
            doc.sections.push_back(pageSection(u"foreword"_s, *foreword));
        if (!doc.sections.empty() && doc.sections.back().title.isEmpty())
            doc.sections.back().title = u"Foreword from %1"_s.arg(org);
    }
    for (const QString &name : {u"why"_s, u"how-to-use"_s}) {
        auto p = page(name);
        if (!p)
            return p.error();
        doc.sections.push_back(pageSection(name, *p));
    }

    if (options.sinceVersion > 0) {
        Section s = section(u"changes"_s, 2, u"What changed since version %1"_s.arg(options.sinceVersion));
        auto changes = [&](const wording::PackInfo &info, const QString &who) {
            for (const auto &c : info.changes) {
                if (c.version <= options.sinceVersion)
                    continue;
                s.blocks.push_back(block(Block::Heading, {},
                                    {u"%1 version %2%3"_s.arg(who, QString::number(c.version),
                                                              c.date.isValid() ? u" (" + longDate(c.date) + u")" : QString())}));
                Block b = block(Block::Bullets);
                for (const QString &line : c.changes)
                    b.items.push_back({line});
                s.blocks.push_back(std::move(b));
            }
        };
        changes(pack.info, u"Fairnote's rules,"_s);
        if (organisation)
            changes(pack.organisationInfo, org + u"'s rules,"_s);
        if (s.blocks.empty())
            s.blocks.push_back(block(Block::Paragraph, {}, {u"Nothing has changed since version %1."_s.arg(options.sinceVersion)}));
        doc.sections.push_back(std::move(s));
    }

    auto facts = page(u"facts"_s);
    if (!facts)
        return facts.error();
    doc.sections.push_back(factsSection(*facts));

    auto categories = page(u"categories"_s);
    if (!categories)
        return categories.error();
    for (Category c : kCategoryOrder) {
        std::vector<const wording::Rule *> rules;
        for (const wording::Rule &r : pack.rules)
            if (r.category == c)
                rules.push_back(&r);
        if (rules.empty())
            continue;
        std::stable_sort(rules.begin(), rules.end(), [](const wording::Rule *a, const wording::Rule *b) {
            return a->severity != b->severity ? a->severity > b->severity : ruleTerm(*a).compare(ruleTerm(*b), Qt::CaseInsensitive) < 0;
        });
        Section cs = section(categoryAnchor(categoryId(c)), 2, categoryTitle(c));
        cs.newPage = true;
        for (const auto &part : categories->parts)
            if (part.title == categoryId(c))
                cs.blocks = part.blocks;
        cs.blocks.push_back(block(Block::Paragraph, {}, {rules.size() == 1 ? u"1 rule."_s : u"%1 rules."_s.arg(rules.size())}));
        doc.sections.push_back(std::move(cs));
        for (const wording::Rule *r : rules) {
            Section rs = section(ruleAnchor(r->id), 3, u"“%1”"_s.arg(ruleTerm(*r)));
            rs.inContents = false;
            if (r->origin == wording::RuleOrigin::Added)
                rs.badge = u"Added by %1"_s.arg(org);
            else if (r->origin == wording::RuleOrigin::Replaced)
                rs.badge = u"Changed by %1"_s.arg(org);
            if (r->origin == wording::RuleOrigin::Replaced && !r->reason.isEmpty())
                rs.blocks.push_back(block(Block::Labelled, u"Why %1 changed it"_s.arg(org), {r->reason}));
            ruleBlocks(checker, *r, rs);
            doc.sections.push_back(std::move(rs));
        }
    }

    if (!pack.disabled.empty()) {
        Section s = section(u"turned-off"_s, 2, u"Rules %1 turned off"_s.arg(org));
        s.newPage = true;
        s.blocks.push_back(block(Block::Paragraph, {}, {u"These built-in rules are not checked in this edition, for the reasons given."_s}));
        Block d = block(Block::Definitions);
        for (const wording::DisabledRule &r : pack.disabled)
            d.pairs.emplace_back(u"%1 (%2)"_s.arg(r.id, categoryTitle(r.category)),
                                 r.message + u" Reason: "_s + (r.reason.isEmpty() ? u"none given."_s : r.reason));
        s.blocks.push_back(std::move(d));
        doc.sections.push_back(std::move(s));
    }

    {
        auto glossary = page(u"glossary"_s);
        if (!glossary)
            return glossary.error();
        Section s = section(u"glossary"_s, 2, glossary->title);
        s.newPage = true;
        s.blocks = glossary->intro;
        Block d = block(Block::Definitions);
        std::vector<std::pair<QString, QString>> pairs;
        for (const wording::Rule &r : pack.rules) {
            if (r.category != Category::Jargon)
                continue;
            QStringList terms;
            // Shorthand: abbreviations written in capitals (DNA, MAPPA, S21), not plain-English jargon.
            for (const QString &p : r.patterns)
                if (const QString t = readablePattern(p); !t.isEmpty() && t == t.toUpper() && t.front().isLetter()
                    && !terms.contains(t, Qt::CaseInsensitive))
                    terms << t;
            if (terms.isEmpty())
                continue;
            const QString meaning = r.alternatives.isEmpty() ? r.question : r.alternatives.join(u"; "_s);
            pairs.emplace_back(terms.join(u", "_s), meaning);
        }
        std::sort(pairs.begin(), pairs.end(), [](const auto &a, const auto &b) { return a.first.compare(b.first, Qt::CaseInsensitive) < 0; });
        d.pairs = std::move(pairs);
        s.blocks.push_back(std::move(d));
        doc.sections.push_back(std::move(s));
    }

    {
        Section s = section(u"sources"_s, 2, u"Sources"_s);
        s.blocks.push_back(block(Block::Paragraph, {}, {u"The published guidance the rules rest on, and how many rules cite each."_s}));
        std::map<QString, std::pair<const wording::Source *, int>> sources;
        for (const wording::Rule &r : pack.rules) {
            auto &entry = sources[sourceLine(r.source).toLower() + r.source.url];
            entry.first = &r.source;
            ++entry.second;
        }
        for (const auto &[key, value] : sources) {
            Block b = block(Block::Labelled, value.second == 1 ? u"1 rule"_s : u"%1 rules"_s.arg(value.second), {sourceLine(*value.first)});
            b.detail = value.first->url;
            s.blocks.push_back(std::move(b));
        }
        doc.sections.push_back(std::move(s));
    }

    {
        Section s = section(u"about"_s, 2, u"About this guide"_s);
        s.blocks.push_back(block(Block::Paragraph, {}, {u"This guide is generated by Fairnote from the rule pack its wording check uses, so the "
                                                   u"two never disagree. It covers %1 rules."_s.arg(pack.rules.size())}));
        auto history = [&](const wording::PackInfo &info, const QString &who) {
            if (info.isEmpty())
                return;
            s.blocks.push_back(block(Block::Heading, {}, {who}));
            Block d = block(Block::Definitions);
            d.pairs.emplace_back(u"Version"_s, QString::number(info.version));
            if (info.date.isValid())
                d.pairs.emplace_back(u"Date"_s, longDate(info.date));
            d.pairs.emplace_back(u"Authors"_s, info.authors.join(u", "_s));
            if (!info.description.isEmpty())
                d.pairs.emplace_back(u"About"_s, info.description);
            for (const auto &c : info.changes)
                d.pairs.emplace_back(u"Version %1%2"_s.arg(QString::number(c.version), c.date.isValid() ? u", " + longDate(c.date) : QString()),
                                     c.changes.join(u" "_s));
            s.blocks.push_back(std::move(d));
        };
        history(pack.info, pack.info.title.isEmpty() ? u"Fairnote's rules"_s : pack.info.title);
        if (organisation)
            history(pack.organisationInfo, pack.organisationInfo.title.isEmpty() ? org : pack.organisationInfo.title);
        doc.sections.push_back(std::move(s));
    }
    return doc;
}

} // namespace fairnote::guide
