// SPDX-FileCopyrightText: 2026 Fairnote contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// A strict, streaming JSON parser that builds QJsonValues and refuses duplicate members.
#include "json/strictjson.h"

#include "io/input.h"

#include <QHash>
#include <QJsonArray>
#include <QJsonObject>
#include <algorithm>
#include <charconv>
#include <string>
#include <vector>

using namespace Qt::StringLiterals;

namespace fairnote::json {

QString ParseError::toString() const
{
    return u"line %1, column %2: %3"_s.arg(line).arg(column).arg(message);
}

namespace {

constexpr qsizetype kChunk = 256 * 1024;
constexpr int kEnd = -1;

QString hexBytes(const QByteArray &bytes)
{
    QStringList parts;
    for (const char c : bytes)
        parts << u"0x%1"_s.arg(uchar(c), 2, 16, QChar(u'0')).toUpper().replace(u"0X"_s, u"0x"_s);
    return parts.join(u' ');
}

QString pointerEscape(QString key)
{
    return key.replace(u'~', u"~0"_s).replace(u'/', u"~1"_s);
}

void appendUtf8(QByteArray &out, char32_t cp)
{
    if (cp < 0x80) {
        out += char(cp);
    } else if (cp < 0x800) {
        out += char(0xC0 | (cp >> 6));
        out += char(0x80 | (cp & 0x3F));
    } else if (cp < 0x10000) {
        out += char(0xE0 | (cp >> 12));
        out += char(0x80 | ((cp >> 6) & 0x3F));
        out += char(0x80 | (cp & 0x3F));
    } else {
        out += char(0xF0 | (cp >> 18));
        out += char(0x80 | ((cp >> 12) & 0x3F));
        out += char(0x80 | ((cp >> 6) & 0x3F));
        out += char(0x80 | (cp & 0x3F));
    }
}

class Parser
{
public:
    Parser(QByteArrayView whole, const ParseOptions &options)
        : m_data(whole.data()), m_size(whole.size()), m_options(options)
    {
    }

    Parser(io::Input &input, const QList<QStringList> &streamed, const ElementHandler &onElement, const ParseOptions &options)
        : m_input(&input), m_options(options), m_streamed(streamed), m_onElement(onElement)
    {
    }

    Result<QJsonValue, ParseError> run()
    {
        QJsonValue v;
        if (!document(v))
            return *m_error;
        return v;
    }

private:
    struct Step
    {
        QString key;
        qsizetype index = -1; // an array element when >= 0
    };

    // ---- the bytes ---------------------------------------------------------------------------------

    // Reads the next piece of a streamed input. False at the end, or on a read error (m_error set).
    bool fill()
    {
        if (!m_input || m_eof || m_error)
            return false;
        const qsizetype cut = m_keep >= 0 ? m_keep : m_pos;
        if (cut > 0) {
            // Columns of the current line that are about to be dropped are carried.
            const qint64 from = std::max<qint64>(m_lineStart - m_base, 0);
            if (from < cut)
                m_carry += codePoints(from, cut);
            m_buffer.remove(0, cut);
            m_base += cut;
            m_pos -= cut;
            if (m_keep >= 0)
                m_keep -= cut;
        }
        const qsizetype had = m_buffer.size();
        m_buffer.resize(had + kChunk);
        auto n = m_input->read(m_buffer.data() + had, kChunk);
        if (!n) {
            m_buffer.resize(had);
            m_data = m_buffer.constData();
            m_size = m_buffer.size();
            ParseError e = errorAt(m_base + m_pos, ParseError::Kind::Read, n.error().message());
            e.io = n.error();
            m_error = e;
            return false;
        }
        m_buffer.resize(had + qsizetype(*n));
        m_data = m_buffer.constData();
        m_size = m_buffer.size();
        if (*n == 0) {
            m_eof = true;
            return false;
        }
        return true;
    }

    int peek()
    {
        if (m_pos < m_size || fill())
            return uchar(m_data[m_pos]);
        return kEnd;
    }

    // The next byte, consumed.
    int next()
    {
        const int c = peek();
        if (c != kEnd)
            ++m_pos;
        return c;
    }

    qint64 here() const { return m_base + m_pos; }

    qint64 codePoints(qsizetype from, qsizetype to) const
    {
        qint64 n = 0;
        for (qsizetype i = from; i < to; ++i)
            if ((uchar(m_data[i]) & 0xC0) != 0x80)
                ++n;
        return n;
    }

    void skipSpace()
    {
        for (;;) {
            if (m_pos == m_size && !fill())
                return;
            const char c = m_data[m_pos];
            if (c == ' ' || c == '\t' || c == '\r') {
                ++m_pos;
            } else if (c == '\n') {
                ++m_pos;
                ++m_line;
                m_lineStart = here();
                m_carry = 0;
            } else {
                return;
            }
        }
    }

    // ---- errors ------------------------------------------------------------------------------------

    QString pointer() const
    {
        QString p;
        for (const Step &s : m_path)
            p += u'/' + (s.index >= 0 ? QString::number(s.index) : pointerEscape(s.key));
        return p;
    }

    ParseError errorAt(qint64 offset, ParseError::Kind kind, const QString &message) const
    {
        ParseError e;
        e.kind = kind;
        e.byteOffset = offset;
        e.line = m_line;
        qint64 column = 1;
        if (offset >= m_lineStart) {
            const qint64 from = std::max(m_lineStart, m_base);
            column += (m_lineStart < m_base ? m_carry : 0);
            if (offset >= m_base && offset - m_base <= m_size)
                column += codePoints(qsizetype(from - m_base), qsizetype(offset - m_base));
        }
        e.column = int(std::min<qint64>(column, std::numeric_limits<int>::max()));
        e.path = pointer();
        e.message = message;
        return e;
    }

    bool fail(qint64 offset, ParseError::Kind kind, const QString &message)
    {
        if (!m_error)
            m_error = errorAt(offset, kind, message);
        return false;
    }

    // At the end of the input (or a read error, already recorded): the text stops too early.
    bool failEnd(const QString &where)
    {
        return fail(here(), ParseError::Kind::Syntax, u"the text ends %1; the JSON is cut short"_s.arg(where));
    }

    bool failUnexpected(const QString &expected)
    {
        const int c = peek();
        if (c == kEnd)
            return failEnd(u"where %1 should be"_s.arg(expected));
        if (c == 0)
            return fail(here(), ParseError::Kind::Encoding,
                        u"a NUL byte at byte %1, so this is not UTF-8 text (it may be UTF-16); save the file as UTF-8"_s.arg(here()));
        if (c >= 0x80)
            return fail(here(), ParseError::Kind::Syntax, u"expected %1, found the byte %2 outside any string"_s.arg(expected, hexBytes(QByteArray(1, char(c)))));
        return fail(here(), ParseError::Kind::Syntax, u"expected %1, found '%2'"_s.arg(expected, QChar(c)));
    }

    // ---- values ------------------------------------------------------------------------------------

    bool document(QJsonValue &out)
    {
        // A byte-order mark is allowed (RFC 8259 lets a parser ignore it) and is no column.
        if (peek() == 0xEF) {
            const qint64 at = here();
            if (next() != 0xEF || next() != 0xBB || next() != 0xBF)
                return fail(at, ParseError::Kind::Encoding, u"invalid UTF-8 at byte 0; save the file as UTF-8"_s);
            m_lineStart = here();
        } else if (peek() == 0xFF || peek() == 0xFE) {
            return fail(here(), ParseError::Kind::Encoding, u"the file is UTF-16 text (it starts with a UTF-16 byte-order mark), not UTF-8; save it as UTF-8"_s);
        }
        skipSpace();
        if (peek() == kEnd)
            return m_error ? false : fail(here(), ParseError::Kind::Syntax, u"there is no JSON here: the text is empty"_s);
        if (!value(out, 0))
            return false;
        skipSpace();
        if (peek() != kEnd)
            return failUnexpected(u"nothing more after the end of the JSON document"_s);
        return !m_error;
    }

    bool value(QJsonValue &out, int depth)
    {
        const int c = peek();
        switch (c) {
        case '{':
            return object(out, depth + 1);
        case '[':
            return array(out, depth + 1);
        case '"': {
            QString s;
            if (!string(s))
                return false;
            out = s;
            return true;
        }
        case 't':
            return literal("true", QJsonValue(true), out);
        case 'f':
            return literal("false", QJsonValue(false), out);
        case 'n':
            return literal("null", QJsonValue(QJsonValue::Null), out);
        default:
            if (c == '-' || (c >= '0' && c <= '9'))
                return number(out);
            return failUnexpected(u"a value (a string in double quotes, a number, an object, a list, true, false or null)"_s);
        }
    }

    bool literal(const char *word, QJsonValue v, QJsonValue &out)
    {
        const qint64 at = here();
        for (const char *w = word; *w; ++w)
            if (next() != uchar(*w))
                return m_error ? false
                               : fail(at, ParseError::Kind::Syntax,
                                      u"expected a value (a string in double quotes, a number, an object, a list, true, false or null)"_s);
        out = v;
        return true;
    }

    bool digits(std::string &s)
    {
        const std::size_t had = s.size();
        while (peek() >= '0' && peek() <= '9')
            s += char(next());
        return s.size() > had;
    }

    bool number(QJsonValue &out)
    {
        const qint64 at = here();
        m_keep = m_pos; // kept in the buffer, so an error can say the column where the number starts
        const struct Release { qsizetype &keep; ~Release() { keep = -1; } } release{m_keep};
        const auto bad = [&] {
            return m_error ? false : fail(at, ParseError::Kind::Syntax, u"a number is not written as JSON writes numbers (for example 12, -3.5 or 1e6)"_s);
        };
        std::string s;
        if (peek() == '-')
            s += char(next());
        if (peek() == '0') {
            s += char(next());
        } else if (!digits(s)) {
            return bad();
        }
        bool integer = true;
        if (peek() == '.') {
            s += char(next());
            integer = false;
            if (!digits(s))
                return bad();
        }
        bool negativeExponent = false;
        if (peek() == 'e' || peek() == 'E') {
            s += char(next());
            integer = false;
            if (peek() == '+' || peek() == '-') {
                negativeExponent = peek() == '-';
                s += char(next());
            }
            if (!digits(s))
                return bad();
        }
        if (m_error)
            return false;
        const char *first = s.data(), *last = s.data() + s.size();
        if (integer) {
            qint64 n = 0;
            if (const auto r = std::from_chars(first, last, n); r.ec == std::errc() && r.ptr == last) {
                out = QJsonValue(n);
                return true;
            }
        }
        double d = 0;
        const auto r = std::from_chars(first, last, d);
        if (r.ec == std::errc::result_out_of_range) {
            if (!negativeExponent)
                return fail(at, ParseError::Kind::Number, u"the number is too large to hold"_s);
            d = s.front() == '-' ? -0.0 : 0.0; // smaller than any double: it is as good as zero
        } else if (r.ec != std::errc() || r.ptr != last) {
            return bad();
        }
        out = QJsonValue(d);
        return true;
    }

    // Four hexadecimal digits of a \u escape.
    bool hex4(char32_t &out)
    {
        out = 0;
        for (int i = 0; i < 4; ++i) {
            const int c = next();
            int v;
            if (c >= '0' && c <= '9')
                v = c - '0';
            else if (c >= 'a' && c <= 'f')
                v = c - 'a' + 10;
            else if (c >= 'A' && c <= 'F')
                v = c - 'A' + 10;
            else
                return m_error ? false : fail(here() - (c == kEnd ? 0 : 1), ParseError::Kind::Syntax, u"a \\u escape needs four hexadecimal digits"_s);
            out = (out << 4) | char32_t(v);
        }
        return true;
    }

    bool escape()
    {
        const qint64 at = here() - 1; // the backslash
        const int c = next();
        switch (c) {
        case '"': m_scratch += '"'; return true;
        case '\\': m_scratch += '\\'; return true;
        case '/': m_scratch += '/'; return true;
        case 'b': m_scratch += '\b'; return true;
        case 'f': m_scratch += '\f'; return true;
        case 'n': m_scratch += '\n'; return true;
        case 'r': m_scratch += '\r'; return true;
        case 't': m_scratch += '\t'; return true;
        case 'u': {
            char32_t cp;
            if (!hex4(cp))
                return false;
            if (cp >= 0xDC00 && cp <= 0xDFFF)
                return fail(at, ParseError::Kind::Syntax, u"\\u%1 is half of a UTF-16 pair without its first half; it is not a character"_s.arg(uint(cp), 4, 16, QChar(u'0')));
            if (cp >= 0xD800 && cp <= 0xDBFF) {
                char32_t low = 0;
                if (next() != '\\' || next() != 'u' || !hex4(low) || low < 0xDC00 || low > 0xDFFF)
                    return m_error ? false
                                   : fail(at, ParseError::Kind::Syntax,
                                          u"\\u%1 is the first half of a UTF-16 pair and must be followed by its second half (\\uDC00 to \\uDFFF)"_s
                                              .arg(uint(cp), 4, 16, QChar(u'0')));
                cp = 0x10000 + ((cp - 0xD800) << 10) + (low - 0xDC00);
            }
            appendUtf8(m_scratch, cp);
            return true;
        }
        case kEnd:
            return failEnd(u"inside a string"_s);
        default:
            return fail(at, ParseError::Kind::Syntax,
                        u"'\\%1' is not an escape JSON knows (\\\", \\\\, \\/, \\b, \\f, \\n, \\r, \\t and \\uXXXX are)"_s.arg(QChar(c)));
        }
    }

    // One UTF-8 sequence starting with `lead` (already consumed, at `at`), checked strictly.
    bool utf8Sequence(int lead, qint64 at)
    {
        int more;
        int lo = 0x80, hi = 0xBF;
        if (lead >= 0xC2 && lead <= 0xDF) {
            more = 1;
        } else if (lead >= 0xE0 && lead <= 0xEF) {
            more = 2;
            if (lead == 0xE0)
                lo = 0xA0; // no overlong forms
            else if (lead == 0xED)
                hi = 0x9F; // no surrogates
        } else if (lead >= 0xF0 && lead <= 0xF4) {
            more = 3;
            if (lead == 0xF0)
                lo = 0x90;
            else if (lead == 0xF4)
                hi = 0x8F; // nothing above U+10FFFF
        } else {
            return invalidUtf8(at, QByteArray(1, char(lead)));
        }
        QByteArray seq(1, char(lead));
        for (int i = 0; i < more; ++i) {
            const int c = peek();
            if (c == kEnd)
                return m_error ? false : invalidUtf8(at, seq);
            if (c < lo || c > hi) {
                seq += char(c);
                return invalidUtf8(at, seq);
            }
            seq += char(next());
            lo = 0x80;
            hi = 0xBF;
        }
        m_scratch += seq;
        return true;
    }

    bool invalidUtf8(qint64 at, const QByteArray &bytes)
    {
        return fail(at, ParseError::Kind::Encoding, u"invalid UTF-8 at byte %1 (%2); save the file as UTF-8"_s.arg(at).arg(hexBytes(bytes)));
    }

    bool string(QString &out)
    {
        ++m_pos; // the opening quote
        m_scratch.clear();
        for (;;) {
            if (m_pos == m_size && !fill())
                return m_error ? false : failEnd(u"inside a string (a closing \" is missing)"_s);
            const qsizetype start = m_pos;
            while (m_pos < m_size) {
                const uchar c = uchar(m_data[m_pos]);
                if (c == '"' || c == '\\' || c < 0x20 || c >= 0x80)
                    break;
                ++m_pos;
            }
            m_scratch.append(m_data + start, m_pos - start);
            if (m_pos == m_size)
                continue;
            const uchar c = uchar(m_data[m_pos]);
            const qint64 at = here();
            ++m_pos;
            if (c == '"') {
                out = QString::fromUtf8(m_scratch);
                return true;
            }
            if (c == '\\') {
                if (!escape())
                    return false;
            } else if (c == 0) {
                return fail(at, ParseError::Kind::Encoding,
                            u"a NUL byte at byte %1, so this is not UTF-8 text (it may be UTF-16); save the file as UTF-8"_s.arg(at));
            } else if (c < 0x20) {
                return fail(at, ParseError::Kind::Syntax,
                            c == '\n' ? u"a string goes on past the end of the line: a closing \" is missing, or write the line break as \\n"_s
                                      : u"a control character (U+%1) inside a string must be written as an escape (\\u%1)"_s.arg(uint(c), 4, 16, QChar(u'0')));
            } else if (!utf8Sequence(c, at)) {
                return false;
            }
        }
    }

    struct Member
    {
        QString key;
        QJsonValue value;
        int line;
    };

    bool object(QJsonValue &out, int depth)
    {
        if (depth > m_options.maxDepth)
            return fail(here(), ParseError::Kind::TooDeep, u"the JSON is nested too deeply (more than %1 levels)"_s.arg(m_options.maxDepth));
        ++m_pos; // '{'
        std::vector<Member> members;
        QHash<QString, qsizetype> index; // used once the object is large
        skipSpace();
        if (peek() == '}') {
            ++m_pos;
            out = QJsonObject();
            return true;
        }
        for (;;) {
            skipSpace();
            if (peek() != '"') {
                if (peek() == '}' && !members.empty())
                    return fail(here(), ParseError::Kind::Syntax, u"a comma before '}': remove the comma after the last member"_s);
                return failUnexpected(u"a member name in double quotes"_s);
            }
            const qint64 keyAt = here();
            const int keyLine = m_line;
            m_keep = m_pos;
            QString key;
            if (!string(key))
                return false;
            qsizetype first = -1;
            if (members.size() < 16) {
                for (qsizetype i = 0; i < qsizetype(members.size()); ++i)
                    if (members[std::size_t(i)].key == key)
                        first = i;
            } else {
                if (index.isEmpty())
                    for (qsizetype i = 0; i < qsizetype(members.size()); ++i)
                        index.insert(members[std::size_t(i)].key, i);
                first = index.value(key, -1);
            }
            if (first >= 0) {
                m_path.push_back({key});
                fail(keyAt, ParseError::Kind::Duplicate,
                     u"member \"%1\" appears twice in the same object (first at line %2); only one of them would be kept, "
                     u"so remove the other"_s.arg(key).arg(members[std::size_t(first)].line));
                m_path.pop_back();
                return false;
            }
            m_keep = -1;
            skipSpace();
            if (peek() != ':')
                return failUnexpected(u"':' after the member name \"%1\""_s.arg(key));
            ++m_pos;
            skipSpace();
            m_path.push_back({key});
            QJsonValue v;
            if (!value(v, depth))
                return false;
            m_path.pop_back();
            if (!index.isEmpty())
                index.insert(key, qsizetype(members.size()));
            members.push_back({std::move(key), std::move(v), keyLine});
            skipSpace();
            const int c = peek();
            if (c == ',') {
                ++m_pos;
                continue;
            }
            if (c == '}') {
                ++m_pos;
                break;
            }
            return failUnexpected(u"',' or '}' after the value of \"%1\""_s.arg(members.back().key));
        }
        // In key order, each insert lands at the end: QJsonObject keeps its keys sorted, and inserting
        // out of order would move every later key each time.
        std::sort(members.begin(), members.end(), [](const Member &a, const Member &b) { return a.key < b.key; });
        QJsonObject o;
        for (Member &m : members)
            o.insert(m.key, std::move(m.value));
        out = o;
        return true;
    }

    // The streamed array whose path this is, or nullptr.
    const QStringList *streamedHere() const
    {
        if (!m_onElement)
            return nullptr;
        for (const QStringList &array : m_streamed) {
            if (m_path.size() != std::size_t(array.size()))
                continue;
            bool same = true;
            for (qsizetype i = 0; i < array.size() && same; ++i)
                same = m_path[std::size_t(i)].index < 0 && m_path[std::size_t(i)].key == array[i];
            if (same)
                return &array;
        }
        return nullptr;
    }

    bool array(QJsonValue &out, int depth)
    {
        if (depth > m_options.maxDepth)
            return fail(here(), ParseError::Kind::TooDeep, u"the JSON is nested too deeply (more than %1 levels)"_s.arg(m_options.maxDepth));
        const QStringList *streamed = streamedHere();
        ++m_pos; // '['
        QJsonArray a;
        skipSpace();
        if (peek() == ']') {
            ++m_pos;
            out = a;
            return true;
        }
        for (qsizetype i = 0;; ++i) {
            skipSpace();
            if (peek() == ']' && i > 0)
                return fail(here(), ParseError::Kind::Syntax, u"a comma before ']': remove the comma after the last item"_s);
            m_path.push_back({QString(), i});
            QJsonValue v;
            if (!value(v, depth))
                return false;
            if (streamed) {
                if (!m_onElement(*streamed, i, std::move(v)))
                    return fail(here(), ParseError::Kind::Stopped, u"stopped"_s);
            } else {
                a.append(v);
            }
            m_path.pop_back();
            skipSpace();
            const int c = peek();
            if (c == ',') {
                ++m_pos;
                continue;
            }
            if (c == ']') {
                ++m_pos;
                break;
            }
            return failUnexpected(u"',' or ']' after item %1 of the list"_s.arg(i));
        }
        out = a;
        return true;
    }

    const char *m_data = nullptr;
    qsizetype m_size = 0;
    qsizetype m_pos = 0;
    io::Input *m_input = nullptr;
    QByteArray m_buffer;
    qint64 m_base = 0;
    qsizetype m_keep = -1;
    bool m_eof = false;
    int m_line = 1;
    qint64 m_lineStart = 0;
    qint64 m_carry = 0;
    std::vector<Step> m_path;
    QByteArray m_scratch;
    std::optional<ParseError> m_error;
    ParseOptions m_options;
    QList<QStringList> m_streamed;
    ElementHandler m_onElement;
};

} // namespace

Result<QJsonValue, ParseError> parse(QByteArrayView utf8, const ParseOptions &options)
{
    return Parser(utf8, options).run();
}

Result<QJsonObject, ParseError> parseObject(QByteArrayView utf8, const QString &expected, const ParseOptions &options)
{
    auto v = parse(utf8, options);
    if (!v)
        return v.error();
    if (!v->isObject()) {
        ParseError e;
        e.message = expected;
        return e;
    }
    return v->toObject();
}

Result<QJsonValue, ParseError> parseStream(io::Input &input, const QList<QStringList> &streamedArrays, const ElementHandler &onElement,
                                           const ParseOptions &options)
{
    return Parser(input, streamedArrays, onElement, options).run();
}

} // namespace fairnote::json
