// SPDX-FileCopyrightText: 2026 Fairnote contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// eval-score: scores the checker on an annotated evaluation set (tests/data/eval/passages.jsonl):
// recall on must-flag spans and the false-positive rate on must-not-flag spans, per topic and overall,
// with the wording check alone and with wording and spelling together.
#include "spelling/spellchecker.h"
#include "wording/checker.h"
#include "wording/rulepack.h"

#include <QCoreApplication>
#include <QFile>
#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMap>
#include <QSet>
#include <QTextStream>
#include <algorithm>
#include <cstdio>
#include <memory>
#include <optional>

using namespace Qt::StringLiterals;
using namespace fairnote;

namespace {

constexpr int kExitOk = 0;
constexpr int kExitTargetMissed = 1;
constexpr int kExitBadInput = 2;

struct Annotation
{
    QString span;
    int nth = 1;
    QString note; // "why" for a flag, "reason" for a keep
    qsizetype start = -1;
    qsizetype end = -1;
};

struct Passage
{
    QString id;
    QString topic;
    QString text;
    std::vector<Annotation> flag;
    std::vector<Annotation> keep;
};

// An annotation the scorer is told to leave out ("score without the disputed ones"): passage id, kind and span.
struct Disputed
{
    QString id;
    QString kind; // "flag" or "keep"
    QString span;
    int nth = 1;
};

QTextStream &out()
{
    static QTextStream s(stdout);
    return s;
}
QTextStream &err()
{
    static QTextStream s(stderr);
    return s;
}

// The UTF-16 offset of the nth (1-based) occurrence of needle in text, or -1.
qsizetype nthOccurrence(const QString &text, const QString &needle, int nth)
{
    qsizetype at = -1;
    for (int i = 0; i < nth; ++i) {
        at = text.indexOf(needle, at + 1);
        if (at < 0)
            return -1;
    }
    return at;
}

std::optional<std::vector<Annotation>> readAnnotations(const QJsonValue &v, const QString &noteKey, const QString &text,
                                                       const QString &where, QStringList &problems)
{
    std::vector<Annotation> out;
    if (v.isUndefined())
        return out;
    if (!v.isArray()) {
        problems << u"%1: must be a list"_s.arg(where);
        return std::nullopt;
    }
    const QJsonArray a = v.toArray();
    for (qsizetype i = 0; i < a.size(); ++i) {
        const QJsonObject o = a[i].toObject();
        Annotation an;
        an.span = o.value(u"span"_s).toString();
        an.nth = o.value(u"nth"_s).toInt(1);
        an.note = o.value(noteKey).toString();
        if (an.span.isEmpty() || an.nth < 1) {
            problems << u"%1[%2]: needs a non-empty \"span\" and an \"nth\" of 1 or more"_s.arg(where).arg(i);
            continue;
        }
        an.start = nthOccurrence(text, an.span, an.nth);
        if (an.start < 0) {
            problems << u"%1[%2]: \"%3\" (occurrence %4) is not in the text"_s.arg(where).arg(i).arg(an.span).arg(an.nth);
            continue;
        }
        an.end = an.start + an.span.size();
        out.push_back(an);
    }
    return out;
}

bool readPassages(const QString &path, std::vector<Passage> &passages, QStringList &problems)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly)) {
        problems << u"%1: cannot be read: %2"_s.arg(path, f.errorString());
        return false;
    }
    int lineNo = 0;
    QSet<QString> ids;
    for (const QByteArray &line : f.readAll().split('\n')) {
        ++lineNo;
        if (line.trimmed().isEmpty())
            continue;
        QJsonParseError pe;
        const QJsonDocument doc = QJsonDocument::fromJson(line, &pe);
        const QString where = u"%1:%2"_s.arg(path).arg(lineNo);
        if (pe.error != QJsonParseError::NoError || !doc.isObject()) {
            problems << u"%1: not a JSON object (%2)"_s.arg(where, pe.errorString());
            continue;
        }
        const QJsonObject o = doc.object();
        Passage p;
        p.id = o.value(u"id"_s).toString();
        p.topic = o.value(u"topic"_s).toString(u"(none)"_s);
        p.text = o.value(u"text"_s).toString();
        if (p.id.isEmpty() || p.text.isEmpty()) {
            problems << u"%1: needs \"id\" and \"text\""_s.arg(where);
            continue;
        }
        if (ids.contains(p.id))
            problems << u"%1: id \"%2\" is used twice"_s.arg(where, p.id);
        ids.insert(p.id);
        auto flag = readAnnotations(o.value(u"flag"_s), u"why"_s, p.text, where + u" flag"_s, problems);
        auto keep = readAnnotations(o.value(u"keep"_s), u"reason"_s, p.text, where + u" keep"_s, problems);
        if (!flag || !keep)
            continue;
        p.flag = std::move(*flag);
        p.keep = std::move(*keep);
        passages.push_back(std::move(p));
    }
    return true;
}

bool readDisputed(const QString &path, std::vector<Disputed> &out, QStringList &problems)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly)) {
        problems << u"%1: cannot be read: %2"_s.arg(path, f.errorString());
        return false;
    }
    QJsonParseError pe;
    const QJsonDocument doc = QJsonDocument::fromJson(f.readAll(), &pe);
    if (pe.error != QJsonParseError::NoError || !doc.isArray()) {
        problems << u"%1: must be a JSON list of {id, kind, span, nth, reason}"_s.arg(path);
        return false;
    }
    for (const QJsonValue &v : doc.array()) {
        const QJsonObject o = v.toObject();
        Disputed d{o.value(u"id"_s).toString(), o.value(u"kind"_s).toString(), o.value(u"span"_s).toString(),
                   o.value(u"nth"_s).toInt(1)};
        if (d.id.isEmpty() || (d.kind != u"flag" && d.kind != u"keep") || d.span.isEmpty()) {
            problems << u"%1: each entry needs an id, a kind (flag or keep) and a span"_s.arg(path);
            continue;
        }
        out.push_back(d);
    }
    return true;
}

struct Tally
{
    int flagged = 0, flagTotal = 0; // must-flag spans caught / all
    int falsePos = 0, keepTotal = 0; // must-not-flag spans touched / all
    int possibleNameOnly = 0;        // of falsePos: touched only by the spelling check's lighter "possible-name" mark
    double recall() const { return flagTotal ? 100.0 * flagged / flagTotal : 100.0; }
    double fpRate() const { return keepTotal ? 100.0 * falsePos / keepTotal : 0.0; }
    void add(const Tally &o)
    {
        flagged += o.flagged;
        flagTotal += o.flagTotal;
        falsePos += o.falsePos;
        keepTotal += o.keepTotal;
        possibleNameOnly += o.possibleNameOnly;
    }
};

bool overlaps(const Finding &f, qsizetype start, qsizetype end) { return f.offset < end && f.offset + f.length > start; }

QString describeFinding(const QString &text, const Finding &f)
{
    return u"%1 “%2”"_s.arg(f.ruleId, QStringView(text).sliced(f.offset, f.length).toString());
}

QString context(const QString &text, qsizetype start, qsizetype end)
{
    const qsizetype from = std::max<qsizetype>(0, start - 50);
    const qsizetype to = std::min(text.size(), end + 50);
    QString s = text.mid(from, start - from) + u"[["_s + text.mid(start, end - start) + u"]]"_s + text.mid(end, to - end);
    return s.simplified();
}

struct Mode
{
    QString name;
    const spelling::SpellChecker *speller = nullptr;
};

// Scores one mode; prints per topic and overall; returns the overall tally.
Tally score(const wording::Checker &checker, const Mode &mode, const std::vector<Passage> &passages,
            const std::vector<Disputed> &disputed, bool verbose, QJsonObject &json)
{
    auto isDisputed = [&](const Passage &p, const QString &kind, const Annotation &a) {
        return std::any_of(disputed.begin(), disputed.end(), [&](const Disputed &d) {
            return d.id == p.id && d.kind == kind && d.span == a.span && d.nth == a.nth;
        });
    };
    QMap<QString, Tally> byTopic;
    QMap<QString, Tally> byReason; // must-not spans by their reason ("name", "quoted", …)
    QStringList misses, falsePositives;
    for (const Passage &p : passages) {
        std::vector<Finding> findings;
        checker.check(p.text, 0, findings);
        if (mode.speller)
            mode.speller->check(p.text, 0, findings, {}, spelling::Suggestions::Skip);
        Tally &t = byTopic[p.topic];
        for (const Annotation &a : p.flag) {
            if (isDisputed(p, u"flag"_s, a))
                continue;
            ++t.flagTotal;
            const bool hit = std::any_of(findings.begin(), findings.end(), [&](const Finding &f) { return overlaps(f, a.start, a.end); });
            if (hit)
                ++t.flagged;
            else
                misses << u"  %1 [%2] missed “%3”: %4"_s.arg(p.id, p.topic, a.span, context(p.text, a.start, a.end));
        }
        for (const Annotation &a : p.keep) {
            if (isDisputed(p, u"keep"_s, a))
                continue;
            ++t.keepTotal;
            Tally &r = byReason[a.note.isEmpty() ? u"(no reason)"_s : a.note];
            ++r.keepTotal;
            QStringList by;
            bool onlyPossibleName = true;
            for (const Finding &f : findings)
                if (overlaps(f, a.start, a.end)) {
                    by << describeFinding(p.text, f);
                    onlyPossibleName = onlyPossibleName && spelling::isPossibleName(f);
                }
            if (!by.isEmpty()) {
                ++t.falsePos;
                ++r.falsePos;
                if (onlyPossibleName) {
                    ++t.possibleNameOnly;
                    ++r.possibleNameOnly;
                }
                falsePositives << u"  %1 [%2] flagged “%3” (%4) by %5: %6"_s.arg(p.id, p.topic, a.span, a.note, by.join(u", "_s),
                                                                                  context(p.text, a.start, a.end));
            }
        }
    }
    Tally all;
    QJsonObject topics;
    out() << u"\n== %1 ==\n"_s.arg(mode.name);
    out() << u"%1  %2  %3\n"_s.arg(u"topic"_s, -28).arg(u"flagged (recall)"_s, -24).arg(u"kept flagged (false positives)"_s);
    auto line = [&](const QString &name, const Tally &t) {
        out() << u"%1  %2  %3\n"_s.arg(name, -28)
                     .arg(u"%1 of %2 (%3%)"_s.arg(t.flagged).arg(t.flagTotal).arg(t.recall(), 0, 'f', 1), -24)
                     .arg(u"%1 of %2 (%3%)"_s.arg(t.falsePos).arg(t.keepTotal).arg(t.fpRate(), 0, 'f', 1));
    };
    for (auto it = byTopic.cbegin(); it != byTopic.cend(); ++it) {
        line(it.key(), *it);
        all.add(*it);
        topics.insert(it.key(), QJsonObject{{u"flagged"_s, it->flagged}, {u"flag_total"_s, it->flagTotal},
                                            {u"false_positives"_s, it->falsePos}, {u"keep_total"_s, it->keepTotal}});
    }
    line(u"OVERALL"_s, all);
    Tally withoutNames = all;
    withoutNames.falsePos -= byReason.value(u"name"_s).falsePos;
    withoutNames.keepTotal -= byReason.value(u"name"_s).keepTotal;
    line(u"OVERALL, names left out"_s, withoutNames);
    if (all.possibleNameOnly > 0) {
        // A possible name is a lighter mark that asks "is this a name?" (docs/spelling.md); it is counted
        // above as flagged, and here apart.
        Tally marksOnly = all;
        marksOnly.falsePos -= all.possibleNameOnly;
        out() << u"  of the must-not spans flagged, %1 carry only the lighter possible-name mark; without them %2 of %3 (%4%)\n"_s
                     .arg(all.possibleNameOnly)
                     .arg(marksOnly.falsePos)
                     .arg(marksOnly.keepTotal)
                     .arg(marksOnly.fpRate(), 0, 'f', 1);
    }
    out() << u"must-not spans by reason:"_s;
    QJsonObject reasons;
    for (auto it = byReason.cbegin(); it != byReason.cend(); ++it) {
        out() << u" %1 %2/%3"_s.arg(it.key()).arg(it->falsePos).arg(it->keepTotal);
        reasons.insert(it.key(), QJsonObject{{u"false_positives"_s, it->falsePos}, {u"keep_total"_s, it->keepTotal}});
    }
    out() << u"\n"_s;
    json.insert(mode.name, QJsonObject{{u"topics"_s, topics}, {u"keep_reasons"_s, reasons},
                                       {u"overall"_s, QJsonObject{{u"flagged"_s, all.flagged}, {u"flag_total"_s, all.flagTotal},
                                                                  {u"false_positives"_s, all.falsePos},
                                                                  {u"keep_total"_s, all.keepTotal},
                                                                  {u"possible_name_only"_s, all.possibleNameOnly},
                                                                  {u"recall"_s, all.recall()}, {u"fp_rate"_s, all.fpRate()}}}});
    if (verbose) {
        out() << u"\nMissed (%1):\n"_s.arg(misses.size()) << misses.join(u'\n') << (misses.isEmpty() ? u""_s : u"\n"_s);
        out() << u"\nFalse positives (%1):\n"_s.arg(falsePositives.size()) << falsePositives.join(u'\n')
              << (falsePositives.isEmpty() ? u""_s : u"\n"_s);
    }
    out().flush();
    return all;
}

void usage(QTextStream &s)
{
    s << u"Usage: eval-score [--verbose] [--spelling off|on|both] [--dictionary PATH] [--without FILE]\n"
         u"                  [--rules DIR] [--json FILE] [--min-recall PCT] [--max-fp PCT] PASSAGES.jsonl\n\n"
         u"Scores the wording check (and spelling, with the en_GB Hunspell dictionary) on an annotated\n"
         u"evaluation set: one JSON object per line, {\"id\", \"topic\", \"text\", \"flag\": [{\"span\", \"nth\",\n"
         u"\"why\"}], \"keep\": [{\"span\", \"nth\", \"reason\"}]}. A must-flag span is caught when a finding\n"
         u"overlaps it; a must-not-flag span is a false positive when any finding overlaps it.\n\n"
         u"  --verbose         list every miss and every false positive\n"
         u"  --spelling MODE   off (wording only), on (wording and spelling) or both (default)\n"
         u"  --dictionary PATH a Hunspell .dic (or a directory) instead of searching the system\n"
         u"  --without FILE    leave out the annotations listed in FILE (a JSON list of {id, kind, span, nth})\n"
         u"  --rules DIR       also load an organisation's rule pack\n"
         u"  --json FILE       also write the figures as JSON\n"
         u"  --min-recall PCT  exit 1 unless every mode flags at least PCT% of must-flag spans\n"
         u"  --max-fp PCT      exit 1 unless every mode flags at most PCT% of must-not-flag spans\n\n"
         u"Exit status: 0 scored (and the targets met), 1 a target missed, 2 bad input.\n"_s;
    s.flush();
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QStringList args = app.arguments().mid(1);
    bool verbose = false;
    QString spellingMode = u"both"_s, dictionary, without, rulesDir, jsonPath, passagesPath;
    std::optional<double> minRecall, maxFp;
    const QHash<QString, QString *> stringOptions{{u"--spelling"_s, &spellingMode}, {u"--dictionary"_s, &dictionary},
                                                  {u"--without"_s, &without},       {u"--rules"_s, &rulesDir},
                                                  {u"--json"_s, &jsonPath}};
    for (qsizetype i = 0; i < args.size(); ++i) {
        const QString &a = args[i];
        auto value = [&]() -> std::optional<QString> {
            if (i + 1 >= args.size()) {
                err() << u"eval-score: %1 needs a value\n"_s.arg(a);
                return std::nullopt;
            }
            return args[++i];
        };
        auto percent = [&](std::optional<double> &target) {
            const auto v = value();
            bool ok = false;
            if (v)
                target = v->toDouble(&ok);
            if (!ok)
                err() << u"eval-score: %1 needs a number\n"_s.arg(a);
            return ok;
        };
        if (a == u"--verbose" || a == u"-v") {
            verbose = true;
        } else if (a == u"-h" || a == u"--help") {
            usage(out());
            return kExitOk;
        } else if (QString *target = stringOptions.value(a)) {
            const auto v = value();
            if (!v)
                return kExitBadInput;
            *target = *v;
        } else if (a == u"--min-recall") {
            if (!percent(minRecall))
                return kExitBadInput;
        } else if (a == u"--max-fp") {
            if (!percent(maxFp))
                return kExitBadInput;
        } else if (a.startsWith(u'-')) {
            err() << u"eval-score: unknown option %1\n"_s.arg(a);
            usage(err());
            return kExitBadInput;
        } else if (passagesPath.isEmpty()) {
            passagesPath = a;
        } else {
            err() << u"eval-score: give one PASSAGES.jsonl\n"_s;
            return kExitBadInput;
        }
    }
    if (passagesPath.isEmpty() || (spellingMode != u"off" && spellingMode != u"on" && spellingMode != u"both")) {
        usage(err());
        return kExitBadInput;
    }

    QStringList problems;
    std::vector<Passage> passages;
    std::vector<Disputed> disputed;
    readPassages(passagesPath, passages, problems);
    if (!without.isEmpty())
        readDisputed(without, disputed, problems);
    if (!problems.isEmpty()) {
        for (const QString &p : problems)
            err() << u"eval-score: %1\n"_s.arg(p);
        return kExitBadInput;
    }
    auto pack = wording::loadRulePack(rulesDir);
    if (!pack) {
        for (const auto &p : pack.error())
            err() << p.toString() << u'\n';
        return kExitBadInput;
    }
    const wording::Checker checker(std::move(*pack));

    std::vector<Mode> modes;
    std::unique_ptr<spelling::SpellChecker> speller;
    if (spellingMode != u"off") {
        spelling::SpellingOptions options;
        options.dictionaryPath = dictionary;
        auto opened = spelling::SpellChecker::open(options);
        if (!opened) {
            err() << u"eval-score: spelling unavailable: %1\n"_s.arg(opened.error().message());
            return kExitBadInput;
        }
        speller = std::move(*opened);
    }
    if (spellingMode != u"on")
        modes.push_back({u"wording only"_s, nullptr});
    if (speller)
        modes.push_back({u"wording and spelling"_s, speller.get()});

    int flagTotal = 0, keepTotal = 0;
    for (const Passage &p : passages) {
        flagTotal += int(p.flag.size());
        keepTotal += int(p.keep.size());
    }
    out() << u"%1: %2 passages, %3 must-flag spans, %4 must-not-flag spans"_s.arg(passagesPath).arg(passages.size()).arg(flagTotal).arg(keepTotal);
    if (!disputed.empty())
        out() << u" (%1 disputed annotations left out)"_s.arg(disputed.size());
    out() << u"\n"_s;

    QJsonObject json;
    bool met = true;
    for (const Mode &m : modes) {
        const Tally t = score(checker, m, passages, disputed, verbose, json);
        if (minRecall && t.recall() < *minRecall) {
            met = false;
            out() << u"TARGET MISSED (%1): recall %2% < %3%\n"_s.arg(m.name).arg(t.recall(), 0, 'f', 1).arg(*minRecall);
        }
        if (maxFp && t.fpRate() > *maxFp) {
            met = false;
            out() << u"TARGET MISSED (%1): false positives %2% > %3%\n"_s.arg(m.name).arg(t.fpRate(), 0, 'f', 1).arg(*maxFp);
        }
    }
    out().flush();
    if (!jsonPath.isEmpty()) {
        QFile f(jsonPath);
        if (!f.open(QIODevice::WriteOnly) || f.write(QJsonDocument(json).toJson()) < 0) {
            err() << u"eval-score: cannot write %1: %2\n"_s.arg(jsonPath, f.errorString());
            return kExitBadInput;
        }
    }
    return met ? kExitOk : kExitTargetMissed;
}
