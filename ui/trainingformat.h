// SPDX-FileCopyrightText: 2026 Fairnote contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// How trainer mode shows results: a symbol, a word and a colour for each outcome (never colour alone),
// the marks in a spot-the-problem note, and the washes of a side-by-side comparison.
#pragma once

#include <QColor>
#include <QString>
#include <QTextCharFormat>

class QPalette;

namespace fairnote::ui {

enum class Outcome {
    Right,   // ✓ full marks for the item
    Partly,  // ◐ some of them
    Wrong,   // ✗ none
    Deducted,// − points taken off
    Info,    // • no points either way
};

QString outcomeSymbol(Outcome o); // ✓ ◐ ✗ − •
QString outcomeWord(Outcome o);   // "Right", "Partly", "Not yet", "Points taken off", "No points either way"
QColor outcomeColour(Outcome o, const QPalette &palette);
// The symbol in bold, in its colour, as rich text.
QString outcomeHtml(Outcome o, const QPalette &palette);

// Spot the problem. A phrase the learner has marked: a yellow wash with a solid underline.
QTextCharFormat markFormat(const QPalette &palette);
// After checking: found (green wash, solid underline), partly found (amber, dashed underline), not
// marked (red, wavy underline), a mark on words that are fine (grey, dotted underline).
enum class SpotState { Found, Partly, Missed, Stray };
QTextCharFormat spotFormat(SpotState state, const QPalette &palette);
// The legend for those formats, in words.
QString spotLegend();

// Side by side: the wash behind a field that differs from the model answer (amber, as in the history),
// and behind words only one side has (amber for yours, green for the model answer's).
QString differentWash(const QPalette &palette);
QString yoursOnlyWash(const QPalette &palette);
QString modelOnlyWash(const QPalette &palette);
QString sectionWash(const QPalette &palette);
QString dimInk(const QPalette &palette);

} // namespace fairnote::ui
