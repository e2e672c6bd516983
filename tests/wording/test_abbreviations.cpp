// SPDX-FileCopyrightText: 2026 Fairnote contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// Shorthand by mechanism: the abbreviation and section-reference detectors, the places a note spells an
// abbreviation out, and the "defined" context, with the built-in language file and rules.
#include "testsupport.h"
#include "wording/abbreviations.h"
#include "wording/incrementalcheck.h"

using namespace Qt::StringLiterals;
using namespace fairnote;
using testing::builtInChecker;
using testing::flaggedTexts;

namespace {
// The words flagged by one rule.
QStringList byRule(const QString &text, QStringView rule)
{
    QStringList out;
    for (const Finding &f : builtInChecker()->check(text))
        if (f.ruleId == rule)
            out << text.sliced(f.offset, f.length);
    return out;
}
QStringList abbreviations(const QString &text) { return byRule(text, u"jargon.abbreviation"); }
QStringList sections(const QString &text) { return byRule(text, u"jargon.section-reference"); }
} // namespace

TEST_CASE("abbreviation: capitals a reader may not know, in every written form", "[abbreviations]")
{
    CHECK(abbreviations(u"Spoke to his KW about the PRS."_s) == QStringList{u"KW"_s, u"PRS"_s});
    CHECK(abbreviations(u"The S/U in flat 2 and the N.F.A. man."_s) == QStringList{u"S/U"_s, u"N.F.A"_s});
    CHECK(abbreviations(u"Two RSLs replied; he was DTA'd by the GP."_s) == QStringList{u"RSLs"_s, u"DTA'd"_s});
    CHECK(abbreviations(u"B12 injection booked; the CP1 form sent."_s) == QStringList{u"CP1"_s});
    // A letter alone is not an abbreviation, nor are capitals after the fifth letter (a heading or emphasis).
    CHECK(abbreviations(u"Plan A, option B. URGENT: ring the office."_s).isEmpty());
}

TEST_CASE("abbreviation: not common ones, emphasis, headings, shouting or names", "[abbreviations]")
{
    CHECK(abbreviations(u"Went to A&E, then the GP; NHS and DWP letters, a B&B, his ID and CCTV."_s).isEmpty());
    CHECK(abbreviations(u"He must NOT be given a key. Do NOT ring after 10."_s).isEmpty());
    CHECK(abbreviations(u"RISK ASSESSMENT REVIEW. HE WAS VERY UPSET."_s).isEmpty());
    CHECK(abbreviations(u"Staff at HMP Oakwood and the Hanley YMCA Hostel and Stoke FC rang."_s).isEmpty());
    // A possessive before it is not a name; a capital that starts the sentence is no evidence either.
    CHECK(abbreviations(u"Mr Nowak's PEEP needs updating. Housing PRS list."_s) == QStringList{u"PEEP"_s, u"PRS"_s});
    // Two abbreviations side by side are still abbreviations.
    CHECK(abbreviations(u"The DWP UC claim is late."_s) == QStringList{u"UC"_s});
}

TEST_CASE("abbreviation: spelled out earlier in the note, or at this very place, it is left alone", "[abbreviations][defined]")
{
    CHECK(abbreviations(u"Met the Multi-Disciplinary Team (MDT) today. The MDT agreed a plan."_s).isEmpty());
    CHECK(abbreviations(u"Her OST (opioid substitution treatment) went up. OST is collected daily."_s).isEmpty());
    CHECK(abbreviations(u"Staffordshire Fire and Rescue Service (SFRS) visited. SFRS fitted alarms."_s).isEmpty());
    // Used before it is spelled out: the first use is flagged, later ones are not.
    CHECK(abbreviations(u"The PRS is hard. The private rented sector (PRS) has few flats. PRS rents rose."_s)
          == QStringList{u"PRS"_s});
    // Brackets after words that do not spell it are no definition: "Sarah (CPN)" names a role.
    CHECK(abbreviations(u"Rang Sarah Hill (CPW) about the move. The CPW will call."_s) == QStringList{u"CPW"_s, u"CPW"_s});
    // Across paragraphs of one note.
    CHECK(abbreviations(u"Key worker (KW) visit.\n\nThe KW rang."_s).isEmpty());
}

TEST_CASE("abbreviation: the person's own words and a rule with its own advice", "[abbreviations]")
{
    CHECK(abbreviations(u"He said \"my PO told me to come\"."_s).isEmpty());
    // A term a pattern rule knows is reported once, with that rule's advice.
    const QString text = u"The CMHT rang."_s;
    const auto findings = builtInChecker()->check(text);
    REQUIRE(findings.size() == 1);
    CHECK(findings[0].ruleId == u"jargon.cmht"_s);
    // …and that rule, too, leaves it alone once spelled out.
    CHECK(builtInChecker()->check(u"The Community Mental Health Team (CMHT) rang. The CMHT will visit."_s).empty());
}

TEST_CASE("section references: flagged until the section is written out", "[abbreviations][sections]")
{
    CHECK(sections(u"A s.21 notice came. Served under s 8? No: ss.184 inquiries and s. 202 review."_s)
          == QStringList{u"s.21"_s, u"ss.184"_s, u"s. 202"_s});
    CHECK(flaggedTexts(u"S21 notice served."_s, builtInChecker()->check(u"S21 notice served."_s)) == QStringList{u"S21"_s});
    CHECK(sections(u"A section 21 notice came on 2 May. The s.21 expires in July."_s).isEmpty());
    CHECK(builtInChecker()->check(u"The section 21 notice came. The S21 expires in July."_s).empty());
    CHECK(sections(u"He read \"s.21 notice\" out loud."_s).isEmpty());
}

TEST_CASE("abbreviation keys: one form for every way of writing it", "[abbreviations]")
{
    const auto &pack = builtInChecker()->pack();
    const wording::AbbreviationFinder finder(pack.language);
    CHECK(finder.key(u"N.F.A."_s) == u"NFA"_s);
    CHECK(finder.key(u"MDTs"_s) == u"MDT"_s);
    CHECK(finder.key(u"DNA'd"_s) == u"DNA"_s);
    CHECK(finder.key(u"S/U"_s) == u"SU"_s);
    CHECK(finder.key(u"A&E"_s) == u"A&E"_s);
    CHECK(finder.key(u"s.21"_s) == u"S21"_s);
    CHECK(finder.key(u"ss. 184"_s) == u"S184"_s);
    CHECK(finder.key(u"section 21"_s) == u"S21"_s);
}

TEST_CASE("the editor re-checks the rest of the note when a definition appears or goes", "[abbreviations][incremental]")
{
    wording::IncrementalCheck inc(builtInChecker());
    QString text = u"Met the PRS agent.\n\nThe PRS flat is damp."_s;
    inc.reset(text);
    CHECK(flaggedTexts(text, inc.findings()).count(u"PRS"_s) == 2);
    // Type a definition into the first paragraph: the second paragraph's PRS is no longer flagged.
    const QString insert = u"private rented sector ("_s;
    const qsizetype at = text.indexOf(u"PRS"_s);
    text.insert(at, insert);
    inc.edit(text, at, 0, insert.size());
    const qsizetype close = at + insert.size() + 3;
    text.insert(close, u")"_s);
    const text::Span range = inc.edit(text, close, 0, 1);
    CHECK(range.end == text.size());
    CHECK(flaggedTexts(text, inc.findings()).count(u"PRS"_s) == 0);
    CHECK(inc.findings() == builtInChecker()->check(text));
    // Delete it again: both come back.
    text.remove(at, insert.size());
    text.remove(at + 3, 1);
    inc.reset(text);
    CHECK(flaggedTexts(text, inc.findings()).count(u"PRS"_s) == 2);
}
