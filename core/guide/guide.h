// SPDX-FileCopyrightText: 2026 Fairnote contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// The good-practice guide, generated from the rule pack in force, the incident record's questions and
// the community's pages (resources/guide/): one source for the guide and the checker.
#pragma once

#include "guide/document.h"
#include "result.h"
#include "wording/checker.h"

#include <QDate>

namespace fairnote::guide {

struct GuideOptions
{
    int sinceVersion = 0;     // > 0: add "What changed since version N" from the change logs
    QString organisationDir;  // the organisation's pack directory: its guide/*.md pages (foreword, …)
};

// The guide for `checker`'s pack (the built-in pack, or an organisation's edition over it). An error
// names a page of the guide that cannot be read.
Result<GuideDocument, QString> buildGuide(const wording::Checker &checker, const GuideOptions &options = {});

// The anchor of a rule's section ("rule-label.arsonist") and of a category's ("category-label"), for
// links from the app's findings and exercises.
QString ruleAnchor(const QString &ruleId);
QString categoryAnchor(const QString &categoryId);

// The words a rule is about, for headings: the first “quoted” words of its message, else its first
// flag example's marked words, else its id.
QString ruleTerm(const wording::Rule &rule);

} // namespace fairnote::guide
