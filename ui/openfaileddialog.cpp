// SPDX-FileCopyrightText: 2026 Fairnote contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// The "case file cannot be opened" dialog and the file chooser used after it.
#include "openfaileddialog.h"

#include <QDialogButtonBox>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QLabel>
#include <QMessageBox>
#include <QPushButton>
#include <QStandardPaths>
#include <QStyle>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace fairnote::ui {

namespace {

// Core's messages start in lower case so they can follow "cannot open: "; a sentence on its own
// starts with a capital.
QString sentence(QString text, const QString &path)
{
    text = text.trimmed();
    // A message that starts with a path ("notes.txt is not a Fairnote case file") keeps the path as
    // it is: "Notes.txt" would name another file.
    const QString first = text.section(u' ', 0, 0);
    const bool startsWithPath = (!path.isEmpty() && text.startsWith(path)) || first.contains(u'/')
                                || first.contains(u'\\') || first.contains(u'.') || first.startsWith(u'~');
    if (!text.isEmpty() && !startsWithPath)
        text[0] = text[0].toUpper();
    if (!text.isEmpty() && !text.endsWith(u'.') && !text.endsWith(u'?') && !text.endsWith(u'!'))
        text += u'.';
    return text;
}

QLabel *selectable(const QString &text, QWidget *parent)
{
    auto *label = new QLabel(text, parent);
    label->setWordWrap(true);
    label->setTextFormat(Qt::PlainText);
    label->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    return label;
}

} // namespace

OpenFailedDialog::OpenFailedDialog(const QString &path, const store::StoreError &error, QWidget *parent)
    : QDialog(parent)
{
    setWindowTitle(tr("The case file could not be opened"));

    auto *icon = new QLabel(this);
    const int size = style()->pixelMetric(QStyle::PM_MessageBoxIconSize);
    icon->setPixmap(style()->standardIcon(QStyle::SP_MessageBoxWarning).pixmap(QSize(size, size), devicePixelRatioF()));
    icon->setAlignment(Qt::AlignTop);

    auto *title = new QLabel(tr("Fairnote could not open this case file:"), this);
    QFont bold = title->font();
    bold.setBold(true);
    title->setFont(bold);
    title->setWordWrap(true);
    auto *file = selectable(QDir::toNativeSeparators(path), this);
    file->setObjectName(u"pathLabel"_s);
    file->setAccessibleName(tr("Case file"));
    QFont mono = file->font();
    mono.setFamilies({u"monospace"_s});
    mono.setStyleHint(QFont::Monospace);
    file->setFont(mono);

    auto *whatLabel = new QLabel(tr("What is wrong"), this);
    whatLabel->setFont(bold);
    m_reason = selectable(sentence(error.message, path), this);
    m_reason->setObjectName(u"reasonLabel"_s);
    m_reason->setAccessibleName(tr("What is wrong"));
    m_reason->setFocusPolicy(Qt::StrongFocus); // so a screen reader user can reach and copy it

    auto *choicesLabel = new QLabel(tr("What you can do"), this);
    choicesLabel->setFont(bold);
    auto *choices = new QLabel(
        u"<ul style=\"margin-left:0; -qt-list-indent:1\"><li>%1</li><li>%2</li><li>%3</li></ul>"_s.arg(
            tr("<b>Open another case file</b> if there is a different one to use, for example a backup."),
            tr("<b>Create a new case file</b> to start an empty one somewhere else. The file above stays as it is."),
            tr("<b>Quit</b> to close Fairnote for now. The file stays as it is, so you can try again later or ask "
               "whoever looks after Fairnote where you work to have a look at it.")),
        this);
    choices->setObjectName(u"choicesLabel"_s);
    choices->setWordWrap(true);
    choices->setTextFormat(Qt::RichText);

    // Said once: core's message often says it already, and a file that is not there has nothing to change.
    auto *unchanged = new QLabel(tr("Fairnote has not changed the file."), this);
    unchanged->setWordWrap(true);
    unchanged->setVisible(error.code != store::ErrorCode::NotFound && !error.message.contains(u"not changed"_s)
        && !error.message.contains(u"not been changed"_s));

    auto *buttons = new QDialogButtonBox(this);
    m_openAnother = buttons->addButton(tr("&Open another case file…"), QDialogButtonBox::AcceptRole);
    m_openAnother->setObjectName(u"openAnotherButton"_s);
    m_createNew = buttons->addButton(tr("&Create a new case file…"), QDialogButtonBox::AcceptRole);
    m_createNew->setObjectName(u"createNewButton"_s);
    m_quit = buttons->addButton(tr("&Quit"), QDialogButtonBox::RejectRole);
    m_quit->setObjectName(u"quitButton"_s);
    m_openAnother->setDefault(true);
    connect(m_openAnother, &QPushButton::clicked, this, [this] {
        m_choice = Choice::OpenAnother;
        accept();
    });
    connect(m_createNew, &QPushButton::clicked, this, [this] {
        m_choice = Choice::CreateNew;
        accept();
    });
    connect(m_quit, &QPushButton::clicked, this, [this] {
        m_choice = Choice::Quit;
        reject();
    });

    auto *words = new QVBoxLayout;
    words->setSpacing(6);
    words->addWidget(title);
    words->addWidget(file);
    words->addSpacing(6);
    words->addWidget(whatLabel);
    words->addWidget(m_reason);
    words->addWidget(unchanged);
    words->addSpacing(6);
    words->addWidget(choicesLabel);
    words->addWidget(choices);

    auto *top = new QHBoxLayout;
    top->setSpacing(14);
    top->addWidget(icon, 0, Qt::AlignTop);
    top->addLayout(words, 1);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(top);
    layout->addStretch();
    layout->addWidget(buttons);

    m_openAnother->setFocus();
    resize(600, sizeHint().height());
}

QString OpenFailedDialog::reasonText() const { return m_reason->text(); }

OpenFailedDialog::Choice OpenFailedDialog::ask(QWidget *parent, const QString &path, const store::StoreError &error)
{
    OpenFailedDialog dialog(path, error, parent);
    dialog.exec();
    return dialog.choice();
}

QString OpenFailedDialog::chooseFile(QWidget *parent, bool create)
{
    const QString documents = QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation);
    // A folder that does not exist would be taken as a file name to fill in.
    QString folder = !documents.isEmpty() && QFileInfo(documents).isDir() ? documents : QDir::homePath();
    for (;;) {
        // A new dialog each time round: one that refused a name keeps that file selected.
        QFileDialog dialog(parent, create ? tr("Create a new case file") : tr("Open a case file"), folder);
        dialog.setNameFilters({tr("Fairnote case files (*.db *.fairnote)"), tr("All files (*)")});
        if (create) {
            dialog.setAcceptMode(QFileDialog::AcceptSave);
            dialog.setFileMode(QFileDialog::AnyFile);
            dialog.setDefaultSuffix(u"db"_s);
            dialog.setLabelText(QFileDialog::Accept, tr("Create"));
            // Its own question would offer to replace the file; a case file is never replaced (below).
            dialog.setOption(QFileDialog::DontConfirmOverwrite);
        } else {
            dialog.setAcceptMode(QFileDialog::AcceptOpen);
            dialog.setFileMode(QFileDialog::ExistingFile);
        }
        if (dialog.exec() != QDialog::Accepted || dialog.selectedFiles().isEmpty())
            return {};
        const QString path = dialog.selectedFiles().constFirst();
        if (!create || !QFileInfo::exists(path))
            return path;
        QMessageBox::information(parent, tr("That file already exists"),
            tr("%1 already exists. Fairnote never replaces a case file, so choose a new name "
               "for the new one (or choose Open another case file to open this one).")
                .arg(QDir::toNativeSeparators(path)));
        folder = QFileInfo(path).absolutePath();
    }
}

} // namespace fairnote::ui
