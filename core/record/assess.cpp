// SPDX-FileCopyrightText: 2026 Fairnote contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// The prompt rules. Each is a small function over one entry; the word lists they use are data
// (resources/record/en-GB/assessment.json), matched with the wording checker's machinery.
#include "record/assess.h"

#include "json/strictjson.h"
#include "record/describe.h"
#include "record/enums.h"
#include "text/utf8.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLocale>

using namespace Qt::StringLiterals;

namespace fairnote::record {

std::size_t Assessment::findingCount() const
{
    std::size_t n = 0;
    for (const auto &f : findings)
        n += f.findings.size();
    return n;
}

QStringList namesIn(const CaseFile &cf)
{
    QStringList names{cf.person.name};
    names += cf.person.otherNames;
    for (const Entry &e : cf.entries) {
        names += e.peoplePresent;
        names << e.author.name;
    }
    names.removeAll(QString());
    names.removeDuplicates();
    return names;
}

QString describeDuration(qint64 days)
{
    if (days < 0)
        return u"in the future"_s;
    if (days < 14)
        return days == 1 ? u"1 day"_s : u"%1 days"_s.arg(days);
    if (days < 61)
        return u"%1 weeks"_s.arg(days / 7);
    const qint64 months = days * 12 / 365;
    const qint64 years = months / 12, rest = months % 12;
    auto unit = [](qint64 n, const QString &one, const QString &many) -> QString { return n == 1 ? u"1 "_s + one : u"%1 "_s.arg(n) + many; };
    if (years == 0)
        return unit(months, u"month"_s, u"months"_s);
    if (rest == 0)
        return unit(years, u"year"_s, u"years"_s);
    return unit(years, u"year"_s, u"years"_s) + u" and "_s + unit(rest, u"month"_s, u"months"_s);
}

std::optional<TimeSince> timeSince(const EventDate &date, const QDateTime &now)
{
    const QDateTime latest = date.latest();
    if (!latest.isValid())
        return std::nullopt;
    const qint64 days = std::max<qint64>(0, latest.daysTo(now));
    const auto precision = date.precision.value_or(DatePrecision::Unknown);
    const bool exact = precision == DatePrecision::Exact || precision == DatePrecision::Day;
    TimeSince out;
    out.when = date.phrase(); // "on 2 August 2025 at 23:40", "in 2021", "between …"
    out.ago = (exact ? QString() : u"at least "_s) + describeDuration(days);
    return out;
}

QString latestIncidentText(const EventDate &date, const QDateTime &now)
{
    if (const auto since = timeSince(date, now))
        return u"%1, %2 ago"_s.arg(since->when, since->ago);
    return date.precision ? date.phrase() : u"on a date that is not known"_s;
}

// ---- AssessmentRules -------------------------------------------------------------------------

Result<std::shared_ptr<const AssessmentRules>, QString> AssessmentRules::load(const wording::Language &language)
{
    const QString path = u":/fairnote/record/en-GB/assessment.json"_s;
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return u"%1: the embedded assessment data is missing (a build problem)"_s.arg(path);
    auto parsed = json::parseObject(f.readAll(), u"expected one JSON object"_s);
    if (!parsed)
        return u"%1: not a valid assessment file: %2"_s.arg(path, parsed.error().toString());
    const QJsonObject root = *parsed;
    if (root.value(u"kind"_s) != u"assessment"_s)
        return u"%1: not a valid assessment file: \"kind\" must be \"assessment\""_s.arg(path);

    auto rules = std::shared_ptr<AssessmentRules>(new AssessmentRules);
    wording::RulePack legal;
    legal.language = language;
    for (const QJsonValue &v : root.value(u"legal_terms"_s).toArray()) {
        const QJsonObject o = v.toObject();
        LegalTerm term{o.value(u"id"_s).toString(), {}, o.value(u"message"_s).toString(), o.value(u"question"_s).toString()};
        for (const QJsonValue &s : o.value(u"conflicts_with"_s).toArray()) {
            if (!enumFromId<LegalStatus>(s.toString()))
                return u"%1: legal term \"%2\": unknown legal status \"%3\""_s.arg(path, term.id, s.toString());
            term.conflictsWith << s.toString();
        }
        wording::Rule r;
        r.id = term.id;
        r.category = Category::Legal;
        for (const QJsonValue &p : o.value(u"patterns"_s).toArray()) {
            if (auto e = wording::expandPattern(p.toString()); !e)
                return u"%1: legal term \"%2\": pattern \"%3\": %4"_s.arg(path, term.id, p.toString(), e.error());
            r.patterns << p.toString();
        }
        legal.rules.push_back(r);
        rules->m_terms.push_back(term);
    }
    std::sort(legal.rules.begin(), legal.rules.end(), [](const auto &a, const auto &b) { return a.id < b.id; });
    wording::RulePack risk;
    risk.language = language;
    wording::Rule r;
    r.id = u"risk"_s;
    for (const QJsonValue &p : root.value(u"risk_terms"_s).toArray()) {
        if (auto e = wording::expandPattern(p.toString()); !e)
            return u"%1: risk term \"%2\": %3"_s.arg(path, p.toString(), e.error());
        r.patterns << p.toString();
    }
    risk.rules.push_back(r);
    rules->m_legal = std::make_unique<wording::Checker>(std::move(legal));
    rules->m_risk = std::make_unique<wording::Checker>(std::move(risk));
    return std::shared_ptr<const AssessmentRules>(std::move(rules));
}

const AssessmentRules::LegalTerm *AssessmentRules::legalTerm(QStringView id) const
{
    for (const auto &t : m_terms)
        if (t.id == id)
            return &t;
    return nullptr;
}

// ---- assess() --------------------------------------------------------------------------------

namespace {

class EntryAssessor
{
public:
    EntryAssessor(const Entry &e, int index, const QDateTime &now, const AssessOptions &o, Assessment &out)
        : m_e(e), m_index(index), m_base(u"/entries/"_s + QString::number(index)), m_now(now), m_options(o), m_out(out)
    {
    }

    void prompt(const QString &field, const QString &code, Severity s, const QString &message, const QString &question)
    {
        m_out.prompts.push_back({m_index, m_e.id, m_base + field, code, s, message, question});
    }

    // A field nobody answered. "Unknown" is an answer; a blank is not.
    template <typename T>
    void required(const std::optional<T> &value, const QString &field, const QString &what, const QString &question)
    {
        if (!value)
            prompt(field, u"blank"_s, Severity::Warning, u"%1 has not been answered. “Unknown” is an answer; a blank is not."_s.arg(what), question);
    }
    void requiredText(const QString &value, const QString &field, const QString &what, const QString &question)
    {
        if (value.trimmed().isEmpty())
            prompt(field, u"blank"_s, Severity::Warning, u"%1 is empty."_s.arg(what), question);
    }

    void texts(const QString &field, const QString &text)
    {
        if (text.trimmed().isEmpty())
            return;
        FieldFindings ff{m_index, m_e.id, m_base + field, text, {}};
        for (const TextCheck &check : m_options.textChecks)
            check(text, ff.findings);
        std::stable_sort(ff.findings.begin(), ff.findings.end(), [](const Finding &a, const Finding &b) { return a.offset < b.offset; });
        if (!ff.findings.empty())
            m_out.findings.push_back(std::move(ff));
    }

    void common()
    {
        texts(u"/late_entry_reason"_s, m_e.lateEntryReason);
        required(m_e.eventDate.precision, u"/event_date/precision"_s, u"When it happened"_s,
                 u"When did it happen? Give the date and time, or the day, month or year if that is all that is known, or choose “unknown”."_s);
        if (m_e.author.name.trimmed().isEmpty())
            prompt(u"/author/name"_s, u"blank"_s, Severity::Error, u"The entry has no author."_s, u"Who wrote this entry?"_s);
        const QDateTime latest = m_e.eventDate.latest();
        if (latest.isValid() && m_e.writtenAt.isValid()) {
            const qint64 seconds = latest.secsTo(m_e.writtenAt);
            if (m_e.eventDate.earliest() > m_e.writtenAt.addSecs(3600)) // an hour's grace for clocks
                prompt(u"/event_date"_s, u"event-after-writing"_s, Severity::Error,
                       u"The event date (%1) is after the time this entry was written."_s.arg(m_e.eventDate.display()),
                       u"Is the event date right?"_s);
            else if (seconds > m_options.lateEntryHours * 3600 && m_e.lateEntryReason.trimmed().isEmpty())
                prompt(u"/late_entry_reason"_s, u"late-entry"_s, Severity::Warning,
                       u"Late entry: written %1 after the event, with no reason given."_s
                           .arg(seconds < 2 * 86400 ? u"%1 hours"_s.arg(seconds / 3600) : describeDuration(seconds / 86400)),
                       u"Why is this being written now? (For example: “told about it on [date] by [whom]”.)"_s);
        }
    }

    void note(const GeneralNote &n)
    {
        requiredText(n.text, u"/note/text"_s, u"The note"_s, u"What happened, when, and who was there?"_s);
        texts(u"/note/text"_s, n.text);
    }

    void incident(const IncidentRecord &r)
    {
        const QString p = u"/incident"_s;
        required(r.type, p + u"/type"_s, u"The kind of incident"_s,
                 u"Was it deliberate fire-setting, an accidental fire, a threat, a fire of unknown cause, or an allegation not yet verified?"_s);
        if (r.type == IncidentType::Accidental)
            required(r.accidentalCause, p + u"/accidental_cause"_s, u"The cause of the accidental fire"_s,
                     u"What caused it: cooking, smoking, electrical, a candle, or something else?"_s);
        required(r.setting.type, p + u"/setting/type"_s, u"Where it happened"_s,
                 u"Where was it: their own room or flat, a hostel or supported housing, outdoors, a public building, a prison or hospital, or elsewhere?"_s);
        if (r.setting.type == SettingType::Other)
            requiredText(r.setting.detail, p + u"/setting/detail"_s, u"The description of the setting"_s, u"Where exactly?"_s);
        requiredText(r.whatHappened, p + u"/what_happened"_s, u"What happened"_s,
                     u"What happened? Describe what was seen and heard, in order, without conclusions."_s);
        harm(r, p + u"/harm"_s);
        source(r, p + u"/source"_s);
        legal(r, p + u"/legal"_s);
        datesAfterWriting(r, p);
        requiredText(r.context, p + u"/context"_s, u"The context"_s,
                     u"What was going on for the person at the time (for example distress, intoxication, conflict, an accident)? Write “not known” if it is not."_s);
        requiredText(r.changesSince, p + u"/changes_since"_s, u"What has changed since"_s,
                     u"What has changed since: support, treatment, a fire-setter programme, time without incident? Write “nothing yet” if nothing has."_s);
        safety(r.safety, p + u"/safety"_s);
        risk(r, p);
        account(r.ownAccount, p + u"/own_account"_s);

        texts(p + u"/what_happened"_s, r.whatHappened);
        texts(p + u"/context"_s, r.context);
        texts(p + u"/changes_since"_s, r.changesSince);
        texts(p + u"/safety_plan"_s, r.safetyPlan);
        // The worker's shorter descriptions are checked too: a label in a damage note travels as far.
        texts(p + u"/setting/detail"_s, r.setting.detail);
        texts(p + u"/harm/property_damage_detail"_s, r.harm.damageDetail);
        for (size_t i = 0; i < r.interventions.size(); ++i)
            texts(p + u"/interventions/%1/detail"_s.arg(i), r.interventions[i].detail);
        texts(p + u"/own_account/reason"_s, r.ownAccount.reason);
        // The person's own account is their words, verbatim: it is not checked for wording.
    }

private:
    // A date of something that has happened (an outcome, a conviction, a visit done, an intervention)
    // cannot be after the time of writing: it is a typing slip or a guess, and a record must not keep it.
    void datesAfterWriting(const IncidentRecord &r, const QString &p)
    {
        QDateTime reference = m_e.writtenAt.isValid() ? m_e.writtenAt : m_now;
        if (m_options.revisionWrittenAt.isValid() && m_options.revisionWrittenAt > reference)
            reference = m_options.revisionWrittenAt;
        const QDate written = reference.date();
        auto check = [&](const QDate &date, const QString &field, const QString &what, const QString &question) {
            if (date.isValid() && date > written)
                prompt(field, u"date-after-writing"_s, Severity::Error,
                       u"%1 (%2) is after the time this entry was written (%3)."_s.arg(what, ukDate(date), ukDate(written)), question);
        };
        check(r.legal.statusDate, p + u"/legal/status_date"_s, u"The date of the legal status"_s,
              u"Is the date right? An outcome is recorded once it has happened."_s);
        if (r.legal.status == LegalStatus::Convicted)
            check(r.legal.conviction.date, p + u"/legal/conviction/date"_s, u"The date of conviction"_s,
                  u"Is the date of conviction right?"_s);
        if (r.safety.homeFireSafetyVisit == VisitStatus::Completed)
            check(r.safety.homeFireSafetyVisitDate, p + u"/safety/home_fire_safety_visit_date"_s,
                  u"The date of the completed home fire safety visit"_s,
                  u"Is the date right? If the visit is booked but not done yet, record it as requested."_s);
        for (size_t i = 0; i < r.interventions.size(); ++i)
            check(r.interventions[i].date, p + u"/interventions/%1/date"_s.arg(i), u"The date of intervention %1"_s.arg(i + 1),
                  u"Is the date right? Record an intervention once it has started; a plan goes in the safety plan."_s);
    }

    static QString ukDate(const QDate &d) { return QLocale(QLocale::English, QLocale::UnitedKingdom).toString(d, u"d MMMM yyyy"_s); }

    void harm(const IncidentRecord &r, const QString &p)
    {
        required(r.harm.injury, p + u"/injury"_s, u"Injury"_s, u"Was anyone hurt: no one, the person, someone else, or is it unknown?"_s);
        required(r.harm.damage, p + u"/property_damage"_s, u"Damage to property"_s, u"Was there damage: none, minor, major, or unknown?"_s);
        if ((r.harm.damage == Damage::Minor || r.harm.damage == Damage::Major) && r.harm.damageDetail.trimmed().isEmpty())
            prompt(p + u"/property_damage_detail"_s, u"blank"_s, Severity::Info, u"The damage is not described."_s,
                   u"What was damaged, and how much (for example “a scorch mark about 10 cm wide on the carpet”)?"_s);
        required(r.harm.fireServiceAttended, p + u"/fire_service_attended"_s, u"Whether the fire and rescue service attended"_s,
                 u"Did the fire and rescue service attend?"_s);
        required(r.harm.evacuation, p + u"/evacuation"_s, u"Whether the building was evacuated"_s, u"Was anyone evacuated?"_s);
    }

    void source(const IncidentRecord &r, const QString &p)
    {
        const auto &s = r.source;
        required(s.type, p + u"/type"_s, u"How we know"_s,
                 u"How do we know: did you see it, did the person tell you, did someone else (who?), or is it from an official record or an earlier note?"_s);
        if (s.type == SourceType::Unknown)
            prompt(p + u"/type"_s, u"no-source"_s, Severity::Warning,
                   u"There is no source for this incident, so a reader cannot weigh it."_s,
                   u"Where did this come from? If it was passed on, by whom and when? If nobody knows, say that it is unverified."_s);
        if (s.type == SourceType::ThirdParty && s.thirdPartyRole.trimmed().isEmpty())
            prompt(p + u"/third_party_role"_s, u"no-source"_s, Severity::Warning, u"The third party is not named."_s,
                   u"Who told us? Give their role and organisation (for example “night manager at Elm House”)."_s);
        if (s.type == SourceType::OfficialRecord) {
            required(s.official, p + u"/official_body"_s, u"Which official record"_s, u"Whose record: police, fire service, probation, a court, a previous provider?"_s);
            if (s.reference.trimmed().isEmpty())
                prompt(p + u"/reference"_s, u"no-reference"_s, Severity::Warning, u"The official record has no reference."_s,
                       u"Which record? Give its reference and date (for example “FRS incident report 1234, 3 March 2024”)."_s);
        }
        if (s.type && s.type != SourceType::Unknown && s.type != SourceType::Observed)
            required(s.verification, p + u"/verification"_s, u"Whether the information is verified"_s,
                     u"Has it been verified with the source, is it unverified, or is it disputed?"_s);
    }

    void legal(const IncidentRecord &r, const QString &p)
    {
        const auto &l = r.legal;
        if (!l.status) {
            prompt(p + u"/status"_s, u"no-outcome"_s, Severity::Warning, u"The incident has no outcome recorded."_s,
                   u"What came of it: police not involved, an allegation, no further action, a caution, a charge, a conviction, an acquittal, or unknown?"_s);
        } else {
            if (l.status == LegalStatus::Convicted) {
                if (l.conviction.offence.trimmed().isEmpty() || !l.conviction.date.isValid() || l.conviction.court.trimmed().isEmpty())
                    prompt(p + u"/conviction"_s, u"conviction-details"_s, Severity::Warning,
                           u"A conviction is recorded without its offence, date and court."_s,
                           u"What was the offence, which court, on what date, and what was the sentence?"_s);
                if (!l.spent)
                    prompt(p + u"/spent"_s, u"spent-unconfirmed"_s, Severity::Info,
                           u"It is not recorded whether the conviction is spent."_s,
                           u"Is the conviction spent under the Rehabilitation of Offenders Act 1974? A spent conviction usually need not be disclosed."_s);
            }
            if (l.status == LegalStatus::Caution && !l.spent)
                prompt(p + u"/spent"_s, u"spent-unconfirmed"_s, Severity::Info, u"It is not recorded whether the caution is spent."_s,
                       u"Is the caution spent? Most cautions are spent straight away or after three months."_s);
            const bool pending = l.status == LegalStatus::Charged || l.status == LegalStatus::Allegation;
            const QDate since = l.statusDate.isValid() ? l.statusDate : m_e.eventDate.latest().date();
            if (pending && since.isValid() && since.daysTo(m_now.date()) > m_options.outcomePendingDays)
                prompt(p + u"/status"_s, u"outcome-pending"_s, Severity::Info,
                       u"The status is still “%1” after %2."_s.arg(title(*l.status), describeDuration(since.daysTo(m_now.date()))),
                       u"Is there an outcome now? If the case has ended, record it and its date."_s);
        }
        if (!m_options.rules || !l.status)
            return;
        // Words in the narrative that outrun or contradict the legal status. The data names statuses
        // by id; the message shows the title the worker chose from ("No further action").
        const QString status = enumId(*l.status);
        const QString statusTitle = title(*l.status);
        for (const auto &[field, text] : {std::pair{u"/what_happened"_s, r.whatHappened}, std::pair{u"/context"_s, r.context},
                                          std::pair{u"/changes_since"_s, r.changesSince}}) {
            QStringList seen;
            for (const Finding &f : m_options.rules->legalChecker().check(text)) {
                const auto *term = m_options.rules->legalTerm(f.ruleId);
                if (!term || !term->conflictsWith.contains(status) || seen.contains(f.ruleId))
                    continue;
                seen << f.ruleId;
                prompt(u"/incident"_s + field, u"legal-contradiction"_s, Severity::Warning,
                       QString(term->message).replace(u"{status}"_s, statusTitle) + u" (“%1”)"_s.arg(text.mid(f.offset, f.length)),
                       term->question);
            }
        }
    }

    void safety(const SafetyFactors &s, const QString &p)
    {
        const QString ask = u"Answer yes, no or unknown."_s;
        required(s.smoking, p + u"/smoking"_s, u"Whether the person smokes"_s, u"Does the person smoke? "_s + ask);
        required(s.substanceUse, p + u"/substance_use"_s, u"Substance use"_s, u"Does alcohol or drug use affect fire safety? "_s + ask);
        required(s.mobilityDifficulty, p + u"/mobility_difficulty"_s, u"Mobility"_s, u"Would the person have difficulty getting out in a fire? "_s + ask);
        required(s.hoardingOrBlockedEscape, p + u"/hoarding_or_blocked_escape"_s, u"Hoarding or blocked escape routes"_s,
                 u"Are escape routes blocked, or is there hoarding? "_s + ask);
        required(s.workingSmokeAlarm, p + u"/working_smoke_alarm"_s, u"A working smoke alarm"_s, u"Is there a working smoke alarm? "_s + ask);
        required(s.homeFireSafetyVisit, p + u"/home_fire_safety_visit"_s, u"A home fire safety visit"_s,
                 u"Has a home fire safety visit been requested or done? When?"_s);
        if ((s.homeFireSafetyVisit == VisitStatus::Requested || s.homeFireSafetyVisit == VisitStatus::Completed)
            && !s.homeFireSafetyVisitDate.isValid())
            prompt(p + u"/home_fire_safety_visit_date"_s, u"blank"_s, Severity::Info, u"The home fire safety visit has no date."_s,
                   u"When was it requested or done?"_s);
    }

    void risk(const IncidentRecord &r, const QString &p)
    {
        if (!r.safetyPlan.trimmed().isEmpty())
            return;
        bool describesRisk = false;
        if (m_options.rules)
            describesRisk = !m_options.rules->riskChecker().check(r.whatHappened).empty()
                            || !m_options.rules->riskChecker().check(r.context).empty();
        if (describesRisk)
            prompt(p + u"/safety_plan"_s, u"risk-without-steps"_s, Severity::Warning,
                   u"A risk is described, but no steps taken or agreed are recorded."_s,
                   u"What has been done or agreed about it, by whom, and when will it be reviewed?"_s);
        else
            prompt(p + u"/safety_plan"_s, u"blank"_s, Severity::Warning, u"The safety plan is empty."_s,
                   u"What has been agreed to keep the person and others safe from fire? Write “none needed” and why, if none is."_s);
    }

    void account(const OwnAccount &a, const QString &p)
    {
        if (!a.status) {
            prompt(p + u"/status"_s, u"blank"_s, Severity::Warning, u"The person's own account has not been recorded or explained."_s,
                   u"Has the person been asked for their account? If so, record their words; if not, why not?"_s);
            return;
        }
        if ((a.status == AccountStatus::NotYetAsked || a.status == AccountStatus::NotPossible) && a.reason.trimmed().isEmpty())
            prompt(p + u"/reason"_s, u"account-no-reason"_s, Severity::Warning,
                   u"The person has not been asked for their account, and no reason is given."_s,
                   u"Why has the person not been asked, and when will they be?"_s);
        if (a.status == AccountStatus::Asked && a.text.trimmed().isEmpty())
            prompt(p + u"/text"_s, u"account-missing-words"_s, Severity::Warning, u"The person was asked, but their words are not recorded."_s,
                   u"What did they say? Record it in their own words, in quotation marks."_s);
        if (a.status == AccountStatus::Asked)
            required(a.disputesRecord, p + u"/disputes_record"_s, u"Whether the person disputes the record"_s,
                     u"Does the person dispute what is recorded? Yes, no or unknown."_s);
    }

    const Entry &m_e;
    int m_index;
    QString m_base;
    QDateTime m_now;
    const AssessOptions &m_options;
    Assessment &m_out;
};

} // namespace

Assessment assess(const CaseFile &cf, const QDateTime &now, const AssessOptions &options)
{
    Assessment out;
    if (cf.person.name.trimmed().isEmpty())
        out.prompts.push_back({-1, QString(), u"/person/name"_s, u"blank"_s, Severity::Error, u"The case file has no person's name."_s,
                               u"Whose case file is this?"_s});
    if (cf.person.dateOfBirth.isValid() && cf.person.dateOfBirth > now.date())
        out.prompts.push_back({-1, QString(), u"/person/date_of_birth"_s, u"date-after-writing"_s, Severity::Error,
                               u"The date of birth (%1) is after today (%2)."_s.arg(
                                   QLocale(QLocale::English, QLocale::UnitedKingdom).toString(cf.person.dateOfBirth, u"d MMMM yyyy"_s),
                                   QLocale(QLocale::English, QLocale::UnitedKingdom).toString(now.date(), u"d MMMM yyyy"_s)),
                               u"Is the date of birth right? Leave it out if it is not known."_s});
    for (size_t i = 0; i < cf.entries.size(); ++i) {
        const Entry &e = cf.entries[i];
        EntryAssessor a(e, int(i), now, options, out);
        a.common();
        if (const IncidentRecord *r = e.incident())
            a.incident(*r);
        else
            a.note(std::get<GeneralNote>(e.body));

        if (e.isIncident()) {
            const QDateTime latest = e.eventDate.latest();
            if (latest.isValid()) {
                const qint64 days = latest.date().daysTo(now.date());
                if (!out.sinceLastIncident || days < out.sinceLastIncident->days)
                    out.sinceLastIncident = TimeSinceIncident{e.id, days, describeDuration(days)};
            }
        }
    }
    return out;
}

} // namespace fairnote::record
