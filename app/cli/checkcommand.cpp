// SPDX-FileCopyrightText: 2026 Fairnote contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// fairnote-cli check: wording and spelling findings as compiler-style text or one JSON object, exit 0/1/2.
#include "checkcommand.h"

#include "common.h"
#include "findingoutput.h"

#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <algorithm>

using namespace Qt::StringLiterals;

namespace fairnote::cli {

namespace {

// Checks a text in pieces of about 1 MB split at blank lines, so progress can be shown between them.
// Context never crosses a blank line but for the abbreviations a note spells out, which the NoteContext
// carries from piece to piece (and spelling has none at all), so the findings are the same as
// checking it whole. Spelling findings (when `speller` is set) are merged in, sorted by offset; at the
// same offset the wording finding comes first.
std::vector<Finding> checkInPieces(const wording::Checker &checker, const spelling::SpellChecker *speller,
                                   const QStringList &names, const QString &text, Progress &progress, qint64 &done)
{
    constexpr qsizetype kPiece = 1 << 20;
    std::vector<Finding> out;
    std::vector<Finding> spelling;
    wording::NoteContext note; // abbreviations spelled out in one piece hold in the next
    qsizetype from = 0;
    while (from < text.size()) {
        qsizetype to = text.size();
        if (text.size() - from > kPiece) {
            const qsizetype blank = text.indexOf(u"\n\n"_s, from + kPiece);
            if (blank >= 0)
                to = blank + 1;
        }
        const QStringView piece = QStringView(text).sliced(from, to - from);
        checker.check(piece, from, out, &note);
        if (speller)
            speller->check(piece, from, spelling, names);
        done += to - from;
        progress.update(done);
        from = to;
    }
    if (!spelling.empty()) {
        const auto middle = out.insert(out.end(), std::make_move_iterator(spelling.begin()),
                                       std::make_move_iterator(spelling.end()));
        std::inplace_merge(out.begin(), middle, out.end(),
                           [](const Finding &a, const Finding &b) { return a.offset < b.offset; });
    }
    return out;
}

} // namespace

QString CheckCommand::name() const { return u"check"_s; }
QString CheckCommand::summary() const
{
    return u"check notes for vague, judgemental or stigmatising wording, and spelling"_s;
}

QString CheckCommand::help() const
{
    return u"Usage: fairnote-cli check [--format text|json] [--rules DIR] [--no-spelling]\n"
           u"                          [--dictionary PATH] [--words FILE] [--names LIST] FILE... | -\n\n"
           u"Checks each FILE (UTF-8 text; '-' reads standard input) and reports wording that\n"
           u"can turn a note into a barrier, with why it matters, what to write instead and\n"
           u"the published guidance behind it, and words that may be misspelt (British\n"
           u"English, with suggestions).\n\n"
           u"Options:\n"
           u"  --format text|json  text (default): like a compiler, path:line:column: severity:\n"
           u"                      message [rule], the line, a caret under the words, then why,\n"
           u"                      what to write instead and the source.\n"
           u"                      json: one JSON object (see docs/cli.md).\n"
           u"  --rules DIR         also load the organisation's rule pack in DIR (it may add,\n"
           u"                      replace or disable rules by id). Default: the folder chosen\n"
           u"                      in the app's settings; --rules \"\" for the built-in rules only.\n"
           u"  --no-spelling       check the wording only (also when spelling is off in the app's\n"
           u"                      settings).\n"
           u"  --dictionary PATH   the Hunspell dictionary to use: a .dic or .aff file (its\n"
           u"                      partner beside it) or a directory holding en_GB.dic and\n"
           u"                      en_GB.aff. Default: the one chosen in the app's settings,\n"
           u"                      Fairnote's data directory, then\n"
           u"                      /usr/share/hunspell (Debian package hunspell-en-gb).\n"
           u"  --words FILE        also accept the words in FILE, the organisation's word list\n"
           u"                      (one word or phrase per line; see docs/spelling.md).\n"
           u"  --names LIST        the names of the people the notes are about, separated by\n"
           u"                      commas (\"Piotr Kowalczyk, Ada Obi\"): spelling leaves their\n"
           u"                      words alone, as the app does with the case file's names.\n"
           u"  -h, --help          show this help.\n\n"
           u"Exit status: 0 nothing found, 1 something found, 2 bad usage or bad input (an\n"
           u"unreadable file, invalid UTF-8, a broken rule pack). A bad file is reported and\n"
           u"the other files are still checked. When no dictionary can be found, a message\n"
           u"says so on stderr, the wording is still checked and the exit status is as if\n"
           u"spelling had found nothing.\n"_s;
}

int CheckCommand::execute(const QStringList &args, CliIo &io)
{
    ParsedArgs p;
    if (const auto done = parse(args, {u"--format"_s, u"--rules"_s, u"--dictionary"_s, u"--words"_s, u"--names"_s}, {u"--no-spelling"_s}, io, p))
        return *done;
    const QString format = p.values.value(u"--format"_s, u"text"_s);
    if (p.positional.isEmpty())
        return usageError(io, u"give at least one FILE, or '-' to read standard input"_s);
    if (p.positional.count(u"-"_s) > 1)
        return usageError(io, u"'-' (standard input) can be given only once"_s);

    const auto checker = loadChecker(rulesDirOf(p), io);
    if (!checker)
        return ExitBadInput;
    // Spelling is advisory: without a dictionary it is reported as unavailable and the wording check goes on.
    bool spellingOff = false;
    std::unique_ptr<spelling::SpellChecker> speller = spellCheckerFor(p, io, &spellingOff);
    const QString spellingStatus = spellingOff ? u"off"_s : speller ? u"checked"_s : u"unavailable"_s;

    QStringList names;
    for (const QString &n : p.values.value(u"--names"_s).split(u',', Qt::SkipEmptyParts))
        if (!n.trimmed().isEmpty())
            names << n.trimmed();

    bool anyBad = false;
    std::size_t total = 0;
    int filesWithFindings = 0;
    QJsonArray files;
    // One bar over all files, measured in bytes on disk (close enough to characters for a bar).
    qint64 totalSize = 0;
    for (const QString &path : p.positional)
        if (path != u"-")
            totalSize += QFileInfo(path).size();
    Progress progress(io, u"Checking"_s, totalSize);
    qint64 done = 0;
    for (const QString &path : p.positional) {
        const QString shown = path == u"-" ? (format == u"json" ? u"-"_s : u"<stdin>"_s) : path;
        QString error;
        const auto text = readTextInput(path, io, error);
        if (!text) {
            anyBad = true;
            io.err << u"%1: error: %2\n"_s.arg(shown, error);
            io.err.flush();
            if (format == u"json")
                files.append(QJsonObject{{u"path"_s, shown}, {u"error"_s, error}, {u"findings"_s, QJsonArray()}});
            continue;
        }
        const std::vector<Finding> findings = checkInPieces(*checker, speller.get(), names, *text, progress, done);
        total += findings.size();
        if (!findings.empty())
            ++filesWithFindings;
        if (format == u"json")
            files.append(QJsonObject{{u"path"_s, shown}, {u"findings"_s, findingsJson(*text, findings)}});
        else
            printFindingsText(io.out, shown, *text, findings);
    }
    if (format == u"json") {
        const QJsonObject root{{u"version"_s, 1}, {u"spelling"_s, spellingStatus}, {u"files"_s, files}};
        io.out << QString::fromUtf8(QJsonDocument(root).toJson(QJsonDocument::Compact)) << u'\n';
    } else if (total > 0) {
        io.out << u"%1 finding%2 in %3 file%4.\n"_s.arg(total).arg(total == 1 ? u""_s : u"s"_s)
                      .arg(filesWithFindings).arg(filesWithFindings == 1 ? u""_s : u"s"_s);
    }
    if (anyBad)
        return ExitBadInput;
    return total > 0 ? ExitFound : ExitOk;
}

} // namespace fairnote::cli
