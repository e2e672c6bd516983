// SPDX-FileCopyrightText: 2026 Fairnote contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// QtKeychain's jobs are asynchronous; the Connect dialog needs the answer before it connects, so each
// job runs in a local event loop (the dialog stays painted; the keyring may show its own unlock prompt).
// No insecure fallback: without a keyring the answer is an error, never a password file.
#include "keyring.h"

#include <QEventLoop>
#include <qt6keychain/keychain.h>

using namespace Qt::StringLiterals;

namespace fairnote::ui::keyring {

namespace {

const QString kService = u"Fairnote team server"_s;

template <typename Job>
Outcome run(Job &job)
{
    job.setAutoDelete(false);
    job.setInsecureFallback(false);
    QEventLoop loop;
    QObject::connect(&job, &QKeychain::Job::finished, &loop, &QEventLoop::quit);
    job.start();
    loop.exec();
    Outcome o;
    o.ok = job.error() == QKeychain::NoError;
    o.notFound = job.error() == QKeychain::EntryNotFound;
    if (!o.ok && !o.notFound)
        o.error = job.errorString().isEmpty() ? u"the keyring did not answer"_s : job.errorString();
    return o;
}

} // namespace

QString keyFor(const store::postgres::ServerAddress &a)
{
    return u"%1@%2:%3/%4"_s.arg(a.login, a.host.isEmpty() ? u"localhost"_s : a.host, a.port.isEmpty() ? u"5432"_s : a.port,
                               a.database);
}

Outcome read(const QString &key)
{
    QKeychain::ReadPasswordJob job(kService);
    job.setKey(key);
    Outcome o = run(job);
    if (o.ok)
        o.password = job.textData();
    return o;
}

Outcome write(const QString &key, const QString &password)
{
    QKeychain::WritePasswordJob job(kService);
    job.setKey(key);
    job.setTextData(password);
    return run(job);
}

Outcome forget(const QString &key)
{
    QKeychain::DeletePasswordJob job(kService);
    job.setKey(key);
    Outcome o = run(job);
    if (o.notFound) {
        o.ok = true;
        o.notFound = false;
    }
    return o;
}

} // namespace fairnote::ui::keyring
