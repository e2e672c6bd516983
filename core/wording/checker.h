// SPDX-FileCopyrightText: 2026 Fairnote contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// Checker: the wording check. Compiles a rule pack once; checks any text against it.
#pragma once

#include "wording/abbreviations.h"
#include "wording/context.h"
#include "wording/finding.h"
#include "wording/phraseset.h"
#include "wording/rule.h"

#include <memory>
#include <vector>

namespace fairnote::wording {

// Why a rule's match was not made a finding (Checker::consider), for examples and previews.
enum class LeftAlone : quint8 { No, LetterCase, Exception, Quoted, Name, Negated, Sourced, Dated, Explained, AboutThing, OtherSense, Counted, Defined };
// "in quotation marks: someone's own words" (empty for No).
QString leftAloneReason(LeftAlone why);

// One match of one rule's patterns in a text, and what the context made of it.
struct Considered
{
    qsizetype offset = 0;
    qsizetype length = 0;
    QString ruleId;
    LeftAlone leftAlone = LeftAlone::No;
};

// Thread safety: after construction a Checker is immutable; check() may run on several threads at
// once (each thread keeps its own scratch memory).
//
// Context never crosses a blank line, so checking a paragraph alone gives exactly the findings that
// checking the whole note gives inside that paragraph (shifted by its offset), given the abbreviations
// the note defined before it (NoteContext). The editor relies on this to re-check only the paragraph
// being typed.
class Checker
{
public:
    // The pack must have been loaded by loadRulePack() (so every pattern is valid).
    explicit Checker(RulePack pack);
    ~Checker();
    Checker(const Checker &) = delete;
    Checker &operator=(const Checker &) = delete;

    // Findings in `text`, sorted by offset (then by rule id), offsets in UTF-16 code units.
    std::vector<Finding> check(QStringView text) const;
    // Appends findings for `text` to `out`, with `baseOffset` added to each offset. `text` is a whole note,
    // or, with `note`, a piece of one: `note` then holds the abbreviations the note defined before the
    // piece (offsets in the note), and the piece's own definitions are added to it. Checking a note's
    // paragraphs in order with one NoteContext gives exactly the findings of checking the whole note.
    void check(QStringView text, qsizetype baseOffset, std::vector<Finding> &out, NoteContext *note = nullptr) const;

    const RulePack &pack() const { return m_pack; }

    // Every match of a rule's patterns in `text` (one paragraph or a few sentences) before exceptions and
    // context, with what decided it: the examples' tests and the rule editor's preview. Slower than check().
    std::vector<Considered> consider(QStringView text) const;

    // The context analysis check() makes of `text` (cues, sentences, the words rules match), for tests
    // and tools that call the context functions directly.
    std::unique_ptr<AnalysisBuilder::Owned> analyse(QStringView text) const;

private:
    struct Scratch;
    // Adds a hit of each scare-quotes rule for every quotation of one to three words in a sentence with no
    // speech cue; its working lists are the scratch's.
    void findScareQuotes(Scratch &s) const;
    void checkPiece(QStringView text, qsizetype baseOffset, std::vector<Finding> &out, NoteContext &note,
                    std::vector<Considered> *consider) const;
    LeftAlone leftAlone(QStringView text, qsizetype baseOffset, const Scratch &s, const NoteContext &note,
                        const PhraseHit &h) const;
    void findOtherSenses(QStringView text, Scratch &s) const;
    static Scratch &scratch();

    RulePack m_pack;
    AnalysisBuilder m_analysis;
    PhraseSet m_phrases;
    PhraseSet m_senses; // the rules' other_senses phrases, matched only around a hit (findOtherSenses)
    bool m_hasSenses = false;
    std::vector<QSet<QString>> m_literals; // per rule with match_case: its words as written
    AbbreviationFinder m_abbreviations;
    std::vector<int> m_abbreviationRules; // rules with the abbreviation detector
    std::vector<int> m_sectionRules;      // rules with the section-reference detector
    std::vector<int> m_scareQuoteRules;   // rules with the scare-quotes detector
};

} // namespace fairnote::wording
