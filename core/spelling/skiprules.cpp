// SPDX-FileCopyrightText: 2026 Fairnote contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// The skip rules: chunk classification, backtick spans, acronyms and mixed case.
#include "spelling/skiprules.h"

#include <algorithm>
#include <array>

using namespace Qt::StringLiterals;

namespace fairnote::spelling {

namespace {

// Characters that may make a chunk more than a word.
constexpr std::array<bool, 128> makeInteresting()
{
    std::array<bool, 128> t{};
    for (char c : {'@', ':', '/', '\\', '_', '.', '=', '<', '>', '{', '}', '|', '`', '$', '%', '#', '~'})
        t[size_t(c)] = true;
    return t;
}
constexpr auto kInteresting = makeInteresting();

bool isLeadingPunct(QChar c)
{
    switch (c.unicode()) {
    case u'(': case u'[': case u'"': case u'\'': case 0x201C: case 0x2018: case 0x00AB: case 0x00BF: case 0x00A1:
    case u'*':
        return true;
    default:
        return false;
    }
}

bool isTrailingPunct(QChar c)
{
    switch (c.unicode()) {
    case u')': case u']': case u'"': case u'\'': case 0x201D: case 0x2019: case 0x00BB: case u',': case u'.':
    case u';': case u':': case u'!': case u'?': case 0x2026: case u'*':
        return true;
    default:
        return false;
    }
}

// Top-level domains and the second-level labels a UK note meets; a dotted name ending in one is an address.
bool isDomainEnding(QStringView label)
{
    static const QStringView kTlds[] = {u"uk", u"com", u"org", u"net", u"gov", u"nhs", u"edu", u"io", u"info",
                                        u"eu", u"int", u"biz", u"scot", u"wales", u"cymru", u"london", u"ie",
                                        u"me", u"tv", u"app", u"dev", u"police", u"mil"};
    for (QStringView t : kTlds)
        if (label.compare(t, Qt::CaseInsensitive) == 0)
            return true;
    return false;
}

// File extensions a note may mention: "see referral.docx".
bool isFileExtension(QStringView ext)
{
    static const QStringView kExts[] = {u"txt", u"pdf", u"doc", u"docx", u"odt", u"rtf", u"xls", u"xlsx", u"ods",
                                        u"csv", u"ppt", u"pptx", u"json", u"xml", u"md", u"html", u"htm", u"jpg",
                                        u"jpeg", u"png", u"gif", u"heic", u"mp3", u"mp4", u"mov", u"wav", u"zip",
                                        u"exe", u"msg", u"eml", u"ini", u"log", u"cpp", u"py", u"js", u"sh"};
    for (QStringView e : kExts)
        if (ext.compare(e, Qt::CaseInsensitive) == 0)
            return true;
    return false;
}

bool isLabelChar(QChar c) { return c.isLetterOrNumber() || c == u'-'; }

// "shelter.org.uk", "gov.uk/benefits", "www.x.com:8080/y": labels joined by dots, the part after the last
// dot (before any / or :) is a domain ending. "notes.docx", "docs/cli.md": the last path segment ends in a
// file extension.
ChunkKind classifyDotted(QStringView s)
{
    const qsizetype slash = std::max(s.lastIndexOf(u'/'), s.lastIndexOf(u'\\'));
    const QStringView file = s.sliced(slash + 1);
    if (const qsizetype dot = file.lastIndexOf(u'.'); dot > 0 && isFileExtension(file.sliced(dot + 1)))
        return ChunkKind::Code;
    qsizetype end = s.size();
    for (qsizetype i = 0; i < s.size(); ++i) {
        if (s[i] == u'/' || s[i] == u':') {
            end = i;
            break;
        }
    }
    const QStringView host = s.first(end);
    const qsizetype lastDot = host.lastIndexOf(u'.');
    if (lastDot <= 0 || lastDot == host.size() - 1)
        return ChunkKind::Plain;
    for (QChar c : host)
        if (!(isLabelChar(c) || c == u'.' || c == u'_'))
            return ChunkKind::Plain;
    for (qsizetype i = 1; i < host.size(); ++i)
        if (host[i] == u'.' && host[i - 1] == u'.')
            return ChunkKind::Plain; // "wait..then" is punctuation, not a name
    return isDomainEnding(host.sliced(lastDot + 1)) ? ChunkKind::Url : ChunkKind::Plain;
}

} // namespace

ChunkKind classifyChunk(QStringView chunk)
{
    // The usual case first: nothing but letters and ordinary punctuation.
    bool interesting = false;
    for (QChar c : chunk) {
        if (c.unicode() < 128 && kInteresting[c.unicode()]) {
            interesting = true;
            break;
        }
    }
    if (!interesting)
        return ChunkKind::Plain;

    QStringView s = chunk;
    while (!s.isEmpty() && isLeadingPunct(s.front()))
        s = s.sliced(1);
    while (!s.isEmpty() && isTrailingPunct(s.back()))
        s.chop(1);
    if (s.isEmpty())
        return ChunkKind::Plain;

    if (s.contains(u"://") || s.startsWith(u"www.", Qt::CaseInsensitive) || s.startsWith(u"mailto:", Qt::CaseInsensitive))
        return ChunkKind::Url;
    if (const qsizetype at = s.indexOf(u'@'); at >= 0 && s.size() > 1)
        return ChunkKind::Email; // name@example.org, and @handles
    for (QChar c : s) {
        switch (c.unicode()) {
        case u'_': case u'\\': case u'{': case u'}': case u'<': case u'>': case u'=': case u'|': case u'`': case u'$':
            return ChunkKind::Code;
        default:
            break;
        }
    }
    if (s.startsWith(u'/') && s.size() > 1 && s[1].isLetterOrNumber())
        return ChunkKind::Code; // /etc/hosts
    if (s.startsWith(u"~/") || s.startsWith(u"./") || s.startsWith(u"../"))
        return ChunkKind::Code;
    if (s.size() > 1 && s.front() == u'#' && s[1].isLetterOrNumber())
        return ChunkKind::Code; // #hashtag, #123
    if (s.size() > 2 && s.front() == u'%' && s.back() == u'%')
        return ChunkKind::Code; // %APPDATA%
    if (s.contains(u'.'))
        return classifyDotted(s);
    return ChunkKind::Plain;
}

void findCodeSpans(QStringView text, std::vector<text::Span> &out)
{
    out.clear();
    const qsizetype n = text.size();
    qsizetype i = text.indexOf(u'`');
    while (i >= 0 && i < n) {
        qsizetype run = 1;
        while (i + run < n && text[i + run] == u'`')
            ++run;
        // Look for the closing run of the same length.
        qsizetype j = i + run;
        qsizetype close = -1;
        bool lineBreak = false;
        for (; j < n; ++j) {
            const QChar c = text[j];
            if (c == u'\n') {
                if (run == 1 && lineBreak)
                    break; // a blank line ends an inline span
                lineBreak = true;
                continue;
            }
            if (c == u'`') {
                qsizetype r = 1;
                while (j + r < n && text[j + r] == u'`')
                    ++r;
                if (r == run) {
                    close = j;
                    break;
                }
                j += r - 1;
            } else if (!c.isSpace()) {
                lineBreak = false;
            }
        }
        if (close < 0) {
            i = text.indexOf(u'`', i + run);
            continue;
        }
        out.push_back({qint32(i), qint32(close + run)});
        i = text.indexOf(u'`', close + run);
    }
}

bool isAcronym(QStringView word, int maxLength)
{
    if (maxLength <= 0 || word.isEmpty())
        return false;
    qsizetype n = word.size();
    if (n >= 3 && word[n - 1] == u's' && (word[n - 2] == u'\'' || word[n - 2] == QChar(0x2019)))
        n -= 2; // PIP's
    else if (n >= 2 && word[n - 1] == u's')
        n -= 1; // GPs
    if (n > maxLength)
        return false;
    for (qsizetype i = 0; i < n; ++i) {
        const QChar c = word[i];
        if (!(c.isLetter() && c.isUpper()))
            return false;
    }
    return true;
}

bool isMixedCase(QStringView word)
{
    for (qsizetype i = 1; i < word.size(); ++i)
        if (word[i].isUpper() && word[i - 1].isLower())
            return true;
    return false;
}

} // namespace fairnote::spelling
