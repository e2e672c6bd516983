// SPDX-FileCopyrightText: 2026 Fairnote contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// fairnote-bench: measures the budgets in DESIGN.md and prints the figures. Usage:
//   fairnote-bench [--corpus FILE]... [--rules DIR]   (default: the development corpus dev.txt)
#include "wording/checker.h"
#include "wording/incrementalcheck.h"
#include "wording/rulepack.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <vector>

using namespace Qt::StringLiterals;
using namespace fairnote;
using Clock = std::chrono::steady_clock;

namespace {

double seconds(Clock::duration d) { return std::chrono::duration<double>(d).count(); }

// Runs fn `reps` times and returns the median duration in seconds.
template <typename Fn>
double median(int reps, Fn fn)
{
    std::vector<double> t;
    t.reserve(size_t(reps));
    for (int i = 0; i < reps; ++i) {
        const auto start = Clock::now();
        fn();
        t.push_back(seconds(Clock::now() - start));
    }
    std::sort(t.begin(), t.end());
    return t[t.size() / 2];
}

QString firstWords(const QString &text, int words)
{
    int count = 0;
    bool inWord = false;
    for (qsizetype i = 0; i < text.size(); ++i) {
        const bool w = text[i].isLetterOrNumber();
        if (w && !inWord && ++count > words)
            return text.left(i);
        inWord = w;
    }
    return text;
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QStringList corpora;
    QString rulesDir;
    const QStringList args = app.arguments();
    for (qsizetype i = 1; i + 1 < args.size(); ++i) {
        if (args[i] == u"--corpus")
            corpora << args[++i];
        else if (args[i] == u"--rules")
            rulesDir = args[++i];
    }
    if (corpora.isEmpty())
        corpora << QStringLiteral(FAIRNOTE_CORPUS_DIR "/dev.txt");

    auto start = Clock::now();
    auto pack = wording::loadRulePack(rulesDir);
    if (!pack) {
        for (const auto &p : pack.error())
            std::fprintf(stderr, "%s\n", qPrintable(p.toString()));
        return 2;
    }
    const double loadSecs = seconds(Clock::now() - start);
    const size_t ruleCount = pack->rules.size();
    start = Clock::now();
    auto checker = std::make_shared<const wording::Checker>(std::move(*pack));
    const double compileSecs = seconds(Clock::now() - start);
    std::printf("Rule pack: %zu rules, loaded and validated in %.1f ms, compiled in %.1f ms\n\n", ruleCount,
                loadSecs * 1e3, compileSecs * 1e3);

    for (const QString &path : corpora) {
        QFile f(path);
        if (!f.open(QIODevice::ReadOnly)) {
            std::fprintf(stderr, "cannot read %s\n", qPrintable(path));
            return 2;
        }
        const QByteArray bytes = f.readAll();
        const QString text = QString::fromUtf8(bytes);
        std::size_t findings = 0;
        const double whole = median(15, [&] { findings = checker->check(text).size(); });
        std::printf("%s (%.1f MB, %zu findings)\n", qPrintable(path), bytes.size() / 1e6, findings);
        std::printf("  whole-note wording check:        %8.1f MB/s   (budget >= 100 MB/s)\n", bytes.size() / 1e6 / whole);
    }

    QFile f(corpora.front());
    f.open(QIODevice::ReadOnly);
    const QString corpus = QString::fromUtf8(f.readAll());
    const QString note = firstWords(corpus, 10000);
    const double tenK = median(501, [&] { (void)checker->check(note); });
    std::printf("\n10,000-word note (%lld characters):\n", qlonglong(note.size()));
    std::printf("  full check:                      %8.3f ms     (budget < 1 ms)\n", tenK * 1e3);

    // One keystroke in the middle of the note: insert, then delete, a letter; each re-checks one paragraph.
    wording::IncrementalCheck inc(checker);
    inc.reset(note);
    QString edited = note;
    const qsizetype pos = edited.indexOf(u"aggressive"_s, edited.size() / 2);
    const qsizetype at = pos > 0 ? pos + 3 : edited.size() / 2;
    bool insert = true;
    const double keystroke = median(2001, [&] {
        if (insert) {
            edited.insert(at, u'x');
            inc.edit(edited, at, 0, 1);
        } else {
            edited.remove(at, 1);
            inc.edit(edited, at, 1, 0);
        }
        insert = !insert;
    });
    std::printf("  re-check after one keystroke:   %8.4f ms     (budget < 0.1 ms)\n", keystroke * 1e3);
    return 0;
}
