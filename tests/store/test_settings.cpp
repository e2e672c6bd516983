// SPDX-FileCopyrightText: 2026 Fairnote contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// The user's settings as one value read from the QSettings passed in, and the one assessor every edge uses.
#include "record/interchange.h"
#include "store/settings.h"
#include "store/snapshot.h"
#include "testsupport.h"
#include "wording/rulepack.h"

#include <QFile>
#include <QSettings>
#include <QTemporaryDir>

using namespace Qt::StringLiterals;
using namespace fairnote;

TEST_CASE("the user's settings are read into one value, each one the app saved under its own key", "[settings]")
{
    QTemporaryDir dir;
    QSettings s(dir.filePath(u"Fairnote.conf"_s), QSettings::IniFormat);
    const store::UserSettings none = store::UserSettings::read(s);
    CHECK(none.author.name.isEmpty());
    CHECK(none.checkSpelling); // on unless turned off
    CHECK(none.organisationRules.isEmpty());
    CHECK(none.disabledRules.isEmpty());
    CHECK(none.lockAfterMinutes == 10); // a team server's window locks after ten idle minutes unless changed

    s.setValue(u"author/name"_s, u" Jo Fletcher "_s);
    s.setValue(u"author/role"_s, u"Support worker"_s);
    s.setValue(u"organisationRules"_s, u"/srv/rules"_s);
    s.setValue(u"checkSpelling"_s, false);
    s.setValue(u"spellingDictionary"_s, u"/usr/share/hunspell/en_GB.dic"_s);
    s.setValue(u"disabledRules"_s, QStringList{u"judgement.aggressive"_s, u"vague.chaotic"_s});
    s.setValue(u"reviewRubric"_s, u"/srv/rubric.json"_s);
    s.setValue(u"training/exercisesDir"_s, u"/srv/exercises"_s);
    const store::UserSettings all = store::UserSettings::read(s);
    CHECK(all.author == store::Actor{u"Jo Fletcher"_s, u"Support worker"_s, QString()});
    CHECK(all.organisationRules == u"/srv/rules"_s);
    CHECK_FALSE(all.checkSpelling);
    CHECK(all.dictionary == u"/usr/share/hunspell/en_GB.dic"_s);
    CHECK(all.disabledRules == QStringList{u"judgement.aggressive"_s, u"vague.chaotic"_s});
    CHECK(all.reviewRubric == u"/srv/rubric.json"_s);
    CHECK(all.exercisesFolder == u"/srv/exercises"_s);
}

TEST_CASE("the idle lock's minutes are read whole and in range, and a damaged value never turns the lock off", "[settings]")
{
    QTemporaryDir dir;
    QSettings s(dir.filePath(u"Fairnote.conf"_s), QSettings::IniFormat);
    const auto minutes = [&](const QVariant &value) {
        s.setValue(u"server/lockAfterMinutes"_s, value);
        return store::UserSettings::read(s).lockAfterMinutes;
    };
    CHECK(minutes(0) == 0); // never: the user's deliberate choice
    CHECK(minutes(25) == 25);
    CHECK(minutes(240) == 240);
    CHECK(minutes(u"5"_s) == 5);
    CHECK(minutes(-1) == 10);
    CHECK(minutes(241) == 10);
    CHECK(minutes(u"soon"_s) == 10);
    CHECK(minutes(u""_s) == 10);
}

TEST_CASE("the standard assessor raises the assessment rules' prompts and the wording checker's findings", "[settings][assess]")
{
    auto pack = wording::loadRulePack();
    REQUIRE(pack.ok());
    auto standard = store::makeStandardAssessor(std::make_shared<const wording::Checker>(std::move(*pack)));
    REQUIRE(standard.ok());
    CHECK(standard->options.textChecks.size() == 1);
    QFile f(QStringLiteral(FAIRNOTE_SOURCE_DIR "/docs/examples/incident-vague.json"));
    REQUIRE(f.open(QIODevice::ReadOnly));
    const auto cf = record::readInterchange(f.readAll());
    REQUIRE(cf.ok());
    const store::Snapshot snap = standard->assessor(cf->person, cf->entries.front());
    CHECK_FALSE(snap.prompts.empty());
    CHECK_FALSE(snap.findings.empty()); // the vague wording
}
