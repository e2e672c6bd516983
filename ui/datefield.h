// SPDX-FileCopyrightText: 2026 Fairnote contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// DateField: a date typed as the worker writes it ("20 September 2026", "5/11/2026", "2026-11-05",
// "September 2026", "2026"), read by core's record::parseTypedDate() — day first, the UK way — or picked
// from a calendar. The typed date is the date kept: nothing is guessed, and what cannot be read is
// refused with a message beside the field, never completed from today's date.
#pragma once

#include "record/typeddate.h"

#include <QDate>
#include <QDateTime>
#include <QWidget>

class QCalendarWidget;
class QLabel;
class QLineEdit;
class QMenu;
class QToolButton;

namespace fairnote::ui {

class DateField : public QWidget
{
    Q_OBJECT

public:
    // `precision`: what the field holds — DatePrecision::Day (a whole date), Month or Year. A date typed
    // at another precision is refused with a message that says what the field takes.
    DateField(record::DatePrecision precision, const QString &accessibleName, QWidget *parent = nullptr);

    record::DatePrecision precision() const { return m_precision; }
    // A readable date of the field's precision is typed (and within the limits).
    bool isEntered() const { return m_date.isValid(); }
    // Nothing typed.
    bool isBlank() const;
    // The date read (the 1st of the month, 1 January of the year); invalid while blank or not readable.
    QDate date() const { return m_date; }
    // What is wrong with the text typed, in plain words; empty when it is blank or read.
    QString problem() const { return m_problem; }
    // Shows `date` (at the field's precision); an invalid date makes the field blank.
    void setDate(const QDate &date);
    void clear();
    void setReadOnly(bool readOnly);
    bool isReadOnly() const;
    // The latest date the field takes (a date of birth: today), and what to say when it is later.
    void setLatest(const QDate &latest, const QString &message);
    // A date the field refuses whatever is typed (the end of a range before its start), and why.
    void setRefusal(const QString &message);
    void setPlaceholderText(const QString &text);

    QLineEdit *lineEdit() const { return m_edit; }
    QToolButton *calendarButton() const { return m_calendarButton; }
    QLabel *messageLabel() const { return m_message; }
    // Opens the calendar (the button, or Alt+Down / F4 in the field) on the date typed or this month.
    void showCalendar();

signals:
    // The date read changed (including to or from "none"), or the text became readable or unreadable.
    void changed();
    // The worker finished typing (Enter, Tab or leaving the field).
    void editingFinished();

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void read();
    void finish();
    void showMessage();

    record::DatePrecision m_precision;
    QLineEdit *m_edit;
    QToolButton *m_calendarButton;
    QMenu *m_calendarMenu;
    QCalendarWidget *m_calendar;
    QLabel *m_message;
    QDate m_date;
    QString m_problem;
    QDate m_latest;
    QString m_latestMessage;
    QString m_refusal;
    bool m_finished = true; // the worker is not in the middle of typing: problems are shown
};

// A date and a time of day: a DateField and an "hh:mm" box. Invalid until both are given.
class DateTimeField : public QWidget
{
    Q_OBJECT

public:
    explicit DateTimeField(const QString &accessibleName, QWidget *parent = nullptr);
    // The wall-clock date and time, held with a UTC spec (as record dates are); invalid while either is
    // missing or unreadable.
    QDateTime dateTime() const;
    void setDateTime(const QDateTime &dateTime);
    void setReadOnly(bool readOnly);
    DateField *dateField() const { return m_date; }
    QLineEdit *timeEdit() const { return m_time; }

    // "14:05", "9:30", "9.30": a time of day, or an invalid time.
    static QTime parseTime(const QString &text);
    // A line edit for "hh:mm" (its validator and width), for the forms that need one of their own.
    static void setUpTimeEdit(QLineEdit *edit, const QString &accessibleName);

signals:
    void changed();

private:
    DateField *m_date;
    QLineEdit *m_time;
};

} // namespace fairnote::ui
