// SPDX-FileCopyrightText: 2026 Fairnote contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// Each context function on its own, with the built-in language file.
#include "testsupport.h"
#include "wording/context.h"

using namespace Qt::StringLiterals;
using namespace fairnote::wording;

namespace {
const AnalysisBuilder &builder()
{
    static const AnalysisBuilder b(fairnote::testing::builtInChecker()->pack().language);
    return b;
}
// Runs `fn` on the first token of `word` (and the token after it as the end) in `text`.
template <typename Fn>
bool at(const QString &text, const QString &word, Fn fn)
{
    const auto o = builder().analyse(text);
    const qsizetype pos = text.indexOf(word);
    REQUIRE(pos >= 0);
    const int first = o->tokenAt(pos);
    const int end = o->tokenAt(pos + word.size());
    return fn(o->analysis, first, end, pos, pos + word.size());
}
bool negated(const QString &text, const QString &word)
{
    return at(text, word, [](const Analysis &a, int first, int, qsizetype, qsizetype) { return isNegated(a, first); });
}
bool name(const QString &text, const QString &word)
{
    return at(text, word, [](const Analysis &a, int first, int end, qsizetype, qsizetype) { return isName(a, first, end); });
}
bool sourced(const QString &text, const QString &word)
{
    return at(text, word, [](const Analysis &a, int first, int, qsizetype, qsizetype) { return isSourced(a, first); });
}
bool dated(const QString &text, const QString &word)
{
    return at(text, word, [](const Analysis &a, int first, int, qsizetype, qsizetype) { return isDated(a, first); });
}
bool quoted(const QString &text, const QString &word)
{
    return at(text, word, [](const Analysis &a, int, int, qsizetype s, qsizetype e) { return isQuoted(a, s, e); });
}
} // namespace

TEST_CASE("isQuoted: the person's words in any quotation marks", "[context][quoted]")
{
    CHECK(quoted(u"She said \"I am not an arsonist\"."_s, u"arsonist"_s));
    CHECK(quoted(u"He said, ‘I was off my head.’"_s, u"off my head"_s));
    CHECK(quoted(u"He said: “I kicked off. I'm sorry. I always do.”"_s, u"always"_s));
    CHECK(quoted(u"He said: \"I kicked off. I always do.\nI'm sorry"_s, u"sorry"_s)); // open to paragraph end
    CHECK_FALSE(quoted(u"He said \"sorry\" and was aggressive."_s, u"aggressive"_s));
    CHECK_FALSE(quoted(u"The residents' lounge: he was aggressive'"_s, u"aggressive"_s));
}

TEST_CASE("isNegated: a negation cue earlier in the clause", "[context][negated]")
{
    CHECK(negated(u"He was not aggressive at any point."_s, u"aggressive"_s));
    CHECK(negated(u"There is no evidence that he is aggressive."_s, u"aggressive"_s));
    CHECK(negated(u"There is no record that they have been non-compliant with their licence."_s, u"non-compliant"_s));
    CHECK(negated(u"Mr Dean has never been violent towards staff."_s, u"violent"_s));
    CHECK(negated(u"Staff did not observe any fire-setting behaviour."_s, u"fire-setting"_s));
    CHECK(negated(u"He denied being aggressive."_s, u"aggressive"_s));
    CHECK(negated(u"She wasn’t aggressive."_s, u"aggressive"_s)); // n't, curly apostrophe
    CHECK(negated(u"He is no longer aggressive."_s, u"aggressive"_s));
}

TEST_CASE("isNegated: the scope ends at a clause breaker, punctuation or distance", "[context][negated]")
{
    CHECK_FALSE(negated(u"He was not drunk but was aggressive."_s, u"aggressive"_s));
    CHECK_FALSE(negated(u"He did not attend and was aggressive on the phone."_s, u"aggressive"_s));
    CHECK_FALSE(negated(u"He did not sleep; he was aggressive."_s, u"aggressive"_s));
    CHECK_FALSE(negated(u"Not today. He was aggressive."_s, u"aggressive"_s));
    CHECK_FALSE(negated(u"He did not come to the office on the first or the second day as he was aggressive."_s,
                        u"aggressive"_s));
    CHECK_FALSE(negated(u"He was aggressive."_s, u"aggressive"_s));
}

TEST_CASE("isNegated: pseudo-negations do not negate", "[context][negated]")
{
    CHECK_FALSE(negated(u"He was not only aggressive, he was violent."_s, u"aggressive"_s));
    CHECK_FALSE(negated(u"No doubt he was aggressive."_s, u"aggressive"_s));
}

TEST_CASE("isName: surnames after honorifics, protected names, capitals mid-sentence", "[context][name]")
{
    CHECK(name(u"Visit to Mr Black today."_s, u"Black"_s));
    CHECK(name(u"Ms White and Mr. Savage attended."_s, u"Savage"_s));
    CHECK(name(u"He goes to Alcoholics Anonymous on Fridays."_s, u"Alcoholics"_s));
    CHECK(name(u"He goes to alcoholics anonymous on Fridays."_s, u"alcoholics"_s));
    CHECK(name(u"Referred to the Arson Reduction Team."_s, u"Arson"_s));
    CHECK(name(u"Referred to the drug and alcohol service."_s, u"alcohol"_s));
    CHECK(name(u"He lives with Sam Hunter."_s, u"Hunter"_s));
    CHECK_FALSE(name(u"Known arsonist. Aggressive when challenged."_s, u"Aggressive"_s));
    CHECK_FALSE(name(u"Known arsonist."_s, u"Known"_s));
    CHECK_FALSE(name(u"He is an alcoholic."_s, u"alcoholic"_s));
    CHECK_FALSE(name(u"Outcome: Arson charge"_s, u"Arson"_s));
}

TEST_CASE("isSourced: a source and a date in the same sentence", "[context][sourced]")
{
    CHECK(sourced(u"According to the police report of 3 March 2024 he was charged with arson."_s, u"charged"_s));
    CHECK(sourced(u"He was convicted of arson at Stoke Crown Court on 12/05/2021."_s, u"convicted"_s));
    CHECK(sourced(u"FRS incident report 1234 (March 2024) recorded the fire as deliberate."_s, u"deliberate"_s));
    CHECK_FALSE(sourced(u"He was charged with arson."_s, u"charged"_s));
    CHECK_FALSE(sourced(u"Police said he was charged with arson."_s, u"charged"_s));     // no date
    CHECK_FALSE(sourced(u"In 2019 he was charged with arson."_s, u"charged"_s));         // no source
    CHECK_FALSE(sourced(u"The police came on 3 March 2024. He was charged."_s, u"charged"_s)); // other sentence
    // A full stop after a one-digit number ends the sentence; only single letters ("e.g.") do not.
    CHECK_FALSE(sourced(u"The police report of 2023 was filed about flat 5. He committed arson."_s, u"arson"_s));
}

TEST_CASE("isDated: a date or a time in the same sentence", "[context][dated]")
{
    CHECK(dated(u"Recently, on 3 March, he moved rooms."_s, u"Recently"_s));
    CHECK(dated(u"He moved rooms recently (March 2025)."_s, u"recently"_s));
    CHECK(dated(u"He recently moved, at 17:40 on Tuesday."_s, u"recently"_s));
    CHECK(dated(u"He recently moved, yesterday."_s, u"recently"_s));
    CHECK_FALSE(dated(u"He recently moved rooms."_s, u"recently"_s));
    CHECK_FALSE(dated(u"He may recently have moved."_s, u"recently"_s)); // "may" is a verb here
}
