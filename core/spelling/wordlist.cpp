// SPDX-FileCopyrightText: 2026 Fairnote contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// Word list parsing: comments, phrases and hyphenated entries.
#include "spelling/wordlist.h"

#include "io/input.h"
#include "text/utf8.h"

#include <QFile>
#include <QSet>

using namespace Qt::StringLiterals;

namespace fairnote::spelling {

namespace {

bool isApostrophe(QChar c) { return c == u'\'' || c == QChar(0x2019) || c == QChar(0x02BC); }
bool isHyphen(QChar c) { return c == u'-' || c == QChar(0x2010) || c == QChar(0x2011); }

// A word in a list may hold letters, marks, digits, apostrophes, hyphens, full stops ("St.") and
// ampersands ("B&B").
// Anything else (a slash of a .dic entry's flags, an @ or a colon of an address) means it is not a word.
bool isListWord(QStringView w, QString *why)
{
    bool letter = false;
    for (QChar c : w) {
        if (c.isLetter() || c.isMark()) {
            letter = true;
        } else if (!(c.isDigit() || isApostrophe(c) || isHyphen(c) || c == u'.' || c == u'&')) {
            *why = c == u'/' ? u"“%1” looks like a Hunspell .dic entry with flags; list plain words only"_s.arg(w)
                             : u"“%1” is not a word (it holds “%2”)"_s.arg(w, QString(c));
            return false;
        }
    }
    if (!letter)
        *why = u"“%1” has no letter in it"_s.arg(w);
    return letter;
}

} // namespace

QString straightenApostrophes(QStringView word)
{
    QString out = word.toString();
    for (QChar &c : out)
        if (c == QChar(0x2019) || c == QChar(0x02BC))
            c = u'\'';
    return out;
}

QString sectorWordListPath() { return u":/fairnote/wordlists/en-GB-sector.txt"_s; }
QString titleListPath() { return u":/fairnote/wordlists/en-GB-titles.txt"_s; }

WordList parseWordList(QStringView text, const QString &fileName)
{
    WordList out;
    QSet<QString> seenWords;
    auto addWord = [&](const QString &w) {
        if (!seenWords.contains(w)) {
            seenWords.insert(w);
            out.words << w;
        }
    };
    int lineNo = 0;
    for (QStringView line : text.tokenize(u'\n')) {
        ++lineNo;
        const qsizetype hash = line.indexOf(u'#');
        if (hash >= 0)
            line = line.first(hash);
        line = line.trimmed();
        if (line.isEmpty())
            continue;
        for (QStringView word : line.tokenize(u' ', Qt::SkipEmptyParts)) {
            word = word.trimmed(); // tabs
            QString why;
            if (!isListWord(word, &why)) {
                out.problems << u"%1:%2: %3"_s.arg(fileName, QString::number(lineNo), why);
                continue;
            }
            const QString w = straightenApostrophes(word);
            addWord(w);
            // Stoke-on-Trent: accepted whole (Hunspell is asked for the whole compound first) and by
            // its parts, so a line break at a hyphen or a split compound still passes.
            bool hyphenated = false;
            for (QChar c : w)
                hyphenated = hyphenated || isHyphen(c);
            if (hyphenated) {
                qsizetype from = 0;
                for (qsizetype i = 0; i <= w.size(); ++i) {
                    if (i == w.size() || isHyphen(w[i])) {
                        if (i > from)
                            addWord(w.mid(from, i - from));
                        from = i + 1;
                    }
                }
            }
        }
    }
    return out;
}

Result<WordList, QString> readWordList(const QString &path)
{
    auto bytes = io::readFile(path, {kMaxWordListBytes, u"a word list"_s, {}});
    if (!bytes)
        return u"%1: %2"_s.arg(path, bytes.error().message());
    const auto text = text::decodeUtf8(*bytes);
    if (!text)
        return u"%1: %2; save the file as UTF-8"_s.arg(path, text.error().describe());
    return parseWordList(*text, path);
}

} // namespace fairnote::spelling
