// SPDX-FileCopyrightText: 2026 Fairnote contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// Typed dates, read day first, refused with a reason rather than guessed.
#include "record/typeddate.h"

#include <QLocale>
#include <QRegularExpression>

using namespace Qt::StringLiterals;

namespace fairnote::record {

namespace {

constexpr int kFirstYear = 1900;
constexpr int kLastYear = 2200;

const QLocale &uk()
{
    static const QLocale locale(QLocale::English, QLocale::UnitedKingdom);
    return locale;
}

QString monthName(int month) { return uk().monthName(month, QLocale::LongFormat); }

const QString kHowToType = u"Type it like 20 September 2026, 20/9/2026 or 2026-09-20 (or September 2026, or 2026, when that is all "
                           "that is known)."_s;

// A month's name, its first three letters or more ("sep", "sept", "septem"), in any case: 1–12, or 0.
int monthFromWord(QStringView word)
{
    if (word.size() < 3)
        return 0;
    for (int m = 1; m <= 12; ++m) {
        const QString name = monthName(m).toLower();
        if (name.startsWith(word))
            return m;
    }
    return 0;
}

// A weekday's name or its usual short forms: 1 (Monday) – 7, or 0.
int weekdayFromWord(QStringView word)
{
    if (word.size() < 3)
        return 0;
    for (int d = 1; d <= 7; ++d) {
        const QString name = uk().dayName(d, QLocale::LongFormat).toLower();
        if (name.startsWith(word))
            return d;
    }
    return 0;
}

using Read = Result<TypedDate, QString>;

Read refuse(const QString &message) { return message; }

Read year(const QString &digits, int *out)
{
    if (digits.size() == 2)
        return refuse(u"Write the year in full (for example 2026, not %1), so it cannot be read as another century."_s.arg(digits));
    if (digits.size() != 4)
        return refuse(u"“%1” is not a year. %2"_s.arg(digits, kHowToType));
    const int y = digits.toInt();
    if (y < kFirstYear || y > kLastYear)
        return refuse(u"Fairnote takes years from %1 to %2; %3 is outside them."_s.arg(kFirstYear).arg(kLastYear).arg(y));
    *out = y;
    return TypedDate{};
}

Read month(int m, DatePrecision precision)
{
    if (m < 1 || m > 12)
        return refuse(precision == DatePrecision::Day
                          ? u"There is no month %1. Numbers are read day first, the UK way: 5/11/2026 is 5 November 2026."_s.arg(m)
                          : u"There is no month %1."_s.arg(m));
    return TypedDate{};
}

Read dayMonthYear(int d, int m, const QString &yearDigits, bool monthNamed)
{
    int y = 0;
    if (auto r = year(yearDigits, &y); !r)
        return r;
    if (auto r = month(m, monthNamed ? DatePrecision::Month : DatePrecision::Day); !r)
        return r;
    const int days = QDate(y, m, 1).daysInMonth();
    if (d < 1 || d > days)
        return refuse(d < 1 ? u"There is no day %1 in a month."_s.arg(d)
                            : u"%1 %2 has %3 days, so there is no %4 %1."_s.arg(monthName(m)).arg(y).arg(days).arg(d));
    return TypedDate{QDate(y, m, d), DatePrecision::Day};
}

Read monthYear(int m, const QString &yearDigits)
{
    int y = 0;
    if (auto r = year(yearDigits, &y); !r)
        return r;
    if (auto r = month(m, DatePrecision::Month); !r)
        return r;
    return TypedDate{QDate(y, m, 1), DatePrecision::Month};
}

} // namespace

Read parseTypedDate(QStringView typed)
{
    QString s = typed.toString().toLower();
    if (s.trimmed().isEmpty())
        return refuse(u"No date was typed. %1"_s.arg(kHowToType));
    // Commas and "of" are only words between the parts; a full stop after letters ends an abbreviation
    // ("Sept."); an ordinal's letters go ("20th" → 20).
    static const QRegularExpression comma(u","_s), of(u"\\bof\\b"_s), abbreviation(u"(\\p{L})\\."_s),
        ordinal(u"\\b(\\d{1,2})(st|nd|rd|th)\\b"_s), spaces(u"\\s+"_s);
    s.replace(comma, u" "_s).replace(of, u" "_s).replace(abbreviation, u"\\1"_s).replace(ordinal, u"\\1"_s);
    s = s.replace(spaces, u" "_s).trimmed();

    // A weekday in front ("Friday 20 September 2026") must agree with the date.
    int weekday = 0;
    static const QRegularExpression leadingWord(u"^(\\p{L}+) (?=\\d)"_s);
    if (const auto m = leadingWord.match(s); m.hasMatch() && !monthFromWord(m.captured(1)) && weekdayFromWord(m.captured(1))) {
        weekday = weekdayFromWord(m.captured(1));
        s = s.mid(m.capturedLength());
    }

    static const QRegularExpression dayNameYear(u"^(\\d{1,2}) (\\p{L}+) (\\d+)$"_s);
    static const QRegularExpression nameDayYear(u"^(\\p{L}+) (\\d{1,2}) (\\d+)$"_s);
    static const QRegularExpression nameYear(u"^(\\p{L}+) (\\d+)$"_s);
    static const QRegularExpression dayName(u"^(\\d{1,2}) (\\p{L}+)$"_s);
    static const QRegularExpression iso(u"^(\\d{4}) ?[-/.] ?(\\d{1,2}) ?[-/.] ?(\\d{1,2})$"_s);
    static const QRegularExpression numeric(u"^(\\d{1,2}) ?([-/.]|\\s) ?(\\d{1,2}) ?\\2 ?(\\d+)$"_s);
    static const QRegularExpression isoMonth(u"^(\\d{4}) ?[-/.] ?(\\d{1,2})$"_s);
    static const QRegularExpression numericMonth(u"^(\\d{1,2}) ?[-/.] ?(\\d+)$"_s);
    static const QRegularExpression yearOnly(u"^(\\d+)$"_s);

    auto named = [](const QString &word, int *m) -> std::optional<QString> {
        *m = monthFromWord(word);
        if (*m)
            return std::nullopt;
        return u"“%1” is not a month Fairnote knows. Write the month’s name (for example September, or Sept) or its number."_s.arg(word);
    };

    Read read = refuse(u"Fairnote cannot read “%1” as a date. %2"_s.arg(typed.toString().simplified(), kHowToType));
    int m = 0;
    if (const auto x = dayNameYear.match(s); x.hasMatch()) {
        if (auto problem = named(x.captured(2), &m))
            return refuse(*problem);
        read = dayMonthYear(x.captured(1).toInt(), m, x.captured(3), true);
    } else if (const auto x = nameDayYear.match(s); x.hasMatch()) {
        if (auto problem = named(x.captured(1), &m))
            return refuse(*problem);
        read = dayMonthYear(x.captured(2).toInt(), m, x.captured(3), true);
    } else if (const auto x = nameYear.match(s); x.hasMatch()) {
        if (auto problem = named(x.captured(1), &m))
            return refuse(*problem);
        read = monthYear(m, x.captured(2));
    } else if (const auto x = iso.match(s); x.hasMatch()) {
        read = dayMonthYear(x.captured(3).toInt(), x.captured(2).toInt(), x.captured(1), false);
    } else if (const auto x = numeric.match(s); x.hasMatch()) {
        read = dayMonthYear(x.captured(1).toInt(), x.captured(3).toInt(), x.captured(4), false);
    } else if (const auto x = isoMonth.match(s); x.hasMatch()) {
        read = monthYear(x.captured(2).toInt(), x.captured(1));
    } else if (const auto x = numericMonth.match(s); x.hasMatch()) {
        if (x.captured(2).size() <= 2)
            return refuse(u"Fairnote cannot tell whether “%1” is a day and a month or a month and a short year. Write the year in "
                          "full (for example %2/%3/2026)."_s
                              .arg(typed.toString().simplified(), x.captured(1), x.captured(2)));
        read = monthYear(x.captured(1).toInt(), x.captured(2));
    } else if (const auto x = dayName.match(s); x.hasMatch() && monthFromWord(x.captured(2))) {
        return refuse(u"Give the year too (for example %1 %2 2026)."_s.arg(x.captured(1), monthName(monthFromWord(x.captured(2)))));
    } else if (const auto x = yearOnly.match(s); x.hasMatch()) {
        int y = 0;
        if (auto r = year(x.captured(1), &y); !r)
            return r;
        read = TypedDate{QDate(y, 1, 1), DatePrecision::Year};
    }
    if (read && weekday) {
        if (read->precision != DatePrecision::Day)
            return refuse(u"A weekday needs a whole date (for example Friday 20 November 2026)."_s);
        if (read->date.dayOfWeek() != weekday)
            return refuse(u"%1 is a %2, not a %3. Check the date."_s.arg(typedDateText(*read), uk().dayName(read->date.dayOfWeek()),
                                                                          uk().dayName(weekday)));
    }
    return read;
}

QString typedDateText(const TypedDate &d)
{
    if (!d.date.isValid())
        return {};
    switch (d.precision) {
    case DatePrecision::Month: return uk().toString(d.date, u"MMMM yyyy"_s);
    case DatePrecision::Year: return QString::number(d.date.year());
    default: return uk().toString(d.date, u"d MMMM yyyy"_s);
    }
}

QString typedDateExample(DatePrecision precision)
{
    switch (precision) {
    case DatePrecision::Month: return u"a month and year (for example September 2026, or 09/2026)"_s;
    case DatePrecision::Year: return u"a year (for example 2026)"_s;
    default: return u"a day, month and year (for example 20 September 2026, or 20/9/2026)"_s;
    }
}

} // namespace fairnote::record
