// SPDX-FileCopyrightText: 2026 Fairnote contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// The spelling check: findings and suggestions, British and US spellings, every skip rule, word lists,
// the personal list, dictionary discovery and what happens without one, non-ASCII text and threads.
#include "spelling/personalwordlist.h"
#include "spelling/skiprules.h"
#include "spelling/spellchecker.h"
#include "spelling/usspelling.h"
#include "spelling/wordcache.h"
#include "spelling/wordlist.h"
#include "testsupport.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QThread>
#include <atomic>
#include <memory>
#include <unistd.h>

using namespace Qt::StringLiterals;
using namespace fairnote;
using namespace fairnote::spelling;
using fairnote::testing::flaggedTexts;

namespace {

const QString kData = QStringLiteral(FAIRNOTE_TEST_DATA "/spelling");

std::unique_ptr<SpellChecker> openChecker(SpellingOptions options = {})
{
    auto r = SpellChecker::open(options);
    if (!r)
        FAIL(r.error().message().toStdString());
    return std::move(*r);
}

// The built-in checker, opened once: most tests only read.
const SpellChecker &checker()
{
    static const std::unique_ptr<SpellChecker> c = openChecker();
    return *c;
}

QStringList flagged(const QString &text, const QStringList &names = {})
{
    return flaggedTexts(text, checker().check(text, names));
}

QString writeFile(const QString &path, const QByteArray &bytes)
{
    QFile f(path);
    REQUIRE(f.open(QIODevice::WriteOnly));
    f.write(bytes);
    return path;
}

} // namespace

TEST_CASE("known misspellings are found, with useful suggestions", "[spelling]")
{
    const QString text = u"We recieved the letter about the accomodation in seperate envelopes."_s;
    const auto findings = checker().check(text);
    REQUIRE(flaggedTexts(text, findings) == QStringList{u"recieved"_s, u"accomodation"_s, u"seperate"_s});
    const QStringList expected{u"received"_s, u"accommodation"_s, u"separate"_s};
    for (size_t i = 0; i < findings.size(); ++i) {
        const Finding &f = findings[i];
        INFO(f.message.toStdString());
        CHECK(f.ruleId == u"spelling"_s);
        CHECK(f.category == Category::Spelling);
        CHECK(f.severity == Severity::Info);
        REQUIRE_FALSE(f.suggestions.isEmpty());
        CHECK(f.suggestions.front() == expected[qsizetype(i)]);
        CHECK(f.suggestions.size() <= 5);
        CHECK(f.message == u"“%1” may be misspelt."_s.arg(text.mid(f.offset, f.length)));
        CHECK_FALSE(f.why.isEmpty());
        CHECK(f.source == u"Hunspell en-GB dictionary (hunspell-en-gb)"_s);
    }
    CHECK(findings[0].offset == 3);
    CHECK(findings[0].length == 8);
}

TEST_CASE("British spellings are accepted", "[spelling]")
{
    CHECK(flagged(u"The organisation's programme gave her a licence to use the centre's colour printer; "
                  u"we will organise a travelling theatre and analyse the behaviour of the neighbourhood."_s)
              .isEmpty());
    for (const QString &w : {u"colour"_s, u"organise"_s, u"programme"_s, u"licence"_s, u"judgement"_s})
        CHECK(checker().isCorrect(w));
}

TEST_CASE("US spellings are flagged with the British form suggested", "[spelling]")
{
    const struct { QString us, british; } cases[] = {
        {u"color"_s, u"colour"_s},       {u"center"_s, u"centre"_s},     {u"favorite"_s, u"favourite"_s},
        {u"behavior"_s, u"behaviour"_s}, {u"analyze"_s, u"analyse"_s},   {u"traveled"_s, u"travelled"_s},
        {u"defense"_s, u"defence"_s},    {u"catalog"_s, u"catalogue"_s}, {u"jewelry"_s, u"jewellery"_s},
        {u"pediatric"_s, u"paediatric"_s}, {u"smolder"_s, u"smoulder"_s}, {u"mold"_s, u"mould"_s},
    };
    for (const auto &c : cases) {
        INFO(c.us.toStdString());
        const auto findings = checker().check(QString(u"The "_s + c.us + u" was noted."_s));
        REQUIRE(findings.size() == 1);
        REQUIRE_FALSE(findings[0].suggestions.isEmpty());
        CHECK(findings[0].suggestions.front() == c.british);
        CHECK(findings[0].message == u"“%1” is the US spelling; British English writes “%2”."_s.arg(c.us, c.british));
    }
    // A plain typo is not called a US spelling, even where the letters look alike.
    const auto typo = checker().check(u"Is this yor bag?"_s);
    REQUIRE(typo.size() == 1);
    CHECK(typo[0].message == u"“yor” may be misspelt."_s);
}

TEST_CASE("US spelling patterns recognise regular differences only", "[spelling][us]")
{
    CHECK(britishFormOf(u"color"_s, {u"colour"_s, u"colon"_s}) == u"colour"_s);
    CHECK(britishFormOf(u"counselor"_s, {u"counsellor"_s}) == u"counsellor"_s);
    CHECK(britishFormOf(u"paralyzed"_s, {u"paralysed"_s}) == u"paralysed"_s);
    CHECK(britishFormOf(u"fibers"_s, {u"fibres"_s}) == u"fibres"_s);
    CHECK(britishFormOf(u"offense"_s, {u"offence"_s}) == u"offence"_s);
    CHECK(britishFormOf(u"yor"_s, {u"your"_s}).isEmpty());
    CHECK(britishFormOf(u"filed"_s, {u"filled"_s}).isEmpty());
    CHECK(britishFormOf(u"recieved"_s, {u"received"_s}).isEmpty());
    CHECK(britishFormOf(u"color"_s, {}).isEmpty());
}

TEST_CASE("skip rule: URLs and e-mail addresses", "[spelling][skip]")
{
    CHECK(flagged(u"See https://example.org/recieved, www.recievd.co.uk and recievd.org.uk/path (or "
                  u"mailto:recievd@x.org)."_s).isEmpty());
    CHECK(flagged(u"Write to recievd@example.org or message @recievd."_s).isEmpty());
    CHECK(flagged(u"Visit https://example.org and recievd the form."_s) == QStringList{u"recievd"_s});
}

TEST_CASE("skip rule: numbers, times, dates and words with digits", "[spelling][skip]")
{
    CHECK(flagged(u"Paid £1,250.50 (50%) on 3/4/2025 and 2025-04-25 at 10:00, 17.40 and 5pm; the 2nd and 3rd "
                  u"visits; flat 3B; ref 12ab34, recievd2 and M6; Covid-19."_s).isEmpty());
    // The same words without their digits are checked.
    CHECK(flagged(u"ref ab and recievd"_s) == QStringList{u"recievd"_s});
}

TEST_CASE("skip rule: all-capital acronyms up to the configured length", "[spelling][skip]")
{
    CHECK(flagged(u"XQZT and XQZTs and the XQZT's form, and ZQXWV."_s).isEmpty());
    CHECK(flagged(u"ACCOMODATION was SHOUTED"_s) == QStringList{u"ACCOMODATION"_s});
    CHECK(checker().check(u"ACCOMODATION"_s)[0].suggestions.front() == u"ACCOMMODATION"_s);

    SpellingOptions three;
    three.maxAcronymLength = 3;
    const auto c3 = openChecker(three);
    const QString text = u"XQZ and XQZT."_s;
    CHECK(flaggedTexts(text, c3->check(text)) == QStringList{u"XQZT"_s});

    SpellingOptions none;
    none.maxAcronymLength = 0;
    const auto c0 = openChecker(none);
    CHECK(flaggedTexts(text, c0->check(text)) == QStringList{u"XQZ"_s, u"XQZT"_s});
    // A known acronym from the sector list passes even when acronyms are checked.
    CHECK(c0->check(u"The HMO and the HMOs"_s).empty());
}

TEST_CASE("skip rule: code-like text, paths, file names and backticks", "[spelling][skip]")
{
    CHECK(flagged(u"Saved in C:\\recievd\\notes, /home/recievd/x, ~/recievd and ./recievd; see recievd.docx, "
                  u"recievd_file, recievdFile, a=recievd, <recievd>, $RECIEVD_DIR, %RECIEVD% and #recievd."_s)
              .isEmpty());
    CHECK(flagged(u"Run `recievd --now` then ``recievd`` again."_s).isEmpty());
    CHECK(flagged(u"```\nrecievd\nmore recievd\n```\nthen recievd"_s) == QStringList{u"recievd"_s});
    // An unclosed backtick protects nothing.
    CHECK(flagged(u"it`s recievd"_s) == QStringList{u"recievd"_s});
    // and/or, he/she and e.g. are prose, not paths.
    CHECK(flagged(u"He and/or she, e.g. a recievd note."_s) == QStringList{u"recievd"_s});
}

TEST_CASE("skip rule: the names of the people in the record", "[spelling][skip]")
{
    const QString text = u"Met Zanele Okafor-Mbeki. Okafor-Mbeki's keys and OKAFOR’s bag were found."_s;
    CHECK(flagged(text).contains(u"Zanele"_s));
    CHECK(flagged(text, {u"Zanele Okafor-Mbeki"_s}).isEmpty());
    CHECK(flagged(u"Met Siobhan O’Dwyre today."_s, {u"Siobhan O'Dwyre"_s}).isEmpty());
}

namespace {
// The words of findings with the given rule id.
QStringList byRule(const QString &text, QStringView rule, const QStringList &names = {})
{
    QStringList out;
    for (const Finding &f : checker().check(text, names))
        if (f.ruleId == rule)
            out << text.sliced(f.offset, f.length);
    return out;
}
} // namespace

TEST_CASE("names after a title are left alone, whatever follows the title", "[spelling][names]")
{
    CHECK(flagged(u"Spoke to Ms Okonkwo about the rent."_s).isEmpty());
    CHECK(flagged(u"Dr. Adeyemi and Cllr Begum-Osei rang; PC Hollinsworth-Tey came at 3."_s).isEmpty());
    CHECK(flagged(u"Mr J. Przybylski and Mrs Siobhán Ó Briain attended."_s).isEmpty());
    CHECK(flagged(u"Ms Adaeze Nkemelu Okonkwo signed the form."_s).isEmpty());  // the capitalised words after a title
    CHECK(flagged(u"asked mr okonkwo to sign"_s).isEmpty());                  // night-shift lower case
    CHECK(flagged(u"His father recieved the letter."_s) == QStringList{u"recieved"_s}); // a title word used as a noun
    // Only the words that go on from the title: a misspelling after the name, or a title that ends a
    // sentence, is still checked.
    CHECK(flagged(u"Ms Okonkwo recieved the letter."_s) == QStringList{u"recieved"_s});
    CHECK(flagged(u"I rang Mr Hughes. Recieved no answer."_s) == QStringList{u"Recieved"_s});
    CHECK(flagged(u"Saw the Dr.\n\nZzyzx was written on the wall."_s) == QStringList{u"Zzyzx"_s});
}

TEST_CASE("a capitalised word the dictionary does not know, mid-sentence, is a possible name", "[spelling][names]")
{
    const QString text = u"Went with Kowalczyk to the Jobcentre, then met Tuilagi-Fonoti there. Recieved his letter."_s;
    CHECK(byRule(text, kPossibleNameRuleId) == QStringList{u"Kowalczyk"_s, u"Tuilagi"_s, u"Fonoti"_s});
    CHECK(byRule(text, kSpellingRuleId) == QStringList{u"Recieved"_s});
    // Lower case or capitals are not names; a capital at the start of a sentence is not evidence...
    CHECK(byRule(u"He went with kowalczyk. ACCOMODATION was booked."_s, kSpellingRuleId)
          == QStringList{u"kowalczyk"_s, u"ACCOMODATION"_s});
    CHECK(byRule(u"Kowalczyk, room 4, at ten."_s, kSpellingRuleId) == QStringList{u"Kowalczyk"_s});
    CHECK(byRule(u"Recieved the key at ten."_s, kSpellingRuleId) == QStringList{u"Recieved"_s});
    // ...but its place is: a verb that follows a name (a word list), a capitalised word after it, a possessive.
    CHECK(byRule(u"Kowalczyk came in at ten. Tuilagi said so."_s, kPossibleNameRuleId) == QStringList{u"Kowalczyk"_s, u"Tuilagi"_s});
    CHECK(byRule(u"Grzegorz Kowalczyk rang. Tomasz's bag was found."_s, kPossibleNameRuleId)
          == QStringList{u"Grzegorz"_s, u"Kowalczyk"_s, u"Tomasz's"_s});
    // ...unless the same word is a name elsewhere in the paragraph (only in its paragraph).
    CHECK(byRule(u"Kowalczyk, room 4. I gave Kowalczyk the key."_s, kPossibleNameRuleId)
          == QStringList{u"Kowalczyk"_s, u"Kowalczyk"_s});
    CHECK(byRule(u"Kowalczyk, room 4.\n\nI gave Kowalczyk the key."_s, kPossibleNameRuleId) == QStringList{u"Kowalczyk"_s});
    CHECK(byRule(u"Okonkwo said hello to Ms Okonkwo's sister."_s, kPossibleNameRuleId) == QStringList{u"Okonkwo"_s});
    // The names of the case file are left alone altogether, and the finding says what to do.
    CHECK(flagged(u"Went with Kowalczyk."_s, {u"Piotr Kowalczyk"_s}).isEmpty());
    const auto f = checker().check(u"Went with Kowalczyk."_s);
    REQUIRE(f.size() == 1);
    CHECK(isPossibleName(f[0]));
    CHECK(f[0].category == Category::Spelling);
    CHECK(f[0].message == u"“Kowalczyk” is not in the dictionary: is it a name?"_s);
    CHECK_FALSE(f[0].question.isEmpty());
}

TEST_CASE("a possible name is offered only near corrections, never a far word in its place", "[spelling][names]")
{
    // One edit for a short word, two from seven letters; a swap of two letters is one edit; case aside.
    CHECK(nearSuggestions(u"Okonkwo", {u"Twonk"_s, u"Okonkow"_s, u"Okonkwos"_s, u"Bonkers"_s})
          == QStringList{u"Okonkow"_s, u"Okonkwos"_s});
    CHECK(nearSuggestions(u"Smiht", {u"Smith"_s, u"Smit"_s, u"Smooth"_s}) == QStringList{u"Smith"_s, u"Smit"_s});
    CHECK(nearSuggestions(u"Sarah", {u"Sara"_s, u"sarah"_s, u"Zara"_s, u"Serai"_s}) == QStringList{u"Sara"_s, u"sarah"_s});
    CHECK(nearSuggestions(u"Zzyzx", {}).isEmpty());

    // The checker's own suggestions for a possible name are the near ones only; a misspelling keeps them all.
    std::vector<Finding> out;
    checker().check(u"Went with Okonkwo. Okonkwo rang.", 0, out, {}, Suggestions::Compute);
    REQUIRE(out.size() == 2);
    for (const Finding &f : out) {
        REQUIRE(isPossibleName(f));
        CHECK(f.suggestions == nearSuggestions(u"Okonkwo", checker().suggest(u"Okonkwo"_s)));
        CHECK_FALSE(f.suggestions.contains(u"Twonk"_s));
    }
}

TEST_CASE("a capital letter alone is an initial, not a misspelling", "[spelling][names]")
{
    CHECK(flagged(u"Signed by J Smith, initials P. Q. and an O."_s).isEmpty());
    CHECK(byRule(u"Signed by Ó Briain's sister."_s, kSpellingRuleId).isEmpty());
}

TEST_CASE("skip rule classification of chunks", "[spelling][skip]")
{
    const struct { QString chunk; ChunkKind kind; } cases[] = {
        {u"word"_s, ChunkKind::Plain},           {u"(word),"_s, ChunkKind::Plain},
        {u"and/or"_s, ChunkKind::Plain},         {u"e.g."_s, ChunkKind::Plain},
        {u"end.Next"_s, ChunkKind::Plain},       {u"10:00"_s, ChunkKind::Plain},
        {u"https://x.org"_s, ChunkKind::Url},    {u"(www.x.com)."_s, ChunkKind::Url},
        {u"gov.uk/benefits"_s, ChunkKind::Url},  {u"a@b.org"_s, ChunkKind::Email},
        {u"@handle"_s, ChunkKind::Email},        {u"notes.docx"_s, ChunkKind::Code},
        {u"snake_case"_s, ChunkKind::Code},      {u"/etc/hosts"_s, ChunkKind::Code},
        {u"C:\\x"_s, ChunkKind::Code},           {u"#tag"_s, ChunkKind::Code},
        {u"(docs/cli.md)"_s, ChunkKind::Code},   {u"a/b.png,"_s, ChunkKind::Code},
        {u"x.org/a.pdf"_s, ChunkKind::Code},     {u"he/she."_s, ChunkKind::Plain},
    };
    for (const auto &c : cases) {
        INFO(c.chunk.toStdString());
        CHECK(classifyChunk(c.chunk) == c.kind);
    }
    CHECK(isAcronym(u"HMO", 5));
    CHECK(isAcronym(u"GPs", 5));
    CHECK_FALSE(isAcronym(u"ABCDEF", 5));
    CHECK_FALSE(isAcronym(u"HMO", 0));
    CHECK_FALSE(isAcronym(u"Hmo", 5));
    CHECK(isMixedCase(u"iPhone"));
    CHECK(isMixedCase(u"McDonald"));
    CHECK_FALSE(isMixedCase(u"O'Brien"));
    std::vector<text::Span> spans;
    findCodeSpans(u"a `b` c ``d`e`` f `g\n\nh`", spans);
    REQUIRE(spans.size() == 2);
    CHECK(spans[0].start == 2);
    CHECK(spans[0].end == 5);
    CHECK(spans[1].start == 8);
    CHECK(spans[1].end == 15);
}

TEST_CASE("hyphenated words: compounds whole, then their parts", "[spelling]")
{
    CHECK(flagged(u"A follow-up in Stoke-on-Trent and Newcastle-under-Lyme; co-codamol; Ashby-de-la-Zouch."_s)
              .isEmpty());
    const QString text = u"She is rough-sleepng again."_s;
    const auto findings = checker().check(text);
    REQUIRE(findings.size() == 1);
    CHECK(text.mid(findings[0].offset, findings[0].length) == u"sleepng"_s);
}

TEST_CASE("abbreviations the dictionary lists with a full stop", "[spelling]")
{
    CHECK(flagged(u"Keys, phone etc. were returned."_s).isEmpty());
}

TEST_CASE("sector words are accepted and suggested; without the list they are not", "[spelling][lists]")
{
    const QString text = u"Universal Credit, PIP and Housing First; naloxone and buprenorphine; keyworkers in "
                         u"Hanley, Burslem, Longton, Tunstall, Fenton and Stoke-on-Trent."_s;
    CHECK(flagged(text).isEmpty());
    CHECK(checker().suggest(u"buprenorfine"_s).contains(u"buprenorphine"_s));

    SpellingOptions off;
    off.sectorWords = SectorWords::Off;
    const auto plain = openChecker(off);
    CHECK(flaggedTexts(text, plain->check(text)).contains(u"buprenorphine"_s));
}

TEST_CASE("the sector word list parses cleanly", "[spelling][lists]")
{
    auto list = readWordList(sectorWordListPath());
    REQUIRE(list.ok());
    CHECK(list->problems.isEmpty());
    CHECK(list->words.size() >= 300);
    for (const QString &w : {u"naloxone"_s, u"Stoke-on-Trent"_s, u"Stoke"_s, u"Trent"_s, u"HMO"_s, u"Mungo's"_s})
        CHECK(list->words.contains(w));
}

TEST_CASE("word list format: comments, phrases, hyphens, apostrophes and problems", "[spelling][lists]")
{
    const WordList list = parseWordList(u"# comment\n\nUniversal Credit  # inline\nO’Dwyre\nBetws-y-Coed\n"
                                        u"naloxone/SM\nuser@example.org\n123\nnaloxone\n"_s,
                                        u"org.txt"_s);
    CHECK(list.words == QStringList{u"Universal"_s, u"Credit"_s, u"O'Dwyre"_s, u"Betws-y-Coed"_s, u"Betws"_s,
                                    u"y"_s, u"Coed"_s, u"naloxone"_s});
    REQUIRE(list.problems.size() == 3);
    CHECK(list.problems[0].startsWith(u"org.txt:6: "_s));
    CHECK(list.problems[0].contains(u".dic entry"_s));
    CHECK(list.problems[2].startsWith(u"org.txt:8: "_s));

    const auto missing = readWordList(u"/nonexistent/words.txt"_s);
    REQUIRE_FALSE(missing.ok());
    CHECK(missing.error().contains(u"no such file"_s));
}

TEST_CASE("an organisation's word list is accepted; a broken one is a warning", "[spelling][lists]")
{
    QTemporaryDir dir;
    SpellingOptions options;
    options.extraWordLists << writeFile(dir.filePath(u"org.txt"_s), "# Our services\nZorblax House\nbad/XY\n")
                           << dir.filePath(u"missing.txt"_s);
    const auto c = openChecker(options);
    CHECK(c->check(u"Referred to Zorblax House."_s).empty());
    const QStringList warnings = c->warnings();
    REQUIRE(warnings.size() == 2);
    CHECK(warnings[0].contains(u"org.txt:3: "_s));
    CHECK(warnings[1].contains(u"missing.txt: no such file"_s));
}

TEST_CASE("personal word list round trip", "[spelling][personal]")
{
    QTemporaryDir dir;
    const QString path = dir.filePath(u"sub/dir/personal-words.txt"_s);
    SpellingOptions options;
    options.personalListPath = path;
    auto c = openChecker(options);
    const QString text = u"Met Wrexlow today."_s;
    REQUIRE(flaggedTexts(text, c->check(text)) == QStringList{u"Wrexlow"_s}); // now cached as misspelt

    auto added = c->addToPersonal(u"Wrexlow"_s);
    REQUIRE(added.ok());
    CHECK(*added);
    CHECK(c->check(text).empty()); // the cache forgot the old verdict
    CHECK(c->check(u"WREXLOW and Wrexlow's"_s).empty());
    CHECK(c->check(u"wrexlow"_s).size() == 1); // a capitalised word stays capitalised, as in Hunspell
    CHECK(*c->addToPersonal(u"Wrexlow"_s) == false);
    REQUIRE(c->addToPersonal(u"zindle’s"_s).ok()); // curly apostrophe straightened
    CHECK(c->personalWords() == QStringList{u"Wrexlow"_s, u"zindle's"_s});
    CHECK(c->check(u"Zindle's and ZINDLE'S"_s).empty());

    QFile f(path);
    REQUIRE(f.open(QIODevice::ReadOnly));
    const QString saved = QString::fromUtf8(f.readAll());
    CHECK(saved.startsWith(u"# "_s));
    CHECK(saved.endsWith(u"Wrexlow\nzindle's\n"_s));
    CHECK(QFile::permissions(path) == (QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ReadUser
                                       | QFileDevice::WriteUser));

    // A new checker reads the file; words another program added meanwhile are kept on the next add.
    writeFile(path, saved.toUtf8() + "Quorrick\n");
    auto again = openChecker(options);
    CHECK(again->check(text).empty());
    REQUIRE(c->addToPersonal(u"Blandry"_s).ok());
    CHECK(c->personalWords() == QStringList{u"Wrexlow"_s, u"zindle's"_s, u"Quorrick"_s, u"Blandry"_s});

    auto removed = c->removeFromPersonal(u"Wrexlow"_s);
    REQUIRE(removed.ok());
    CHECK(*removed);
    CHECK(c->check(text).size() == 1);
    CHECK(*c->removeFromPersonal(u"Wrexlow"_s) == false);

    for (const QString &bad : {u""_s, u"two words"_s, u"user@example.org"_s}) {
        INFO(bad.toStdString());
        CHECK_FALSE(c->addToPersonal(bad).ok());
    }
    CHECK_FALSE(checker().isCorrect(u"Wrexlow"_s)); // other checkers are not affected
}

TEST_CASE("personal word list: no file set, unreadable file", "[spelling][personal]")
{
    auto c = openChecker();
    const auto none = c->addToPersonal(u"Wrexlow"_s);
    REQUIRE_FALSE(none.ok());
    CHECK(none.error().contains(u"no personal word list"_s));

    QTemporaryDir dir;
    SpellingOptions options;
    options.personalListPath = writeFile(dir.filePath(u"bad.txt"_s), "Wrexlow\n\xFF\xFE\n");
    auto bad = openChecker(options);
    REQUIRE(bad->warnings().size() == 1);
    CHECK(bad->warnings()[0].contains(u"invalid UTF-8"_s));
    const auto refused = bad->addToPersonal(u"Quorrick"_s);
    REQUIRE_FALSE(refused.ok());
    CHECK(refused.error().contains(u"left as it is"_s));
    QFile f(options.personalListPath);
    REQUIRE(f.open(QIODevice::ReadOnly));
    CHECK(f.readAll() == QByteArray("Wrexlow\n\xFF\xFE\n")); // never overwritten

    if (geteuid() != 0) { // root writes anywhere
        const QString locked = dir.filePath(u"locked"_s);
        QDir().mkpath(locked);
        QFile::setPermissions(locked, QFileDevice::ReadOwner | QFileDevice::ExeOwner);
        SpellingOptions ro;
        ro.personalListPath = locked + u"/personal-words.txt"_s;
        auto c2 = openChecker(ro);
        const auto r = c2->addToPersonal(u"Quorrick"_s);
        REQUIRE_FALSE(r.ok());
        CHECK(r.error().contains(u"cannot be written"_s));
        CHECK_FALSE(c2->isCorrect(u"Quorrick"_s));
        QFile::setPermissions(locked, QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner);
    }
}

TEST_CASE("no dictionary: unavailable with what was searched and how to fix it", "[spelling][dictionary]")
{
    QTemporaryDir dir;
    SpellingOptions options;
    options.searchDirs << dir.path();
    options.systemDictionaries = SystemDictionaries::Skip;
    const auto r = SpellChecker::open(options);
    REQUIRE_FALSE(r.ok());
    const QString message = r.error().message();
    CHECK(message.contains(u"no en_GB Hunspell dictionary (en_GB.dic and en_GB.aff) was found in "_s + dir.path()));
    CHECK(message.contains(u"Install the Debian package hunspell-en-gb (sudo apt install hunspell-en-gb)"_s));
    CHECK(r.error().searched == QStringList{dir.path()});

    options.dictionaryPath = dir.filePath(u"nope/en_GB.dic"_s);
    const auto explicitMissing = SpellChecker::open(options);
    REQUIRE_FALSE(explicitMissing.ok());
    CHECK(explicitMissing.error().problem.contains(options.dictionaryPath));
    CHECK(explicitMissing.error().problem.contains(u"does not exist"_s));

    options.dictionaryPath = dir.path(); // a directory without en_GB.*
    CHECK_FALSE(SpellChecker::open(options).ok());

    options.dictionaryPath = kData + u"/dictionaries/broken/en_GB.dic"_s;
    const auto broken = SpellChecker::open(options);
    REQUIRE_FALSE(broken.ok());
    CHECK(broken.error().problem.contains(u"is not a Hunspell dictionary"_s));

    options.dictionaryPath = kData + u"/dictionaries/koi8r"_s;
    const auto koi = SpellChecker::open(options);
    REQUIRE_FALSE(koi.ok());
    CHECK(koi.error().problem.contains(u"KOI8-R"_s));

    const QStringList system = systemDictionaryDirs();
    CHECK(system.front() == u"/usr/share/hunspell"_s);
    CHECK(dictionaryPackage(u"en_GB"_s) == u"hunspell-en-gb"_s);
}

TEST_CASE("dictionary discovery: explicit path, own directories first, then the system's", "[spelling][dictionary]")
{
    QTemporaryDir dir;
    const QString latin1 = kData + u"/dictionaries/latin1"_s;
    for (const QString &ext : {u".aff"_s, u".dic"_s})
        REQUIRE(QFile::copy(latin1 + u"/en_GB"_s + ext, dir.filePath(u"en_GB"_s + ext)));
    SpellingOptions options;
    options.searchDirs << dir.filePath(u"empty"_s) << dir.path();
    options.sectorWords = SectorWords::Off;
    auto own = openChecker(options);
    CHECK(own->dictionary().dicPath == dir.filePath(u"en_GB.dic"_s));
    CHECK(own->source() == u"Hunspell dictionary "_s + dir.filePath(u"en_GB.dic"_s));

    options.searchDirs.clear();
    auto system = openChecker(options);
    CHECK(system->dictionary().dicPath.endsWith(u"/en_GB.dic"_s));
    CHECK(system->source() == u"Hunspell en-GB dictionary (hunspell-en-gb)"_s);

    for (const QString &path : QStringList{latin1, latin1 + u"/en_GB.aff"_s, latin1 + u"/en_GB.dic"_s}) {
        options.dictionaryPath = path;
        auto c = openChecker(options);
        CHECK(c->dictionary().affPath == latin1 + u"/en_GB.aff"_s);
    }
}

TEST_CASE("a Latin-1 dictionary: text is converted both ways", "[spelling][dictionary]")
{
    SpellingOptions options;
    options.dictionaryPath = kData + u"/dictionaries/latin1/en_GB.dic"_s;
    options.sectorWords = SectorWords::Off;
    const auto c = openChecker(options);
    CHECK(c->isCorrect(u"café"_s));
    CHECK(c->isCorrect(u"Café"_s));
    CHECK_FALSE(c->isCorrect(u"caff"_s));
    CHECK_FALSE(c->isCorrect(u"ŵŷ"_s)); // outside Latin-1: cannot be in the dictionary, no crash
    CHECK(c->suggest(u"cafe"_s).contains(u"café"_s));
    const QString text = u"Café visit note: caffe, colour."_s;
    CHECK(flaggedTexts(text, c->check(text)) == QStringList{u"caffe"_s});
}

TEST_CASE("closing 8-bit dictionaries leaves the UTF-8 ones working (Hunspell 1.7.1 work-around)", "[spelling][dictionary]")
{
    // Without the work-around in spellchecker.cpp, the second Latin-1 dictionary closed frees Hunspell's
    // shared case table and every capitalised word becomes misspelt in the UTF-8 dictionary.
    const auto utf8 = openChecker();
    SpellingOptions latin1;
    latin1.dictionaryPath = kData + u"/dictionaries/latin1"_s;
    for (int i = 0; i < 3; ++i)
        (void)openChecker(latin1);
    CHECK(utf8->check(u"Third, Second and First. Colour."_s).empty());
}

TEST_CASE("non-ASCII words and UTF-16 offsets", "[spelling][unicode]")
{
    CHECK(flagged(u"A naïve plan at the café, her fiancée's résumé, the crèche façade."_s).isEmpty());
    CHECK(flagged(u"cafe\u0301 and nai\u0308ve"_s).isEmpty()); // decomposed accents are composed first
    const QString text = u"😀 naïvly said 😀😀 cafée"_s;
    const auto findings = checker().check(text);
    REQUIRE(findings.size() == 2);
    CHECK(findings[0].offset == 3); // the emoji is two UTF-16 units
    CHECK(findings[0].length == 6);
    CHECK(findings[1].offset == text.indexOf(u"cafée"_s));
    CHECK(findings[1].suggestions.contains(u"café"_s));
}

TEST_CASE("curly apostrophes", "[spelling][unicode]")
{
    CHECK(flagged(u"I don’t know; it’s late; they’re here; O’Brien’s flat; we’ve said ‘no’."_s).isEmpty());
    CHECK(flagged(u"He dosen’t know."_s) == QStringList{u"dosen’t"_s});
    CHECK(checker().suggest(u"dosen’t"_s).contains(u"doesn’t"_s));
    CHECK(checker().suggest(u"dosen't"_s).contains(u"doesn't"_s));
    CHECK(checker().isCorrect(u"don’t"_s));
    CHECK(checker().isCorrect(u"don't"_s));
}

TEST_CASE("the development corpus's clean sentence and the CLI's clean note stay clean", "[spelling]")
{
    CHECK(flagged(u"We met at 10:00 and agreed a plan."_s).isEmpty());
}

TEST_CASE("suggestions can be skipped; base offsets are added", "[spelling]")
{
    std::vector<Finding> out;
    checker().check(u"x recieved"_s, 100, out, {}, Suggestions::Skip);
    REQUIRE(out.size() == 1);
    CHECK(out[0].offset == 102);
    CHECK(out[0].suggestions.isEmpty());
    CHECK(out[0].message == u"“recieved” may be misspelt."_s);
    // Useless splits are dropped: no "c enter" among the suggestions.
    for (const QString &s : checker().suggest(u"center"_s))
        CHECK_FALSE(s.contains(u' '));
}

TEST_CASE("checking pieces gives the findings of checking the whole", "[spelling]")
{
    const QString text = u"First recieved paragraph with https://x.org/recieved.\n\nSecond: rough-sleepng in "
                         u"Stoke-on-Trent, `recieved`, accomodation.\n\nThird colour color."_s;
    const auto whole = checker().check(text);
    std::vector<Finding> pieces;
    qsizetype from = 0;
    while (from < text.size()) {
        qsizetype to = text.indexOf(u"\n\n"_s, from);
        to = to < 0 ? text.size() : to + 2;
        checker().check(QStringView(text).sliced(from, to - from), from, pieces);
        from = to;
    }
    CHECK(whole == pieces);
    CHECK(flaggedTexts(text, whole) == QStringList{u"recieved"_s, u"sleepng"_s, u"accomodation"_s, u"color"_s});
}

TEST_CASE("several threads check at once while words are added", "[spelling][threads]")
{
    QTemporaryDir dir;
    SpellingOptions options;
    options.personalListPath = dir.filePath(u"p.txt"_s);
    auto c = openChecker(options);
    const QString text = u"The keyworker recieved a call about the accomodation in Hanley; colour, naïve, don’t. "_s
                             .repeated(50);
    const auto expected = c->check(text);
    std::atomic<bool> mismatch{false};
    std::vector<std::unique_ptr<QThread>> threads;
    for (int t = 0; t < 4; ++t) {
        threads.emplace_back(QThread::create([&] {
            for (int i = 0; i < 20; ++i)
                if (c->check(text) != expected)
                    mismatch = true;
        }));
        threads.back()->start();
    }
    for (int i = 0; i < 10; ++i)
        REQUIRE(c->addToPersonal(u"Quorrick%1"_s.arg(QChar(u'a' + i))).ok());
    for (auto &t : threads)
        t->wait();
    CHECK_FALSE(mismatch);
}

TEST_CASE("word cache: find, insert, overwrite, grow and bound", "[spelling][cache]")
{
    WordCache cache(3000);
    CHECK(cache.find(u"colour", 1) == WordCache::Unknown);
    cache.insert(u"colour", 1, WordCache::Correct);
    cache.insert(u"Colour", 1, WordCache::Correct); // same hash, different key
    cache.insert(u"colr", 2, WordCache::Misspelt);
    CHECK(cache.find(u"colour", 1) == WordCache::Correct);
    CHECK(cache.find(u"Colour", 1) == WordCache::Correct);
    CHECK(cache.find(u"COLOUR", 1) == WordCache::Unknown);
    CHECK(cache.find(u"colr", 2) == WordCache::Misspelt);
    cache.insert(u"colr", 2, WordCache::Correct);
    CHECK(cache.find(u"colr", 2) == WordCache::Correct);
    CHECK(cache.size() == 3);
    for (int i = 0; i < 2500; ++i) {
        const QString w = u"w%1"_s.arg(i);
        cache.insert(w, text::foldedHash(w), WordCache::Correct);
    }
    CHECK(cache.size() == 2503);
    for (int i = 0; i < 2500; i += 97) {
        const QString w = u"w%1"_s.arg(i);
        CHECK(cache.find(w, text::foldedHash(w)) == WordCache::Correct);
    }
    for (int i = 2500; i < 3000; ++i) {
        const QString w = u"w%1"_s.arg(i);
        cache.insert(w, text::foldedHash(w), WordCache::Correct);
    }
    CHECK(cache.size() < 3000); // emptied when full, then refilled
    CHECK(cache.find(u"", 0) == WordCache::Unknown);
}
