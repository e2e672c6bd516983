// SPDX-FileCopyrightText: 2026 Fairnote contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// Scores the checker on the development corpus (../shared/corpus) the way score.mjs does: a marked
// term counts as flagged when any finding overlaps it. Prints the figures; fails below the targets.
// Scored twice: the wording check alone, and wording with spelling (en_GB Hunspell), since a spelling
// finding on a quoted or negated term is as wrong as a wording one.
#include "spelling/spellchecker.h"
#include "testsupport.h"

#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMap>
#include <cstdio>

using namespace Qt::StringLiterals;
using namespace fairnote;

namespace {
struct Target { qsizetype start, end; QString term, context; };

void scoreCorpus(bool withSpelling)
{
    const QString dir = qEnvironmentVariable("FAIRNOTE_CORPUS_DIR");
    QFile textFile(dir + u"/dev.txt"_s), targetsFile(dir + u"/dev.targets.jsonl"_s);
    REQUIRE(textFile.open(QIODevice::ReadOnly));
    REQUIRE(targetsFile.open(QIODevice::ReadOnly));
    const QString text = QString::fromUtf8(textFile.readAll());
    std::vector<Target> targets;
    for (const QByteArray &line : targetsFile.readAll().split('\n')) {
        if (line.trimmed().isEmpty())
            continue;
        const QJsonObject o = QJsonDocument::fromJson(line).object();
        targets.push_back({o[u"start"_s].toInteger(), o[u"end"_s].toInteger(), o[u"term"_s].toString(), o[u"context"_s].toString()});
    }
    REQUIRE(targets.size() > 1000);

    auto findings = testing::builtInChecker()->check(text);
    if (withSpelling) {
        auto speller = spelling::SpellChecker::open({});
        REQUIRE(speller); // ./run test installs hunspell-en-gb
        (*speller)->check(text, 0, findings, {}, spelling::Suggestions::Skip);
        std::stable_sort(findings.begin(), findings.end(), [](const Finding &a, const Finding &b) { return a.offset < b.offset; });
    }
    std::vector<bool> onTarget(findings.size(), false);
    QMap<QString, std::pair<int, int>> byContext; // context -> (flagged, total)
    QMap<QString, std::pair<int, int>> missedPlain; // term -> (missed, total)
    QStringList flaggedQuotedOrNegated;
    for (const Target &t : targets) {
        auto it = std::lower_bound(findings.begin(), findings.end(), t.start - 200,
                                   [](const Finding &f, qsizetype o) { return f.offset < o; });
        bool hit = false;
        for (; it != findings.end() && it->offset < t.end; ++it) {
            if (it->offset + it->length > t.start) {
                hit = true;
                onTarget[size_t(it - findings.begin())] = true;
            }
        }
        auto &c = byContext[t.context];
        c.second++;
        if (hit)
            c.first++;
        if (t.context == u"plain") {
            missedPlain[t.term.toLower()].second++;
            if (!hit)
                missedPlain[t.term.toLower()].first++;
        } else if (hit) {
            flaggedQuotedOrNegated << t.context + u": "_s + text.mid(t.start - 30, t.end - t.start + 60).simplified();
        }
    }
    auto pct = [&](const QString &c) { return byContext[c].second ? 100.0 * byContext[c].first / byContext[c].second : 0.0; };
    std::printf("Corpus, %s (%d targets, %d findings):\n", withSpelling ? "wording and spelling" : "wording only",
                int(targets.size()), int(findings.size()));
    std::printf("  plain flagged:   %5.1f%% (%d of %d)\n", pct(u"plain"_s), byContext[u"plain"_s].first, byContext[u"plain"_s].second);
    std::printf("  quoted flagged:  %5.1f%% (%d of %d)\n", pct(u"quoted"_s), byContext[u"quoted"_s].first, byContext[u"quoted"_s].second);
    std::printf("  negated flagged: %5.1f%% (%d of %d)\n", pct(u"negated"_s), byContext[u"negated"_s].first, byContext[u"negated"_s].second);
    std::printf("  findings not on a marked term: %d\n", int(std::count(onTarget.begin(), onTarget.end(), false)));
    for (auto it = missedPlain.begin(); it != missedPlain.end(); ++it)
        if (it->first)
            std::printf("  missed plain term: %s (%d of %d)\n", qPrintable(it.key()), it->first, it->second);
    for (const QString &s : flaggedQuotedOrNegated.mid(0, 10))
        std::printf("  wrongly flagged %s\n", qPrintable(s));
    std::fflush(stdout);

    CHECK(pct(u"plain"_s) >= 97.0);
    CHECK(pct(u"quoted"_s) <= 3.0);
    CHECK(pct(u"negated"_s) <= 3.0);
}
} // namespace

TEST_CASE("corpus: at least 97% of the worker's own terms flagged, at most 3% of quoted and negated", "[corpus]")
{
    SECTION("wording only") { scoreCorpus(false); }
    SECTION("wording and spelling") { scoreCorpus(true); }
}
