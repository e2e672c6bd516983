// SPDX-FileCopyrightText: 2026 Fairnote contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// Word families from derivation rules and a family table.
#include "wording/morphology.h"

#include "text/tokenizer.h"

namespace fairnote::wording {

Morphology::Morphology(const Language &language)
{
    for (const Derivation &d : language.derivations) {
        Derivation folded{text::foldString(d.ending), {}};
        for (const QString &f : d.forms)
            folded.forms << text::foldString(f);
        m_derivations.push_back(std::move(folded));
    }
    for (const QStringList &family : language.families) {
        QStringList folded;
        for (const QString &w : family)
            folded << text::foldString(w);
        for (const QString &w : folded)
            for (const QString &other : folded)
                if (other != w && !m_members[w].contains(other))
                    m_members[w] << other;
    }
}

QStringList Morphology::derive(const QString &word) const
{
    QStringList out{word};
    for (const Derivation &d : m_derivations) {
        if (!word.endsWith(d.ending) || word.size() - d.ending.size() < kMinStem)
            continue;
        const QString stem = word.chopped(d.ending.size());
        for (const QString &form : d.forms)
            out << stem + form;
    }
    return out;
}

QStringList Morphology::family(const QString &folded) const
{
    QStringList out = derive(folded);
    for (const QString &member : m_members.value(folded))
        out << derive(member);
    out.sort();
    out.removeDuplicates();
    return out;
}

} // namespace fairnote::wording
