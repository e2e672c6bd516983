// SPDX-FileCopyrightText: 2026 Fairnote contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// The spelling wrapper against plain Hunspell on word lists (tests/data/spelling/*.good, *.wrong), in the
// manner of nuspell's verify tool: each list is its own CTest. Usage: test-spelling-lists LIST...
//
// For every word of a list:
// - the wrapper without word lists agrees with plain Hunspell on the same dictionary (isCorrect() and a
//   check() of the word alone), so tokenising, apostrophes, the cache and the encoding change nothing;
//   sector*.good is exempt (those words are there because plain Hunspell lacks some of them);
// - the wrapper with its word lists accepts every word of a .good list and flags every word of a .wrong
//   list as one finding over the whole word, with the second column (when given) among its first three
//   suggestions.
#include "spelling/spellchecker.h"

#include <QFile>
#include <QFileInfo>
#include <QTextStream>
#include <cstdio>
#include <hunspell.hxx>

using namespace Qt::StringLiterals;
using namespace fairnote;

namespace {

int failures = 0;

void fail(const QString &where, const QString &message)
{
    std::fprintf(stderr, "%s: %s\n", qPrintable(where), qPrintable(message));
    ++failures;
}

QString findingsText(QStringView text, const std::vector<Finding> &findings)
{
    QStringList parts;
    for (const Finding &f : findings)
        parts << u"%1@%2"_s.arg(text.sliced(f.offset, f.length)).arg(f.offset);
    return parts.isEmpty() ? u"none"_s : parts.join(u", "_s);
}

} // namespace

int main(int argc, char **argv)
{
    if (argc < 2) {
        std::fprintf(stderr, "usage: %s LIST.good|LIST.wrong...\n", argv[0]);
        return 2;
    }
    spelling::SpellingOptions bareOptions;
    bareOptions.sectorWords = spelling::SectorWords::Off;
    bareOptions.maxAcronymLength = 0; // check every word, as plain Hunspell does
    auto bare = spelling::SpellChecker::open(bareOptions);
    spelling::SpellingOptions fullOptions;
    fullOptions.maxAcronymLength = 0;
    auto full = spelling::SpellChecker::open(fullOptions);
    if (!bare || !full) {
        std::fprintf(stderr, "%s\n", qPrintable(bare ? full.error().message() : bare.error().message()));
        return 1;
    }
    const auto files = (*bare)->dictionary();
    Hunspell plain(QFile::encodeName(files.affPath).constData(), QFile::encodeName(files.dicPath).constData());

    int words = 0;
    for (int a = 1; a < argc; ++a) {
        const QString path = QString::fromLocal8Bit(argv[a]);
        const bool good = path.endsWith(u".good"_s);
        const bool sector = QFileInfo(path).fileName().startsWith(u"sector"_s);
        QFile f(path);
        if (!f.open(QIODevice::ReadOnly)) {
            fail(path, u"cannot be read"_s);
            continue;
        }
        const QStringList lines = QString::fromUtf8(f.readAll()).split(u'\n');
        for (qsizetype i = 0; i < lines.size(); ++i) {
            const QString line = lines[i].trimmed();
            if (line.isEmpty() || line.startsWith(u'#'))
                continue;
            const QString where = u"%1:%2"_s.arg(path).arg(i + 1);
            const QStringList cols = line.split(u' ', Qt::SkipEmptyParts);
            const QString &word = cols[0];
            ++words;

            const bool plainSays = plain.spell(word.toStdString());
            const QString verdict = plainSays ? u"correct"_s : u"misspelt"_s;
            if (!sector) {
                if ((*bare)->isCorrect(word) != plainSays)
                    fail(where, u"“%1”: Hunspell says %2, the wrapper's isCorrect() disagrees"_s.arg(word, verdict));
                const auto found = (*bare)->check(word);
                if (found.empty() != plainSays)
                    fail(where, u"“%1”: Hunspell says %2, the wrapper's check() finds %3"_s.arg(
                                    word, verdict, findingsText(word, found)));
            }

            const auto found = (*full)->check(word);
            if (good) {
                if (!found.empty())
                    fail(where, u"“%1” should be accepted; found %2"_s.arg(word, findingsText(word, found)));
                if (!sector && !plainSays)
                    fail(where, u"“%1” is in a .good list but plain Hunspell rejects it; fix the list"_s.arg(word));
                continue;
            }
            if (found.size() != 1 || found[0].offset != 0 || found[0].length != word.size()) {
                fail(where, u"“%1” should be one finding over the whole word; found %2"_s.arg(
                                word, findingsText(word, found)));
                continue;
            }
            if (cols.size() > 1 && !found[0].suggestions.mid(0, 3).contains(cols[1]))
                fail(where, u"“%1”: “%2” is not among the first three suggestions (%3)"_s.arg(
                                word, cols[1], found[0].suggestions.join(u", "_s)));
        }
    }
    std::printf("%d words, %d failures\n", words, failures);
    return failures == 0 ? 0 : 1;
}
