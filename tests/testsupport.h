// SPDX-FileCopyrightText: 2026 Fairnote contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// Helpers shared by the tests: the built-in checker, loaded once; the real CLI's environment.
#pragma once

#include "wording/checker.h"
#include "wording/rulepack.h"

#include <catch2/catch.hpp>
#include <QProcessEnvironment>
#include <QString>
#include <QTemporaryDir>
#include <memory>

namespace fairnote::testing {

// The environment the real fairnote-cli runs in under test: its settings, data and home folder all in
// `home`, so the tester's own saved author, personal dictionary and ~/.pgpass are never read.
inline QProcessEnvironment cliEnvironment(const QTemporaryDir &home)
{
    auto env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("XDG_CONFIG_HOME"), home.filePath(QStringLiteral("config")));
    env.insert(QStringLiteral("XDG_DATA_HOME"), home.filePath(QStringLiteral("data")));
    env.insert(QStringLiteral("HOME"), home.path());
    return env;
}

inline std::shared_ptr<const wording::Checker> builtInChecker()
{
    static std::shared_ptr<const wording::Checker> checker = [] {
        auto pack = wording::loadRulePack();
        if (!pack) {
            for (const auto &p : pack.error())
                UNSCOPED_INFO(p.toString().toStdString());
            FAIL("the built-in rule pack does not load");
        }
        return std::make_shared<const wording::Checker>(std::move(*pack));
    }();
    return checker;
}

// The findings' matched texts, for readable assertions.
inline QStringList flaggedTexts(QStringView text, const std::vector<Finding> &findings)
{
    QStringList out;
    for (const auto &f : findings)
        out << text.sliced(f.offset, f.length).toString();
    return out;
}

// True when some finding overlaps the first occurrence of `needle` in `text`.
inline bool flags(const QString &text, const std::vector<Finding> &findings, const QString &needle)
{
    const qsizetype at = text.indexOf(needle);
    REQUIRE(at >= 0);
    for (const auto &f : findings)
        if (f.offset < at + needle.size() && f.offset + f.length > at)
            return true;
    return false;
}

} // namespace fairnote::testing

// Catch2 prints QStrings readably.
namespace Catch {
template <>
struct StringMaker<QString>
{
    static std::string convert(const QString &s) { return '"' + s.toStdString() + '"'; }
};
template <>
struct StringMaker<QStringList>
{
    static std::string convert(const QStringList &l)
    {
        return "[" + l.join(QStringLiteral(" | ")).toStdString() + "]";
    }
};
} // namespace Catch
