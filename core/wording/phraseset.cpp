// SPDX-FileCopyrightText: 2026 Fairnote contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// PhraseSet: trie construction and matching.
#include "wording/phraseset.h"

#include <algorithm>
#include <cassert>

namespace fairnote::wording {

using text::Token;

int PhraseSet::internWord(const QString &folded)
{
    const auto it = m_wordIds.constFind(folded);
    if (it != m_wordIds.constEnd())
        return *it;
    m_words.push_back({text::foldedHash(folded), folded.size(), folded});
    m_wordIds.insert(folded, static_cast<int>(m_words.size() - 1));
    return static_cast<int>(m_words.size() - 1);
}

int PhraseSet::internPrefix(const QString &folded)
{
    const auto it = m_prefixIds.constFind(folded);
    if (it != m_prefixIds.constEnd())
        return *it;
    m_prefixes.push_back({quint32(text::foldedHash(QStringView(folded).first(3))), folded});
    m_prefixIds.insert(folded, static_cast<int>(m_prefixes.size() - 1));
    return static_cast<int>(m_prefixes.size() - 1);
}

void PhraseSet::add(const std::vector<WordSequence> &sequences, int payload)
{
    assert(m_nodes.empty() && "add() after finish()");
    for (const WordSequence &seq : sequences) {
        const auto offset = quint32(m_pendingKeys.size());
        for (const WordKey &w : seq)
            m_pendingKeys.push_back(w.prefix ? (kPrefixBit | quint32(internPrefix(w.folded))) : quint32(internWord(w.folded)));
        m_pending.push_back({offset, quint32(seq.size()), payload});
    }
}

// Lays out the node for `phrases` (sorted, all sharing their first `depth` keys) and, below it, its
// children; returns the node's index. A node's edges and payloads are contiguous and its edges sorted
// by key, as match() expects; payloads keep the order they were added in.
int PhraseSet::layOut(std::span<const Pending> phrases, size_t depth)
{
    const int node = static_cast<int>(m_nodes.size());
    m_nodes.emplace_back();
    // Phrases that end here sort first (a prefix sorts before its extensions).
    size_t ending = 0;
    m_nodes[size_t(node)].payloadBegin = static_cast<int>(m_payloads.size());
    while (ending < phrases.size() && phrases[ending].length == depth) {
        const int payload = phrases[ending].payload;
        if (std::find(m_payloads.begin() + m_nodes[size_t(node)].payloadBegin, m_payloads.end(), payload) == m_payloads.end())
            m_payloads.push_back(payload);
        ++ending;
    }
    m_nodes[size_t(node)].payloadEnd = static_cast<int>(m_payloads.size());
    // One edge per distinct next key; each child's phrases are a contiguous run.
    std::vector<std::pair<size_t, size_t>> runs;
    for (size_t i = ending; i < phrases.size();) {
        const quint32 key = m_pendingKeys[phrases[i].offset + depth];
        size_t j = i + 1;
        while (j < phrases.size() && m_pendingKeys[phrases[j].offset + depth] == key)
            ++j;
        runs.emplace_back(i, j);
        i = j;
    }
    const int edgeBegin = static_cast<int>(m_edges.size());
    m_nodes[size_t(node)].edgeBegin = edgeBegin;
    m_nodes[size_t(node)].edgeEnd = edgeBegin + static_cast<int>(runs.size());
    m_edges.resize(m_edges.size() + runs.size());
    for (size_t r = 0; r < runs.size(); ++r) {
        const auto [from, to] = runs[r];
        const quint32 key = m_pendingKeys[phrases[from].offset + depth];
        const int childNode = layOut(phrases.subspan(from, to - from), depth + 1);
        m_edges[size_t(edgeBegin) + r] = {key, childNode};
    }
    return node;
}

void PhraseSet::finish()
{
    // Word hash table, load factor at most 1/4.
    size_t size = 16;
    while (size < m_words.size() * 4)
        size *= 2;
    m_slots.assign(size, Slot{});
    m_mask = quint64(size - 1);
    for (size_t i = 0; i < m_words.size(); ++i) {
        quint64 s = m_words[i].hash & m_mask;
        while (m_slots[s].word >= 0)
            s = (s + 1) & m_mask;
        m_slots[s] = {m_words[i].hash, static_cast<qint32>(m_words[i].length), static_cast<int>(i)};
    }
    // Prefix index and its Bloom filter.
    m_prefixBloom.assign(64, 0);
    for (size_t i = 0; i < m_prefixes.size(); ++i) {
        m_prefixIndex.emplace_back(m_prefixes[i].hash3, static_cast<int>(i));
        const quint32 b = m_prefixes[i].hash3 & 4095u;
        m_prefixBloom[b >> 6] |= quint64(1) << (b & 63);
    }
    std::sort(m_prefixIndex.begin(), m_prefixIndex.end());

    // The trie, laid out from the phrases sorted by their keys (a stable sort: payloads keep the order
    // they were added in).
    std::stable_sort(m_pending.begin(), m_pending.end(), [this](const Pending &a, const Pending &b) {
        const quint32 *ka = m_pendingKeys.data() + a.offset;
        const quint32 *kb = m_pendingKeys.data() + b.offset;
        return std::lexicographical_compare(ka, ka + a.length, kb, kb + b.length);
    });
    m_nodes.reserve(m_pending.size() + 1);
    m_edges.reserve(m_pending.size());
    layOut(m_pending, 0);
    m_rootByWord.assign(m_words.size(), -1);
    m_rootByPrefix.assign(m_prefixes.size(), -1);
    for (int e = m_nodes[0].edgeBegin; e < m_nodes[0].edgeEnd; ++e) {
        const Edge &edge = m_edges[size_t(e)];
        if (edge.key & kPrefixBit)
            m_rootByPrefix[edge.key & ~kPrefixBit] = edge.child;
        else
            m_rootByWord[edge.key] = edge.child;
    }
    m_nodes.shrink_to_fit();
    m_edges.shrink_to_fit();
    m_pending = {};
    m_pendingKeys = {};
    m_wordIds.clear();
    m_prefixIds.clear();
}

int PhraseSet::lookupWord(qsizetype length, quint64 hash) const
{
    // The hash and length sit in the slot: one cache line read per lookup.
    quint64 s = hash & m_mask;
    for (;;) {
        const Slot &slot = m_slots[s];
        if (slot.word < 0)
            return -1;
        if (slot.hash == hash && slot.length == length) // 64-bit hash: see text::kFnvPrime
            return slot.word;
        s = (s + 1) & m_mask;
    }
}

int PhraseSet::child(int node, quint32 key) const
{
    const Node &n = m_nodes[size_t(node)];
    const Edge *b = m_edges.data() + n.edgeBegin;
    const Edge *e = m_edges.data() + n.edgeEnd;
    if (e - b <= 8) { // most nodes have a few edges: a scan beats a binary search
        for (; b != e; ++b)
            if (b->key == key)
                return b->child;
        return -1;
    }
    const Edge *it = std::lower_bound(b, e, key, [](const Edge &x, quint32 k) { return x.key < k; });
    return (it != e && it->key == key) ? it->child : -1;
}

void PhraseSet::resolve(QStringView text, std::span<const Token> tokens, Scratch &sc) const
{
    const size_t n = tokens.size();
    sc.wordOf.resize(n);
    sc.prefixBegin.resize(n + 1);
    sc.prefixHits.clear();
    const bool anyPrefix = !m_prefixes.empty();
    for (size_t i = 0; i < n; ++i) {
        const Token &t = tokens[i];
        sc.wordOf[i] = lookupWord(t.length, t.hash);
        sc.prefixBegin[i] = static_cast<int>(sc.prefixHits.size());
        if (anyPrefix && t.prefixHash) {
            const quint32 b = t.prefixHash & 4095u;
            if (m_prefixBloom[b >> 6] & (quint64(1) << (b & 63))) {
                auto it = std::lower_bound(m_prefixIndex.begin(), m_prefixIndex.end(), std::make_pair(t.prefixHash, -1));
                for (; it != m_prefixIndex.end() && it->first == t.prefixHash; ++it)
                    if (text::foldedStartsWith(text.sliced(t.start, t.length), m_prefixes[size_t(it->second)].folded))
                        sc.prefixHits.push_back(it->second);
            }
        }
    }
    sc.prefixBegin[n] = static_cast<int>(sc.prefixHits.size());
}

void PhraseSet::match(QStringView text, std::span<const Token> tokens, Scratch &sc,
                      std::vector<PhraseHit> &out) const
{
    assert(!m_nodes.empty() && "match() before finish()");
    resolve(text, tokens, sc);
    const int n = static_cast<int>(tokens.size());
    auto report = [&](int node, int first, int end) {
        // A phrase ends at a word boundary: "started a fire" is not in "started a fire-setter programme".
        // When the pattern itself goes on through the hyphen, its longer match is reported instead.
        if (end < n && (tokens[size_t(end)].gapBefore & text::GapHyphenJoin))
            return;
        const Node &nd = m_nodes[size_t(node)];
        for (int p = nd.payloadBegin; p < nd.payloadEnd; ++p)
            out.push_back({m_payloads[size_t(p)], first, end});
    };
    for (int i = 0; i < n; ++i) {
        const int w = sc.wordOf[size_t(i)];
        const int pb = sc.prefixBegin[size_t(i)], pe = sc.prefixBegin[size_t(i) + 1];
        if (w < 0 && pb == pe)
            continue;
        sc.stack.clear();
        if (w >= 0 && m_rootByWord[size_t(w)] >= 0)
            sc.stack.emplace_back(m_rootByWord[size_t(w)], i + 1);
        for (int p = pb; p < pe; ++p)
            if (const int c = m_rootByPrefix[size_t(sc.prefixHits[size_t(p)])]; c >= 0)
                sc.stack.emplace_back(c, i + 1);
        while (!sc.stack.empty()) {
            const auto [node, next] = sc.stack.back();
            sc.stack.pop_back();
            report(node, i, next);
            const Node &nd = m_nodes[size_t(node)];
            if (next >= n || nd.edgeBegin == nd.edgeEnd || !(tokens[size_t(next)].gapBefore & text::GapJoinable))
                continue;
            if (const int nw = sc.wordOf[size_t(next)]; nw >= 0)
                if (const int c = child(node, quint32(nw)); c >= 0)
                    sc.stack.emplace_back(c, next + 1);
            for (int p = sc.prefixBegin[size_t(next)]; p < sc.prefixBegin[size_t(next) + 1]; ++p)
                if (const int c = child(node, kPrefixBit | quint32(sc.prefixHits[size_t(p)])); c >= 0)
                    sc.stack.emplace_back(c, next + 1);
        }
    }
}

} // namespace fairnote::wording
