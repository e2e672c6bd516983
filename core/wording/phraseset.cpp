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
        int node = 0;
        for (const WordKey &w : seq) {
            const quint32 key = w.prefix ? (kPrefixBit | quint32(internPrefix(w.folded))) : quint32(internWord(w.folded));
            auto &edges = m_build[size_t(node)].edges;
            if (const auto it = edges.find(key); it != edges.end()) {
                node = it->second;
            } else {
                const int child = static_cast<int>(m_build.size());
                edges.emplace(key, child);
                m_build.emplace_back(); // invalidates `edges`
                node = child;
            }
        }
        auto &payloads = m_build[size_t(node)].payloads;
        if (std::find(payloads.begin(), payloads.end(), payload) == payloads.end())
            payloads.push_back(payload);
    }
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

    // Flatten the trie.
    m_nodes.resize(m_build.size());
    for (size_t n = 0; n < m_build.size(); ++n) {
        const auto &b = m_build[n];
        m_nodes[n].edgeBegin = static_cast<int>(m_edges.size());
        for (const auto &[key, childNode] : b.edges) // std::map iterates in key order
            m_edges.push_back({key, childNode});
        m_nodes[n].edgeEnd = static_cast<int>(m_edges.size());
        m_nodes[n].payloadBegin = static_cast<int>(m_payloads.size());
        m_payloads.insert(m_payloads.end(), b.payloads.begin(), b.payloads.end());
        m_nodes[n].payloadEnd = static_cast<int>(m_payloads.size());
    }
    m_rootByWord.assign(m_words.size(), -1);
    m_rootByPrefix.assign(m_prefixes.size(), -1);
    for (const auto &[key, childNode] : m_build[0].edges) {
        if (key & kPrefixBit)
            m_rootByPrefix[key & ~kPrefixBit] = childNode;
        else
            m_rootByWord[key] = childNode;
    }
    m_build.clear();
    m_wordIds.clear();
    m_prefixIds.clear();
    m_build.shrink_to_fit();
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
