// SPDX-FileCopyrightText: 2026 Fairnote contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// WordCache: remembers Hunspell's verdict per word, so correctly spelled text never reaches Hunspell twice.
#pragma once

#include <QStringView>
#include <vector>

namespace fairnote::spelling {

// An open-addressing hash table over a pool of UTF-16 text: a lookup allocates nothing and costs
// one hash probe and one comparison. Keys are exact (case matters: "london" is wrong, "London" right);
// the caller supplies the hash (text::foldedHash of the key, which the tokenizer has already computed,
// so case variants share a probe chain). When it holds maxEntries words it is emptied and refilled:
// a note's vocabulary is a few thousand words, so this only bounds memory on hostile input.
//
// Not thread-safe: SpellChecker guards it with a read/write lock (find() is const and may run in
// several threads at once; insert() and clear() need exclusive access).
class WordCache
{
public:
    enum Verdict : quint8 { Unknown, Correct, Misspelt };

    explicit WordCache(qsizetype maxEntries = 1 << 18);

    Verdict find(QStringView key, quint32 hash) const;
    // Inserts or overwrites. Keys longer than 65535 units are not cached.
    void insert(QStringView key, quint32 hash, Verdict verdict);
    void clear();
    qsizetype size() const { return qsizetype(m_entries.size()); }

private:
    struct Slot
    {
        quint32 hash = 0;
        quint32 entry = 0; // index + 1 into m_entries; 0 = empty
    };
    struct Entry
    {
        quint32 offset; // into m_pool
        quint16 length;
        Verdict verdict;
    };
    void grow();

    qsizetype m_maxEntries;
    std::vector<Slot> m_slots; // size is a power of two, at most half full
    std::vector<Entry> m_entries;
    std::vector<char16_t> m_pool;
};

} // namespace fairnote::spelling
