// SPDX-FileCopyrightText: 2026 Fairnote contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// Saving a report so that no export goes unrecorded and no recorded export is missing: the bytes are
// written to a temporary file, the export is recorded in the audit trail, and only then does the file
// take its name. The CLI and the app both save reports this way.
#pragma once

#include "store/store.h"

#include <QByteArray>
#include <QString>
#include <functional>
#include <optional>

namespace fairnote::report {

// Records the export; given the absolute destination.
using RecordExport = std::function<store::StoreResult<qint64>(const QString &destination)>;

// Writes `bytes` to `path` (replacing it as a whole) after `record` succeeds. On failure returns the
// message, and `path` is as it was.
std::optional<QString> saveRecorded(const QByteArray &bytes, const QString &path, const RecordExport &record);

} // namespace fairnote::report
