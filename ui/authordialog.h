// SPDX-FileCopyrightText: 2026 Fairnote contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// AuthorDialog: the worker's name, role and organisation, which sign every entry they write.
#pragma once

#include "store/store.h"

#include <QDialog>

class QLabel;
class QLineEdit;
class QPushButton;

namespace fairnote::ui {

// Asked on the first run and from Settings › Your details. The name is required (the store refuses
// an unsigned change); role and organisation are optional. Saving is the caller's job (QSettings).
class AuthorDialog : public QDialog
{
    Q_OBJECT

public:
    explicit AuthorDialog(const store::Actor &current, QWidget *parent = nullptr);

    // The details as typed, each trimmed.
    store::Actor actor() const;

    QPushButton *okButton() const { return m_ok; }
    QLineEdit *nameEdit() const { return m_name; }
    QLineEdit *roleEdit() const { return m_role; }
    QLineEdit *organisationEdit() const { return m_organisation; }

private:
    void update();

    QLineEdit *m_name;
    QLineEdit *m_role;
    QLineEdit *m_organisation;
    QLabel *m_hint;
    QPushButton *m_ok;
};

} // namespace fairnote::ui
