// SPDX-FileCopyrightText: 2026 Fairnote contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// The word cache: linear probing over a power-of-two table, keys kept in one pool.
#include "spelling/wordcache.h"

#include <cassert>
#include <cstring>

namespace fairnote::spelling {

WordCache::WordCache(qsizetype maxEntries) : m_maxEntries(maxEntries), m_slots(1024) {}

WordCache::Verdict WordCache::find(QStringView key, quint32 hash) const
{
    if (key.isEmpty())
        return Unknown;
    const size_t mask = m_slots.size() - 1;
    for (size_t i = hash & mask;; i = (i + 1) & mask) {
        const Slot &s = m_slots[i];
        if (s.entry == 0)
            return Unknown;
        if (s.hash != hash)
            continue;
        const Entry &e = m_entries[s.entry - 1];
        if (e.length == key.size()
            && std::memcmp(m_pool.data() + e.offset, key.utf16(), size_t(e.length) * sizeof(char16_t)) == 0)
            return e.verdict;
    }
}

void WordCache::insert(QStringView key, quint32 hash, Verdict verdict)
{
    if (key.isEmpty() || key.size() > 0xFFFF)
        return;
    if (qsizetype(m_entries.size()) >= m_maxEntries)
        clear();
    const size_t mask = m_slots.size() - 1;
    size_t i = hash & mask;
    for (;; i = (i + 1) & mask) {
        Slot &s = m_slots[i];
        if (s.entry == 0)
            break;
        if (s.hash != hash)
            continue;
        Entry &e = m_entries[s.entry - 1];
        if (e.length == key.size()
            && std::memcmp(m_pool.data() + e.offset, key.utf16(), size_t(e.length) * sizeof(char16_t)) == 0) {
            e.verdict = verdict;
            return;
        }
    }
    m_entries.push_back({quint32(m_pool.size()), quint16(key.size()), verdict});
    const auto *units = reinterpret_cast<const char16_t *>(key.utf16());
    m_pool.insert(m_pool.end(), units, units + key.size());
    m_slots[i] = {hash, quint32(m_entries.size())};
    if (m_entries.size() * 2 > m_slots.size())
        grow();
}

void WordCache::grow()
{
    std::vector<Slot> old(m_slots.size() * 2);
    old.swap(m_slots);
    const size_t mask = m_slots.size() - 1;
    for (const Slot &s : old) {
        if (s.entry == 0)
            continue;
        size_t i = s.hash & mask;
        while (m_slots[i].entry != 0)
            i = (i + 1) & mask;
        m_slots[i] = s;
    }
}

void WordCache::clear()
{
    m_slots.assign(1024, Slot{});
    m_entries.clear();
    m_pool.clear();
}

} // namespace fairnote::spelling
