// SPDX-FileCopyrightText: 2026 Fairnote contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// The interchange JSON (docs/interchange.md): a public contract. Readers accept unknown members and
// every older version; writers always write the current version; a round trip is lossless.
#pragma once

#include "io/ioerror.h"
#include "record/casefile.h"
#include "result.h"

#include <QByteArray>
#include <QJsonObject>
#include <functional>
#include <optional>
#include <vector>

namespace fairnote::io {
class Input;
}

namespace fairnote::record {

constexpr int kInterchangeVersion = 1;
// One case file read whole (assess, amend): far more than one person's record.
constexpr qsizetype kMaxInterchangeBytes = 16 * 1024 * 1024;
// A whole-file export: import reads up to this, streamed, and export writes no more (docs/cli.md).
constexpr qint64 kMaxCaseFilesBytes = 2LL * 1024 * 1024 * 1024;

// One problem in a document: the JSON Pointer of the value ("/entries/3/event_date/precision", or ""
// for the whole document) and what is wrong with it.
struct InterchangeError
{
    QString path;
    QString message;
    std::optional<io::IoError> io = std::nullopt; // the input could not be read (a failed read, or past its limit)
    // "/entries/3/event_date/precision: expected one of exact, day, month, year, range, unknown"
    QString toString() const;
};
using InterchangeErrors = std::vector<InterchangeError>;

// Reads a case file. Returns it, or every problem found (up to 50); a document with any problem is
// never partly used.
Result<CaseFile, InterchangeErrors> readInterchange(const QByteArray &bytes);

// Reads one case file, or a collection of them ({"format": "fairnote-case-files", "version": 1,
// "case_files": [...]}, as `fairnote-cli export` writes for a whole file). Same rules as above.
Result<std::vector<CaseFile>, InterchangeErrors> readCaseFiles(const QByteArray &bytes);
// The same, read from `input` as it comes (up to its limit; kMaxCaseFilesBytes for an import): the
// document is never held whole, each case file (or each entry of a single one) is checked and kept as
// soon as it is complete. `progress` is called as it goes with the bytes read so far. A failed read is
// one error with `io` set.
Result<std::vector<CaseFile>, InterchangeErrors> readCaseFiles(io::Input &input, const std::function<void(qint64 bytesRead)> &progress = {});
QByteArray writeCaseFiles(const std::vector<CaseFile> &caseFiles);
// The same bytes, made one case file at a time so that a whole-file export never holds every case file:
// `next` gives the next one (nothing at the end), `sink` takes the bytes in order. Returns false as soon as
// `sink` does (a write that failed), true when the whole document was given to it.
bool writeCaseFiles(const std::function<std::optional<CaseFile>()> &next, const std::function<bool(QByteArrayView)> &sink);

// The message for a file larger than kMaxInterchangeBytes (callers can refuse before reading it).
QString oversizeMessage(qint64 bytes);

// One entry as the interchange writes it (the members of docs/interchange.md, "An entry"). The store
// keeps each revision in this form.
QJsonObject entryToJson(const Entry &entry);
// Reads one entry; `path` prefixes the JSON Pointers in the errors ("/entries/3"). Any problem: errors.
Result<Entry, InterchangeErrors> entryFromJson(const QJsonObject &object, const QString &path = QString());
// An event date as the interchange writes it ({"precision": "day", "value": "2024-03-03"}).
QJsonObject eventDateToJson(const EventDate &date);
// Reads an event date in that form; a date that does not read (it was written by another program, or
// damaged) gives an empty one: "not answered", never a made-up day.
EventDate eventDateFromJson(const QJsonObject &object);

// Writes a case file as indented UTF-8 JSON in the current version.
QByteArray writeInterchange(const CaseFile &caseFile);

} // namespace fairnote::record
