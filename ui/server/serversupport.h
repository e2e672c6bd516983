// SPDX-FileCopyrightText: 2026 Fairnote contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// What a window on a team server adds to a window on a file: who is logged in (for the title and the
// status bar), lock on idle, and drafts kept on this computer while the connection is lost (saved when
// the server is back). The window asks; this holds no rule about records.
#pragma once

#include "server/offlinedrafts.h"
#include "store/postgres/open.h"
#include "store/store.h"

#include <QObject>
#include <QTimer>
#include <functional>

class QMainWindow;
class QSettings;

namespace fairnote::ui::server {

class IdleLock;

class ServerSupport : public QObject
{
    Q_OBJECT

public:
    static constexpr int kRetryMs = 20000;

    // `saveNow` saves the window's open draft (true when it reached the server); `dataDir` holds the
    // drafts kept while offline.
    ServerSupport(QMainWindow *window, QSettings *settings, store::postgres::Session session, QString conninfo, const QString &dataDir,
                  std::function<bool()> saveNow);
    ~ServerSupport() override;

    const store::postgres::Session &session() const { return m_session; }
    // "Fairnote server fairnote on db.example.org — jo (worker)" and the like.
    QString serverText() const;
    QString loginText() const;

    IdleLock *idleLock() const { return m_lock; }
    OfflineDrafts &offlineDrafts() { return m_offline; }
    bool isOffline() const { return m_offlineSince.isValid(); }

    // A save of the open draft failed. A lost connection keeps the draft on this computer and tries
    // again every kRetryMs; returns what to tell the worker (empty: not a connection problem).
    QString saveFailed(const QString &personId, const record::Entry &entry, const store::StoreError &error);
    // The draft reached the server: the copy kept here is forgotten. Returns what to tell the worker
    // when this ends a time offline (empty otherwise).
    QString saved(const QString &entryId);
    // Drafts kept here in an earlier session, saved to the server now; returns what to say (empty: none).
    QString saveKeptDrafts(store::Store &store);

signals:
    void connectionLost();
    void connectionBack();

private:
    store::postgres::Session m_session;
    QString m_conninfo;
    OfflineDrafts m_offline;
    IdleLock *m_lock = nullptr;
    QTimer m_retry;
    QDateTime m_offlineSince;
    std::function<bool()> m_saveNow;
};

} // namespace fairnote::ui::server
