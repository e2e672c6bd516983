// SPDX-FileCopyrightText: 2026 Fairnote contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// Morphology: word families for the `word^` pattern syntax, from the derivation rules and the family
// table of a language file (docs/rule-pack.md, "Word families"). All English lives in the data.
#pragma once

#include "wording/rule.h"

#include <QHash>
#include <QString>
#include <QStringList>
#include <vector>

namespace fairnote::wording {

// Immutable after construction; cheap to copy.
class Morphology
{
public:
    Morphology() = default;
    explicit Morphology(const Language &language);

    // The family of a word (folded): the word itself, every member of a family-table entry that holds it,
    // and each of these with every derivation whose ending it has (its ending replaced by each form of the
    // derivation; at least kMinStem letters must be left before the ending). Not inflected: the pattern
    // expander adds the regular inflections of each. Sorted, without duplicates.
    QStringList family(const QString &folded) const;

    bool isEmpty() const { return m_derivations.empty() && m_members.isEmpty(); }

    static constexpr qsizetype kMinStem = 3;

private:
    QStringList derive(const QString &word) const;

    std::vector<Derivation> m_derivations; // folded
    QHash<QString, QStringList> m_members; // folded word -> the other members of its family-table entries
};

} // namespace fairnote::wording
