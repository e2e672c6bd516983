// SPDX-FileCopyrightText: 2026 Fairnote contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// fairnote-bench-store: the case file's budgets (DESIGN.md) on a generated file of 100,000 entries.
//   fairnote-bench-store [--file PATH] [--entries N] [--people N]
// The file is made once with 'fairnote-cli dev-generate' (the same code path) and reused.
#include "command.h"
#include "record/assess.h"
#include "store/snapshot.h"
#include "store/sqlite/open.h"
#include "store/store.h"
#include "wording/rulepack.h"

#include <QCoreApplication>
#include <QFileInfo>
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <vector>

using namespace Qt::StringLiterals;
using namespace fairnote;
using Clock = std::chrono::steady_clock;

namespace {

struct Timing
{
    double median = 0, best = 0, worst = 0; // milliseconds
};

template <typename Fn>
Timing timeIt(int reps, Fn fn)
{
    std::vector<double> t;
    for (int i = 0; i < reps; ++i) {
        const auto start = Clock::now();
        fn();
        t.push_back(std::chrono::duration<double, std::milli>(Clock::now() - start).count());
    }
    std::sort(t.begin(), t.end());
    return {t[t.size() / 2], t.front(), t.back()};
}

void line(const char *what, const Timing &t, const char *budget)
{
    std::printf("  %-52s %9.2f ms median, %9.2f ms best   (%s)\n", what, t.median, t.best, budget);
}

[[noreturn]] void die(const QString &message)
{
    std::fprintf(stderr, "fairnote-bench-store: %s\n", qPrintable(message));
    std::exit(2);
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QString path = u"bench-store-100k.db"_s;
    QString entries = u"100000"_s, people = u"2000"_s;
    const QStringList args = app.arguments();
    for (qsizetype i = 1; i + 1 < args.size(); ++i) {
        if (args[i] == u"--file")
            path = args[++i];
        else if (args[i] == u"--entries")
            entries = args[++i];
        else if (args[i] == u"--people")
            people = args[++i];
    }

    if (!QFileInfo::exists(path)) {
        std::printf("Generating %s entries for %s people in %s (once; later runs reuse it)…\n", qPrintable(entries),
                    qPrintable(people), qPrintable(path));
        std::fflush(stdout);
        QString out, err;
        QTextStream o(&out), e(&err);
        cli::CliIo io{o, e, false, false, {}};
        const auto start = Clock::now();
        if (cli::run({u"dev-generate"_s, u"--db"_s, path, u"--entries"_s, entries, u"--people"_s, people}, io) != 0)
            die(err);
        std::printf("  generated in %.1f s\n", std::chrono::duration<double>(Clock::now() - start).count());
    }
    std::printf("Case file %s (%.0f MB)\n", qPrintable(path), double(QFileInfo(path).size()) / 1e6);

    // Open the file and list one person's chronology: what the app does when a worker picks a person.
    QString personId;
    {
        auto s = store::openStore(path);
        if (!s)
            die(s.error().message);
        auto list = (*s)->people({});
        if (!list || list->empty())
            die(u"no people in the file"_s);
        personId = (*list)[list->size() / 2].person.id;
    }
    size_t chronology = 0;
    const Timing open = timeIt(21, [&] {
        auto s = store::openStore(path);
        auto list = (*s)->entries({personId}, {});
        chronology = list->size();
    });
    std::printf("\nOpening and reading:\n");
    line("open the file and list one person's chronology", open, "budget < 100 ms");
    std::printf("    (%zu entries in that chronology)\n", chronology);

    auto s = store::openStore(path);
    if (!s)
        die(s.error().message);
    Timing people_ = timeIt(11, [&] { (void)(*s)->people({}); });
    line("list everyone (with counts and latest incident)", people_, "no budget");

    const QStringList queries{u"smoke alarm"_s, u"pillowcase"_s, u"housing application"_s, u"kitchen fire"_s, u"Rivers"_s,
                              u"benefits helpline"_s, u"crisis team"_s, u"dentist"_s};
    size_t hits = 0;
    int q = 0;
    const Timing search = timeIt(80, [&] { hits += (*s)->search(queries[q++ % queries.size()], {}, 20)->size(); });
    std::printf("\nFull-text search (%lld queries, 20 results each, snippets):\n", qlonglong(queries.size()));
    line("one query", search, "budget < 20 ms");
    std::printf("    (slowest of the 80: %.2f ms; a query matching over 2,000 entries is listed newest first)\n", search.worst);
    for (const QString &query : queries) {
        const Timing one = timeIt(9, [&] { (void)(*s)->search(query, {}, 20); });
        std::printf("    %-24s %7.2f ms median\n", qPrintable(u"\"%1\""_s.arg(query)), one.median);
    }

    // Saving: the assessor runs as the app's does (wording check) inside the save.
    auto pack = wording::loadRulePack();
    if (!pack)
        die(u"the rule pack does not load"_s);
    auto checker = std::make_shared<const wording::Checker>(std::move(*pack));
    auto rules = record::AssessmentRules::load(checker->pack().language);
    record::AssessOptions options;
    options.rules = *rules;
    options.textChecks.push_back([checker](QStringView text, std::vector<Finding> &out) { checker->check(text, 0, out); });
    (*s)->setAssessor(store::makeAssessor(options));
    const store::Actor actor{u"Bench Worker"_s, u"Support worker"_s, u"Fairview Lodge"_s};
    record::Entry note;
    note.eventDate.precision = record::DatePrecision::Unknown;
    QString text;
    for (int i = 0; i < 20; ++i)
        text += u"Sam came to the hub at 10:00 and we went through the housing application together, line by line. "_s;
    note.body = record::GeneralNote{text};
    QString id;
    const Timing draft = timeIt(51, [&] {
        note.id = id;
        auto r = (*s)->saveDraft(personId, note, actor);
        if (!r)
            die(r.error().message);
        id = *r;
    });
    QString finalId;
    const Timing finalise = timeIt(51, [&] {
        note.id.clear();
        auto d = (*s)->saveDraft(personId, note, actor);
        auto r = (*s)->finalise(*d, actor, {});
        if (!r)
            die(r.error().message);
        finalId = *d;
    });
    int n = 0;
    const Timing amend = timeIt(51, [&] {
        record::Entry e = note;
        std::get<record::GeneralNote>(e.body).text += u" Amendment %1."_s.arg(++n);
        auto r = (*s)->amend(finalId, e, u"Bench."_s, actor, {});
        if (!r)
            die(r.error().message);
    });
    std::printf("\nSaving (WAL, synchronous=FULL, search index and audit row in the same transaction, wording assessment):\n");
    line("autosave a draft (a 300-word note)", draft, "no budget");
    line("save a draft and finalise it (revision 1)", finalise, "budget < 5 ms for the revision");
    line("amend: save a new revision", amend, "budget < 5 ms");

    s->reset();
    store::OpenOptions readOnly;
    readOnly.readOnly = true;
    auto v = store::openStore(path, readOnly);
    store::VerifyReport report;
    const Timing verify = timeIt(3, [&] { report = *(*v)->verify({}); });
    std::printf("\nVerify (integrity check, foreign keys, every revision's hash, the audit chain):\n");
    line(qPrintable(u"verify %1 entries, %2 revisions, %3 audit rows"_s.arg(report.entries).arg(report.revisions).arg(report.auditRows)),
         verify, "budget < 5000 ms");
    std::printf("    %s\n", report.ok() ? "the file verifies" : "PROBLEMS FOUND");
    return report.ok() ? 0 : 1;
}
