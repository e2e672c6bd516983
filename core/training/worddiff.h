// SPDX-FileCopyrightText: 2026 Fairnote contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// A word-by-word comparison of two texts, for showing a learner's narrative beside the model answer's.
#pragma once

#include <QString>
#include <vector>

namespace fairnote::training {

struct DiffPiece
{
    enum class Kind { Same, OnlyFirst, OnlySecond };
    Kind kind = Kind::Same;
    QString text;   // words with the spaces and punctuation between them, as written
    QString second; // Same pieces: the same words as `second` writes them (its capitals and spacing)
    friend bool operator==(const DiffPiece &, const DiffPiece &) = default;
};

// The pieces of `first` and `second` in reading order: text both share (Same), text only in `first`
// (OnlyFirst) and only in `second` (OnlySecond); an OnlyFirst piece comes before the OnlySecond piece
// that replaces it. Words are compared ignoring letter case; spaces never make a difference on their
// own. Joining the `text` of the Same and OnlyFirst pieces gives `first` back, and joining the
// `second` of the Same pieces with the OnlySecond pieces gives `second` back.
// Texts of more than kMaxDiffTokens tokens each are compared as a whole (one piece each).
constexpr int kMaxDiffTokens = 2000;
std::vector<DiffPiece> wordDiff(const QString &first, const QString &second);

} // namespace fairnote::training
