// SPDX-FileCopyrightText: 2026 Fairnote contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// The text-check window: wires the editor, the findings panel, the menus, spelling and the worker's settings.
#include "textcheckwindow.h"

#include "editactions.h"
#include "findingfilter.h"
#include "findingformat.h"
#include "findingspanel.h"
#include "inputpolicy.h"
#include "mainwindow.h"
#include "notefile.h"
#include "noteeditor.h"
#include "noticebar.h"
#include "packproblemsdialog.h"
#include "settingsdialog.h"
#include "spellingsetup.h"
#include "guide/guidewindow.h"
#include "rules/ruleseditor.h"

#include <QApplication>
#include <QCloseEvent>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QFrame>
#include <QInputDialog>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QMenuBar>
#include <QMessageBox>
#include <QPushButton>
#include <QRegularExpression>
#include <QSettings>
#include <QSplitter>
#include <QStandardPaths>
#include <QStatusBar>
#include <QTimer>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace fairnote::ui {

namespace {
const QString kGeometryKey = u"mainWindow/geometry"_s;
const QString kSplitterKey = u"mainWindow/splitter"_s;
const QString kLastFolderKey = u"lastFolder"_s;
constexpr int kStatusMessageMs = 6000;
constexpr int kNameDelayMs = 300; // typing a name re-checks the note's spelling once it pauses

} // namespace

QString TextCheckWindow::organisationRulesKey() { return store::settingsKey::organisationRules; }
QString TextCheckWindow::checkSpellingKey() { return store::settingsKey::checkSpelling; }
QString TextCheckWindow::dictionaryKey() { return store::settingsKey::dictionary; }

spelling::SpellingOptions TextCheckWindow::defaultSpellingOptions()
{
    spelling::SpellingOptions options;
    const QString data = QStandardPaths::writableLocation(QStandardPaths::AppDataLocation);
    options.searchDirs << data + u"/dictionaries"_s;
    if (QCoreApplication::instance()) // an installed copy may ship dictionaries beside itself
        options.searchDirs << QDir::cleanPath(QCoreApplication::applicationDirPath() + u"/../share/fairnote/dictionaries"_s);
    options.personalListPath = data + u"/personal-words.txt"_s;
    return options;
}

QStringList TextCheckWindow::splitNames(const QString &text)
{
    static const QRegularExpression separators(u"[,;]"_s);
    QStringList names;
    for (const QString &part : text.split(separators, Qt::SkipEmptyParts))
        if (const QString name = part.simplified(); !name.isEmpty())
            names << name;
    return names;
}

TextCheckWindow::TextCheckWindow(LoadedRules rules, QSettings *settings, QWidget *parent)
    : TextCheckWindow(std::move(rules), settings, defaultSpellingOptions(), parent)
{
}

TextCheckWindow::TextCheckWindow(LoadedRules rules, QSettings *settings, spelling::SpellingOptions spelling, QWidget *parent)
    : QMainWindow(parent), m_rules(std::move(rules)), m_settings(settings), m_spellingOptions(std::move(spelling))
{
    m_filter = new FindingFilter(m_settings, this);
    InputPolicy::install();
    m_editor = new NoteEditor(m_rules.checker, m_filter, this);
    QFont noteFont = m_editor->font();
    // A little larger than the interface font: easier to read, and the squiggles grow with it.
    noteFont.setPointSizeF(std::max(noteFont.pointSizeF() * 1.15, 11.0));
    m_editor->setFont(noteFont);
    m_editor->document()->setDocumentMargin(10);
    m_panel = new FindingsPanel(m_editor, this);

    // The person's name, above the note: the one place the editor learns names from until records
    // are stored (a later piece of work).
    m_nameEdit = new QLineEdit(this);
    m_nameEdit->setObjectName(u"personNameEdit"_s);
    m_nameEdit->setAccessibleName(tr("Person's name"));
    m_nameEdit->setPlaceholderText(tr("Who this note is about, so their name is not marked as a spelling mistake"));
    m_nameEdit->setToolTip(tr("Names typed here are never marked as misspelt in this note, in any case and "
                              "with “'s”. Separate two or more names with commas."));
    m_nameEdit->setClearButtonEnabled(true);
    auto *nameLabel = new QLabel(tr("Person's &name:"), this);
    nameLabel->setBuddy(m_nameEdit);
    m_nameTimer = new QTimer(this);
    m_nameTimer->setSingleShot(true);
    m_nameTimer->setInterval(kNameDelayMs);
    connect(m_nameTimer, &QTimer::timeout, this, &TextCheckWindow::applyPersonNames);
    connect(m_nameEdit, &QLineEdit::textEdited, m_nameTimer, qOverload<>(&QTimer::start));
    connect(m_nameEdit, &QLineEdit::editingFinished, this, &TextCheckWindow::applyPersonNames);
    auto *nameRow = new QHBoxLayout;
    nameRow->setContentsMargins(0, 0, 0, 4);
    nameRow->addWidget(nameLabel);
    nameRow->addWidget(m_nameEdit, 1);
    auto *notePane = new QWidget(this);
    auto *noteLayout = new QVBoxLayout(notePane);
    noteLayout->setContentsMargins(0, 0, 0, 0);
    noteLayout->setSpacing(0);
    noteLayout->addLayout(nameRow);
    noteLayout->addWidget(m_editor, 1);

    m_splitter = new QSplitter(Qt::Horizontal, this);
    m_splitter->addWidget(notePane);
    m_splitter->addWidget(m_panel);
    m_splitter->setStretchFactor(0, 2);
    m_splitter->setStretchFactor(1, 1);
    m_splitter->setChildrenCollapsible(false);

    m_notice = new NoticeBar(this);
    QPushButton *chooseDictionaryButton = m_notice->addButton(tr("Choose a dictionary…"));
    chooseDictionaryButton->setToolTip(tr("Use a Hunspell dictionary file (.dic) you already have"));
    connect(chooseDictionaryButton, &QPushButton::clicked, this, &TextCheckWindow::chooseDictionary);
    auto *central = new QWidget(this);
    auto *centralLayout = new QVBoxLayout(central);
    centralLayout->setContentsMargins(4, 4, 4, 0);
    centralLayout->setSpacing(4);
    centralLayout->addWidget(m_notice);
    centralLayout->addWidget(m_splitter, 1);
    setCentralWidget(central);
    setTabOrder(m_nameEdit, m_editor);

    m_countLabel = new QLabel(this);
    m_countLabel->setAccessibleName(tr("Findings count"));
    m_spellingLabel = new QLabel(this);
    m_spellingLabel->setAccessibleName(tr("Spelling"));
    m_rulesLabel = new QLabel(this);
    m_rulesLabel->setAccessibleName(tr("Rules in use"));
    for (QLabel *label : {m_countLabel, m_spellingLabel, m_rulesLabel})
        label->setContentsMargins(6, 0, 6, 0);
    auto divider = [this] {
        auto *line = new QFrame(this);
        line->setFrameShape(QFrame::VLine);
        line->setFrameShadow(QFrame::Sunken);
        return line;
    };
    statusBar()->addPermanentWidget(m_countLabel);
    statusBar()->addPermanentWidget(divider());
    statusBar()->addPermanentWidget(m_spellingLabel);
    statusBar()->addPermanentWidget(divider());
    statusBar()->addPermanentWidget(m_rulesLabel);
    m_rulesLabel->setText(m_rules.describe());

    createActions();
    createMenus();
    m_editor->setFindingActions({m_actions.ignoreOnce, m_actions.ignoreInNote, m_actions.turnOff});

    connect(m_panel, &FindingsPanel::refreshed, this, &TextCheckWindow::updateCount);
    connect(m_panel, &FindingsPanel::ruleTurnedOff, this, [this](const QString &id) {
        m_lastTurnedOff = id;
        m_actions.undoTurnOff->setEnabled(true);
        statusBar()->showMessage(tr("Rule turned off. Check › Undo turning rule off, or Settings, turns it back on."),
                                 kStatusMessageMs);
    });
    connect(m_editor, &NoteEditor::findingsChanged, this, &TextCheckWindow::updateFindingActions);
    connect(m_editor, &QPlainTextEdit::cursorPositionChanged, this, &TextCheckWindow::updateFindingActions);
    connect(m_editor, &NoteEditor::navigationWrapped, this,
            [this] { statusBar()->showMessage(tr("Went round to the other end of the note."), kStatusMessageMs); });
    connect(m_editor->document(), &QTextDocument::modificationChanged, this, &QWidget::setWindowModified);
    connect(m_editor, &NoteEditor::wordAddedToDictionary, this, [this](const QString &word) {
        statusBar()->showMessage(tr("“%1” added to your dictionary. Settings › Spelling can remove it.").arg(word),
                                 kStatusMessageMs);
        refreshSettingsSpelling();
    });

    startSpelling();

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

TextCheckWindow::~TextCheckWindow()
{
    // The editor and panel read the filter; delete them first rather than rely on child order.
    delete m_splitter;
}

QString TextCheckWindow::countText() const { return m_countLabel->text(); }
QString TextCheckWindow::spellingText() const { return m_spellingLabel->text(); }
QString TextCheckWindow::rulesText() const { return m_rulesLabel->text(); }

void TextCheckWindow::createActions()
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
    a.quit = make(tr("&Quit"), u"quitAction"_s);
    a.quit->setShortcuts(MainWindow::quitShortcuts());
    connect(a.newNote, &QAction::triggered, this, &TextCheckWindow::newNote);
    connect(a.open, &QAction::triggered, this, &TextCheckWindow::openNote);
    connect(a.save, &QAction::triggered, this, &TextCheckWindow::save);
    connect(a.saveAs, &QAction::triggered, this, &TextCheckWindow::saveAs);
    connect(a.quit, &QAction::triggered, this, &QWidget::close);

    a.undo = make(tr("&Undo"), u"undoAction"_s, QKeySequence::Undo);
    a.redo = make(tr("&Redo"), u"redoAction"_s);
    a.redo->setShortcuts(EditActions::redoShortcuts()); // Ctrl+Shift+Z and Ctrl+Y
    EditActions::undoByWord(m_editor);
    a.find = make(tr("&Find in the note…"), u"findAction"_s, QKeySequence::Find);
    connect(a.find, &QAction::triggered, this, [this] {
        bool ok = false;
        const QString text = QInputDialog::getText(this, tr("Find in the note"), tr("Find:"), QLineEdit::Normal, m_lastFind, &ok);
        if (!ok || text.isEmpty())
            return;
        m_lastFind = text;
        if (!m_editor->find(text)) {
            // From the top, once round.
            QTextCursor top(m_editor->document());
            m_editor->setTextCursor(top);
            if (!m_editor->find(text))
                statusBar()->showMessage(tr("“%1” is not in the note.").arg(text), kStatusMessageMs);
        }
    });
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
    a.addToDictionary = make(tr("&Add to dictionary"), u"addToDictionaryAction"_s);
    a.addToDictionary->setStatusTip(tr("Never mark this word as misspelt again, in any note (Settings › Spelling "
                                       "lists your words)"));
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
    connect(a.ignoreOnce, &QAction::triggered, this, &TextCheckWindow::ignoreOnceAtCursor);
    connect(a.addToDictionary, &QAction::triggered, this, &TextCheckWindow::addToDictionaryAtCursor);
    connect(a.ignoreInNote, &QAction::triggered, this, &TextCheckWindow::ignoreInNoteAtCursor);
    connect(a.turnOff, &QAction::triggered, this, &TextCheckWindow::turnRuleOffAtCursor);
    connect(a.undoTurnOff, &QAction::triggered, this, &TextCheckWindow::undoTurnRuleOff);
    connect(a.focusFindings, &QAction::triggered, this, &TextCheckWindow::focusFindings);

    a.organisationRules = make(tr("&Organisation rules…"), u"organisationRulesAction"_s);
    a.organisationRules->setStatusTip(tr("Choose the folder with your organisation's own rules"));
    a.builtInOnly = make(tr("Use &built-in rules only"), u"builtInRulesOnlyAction"_s);
    a.settings = make(tr("&Settings…"), u"settingsAction"_s, QKeySequence::Preferences);
    a.settings->setStatusTip(tr("Organisation rules, rules you turned off, rules ignored in this note, spelling"));
    connect(a.organisationRules, &QAction::triggered, this, &TextCheckWindow::chooseOrganisationRules);
    connect(a.builtInOnly, &QAction::triggered, this, &TextCheckWindow::useBuiltInRulesOnly);
    connect(a.settings, &QAction::triggered, this, &TextCheckWindow::showSettings);
    a.builtInOnly->setEnabled(!m_rules.organisationDir.isEmpty());

    a.guide = make(tr("&Good-practice guide"), u"wordingGuideAction"_s, QKeySequence::HelpContents);
    a.about = make(tr("&About Fairnote"), u"aboutAction"_s);
    connect(a.guide, &QAction::triggered, this, [this] { showWordingGuide(); });
    connect(guideLinks(), &GuideLinks::sectionRequested, this, [this](const QString &anchor) {
        if (ownsActiveWindow(this))
            showWordingGuide(anchor);
    });
    connect(a.about, &QAction::triggered, this, &TextCheckWindow::showAbout);
}

void TextCheckWindow::createMenus()
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
    edit->addSeparator();
    edit->addAction(a.find);

    QMenu *check = menuBar()->addMenu(tr("&Check"));
    check->addActions({a.next, a.previous});
    check->addSeparator();
    check->addActions({a.ignoreOnce, a.addToDictionary, a.ignoreInNote, a.turnOff, a.undoTurnOff});
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

bool TextCheckWindow::loadFile(const QString &path, QString *error)
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

bool TextCheckWindow::saveFile(const QString &path, QString *error)
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

bool TextCheckWindow::useOrganisationRules(const QString &dir, wording::PackProblems *problems)
{
    auto pack = wording::loadRulePack(dir);
    if (!pack) {
        *problems = std::move(pack.error());
        return false;
    }
    applyRules({std::make_shared<const wording::Checker>(std::move(*pack)), dir});
    return true;
}

void TextCheckWindow::applyRules(LoadedRules rules)
{
    m_rules = std::move(rules);
    m_editor->setChecker(m_rules.checker);
    m_rulesLabel->setText(m_rules.describe());
    m_actions.builtInOnly->setEnabled(!m_rules.organisationDir.isEmpty());
    if (m_settingsDialog)
        m_settingsDialog->setRulesInUse(m_rules.describe(), !m_rules.organisationDir.isEmpty());
}

void TextCheckWindow::setDatabasePath(const QString &path)
{
    m_databasePath = path;
    updateTitle();
}

void TextCheckWindow::newNote()
{
    if (!maybeSave())
        return;
    m_editor->setNoteText({});
    setPersonNames({}); // a new note, perhaps about someone else
    m_path.clear();
    m_crlf = false;
    updateTitle();
}

void TextCheckWindow::openNote()
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

bool TextCheckWindow::save()
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

bool TextCheckWindow::saveAs()
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
bool TextCheckWindow::maybeSave()
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

void TextCheckWindow::turnRuleOffAtCursor()
{
    m_editor->flushPendingCheck();
    const auto f = m_editor->findingAtCursor();
    if (!f)
        return;
    if (isSpelling(*f))
        return; // spelling is turned off as a whole, in Settings
    m_filter->disableRule(f->ruleId);
    m_lastTurnedOff = f->ruleId;
    m_actions.undoTurnOff->setEnabled(true);
    statusBar()->showMessage(tr("Rule turned off. Check › Undo turning rule off, or Settings, turns it back on."),
                             kStatusMessageMs);
}

void TextCheckWindow::undoTurnRuleOff()
{
    if (m_lastTurnedOff.isEmpty())
        return;
    m_filter->enableRule(m_lastTurnedOff);
    m_lastTurnedOff.clear();
    m_actions.undoTurnOff->setEnabled(false);
    statusBar()->showMessage(tr("Rule turned back on."), kStatusMessageMs);
}

void TextCheckWindow::ignoreOnceAtCursor()
{
    m_editor->flushPendingCheck();
    if (const auto f = m_editor->findingAtCursor())
        m_filter->ignoreOnce(*f, m_editor);
}

void TextCheckWindow::ignoreInNoteAtCursor()
{
    m_editor->flushPendingCheck();
    if (const auto f = m_editor->findingAtCursor(); f && !isSpelling(*f)) {
        m_filter->ignoreInNote(f->ruleId);
        statusBar()->showMessage(tr("Ignored in this note. Settings › Ignored in this note shows it again."),
                                 kStatusMessageMs);
    }
}

void TextCheckWindow::addToDictionaryAtCursor()
{
    m_editor->flushPendingCheck();
    const auto f = m_editor->findingAtCursor();
    if (!f || !isSpelling(*f))
        return;
    const QString word = m_editor->matchedText(*f);
    QString error;
    if (!m_editor->addToDictionary(word, &error))
        QMessageBox::warning(this, tr("The word was not added"),
                             tr("Fairnote could not add “%1” to your dictionary.").arg(word) + u"\n\n"_s + error);
}

bool TextCheckWindow::spellingEnabled() const
{
    return !m_settings || m_settings->value(checkSpellingKey(), true).toBool();
}

void TextCheckWindow::setSpellingEnabled(bool on)
{
    if (m_settings) {
        if (on)
            m_settings->remove(checkSpellingKey()); // on is the default
        else
            m_settings->setValue(checkSpellingKey(), false);
    }
    startSpelling();
    statusBar()->showMessage(on ? tr("Spelling is checked.") : tr("Spelling is no longer checked. Settings › Check "
                                                                  "spelling turns it back on."),
                             kStatusMessageMs);
}

// Opens the dictionary when spelling is on and it is not open yet, and tells the worker when it
// cannot be: the wording is checked either way. A dictionary chosen earlier that no longer works is
// said so, and the usual places are searched instead.
void TextCheckWindow::startSpelling()
{
    if (!spellingEnabled()) {
        m_editor->setSpellChecker(nullptr);
        m_notice->hide();
        updateSpellingStatus();
        return;
    }
    if (!m_speller) {
        const QString chosen = m_settings ? m_settings->value(dictionaryKey()).toString() : QString();
        SpellingStart start = fairnote::ui::startSpelling(m_spellingOptions, chosen);
        m_speller = std::move(start.speller);
        m_spellingProblem = start.problem;
        if (start.noticeTitle.isEmpty())
            m_notice->hide();
        else
            m_notice->showNotice(start.noticeTitle, start.noticeText);
    }
    m_editor->setSpellChecker(m_speller);
    updateSpellingStatus();
}

bool TextCheckWindow::useDictionary(const QString &path, QString *error)
{
    spelling::SpellingOptions options = m_spellingOptions;
    options.dictionaryPath = path;
    auto opened = spelling::SpellChecker::open(options);
    if (!opened) {
        if (error)
            *error = sentence(opened.error().problem) + u'.';
        return false;
    }
    m_speller = std::move(*opened);
    m_spellingProblem.clear();
    if (m_settings)
        m_settings->setValue(dictionaryKey(), path);
    m_notice->hide();
    if (spellingEnabled())
        m_editor->setSpellChecker(m_speller);
    updateSpellingStatus();
    refreshSettingsSpelling();
    return true;
}

void TextCheckWindow::chooseDictionary()
{
    const QString start = QFileInfo::exists(u"/usr/share/hunspell"_s) ? u"/usr/share/hunspell"_s : QDir::homePath();
    const QString path = QFileDialog::getOpenFileName(this, tr("Choose a Hunspell dictionary"), start,
                                                      tr("Hunspell dictionaries (*.dic);;All files (*)"));
    if (path.isEmpty())
        return;
    QString error;
    if (!useDictionary(path, &error)) {
        m_notice->showNotice(tr("That dictionary could not be used"),
                             error + u' '
                                 + tr("Choose the .dic file of a Hunspell dictionary with its .aff file beside it, "
                                      "such as en_GB.dic from the Debian package hunspell-en-gb."));
        return;
    }
    statusBar()->showMessage(tr("Spelling is now checked with %1.").arg(QDir::toNativeSeparators(path)),
                             kStatusMessageMs);
}

void TextCheckWindow::updateSpellingStatus()
{
    if (!spellingEnabled()) {
        m_spellingLabel->setText(tr("Spelling off"));
        m_spellingLabel->setToolTip(tr("Settings › Check spelling turns it on"));
    } else if (!m_speller) {
        m_spellingLabel->setText(tr("Spelling not available"));
        m_spellingLabel->setToolTip(sentence(m_spellingProblem));
    } else {
        m_spellingLabel->setText(tr("Spelling: British English"));
        m_spellingLabel->setToolTip(m_speller->source());
    }
}

void TextCheckWindow::refreshSettingsSpelling()
{
    if (!m_settingsDialog)
        return;
    QString status;
    if (spellingEnabled() && !m_speller)
        status = sentence(m_spellingProblem);
    else if (m_speller)
        status = tr("Dictionary: %1").arg(m_speller->source());
    m_settingsDialog->setSpelling(spellingEnabled(), status, m_speller ? m_speller->personalWords() : QStringList(),
                                  m_speller ? m_spellingOptions.personalListPath : QString());
}

void TextCheckWindow::setPersonNames(const QStringList &names)
{
    m_nameEdit->setText(names.join(u", "_s));
    applyPersonNames();
}

QStringList TextCheckWindow::personNames() const { return splitNames(m_nameEdit->text()); }

void TextCheckWindow::applyPersonNames()
{
    m_nameTimer->stop();
    m_editor->setNames(personNames());
}

void TextCheckWindow::focusFindings()
{
    m_panel->refreshNow(); // do not make the worker wait for the list
    m_panel->focusList();
}

void TextCheckWindow::chooseOrganisationRules()
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

void TextCheckWindow::editOrganisationRules()
{
    QWidget *parent = m_settingsDialog ? static_cast<QWidget *>(m_settingsDialog) : this;
    QString dir = m_rules.organisationDir;
    if (dir.isEmpty()) {
        const QString start = m_settings ? m_settings->value(organisationRulesKey(), QDir::homePath()).toString() : QDir::homePath();
        dir = QFileDialog::getExistingDirectory(parent, tr("Choose or make the folder for your organisation's rules"), start);
        if (dir.isEmpty())
            return;
    }
    auto *editor = new RulesEditor(dir, tr("Organisation rules"), this);
    editor->setAttribute(Qt::WA_DeleteOnClose);
    // Saved means valid: check with it from now on.
    connect(editor, &RulesEditor::saved, this, [this](const QString &folder) {
        wording::PackProblems problems;
        if (!useOrganisationRules(folder, &problems))
            return;
        if (m_settings)
            m_settings->setValue(organisationRulesKey(), folder);
        statusBar()->showMessage(tr("Now checking with %1.").arg(m_rules.describe()), kStatusMessageMs);
    });
    editor->show();
}

void TextCheckWindow::useBuiltInRulesOnly()
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

void TextCheckWindow::showSettings()
{
    SettingsDialog dialog(m_filter, [this]() -> const wording::RulePack & { return m_rules.checker->pack(); }, this);
    dialog.setRulesInUse(m_rules.describe(), !m_rules.organisationDir.isEmpty());
    connect(&dialog, &SettingsDialog::chooseOrganisationRules, this, &TextCheckWindow::chooseOrganisationRules);
    connect(&dialog, &SettingsDialog::useBuiltInRulesOnly, this, &TextCheckWindow::useBuiltInRulesOnly);
    connect(&dialog, &SettingsDialog::editOrganisationRules, this, &TextCheckWindow::editOrganisationRules);
    connect(&dialog, &SettingsDialog::checkSpellingChanged, this, [this](bool on) {
        setSpellingEnabled(on);
        refreshSettingsSpelling();
    });
    connect(&dialog, &SettingsDialog::removeFromDictionary, this, [this, &dialog](const QStringList &words) {
        QStringList problems;
        for (const QString &word : words) {
            QString error;
            if (!m_editor->removeFromDictionary(word, &error))
                problems << u"“%1”: %2"_s.arg(word, error);
        }
        refreshSettingsSpelling();
        if (!problems.isEmpty())
            QMessageBox::warning(&dialog, tr("Not every word was removed"), problems.join(u'\n'));
    });
    m_settingsDialog = &dialog;
    refreshSettingsSpelling();
    dialog.exec();
    m_settingsDialog.clear();
    if (!m_lastTurnedOff.isEmpty() && !m_filter->isRuleDisabled(m_lastTurnedOff)) {
        m_lastTurnedOff.clear();
        m_actions.undoTurnOff->setEnabled(false);
    }
}

void TextCheckWindow::showWordingGuide(const QString &anchor)
{
    if (!m_guide) {
        m_guide = new GuideWindow(m_rules.checker, m_rules.organisationDir, this);
        m_guide->setAttribute(Qt::WA_DeleteOnClose);
    }
    m_guide->show();
    m_guide->raise();
    if (!anchor.isEmpty())
        m_guide->showSection(anchor);
}

void TextCheckWindow::showAbout()
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

void TextCheckWindow::closeEvent(QCloseEvent *event)
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

void TextCheckWindow::updateTitle()
{
    QString title = m_path.isEmpty() ? tr("Untitled note") : QFileInfo(m_path).fileName();
    title += u"[*] — Fairnote"_s;
    if (!m_databasePath.isEmpty())
        title += u' ' + tr("(case file %1)").arg(QDir::toNativeSeparators(m_databasePath));
    setWindowTitle(title);
    setWindowModified(m_editor->document()->isModified());
}

void TextCheckWindow::updateCount(int shown, int hidden)
{
    QString text = shown == 0 ? tr("No wording to look at again")
        : shown == 1          ? tr("1 finding")
                              : tr("%1 findings").arg(shown);
    if (hidden > 0)
        text += u' ' + tr("(%1 hidden)").arg(hidden);
    m_countLabel->setText(text);
}

void TextCheckWindow::updateFindingActions()
{
    // While a long paragraph waits to be checked this can be a moment behind; the actions
    // themselves check it first.
    const auto f = m_editor->findingAtCursor();
    const bool spelling = f && isSpelling(*f);
    m_actions.ignoreOnce->setEnabled(f.has_value());
    m_actions.addToDictionary->setEnabled(spelling);
    m_actions.addToDictionary->setText(f && isPossibleName(*f) ? tr("&Add as a name") : tr("&Add to dictionary"));
    // A spelling finding has no rule to ignore or turn off: Settings › Check spelling does that.
    m_actions.ignoreInNote->setEnabled(f && !spelling);
    m_actions.turnOff->setEnabled(f && !spelling);
}

} // namespace fairnote::ui
