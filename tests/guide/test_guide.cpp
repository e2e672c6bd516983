// SPDX-FileCopyrightText: 2026 Fairnote contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// The rules' examples as tests, what a pack must pass to be shared, rules diff, pack bundles, and the
// good-practice guide generated from a pack (golden output for a small pack; an organisation's edition).
#include "guide/guide.h"
#include "guide/markdown.h"
#include "guide/render.h"
#include "testsupport.h"
#include "wording/examplecheck.h"
#include "wording/packbundle.h"
#include "wording/packdiff.h"
#include "wording/rulepack.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>

using namespace Qt::StringLiterals;
using namespace fairnote;
using namespace fairnote::wording;

namespace {

const QString kData = QStringLiteral(FAIRNOTE_TEST_DATA);

// A pack directory read on its own, with the built-in language file for the context functions.
std::unique_ptr<Checker> standaloneChecker(const QString &dir)
{
    auto read = readPackDirectory(dir);
    REQUIRE(read.ok());
    RulePack pack;
    pack.rules = read->rules;
    std::sort(pack.rules.begin(), pack.rules.end(), [](const Rule &a, const Rule &b) { return a.id < b.id; });
    pack.language = testing::builtInChecker()->pack().language;
    pack.info = read->info;
    return std::make_unique<Checker>(std::move(pack));
}

QString readAll(const QString &path)
{
    QFile f(path);
    REQUIRE(f.open(QIODevice::ReadOnly));
    return QString::fromUtf8(f.readAll());
}

// Compares with a golden file; FAIRNOTE_UPDATE_GOLDEN=1 rewrites it (review the diff before committing).
void checkGolden(const QString &got, const QString &path)
{
    if (qEnvironmentVariableIntValue("FAIRNOTE_UPDATE_GOLDEN") == 1) {
        QFile f(path);
        REQUIRE(f.open(QIODevice::WriteOnly));
        f.write(got.toUtf8());
    }
    CHECK(got == readAll(path));
}

QString problemsText(const PackProblems &problems)
{
    QStringList lines;
    for (const auto &p : problems)
        lines << p.toString();
    return lines.join(u'\n');
}

} // namespace

TEST_CASE("a flag example marks its spans with « and »", "[examples]")
{
    const auto f = parseMarkedExample(u"He is a «known arsonist» and «aggressive»."_s);
    REQUIRE(f.ok());
    CHECK(f->text == u"He is a known arsonist and aggressive."_s);
    REQUIRE(f->spans.size() == 2);
    CHECK(f->text.mid(f->spans[0].first, f->spans[0].second) == u"known arsonist"_s);
    CHECK(f->text.mid(f->spans[1].first, f->spans[1].second) == u"aggressive"_s);
    CHECK(parseMarkedExample(u"no marks"_s).error().contains(u"«like this»"_s));
    CHECK(parseMarkedExample(u"«open"_s).error().contains(u"never closed"_s));
    CHECK(parseMarkedExample(u"close»"_s).error().contains(u"never opened"_s));
    CHECK(parseMarkedExample(u"«a «b»»"_s).error().contains(u"inside another"_s));
    CHECK(parseMarkedExample(u"«»"_s).error().contains(u"marks nothing"_s));
}

TEST_CASE("the small pack's examples behave: flagged where marked, left alone for a reason, rewrites pass", "[examples]")
{
    const auto checker = standaloneChecker(kData + u"/guide/small-pack"_s);
    for (const Rule &r : checker->pack().rules) {
        INFO(r.id.toStdString());
        const auto outcomes = runExamples(*checker, r);
        CHECK(outcomes.size() == 4);
        for (const auto &o : outcomes) {
            INFO(exampleName(o).toStdString() + ": " + o.problem.toStdString());
            CHECK(o.ok);
        }
    }
    const Rule *dna = checker->pack().find(u"small.dna");
    const auto leave = runExamples(*checker, *dna)[1];
    CHECK(leave.kind == ExampleOutcome::Leave);
    CHECK(leave.leftAlone == LeftAlone::LetterCase);
    const auto refused = runExamples(*checker, *checker->pack().find(u"small.refused"))[1];
    CHECK(refused.leftAlone == LeftAlone::Explained);
    const auto arsonist = runExamples(*checker, *checker->pack().find(u"small.arsonist"))[1];
    CHECK(arsonist.leftAlone == LeftAlone::Quoted);
    CHECK(validatePack(*checker).empty());
}

TEST_CASE("an example that does not behave fails, naming the rule and the example", "[examples][errors]")
{
    auto read = readPackDirectory(kData + u"/guide/small-pack"_s);
    REQUIRE(read.ok());
    RulePack pack;
    pack.rules = read->rules;
    pack.language = testing::builtInChecker()->pack().language;
    std::sort(pack.rules.begin(), pack.rules.end(), [](const Rule &a, const Rule &b) { return a.id < b.id; });
    Rule &arsonist = pack.rules[0];
    REQUIRE(arsonist.id == u"small.arsonist");
    // Marked words the rule does not flag; a leave example it flags; a leave example with none of its
    // words; an "after" that another rule flags.
    arsonist.examples.flag.push_back(*parseMarkedExample(u"He «set a fire» in the bin."_s));
    arsonist.examples.leave.push_back({u"He is an arsonist."_s, 9});
    arsonist.examples.leave.push_back({u"The weather was fine."_s, 10});
    arsonist.examples.rewrite.push_back({u"Arsonist."_s, u"He refused the room."_s, 11});
    const Checker checker(std::move(pack));
    const QString text = problemsText(validatePack(checker));
    INFO(text.toStdString());
    CHECK(text.contains(u"rule \"small.arsonist\", flag example 2 “He set a fire in the bin.”: the rule does not flag “set a fire” in it"_s));
    CHECK(text.contains(u"rule \"small.arsonist\", leave example 2 “He is an arsonist.”: the rule flags “an arsonist” in it"_s));
    CHECK(text.contains(u"leave example 3 “The weather was fine.”: the rule's patterns match nothing in it, so it tests nothing"_s));
    CHECK(text.contains(u"rewrite 2 (after) “He refused the room.”: rule “small.refused” flags “refused” in the \"after\" text"_s));
    CHECK(text.contains(u":9: error:"_s));
}

TEST_CASE("an extra finding of the rule in a flag example must be marked", "[examples][errors]")
{
    auto read = readPackDirectory(kData + u"/guide/small-pack"_s);
    REQUIRE(read.ok());
    RulePack pack;
    pack.rules = read->rules;
    pack.language = testing::builtInChecker()->pack().language;
    std::sort(pack.rules.begin(), pack.rules.end(), [](const Rule &a, const Rule &b) { return a.id < b.id; });
    pack.rules[0].examples.flag = {*parseMarkedExample(u"«An arsonist», they said, an arsonist."_s)};
    const Checker checker(std::move(pack));
    const auto outcome = runExamples(checker, checker.pack().rules[0])[0];
    CHECK_FALSE(outcome.ok);
    CHECK(outcome.problem.contains(u"also flags “an arsonist”, which is not marked"_s));
}

TEST_CASE("rules validate's cases: each organisation pack problem is named", "[examples][errors]")
{
    const QDir cases(kData + u"/packs"_s);
    for (const QString &name : cases.entryList(QDir::Dirs | QDir::NoDotAndDotDot)) {
        INFO(name.toStdString());
        auto pack = loadRulePack(cases.filePath(name));
        REQUIRE(pack.ok());
        const Checker checker(std::move(*pack));
        ValidationOptions options;
        options.builtInRulesNeedExamples = false;
        const QString got = problemsText(validatePack(checker, options));
        INFO(got.toStdString());
        if (name == u"good") {
            CHECK(got.isEmpty());
            continue;
        }
        CHECK(got.contains(readAll(cases.filePath(name + u"/expected-error.txt"_s)).trimmed()));
    }
}

TEST_CASE("an organisation's pack records where each rule comes from and why rules were turned off", "[rulepack]")
{
    auto pack = loadRulePack(kData + u"/packs/good"_s);
    REQUIRE(pack.ok());
    CHECK(pack->find(u"elm.mardy")->origin == RuleOrigin::Added);
    CHECK(pack->find(u"judgement.aggressive")->origin == RuleOrigin::Replaced);
    CHECK(pack->find(u"judgement.aggressive")->reason.contains(u"safeguarding lead"_s));
    CHECK(pack->find(u"label.arsonist")->origin == RuleOrigin::BuiltIn);
    REQUIRE(pack->disabled.size() == 1);
    CHECK(pack->disabled[0].id == u"intensifier.very");
    CHECK(pack->disabled[0].reason.contains(u"amounts"_s));
    CHECK(pack->organisationInfo.version == 2);
    CHECK(pack->organisationInfo.organisation == u"Elm House"_s);
    CHECK(pack->info.version >= 2); // the built-in pack's own pack.json
    CHECK_FALSE(pack->info.authors.isEmpty());
}

TEST_CASE("rules diff says what changed in words", "[diff]")
{
    auto before = readPackDirectory(kData + u"/packs/good"_s);
    REQUIRE(before.ok());
    PackDirectory after = *before;
    after.info.version = 3;
    after.info.authors << u"Alex Kim"_s;
    after.rules[0].message = u"“mardy” is slang."_s;
    after.rules[0].patterns << u"moody"_s;
    after.rules.erase(after.rules.begin() + 1);
    Rule added = before->rules[0];
    added.id = u"elm.gobby"_s;
    added.message = u"“gobby” is slang."_s;
    after.rules.push_back(added);
    after.disables.clear();
    after.disables.push_back({u"intensifier.really"_s, u"Not in our notes."_s, {}, {}});
    const QStringList lines = describeChanges(diffPacks(*before, after));
    const QString text = lines.join(u'\n');
    INFO(text.toStdString());
    CHECK(lines.front() == u"Pack description"_s);
    CHECK(text.contains(u"    version 2 → 3"_s));
    CHECK(text.contains(u"    authors: added “Alex Kim”"_s));
    CHECK(text.contains(u"Added “elm.gobby” (Slang): “gobby” is slang."_s));
    CHECK(text.contains(u"Removed “judgement.aggressive” (Judgements stated as fact)"_s));
    CHECK(text.contains(u"Changed “elm.mardy”\n    patterns: added “moody”\n    message changed from ““mardy” does not say what happened.” to ““mardy” is slang.”"_s));
    CHECK(text.contains(u"Turned off “intensifier.really”: Not in our notes."_s));
    CHECK(text.contains(u"Turned “intensifier.very” back on"_s));
    CHECK(diffPacks(*before, *before).empty());
}

TEST_CASE("a pack exported as one file imports into a new folder as the same pack", "[bundle]")
{
    auto bundle = bundlePack(kData + u"/packs/good"_s);
    REQUIRE(bundle.ok());
    QTemporaryDir temp;
    const QString target = temp.filePath(u"imported"_s);
    auto files = unbundlePack(*bundle, u"elm.fairnote-rules"_s, target);
    REQUIRE(files.ok());
    CHECK(*files == QStringList{u"local.json"_s, u"pack.json"_s});
    auto a = readPackDirectory(kData + u"/packs/good"_s);
    auto b = readPackDirectory(target);
    REQUIRE((a.ok() && b.ok()));
    CHECK(diffPacks(*a, *b).empty());
    // A second import into the same folder is refused, and what is there stays.
    auto again = unbundlePack(*bundle, u"elm.fairnote-rules"_s, target);
    REQUIRE_FALSE(again.ok());
    CHECK(again.error().front().message.contains(u"not an empty folder"_s));
    CHECK(readPackDirectory(target).ok());
}

TEST_CASE("a bundle that is not a pack, or holds a broken pack, is refused whole", "[bundle][errors]")
{
    QTemporaryDir temp;
    const QString target = temp.filePath(u"x"_s);
    CHECK(unbundlePack("not json", u"b"_s, target).error().front().message.contains(u"not a rule pack bundle"_s));
    CHECK(unbundlePack(R"({"kind": "fairnote-rule-pack-bundle", "version": 1, "files": [{"name": "../evil.json", "text": "{}"}]})", u"b"_s, target)
              .error().front().message.contains(u"plain names"_s));
    const auto broken = unbundlePack(
        R"({"kind": "fairnote-rule-pack-bundle", "version": 1, "files": [{"name": "local.json", "text": "{\"kind\": \"rules\", \"version\": 1, \"disable\": [\"no.such\"]}"}]})",
        u"b.fairnote-rules"_s, target);
    REQUIRE_FALSE(broken.ok());
    CHECK(problemsText(broken.error()).contains(u"b.fairnote-rules/local.json"_s));
    CHECK_FALSE(QFileInfo::exists(target));
    CHECK(QDir(temp.path()).entryList(QDir::AllEntries | QDir::NoDotAndDotDot | QDir::Hidden).isEmpty());
}

TEST_CASE("the guide's Markdown pages: headings, lists, quotes and inline marks", "[guide]")
{
    const auto page = guide::parseMarkdown(u"# Title\n\nA *first* para\ncontinued.\n\n- one\n- two\n  more\n\n> quoted\n\n## Part\n1. a\n2. b\n"_s);
    CHECK(page.title == u"Title"_s);
    REQUIRE(page.intro.size() == 3);
    CHECK(page.intro[0].text.text == u"A *first* para continued."_s);
    CHECK(page.intro[1].items.size() == 2);
    CHECK(page.intro[1].items[1].text == u"two more"_s);
    CHECK(page.intro[2].kind == guide::Block::Quote);
    REQUIRE(page.parts.size() == 1);
    CHECK(page.parts[0].blocks[0].kind == guide::Block::Numbered);
    CHECK(guide::inlineHtml(u"**b** *e* [x](https://e.org) [date] <&>"_s)
          == u"<strong>b</strong> <em>e</em> <a href=\"https://e.org\">x</a> [date] &lt;&amp;&gt;"_s);
}

TEST_CASE("the guide of a small pack: golden Markdown and HTML", "[guide]")
{
    const auto checker = standaloneChecker(kData + u"/guide/small-pack"_s);
    auto doc = guide::buildGuide(*checker, {1, {}});
    REQUIRE(doc.ok());
    checkGolden(guide::toMarkdown(*doc), kData + u"/guide/small-pack.md"_s);
    checkGolden(guide::toHtml(*doc), kData + u"/guide/small-pack.html"_s);
}

TEST_CASE("the guide says why, what instead, the examples and the source of every rule", "[guide]")
{
    const auto checker = standaloneChecker(kData + u"/guide/small-pack"_s);
    auto doc = guide::buildGuide(*checker, {2, {}});
    REQUIRE(doc.ok());
    const QString html = guide::toHtml(*doc);
    CHECK(html.contains(u"<h1>Recording fire-setting incidents fairly — a good-practice guide</h1>"_s));
    CHECK(html.contains(u"<main id=\"main\">"_s));
    CHECK(html.contains(u"<nav aria-labelledby=\"contents\">"_s));
    CHECK_FALSE(html.contains(u"<table"_s)); // no layout tables
    CHECK(html.contains(u"<h3 id=\"rule-small.arsonist\">“arsonist”</h3>"_s));
    CHECK(html.contains(u"Referral says he is a known <mark>arsonist</mark> and should not be placed."_s));
    CHECK(html.contains(u"<strong>Left alone (in quotation marks: someone's own words):</strong>"_s));
    CHECK(html.contains(u"<strong>Left alone (explained: the sentence gives the reason):</strong>"_s));
    CHECK(html.contains(u"<p><strong>After:</strong> Said no to the room at Elm House on 2 May 2024 because it had no cooker.</p>"_s));
    CHECK(html.contains(u"<strong>Source:</strong> Adult Deliberate Firesetting, Wiley, 2022 <a href=\"https://example.org/firesetting\">"_s));
    // The questions of the incident record, from core/record.
    CHECK(html.contains(u"<dt>Injury</dt>\n<dd>Was anyone hurt: no one, the person, someone else, or is it unknown?</dd>"_s));
    // The glossary holds the jargon rules; the sources list counts rules; the change log since version 2.
    CHECK(html.contains(u"<dt>DNA</dt>"_s));
    CHECK(html.contains(u"<strong>1 rule:</strong> Language Matters, NHS England, 2018"_s));
    CHECK(html.contains(u"What changed since version 2"_s));
    CHECK(html.contains(u"Added a rule on “DNA”."_s));
    CHECK_FALSE(html.contains(u"The first version."_s.prepend(u"<li>"_s)));
}

TEST_CASE("an organisation's edition marks its additions and changes and lists the rules it turned off", "[guide]")
{
    auto pack = loadRulePack(kData + u"/packs/good"_s);
    REQUIRE(pack.ok());
    const Checker checker(std::move(*pack));
    auto doc = guide::buildGuide(checker, {0, kData + u"/packs/good"_s});
    REQUIRE(doc.ok());
    CHECK(doc->edition == u"Elm House edition"_s);
    const QString html = guide::toHtml(*doc);
    CHECK(html.contains(u"<h3 id=\"rule-elm.mardy\">“mardy” <span class=\"badge\">Added by Elm House</span></h3>"_s));
    CHECK(html.contains(u"<span class=\"badge\">Changed by Elm House</span>"_s));
    CHECK(html.contains(u"<strong>Why Elm House changed it:</strong> Our safeguarding lead asked that notes also say who was present."_s));
    CHECK(html.contains(u"<h2 id=\"turned-off\">Rules Elm House turned off</h2>"_s));
    CHECK(html.contains(u"<dt>intensifier.very (Empty intensifiers)</dt>"_s));
    CHECK(html.contains(u"Reason: Our workers use “very” for amounts"_s));
    CHECK_FALSE(html.contains(u"id=\"rule-intensifier.very\""_s));
    CHECK(html.contains(u"Elm House's rules, version 2, 1 June 2026"_s));
    // The print version carries the page-number places for the PDF's contents.
    const QString print = guide::toRichText(*doc, guide::RichTextUse::Print);
    CHECK(print.contains(u"{{page:category-label}}"_s));
    CHECK(print.contains(u"<a name=\"rule-elm.mardy\"></a>"_s));
}
