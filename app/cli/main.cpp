// SPDX-FileCopyrightText: 2026 Fairnote contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// fairnote-cli: wires the real standard streams to the commands.
#include "command.h"
#include "io/input.h"
#include "io/outputstream.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QGuiApplication>
#include <cstdio>
#include <cstring>
#include <memory>
#include <unistd.h>
#if defined(__GLIBC__)
#include <malloc.h>
#endif

int main(int argc, char **argv)
{
#if defined(__GLIBC__)
    // A command runs once and ends, so memory it frees is kept for its next allocation rather than handed
    // back to the system and asked for again: every page asked for again is a page fault, and on a virtual
    // machine a costly one. Large blocks (a long note's tokens, a big file's text) come from the heap up to
    // glibc's limit of 32 MB, and the heap is trimmed only past 256 MB free. Measured (docs/benchmarks.md):
    // assess of a 1,000,000-line note 1.46 s → 1.15 s, 75,000 → 50,000 page faults, 3 MB more at the peak.
    mallopt(M_MMAP_THRESHOLD, 32 * 1024 * 1024);
    mallopt(M_TRIM_THRESHOLD, 256 * 1024 * 1024);
#endif
    // Reports are laid out with Qt's text engine (fonts, PDF), which needs a GUI application; it runs on
    // the offscreen platform, so no display is needed. Every other command stays a plain core program.
    bool reports = false;
    for (int i = 1; i < argc && !reports; ++i)
        reports = std::strcmp(argv[i], "report") == 0 || std::strcmp(argv[i], "guide") == 0;
    std::unique_ptr<QCoreApplication> app;
    if (reports) {
        if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
            qputenv("QT_QPA_PLATFORM", "offscreen");
        // Without a desktop session there is no runtime folder; give Qt a private one rather than a warning.
        if (qEnvironmentVariableIsEmpty("XDG_RUNTIME_DIR")) {
            const QByteArray dir = QDir::tempPath().toLocal8Bit() + "/fairnote-runtime-" + QByteArray::number(getuid());
            if (QDir().mkpath(QString::fromLocal8Bit(dir)) && QFile::setPermissions(QString::fromLocal8Bit(dir), QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner))
                qputenv("XDG_RUNTIME_DIR", dir);
        }
        app = std::make_unique<QGuiApplication>(argc, argv);
    } else {
        app = std::make_unique<QCoreApplication>(argc, argv);
    }
    QCoreApplication::setApplicationName(QStringLiteral("fairnote-cli"));
    QCoreApplication::setApplicationVersion(QStringLiteral(FAIRNOTE_VERSION));

    // Standard output goes through a device that checks every write: "> /dev/full" is an error, not a success.
    fairnote::io::OutputStream stdoutDevice(STDOUT_FILENO, QStringLiteral("standard output"));
    QTextStream out(&stdoutDevice);
    QTextStream err(stderr);
    // Bold and other terminal attributes only on a terminal that wants them (no-color.org, TERM=dumb).
    const bool styled = isatty(fileno(stdout)) == 1 && qEnvironmentVariableIsEmpty("NO_COLOR") && qgetenv("TERM") != "dumb";
    fairnote::cli::CliIo io{out, err, isatty(fileno(stderr)) == 1, styled,
                            [](const fairnote::io::ReadOptions &options) { return fairnote::io::Input::standardInput(options); }};
    QStringList args = QCoreApplication::arguments();
    args.removeFirst();
    int rc = fairnote::cli::run(args, io);
    out.flush();
    // A network file system may report a failed write only when the file is closed.
    if (!stdoutDevice.failure() && stdoutDevice.closeDescriptor()) {
        err << QStringLiteral("fairnote-cli: error: ") << stdoutDevice.failure()->message() << u'\n';
        rc = fairnote::cli::ExitBadInput;
    }
    return rc;
}
