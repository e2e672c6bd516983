// SPDX-FileCopyrightText: 2026 Fairnote contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// The interchange JSON (docs/interchange.md): a public contract. Readers accept unknown members and
// every older version; writers always write the current version; a round trip is lossless.
#pragma once

#include "record/casefile.h"
#include "result.h"

#include <QByteArray>
#include <vector>

namespace fairnote::record {

constexpr int kInterchangeVersion = 1;
constexpr qsizetype kMaxInterchangeBytes = 16 * 1024 * 1024;

// One problem in a document: the JSON Pointer of the value ("/entries/3/event_date/precision", or ""
// for the whole document) and what is wrong with it.
struct InterchangeError
{
    QString path;
    QString message;
    // "/entries/3/event_date/precision: expected one of exact, day, month, year, range, unknown"
    QString toString() const;
};
using InterchangeErrors = std::vector<InterchangeError>;

// Reads a case file. Returns it, or every problem found (up to 50); a document with any problem is
// never partly used.
Result<CaseFile, InterchangeErrors> readInterchange(const QByteArray &bytes);

// The message for a file larger than kMaxInterchangeBytes (callers can refuse before reading it).
QString oversizeMessage(qint64 bytes);

// Writes a case file as indented UTF-8 JSON in the current version.
QByteArray writeInterchange(const CaseFile &caseFile);

} // namespace fairnote::record
