// SPDX-FileCopyrightText: 2026 Fairnote contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// fairnote: checks there is a display, reads the options, loads the rules, opens the main window.
#include "findingspanel.h"
#include "loadedrules.h"
#include "mainwindow.h"
#include "noteeditor.h"
#include "packproblemsdialog.h"
#include "wording/rulepack.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QMessageBox>
#include <QPixmap>
#include <QSettings>
#include <QTemporaryDir>
#include <QTimer>
#include <cstdio>
#include <cstring>
#include <memory>

using namespace Qt::StringLiterals;
using namespace fairnote;

namespace {

constexpr int kExitBadInput = 2;

bool hasDisplay()
{
    return !qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM") || !qEnvironmentVariableIsEmpty("DISPLAY")
        || !qEnvironmentVariableIsEmpty("WAYLAND_DISPLAY");
}

// --help and --version need no window, so they work without a display.
bool asksOnlyForInformation(int argc, char **argv)
{
    for (int i = 1; i < argc; ++i)
        for (const char *flag : {"-h", "--help", "-?", "--help-all", "-v", "--version"})
            if (std::strcmp(argv[i], flag) == 0)
                return true;
    return false;
}

void printNoDisplay()
{
    std::fputs("fairnote: there is no display to open a window on (neither DISPLAY nor WAYLAND_DISPLAY is set).\n"
               "\n"
               "To run the desktop app on a machine without a screen, start it in a virtual display:\n"
               "    xvfb-run -a ./run\n"
               "    xvfb-run -a build/app/app/gui/fairnote --open NOTE.txt\n"
               "\n"
               "To check notes without a window, use the command-line tool:\n"
               "    fairnote-cli check NOTE.txt        (from the source tree: ./run cli check NOTE.txt)\n",
               stderr);
}

void printErr(const QString &text) { std::fputs(text.toLocal8Bit().constData(), stderr); }

void printPackProblems(const wording::PackProblems &problems, const QString &orgDir)
{
    for (const auto &p : problems)
        printErr(p.toString() + u'\n');
    const QString count = problems.size() == 1 ? u"1 problem"_s : u"%1 problems"_s.arg(problems.size());
    QString hint = u"Fix what is listed above"_s;
    if (!orgDir.isEmpty())
        hint += u", or start without --rules (or without the folder chosen in Settings › Organisation rules)"_s;
    printErr(u"fairnote: the rule pack has %1, and Fairnote will not check with half a rule pack. %2.\n"_s.arg(count, hint));
}

} // namespace

int main(int argc, char **argv)
{
    const bool informationOnly = asksOnlyForInformation(argc, argv);
    if (!informationOnly && !hasDisplay()) {
        printNoDisplay();
        return kExitBadInput;
    }
    std::unique_ptr<QCoreApplication> app = informationOnly ? std::make_unique<QCoreApplication>(argc, argv)
                                                            : std::make_unique<QApplication>(argc, argv);
    QCoreApplication::setOrganizationName(u"Fairnote"_s);
    QCoreApplication::setApplicationName(u"Fairnote"_s);
    QCoreApplication::setApplicationVersion(QStringLiteral(FAIRNOTE_VERSION));

    QCommandLineParser parser;
    parser.setApplicationDescription(
        u"Fairnote: a case-note assistant. It underlines wording in a note that may be vague, judgemental or "
        "stigmatising, explains why, and suggests what to write instead."_s);
    const QCommandLineOption helpOption = parser.addHelpOption();
    const QCommandLineOption versionOption = parser.addVersionOption();
    const QCommandLineOption rulesOption(u"rules"_s,
                                         u"Your organisation's rule folder, over the built-in rules (instead of the one "
                                         "chosen in Settings)."_s,
                                         u"DIR"_s);
    const QCommandLineOption openOption(u"open"_s, u"Open a UTF-8 text note."_s, u"FILE"_s);
    const QCommandLineOption screenshotOption(u"screenshot"_s,
                                              u"Open the window, check the note, save a picture of the window to "
                                              "PNG and quit (used by ./run screenshots). Uses default settings."_s,
                                              u"PNG"_s);
    const QCommandLineOption dbOption(u"db"_s, u"The case file to use. Storage is not written yet: it is only shown in the title."_s,
                                      u"FILE"_s);
    parser.addOptions({rulesOption, openOption, screenshotOption, dbOption});
    parser.addPositionalArgument(u"note"_s, u"A note to open (the same as --open)."_s, u"[NOTE]"_s);
    if (!parser.parse(QCoreApplication::arguments())) {
        QString error = parser.errorText();
        if (error.endsWith(u'.'))
            error.chop(1);
        printErr(u"fairnote: %1. See fairnote --help.\n"_s.arg(error));
        return kExitBadInput;
    }
    if (parser.isSet(helpOption) || parser.isSet(u"help-all"_s))
        parser.showHelp(0); // exits
    if (parser.isSet(versionOption))
        parser.showVersion(); // exits
    if (informationOnly)
        return 0;

    const QString screenshotPath = parser.value(screenshotOption);
    const bool screenshot = parser.isSet(screenshotOption);
    const QString platform = QGuiApplication::platformName();
    // Where nobody can answer a dialog, problems go to stderr instead.
    const bool noDialogs = screenshot || platform == u"offscreen" || platform == u"minimal";

    // A screenshot shows the defaults, never this worker's own choices.
    QTemporaryDir screenshotSettingsDir;
    std::unique_ptr<QSettings> settings = screenshot
        ? std::make_unique<QSettings>(screenshotSettingsDir.filePath(u"settings.ini"_s), QSettings::IniFormat)
        : std::make_unique<QSettings>();

    QString orgDir = parser.isSet(rulesOption) ? parser.value(rulesOption)
                                               : settings->value(ui::MainWindow::organisationRulesKey()).toString();
    auto pack = wording::loadRulePack(orgDir);
    if (!pack) {
        if (noDialogs) {
            printPackProblems(pack.error(), orgDir);
            return kExitBadInput;
        }
        const bool organisationAtFault = !orgDir.isEmpty() && wording::loadRulePack().ok();
        const auto choice = ui::PackProblemsDialog::askAtStartup(pack.error(), orgDir, organisationAtFault);
        if (choice == ui::PackProblemsDialog::Choice::Quit)
            return kExitBadInput;
        orgDir.clear(); // for this run only: the saved setting is kept
        pack = wording::loadRulePack();
        if (!pack) {
            printPackProblems(pack.error(), {});
            return kExitBadInput;
        }
    }

    ui::MainWindow window({std::make_shared<const wording::Checker>(std::move(*pack)), orgDir}, settings.get());
    if (parser.isSet(dbOption))
        window.setDatabasePath(parser.value(dbOption));

    QString notePath = parser.value(openOption);
    if (notePath.isEmpty() && !parser.positionalArguments().isEmpty())
        notePath = parser.positionalArguments().constFirst();
    QString openError;
    if (!notePath.isEmpty() && !window.loadFile(notePath, &openError)) {
        if (noDialogs) {
            printErr(u"fairnote: %1\n"_s.arg(openError));
            return kExitBadInput;
        }
        QTimer::singleShot(0, &window, [&window, openError] {
            QMessageBox::warning(&window, QCoreApplication::translate("main", "The note could not be opened"), openError);
        });
    }

    if (screenshot)
        window.resize(1200, 760);
    window.show();

    if (screenshot) {
        // After the findings panel's refresh delay, so the picture shows the checked note.
        QTimer::singleShot(ui::FindingsPanel::kRefreshDelayMs + 350, &window, [&] {
            window.findingsPanel()->refreshNow();
            window.findingsPanel()->setCurrentRow(0);
            QCoreApplication::processEvents();
            if (!window.grab().save(screenshotPath, "PNG")) {
                printErr(u"fairnote: could not write the screenshot to %1\n"_s.arg(screenshotPath));
                QCoreApplication::exit(1);
                return;
            }
            std::fprintf(stdout, "%s\n", qPrintable(u"Saved %1"_s.arg(screenshotPath)));
            QCoreApplication::exit(0);
        });
    }
    return QCoreApplication::exec();
}
