// SPDX-FileCopyrightText: 2026 Fairnote contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// Rule packs: the built-in pack is complete and well formed; broken packs are refused with
// file:line:column; an organisation's pack adds, replaces and disables rules.
#include "testsupport.h"
#include "wording/rulepack.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSet>
#include <QTemporaryDir>

using namespace Qt::StringLiterals;
using namespace fairnote;
using namespace fairnote::wording;

TEST_CASE("the built-in pack loads with at least 120 rules", "[rulepack]")
{
    const auto pack = loadRulePack();
    if (!pack)
        for (const auto &p : pack.error())
            UNSCOPED_INFO(p.toString().toStdString());
    REQUIRE(pack.ok());
    CHECK(pack->rules.size() >= 120);
}

TEST_CASE("every built-in rule says why, suggests or asks, and cites a published source", "[rulepack]")
{
    const auto &pack = testing::builtInChecker()->pack();
    QSet<QString> ids;
    for (const Rule &r : pack.rules) {
        INFO(r.id.toStdString());
        CHECK_FALSE(ids.contains(r.id));
        ids.insert(r.id);
        CHECK_FALSE(r.message.trimmed().isEmpty());
        CHECK(r.why.size() >= 20);
        CHECK((!r.alternatives.isEmpty() || !r.question.isEmpty()));
        CHECK_FALSE(r.source.title.isEmpty());
        CHECK_FALSE(r.source.publisher.isEmpty());
        CHECK(r.source.url.startsWith(u"http"_s));
    }
}

TEST_CASE("the built-in pack covers every category the issue names", "[rulepack]")
{
    const auto &pack = testing::builtInChecker()->pack();
    QMap<Category, int> counts;
    for (const Rule &r : pack.rules)
        counts[r.category]++;
    for (Category c : {Category::Label, Category::Judgement, Category::VagueHistory, Category::Slang, Category::Speculation,
                       Category::ReportingVerb, Category::Medicalising, Category::Overgeneralisation,
                       Category::Intensifier, Category::Jargon, Category::Refusal, Category::Identity,
                       Category::Legal, Category::Vague}) {
        INFO(categoryId(c).toStdString());
        CHECK(counts.value(c) >= 2);
    }
}

TEST_CASE("the rule-pack schema names exactly the members the loader accepts", "[rulepack][schema]")
{
    QFile f(u":/fairnote/schema/rule-pack.schema.json"_s);
    REQUIRE(f.open(QIODevice::ReadOnly));
    QJsonParseError err;
    const auto doc = QJsonDocument::fromJson(f.readAll(), &err);
    REQUIRE(err.error == QJsonParseError::NoError);
    const QJsonObject rule = doc.object()[u"$defs"_s].toObject()[u"rule"_s].toObject();
    QStringList props = rule[u"properties"_s].toObject().keys();
    props.sort();
    QStringList expected{u"id"_s, u"category"_s, u"severity"_s, u"patterns"_s, u"detector"_s, u"exceptions"_s, u"skip_when"_s,
                         u"other_senses"_s, u"match_case"_s, u"message"_s, u"why"_s, u"alternatives"_s, u"question"_s, u"source"_s,
                         u"examples"_s, u"reason"_s};
    expected.sort();
    CHECK(props == expected);
    CHECK(rule[u"additionalProperties"_s].toBool(true) == false);
    QStringList categories;
    for (const auto &v : rule[u"properties"_s].toObject()[u"category"_s].toObject()[u"enum"_s].toArray())
        categories << v.toString();
    for (int c = 0; c < int(Category::Spelling); ++c)
        CHECK(categories.contains(categoryId(Category(c))));
}

TEST_CASE("every language list in the schema is accepted by the loader", "[rulepack][schema]")
{
    QFile f(u":/fairnote/schema/rule-pack.schema.json"_s);
    REQUIRE(f.open(QIODevice::ReadOnly));
    const QJsonObject language = QJsonDocument::fromJson(f.readAll()).object()[u"$defs"_s].toObject()[u"languageFile"_s].toObject();
    QStringList lists = language[u"properties"_s].toObject().keys();
    for (const QString &m : {u"$schema"_s, u"description"_s, u"kind"_s, u"version"_s})
        lists.removeAll(m);
    // The two lists of objects and lists, not of phrases.
    for (const QString &m : {u"derivations"_s, u"families"_s})
        CHECK(lists.removeAll(m) == 1);
    for (const QString &m : {u"clause_subjects"_s, u"subject_verbs"_s, u"list_joiners"_s, u"negation_prefixes"_s})
        CHECK(lists.contains(m));
    QTemporaryDir dir;
    QJsonObject file{{u"kind"_s, u"language"_s}, {u"version"_s, 1}};
    for (const QString &m : lists)
        file[m] = QJsonArray{u"wibble"_s};
    QFile out(dir.filePath(u"language.json"_s));
    REQUIRE(out.open(QIODevice::WriteOnly));
    out.write(QJsonDocument(file).toJson());
    out.close();
    const auto pack = loadRulePack(dir.path());
    if (!pack)
        for (const auto &p : pack.error())
            UNSCOPED_INFO(p.toString().toStdString());
    CHECK(pack.ok());
}

TEST_CASE("a broken organisation pack is refused with file, line, column and the problem", "[rulepack][errors]")
{
    const QDir cases(QStringLiteral(FAIRNOTE_TEST_DATA "/rulepacks"));
    const QStringList names = cases.entryList(QDir::Dirs | QDir::NoDotAndDotDot);
    REQUIRE(names.size() >= 10);
    for (const QString &name : names) {
        INFO(name.toStdString());
        QFile expectedFile(cases.filePath(name + u"/expected-error.txt"_s));
        REQUIRE(expectedFile.open(QIODevice::ReadOnly));
        const QString expected = QString::fromUtf8(expectedFile.readAll()).trimmed();
        const QString dir = cases.filePath(name);
        const auto pack = loadRulePack(dir);
        REQUIRE_FALSE(pack.ok());
        QStringList got;
        for (const auto &p : pack.error())
            got << p.toString().replace(dir + u'/', QString());
        INFO(got.join(u'\n').toStdString());
        CHECK(std::any_of(got.begin(), got.end(), [&](const QString &g) { return g.contains(expected); }));
    }
}

TEST_CASE("a missing or empty organisation directory is an error, not a silent no-op", "[rulepack][errors]")
{
    const auto missing = loadRulePack(u"/nonexistent/fairnote-rules"_s);
    REQUIRE_FALSE(missing.ok());
    CHECK(missing.error().front().message.contains(u"does not exist"_s));

    QTemporaryDir empty;
    const auto none = loadRulePack(empty.path());
    REQUIRE_FALSE(none.ok());
    CHECK(none.error().front().message.contains(u"no .json"_s));
}

TEST_CASE("an organisation pack adds, replaces and disables rules by id", "[rulepack]")
{
    const auto &builtIn = testing::builtInChecker()->pack();
    REQUIRE(builtIn.rules.size() > 2);
    const QString replaced = builtIn.rules[0].id;
    const QString disabled = builtIn.rules[1].id;

    QTemporaryDir dir;
    const QJsonObject source{{u"title"_s, u"Local guide"_s}, {u"publisher"_s, u"Our service"_s}, {u"year"_s, 2026},
                             {u"url"_s, u"https://example.org/guide"_s}};
    const QJsonObject replacement{{u"id"_s, replaced}, {u"category"_s, u"jargon"_s}, {u"severity"_s, u"info"_s},
                                  {u"patterns"_s, QJsonArray{u"frobnicate~"_s}}, {u"message"_s, u"local message"_s},
                                  {u"why"_s, u"Our readers do not know this word."_s}, {u"question"_s, u"What happened?"_s},
                                  {u"source"_s, source}};
    QJsonObject added = replacement;
    added[u"id"_s] = u"local.wibble"_s;
    added[u"patterns"_s] = QJsonArray{u"wibble"_s};
    const QJsonObject file{{u"kind"_s, u"rules"_s}, {u"version"_s, 1}, {u"rules"_s, QJsonArray{replacement, added}},
                           {u"disable"_s, QJsonArray{disabled}}};
    QFile f(dir.filePath(u"local.json"_s));
    REQUIRE(f.open(QIODevice::WriteOnly));
    f.write(QJsonDocument(file).toJson());
    f.close();

    const auto pack = loadRulePack(dir.path());
    REQUIRE(pack.ok());
    CHECK(pack->rules.size() == builtIn.rules.size()); // one replaced, one added, one disabled
    REQUIRE(pack->find(replaced));
    CHECK(pack->find(replaced)->message == u"local message"_s);
    CHECK(pack->find(disabled) == nullptr);
    REQUIRE(pack->find(u"local.wibble"));

    const wording::Checker checker(*pack);
    const auto findings = checker.check(u"They frobnicated the wibble."_s);
    REQUIRE(findings.size() == 2);
    CHECK(findings[0].ruleId == replaced);
    CHECK(findings[1].ruleId == u"local.wibble"_s);
}

TEST_CASE("an organisation's derivations and families reach its rules' word^ patterns", "[rulepack][family]")
{
    QTemporaryDir dir;
    const QJsonObject language{{u"kind"_s, u"language"_s}, {u"version"_s, 1},
                               {u"derivations"_s, QJsonArray{QJsonObject{{u"ending"_s, u"ent"_s}, {u"forms"_s, QJsonArray{u"ence"_s, u"ently"_s}}}}},
                               {u"families"_s, QJsonArray{QJsonArray{u"wobbly"_s, u"wobble"_s}}}};
    const QJsonObject source{{u"title"_s, u"Local guide"_s}, {u"publisher"_s, u"Our service"_s}, {u"year"_s, 2026},
                             {u"url"_s, u"https://example.org/guide"_s}};
    const QJsonObject rule{{u"id"_s, u"local.belligerent"_s}, {u"category"_s, u"judgement"_s}, {u"severity"_s, u"warning"_s},
                           {u"patterns"_s, QJsonArray{u"belligerent^"_s, u"wobbly^"_s}}, {u"exceptions"_s, QJsonArray{u"wobble board"_s}},
                           {u"message"_s, u"A judgement."_s}, {u"why"_s, u"It judges."_s}, {u"question"_s, u"What happened?"_s},
                           {u"source"_s, source}};
    for (const auto &[name, object] : {std::pair{u"language.json"_s, language},
                                       std::pair{u"local.json"_s, QJsonObject{{u"kind"_s, u"rules"_s}, {u"version"_s, 1}, {u"rules"_s, QJsonArray{rule}}}}}) {
        QFile f(dir.filePath(name));
        REQUIRE(f.open(QIODevice::WriteOnly));
        f.write(QJsonDocument(object).toJson());
    }
    const auto pack = loadRulePack(dir.path());
    if (!pack)
        for (const auto &p : pack.error())
            UNSCOPED_INFO(p.toString().toStdString());
    REQUIRE(pack.ok());
    const wording::Checker checker(*pack);
    const QString text = u"His belligerence grew. He spoke belligerently. He wobbled. We used a wobble board."_s;
    const auto findings = checker.check(text);
    QStringList local;
    for (const auto &f : findings)
        if (f.ruleId == u"local.belligerent")
            local << text.sliced(f.offset, f.length);
    CHECK(local == QStringList{u"belligerence"_s, u"belligerently"_s, u"wobbled"_s});
}

TEST_CASE("a family that makes a pattern too large is refused when the pack loads", "[rulepack][family][errors]")
{
    QTemporaryDir dir;
    QJsonArray forms;
    for (int i = 0; i < 40; ++i)
        forms.append(QString(u"x%1"_s.arg(QChar(u'a' + i % 26)) + QString(i / 26 + 1, u'q')));
    const QJsonObject language{{u"kind"_s, u"language"_s}, {u"version"_s, 1},
                               {u"derivations"_s, QJsonArray{QJsonObject{{u"ending"_s, u""_s}, {u"forms"_s, forms}}}}};
    const QJsonObject source{{u"title"_s, u"Local guide"_s}, {u"publisher"_s, u"Our service"_s}, {u"year"_s, 2026},
                             {u"url"_s, u"https://example.org/guide"_s}};
    const QJsonObject rule{{u"id"_s, u"local.big"_s}, {u"category"_s, u"judgement"_s}, {u"severity"_s, u"warning"_s},
                           {u"patterns"_s, QJsonArray{u"(one|two|three)? wobble^ wibble^"_s}}, {u"message"_s, u"A judgement."_s},
                           {u"why"_s, u"It judges."_s}, {u"question"_s, u"What happened?"_s}, {u"source"_s, source}};
    for (const auto &[name, object] : {std::pair{u"language.json"_s, language},
                                       std::pair{u"local.json"_s, QJsonObject{{u"kind"_s, u"rules"_s}, {u"version"_s, 1}, {u"rules"_s, QJsonArray{rule}}}}}) {
        QFile f(dir.filePath(name));
        REQUIRE(f.open(QIODevice::WriteOnly));
        f.write(QJsonDocument(object).toJson());
    }
    const auto pack = loadRulePack(dir.path());
    REQUIRE_FALSE(pack.ok());
    INFO(pack.error().front().toString().toStdString());
    CHECK(pack.error().front().toString().contains(u"local.json:"_s));
    CHECK(pack.error().front().message.contains(u"more than"_s));
}
