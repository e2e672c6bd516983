// SPDX-FileCopyrightText: 2026 Fairnote contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// Context analysis (cues, sentences, dates) and the context functions.
#include "wording/context.h"

#include "wording/morphology.h"

#include <algorithm>

using namespace Qt::StringLiterals;

namespace fairnote::wording {

using text::Token;

namespace {

constexpr int kNegationWindow = 8;
constexpr int kInsertionLength = 10; // words in an insertion set off by commas ("not, as far as we know, violent")
constexpr int kListReach = 12;      // words after a comma searched for a list joiner

void addPhrases(PhraseSet &set, const QStringList &phrases, int payload, const Morphology &morphology)
{
    for (const QString &p : phrases)
        if (auto e = expandPattern(p, &morphology))
            set.add(*e, payload); // the loader has already rejected phrases that do not expand
}

QStringView tokenText(const Analysis &a, int i)
{
    const Token &t = a.tokens[size_t(i)];
    return a.text.sliced(t.start, t.length);
}

QStringView gapBefore(QStringView text, std::span<const Token> tokens, size_t i)
{
    const qsizetype from = tokens[i - 1].start + tokens[i - 1].length;
    return text.sliced(from, tokens[i].start - from);
}

bool isYear(QStringView w, quint8 shape)
{
    if (!(shape & text::ShapeAllDigits) || w.size() != 4)
        return false;
    const int y = w.toInt();
    return y >= 1900 && y <= 2099;
}

// "3", "03", "3rd", "21st"
bool isDayNumber(QStringView w)
{
    qsizetype d = 0;
    while (d < w.size() && w[d].isDigit())
        ++d;
    if (d == 0 || d > 2)
        return false;
    const QStringView rest = w.sliced(d);
    return rest.isEmpty() || rest.compare(u"st", Qt::CaseInsensitive) == 0 || rest.compare(u"nd", Qt::CaseInsensitive) == 0
           || rest.compare(u"rd", Qt::CaseInsensitive) == 0 || rest.compare(u"th", Qt::CaseInsensitive) == 0;
}

// "6pm", "10am", "17:40" (digits, a colon, two digits)
bool isTimeAt(QStringView text, std::span<const Token> tokens, size_t i)
{
    const Token &t = tokens[i];
    const QStringView w = text.sliced(t.start, t.length);
    if (w.size() >= 3 && w.size() <= 4 && w.front().isDigit()
        && (w.endsWith(u"am", Qt::CaseInsensitive) || w.endsWith(u"pm", Qt::CaseInsensitive)))
        return true;
    return (t.shape & text::ShapeAllDigits) && t.length <= 2 && i + 1 < tokens.size()
           && (tokens[i + 1].shape & text::ShapeAllDigits) && tokens[i + 1].length == 2
           && gapBefore(text, tokens, i + 1) == u":";
}

// "3/3/24", "03.03.2024", "2024-03-03": digits joined to digits by / . or -
bool isNumericDateAt(QStringView text, std::span<const Token> tokens, size_t i)
{
    if (i == 0 || !(tokens[i].shape & text::ShapeAllDigits) || !(tokens[i - 1].shape & text::ShapeAllDigits))
        return false;
    const QStringView g = gapBefore(text, tokens, i);
    return g == u"/" || g == u"." || g == u"-";
}

} // namespace

void WordClasses::add(const QStringList &words, WordClass c)
{
    for (const QString &w : words) {
        const QString folded = text::foldString(w);
        Entry &e = m_classes[text::foldedHash(folded)];
        e.length = folded.size();
        e.bits |= c;
    }
}

AnalysisBuilder::AnalysisBuilder(const Language &language) : m_language(language)
{
    m_words.add(language.personWords, WordPerson);
    m_words.add(language.thingWords, WordThing);
    m_words.add(language.linkingWords, WordLinking);
    m_words.add(language.determiners, WordDeterminer);
    m_words.add(language.numberWords, WordNumber);
    for (const QString &s : language.negationSuffixes)
        m_suffixes.push_back(text::foldString(s));
    for (const QString &s : language.negationPrefixes)
        m_prefixes.push_back(text::foldString(s));
    addCues(m_ownSet, 0);
    m_ownSet.finish();
}

void AnalysisBuilder::addCues(PhraseSet &set, int payloadBase) const
{
    const Morphology morphology(m_language);
    auto addPhrases = [&](const QStringList &phrases, int payload) { wording::addPhrases(set, phrases, payload, morphology); };
    addPhrases(m_language.negationCues, payloadBase | CueNegation);
    addPhrases(m_language.pseudoNegations, payloadBase | CuePseudoNegation);
    addPhrases(m_language.clauseBreakers, payloadBase | CueClauseBreaker);
    addPhrases(m_language.clauseSubjects, payloadBase | CueSubject);
    addPhrases(m_language.subjectVerbs, payloadBase | CueSubjectVerb);
    addPhrases(m_language.listJoiners, payloadBase | CueListJoiner);
    addPhrases(m_language.honorifics, payloadBase | CueHonorific);
    addPhrases(m_language.sourceCues, payloadBase | CueSource);
    addPhrases(m_language.sourceBreakers, payloadBase | CueSourceBreaker);
    addPhrases(m_language.reasonCues, payloadBase | CueReason);
    addPhrases(m_language.speechWords, payloadBase | CueSpeech);
    addPhrases(m_language.months, payloadBase | CueMonth);
    addPhrases(m_language.dateWords, payloadBase | CueDateWord);
    addPhrases(m_language.protectedNames, payloadBase | CueProtectedName);
}

void AnalysisBuilder::build(QStringView text, std::span<const Token> tokens, std::span<const text::Span> quotes,
                            std::span<const PhraseHit> cueHits, std::span<const PhraseHit> termHits, Analysis &a) const
{
    const size_t n = tokens.size();
    a.text = text;
    a.tokens = tokens;
    a.quotes = quotes;
    a.negationSuffixes = m_suffixes;
    a.negationPrefixes = m_prefixes;
    a.words = &m_words;
    a.cueEnd.assign(n, 0);
    a.cueCover.assign(n, 0);
    for (const PhraseHit &h : cueHits) {
        const auto kind = quint16(h.payload & 0xFFFF);
        a.cueEnd[size_t(h.end - 1)] |= kind;
        for (int t = h.first; t < h.end; ++t)
            a.cueCover[size_t(t)] |= kind;
    }
    a.termCover.assign(n, 0);
    for (const PhraseHit &h : termHits)
        for (int t = h.first; t < h.end; ++t)
            a.termCover[size_t(t)] = 1;

    // Sentences. A full stop after an honorific ("Mr.") or a single letter ("e.g.") ends nothing.
    a.sentence.resize(n);
    a.sentenceFlags.clear();
    a.segment.resize(n);
    a.segmentFlags.clear();
    int s = -1, seg = -1;
    for (size_t i = 0; i < n; ++i) {
        bool starts = i == 0 || (tokens[i].gapBefore & text::GapSentenceEnd);
        if (starts && i > 0 && !(tokens[i].gapBefore & text::GapParagraph)
            && ((a.cueEnd[i - 1] & CueHonorific)
                || (tokens[i - 1].length == 1 && !(tokens[i - 1].shape & text::ShapeHasDigit))))
            starts = false;
        if (starts) {
            ++s;
            a.sentenceFlags.push_back(0);
        }
        // A new segment at each sentence, after a semicolon, and where a source breaker begins.
        const bool semicolon = i > 0 && (tokens[i].gapBefore & text::GapClauseEnd)
            && text.sliced(tokens[i - 1].start + tokens[i - 1].length, tokens[i].start - tokens[i - 1].start - tokens[i - 1].length).contains(u';');
        const bool breaker = (a.cueCover[i] & CueSourceBreaker) && (i == 0 || !(a.cueCover[i - 1] & CueSourceBreaker));
        if (starts || semicolon || breaker) {
            ++seg;
            a.segmentFlags.push_back(0);
        }
        a.segment[i] = seg;
        a.sentence[i] = s;
        quint8 &f = a.sentenceFlags.back();
        const quint16 cue = a.cueCover[i];
        if (cue & CueSource) {
            f |= SentenceHasSource;
            a.segmentFlags.back() |= SentenceHasSource;
        }
        // A date word that is itself a rule's term ("last week", "years ago") dates nothing: "Last week
        // (3 June 2025)" is dated by the date, not by "last week".
        if ((cue & CueDateWord) && (a.termCover.empty() || !a.termCover[i]))
            f |= SentenceHasDate;
        if (cue & CueReason)
            f |= SentenceHasReason;
        if (tokens[i].shape & text::ShapeHasDigit) {
            const QStringView w = text.sliced(tokens[i].start, tokens[i].length);
            if (isYear(w, tokens[i].shape) || isNumericDateAt(text, tokens, i))
                f |= SentenceHasDate;
            if (isTimeAt(text, tokens, i))
                f |= SentenceHasTime;
        }
        if (cue & CueMonth) {
            // A month name counts beside a day number or a year ("3 March", "March 2024"): "may" alone is a verb.
            // Neighbours count only within the sentence, so context never crosses a paragraph.
            const bool before = i > 0 && !(tokens[i].gapBefore & text::GapSentenceEnd)
                                && isDayNumber(text.sliced(tokens[i - 1].start, tokens[i - 1].length));
            const bool after = i + 1 < n && !(tokens[i + 1].gapBefore & text::GapSentenceEnd)
                               && (isDayNumber(text.sliced(tokens[i + 1].start, tokens[i + 1].length))
                                   || isYear(text.sliced(tokens[i + 1].start, tokens[i + 1].length), tokens[i + 1].shape));
            if (before || after)
                f |= SentenceHasDate;
        }
    }
}

int AnalysisBuilder::Owned::tokenAt(qsizetype offset) const
{
    const auto it = std::lower_bound(tokens.begin(), tokens.end(), offset,
                                     [](const Token &t, qsizetype o) { return t.start < o; });
    return static_cast<int>(it - tokens.begin());
}

std::unique_ptr<AnalysisBuilder::Owned> AnalysisBuilder::analyse(QStringView text) const
{
    auto o = std::make_unique<Owned>();
    o->text = text.toString();
    text::tokenize(o->text, o->tokens, o->quotes);
    PhraseSet::Scratch scratch;
    std::vector<PhraseHit> hits;
    m_ownSet.match(o->text, o->tokens, scratch, hits);
    build(o->text, o->tokens, o->quotes, hits, {}, o->analysis);
    return o;
}

bool isQuoted(const Analysis &a, qsizetype start, qsizetype end)
{
    const auto it = std::upper_bound(a.quotes.begin(), a.quotes.end(), start,
                                     [](qsizetype s, const text::Span &q) { return s < q.start; });
    if (it == a.quotes.begin())
        return false;
    const text::Span &q = *(it - 1);
    return q.start <= start && end <= q.end;
}

namespace {

// True when a negation ends at token k: a negation cue that is not part of a pseudo-negation, or a word
// ending in a negation suffix ("wasn't").
bool negationEndsAt(const Analysis &a, int k)
{
    if ((a.cueEnd[size_t(k)] & CueNegation) && !(a.cueCover[size_t(k)] & CuePseudoNegation))
        return true;
    const QStringView w = tokenText(a, k);
    for (const QString &suffix : a.negationSuffixes)
        if (w.size() > suffix.size() && text::foldedEquals(w.last(suffix.size()), suffix))
            return true;
    return false;
}

bool capitalised(const Token &t) { return (t.shape & text::ShapeUpperFirst) && (t.shape & text::ShapeHasLower); }

// True when a new subject begins at token t (the first word after a comma): a clause subject ("he",
// "she's", "there was"), or up to two capitalised words and a subject verb ("…, Sam was", "…, Mr Black
// had"). A word between the comma and the subject ("…, that he set it") does not count: it may well
// carry the clause on.
bool newSubjectAt(const Analysis &a, int t)
{
    const int n = static_cast<int>(a.tokens.size());
    auto joined = [&](int i) { return i < n && (a.tokens[size_t(i)].gapBefore & text::GapJoinable); };
    if (a.cueCover[size_t(t)] & CueSubject)
        return true;
    for (int i = t; i < t + 2 && i < n && capitalised(a.tokens[size_t(i)]); ++i) {
        if (!joined(i + 1))
            break;
        if (a.cueCover[size_t(i) + 1] & CueSubjectVerb)
            return true;
    }
    return false;
}

// True when token t (after a comma) closes a short insertion that opened with a comma just after a
// negation: "not, at any point, aggressive", "no evidence, according to police, that he set it".
bool closesInsertionAfterNegation(const Analysis &a, int t)
{
    for (int p = t - 1; p > 0 && p > t - kInsertionLength; --p) {
        const quint8 gap = a.tokens[size_t(p)].gapBefore;
        if (gap & text::GapClauseEnd)
            return false;
        if (gap & text::GapComma)
            return negationEndsAt(a, p - 1);
    }
    return false;
}

} // namespace

bool commaStartsClause(const Analysis &a, int t)
{
    if (newSubjectAt(a, t))
        return true;
    const int n = static_cast<int>(a.tokens.size());
    for (int j = t; j < n && j < t + kListReach; ++j) {
        const quint8 gap = a.tokens[size_t(j)].gapBefore;
        if (j > t && ((gap & text::GapClauseEnd) || ((gap & text::GapComma) && newSubjectAt(a, j))))
            break;
        if (a.cueCover[size_t(j)] & CueListJoiner)
            return false; // a list comma: "not aggressive, loud or threatening"
        if (j > t && (a.cueEnd[size_t(j) - 1] & CueClauseBreaker))
            break;
    }
    return true;
}

bool isNegated(const Analysis &a, int first)
{
    if (first > 0 && (a.tokens[size_t(first)].gapBefore & text::GapHyphenJoin)) {
        const QStringView prefix = tokenText(a, first - 1);
        for (const QString &p : a.negationPrefixes)
            if (text::foldedEquals(prefix, p))
                return true;
    }
    const int lower = std::max(0, first - kNegationWindow);
    for (int t = first; t > lower; --t) {
        const quint8 gap = a.tokens[size_t(t)].gapBefore;
        if (gap & text::GapClauseEnd)
            return false;
        if (gap & text::GapComma) {
            if (!newSubjectAt(a, t) && closesInsertionAfterNegation(a, t))
                return true;
            if (commaStartsClause(a, t))
                return false;
        }
        const int k = t - 1;
        // A negation cue that itself ends in a breaker ("do not know who", "unclear whether") still negates.
        if (negationEndsAt(a, k))
            return true;
        if (a.cueEnd[size_t(k)] & CueClauseBreaker)
            return false;
    }
    return false;
}

namespace {

// True when token i, beside a capitalised match, is evidence of a name: capitalised, not itself a
// rule's term, and joined to the match by white space or one hyphen touching both words (never a comma,
// a dash or a paragraph break). `gapToken` is the later of the two tokens, whose gap joins them.
bool nameNeighbour(const Analysis &a, int i, int gapToken)
{
    const int n = static_cast<int>(a.tokens.size());
    if (i < 0 || i >= n || gapToken <= 0 || gapToken >= n)
        return false;
    const Token &g = a.tokens[size_t(gapToken)];
    if (!(g.gapBefore & text::GapJoinable))
        return false;
    if (!(g.gapBefore & text::GapHyphenJoin)) {
        const QStringView gap = gapBefore(a.text, a.tokens, size_t(gapToken));
        for (QChar c : gap)
            if (!c.isSpace())
                return false; // a spaced hyphen is a dash, not part of a name
    }
    const bool term = !a.termCover.empty() && a.termCover[size_t(i)];
    return capitalised(a.tokens[size_t(i)]) && !term;
}

} // namespace

bool isName(const Analysis &a, int first, int end)
{
    if (first > 0 && (a.cueEnd[size_t(first) - 1] & CueHonorific) && !(a.tokens[size_t(first)].gapBefore & text::GapParagraph)) {
        const QStringView g = gapBefore(a.text, a.tokens, size_t(first));
        if (a.tokens[size_t(first)].gapBefore & text::GapJoinable || g.trimmed() == u".")
            return true;
    }
    bool allProtected = true;
    for (int t = first; t < end; ++t)
        allProtected = allProtected && (a.cueCover[size_t(t)] & CueProtectedName);
    if (allProtected)
        return true;
    const Token &t = a.tokens[size_t(first)];
    if (!capitalised(t) || (t.gapBefore & text::GapInitial))
        return false;
    return nameNeighbour(a, first - 1, first) || nameNeighbour(a, end, end);
}

int subjectBefore(const Analysis &a, int first, bool *linked)
{
    auto classOf = [&](int t) { return a.words ? a.words->of(a.tokens[size_t(t)]) : quint8(0); };
    auto inClause = [&](int t) { return !(a.tokens[size_t(t)].gapBefore & (text::GapClauseEnd | text::GapComma)); };
    int p = first - 1;
    bool skipped = false;
    while (p >= 0 && inClause(p + 1) && (classOf(p) & WordLinking)) {
        skipped = true;
        if (classOf(p) & (WordPerson | WordThing))
            break;
        --p;
    }
    if (linked)
        *linked = skipped;
    return (p >= 0 && inClause(p + 1)) ? p : -1;
}

bool isAboutThing(const Analysis &a, int first, int end)
{
    const int n = static_cast<int>(a.tokens.size());
    auto classOf = [&](int t) { return a.words ? a.words->of(a.tokens[size_t(t)]) : quint8(0); };
    // Token t follows t - 1 in the same clause (no clause punctuation or comma between them).
    auto inClause = [&](int t) { return !(a.tokens[size_t(t)].gapBefore & (text::GapClauseEnd | text::GapComma)); };

    bool linked = false;
    const int p = subjectBefore(a, first, &linked);
    if (p < 0)
        return false; // no subject in the clause: a note is about the person
    const quint8 c = classOf(p);
    // A determiner that is not also a pronoun ("a", "the"), or any determiner straight before the word
    // ("that chaotic morning"), is attributive: what follows says what is described.
    if ((c & WordDeterminer) && (!(c & (WordThing | WordPerson)) || !linked)) {
        // "a (very) chaotic morning": what follows says what is described.
        if (end >= n || !inClause(end))
            return false;
        for (int t = end; t < std::min(n, end + 3) && inClause(t); ++t)
            if (classOf(t) & WordPerson)
                return false;
        return true;
    }
    if (c & WordPerson)
        return false;
    if (c & WordThing)
        return linked;
    if (a.tokens[size_t(p)].shape & (text::ShapeUpperFirst | text::ShapeHasUpper))
        return false; // a capital: a name
    // A word straight before the term with no linking word between is no subject: "a known arsonist and
    // aggressive" says nothing about the arsonist being a thing.
    if (!linked)
        return false;
    // A noun phrase that is not a person: a determiner opens it within four words ("The rent was very
    // expensive", "the food in fridge 2 was wasted"), with no person word in it ("the man in room 4 was
    // aggressive").
    for (int t = p - 1; t >= 0 && t >= p - 4 && inClause(t + 1); --t) {
        const quint8 k = classOf(t);
        if (k & WordPerson)
            return false;
        // The noun phrase is the subject unless a linking word stands before it: in "he is a known
        // arsonist and is always aggressive" it is what he is, not what is aggressive.
        if (k & WordDeterminer)
            return !(t > 0 && inClause(t) && (classOf(t - 1) & WordLinking));
    }
    return false;
}

bool isCounted(const Analysis &a, int first)
{
    if (first <= 0 || (a.tokens[size_t(first)].gapBefore & (text::GapClauseEnd | text::GapComma)))
        return false;
    const Token &t = a.tokens[size_t(first) - 1];
    return (t.shape & text::ShapeAllDigits) || (a.words && (a.words->of(t) & WordNumber));
}

bool isSourced(const Analysis &a, int first)
{
    const quint8 f = a.sentenceFlags[size_t(a.sentence[size_t(first)])];
    return (f & SentenceHasDate) && (a.segmentFlags[size_t(a.segment[size_t(first)])] & SentenceHasSource);
}

bool isExplained(const Analysis &a, int first)
{
    return a.sentenceFlags[size_t(a.sentence[size_t(first)])] & SentenceHasReason;
}

bool isDated(const Analysis &a, int first)
{
    const quint8 f = a.sentenceFlags[size_t(a.sentence[size_t(first)])];
    return f & (SentenceHasDate | SentenceHasTime);
}

} // namespace fairnote::wording
