// SPDX-FileCopyrightText: 2026 Fairnote contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// The Catch2 main of the PostgreSQL suites: they run against a real server or not at all. Without one
// (no test cluster was started and FAIRNOTE_TEST_SERVER is not set) the suite says SKIP and exits 77,
// which CTest counts as skipped; but under ./run test (FAIRNOTE_REQUIRE_POSTGRES=1) that is a failure.
#define CATCH_CONFIG_RUNNER
#include <catch2/catch.hpp>

#include "store/postgres/pgtestsupport.h"

#include <cstdio>
#include <cstdlib>

int main(int argc, char *argv[])
{
    if (!fairnote::testing::testServerConninfo()) {
        const char *required = std::getenv("FAIRNOTE_REQUIRE_POSTGRES");
        if (required && std::string(required) == "1") {
            std::fprintf(stderr, "FAIL: FAIRNOTE_REQUIRE_POSTGRES=1 but there is no PostgreSQL server for the tests "
                                 "(the postgres-cluster fixture did not start one, and FAIRNOTE_TEST_SERVER is not set)\n");
            return 1;
        }
        std::printf("SKIP: no PostgreSQL server for the tests. ./run test starts one; or set FAIRNOTE_TEST_SERVER to a superuser's "
                    "connection string (empty: libpq's PG* environment, as under pg_virtualenv).\n");
        return 77;
    }
    return Catch::Session().run(argc, argv);
}
