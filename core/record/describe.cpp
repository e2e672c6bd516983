// SPDX-FileCopyrightText: 2026 Fairnote contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// Plain-English titles of record values and one-line summaries of entries.
#include "record/describe.h"

#include <QStringList>

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
    }
    return {};
}

QString title(Verification v)
{
    switch (v) {
    case Verification::Verified: return u"Verified"_s;
    case Verification::Unverified: return u"Not verified"_s;
    case Verification::Disputed: return u"Disputed"_s;
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

QString summaryLine(const Entry &entry)
{
    const IncidentRecord *r = entry.incident();
    if (!r) {
        const QString text = firstLine(std::get<GeneralNote>(entry.body).text, 120);
        return text.isEmpty() ? u"(empty note)"_s : text;
    }
    QStringList parts;
    QString type = r->type ? title(*r->type) : u"Fire-setting incident"_s;
    if (r->type == IncidentType::Accidental && r->accidentalCause)
        type += u" (%1)"_s.arg(title(*r->accidentalCause).toLower());
    parts << type;
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
