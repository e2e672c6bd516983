// SPDX-FileCopyrightText: 2026 Fairnote contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// Canonical hashing of revisions, reviews and audit rows. Never change what a hash covers for rows
// already written: a file's old hashes must keep verifying.
#include "store/hashing.h"

#include <QStringEncoder>

#include <openssl/evp.h>

#include <charconv>

namespace fairnote::store {

// The serialisation is built without an allocation per field (verify hashes every revision and audit row):
// UTF-8 through one reused buffer, lengths with std::to_chars. Stateless, the encoder gives what
// QString::toUtf8 gives.
Canon::Canon() { m_bytes.reserve(2048); }

Canon &Canon::add(const char *name, const QString &value)
{
    QStringEncoder utf8(QStringEncoder::Utf8, QStringEncoder::Flag::Stateless);
    m_scratch.resize(utf8.requiredSpace(value.size()));
    const char *end = utf8.appendToBuffer(m_scratch.data(), value);
    return add(name, QByteArrayView(m_scratch.constData(), end - m_scratch.constData()));
}

Canon &Canon::add(const char *name, qint64 value)
{
    char digits[24];
    const auto end = std::to_chars(digits, digits + sizeof digits, value).ptr;
    return add(name, QByteArrayView(digits, end - digits));
}

Canon &Canon::add(const char *name, QByteArrayView utf8)
{
    char length[24];
    const auto end = std::to_chars(length, length + sizeof length, utf8.size()).ptr;
    m_bytes += name;
    m_bytes += '=';
    m_bytes.append(length, end - length);
    m_bytes += ':';
    m_bytes += utf8;
    m_bytes += '\n';
    return *this;
}

// OpenSSL's SHA-256 (libcrypto), not QCryptographicHash: Qt 6.4's is a portable reference version, eight
// times slower, and verify hashes every revision and audit row of a file (about 100 MB for 100,000 entries).
QString Canon::sha256() const
{
    unsigned char digest[EVP_MAX_MD_SIZE];
    unsigned int size = 0;
    static EVP_MD *const sha256 = EVP_MD_fetch(nullptr, "SHA256", nullptr); // fetched once, not on every digest
    if (!sha256 || EVP_Digest(m_bytes.constData(), size_t(m_bytes.size()), digest, &size, sha256, nullptr) != 1 || size != 32)
        qFatal("SHA-256 is not available from OpenSSL's libcrypto");
    static constexpr char hex[] = "0123456789abcdef";
    QString out(64, Qt::Uninitialized);
    QChar *o = out.data();
    for (unsigned int i = 0; i < size; ++i) {
        *o++ = QLatin1Char(hex[digest[i] >> 4]);
        *o++ = QLatin1Char(hex[digest[i] & 0xf]);
    }
    return out;
}

QString zeroHash() { return QString(64, u'0'); }

QString revisionHash(const RevisionFields &r, const Snapshot &s)
{
    Canon c;
    c.add("entry", r.entryId).add("number", r.number).add("person", r.personId).add("kind", r.kind);
    if (r.contentUtf8.isNull())
        c.add("content", r.content);
    else
        c.add("content", r.contentUtf8);
    c.add("author", r.authorName).add("role", r.authorRole).add("organisation", r.authorOrganisation);
    c.add("written_at", r.writtenAt).add("reason", r.reason).add("late_seconds", r.lateSeconds);
    for (const SnapshotPrompt &p : s.prompts)
        c.add("prompt.field", p.field).add("prompt.code", p.code).add("prompt.severity", p.severity)
            .add("prompt.message", p.message).add("prompt.question", p.question).add("prompt.left_reason", p.leftReason);
    for (const SnapshotFinding &f : s.findings)
        c.add("finding.field", f.field).add("finding.rule", f.rule).add("finding.category", f.category)
            .add("finding.severity", f.severity).add("finding.offset", f.offset).add("finding.length", f.length)
            .add("finding.text", f.text).add("finding.message", f.message);
    return c.sha256();
}

QString reviewHash(const QString &entryId, qint64 revision, const QString &reviewerName, const QString &reviewerRole,
                   const QString &reviewerOrganisation, const QString &at, const QString &completeness, const QString &quality,
                   const QString &comment, bool returned)
{
    Canon c;
    c.add("entry", entryId).add("revision", revision).add("reviewer", reviewerName).add("role", reviewerRole)
        .add("organisation", reviewerOrganisation).add("at", at).add("completeness", completeness).add("quality", quality)
        .add("comment", comment).add("returned", qint64(returned ? 1 : 0));
    return c.sha256();
}

QString auditHash(const AuditFields &a)
{
    Canon c;
    c.add("seq", a.seq).add("at", a.at).add("actor", a.actorName).add("role", a.actorRole)
        .add("organisation", a.actorOrganisation).add("action", a.action).add("person", a.personId)
        .add("entry", a.entryId).add("revision", a.revision);
    if (a.detailUtf8.isNull())
        c.add("detail", a.detail);
    else
        c.add("detail", a.detailUtf8);
    c.add("prev", a.prevHash);
    return c.sha256();
}

} // namespace fairnote::store
