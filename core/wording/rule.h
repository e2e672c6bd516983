// SPDX-FileCopyrightText: 2026 Fairnote contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// Rule, Language and RulePack: the loaded form of a rule pack (see docs/rule-pack.md).
#pragma once

#include "wording/finding.h"

#include <QDate>
#include <QString>
#include <QStringList>
#include <vector>

namespace fairnote::wording {

// The context functions a rule lets suppress its findings (docs/rule-pack.md, "skip_when").
enum ContextFlag : quint16 {
    SkipQuoted = 1 << 0,
    SkipNegated = 1 << 1,
    SkipName = 1 << 2,
    SkipSourced = 1 << 3,
    SkipDated = 1 << 4,
    SkipExplained = 1 << 5,
    SkipAboutThing = 1 << 6, // "about-thing": the word describes a thing, an event or a price, not a person
    SkipDefined = 1 << 7,    // "defined": an abbreviation the note has spelled out at or before this point
    SkipCounted = 1 << 8,    // "counted": a number stands just before it ("3 weeks ago", "two years back")
};
constexpr quint16 kDefaultSkip = SkipQuoted | SkipNegated | SkipName;
QString contextId(ContextFlag f);
bool contextFromId(QStringView id, ContextFlag *out);
// The ids of the contexts set in `flags`, in a fixed order ("quoted", "negated", …).
QStringList contextIds(quint16 flags);

struct Source
{
    QString title;
    QString publisher;
    int year = 0; // 0 when the source is undated
    QString url;
    // "Title, Publisher, 2022. https://…"
    QString display() const;
};

// The words around a term that show it is used in another sense (docs/rule-pack.md, "other_senses"):
// phrases in the pattern grammar.
struct OtherSenses
{
    QStringList subjects; // the term's subject: "the meeting kicked off", "the hospital admitted him"
    QStringList before;   // ending at most `window` words before the term, in its clause
    QStringList after;    // starting at most `window` words after the term, in its clause: "claims for Universal Credit"
    int window = 3;
    bool isEmpty() const { return subjects.isEmpty() && before.isEmpty() && after.isEmpty(); }
};

// A rule's examples (docs/rule-pack.md, "Examples"): they teach, and they are tests.
struct RuleExamples
{
    // A sentence the rule must flag, exactly at the spans marked «like this» where it was written.
    struct Flag
    {
        QString written;                                   // as in the pack, with the «» markers
        QString text;                                      // without them
        std::vector<std::pair<qsizetype, qsizetype>> spans; // (offset, length) in `text`, UTF-16
        int line = 0;
    };
    // A sentence with the rule's words that the rule must leave alone (quoted, negated, sourced, …).
    struct Leave
    {
        QString text;
        int line = 0;
    };
    // A note as it was written and as it could be written instead.
    struct Rewrite
    {
        QString before;
        QString after;
        int line = 0;
    };
    std::vector<Flag> flag;
    std::vector<Leave> leave;
    std::vector<Rewrite> rewrite;
    bool isEmpty() const { return flag.empty() && leave.empty() && rewrite.empty(); }
};

// Where a rule in force comes from, for the organisation's edition of the guide.
enum class RuleOrigin : quint8 { BuiltIn, Added, Replaced };

// A rule may find its matches by a built-in detector instead of patterns (docs/rule-pack.md, "Detectors").
enum class Detector : quint8 {
    None,
    Abbreviation,     // "abbreviation": all-capital shorthand a reader may not know ("MDT", "S/U", "DNA'd")
    SectionReference, // "section-reference": a section of an Act by number alone ("s.21", "S184")
    ScareQuotes,      // "scare-quotes": one to three words in quotation marks that nobody is reported to have said
};
QString detectorId(Detector d);
bool detectorFromId(QStringView id, Detector *out);

struct Rule
{
    QString id;
    Category category = Category::Judgement;
    Severity severity = Severity::Warning;
    QStringList patterns;
    Detector detector = Detector::None; // instead of patterns
    QStringList exceptions;
    quint16 skipWhen = kDefaultSkip;
    OtherSenses otherSenses;
    bool matchCase = false;
    QString message;
    QString why;
    QStringList alternatives;
    QString question;
    Source source;
    QString sourceText; // source.display(), computed once at load time
    RuleExamples examples;
    QString reason; // an organisation's reason for replacing a built-in rule
    RuleOrigin origin = RuleOrigin::BuiltIn;
    QString file; // where it was defined, for "rules show"
    int line = 0;
};

// A derivation rule of the language file: a word ending in `ending` ("ive") also has the forms made by
// replacing that ending with each of `forms` ("ively", "ion"): aggressive → aggressively, aggression.
// An empty ending applies to every word.
struct Derivation
{
    QString ending;
    QStringList forms;
};

// A pack's description (its pack.json): version, date, authors and change log.
struct PackInfo
{
    struct Change
    {
        int version = 0;
        QDate date;
        QStringList changes; // in words
    };
    QString title;
    QString organisation; // empty for the built-in pack
    QString description;
    int version = 0; // 0 when the pack has no pack.json
    QDate date;
    QStringList authors;
    std::vector<Change> changes; // newest first
    QString file;                // where it was read
    bool isEmpty() const { return version == 0; }
};

// A built-in rule an organisation turned off, with its reason.
struct DisabledRule
{
    QString id;
    QString reason; // may be empty in a pack that gives none (rules validate then reports it)
    QString message; // the built-in rule's, for the guide
    Category category = Category::Judgement;
    QString file;
    int line = 0;
};

// The phrases the context functions need. Each list holds phrases in the pattern grammar.
struct Language
{
    QStringList negationCues;
    QStringList negationSuffixes; // plain suffixes such as "n't"
    QStringList negationPrefixes; // plain words that negate the word hyphenated to them, such as "non"
    QStringList pseudoNegations;
    QStringList clauseBreakers;
    QStringList clauseSubjects; // after a comma, these begin a new clause ("he", "she's", "there was")
    QStringList subjectVerbs;   // after a comma and a capitalised name, these show a new clause ("…, Sam was")
    QStringList listJoiners;    // later in a clause, these make a comma a list comma ("or", "nor")
    QStringList honorifics;
    QStringList sourceCues;
    QStringList sourceBreakers; // a source before these does not vouch for what follows ("because", "after")
    QStringList reasonCues;     // these give a reason in the sentence ("because", "saying", "due to"), for `explained`
    QStringList speechWords;    // these report words ("said", "told", "called"), for the scare-quotes detector
    QStringList months;
    QStringList dateWords;
    QStringList protectedNames;
    // Plain words for the about-thing context (who or what a word describes).
    QStringList personWords;  // "he", "resident", "behaviour": the subject is a person, or something of theirs
    QStringList thingWords;   // "it", "everything": the subject is not a person
    QStringList linkingWords; // "was", "seemed", "very", "then": may stand between a subject and what is said of it
    QStringList determiners;  // "a", "the", "this": a word after one describes the noun that follows
    QStringList numberWords;  // "one", "two", "twelve": with digits, a number before a term, for `counted`
    // Plain words for the abbreviation and section-reference detectors.
    QStringList commonAbbreviations; // read by everyone: "NHS", "GP", "A&E"
    QStringList emphasisWords;       // words written in capitals for emphasis, not abbreviations: "NOT", "MUST"
    QStringList abbreviationSuffixes; // endings an abbreviation may take: "s", "'s", "'d"
    QStringList sectionAbbreviations; // before a section number: "s", "ss", "sec"
    QStringList sectionWords;         // the spelled-out form that defines one: "section"
    std::vector<Derivation> derivations;  // word families for `word^` (see Morphology)
    std::vector<QStringList> families;    // irregular families: each list's words belong to one family

    void append(const Language &other);
};

struct RulePack
{
    std::vector<Rule> rules; // sorted by id
    Language language;
    PackInfo info;             // the built-in pack's
    PackInfo organisationInfo; // the organisation's, when it has one
    std::vector<DisabledRule> disabled; // sorted by id

    const Rule *find(QStringView id) const;
};

} // namespace fairnote::wording
