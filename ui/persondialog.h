// SPDX-FileCopyrightText: 2026 Fairnote contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// PersonDialog: add a person to the case file, or change their name, other names and date of birth.
#pragma once

#include "record/casefile.h"

#include <QDialog>

class QLabel;
class QLineEdit;
class QPushButton;

namespace fairnote::ui {

class DateField;

// The name is required (the name they use). A date of birth is recorded only when the worker types
// (or picks) one: the box is empty ("Not known") until then, a typed date is read by core's one rule
// (day first; "5/11/1979" is 5 November 1979), and one that cannot be read, or is after today, is
// refused beside the box and keeps the button disabled. No date is ever made up.
class PersonDialog : public QDialog
{
    Q_OBJECT

public:
    explicit PersonDialog(const record::Person &person, QWidget *parent = nullptr);

    // The person as entered, with the id it was given. Names are trimmed; other names are split at
    // commas, trimmed, blanks and repeats left out; the date of birth is invalid when not known.
    record::Person person() const;

    QPushButton *okButton() const { return m_ok; }
    QLineEdit *nameEdit() const { return m_name; }
    QLineEdit *otherNamesEdit() const { return m_otherNames; }
    DateField *dateOfBirthField() const { return m_dob; }

private:
    void update();

    QString m_id;
    QLineEdit *m_name;
    QLineEdit *m_otherNames;
    DateField *m_dob;
    QLabel *m_hint;
    QPushButton *m_ok;
};

} // namespace fairnote::ui
