// SPDX-FileCopyrightText: 2026 Fairnote contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// fairnote-cli: wires the real standard streams to the commands.
#include "command.h"

#include <QCoreApplication>
#include <QFile>
#include <cstdio>
#include <unistd.h>

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("fairnote-cli"));
    QCoreApplication::setApplicationVersion(QStringLiteral(FAIRNOTE_VERSION));

    QTextStream out(stdout);
    QTextStream err(stderr);
    fairnote::cli::CliIo io{out, err, isatty(fileno(stderr)) == 1, isatty(fileno(stdout)) == 1, [] {
                                QFile in;
                                if (!in.open(stdin, QIODevice::ReadOnly))
                                    return QByteArray();
                                return in.readAll();
                            }};
    QStringList args = QCoreApplication::arguments();
    args.removeFirst();
    return fairnote::cli::run(args, io);
}
