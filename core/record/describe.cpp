// SPDX-FileCopyrightText: 2026 Fairnote contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// Plain-English titles of record values and one-line summaries of entries.
#include "record/describe.h"

#include "record/assess.h"

#include <QLocale>
#include <QRegularExpression>
#include <QStringList>
#include <QTimeZone>
#include <algorithm>
#include <map>

using namespace Qt::StringLiterals;

namespace fairnote::record {

QString title(DatePrecision v)
{
    switch (v) {
    case DatePrecision::Exact: return u"Exact date and time"_s;
    case DatePrecision::Day: return u"Day"_s;
    case DatePrecision::Month: return u"Month"_s;
    case DatePrecision::Year: return u"Year"_s;
    case DatePrecision::Range: return u"Between two dates"_s;
    case DatePrecision::Unknown: return u"Unknown"_s;
    }
    return {};
}

QString title(IncidentType v)
{
    switch (v) {
    case IncidentType::Deliberate: return u"Deliberate fire-setting"_s;
    case IncidentType::Accidental: return u"Accidental fire"_s;
    case IncidentType::Threat: return u"Threat to set a fire"_s;
    case IncidentType::UnknownCause: return u"Fire of unknown cause"_s;
    case IncidentType::Alleged: return u"Alleged, not verified"_s;
    }
    return {};
}

QString title(AccidentalCause v)
{
    switch (v) {
    case AccidentalCause::Cooking: return u"Cooking"_s;
    case AccidentalCause::Smoking: return u"Smoking"_s;
    case AccidentalCause::Electrical: return u"Electrical"_s;
    case AccidentalCause::Candle: return u"Candle"_s;
    case AccidentalCause::Other: return u"Other"_s;
    case AccidentalCause::Unknown: return u"Unknown"_s;
    }
    return {};
}

QString title(SettingType v)
{
    switch (v) {
    case SettingType::OwnHome: return u"Own room or flat"_s;
    case SettingType::Hostel: return u"Hostel or supported housing"_s;
    case SettingType::Street: return u"Street or outdoors"_s;
    case SettingType::PublicBuilding: return u"Public building"_s;
    case SettingType::Institution: return u"Prison or hospital"_s;
    case SettingType::Other: return u"Other"_s;
    case SettingType::Unknown: return u"Unknown"_s;
    }
    return {};
}

QString title(Injury v)
{
    switch (v) {
    case Injury::None: return u"No injury"_s;
    case Injury::ToPerson: return u"Injury to the person"_s;
    case Injury::ToOthers: return u"Injury to others"_s;
    case Injury::Unknown: return u"Unknown"_s;
    }
    return {};
}

QString title(Damage v)
{
    switch (v) {
    case Damage::None: return u"No damage"_s;
    case Damage::Minor: return u"Minor damage"_s;
    case Damage::Major: return u"Major damage"_s;
    case Damage::Unknown: return u"Unknown"_s;
    }
    return {};
}

QString title(YesNoUnknown v)
{
    switch (v) {
    case YesNoUnknown::Yes: return u"Yes"_s;
    case YesNoUnknown::No: return u"No"_s;
    case YesNoUnknown::Unknown: return u"Unknown"_s;
    }
    return {};
}

QString title(SourceType v)
{
    switch (v) {
    case SourceType::Observed: return u"Seen by the author"_s;
    case SourceType::OwnAccount: return u"The person's own account"_s;
    case SourceType::ThirdParty: return u"Someone else (third party)"_s;
    case SourceType::OfficialRecord: return u"An official record"_s;
    case SourceType::EarlierNote: return u"An earlier note"_s;
    case SourceType::Unknown: return u"Unknown"_s;
    }
    return {};
}

QString title(OfficialBody v)
{
    switch (v) {
    case OfficialBody::Police: return u"Police"_s;
    case OfficialBody::FireService: return u"Fire and rescue service"_s;
    case OfficialBody::Probation: return u"Probation"_s;
    case OfficialBody::Court: return u"Court"_s;
    case OfficialBody::PreviousProvider: return u"Previous provider"_s;
    case OfficialBody::Other: return u"Other"_s;
    case OfficialBody::Unknown: return u"Unknown"_s;
    }
    return {};
}

QString title(Verification v)
{
    switch (v) {
    case Verification::Verified: return u"Verified"_s;
    case Verification::Unverified: return u"Not verified"_s;
    case Verification::Disputed: return u"Disputed"_s;
    case Verification::Unknown: return u"Unknown"_s;
    }
    return {};
}

QString title(LegalStatus v)
{
    switch (v) {
    case LegalStatus::None: return u"No legal action"_s;
    case LegalStatus::PoliceNotInvolved: return u"Police not involved"_s;
    case LegalStatus::Allegation: return u"Allegation only"_s;
    case LegalStatus::NoFurtherAction: return u"No further action"_s;
    case LegalStatus::Caution: return u"Caution"_s;
    case LegalStatus::Charged: return u"Charged, outcome pending"_s;
    case LegalStatus::Convicted: return u"Convicted"_s;
    case LegalStatus::Acquitted: return u"Acquitted"_s;
    case LegalStatus::Unknown: return u"Unknown"_s;
    }
    return {};
}

QString title(InterventionType v)
{
    switch (v) {
    case InterventionType::FireSetterProgramme: return u"Fire-setter programme"_s;
    case InterventionType::Treatment: return u"Treatment"_s;
    case InterventionType::Engagement: return u"Engagement with support"_s;
    case InterventionType::HomeFireSafetyVisit: return u"Home fire safety visit"_s;
    case InterventionType::Other: return u"Other"_s;
    }
    return {};
}

QString title(VisitStatus v)
{
    switch (v) {
    case VisitStatus::NotNeeded: return u"Not needed"_s;
    case VisitStatus::Requested: return u"Requested"_s;
    case VisitStatus::Completed: return u"Completed"_s;
    case VisitStatus::Declined: return u"Declined"_s;
    case VisitStatus::Unknown: return u"Unknown"_s;
    }
    return {};
}

QString title(AccountStatus v)
{
    switch (v) {
    case AccountStatus::Asked: return u"Asked"_s;
    case AccountStatus::Declined: return u"Declined to give one"_s;
    case AccountStatus::NotYetAsked: return u"Not yet asked"_s;
    case AccountStatus::NotPossible: return u"Not possible to ask"_s;
    case AccountStatus::Unknown: return u"Unknown"_s;
    }
    return {};
}

namespace {
QString firstLine(const QString &text, int max)
{
    QString line = text.section(u'\n', 0, 0).simplified();
    if (line.isEmpty())
        line = text.simplified();
    if (line.size() > max) {
        line.truncate(max);
        const qsizetype space = line.lastIndexOf(u' ');
        if (space > max / 2)
            line.truncate(space);
        line += u'…';
    }
    return line;
}
} // namespace

namespace {
// The kind of an incident as a noun phrase, singular or plural, without a capital.
QString kindNoun(const IncidentRecord &r, bool plural)
{
    const QString fire = plural ? u"fire incidents"_s : u"fire incident"_s;
    if (!r.type)
        return fire + u" (kind not recorded)"_s;
    switch (*r.type) {
    case IncidentType::Deliberate: return plural ? u"incidents of deliberate fire-setting"_s : u"incident of deliberate fire-setting"_s;
    case IncidentType::Accidental:
        if (!r.accidentalCause)
            return fire + u" (accidental)"_s;
        if (*r.accidentalCause == AccidentalCause::Unknown)
            return fire + u" (accidental, cause unknown)"_s;
        if (*r.accidentalCause == AccidentalCause::Other)
            return fire + u" (accidental, other cause)"_s;
        return fire + u" (accidental, %1)"_s.arg(title(*r.accidentalCause).toLower());
    case IncidentType::Threat: return plural ? u"threats to set a fire"_s : u"threat to set a fire"_s;
    case IncidentType::UnknownCause: return fire + u" (cause unknown)"_s;
    case IncidentType::Alleged:
        return plural ? u"allegations of fire-setting (not verified)"_s : u"allegation of fire-setting (not verified)"_s;
    }
    return fire;
}
} // namespace

QString incidentKind(const IncidentRecord &r)
{
    // As a title, deliberate fire-setting is named as the act, not as "an incident of" it.
    QString kind = r.type == IncidentType::Deliberate ? u"deliberate fire-setting"_s : kindNoun(r, false);
    kind[0] = kind[0].toUpper();
    return kind;
}

QString entryKind(const Entry &entry)
{
    const IncidentRecord *r = entry.incident();
    return r ? incidentKind(*r) : u"Case note"_s;
}

QString incidentsCounted(const std::vector<const IncidentRecord *> &incidents)
{
    std::vector<std::pair<QString, std::pair<int, const IncidentRecord *>>> groups; // by singular noun, in order met
    for (const IncidentRecord *r : incidents) {
        const QString key = kindNoun(*r, false);
        auto it = std::find_if(groups.begin(), groups.end(), [&](const auto &g) { return g.first == key; });
        if (it == groups.end())
            groups.push_back({key, {1, r}});
        else
            ++it->second.first;
    }
    QStringList parts;
    for (const auto &[key, counted] : groups)
        parts << u"%1 %2"_s.arg(counted.first).arg(kindNoun(*counted.second, counted.first != 1));
    if (parts.size() < 2)
        return parts.join(QString());
    const QString last = parts.takeLast();
    return parts.join(u", "_s) + u" and "_s + last;
}

namespace {
const QTimeZone &london()
{
    static const QTimeZone zone(QByteArrayLiteral("Europe/London"));
    return zone;
}
} // namespace

QString lateEntryText(qint64 seconds, const EventDate &date)
{
    const auto precision = date.precision.value_or(DatePrecision::Unknown);
    const bool exact = precision == DatePrecision::Exact || precision == DatePrecision::Day;
    const qint64 hours = seconds / 3600, days = seconds / 86400;
    QString gap;
    if (hours < 48)
        gap = hours == 1 ? u"1 hour"_s : u"%1 hours"_s.arg(hours);
    else if (days < 61)
        gap = u"%1 days"_s.arg(days);
    else
        gap = describeDuration(days); // "9 weeks", "1 year and 2 months"
    return (exact ? u"written %1 after the event"_s : u"written at least %1 after the event"_s).arg(gap);
}

QString ukDateTime(const QDateTime &moment)
{
    if (!moment.isValid())
        return {};
    const QLocale uk(QLocale::English, QLocale::UnitedKingdom);
    if (!london().isValid())
        return uk.toString(moment.toUTC(), u"d MMMM yyyy, HH:mm"_s) + u" UTC"_s;
    const QDateTime local = moment.toTimeZone(london());
    return uk.toString(local, u"d MMMM yyyy, HH:mm"_s) + u' ' + london().abbreviation(local);
}

QDate ukDate(const QDateTime &moment)
{
    if (!moment.isValid())
        return {};
    return london().isValid() ? moment.toTimeZone(london()).date() : moment.toUTC().date();
}

QString summaryLine(const Entry &entry)
{
    const IncidentRecord *r = entry.incident();
    if (!r) {
        const QString text = firstLine(std::get<GeneralNote>(entry.body).text, 120);
        return text.isEmpty() ? u"(empty note)"_s : text;
    }
    QStringList parts;
    parts << incidentKind(*r);
    if (r->setting.type)
        parts << (*r->setting.type == SettingType::Other && !r->setting.detail.isEmpty() ? r->setting.detail
                                                                                         : title(*r->setting.type).toLower());
    if (r->harm.injury && *r->harm.injury != Injury::Unknown)
        parts << title(*r->harm.injury).toLower();
    if (r->harm.fireServiceAttended == YesNoUnknown::Yes)
        parts << u"fire and rescue attended"_s;
    if (r->legal.status && *r->legal.status != LegalStatus::Unknown)
        parts << title(*r->legal.status).toLower();
    return parts.join(u" · "_s);
}

namespace {
QString textOr(const QString &s) { return s.trimmed().isEmpty() ? u"not answered"_s : s; }
QString dateOr(const QDate &d)
{
    return d.isValid() ? QLocale(QLocale::English, QLocale::UnitedKingdom).toString(d, u"d MMMM yyyy"_s) : u"not answered"_s;
}
QString spentText(const std::optional<bool> &spent)
{
    if (!spent)
        return u"not confirmed"_s;
    return *spent ? u"Yes, spent"_s : u"No, not spent"_s;
}
} // namespace

std::vector<FieldText> describeFields(const Entry &e)
{
    std::vector<FieldText> out;
    auto add = [&](const QString &section, const QString &label, const QString &value, const QString &pointer) {
        out.push_back({section, label, value, pointer});
    };
    const IncidentRecord *r = e.incident();
    if (r) {
        const QString what = u"What happened"_s;
        add(what, u"Type of incident"_s, titleOr(r->type), u"/incident/type"_s);
        if (r->type == IncidentType::Accidental)
            add(what, u"Cause"_s, titleOr(r->accidentalCause), u"/incident/accidental_cause"_s);
        add(what, u"What happened"_s, textOr(r->whatHappened), u"/incident/what_happened"_s);
    }
    const QString when = u"When and where"_s;
    add(when, u"Event date"_s, e.eventDate.display(), u"/event_date"_s);
    if (!e.lateEntryReason.isEmpty())
        add(when, u"Why it was written late"_s, e.lateEntryReason, u"/late_entry_reason"_s);
    if (r) {
        add(when, u"Setting"_s, titleOr(r->setting.type), u"/incident/setting/type"_s);
        if (!r->setting.detail.isEmpty())
            add(when, u"Where exactly"_s, r->setting.detail, u"/incident/setting/detail"_s);
    }
    add(when, u"People present"_s, e.peoplePresent.isEmpty() ? u"none recorded"_s : e.peoplePresent.join(u", "_s), u"/people_present"_s);
    if (!r) {
        add(u"Note"_s, u"Note"_s, textOr(std::get<GeneralNote>(e.body).text), u"/note/text"_s);
        return out;
    }
    const QString harm = u"Harm"_s;
    add(harm, u"Injury"_s, titleOr(r->harm.injury), u"/incident/harm/injury"_s);
    add(harm, u"Damage to property"_s, titleOr(r->harm.damage), u"/incident/harm/property_damage"_s);
    if (!r->harm.damageDetail.isEmpty())
        add(harm, u"Damage in detail"_s, r->harm.damageDetail, u"/incident/harm/property_damage_detail"_s);
    add(harm, u"Fire and rescue service attended"_s, titleOr(r->harm.fireServiceAttended), u"/incident/harm/fire_service_attended"_s);
    add(harm, u"Building evacuated"_s, titleOr(r->harm.evacuation), u"/incident/harm/evacuation"_s);
    const QString know = u"How we know"_s;
    add(know, u"Source"_s, titleOr(r->source.type), u"/incident/source/type"_s);
    if (!r->source.thirdPartyRole.isEmpty())
        add(know, u"Who told us"_s, r->source.thirdPartyRole, u"/incident/source/third_party_role"_s);
    if (r->source.official)
        add(know, u"Official record from"_s, title(*r->source.official), u"/incident/source/official_body"_s);
    add(know, u"Reference"_s, textOr(r->source.reference), u"/incident/source/reference"_s);
    add(know, u"Verification"_s, titleOr(r->source.verification), u"/incident/source/verification"_s);
    const QString outcome = u"Outcome"_s;
    add(outcome, u"Legal status"_s, titleOr(r->legal.status), u"/incident/legal/status"_s);
    if (r->legal.statusDate.isValid())
        add(outcome, u"Date of that status"_s, dateOr(r->legal.statusDate), u"/incident/legal/status_date"_s);
    if (r->legal.status == LegalStatus::Convicted) {
        add(outcome, u"Offence"_s, textOr(r->legal.conviction.offence), u"/incident/legal/conviction/offence"_s);
        add(outcome, u"Date of conviction"_s, dateOr(r->legal.conviction.date), u"/incident/legal/conviction/date"_s);
        add(outcome, u"Court"_s, textOr(r->legal.conviction.court), u"/incident/legal/conviction/court"_s);
        add(outcome, u"Sentence"_s, textOr(r->legal.conviction.sentence), u"/incident/legal/conviction/sentence"_s);
    }
    if (r->legal.status == LegalStatus::Convicted || r->legal.status == LegalStatus::Caution)
        add(outcome, u"Spent"_s, spentText(r->legal.spent), u"/incident/legal/spent"_s);
    const QString context = u"Context"_s;
    add(context, u"What was going on at the time"_s, textOr(r->context), u"/incident/context"_s);
    const QString since = u"Since then"_s;
    add(since, u"What has changed since"_s, textOr(r->changesSince), u"/incident/changes_since"_s);
    for (size_t i = 0; i < r->interventions.size(); ++i) {
        const Intervention &iv = r->interventions[i];
        QString v = title(iv.type);
        if (iv.date.isValid())
            v += u", "_s + dateOr(iv.date);
        if (!iv.detail.isEmpty())
            v += u": "_s + iv.detail;
        add(since, u"Intervention %1"_s.arg(i + 1), v, u"/incident/interventions/%1"_s.arg(i));
    }
    const QString safety = u"Safety plan"_s;
    add(safety, u"Smoking"_s, titleOr(r->safety.smoking), u"/incident/safety/smoking"_s);
    add(safety, u"Alcohol or drug use"_s, titleOr(r->safety.substanceUse), u"/incident/safety/substance_use"_s);
    add(safety, u"Difficulty moving or getting out"_s, titleOr(r->safety.mobilityDifficulty), u"/incident/safety/mobility_difficulty"_s);
    add(safety, u"Hoarding or blocked escape routes"_s, titleOr(r->safety.hoardingOrBlockedEscape), u"/incident/safety/hoarding_or_blocked_escape"_s);
    add(safety, u"Working smoke alarm"_s, titleOr(r->safety.workingSmokeAlarm), u"/incident/safety/working_smoke_alarm"_s);
    QString visit = titleOr(r->safety.homeFireSafetyVisit);
    if (r->safety.homeFireSafetyVisitDate.isValid())
        visit += u", "_s + dateOr(r->safety.homeFireSafetyVisitDate);
    add(safety, u"Home fire safety visit"_s, visit, u"/incident/safety/home_fire_safety_visit"_s);
    add(safety, u"Agreed safety plan"_s, textOr(r->safetyPlan), u"/incident/safety_plan"_s);
    const QString view = u"The person's view"_s;
    add(view, u"Their account"_s, titleOr(r->ownAccount.status), u"/incident/own_account/status"_s);
    if (!r->ownAccount.reason.isEmpty())
        add(view, u"Why"_s, r->ownAccount.reason, u"/incident/own_account/reason"_s);
    add(view, u"In their own words"_s, textOr(r->ownAccount.text), u"/incident/own_account/text"_s);
    add(view, u"Do they dispute this record?"_s, titleOr(r->ownAccount.disputesRecord), u"/incident/own_account/disputes_record"_s);
    return out;
}

namespace {
// Every field describeFields() knows, found by describing one entry with every optional part filled in.
const std::map<QString, FieldText> &knownFields()
{
    static const std::map<QString, FieldText> fields = [] {
        IncidentRecord r;
        r.type = IncidentType::Accidental;
        r.setting.detail = u"-"_s;
        r.harm.damageDetail = u"-"_s;
        r.source.thirdPartyRole = u"-"_s;
        r.source.official = OfficialBody::Other;
        r.legal.status = LegalStatus::Convicted;
        r.legal.statusDate = QDate(2000, 1, 1);
        r.interventions.push_back({});
        r.ownAccount.reason = u"-"_s;
        Entry incident;
        incident.lateEntryReason = u"-"_s;
        incident.body = r;
        Entry note;
        std::map<QString, FieldText> out;
        for (const Entry *e : {&incident, &note})
            for (const FieldText &f : describeFields(*e))
                out.emplace(f.pointer, f);
        return out;
    }();
    return fields;
}

// "home_fire_safety_visit_date" → "Home fire safety visit date"
QString readable(QString part)
{
    part.replace(u'_', u' ');
    if (!part.isEmpty())
        part[0] = part[0].toUpper();
    return part;
}
} // namespace

QString fieldTitle(const QString &pointer)
{
    const auto &fields = knownFields();
    // Intervention N's parts ("/incident/interventions/0/date") are that intervention.
    static const QRegularExpression item(u"^(/incident/interventions/\\d+)/.*$"_s);
    const QString p0 = item.match(pointer).hasMatch() ? item.match(pointer).captured(1) : pointer;
    // The field itself, or the closest field above it ("/event_date/precision" → "/event_date").
    for (QString p = p0; !p.isEmpty(); p.truncate(p.lastIndexOf(u'/'))) {
        const auto it = fields.find(p);
        if (it != fields.end()) {
            QString label = it->second.label;
            if (p.startsWith(u"/incident/interventions/"_s))
                label = u"Intervention %1"_s.arg(p.section(u'/', 3, 3).toInt() + 1);
            return it->second.section == label ? label : u"%1 › %2"_s.arg(it->second.section, label);
        }
    }
    if (p0.startsWith(u"/incident/interventions/"_s))
        return u"Since then › Intervention %1"_s.arg(p0.section(u'/', 3, 3).toInt() + 1);
    // A field describeFields does not list ("/incident/legal/conviction"): its section from a sibling.
    const QString parent = pointer.left(pointer.lastIndexOf(u'/'));
    const QString last = readable(pointer.mid(pointer.lastIndexOf(u'/') + 1));
    if (!parent.isEmpty())
        for (const auto &[p, f] : fields)
            if (p.startsWith(parent + u'/') || p.startsWith(pointer + u'/'))
                return u"%1 › %2"_s.arg(f.section, last);
    if (pointer == u"/author/name")
        return u"Author"_s;
    if (pointer.startsWith(u"/person/"_s))
        return u"Person › %1"_s.arg(readable(pointer.mid(8)));
    return last.isEmpty() ? u"The entry"_s : last;
}

QString narrativeText(const Entry &entry)
{
    const IncidentRecord *r = entry.incident();
    if (!r)
        return std::get<GeneralNote>(entry.body).text;
    QStringList parts{r->whatHappened, r->context, r->changesSince, r->safetyPlan, r->ownAccount.text,
                      r->setting.detail, r->harm.damageDetail, r->source.thirdPartyRole, r->source.reference,
                      r->legal.conviction.offence, r->legal.conviction.court, r->ownAccount.reason};
    for (const Intervention &i : r->interventions)
        parts << i.detail;
    parts << entry.peoplePresent.join(u", "_s);
    parts.removeAll(QString());
    return parts.join(u"\n\n"_s);
}

} // namespace fairnote::record
