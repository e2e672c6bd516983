// SPDX-FileCopyrightText: 2026 Fairnote contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// Writing a report only once its bytes are safe, recording it, and recording a delivery that failed.
#include "report/deliver.h"

#include "io/atomicfile.h"

#include <QFileInfo>
#include <QJsonObject>

using namespace Qt::StringLiterals;

namespace fairnote::report {

QString exportFailedAction() { return u"export-failed"_s; }

RecordExport oneRow(const QString &personId, std::function<store::StoreResult<qint64>(const QString &destination)> record)
{
    return [personId, record = std::move(record)](const QString &destination) -> store::StoreResult<std::vector<RecordedRow>> {
        auto seq = record(destination);
        if (!seq)
            return seq.error();
        return std::vector<RecordedRow>{{*seq, personId}};
    };
}

namespace {

// Adds an "export-failed" row for each recorded row. Returns the sentence to add to the message.
QString recordFailure(store::Store &store, const store::Actor &actor, const std::vector<RecordedRow> &rows, const QString &destination,
                      const QString &problem)
{
    for (const RecordedRow &row : rows) {
        auto logged = store.logEvent(actor, exportFailedAction(), row.personId, {},
                                     QJsonObject{{u"export"_s, row.seq}, {u"destination"_s, destination}, {u"problem"_s, problem}});
        if (!logged)
            return u" The audit trail records the export (row %1), but recording that it failed did not work either: %2"_s
                .arg(row.seq)
                .arg(logged.error().message);
    }
    return rows.size() == 1 ? u" The audit trail records the attempt and that it failed."_s
                            : u" The audit trail records the attempt and that it failed (%1 rows)."_s.arg(rows.size());
}

} // namespace

std::optional<QString> saveRecorded(store::Store &store, const store::Actor &actor, const QByteArray &bytes, const QString &path,
                                    const RecordExport &record)
{
    return saveRecorded(store, actor, [&bytes](io::AtomicFile &file) -> std::optional<QString> {
        file.write(bytes); // a failure is the file's error, which the caller reads
        return std::nullopt;
    }, path, record);
}

std::optional<QString> saveRecorded(store::Store &store, const store::Actor &actor, const WriteContent &write, const QString &path,
                                    const RecordExport &record)
{
    io::AtomicFile file(path);
    if (auto e = file.open())
        return e->message() + u" Nothing was exported."_s;
    if (auto problem = write(file)) {
        file.discard();
        return *problem;
    }
    if (file.error())
        return file.error()->message() + u" Nothing was exported."_s;
    if (auto e = file.finish())
        return e->message() + u" Nothing was exported."_s;
    // The bytes are on the disk under a temporary name: record the export, then let the file appear.
    const QString destination = QFileInfo(path).absoluteFilePath();
    auto recorded = record(destination);
    if (!recorded) {
        file.discard();
        return recorded.error().message + u" Nothing was exported; %1 was not written."_s.arg(path);
    }
    if (auto e = file.publish()) {
        if (e->finalNameTouched)
            return e->message(); // the file is in place, and recorded: only its safety on the disk is in doubt
        return e->message() + recordFailure(store, actor, *recorded, destination, e->message());
    }
    return std::nullopt;
}

std::optional<QString> sendRecorded(store::Store &store, const store::Actor &actor, const std::function<std::optional<io::IoError>()> &send,
                                    const QString &destination, const RecordExport &record)
{
    auto recorded = record(destination);
    if (!recorded)
        return recorded.error().message + u" Nothing was exported."_s;
    if (auto e = send())
        return e->message() + recordFailure(store, actor, *recorded, destination, e->message());
    return std::nullopt;
}

} // namespace fairnote::report
