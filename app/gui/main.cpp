// SPDX-FileCopyrightText: 2026 Fairnote contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// fairnote: checks there is a display, reads the options, loads the rules, opens the main window.
#include "findingspanel.h"
#include "loadedrules.h"
#include "mainwindow.h"
#include "noteeditor.h"
#include "packproblemsdialog.h"
#include "spellingsuggestions.h"
#include "wording/rulepack.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QDeadlineTimer>
#include <QMenu>
#include <QMessageBox>
#include <QPainter>
#include <QPixmap>
#include <QSettings>
#include <QTemporaryDir>
#include <QTextBlock>
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

// Processes events until `done` holds or `ms` pass.
template <typename Done>
void waitUntil(Done done, int ms)
{
    const QDeadlineTimer deadline(ms);
    while (!done() && !deadline.hasExpired())
        QCoreApplication::processEvents(QEventLoop::AllEvents, 20);
}

// For --screenshot-menu: opens the context menu over the first underlined `word` and paints it
// onto `picture` (the window's) where it appears. Returns false when the word is not underlined.
bool paintContextMenu(ui::MainWindow &window, const QString &word, QPixmap &picture)
{
    ui::NoteEditor *editor = window.editor();
    const QString text = editor->toPlainText();
    qsizetype at = -1;
    for (qsizetype i = text.indexOf(word); i >= 0 && at < 0; i = text.indexOf(word, i + 1))
        if (editor->findingAtCharacter(i))
            at = i;
    if (at < 0)
        return false;
    QTextCursor c(editor->document());
    c.setPosition(int(at + word.size() / 2));
    editor->setTextCursor(c);
    editor->ensureCursorVisible();
    const QPoint point = editor->cursorRect(c).center();
    std::unique_ptr<QMenu> menu(editor->createContextMenu(point, true));
    menu->popup(editor->viewport()->mapToGlobal(point));
    waitUntil([&] { return menu->isVisible(); }, 2000);
    QCoreApplication::processEvents();
    QPainter painter(&picture);
    painter.drawPixmap(window.mapFromGlobal(menu->pos()), menu->grab());
    painter.end();
    menu->hide();
    return true;
}

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
    const QCommandLineOption nameOption(u"name"_s,
                                        u"The name of the person the note is about, never marked as misspelt; fills "
                                        "the Person's name box. Repeat it for more than one person."_s,
                                        u"NAME"_s);
    const QCommandLineOption menuOption(u"screenshot-menu"_s,
                                        u"With --screenshot: show the right-click menu of the first underlined WORD "
                                        "in the picture."_s,
                                        u"WORD"_s);
    parser.addOptions({rulesOption, openOption, screenshotOption, dbOption, nameOption, menuOption});
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
    if (parser.isSet(menuOption) && !screenshot) {
        printErr(u"fairnote: --screenshot-menu needs --screenshot. See fairnote --help.\n"_s);
        return kExitBadInput;
    }
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

    // ... nor their personal dictionary, which soon holds the names of the people in their records.
    spelling::SpellingOptions spellingOptions = ui::MainWindow::defaultSpellingOptions();
    if (screenshot)
        spellingOptions.personalListPath = screenshotSettingsDir.filePath(u"personal-words.txt"_s);

    ui::MainWindow window({std::make_shared<const wording::Checker>(std::move(*pack)), orgDir}, settings.get(),
                          spellingOptions);
    if (parser.isSet(dbOption))
        window.setDatabasePath(parser.value(dbOption));
    if (parser.isSet(nameOption))
        window.setPersonNames(parser.values(nameOption));

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
            waitUntil([&] { return !window.editor()->suggestions()->busy(); }, 5000);
            QCoreApplication::processEvents();
            QPixmap picture = window.grab();
            if (parser.isSet(menuOption) && !paintContextMenu(window, parser.value(menuOption), picture)) {
                printErr(u"fairnote: “%1” is not underlined in the note, so there is no menu to show\n"_s.arg(
                    parser.value(menuOption)));
                QCoreApplication::exit(kExitBadInput);
                return;
            }
            if (!picture.save(screenshotPath, "PNG")) {
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
