// SPDX-FileCopyrightText: 2026 Fairnote contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// The message table for reading and writing files.
#include "io/ioerror.h"

#include <QFileInfo>
#include <cerrno>
#include <cstring>

using namespace Qt::StringLiterals;

namespace fairnote::io {

QString operationName(Operation op)
{
    switch (op) {
    case Operation::Open: return u"open"_s;
    case Operation::Read: return u"read"_s;
    case Operation::Write: return u"write"_s;
    case Operation::Flush: return u"flush"_s;
    case Operation::Sync: return u"sync"_s;
    case Operation::Close: return u"close"_s;
    case Operation::Rename: return u"rename"_s;
    case Operation::SyncFolder: return u"sync-folder"_s;
    }
    return {};
}

IoProblem problemFromErrno(int errnum)
{
    switch (errnum) {
    case ENOSPC:
    case EDQUOT:
    case EFBIG:
        return IoProblem::DiskFull;
    case EACCES:
    case EPERM:
        return IoProblem::Permission;
    case EROFS:
        return IoProblem::ReadOnlyDisk;
    case EIO:
    case ENXIO:
    case ENODEV:
    case ESTALE:
    case ETIMEDOUT:
    case EREMOTEIO:
        return IoProblem::DeviceError;
    case ENOENT:
    case ENOTDIR:
        return IoProblem::NotFound;
    case EISDIR:
        return IoProblem::IsFolder;
    default:
        return IoProblem::Other;
    }
}

QString sizeText(qint64 bytes)
{
    constexpr qint64 mb = 1024 * 1024;
    if (bytes >= 1024 * mb && bytes % (1024 * mb) == 0)
        return u"%1 GB"_s.arg(bytes / (1024 * mb));
    if (bytes >= mb && bytes % mb == 0)
        return u"%1 MB"_s.arg(bytes / mb);
    if (bytes >= mb)
        return u"%1 MB"_s.arg(double(bytes) / double(mb), 0, 'f', 1);
    return u"%1 KB"_s.arg((bytes + 1023) / 1024);
}

namespace {

QString systemText(int errnum)
{
    return QString::fromLocal8Bit(std::strerror(errnum));
}

QString readingMessage(const IoError &e)
{
    switch (e.problem) {
    case IoProblem::TooLarge:
        if (e.size >= 0)
            return u"the file is %1, more than the %2 Fairnote reads as %3; check that this is what you meant to give it"_s.arg(
                sizeText(e.size), sizeText(e.limit), e.what);
        return u"is larger than %1, the most Fairnote reads as %2; check that this is what you meant to give it"_s.arg(sizeText(e.limit), e.what);
    case IoProblem::NotFound:
        return u"no such file; check the path"_s;
    case IoProblem::IsFolder:
        return u"is a folder; give a file inside it"_s;
    case IoProblem::Permission:
        return u"cannot be read: you do not have permission to read it; check its permissions"_s;
    case IoProblem::DeviceError:
        return u"could not be read to the end: the disk reported an error (%1). The disk may be failing or was "
               u"disconnected; check it, or copy the file somewhere else and try again"_s.arg(systemText(e.errnum));
    case IoProblem::DiskFull:
    case IoProblem::ReadOnlyDisk:
    case IoProblem::Other:
        break;
    }
    return u"cannot be read (%1)"_s.arg(systemText(e.errnum));
}

QString writingMessage(const IoError &e)
{
    const QString file = e.path;
    const QString folder = QFileInfo(e.path).absolutePath();
    QString why;
    switch (e.problem) {
    case IoProblem::DiskFull:
        why = u"there is no room left on the disk for %1 (the disk is full, or your share of it is used up). Free some "
              u"space, or write it somewhere else, then try again."_s.arg(file);
        break;
    case IoProblem::Permission:
        why = e.operation == Operation::Rename || e.operation == Operation::Open
                  ? u"%1 cannot be written: you do not have permission to create or replace files in %2. Choose a folder you "
                    u"can write to, or ask whoever manages this computer."_s.arg(file, folder)
                  : u"%1 cannot be written: permission was refused (%2). Choose a folder you can write to."_s.arg(file, systemText(e.errnum));
        break;
    case IoProblem::ReadOnlyDisk:
        why = u"%1 cannot be written: %2 is on a disk that can only be read (a read-only share, a locked USB stick or a "
              u"disc). Choose another place."_s.arg(file, folder);
        break;
    case IoProblem::DeviceError:
        why = u"the disk reported an error while writing %1 (%2). The disk may be failing or was disconnected; check it, "
              u"or write to another place."_s.arg(file, systemText(e.errnum));
        break;
    case IoProblem::NotFound:
        why = u"%1 cannot be written: the folder %2 does not exist. Create it, or choose another place."_s.arg(file, folder);
        break;
    case IoProblem::IsFolder:
        why = u"%1 is a folder; give the name of a file to write."_s.arg(file);
        break;
    case IoProblem::TooLarge:
        why = u"%1 would be larger than %2, the most Fairnote writes as %3."_s.arg(file, sizeText(e.limit), e.what);
        break;
    case IoProblem::Other:
        why = u"%1 could not be written (%2)."_s.arg(file, systemText(e.errnum));
        break;
    }
    if (e.stream)
        return why + u" What was written to %1 is incomplete; do not use it."_s.arg(file);
    if (e.finalNameTouched)
        return why + u" %1 was written in full, but the disk did not confirm that it is safely stored; if the computer "
                     u"stops suddenly it could be lost, so check it or write it again."_s.arg(file);
    if (e.existedBefore)
        return why + u" Nothing was written; %1 is as it was."_s.arg(file);
    return why + u" Nothing was written."_s;
}

} // namespace

QString IoError::message() const
{
    return writing ? writingMessage(*this) : readingMessage(*this);
}

} // namespace fairnote::io
