// SPDX-FileCopyrightText: 2026 Fairnote contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// Assessment snapshots: what was open and what was flagged when an entry was finalised.
#include "store/snapshot.h"

using namespace Qt::StringLiterals;

namespace fairnote::store {

namespace {
QString relative(const QString &field, int index)
{
    const QString prefix = u"/entries/%1"_s.arg(index);
    return field.startsWith(prefix) ? field.mid(prefix.size()) : field;
}
} // namespace

Snapshot snapshotOf(const record::Assessment &a, int index)
{
    Snapshot s;
    for (const record::Prompt &p : a.prompts)
        if (p.entry == index)
            s.prompts.push_back({relative(p.field, index), p.code, severityId(p.severity), p.message, p.question, {}});
    for (const record::FieldFindings &ff : a.findings) {
        if (ff.entry != index)
            continue;
        for (const Finding &f : ff.findings)
            s.findings.push_back({relative(ff.field, index), f.ruleId, categoryId(f.category), severityId(f.severity),
                                  f.offset, f.length, ff.text.mid(f.offset, f.length), f.message});
    }
    return s;
}

Assessor makeAssessor(record::AssessOptions options, NamedTextCheck spelling)
{
    return [options = std::move(options), spelling = std::move(spelling)](const record::Person &person, const record::Entry &entry) {
        const record::CaseFile one{person, {entry}};
        // The revision is written now: an amendment may add an outcome that came after the entry was
        // first written, and that is no date in the future.
        record::AssessOptions now = options;
        now.revisionWrittenAt = QDateTime::currentDateTimeUtc();
        if (!spelling)
            return snapshotOf(record::assess(one, entry.writtenAt, now), 0);
        record::AssessOptions withNames = now;
        const QStringList names = record::namesIn(one);
        withNames.textChecks.push_back([&](QStringView text, std::vector<Finding> &out) { spelling(text, out, names); });
        return snapshotOf(record::assess(one, entry.writtenAt, withNames), 0);
    };
}

Result<StandardAssessor, QString> makeStandardAssessor(std::shared_ptr<const wording::Checker> checker, NamedTextCheck spelling)
{
    auto rules = record::AssessmentRules::load(checker->pack().language);
    if (!rules)
        return u"%1. Without Fairnote's own assessment rules an entry's prompts cannot all be raised, so nothing is assessed or "
               u"finalised; reinstall Fairnote to restore them."_s.arg(rules.error());
    StandardAssessor out;
    out.options.rules = *rules;
    out.options.textChecks.push_back([checker](QStringView text, std::vector<Finding> &found) { checker->check(text, 0, found); });
    out.assessor = makeAssessor(out.options, std::move(spelling));
    return out;
}

std::vector<SnapshotPrompt> unanswered(const Snapshot &snapshot, const QHash<QString, QString> &leftReasons)
{
    std::vector<SnapshotPrompt> out;
    for (const SnapshotPrompt &p : snapshot.prompts)
        if (leftReasons.value(promptKey(p.code, p.field)).trimmed().isEmpty())
            out.push_back(p);
    return out;
}

} // namespace fairnote::store
