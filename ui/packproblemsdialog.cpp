// SPDX-FileCopyrightText: 2026 Fairnote contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// Message boxes for broken rule packs.
#include "packproblemsdialog.h"

#include <QCoreApplication>
#include <QDir>
#include <QMessageBox>
#include <QPushButton>

using namespace Qt::StringLiterals;

namespace fairnote::ui {

namespace {

QString tr(const char *text, int n = -1)
{
    return QCoreApplication::translate("fairnote::ui::PackProblemsDialog", text, nullptr, n);
}

constexpr int kProblemsShown = 8;

QString problemCount(size_t n)
{
    return n == 1 ? tr("1 problem") : tr("%1 problems").arg(n);
}

// The first few problems in the box itself; all of them under "Show Details…", selectable to copy.
void fillProblems(QMessageBox &box, const wording::PackProblems &problems, const QString &explanation)
{
    QString shown;
    for (size_t i = 0; i < problems.size() && i < size_t(kProblemsShown); ++i)
        shown += u"• "_s + problems[i].toString() + u'\n';
    if (problems.size() > size_t(kProblemsShown))
        shown += tr("…and %n more (see Show Details).", int(problems.size()) - kProblemsShown) + u'\n';
    box.setInformativeText(explanation + u"\n\n"_s + shown.trimmed());
    box.setDetailedText(PackProblemsDialog::problemList(problems));
    box.setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
}

} // namespace

PackProblemsDialog::Choice PackProblemsDialog::askAtStartup(const wording::PackProblems &problems,
                                                            const QString &organisationDir, bool organisationAtFault,
                                                            QWidget *parent)
{
    QMessageBox box(parent);
    box.setIcon(QMessageBox::Critical);
    box.setWindowTitle(tr("Fairnote cannot load its rules"));
    box.setText(tr("The rule pack has %1.").arg(problemCount(problems.size())));
    QString explanation = tr("Fairnote will not check notes with half a rule pack: some wording would go "
                             "unchecked without anyone knowing.");
    if (organisationAtFault)
        explanation += u' '
            + tr("The problems are in your organisation's rules in %1. Ask whoever looks after them to fix "
                 "the lines below, or start with the built-in rules for now.")
                  .arg(QDir::toNativeSeparators(organisationDir));
    else
        explanation += u' ' + tr("The problems are in Fairnote's built-in rules, so this copy of Fairnote needs "
                                 "to be repaired or reinstalled.");
    fillProblems(box, problems, explanation);

    QPushButton *without = nullptr;
    if (organisationAtFault)
        without = box.addButton(tr("Start without organisation rules"), QMessageBox::AcceptRole);
    QPushButton *quit = box.addButton(tr("Quit"), QMessageBox::RejectRole);
    box.setDefaultButton(without ? without : quit);
    box.setEscapeButton(quit);
    box.exec();
    return without && box.clickedButton() == without ? Choice::StartWithoutOrganisationRules : Choice::Quit;
}

void PackProblemsDialog::showRefused(const wording::PackProblems &problems, const QString &organisationDir,
                                     QWidget *parent)
{
    QMessageBox box(parent);
    box.setIcon(QMessageBox::Critical);
    box.setWindowTitle(tr("These rules were not used"));
    box.setText(tr("The rules in %1 have %2, so Fairnote kept the rules it was using.")
                    .arg(QDir::toNativeSeparators(organisationDir), problemCount(problems.size())));
    fillProblems(box, problems,
                 tr("Fairnote will not check notes with half a rule pack. Once the lines below are fixed, "
                    "choose the folder again."));
    box.addButton(QMessageBox::Ok);
    box.exec();
}

QString PackProblemsDialog::problemList(const wording::PackProblems &problems)
{
    QStringList lines;
    lines.reserve(qsizetype(problems.size()));
    for (const auto &p : problems)
        lines << p.toString();
    return lines.join(u'\n');
}

} // namespace fairnote::ui
