// SPDX-FileCopyrightText: 2026 Fairnote contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// Shared set-up for the widget tests: the one QApplication, fixed rules, and ways to look at squiggles.
#pragma once

#include "spelling/spellchecker.h"
#include "wording/checker.h"

#include <QApplication>
#include <QSettings>
#include <QTemporaryDir>
#include <QTextCharFormat>
#include <functional>
#include <memory>
#include <optional>

namespace fairnote::ui {
class NoteEditor;
}

namespace fairnote::uitest {

// catch_main.cpp owns main(), so the QApplication is made on first use and deleted when the test run
// ends. QStandardPaths is put in test mode first, so nothing the tests do reaches the tester's own
// data (the personal dictionary).
QApplication &app();

// The built-in language lists with only the rules of tests/ui/data/rules (aggressive, kicked off,
// arsonist, very), so the widget tests do not change when the built-in wording is tuned.
std::shared_ptr<const wording::Checker> testChecker();
// The built-in pack as shipped.
std::shared_ptr<const wording::Checker> builtInChecker();
QString testRulesDir();

// Spelling with the system's en_GB dictionary (hunspell-en-gb) and a personal list in `dir`.
spelling::SpellingOptions testSpellingOptions(const QString &dir);
// Options under which no dictionary can be found: an empty `dir` and no system places.
spelling::SpellingOptions noDictionaryOptions(const QString &dir);
// One spell checker without a personal list, shared by the tests that add no words (opening one
// takes a moment under the sanitizers).
std::shared_ptr<spelling::SpellChecker> sharedSpeller();
// A new spell checker for `options`; fails the test when it cannot be opened.
std::shared_ptr<spelling::SpellChecker> openSpeller(const spelling::SpellingOptions &options);

// Settings in a fresh temporary file, never the tester's own.
struct TempSettings
{
    TempSettings();
    QTemporaryDir dir;
    QSettings settings;
};

// Processes events until `done` holds or `ms` pass. Returns whether it held.
bool waitFor(const std::function<bool()> &done, int ms = 3000);

// The highlighter's format on the character at `position`, if any (read from the block layout,
// where QSyntaxHighlighter keeps it).
std::optional<QTextCharFormat> squiggleAt(const ui::NoteEditor &editor, qsizetype position);
// The visible finding that covers the first occurrence of `word` in the editor's text.
std::optional<Finding> findingOn(const ui::NoteEditor &editor, const QString &word, qsizetype from = 0);

} // namespace fairnote::uitest
