// SPDX-FileCopyrightText: 2026 Fairnote contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// Session results: learner codes, CSV and JSON, and the cohort summary.
#include "training/results.h"

#include "json/strictjson.h"
#include "text/csv.h"
#include "text/utf8.h"

#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QSet>
#include <cmath>

using namespace Qt::StringLiterals;

namespace fairnote::training {

int AttemptResult::percent() const { return max > 0 ? int(std::lround(100.0 * points / max)) : 0; }

bool isValidLearnerCode(QStringView code, QString *why)
{
    auto fail = [&](const QString &message) {
        if (why)
            *why = message;
        return false;
    };
    if (code.size() < 2 || code.size() > 20)
        return fail(u"A learner code has 2 to 20 characters, such as L07."_s);
    static const QRegularExpression allowed(u"^[A-Za-z0-9._-]+$"_s);
    if (!allowed.match(code).hasMatch())
        return fail(u"Use only letters, digits, hyphens, underscores and full stops, with no spaces (for example L07 or CAT-2026-14)."_s);
    static const QRegularExpression digit(u"[0-9]"_s);
    if (!digit.match(code).hasMatch())
        return fail(u"Include at least one digit (for example L07): a code, never a name."_s);
    return true;
}

AttemptResult resultOf(const Feedback &fb, const QString &learner, const QString &session, const QDateTime &at)
{
    AttemptResult r;
    r.learner = learner;
    r.session = session;
    r.exerciseId = fb.exerciseId;
    r.type = fb.type;
    r.points = fb.score.points();
    r.max = fb.score.max();
    if (fb.type == ExerciseType::Rewrite) {
        r.wordingFindings = fb.wordingFindings;
        r.openQuestions = fb.openQuestions;
    }
    r.at = at.toUTC();
    return r;
}

namespace {

const QStringList kColumns{u"learner"_s, u"session"_s, u"exercise"_s, u"type"_s, u"points"_s, u"max"_s, u"percent"_s,
                           u"wording_findings"_s, u"open_questions"_s, u"scored_at"_s};

using text::csvCell;

QString countCell(int n) { return n < 0 ? QString() : QString::number(n); }

// Splits CSV text into rows of cells (RFC 4180: quoted cells may hold commas, quotes and line breaks).
Result<std::vector<QStringList>, QString> parseCsv(const QString &text)
{
    std::vector<QStringList> rows;
    QStringList row;
    QString cell;
    bool quoted = false, wasQuoted = false;
    int line = 1;
    for (qsizetype i = 0; i < text.size(); ++i) {
        const QChar c = text[i];
        if (quoted) {
            if (c == u'"') {
                if (i + 1 < text.size() && text[i + 1] == u'"') {
                    cell += u'"';
                    ++i;
                } else {
                    quoted = false;
                }
            } else {
                if (c == u'\n')
                    ++line;
                cell += c;
            }
        } else if (c == u'"' && cell.isEmpty() && !wasQuoted) {
            quoted = wasQuoted = true;
        } else if (c == u',') {
            row << cell;
            cell.clear();
            wasQuoted = false;
        } else if (c == u'\n' || c == u'\r') {
            if (c == u'\r' && i + 1 < text.size() && text[i + 1] == u'\n')
                ++i;
            row << cell;
            cell.clear();
            wasQuoted = false;
            rows.push_back(row);
            row.clear();
            ++line;
        } else {
            cell += c;
        }
    }
    if (quoted)
        return u"line %1: a quoted cell is not closed"_s.arg(line);
    if (!cell.isEmpty() || !row.isEmpty()) {
        row << cell;
        rows.push_back(row);
    }
    return rows;
}

QString uncell(const QString &s) { return s.startsWith(u'\'') && s.size() > 1 && QStringView(u"=+-@").contains(s[1]) ? s.mid(1) : s; }

} // namespace

QByteArray resultsToCsv(const std::vector<AttemptResult> &results)
{
    QString out = kColumns.join(u',') + u"\r\n"_s;
    for (const AttemptResult &r : results) {
        const QStringList cells{csvCell(r.learner), csvCell(r.session), csvCell(r.exerciseId), typeId(r.type),
                                QString::number(r.points), QString::number(r.max), QString::number(r.percent()),
                                countCell(r.wordingFindings), countCell(r.openQuestions), r.at.toUTC().toString(Qt::ISODate)};
        out += cells.join(u',') + u"\r\n"_s;
    }
    return out.toUtf8();
}

QByteArray resultsToJson(const std::vector<AttemptResult> &results, const QDateTime &exportedAt)
{
    QJsonArray rows;
    for (const AttemptResult &r : results) {
        QJsonObject o{{u"learner"_s, r.learner},   {u"session"_s, r.session}, {u"exercise"_s, r.exerciseId},
                      {u"type"_s, typeId(r.type)}, {u"points"_s, r.points},   {u"max"_s, r.max},
                      {u"percent"_s, r.percent()}, {u"scored_at"_s, r.at.toUTC().toString(Qt::ISODate)}};
        o.insert(u"wording_findings"_s, r.wordingFindings < 0 ? QJsonValue() : QJsonValue(r.wordingFindings));
        o.insert(u"open_questions"_s, r.openQuestions < 0 ? QJsonValue() : QJsonValue(r.openQuestions));
        rows.append(o);
    }
    const QJsonObject root{{u"format"_s, u"fairnote-training-results"_s}, {u"version"_s, 1},
                           {u"exported_at"_s, exportedAt.toUTC().toString(Qt::ISODate)}, {u"results"_s, rows}};
    return QJsonDocument(root).toJson(QJsonDocument::Indented);
}

Result<std::vector<AttemptResult>, QString> readResults(const QByteArray &bytes)
{
    auto decoded = text::decodeUtf8(bytes);
    if (!decoded)
        return QString(decoded.error().describe() + u"; save the file as UTF-8"_s);
    const QString text = *decoded;
    std::vector<AttemptResult> out;
    auto parseRow = [](AttemptResult &r, const QString &type, const QString &at) -> QString {
        const auto t = typeFromId(type);
        if (!t)
            return u"unknown exercise type \"%1\""_s.arg(type);
        r.type = *t;
        r.at = QDateTime::fromString(at, Qt::ISODate).toUTC();
        if (!r.at.isValid())
            return u"\"%1\" is not a date and time such as 2026-03-04T10:15:00Z"_s.arg(at);
        if (r.learner.isEmpty() || r.exerciseId.isEmpty())
            return u"the learner code and the exercise are needed"_s;
        if (r.max < 0 || r.points < 0 || r.points > r.max)
            return u"the points must be between 0 and the maximum"_s;
        return {};
    };
    if (text.trimmed().startsWith(u'{')) {
        auto doc = json::parseObject(bytes, u"expected one JSON object holding exported results"_s);
        if (!doc)
            return u"not valid JSON: %1"_s.arg(doc.error().toString());
        const QJsonObject root = *doc;
        if (root.value(u"format"_s) != QJsonValue(u"fairnote-training-results"_s))
            return u"/format: expected \"fairnote-training-results\"; this is not a file of exported results"_s;
        if (root.value(u"version"_s).toInt() != 1)
            return u"/version: this Fairnote reads version 1 of the results format"_s;
        const QJsonArray rows = root.value(u"results"_s).toArray();
        for (qsizetype i = 0; i < rows.size(); ++i) {
            const QJsonObject o = rows[i].toObject();
            AttemptResult r;
            r.learner = o.value(u"learner"_s).toString();
            r.session = o.value(u"session"_s).toString();
            r.exerciseId = o.value(u"exercise"_s).toString();
            r.points = o.value(u"points"_s).toInt(-1);
            r.max = o.value(u"max"_s).toInt(-1);
            r.wordingFindings = o.value(u"wording_findings"_s).toInt(-1);
            r.openQuestions = o.value(u"open_questions"_s).toInt(-1);
            if (const QString problem = parseRow(r, o.value(u"type"_s).toString(), o.value(u"scored_at"_s).toString()); !problem.isEmpty())
                return u"/results/%1: %2"_s.arg(i).arg(problem);
            out.push_back(std::move(r));
        }
        return out;
    }
    auto rows = parseCsv(text);
    if (!rows)
        return rows.error();
    if (rows->empty() || rows->front() != kColumns)
        return u"line 1: expected the header %1; this is not a file of exported results"_s.arg(kColumns.join(u','));
    for (size_t i = 1; i < rows->size(); ++i) {
        const QStringList &c = (*rows)[i];
        if (c.size() == 1 && c.front().isEmpty())
            continue; // a blank line
        if (c.size() != kColumns.size())
            return u"row %1: expected %2 cells, found %3"_s.arg(i + 1).arg(kColumns.size()).arg(c.size());
        AttemptResult r;
        bool ok1 = false, ok2 = false;
        r.learner = uncell(c[0]);
        r.session = uncell(c[1]);
        r.exerciseId = uncell(c[2]);
        r.points = c[4].toInt(&ok1);
        r.max = c[5].toInt(&ok2);
        if (!ok1 || !ok2)
            return u"row %1: the points and the maximum must be whole numbers"_s.arg(i + 1);
        r.wordingFindings = c[7].isEmpty() ? -1 : c[7].toInt();
        r.openQuestions = c[8].isEmpty() ? -1 : c[8].toInt();
        if (const QString problem = parseRow(r, c[3], c[9]); !problem.isEmpty())
            return u"row %1: %2"_s.arg(i + 1).arg(problem);
        out.push_back(std::move(r));
    }
    return out;
}

Cohort summariseCohort(const std::vector<AttemptResult> &results)
{
    Cohort c;
    c.attempts = int(results.size());
    // First attempts only, in time order.
    std::vector<const AttemptResult *> sorted;
    for (const AttemptResult &r : results)
        sorted.push_back(&r);
    std::stable_sort(sorted.begin(), sorted.end(), [](const AttemptResult *a, const AttemptResult *b) { return a->at < b->at; });
    QSet<QString> seen, learners;
    std::vector<const AttemptResult *> firsts;
    for (const AttemptResult *r : sorted) {
        const QString key = r->session + u'\x1f' + r->learner + u'\x1f' + r->exerciseId;
        if (seen.contains(key))
            continue;
        seen.insert(key);
        firsts.push_back(r);
        learners.insert(r->learner);
    }
    c.learners = int(learners.size());
    for (const AttemptResult &r : results) // sessions in file order, as the trainer wrote them
        if (!c.sessions.contains(r.session))
            c.sessions << r.session;

    auto bar = [&](const QString &session, std::optional<ExerciseType> type) {
        CohortBar b;
        b.session = session;
        b.type = type;
        QSet<QString> who;
        double sum = 0;
        for (const AttemptResult *r : firsts) {
            if (r->session != session || (type && r->type != *type))
                continue;
            ++b.attempts;
            who.insert(r->learner);
            sum += r->max > 0 ? 100.0 * r->points / r->max : 0;
        }
        b.learners = int(who.size());
        b.averagePercent = b.attempts > 0 ? sum / b.attempts : 0;
        return b;
    };
    for (const QString &session : c.sessions) {
        c.bars.push_back(bar(session, std::nullopt));
        for (ExerciseType t : {ExerciseType::Rewrite, ExerciseType::FactReportedOpinion, ExerciseType::SpotTheProblem}) {
            CohortBar b = bar(session, t);
            if (b.attempts > 0)
                c.bars.push_back(b);
        }
        int rewrites = 0, findings = 0;
        for (const AttemptResult *r : firsts)
            if (r->session == session && r->type == ExerciseType::Rewrite && r->wordingFindings >= 0) {
                ++rewrites;
                findings += r->wordingFindings;
            }
        c.findingsPerRewrite.push_back(rewrites > 0 ? std::optional<double>(double(findings) / rewrites) : std::nullopt);
    }
    return c;
}

} // namespace fairnote::training
