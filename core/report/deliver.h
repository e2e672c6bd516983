// SPDX-FileCopyrightText: 2026 Fairnote contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// Delivering an export (a report, a subject-access export, a case file) so that the audit trail tells the
// truth about it: the bytes are written and synced first, the export is recorded, and only then does the
// file take its name; a delivery that fails after it was recorded is recorded as failed. The CLI and the
// app both deliver this way.
#pragma once

#include "io/ioerror.h"
#include "store/store.h"

#include <QByteArray>
#include <QString>
#include <functional>
#include <optional>
#include <vector>

namespace fairnote::io {
class AtomicFile;
}

namespace fairnote::report {

// One audit row an export wrote (an export of a whole file writes one per person).
struct RecordedRow
{
    qint64 seq = 0;
    QString personId;
};

// Records the export in the audit trail; given the destination (an absolute path, or "standard output").
using RecordExport = std::function<store::StoreResult<std::vector<RecordedRow>>(const QString &destination)>;

// A RecordExport from a function that writes one row about `personId` (recordSummaryExport …).
RecordExport oneRow(const QString &personId, std::function<store::StoreResult<qint64>(const QString &destination)> record);

// The audit action that says an export recorded earlier was not delivered (its detail names the row).
QString exportFailedAction();

// Writes `bytes` to `path`, whole or not at all (io::AtomicFile), recorded in the audit trail:
//  1. the bytes are written to a temporary file beside `path` and synced — a full disk or an I/O error
//     here records nothing and leaves `path` as it was;
//  2. the export is recorded (`record`) — if that fails, the temporary file is removed;
//  3. the file takes its name — if that fails, an "export-failed" row follows each recorded row.
// Returns nothing when the file is in place and recorded, else the message for the user (it says what
// was written and what the audit trail holds). The file is owner-only.
std::optional<QString> saveRecorded(store::Store &store, const store::Actor &actor, const QByteArray &bytes, const QString &path,
                                    const RecordExport &record);

// The same, with the bytes made as they are written (a whole-file export, one case file at a time):
// `write` writes them to the open file and returns a message when it cannot make them (then nothing is
// recorded and the temporary file is removed); a write that fails is the file's own error.
using WriteContent = std::function<std::optional<QString>(io::AtomicFile &file)>;
std::optional<QString> saveRecorded(store::Store &store, const store::Actor &actor, const WriteContent &write, const QString &path,
                                    const RecordExport &record);

// The same for a stream (standard output): the export is recorded, then `send` writes it; if sending
// fails (a full disk behind "> file", a closed pipe), an "export-failed" row follows each recorded row and
// the message says so. `destination` is what the audit trail calls the stream.
std::optional<QString> sendRecorded(store::Store &store, const store::Actor &actor, const std::function<std::optional<io::IoError>()> &send,
                                    const QString &destination, const RecordExport &record);

} // namespace fairnote::report
