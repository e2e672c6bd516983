// SPDX-FileCopyrightText: 2026 Fairnote contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// Skip rules: what in a note is not a word to spell-check (addresses, code, numbers, acronyms).
#pragma once

#include "text/tokenizer.h"

#include <QStringView>
#include <vector>

namespace fairnote::spelling {

// What a whitespace-delimited chunk of text is. Only Plain chunks are spell-checked.
enum class ChunkKind : quint8 {
    Plain,
    Url,   // https://…, www.…, shelter.org.uk/…, mailto:…
    Email, // name@example.org, and @handles
    Code,  // paths (/etc, ~/x, C:\x), file names (notes.docx), identifiers (snake_case, a=b, <tag>, $VAR, #tag)
};

// Classifies one chunk (a run of non-space characters, punctuation around it included: "(see
// https://x.org)." is a Url). Fast for the usual case: a chunk with none of @ : / \ _ . = < > { } | ` $ % # ~
// is Plain after one scan.
ChunkKind classifyChunk(QStringView chunk);

// The spans inside backtick quotes (`like this`, ``this`` or ```fenced```) in `text`: a run of n backticks
// opens and the next run of exactly n closes. A single-backtick span ends at a blank line; an unclosed
// run is not code. `out` is cleared first; spans are in order and do not overlap.
void findCodeSpans(QStringView text, std::vector<text::Span> &out);

// An acronym: all capital letters (no lower case, no digit), 1..maxLength letters, optionally followed
// by a plural "s" or "'s" ("HMO", "GPs", "PIP's"). maxLength <= 0 turns the rule off.
bool isAcronym(QStringView word, int maxLength);

// A lower-case letter directly followed by a capital ("iPhone", "McDonald", "camelCase"): brand names,
// surnames and identifiers rather than words. An apostrophe in between ("O'Brien") does not count.
bool isMixedCase(QStringView word);

// Longer words are not words (hashes, encoded data) and are skipped: Hunspell's own limit is 100 bytes.
constexpr qsizetype kMaxWordLength = 60;

} // namespace fairnote::spelling
