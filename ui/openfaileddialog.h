// SPDX-FileCopyrightText: 2026 Fairnote contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// OpenFailedDialog: the case file could not be opened; says which, why, and offers the ways on.
#pragma once

#include "store/store.h"

#include <QDialog>

class QLabel;
class QPushButton;

namespace fairnote::ui {

// Shown at start-up (or after File › Open) when store::openStore() refuses a file. It names the file,
// gives core's reason in plain words, and says what each choice does. It never suggests the worker
// did something wrong: core has not changed the file, and the dialog says so.
class OpenFailedDialog : public QDialog
{
    Q_OBJECT

public:
    enum class Choice { OpenAnother, CreateNew, Quit };

    OpenFailedDialog(const QString &path, const store::StoreError &error, QWidget *parent = nullptr);

    // Shows the dialog and returns the worker's choice. Closing the window (or Esc) is Quit.
    static Choice ask(QWidget *parent, const QString &path, const store::StoreError &error);
    // Asks for a case file to open (create == false) or a new one to create (create == true), with
    // QFileDialog. Returns the path, or an empty string when the worker cancelled. A new file must not
    // exist yet: Fairnote never replaces a case file, so an existing name is refused with a message.
    static QString chooseFile(QWidget *parent, bool create);

    Choice choice() const { return m_choice; }
    // The reason as shown: core's message with its first letter capitalised.
    QString reasonText() const;
    QPushButton *openAnotherButton() const { return m_openAnother; }
    QPushButton *createNewButton() const { return m_createNew; }
    QPushButton *quitButton() const { return m_quit; }

private:
    Choice m_choice = Choice::Quit;
    QLabel *m_reason;
    QPushButton *m_openAnother;
    QPushButton *m_createNew;
    QPushButton *m_quit;
};

} // namespace fairnote::ui
