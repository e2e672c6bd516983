// SPDX-FileCopyrightText: 2026 Fairnote contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// parseTypedDate(): the date a worker types is the date read — day first, at the precision typed —
// and what cannot be read, or could be read two ways, is refused with a reason.
#include "record/typeddate.h"

#include <catch2/catch.hpp>

using namespace Qt::StringLiterals;
using namespace fairnote::record;

namespace {
TypedDate day(int y, int m, int d) { return {QDate(y, m, d), DatePrecision::Day}; }
TypedDate month(int y, int m) { return {QDate(y, m, 1), DatePrecision::Month}; }
TypedDate year(int y) { return {QDate(y, 1, 1), DatePrecision::Year}; }
} // namespace

TEST_CASE("a typed date is read as typed, day first, at the precision typed", "[record][typeddate]")
{
    const std::vector<std::pair<QString, TypedDate>> cases = {
        {u"20 September 2026"_s, day(2026, 9, 20)},
        {u"20 Sept 2026"_s, day(2026, 9, 20)},
        {u"20 Sep 2026"_s, day(2026, 9, 20)},
        {u"20 sept. 2026"_s, day(2026, 9, 20)},
        {u"20th September 2026"_s, day(2026, 9, 20)},
        {u"20th of September, 2026"_s, day(2026, 9, 20)},
        {u"  20   SEPTEMBER   2026 "_s, day(2026, 9, 20)},
        {u"Sunday 20 September 2026"_s, day(2026, 9, 20)},
        {u"Sun 20 Sept 2026"_s, day(2026, 9, 20)},
        {u"September 20, 2026"_s, day(2026, 9, 20)},
        {u"14 January 2027"_s, day(2027, 1, 14)},
        {u"5/11/2026"_s, day(2026, 11, 5)},
        {u"05/11/2026"_s, day(2026, 11, 5)},
        {u"05-11-2026"_s, day(2026, 11, 5)},
        {u"5.11.2026"_s, day(2026, 11, 5)},
        {u"5 / 11 / 2026"_s, day(2026, 11, 5)},
        {u"2026-11-05"_s, day(2026, 11, 5)},
        {u"2026/11/5"_s, day(2026, 11, 5)},
        {u"29/2/2024"_s, day(2024, 2, 29)},
        {u"5 November 1979"_s, day(1979, 11, 5)},
        {u"September 2026"_s, month(2026, 9)},
        {u"Sept 2026"_s, month(2026, 9)},
        {u"sep 2026"_s, month(2026, 9)},
        {u"09/2026"_s, month(2026, 9)},
        {u"9-2026"_s, month(2026, 9)},
        {u"2026-09"_s, month(2026, 9)},
        {u"2026"_s, year(2026)},
        {u"1900"_s, year(1900)},
    };
    for (const auto &[text, expected] : cases) {
        INFO(text.toStdString());
        const auto read = parseTypedDate(text);
        REQUIRE(read.ok());
        CHECK(*read == expected);
    }
}

TEST_CASE("a date that cannot be read, or could be read two ways, is refused with the reason", "[record][typeddate]")
{
    const std::vector<std::pair<QString, QString>> cases = {
        {u""_s, u"No date was typed"_s},
        {u"   "_s, u"No date was typed"_s},
        {u"5/11/26"_s, u"Write the year in full"_s},
        {u"20 September 26"_s, u"Write the year in full"_s},
        {u"31/2/2026"_s, u"February 2026 has 28 days, so there is no 31 February"_s},
        {u"31 April 2026"_s, u"April 2026 has 30 days"_s},
        {u"29/2/2026"_s, u"February 2026 has 28 days"_s},
        {u"13/13/2026"_s, u"There is no month 13"_s},
        {u"11/20/2026"_s, u"read day first"_s},
        {u"0/11/2026"_s, u"There is no day 0"_s},
        {u"20 Septembr 2026"_s, u"“septembr” is not a month"_s},
        {u"Friday 20 September 2026"_s, u"20 September 2026 is a Sunday, not a Friday"_s},
        {u"Friday September 2026"_s, u"cannot read"_s},
        {u"20 September"_s, u"Give the year too"_s},
        {u"5/11"_s, u"Write the year in full"_s},
        {u"1850"_s, u"from 1900 to 2200"_s},
        {u"20 September 2326"_s, u"from 1900 to 2200"_s},
        {u"yesterday"_s, u"cannot read “yesterday” as a date"_s},
        {u"20 September 2026 14:00"_s, u"cannot read"_s},
    };
    for (const auto &[text, message] : cases) {
        INFO(text.toStdString());
        const auto read = parseTypedDate(text);
        REQUIRE_FALSE(read.ok());
        CHECK(read.error().contains(message, Qt::CaseInsensitive));
    }
}

TEST_CASE("a date read is shown back at its precision", "[record][typeddate]")
{
    CHECK(typedDateText(day(2026, 11, 5)) == u"5 November 2026");
    CHECK(typedDateText(month(2026, 9)) == u"September 2026");
    CHECK(typedDateText(year(2026)) == u"2026");
    CHECK(typedDateText({}).isEmpty());
    // What is shown back reads back as the same date.
    for (const TypedDate &d : {day(2026, 11, 5), month(2026, 9), year(2026)})
        CHECK(*parseTypedDate(typedDateText(d)) == d);
}
