// SPDX-FileCopyrightText: 2026 Fairnote contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// The interchange ids of every record enum ("own-home", "no-further-action", …): one table each,
// used by the reader, the writer, the schema test and the docs.
#pragma once

#include "record/casefile.h"

#include <QStringList>
#include <QStringView>
#include <optional>
#include <span>
#include <utility>

namespace fairnote::record {

template <typename E>
struct EnumIds; // specialised below: static constexpr std::pair<E, QStringView> table[]

#define FAIRNOTE_ENUM_IDS(Type, ...)                                                   \
    template <>                                                                       \
    struct EnumIds<Type>                                                              \
    {                                                                                 \
        static constexpr std::pair<Type, QStringView> table[] = {__VA_ARGS__};        \
    };

FAIRNOTE_ENUM_IDS(DatePrecision, {DatePrecision::Exact, u"exact"}, {DatePrecision::Day, u"day"},
                  {DatePrecision::Month, u"month"}, {DatePrecision::Year, u"year"}, {DatePrecision::Range, u"range"},
                  {DatePrecision::Unknown, u"unknown"})
FAIRNOTE_ENUM_IDS(IncidentType, {IncidentType::Deliberate, u"deliberate"}, {IncidentType::Accidental, u"accidental"},
                  {IncidentType::Threat, u"threat"}, {IncidentType::UnknownCause, u"unknown-cause"},
                  {IncidentType::Alleged, u"alleged-unverified"})
FAIRNOTE_ENUM_IDS(AccidentalCause, {AccidentalCause::Cooking, u"cooking"}, {AccidentalCause::Smoking, u"smoking"},
                  {AccidentalCause::Electrical, u"electrical"}, {AccidentalCause::Candle, u"candle"},
                  {AccidentalCause::Other, u"other"}, {AccidentalCause::Unknown, u"unknown"})
FAIRNOTE_ENUM_IDS(SettingType, {SettingType::OwnHome, u"own-room-or-flat"}, {SettingType::Hostel, u"hostel-or-supported-housing"},
                  {SettingType::Street, u"street-or-outdoors"}, {SettingType::PublicBuilding, u"public-building"},
                  {SettingType::Institution, u"prison-or-hospital"}, {SettingType::Other, u"other"},
                  {SettingType::Unknown, u"unknown"})
FAIRNOTE_ENUM_IDS(Injury, {Injury::None, u"none"}, {Injury::ToPerson, u"to-the-person"}, {Injury::ToOthers, u"to-others"},
                  {Injury::Unknown, u"unknown"})
FAIRNOTE_ENUM_IDS(Damage, {Damage::None, u"none"}, {Damage::Minor, u"minor"}, {Damage::Major, u"major"},
                  {Damage::Unknown, u"unknown"})
FAIRNOTE_ENUM_IDS(YesNoUnknown, {YesNoUnknown::Yes, u"yes"}, {YesNoUnknown::No, u"no"}, {YesNoUnknown::Unknown, u"unknown"})
FAIRNOTE_ENUM_IDS(SourceType, {SourceType::Observed, u"observed-by-author"}, {SourceType::OwnAccount, u"persons-own-account"},
                  {SourceType::ThirdParty, u"third-party"}, {SourceType::OfficialRecord, u"official-record"},
                  {SourceType::EarlierNote, u"earlier-note"}, {SourceType::Unknown, u"unknown"})
FAIRNOTE_ENUM_IDS(OfficialBody, {OfficialBody::Police, u"police"}, {OfficialBody::FireService, u"fire-service"},
                  {OfficialBody::Probation, u"probation"}, {OfficialBody::Court, u"court"},
                  {OfficialBody::PreviousProvider, u"previous-provider"}, {OfficialBody::Other, u"other"},
                  {OfficialBody::Unknown, u"unknown"})
FAIRNOTE_ENUM_IDS(Verification, {Verification::Verified, u"verified"}, {Verification::Unverified, u"unverified"},
                  {Verification::Disputed, u"disputed"}, {Verification::Unknown, u"unknown"})
FAIRNOTE_ENUM_IDS(LegalStatus, {LegalStatus::None, u"none"}, {LegalStatus::PoliceNotInvolved, u"police-not-involved"},
                  {LegalStatus::Allegation, u"allegation"}, {LegalStatus::NoFurtherAction, u"no-further-action"},
                  {LegalStatus::Caution, u"caution"}, {LegalStatus::Charged, u"charged"},
                  {LegalStatus::Convicted, u"convicted"}, {LegalStatus::Acquitted, u"acquitted"},
                  {LegalStatus::Unknown, u"unknown"})
FAIRNOTE_ENUM_IDS(InterventionType, {InterventionType::FireSetterProgramme, u"fire-setter-programme"},
                  {InterventionType::Treatment, u"treatment"}, {InterventionType::Engagement, u"engagement"},
                  {InterventionType::HomeFireSafetyVisit, u"home-fire-safety-visit"}, {InterventionType::Other, u"other"})
FAIRNOTE_ENUM_IDS(VisitStatus, {VisitStatus::NotNeeded, u"not-needed"}, {VisitStatus::Requested, u"requested"},
                  {VisitStatus::Completed, u"completed"}, {VisitStatus::Declined, u"declined"},
                  {VisitStatus::Unknown, u"unknown"})
FAIRNOTE_ENUM_IDS(AccountStatus, {AccountStatus::Asked, u"asked"}, {AccountStatus::Declined, u"declined"},
                  {AccountStatus::NotYetAsked, u"not-yet-asked"}, {AccountStatus::NotPossible, u"not-possible"},
                  {AccountStatus::Unknown, u"unknown"})
#undef FAIRNOTE_ENUM_IDS

template <typename E>
QString enumId(E value)
{
    for (const auto &[v, id] : EnumIds<E>::table)
        if (v == value)
            return id.toString();
    return {};
}

template <typename E>
std::optional<E> enumFromId(QStringView id)
{
    for (const auto &[v, name] : EnumIds<E>::table)
        if (name == id)
            return v;
    return std::nullopt;
}

template <typename E>
QStringList enumIds()
{
    QStringList out;
    for (const auto &[v, id] : EnumIds<E>::table)
        out << id.toString();
    return out;
}

} // namespace fairnote::record
