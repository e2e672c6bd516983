// SPDX-FileCopyrightText: 2026 Fairnote contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// Result<T, E>: a value or an error, the way core reports failure (no exceptions cross its API).
#pragma once

#include <cassert>
#include <utility>
#include <variant>

namespace fairnote {

template <typename T, typename E>
class Result
{
public:
    Result(T value) : m_v(std::in_place_index<0>, std::move(value)) {}
    Result(E error) : m_v(std::in_place_index<1>, std::move(error)) {}

    bool ok() const { return m_v.index() == 0; }
    explicit operator bool() const { return ok(); }

    T &value() { assert(ok()); return std::get<0>(m_v); }
    const T &value() const { assert(ok()); return std::get<0>(m_v); }
    T &operator*() { return value(); }
    const T &operator*() const { return value(); }
    T *operator->() { return &value(); }
    const T *operator->() const { return &value(); }

    E &error() { assert(!ok()); return std::get<1>(m_v); }
    const E &error() const { assert(!ok()); return std::get<1>(m_v); }

private:
    std::variant<T, E> m_v;
};

} // namespace fairnote
