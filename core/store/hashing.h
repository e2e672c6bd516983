// SPDX-FileCopyrightText: 2026 Fairnote contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// Canonical hashing of what the record holds: a final revision with its assessment, a review, an audit
// row (chained to the one before). Every backend hashes the same fields the same way, so a record moved
// from a file to a server keeps provable hashes. SHA-256, hex, over "name=length:value\n" lines.
#pragma once

#include "store/types.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QString>
#include <optional>

namespace fairnote::store {

// A canonical, unambiguous serialisation for hashing: "name=length:value\n" per field, in the order added.
class Canon
{
public:
    Canon();
    Canon &add(const char *name, const QString &value);
    Canon &add(const char *name, QByteArrayView utf8); // a value already in UTF-8 (as SQLite stores text)
    Canon &add(const char *name, qint64 value);
    Canon &add(const char *name, const std::optional<qint64> &value) { return value ? add(name, *value) : add(name, QByteArrayView("")); }
    QString sha256() const;

private:
    QByteArray m_bytes;
    QByteArray m_scratch; // one field's UTF-8, reused
};

// The hash before the first audit row: 64 zeros.
QString zeroHash();

// A final revision as it is stored: the entry JSON and the names of its author.
struct RevisionFields
{
    QString entryId, personId, kind, content, authorName, authorRole, authorOrganisation, writtenAt, reason;
    int number = 0;
    std::optional<qint64> lateSeconds;
    QByteArrayView contentUtf8; // when not null, the content as stored in UTF-8, hashed instead of `content` (verify)
};
QString revisionHash(const RevisionFields &revision, const Snapshot &snapshot);

QString reviewHash(const QString &entryId, qint64 revision, const QString &reviewerName, const QString &reviewerRole,
                   const QString &reviewerOrganisation, const QString &at, const QString &completeness, const QString &quality,
                   const QString &comment, bool returned);

// An audit row as it is stored (`at` and `detail` as text); the hash covers `prevHash` too.
struct AuditFields
{
    qint64 seq = 0;
    QString at, actorName, actorRole, actorOrganisation, action, personId, entryId, detail, prevHash;
    std::optional<qint64> revision;
    QByteArrayView detailUtf8; // when not null, the detail as stored in UTF-8, hashed instead of `detail` (verify)
};
QString auditHash(const AuditFields &row);

} // namespace fairnote::store
