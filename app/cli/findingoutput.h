// SPDX-FileCopyrightText: 2026 Fairnote contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// How the CLI prints findings: compiler-style text blocks and JSON objects with both offset kinds.
#pragma once

#include "wording/finding.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QTextStream>
#include <vector>

namespace fairnote::cli {

// "label:line:column: severity: message [rule]", the line, a caret under the words, then why, the
// alternatives, the question and the source; `indent` is put before every line. A line longer than
// 100 code points is shown as a window of 100 around the finding (40 before it), with "…" where it is
// cut, so a huge one-line note prints a few lines per finding, not the whole note.
void printFindingsText(QTextStream &out, const QString &label, const QString &text, const std::vector<Finding> &findings,
                       const QString &indent = {});

// The findings of one text as JSON objects: rule, category, severity, UTF-16 and code-point offsets,
// line, column, text, message, why, suggestions, question, source (docs/cli.md), plus the members of
// `extra` in each.
QJsonArray findingsJson(const QString &text, const std::vector<Finding> &findings, const QJsonObject &extra = {});

} // namespace fairnote::cli
