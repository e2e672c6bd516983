// SPDX-FileCopyrightText: 2026 Fairnote contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// The "Your details" dialog: name (required), role and organisation.
#include "authordialog.h"

#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace fairnote::ui {

AuthorDialog::AuthorDialog(const store::Actor &current, QWidget *parent) : QDialog(parent)
{
    const bool firstTime = current.name.trimmed().isEmpty();
    setWindowTitle(tr("Your details"));

    QString intro = tr("Every entry you finalise is signed with your name, role and organisation, so whoever reads "
                       "it later knows who wrote it. Fairnote keeps these details on this computer and uses them "
                       "for every entry until you change them here.");
    if (!firstTime)
        intro += u' ' + tr("Entries you have already written keep the details they were signed with.");
    auto *text = new QLabel(intro, this);
    text->setObjectName(u"introLabel"_s);
    text->setWordWrap(true);
    text->setTextFormat(Qt::PlainText);

    m_name = new QLineEdit(current.name, this);
    m_name->setObjectName(u"nameEdit"_s);
    m_name->setAccessibleName(tr("Your name (needed)"));
    m_name->setPlaceholderText(tr("Your full name"));
    m_role = new QLineEdit(current.role, this);
    m_role->setObjectName(u"roleEdit"_s);
    m_role->setAccessibleName(tr("Your role"));
    m_role->setPlaceholderText(tr("For example: Support worker"));
    m_organisation = new QLineEdit(current.organisation, this);
    m_organisation->setObjectName(u"organisationEdit"_s);
    m_organisation->setAccessibleName(tr("Your organisation"));
    m_organisation->setPlaceholderText(tr("For example: the name of your service"));

    auto *form = new QFormLayout;
    form->setRowWrapPolicy(QFormLayout::WrapLongRows);
    form->setFieldGrowthPolicy(QFormLayout::ExpandingFieldsGrow);
    form->addRow(tr("&Name (needed):"), m_name);
    form->addRow(tr("&Role:"), m_role);
    form->addRow(tr("&Organisation:"), m_organisation);

    m_hint = new QLabel(this);
    m_hint->setObjectName(u"hintLabel"_s);
    m_hint->setWordWrap(true);

    auto *buttons = new QDialogButtonBox(this);
    m_ok = buttons->addButton(firstTime ? tr("&Continue") : tr("&Save"), QDialogButtonBox::AcceptRole);
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
    layout->addWidget(text);
    layout->addSpacing(6);
    layout->addLayout(form);
    layout->addWidget(m_hint);
    layout->addStretch();
    layout->addWidget(buttons);

    connect(m_name, &QLineEdit::textChanged, this, &AuthorDialog::update);
    update();
    m_name->setFocus();
    m_name->selectAll();
    resize(520, sizeHint().height());
}

store::Actor AuthorDialog::actor() const
{
    return {m_name->text().trimmed(), m_role->text().trimmed(), m_organisation->text().trimmed()};
}

void AuthorDialog::update()
{
    const bool named = !m_name->text().trimmed().isEmpty();
    m_ok->setEnabled(named);
    m_hint->setText(named ? tr("Role and organisation are optional, but they help a reader understand who wrote "
                               "the entry.")
                          : tr("Your name is needed: every entry is signed with it."));
}

} // namespace fairnote::ui
