// SPDX-FileCopyrightText: 2026 Fairnote contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// Writing a report only once its export is recorded.
#include "report/deliver.h"

#include <QFileInfo>
#include <QSaveFile>

using namespace Qt::StringLiterals;

namespace fairnote::report {

std::optional<QString> saveRecorded(const QByteArray &bytes, const QString &path, const RecordExport &record)
{
    QSaveFile file(path);
    // Owner-only, like the case file: a summary or subject-access export is personal data.
    if (!file.open(QIODevice::WriteOnly) || !file.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner)
        || file.write(bytes) != bytes.size())
        return u"cannot write %1 (%2); nothing was exported."_s.arg(path, file.errorString());
    auto recorded = record(QFileInfo(path).absoluteFilePath());
    if (!recorded) {
        file.cancelWriting();
        return recorded.error().message + u" Nothing was exported."_s;
    }
    if (!file.commit())
        return u"cannot write %1 (%2). The export was recorded in the audit trail but the file was not written; try again."_s.arg(path, file.errorString());
    return std::nullopt;
}

} // namespace fairnote::report
