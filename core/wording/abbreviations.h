// SPDX-FileCopyrightText: 2026 Fairnote contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// Shorthand by mechanism: finds abbreviations and section references that a reader outside the service
// may not know, and the places a note spells one out (docs/rule-pack.md, "Detectors"). The words it needs
// (abbreviations everyone reads, words written in capitals for emphasis, section words) are data in the
// language file.
#pragma once

#include "text/tokenizer.h"
#include "wording/rule.h"

#include <QString>
#include <span>
#include <unordered_map>
#include <vector>

namespace fairnote::wording {

// Where a note spells out an abbreviation: "Multi-Disciplinary Team (MDT)", "OST (opioid substitution
// treatment)", "section 21". `key` is the abbreviation's normal form (AbbreviationFinder::key()): "MDT",
// "S21". `offset` is a UTF-16 offset into the whole note.
struct Definition
{
    QString key;
    qsizetype offset = 0;
};

// What a note has defined so far. Checker::check() fills it as it reads a note in order, so a caller that
// checks a note in pieces (the editor re-checking one paragraph, the CLI reading a large file) passes the
// definitions of the text before the piece, and gets the piece's own added.
struct NoteContext
{
    std::vector<Definition> definitions; // in text order
    // True when `key` is defined at or before `offset`.
    bool defines(QStringView key, qsizetype offset) const;
};

// One abbreviation or section reference in a text: tokens [first, end).
struct AbbreviationHit
{
    int first = 0;
    int end = 0;
    bool section = false; // "s.21", "ss.184": a section reference
    QString key;
};

class AbbreviationFinder
{
public:
    AbbreviationFinder() = default;
    explicit AbbreviationFinder(const Language &language);

    // Reads the tokens of `text` once. Appends to `hits` every abbreviation a reader may not know: an
    // all-capital word of two to five letters (digits allowed; joined by '&', '/' or '.': "S/U", "N.F.A.";
    // with a suffix from the language file: "MDTs", "DNA'd") that is not a common abbreviation, not a
    // word written in capitals for emphasis ("NOT"), not in a run of capitals (a heading, shouting), not
    // beside a capitalised word (part of a name: "HMP Oakwood"); and every section reference ("s.21",
    // "S21", "ss. 184"). Appends to `definitions` (offsets plus baseOffset) the places the text spells an
    // abbreviation out: "(MDT)" after words, "MDT (multi-disciplinary team)", and "section 21" for "s.21".
    void scan(QStringView text, std::span<const text::Token> tokens, qsizetype baseOffset,
              std::vector<AbbreviationHit> &hits, std::vector<Definition> &definitions) const;

    // The normal form of an abbreviation as written: its suffix ("'d", "s") dropped, '.', '/' and spaces
    // dropped, upper case ("N.F.A." → "NFA", "MDTs" → "MDT", "S/U" → "SU"); a section reference → "S" and
    // its number ("s.21", "ss. 21", "section 21" → "S21").
    QString key(QStringView written) const;

private:
    enum WordKind : quint8 { Common = 1, Emphasis = 2, SectionAbbreviation = 4, SectionWord = 8 };
    quint8 kindOf(QStringView word) const; // the word in any letter case
    qsizetype suffixLength(QStringView word) const; // the length of an allowed suffix ending the word, else 0

    std::unordered_map<quint64, quint8> m_kinds; // folded hash → WordKind bits
    QStringList m_suffixes;                      // "s", "'s", "'d"…, longest first
    qsizetype m_longestSuffix = 0;
};

} // namespace fairnote::wording
