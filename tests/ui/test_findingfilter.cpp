// SPDX-FileCopyrightText: 2026 Fairnote contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// The worker's hide choices: what each one hides, how long it lasts, and how it follows edits.
#include "uitestsupport.h"

#include "findingfilter.h"

#include <QSignalSpy>
#include <catch2/catch.hpp>

using namespace Qt::StringLiterals;
using namespace fairnote;
using namespace fairnote::ui;

namespace {
Finding finding(qsizetype offset, qsizetype length, const QString &rule)
{
    Finding f;
    f.offset = offset;
    f.length = length;
    f.ruleId = rule;
    return f;
}
} // namespace

TEST_CASE("rules turned off are kept in settings between runs", "[ui][filter]")
{
    uitest::TempSettings temp;
    {
        FindingFilter filter(&temp.settings);
        QSignalSpy changed(&filter, &FindingFilter::changed);
        filter.disableRule(u"judgement.aggressive"_s);
        filter.disableRule(u"judgement.aggressive"_s); // twice is once
        filter.disableRule(u"label.arsonist"_s);
        CHECK(changed.count() == 2);
        CHECK(filter.hides(finding(0, 5, u"label.arsonist"_s)));
    }
    FindingFilter next(&temp.settings);
    CHECK(next.disabledRules() == QStringList{u"judgement.aggressive"_s, u"label.arsonist"_s});
    next.enableRule(u"label.arsonist"_s);
    CHECK_FALSE(next.hides(finding(0, 5, u"label.arsonist"_s)));
    CHECK(FindingFilter(&temp.settings).disabledRules() == QStringList{u"judgement.aggressive"_s});
}

TEST_CASE("ignore once hides exactly one occurrence", "[ui][filter]")
{
    FindingFilter filter(nullptr);
    filter.ignoreOnce(finding(10, 6, u"a.rule"_s));
    CHECK(filter.hides(finding(10, 6, u"a.rule"_s)));
    CHECK_FALSE(filter.hides(finding(30, 6, u"a.rule"_s)));  // the same rule elsewhere
    CHECK_FALSE(filter.hides(finding(10, 6, u"b.rule"_s)));  // another rule on the same words
    CHECK_FALSE(filter.hides(finding(10, 9, u"a.rule"_s)));  // a longer match there now
}

TEST_CASE("an ignored occurrence moves with its words and is forgotten when they change", "[ui][filter]")
{
    FindingFilter filter(nullptr);
    const auto ignoredAt = [&](qsizetype offset) { return filter.hides(finding(offset, 6, u"a.rule"_s)); };
    filter.ignoreOnce(finding(10, 6, u"a.rule"_s)); // words at [10, 16)

    filter.textEdited(20, 0, 4); // typing after it
    CHECK(ignoredAt(10));
    filter.textEdited(16, 0, 1); // typing right after it
    CHECK(ignoredAt(10));
    filter.textEdited(0, 0, 3); // typing before it
    CHECK(ignoredAt(13));
    filter.textEdited(13, 0, 2); // typing right before it
    CHECK(ignoredAt(15));
    filter.textEdited(0, 5, 0); // deleting before it
    CHECK(ignoredAt(10));
    filter.textEdited(12, 1, 1); // changing one of its letters
    CHECK_FALSE(ignoredAt(10));
}

TEST_CASE("the note's ignores are forgotten with the note, turned-off rules are not", "[ui][filter]")
{
    FindingFilter filter(nullptr);
    filter.disableRule(u"off.rule"_s);
    filter.ignoreInNote(u"note.rule"_s);
    filter.ignoreOnce(finding(1, 2, u"once.rule"_s));
    CHECK(filter.rulesIgnoredInNote() == QStringList{u"note.rule"_s});
    filter.clearNote();
    CHECK(filter.hides(finding(0, 1, u"off.rule"_s)));
    CHECK_FALSE(filter.hides(finding(0, 1, u"note.rule"_s)));
    CHECK_FALSE(filter.hides(finding(1, 2, u"once.rule"_s)));

    filter.ignoreInNote(u"note.rule"_s);
    filter.stopIgnoringInNote(u"note.rule"_s);
    CHECK_FALSE(filter.hides(finding(0, 1, u"note.rule"_s)));
}

TEST_CASE("an occurrence ignored once in one field stays visible in another field at the same offset", "[ui][filter]")
{
    FindingFilter filter(nullptr);
    int fieldA = 0, fieldB = 0;
    filter.ignoreOnce(finding(10, 6, u"a.rule"_s), &fieldA);
    CHECK(filter.hides(finding(10, 6, u"a.rule"_s), &fieldA));
    CHECK_FALSE(filter.hides(finding(10, 6, u"a.rule"_s), &fieldB));
    // An edit in the other field does not move or drop it.
    filter.textEdited(0, 0, 5, &fieldB);
    CHECK(filter.hides(finding(10, 6, u"a.rule"_s), &fieldA));
    filter.textEdited(0, 0, 5, &fieldA);
    CHECK(filter.hides(finding(15, 6, u"a.rule"_s), &fieldA));
}
