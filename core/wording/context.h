// SPDX-FileCopyrightText: 2026 Fairnote contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// The context functions: each decides one reason a matched phrase is not a finding (quoted, negated,
// part of a name, sourced, dated). Rules choose which apply (docs/rule-pack.md, "skip_when").
#pragma once

#include "text/tokenizer.h"
#include "wording/phraseset.h"
#include "wording/rule.h"

#include <memory>
#include <span>
#include <unordered_map>
#include <vector>

namespace fairnote::wording {

// Kinds of language cue (the phrases of the language file).
enum CueKind : quint16 {
    CueNegation = 1 << 0,
    CuePseudoNegation = 1 << 1,
    CueClauseBreaker = 1 << 2,
    CueHonorific = 1 << 3,
    CueSource = 1 << 4,
    CueMonth = 1 << 5,
    CueDateWord = 1 << 6,
    CueProtectedName = 1 << 7,
    CueSubject = 1 << 8,      // begins a new clause after a comma ("he", "she's", "there was")
    CueSubjectVerb = 1 << 9,  // after a name, shows it is a subject ("Sam was")
    CueListJoiner = 1 << 10,  // "or", "nor": the commas before it separate the items of one list
    CueSourceBreaker = 1 << 11, // "because", "after", "when": a source before it does not vouch for what follows
    CueReason = 1 << 12,        // "because", "saying", "due to": the sentence gives a reason
    CueSpeech = 1 << 13,        // "said", "told", "called": the sentence reports words, for the scare-quotes detector
};

// Classes of plain words from the language file, for isAboutThing.
enum WordClass : quint8 { WordPerson = 1, WordThing = 2, WordLinking = 4, WordDeterminer = 8, WordNumber = 16 };

// Folded word → WordClass bits, looked up by a token's hash and length.
class WordClasses
{
public:
    void add(const QStringList &words, WordClass c);
    quint8 of(const text::Token &t) const
    {
        const auto it = m_classes.find(t.hash);
        return (it != m_classes.end() && it->second.length == t.length) ? it->second.bits : 0;
    }

private:
    struct Entry { qsizetype length; quint8 bits; };
    std::unordered_map<quint64, Entry> m_classes;
};

enum SentenceFlag : quint8 { SentenceHasSource = 1, SentenceHasDate = 2, SentenceHasTime = 4, SentenceHasReason = 8 };

// What the context functions know about one text: its tokens, quotations, cue phrases and
// sentences. Built by AnalysisBuilder; views into the text and tokens, which must outlive it.
struct Analysis
{
    QStringView text;
    std::span<const text::Token> tokens;
    std::span<const text::Span> quotes; // sorted, non-overlapping
    std::vector<quint16> cueEnd;        // per token: cue kinds whose phrase ends at this token
    std::vector<quint16> cueCover;      // per token: cue kinds whose phrase covers this token
    std::vector<quint8> termCover;      // per token: 1 when some rule's pattern matches over it (may be empty)
    std::vector<int> sentence;          // sentence number per token
    std::vector<quint8> sentenceFlags;  // SentenceFlag bits per sentence
    std::vector<int> segment;           // per token: the part of its sentence a source can vouch for (split at ";"
                                        // and at source breakers such as "because")
    std::vector<quint8> segmentFlags;   // SentenceHasSource per segment
    std::span<const QString> negationSuffixes; // folded, e.g. "n't"
    std::span<const QString> negationPrefixes; // folded, e.g. "non"
    const WordClasses *words = nullptr;        // person, thing, linking words and determiners
};

// Compiles a Language into cue phrases and fills Analysis objects. Immutable after construction.
class AnalysisBuilder
{
public:
    explicit AnalysisBuilder(const Language &language);

    // Adds the language's cue phrases to a phrase set with payloads `payloadBase | CueKind`.
    void addCues(PhraseSet &set, int payloadBase) const;
    // Fills `out` from tokens and the cue hits (payload & 0xFFFF = CueKind) of one match() call.
    // `termHits` are the rule matches (before any context decision), for termCover.
    void build(QStringView text, std::span<const text::Token> tokens, std::span<const text::Span> quotes,
               std::span<const PhraseHit> cueHits, std::span<const PhraseHit> termHits, Analysis &out) const;

    // Convenience for tests and tools: tokenises and analyses a text on its own.
    struct Owned;
    std::unique_ptr<Owned> analyse(QStringView text) const;

private:
    Language m_language;
    std::vector<QString> m_suffixes;
    std::vector<QString> m_prefixes;
    WordClasses m_words;
    PhraseSet m_ownSet; // cue phrases only, for analyse()
};

struct AnalysisBuilder::Owned
{
    QString text;
    std::vector<text::Token> tokens;
    std::vector<text::Span> quotes;
    Analysis analysis;
    // Index of the first token starting at or after a UTF-16 offset.
    int tokenAt(qsizetype offset) const;
};

// True when text[start, end) lies inside quotation marks.
bool isQuoted(const Analysis &a, qsizetype start, qsizetype end);
// True when token `first` is hyphenated to a negation prefix ("non-violent"), or a negation cue stands
// before it in the same clause, within 8 words, and is not a pseudo-negation. The search ends at clause punctuation, a clause breaker, and a comma that
// starts a new clause (see commaStartsClause); it goes on past a list comma ("not aggressive, loud
// or threatening") and a short insertion that opens just after the cue ("not, at any point, violent").
bool isNegated(const Analysis &a, int first);
// For token `t` after a comma: true when the comma ends the clause before it. That is so when a new
// subject follows (a clause subject such as "he" or "she's", or a capitalised
// name and a subject verb: "…, Sam was"), or when no list joiner ("or", "nor") follows later in the
// same clause: "Didn't want to see us, kicked off" is two clauses, "not aggressive, loud or
// threatening" is one list.
bool commaStartsClause(const Analysis &a, int t);
// True when tokens [first, end) are part of a name: after an honorific, inside a protected name, or a
// capitalised word that does not start a sentence, a line or a list item and has a name beside it: a
// capitalised neighbour, joined by a space or a hyphen, that is not itself a rule's term ("Sam Hunter",
// "Chaotic Lane"). Capitals with no such evidence are the writer's emphasis or a Title Case flag ("a
// Known Arsonist") and do not make a name.
bool isName(const Analysis &a, int first, int end);
// True when the sentence of token `first` gives a date and the part of it holding the token names a source:
// "Police were called on 3 March 2024 because he set fire to a bin" is not sourced.
bool isSourced(const Analysis &a, int first);
// True when the sentence of token `first` gives a date or a time of day.
bool isDated(const Analysis &a, int first);
// The token that ends the subject of the word at `first`: the first token before it, in its clause
// (no clause punctuation or comma between), that is not a linking word ("was", "very", "finally"); a
// contraction that is both a subject and a linking word ("it's", "he's") is the subject. -1 when the
// clause starts first. `linked` (optional) says whether a linking word stood between.
int subjectBefore(const Analysis &a, int first, bool *linked = nullptr);
// True when the words [first, end) describe a thing, an event or a price rather than a person, from
// the words around them (the language file's person, thing and linking words and determiners):
// - after a subject and a linking word ("The rent was very expensive", "It was chaotic"): the
//   subject's last word is a thing word or a lower-case word that is not a person word;
// - after a determiner ("a chaotic morning", "an aggressive cancer"): no person word follows within
//   three words in the clause ("an aggressive man" is about a person), and a word does follow.
// With no subject in the clause ("Was aggressive in reception"), a person subject ("he", "the
// resident", "his behaviour") or a capitalised one (a name), it is false: a note is about a person.
bool isAboutThing(const Analysis &a, int first, int end);
// True when a number stands just before token `first`, in its clause: digits or a number word from the
// language file ("3 weeks ago", "two years back", "a month ago"). A counted time is not a vague one.
bool isCounted(const Analysis &a, int first);
// True when the sentence of token `first` gives a reason ("because", "saying", "due to"): a refusal
// with the person's reason is not a refusal without context.
bool isExplained(const Analysis &a, int first);

} // namespace fairnote::wording
