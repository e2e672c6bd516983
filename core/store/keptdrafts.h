// SPDX-FileCopyrightText: 2026 Fairnote contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// Drafts kept on this computer while a team server cannot be reached: nothing a worker typed is lost
// when the network drops, the server restarts or the laptop is closed before it is back.
//
// One folder per server and login (owner-only, 0700), one file per draft (owner-only, 0600, written
// whole or not at all by io::AtomicFile), named by the entry it belongs to, or by a key of its own for a
// new entry the server has not seen yet. The file is JSON:
//
//   {"fairnote_kept_draft": 1, "server": "…", "login": "…", "person_id": "P-…", "entry_id": "E-…" or "",
//    "kept_at": "2026-12-07T18:02:11.123Z", "entry": { the entry as the interchange format writes it }}
//
// It is removed as soon as the server has the draft. docs/server.md ("When the server cannot be reached").
#pragma once

#include "io/ioerror.h"
#include "record/casefile.h"
#include "store/actor.h"
#include "store/errors.h"

#include <QDateTime>
#include <QString>
#include <QStringList>
#include <optional>
#include <vector>

namespace fairnote::store {

class Store;

struct KeptDraft
{
    QString key;      // the entry's id, or a key of its own for a new entry
    QString personId;
    QString entryId;  // empty: a new entry, not yet on the server
    record::Entry entry;
    QDateTime keptAt; // UTC
};

// What saving the kept drafts to the server did.
struct KeptDraftsSent
{
    int saved = 0;
    std::vector<std::pair<KeptDraft, StoreError>> refused; // still kept: the server said no (not a lost connection)
    std::optional<StoreError> unreachable;                // the server could not be reached: the rest are still kept
    QStringList unreadable;                                // files that are not a kept draft (left where they are)
};

class KeptDrafts
{
public:
    // The drafts of `login` on the server `server` (host, port and database, as the window names it),
    // under `baseFolder` (the app passes its data folder's "kept-drafts").
    KeptDrafts(const QString &baseFolder, const QString &server, const QString &login);

    const QString &folder() const { return m_folder; }

    // Keeps `entry` (of `personId`; `entryId` empty for a new entry) under `key`, replacing what was kept
    // under that key before. Whole or not at all; returns the error when the computer could not keep it.
    std::optional<io::IoError> keep(const QString &key, const QString &personId, const QString &entryId, const record::Entry &entry);
    // Every draft kept, oldest first. Files that are not kept drafts are named in `unreadable`.
    std::vector<KeptDraft> list(QStringList *unreadable = nullptr) const;
    bool has(const QString &key) const;
    // Removes the draft kept under `key` (the server has it now).
    void forget(const QString &key);

    // Saves every kept draft to `store` as `author`, oldest first; each one the server took is forgotten.
    // Stops at the first lost connection (the rest stay kept for the next try). A draft the server refuses
    // (its entry was finalised since, or is no longer on the login's caseload) stays kept and is named.
    KeptDraftsSent sendTo(Store &store, const Actor &author);

    // Whether a store's error is a lost or refused connection, the one kind of failure that keeps a draft.
    static bool isUnreachable(const StoreError &error);

private:
    QString pathOf(const QString &key) const;
    QString m_folder, m_server, m_login;
};

} // namespace fairnote::store
