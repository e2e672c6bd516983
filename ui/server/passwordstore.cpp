// SPDX-FileCopyrightText: 2026 Fairnote contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// The system keyring through QtKeychain's jobs, waited for in a local event loop.
#include "server/passwordstore.h"

#include <QCoreApplication>
#include <QEventLoop>
#include <qt6keychain/keychain.h>

using namespace Qt::StringLiterals;

namespace fairnote::ui::server {

namespace {

const QString kService = u"Fairnote team server"_s;

// Runs a keyring job to its end; returns its error text (empty when it worked).
QString run(QKeychain::Job &job)
{
    QEventLoop loop;
    QObject::connect(&job, &QKeychain::Job::finished, &loop, &QEventLoop::quit);
    job.setAutoDelete(false);
    job.start();
    loop.exec(QEventLoop::ExcludeUserInputEvents);
    if (job.error() == QKeychain::NoError)
        return {};
    if (job.error() == QKeychain::EntryNotFound)
        return u"not kept"_s;
    return job.errorString().isEmpty() ? u"the keyring did not answer"_s : job.errorString();
}

} // namespace

QString passwordKey(const QString &host, int port, const QString &database, const QString &login)
{
    return u"%1@%2:%3/%4"_s.arg(login, host.isEmpty() ? u"localhost"_s : host).arg(port > 0 ? port : 5432).arg(database);
}

std::optional<QString> KeychainPasswordStore::read(const QString &key, QString *error)
{
    QKeychain::ReadPasswordJob job(kService);
    job.setKey(key);
    const QString problem = run(job);
    if (problem.isEmpty())
        return job.textData();
    if (error && problem != u"not kept")
        *error = problem;
    return std::nullopt;
}

bool KeychainPasswordStore::write(const QString &key, const QString &password, QString *error)
{
    QKeychain::WritePasswordJob job(kService);
    job.setKey(key);
    job.setTextData(password);
    const QString problem = run(job);
    if (!problem.isEmpty() && error)
        *error = problem;
    return problem.isEmpty();
}

void KeychainPasswordStore::remove(const QString &key)
{
    QKeychain::DeletePasswordJob job(kService);
    job.setKey(key);
    run(job);
}

} // namespace fairnote::ui::server
