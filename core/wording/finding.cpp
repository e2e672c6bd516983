// SPDX-FileCopyrightText: 2026 Fairnote contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// The category and severity tables: the one place their ids and titles are spelt.
#include "wording/finding.h"

#include <array>

using namespace Qt::StringLiterals;

namespace fairnote {

namespace {
struct CategoryInfo
{
    Category category;
    QStringView id;
    QStringView title;
};
constexpr std::array kCategories{
    CategoryInfo{Category::Label, u"label", u"Labels that define a person"},
    CategoryInfo{Category::Judgement, u"judgement", u"Judgements stated as fact"},
    CategoryInfo{Category::VagueHistory, u"vague-history", u"Vague or unsourced history"},
    CategoryInfo{Category::Slang, u"slang", u"Slang"},
    CategoryInfo{Category::Speculation, u"speculation", u"Speculation or opinion stated as fact"},
    CategoryInfo{Category::ReportingVerb, u"reporting-verb", u"Reporting verbs that cast doubt"},
    CategoryInfo{Category::Medicalising, u"medicalising", u"Medicalising language"},
    CategoryInfo{Category::Overgeneralisation, u"overgeneralisation", u"Overgeneralisation"},
    CategoryInfo{Category::Intensifier, u"intensifier", u"Empty intensifiers"},
    CategoryInfo{Category::Jargon, u"jargon", u"Jargon and abbreviations"},
    CategoryInfo{Category::Refusal, u"refusal", u"Refusal or non-engagement without context"},
    CategoryInfo{Category::Identity, u"identity", u"A status used as an identity"},
    CategoryInfo{Category::Legal, u"legal", u"Legal words used loosely"},
    CategoryInfo{Category::Vague, u"vague", u"Vague time, amount or event"},
    CategoryInfo{Category::Spelling, u"spelling", u"Spelling"},
};
constexpr std::array<QStringView, 3> kSeverities{u"info", u"warning", u"error"};
} // namespace

QString categoryId(Category c) { return kCategories[static_cast<size_t>(c)].id.toString(); }
QString categoryTitle(Category c) { return kCategories[static_cast<size_t>(c)].title.toString(); }

bool categoryFromId(QStringView id, Category *out)
{
    for (const auto &info : kCategories) {
        if (info.id == id) {
            *out = info.category;
            return true;
        }
    }
    return false;
}

QString severityId(Severity s) { return kSeverities[static_cast<size_t>(s)].toString(); }

bool severityFromId(QStringView id, Severity *out)
{
    for (size_t i = 0; i < kSeverities.size(); ++i) {
        if (kSeverities[i] == id) {
            *out = static_cast<Severity>(i);
            return true;
        }
    }
    return false;
}

} // namespace fairnote
