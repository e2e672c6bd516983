// SPDX-FileCopyrightText: 2026 Fairnote contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// The one strict JSON reader: RFC 8259 exactly, UTF-8 only, and a member given twice in one object is an
// error (QJsonDocument silently keeps one of the two). Used for every JSON Fairnote reads from outside:
// case files (the interchange format), rule packs, exercises and answers, the rubric.
#pragma once

#include "io/ioerror.h"
#include "result.h"

#include <QByteArrayView>
#include <QJsonValue>
#include <QList>
#include <QStringList>
#include <functional>
#include <optional>

namespace fairnote::io {
class Input;
}

namespace fairnote::json {

struct ParseError
{
    enum class Kind {
        Syntax,    // not JSON: a missing comma, a stray character, the text stops in the middle …
        Encoding,  // not UTF-8 (invalid bytes, a NUL byte, UTF-16)
        Duplicate, // a member name given twice in one object
        TooDeep,   // nested deeper than ParseOptions::maxDepth
        Number,    // a number too large to hold
        Read,      // the input could not be read (io is set): a failed read, or past its size limit
        Stopped,   // the element callback of parseStream() asked to stop
    };
    Kind kind = Kind::Syntax;
    qint64 byteOffset = 0;  // where the problem is (for a duplicate: its name's opening quote)
    int line = 1;           // 1-based
    int column = 1;         // 1-based, in code points (a byte-order mark is no column)
    QString path;           // JSON Pointer of the value being read ("/entries/3/what_happened"; "" at the top)
    QString message;        // what is wrong, without position or path
    std::optional<io::IoError> io; // Kind::Read

    // "line 12, column 7: member \"what_happened\" appears twice in this object (first at line 9) …"
    QString toString() const;
};

struct ParseOptions
{
    int maxDepth = 256; // objects and arrays inside each other
};

// Parses `utf8` (one JSON document; a leading UTF-8 byte-order mark is skipped) into a QJsonValue (any
// value at the top, as RFC 8259 allows). Integers that fit in 64 bits stay integers, as QJsonDocument
// keeps them. Returns the value, or the first problem with where it is.
Result<QJsonValue, ParseError> parse(QByteArrayView utf8, const ParseOptions &options = {});

// parse(), and the value must be an object: otherwise a Syntax error saying `expected` ("expected a JSON
// object holding a Fairnote rule pack").
Result<QJsonObject, ParseError> parseObject(QByteArrayView utf8, const QString &expected, const ParseOptions &options = {});

// Called with each element of a streamed array (below) as soon as it is complete: which array (its path,
// as given), the element's index and the element. Returns false to stop.
using ElementHandler = std::function<bool(const QStringList &array, qsizetype index, QJsonValue &&element)>;

// Parses one JSON document read from `input` in pieces, so the whole text is never held: memory stays
// within the largest single element. The elements of the arrays at `streamedArrays` (each a path of member
// names from the top, e.g. {"case_files"}) are given to `onElement` one by one and left out of the result,
// where those arrays are empty; everything else is built as parse() builds it. A read error, or going past
// the input's limit, is a Kind::Read error.
Result<QJsonValue, ParseError> parseStream(io::Input &input, const QList<QStringList> &streamedArrays, const ElementHandler &onElement,
                                           const ParseOptions &options = {});

} // namespace fairnote::json
