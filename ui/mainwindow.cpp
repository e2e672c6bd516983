// SPDX-FileCopyrightText: 2026 Fairnote contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// The main window: wires the editor, the findings panel, the menus and the worker's settings.
#include "mainwindow.h"

#include "findingfilter.h"
#include "findingformat.h"
#include "findingspanel.h"
#include "notefile.h"
#include "noteeditor.h"
#include "packproblemsdialog.h"
#include "settingsdialog.h"
#include "wordingguidedialog.h"

#include <QApplication>
#include <QCloseEvent>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QFrame>
#include <QLabel>
#include <QMenuBar>
#include <QMessageBox>
#include <QSettings>
#include <QSplitter>
#include <QStatusBar>

using namespace Qt::StringLiterals;

namespace fairnote::ui {

namespace {
const QString kGeometryKey = u"mainWindow/geometry"_s;
const QString kSplitterKey = u"mainWindow/splitter"_s;
const QString kLastFolderKey = u"lastFolder"_s;
constexpr int kStatusMessageMs = 6000;
} // namespace

QString MainWindow::organisationRulesKey() { return u"organisationRules"_s; }

MainWindow::MainWindow(LoadedRules rules, QSettings *settings, QWidget *parent)
    : QMainWindow(parent), m_rules(std::move(rules)), m_settings(settings)
{
    m_filter = new FindingFilter(m_settings, this);
    m_editor = new NoteEditor(m_rules.checker, m_filter, this);
    QFont noteFont = m_editor->font();
    // A little larger than the interface font: easier to read, and the squiggles grow with it.
    noteFont.setPointSizeF(std::max(noteFont.pointSizeF() * 1.15, 11.0));
    m_editor->setFont(noteFont);
    m_editor->document()->setDocumentMargin(10);
    m_panel = new FindingsPanel(m_editor, this);

    m_splitter = new QSplitter(Qt::Horizontal, this);
    m_splitter->addWidget(m_editor);
    m_splitter->addWidget(m_panel);
    m_splitter->setStretchFactor(0, 2);
    m_splitter->setStretchFactor(1, 1);
    m_splitter->setChildrenCollapsible(false);
    setCentralWidget(m_splitter);

    m_countLabel = new QLabel(this);
    m_countLabel->setAccessibleName(tr("Findings count"));
    m_rulesLabel = new QLabel(this);
    m_rulesLabel->setAccessibleName(tr("Rules in use"));
    m_countLabel->setContentsMargins(6, 0, 6, 0);
    m_rulesLabel->setContentsMargins(6, 0, 6, 0);
    auto *divider = new QFrame(this);
    divider->setFrameShape(QFrame::VLine);
    divider->setFrameShadow(QFrame::Sunken);
    statusBar()->addPermanentWidget(m_countLabel);
    statusBar()->addPermanentWidget(divider);
    statusBar()->addPermanentWidget(m_rulesLabel);
    m_rulesLabel->setText(m_rules.describe());

    createActions();
    createMenus();
    m_editor->setFindingActions({m_actions.ignoreOnce, m_actions.ignoreInNote, m_actions.turnOff});

    connect(m_panel, &FindingsPanel::refreshed, this, &MainWindow::updateCount);
    connect(m_panel, &FindingsPanel::ruleTurnedOff, this, [this](const QString &id) {
        m_lastTurnedOff = id;
        m_actions.undoTurnOff->setEnabled(true);
        statusBar()->showMessage(tr("Rule turned off. Check › Undo turning rule off, or Settings, turns it back on."),
                                 kStatusMessageMs);
    });
    connect(m_editor, &NoteEditor::findingsChanged, this, &MainWindow::updateFindingActions);
    connect(m_editor, &QPlainTextEdit::cursorPositionChanged, this, &MainWindow::updateFindingActions);
    connect(m_editor, &NoteEditor::navigationWrapped, this,
            [this] { statusBar()->showMessage(tr("Went round to the other end of the note."), kStatusMessageMs); });
    connect(m_editor->document(), &QTextDocument::modificationChanged, this, &QWidget::setWindowModified);

    resize(1180, 740);
    m_splitter->setSizes({780, 400});
    if (m_settings) {
        restoreGeometry(m_settings->value(kGeometryKey).toByteArray());
        m_splitter->restoreState(m_settings->value(kSplitterKey).toByteArray());
    }
    updateCount(m_panel->count(), m_editor->hiddenCount());
    updateFindingActions();
    updateTitle();
    m_editor->setFocus();
}

MainWindow::~MainWindow()
{
    // The editor and panel read the filter; delete them first rather than rely on child order.
    delete m_splitter;
}

QString MainWindow::countText() const { return m_countLabel->text(); }
QString MainWindow::rulesText() const { return m_rulesLabel->text(); }

void MainWindow::createActions()
{
    auto make = [this](const QString &text, const QString &name, const QKeySequence &key = {}) {
        auto *a = new QAction(text, this);
        a->setObjectName(name);
        if (!key.isEmpty())
            a->setShortcut(key);
        return a;
    };
    Actions &a = m_actions;
    a.newNote = make(tr("&New"), u"newAction"_s, QKeySequence::New);
    a.open = make(tr("&Open…"), u"openAction"_s, QKeySequence::Open);
    a.save = make(tr("&Save"), u"saveAction"_s, QKeySequence::Save);
    a.saveAs = make(tr("Save &As…"), u"saveAsAction"_s, QKeySequence::SaveAs);
    a.quit = make(tr("&Quit"), u"quitAction"_s, QKeySequence::Quit);
    connect(a.newNote, &QAction::triggered, this, &MainWindow::newNote);
    connect(a.open, &QAction::triggered, this, &MainWindow::openNote);
    connect(a.save, &QAction::triggered, this, &MainWindow::save);
    connect(a.saveAs, &QAction::triggered, this, &MainWindow::saveAs);
    connect(a.quit, &QAction::triggered, this, &QWidget::close);

    a.undo = make(tr("&Undo"), u"undoAction"_s, QKeySequence::Undo);
    a.redo = make(tr("&Redo"), u"redoAction"_s, QKeySequence::Redo);
    a.cut = make(tr("Cu&t"), u"cutAction"_s, QKeySequence::Cut);
    a.copy = make(tr("&Copy"), u"copyAction"_s, QKeySequence::Copy);
    a.paste = make(tr("&Paste"), u"pasteAction"_s, QKeySequence::Paste);
    a.selectAll = make(tr("Select &All"), u"selectAllAction"_s, QKeySequence::SelectAll);
    a.undo->setEnabled(false);
    a.redo->setEnabled(false);
    a.cut->setEnabled(false);
    a.copy->setEnabled(false);
    connect(a.undo, &QAction::triggered, m_editor, &QPlainTextEdit::undo);
    connect(a.redo, &QAction::triggered, m_editor, &QPlainTextEdit::redo);
    connect(a.cut, &QAction::triggered, m_editor, &QPlainTextEdit::cut);
    connect(a.copy, &QAction::triggered, m_editor, &QPlainTextEdit::copy);
    connect(a.paste, &QAction::triggered, m_editor, &QPlainTextEdit::paste);
    connect(a.selectAll, &QAction::triggered, m_editor, &QPlainTextEdit::selectAll);
    connect(m_editor, &QPlainTextEdit::undoAvailable, a.undo, &QAction::setEnabled);
    connect(m_editor, &QPlainTextEdit::redoAvailable, a.redo, &QAction::setEnabled);
    connect(m_editor, &QPlainTextEdit::copyAvailable, a.cut, &QAction::setEnabled);
    connect(m_editor, &QPlainTextEdit::copyAvailable, a.copy, &QAction::setEnabled);

    a.next = make(tr("&Next finding"), u"nextFindingAction"_s, QKeySequence(Qt::Key_F8));
    a.previous = make(tr("&Previous finding"), u"previousFindingAction"_s, QKeySequence(Qt::SHIFT | Qt::Key_F8));
    a.ignoreOnce = make(tr("&Ignore once"), u"ignoreOnceAction"_s);
    a.ignoreOnce->setStatusTip(tr("Hide this one finding until its words are changed"));
    a.ignoreInNote = make(tr("Ignore this rule in this &note"), u"ignoreInNoteAction"_s);
    a.ignoreInNote->setStatusTip(tr("Hide every finding of this rule until another note is opened"));
    a.turnOff = make(tr("&Turn rule off"), u"turnRuleOffAction"_s);
    a.turnOff->setStatusTip(tr("Stop checking for this wording in every note (Settings lists it and can turn "
                               "it back on)"));
    a.undoTurnOff = make(tr("&Undo turning rule off"), u"undoTurnRuleOffAction"_s);
    a.undoTurnOff->setEnabled(false);
    a.focusFindings = make(tr("Go to the &findings list"), u"focusFindingsAction"_s,
                           QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_F));
    a.focusFindings->setStatusTip(tr("Move the keyboard focus to the list of findings (Escape comes back)"));
    connect(a.next, &QAction::triggered, this, [this] {
        if (!m_editor->nextFinding())
            statusBar()->showMessage(tr("No wording to look at again."), kStatusMessageMs);
    });
    connect(a.previous, &QAction::triggered, this, [this] {
        if (!m_editor->previousFinding())
            statusBar()->showMessage(tr("No wording to look at again."), kStatusMessageMs);
    });
    connect(a.ignoreOnce, &QAction::triggered, this, &MainWindow::ignoreOnceAtCursor);
    connect(a.ignoreInNote, &QAction::triggered, this, &MainWindow::ignoreInNoteAtCursor);
    connect(a.turnOff, &QAction::triggered, this, &MainWindow::turnRuleOffAtCursor);
    connect(a.undoTurnOff, &QAction::triggered, this, &MainWindow::undoTurnRuleOff);
    connect(a.focusFindings, &QAction::triggered, this, &MainWindow::focusFindings);

    a.organisationRules = make(tr("&Organisation rules…"), u"organisationRulesAction"_s);
    a.organisationRules->setStatusTip(tr("Choose the folder with your organisation's own rules"));
    a.builtInOnly = make(tr("Use &built-in rules only"), u"builtInRulesOnlyAction"_s);
    a.settings = make(tr("&Settings…"), u"settingsAction"_s, QKeySequence::Preferences);
    a.settings->setStatusTip(tr("Organisation rules, rules you turned off, rules ignored in this note"));
    connect(a.organisationRules, &QAction::triggered, this, &MainWindow::chooseOrganisationRules);
    connect(a.builtInOnly, &QAction::triggered, this, &MainWindow::useBuiltInRulesOnly);
    connect(a.settings, &QAction::triggered, this, &MainWindow::showSettings);
    a.builtInOnly->setEnabled(!m_rules.organisationDir.isEmpty());

    a.guide = make(tr("&Wording guide"), u"wordingGuideAction"_s, QKeySequence::HelpContents);
    a.about = make(tr("&About Fairnote"), u"aboutAction"_s);
    connect(a.guide, &QAction::triggered, this, &MainWindow::showWordingGuide);
    connect(a.about, &QAction::triggered, this, &MainWindow::showAbout);
}

void MainWindow::createMenus()
{
    const Actions &a = m_actions;
    QMenu *file = menuBar()->addMenu(tr("&File"));
    file->addActions({a.newNote, a.open, a.save, a.saveAs});
    file->addSeparator();
    file->addAction(a.quit);

    QMenu *edit = menuBar()->addMenu(tr("&Edit"));
    edit->addActions({a.undo, a.redo});
    edit->addSeparator();
    edit->addActions({a.cut, a.copy, a.paste});
    edit->addSeparator();
    edit->addAction(a.selectAll);

    QMenu *check = menuBar()->addMenu(tr("&Check"));
    check->addActions({a.next, a.previous});
    check->addSeparator();
    check->addActions({a.ignoreOnce, a.ignoreInNote, a.turnOff, a.undoTurnOff});
    check->addSeparator();
    check->addAction(a.focusFindings);

    QMenu *settings = menuBar()->addMenu(tr("&Settings"));
    settings->addActions({a.organisationRules, a.builtInOnly});
    settings->addSeparator();
    settings->addAction(a.settings);

    QMenu *help = menuBar()->addMenu(tr("&Help"));
    help->addAction(a.guide);
    help->addSeparator();
    help->addAction(a.about);
}

bool MainWindow::loadFile(const QString &path, QString *error)
{
    const auto contents = NoteFile::read(path, error);
    if (!contents)
        return false;
    m_editor->setNoteText(contents->text);
    m_path = QFileInfo(path).absoluteFilePath();
    m_crlf = contents->crlf;
    if (m_settings)
        m_settings->setValue(kLastFolderKey, QFileInfo(path).absolutePath());
    updateTitle();
    return true;
}

bool MainWindow::saveFile(const QString &path, QString *error)
{
    if (!NoteFile::write(path, m_editor->toPlainText(), m_crlf, error))
        return false;
    m_path = QFileInfo(path).absoluteFilePath();
    m_editor->document()->setModified(false);
    if (m_settings)
        m_settings->setValue(kLastFolderKey, QFileInfo(path).absolutePath());
    updateTitle();
    statusBar()->showMessage(tr("Saved %1").arg(QDir::toNativeSeparators(m_path)), kStatusMessageMs);
    return true;
}

bool MainWindow::useOrganisationRules(const QString &dir, wording::PackProblems *problems)
{
    auto pack = wording::loadRulePack(dir);
    if (!pack) {
        *problems = std::move(pack.error());
        return false;
    }
    applyRules({std::make_shared<const wording::Checker>(std::move(*pack)), dir});
    return true;
}

void MainWindow::applyRules(LoadedRules rules)
{
    m_rules = std::move(rules);
    m_editor->setChecker(m_rules.checker);
    m_rulesLabel->setText(m_rules.describe());
    m_actions.builtInOnly->setEnabled(!m_rules.organisationDir.isEmpty());
    if (m_settingsDialog)
        m_settingsDialog->setRulesInUse(m_rules.describe(), !m_rules.organisationDir.isEmpty());
}

void MainWindow::setDatabasePath(const QString &path)
{
    m_databasePath = path;
    updateTitle();
}

void MainWindow::newNote()
{
    if (!maybeSave())
        return;
    m_editor->setNoteText({});
    m_path.clear();
    m_crlf = false;
    updateTitle();
}

void MainWindow::openNote()
{
    if (!maybeSave())
        return;
    const QString start = m_settings ? m_settings->value(kLastFolderKey, QDir::homePath()).toString() : QDir::homePath();
    const QString path = QFileDialog::getOpenFileName(this, tr("Open a note"), start,
                                                      tr("Text files (*.txt);;All files (*)"));
    if (path.isEmpty())
        return;
    QString error;
    if (!loadFile(path, &error))
        QMessageBox::warning(this, tr("The note could not be opened"),
                             error + u"\n\n"_s + tr("The note you were writing has not changed."));
}

bool MainWindow::save()
{
    if (m_path.isEmpty())
        return saveAs();
    QString error;
    if (!saveFile(m_path, &error)) {
        QMessageBox::warning(this, tr("The note was not saved"), error);
        return false;
    }
    return true;
}

bool MainWindow::saveAs()
{
    const QString start = !m_path.isEmpty() ? m_path
        : m_settings ? m_settings->value(kLastFolderKey, QDir::homePath()).toString() + u"/note.txt"_s
                     : QDir::homePath() + u"/note.txt"_s;
    const QString path = QFileDialog::getSaveFileName(this, tr("Save the note as"), start,
                                                      tr("Text files (*.txt);;All files (*)"));
    if (path.isEmpty())
        return false;
    QString error;
    if (!saveFile(path, &error)) {
        QMessageBox::warning(this, tr("The note was not saved"), error);
        return false;
    }
    return true;
}

// Asks before unsaved text would be lost. Returns false when the worker chose to stay.
bool MainWindow::maybeSave()
{
    if (!m_editor->document()->isModified())
        return true;
    const auto answer = QMessageBox::question(this, tr("Save the note?"),
                                              tr("The note has changes that are not saved. Save them first?"),
                                              QMessageBox::Save | QMessageBox::Discard | QMessageBox::Cancel,
                                              QMessageBox::Save);
    if (answer == QMessageBox::Save)
        return save();
    return answer == QMessageBox::Discard;
}

void MainWindow::turnRuleOffAtCursor()
{
    m_editor->flushPendingCheck();
    const auto f = m_editor->findingAtCursor();
    if (!f)
        return;
    m_filter->disableRule(f->ruleId);
    m_lastTurnedOff = f->ruleId;
    m_actions.undoTurnOff->setEnabled(true);
    statusBar()->showMessage(tr("Rule turned off. Check › Undo turning rule off, or Settings, turns it back on."),
                             kStatusMessageMs);
}

void MainWindow::undoTurnRuleOff()
{
    if (m_lastTurnedOff.isEmpty())
        return;
    m_filter->enableRule(m_lastTurnedOff);
    m_lastTurnedOff.clear();
    m_actions.undoTurnOff->setEnabled(false);
    statusBar()->showMessage(tr("Rule turned back on."), kStatusMessageMs);
}

void MainWindow::ignoreOnceAtCursor()
{
    m_editor->flushPendingCheck();
    if (const auto f = m_editor->findingAtCursor())
        m_filter->ignoreOnce(*f);
}

void MainWindow::ignoreInNoteAtCursor()
{
    m_editor->flushPendingCheck();
    if (const auto f = m_editor->findingAtCursor()) {
        m_filter->ignoreInNote(f->ruleId);
        statusBar()->showMessage(tr("Ignored in this note. Settings › Ignored in this note shows it again."),
                                 kStatusMessageMs);
    }
}

void MainWindow::focusFindings()
{
    m_panel->refreshNow(); // do not make the worker wait for the list
    m_panel->focusList();
}

void MainWindow::chooseOrganisationRules()
{
    QWidget *parent = m_settingsDialog ? static_cast<QWidget *>(m_settingsDialog) : this;
    const QString start = !m_rules.organisationDir.isEmpty() ? m_rules.organisationDir
        : m_settings ? m_settings->value(organisationRulesKey(), QDir::homePath()).toString()
                     : QDir::homePath();
    const QString dir = QFileDialog::getExistingDirectory(parent, tr("Choose the folder with your organisation's rules"),
                                                          start);
    if (dir.isEmpty())
        return;
    wording::PackProblems problems;
    if (!useOrganisationRules(dir, &problems)) {
        PackProblemsDialog::showRefused(problems, dir, parent);
        return;
    }
    if (m_settings)
        m_settings->setValue(organisationRulesKey(), dir);
    statusBar()->showMessage(tr("Now checking with %1.").arg(m_rules.describe()), kStatusMessageMs);
}

void MainWindow::useBuiltInRulesOnly()
{
    wording::PackProblems problems;
    if (!useOrganisationRules({}, &problems)) {
        PackProblemsDialog::showRefused(problems, wording::builtInPackDirectory(), this);
        return;
    }
    if (m_settings)
        m_settings->remove(organisationRulesKey());
    statusBar()->showMessage(tr("Now checking with the built-in rules only."), kStatusMessageMs);
}

void MainWindow::showSettings()
{
    SettingsDialog dialog(m_filter, [this]() -> const wording::RulePack & { return m_rules.checker->pack(); }, this);
    dialog.setRulesInUse(m_rules.describe(), !m_rules.organisationDir.isEmpty());
    connect(&dialog, &SettingsDialog::chooseOrganisationRules, this, &MainWindow::chooseOrganisationRules);
    connect(&dialog, &SettingsDialog::useBuiltInRulesOnly, this, &MainWindow::useBuiltInRulesOnly);
    m_settingsDialog = &dialog;
    dialog.exec();
    m_settingsDialog.clear();
    if (!m_lastTurnedOff.isEmpty() && !m_filter->isRuleDisabled(m_lastTurnedOff)) {
        m_lastTurnedOff.clear();
        m_actions.undoTurnOff->setEnabled(false);
    }
}

void MainWindow::showWordingGuide()
{
    WordingGuideDialog dialog(m_rules.checker->pack(), this);
    dialog.exec();
}

void MainWindow::showAbout()
{
    QMessageBox::about(
        this, tr("About Fairnote"),
        tr("<h3>Fairnote %1</h3>"
           "<p>Fairnote helps support workers write case notes that are fair and factual. It points out "
           "wording that may be vague, judgemental or stigmatising, explains why, and suggests what to "
           "write instead, with the published guidance behind each suggestion.</p>"
           "<p>It never changes a note by itself: you decide what to write.</p>"
           "<p>Rules in use: %2</p>"
           "<p>Free software under the GNU General Public Licence, version 3 or later.</p>")
            .arg(QCoreApplication::applicationVersion(), m_rules.describe().toHtmlEscaped()));
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    if (!maybeSave()) {
        event->ignore();
        return;
    }
    if (m_settings) {
        m_settings->setValue(kGeometryKey, saveGeometry());
        m_settings->setValue(kSplitterKey, m_splitter->saveState());
    }
    event->accept();
}

void MainWindow::updateTitle()
{
    QString title = m_path.isEmpty() ? tr("Untitled note") : QFileInfo(m_path).fileName();
    title += u"[*] — Fairnote"_s;
    if (!m_databasePath.isEmpty())
        title += u' ' + tr("(case file %1)").arg(QDir::toNativeSeparators(m_databasePath));
    setWindowTitle(title);
    setWindowModified(m_editor->document()->isModified());
}

void MainWindow::updateCount(int shown, int hidden)
{
    QString text = shown == 0 ? tr("No wording to look at again")
        : shown == 1          ? tr("1 finding")
                              : tr("%1 findings").arg(shown);
    if (hidden > 0)
        text += u' ' + tr("(%1 hidden)").arg(hidden);
    m_countLabel->setText(text);
}

void MainWindow::updateFindingActions()
{
    // While a long paragraph waits to be checked this can be a moment behind; the actions
    // themselves check it first.
    const bool atFinding = m_editor->findingAtCursor().has_value();
    m_actions.ignoreOnce->setEnabled(atFinding);
    m_actions.ignoreInNote->setEnabled(atFinding);
    m_actions.turnOff->setEnabled(atFinding);
}

} // namespace fairnote::ui
