// SPDX-FileCopyrightText: 2026 Fairnote contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// Reading and writing the interchange JSON, with every problem named by its JSON path.
#include "record/interchange.h"

#include "io/input.h"
#include "json/strictjson.h"
#include "record/enums.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSet>

using namespace Qt::StringLiterals;

namespace fairnote::record {

QString InterchangeError::toString() const
{
    return (path.isEmpty() ? u"/"_s : path) + u": "_s + message;
}

namespace {

constexpr size_t kMaxErrors = 50;
const QString kFormat = u"fairnote-case-file"_s;
const QString kCollectionFormat = u"fairnote-case-files"_s;

// Dates are written with four-digit years (ISO 8601 without an expanded year), so only those are read:
// QDate also parses "-0001" or "0000", which could not be written back the same.
bool fourDigitYear(const QDate &d) { return d.isValid() && d.year() >= 1000 && d.year() <= 9999; }

// "2025-08-02" and "23:40" read without QDate::fromString's format parser (the costliest part of reading
// an entry back, which verify does for every entry of a file): the same result for exactly that shape, and
// anything else goes to Qt's parser as before.
int twoDigits(QStringView s, qsizetype at)
{
    const char16_t a = s[at].unicode(), b = s[at + 1].unicode();
    return (a >= u'0' && a <= u'9' && b >= u'0' && b <= u'9') ? (a - u'0') * 10 + (b - u'0') : -1;
}

QDate isoDate(const QString &s)
{
    if (s.size() == 10 && s[4] == u'-' && s[7] == u'-') {
        const int century = twoDigits(s, 0), year = twoDigits(s, 2), month = twoDigits(s, 5), day = twoDigits(s, 8);
        if (century >= 0 && year >= 0 && month >= 0 && day >= 0)
            if (const QDate d(century * 100 + year, month, day); d.isValid())
                return d;
    }
    return QDate::fromString(s, u"yyyy-MM-dd"_s);
}

QTime hoursMinutes(const QString &s)
{
    if (s.size() == 5 && s[2] == u':') {
        const int hours = twoDigits(s, 0), minutes = twoDigits(s, 3);
        if (hours >= 0 && minutes >= 0)
            if (const QTime t(hours, minutes); t.isValid())
                return t;
    }
    return QTime::fromString(s, u"HH:mm"_s);
}

// A wall-clock time as written ("2025-08-02T23:40"), by hand for four-digit years, for the same reason.
QString wallClockText(const QDateTime &t)
{
    const QDate d = t.date();
    if (!t.isValid() || d.year() < 1000 || d.year() > 9999)
        return t.toString(u"yyyy-MM-ddTHH:mm"_s);
    const QTime c = t.time();
    QString out(16, Qt::Uninitialized);
    char16_t *o = reinterpret_cast<char16_t *>(out.data());
    const auto put = [&o](int value, int digits, char16_t after) {
        for (int i = digits - 1; i >= 0; --i, value /= 10)
            o[i] = char16_t(u'0' + value % 10);
        o += digits;
        if (after)
            *o++ = after;
    };
    put(d.year(), 4, u'-'), put(d.month(), 2, u'-'), put(d.day(), 2, u'T'), put(c.hour(), 2, u':'), put(c.minute(), 2, 0);
    return out;
}

// "2025-08-02T23:40": the service's wall-clock time. It is held with a UTC time spec so that
// comparisons never depend on the computer's time zone (see docs/interchange.md).
QDateTime wallClock(const QString &s)
{
    if (s.size() != 16 || s[10] != u'T')
        return {};
    const QDate d = isoDate(s.left(10));
    const QTime t = hoursMinutes(s.mid(11));
    return (fourDigitYear(d) && t.isValid()) ? QDateTime(d, t, Qt::UTC) : QDateTime();
}

class Reader
{
public:
    InterchangeErrors errors;

    void error(const QString &path, const QString &message)
    {
        if (errors.size() < kMaxErrors)
            errors.push_back({path, message});
    }

    static QString typeName(const QJsonValue &v)
    {
        switch (v.type()) {
        case QJsonValue::Null: return u"null"_s;
        case QJsonValue::Bool: return u"true or false"_s;
        case QJsonValue::Double: return u"a number"_s;
        case QJsonValue::String: return u"a string"_s;
        case QJsonValue::Array: return u"a list"_s;
        case QJsonValue::Object: return u"an object"_s;
        default: return u"nothing"_s;
        }
    }

    QJsonObject object(const QJsonObject &o, const QString &key, const QString &path, bool required = false)
    {
        const QJsonValue v = o.value(key);
        if (v.isUndefined() || v.isNull()) {
            if (required)
                error(path + u'/' + key, u"missing: expected an object"_s);
            return {};
        }
        if (!v.isObject()) {
            error(path + u'/' + key, u"expected an object, found %1"_s.arg(typeName(v)));
            return {};
        }
        return v.toObject();
    }

    QString string(const QJsonObject &o, const QString &key, const QString &path, bool required = false)
    {
        const QJsonValue v = o.value(key);
        if (v.isUndefined() || v.isNull()) {
            if (required)
                error(path + u'/' + key, u"missing: expected a string"_s);
            return {};
        }
        if (!v.isString()) {
            error(path + u'/' + key, u"expected a string, found %1"_s.arg(typeName(v)));
            return {};
        }
        return v.toString();
    }

    QStringList strings(const QJsonObject &o, const QString &key, const QString &path)
    {
        const QJsonValue v = o.value(key);
        QStringList out;
        if (v.isUndefined() || v.isNull())
            return out;
        if (!v.isArray()) {
            error(path + u'/' + key, u"expected a list of strings, found %1"_s.arg(typeName(v)));
            return out;
        }
        const QJsonArray a = v.toArray();
        for (qsizetype i = 0; i < a.size(); ++i) {
            if (!a[i].isString())
                error(path + u'/' + key + u'/' + QString::number(i), u"expected a string, found %1"_s.arg(typeName(a[i])));
            else
                out << a[i].toString();
        }
        return out;
    }

    template <typename E>
    std::optional<E> enumeration(const QJsonObject &o, const QString &key, const QString &path)
    {
        const QJsonValue v = o.value(key);
        if (v.isUndefined() || v.isNull())
            return std::nullopt; // not answered
        const auto e = v.isString() ? enumFromId<E>(v.toString()) : std::nullopt;
        if (!e)
            error(path + u'/' + key, u"expected one of %1"_s.arg(enumIds<E>().join(u", "_s)));
        return e;
    }

    QDate date(const QJsonObject &o, const QString &key, const QString &path, const QString &format = u"yyyy-MM-dd"_s,
               const QString &shown = u"YYYY-MM-DD"_s)
    {
        const QString s = string(o, key, path);
        if (s.isEmpty())
            return {};
        const QDate d = format == u"yyyy-MM-dd" ? isoDate(s) : QDate::fromString(s, format);
        if (!fourDigitYear(d)) {
            error(path + u'/' + key, u"expected a date as %1 with a year from 1000 to 9999, found \"%2\""_s.arg(shown, s));
            return {};
        }
        return d;
    }

    std::optional<bool> boolean(const QJsonObject &o, const QString &key, const QString &path)
    {
        const QJsonValue v = o.value(key);
        if (v.isUndefined() || v.isNull())
            return std::nullopt;
        if (!v.isBool()) {
            error(path + u'/' + key, u"expected true, false or null, found %1"_s.arg(typeName(v)));
            return std::nullopt;
        }
        return v.toBool();
    }

    EventDate eventDate(const QJsonObject &o, const QString &path)
    {
        EventDate d;
        d.precision = enumeration<DatePrecision>(o, u"precision"_s, path);
        if (!d.precision)
            return d;
        switch (*d.precision) {
        case DatePrecision::Exact: {
            const QString s = string(o, u"value"_s, path, true);
            d.exact = wallClock(s);
            if (s.isEmpty() && o.contains(u"value"_s))
                error(path + u"/value"_s, u"missing: expected a date and time as YYYY-MM-DDTHH:MM"_s);
            else if (!s.isEmpty() && !d.exact.isValid())
                error(path + u"/value"_s, u"expected a date and time as YYYY-MM-DDTHH:MM, found \"%1\""_s.arg(s));
            break;
        }
        case DatePrecision::Day:
            d.date = date(o, u"value"_s, path);
            if (!d.date.isValid() && string(o, u"value"_s, path).isEmpty())
                error(path + u"/value"_s, u"missing: expected a date as YYYY-MM-DD"_s);
            break;
        case DatePrecision::Month:
            d.date = date(o, u"value"_s, path, u"yyyy-MM"_s, u"YYYY-MM"_s);
            if (!d.date.isValid() && string(o, u"value"_s, path).isEmpty())
                error(path + u"/value"_s, u"missing: expected a month as YYYY-MM"_s);
            break;
        case DatePrecision::Year:
            d.date = date(o, u"value"_s, path, u"yyyy"_s, u"YYYY"_s);
            if (!d.date.isValid() && string(o, u"value"_s, path).isEmpty())
                error(path + u"/value"_s, u"missing: expected a year as YYYY"_s);
            break;
        case DatePrecision::Range:
            d.date = date(o, u"from"_s, path);
            d.rangeEnd = date(o, u"to"_s, path);
            if (!d.date.isValid() || !d.rangeEnd.isValid()) {
                if (string(o, u"from"_s, path).isEmpty() || string(o, u"to"_s, path).isEmpty())
                    error(path, u"a range needs \"from\" and \"to\" dates as YYYY-MM-DD"_s);
            } else if (d.rangeEnd < d.date) {
                error(path + u"/to"_s, u"the range ends before it starts"_s);
            }
            break;
        case DatePrecision::Unknown:
            break;
        }
        return d;
    }

    IncidentRecord incident(const QJsonObject &o, const QString &p)
    {
        IncidentRecord r;
        r.type = enumeration<IncidentType>(o, u"type"_s, p);
        r.accidentalCause = enumeration<AccidentalCause>(o, u"accidental_cause"_s, p);
        const QJsonObject setting = object(o, u"setting"_s, p);
        r.setting.type = enumeration<SettingType>(setting, u"type"_s, p + u"/setting"_s);
        r.setting.detail = string(setting, u"detail"_s, p + u"/setting"_s);
        r.whatHappened = string(o, u"what_happened"_s, p);
        const QString hp = p + u"/harm"_s;
        const QJsonObject harm = object(o, u"harm"_s, p);
        r.harm.injury = enumeration<Injury>(harm, u"injury"_s, hp);
        r.harm.damage = enumeration<Damage>(harm, u"property_damage"_s, hp);
        r.harm.damageDetail = string(harm, u"property_damage_detail"_s, hp);
        r.harm.fireServiceAttended = enumeration<YesNoUnknown>(harm, u"fire_service_attended"_s, hp);
        r.harm.evacuation = enumeration<YesNoUnknown>(harm, u"evacuation"_s, hp);
        const QString sp = p + u"/source"_s;
        const QJsonObject source = object(o, u"source"_s, p);
        r.source.type = enumeration<SourceType>(source, u"type"_s, sp);
        r.source.thirdPartyRole = string(source, u"third_party_role"_s, sp);
        r.source.official = enumeration<OfficialBody>(source, u"official_body"_s, sp);
        r.source.reference = string(source, u"reference"_s, sp);
        r.source.verification = enumeration<Verification>(source, u"verification"_s, sp);
        const QString lp = p + u"/legal"_s;
        const QJsonObject legal = object(o, u"legal"_s, p);
        r.legal.status = enumeration<LegalStatus>(legal, u"status"_s, lp);
        r.legal.statusDate = date(legal, u"status_date"_s, lp);
        const QJsonObject conviction = object(legal, u"conviction"_s, lp);
        const QString cp = lp + u"/conviction"_s;
        r.legal.conviction.offence = string(conviction, u"offence"_s, cp);
        r.legal.conviction.date = date(conviction, u"date"_s, cp);
        r.legal.conviction.court = string(conviction, u"court"_s, cp);
        r.legal.conviction.sentence = string(conviction, u"sentence"_s, cp);
        r.legal.spent = boolean(legal, u"spent"_s, lp);
        r.context = string(o, u"context"_s, p);
        r.changesSince = string(o, u"changes_since"_s, p);
        const QJsonValue iv = o.value(u"interventions"_s);
        if (!iv.isUndefined() && !iv.isNull() && !iv.isArray())
            error(p + u"/interventions"_s, u"expected a list, found %1"_s.arg(typeName(iv)));
        const QJsonArray interventions = iv.toArray();
        for (qsizetype i = 0; i < interventions.size(); ++i) {
            const QString ip = p + u"/interventions/"_s + QString::number(i);
            if (!interventions[i].isObject()) {
                error(ip, u"expected an object, found %1"_s.arg(typeName(interventions[i])));
                continue;
            }
            const QJsonObject io = interventions[i].toObject();
            Intervention in;
            const auto type = enumeration<InterventionType>(io, u"type"_s, ip);
            if (!type && (io.value(u"type"_s).isNull() || io.value(u"type"_s).isUndefined()))
                error(ip + u"/type"_s, u"missing: expected one of %1"_s.arg(enumIds<InterventionType>().join(u", "_s)));
            in.type = type.value_or(InterventionType::Other);
            in.detail = string(io, u"detail"_s, ip);
            in.date = date(io, u"date"_s, ip);
            r.interventions.push_back(in);
        }
        const QString fp = p + u"/safety"_s;
        const QJsonObject safety = object(o, u"safety"_s, p);
        r.safety.smoking = enumeration<YesNoUnknown>(safety, u"smoking"_s, fp);
        r.safety.substanceUse = enumeration<YesNoUnknown>(safety, u"substance_use"_s, fp);
        r.safety.mobilityDifficulty = enumeration<YesNoUnknown>(safety, u"mobility_difficulty"_s, fp);
        r.safety.hoardingOrBlockedEscape = enumeration<YesNoUnknown>(safety, u"hoarding_or_blocked_escape"_s, fp);
        r.safety.workingSmokeAlarm = enumeration<YesNoUnknown>(safety, u"working_smoke_alarm"_s, fp);
        r.safety.homeFireSafetyVisit = enumeration<VisitStatus>(safety, u"home_fire_safety_visit"_s, fp);
        r.safety.homeFireSafetyVisitDate = date(safety, u"home_fire_safety_visit_date"_s, fp);
        r.safetyPlan = string(o, u"safety_plan"_s, p);
        const QString ap = p + u"/own_account"_s;
        const QJsonObject account = object(o, u"own_account"_s, p);
        r.ownAccount.status = enumeration<AccountStatus>(account, u"status"_s, ap);
        r.ownAccount.reason = string(account, u"reason"_s, ap);
        r.ownAccount.text = string(account, u"text"_s, ap);
        r.ownAccount.disputesRecord = enumeration<YesNoUnknown>(account, u"disputes_record"_s, ap);
        return r;
    }

    Entry entry(const QJsonObject &o, const QString &p)
    {
        Entry e;
        e.id = string(o, u"id"_s, p, true);
        if (e.id.trimmed().isEmpty() && o.value(u"id"_s).isString())
            error(p + u"/id"_s, u"must not be empty: every entry needs an id"_s);
        const QString written = string(o, u"written_at"_s, p, true);
        e.writtenAt = QDateTime::fromString(written, Qt::ISODate);
        if (!written.isEmpty() && (!e.writtenAt.isValid() || e.writtenAt.timeSpec() == Qt::LocalTime || !fourDigitYear(e.writtenAt.date())))
            error(p + u"/written_at"_s, u"expected a UTC date and time such as 2025-08-02T18:10:00Z, found \"%1\""_s.arg(written));
        e.writtenAt = e.writtenAt.toUTC();
        const QJsonObject author = object(o, u"author"_s, p, true);
        e.author.name = string(author, u"name"_s, p + u"/author"_s, true);
        e.author.role = string(author, u"role"_s, p + u"/author"_s);
        e.author.organisation = string(author, u"organisation"_s, p + u"/author"_s);
        e.eventDate = eventDate(object(o, u"event_date"_s, p), p + u"/event_date"_s);
        e.lateEntryReason = string(o, u"late_entry_reason"_s, p);
        e.peoplePresent = strings(o, u"people_present"_s, p);
        const QString kind = string(o, u"kind"_s, p, true);
        if (kind == u"incident") {
            e.body = incident(object(o, u"incident"_s, p, true), p + u"/incident"_s);
        } else if (kind == u"note") {
            e.body = GeneralNote{string(object(o, u"note"_s, p, true), u"text"_s, p + u"/note"_s)};
        } else if (!kind.isEmpty() || o.value(u"kind"_s).isString()) {
            error(p + u"/kind"_s, u"expected one of incident, note"_s);
        }
        return e;
    }
};

QJsonValue orNull(const QDate &d) { return d.isValid() ? QJsonValue(d.toString(Qt::ISODate)) : QJsonValue(); }
template <typename E>
QJsonValue orNull(const std::optional<E> &e)
{
    return e ? QJsonValue(enumId(*e)) : QJsonValue();
}

QJsonObject eventDateJson(const EventDate &d)
{
    QJsonObject o{{u"precision"_s, orNull(d.precision)}};
    if (!d.precision)
        return o;
    switch (*d.precision) {
    case DatePrecision::Exact: o.insert(u"value"_s, wallClockText(d.exact)); break;
    case DatePrecision::Day: o.insert(u"value"_s, orNull(d.date)); break;
    case DatePrecision::Month: o.insert(u"value"_s, d.date.isValid() ? QJsonValue(d.date.toString(u"yyyy-MM"_s)) : QJsonValue()); break;
    case DatePrecision::Year: o.insert(u"value"_s, d.date.isValid() ? QJsonValue(d.date.toString(u"yyyy"_s)) : QJsonValue()); break;
    case DatePrecision::Range:
        o.insert(u"from"_s, orNull(d.date));
        o.insert(u"to"_s, orNull(d.rangeEnd));
        break;
    case DatePrecision::Unknown: break;
    }
    return o;
}

QJsonObject incidentJson(const IncidentRecord &r)
{
    QJsonArray interventions;
    for (const Intervention &i : r.interventions)
        interventions.append(QJsonObject{{u"type"_s, enumId(i.type)}, {u"detail"_s, i.detail}, {u"date"_s, orNull(i.date)}});
    return QJsonObject{
        {u"type"_s, orNull(r.type)},
        {u"accidental_cause"_s, orNull(r.accidentalCause)},
        {u"setting"_s, QJsonObject{{u"type"_s, orNull(r.setting.type)}, {u"detail"_s, r.setting.detail}}},
        {u"what_happened"_s, r.whatHappened},
        {u"harm"_s, QJsonObject{{u"injury"_s, orNull(r.harm.injury)}, {u"property_damage"_s, orNull(r.harm.damage)},
                                {u"property_damage_detail"_s, r.harm.damageDetail},
                                {u"fire_service_attended"_s, orNull(r.harm.fireServiceAttended)},
                                {u"evacuation"_s, orNull(r.harm.evacuation)}}},
        {u"source"_s, QJsonObject{{u"type"_s, orNull(r.source.type)}, {u"third_party_role"_s, r.source.thirdPartyRole},
                                  {u"official_body"_s, orNull(r.source.official)}, {u"reference"_s, r.source.reference},
                                  {u"verification"_s, orNull(r.source.verification)}}},
        {u"legal"_s, QJsonObject{{u"status"_s, orNull(r.legal.status)}, {u"status_date"_s, orNull(r.legal.statusDate)},
                                 {u"conviction"_s, QJsonObject{{u"offence"_s, r.legal.conviction.offence},
                                                               {u"date"_s, orNull(r.legal.conviction.date)},
                                                               {u"court"_s, r.legal.conviction.court},
                                                               {u"sentence"_s, r.legal.conviction.sentence}}},
                                 {u"spent"_s, r.legal.spent ? QJsonValue(*r.legal.spent) : QJsonValue()}}},
        {u"context"_s, r.context},
        {u"changes_since"_s, r.changesSince},
        {u"interventions"_s, interventions},
        {u"safety"_s, QJsonObject{{u"smoking"_s, orNull(r.safety.smoking)}, {u"substance_use"_s, orNull(r.safety.substanceUse)},
                                  {u"mobility_difficulty"_s, orNull(r.safety.mobilityDifficulty)},
                                  {u"hoarding_or_blocked_escape"_s, orNull(r.safety.hoardingOrBlockedEscape)},
                                  {u"working_smoke_alarm"_s, orNull(r.safety.workingSmokeAlarm)},
                                  {u"home_fire_safety_visit"_s, orNull(r.safety.homeFireSafetyVisit)},
                                  {u"home_fire_safety_visit_date"_s, orNull(r.safety.homeFireSafetyVisitDate)}}},
        {u"safety_plan"_s, r.safetyPlan},
        {u"own_account"_s, QJsonObject{{u"status"_s, orNull(r.ownAccount.status)}, {u"reason"_s, r.ownAccount.reason},
                                       {u"text"_s, r.ownAccount.text},
                                       {u"disputes_record"_s, orNull(r.ownAccount.disputesRecord)}}},
    };
}

} // namespace

QString oversizeMessage(qint64 bytes)
{
    return u"the file is %1 MB; Fairnote reads case files of up to %2 MB (one person's case file is far smaller). Check that this is the right file."_s
        .arg(double(bytes) / (1024 * 1024), 0, 'f', 1)
        .arg(kMaxInterchangeBytes / (1024 * 1024));
}

namespace {

// A JSON syntax error as an interchange error: duplicate members name their JSON path.
InterchangeError jsonProblem(const json::ParseError &e)
{
    switch (e.kind) {
    case json::ParseError::Kind::Encoding:
        return {QString(), e.message};
    case json::ParseError::Kind::Duplicate:
        return {e.path, u"line %1, column %2: %3"_s.arg(QString::number(e.line), QString::number(e.column), e.message)};
    case json::ParseError::Kind::Read:
        return {QString(), e.message, e.io};
    default:
        return {QString(), u"not valid JSON at line %1, column %2: %3"_s.arg(QString::number(e.line), QString::number(e.column), e.message)};
    }
}

// The bytes as a JSON object, or the one problem that stops them being read at all.
Result<QJsonObject, InterchangeErrors> parseDocument(const QByteArray &bytes)
{
    if (bytes.size() > kMaxInterchangeBytes)
        return InterchangeErrors{{QString(), oversizeMessage(bytes.size())}};
    auto doc = json::parse(bytes);
    if (!doc)
        return InterchangeErrors{jsonProblem(doc.error())};
    if (!doc->isObject())
        return InterchangeErrors{{QString(), u"expected a JSON object holding a Fairnote case file"_s}};
    return doc->toObject();
}

// The version member of a document (`path` is its parent), or the problem with it.
std::optional<InterchangeError> checkVersion(const QJsonObject &root, const QString &path)
{
    const QJsonValue version = root.value(u"version"_s);
    if (version.isUndefined())
        return InterchangeError{path + u"/version"_s, u"missing: a Fairnote case file says which version of the format it uses"_s};
    if (!version.isDouble() || version.toDouble() != double(version.toInt()) || version.toInt() < 1)
        return InterchangeError{path + u"/version"_s, u"expected a whole number from 1"_s};
    if (version.toInt() > kInterchangeVersion)
        return InterchangeError{path + u"/version"_s, u"the file uses version %1 of the format, written by a newer Fairnote; this one reads up to version %2. Update Fairnote to read it."_s
                                                          .arg(version.toInt()).arg(kInterchangeVersion)};
    return std::nullopt;
}

// One entry of a case file's "entries" at `p`, added to `cf` (an id used twice is an error).
void readEntryInto(Reader &r, const QJsonValue &v, const QString &p, CaseFile &cf, QSet<QString> &ids)
{
    if (!v.isObject()) {
        r.error(p, u"expected an object, found %1"_s.arg(Reader::typeName(v)));
        return;
    }
    Entry e = r.entry(v.toObject(), p);
    if (!e.id.isEmpty() && ids.contains(e.id))
        r.error(p + u"/id"_s, u"the id \"%1\" is used by an earlier entry"_s.arg(e.id));
    ids.insert(e.id);
    cf.entries.push_back(std::move(e));
}

// One case file at `path` ("" for a whole document, "/case_files/3" inside a collection). Its entries are
// read from `root`, after any already in `cf` (read as they streamed in, their ids in `ids`).
CaseFile readCaseFile(Reader &r, const QJsonObject &root, const QString &path, CaseFile cf = {}, QSet<QString> ids = {})
{
    const QJsonObject person = r.object(root, u"person"_s, path, true);
    const QString pp = path + u"/person"_s;
    cf.person.id = r.string(person, u"id"_s, pp);
    cf.person.name = r.string(person, u"name"_s, pp, true);
    cf.person.otherNames = r.strings(person, u"other_names"_s, pp);
    cf.person.dateOfBirth = r.date(person, u"date_of_birth"_s, pp);

    const QJsonValue entries = root.value(u"entries"_s);
    if (!entries.isUndefined() && !entries.isArray())
        r.error(path + u"/entries"_s, u"expected a list, found %1"_s.arg(Reader::typeName(entries)));
    const QJsonArray list = entries.toArray();
    for (qsizetype i = 0; i < list.size(); ++i)
        readEntryInto(r, list[i], path + u"/entries/"_s + QString::number(i), cf, ids);
    return cf;
}

QJsonObject caseFileJson(const CaseFile &cf)
{
    QJsonArray entries;
    for (const Entry &e : cf.entries)
        entries.append(entryToJson(e));
    return QJsonObject{
        {u"format"_s, kFormat},
        {u"version"_s, kInterchangeVersion},
        {u"person"_s, QJsonObject{{u"id"_s, cf.person.id}, {u"name"_s, cf.person.name},
                                  {u"other_names"_s, QJsonArray::fromStringList(cf.person.otherNames)},
                                  {u"date_of_birth"_s, orNull(cf.person.dateOfBirth)}}},
        {u"entries"_s, entries},
    };
}

} // namespace

Result<CaseFile, InterchangeErrors> readInterchange(const QByteArray &bytes)
{
    auto root = parseDocument(bytes);
    if (!root)
        return root.error();
    Reader r;
    const QJsonValue format = root->value(u"format"_s);
    if (format == QJsonValue(kCollectionFormat))
        return InterchangeErrors{{u"/format"_s, u"this file holds several case files (an export of a whole case file); give the file of one person"_s}};
    if (!format.isUndefined() && format != QJsonValue(kFormat))
        r.error(u"/format"_s, u"expected \"%1\": this is not a Fairnote case file"_s.arg(kFormat));
    if (auto bad = checkVersion(*root, QString()))
        return InterchangeErrors{*bad};
    CaseFile cf = readCaseFile(r, *root, QString());
    if (!r.errors.empty())
        return r.errors;
    return cf;
}

Result<std::vector<CaseFile>, InterchangeErrors> readCaseFiles(const QByteArray &bytes)
{
    auto input = io::Input::fromBytes(bytes, QString(), {kMaxCaseFilesBytes, u"a whole-file export"_s, {}});
    return readCaseFiles(input);
}

Result<std::vector<CaseFile>, InterchangeErrors> readCaseFiles(io::Input &input, const std::function<void(qint64 bytesRead)> &progress)
{
    // Case files of a collection, and the entries of a single case file, are read as they stream in; the
    // member that says which of the two the document is may come after them (writers sort the members).
    Reader collection, single;
    std::vector<CaseFile> files;
    CaseFile one;
    QSet<QString> oneIds;
    const QStringList caseFilesPath{u"case_files"_s}, entriesPath{u"entries"_s};
    auto root = json::parseStream(input, {caseFilesPath, entriesPath}, [&](const QStringList &array, qsizetype i, QJsonValue &&v) {
        if (array == caseFilesPath) {
            const QString p = u"/case_files/"_s + QString::number(i);
            if (!v.isObject()) {
                collection.error(p, u"expected an object, found %1"_s.arg(Reader::typeName(v)));
            } else if (auto bad = checkVersion(v.toObject(), p)) {
                collection.error(bad->path, bad->message);
            } else {
                files.push_back(readCaseFile(collection, v.toObject(), p));
            }
        } else {
            readEntryInto(single, v, u"/entries/"_s + QString::number(i), one, oneIds);
        }
        if (progress)
            progress(input.position());
        // Past the most errors worth listing, reading on would only use time.
        return collection.errors.size() < kMaxErrors && single.errors.size() < kMaxErrors;
    });
    if (!root) {
        if (root.error().kind == json::ParseError::Kind::Stopped)
            return collection.errors.size() >= kMaxErrors ? collection.errors : single.errors;
        return InterchangeErrors{jsonProblem(root.error())};
    }
    if (!root->isObject())
        return InterchangeErrors{{QString(), u"expected a JSON object holding a Fairnote case file"_s}};
    const QJsonObject object = root->toObject();
    if (object.value(u"format"_s) != QJsonValue(kCollectionFormat)) {
        Reader r;
        const QJsonValue format = object.value(u"format"_s);
        if (!format.isUndefined() && format != QJsonValue(kFormat))
            r.error(u"/format"_s, u"expected \"%1\": this is not a Fairnote case file"_s.arg(kFormat));
        if (auto bad = checkVersion(object, QString()))
            return InterchangeErrors{*bad};
        CaseFile cf = readCaseFile(r, object, QString(), std::move(one), std::move(oneIds));
        for (auto &e : single.errors)
            r.error(e.path, e.message);
        if (!r.errors.empty())
            return r.errors;
        return std::vector<CaseFile>{std::move(cf)};
    }
    if (auto bad = checkVersion(object, QString()))
        return InterchangeErrors{*bad};
    const QJsonValue list = object.value(u"case_files"_s);
    if (!list.isArray())
        return InterchangeErrors{{u"/case_files"_s, u"expected a list of case files, found %1"_s.arg(Reader::typeName(list))}};
    if (!collection.errors.empty())
        return collection.errors;
    return files;
}

bool writeCaseFiles(const std::function<std::optional<CaseFile>()> &next, const std::function<bool(QByteArrayView)> &sink)
{
    // The bytes QJsonDocument writes for {"case_files": [...], "format": …, "version": …} (members in its
    // order), made one case file at a time: each is written as a document of its own, indented two levels.
    if (!sink("{\n    \"case_files\": [\n"))
        return false;
    bool first = true;
    while (std::optional<CaseFile> cf = next()) {
        QByteArray one = QJsonDocument(caseFileJson(*cf)).toJson(QJsonDocument::Indented);
        one.chop(1); // its last newline
        one.replace('\n', "\n        ");
        if (!sink(first ? QByteArrayView("        ") : QByteArrayView(",\n        ")) || !sink(one))
            return false;
        first = false;
    }
    return sink(first ? QByteArrayView("") : QByteArrayView("\n"))
        && sink(QByteArray("    ],\n    \"format\": \"" + kCollectionFormat.toUtf8() + "\",\n    \"version\": "
                           + QByteArray::number(kInterchangeVersion) + "\n}\n"));
}

QByteArray writeCaseFiles(const std::vector<CaseFile> &caseFiles)
{
    QByteArray out;
    std::size_t at = 0;
    writeCaseFiles([&]() -> std::optional<CaseFile> { return at < caseFiles.size() ? std::optional(caseFiles[at++]) : std::nullopt; },
                   [&](QByteArrayView bytes) {
                       out.append(bytes);
                       return true;
                   });
    return out;
}

QJsonObject entryToJson(const Entry &e)
{
    QJsonObject o{
        {u"id"_s, e.id},
        {u"kind"_s, e.isIncident() ? u"incident"_s : u"note"_s},
        {u"written_at"_s, e.writtenAt.toUTC().toString(e.writtenAt.time().msec() ? Qt::ISODateWithMs : Qt::ISODate)},
        {u"author"_s, QJsonObject{{u"name"_s, e.author.name}, {u"role"_s, e.author.role}, {u"organisation"_s, e.author.organisation}}},
        {u"event_date"_s, eventDateJson(e.eventDate)},
        {u"late_entry_reason"_s, e.lateEntryReason},
        {u"people_present"_s, QJsonArray::fromStringList(e.peoplePresent)},
    };
    if (const IncidentRecord *r = e.incident())
        o.insert(u"incident"_s, incidentJson(*r));
    else
        o.insert(u"note"_s, QJsonObject{{u"text"_s, std::get<GeneralNote>(e.body).text}});
    return o;
}

Result<Entry, InterchangeErrors> entryFromJson(const QJsonObject &o, const QString &path)
{
    Reader r;
    Entry e = r.entry(o, path);
    if (!r.errors.empty())
        return r.errors;
    return e;
}

QJsonObject eventDateToJson(const EventDate &d) { return eventDateJson(d); }

EventDate eventDateFromJson(const QJsonObject &object)
{
    // Read through the entry reader, so a date is checked by the one set of rules the interchange has.
    const QJsonObject entry{{u"id"_s, u"x"_s}, {u"kind"_s, u"note"_s}, {u"written_at"_s, u"2000-01-01T00:00:00Z"_s},
                            {u"author"_s, QJsonObject{{u"name"_s, u"x"_s}}}, {u"note"_s, QJsonObject{{u"text"_s, QString()}}},
                            {u"event_date"_s, object}};
    auto e = entryFromJson(entry);
    return e ? e->eventDate : EventDate{};
}

QByteArray writeInterchange(const CaseFile &cf)
{
    return QJsonDocument(caseFileJson(cf)).toJson(QJsonDocument::Indented);
}

} // namespace fairnote::record
