// SPDX-FileCopyrightText: 2026 Fairnote contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// A child process for the crash test: saves and finalises entries in a loop, printing "committed ID"
// after each save returns, until it is killed.
#include "store/store.h"
#include "store/sqlite/open.h"

#include <QCoreApplication>
#include <cstdio>

using namespace Qt::StringLiterals;
using namespace fairnote;

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    if (argc != 3)
        return 2;
    store::OpenOptions options;
    options.create = store::OpenOptions::Create::IfMissing;
    auto s = store::openStore(QString::fromLocal8Bit(argv[1]), options);
    if (!s) {
        std::fprintf(stderr, "%s\n", qPrintable(s.error().message));
        return 2;
    }
    const store::Actor actor{QString::fromLocal8Bit(argv[2]), u"Support worker"_s, {}};
    auto person = (*s)->addPerson(record::Person{{}, u"Crash Test"_s, {}, {}}, actor);
    if (!person)
        return 2;
    for (int i = 0;; ++i) {
        record::Entry e;
        e.eventDate.precision = record::DatePrecision::Unknown;
        e.body = record::GeneralNote{u"Entry %1 of a stream of saves, written to be interrupted."_s.arg(i)};
        auto id = (*s)->saveDraft(person->id, e, actor);
        if (!id)
            return 2;
        if (!(*s)->finalise(*id, actor, {}))
            return 2;
        std::printf("committed %s\n", qPrintable(*id));
        std::fflush(stdout);
    }
}
