// SPDX-FileCopyrightText: 2026 Fairnote contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// The pattern grammar: expansion of alternatives, optionals, hyphens and inflections; errors.
#include "testsupport.h"
#include "wording/morphology.h"
#include "wording/pattern.h"
#include "wording/rulepack.h"

using namespace Qt::StringLiterals;
using namespace fairnote::wording;

namespace {
QStringList phrases(const QString &pattern)
{
    const auto r = expandPattern(pattern);
    REQUIRE(r.ok());
    QStringList out;
    for (const auto &seq : *r) {
        QStringList words;
        for (const auto &w : seq)
            words << w.folded + (w.prefix ? u"*"_s : QString());
        out << words.join(u' ');
    }
    out.removeDuplicates();
    out.sort();
    return out;
}
QString errorOf(const QString &pattern)
{
    const auto r = expandPattern(pattern);
    REQUIRE_FALSE(r.ok());
    // Validation (countPattern) refuses the same pattern with the same words.
    const auto counted = countPattern(pattern);
    REQUIRE_FALSE(counted.ok());
    CHECK(counted.error() == r.error());
    return r.error();
}
} // namespace

TEST_CASE("inflections cover -s, -ed, -ing with e-dropping, y to i and doubling", "[pattern]")
{
    CHECK(inflections(u"kick"_s).contains(u"kicked"_s));
    CHECK(inflections(u"kick"_s).contains(u"kicking"_s));
    CHECK(inflections(u"kick"_s).contains(u"kicks"_s));
    CHECK(inflections(u"refuse"_s).contains(u"refusing"_s));
    CHECK(inflections(u"refuse"_s).contains(u"refused"_s));
    CHECK(inflections(u"deny"_s).contains(u"denies"_s));
    CHECK(inflections(u"deny"_s).contains(u"denied"_s));
    CHECK(inflections(u"flip"_s).contains(u"flipped"_s));
    CHECK(inflections(u"arsonist"_s).contains(u"arsonists"_s));
    CHECK(inflections(u"arsonist"_s).contains(u"arsonist's"_s));
}

TEST_CASE("a hyphen gives the split and the joined form", "[pattern]")
{
    CHECK(phrases(u"non-compliant"_s) == QStringList{u"non compliant"_s, u"noncompliant"_s});
}

TEST_CASE("alternatives and optional groups multiply out", "[pattern]")
{
    CHECK(phrases(u"(a|an)? arsonist"_s) == QStringList{u"a arsonist"_s, u"an arsonist"_s, u"arsonist"_s});
    CHECK(phrases(u"off (his|her) head"_s) == QStringList{u"off her head"_s, u"off his head"_s});
}

TEST_CASE("a star makes a prefix word and case is folded", "[pattern]")
{
    CHECK(phrases(u"Manipulat*"_s) == QStringList{u"manipulat*"_s});
    CHECK(phrases(u"kick~ off"_s).contains(u"kicking off"_s));
}

TEST_CASE("malformed patterns are refused with a reason", "[pattern]")
{
    CHECK(errorOf(u""_s).contains(u"empty"_s));
    CHECK(errorOf(u"kicked  off"_s).contains(u"single spaces"_s));
    CHECK(errorOf(u"(a|an arsonist"_s).contains(u"unbalanced"_s));
    CHECK(errorOf(u"(a|an)"_s + u"x"_s).contains(u"space must follow"_s));
    CHECK(errorOf(u"ab*"_s).contains(u"at least 3 letters"_s));
    CHECK(errorOf(u"(a|an)?"_s).contains(u"not optional"_s));
    CHECK(errorOf(u"kicked, off"_s).contains(u"not allowed"_s));
    CHECK(errorOf(u"non--compliant"_s).contains(u"hyphen"_s));
    CHECK(errorOf(u"(kicked off|lost it)"_s).contains(u"single words"_s));
    CHECK(errorOf(u"kick~ed"_s).contains(u"end a word"_s));
}

TEST_CASE("validation counts exactly the sequences expansion builds, for every pattern of the built-in pack", "[pattern]")
{
    auto pack = loadRulePack();
    REQUIRE(pack.ok());
    const Morphology morphology(pack->language);
    size_t patterns = 0;
    for (const Rule &r : pack->rules)
        for (const QStringList *list : {&r.patterns, &r.exceptions, &r.otherSenses.subjects, &r.otherSenses.before, &r.otherSenses.after})
            for (const QString &p : *list)
                for (const Morphology *m : {static_cast<const Morphology *>(nullptr), &morphology}) {
                    const auto built = expandPattern(p, m);
                    const auto counted = countPattern(p, m);
                    REQUIRE(built.ok() == counted.ok());
                    if (built.ok())
                        CHECK(built->size() == *counted);
                    ++patterns;
                }
    CHECK(patterns > 1000);
    // An optional group adds the sequences without it: (a|an)? arsonist~ is 2 × forms + forms.
    CHECK(*countPattern(u"(a|an)? fire-setter"_s) == expandPattern(u"(a|an)? fire-setter"_s)->size());
    CHECK(*countPattern(u"(a|an)? fire-setter"_s) == 6);
}

TEST_CASE("a pattern that expands too far is refused", "[pattern]")
{
    QString p;
    for (int i = 0; i < 8; ++i)
        p += u"(a|b|c|d|e) "_s;
    p += u"x"_s;
    CHECK(errorOf(p).contains(u"more than"_s));
}

namespace {
// A small language with the derivations and a family the way language.json states them.
Language familyLanguage()
{
    Language l;
    l.derivations = {{u"ive"_s, {u"ively"_s, u"iveness"_s, u"ion"_s}},
                     {u"ant"_s, {u"ance"_s, u"antly"_s}},
                     {u"e"_s, {u"al"_s}},
                     {u""_s, {u"ation"_s, u"ational"_s}}};
    l.families = {{u"angry"_s, u"anger"_s, u"angrily"_s}};
    return l;
}
QStringList familyPhrases(const QString &pattern, const Morphology &m)
{
    const auto r = expandPattern(pattern, &m);
    REQUIRE(r.ok());
    QStringList out;
    for (const auto &seq : *r) {
        QStringList words;
        for (const auto &w : seq)
            words << w.folded;
        out << words.join(u' ');
    }
    return out;
}
} // namespace

TEST_CASE("a family is the word, its derivations and its family-table members", "[pattern][family]")
{
    const Morphology m(familyLanguage());
    // Sorted, and over-generated on purpose ("aggressiveation" never occurs in text, so it costs nothing).
    CHECK(m.family(u"aggressive"_s) == QStringList{u"aggression"_s, u"aggressival"_s, u"aggressive"_s, u"aggressiveation"_s,
                                                   u"aggressiveational"_s, u"aggressively"_s, u"aggressiveness"_s});
    CHECK(m.family(u"resistant"_s).contains(u"resistance"_s));
    CHECK(m.family(u"refuse"_s).contains(u"refusal"_s));
    CHECK(m.family(u"confront"_s).contains(u"confrontation"_s));
    CHECK(m.family(u"confront"_s).contains(u"confrontational"_s));
    // A family-table member brings the others, and each member's own derivations.
    CHECK(m.family(u"anger"_s).contains(u"angry"_s));
    CHECK(m.family(u"angry"_s).contains(u"angrily"_s));
    // At least three letters stay before an ending: "ive" alone is not derived.
    CHECK(m.family(u"ive"_s).contains(u"ive"_s));
    CHECK_FALSE(m.family(u"ive"_s).contains(u"ively"_s));
    // No derivation applies to a word without the ending.
    CHECK_FALSE(m.family(u"angry"_s).contains(u"angrion"_s));
}

TEST_CASE("word^ matches the whole family, each member inflected", "[pattern][family]")
{
    const Morphology m(familyLanguage());
    const QStringList angry = familyPhrases(u"angry^"_s, m);
    for (const QString &w : {u"angry"_s, u"anger"_s, u"angered"_s, u"angering"_s, u"angrily"_s})
        CHECK(angry.contains(w));
    const QStringList confront = familyPhrases(u"(was|is)? confront^"_s, m);
    for (const QString &w : {u"confronted"_s, u"was confrontational"_s, u"confrontations"_s, u"is confronting"_s})
        CHECK(confront.contains(w));
    // A hyphenated word's last part takes the family; the split and the joined forms both stay.
    const QStringList noncompliant = familyPhrases(u"non-compliant^"_s, m);
    CHECK(noncompliant.contains(u"non compliance"_s));
    CHECK(noncompliant.contains(u"noncompliance"_s));
    // Without a morphology (a pack's syntax checked before its language file is read) ^ inflects as ~ does.
    CHECK(phrases(u"angry^"_s) == phrases(u"angry~"_s));
    CHECK(errorOf(u"ang^ry"_s).contains(u"end a word"_s));
}
