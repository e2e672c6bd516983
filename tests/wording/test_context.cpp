// SPDX-FileCopyrightText: 2026 Fairnote contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// Each context function on its own, with the built-in language file and rule pack (the analysis the
// checker makes, so isName knows which words are rule terms).
#include "testsupport.h"
#include "wording/context.h"

using namespace Qt::StringLiterals;
using namespace fairnote::wording;

namespace {
// Runs `fn` on the first token of `word` (and the token after it as the end) in `text`.
template <typename Fn>
bool at(const QString &text, const QString &word, Fn fn)
{
    const auto o = fairnote::testing::builtInChecker()->analyse(text);
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
bool newClause(const QString &text, const QString &word)
{
    return at(text, word, [](const Analysis &a, int first, int, qsizetype, qsizetype) { return commaStartsClause(a, first); });
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

TEST_CASE("isNegated: a comma before a new subject ends the clause", "[context][negated]")
{
    CHECK_FALSE(negated(u"He was not arrested, he is a known arsonist."_s, u"known"_s));
    CHECK_FALSE(negated(u"No staff were hurt, he is a known arsonist."_s, u"known"_s));
    CHECK_FALSE(negated(u"He wouldn't talk to me, he was aggressive and abusive."_s, u"aggressive"_s));
    CHECK_FALSE(negated(u"He wouldn't talk to me, he was aggressive and abusive."_s, u"abusive"_s));
    CHECK_FALSE(negated(u"She didn't want to talk, she's manipulative."_s, u"manipulative"_s));
    CHECK_FALSE(negated(u"He did not come in, Sam was aggressive or drunk."_s, u"drunk"_s)); // a name and a verb
    CHECK_FALSE(negated(u"He was not seen, there was damage or smoke."_s, u"damage"_s));
}

TEST_CASE("isNegated: a comma with no list joiner after it ends the clause", "[context][negated]")
{
    CHECK_FALSE(negated(u"Didn't want to see us, kicked off in reception."_s, u"kicked"_s));
    CHECK_FALSE(negated(u"He didn't pay rent, obviously he is manipulative."_s, u"obviously"_s));
    CHECK_FALSE(negated(u"He didn't pay rent, obviously he is manipulative."_s, u"manipulative"_s));
    CHECK_FALSE(negated(u"No, aggressive when challenged."_s, u"aggressive"_s));
}

TEST_CASE("isNegated: a list under one negation keeps it to the last item", "[context][negated]")
{
    const QString text = u"He was not aggressive, loud or threatening at any point."_s;
    CHECK(negated(text, u"aggressive"_s));
    CHECK(negated(text, u"threatening"_s));
    CHECK(negated(u"He was not aggressive, loud, or threatening."_s, u"threatening"_s)); // serial comma
    CHECK(negated(u"No arrests, cautions or convictions."_s, u"cautions"_s));
    CHECK(negated(u"No arrests, cautions or convictions."_s, u"convictions"_s));
    CHECK(negated(u"She has never been violent, aggressive nor abusive."_s, u"aggressive"_s));
}

TEST_CASE("isNegated: an insertion just after the negation does not end it", "[context][negated]")
{
    CHECK(negated(u"He was not, at any point, aggressive."_s, u"aggressive"_s));
    CHECK(negated(u"There is no evidence, according to police, that he set fires."_s, u"set"_s));
    CHECK(negated(u"He has never, in the time we have worked with him, been aggressive."_s, u"aggressive"_s));
    CHECK_FALSE(negated(u"No, he said, he was aggressive."_s, u"aggressive"_s)); // a new subject after it
}

TEST_CASE("isNegated: a dash, a list item or 'and' with a new subject ends the clause", "[context][negated]")
{
    CHECK_FALSE(negated(u"Sam did not turn up - he is chaotic."_s, u"chaotic"_s));
    CHECK_FALSE(negated(u"Sam did not turn up -- chaotic."_s, u"chaotic"_s));
    CHECK_FALSE(negated(u"He didn't start it and he is non-compliant."_s, u"non-compliant"_s));
    CHECK_FALSE(negated(u"- No fires set\n- Aggressive to staff"_s, u"Aggressive"_s));
    CHECK_FALSE(negated(u"1. No fires set\n2) aggressive to staff"_s, u"aggressive"_s));
    CHECK(negated(u"He was not drunk and aggressive."_s, u"aggressive"_s)); // one clause
}

TEST_CASE("isNegated: a word hyphenated to a negation prefix", "[context][negated]")
{
    CHECK(negated(u"He is non-violent."_s, u"violent"_s));
    CHECK_FALSE(negated(u"He is non-compliant and aggressive."_s, u"aggressive"_s)); // "non" reaches only its own word
    CHECK_FALSE(negated(u"He is a non-smoker and aggressive."_s, u"aggressive"_s));
}

TEST_CASE("commaStartsClause: new subjects and missing list joiners", "[context][negated]")
{
    CHECK(newClause(u"He was not arrested, he is known."_s, u"he is"_s));
    CHECK(newClause(u"Not in, kicked off later."_s, u"kicked"_s));
    CHECK_FALSE(newClause(u"Not aggressive, loud or rude."_s, u"loud"_s));
    CHECK_FALSE(newClause(u"Not aggressive, or rude."_s, u"or"_s));
    CHECK(newClause(u"Not in, Ms Black said she was aggressive or rude."_s, u"Ms"_s));
    CHECK(newClause(u"Not aggressive, loud; he was calm or quiet."_s, u"loud"_s)); // the joiner is in another clause
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

TEST_CASE("isName: a capitalised word is a name only beside other capitalised words that are not terms", "[context][name]")
{
    CHECK(name(u"He lives on Chaotic Lane."_s, u"Chaotic"_s));
    CHECK(name(u"He met Sam Savage-Black today."_s, u"Black"_s)); // a double-barrelled surname
    CHECK_FALSE(name(u"He is a Known Arsonist and Aggressive."_s, u"Known Arsonist"_s));
    CHECK_FALSE(name(u"He is a Known Arsonist and Aggressive."_s, u"Aggressive"_s));
    CHECK_FALSE(name(u"He is Very Aggressive."_s, u"Aggressive"_s)); // "very" is itself a term
    CHECK_FALSE(name(u"Summary - Aggressive, Chaotic, Non-compliant."_s, u"Aggressive"_s)); // a dash is no join
    CHECK_FALSE(name(u"Summary - Aggressive, Chaotic, Non-compliant."_s, u"Chaotic"_s));
    CHECK_FALSE(name(u"Summary - Aggressive, Chaotic, Non-compliant."_s, u"Non-compliant"_s));
}

TEST_CASE("isName: a list item starts a line, so its capital means nothing", "[context][name]")
{
    const QString text = u"1. Aggressive to staff\n2) Pyromaniac\n(c) Arsonist\n• Violent"_s;
    for (const QString &w : {u"Aggressive"_s, u"Pyromaniac"_s, u"Arsonist"_s, u"Violent"_s}) {
        INFO(w.toStdString());
        CHECK_FALSE(name(text, w));
    }
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

namespace {
bool aboutThing(const QString &text, const QString &word)
{
    return at(text, word, [](const Analysis &a, int first, int end, qsizetype, qsizetype) { return isAboutThing(a, first, end); });
}
} // namespace

TEST_CASE("isAboutThing: a word that describes a thing, an event or a price", "[context][about-thing]")
{
    // A subject that is not a person, before a linking word.
    CHECK(aboutThing(u"The rent was very expensive."_s, u"very"_s));
    CHECK(aboutThing(u"It was extremely cold in the room."_s, u"extremely"_s));
    CHECK(aboutThing(u"The meeting was chaotic."_s, u"chaotic"_s));
    CHECK(aboutThing(u"It's chaotic on Fridays."_s, u"chaotic"_s));
    CHECK(aboutThing(u"Everything seemed really hostile."_s, u"hostile"_s));
    CHECK(aboutThing(u"The dog was aggressive."_s, u"aggressive"_s));
    // A determiner, then a word that is not a person.
    CHECK(aboutThing(u"It has been a challenging week."_s, u"challenging"_s));
    CHECK(aboutThing(u"She was treated for an aggressive cancer."_s, u"aggressive"_s));
    CHECK(aboutThing(u"We had a very difficult conversation about rent."_s, u"difficult"_s));
    CHECK(aboutThing(u"That chaotic morning ended well."_s, u"chaotic"_s));
}

TEST_CASE("isAboutThing: not when the word describes a person", "[context][about-thing]")
{
    CHECK_FALSE(aboutThing(u"He was very aggressive."_s, u"aggressive"_s));
    CHECK_FALSE(aboutThing(u"He's extremely hostile to staff."_s, u"extremely"_s));
    CHECK_FALSE(aboutThing(u"The resident was chaotic."_s, u"chaotic"_s));
    CHECK_FALSE(aboutThing(u"His behaviour was aggressive."_s, u"aggressive"_s));
    CHECK_FALSE(aboutThing(u"Then Sam became aggressive."_s, u"aggressive"_s)); // a capital: a name
    CHECK_FALSE(aboutThing(u"He is a difficult man to work with."_s, u"difficult"_s));
    CHECK_FALSE(aboutThing(u"She is a very challenging individual."_s, u"challenging"_s));
    CHECK_FALSE(aboutThing(u"Was aggressive in reception."_s, u"aggressive"_s));       // no subject: the person
    CHECK_FALSE(aboutThing(u"He shouted, aggressive and loud."_s, u"aggressive"_s));   // a comma ends the clause
    CHECK_FALSE(aboutThing(u"He left very quickly."_s, u"very"_s));                    // no linking word, no determiner
    CHECK_FALSE(aboutThing(u"He was described as an aggressive."_s, u"aggressive"_s)); // nothing follows the determiner
}
