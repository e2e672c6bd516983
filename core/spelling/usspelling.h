// SPDX-FileCopyrightText: 2026 Fairnote contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// Recognises a US spelling among Hunspell's en-GB suggestions, so the finding can say so plainly.
#pragma once

#include <QString>
#include <QStringList>

namespace fairnote::spelling {

// When `word` (flagged by the en-GB dictionary) is the US spelling of one of Hunspell's suggestions
// (not always the first: "mold" gets "Mold" first), returns that British form ("color" → "colour",
// "traveled" → "travelled", "pediatric" → "paediatric"); otherwise an empty string. The patterns are the regular US/UK
// differences (-our/-or, -tre/-ter, -ence/-ense, -ogue/-og, -lled/-led, -yse/-yze, ae/oe → e,
// jewellery, mould); a plain typo that happens to look like one is rare because the changed letters
// must stand where the pattern says.
QString britishFormOf(const QString &word, const QStringList &suggestions);

} // namespace fairnote::spelling
