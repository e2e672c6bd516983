// SPDX-FileCopyrightText: 2026 Fairnote contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// The Connect dialog: the four parts of a server's address, a password, and what went wrong in words.
#include "connectdialog.h"

#include "keyring.h"

#include "spellingsetup.h" // sentence()
#include "store/settings.h"

#include <QApplication>
#include <QCheckBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QIntValidator>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPushButton>
#include <QSettings>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace fairnote::ui {

ConnectDialog::ConnectDialog(QSettings *settings, QWidget *parent) : QDialog(parent), m_settings(settings)
{
    setObjectName(u"connectDialog"_s);
    setWindowTitle(tr("Connect to a team server"));
    auto *intro = new QLabel(tr("A team server keeps your team's case records on your organisation's PostgreSQL server. You "
                                "write as your own login; the server decides what you may read and do. Your administrator "
                                "gives you these details."),
                             this);
    intro->setWordWrap(true);

    auto field = [this](const QString &name, const QString &placeholder) {
        auto *f = new QLineEdit(this);
        f->setObjectName(name);
        f->setPlaceholderText(placeholder);
        return f;
    };
    m_host = field(u"connectHost"_s, tr("this computer"));
    m_port = field(u"connectPort"_s, u"5432"_s);
    m_port->setValidator(new QIntValidator(1, 65535, m_port));
    m_database = field(u"connectDatabase"_s, u"fairnote"_s);
    m_login = field(u"connectLogin"_s, tr("your login"));
    m_password = field(u"connectPassword"_s, tr("not needed if the server knows this computer"));
    m_password->setEchoMode(QLineEdit::Password);
    m_database->setText(u"fairnote"_s);
    m_keep = new QCheckBox(tr("&Keep my password in this computer's keyring"), this);
    m_keep->setObjectName(u"connectKeepInKeyring"_s);
    m_keep->setToolTip(tr("Your desktop's keyring (GNOME Keyring or KWallet) keeps it, locked with your computer login, "
                          "so you need not type it each time. Untick to take it out again."));
    if (m_settings) {
        const QStringList last = m_settings->value(store::settingsKey::lastServer).toStringList();
        if (last.size() == 4) {
            m_host->setText(last[0]);
            m_port->setText(last[1]);
            m_database->setText(last[2]);
            m_login->setText(last[3]);
            // Only a flag is in the settings: the password itself is in the keyring.
            if (m_settings->value(store::settingsKey::lastServerInKeyring).toBool()) {
                m_keep->setChecked(true);
                m_password->setPlaceholderText(tr("kept in this computer's keyring"));
            }
        }
    }

    auto *form = new QFormLayout;
    form->addRow(tr("&Server:"), m_host);
    form->addRow(tr("P&ort:"), m_port);
    form->addRow(tr("&Database:"), m_database);
    form->addRow(tr("&Login:"), m_login);
    form->addRow(tr("&Password:"), m_password);
    form->addRow(QString(), m_keep);

    m_error = new QLabel(this);
    m_error->setObjectName(u"connectError"_s);
    m_error->setWordWrap(true);
    m_error->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_error->hide();
    auto *note = new QLabel(tr("Unless you ask for the keyring, the password is kept only while Fairnote is open, to connect "
                               "again if the connection drops, and is never saved."),
                            this);
    note->setWordWrap(true);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Cancel, this);
    m_connect = buttons->addButton(tr("&Connect"), QDialogButtonBox::AcceptRole);
    m_connect->setObjectName(u"connectButton"_s);
    m_connect->setDefault(true);
    connect(m_connect, &QPushButton::clicked, this, &ConnectDialog::tryConnect);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(intro);
    layout->addLayout(form);
    layout->addWidget(m_error);
    layout->addWidget(note);
    layout->addWidget(buttons);
    (m_login->text().isEmpty() ? m_login : m_password)->setFocus();
    resize(480, sizeHint().height());
}

ConnectDialog::~ConnectDialog() = default;

store::postgres::ServerAddress ConnectDialog::address() const
{
    return {m_host->text().trimmed(), m_port->text().trimmed(), m_database->text().trimmed(), m_login->text().trimmed()};
}

bool ConnectDialog::tryConnect()
{
    const store::postgres::ServerAddress a = address();
    if (a.login.isEmpty()) {
        m_error->setText(tr("Give your login: the server records everything you write under it."));
        m_error->show();
        m_login->setFocus();
        return false;
    }
    // The address the keyring holds a password for, if any: the last one connected to, unchanged.
    const QString key = keyring::keyFor(a);
    const bool keptForThis = m_settings && m_settings->value(store::settingsKey::lastServerInKeyring).toBool()
                          && m_settings->value(store::settingsKey::lastServer).toStringList()
                                 == QStringList{a.host, a.port, a.database, a.login};
    QString password = m_password->text();
    bool fromKeyring = false;
    if (password.isEmpty() && m_keep->isChecked() && keptForThis) {
        const keyring::Outcome kept = keyring::read(key);
        if (kept.ok) {
            password = kept.password;
            fromKeyring = true;
        } else if (!kept.notFound) {
            m_error->setText(tr("The keyring could not give your password (%1). Type it instead.").arg(kept.error));
            m_error->show();
            m_password->setFocus();
            return false;
        }
    }
    store::postgres::ServerOpenOptions options;
    if (!password.isEmpty())
        options.password = password;
    m_error->hide();
    m_connect->setEnabled(false);
    QApplication::setOverrideCursor(Qt::WaitCursor);
    auto opened = store::postgres::openServer(store::postgres::connectionString(a), options);
    QApplication::restoreOverrideCursor();
    m_connect->setEnabled(true);
    if (!opened) {
        const auto &e = opened.error();
        if (e.code == store::ErrorCode::NeedsPassword && fromKeyring) {
            // Changed since it was kept: it is of no use, so it leaves the keyring.
            keyring::forget(key);
            if (m_settings)
                m_settings->setValue(store::settingsKey::lastServerInKeyring, false);
            m_password->setPlaceholderText(QString());
            m_error->setText(tr("The server did not accept the password kept in this computer's keyring; it may have been "
                                "changed. Type your password, and it will be kept again."));
        } else if (e.code == store::ErrorCode::NeedsPassword && password.isEmpty()) {
            m_error->setText(tr("The server asks for your password."));
        } else if (e.code == store::ErrorCode::NeedsPassword) {
            m_error->setText(tr("The server did not accept that login and password. Check them and try again."));
        } else {
            m_error->setText(sentence(e.message));
        }
        m_error->show();
        if (e.code == store::ErrorCode::NeedsPassword) {
            m_password->clear();
            m_password->setFocus();
        }
        return false;
    }
    // Connected: the keyring now holds what the box says.
    bool inKeyring = false;
    if (m_keep->isChecked()) {
        if (fromKeyring) {
            inKeyring = true;
        } else if (!password.isEmpty()) {
            const keyring::Outcome kept = keyring::write(key, password);
            inKeyring = kept.ok;
            if (!kept.ok)
                QMessageBox::information(this, tr("Connected, without the keyring"),
                                         tr("You are connected, but this computer's keyring could not keep your password (%1). "
                                            "You will be asked for it next time.")
                                             .arg(kept.error));
        }
    } else if (keptForThis) {
        keyring::forget(key);
    }
    // A password kept for the address connected to before, now replaced as "the last server", would be
    // forgotten by the dialog but not by the keyring: it leaves too.
    if (m_settings && m_settings->value(store::settingsKey::lastServerInKeyring).toBool() && !keptForThis) {
        const QStringList before = m_settings->value(store::settingsKey::lastServer).toStringList();
        if (before.size() == 4)
            keyring::forget(keyring::keyFor({before[0], before[1], before[2], before[3]}));
    }
    if (m_settings) {
        m_settings->setValue(store::settingsKey::lastServer, QStringList{a.host, a.port, a.database, a.login});
        m_settings->setValue(store::settingsKey::lastServerInKeyring, inKeyring);
    }
    m_password->clear();
    m_store = std::move(*opened);
    accept();
    return true;
}

} // namespace fairnote::ui
