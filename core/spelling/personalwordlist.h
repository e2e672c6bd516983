// SPDX-FileCopyrightText: 2026 Fairnote contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// PersonalWordList: the words a user added with "Add to dictionary", kept in one file per user.
#pragma once

#include "result.h"

#include <QSet>
#include <QString>
#include <QStringList>

namespace fairnote::spelling {

// The file is a word list (see wordlist.h), UTF-8, one word per line, created owner-only (0600): people's
// names end up in it. Each add() or remove() re-reads the file before rewriting it (atomically, through
// QSaveFile), so two programs sharing it (the app and fairnote-cli) do not lose each other's words.
//
// Matching follows Hunspell's rules for added words: a word added in lower case ("naloxone") also
// matches with a capital first letter and in capitals; a capitalised word ("Okafor") also matches in
// capitals, but not in lower case.
//
// Not thread-safe: SpellChecker guards it.
class PersonalWordList
{
public:
    // Sets the file and reads it. A missing file is an empty list (it is created by the first add()).
    // Returns an empty string, or a message when the file exists but cannot be read; the list is then
    // empty and add()/remove() refuse to overwrite the file.
    QString load(const QString &path);

    bool contains(QStringView word) const;
    const QStringList &words() const { return m_words; }
    const QString &path() const { return m_path; }

    // Adds one word (curly apostrophes straightened) and saves the file. Returns true when added, false
    // when it was already there; fails with a message when the word is not one word or the file cannot be
    // written (the list is then unchanged).
    Result<bool, QString> add(const QString &word);
    // Removes a word and saves the file. Returns true when removed, false when it was not there.
    Result<bool, QString> remove(const QString &word);

    // Checks that `word` could be a list entry. Returns an empty string and sets *straightened, or a message.
    static QString validate(const QString &word, QString *straightened);

private:
    Result<QStringList, QString> readLines() const; // the file's lines as they are now
    QString write(const QStringList &lines) const;  // empty on success
    void rebuild(const QStringList &lines);

    QString m_path;
    QString m_loadError;
    QStringList m_words;
    QSet<QString> m_exact;        // as written
    QSet<QString> m_upper;        // every word in capitals
    QSet<QString> m_lowerInitial; // words written with a lower-case first letter
};

} // namespace fairnote::spelling
