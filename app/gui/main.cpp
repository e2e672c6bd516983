// SPDX-FileCopyrightText: 2026 Fairnote contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// fairnote: checks there is a display, reads the options, loads the rules, opens the case file (asking
// what to do when it cannot be opened), asks a first-time user who they are, and opens the main window.
#include "authordialog.h"
#include "loadedrules.h"
#include "mainwindow.h"
#include "openfaileddialog.h"
#include "packproblemsdialog.h"
#include "textcheckwindow.h"
#include "trainerwindow.h"
#include "store/location.h"
#include "store/postgres/open.h"
#include "store/settings.h"
#include "store/sqlite/open.h"
#include "store/writerlock.h"
#include "training/trainingstore.h"
#include "wording/rulepack.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QElapsedTimer>
#include <QInputDialog>
#include <QLineEdit>
#include <QListWidget>
#include <QMessageBox>
#include <QPushButton>
#include <QSettings>
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
               "    xvfb-run -a build/app/app/gui/fairnote --db CASEFILE.db\n"
               "\n"
               "To work without a window, use the command-line tool:\n"
               "    fairnote-cli check NOTE.txt        (from the source tree: ./run cli check NOTE.txt)\n"
               "    fairnote-cli list --db CASEFILE.db\n",
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

// A case file open for writing, and this program's place as its one writer (null when it is open for
// reading only).
struct OpenedCaseFile
{
    std::unique_ptr<store::Store> store;
    std::unique_ptr<store::WriterLock> writer;
};

// Opens the case file; when it cannot be, says why and lets the worker open another, create a new one
// or quit (or, without dialogs, says so on stderr). Returns no store to quit. A file another window or
// program is writing is said so plainly and opened for reading only (or not at all, if the worker
// chooses), so two writers never save over each other.
OpenedCaseFile openCaseFile(QString path, bool explicitPath, bool noDialogs)
{
    store::OpenOptions options;
    // The default file is created on first run; a file named with --db must exist.
    options.create = explicitPath ? store::OpenOptions::Create::No : store::OpenOptions::Create::IfMissing;
    while (true) {
        OpenedCaseFile opened;
        store::OpenOptions tried = options;
        auto writer = store::WriterLock::acquire(path);
        if (writer) {
            opened.writer = std::move(*writer);
        } else {
            const QString who = writer.error().describe();
            const QString why = u"it is already open for writing in %1; one writer at a time keeps both sets of work safe"_s.arg(who);
            if (noDialogs) {
                printErr(u"fairnote: %1 is already open for writing in %2. It is opened for reading only.\n"_s.arg(path, who));
            } else {
                QMessageBox box;
                box.setIcon(QMessageBox::Information);
                box.setWindowTitle(QCoreApplication::translate("main", "This case file is already open"));
                box.setText(QCoreApplication::translate("main", "%1 is already open for writing in %2.").arg(path, who));
                box.setInformativeText(QCoreApplication::translate(
                    "main", "Only one window can write to a case file at a time, so that neither saves over the other. You can read "
                            "it here while it is open there; to write, switch to that window (or close it and open the file again)."));
                QPushButton *read = box.addButton(QCoreApplication::translate("main", "Open for &reading only"), QMessageBox::AcceptRole);
                box.addButton(QCoreApplication::translate("main", "&Quit"), QMessageBox::RejectRole);
                box.setDefaultButton(read);
                box.exec();
                if (box.clickedButton() != read)
                    return {};
            }
            tried.readOnly = true;
            tried.create = store::OpenOptions::Create::No;
            tried.readOnlyReason = why;
        }
        auto s = store::openStore(path, tried);
        if (s) {
            opened.store = std::move(*s);
            return opened;
        }
        opened.writer.reset();
        if (noDialogs) {
            printErr(u"fairnote: %1\n"_s.arg(s.error().message));
            if (s.error().code == store::ErrorCode::NotFound)
                printErr(u"Create it with: fairnote-cli init --db %1\n"_s.arg(path));
            return {};
        }
        const auto choice = ui::OpenFailedDialog::ask(nullptr, path, s.error());
        if (choice == ui::OpenFailedDialog::Choice::Quit)
            return {};
        const bool create = choice == ui::OpenFailedDialog::Choice::CreateNew;
        const QString chosen = ui::OpenFailedDialog::chooseFile(nullptr, create);
        if (chosen.isEmpty())
            continue;
        path = chosen;
        options.create = create ? store::OpenOptions::Create::IfMissing : store::OpenOptions::Create::No;
    }
}

} // namespace

int main(int argc, char **argv)
{
    QElapsedTimer startup;
    startup.start();
    const bool informationOnly = asksOnlyForInformation(argc, argv);
    if (!informationOnly && !hasDisplay()) {
        printNoDisplay();
        return kExitBadInput;
    }
    std::unique_ptr<QCoreApplication> app = informationOnly ? std::make_unique<QCoreApplication>(argc, argv)
                                                            : std::make_unique<QApplication>(argc, argv);
    // The names QSettings finds the user's settings by; fairnote-cli reads the same file (store/settings.h).
    QCoreApplication::setOrganizationName(store::kSettingsOrganisation);
    QCoreApplication::setApplicationName(store::kSettingsApplication);
    QCoreApplication::setApplicationVersion(QStringLiteral(FAIRNOTE_VERSION));

    QCommandLineParser parser;
    parser.setApplicationDescription(
        u"Fairnote: a case-note recording assistant. It guides you through the facts of an incident involving fire, "
        "underlines wording that may be vague, judgemental or stigmatising as you type, and keeps each person's "
        "case file as a trustworthy record."_s);
    const QCommandLineOption helpOption = parser.addHelpOption();
    const QCommandLineOption versionOption = parser.addVersionOption();
    const QCommandLineOption dbOption(u"db"_s, u"The case file to open (default: %1, created on first run)."_s
                                                   .arg(store::defaultCaseFilePath()),
                                      u"FILE"_s);
    const QCommandLineOption rulesOption(u"rules"_s,
                                         u"Your organisation's rule folder, over the built-in rules (instead of the one "
                                         "chosen in Settings)."_s,
                                         u"DIR"_s);
    const QCommandLineOption openOption(u"open"_s, u"Check a UTF-8 text note in the text-check window."_s, u"FILE"_s);
    const QCommandLineOption startupOption(u"startup-time"_s,
                                           u"Print how long it took until the window was ready, then quit (for the benchmark)."_s);
    const QCommandLineOption trainingOption(u"training"_s,
                                            u"Trainer mode: practise factual recording on invented cases, in a training file (FILE, "
                                            "or %1, created on first use). A real case file is refused."_s
                                                .arg(training::defaultTrainingFilePath()));
    const QCommandLineOption serverOption(u"server"_s,
                                          u"A team server instead of a case file: a libpq connection string (\"host=… dbname=… "
                                          "user=…\"), a postgresql:// URI or \"service=NAME\"; the password from ~/.pgpass or "
                                          "PGPASSWORD. You write as your login (docs/server.md)."_s,
                                          u"CONNINFO"_s);
    parser.addOptions({dbOption, serverOption, rulesOption, openOption, startupOption, trainingOption});
    parser.addPositionalArgument(u"FILE"_s, u"With --training: the training file to open."_s, u"[FILE]"_s);
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
    // A FILE is only ever a training file: a real case file is named with --db.
    const bool training = parser.isSet(trainingOption);
    const QStringList files = parser.positionalArguments();
    if (files.size() > (training ? 1 : 0) || (training && (parser.isSet(dbOption) || parser.isSet(openOption)))) {
        printErr(training ? u"fairnote: --training takes one training file (and no --db or --open). See fairnote --help.\n"_s
                          : u"fairnote: unexpected argument '%1'. A case file is opened with --db FILE, a training file with "
                            "--training FILE. See fairnote --help.\n"_s.arg(files.value(0)));
        return kExitBadInput;
    }

    const QString platform = QGuiApplication::platformName();
    const bool timing = parser.isSet(startupOption);
    // Where nobody can answer a dialog, problems go to stderr instead.
    const bool noDialogs = timing || platform == u"offscreen" || platform == u"minimal";
    QSettings settings;

    QString orgDir = parser.isSet(rulesOption) ? parser.value(rulesOption)
                                               : store::UserSettings::read(settings).organisationRules;
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
    const ui::LoadedRules rules{std::make_shared<const wording::Checker>(std::move(*pack)), orgDir};

    if (training) {
        // Trainer mode: a training file of invented cases, never a real case file (docs/training.md).
        QString error;
        auto *trainer = ui::TrainerWindow::open(rules, &settings, files.value(0), &error);
        if (!trainer) {
            printErr(u"fairnote: %1\n"_s.arg(error));
            if (!noDialogs)
                QMessageBox::warning(nullptr, QCoreApplication::translate("main", "Trainer mode could not start"), error);
            return kExitBadInput;
        }
        trainer->show();
        return QCoreApplication::exec();
    }

    if (parser.isSet(openOption)) {
        // A text note to check: the text-check window alone.
        auto *window = new ui::TextCheckWindow(rules, &settings);
        window->setAttribute(Qt::WA_DeleteOnClose);
        QString error;
        if (!window->loadFile(parser.value(openOption), &error)) {
            printErr(u"fairnote: %1\n"_s.arg(error));
            if (noDialogs)
                return kExitBadInput;
            QTimer::singleShot(0, window, [window, error] {
                QMessageBox::warning(window, QCoreApplication::translate("main", "The note could not be opened"), error);
            });
        }
        window->show();
        return QCoreApplication::exec();
    }

    const bool onServer = parser.isSet(serverOption);
    if (onServer && parser.isSet(dbOption)) {
        printErr(u"fairnote: give --db FILE or --server CONNINFO, not both. See fairnote --help.\n"_s);
        return kExitBadInput;
    }
    OpenedCaseFile opened;
    if (onServer) {
        // A team server: who writes is the login, and the server decides what it may read and do.
        store::postgres::ServerOpenOptions serverOptions;
        auto s = store::postgres::openServer(parser.value(serverOption), serverOptions);
        // The server asks for a password that ~/.pgpass and PGPASSWORD do not give: ask for it (three
        // tries). It is kept only in memory, to connect again after a lost connection.
        for (int tries = 0; !s && s.error().code == store::ErrorCode::NeedsPassword && !noDialogs && tries < 3; ++tries) {
            bool ok = false;
            const QString password = QInputDialog::getText(
                nullptr, QCoreApplication::translate("main", "Team server password"),
                tries == 0 ? QCoreApplication::translate("main", "Your password for the team server:")
                           : QCoreApplication::translate("main", "That password was not accepted. Your password for the team server:"),
                QLineEdit::Password, {}, &ok);
            if (!ok)
                break;
            serverOptions.password = password;
            s = store::postgres::openServer(parser.value(serverOption), serverOptions);
        }
        if (!s) {
            printErr(u"fairnote: %1\n"_s.arg(s.error().message));
            if (!noDialogs)
                QMessageBox::warning(nullptr, QCoreApplication::translate("main", "Fairnote could not connect to the team server"),
                                     s.error().message);
            return kExitBadInput;
        }
        opened.store = std::move(*s);
    } else {
        opened = openCaseFile(parser.isSet(dbOption) ? parser.value(dbOption) : store::defaultCaseFilePath(), parser.isSet(dbOption),
                              noDialogs);
    }
    auto [caseFile, writer] = std::move(opened);
    if (!caseFile)
        return kExitBadInput;

    // Every entry is signed: the first start asks who is writing (on a server, the login's staff record signs).
    if (!onServer && store::authorFromSettings(settings).name.isEmpty() && !noDialogs) {
        ui::AuthorDialog dialog(store::Actor{}, nullptr);
        if (dialog.exec() == QDialog::Accepted)
            store::saveAuthorToSettings(settings, dialog.actor());
    }

    ui::MainWindow window(rules, &settings, ui::TextCheckWindow::defaultSpellingOptions(), std::move(caseFile));
    window.show();
    if (timing) {
        QTimer::singleShot(0, &window, [&] {
            QCoreApplication::processEvents();
            std::printf("%.1f ms from start to a usable window (%d people listed)\n", double(startup.nsecsElapsed()) / 1e6,
                        window.peopleList()->count());
            QCoreApplication::exit(0);
        });
    } else {
        QTimer::singleShot(0, &window, &ui::MainWindow::offerUnfinishedDrafts);
    }
    return QCoreApplication::exec();
}
