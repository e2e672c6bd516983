// SPDX-FileCopyrightText: 2026 Fairnote contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// Drafts kept on this computer: the entry as interchange JSON, with its person and when it was kept.
#include "server/offlinedrafts.h"

#include "record/interchange.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSaveFile>
#include <algorithm>

using namespace Qt::StringLiterals;

namespace fairnote::ui::server {

OfflineDrafts::OfflineDrafts(QString folder) : m_folder(std::move(folder)) {}

QString OfflineDrafts::folderFor(const QString &dataDir, const QString &serverKey)
{
    const QString hash = QString::fromLatin1(QCryptographicHash::hash(serverKey.toUtf8(), QCryptographicHash::Sha256).toHex().left(16));
    return QDir(dataDir).filePath(u"offline-drafts/"_s + hash);
}

bool OfflineDrafts::keep(const QString &personId, const record::Entry &entry, QString *error)
{
    // Owner-only: the folder is made 0700 before anything is written in it.
    if (!QDir().mkpath(m_folder) || !QFile::setPermissions(m_folder, QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner)) {
        if (error)
            *error = QObject::tr("the folder %1 cannot be made").arg(m_folder);
        return false;
    }
    const QJsonObject o{{u"person"_s, personId}, {u"kept_at"_s, QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs)},
                        {u"entry"_s, record::entryToJson(entry)}};
    QSaveFile f(QDir(m_folder).filePath(entry.id + u".json"_s));
    if (!f.open(QIODevice::WriteOnly) || f.write(QJsonDocument(o).toJson(QJsonDocument::Compact)) < 0 || !f.commit()) {
        if (error)
            *error = f.errorString();
        return false;
    }
    QFile::setPermissions(f.fileName(), QFileDevice::ReadOwner | QFileDevice::WriteOwner);
    return true;
}

void OfflineDrafts::forget(const QString &entryId)
{
    if (!entryId.isEmpty())
        QFile::remove(QDir(m_folder).filePath(entryId + u".json"_s));
}

std::vector<OfflineDrafts::Kept> OfflineDrafts::all() const
{
    std::vector<Kept> out;
    const QDir dir(m_folder);
    for (const QString &name : dir.entryList({u"*.json"_s}, QDir::Files)) {
        QFile f(dir.filePath(name));
        if (!f.open(QIODevice::ReadOnly))
            continue;
        const QJsonObject o = QJsonDocument::fromJson(f.read(4 * 1024 * 1024)).object();
        auto entry = record::entryFromJson(o.value(u"entry"_s).toObject());
        if (!entry || o.value(u"person"_s).toString().isEmpty())
            continue;
        out.push_back({o.value(u"person"_s).toString(), *entry, QDateTime::fromString(o.value(u"kept_at"_s).toString(), Qt::ISODateWithMs)});
    }
    std::sort(out.begin(), out.end(), [](const Kept &a, const Kept &b) { return a.keptAt < b.keptAt; });
    return out;
}

} // namespace fairnote::ui::server
