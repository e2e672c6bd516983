// SPDX-FileCopyrightText: 2026 Fairnote contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// US → UK spelling patterns, applied backwards: each turns a British suggestion into its US form.
#include "spelling/usspelling.h"

#include <QRegularExpression>
#include <vector>

using namespace Qt::StringLiterals;

namespace fairnote::spelling {

namespace {

struct Pattern
{
    QRegularExpression british;
    QString us;
};

// Each pattern matches the British form and rewrites it to the US one. Anchors keep them to the
// places the difference occurs, so "your" → "yor" or "filling" → "filing" never count.
const std::vector<Pattern> &patterns()
{
    static const std::vector<Pattern> p{
        // colour, behaviour, neighbour, favourite, honourable (not your, four, hour, tour, flour)
        {QRegularExpression(u"(?<=[a-z]{2})our(?=$|s$|ed$|ing$|ite|able|ably|ful|less|ist|er|hood|ly$)"_s), u"or"_s},
        {QRegularExpression(u"(?<=[a-z]{2})tre(?=$|s$|d$)"_s), u"ter"_s},        // centre, theatre, metre
        {QRegularExpression(u"(?<=[a-z]{2})bre(?=$|s$)"_s), u"ber"_s},           // fibre, sabre, calibre
        {QRegularExpression(u"(?<=de|of)fence"_s), u"fense"_s},                  // defence, offence
        {QRegularExpression(u"(?<=pre)tence"_s), u"tense"_s},                    // pretence
        {QRegularExpression(u"(?<=[a-z]{3})logue(?=$|s$)"_s), u"log"_s},         // catalogue, dialogue
        {QRegularExpression(u"(?<=[a-z]{2}[ae])ll(?=ed$|ing$|er$|ers$|or$|ors$)"_s), u"l"_s}, // travelled, counsellor
        {QRegularExpression(u"(?<=[a-z]{2})ys(?=e$|es$|ed$|ing$)"_s), u"yz"_s},  // analyse, paralysed
        {QRegularExpression(u"(?<=[a-z])(?:ae|oe)(?=[a-z])"_s), u"e"_s},         // paediatric, oedema, manoeuvre
        {QRegularExpression(u"ellery"_s), u"elry"_s},                             // jewellery
        {QRegularExpression(u"(?<=^m|sm)oul(?=d|t)"_s), u"ol"_s},                // mould, smoulder, moult
        {QRegularExpression(u"^grey"_s), u"gray"_s},
        {QRegularExpression(u"^pyjama"_s), u"pajama"_s},
        {QRegularExpression(u"^plough"_s), u"plow"_s},
        {QRegularExpression(u"^sceptic"_s), u"skeptic"_s},
        {QRegularExpression(u"^aluminium"_s), u"aluminum"_s},
    };
    return p;
}

QString usForm(const QString &british, qsizetype which)
{
    QString s = british.toLower();
    if (which >= 0)
        return s.replace(patterns()[size_t(which)].british, patterns()[size_t(which)].us);
    for (const Pattern &p : patterns()) // every pattern at once: "manoeuvre" → "maneuver"
        s.replace(p.british, p.us);
    return s;
}

} // namespace

QString britishFormOf(const QString &word, const QStringList &suggestions)
{
    const QString w = word.toLower();
    for (qsizetype i = 0; i < suggestions.size(); ++i) {
        const QString &s = suggestions[i];
        if (s.contains(u' ') || s.compare(word, Qt::CaseInsensitive) == 0)
            continue;
        for (qsizetype p = -1; p < qsizetype(patterns().size()); ++p)
            if (usForm(s, p) == w)
                return s;
    }
    return {};
}

} // namespace fairnote::spelling
