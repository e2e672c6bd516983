// SPDX-FileCopyrightText: 2026 Fairnote contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// Building the referral summary from structured fields, and writing it as HTML and JSON.
#include "report/summary.h"

#include "record/assess.h"
#include "record/describe.h"
#include "report/html.h"
#include "store/auditactions.h"
#include "wording/checker.h"

#include <QCryptographicHash>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLocale>

using namespace Qt::StringLiterals;

namespace fairnote::report {

QString sectionId(Section s)
{
    switch (s) {
    case Section::Context: return u"context"_s;
    case Section::ChangesSince: return u"changes-since"_s;
    case Section::Safety: return u"safety"_s;
    case Section::PersonsView: return u"persons-view"_s;
    case Section::Health: return u"health"_s;
    }
    return {};
}

bool sectionFromId(QStringView id, Section *out)
{
    for (Section s : {Section::Context, Section::ChangesSince, Section::Safety, Section::PersonsView, Section::Health})
        if (sectionId(s) == id) {
            *out = s;
            return true;
        }
    return false;
}

QString sectionTitle(Section s)
{
    switch (s) {
    case Section::Context: return u"What was going on at the time of each incident"_s;
    case Section::ChangesSince: return u"What has changed since"_s;
    case Section::Safety: return u"Current fire-safety factors and the safety plan"_s;
    case Section::PersonsView: return u"The person's view"_s;
    case Section::Health: return u"Health details (alcohol or drug use, difficulty getting out in a fire)"_s;
    }
    return {};
}

QSet<Section> defaultSections() { return {Section::Context, Section::ChangesSince, Section::Safety, Section::PersonsView}; }

namespace {

const QLocale kUk(QLocale::English, QLocale::UnitedKingdom);

QString day(const QDate &d) { return kUk.toString(d, u"d MMMM yyyy"_s); }
QString orNotRecorded(const QString &s) { return s.trimmed().isEmpty() ? u"Not recorded"_s : s.trimmed(); }
template <typename E>
QString answer(const std::optional<E> &v)
{
    return v ? record::title(*v) : u"Not recorded"_s;
}

QString typeText(const record::IncidentRecord &r) { return record::incidentKind(r); }

QString settingText(const record::IncidentRecord &r)
{
    QString s = answer(r.setting.type);
    if (!r.setting.detail.trimmed().isEmpty())
        s += u" — "_s + r.setting.detail.trimmed();
    return s;
}

QString harmText(const record::IncidentRecord &r)
{
    QStringList parts;
    parts << (r.harm.injury ? record::title(*r.harm.injury) : u"Injury not recorded"_s) + u'.';
    QString damage = r.harm.damage ? record::title(*r.harm.damage) : u"Damage not recorded"_s;
    if (!r.harm.damageDetail.trimmed().isEmpty())
        damage += u": "_s + r.harm.damageDetail.trimmed();
    parts << (damage.endsWith(u'.') ? damage : damage + u'.');
    return parts.join(u' ');
}

QString fireServiceText(const record::IncidentRecord &r)
{
    QString s;
    switch (r.harm.fireServiceAttended.value_or(record::YesNoUnknown::Unknown)) {
    case record::YesNoUnknown::Yes: s = u"The fire and rescue service attended."_s; break;
    case record::YesNoUnknown::No: s = u"The fire and rescue service did not attend."_s; break;
    case record::YesNoUnknown::Unknown:
        s = r.harm.fireServiceAttended ? u"Not known whether the fire and rescue service attended."_s
                                       : u"Fire and rescue attendance not recorded."_s;
        break;
    }
    switch (r.harm.evacuation.value_or(record::YesNoUnknown::Unknown)) {
    case record::YesNoUnknown::Yes: s += u" The building was evacuated."_s; break;
    case record::YesNoUnknown::No: s += u" No evacuation."_s; break;
    case record::YesNoUnknown::Unknown: s += r.harm.evacuation ? u" Not known whether anyone was evacuated."_s : QString(); break;
    }
    return s;
}

QString outcomeText(const record::IncidentRecord &r)
{
    const auto &l = r.legal;
    if (!l.status)
        return u"Outcome not recorded"_s;
    QString s = record::title(*l.status);
    if (*l.status == record::LegalStatus::Convicted) {
        QStringList details;
        if (!l.conviction.offence.trimmed().isEmpty())
            details << l.conviction.offence.trimmed();
        if (!l.conviction.court.trimmed().isEmpty())
            details << l.conviction.court.trimmed();
        if (l.conviction.date.isValid())
            details << day(l.conviction.date);
        if (!l.conviction.sentence.trimmed().isEmpty())
            details << u"sentence: "_s + l.conviction.sentence.trimmed();
        if (!details.isEmpty())
            s += u": "_s + details.join(u", "_s);
    } else if (l.statusDate.isValid()) {
        s += u" ("_s + day(l.statusDate) + u')';
    }
    if (l.spent == true)
        s += u". Spent under the Rehabilitation of Offenders Act 1974: it usually need not be disclosed"_s;
    else if (l.spent == false)
        s += u". Not spent"_s;
    return s + u'.';
}

QString sourceText(const record::IncidentRecord &r)
{
    const auto &src = r.source;
    QString s;
    if (!src.type) {
        s = u"Source not recorded"_s;
    } else if (*src.type == record::SourceType::ThirdParty && !src.thirdPartyRole.trimmed().isEmpty()) {
        s = src.thirdPartyRole.trimmed() + u" (someone else)"_s;
    } else if (*src.type == record::SourceType::OfficialRecord && src.official) {
        s = u"An official record (%1)"_s.arg(record::title(*src.official).toLower());
    } else {
        s = record::title(*src.type);
    }
    if (!src.reference.trimmed().isEmpty())
        s += u"; reference: "_s + src.reference.trimmed();
    return s;
}

// Whether what is recorded was checked with its source, as an answer to that question (the label and
// the answer must not both say "Verified").
QString verificationText(const record::IncidentRecord &r)
{
    if (!r.source.verification)
        return r.source.type == record::SourceType::Observed ? u"Seen by the author"_s : u"Not recorded"_s;
    switch (*r.source.verification) {
    case record::Verification::Verified: return u"Yes, checked with the source"_s;
    case record::Verification::Unverified: return u"No, not checked with the source"_s;
    case record::Verification::Disputed: return u"Disputed: the source and the record do not agree"_s;
    case record::Verification::Unknown: return u"Not known whether it was checked"_s;
    }
    return u"Not recorded"_s;
}

QString disputedText(const record::IncidentRecord &r)
{
    if (r.ownAccount.disputesRecord == record::YesNoUnknown::Yes)
        return u"Yes — the person disputes this record"_s;
    if (r.ownAccount.disputesRecord == record::YesNoUnknown::No)
        return u"No"_s;
    if (r.ownAccount.status == record::AccountStatus::NotYetAsked)
        return u"Not yet asked"_s;
    return r.ownAccount.disputesRecord ? u"Not known"_s : u"Not recorded"_s;
}

QString plural(qsizetype n, const QString &one, const QString &many) { return n == 1 ? u"1 "_s + one : u"%1 "_s.arg(n) + many; }

QString whenWritten(const record::Entry &e)
{
    return u"%1, %2"_s.arg(store::actorDisplay(e.author), e.writtenAt.isValid() ? day(record::ukDate(e.writtenAt)) : u"date not recorded"_s);
}

// The latest request for exactly this content decides; failing that, an approval of an earlier version
// is worth saying, so nobody takes this version for the one that was signed off.
SummarySignOff signOffState(const std::vector<store::SignOff> &all, const QString &contentHash)
{
    SummarySignOff out;
    const store::SignOff *mine = nullptr, *earlier = nullptr;
    for (const store::SignOff &so : all) {
        if (so.subject != u"summary")
            continue;
        if (so.documentHash == contentHash)
            mine = &so;
        else if (so.state() == store::SignOffState::Approved)
            earlier = &so;
    }
    if (mine) {
        const store::SignOffEvent last = mine->events.empty() ? store::SignOffEvent{store::SignOffState::Requested, mine->requestedBy,
                                                                                    mine->requestedAt, {}}
                                                              : mine->events.back();
        out.state = store::signOffStateId(last.state);
        out.request = mine->id;
        out.by = last.actor;
        out.at = last.at;
        out.comment = last.comment;
        switch (last.state) {
        case store::SignOffState::Approved:
            out.text = u"Signed off by %1 on %2."_s.arg(store::actorDisplay(last.actor), day(record::ukDate(last.at)));
            break;
        case store::SignOffState::Requested:
            out.text = u"Not yet signed off: %1 asked for sign-off on %2."_s.arg(store::actorDisplay(last.actor), day(record::ukDate(last.at)));
            break;
        case store::SignOffState::Returned:
            out.text = u"Not signed off: returned for correction by %1 on %2 (“%3”)."_s.arg(store::actorDisplay(last.actor), day(record::ukDate(last.at)),
                                                                                           last.comment);
            break;
        }
    } else if (earlier) {
        const store::SignOffEvent &last = earlier->events.back();
        out.state = u"earlier-version"_s;
        out.request = earlier->id;
        out.by = last.actor;
        out.at = last.at;
        out.text = u"Not signed off: %1 signed off an earlier version on %2; the entries it draws on or the choices made have changed since."_s
                       .arg(store::actorDisplay(last.actor), day(record::ukDate(last.at)));
    }
    return out;
}

} // namespace

Result<ReferralSummary, QString> buildSummary(store::Store &s, const SummaryRequest &q)
{
    if (s.kind() == store::FileKind::Training)
        return u"This is a training file of invented cases: it is never sent as a real referral."_s;
    if (q.purpose.trimmed().isEmpty())
        return u"Say what the summary is for (its purpose), for example “Referral for temporary accommodation”. Sharing needs a purpose."_s;
    if (q.recipient.trimmed().isEmpty())
        return u"Say who the summary is for (its recipient), for example “Housing Options, Stoke-on-Trent City Council”."_s;
    if (!q.consent && q.lawfulBasis.trimmed().isEmpty())
        return u"Say whether the person consented to this being shared or, if not, the lawful basis for sharing it."_s;
    if (q.author.name.trimmed().isEmpty())
        return u"A summary is signed by the person who makes it: give your name."_s;
    auto person = s.person(q.personId);
    if (!person)
        return person.error().message;
    store::ListFilter filter;
    filter.personId = person->id;
    auto list = s.entries(filter, q.author);
    if (!list)
        return list.error().message;

    ReferralSummary out;
    out.title = u"Fire-safety history — factual summary"_s;
    out.person = *person;
    out.generatedAt = q.now.isValid() ? q.now.toUTC() : QDateTime::currentDateTimeUtc();
    out.author = q.author;
    out.purpose = q.purpose.trimmed();
    out.recipient = q.recipient.trimmed();
    out.basis = q.consent ? u"The person consented to this summary being shared with the recipient."_s
                          : u"Shared without the person's consent, on this lawful basis: %1"_s.arg(q.lawfulBasis.trimmed());
    out.consent = q.consent;
    out.lawfulBasis = q.consent ? QString() : q.lawfulBasis.trimmed();
    out.sections = q.sections;
    out.caseFileName = QFileInfo(s.location()).fileName();

    // Which incidents: the ones chosen, each a final, not-in-error incident record of this person.
    const QSet<QString> chosen(q.entryIds.begin(), q.entryIds.end());
    QSet<QString> unmatched = chosen; // chosen ids not (yet) found among this person's final incidents
    qsizetype inError = 0, drafts = 0, notes = 0, notChosen = 0, spent = 0;
    std::vector<std::pair<record::Entry, store::Revision>> incidents;
    for (const store::EntrySummary &e : *list) {
        if (e.status == store::EntryStatus::InError) {
            ++inError;
            continue;
        }
        if (e.status == store::EntryStatus::Draft) {
            ++drafts;
            continue;
        }
        if (!e.incident) {
            ++notes;
            continue;
        }
        if (!chosen.isEmpty() && !chosen.contains(e.id)) {
            ++notChosen;
            continue;
        }
        auto d = s.entry(e.id);
        if (!d)
            return d.error().message;
        if (chosen.isEmpty() && !includedByDefault(d->revisions.back().entry)) {
            ++spent;
            continue;
        }
        incidents.emplace_back(d->revisions.back().entry, d->revisions.back());
        unmatched.remove(e.id);
    }
    if (!unmatched.isEmpty())
        return u"Entry %1 is not a final incident record of %2 (it may be a case note, a draft, marked in error, or someone else's). "
               u"Choose from the incidents in their chronology."_s.arg(QStringList(unmatched.begin(), unmatched.end()).join(u", "_s), person->name);
    std::stable_sort(incidents.begin(), incidents.end(), [](const auto &a, const auto &b) {
        const QDateTime x = a.first.eventDate.earliest(), y = b.first.eventDate.earliest();
        if (x.isValid() != y.isValid())
            return x.isValid();
        return x < y;
    });

    for (const auto &[e, rev] : incidents) {
        const record::IncidentRecord &r = *e.incident();
        IncidentRow row;
        row.entryId = e.id;
        row.revision = rev.number;
        row.hash = rev.hash;
        row.whenInText = e.eventDate.phrase();
        row.when = e.eventDate.display();
        row.when[0] = row.when[0].toUpper();
        row.type = typeText(r);
        row.setting = settingText(r);
        row.description = orNotRecorded(r.whatHappened);
        if (q.sections.contains(Section::Context))
            row.context = orNotRecorded(r.context);
        row.harm = harmText(r);
        row.fireService = fireServiceText(r);
        row.outcome = outcomeText(r);
        row.source = sourceText(r);
        row.verification = verificationText(r);
        row.disputed = disputedText(r);
        row.writtenBy = whenWritten(e);
        out.incidents.push_back(row);
        out.sources.push_back({e.id, rev.number, rev.hash, row.writtenBy});
        if (q.sections.contains(Section::ChangesSince)) {
            ChangeSince c{e.id, row.whenInText, orNotRecorded(r.changesSince), {}};
            for (const record::Intervention &in : r.interventions) {
                QString t = record::title(in.type);
                if (in.date.isValid())
                    t += u", "_s + day(in.date);
                if (!in.detail.trimmed().isEmpty())
                    t += u": "_s + in.detail.trimmed();
                c.interventions << t;
            }
            out.changes.push_back(c);
        }
        if (q.sections.contains(Section::PersonsView))
            out.views.push_back({e.id, row.whenInText, answer(r.ownAccount.status), r.ownAccount.text.trimmed(),
                                 r.ownAccount.reason.trimmed(), disputedText(r)});
    }

    // In short: how many, and how long since the most recent, said plainly.
    const qsizetype total = incidents.size() + notChosen + spent;
    QDateTime latest;
    const record::EventDate *latestDate = nullptr;
    for (const auto &[e, rev] : incidents)
        if (const QDateTime t = e.eventDate.latest(); t.isValid() && (!latest.isValid() || t > latest)) {
            latest = t;
            latestDate = &e.eventDate;
        }
    // Each incident is named by what its record says it was (record::incidentKind): an accidental fire is
    // never called fire-setting. Only the incidents included are described, as the minimum necessary.
    std::vector<const record::IncidentRecord *> included;
    for (const auto &[e, rev] : incidents)
        included.push_back(e.incident());
    if (total == 0) {
        out.inShort = u"No incident is recorded for %1 in this case file."_s.arg(person->name);
    } else {
        out.inShort = u"%1 recorded for %2"_s.arg(plural(total, u"incident is"_s, u"incidents are"_s), person->name);
        if (notChosen + spent > 0)
            out.inShort += included.empty() ? u"; this summary includes none of them"_s
                                            : u"; this summary includes %1"_s.arg(record::incidentsCounted(included));
        else
            out.inShort += u": "_s + record::incidentsCounted(included);
        out.inShort += u'.';
        if (latestDate) {
            // Counted from the latest the event can have been: an imprecise date says "at least".
            if (const auto since = record::timeSince(*latestDate, out.generatedAt))
                out.inShort += u" The most recent included took place %1: %2 before this summary, with no later incident recorded."_s
                                   .arg(since->when, since->ago);
        }
    }

    // Current fire-safety factors and the plan: from the most recent incident that records them.
    if (q.sections.contains(Section::Safety) && !incidents.empty()) {
        const auto &[e, rev] = incidents.back();
        const record::IncidentRecord &r = *e.incident();
        out.safetyFrom = u"As recorded for the incident %1 (entry %2)."_s.arg(e.eventDate.phrase(), e.id);
        out.safetyFactors << u"Smokes: "_s + answer(r.safety.smoking);
        if (q.sections.contains(Section::Health)) {
            out.safetyFactors << u"Alcohol or drug use affects fire safety: "_s + answer(r.safety.substanceUse);
            out.safetyFactors << u"Difficulty getting out in a fire: "_s + answer(r.safety.mobilityDifficulty);
        }
        out.safetyFactors << u"Hoarding or blocked escape routes: "_s + answer(r.safety.hoardingOrBlockedEscape);
        out.safetyFactors << u"Working smoke alarm: "_s + answer(r.safety.workingSmokeAlarm);
        QString visit = u"Home fire safety visit: "_s + answer(r.safety.homeFireSafetyVisit);
        if (r.safety.homeFireSafetyVisitDate.isValid())
            visit += u", "_s + day(r.safety.homeFireSafetyVisitDate);
        out.safetyFactors << visit;
        out.safetyPlan = orNotRecorded(r.safetyPlan);
    }

    // What is left out, and why.
    if (inError > 0)
        out.leftOut << u"%1 not included."_s.arg(plural(inError, u"entry marked in error is"_s, u"entries marked in error are"_s));
    if (drafts > 0)
        out.leftOut << u"%1 not included: only final entries are."_s.arg(plural(drafts, u"draft is"_s, u"drafts are"_s));
    if (notes > 0)
        out.leftOut << u"%1 not included: this summary covers incident records only."_s.arg(plural(notes, u"general case note is"_s, u"general case notes are"_s));
    if (notChosen > 0)
        out.leftOut << u"%1 chosen for this summary (the minimum necessary for its purpose)."_s
                           .arg(plural(notChosen, u"incident was not"_s, u"incidents were not"_s));
    if (spent > 0)
        out.leftOut << u"%1 not included: the conviction is recorded as spent under the Rehabilitation of Offenders Act 1974, so it "
                       u"usually need not be disclosed. It is shared only when chosen."_s
                           .arg(plural(spent, u"incident is"_s, u"incidents are"_s));
    for (Section sec : {Section::Context, Section::ChangesSince, Section::Safety, Section::PersonsView})
        if (!q.sections.contains(sec))
            out.leftOut << u"%1: left out of this summary by its author."_s.arg(sectionTitle(sec));
    if (!q.sections.contains(Section::Health))
        out.leftOut << u"Health details recorded as answers (alcohol or drug use, difficulty getting out in a fire) are left out, as health "
                       u"information is shared only when the recipient needs it. Free text, such as what was going on at the time, is "
                       u"shared as written: read it for health details before sharing."_s;

    auto head = s.headHash();
    out.auditHead = head ? *head : QString();
    out.contentHash = summaryContentHash(out);
    auto signOffs = s.signOffs(out.person.id);
    if (!signOffs)
        return signOffs.error().message;
    out.signOff = signOffState(*signOffs, out.contentHash);
    return out;
}

bool includedByDefault(const record::Entry &incident)
{
    const record::IncidentRecord *r = incident.incident();
    return !r || !(r->legal.status == record::LegalStatus::Convicted && r->legal.spent == true);
}

// ---- HTML ---------------------------------------------------------------------------------------------

QString summaryHtml(const ReferralSummary &r)
{
    Html h(r.title);
    h.heading(1, r.title);
    QString about = r.person.name;
    QStringList extra;
    if (!r.person.otherNames.isEmpty())
        extra << u"also known as "_s + r.person.otherNames.join(u", "_s);
    if (r.person.dateOfBirth.isValid())
        extra << u"born "_s + day(r.person.dateOfBirth);
    if (!extra.isEmpty())
        about += u" ("_s + extra.join(u"; "_s) + u')';
    h.definitions({{u"About"_s, about},
                   {u"For"_s, r.recipient},
                   {u"Purpose"_s, r.purpose},
                   {u"Consent or lawful basis"_s, r.basis},
                   {u"Prepared by"_s, store::actorDisplay(r.author)},
                   {u"Date"_s, record::ukDateTime(r.generatedAt)}});
    if (!r.signOff.text.isEmpty())
        h.definitions({{u"Sign-off"_s, r.signOff.text}});
    h.paragraph(u"This summary is built from the structured facts of the case file, not from opinions. Each incident says when it "
                u"happened, how we know, what came of it, and whether the person disputes it. Ask the author for the source entries "
                u"listed under Sources."_s, u"note"_s);

    h.heading(2, u"In short"_s);
    h.paragraph(r.inShort);

    if (!r.incidents.empty()) {
        h.heading(2, u"Incidents"_s);
        std::vector<QStringList> rows;
        for (const IncidentRow &i : r.incidents)
            rows.push_back({i.when, i.type, i.setting, i.harm, i.outcome, i.disputed});
        h.table({u"When"_s, u"What"_s, u"Where"_s, u"Harm"_s, u"Outcome"_s, u"Disputed by the person?"_s}, rows);
        for (const IncidentRow &i : r.incidents) {
            h.heading(3, i.when + u" — "_s + i.type);
            std::vector<std::pair<QString, QString>> defs{{u"What happened"_s, i.description}};
            if (!i.context.isEmpty())
                defs.push_back({u"What was going on at the time"_s, i.context});
            defs.insert(defs.end(), {{u"Where"_s, i.setting},
                                     {u"Harm"_s, i.harm},
                                     {u"Fire and rescue service"_s, i.fireService},
                                     {u"Outcome"_s, i.outcome},
                                     {u"How we know"_s, i.source},
                                     {u"Checked with the source?"_s, i.verification},
                                     {u"Does the person dispute it?"_s, i.disputed},
                                     {u"Recorded by"_s, i.writtenBy}});
            h.definitions(defs);
        }
    }

    if (r.sections.contains(Section::ChangesSince) && !r.changes.empty()) {
        h.heading(2, u"What has changed since"_s);
        for (const ChangeSince &c : r.changes) {
            h.heading(3, u"Since the incident "_s + c.when);
            h.paragraph(c.text);
            if (!c.interventions.isEmpty())
                h.list(c.interventions);
        }
    }
    if (r.sections.contains(Section::Safety) && !r.safetyFactors.isEmpty()) {
        h.heading(2, u"Current fire-safety factors and the safety plan"_s);
        h.paragraph(r.safetyFrom, u"note"_s);
        h.list(r.safetyFactors);
        h.heading(3, u"The agreed safety plan"_s);
        h.paragraph(r.safetyPlan);
    }
    if (r.sections.contains(Section::PersonsView) && !r.views.empty()) {
        h.heading(2, u"The person's view"_s);
        for (const PersonsView &v : r.views) {
            h.heading(3, u"About the incident "_s + v.when);
            if (!v.words.isEmpty())
                h.quote(v.words);
            else
                h.paragraph(u"Their account: "_s + v.status + (v.reason.isEmpty() ? QString() : u" — "_s + v.reason) + u'.');
            h.paragraph(u"Do they dispute the record? "_s + v.disputes + u'.');
        }
    }
    h.heading(2, u"What this summary leaves out"_s);
    if (r.leftOut.isEmpty())
        h.paragraph(u"Nothing: every final incident record of this person is included."_s);
    else
        h.list(r.leftOut);
    h.heading(2, u"Sources"_s);
    std::vector<QStringList> rows;
    for (const SourceRef &src : r.sources)
        rows.push_back({src.entryId, QString::number(src.revision), src.writtenBy});
    if (!rows.empty())
        h.table({u"Entry"_s, u"Revision"_s, u"Written by"_s}, rows);
    else
        h.paragraph(u"No entry is included."_s);
    // The proof that these are the entries as written is for whoever holds the case file, not for the reader
    // of the referral: short, at the end, and in small print.
    h.heading(2, u"Technical appendix: checking this summary"_s);
    h.paragraph(u"For the service that holds the case file. Each entry above is identified by the SHA-256 hash of its revision; the "
                u"case file's audit trail ended with the hash below when this summary was made."_s,
                u"note"_s);
    std::vector<QStringList> hashes;
    for (const SourceRef &src : r.sources)
        hashes.push_back({src.entryId + u" rev. "_s + QString::number(src.revision), src.hash});
    hashes.push_back({u"Audit trail (%1)"_s.arg(r.caseFileName), r.auditHead});
    h.table({u"What"_s, u"SHA-256"_s}, hashes, u"sources"_s);
    h.paragraph(u"To check: fairnote-cli verify --db %1 --expect %2"_s.arg(r.caseFileName, r.auditHead.left(16)), u"note"_s);
    return h.finish();
}

// ---- JSON ---------------------------------------------------------------------------------------------

QJsonObject summaryJson(const ReferralSummary &r)
{
    QJsonArray incidents;
    for (const IncidentRow &i : r.incidents)
        incidents.append(QJsonObject{{u"entry"_s, i.entryId}, {u"revision"_s, i.revision}, {u"hash"_s, i.hash}, {u"when"_s, i.when},
                                     {u"type"_s, i.type}, {u"setting"_s, i.setting}, {u"what_happened"_s, i.description},
                                     {u"context"_s, i.context.isEmpty() ? QJsonValue() : QJsonValue(i.context)}, {u"harm"_s, i.harm},
                                     {u"fire_service"_s, i.fireService}, {u"outcome"_s, i.outcome}, {u"source"_s, i.source},
                                     {u"verification"_s, i.verification}, {u"disputed"_s, i.disputed}, {u"written_by"_s, i.writtenBy}});
    QJsonArray changes;
    for (const ChangeSince &c : r.changes)
        changes.append(QJsonObject{{u"entry"_s, c.entryId}, {u"when"_s, c.when}, {u"text"_s, c.text},
                                   {u"interventions"_s, QJsonArray::fromStringList(c.interventions)}});
    QJsonArray views;
    for (const PersonsView &v : r.views)
        views.append(QJsonObject{{u"entry"_s, v.entryId}, {u"when"_s, v.when}, {u"status"_s, v.status}, {u"words"_s, v.words},
                                 {u"reason"_s, v.reason}, {u"disputes"_s, v.disputes}});
    QJsonArray sections;
    for (Section s : {Section::Context, Section::ChangesSince, Section::Safety, Section::PersonsView, Section::Health})
        if (r.sections.contains(s))
            sections.append(sectionId(s));
    QJsonArray sources;
    for (const SourceRef &s : r.sources)
        sources.append(QJsonObject{{u"entry"_s, s.entryId}, {u"revision"_s, s.revision}, {u"hash"_s, s.hash}, {u"written_by"_s, s.writtenBy}});
    QJsonObject safety;
    if (!r.safetyFactors.isEmpty())
        safety = QJsonObject{{u"from"_s, r.safetyFrom}, {u"factors"_s, QJsonArray::fromStringList(r.safetyFactors)}, {u"plan"_s, r.safetyPlan}};
    return QJsonObject{
        {u"format"_s, u"fairnote-referral-summary"_s},
        {u"version"_s, 1},
        {u"title"_s, r.title},
        {u"person"_s, QJsonObject{{u"id"_s, r.person.id}, {u"name"_s, r.person.name},
                                  {u"other_names"_s, QJsonArray::fromStringList(r.person.otherNames)},
                                  {u"date_of_birth"_s, r.person.dateOfBirth.isValid() ? QJsonValue(r.person.dateOfBirth.toString(Qt::ISODate)) : QJsonValue()}}},
        {u"generated_at"_s, r.generatedAt.toString(Qt::ISODate)},
        {u"author"_s, QJsonObject{{u"name"_s, r.author.name}, {u"role"_s, r.author.role}, {u"organisation"_s, r.author.organisation}}},
        {u"purpose"_s, r.purpose},
        {u"recipient"_s, r.recipient},
        {u"basis"_s, r.basis},
        {u"sections"_s, sections},
        {u"in_short"_s, r.inShort},
        {u"incidents"_s, incidents},
        {u"changes_since"_s, changes},
        {u"safety"_s, safety.isEmpty() ? QJsonValue() : QJsonValue(safety)},
        {u"persons_view"_s, views},
        {u"left_out"_s, QJsonArray::fromStringList(r.leftOut)},
        {u"sources"_s, sources},
        {u"case_file"_s, r.caseFileName},
        {u"audit_head"_s, r.auditHead},
        {u"content_hash"_s, r.contentHash},
        {u"sign_off"_s, r.signOff.state.isEmpty()
                            ? QJsonValue()
                            : QJsonValue(QJsonObject{{u"state"_s, r.signOff.state}, {u"request"_s, r.signOff.request},
                                                     {u"by"_s, store::actorDisplay(r.signOff.by)}, {u"at"_s, r.signOff.at.toString(Qt::ISODate)},
                                                     {u"comment"_s, r.signOff.comment}, {u"text"_s, r.signOff.text}})},
    };
}

QString summaryContentHash(const ReferralSummary &r)
{
    QJsonArray sections, sources;
    for (Section s : {Section::Context, Section::ChangesSince, Section::Safety, Section::PersonsView, Section::Health})
        if (r.sections.contains(s))
            sections.append(sectionId(s));
    for (const SourceRef &s : r.sources)
        sources.append(QJsonArray{s.entryId, s.revision, s.hash});
    // A JSON array keeps its order and QJsonDocument writes it the same way every time.
    const QJsonArray content{u"fairnote-referral-summary/1"_s, r.person.id, r.purpose, r.recipient, r.basis, sections, sources};
    return QString::fromLatin1(QCryptographicHash::hash(QJsonDocument(content).toJson(QJsonDocument::Compact), QCryptographicHash::Sha256).toHex());
}

QJsonObject summaryRequestJson(const ReferralSummary &r)
{
    QJsonArray sections, entries;
    for (Section s : {Section::Context, Section::ChangesSince, Section::Safety, Section::PersonsView, Section::Health})
        if (r.sections.contains(s))
            sections.append(sectionId(s));
    for (const IncidentRow &i : r.incidents)
        entries.append(i.entryId);
    return QJsonObject{{u"person"_s, r.person.id}, {u"purpose"_s, r.purpose},   {u"recipient"_s, r.recipient},
                       {u"consent"_s, r.consent},  {u"lawful_basis"_s, r.lawfulBasis}, {u"entries"_s, entries},
                       {u"sections"_s, sections}};
}

Result<SummaryRequest, QString> summaryRequestFromJson(const QJsonObject &json)
{
    SummaryRequest q;
    q.personId = json.value(u"person"_s).toString();
    q.purpose = json.value(u"purpose"_s).toString();
    q.recipient = json.value(u"recipient"_s).toString();
    q.consent = json.value(u"consent"_s).toBool();
    q.lawfulBasis = json.value(u"lawful_basis"_s).toString();
    if (q.personId.isEmpty() || !json.value(u"entries"_s).isArray() || !json.value(u"sections"_s).isArray())
        return u"The summary this request was made for cannot be read back (its description is incomplete)."_s;
    for (const QJsonValue &v : json.value(u"entries"_s).toArray())
        q.entryIds << v.toString();
    q.sections.clear();
    for (const QJsonValue &v : json.value(u"sections"_s).toArray()) {
        Section s;
        if (!sectionFromId(v.toString(), &s))
            return u"The summary this request was made for names an unknown section “%1”."_s.arg(v.toString());
        q.sections.insert(s);
    }
    return q;
}

Result<ReferralSummary, QString> summaryForSignOff(store::Store &s, const store::SignOff &request)
{
    if (request.subject != u"summary")
        return u"Sign-off request %1 is for an entry, not a summary."_s.arg(request.id);
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(request.document.toUtf8(), &error);
    if (error.error != QJsonParseError::NoError || !doc.isObject())
        return u"The summary sign-off request %1 was asked for cannot be read back."_s.arg(request.id);
    auto q = summaryRequestFromJson(doc.object());
    if (!q)
        return q.error();
    q->author = request.requestedBy;
    q->now = QDateTime::currentDateTimeUtc();
    auto summary = buildSummary(s, *q);
    if (!summary)
        return u"The summary cannot be made again as it was asked for: %1"_s.arg(summary.error());
    return summary;
}

store::StoreResult<qint64> requestSummarySignOff(store::Store &s, const ReferralSummary &r, const QString &comment, const store::Actor &actor)
{
    return s.requestSignOff(u"summary"_s, r.person.id, {}, r.contentHash,
                            QString::fromUtf8(QJsonDocument(summaryRequestJson(r)).toJson(QJsonDocument::Compact)), comment, actor);
}

std::vector<TextFindings> checkSummaryText(const ReferralSummary &r, const wording::Checker &checker)
{
    std::vector<TextFindings> out;
    auto check = [&](const QString &where, const QString &text) {
        if (text.trimmed().isEmpty() || text == u"Not recorded")
            return;
        TextFindings tf{where, text, checker.check(text)};
        if (!tf.findings.empty())
            out.push_back(std::move(tf));
    };
    for (const IncidentRow &i : r.incidents) {
        check(u"The incident %1 — what happened"_s.arg(i.whenInText), i.description);
        check(u"The incident %1 — what was going on at the time"_s.arg(i.whenInText), i.context);
    }
    for (const ChangeSince &c : r.changes)
        check(u"Since the incident %1"_s.arg(c.when), c.text);
    check(u"The agreed safety plan"_s, r.safetyPlan);
    // The person's own words are theirs, and are never checked.
    return out;
}

store::StoreResult<qint64> recordSummaryExport(store::Store &s, const ReferralSummary &r, const QString &format, const QString &destination)
{
    QJsonArray entries;
    for (const SourceRef &src : r.sources)
        entries.append(QJsonObject{{u"entry"_s, src.entryId}, {u"revision"_s, src.revision}, {u"hash"_s, src.hash}});
    return s.logEvent(r.author, store::audit::ExportSummary.toString(), r.person.id, {},
                      QJsonObject{{u"document"_s, u"referral summary"_s}, {u"format"_s, format}, {u"destination"_s, destination},
                                  {u"purpose"_s, r.purpose}, {u"recipient"_s, r.recipient}, {u"basis"_s, r.basis}, {u"entries"_s, entries}});
}

} // namespace fairnote::report
