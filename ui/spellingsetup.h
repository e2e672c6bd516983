// SPDX-FileCopyrightText: 2026 Fairnote contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// Opening the spelling check the way every window does: the dictionary the worker chose, else the usual
// places, and what to tell the worker when neither works.
#pragma once

#include "spelling/spellchecker.h"

#include <QString>
#include <memory>

namespace fairnote::ui {

struct SpellingStart
{
    std::shared_ptr<spelling::SpellChecker> speller; // null when spelling cannot be checked
    QString problem;                                 // why not, as a sentence
    QString noticeTitle;                             // empty: nothing to tell the worker
    QString noticeText;
};

// Opens the dictionary chosen earlier (`chosen`, may be empty) and, when that fails, the usual places
// of `options`. A dictionary chosen earlier that no longer works is said so.
SpellingStart startSpelling(const spelling::SpellingOptions &options, const QString &chosen);

// Core's problems start in lower case, to follow other words; a notice starts a sentence.
QString sentence(QString text);

} // namespace fairnote::ui
