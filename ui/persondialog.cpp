// SPDX-FileCopyrightText: 2026 Fairnote contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// The add / edit person dialog.
#include "persondialog.h"

#include "datefield.h"
#include "taborder.h"

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

    m_dob = new DateField(record::DatePrecision::Day, tr("Date of birth"), this);
    m_dob->setObjectName(u"dateOfBirthField"_s);
    m_dob->setPlaceholderText(tr("Not known — or type it, e.g. 5 November 1979"));
    m_dob->setDate(person.dateOfBirth);
    m_dob->setLatest(QDate::currentDate(), tr("That is after today. Check the date of birth, or leave the box empty if it is not known."));

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
    auto *dobLabel = new QLabel(tr("Date of &birth:"), this);
    dobLabel->setBuddy(m_dob);
    form->addRow(dobLabel,
        withHelp(m_dob,
            tr("Leave it empty if it is not known. Type it as you would write it (5 November 1979, or 5/11/1979, day first). "
               "Fairnote never guesses a date of birth."),
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
    connect(m_dob, &DateField::changed, this, &PersonDialog::update);
    connect(m_dob, &DateField::editingFinished, this, &PersonDialog::update);
    connectLabelBuddies(this);
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
    p.dateOfBirth = m_dob->date();
    return p;
}

void PersonDialog::update()
{
    QStringList missing;
    if (m_name->text().trimmed().isEmpty())
        missing << tr("Give the name they use.");
    if (!m_dob->isBlank() && !m_dob->isEntered())
        missing << tr("Correct the date of birth, or leave it empty if it is not known.");
    m_ok->setEnabled(missing.isEmpty());
    m_hint->setText(missing.join(u' '));
}

} // namespace fairnote::ui
