// SPDX-FileCopyrightText: 2026 Fairnote contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// The audit-action registry: every action the audit trail records, named once. Record changes are
// written by the store itself in the same transaction as the change; events (an export, a sample drawn,
// an exercise scored) change no record and are appended through Store::logEvent, which refuses any
// action not listed here as an event.
#pragma once

#include <QString>
#include <QStringView>
#include <span>

namespace fairnote::store::audit {

// Record changes (written by the store).
inline constexpr QStringView CreateFile = u"create-file";
inline constexpr QStringView UpgradeFile = u"upgrade-file";
inline constexpr QStringView AddPerson = u"add-person";
inline constexpr QStringView UpdatePerson = u"update-person";
inline constexpr QStringView CreateEntry = u"create-entry";
inline constexpr QStringView StartAmendment = u"start-amendment";
inline constexpr QStringView DiscardDraft = u"discard-draft";
inline constexpr QStringView Finalise = u"finalise";
inline constexpr QStringView Amend = u"amend";
inline constexpr QStringView Import = u"import";
inline constexpr QStringView MarkInError = u"mark-in-error";
inline constexpr QStringView FlagForDisclosureReview = u"flag-for-disclosure-review";
inline constexpr QStringView ReleaseForDisclosure = u"release-for-disclosure";
inline constexpr QStringView Review = u"review";
inline constexpr QStringView RequestSignOff = u"request-signoff";
inline constexpr QStringView ApproveSignOff = u"approve-signoff";
inline constexpr QStringView ReturnSignOff = u"return-signoff";
inline constexpr QStringView Backup = u"backup";
inline constexpr QStringView RewordSummaries = u"reword-summaries"; // the list's summaries reworded by this version

// Events (appended through Store::logEvent).
inline constexpr QStringView Export = u"export";               // an interchange export of a person's case file
inline constexpr QStringView ExportSummary = u"export-summary"; // a referral summary written or printed
inline constexpr QStringView ExportSar = u"export-sar";         // a subject-access export
inline constexpr QStringView ExportFailed = u"export-failed";   // an export recorded, then not delivered (a full disk)
inline constexpr QStringView ReviewSample = u"review-sample";   // a supervisor's review queue drawn
inline constexpr QStringView ExerciseScored = u"exercise-scored"; // a trainee's attempt scored (training files)

struct ActionInfo
{
    QStringView id;
    QStringView title; // "Entry finalised": how the audit trail names it to a reader
    bool event = false; // appended through logEvent; otherwise written by the store with the change
};

// Every action, record changes first.
std::span<const ActionInfo> actions();
// The action with this id, or nullptr.
const ActionInfo *find(QStringView id);
// Whether logEvent may append `id`.
bool isEvent(QStringView id);

} // namespace fairnote::store::audit
