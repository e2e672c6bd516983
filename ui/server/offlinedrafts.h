// SPDX-FileCopyrightText: 2026 Fairnote contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// Drafts kept on this computer while the team server cannot be reached: written as the worker types
// (one file per entry, in a folder only they may enter), saved to the server when it is back, and
// forgotten once the server has them. Nothing typed is lost to a dropped connection, a closed window
// or a crash in between.
#pragma once

#include "record/casefile.h"

#include <QDateTime>
#include <QString>
#include <vector>

namespace fairnote::ui::server {

class OfflineDrafts
{
public:
    // `folder`: where this server and login's drafts are kept (made owner-only when first needed).
    explicit OfflineDrafts(QString folder);

    // The folder for a server and login under the app's data folder.
    static QString folderFor(const QString &dataDir, const QString &serverKey);

    // Keeps (or replaces) the draft of `entry` (its id chosen before its first save). False, with
    // `error`, when the computer cannot write it either.
    bool keep(const QString &personId, const record::Entry &entry, QString *error = nullptr);
    void forget(const QString &entryId);

    struct Kept
    {
        QString personId;
        record::Entry entry;
        QDateTime keptAt;
    };
    // Every draft kept, oldest first (unreadable files are left where they are, for someone to look at).
    std::vector<Kept> all() const;
    bool isEmpty() const { return all().empty(); }
    QString folder() const { return m_folder; }

private:
    QString m_folder;
};

} // namespace fairnote::ui::server
