// SPDX-FileCopyrightText: 2026 Fairnote contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// The subject-access export: everything held about a person, with withheld entries marked.
#include "report/sar.h"

#include "record/describe.h"
#include "report/deliver.h"
#include "report/html.h"
#include "store/auditactions.h"

#include <QFileInfo>
#include <QJsonArray>
#include <QLocale>

using namespace Qt::StringLiterals;

namespace fairnote::report {

namespace {

const QLocale kUk(QLocale::English, QLocale::UnitedKingdom);
QString day(const QDate &d) { return kUk.toString(d, u"d MMMM yyyy"_s); }
QString moment(const QDateTime &t) { return record::ukDateTime(t); }

// The text as a sentence that ends once: no "..", no missing full stop.
QString stopped(const QString &text)
{
    const QString t = text.trimmed();
    return t.isEmpty() || t.endsWith(u'.') || t.endsWith(u'!') || t.endsWith(u'?') ? t : t + u'.';
}

QString lateText(const std::optional<qint64> &seconds, const record::EventDate &date)
{
    if (!seconds)
        return {};
    QString text = record::lateEntryText(*seconds, date) + u'.';
    text[0] = text[0].toUpper();
    return text;
}

// Does the entry fall in [from, to]? By its event date when known, else by when it was written.
bool inRange(const store::EntryDetail &d, const QDate &from, const QDate &to)
{
    if (!from.isValid() && !to.isValid())
        return true;
    const record::Entry &e = d.revisions.empty() ? d.draft->entry : d.revisions.front().entry;
    QDate first = e.eventDate.earliest().date(), last = e.eventDate.latest().date();
    if (!first.isValid()) {
        first = last = (d.revisions.empty() ? d.draft->startedAt : d.revisions.front().writtenAt).toUTC().date();
    }
    return (!from.isValid() || last >= from) && (!to.isValid() || first <= to);
}

// `failure`: the detail of the "export-failed" row that followed this export, if any.
QString exportLine(const store::AuditRow &row, const QJsonObject &failure)
{
    const QJsonObject d = row.detail;
    QString what;
    if (row.action == u"export-summary")
        what = u"Referral summary exported as %1"_s.arg(d.value(u"format"_s).toString().toUpper());
    else if (row.action == u"export-sar")
        what = u"Subject-access export made as %1"_s.arg(d.value(u"format"_s).toString().toUpper());
    else
        what = u"Case file exported (%1)"_s.arg(d.value(u"format"_s).toString());
    QString line = u"%1 — %2 by %3"_s.arg(moment(row.at), what, store::actorDisplay(row.actor));
    if (d.contains(u"recipient"_s))
        line += u"; for %1"_s.arg(d.value(u"recipient"_s).toString());
    if (d.contains(u"purpose"_s))
        line += u"; purpose: %1"_s.arg(d.value(u"purpose"_s).toString());
    if (d.contains(u"basis"_s))
        line += u"; %1"_s.arg(d.value(u"basis"_s).toString());
    if (!failure.isEmpty())
        line = stopped(line) + u" It was not delivered: the file could not be written, so nothing was shared"_s;
    return stopped(line);
}

} // namespace

Result<SubjectAccessExport, QString> buildSubjectAccess(store::Store &s, const SarRequest &q)
{
    if (s.kind() == store::FileKind::Training)
        return u"This is a training file of invented cases: it holds nothing about a real person."_s;
    if (q.from.isValid() && q.to.isValid() && q.to < q.from)
        return u"The range ends (%1) before it starts (%2)."_s.arg(day(q.to), day(q.from));
    auto person = s.person(q.personId);
    if (!person)
        return person.error().message;
    store::ListFilter filter;
    filter.personId = person->id;
    filter.othersDrafts = true; // everything held, whoever is writing it
    auto list = s.entries(filter, q.author);
    if (!list)
        return list.error().message;

    SubjectAccessExport out;
    out.title = u"Everything held about %1"_s.arg(person->name);
    out.person = *person;
    out.generatedAt = q.now.isValid() ? q.now.toUTC() : QDateTime::currentDateTimeUtc();
    out.author = q.author;
    if (!q.from.isValid() && !q.to.isValid())
        out.range = u"All entries, whenever they happened."_s;
    else if (!q.from.isValid())
        out.range = u"Entries up to %1 (by the date of the event, or when it was written if that is not known)."_s.arg(day(q.to));
    else if (!q.to.isValid())
        out.range = u"Entries from %1 on (by the date of the event, or when it was written if that is not known)."_s.arg(day(q.from));
    else
        out.range = u"Entries from %1 to %2 (by the date of the event, or when it was written if that is not known)."_s.arg(day(q.from), day(q.to));
    out.caseFileName = QFileInfo(s.location()).fileName();

    for (const store::EntrySummary &sum : *list) {
        auto d = s.entry(sum.id);
        if (!d)
            return d.error().message;
        if (!inRange(*d, q.from, q.to))
            continue;
        SarEntry e;
        e.id = sum.id;
        // Named by what the record says (record::entryKind): an accidental fire is not called fire-setting.
        if (!d->revisions.empty())
            e.kind = record::entryKind(d->revisions.back().entry);
        else if (d->draft)
            e.kind = record::entryKind(d->draft->entry);
        else
            e.kind = sum.incident ? u"Incident record"_s : u"Case note"_s;
        e.status = sum.status == store::EntryStatus::Draft ? u"Draft (not final)"_s : store::statusTitle(sum.status);
        e.when = sum.eventDate.display();
        e.when[0] = e.when[0].toUpper();
        if (d->inError)
            e.inError = u"Marked in error on %1 by %2. Reason: %3"_s.arg(moment(d->inError->at), store::actorDisplay(d->inError->by), stopped(d->inError->reason));
        if (d->disclosure) {
            const store::DisclosureFlag &f = *d->disclosure;
            e.withheld = !f.released();
            e.disclosure = u"Flagged for review before disclosure on %1 by %2: %3"_s.arg(moment(f.flaggedAt), store::actorDisplay(f.flaggedBy),
                                                                                         stopped(f.reason));
            if (f.released())
                e.disclosure += u" Released for disclosure on %1 by %2%3"_s.arg(moment(f.releasedAt), store::actorDisplay(f.releasedBy),
                                                                                f.releaseNote.isEmpty() ? u"."_s : u": "_s + stopped(f.releaseNote));
            else
                out.forReview << u"Entry %1 (%2, %3): %4 It is withheld from this export until a reviewer releases it."_s.arg(e.id, e.kind.toLower(), e.when, e.disclosure);
        }
        if (!e.withheld) {
            for (const store::Revision &r : d->revisions) {
                SarRevision rev;
                rev.number = r.number;
                rev.heading = u"Revision %1 — %2 by %3, %4"_s.arg(r.number).arg(r.number == 1 ? u"written"_s : u"amended"_s,
                                                                                store::actorDisplay(r.author), moment(r.writtenAt));
                rev.reason = r.reason;
                rev.hash = r.hash;
                rev.late = lateText(r.lateSeconds, r.entry.eventDate);
                rev.fields = record::describeFields(r.entry);
                for (const auto &p : r.snapshot.prompts)
                    rev.leftOpen << u"%1 — left open because: %2"_s.arg(p.message, p.leftReason);
                for (const auto &f : r.snapshot.findings)
                    rev.findings << u"“%1”: %2"_s.arg(f.text, f.message);
                e.revisions.push_back(std::move(rev));
            }
            if (d->draft) {
                e.draftHeading = u"%1 by %2, last saved %3"_s.arg(d->draft->baseRevision > 0 ? u"Draft of an amendment (not final)"_s
                                                                                           : u"Draft (not final)"_s,
                                                                 store::actorDisplay(d->draft->author), moment(d->draft->updatedAt));
                e.draft = record::describeFields(d->draft->entry);
            }
            const record::Entry &latest = d->revisions.empty() ? d->draft->entry : d->revisions.back().entry;
            if (const record::IncidentRecord *r = latest.incident()) {
                QString statement = u"About the incident %1 (entry %2): "_s.arg(sum.eventDate.phrase(), e.id);
                if (!r->ownAccount.text.trimmed().isEmpty())
                    statement += u"“%1”"_s.arg(r->ownAccount.text.trimmed());
                else
                    statement += u"no account recorded (%1%2)"_s.arg(r->ownAccount.status ? record::title(*r->ownAccount.status).toLower() : u"not answered"_s,
                                                                     r->ownAccount.reason.isEmpty() ? QString() : u": "_s + r->ownAccount.reason);
                if (r->ownAccount.disputesRecord == record::YesNoUnknown::Yes)
                    statement += u" They dispute this record."_s;
                out.statements << statement;
            }
        }
        out.entries.push_back(std::move(e));
    }
    auto trail = s.auditTrail(person->id);
    if (!trail)
        return trail.error().message;
    // An export recorded and then not delivered (a full disk) is followed by an "export-failed" row.
    QHash<qint64, QJsonObject> failed;
    for (const store::AuditRow &row : *trail)
        if (row.action == exportFailedAction())
            failed.insert(row.detail.value(u"export"_s).toInteger(), row.detail);
    for (const store::AuditRow &row : *trail)
        if (row.action.startsWith(u"export") && row.action != exportFailedAction())
            out.exportLog << exportLine(row, failed.value(row.seq));
    auto head = s.headHash();
    out.auditHead = head ? *head : QString();
    return out;
}

QString subjectAccessHtml(const SubjectAccessExport &x)
{
    Html h(x.title);
    h.heading(1, x.title);
    h.definitions({{u"About"_s, x.person.name + (x.person.otherNames.isEmpty() ? QString() : u" (also known as %1)"_s.arg(x.person.otherNames.join(u", "_s)))},
                   {u"Date of birth"_s, x.person.dateOfBirth.isValid() ? day(x.person.dateOfBirth) : u"Not recorded"_s},
                   {u"Covers"_s, x.range},
                   {u"Prepared by"_s, store::actorDisplay(x.author)},
                   {u"Date"_s, moment(x.generatedAt)}});
    h.paragraph(u"This is everything the case file holds about you in the range above: every entry, every version of it and why "
                u"it was changed, entries marked in error (kept, and shown as such), drafts not yet final, your own words, and a "
                u"record of every time information about you was shared. Anything withheld is marked, with the reason."_s,
                u"note"_s);
    if (!x.forReview.isEmpty()) {
        h.heading(2, u"For review before disclosure"_s);
        h.paragraph(u"These entries may hold information about other people. They are withheld below until a reviewer has checked them."_s);
        h.list(x.forReview);
    }
    h.heading(2, u"Entries"_s);
    if (x.entries.empty())
        h.paragraph(u"No entries in this range."_s);
    for (const SarEntry &e : x.entries) {
        h.heading(3, u"%1 — %2 (%3)"_s.arg(e.when, e.kind, e.status));
        h.paragraph(u"Entry %1."_s.arg(e.id) + (e.disclosure.isEmpty() ? QString() : u' ' + e.disclosure), u"note"_s);
        if (!e.inError.isEmpty())
            h.paragraph(e.inError);
        if (e.withheld) {
            h.withheld(u"This entry is withheld pending review before disclosure."_s);
            continue;
        }
        for (const SarRevision &r : e.revisions) {
            h.paragraph(r.heading + (r.reason.isEmpty() ? QString() : u". Reason for the amendment: "_s + r.reason) +
                        (r.late.isEmpty() ? QString() : u". "_s + r.late));
            std::vector<std::pair<QString, QString>> defs;
            for (const auto &f : r.fields)
                defs.push_back({f.label, f.value});
            h.definitions(defs);
            if (!r.leftOpen.isEmpty()) {
                h.paragraph(u"Questions left open when it was finalised:"_s);
                h.list(r.leftOpen);
            }
            if (!r.findings.isEmpty()) {
                h.paragraph(u"Wording the checker flagged when it was finalised:"_s);
                h.list(r.findings);
            }
            h.paragraph(u"Revision hash (SHA-256): "_s + r.hash, u"note"_s);
        }
        if (!e.draft.empty()) {
            h.paragraph(e.draftHeading);
            std::vector<std::pair<QString, QString>> defs;
            for (const auto &f : e.draft)
                defs.push_back({f.label, f.value});
            h.definitions(defs);
        }
    }
    h.heading(2, u"Your own words and disputes"_s);
    if (x.statements.isEmpty())
        h.paragraph(u"None recorded in this range."_s);
    else
        h.list(x.statements);
    h.heading(2, u"When information about you was shared"_s);
    if (x.exportLog.isEmpty())
        h.paragraph(u"Nothing has been exported about you from this case file."_s);
    else
        h.list(x.exportLog);
    h.paragraph(u"Case file %1; its audit trail's latest hash when this export was made: %2."_s.arg(x.caseFileName, x.auditHead), u"note"_s);
    return h.finish();
}

QJsonObject subjectAccessJson(const SubjectAccessExport &x)
{
    auto fieldsJson = [](const std::vector<record::FieldText> &fields) {
        QJsonArray a;
        for (const auto &f : fields)
            a.append(QJsonObject{{u"section"_s, f.section}, {u"label"_s, f.label}, {u"value"_s, f.value}, {u"field"_s, f.pointer}});
        return a;
    };
    QJsonArray entries;
    for (const SarEntry &e : x.entries) {
        QJsonArray revisions;
        for (const SarRevision &r : e.revisions)
            revisions.append(QJsonObject{{u"number"_s, r.number}, {u"heading"_s, r.heading}, {u"reason"_s, r.reason}, {u"hash"_s, r.hash},
                                         {u"late"_s, r.late}, {u"fields"_s, fieldsJson(r.fields)},
                                         {u"left_open"_s, QJsonArray::fromStringList(r.leftOpen)},
                                         {u"findings"_s, QJsonArray::fromStringList(r.findings)}});
        QJsonObject o{{u"id"_s, e.id}, {u"kind"_s, e.kind}, {u"status"_s, e.status}, {u"when"_s, e.when}, {u"withheld"_s, e.withheld},
                      {u"in_error"_s, e.inError.isEmpty() ? QJsonValue() : QJsonValue(e.inError)},
                      {u"disclosure"_s, e.disclosure.isEmpty() ? QJsonValue() : QJsonValue(e.disclosure)},
                      {u"revisions"_s, revisions}};
        if (!e.draft.empty())
            o.insert(u"draft"_s, QJsonObject{{u"heading"_s, e.draftHeading}, {u"fields"_s, fieldsJson(e.draft)}});
        entries.append(o);
    }
    return QJsonObject{
        {u"format"_s, u"fairnote-subject-access"_s},
        {u"version"_s, 1},
        {u"title"_s, x.title},
        {u"person"_s, QJsonObject{{u"id"_s, x.person.id}, {u"name"_s, x.person.name},
                                  {u"other_names"_s, QJsonArray::fromStringList(x.person.otherNames)},
                                  {u"date_of_birth"_s, x.person.dateOfBirth.isValid() ? QJsonValue(x.person.dateOfBirth.toString(Qt::ISODate)) : QJsonValue()}}},
        {u"generated_at"_s, x.generatedAt.toString(Qt::ISODate)},
        {u"author"_s, QJsonObject{{u"name"_s, x.author.name}, {u"role"_s, x.author.role}, {u"organisation"_s, x.author.organisation}}},
        {u"range"_s, x.range},
        {u"for_review"_s, QJsonArray::fromStringList(x.forReview)},
        {u"entries"_s, entries},
        {u"statements"_s, QJsonArray::fromStringList(x.statements)},
        {u"export_log"_s, QJsonArray::fromStringList(x.exportLog)},
        {u"case_file"_s, x.caseFileName},
        {u"audit_head"_s, x.auditHead},
    };
}

store::StoreResult<qint64> recordSubjectAccessExport(store::Store &s, const SubjectAccessExport &x, const QString &format,
                                                     const QString &destination)
{
    qint64 withheld = 0;
    QJsonArray entries;
    for (const SarEntry &e : x.entries) {
        entries.append(e.id);
        withheld += e.withheld ? 1 : 0;
    }
    return s.logEvent(x.author, store::audit::ExportSar.toString(), x.person.id, {},
                      QJsonObject{{u"document"_s, u"subject-access export"_s}, {u"format"_s, format}, {u"destination"_s, destination},
                                  {u"range"_s, x.range}, {u"entries"_s, entries}, {u"withheld"_s, withheld}});
}

} // namespace fairnote::report
