// SPDX-FileCopyrightText: 2026 Fairnote contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// Canonical hashing of revisions, reviews and audit rows. Never change what a hash covers for rows
// already written: a file's old hashes must keep verifying.
#include "store/hashing.h"

#include <QCryptographicHash>

namespace fairnote::store {

Canon &Canon::add(const char *name, const QString &value)
{
    const QByteArray v = value.toUtf8();
    m_bytes += name;
    m_bytes += '=';
    m_bytes += QByteArray::number(v.size());
    m_bytes += ':';
    m_bytes += v;
    m_bytes += '\n';
    return *this;
}

QString Canon::sha256() const { return QString::fromLatin1(QCryptographicHash::hash(m_bytes, QCryptographicHash::Sha256).toHex()); }

QString zeroHash() { return QString(64, u'0'); }

QString revisionHash(const RevisionFields &r, const Snapshot &s)
{
    Canon c;
    c.add("entry", r.entryId).add("number", r.number).add("person", r.personId).add("kind", r.kind).add("content", r.content);
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
        .add("entry", a.entryId).add("revision", a.revision).add("detail", a.detail).add("prev", a.prevHash);
    return c.sha256();
}

} // namespace fairnote::store
