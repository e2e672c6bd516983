// SPDX-FileCopyrightText: 2026 Fairnote contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// The "Connect to a team server" dialog.
#include "server/connectdialog.h"

#include "server/passwordstore.h"
#include "store/postgres/open.h"

#include <QApplication>
#include <QCheckBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSettings>
#include <QSpinBox>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace fairnote::ui::server {

namespace {
QString sentence(QString s)
{
    s = s.trimmed();
    if (!s.isEmpty())
        s[0] = s[0].toUpper();
    return s;
}
} // namespace

ConnectDialog::ConnectDialog(QSettings *settings, PasswordStore *passwords, QWidget *parent)
    : QDialog(parent), m_settings(settings), m_passwords(passwords)
{
    setWindowTitle(tr("Connect to a team server"));
    auto *intro = new QLabel(tr("Your team's case records are kept on your organisation's Fairnote server. You log in as "
                                "yourself: everything you write there is signed with your login, and you see the people on "
                                "your team's caseload. Whoever runs the server can tell you its name and your login."),
                             this);
    intro->setObjectName(u"introLabel"_s);
    intro->setWordWrap(true);
    intro->setTextFormat(Qt::PlainText);

    m_host = new QLineEdit(settings->value(u"server/host"_s).toString(), this);
    m_host->setObjectName(u"hostEdit"_s);
    m_host->setPlaceholderText(tr("For example: fairnote.example.org (empty: this computer)"));
    m_host->setAccessibleName(tr("Server"));
    m_port = new QSpinBox(this);
    m_port->setObjectName(u"portSpin"_s);
    m_port->setRange(1, 65535);
    m_port->setValue(settings->value(u"server/port"_s, 5432).toInt());
    m_port->setAccessibleName(tr("Port"));
    m_database = new QLineEdit(settings->value(u"server/database"_s, u"fairnote"_s).toString(), this);
    m_database->setObjectName(u"databaseEdit"_s);
    m_database->setAccessibleName(tr("Database"));
    m_login = new QLineEdit(settings->value(u"server/login"_s, qEnvironmentVariable("USER")).toString(), this);
    m_login->setObjectName(u"loginEdit"_s);
    m_login->setAccessibleName(tr("Login"));
    m_password = new QLineEdit(this);
    m_password->setObjectName(u"passwordEdit"_s);
    m_password->setEchoMode(QLineEdit::Password);
    m_password->setAccessibleName(tr("Password"));
    m_remember = new QCheckBox(tr("&Remember the password in this computer's keyring"), this);
    m_remember->setObjectName(u"rememberCheck"_s);
    m_remember->setChecked(settings->value(u"server/rememberPassword"_s, false).toBool());
    m_keyringNote = new QLabel(this);
    m_keyringNote->setObjectName(u"keyringLabel"_s);
    m_keyringNote->setWordWrap(true);

    auto *form = new QFormLayout;
    form->setRowWrapPolicy(QFormLayout::WrapLongRows);
    form->setFieldGrowthPolicy(QFormLayout::ExpandingFieldsGrow);
    form->addRow(tr("&Server:"), m_host);
    form->addRow(tr("P&ort:"), m_port);
    form->addRow(tr("&Database:"), m_database);
    form->addRow(tr("&Login:"), m_login);
    form->addRow(tr("&Password:"), m_password);
    form->addRow(QString(), m_remember);

    m_problem = new QLabel(this);
    m_problem->setObjectName(u"problemLabel"_s);
    m_problem->setWordWrap(true);
    m_problem->setTextFormat(Qt::PlainText);
    m_problem->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_problem->hide();

    auto *buttons = new QDialogButtonBox(this);
    m_connect = buttons->addButton(tr("&Connect"), QDialogButtonBox::AcceptRole);
    m_connect->setObjectName(u"connectButton"_s);
    m_connect->setDefault(true);
    buttons->addButton(QDialogButtonBox::Cancel)->setText(tr("Cancel"));
    connect(buttons, &QDialogButtonBox::accepted, this, [this] {
        if (connectNow())
            accept();
    });
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(intro);
    layout->addSpacing(6);
    layout->addLayout(form);
    layout->addWidget(m_keyringNote);
    layout->addWidget(m_problem);
    layout->addStretch();
    layout->addWidget(buttons);

    // A password kept in the keyring (when the worker chose that) fills the field.
    if (m_remember->isChecked() && !m_login->text().isEmpty()) {
        QString error;
        if (auto kept = m_passwords->read(key(), &error)) {
            m_password->setText(*kept);
            m_keyringNote->setText(tr("The password comes from this computer's keyring."));
        } else if (!error.isEmpty()) {
            m_keyringNote->setText(tr("The keyring could not be read (%1), so type the password.").arg(error));
        }
    }
    m_keyringNote->setVisible(!m_keyringNote->text().isEmpty());
    (m_host->text().isEmpty() ? m_host : m_password->text().isEmpty() ? m_password : static_cast<QLineEdit *>(m_login))->setFocus();
    resize(560, sizeHint().height());
}

ConnectDialog::~ConnectDialog() = default;

QString ConnectDialog::key() const
{
    return passwordKey(m_host->text().trimmed(), m_port->value(), m_database->text().trimmed(), m_login->text().trimmed());
}

bool ConnectDialog::connectNow()
{
    m_problem->hide();
    if (m_database->text().trimmed().isEmpty() || m_login->text().trimmed().isEmpty()) {
        m_problem->setText(tr("Give the database and your login (whoever runs the server can tell you both)."));
        m_problem->show();
        return false;
    }
    const QString conninfo = store::postgres::serverConninfo(m_host->text(), m_port->value(), m_database->text(), m_login->text(),
                                                             m_password->text());
    QApplication::setOverrideCursor(Qt::WaitCursor);
    auto opened = store::postgres::openServer(conninfo);
    QApplication::restoreOverrideCursor();
    if (!opened) {
        m_problem->setText(sentence(opened.error().message));
        m_problem->show();
        return false;
    }
    m_store = std::move(*opened);
    m_settings->setValue(u"server/host"_s, m_host->text().trimmed());
    m_settings->setValue(u"server/port"_s, m_port->value());
    m_settings->setValue(u"server/database"_s, m_database->text().trimmed());
    m_settings->setValue(u"server/login"_s, m_login->text().trimmed());
    m_settings->setValue(u"server/rememberPassword"_s, m_remember->isChecked());
    if (m_remember->isChecked() && !m_password->text().isEmpty()) {
        QString error;
        if (!m_passwords->write(key(), m_password->text(), &error))
            m_note = tr("Your password was not kept: the keyring could not keep it (%1). You will be asked for it next time.").arg(error);
    } else if (!m_remember->isChecked()) {
        m_passwords->remove(key());
    }
    return true;
}

std::unique_ptr<store::Store> ConnectDialog::takeStore() { return std::move(m_store); }

} // namespace fairnote::ui::server
