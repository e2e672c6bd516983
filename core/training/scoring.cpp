// SPDX-FileCopyrightText: 2026 Fairnote contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// Scoring the three kinds of exercise, with the reasons for every point.
#include "training/scoring.h"

#include "store/snapshot.h"
#include "training/jsonsupport.h"

#include <QHash>
#include <algorithm>
#include <cmath>

using namespace Qt::StringLiterals;

namespace fairnote::training {

// ---- Score -----------------------------------------------------------------------------------------

int Score::points() const
{
    int sum = 0;
    for (const ScorePart &p : parts)
        sum += p.points;
    return sum;
}

int Score::max() const
{
    int sum = 0;
    for (const ScorePart &p : parts)
        sum += p.max;
    return sum;
}

int Score::percent() const
{
    const int m = max();
    return m > 0 ? int(std::lround(100.0 * points() / m)) : 0;
}

QString Score::summary() const
{
    return u"%1 of %2 point%3 (%4%)"_s.arg(points()).arg(max()).arg(max() == 1 ? QString() : u"s"_s).arg(percent());
}

QString describeScore(const Score &score)
{
    QString out = u"Score: %1\n"_s.arg(score.summary());
    for (const ScorePart &p : score.parts) {
        if (p.max > 0)
            out += u"%1: %2 of %3. %4\n"_s.arg(p.title).arg(p.points).arg(p.max).arg(p.rule);
        else
            out += u"%1: %2. %3\n"_s.arg(p.title).arg(p.points).arg(p.rule);
        for (const ScoreLine &l : p.lines) {
            QString points;
            switch (l.outcome) {
            case ScoreLine::Outcome::Deduction: points = QString::number(l.points); break;
            case ScoreLine::Outcome::NoEffect: points = u"0"_s; break;
            default: points = u"+%1 of %2"_s.arg(l.points).arg(l.max); break;
            }
            out += u"  %1  %2: %3\n"_s.arg(points.leftJustified(7), l.item, l.why);
        }
    }
    return out;
}

namespace {

// The words the app shows with each severity (ui/findingformat.h), so the score explains findings the
// way the form does.
QString severityWord(Severity s)
{
    switch (s) {
    case Severity::Error: return u"Important"_s;
    case Severity::Warning: return u"Worth changing"_s;
    case Severity::Info: return u"Suggestion"_s;
    }
    return {};
}

QString quoted(const QString &s) { return u"“"_s + s + u"”"_s; }

// At most `max` characters, cut at a space.
QString shortened(const QString &s, int max = 70)
{
    const QString one = s.simplified();
    if (one.size() <= max)
        return one;
    const qsizetype space = one.lastIndexOf(u' ', max - 1);
    return (space > max / 2 ? one.left(space) : one.left(max - 1)).trimmed() + u"…"_s;
}

bool sameAnswer(const QString &a, const QString &b) { return a.simplified().compare(b.simplified(), Qt::CaseInsensitive) == 0; }

QString relative(const QString &field)
{
    static const QString prefix = u"/entries/0"_s;
    return field.startsWith(prefix) ? field.mid(prefix.size()) : field;
}

// The raw text of a free-text field (see freeTextFields()).
QString fieldText(const record::Entry &e, const QString &pointer)
{
    if (pointer == u"/late_entry_reason")
        return e.lateEntryReason;
    const record::IncidentRecord *r = e.incident();
    if (!r)
        return {};
    static const QHash<QString, QString record::IncidentRecord::*> direct{
        {u"/incident/what_happened"_s, &record::IncidentRecord::whatHappened},
        {u"/incident/context"_s, &record::IncidentRecord::context},
        {u"/incident/changes_since"_s, &record::IncidentRecord::changesSince},
        {u"/incident/safety_plan"_s, &record::IncidentRecord::safetyPlan},
    };
    if (const auto it = direct.constFind(pointer); it != direct.constEnd())
        return r->*(*it);
    if (pointer == u"/incident/own_account/text")
        return r->ownAccount.text;
    if (pointer == u"/incident/own_account/reason")
        return r->ownAccount.reason;
    if (pointer == u"/incident/setting/detail")
        return r->setting.detail;
    if (pointer == u"/incident/harm/property_damage_detail")
        return r->harm.damageDetail;
    if (pointer == u"/incident/source/reference")
        return r->source.reference;
    if (pointer == u"/incident/source/third_party_role")
        return r->source.thirdPartyRole;
    return {};
}

// "Harm › Injury" for every field either entry has.
QHash<QString, QString> fieldLabels(const record::Entry &a, const record::Entry &b)
{
    QHash<QString, QString> out;
    for (const record::Entry *e : {&a, &b})
        for (const record::FieldText &f : record::describeFields(*e))
            out.insert(f.pointer, f.section == f.label ? f.label : f.section + u" › "_s + f.label);
    return out;
}

std::vector<FieldComparison> compare(const record::Entry &yours, const record::Entry &model, const QStringList &keyFields)
{
    std::vector<FieldComparison> out;
    for (const record::FieldText &f : record::describeFields(model)) {
        FieldComparison c;
        c.section = f.section;
        c.label = f.label;
        c.pointer = f.pointer;
        c.model = f.value;
        c.inYours = false;
        out.push_back(std::move(c));
    }
    auto indexOf = [&](const QString &pointer) {
        for (size_t i = 0; i < out.size(); ++i)
            if (out[i].pointer == pointer)
                return int(i);
        return -1;
    };
    int last = -1;
    for (const record::FieldText &f : record::describeFields(yours)) {
        int at = indexOf(f.pointer);
        if (at < 0) {
            FieldComparison c;
            c.section = f.section;
            c.label = f.label;
            c.pointer = f.pointer;
            c.inModel = false;
            at = last + 1;
            out.insert(out.begin() + at, std::move(c));
        }
        out[size_t(at)].yours = f.value;
        out[size_t(at)].inYours = true;
        last = at;
    }
    const QStringList texts = freeTextFields();
    for (FieldComparison &c : out) {
        c.same = c.inYours && c.inModel && sameAnswer(c.yours, c.model);
        c.key = keyFields.contains(c.pointer);
        if (!c.same && c.inYours && c.inModel && texts.contains(c.pointer)) {
            const QString a = fieldText(yours, c.pointer), b = fieldText(model, c.pointer);
            if (!a.trimmed().isEmpty() && !b.trimmed().isEmpty())
                c.diff = wordDiff(a, b);
        }
    }
    return out;
}

// A part that starts at `start` and loses points; never below 0.
void closeDeductions(ScorePart &part, int start)
{
    int taken = 0;
    for (const ScoreLine &l : part.lines)
        if (l.outcome == ScoreLine::Outcome::Deduction)
            taken -= l.points;
    part.max = start;
    part.points = std::max(0, start - taken);
    if (start - taken < 0)
        part.lines.push_back({u"Never below 0"_s, 0, 0, ScoreLine::Outcome::NoEffect,
                              u"%1 points were taken off, more than the %2 this part starts with, so it stops at 0."_s.arg(taken).arg(start)});
}

// Word ranges (letters and digits, with apostrophes and hyphens inside) of a text.
std::vector<std::pair<qsizetype, qsizetype>> wordRanges(const QString &text)
{
    std::vector<std::pair<qsizetype, qsizetype>> out;
    const qsizetype n = text.size();
    qsizetype i = 0;
    while (i < n) {
        if (!text[i].isLetterOrNumber()) {
            ++i;
            continue;
        }
        const qsizetype start = i;
        while (i < n && (text[i].isLetterOrNumber() || text[i].isMark()
                         || ((text[i] == u'\'' || text[i] == u'\u2019' || text[i] == u'-') && i + 1 < n && text[i + 1].isLetterOrNumber())))
            ++i;
        out.emplace_back(start, i);
    }
    return out;
}

bool overlaps(qsizetype aStart, qsizetype aEnd, qsizetype bStart, qsizetype bEnd) { return aStart < bEnd && bStart < aEnd; }

} // namespace

// ---- Scorer --------------------------------------------------------------------------------------

Scorer::Scorer(std::shared_ptr<const wording::Checker> checker, record::AssessOptions options)
    : m_checker(std::move(checker)), m_options(std::move(options))
{
}

Result<std::shared_ptr<const Scorer>, QString> Scorer::create(std::shared_ptr<const wording::Checker> checker)
{
    // Scored against the assessment the app and fairnote-cli make (store::makeStandardAssessor).
    auto standard = store::makeStandardAssessor(checker);
    if (!standard)
        return standard.error();
    return std::shared_ptr<const Scorer>(new Scorer(std::move(checker), std::move(standard->options)));
}

record::Entry Scorer::prepared(const Exercise &exercise, record::Entry entry) const
{
    entry.id = exercise.id;
    entry.writtenAt = exercise.writtenAt;
    entry.author = {u"Learner"_s, u"Learner"_s, QString()};
    if (!entry.isIncident())
        entry.body = record::IncidentRecord{};
    return entry;
}

Feedback Scorer::score(const Exercise &exercise, const Answer &answer) const
{
    switch (exercise.type) {
    case ExerciseType::Rewrite: {
        record::Entry blank;
        blank.body = record::IncidentRecord{};
        return scoreRewrite(exercise, answer.entry.value_or(blank));
    }
    case ExerciseType::FactReportedOpinion: return scoreSort(exercise, answer.choices);
    case ExerciseType::SpotTheProblem: return scoreSpot(exercise, answer.marks);
    }
    return {};
}

Feedback Scorer::scoreRewrite(const Exercise &exercise, const record::Entry &answer) const
{
    Feedback fb;
    fb.exerciseId = exercise.id;
    fb.type = ExerciseType::Rewrite;
    fb.entry = prepared(exercise, answer);
    const record::Entry &model = exercise.modelAnswer;
    fb.assessment = record::assess(record::CaseFile{exercise.person, {fb.entry}}, exercise.writtenAt, m_options);
    fb.comparison = compare(fb.entry, model, exercise.keyFields);
    const QHash<QString, QString> labels = fieldLabels(fb.entry, model);

    // Facts in the form.
    ScorePart form{u"Facts in the form"_s, u"1 point for each of these answers that matches the model answer."_s, 0, 0, {}};
    for (const QString &pointer : exercise.keyFields) {
        const auto it = std::find_if(fb.comparison.begin(), fb.comparison.end(), [&](const FieldComparison &c) { return c.pointer == pointer; });
        if (it == fb.comparison.end())
            continue; // the loader checked that the model answer has it
        ScoreLine l{labels.value(pointer, record::fieldTitle(pointer)), 0, 1, ScoreLine::Outcome::None, {}};
        if (it->same) {
            l.points = 1;
            l.outcome = ScoreLine::Outcome::Full;
            l.why = u"%1, as in the model answer."_s.arg(quoted(it->model));
        } else if (!it->inYours || it->yours == u"not answered") {
            l.why = u"Not answered yet. The model answer has %1."_s.arg(quoted(it->model));
        } else {
            l.why = u"You have %1; the model answer has %2."_s.arg(quoted(it->yours), quoted(it->model));
        }
        form.points += l.points;
        form.max += 1;
        form.lines.push_back(std::move(l));
    }

    // Facts in the narrative.
    ScorePart facts{u"Facts in the narrative"_s,
                    u"1 point for each fact of the model answer that your record gives too (found by the words listed for it)."_s, 0, 0, {}};
    for (const KeyFact &k : exercise.keyFacts) {
        const QStringList where = k.field.isEmpty() ? freeTextFields() : QStringList{k.field};
        QString foundWords, foundIn;
        for (const QString &pointer : where) {
            const QString text = fieldText(fb.entry, pointer);
            for (const QString &words : k.anyOf)
                if (text.contains(words, Qt::CaseInsensitive)) {
                    foundWords = words;
                    foundIn = labels.value(pointer, record::fieldTitle(pointer));
                    break;
                }
            if (!foundWords.isEmpty())
                break;
        }
        ScoreLine l{k.fact, 0, 1, ScoreLine::Outcome::None, {}};
        const QString place = k.field.isEmpty() ? u"your record"_s : labels.value(k.field, record::fieldTitle(k.field));
        if (!foundWords.isEmpty()) {
            l.points = 1;
            l.outcome = ScoreLine::Outcome::Full;
            l.why = u"Found %1 in %2."_s.arg(quoted(foundWords), foundIn);
        } else {
            QStringList looked;
            for (const QString &w : k.anyOf)
                looked << quoted(w);
            l.why = u"Not found in %1. The model answer gives it (looked for %2)."_s.arg(place, looked.join(u" or "_s));
        }
        facts.points += l.points;
        facts.max += 1;
        facts.lines.push_back(std::move(l));
    }

    // Questions answered.
    ScorePart questions{u"Questions answered"_s,
                        u"Starts at %1. Each question still open takes 1 point off; suggestions take none."_s.arg(kQuestionsPoints), 0, 0, {}};
    for (const record::Prompt &p : fb.assessment.prompts) {
        const QString field = relative(p.field);
        const QString item = labels.value(field, labels.value(field.section(u'/', 0, -2), record::fieldTitle(field)));
        if (p.severity == Severity::Info) {
            questions.lines.push_back({item, 0, 0, ScoreLine::Outcome::NoEffect, u"Suggestion (no points taken): "_s + p.message});
        } else {
            questions.lines.push_back({item, -1, 0, ScoreLine::Outcome::Deduction, p.message});
            ++fb.openQuestions;
        }
    }
    closeDeductions(questions, kQuestionsPoints);

    // Wording.
    ScorePart wording{u"Wording"_s,
                      u"Starts at %1 once “What happened” is written. Each Important finding takes 2 points off, each Worth "
                      u"changing 1; suggestions take none."_s.arg(kWordingPoints), 0, 0, {}};
    const record::IncidentRecord *r = fb.entry.incident();
    if (!r || r->whatHappened.trimmed().isEmpty()) {
        wording.max = kWordingPoints;
        wording.lines.push_back({u"What happened"_s, 0, 0, ScoreLine::Outcome::None,
                                 u"Nothing is written in “What happened” yet, so there is no wording to score."_s});
    } else {
        for (const record::FieldFindings &ff : fb.assessment.findings) {
            const QString field = labels.value(relative(ff.field), record::fieldTitle(relative(ff.field)));
            for (const Finding &f : ff.findings) {
                ++fb.wordingFindings;
                const QString item = u"%1 in %2"_s.arg(quoted(ff.text.mid(f.offset, f.length)), field);
                const QString why = u"%1: %2"_s.arg(severityWord(f.severity), f.message);
                if (f.severity == Severity::Info)
                    wording.lines.push_back({item, 0, 0, ScoreLine::Outcome::NoEffect, why + u" (no points taken)"_s});
                else
                    wording.lines.push_back({item, f.severity == Severity::Error ? -2 : -1, 0, ScoreLine::Outcome::Deduction, why});
            }
        }
        closeDeductions(wording, kWordingPoints);
    }

    fb.score.parts = {std::move(form), std::move(facts), std::move(questions), std::move(wording)};
    return fb;
}

Feedback Scorer::scoreSort(const Exercise &exercise, const QHash<QString, StatementKind> &choices) const
{
    Feedback fb;
    fb.exerciseId = exercise.id;
    fb.type = ExerciseType::FactReportedOpinion;
    ScorePart part{u"Statements"_s, u"1 point for each statement sorted as the trainer sorted it."_s, 0, 0, {}};
    int n = 0;
    for (const Statement &s : exercise.statements) {
        ++n;
        StatementResult r;
        r.id = s.id;
        r.answer = s.answer;
        if (choices.contains(s.id))
            r.given = choices.value(s.id);
        r.correct = r.given == s.answer;
        ScoreLine l{u"Statement %1, %2"_s.arg(n).arg(quoted(shortened(s.text, 50))), r.correct ? 1 : 0, 1,
                    r.correct ? ScoreLine::Outcome::Full : ScoreLine::Outcome::None, {}};
        const QString answer = kindTitle(s.answer).toLower();
        if (r.correct)
            l.why = u"Yes, %1. %2"_s.arg(answer, s.explanation);
        else if (!r.given)
            l.why = u"Not answered; it is %1. %2"_s.arg(answer, s.explanation);
        else
            l.why = u"You chose %1; it is %2. %3"_s.arg(kindTitle(*r.given).toLower(), answer, s.explanation);
        part.points += l.points;
        part.max += 1;
        part.lines.push_back(std::move(l));
        fb.statements.push_back(std::move(r));
    }
    fb.score.parts = {std::move(part)};
    return fb;
}

std::vector<SpotTarget> Scorer::targets(const Exercise &exercise) const
{
    const QString &note = exercise.note;
    std::vector<SpotTarget> candidates;
    for (const Finding &f : m_checker->check(note)) {
        SpotTarget t;
        t.offset = f.offset;
        t.length = f.length;
        t.ruleIds = {f.ruleId};
        t.severity = f.severity;
        t.message = f.message;
        t.why = f.why;
        t.instead = !f.suggestions.isEmpty() ? f.suggestions.join(u"; "_s) : f.question;
        t.phrases = {{t.offset, t.length}};
        candidates.push_back(std::move(t));
    }
    for (const KeyPhrase &k : exercise.key) {
        const qsizetype at = detail::nthOccurrence(note, k.phrase, k.occurrence);
        if (at < 0)
            continue; // the loader refuses such a key
        SpotTarget t;
        t.offset = at;
        t.length = k.phrase.size();
        t.inKey = true;
        t.message = k.why;
        t.why = k.why;
        t.instead = k.instead;
        t.phrases = {{t.offset, t.length}};
        candidates.push_back(std::move(t));
    }
    std::stable_sort(candidates.begin(), candidates.end(), [](const SpotTarget &a, const SpotTarget &b) { return a.offset < b.offset; });

    // Overlapping phrases are one problem: the key's words first (the trainer's), then the rules'.
    std::vector<SpotTarget> out;
    for (SpotTarget &c : candidates) {
        if (!out.empty() && overlaps(out.back().offset, out.back().offset + out.back().length, c.offset, c.offset + c.length)) {
            SpotTarget &t = out.back();
            const qsizetype end = std::max(t.offset + t.length, c.offset + c.length);
            t.offset = std::min(t.offset, c.offset);
            t.length = end - t.offset;
            const bool hadRules = !t.ruleIds.isEmpty();
            for (const QString &id : c.ruleIds)
                if (!t.ruleIds.contains(id))
                    t.ruleIds << id;
            if (!c.ruleIds.isEmpty())
                t.severity = hadRules ? std::max(t.severity, c.severity) : c.severity;
            const bool keyFirst = c.inKey && !t.inKey;
            if (keyFirst) {
                t.message = c.message;
                t.why = c.why + u" "_s + t.why;
                if (!c.instead.isEmpty())
                    t.instead = c.instead;
            } else if (!c.why.isEmpty() && !t.why.contains(c.why)) {
                t.why += u" "_s + c.why;
                if (t.instead.isEmpty())
                    t.instead = c.instead;
            }
            t.inKey = t.inKey || c.inKey;
            t.phrases.insert(t.phrases.end(), c.phrases.begin(), c.phrases.end());
        } else {
            out.push_back(std::move(c));
        }
    }
    for (SpotTarget &t : out)
        t.words = note.mid(t.offset, t.length);
    return out;
}

Feedback Scorer::scoreSpot(const Exercise &exercise, const std::vector<Mark> &givenMarks) const
{
    Feedback fb;
    fb.exerciseId = exercise.id;
    fb.type = ExerciseType::SpotTheProblem;
    fb.targets = targets(exercise);
    const QString &note = exercise.note;
    const auto words = wordRanges(note);

    // Which words each target holds (a target of punctuation alone counts as one word of its own).
    auto wordsIn = [&](qsizetype start, qsizetype end) {
        std::vector<int> out;
        for (size_t i = 0; i < words.size(); ++i)
            if (overlaps(words[i].first, words[i].second, start, end))
                out.push_back(int(i));
        return out;
    };
    std::vector<std::vector<int>> targetWords;
    std::vector<int> owner(words.size(), -1); // the target each word belongs to
    for (size_t t = 0; t < fb.targets.size(); ++t) {
        targetWords.push_back(wordsIn(fb.targets[t].offset, fb.targets[t].offset + fb.targets[t].length));
        for (int w : targetWords.back())
            owner[size_t(w)] = int(t);
    }

    // Each mark: the words it touches, and how many of them belong to no problem.
    std::vector<std::vector<int>> markWords;
    for (const Mark &m : givenMarks) {
        const qsizetype start = std::clamp<qsizetype>(m.offset, 0, note.size());
        const qsizetype end = std::clamp<qsizetype>(m.offset + m.length, start, note.size());
        MarkResult r;
        r.mark = {start, end - start};
        r.words = note.mid(start, end - start).simplified();
        markWords.push_back(wordsIn(start, end));
        bool touchesTarget = false;
        for (int w : markWords.back()) {
            if (owner[size_t(w)] >= 0)
                touchesTarget = true;
            else
                ++r.extraWords;
        }
        // A target without words (punctuation) is touched when the mark overlaps it.
        for (size_t t = 0; t < fb.targets.size() && !touchesTarget; ++t)
            if (targetWords[t].empty() && overlaps(start, end, fb.targets[t].offset, fb.targets[t].offset + fb.targets[t].length))
                touchesTarget = true;
        r.stray = !touchesTarget;
        fb.marks.push_back(std::move(r));
    }

    ScorePart found{u"Problems found"_s,
                    u"%1 points for each problem marked whole; 1 for one marked in part, or inside a mark that takes in more "
                    u"than %2 words that are fine."_s.arg(kTargetPoints).arg(kMaxExtraWords), 0, 0, {}};
    // Which marks touch a word (or, for a phrase without words, overlap it); tight ones only when asked.
    auto covered = [&](int w, qsizetype start, qsizetype end, bool tightOnly, int *extra) {
        bool any = false;
        for (size_t m = 0; m < fb.marks.size(); ++m) {
            const MarkResult &mr = fb.marks[m];
            const bool touches = w >= 0 ? std::find(markWords[m].begin(), markWords[m].end(), w) != markWords[m].end()
                                        : overlaps(mr.mark.offset, mr.mark.offset + mr.mark.length, start, end);
            if (!touches)
                continue;
            if (mr.extraWords > kMaxExtraWords) {
                if (extra)
                    *extra = std::max(*extra, mr.extraWords);
                if (tightOnly)
                    continue;
            }
            any = true;
        }
        return any;
    };
    // Every word of a phrase covered (by tight marks only, when asked).
    auto phraseCovered = [&](qsizetype start, qsizetype length, bool tightOnly, int *extra) {
        const std::vector<int> ws = wordsIn(start, start + length);
        if (ws.empty())
            return covered(-1, start, start + length, tightOnly, extra);
        return std::all_of(ws.begin(), ws.end(), [&](int w) { return covered(w, start, start + length, tightOnly, extra); });
    };
    for (size_t t = 0; t < fb.targets.size(); ++t) {
        SpotTarget &target = fb.targets[t];
        const qsizetype tStart = target.offset, tEnd = target.offset + target.length;
        bool whole = false, wideOnly = false;
        int widest = 0;
        for (const auto &[start, length] : target.phrases) {
            whole = whole || phraseCovered(start, length, true, nullptr);
            wideOnly = wideOnly || phraseCovered(start, length, false, &widest);
        }
        bool anyTouch = whole || wideOnly;
        for (int w : targetWords[t])
            anyTouch = anyTouch || covered(w, tStart, tEnd, false, nullptr);
        if (targetWords[t].empty())
            anyTouch = anyTouch || covered(-1, tStart, tEnd, false, nullptr);
        // The shortest phrase, to show what "whole" means.
        QString shortest = target.words;
        for (const auto &[start, length] : target.phrases)
            if (length < shortest.size())
                shortest = note.mid(start, length);
        QStringList touching;
        for (size_t m = 0; m < fb.marks.size(); ++m)
            if (overlaps(fb.marks[m].mark.offset, fb.marks[m].mark.offset + fb.marks[m].mark.length, tStart, tEnd))
                touching << fb.marks[m].words;

        ScoreLine l{quoted(shortened(target.words, 60)), 0, kTargetPoints, ScoreLine::Outcome::None, {}};
        if (whole) {
            target.found = SpotTarget::Found::Whole;
            l.points = kTargetPoints;
            l.outcome = ScoreLine::Outcome::Full;
            l.why = u"Found. "_s + target.message;
        } else if (anyTouch) {
            target.found = SpotTarget::Found::Partly;
            l.points = 1;
            l.outcome = ScoreLine::Outcome::Partial;
            if (wideOnly)
                l.why = u"Found, inside a mark that also takes in %1 words that are fine; mark only the words that need to change. %2"_s
                            .arg(widest)
                            .arg(target.message);
            else
                l.why = u"Partly found: you marked %1; the problem is %2. %3"_s.arg(quoted(shortened(touching.join(u" … "_s), 60)),
                                                                                 quoted(shortest), target.message);
        } else {
            l.why = u"Not marked. "_s + target.message;
        }
        found.points += l.points;
        found.max += kTargetPoints;
        found.lines.push_back(std::move(l));
    }

    ScorePart stray{u"Marks on words that are fine"_s,
                    u"Each mark that touches no problem takes %1 point off; the score never goes below 0."_s.arg(kStrayMarkPenalty), 0, 0, {}};
    int taken = 0;
    for (const MarkResult &m : fb.marks) {
        if (!m.stray)
            continue;
        stray.lines.push_back({quoted(shortened(m.words, 60)), -kStrayMarkPenalty, 0, ScoreLine::Outcome::Deduction,
                               u"Neither the rule pack nor the trainer's key finds a problem here. If you think there is one, "
                               u"talk it over with your trainer."_s});
        taken += kStrayMarkPenalty;
    }
    stray.points = -std::min(taken, found.points);
    if (taken > found.points)
        stray.lines.push_back({u"Never below 0"_s, 0, 0, ScoreLine::Outcome::NoEffect,
                               u"%1 points would be taken off, more than the %2 earned, so the score stops at 0."_s.arg(taken).arg(found.points)});
    fb.score.parts = {std::move(found)};
    if (!stray.lines.empty())
        fb.score.parts.push_back(std::move(stray));
    return fb;
}

Answer Scorer::modelAnswer(const Exercise &exercise) const
{
    Answer a;
    a.exerciseId = exercise.id;
    switch (exercise.type) {
    case ExerciseType::Rewrite:
        a.entry = exercise.modelAnswer;
        break;
    case ExerciseType::FactReportedOpinion:
        for (const Statement &s : exercise.statements)
            a.choices.insert(s.id, s.answer);
        break;
    case ExerciseType::SpotTheProblem:
        for (const SpotTarget &t : targets(exercise))
            a.marks.push_back({t.offset, t.length});
        break;
    }
    return a;
}

} // namespace fairnote::training
