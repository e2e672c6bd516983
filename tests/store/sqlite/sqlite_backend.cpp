// SPDX-FileCopyrightText: 2026 Fairnote contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// The SQLite file as the backend of the store conformance suite: each store a new file in a temporary
// folder that lives as long as the test executable.
#include "conformance/backend.h"

#include "store/sqlite/open.h"

#include <QTemporaryDir>
#include <catch2/catch.hpp>

using namespace Qt::StringLiterals;

namespace fairnote::conformance {

namespace {

class SqliteBackend final : public Backend
{
public:
    QString name() const override { return u"SQLite file"_s; }

    std::unique_ptr<store::Store> create(std::function<QDateTime()> clock) override
    {
        REQUIRE(m_dir.isValid());
        m_last = m_dir.filePath(u"case-%1.db"_s.arg(++m_count));
        store::OpenOptions options;
        options.create = store::OpenOptions::Create::IfMissing;
        options.clock = std::move(clock);
        return open(options);
    }

    std::unique_ptr<store::Store> connectAgain(std::function<QDateTime()> clock) override
    {
        REQUIRE_FALSE(m_last.isEmpty());
        store::OpenOptions options;
        options.clock = std::move(clock);
        return open(options);
    }

private:
    std::unique_ptr<store::Store> open(const store::OpenOptions &options)
    {
        auto s = store::openStore(m_last, options);
        if (!s)
            FAIL(s.error().message.toStdString());
        return std::move(*s);
    }

    QTemporaryDir m_dir;
    QString m_last;
    int m_count = 0;
};

} // namespace

Backend &backend()
{
    static SqliteBackend sqlite;
    return sqlite;
}

} // namespace fairnote::conformance
