// SPDX-FileCopyrightText: 2026 Fairnote contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "store/keptdrafts.h"

#include "io/atomicfile.h"
#include "json/strictjson.h"
#include "record/interchange.h"
#include "store/store.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <algorithm>

using namespace Qt::StringLiterals;

namespace fairnote::store {

namespace {

constexpr char kSuffix[] = ".kept-draft.json";

// A key as a file name: letters, digits, '-' and '_' kept, anything else as its code.
QString fileNameOf(const QString &key)
{
    QString out;
    for (const QChar c : key) {
        if ((c >= u'a' && c <= u'z') || (c >= u'A' && c <= u'Z') || (c >= u'0' && c <= u'9') || c == u'-' || c == u'_')
            out += c;
        else
            out += u"~%1"_s.arg(uint(c.unicode()), 4, 16, QChar(u'0'));
    }
    return out + QLatin1String(kSuffix);
}

} // namespace

KeptDrafts::KeptDrafts(const QString &baseFolder, const QString &server, const QString &login)
    : m_server(server), m_login(login)
{
    // One folder per server and login; its name says which without spelling out either.
    const QByteArray id = QCryptographicHash::hash((server + u'\n' + login).toUtf8(), QCryptographicHash::Sha256).toHex().left(16);
    m_folder = QDir(baseFolder).filePath(QString::fromLatin1(id));
}

QString KeptDrafts::pathOf(const QString &key) const { return QDir(m_folder).filePath(fileNameOf(key)); }

std::optional<io::IoError> KeptDrafts::keep(const QString &key, const QString &personId, const QString &entryId,
                                            const record::Entry &entry)
{
    if (!QDir().mkpath(m_folder)) {
        io::IoError e;
        e.problem = io::problemFromErrno(errno);
        e.errnum = errno;
        e.operation = io::Operation::Open;
        e.path = m_folder;
        e.writing = true;
        return e;
    }
    QFile::setPermissions(m_folder, QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner);
    // The interchange format gives every entry an id: a new one is written under its key until the server names it.
    record::Entry written = entry;
    written.id = entryId.isEmpty() ? key : entryId;
    const QJsonObject o{{u"fairnote_kept_draft"_s, 1},
                        {u"server"_s, m_server},
                        {u"login"_s, m_login},
                        {u"person_id"_s, personId},
                        {u"entry_id"_s, entryId},
                        {u"kept_at"_s, QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs)},
                        {u"entry"_s, record::entryToJson(written)}};
    return io::writeFileAtomically(pathOf(key), QJsonDocument(o).toJson(QJsonDocument::Indented));
}

std::vector<KeptDraft> KeptDrafts::list(QStringList *unreadable) const
{
    std::vector<KeptDraft> out;
    const QDir dir(m_folder);
    for (const QFileInfo &info : dir.entryInfoList({u"*"_s + QLatin1String(kSuffix)}, QDir::Files)) {
        QFile f(info.filePath());
        auto bad = [&] {
            if (unreadable)
                *unreadable << info.filePath();
        };
        if (!f.open(QIODevice::ReadOnly)) {
            bad();
            continue;
        }
        const auto o = json::parseObject(f.read(16 * 1024 * 1024), u"a kept draft"_s);
        if (!o || o->value(u"fairnote_kept_draft"_s).toInt() != 1) {
            bad();
            continue;
        }
        auto entry = record::entryFromJson(o->value(u"entry"_s).toObject(), info.filePath());
        const QDateTime at = QDateTime::fromString(o->value(u"kept_at"_s).toString(), Qt::ISODateWithMs);
        if (!entry || !at.isValid() || o->value(u"person_id"_s).toString().isEmpty()) {
            bad();
            continue;
        }
        QString key = info.fileName();
        key.chop(int(std::size(kSuffix)) - 1);
        // The key as it was given: "~XXXX" back to its character.
        QString decoded;
        for (qsizetype i = 0; i < key.size(); ++i) {
            if (key[i] == u'~' && i + 4 < key.size()) {
                decoded += QChar(key.mid(i + 1, 4).toUShort(nullptr, 16));
                i += 4;
            } else {
                decoded += key[i];
            }
        }
        const QString entryId = o->value(u"entry_id"_s).toString();
        entry->id = entryId;
        out.push_back({decoded, o->value(u"person_id"_s).toString(), entryId, std::move(*entry), at.toUTC()});
    }
    std::stable_sort(out.begin(), out.end(), [](const KeptDraft &a, const KeptDraft &b) { return a.keptAt < b.keptAt; });
    return out;
}

bool KeptDrafts::has(const QString &key) const { return QFileInfo::exists(pathOf(key)); }

void KeptDrafts::forget(const QString &key)
{
    QFile::remove(pathOf(key));
    QDir().rmdir(m_folder); // only when it is empty
}

bool KeptDrafts::isUnreachable(const StoreError &error) { return error.code == ErrorCode::Io; }

KeptDraftsSent KeptDrafts::sendTo(Store &store, const Actor &author)
{
    KeptDraftsSent sent;
    for (KeptDraft &d : list(&sent.unreadable)) {
        record::Entry entry = d.entry;
        entry.id = d.entryId;
        auto id = store.saveDraft(d.personId, entry, author);
        if (id) {
            forget(d.key);
            ++sent.saved;
            continue;
        }
        if (isUnreachable(id.error())) {
            sent.unreachable = id.error();
            break;
        }
        sent.refused.emplace_back(std::move(d), id.error());
    }
    return sent;
}

} // namespace fairnote::store
