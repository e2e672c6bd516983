// SPDX-FileCopyrightText: 2026 Fairnote contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// A minimal JSON scanner that walks to a path and reports where it is.
#include "json/jsonlocator.h"

using namespace Qt::StringLiterals;

namespace fairnote::json {

namespace {

// Moves `p` from byte `from` to byte `to` of the text: lines by '\n', columns by code point.
void advance(const QByteArray &utf8, SourcePosition &p, qsizetype from, qsizetype to)
{
    for (qsizetype i = from; i < to; ++i) {
        const auto c = static_cast<unsigned char>(utf8[i]);
        if (c == '\n') {
            ++p.line;
            p.column = 1;
        } else if ((c & 0xC0) != 0x80) { // count lead bytes only: columns are code points
            ++p.column;
        }
    }
}

qsizetype textStart(const QByteArray &utf8) { return utf8.startsWith("\xEF\xBB\xBF") ? 3 : 0; } // a byte-order mark is no column

} // namespace

SourcePosition positionOfByte(const QByteArray &utf8, qsizetype offset)
{
    SourcePosition p;
    advance(utf8, p, textStart(utf8), std::min(offset, utf8.size()));
    return p;
}

namespace {

class Scanner
{
public:
    explicit Scanner(const QByteArray &s) : m_s(s)
    {
        if (s.startsWith("\xEF\xBB\xBF"))
            m_i = 3; // a UTF-8 byte-order mark
    }

    void ws()
    {
        while (m_i < m_s.size() && (m_s[m_i] == ' ' || m_s[m_i] == '\n' || m_s[m_i] == '\r' || m_s[m_i] == '\t'))
            ++m_i;
    }
    bool at(char c) const { return m_i < m_s.size() && m_s[m_i] == c; }

    // Reads a string starting at '"'; returns its (unescaped enough for keys) content.
    QString string()
    {
        QByteArray out;
        ++m_i; // opening quote
        while (m_i < m_s.size() && m_s[m_i] != '"') {
            if (m_s[m_i] == '\\' && m_i + 1 < m_s.size()) {
                out += m_s[m_i + 1];
                m_i += 2;
                continue;
            }
            out += m_s[m_i++];
        }
        ++m_i; // closing quote
        return QString::fromUtf8(out);
    }

    void skipValue()
    {
        ws();
        if (at('"')) { string(); return; }
        if (at('{') || at('[')) {
            const char close = at('{') ? '}' : ']';
            ++m_i;
            ws();
            if (at(close)) { ++m_i; return; }
            for (;;) {
                ws();
                if (close == '}') { string(); ws(); ++m_i; /* : */ }
                skipValue();
                ws();
                if (at(',')) { ++m_i; continue; }
                ++m_i; // close
                return;
            }
        }
        while (m_i < m_s.size() && !at(',') && !at('}') && !at(']') && !at(' ') && !at('\n') && !at('\r') && !at('\t'))
            ++m_i;
    }

    // At the '[' of an array: the offset where each element starts.
    std::vector<qsizetype> elementStarts()
    {
        std::vector<qsizetype> starts;
        ws();
        if (!at('['))
            return starts;
        ++m_i;
        for (;;) {
            ws();
            if (m_i >= m_s.size() || at(']'))
                return starts;
            starts.push_back(m_i);
            skipValue();
            ws();
            if (!at(','))
                return starts;
            ++m_i;
        }
    }

    // Walks to path[depth...] from the value at the current position; returns the offset reached.
    qsizetype walk(const QStringList &path, int depth)
    {
        ws();
        const qsizetype here = m_i;
        if (depth == path.size())
            return here;
        const QString &want = path[depth];
        if (at('{')) {
            ++m_i;
            for (;;) {
                ws();
                if (!at('"'))
                    return here;
                const QString key = string();
                ws();
                if (at(':')) ++m_i;
                if (key == want)
                    return walk(path, depth + 1);
                skipValue();
                ws();
                if (!at(','))
                    return here;
                ++m_i;
            }
        }
        if (at('[')) {
            bool ok = false;
            const int index = want.toInt(&ok);
            if (!ok)
                return here;
            ++m_i;
            for (int k = 0;; ++k) {
                ws();
                if (at(']'))
                    return here;
                if (k == index)
                    return walk(path, depth + 1);
                skipValue();
                ws();
                if (!at(','))
                    return here;
                ++m_i;
            }
        }
        return here;
    }

    void moveTo(qsizetype offset) { m_i = offset; }

private:
    const QByteArray &m_s;
    qsizetype m_i = 0;
};

} // namespace

SourcePosition locate(const QByteArray &utf8, const QStringList &path)
{
    Scanner s(utf8);
    return positionOfByte(utf8, s.walk(path, 0));
}

std::vector<SourcePosition> locateElements(const QByteArray &utf8, const QStringList &arrayPath)
{
    Scanner s(utf8);
    s.moveTo(s.walk(arrayPath, 0));
    std::vector<SourcePosition> out;
    SourcePosition p;
    qsizetype at = textStart(utf8);
    for (const qsizetype start : s.elementStarts()) { // in order: one pass over the text for them all
        advance(utf8, p, at, start);
        at = start;
        out.push_back(p);
    }
    return out;
}

QString pointer(const QStringList &path)
{
    QString out;
    for (QString p : path) {
        p.replace(u'~', u"~0"_s).replace(u'/', u"~1"_s);
        out += u'/' + p;
    }
    return out.isEmpty() ? u"/"_s : out;
}

} // namespace fairnote::json
