// SPDX-FileCopyrightText: 2026 Fairnote contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// fairnote-bench: measures the budgets in DESIGN.md and prints the figures. Usage:
//   fairnote-bench [--corpus FILE]... [--rules DIR] [--wording-only]   (default: the development corpus dev.txt;
//   --wording-only leaves out the spelling figures, for profiling the wording check)
#include "spelling/spellchecker.h"
#include "text/tokenizer.h"
#include "wording/checker.h"
#include "wording/incrementalcheck.h"
#include "wording/rulepack.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QThread>
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <vector>

using namespace Qt::StringLiterals;
using namespace fairnote;
using Clock = std::chrono::steady_clock;

namespace {

double seconds(Clock::duration d) { return std::chrono::duration<double>(d).count(); }

struct Timing
{
    double median = 0; // seconds; what a user on this machine sees
    double best = 0;   // seconds; the code's own speed, least disturbed by other work on the machine
};

// Runs fn `reps` times and returns the median and the best duration.
template <typename Fn>
Timing timeIt(int reps, Fn fn)
{
    std::vector<double> t;
    t.reserve(size_t(reps));
    for (int i = 0; i < reps; ++i) {
        const auto start = Clock::now();
        fn();
        t.push_back(seconds(Clock::now() - start));
    }
    std::sort(t.begin(), t.end());
    return {t[t.size() / 2], t.front()};
}

template <typename Fn>
double median(int reps, Fn fn)
{
    return timeIt(reps, fn).median;
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

std::size_t countWords(const QString &text)
{
    std::vector<text::Token> tokens;
    std::vector<text::Span> quotes;
    text::tokenize(text, tokens, quotes);
    return tokens.size();
}

// Spelling figures: opening, Hunspell cold (every word new to the cache), the cache warm on the
// corpus (budget: >= 1 million words/s on correctly spelled text), per-paragraph checks and suggestions.
int benchSpelling(const QString &corpus)
{
    std::printf("\nSpelling (Hunspell behind the word cache):\n");
    auto start = Clock::now();
    auto opened = spelling::SpellChecker::open({});
    if (!opened) {
        std::printf("  unavailable: %s\n", qPrintable(opened.error().message()));
        return 0;
    }
    std::printf("  open dictionary and word lists:  %8.1f ms\n", seconds(Clock::now() - start) * 1e3);
    const auto dictionary = (*opened)->dictionary();

    // Unique, correctly spelled words: the stems of the dictionary itself.
    QFile dic(dictionary.dicPath);
    dic.open(QIODevice::ReadOnly);
    QStringList unique;
    dic.readLine(); // the word count
    while (!dic.atEnd() && unique.size() < 50000) {
        const QString line = QString::fromUtf8(dic.readLine()).trimmed();
        const QString word = line.section(u'/', 0, 0);
        if (!word.isEmpty() && word.front().isLower() && !word.contains(u'.') && !word.contains(u'\''))
            unique << word;
    }
    const QString uniqueText = unique.join(u' ');
    const std::size_t uniqueWords = countWords(uniqueText);
    std::vector<Finding> out;
    start = Clock::now();
    (*opened)->check(uniqueText, 0, out, {}, spelling::Suggestions::Skip);
    const double cold = seconds(Clock::now() - start);
    std::printf("  cold: %zu unique words, first sight %8.0f words/s (%zu flagged)\n", uniqueWords,
                uniqueWords / cold, out.size());
    out.clear();
    const double again = median(5, [&] {
        out.clear();
        (*opened)->check(uniqueText, 0, out, {}, spelling::Suggestions::Skip);
    });
    std::printf("        the same words again, cached   %8.0f words/s\n", uniqueWords / again);

    // Suggestions: Hunspell's slow path, asked only for misspelt words and then cached.
    std::vector<double> suggestTimes;
    for (const QString &w : {u"recieved"_s, u"accomodation"_s, u"seperate"_s, u"definately"_s, u"occured"_s,
                             u"neccessary"_s, u"tommorow"_s, u"goverment"_s, u"enviroment"_s, u"beleive"_s,
                             u"assesment"_s}) {
        start = Clock::now();
        (void)(*opened)->suggest(w);
        suggestTimes.push_back(seconds(Clock::now() - start));
    }
    std::sort(suggestTimes.begin(), suggestTimes.end());
    start = Clock::now();
    (void)(*opened)->suggest(u"recieved"_s);
    std::printf("  suggestions for a misspelt word:     %6.1f ms median, first time (then %.1f us, cached)\n",
                suggestTimes[suggestTimes.size() / 2] * 1e3, seconds(Clock::now() - start) * 1e6);

    // The development corpus: a fresh checker, first pass cold, then warm.
    auto fresh = spelling::SpellChecker::open({});
    const std::size_t corpusWords = countWords(corpus);
    std::vector<Finding> findings;
    start = Clock::now();
    (*fresh)->check(corpus, 0, findings, {}, spelling::Suggestions::Skip);
    const double corpusCold = seconds(Clock::now() - start);
    std::printf("  development corpus, %zu words, %zu flagged:\n", corpusWords, findings.size());
    std::printf("    first pass (cold, no suggestions): %8.0f words/s\n", corpusWords / corpusCold);
    const double warm = median(15, [&] {
        findings.clear();
        (*fresh)->check(corpus, 0, findings, {});
    });
    std::printf("    warm, whole corpus:                %8.0f words/s\n", corpusWords / warm);

    // Correctly spelled text only: the corpus without its flagged words.
    QString clean = corpus;
    for (auto it = findings.rbegin(); it != findings.rend(); ++it)
        clean.remove(it->offset, it->length);
    const std::size_t cleanWords = countWords(clean);
    const double warmClean = median(15, [&] {
        out.clear();
        (*fresh)->check(clean, 0, out, {});
    });
    std::printf("    warm, correctly spelled words:     %8.0f words/s   (budget >= 1,000,000 words/s; %zu flagged)\n",
                cleanWords / warmClean, out.size());

    // As the editor checks: one paragraph per call.
    const QStringList paragraphs = corpus.split(u"\n\n"_s);
    const double perParagraph = median(5, [&] {
        for (const QString &para : paragraphs) {
            out.clear();
            (*fresh)->check(para, 0, out, {}, spelling::Suggestions::Skip);
        }
    });
    std::printf("    warm, one paragraph per call:      %8.0f words/s   (%lld paragraphs, %.2f us each)\n",
                corpusWords / perParagraph, qlonglong(paragraphs.size()), perParagraph * 1e6 / paragraphs.size());

    // Two threads sharing one checker (the cache is behind a read/write lock taken once per call).
    const double shared = median(5, [&] {
        std::vector<std::unique_ptr<QThread>> threads;
        for (int t = 0; t < 2; ++t) {
            threads.emplace_back(QThread::create([&] {
                std::vector<Finding> mine;
                for (const QString &para : paragraphs) {
                    mine.clear();
                    (*fresh)->check(para, 0, mine, {}, spelling::Suggestions::Skip);
                }
            }));
            threads.back()->start();
        }
        for (auto &t : threads)
            t->wait();
    });
    std::printf("    warm, two threads, per paragraph:  %8.0f words/s   (both together)\n", 2 * corpusWords / shared);
    return 0;
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QStringList corpora;
    QString rulesDir;
    const QStringList args = app.arguments();
    const bool wordingOnly = args.contains(u"--wording-only"_s);
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
        const Timing whole = timeIt(31, [&] { findings = checker->check(text).size(); });
        std::printf("%s (%.1f MB, %zu findings)\n", qPrintable(path), bytes.size() / 1e6, findings);
        std::printf("  whole-note wording check:        %8.1f MB/s median, %.1f MB/s best   (budget >= 100 MB/s)\n",
                    bytes.size() / 1e6 / whole.median, bytes.size() / 1e6 / whole.best);
    }

    QFile f(corpora.front());
    f.open(QIODevice::ReadOnly);
    const QString corpus = QString::fromUtf8(f.readAll());
    const QString note = firstWords(corpus, 10000);
    const Timing tenK = timeIt(501, [&] { (void)checker->check(note); });
    std::printf("\n10,000-word note (%lld characters):\n", qlonglong(note.size()));
    std::printf("  full check:                      %8.3f ms median, %.3f ms best   (budget < 1 ms)\n", tenK.median * 1e3, tenK.best * 1e3);

    // One keystroke in the middle of the note: insert, then delete, a letter; each re-checks one paragraph.
    wording::IncrementalCheck inc(checker);
    inc.reset(note);
    QString edited = note;
    const qsizetype pos = edited.indexOf(u"aggressive"_s, edited.size() / 2);
    const qsizetype at = pos > 0 ? pos + 3 : edited.size() / 2;
    bool insert = true;
    const Timing keystroke = timeIt(2001, [&] {
        if (insert) {
            edited.insert(at, u'x');
            inc.edit(edited, at, 0, 1);
        } else {
            edited.remove(at, 1);
            inc.edit(edited, at, 1, 0);
        }
        insert = !insert;
    });
    std::printf("  re-check after one keystroke:   %8.4f ms median, %.4f ms best   (budget < 0.1 ms)\n", keystroke.median * 1e3, keystroke.best * 1e3);
    return wordingOnly ? 0 : benchSpelling(corpus);
}
