// SPDX-FileCopyrightText: 2026 Fairnote contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// The wording check: match every phrase in one pass, then let exceptions and context decide.
#include "wording/checker.h"

#include "wording/morphology.h"

#include <QSet>
#include <algorithm>

namespace fairnote::wording {

using text::Token;

namespace {
// Payload layout: the top byte says what matched, the rest which one.
constexpr int kKindShift = 24;
constexpr int kRule = 0;
constexpr int kException = 1;
constexpr int kCue = 2;
constexpr int kSenseSubject = 3; // a rule's other_senses phrases, by list
constexpr int kSenseBefore = 4;
constexpr int kSenseAfter = 5;
constexpr int kIndexMask = (1 << kKindShift) - 1;
int payload(int kind, int index) { return (kind << kKindShift) | index; }

// True when an exception of the same rule covers the hit. `exceptions` is sorted by first token; an
// exception that covers the hit starts at most kMaxExceptionReach tokens before it.
constexpr int kMaxExceptionReach = 16;
bool coveredByException(const std::vector<PhraseHit> &exceptions, const PhraseHit &h)
{
    auto it = std::lower_bound(exceptions.begin(), exceptions.end(), h.first - kMaxExceptionReach,
                               [](const PhraseHit &e, int first) { return e.first < first; });
    for (; it != exceptions.end() && it->first <= h.first; ++it)
        if ((it->payload & kIndexMask) == (h.payload & kIndexMask) && it->end >= h.end)
            return true;
    return false;
}

// True when token t follows token t - 1 inside one clause.
bool sameClause(std::span<const Token> tokens, int t) { return !(tokens[size_t(t)].gapBefore & text::GapClauseEnd); }

// True when the words around hit h show its rule's term is used in another sense (the rule's
// other_senses): a subject phrase ends just before it (past linking words such as "was", "finally"),
// a "before" phrase ends at most `window` words before it, or an "after" phrase starts at most
// `window` words after it, all inside its clause. `senses` holds the rule's sense hits, sorted by first token.
bool isOtherSense(const Analysis &a, const PhraseHit &h, const OtherSenses &rule, std::span<const PhraseHit> senses)
{
    const auto &tokens = a.tokens;
    auto clauseBetween = [&](int from, int to) { // no clause end in the gaps before tokens (from, to]
        for (int t = from + 1; t <= to; ++t)
            if (!sameClause(tokens, t))
                return false;
        return true;
    };
    const int subjectEnd = subjectBefore(a, h.first);
    for (const PhraseHit &s : senses) {
        const int kind = s.payload >> kKindShift;
        if (kind == kSenseSubject) {
            if (subjectEnd >= 0 && s.end - 1 == subjectEnd)
                return true;
        } else if (kind == kSenseBefore) {
            if (s.end <= h.first && h.first - s.end <= rule.window && clauseBetween(s.end - 1, h.first))
                return true;
        } else if (s.first >= h.end && s.first - h.end <= rule.window && clauseBetween(h.end - 1, s.first)) {
            return true;
        }
    }
    return false;
}
} // namespace

struct Checker::Scratch
{
    std::vector<Token> tokens;
    std::vector<text::Span> quotes;
    PhraseSet::Scratch phrases;
    std::vector<PhraseHit> hits;
    std::vector<PhraseHit> ruleHits;
    std::vector<PhraseHit> exceptionHits;
    std::vector<PhraseHit> cueHits;
    std::vector<PhraseHit> senseHits;
    PhraseSet::Scratch sensePhrases;
    std::vector<PhraseHit> sentenceSenses;
    std::vector<AbbreviationHit> abbreviations;
    std::vector<Definition> definitions;
    std::vector<std::pair<int, QString>> detectorKeys; // first token of a detector hit → its abbreviation's key
    std::vector<PhraseHit> kept;
    std::vector<char> coveredTokens; // per token: a pattern rule matched it
    std::vector<int> sentenceStarts;                 // findScareQuotes: each sentence's first token
    std::vector<std::pair<int, int>> speechCues;     // findScareQuotes: (first, end) of each speech cue
    Analysis analysis;
};

Checker::Scratch &Checker::scratch()
{
    thread_local Scratch s;
    return s;
}

Checker::Checker(RulePack pack)
    : m_pack(std::move(pack)), m_analysis(m_pack.language), m_abbreviations(m_pack.language)
{
    const Morphology morphology(m_pack.language);
    m_literals.resize(m_pack.rules.size());
    for (size_t r = 0; r < m_pack.rules.size(); ++r) {
        const Rule &rule = m_pack.rules[r];
        if (rule.detector == Detector::Abbreviation)
            m_abbreviationRules.push_back(int(r));
        else if (rule.detector == Detector::SectionReference)
            m_sectionRules.push_back(int(r));
        else if (rule.detector == Detector::ScareQuotes)
            m_scareQuoteRules.push_back(int(r));
        for (const QString &p : rule.patterns) {
            auto seqs = expandPattern(p, &morphology);
            if (!seqs)
                continue; // cannot happen for a loaded pack
            m_phrases.add(*seqs, payload(kRule, int(r)));
            if (rule.matchCase)
                for (const WordSequence &seq : *seqs)
                    for (const WordKey &w : seq)
                        m_literals[r].insert(w.literal);
        }
        for (const QString &p : rule.exceptions)
            if (auto seqs = expandPattern(p, &morphology))
                m_phrases.add(*seqs, payload(kException, int(r)));
        for (const auto &[kind, list] : {std::pair{kSenseSubject, &rule.otherSenses.subjects},
                                         std::pair{kSenseBefore, &rule.otherSenses.before},
                                         std::pair{kSenseAfter, &rule.otherSenses.after}})
            for (const QString &p : *list)
                if (auto seqs = expandPattern(p, &morphology))
                    m_senses.add(*seqs, payload(kind, int(r)));
        m_hasSenses = m_hasSenses || !rule.otherSenses.isEmpty();
    }
    m_analysis.addCues(m_phrases, payload(kCue, 0));
    m_phrases.finish();
    m_senses.finish();
}

Checker::~Checker() = default;

std::unique_ptr<AnalysisBuilder::Owned> Checker::analyse(QStringView text) const
{
    auto o = std::make_unique<AnalysisBuilder::Owned>();
    o->text = text.toString();
    text::tokenize(o->text, o->tokens, o->quotes);
    PhraseSet::Scratch scratch;
    std::vector<PhraseHit> hits, cues, terms;
    m_phrases.match(o->text, o->tokens, scratch, hits);
    for (const PhraseHit &h : hits) {
        if (h.payload >> kKindShift == kCue)
            cues.push_back(h);
        else if (h.payload >> kKindShift == kRule)
            terms.push_back(h);
    }
    m_analysis.build(o->text, o->tokens, o->quotes, cues, terms, o->analysis);
    return o;
}

std::vector<Finding> Checker::check(QStringView text) const
{
    std::vector<Finding> out;
    check(text, 0, out);
    return out;
}

void Checker::check(QStringView text, qsizetype baseOffset, std::vector<Finding> &out, NoteContext *note) const
{
    NoteContext own;
    NoteContext &context = note ? *note : own;
    // Working memory is kept between checks (a note is checked again at every pause in typing), but not
    // after a piece of over 64K words (a long text with no blank line): its tens of MB go back.
    struct GiveBackLarge {
        Scratch &s;
        ~GiveBackLarge() { if (s.tokens.capacity() > (1 << 16)) s = Scratch{}; }
    } giveBack{scratch()};
    // A long text is checked in pieces of about 64 KB split at blank lines: the same findings (no
    // context but the note's definitions crosses a blank line), with working memory that stays in the
    // CPU's caches.
    constexpr qsizetype kPiece = 64 * 1024;
    if (text.size() > 2 * kPiece) {
        qsizetype from = 0;
        while (from < text.size()) {
            const qsizetype to = text::nextParagraphStart(text, std::min(text.size(), from + kPiece));
            checkPiece(text.sliced(from, to - from), baseOffset + from, out, context, nullptr);
            from = to;
        }
        return;
    }
    checkPiece(text, baseOffset, out, context, nullptr);
}

// Why the context leaves one match alone (LeftAlone::No: it is a finding, unless a longer match covers it).
LeftAlone Checker::leftAlone(QStringView text, qsizetype baseOffset, const Scratch &s, const NoteContext &note,
                             const PhraseHit &h) const
{
    const int r = h.payload & kIndexMask;
    const Rule &rule = m_pack.rules[size_t(r)];
    const Analysis &a = s.analysis;
    const qsizetype start = s.tokens[size_t(h.first)].start;
    const qsizetype end = s.tokens[size_t(h.end - 1)].start + s.tokens[size_t(h.end - 1)].length;
    if (rule.matchCase) {
        for (int t = h.first; t < h.end; ++t)
            if (!m_literals[size_t(r)].contains(text.sliced(s.tokens[size_t(t)].start, s.tokens[size_t(t)].length).toString()))
                return LeftAlone::LetterCase;
    }
    if (coveredByException(s.exceptionHits, h))
        return LeftAlone::Exception;
    if ((rule.skipWhen & SkipQuoted) && isQuoted(a, start, end))
        return LeftAlone::Quoted;
    if ((rule.skipWhen & SkipName) && isName(a, h.first, h.end))
        return LeftAlone::Name;
    if ((rule.skipWhen & SkipNegated) && isNegated(a, h.first))
        return LeftAlone::Negated;
    if ((rule.skipWhen & SkipSourced) && isSourced(a, h.first))
        return LeftAlone::Sourced;
    if ((rule.skipWhen & SkipDated) && isDated(a, h.first))
        return LeftAlone::Dated;
    if ((rule.skipWhen & SkipExplained) && isExplained(a, h.first))
        return LeftAlone::Explained;
    if ((rule.skipWhen & SkipAboutThing) && isAboutThing(a, h.first, h.end))
        return LeftAlone::AboutThing;
    if ((rule.skipWhen & SkipCounted) && isCounted(a, h.first))
        return LeftAlone::Counted;
    if (rule.skipWhen & SkipDefined) {
        QString key;
        if (rule.detector != Detector::None) {
            for (const auto &[first, k] : s.detectorKeys)
                if (first == h.first)
                    key = k;
        } else {
            key = m_abbreviations.key(text.sliced(start, end - start));
        }
        if (note.defines(key, baseOffset + start))
            return LeftAlone::Defined;
    }
    if (!rule.otherSenses.isEmpty() && !s.senseHits.empty()) {
        const auto [from, to] = std::equal_range(s.senseHits.begin(), s.senseHits.end(), PhraseHit{payload(0, r), 0, 0},
                                                 [](const PhraseHit &x, const PhraseHit &y) {
                                                     return (x.payload & kIndexMask) < (y.payload & kIndexMask);
                                                 });
        if (isOtherSense(a, h, rule.otherSenses, std::span<const PhraseHit>(from, to)))
            return LeftAlone::OtherSense;
    }
    return LeftAlone::No;
}

std::vector<Considered> Checker::consider(QStringView text) const
{
    std::vector<Considered> considered;
    std::vector<Finding> findings;
    NoteContext note;
    checkPiece(text, 0, findings, note, &considered);
    return considered;
}

QString leftAloneReason(LeftAlone why)
{
    switch (why) {
    case LeftAlone::No: return QString();
    case LeftAlone::LetterCase: return QStringLiteral("other capitals: the rule matches only its exact letters");
    case LeftAlone::Exception: return QStringLiteral("another sense of the words");
    case LeftAlone::Quoted: return QStringLiteral("in quotation marks: someone's own words");
    case LeftAlone::Name: return QStringLiteral("part of a name");
    case LeftAlone::Negated: return QStringLiteral("negated");
    case LeftAlone::Sourced: return QStringLiteral("sourced: the sentence gives a date and who says so");
    case LeftAlone::Dated: return QStringLiteral("dated: the sentence gives a date or time");
    case LeftAlone::Explained: return QStringLiteral("explained: the sentence gives the reason");
    case LeftAlone::AboutThing: return QStringLiteral("about a thing, an event or a price, not a person");
    case LeftAlone::OtherSense: return QStringLiteral("another sense, shown by the words around it");
    case LeftAlone::Counted: return QStringLiteral("counted: a number gives the time");
    case LeftAlone::Defined: return QStringLiteral("defined: the note spells the abbreviation out");
    }
    return QString();
}

// One to three words in quotation marks that no one in the sentence is reported to have said (no
// "said", "told", "called" …), and that are not a name (every word capitalised, mid-sentence): quotation
// marks that cast doubt ("his “girlfriend”", "her 'back pain'"). Adds a hit for each scare-quotes rule.
void Checker::findScareQuotes(Scratch &s) const
{
    const std::span<const Token> tokens = s.tokens;
    // Linear in the text, however many quotes and cues one long sentence holds: the sentences' first
    // tokens are found once, and whether a sentence holds a speech cue once per sentence (a pasted
    // transcript of 40,000 quoted lines with no full stop was 10 s here when each quote looked again).
    const int n = static_cast<int>(tokens.size());
    std::vector<int> &sentenceStarts = s.sentenceStarts;
    sentenceStarts.assign(1, 0);
    for (int k = 1; k < n; ++k)
        if (tokens[size_t(k)].gapBefore & text::GapSentenceEnd)
            sentenceStarts.push_back(k);
    std::vector<std::pair<int, int>> &speech = s.speechCues; // (first, end) of each speech cue, by first token
    speech.clear();
    for (const PhraseHit &c : s.cueHits)
        if (c.payload & CueSpeech)
            speech.emplace_back(c.first, c.end);
    std::sort(speech.begin(), speech.end());

    int t = 0, cachedFirst = -1, cachedLast = -1;
    bool cachedSpeech = false;
    for (const text::Span &q : s.quotes) {
        while (t < n && tokens[size_t(t)].start < q.start)
            ++t;
        int end = t;
        while (end < n && tokens[size_t(end)].start + tokens[size_t(end)].length <= q.end)
            ++end;
        const int words = end - t;
        if (words < 1 || words > 3)
            continue;
        bool allCapitalised = true;
        for (int k = t; k < end; ++k)
            allCapitalised = allCapitalised && (tokens[size_t(k)].shape & text::ShapeUpperFirst);
        if (allCapitalised && !(tokens[size_t(t)].gapBefore & text::GapInitial))
            continue; // a name or a title: “Recovery Hub”
        // The sentence around it: from the last sentence start at or before its first word to the first
        // one at or after its end.
        const int first = *(std::upper_bound(sentenceStarts.begin(), sentenceStarts.end(), t) - 1);
        const auto next = std::lower_bound(sentenceStarts.begin(), sentenceStarts.end(), std::max(end, 1));
        const int last = next == sentenceStarts.end() ? n : *next;
        if (first != cachedFirst || last != cachedLast) {
            cachedFirst = first;
            cachedLast = last;
            cachedSpeech = false;
            for (auto c = std::lower_bound(speech.begin(), speech.end(), std::pair{first, 0});
                 c != speech.end() && c->first < last && !cachedSpeech; ++c)
                cachedSpeech = c->second <= last;
        }
        if (cachedSpeech)
            continue;
        for (int r : m_scareQuoteRules)
            s.ruleHits.push_back({payload(kRule, r), t, end});
    }
}

// The words that show another sense of a rule's term (other_senses) all lie in the term's clause, so
// they are looked for only in the sentences that hold a hit of a rule that has them: a sense phrase
// such as "the" or "a" would otherwise match hundreds of times in every paragraph. s.ruleHits must be
// sorted by first token. Leaves s.senseHits sorted by rule, then by first token.
void Checker::findOtherSenses(QStringView text, Scratch &s) const
{
    s.senseHits.clear();
    const int n = static_cast<int>(s.tokens.size());
    int matchedEnd = 0; // tokens before this index were matched already
    for (const PhraseHit &h : s.ruleHits) {
        if (h.end <= matchedEnd || m_pack.rules[size_t(h.payload & kIndexMask)].otherSenses.isEmpty())
            continue;
        int from = std::max(h.first, matchedEnd);
        while (from > matchedEnd && !(s.tokens[size_t(from)].gapBefore & text::GapSentenceEnd))
            --from;
        int to = h.end;
        while (to < n && !(s.tokens[size_t(to)].gapBefore & text::GapSentenceEnd))
            ++to;
        s.sentenceSenses.clear();
        m_senses.match(text, std::span<const Token>(s.tokens).subspan(size_t(from), size_t(to - from)), s.sensePhrases,
                       s.sentenceSenses);
        for (PhraseHit hit : s.sentenceSenses) {
            hit.first += from;
            hit.end += from;
            s.senseHits.push_back(hit);
        }
        matchedEnd = to;
    }
    // Hits come out in token order; a stable sort by rule keeps that order within each rule.
    std::stable_sort(s.senseHits.begin(), s.senseHits.end(), [](const PhraseHit &a, const PhraseHit &b) {
        return (a.payload & kIndexMask) < (b.payload & kIndexMask);
    });
}

void Checker::checkPiece(QStringView text, qsizetype baseOffset, std::vector<Finding> &out, NoteContext &note,
                         std::vector<Considered> *consider) const
{
    Scratch &s = scratch();
    text::tokenize(text, s.tokens, s.quotes);
    s.hits.clear();
    m_phrases.match(text, s.tokens, s.phrases, s.hits);

    s.ruleHits.clear();
    s.exceptionHits.clear();
    s.cueHits.clear();
    s.senseHits.clear();
    for (const PhraseHit &h : s.hits) {
        switch (h.payload >> kKindShift) {
        case kRule: s.ruleHits.push_back(h); break;
        case kException: s.exceptionHits.push_back(h); break;
        case kCue: s.cueHits.push_back(h); break;
        default: break;
        }
    }

    // Shorthand found by its shape, and the places the note spells it out. A term a pattern rule matches
    // is left to that rule, whose advice is specific ("CMHT: community mental health team").
    s.abbreviations.clear();
    s.definitions.clear();
    s.detectorKeys.clear();
    m_abbreviations.scan(text, s.tokens, baseOffset, s.abbreviations, s.definitions);
    note.definitions.insert(note.definitions.end(), s.definitions.begin(), s.definitions.end());
    if (!m_abbreviationRules.empty() || !m_sectionRules.empty()) {
        // The tokens a pattern rule matched, marked once: a note of thousands of rule hits and
        // thousands of abbreviations is not compared pair by pair.
        if (!s.abbreviations.empty()) {
            s.coveredTokens.assign(s.tokens.size(), 0);
            for (const PhraseHit &h : s.ruleHits)
                std::fill(s.coveredTokens.begin() + h.first, s.coveredTokens.begin() + h.end, 1);
        }
        for (const AbbreviationHit &a : s.abbreviations) {
            if (std::find(s.coveredTokens.begin() + a.first, s.coveredTokens.begin() + a.end, 1) !=
                s.coveredTokens.begin() + a.end)
                continue;
            for (int r : a.section ? m_sectionRules : m_abbreviationRules) {
                s.ruleHits.push_back({payload(kRule, r), a.first, a.end});
                s.detectorKeys.emplace_back(a.first, a.key);
            }
        }
    }
    if (!m_scareQuoteRules.empty() && !s.quotes.empty())
        findScareQuotes(s);
    if (s.ruleHits.empty())
        return; // the common case for a clean paragraph: no analysis needed

    // One hit per (rule, span); sorted by start, longest first.
    auto order = [](const PhraseHit &a, const PhraseHit &b) {
        if (a.first != b.first) return a.first < b.first;
        if (a.end != b.end) return a.end > b.end;
        return a.payload < b.payload;
    };
    std::sort(s.ruleHits.begin(), s.ruleHits.end(), order);
    std::sort(s.exceptionHits.begin(), s.exceptionHits.end(), order);
    s.ruleHits.erase(std::unique(s.ruleHits.begin(), s.ruleHits.end()), s.ruleHits.end());
    if (m_hasSenses)
        findOtherSenses(text, s);

    m_analysis.build(text, s.tokens, s.quotes, s.cueHits, s.ruleHits, s.analysis);

    s.kept.clear();
    for (const PhraseHit &h : s.ruleHits) {
        const Rule &rule = m_pack.rules[size_t(h.payload & kIndexMask)];
        const qsizetype start = s.tokens[size_t(h.first)].start;
        const qsizetype end = s.tokens[size_t(h.end - 1)].start + s.tokens[size_t(h.end - 1)].length;

        const LeftAlone why = leftAlone(text, baseOffset, s, note, h);
        if (consider)
            consider->push_back({start, end - start, rule.id, why});
        if (why == LeftAlone::No)
            s.kept.push_back(h);
    }

    // Overlapping matches of one rule are one finding: "was charged" and "charged with" in "he was
    // charged with arson" become "was charged with".
    if (s.kept.size() > 1) {
        std::sort(s.kept.begin(), s.kept.end(), [](const PhraseHit &a, const PhraseHit &b) {
            return a.payload != b.payload ? a.payload < b.payload : a.first != b.first ? a.first < b.first : a.end > b.end;
        });
        size_t out = 0;
        for (size_t i = 1; i < s.kept.size(); ++i) {
            PhraseHit &cur = s.kept[out];
            const PhraseHit &h = s.kept[i];
            if (h.payload == cur.payload && h.first < cur.end)
                cur.end = std::max(cur.end, h.end);
            else
                s.kept[++out] = h;
        }
        s.kept.resize(out + 1);
        std::sort(s.kept.begin(), s.kept.end(), order);
    }

    // A match inside a longer one gives way to it ("known arsonist" over "arsonist"); matches of the
    // same span are all kept. s.kept is sorted by start, longest first.
    int maxEnd = -1;
    int prevFirst = -1, prevEnd = -1;
    bool prevKept = false;
    for (const PhraseHit &h : s.kept) {
        bool keep;
        if (h.first == prevFirst && h.end == prevEnd)
            keep = prevKept;
        else
            keep = h.end > maxEnd;
        maxEnd = std::max(maxEnd, h.end);
        prevFirst = h.first;
        prevEnd = h.end;
        prevKept = keep;
        if (!keep)
            continue;
        const Rule &rule = m_pack.rules[size_t(h.payload & kIndexMask)];
        const qsizetype start = s.tokens[size_t(h.first)].start;
        const qsizetype end = s.tokens[size_t(h.end - 1)].start + s.tokens[size_t(h.end - 1)].length;
        Finding f;
        f.offset = baseOffset + start;
        f.length = end - start;
        f.ruleId = rule.id;
        f.category = rule.category;
        f.severity = rule.severity;
        f.message = rule.message;
        f.why = rule.why;
        f.suggestions = rule.alternatives;
        f.question = rule.question;
        f.source = rule.sourceText;
        out.push_back(std::move(f));
    }
}

} // namespace fairnote::wording
