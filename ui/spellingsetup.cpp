// SPDX-FileCopyrightText: 2026 Fairnote contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// Opening the spelling check with the worker's choice of dictionary.
#include "spellingsetup.h"

#include <QCoreApplication>
#include <QStringList>

using namespace Qt::StringLiterals;

namespace fairnote::ui {

QString sentence(QString text)
{
    if (!text.isEmpty())
        text[0] = text[0].toUpper();
    return text;
}

SpellingStart startSpelling(const spelling::SpellingOptions &base, const QString &chosen)
{
    auto tr = [](const char *s) { return QCoreApplication::translate("SpellingSetup", s); };
    SpellingStart out;
    spelling::SpellingOptions options = base;
    QString chosenProblem;
    if (!chosen.isEmpty() && options.dictionaryPath.isEmpty()) {
        options.dictionaryPath = chosen;
        if (auto opened = spelling::SpellChecker::open(options))
            out.speller = std::move(*opened);
        else
            chosenProblem = opened.error().problem;
        options.dictionaryPath.clear();
    }
    if (!out.speller) {
        if (auto opened = spelling::SpellChecker::open(options))
            out.speller = std::move(*opened);
        else
            out.problem = sentence(opened.error().message());
    }
    QStringList notes;
    if (!chosenProblem.isEmpty())
        notes << tr("The dictionary chosen earlier could not be used: %1.").arg(chosenProblem);
    if (!out.speller) {
        notes << out.problem << tr("The wording is still checked as usual.");
        out.noticeTitle = tr("Spelling is not being checked");
    } else if (!chosenProblem.isEmpty()) {
        notes << tr("Fairnote is using %1 instead.").arg(out.speller->source());
        out.noticeTitle = tr("Spelling is checked with another dictionary");
    } else if (!out.speller->warnings().isEmpty()) {
        notes = out.speller->warnings();
        out.noticeTitle = tr("Spelling is checked, but some words could not be read");
        out.noticeText = notes.join(u'\n');
        return out;
    }
    out.noticeText = notes.join(u' ');
    return out;
}

} // namespace fairnote::ui
