// SPDX-FileCopyrightText: 2026 Fairnote contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// The add / edit person dialog.
#include "persondialog.h"

#include <QCheckBox>
#include <QDateEdit>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QPushButton>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace fairnote::ui {

namespace {

// A field with a line of help under it, in the form's field column.
QWidget *withHelp(QWidget *field, const QString &help, QWidget *parent)
{
    auto *box = new QWidget(parent);
    auto *label = new QLabel(help, box);
    label->setWordWrap(true);
    label->setTextFormat(Qt::PlainText);
    field->setAccessibleDescription(help);
    auto *layout = new QVBoxLayout(box);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(2);
    layout->addWidget(field);
    layout->addWidget(label);
    return box;
}

// The date box's "not known" value, just below any real date of birth.
const QDate kNotKnown(1899, 12, 31);

} // namespace

PersonDialog::PersonDialog(const record::Person &person, QWidget *parent) : QDialog(parent), m_id(person.id)
{
    const bool adding = person.id.isEmpty() && person.name.isEmpty();
    setWindowTitle(adding ? tr("Add a person") : tr("Change %1’s details").arg(person.name));

    m_name = new QLineEdit(person.name, this);
    m_name->setObjectName(u"nameEdit"_s);
    m_name->setAccessibleName(tr("Name (needed)"));

    m_otherNames = new QLineEdit(person.otherNames.join(u", "_s), this);
    m_otherNames->setObjectName(u"otherNamesEdit"_s);
    m_otherNames->setAccessibleName(tr("Other names"));
    m_otherNames->setPlaceholderText(tr("For example: Kev Dean, Kevin Deane"));

    m_dobKnown = new QCheckBox(tr("Date of birth &known"), this);
    m_dobKnown->setObjectName(u"dateOfBirthKnownBox"_s);
    m_dobKnown->setChecked(person.dateOfBirth.isValid());
    m_dob = new QDateEdit(this);
    m_dob->setObjectName(u"dateOfBirthEdit"_s);
    m_dob->setAccessibleName(tr("Date of birth"));
    m_dob->setLocale(QLocale(QLocale::English, QLocale::UnitedKingdom));
    m_dob->setDisplayFormat(u"d MMMM yyyy"_s);
    m_dob->setCalendarPopup(true);
    // Not known: the box says so (Qt shows the special text at the minimum date). Known but not yet
    // entered: it starts on today, which is never accepted (update()), so no date is saved unchosen.
    m_dob->setMinimumDate(kNotKnown);
    m_dob->setMaximumDate(QDate::currentDate());
    m_dob->setSpecialValueText(tr("Not known"));
    m_dob->setDate(person.dateOfBirth.isValid() ? person.dateOfBirth : kNotKnown);
    m_dob->setEnabled(m_dobKnown->isChecked());
    auto *dobRow = new QWidget(this);
    auto *dobLayout = new QVBoxLayout(dobRow);
    dobLayout->setContentsMargins(0, 0, 0, 0);
    dobLayout->setSpacing(4);
    dobLayout->addWidget(m_dobKnown);
    dobLayout->addWidget(m_dob);

    auto *form = new QFormLayout;
    form->setRowWrapPolicy(QFormLayout::WrapLongRows);
    form->setFieldGrowthPolicy(QFormLayout::ExpandingFieldsGrow);
    auto *nameLabel = new QLabel(tr("&Name (needed):"), this);
    nameLabel->setBuddy(m_name);
    form->addRow(nameLabel, withHelp(m_name, tr("The name they use."), this));
    auto *otherLabel = new QLabel(tr("&Other names:"), this);
    otherLabel->setBuddy(m_otherNames);
    form->addRow(otherLabel,
        withHelp(m_otherNames, tr("Other names or spellings they are known by, separated by commas."), this));
    auto *dobLabel = new QLabel(tr("Date of birth:"), this);
    dobLabel->setBuddy(m_dobKnown);
    form->addRow(dobLabel,
        withHelp(dobRow,
            tr("Leave this unticked if it is not known. Fairnote never guesses a date of "
               "birth."),
            this));

    m_hint = new QLabel(this);
    m_hint->setObjectName(u"hintLabel"_s);
    m_hint->setWordWrap(true);

    auto *buttons = new QDialogButtonBox(this);
    m_ok = buttons->addButton(adding ? tr("&Add person") : tr("&Save"), QDialogButtonBox::AcceptRole);
    m_ok->setObjectName(u"okButton"_s);
    m_ok->setDefault(true);
    QPushButton *cancel = buttons->addButton(QDialogButtonBox::Cancel);
    cancel->setText(tr("Cancel"));
    connect(buttons, &QDialogButtonBox::accepted, this, [this] {
        if (m_ok->isEnabled())
            accept();
    });
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(m_hint);
    layout->addStretch();
    layout->addWidget(buttons);

    connect(m_name, &QLineEdit::textChanged, this, &PersonDialog::update);
    connect(m_dob, &QDateEdit::dateChanged, this, &PersonDialog::update);
    connect(m_dobKnown, &QCheckBox::toggled, this, [this](bool known) {
        m_dob->setEnabled(known);
        if (known && m_dob->date() == kNotKnown)
            m_dob->setDate(QDate::currentDate());
        else if (!known)
            m_dob->setDate(kNotKnown);
        if (known)
            m_dob->setFocus();
        update();
    });
    update();
    m_name->setFocus();
    resize(540, sizeHint().height());
}

record::Person PersonDialog::person() const
{
    record::Person p;
    p.id = m_id;
    p.name = m_name->text().trimmed();
    for (const QString &part : m_otherNames->text().split(u',')) {
        const QString name = part.trimmed();
        if (!name.isEmpty() && !p.otherNames.contains(name))
            p.otherNames << name;
    }
    if (dateEntered())
        p.dateOfBirth = m_dob->date();
    return p;
}

bool PersonDialog::dateEntered() const
{
    return m_dobKnown->isChecked() && m_dob->date() > kNotKnown && m_dob->date() < QDate::currentDate();
}

void PersonDialog::update()
{
    QStringList missing;
    if (m_name->text().trimmed().isEmpty())
        missing << tr("Give the name they use.");
    if (m_dobKnown->isChecked() && !dateEntered())
        missing << tr("Enter their date of birth, or untick “Date of birth known”.");
    m_ok->setEnabled(missing.isEmpty());
    m_hint->setText(missing.join(u' '));
}

} // namespace fairnote::ui
