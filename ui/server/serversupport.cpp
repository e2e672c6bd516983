// SPDX-FileCopyrightText: 2026 Fairnote contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// A window on a team server: who is logged in, lock on idle, drafts kept while the connection is lost.
#include "server/serversupport.h"

#include "server/idlelock.h"

#include <QMainWindow>
#include <QSettings>

using namespace Qt::StringLiterals;

namespace fairnote::ui::server {

ServerSupport::ServerSupport(QMainWindow *window, QSettings *settings, store::postgres::Session session, QString conninfo,
                             const QString &dataDir, std::function<bool()> saveNow)
    : QObject(window), m_session(std::move(session)), m_conninfo(std::move(conninfo)),
      m_offline(OfflineDrafts::folderFor(dataDir, m_session.login + u'@' + m_session.host + u':' + m_session.port + u'/' + m_session.database)),
      m_saveNow(std::move(saveNow))
{
    const int minutes = settings ? settings->value(u"server/lockAfterMinutes"_s, IdleLock::kDefaultMinutes).toInt() : IdleLock::kDefaultMinutes;
    m_lock = new IdleLock(window, minutes, [this] { if (m_saveNow) m_saveNow(); },
                          [this](const QString &password) -> std::optional<QString> {
                              auto ok = store::postgres::checkLogin(store::postgres::withPassword(m_conninfo, password));
                              if (ok)
                                  return std::nullopt;
                              return tr("That did not unlock Fairnote: %1 Check the password and try again.").arg(ok.error().message);
                          });
    m_retry.setInterval(kRetryMs);
    connect(&m_retry, &QTimer::timeout, this, [this] {
        if (m_saveNow)
            m_saveNow();
    });
}

ServerSupport::~ServerSupport() = default;

QString ServerSupport::serverText() const
{
    const QString host = m_session.host.isEmpty() || m_session.host.startsWith(u'/') ? tr("this computer") : m_session.host;
    return tr("Fairnote server %1 on %2").arg(m_session.database, host);
}

QString ServerSupport::loginText() const
{
    return tr("Logged in as %1 (%2, %3)").arg(m_session.login, m_session.actor.name, m_session.role);
}

QString ServerSupport::saveFailed(const QString &personId, const record::Entry &entry, const store::StoreError &error)
{
    if (error.code != store::ErrorCode::Io)
        return {};
    QString problem;
    const bool kept = m_offline.keep(personId, entry, &problem);
    if (!m_offlineSince.isValid()) {
        m_offlineSince = QDateTime::currentDateTimeUtc();
        emit connectionLost();
    }
    m_retry.start();
    if (!kept)
        return tr("The connection to the server was lost, and this computer could not keep a copy of your draft (%1). "
                  "Keep this window open: Fairnote tries to save it every %n second(s).", nullptr, kRetryMs / 1000).arg(problem);
    return tr("The connection to the server was lost. Your draft is kept on this computer and will be saved to the server as "
              "soon as it is back; you can keep writing.");
}

QString ServerSupport::saved(const QString &entryId)
{
    m_offline.forget(entryId);
    if (!m_offlineSince.isValid())
        return {};
    m_offlineSince = {};
    m_retry.stop();
    emit connectionBack();
    return tr("The server is back, and your draft is saved on it.");
}

QString ServerSupport::saveKeptDrafts(store::Store &store)
{
    const auto kept = m_offline.all();
    if (kept.empty())
        return {};
    int savedCount = 0;
    QStringList problems;
    for (const auto &k : kept) {
        auto id = store.saveDraft(k.personId, k.entry, m_session.actor);
        if (id) {
            m_offline.forget(k.entry.id);
            ++savedCount;
        } else {
            problems << u"%1: %2"_s.arg(k.entry.id, id.error().message);
        }
    }
    QString out;
    if (savedCount)
        out = tr("%n draft(s) kept on this computer while the server could not be reached are now saved on the server.", nullptr, savedCount);
    if (!problems.isEmpty())
        out += u' ' + tr("%n draft(s) are still kept on this computer: %1", nullptr, int(problems.size())).arg(problems.join(u"; "_s));
    return out.trimmed();
}

} // namespace fairnote::ui::server
