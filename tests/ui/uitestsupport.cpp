// SPDX-FileCopyrightText: 2026 Fairnote contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// The QApplication, the test rule pack and squiggle inspection for the widget tests.
#include "uitestsupport.h"

#include "noteeditor.h"
#include "testisolation.h"
#include "wording/rulepack.h"

#include <QStandardPaths>
#include <QTest>
#include <QTextBlock>
#include <QTextLayout>
#define CATCH_CONFIG_EXTERNAL_INTERFACES // for the event listener below
#include <catch2/catch.hpp>

using namespace Qt::StringLiterals;

namespace fairnote::uitest {

namespace {

std::unique_ptr<QApplication> &appSlot()
{
    static std::unique_ptr<QApplication> instance;
    return instance;
}

// Deletes the QApplication when the test run ends, while Qt is still whole. Left to static
// destruction after main() it would delete leftover windows (a tooltip) after Qt's thread storage
// is gone, and crash on the way out.
struct QApplicationCloser : Catch::TestEventListenerBase
{
    using TestEventListenerBase::TestEventListenerBase;
    void testRunEnded(const Catch::TestRunStats &) override { appSlot().reset(); }
};

} // namespace

CATCH_REGISTER_LISTENER(QApplicationCloser)

QApplication &app()
{
    static int argc = 1;
    static char name[] = "test-ui-editor";
    static char *argv[] = {name, nullptr};
    if (!appSlot()) {
        usePrivateHome();
        appSlot() = std::make_unique<QApplication>(argc, argv);
        watchForStuckModals(*appSlot());
    }
    return *appSlot();
}

QString testRulesDir() { return QStringLiteral(FAIRNOTE_UI_TEST_RULES); }

std::shared_ptr<const wording::Checker> testChecker()
{
    static std::shared_ptr<const wording::Checker> checker = [] {
        auto pack = wording::loadRulePack(testRulesDir());
        if (!pack) {
            for (const auto &p : pack.error())
                UNSCOPED_INFO(p.toString().toStdString());
            FAIL("the UI test rules did not load");
        }
        const QString dir = testRulesDir();
        std::erase_if(pack->rules, [&](const wording::Rule &r) { return !r.file.startsWith(dir); });
        REQUIRE(pack->rules.size() == 4);
        return std::make_shared<const wording::Checker>(std::move(*pack));
    }();
    return checker;
}

std::shared_ptr<const wording::Checker> builtInChecker()
{
    auto pack = wording::loadRulePack();
    if (!pack) {
        for (const auto &p : pack.error())
            UNSCOPED_INFO(p.toString().toStdString());
        FAIL("the built-in rules did not load");
    }
    return std::make_shared<const wording::Checker>(std::move(*pack));
}

spelling::SpellingOptions testSpellingOptions(const QString &dir)
{
    spelling::SpellingOptions options;
    options.personalListPath = dir + u"/personal-words.txt"_s;
    return options;
}

spelling::SpellingOptions noDictionaryOptions(const QString &dir)
{
    spelling::SpellingOptions options;
    options.searchDirs = {dir};
    options.systemDictionaries = spelling::SystemDictionaries::Skip;
    options.personalListPath = dir + u"/personal-words.txt"_s;
    return options;
}

std::shared_ptr<spelling::SpellChecker> openSpeller(const spelling::SpellingOptions &options)
{
    auto opened = spelling::SpellChecker::open(options);
    if (!opened)
        FAIL("the en_GB dictionary did not open (install hunspell-en-gb): " << opened.error().message().toStdString());
    return std::move(*opened);
}

std::shared_ptr<spelling::SpellChecker> sharedSpeller()
{
    static std::shared_ptr<spelling::SpellChecker> speller = openSpeller({});
    return speller;
}

TempSettings::TempSettings() : settings(dir.filePath(u"settings.ini"_s), QSettings::IniFormat) {}

bool waitFor(const std::function<bool()> &done, int ms) { return QTest::qWaitFor(done, ms); }

std::optional<QTextCharFormat> squiggleAt(const ui::NoteEditor &editor, qsizetype position)
{
    const QTextBlock block = editor.document()->findBlock(int(position));
    if (!block.isValid() || !block.layout())
        return std::nullopt;
    const qsizetype inBlock = position - block.position();
    for (const QTextLayout::FormatRange &r : block.layout()->formats())
        if (r.start <= inBlock && inBlock < r.start + r.length)
            return r.format;
    return std::nullopt;
}

std::optional<Finding> findingOn(const ui::NoteEditor &editor, const QString &word, qsizetype from)
{
    const qsizetype at = editor.toPlainText().indexOf(word, from);
    if (at < 0)
        return std::nullopt;
    for (const Finding &f : editor.visibleFindings())
        if (f.offset <= at && at + word.size() <= f.offset + f.length)
            return f;
    return std::nullopt;
}

} // namespace fairnote::uitest
