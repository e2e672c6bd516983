// SPDX-FileCopyrightText: 2026 Fairnote contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// Finds where a value sits in JSON source text, so errors found after parsing (QJsonDocument keeps no
// positions) can still name a line and column.
#pragma once

#include <QByteArray>
#include <QStringList>
#include <vector>

namespace fairnote::json {

struct SourcePosition
{
    int line = 1;   // 1-based
    int column = 1; // 1-based, in code points
    bool operator==(const SourcePosition &) const = default;
};

// Line and column of a byte offset in UTF-8 text.
SourcePosition positionOfByte(const QByteArray &utf8, qsizetype byteOffset);

// Position of the value at a JSON Pointer-like path (object keys and array indices, e.g.
// {"rules", "3", "why"}) in well-formed JSON. When the path does not exist (a missing member), the
// position of the deepest existing ancestor is returned.
SourcePosition locate(const QByteArray &utf8, const QStringList &path);

// Positions of every element of the array at `arrayPath`, in one pass over the text (locate() for
// each element would scan from the start each time). Empty when the path is not an array.
std::vector<SourcePosition> locateElements(const QByteArray &utf8, const QStringList &arrayPath);

// "/rules/3/why" — the path written as a JSON Pointer (RFC 6901 escaping of ~ and /).
QString pointer(const QStringList &path);

} // namespace fairnote::json
