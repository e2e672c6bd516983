// SPDX-FileCopyrightText: 2026 Fairnote contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// SpellChecker: the spelling check — Hunspell behind a word cache, the sector, organisation and
// personal word lists, and the rules for what in a note is not a word to check.
#pragma once

#include "result.h"
#include "spelling/dictionarylocator.h"
#include "wording/finding.h"

#include <QString>
#include <QStringList>
#include <QStringView>
#include <memory>
#include <vector>

namespace fairnote::spelling {

enum class SectorWords : bool { Off, On };

// The rule ids of spelling findings: a word that may be misspelt, and a capitalised word the dictionary
// does not know in the middle of a sentence, which is most often a name (shown with a lighter mark,
// "Add as a name" first).
inline constexpr QStringView kSpellingRuleId = u"spelling";
inline constexpr QStringView kPossibleNameRuleId = u"possible-name";
inline bool isPossibleName(const Finding &f) { return f.ruleId == kPossibleNameRuleId; }
// The suggestions worth offering for a possible name: those at most one edit away from it (two for a word
// of seven or more letters; a swap of two letters is one edit), letter case aside. A far suggestion is
// never a correction of a name, only a stranger's word in its place ("Twonk" for "Okonkwo").
QStringList nearSuggestions(QStringView word, const QStringList &suggestions);
enum class Suggestions : bool { Skip, Compute };

struct SpellingOptions
{
    QString language = QStringLiteral("en_GB"); // the dictionary's file name: en_GB.dic, en_GB.aff
    QString dictionaryPath;                     // a .dic, a .aff or a directory; empty: search
    QStringList searchDirs;                     // searched first, in order (the app's data dir, a configured dir)
    SystemDictionaries systemDictionaries = SystemDictionaries::Search; // then /usr/share/hunspell and friends
    SectorWords sectorWords = SectorWords::On;  // the built-in resources/wordlists/en-GB-sector.txt
    QStringList extraWordLists;                 // an organisation's word list files
    QString personalListPath;                   // the user's list ("Add to dictionary"); empty: none
    int maxAcronymLength = 5;                   // all-capital words up to this length are not checked; 0: all are
};

// Thread safety: check(), isCorrect(), suggest() and the getters may run on several threads at once;
// addToPersonal() and removeFromPersonal() may run while they do. Hunspell is behind a mutex and the
// word cache behind a read/write lock, so correctly spelled text that has been seen before is checked
// under a shared lock without touching Hunspell.
//
// Offsets are UTF-16 code units (QString indices), as in every Finding.
class SpellChecker
{
public:
    // Finds the dictionary, loads it and the word lists. Fails (never crashes) when no usable
    // dictionary is found, with what was searched and how to fix it. Word lists that cannot be read
    // do not stop it: they are reported in warnings().
    static Result<std::unique_ptr<SpellChecker>, SpellingUnavailable> open(const SpellingOptions &options);
    ~SpellChecker();
    SpellChecker(const SpellChecker &) = delete;
    SpellChecker &operator=(const SpellChecker &) = delete;

    // Appends a finding (category Spelling, severity Info) for each word in `text` the dictionary and
    // lists do not know to `out`, in text order, with `baseOffset` added to each offset: rule "spelling"
    // (it may be misspelt), or rule "possible-name" for a capitalised word in the middle of a sentence,
    // or at the start of one when the same word is a name elsewhere in its paragraph. Skipped, never
    // flagged: URLs, e-mail addresses, paths and other code-like chunks, text in backticks, numbers,
    // times, dates and any word with a digit, all-capital acronyms up to maxAcronymLength letters (plural
    // "s" allowed), mixed-case words (iPhone, McDonald), a capital letter alone (an initial), the words
    // of `names` (the people in the record; a possessive "'s" is allowed), and a name after a title (the
    // word after "Mr", "Dr", "Cllr" …, and the capitalised words after it: "Ms Adaeze Okonkwo").
    // Suggestions::Skip leaves Finding::suggestions empty (Hunspell's suggestions take milliseconds per
    // word; the editor can ask suggest() when a menu opens).
    // No context crosses a blank line, so checking any paragraph alone gives exactly the findings the
    // whole text gives inside it.
    void check(QStringView text, qsizetype baseOffset, std::vector<Finding> &out, const QStringList &names = {},
               Suggestions suggestions = Suggestions::Compute) const;
    std::vector<Finding> check(QStringView text, const QStringList &names = {}) const;

    // True when one word is spelled correctly by the dictionary and the word lists (no skip rule
    // applies here). Curly apostrophes are accepted.
    bool isCorrect(QStringView word) const;

    // Up to five corrections, best first, in the word's own apostrophe style. Cached.
    QStringList suggest(const QString &word) const;

    // Adds a word to the personal list and saves the file; from then on it is accepted everywhere.
    // Returns true when added, false when it was already there; fails with a message (no file set, the
    // file could not be read or written, not a single word).
    Result<bool, QString> addToPersonal(const QString &word);
    Result<bool, QString> removeFromPersonal(const QString &word);
    QStringList personalWords() const;

    // Problems that did not stop the check: a word list that could not be read, a line it skipped.
    QStringList warnings() const;
    DictionaryFiles dictionary() const;
    // "Hunspell en-GB dictionary (hunspell-en-gb)", or the dictionary's path when it is another one.
    QString source() const;
    int maxAcronymLength() const;

private:
    struct Private;
    explicit SpellChecker(std::unique_ptr<Private> d);
    std::unique_ptr<Private> d;
};

} // namespace fairnote::spelling
