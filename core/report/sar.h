// SPDX-FileCopyrightText: 2026 Fairnote contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// The subject-access export: everything the case file holds about one person (in a date range) —
// entries, every revision and amendment with its reason, entries marked in error shown as such, drafts,
// the person's own statements and disputes, and the log of what was exported about them — with entries
// flagged "review before disclosure" withheld behind a visible marker until a reviewer releases them.
#pragma once

#include "record/describe.h"
#include "result.h"
#include "store/store.h"

#include <QJsonObject>
#include <QString>
#include <vector>

namespace fairnote::report {

struct SarRequest
{
    QString personId;
    QDate from, to;       // either may be invalid: no bound on that side
    QDateTime now;
    store::Actor author;
};

struct SarRevision
{
    int number = 0;
    QString heading;  // "Revision 2 — amended by Dee Marsh (Team leader), 3 March 2026, 14:05 UTC"
    QString reason;   // amendments: why
    QString hash;
    QString late;     // "Written 9 days after the event", or empty
    std::vector<record::FieldText> fields;
    QStringList leftOpen; // "Injury: … — left open because …"
    QStringList findings; // "What happened: “known arsonist” — …"
};

struct SarEntry
{
    QString id;
    QString kind;     // record::entryKind(): "Deliberate fire-setting", "Fire incident (accidental, cooking)", "Case note"
    QString status;   // "Final", "Amended", "Marked in error", "Draft (not final)"
    QString when;     // the event date in words
    QString inError;  // "Marked in error on … by …. Reason: …"
    bool withheld = false;
    QString disclosure; // the flag, and its release if released
    std::vector<SarRevision> revisions;
    std::vector<record::FieldText> draft; // a draft's fields (drafts are held too)
    QString draftHeading;
};

struct SubjectAccessExport
{
    QString title;         // "Everything held about Sam Rivers"
    record::Person person;
    QDateTime generatedAt;
    store::Actor author;
    QString range;         // "All entries" or "Entries from 1 January 2025 to 31 March 2026"
    std::vector<SarEntry> entries; // chronological
    QStringList forReview; // withheld entries, listed for a reviewer
    QStringList statements; // the person's own accounts and disputes
    QStringList exportLog;  // what was shared about them, when, with whom
    QString auditHead;
    QString caseFileName;
};

// Builds the export. Errors: the person is not found; the range ends before it starts; a training file.
Result<SubjectAccessExport, QString> buildSubjectAccess(store::Store &store, const SarRequest &request);
QString subjectAccessHtml(const SubjectAccessExport &sar);
QJsonObject subjectAccessJson(const SubjectAccessExport &sar);
// Records the export in the audit trail (format, destination, range, entries, how many withheld).
store::StoreResult<qint64> recordSubjectAccessExport(store::Store &store, const SubjectAccessExport &sar, const QString &format,
                                                     const QString &destination);

} // namespace fairnote::report
