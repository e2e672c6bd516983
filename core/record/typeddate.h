// SPDX-FileCopyrightText: 2026 Fairnote contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// Reading a date as a worker types it, the UK way (day first): "20 September 2026", "20 Sept 2026",
// "5/11/2026", "05-11-2026", "2026-11-05", "September 2026", "09/2026", "2026". One rule for every edge
// (the app's date fields, anything else that takes a typed date), so a typed date is read the same way
// everywhere. Nothing is guessed: a date that cannot be read, or could be read two ways, is refused
// with the reason and an example of what would be read.
#pragma once

#include "record/casefile.h"
#include "result.h"

#include <QDate>
#include <QString>
#include <QStringView>

namespace fairnote::record {

// A typed date and how much of it was given: DatePrecision::Day ("5 November 2026"), Month
// ("November 2026": `date` is the 1st) or Year ("2026": `date` is 1 January).
struct TypedDate
{
    QDate date;
    DatePrecision precision = DatePrecision::Day;
    friend bool operator==(const TypedDate &, const TypedDate &) = default;
};

// Reads `text` as a date. Accepted, with any spacing and case:
//   day, month name, year   "20 September 2026", "20th Sept 2026", "Friday 20 September 2026",
//                           "20 Sep. 2026", "September 20, 2026"
//   numbers, day first      "5/11/2026", "05-11-2026", "5.11.2026"
//   ISO 8601                "2026-11-05"
//   month and year          "September 2026", "Sept 2026", "09/2026", "9-2026", "2026-09"
//   year                    "2026"
// Refused, with a message that says why and what to type: an empty text, a two-digit year ("5/11/26"),
// a day or month that does not exist ("31/2/2026", "13/13/2026"), a weekday that does not match the
// date, a year before 1900 or after 2200, and anything else.
Result<TypedDate, QString> parseTypedDate(QStringView text);

// The date as the app shows it back after reading: "5 November 2026", "November 2026", "2026".
QString typedDateText(const TypedDate &date);

// How a precision is asked for in a message: "a day, month and year", "a month and year", "a year".
QString typedDateExample(DatePrecision precision);

} // namespace fairnote::record
