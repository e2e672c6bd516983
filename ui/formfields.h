// SPDX-FileCopyrightText: 2026 Fairnote contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// Small field widgets of the record form: enumeration choices with "Not answered", an optional date,
// the event date with its precision, and the list of interventions.
#pragma once

#include "record/casefile.h"
#include "record/describe.h"
#include "record/enums.h"

#include "datefield.h"

#include <QComboBox>
#include <QWidget>
#include <optional>

class QCheckBox;
class QLineEdit;
class QStackedWidget;
class QTableWidget;
class QPushButton;

namespace fairnote::ui {

// The text of the blank choice every enumeration starts with.
QString notAnsweredText();

// Fills `box` with "Not answered" (data -1) and every value of E with its plain title (data: the
// value's index in the interchange table, so the order is the record's).
template <typename E>
void fillChoices(QComboBox *box)
{
    box->clear();
    box->addItem(notAnsweredText(), -1);
    int i = 0;
    for (const auto &[value, id] : record::EnumIds<E>::table) {
        box->addItem(record::title(value), i++);
        box->setItemData(box->count() - 1, id.toString(), Qt::UserRole + 1);
    }
}

template <typename E>
std::optional<E> choice(const QComboBox *box)
{
    const int i = box->currentData().toInt();
    if (i < 0 || i >= int(std::size(record::EnumIds<E>::table)))
        return std::nullopt;
    return record::EnumIds<E>::table[i].first;
}

template <typename E>
void setChoice(QComboBox *box, const std::optional<E> &value)
{
    int index = 0;
    if (value) {
        int i = 0;
        for (const auto &[v, id] : record::EnumIds<E>::table) {
            if (v == *value)
                index = box->findData(i);
            ++i;
        }
    }
    box->setCurrentIndex(index);
}

// A whole date that may not be known: empty means not known. What is typed is read by core's
// parseTypedDate() (DateField); a text that cannot be read is no date, and says so beside the box.
class OptionalDateEdit : public QWidget
{
    Q_OBJECT

public:
    explicit OptionalDateEdit(const QString &accessibleName, QWidget *parent = nullptr);
    QDate date() const; // invalid when not known (or not readable)
    void setDate(const QDate &date);
    void setReadOnly(bool readOnly);
    DateField *field() const { return m_edit; }

signals:
    void changed();

private:
    DateField *m_edit;
};

// When the event happened, as precisely as it is known: a precision (not answered, exact date and
// time, day, month, year, between two dates, unknown) and the matching fields. Nothing is guessed:
// the fields of a chosen precision stay blank until the worker types a date (or picks one), and until
// then the value has no precision (the question stays open). A range that ends before it starts is
// refused beside its last date, never corrected.
class EventDateEdit : public QWidget
{
    Q_OBJECT

public:
    explicit EventDateEdit(QWidget *parent = nullptr);
    record::EventDate value() const;
    void setValue(const record::EventDate &date);
    void setReadOnly(bool readOnly);
    QComboBox *precisionBox() const { return m_precision; }
    // The date fields of every precision (hidden ones too): exact, day, month, year, from, to.
    QList<DateField *> dateFields() const;
    QLineEdit *timeEdit() const { return m_exactTime; }

signals:
    void changed();

private:
    void showFields();

    QComboBox *m_precision;
    QStackedWidget *m_pages;
    DateField *m_exactDate;
    QLineEdit *m_exactTime;
    DateField *m_day;
    DateField *m_month;
    DateField *m_year;
    DateField *m_from;
    DateField *m_to;
};

// Interventions since the incident (a fire-setter programme, treatment, …): a small table with the
// type, the date (may be blank) and what it was, and buttons to add and remove rows.
class InterventionsEdit : public QWidget
{
    Q_OBJECT

public:
    explicit InterventionsEdit(QWidget *parent = nullptr);
    std::vector<record::Intervention> value() const;
    void setValue(const std::vector<record::Intervention> &interventions);
    void setReadOnly(bool readOnly);
    QTableWidget *table() const { return m_table; }

signals:
    void changed();
    // A row was added or removed (or the table was filled).
    void rowsChanged();

private:
    void addRow(const record::Intervention &intervention);
    void updateButtons();

    QTableWidget *m_table;
    QPushButton *m_add;
    QPushButton *m_remove;
    bool m_readOnly = false;
};

} // namespace fairnote::ui
