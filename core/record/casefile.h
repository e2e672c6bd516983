// SPDX-FileCopyrightText: 2026 Fairnote contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// The case file value types: a person, their general notes and their fire-setting incident records.
// No storage, no widgets. A field that has not been answered is std::nullopt (or an empty string);
// "unknown" is always a value the worker chose, never the default.
#pragma once

#include <QDate>
#include <QDateTime>
#include <QString>
#include <QStringList>
#include <optional>
#include <variant>
#include <vector>

namespace fairnote::record {

enum class DatePrecision { Exact, Day, Month, Year, Range, Unknown };
enum class IncidentType { Deliberate, Accidental, Threat, UnknownCause, Alleged };
enum class AccidentalCause { Cooking, Smoking, Electrical, Candle, Other, Unknown };
enum class SettingType { OwnHome, Hostel, Street, PublicBuilding, Institution, Other, Unknown };
enum class Injury { None, ToPerson, ToOthers, Unknown };
enum class Damage { None, Minor, Major, Unknown };
enum class YesNoUnknown { Yes, No, Unknown };
enum class SourceType { Observed, OwnAccount, ThirdParty, OfficialRecord, EarlierNote, Unknown };
enum class OfficialBody { Police, FireService, Probation, Court, PreviousProvider, Other, Unknown };
enum class Verification { Verified, Unverified, Disputed, Unknown };
enum class LegalStatus { None, PoliceNotInvolved, Allegation, NoFurtherAction, Caution, Charged, Convicted, Acquitted, Unknown };
enum class InterventionType { FireSetterProgramme, Treatment, Engagement, HomeFireSafetyVisit, Other };
enum class VisitStatus { NotNeeded, Requested, Completed, Declined, Unknown };
enum class AccountStatus { Asked, Declined, NotYetAsked, NotPossible, Unknown };

// When the event happened, as precisely as it is known.
struct EventDate
{
    std::optional<DatePrecision> precision; // nullopt: not answered
    QDateTime exact;  // Exact: the service's wall-clock time, held with a UTC spec (docs/interchange.md)
    QDate date;       // Day, Month (day 1), Year (1 January), Range: the start
    QDate rangeEnd;   // Range: the end
    friend bool operator==(const EventDate &, const EventDate &) = default;

    // The earliest and the latest moment the event can have happened (the start and end of its day,
    // month, year or range); null when unknown or not answered.
    QDateTime earliest() const;
    QDateTime latest() const;
    // "3 March 2024, 17:40", "March 2024", "between 1 and 14 March 2024", "date unknown"
    // As it reads after "the incident": "on 2 August 2025 at 23:40", "in March 2024", "in 2021",
    // "between 1 March 2024 and 14 March 2024", "on a date that is not known", "on a date not recorded".
    QString phrase() const;
    QString display() const;
};

struct Author
{
    QString name;
    QString role;
    QString organisation;
    friend bool operator==(const Author &, const Author &) = default;
};

struct Setting
{
    std::optional<SettingType> type;
    QString detail; // required for Other
    friend bool operator==(const Setting &, const Setting &) = default;
};

struct Harm
{
    std::optional<Injury> injury;
    std::optional<Damage> damage;
    QString damageDetail;
    std::optional<YesNoUnknown> fireServiceAttended;
    std::optional<YesNoUnknown> evacuation;
    friend bool operator==(const Harm &, const Harm &) = default;
};

struct InformationSource
{
    std::optional<SourceType> type;
    QString thirdPartyRole;               // ThirdParty: "night manager at Elm House"
    std::optional<OfficialBody> official; // OfficialRecord
    QString reference;                    // "FRS incident report 1234, 3 March 2024"
    std::optional<Verification> verification;
    friend bool operator==(const InformationSource &, const InformationSource &) = default;
};

struct Conviction
{
    QString offence;
    QDate date;
    QString court;
    QString sentence;
    friend bool operator==(const Conviction &, const Conviction &) = default;
};

struct Legal
{
    std::optional<LegalStatus> status;
    QDate statusDate;          // when the status was reached (charge, caution, NFA, verdict)
    Conviction conviction;     // Convicted
    std::optional<bool> spent; // the worker confirms; nullopt: not confirmed / not applicable
    friend bool operator==(const Legal &, const Legal &) = default;
};

struct Intervention
{
    InterventionType type = InterventionType::Other;
    QString detail;
    QDate date;
    friend bool operator==(const Intervention &, const Intervention &) = default;
};

struct SafetyFactors
{
    std::optional<YesNoUnknown> smoking;
    std::optional<YesNoUnknown> substanceUse;
    std::optional<YesNoUnknown> mobilityDifficulty;
    std::optional<YesNoUnknown> hoardingOrBlockedEscape;
    std::optional<YesNoUnknown> workingSmokeAlarm;
    std::optional<VisitStatus> homeFireSafetyVisit;
    QDate homeFireSafetyVisitDate;
    friend bool operator==(const SafetyFactors &, const SafetyFactors &) = default;
};

struct OwnAccount
{
    std::optional<AccountStatus> status;
    QString reason;  // why not asked / not possible / declined
    QString text;    // their words, verbatim
    std::optional<YesNoUnknown> disputesRecord;
    friend bool operator==(const OwnAccount &, const OwnAccount &) = default;
};

struct IncidentRecord
{
    std::optional<IncidentType> type;
    std::optional<AccidentalCause> accidentalCause; // Accidental
    Setting setting;
    QString whatHappened;
    Harm harm;
    InformationSource source;
    Legal legal;
    QString context;
    QString changesSince;
    std::vector<Intervention> interventions;
    SafetyFactors safety;
    QString safetyPlan;
    OwnAccount ownAccount;
    friend bool operator==(const IncidentRecord &, const IncidentRecord &) = default;
};

struct GeneralNote
{
    QString text;
    friend bool operator==(const GeneralNote &, const GeneralNote &) = default;
};

// One entry in a person's chronology. Written-at and author are set by the system, apart from the
// event date the worker enters.
struct Entry
{
    QString id;
    QDateTime writtenAt; // UTC
    Author author;
    EventDate eventDate;
    QString lateEntryReason;
    QStringList peoplePresent;
    std::variant<GeneralNote, IncidentRecord> body;
    friend bool operator==(const Entry &, const Entry &) = default;

    bool isIncident() const { return std::holds_alternative<IncidentRecord>(body); }
    const IncidentRecord *incident() const { return std::get_if<IncidentRecord>(&body); }
};

struct Person
{
    QString id;
    QString name;
    QStringList otherNames;
    QDate dateOfBirth; // optional
    friend bool operator==(const Person &, const Person &) = default;
};

struct CaseFile
{
    Person person;
    std::vector<Entry> entries;
    friend bool operator==(const CaseFile &, const CaseFile &) = default;
};

} // namespace fairnote::record
