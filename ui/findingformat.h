// SPDX-FileCopyrightText: 2026 Fairnote contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// How a finding looks: severity words, colours and shapes, the squiggle, and its explanation as text.
#pragma once

#include "wording/finding.h"

#include <QColor>
#include <QIcon>
#include <QString>
#include <QTextCharFormat>

class QPalette;

namespace fairnote::ui {

// The word shown with every colour, so colour is never the only signal ("Important", "Worth
// changing", "Suggestion").
QString severityWord(Severity s);
// Red, amber or blue; lighter shades on a dark palette so they stay readable.
QColor severityColour(Severity s, const QPalette &palette);
// A small coloured shape that differs by severity too: a disc, a triangle, a ring.
QIcon severityIcon(Severity s, const QPalette &palette);
// The squiggle: a wavy underline in the severity colour over a faint wash of it. The text keeps its
// own colour, so it stays readable.
QTextCharFormat squiggleFormat(Severity s, const QPalette &palette);

// Spelling findings (core's rule "spelling") look different from wording findings in colour *and*
// line style, so colour is never the only signal: a dashed purple underline and no wash, against
// wording's wavy underline over a wash.
bool isSpelling(const Finding &f);
// The word that leads a finding wherever it is shown: "Spelling" for a spelling finding, otherwise
// the severity word.
QString findingKindWord(const Finding &f);
// Purple, unlike every severity colour; lighter on a dark palette.
QColor spellingColour(const QPalette &palette);
// Three dots in the spelling colour: a shape no severity uses.
QIcon spellingIcon(const QPalette &palette);
// The dashed underline in the spelling colour.
QTextCharFormat spellingFormat(const QPalette &palette);

// A possible name (core's spelling rule "possible-name": a capitalised word the dictionary does not
// know, in the middle of a sentence) is a question, not a mistake: a lighter, dotted grey underline,
// hollow dots for its icon, and "Possible name" as its kind word. "Add as a name" is offered first.
bool isPossibleName(const Finding &f);
QColor possibleNameColour(const QPalette &palette);
QIcon possibleNameIcon(const QPalette &palette);
QTextCharFormat possibleNameFormat(const QPalette &palette);

// The matched words on one line, shortened to about `maxChars` for lists.
QString displayedWords(const QString &matched, int maxChars = 60);
// An alternative as rich text, with the [blanks] to fill in shown in italics.
QString alternativeHtml(const QString &alternative);
// A source ("Title, Publisher, 2022. https://…") as rich text with its address as a link.
QString sourceHtml(const QString &source);
// Rich text for the tooltip over a squiggle: severity, message, why, what to write instead, source.
QString findingToolTip(const Finding &f);
// Rich text for the findings panel: everything the tooltip says, with the words and line number.
QString findingDetailsHtml(const Finding &f, const QString &matched, int line);
// Plain text a screen reader announces for a list entry.
QString findingAccessibleText(const Finding &f, const QString &matched, int line);

} // namespace fairnote::ui
