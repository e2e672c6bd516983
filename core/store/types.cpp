// SPDX-FileCopyrightText: 2026 Fairnote contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// The labels of the store's states (status, sign-off, supervision), worded once for every edge.
#include "store/types.h"

#include "record/assess.h"

using namespace Qt::StringLiterals;

namespace fairnote::store {

QString statusId(EntryStatus s)
{
    switch (s) {
    case EntryStatus::Draft: return u"draft"_s;
    case EntryStatus::Final: return u"final"_s;
    case EntryStatus::Amended: return u"amended"_s;
    case EntryStatus::InError: return u"in-error"_s;
    }
    return {};
}

QString statusTitle(EntryStatus s)
{
    switch (s) {
    case EntryStatus::Draft: return u"Draft"_s;
    case EntryStatus::Final: return u"Final"_s;
    case EntryStatus::Amended: return u"Amended"_s;
    case EntryStatus::InError: return u"Marked in error"_s;
    }
    return {};
}

EntryStatus statusOf(int revisions, bool inError)
{
    if (inError)
        return EntryStatus::InError;
    if (revisions == 0)
        return EntryStatus::Draft;
    return revisions > 1 ? EntryStatus::Amended : EntryStatus::Final;
}

QString latestIncidentLine(const PersonSummary &p, const QDateTime &now)
{
    if (p.incidents == 0)
        return {};
    // An incident with no date is never said as the latest: the store names the latest dated one.
    const record::EventDate date = p.lastIncidentEntry.isEmpty() ? record::EventDate{record::DatePrecision::Unknown, {}, {}, {}}
                                                                 : p.lastIncidentDate;
    return u"latest incident "_s + record::latestIncidentText(date, now);
}

QString supervisionNote(const EntrySummary &e)
{
    QStringList out;
    if (e.returnedForCorrection)
        out << u"returned for correction"_s;
    if (e.signOff == u"requested")
        out << u"sign-off requested"_s;
    else if (e.signOff == u"approved")
        out << u"signed off"_s;
    else if (e.signOff == u"returned")
        out << u"sign-off returned"_s;
    return out.join(u"; "_s);
}

QString promptKey(const QString &code, const QString &field) { return code + u' ' + field; }

QString signOffStateId(SignOffState s)
{
    switch (s) {
    case SignOffState::Requested: return u"requested"_s;
    case SignOffState::Approved: return u"approved"_s;
    case SignOffState::Returned: return u"returned"_s;
    }
    return {};
}

QString signOffStateTitle(SignOffState s)
{
    switch (s) {
    case SignOffState::Requested: return u"Sign-off requested"_s;
    case SignOffState::Approved: return u"Signed off"_s;
    case SignOffState::Returned: return u"Returned"_s;
    }
    return {};
}

} // namespace fairnote::store
