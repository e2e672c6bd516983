// SPDX-FileCopyrightText: 2026 Fairnote contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// The personal word list: matching with Hunspell's case rules, and safe read-merge-write saving.
#include "spelling/personalwordlist.h"

#include "io/atomicfile.h"
#include "io/input.h"
#include "spelling/wordlist.h"
#include "text/utf8.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>

using namespace Qt::StringLiterals;

namespace fairnote::spelling {

namespace {

const QString kHeader = u"# Fairnote personal word list: words added with \"Add to dictionary\".\n"
                        u"# One word per line, UTF-8; lines starting with # are comments. The spelling\n"
                        u"# check accepts every word here. Edit freely; Fairnote re-reads it when it starts.\n"_s;

bool isAllUpper(QStringView w)
{
    bool letter = false;
    for (QChar c : w) {
        if (c.isLower())
            return false;
        letter = letter || c.isLetter();
    }
    return letter;
}

} // namespace

QString PersonalWordList::validate(const QString &word, QString *straightened)
{
    const QString w = straightenApostrophes(word.trimmed());
    if (w.isEmpty())
        return u"there is no word to add"_s;
    if (w.size() > 60)
        return u"“%1…” is too long to be a word"_s.arg(w.left(20));
    for (QChar c : w)
        if (c.isSpace())
            return u"“%1” is more than one word; add the words one at a time"_s.arg(w);
    const WordList parsed = parseWordList(w, QString());
    if (parsed.words.isEmpty() || parsed.words.front() != w)
        return u"“%1” is not a word"_s.arg(w);
    *straightened = w;
    return {};
}

QString PersonalWordList::load(const QString &path)
{
    m_path = path;
    m_loadError.clear();
    rebuild({});
    if (path.isEmpty() || !QFileInfo::exists(path))
        return {};
    auto lines = readLines();
    if (!lines) {
        m_loadError = lines.error();
        return m_loadError;
    }
    rebuild(*lines);
    return {};
}

bool PersonalWordList::contains(QStringView word) const
{
    if (m_words.isEmpty() || word.isEmpty())
        return false;
    const QString w = word.toString();
    if (m_exact.contains(w))
        return true;
    if (isAllUpper(w) && m_upper.contains(w))
        return true;
    if (w.front().isUpper()) {
        QString lowered = w;
        lowered[0] = lowered[0].toLower();
        return m_lowerInitial.contains(lowered);
    }
    return false;
}

Result<QStringList, QString> PersonalWordList::readLines() const
{
    if (!QFileInfo::exists(m_path))
        return QStringList();
    auto bytes = io::readFile(m_path, {kMaxWordListBytes, u"a word list"_s, {}});
    if (!bytes)
        return u"%1: %2"_s.arg(m_path, bytes.error().message());
    const auto text = text::decodeUtf8(*bytes);
    if (!text)
        return u"%1: %2; save the file as UTF-8"_s.arg(m_path, text.error().describe());
    QStringList lines = text->split(u'\n');
    if (!lines.isEmpty() && lines.back().isEmpty())
        lines.removeLast();
    return lines;
}

QString PersonalWordList::write(const QStringList &lines) const
{
    const QFileInfo info(m_path);
    if (!QDir().mkpath(info.absolutePath()))
        return u"the folder %1 cannot be created; check its permissions"_s.arg(info.absolutePath());
    QString text = lines.join(u'\n');
    if (!text.isEmpty())
        text += u'\n';
    // Whole or not at all, and owner-only from the start: the list holds the names of the people in the records.
    if (const auto failed = io::writeFileAtomically(m_path, text.toUtf8()))
        return failed->message();
    return {};
}

void PersonalWordList::rebuild(const QStringList &lines)
{
    m_words = parseWordList(lines.join(u'\n'), m_path).words;
    m_exact.clear();
    m_upper.clear();
    m_lowerInitial.clear();
    for (const QString &w : std::as_const(m_words)) {
        m_exact.insert(w);
        m_upper.insert(w.toUpper());
        if (w.front().isLower())
            m_lowerInitial.insert(w);
    }
}

Result<bool, QString> PersonalWordList::add(const QString &word)
{
    if (m_path.isEmpty())
        return u"no personal word list file is set"_s;
    if (!m_loadError.isEmpty())
        return QString(m_loadError + u"; the word was not added, so the file is left as it is"_s);
    QString w;
    if (const QString problem = validate(word, &w); !problem.isEmpty())
        return problem;
    auto lines = readLines(); // someone else may have added words since
    if (!lines)
        return lines.error();
    QStringList current = *lines;
    const bool fresh = current.isEmpty();
    if (parseWordList(current.join(u'\n'), m_path).words.contains(w)) {
        rebuild(current);
        return false;
    }
    if (fresh)
        current = kHeader.trimmed().split(u'\n');
    current << w;
    if (const QString error = write(current); !error.isEmpty())
        return error;
    rebuild(current);
    return true;
}

Result<bool, QString> PersonalWordList::remove(const QString &word)
{
    if (m_path.isEmpty())
        return u"no personal word list file is set"_s;
    if (!m_loadError.isEmpty())
        return QString(m_loadError + u"; the word was not removed, so the file is left as it is"_s);
    const QString w = straightenApostrophes(word.trimmed());
    auto lines = readLines();
    if (!lines)
        return lines.error();
    QStringList kept;
    bool removed = false;
    for (const QString &line : std::as_const(*lines)) {
        if (straightenApostrophes(line.trimmed()) == w) {
            removed = true;
            continue;
        }
        kept << line;
    }
    if (!removed) {
        rebuild(*lines);
        return false;
    }
    if (const QString error = write(kept); !error.isEmpty())
        return error;
    rebuild(kept);
    return true;
}

} // namespace fairnote::spelling
