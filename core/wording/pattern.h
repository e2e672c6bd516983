// SPDX-FileCopyrightText: 2026 Fairnote contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// The pattern grammar of rule packs: parsing and expansion into plain word sequences.
#pragma once

#include "result.h"

#include <QString>
#include <QStringList>
#include <vector>

namespace fairnote::wording {

class Morphology;

// One word of an expanded pattern, already case-folded.
struct WordKey
{
    QString folded;
    bool prefix = false; // matches any word that starts with `folded`
    QString literal;     // the word as written in the pattern (for match_case), without ~ or *

    friend bool operator==(const WordKey &, const WordKey &) = default;
};
using WordSequence = std::vector<WordKey>;

// Expands a pattern (docs/rule-pack.md, "Pattern grammar") into every word sequence it matches:
// alternatives and optional groups are multiplied out, `-` gives both the split and the joined
// form, `~` adds regular inflections, `^` the word's family (Morphology::family(), each member with
// its regular inflections; without a morphology, `^` is `~`). Returns the sequences, or a message
// naming the problem ("unbalanced parenthesis", "'*' needs at least 3 letters before it", …). At
// most 4,096 sequences per pattern.
Result<std::vector<WordSequence>, QString> expandPattern(QStringView pattern, const Morphology *morphology = nullptr);

// The same checks as expandPattern, and the number of sequences it would give, without building them:
// for validating a pack (a pattern is valid exactly when expandPattern would expand it).
Result<size_t, QString> countPattern(QStringView pattern, const Morphology *morphology = nullptr);

// The regular inflections of a word: itself, -s/-es, -ed/-d, -ing with e-dropping, y→i and
// consonant doubling, and the possessives. Over-generates on purpose: a form that is not an
// English word never occurs in text, so it costs nothing.
QStringList inflections(const QString &word);

} // namespace fairnote::wording
