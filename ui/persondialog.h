// SPDX-FileCopyrightText: 2026 Fairnote contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// PersonDialog: add a person to the case file, or change their name, other names and date of birth.
#pragma once

#include "record/casefile.h"

#include <QDialog>

class QCheckBox;
class QDateEdit;
class QLabel;
class QLineEdit;
class QPushButton;

namespace fairnote::ui {

// The name is required (the name they use). A date of birth is recorded only when the worker says it
// is known and enters it: until then the date box says "Not known"; once ticked it starts on today,
// which is never accepted as a date of birth, so a date is never saved that nobody chose.
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
    QCheckBox *dateOfBirthKnownBox() const { return m_dobKnown; }
    QDateEdit *dateOfBirthEdit() const { return m_dob; }

private:
    void update();
    bool dateEntered() const;

    QString m_id;
    QLineEdit *m_name;
    QLineEdit *m_otherNames;
    QCheckBox *m_dobKnown;
    QDateEdit *m_dob;
    QLabel *m_hint;
    QPushButton *m_ok;
};

} // namespace fairnote::ui
