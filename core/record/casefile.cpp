// SPDX-FileCopyrightText: 2026 Fairnote contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// EventDate: the latest moment an event can have happened, and how to say when it was.
#include "record/casefile.h"

#include <QLocale>

using namespace Qt::StringLiterals;

namespace fairnote::record {

QDateTime EventDate::earliest() const
{
    if (!precision)
        return {};
    switch (*precision) {
    case DatePrecision::Exact: return exact;
    case DatePrecision::Day:
    case DatePrecision::Range: return date.isValid() ? QDateTime(date, QTime(0, 0), Qt::UTC) : QDateTime();
    case DatePrecision::Month: return date.isValid() ? QDateTime(QDate(date.year(), date.month(), 1), QTime(0, 0), Qt::UTC) : QDateTime();
    case DatePrecision::Year: return date.isValid() ? QDateTime(QDate(date.year(), 1, 1), QTime(0, 0), Qt::UTC) : QDateTime();
    case DatePrecision::Unknown: return {};
    }
    return {};
}

QDateTime EventDate::latest() const
{
    if (!precision)
        return {};
    const QTime endOfDay(23, 59, 59);
    switch (*precision) {
    case DatePrecision::Exact: return exact;
    case DatePrecision::Day: return date.isValid() ? QDateTime(date, endOfDay, Qt::UTC) : QDateTime();
    case DatePrecision::Month:
        return date.isValid() ? QDateTime(QDate(date.year(), date.month(), date.daysInMonth()), endOfDay, Qt::UTC) : QDateTime();
    case DatePrecision::Year: return date.isValid() ? QDateTime(QDate(date.year(), 12, 31), endOfDay, Qt::UTC) : QDateTime();
    case DatePrecision::Range: return rangeEnd.isValid() ? QDateTime(rangeEnd, endOfDay, Qt::UTC) : QDateTime();
    case DatePrecision::Unknown: return {};
    }
    return {};
}

QString EventDate::phrase() const
{
    const QLocale uk(QLocale::English, QLocale::UnitedKingdom);
    if (!precision)
        return u"on a date not recorded"_s;
    switch (*precision) {
    case DatePrecision::Exact: return u"on %1 at %2"_s.arg(uk.toString(exact, u"d MMMM yyyy"_s), uk.toString(exact, u"HH:mm"_s));
    case DatePrecision::Day: return u"on "_s + display();
    case DatePrecision::Month:
    case DatePrecision::Year: return u"in "_s + display();
    case DatePrecision::Range: return display();
    case DatePrecision::Unknown: return u"on a date that is not known"_s;
    }
    return {};
}

QString EventDate::display() const
{
    const QLocale uk(QLocale::English, QLocale::UnitedKingdom);
    if (!precision)
        return u"event date not given"_s;
    switch (*precision) {
    case DatePrecision::Exact: return uk.toString(exact, u"d MMMM yyyy, HH:mm"_s);
    case DatePrecision::Day: return uk.toString(date, u"d MMMM yyyy"_s);
    case DatePrecision::Month: return uk.toString(date, u"MMMM yyyy"_s);
    case DatePrecision::Year: return QString::number(date.year());
    case DatePrecision::Range:
        return u"between %1 and %2"_s.arg(uk.toString(date, u"d MMMM yyyy"_s), uk.toString(rangeEnd, u"d MMMM yyyy"_s));
    case DatePrecision::Unknown: return u"date unknown"_s;
    }
    return {};
}

} // namespace fairnote::record
