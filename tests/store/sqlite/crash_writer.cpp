// SPDX-FileCopyrightText: 2026 Fairnote contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// A child process for the crash test: changes a case file in a loop until it is killed, printing a line
// after each change returns (and, for imports and backups, one before each starts), so the test knows
// what it may expect to find. Modes:
//   finalise  a draft saved and finalised, again and again      "committed ID"
//   import    a case file of 5 entries imported, again and again "importing N" … "imported N"
//   amend     one final entry amended, again and again            "amended ID REVISION"
//   backup    the file backed up to DIR/backup-N.db               "backing-up PATH" … "backed-up PATH"
#include "store/store.h"
#include "store/sqlite/open.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QFileInfo>
#include <cstdio>

using namespace Qt::StringLiterals;
using namespace fairnote;

namespace {

void say(const QString &line)
{
    std::printf("%s\n", qPrintable(line));
    std::fflush(stdout);
}

record::Entry note(const QString &text, const QString &id = {})
{
    record::Entry e;
    e.id = id;
    e.eventDate.precision = record::DatePrecision::Unknown;
    e.body = record::GeneralNote{text};
    return e;
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    if (argc != 4)
        return 2;
    const QString path = QString::fromLocal8Bit(argv[1]);
    const QString mode = QString::fromLocal8Bit(argv[2]);
    store::OpenOptions options;
    options.create = store::OpenOptions::Create::IfMissing;
    auto s = store::openStore(path, options);
    if (!s) {
        std::fprintf(stderr, "%s\n", qPrintable(s.error().message));
        return 2;
    }
    const store::Actor actor{QString::fromLocal8Bit(argv[3]), u"Support worker"_s, {}};
    auto person = (*s)->addPerson(record::Person{{}, u"Crash Test"_s, {}, {}}, actor);
    if (!person)
        return 2;

    if (mode == u"import") {
        for (int n = 0;; ++n) {
            record::CaseFile cf;
            cf.person.name = u"Imported %1 %2"_s.arg(QString::fromLocal8Bit(argv[3])).arg(n);
            for (int k = 0; k < 5; ++k) {
                record::Entry e = note(u"Imported entry %1 of batch %2, written to be interrupted."_s.arg(k).arg(n),
                                       u"imp-%1-%2-%3"_s.arg(QCoreApplication::applicationPid()).arg(n).arg(k));
                e.author = actor;
                e.writtenAt = QDateTime(QDate(2025, 1, 1), QTime(9, 0), Qt::UTC).addSecs(n * 60 + k);
                cf.entries.push_back(e);
            }
            say(u"importing %1-%2"_s.arg(QCoreApplication::applicationPid()).arg(n));
            if (!(*s)->importCaseFile(cf, actor, {}, {}))
                return 2;
            say(u"imported %1-%2"_s.arg(QCoreApplication::applicationPid()).arg(n));
        }
    }
    if (mode == u"amend") {
        auto id = (*s)->saveDraft(person->id, note(u"The entry that is amended again and again."_s), actor);
        if (!id || !(*s)->finalise(*id, actor, {}))
            return 2;
        say(u"amended %1 1"_s.arg(*id));
        for (int n = 2;; ++n) {
            auto r = (*s)->amend(*id, note(u"Amendment %1 of the entry."_s.arg(n)), u"Correction %1."_s.arg(n), actor, {});
            if (!r)
                return 2;
            say(u"amended %1 %2"_s.arg(*id).arg(r->number));
        }
    }
    if (mode == u"backup") {
        const QString dir = QFileInfo(path).absolutePath();
        for (int n = 0;; ++n) {
            const QString dest = u"%1/backup-%2-%3.db"_s.arg(dir).arg(QCoreApplication::applicationPid()).arg(n);
            say(u"backing-up %1"_s.arg(dest));
            auto r = (*s)->backup(dest, actor, {});
            if (!r)
                return 2;
            say(u"backed-up %1"_s.arg(dest));
            // Something to back up next time.
            auto id = (*s)->saveDraft(person->id, note(u"Entry %1 between backups."_s.arg(n)), actor);
            if (!id || !(*s)->finalise(*id, actor, {}))
                return 2;
        }
    }
    for (int i = 0;; ++i) { // finalise
        auto id = (*s)->saveDraft(person->id, note(u"Entry %1 of a stream of saves, written to be interrupted."_s.arg(i)), actor);
        if (!id)
            return 2;
        if (!(*s)->finalise(*id, actor, {}))
            return 2;
        say(u"committed %1"_s.arg(*id));
    }
}
