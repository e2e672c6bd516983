// SPDX-FileCopyrightText: 2026 Fairnote contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// Exercise validation: the note triggers what it should, and the model answer scores full marks.
#include "training/validate.h"

#include <QSet>
#include <set>

using namespace Qt::StringLiterals;

namespace fairnote::training {

Validation validateExercise(const Exercise &exercise, const Scorer &scorer)
{
    Validation v;
    v.exerciseId = exercise.id;
    v.file = exercise.file;
    const wording::RulePack &pack = scorer.checker().pack();

    if (exercise.type != ExerciseType::FactReportedOpinion) {
        QSet<QString> found;
        for (const Finding &f : scorer.checker().check(exercise.note))
            found.insert(f.ruleId);
        for (const QString &id : exercise.expectedFindings) {
            if (!pack.find(id))
                v.problems << u"expected finding \"%1\": there is no rule with that id in the rule pack (fairnote-cli rules list)"_s.arg(id);
            else if (!found.contains(id))
                v.problems << u"expected finding \"%1\": the note does not trigger it"_s.arg(id);
        }
        QStringList extra;
        for (const QString &id : found)
            if (!exercise.expectedFindings.contains(id))
                extra << id;
        extra.sort();
        if (!extra.isEmpty())
            v.notes << u"the note also triggers %1 (not listed in expected_findings; they still count as problems)"_s.arg(extra.join(u", "_s));
    }

    const Feedback fb = scorer.score(exercise, scorer.modelAnswer(exercise));
    if (!fb.score.full()) {
        v.problems << u"the model answer scores %1, not full marks:"_s.arg(fb.score.summary());
        for (const ScorePart &p : fb.score.parts)
            for (const ScoreLine &l : p.lines)
                if (l.outcome != ScoreLine::Outcome::Full)
                    v.problems << u"  %1 › %2: %3"_s.arg(p.title, l.item, l.why);
    }
    if (exercise.type == ExerciseType::Rewrite) {
        // Suggestions cost no points, but a model answer should not need any.
        for (const record::FieldFindings &ff : fb.assessment.findings)
            for (const Finding &f : ff.findings)
                if (f.severity == Severity::Info)
                    v.problems << u"the model answer's %1 has a suggestion: “%2” (%3)"_s.arg(ff.field.mid(u"/entries/0"_s.size()),
                                                                                           ff.text.mid(f.offset, f.length), f.ruleId);
        for (const record::Prompt &p : fb.assessment.prompts)
            if (p.severity == Severity::Info)
                v.problems << u"the model answer leaves a question open: %1"_s.arg(p.message);
    }
    return v;
}

std::vector<Category> ruleCategories()
{
    std::vector<Category> out;
    for (int c = int(Category::Label); c < int(Category::Spelling); ++c)
        out.push_back(Category(c));
    return out;
}

std::set<Category> categoriesPractised(const std::vector<Exercise> &exercises, const Scorer &scorer)
{
    std::set<Category> out;
    const wording::RulePack &pack = scorer.checker().pack();
    for (const Exercise &e : exercises) {
        if (e.type == ExerciseType::FactReportedOpinion)
            continue;
        for (const Finding &f : scorer.checker().check(e.note))
            out.insert(f.category);
        for (const QString &id : e.expectedFindings)
            if (const wording::Rule *r = pack.find(id))
                out.insert(r->category);
    }
    return out;
}

} // namespace fairnote::training
