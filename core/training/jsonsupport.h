// SPDX-FileCopyrightText: 2026 Fairnote contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// What the exercise and answer readers share: parsing a JSON file with every problem located, and
// finding members the interchange reader would silently ignore. Internal to core/training.
#pragma once

#include "training/exerciseloader.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QStringList>
#include <functional>
#include <optional>

namespace fairnote::training::detail {

// Parses `bytes` (UTF-8, an optional byte-order mark) as one JSON document. Problems (invalid UTF-8,
// JSON syntax, a member given twice in one object) are appended to `problems` against `file`; the
// document is returned only when there were none.
std::optional<QJsonDocument> parseJson(const QByteArray &bytes, const QString &file, ExerciseProblems &problems);

// A problem at `path` (JSON keys and array indices) of `bytes`, located by line and column.
ExerciseProblem problemAt(const QByteArray &bytes, const QString &file, const QStringList &path, const QString &message);

// "/model_answer/incident/harm" → {"model_answer", "incident", "harm"} (RFC 6901 unescaping).
QStringList splitPointer(const QString &pointer);

// Calls report(path) for every member of `given` that `written` (what the writer writes back after
// reading `given`) does not have, recursively through objects and lists of objects.
void unknownInterchangeMembers(const QJsonObject &given, const QJsonObject &written, const QStringList &path,
                               const std::function<void(const QStringList &path)> &report);

// Where `needle` occurs for the n-th time (1-based) in `haystack`, or -1.
qsizetype nthOccurrence(const QString &haystack, const QString &needle, int n);

} // namespace fairnote::training::detail
