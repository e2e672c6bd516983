// SPDX-FileCopyrightText: 2026 Fairnote contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// Helpers for the store tests: temporary case files, the examples, a fixed clock and an assessor.
#pragma once

#include "record/assess.h"
#include "record/interchange.h"
#include "store/snapshot.h"
#include "store/sqlite/open.h"
#include "store/store.h"
#include "testsupport.h"

#include <QFile>
#include <QTemporaryDir>

namespace fairnote::testing {

inline const store::Actor kJo{QStringLiteral("Jo Fletcher"), QStringLiteral("Support worker"), QStringLiteral("Fairview Lodge")};
inline const store::Actor kSam{QStringLiteral("Sam Okafor"), QStringLiteral("Team leader"), QStringLiteral("Fairview Lodge")};

inline QByteArray readBytes(const QString &path)
{
    QFile f(path);
    REQUIRE(f.open(QIODevice::ReadOnly));
    return f.readAll();
}

inline record::CaseFile example(const char *name)
{
    auto r = record::readInterchange(readBytes(QStringLiteral(FAIRNOTE_SOURCE_DIR "/docs/examples/") + QString::fromLatin1(name)));
    REQUIRE(r.ok());
    return *r;
}

inline record::AssessOptions assessOptions()
{
    static const auto rules = [] {
        auto r = record::AssessmentRules::load(builtInChecker()->pack().language);
        REQUIRE(r.ok());
        return *r;
    }();
    record::AssessOptions o;
    o.rules = rules;
    o.textChecks.push_back([](QStringView text, std::vector<Finding> &out) { builtInChecker()->check(text, 0, out); });
    return o;
}

// A store on a new file in `dir`, with a clock that advances a minute per call from 1 March 2026.
inline std::unique_ptr<store::Store> newStore(const QTemporaryDir &dir, const QString &name = QStringLiteral("case.db"),
                                              store::OpenOptions options = {})
{
    options.create = store::OpenOptions::Create::IfMissing;
    auto clock = std::make_shared<QDateTime>(QDate(2026, 3, 1), QTime(9, 0), Qt::UTC);
    options.clock = [clock] { *clock = clock->addSecs(60); return *clock; };
    auto s = store::openStore(dir.filePath(name), options);
    if (!s)
        FAIL(s.error().message.toStdString());
    (*s)->setAssessor(store::makeAssessor(assessOptions()));
    return std::move(*s);
}

// A general case note, dated, with no wording findings.
inline record::Entry note(const QString &text, QDate day = QDate(2026, 3, 1))
{
    record::Entry e;
    e.eventDate.precision = record::DatePrecision::Day;
    e.eventDate.date = day;
    e.body = record::GeneralNote{text};
    return e;
}

} // namespace fairnote::testing
