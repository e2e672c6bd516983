// SPDX-FileCopyrightText: 2026 Fairnote contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// What every widget-test executable does before it makes its QApplication.
//
// - A home of its own: CTest runs the test executables side by side, and Qt's test mode alone puts
//   them all in the same ~/.qttest. Two executables then share one training file, one settings file
//   and one lock, and whatever a lane of work left there (a newer schema) stops the next run.
// - A watchdog for modal dialogs: a message box nobody expected waits for a click that never comes,
//   and the test hangs until CTest kills it. Any modal still open after 20 seconds is written to
//   stderr and closed, so the test fails on its checks with the message in the log.
#pragma once

#include <QApplication>
#include <QByteArray>
#include <QDialog>
#include <QDir>
#include <QFile>
#include <QMessageBox>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTimer>
#include <cstdio>

namespace fairnote::uitest {

inline void usePrivateHome()
{
    static QTemporaryDir home(QDir::tempPath() + QStringLiteral("/fairnote-uitest-XXXXXX"));
    if (!home.isValid())
        return;
    const QByteArray path = QFile::encodeName(home.path());
    qputenv("HOME", path);
    qputenv("XDG_CONFIG_HOME", path + "/config");
    qputenv("XDG_DATA_HOME", path + "/data");
    qputenv("XDG_CACHE_HOME", path + "/cache");
    qputenv("XDG_STATE_HOME", path + "/state");
    QStandardPaths::setTestModeEnabled(true);
}

inline void watchForStuckModals(QApplication &app)
{
    auto *timer = new QTimer(&app);
    timer->setInterval(1000);
    QObject::connect(timer, &QTimer::timeout, &app, [seen = static_cast<QWidget *>(nullptr), seconds = 0]() mutable {
        QWidget *modal = QApplication::activeModalWidget();
        if (!modal || modal != seen) {
            seen = modal;
            seconds = 0;
            return;
        }
        if (++seconds < 20)
            return;
        QString text = modal->windowTitle();
        if (auto *box = qobject_cast<QMessageBox *>(modal))
            text += QStringLiteral(": ") + box->text();
        std::fprintf(stderr, "A modal window was left open for 20 seconds and is closed by the test watchdog: %s\n",
                     qPrintable(text));
        if (auto *dialog = qobject_cast<QDialog *>(modal))
            dialog->reject();
        else
            modal->close();
        seen = nullptr;
        seconds = 0;
    });
    timer->start();
}

} // namespace fairnote::uitest
