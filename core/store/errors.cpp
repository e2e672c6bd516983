// SPDX-FileCopyrightText: 2026 Fairnote contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// The store's message table: one wording per fault and per shared refusal.
#include "store/errors.h"

#include <QStringList>

using namespace Qt::StringLiterals;

namespace fairnote::store {

StoreError faultError(Fault fault, const QString &where, const QString &detail, const QString &whatFailed)
{
    const QString lost = whatFailed.isEmpty() ? QString() : whatFailed + u" "_s;
    switch (fault) {
    case Fault::Busy:
        return {ErrorCode::Busy, u"%1 is in use by another program that is writing to it. %2Wait for it to finish, or close it, and try again."_s
                                     .arg(where, lost)};
    case Fault::DiskFull:
        return {ErrorCode::DiskFull, u"there is no room left to write to %1 (the disk is full). %2Everything saved before is intact. Free some space and try again."_s
                                         .arg(where, lost)};
    case Fault::Io:
        return {ErrorCode::Io, u"the computer could not read or write %1 (%2). %3Everything saved before is intact. Check the disk and try again."_s
                                   .arg(where, detail, lost)};
    case Fault::ReadOnly:
        return {ErrorCode::ReadOnly, u"%1 cannot be written (%2). %3"_s.arg(where, detail, lost).trimmed()};
    case Fault::Corrupt:
        return {ErrorCode::Corrupt, u"%1 is damaged (%2). %3Restore it from a backup; 'fairnote-cli verify' says more."_s.arg(where, detail, lost)};
    case Fault::CannotOpen:
        return {ErrorCode::Io, u"%1 cannot be opened (%2). Check that the folder exists and that you may write to it."_s.arg(where, detail)};
    case Fault::Cancelled:
        return {ErrorCode::Cancelled, u"cancelled; nothing was changed"_s};
    }
    return {ErrorCode::Internal, detail};
}

namespace refusal {

StoreError noAuthor()
{
    return {ErrorCode::Invalid, u"every change to a case file is signed by its author: give your name (and role)."_s};
}

StoreError readOnly(const QString &where, const QString &reason)
{
    return {ErrorCode::ReadOnly, u"%1 is open for reading only (%2), so nothing can be changed."_s.arg(where, reason)};
}

StoreError noSuchPerson(const QString &id, const QString &where)
{
    return {ErrorCode::NotFound, u"there is no person with the id \"%1\" in %2."_s.arg(id, where)};
}

StoreError noSuchEntry(const QString &idOrPrefix, const QString &where)
{
    return {ErrorCode::NotFound, u"there is no entry \"%1\" in %2."_s.arg(idOrPrefix, where)};
}

StoreError noEntryId() { return {ErrorCode::NotFound, u"no entry id was given."_s}; }

StoreError ambiguousEntry(const QString &prefix, const QStringList &candidates, bool more)
{
    return {ErrorCode::NotFound, u"\"%1\" could be any of several entries (%2%3); give more of the id."_s
                                     .arg(prefix, candidates.join(u", "_s), more ? u", …"_s : u""_s)};
}

StoreError noPersonName() { return {ErrorCode::Invalid, u"a person needs a name (the name they use)."_s}; }

StoreError unknownEvent(const QString &action)
{
    return {ErrorCode::Invalid, u"\"%1\" is not an event Fairnote records in the audit trail (see store/auditactions.h)."_s.arg(action)};
}

} // namespace refusal

} // namespace fairnote::store
