// SPDX-FileCopyrightText: 2026 Fairnote contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// PhraseSet: many word-sequence phrases compiled into one word-level trie, matched against tokens.
#pragma once

#include "text/tokenizer.h"
#include "wording/pattern.h"

#include <QHash>

#include <span>
#include <vector>

namespace fairnote::wording {

struct PhraseHit
{
    int payload = 0;
    int first = 0; // first token
    int end = 0;   // one past the last token
    friend bool operator==(const PhraseHit &, const PhraseHit &) = default;
};

// Build once with add() and finish(); then match() is const and safe to call from several threads,
// each with its own Scratch. Words are compared case-folded; a phrase continues from one token to
// the next only across a joinable gap (text::GapJoinable), and never ends inside a hyphenated word
// (before text::GapHyphenJoin): "fire" does not match the "fire" of "fire-setter".
class PhraseSet
{
public:
    // Per-call working memory, reused between calls so matching allocates nothing once warm.
    struct Scratch
    {
        std::vector<int> wordOf;       // word id per token, -1 when the word is in no phrase
        std::vector<int> prefixBegin;  // per token, index into prefixHits (size tokens + 1)
        std::vector<int> prefixHits;   // prefix ids that tokens begin with
        std::vector<std::pair<int, int>> stack;
    };

    void add(const std::vector<WordSequence> &sequences, int payload);
    void finish();

    // Appends every phrase occurrence to `out` (unsorted; the same hit may appear twice).
    void match(QStringView text, std::span<const text::Token> tokens, Scratch &scratch,
               std::vector<PhraseHit> &out) const;

    int wordCount() const { return static_cast<int>(m_words.size()); }
    int nodeCount() const { return static_cast<int>(m_nodes.size()); }

private:
    struct Word { quint64 hash; qsizetype length; QString folded; };
    struct Prefix { quint32 hash3; QString folded; };
    struct Edge { quint32 key; int child; };
    struct Node { int edgeBegin = 0; int edgeEnd = 0; int payloadBegin = 0; int payloadEnd = 0; };
    static constexpr quint32 kPrefixBit = 0x80000000u;

    int internWord(const QString &folded);
    int internPrefix(const QString &folded);
    int lookupWord(qsizetype length, quint64 hash) const;
    int child(int node, quint32 key) const;
    void resolve(QStringView text, std::span<const text::Token> tokens, Scratch &scratch) const;

    // Build time: every phrase's keys in one buffer, in the order added; finish() sorts them and lays the
    // trie out from the sorted list (no node is allocated on its own).
    struct Pending { quint32 offset; quint32 length; int payload; };
    std::vector<quint32> m_pendingKeys;
    std::vector<Pending> m_pending;
    int layOut(std::span<const Pending> phrases, size_t depth);
    QHash<QString, int> m_wordIds;
    QHash<QString, int> m_prefixIds;

    std::vector<Word> m_words;
    struct Slot { quint64 hash = 0; qint32 length = 0; qint32 word = -1; };
    std::vector<Slot> m_slots; // open addressing over m_words by hash
    quint64 m_mask = 0;
    std::vector<Prefix> m_prefixes;
    std::vector<std::pair<quint32, int>> m_prefixIndex; // (hash of first 3 units, prefix id), sorted
    std::vector<quint64> m_prefixBloom;                 // 4,096 bits over hash3

    std::vector<Node> m_nodes;
    std::vector<Edge> m_edges;
    std::vector<int> m_payloads;
    std::vector<int> m_rootByWord;   // child of the root per word id, -1 if none
    std::vector<int> m_rootByPrefix; // child of the root per prefix id
};

} // namespace fairnote::wording
