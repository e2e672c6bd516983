// SPDX-FileCopyrightText: 2026 Fairnote contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// The case-file window: people, chronology, search and the guided editor, wired to the store.
#include "mainwindow.h"

#include "authordialog.h"
#include "connectdialog.h"
#include "datefield.h"
#include "editactions.h"
#include "elidedlabel.h"
#include "finalisedialog.h"
#include "findingfilter.h"
#include "historydialog.h"
#include "idlelock.h"
#include "inputpolicy.h"
#include "noteeditor.h"
#include "noticebar.h"
#include "packproblemsdialog.h"
#include "persondialog.h"
#include "reasondialog.h"
#include "recordeditor.h"
#include "recordpanel.h"
#include "reportdialog.h"
#include "settingsdialog.h"
#include "spellingsetup.h"
#include "supervisiondialog.h"
#include "textcheckwindow.h"
#include "trainerwindow.h"
#include "trendsdialog.h"
#include "guide/guidewindow.h"

#include "record/assess.h"
#include "record/describe.h"
#include "review/review.h"
#include "store/location.h"
#include "store/permissions.h"
#include "store/postgres/open.h"
#include "store/snapshot.h"
#include "wording/rulepack.h"

#include <QAbstractSpinBox>
#include <QApplication>
#include <QCloseEvent>
#include <QDialogButtonBox>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QInputDialog>
#include <QKeyEvent>
#include <QPlainTextEdit>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QLocale>
#include <QMenuBar>
#include <QMessageBox>
#include <QPainter>
#include <QPainterPath>
#include <QPushButton>
#include <QScreen>
#include <QSettings>
#include <QShortcut>
#include <QSplitter>
#include <QStackedWidget>
#include <QStandardPaths>
#include <QStatusBar>
#include <QTextBrowser>
#include <QToolBar>
#include <QTreeWidget>
#include <QUuid>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace fairnote::ui {

namespace {
const QString kGeometryKey = u"caseWindow/geometry"_s;
const QString kStateKey = u"caseWindow/state"_s;
const QString kSplitterKey = u"caseWindow/splitter"_s;
constexpr int kStatusMessageMs = 6000;
constexpr int kIdRole = Qt::UserRole + 1;
const QLocale kUk(QLocale::English, QLocale::UnitedKingdom);

QString when(const QDateTime &t) { return kUk.toString(t.toLocalTime(), u"d MMMM yyyy, HH:mm"_s); }

// A small flame-like mark for incident records: an orange drop shape, so the row differs by
// shape and word as well as colour.
QIcon incidentIcon()
{
    QPixmap pm(16, 16);
    pm.fill(Qt::transparent);
    QPainter p(&pm);
    p.setRenderHint(QPainter::Antialiasing);
    QPainterPath path;
    path.moveTo(8, 1);
    path.cubicTo(13, 6, 14, 9, 13, 11);
    path.cubicTo(12, 15, 4, 15, 3, 11);
    path.cubicTo(2, 8, 5, 6, 8, 1);
    p.fillPath(path, QColor(0xd9, 0x5f, 0x0e));
    p.end();
    return QIcon(pm);
}

QIcon noteIcon()
{
    QPixmap pm(16, 16);
    pm.fill(Qt::transparent);
    QPainter p(&pm);
    p.setRenderHint(QPainter::Antialiasing);
    p.setPen(QPen(QColor(0x55, 0x6b, 0x82), 1.4));
    p.drawRoundedRect(QRectF(3.5, 1.5, 9, 13), 1.5, 1.5);
    for (int y : {5, 8, 11})
        p.drawLine(QPointF(5.5, y), QPointF(10.5, y));
    p.end();
    return QIcon(pm);
}

QString lateText(qint64 seconds, const record::EventDate &date)
{
    return QObject::tr("late entry, %1").arg(record::lateEntryText(seconds, date));
}
} // namespace

MainWindow::MainWindow(LoadedRules rules, QSettings *settings, spelling::SpellingOptions spelling,
                       std::unique_ptr<store::Store> store, QWidget *parent)
    : QMainWindow(parent), m_rules(std::move(rules)), m_settings(settings), m_spellingOptions(std::move(spelling)),
      m_store(std::move(store))
{
    if (m_settings)
        m_author = store::authorFromSettings(*m_settings);
    // On a team server the author is the login's staff record, never what this computer has saved.
    if (const auto session = store::postgres::sessionOf(*m_store))
        m_author = session->actor;
    m_filter = new FindingFilter(m_settings, this);

    m_notice = new NoticeBar(this);
    // A file that cannot be written says so across the top for as long as it is open: the reason is always
    // in view, not only in a tooltip on a greyed button.
    m_readOnlyBanner = new QLabel(this);
    m_readOnlyBanner->setObjectName(u"readOnlyBanner"_s);
    m_readOnlyBanner->setWordWrap(true);
    m_readOnlyBanner->setTextFormat(Qt::RichText);
    m_readOnlyBanner->setFrameShape(QFrame::StyledPanel);
    m_readOnlyBanner->setContentsMargins(8, 6, 8, 6);
    m_readOnlyBanner->setAccessibleName(tr("This case file is read-only"));
    m_readOnlyBanner->setStyleSheet(palette().color(QPalette::Window).lightness() > 128
                                        ? u"QLabel#readOnlyBanner { background: #fff4ce; color: #3b2f00; border: 1px solid #c9a400; }"_s
                                        : u"QLabel#readOnlyBanner { background: #4a3c00; color: #fff4ce; border: 1px solid #c9a400; }"_s);
    m_readOnlyBanner->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_readOnlyBanner->hide();
    m_editor = new RecordEditor(m_rules.checker, m_filter, this);
    m_panel = new RecordPanel(m_editor, this);

    m_pages = new QStackedWidget(this);
    m_emptyPage = buildEmptyPage();
    m_chronologyPage = buildChronologyPage();
    m_editorPage = buildEditorPage();
    m_searchPage = buildSearchPage();
    for (QWidget *page : {m_emptyPage, m_chronologyPage, m_editorPage, m_searchPage})
        m_pages->addWidget(page);

    m_splitter = new QSplitter(Qt::Horizontal, this);
    m_splitter->addWidget(buildPeoplePane());
    m_splitter->addWidget(m_pages);
    m_splitter->addWidget(m_panel);
    m_splitter->setStretchFactor(0, 0);
    m_splitter->setStretchFactor(1, 3);
    m_splitter->setStretchFactor(2, 1);
    m_splitter->setChildrenCollapsible(false);

    auto *central = new QWidget(this);
    auto *layout = new QVBoxLayout(central);
    layout->setContentsMargins(6, 6, 6, 0);
    layout->setSpacing(6);
    layout->addWidget(m_readOnlyBanner);
    layout->addWidget(m_notice);
    layout->addWidget(m_splitter, 1);
    setCentralWidget(central);

    m_statusFile = new ElidedLabel(Qt::ElideMiddle, this); // a long path gives way in its middle
    m_statusFile->setAccessibleName(tr("Case file"));
    m_statusFile->setObjectName(u"statusCaseFile"_s);
    m_statusAuthor = new ElidedLabel(Qt::ElideRight, this);
    m_statusAuthor->setAccessibleName(tr("You are signed in as"));
    m_statusAuthor->setObjectName(u"statusAuthor"_s);
    m_statusReadOnly = new QLabel(tr("<b>Read-only</b>"), this);
    m_statusReadOnly->setAccessibleName(tr("The case file is read-only"));
    m_statusReadOnly->hide();
    statusBar()->addPermanentWidget(m_statusReadOnly);
    statusBar()->addPermanentWidget(m_statusAuthor);
    statusBar()->addPermanentWidget(m_statusFile);

    createActions();
    createMenus();
    qApp->installEventFilter(this);
    InputPolicy::install();

    m_autosave.setSingleShot(true);
    m_autosave.setInterval(kAutosaveMs);
    connect(&m_autosave, &QTimer::timeout, this, &MainWindow::autosave);
    connect(m_editor, &RecordEditor::changed, this, &MainWindow::editorChanged);

    startSpellingCheck();
    applyAssessor();

    // A comfortable first size that never exceeds the screen (1280×720 laptops, 200% scaling).
    const QRect screen = this->screen() ? this->screen()->availableGeometry() : QRect(0, 0, 1280, 760);
    resize(std::min(1280, screen.width() * 95 / 100), std::min(760, screen.height() * 92 / 100));
    m_splitter->setSizes({250, 720, 310});
    if (m_settings) {
        restoreGeometry(m_settings->value(kGeometryKey).toByteArray());
        restoreState(m_settings->value(kStateKey).toByteArray());
        m_splitter->restoreState(m_settings->value(kSplitterKey).toByteArray());
    }
    setAuthor(m_author);
    reloadPeople();
    showPage(m_emptyPage);
    updateTitle();

    // A team server's window locks after it is left idle: the password is the server's to check.
    if (const auto session = store::postgres::sessionOf(*m_store)) {
        m_idleLock = new IdleLock(
            this, [this](const QString &password) { return store::postgres::confirmPassword(*m_store, password); }, session->login);
        m_idleLock->setMinutes(userSettings().lockAfterMinutes);
        connect(m_idleLock, &IdleLock::aboutToLock, this, [this] {
            if (m_dirty)
                saveDraft(); // a failure is said in the status bar; the text stays in the editor
        });
        // Drafts the server could not take are kept on this computer and sent when it is back; any kept
        // by an earlier window (closed, or the computer shut down, while the server was away) go now.
        m_kept.emplace(QDir(QStandardPaths::writableLocation(QStandardPaths::AppLocalDataLocation)).filePath(u"kept-drafts"_s),
                       u"%1:%2/%3"_s.arg(session->host, session->port, session->database), session->login);
        m_keptRetry.setInterval(kKeptRetryMs);
        connect(&m_keptRetry, &QTimer::timeout, this, &MainWindow::sendKeptDrafts);
        if (!m_kept->list().empty())
            QTimer::singleShot(0, this, &MainWindow::sendKeptDrafts);
    } else {
        m_actions.lock->setEnabled(false);
        m_actions.lock->setToolTip(tr("Only a team server's window locks: a case file on this computer has no password to ask for"));
    }
}

MainWindow::~MainWindow()
{
    // The editors read the filter and the checkers; delete them before the members they use.
    delete m_splitter;
}

// ---- building ------------------------------------------------------------------------------------

QWidget *MainWindow::buildPeoplePane()
{
    auto *pane = new QWidget(this);
    auto *layout = new QVBoxLayout(pane);
    layout->setContentsMargins(0, 0, 0, 0);
    auto *heading = new QLabel(tr("Peop&le"), pane);
    QFont f = heading->font();
    f.setBold(true);
    heading->setFont(f);
    m_peopleFilter = new QLineEdit(pane);
    m_peopleFilter->setObjectName(u"peopleFilter"_s);
    m_peopleFilter->setPlaceholderText(tr("Find a person"));
    m_peopleFilter->setAccessibleName(tr("Find a person by name"));
    m_peopleFilter->setClearButtonEnabled(true);
    heading->setBuddy(m_peopleFilter);
    m_people = new QListWidget(pane);
    m_people->setObjectName(u"peopleList"_s);
    m_people->setAccessibleName(tr("People in this case file"));
    m_people->setWordWrap(true);
    m_people->setSpacing(1);
    auto *add = new QPushButton(tr("&Add a person…"), pane);
    add->setAccessibleName(tr("Add a person"));
    m_addPersonButton = add;
    layout->addWidget(heading);
    layout->addWidget(m_peopleFilter);
    layout->addWidget(m_people, 1);
    layout->addWidget(add);
    connect(m_peopleFilter, &QLineEdit::textChanged, this, &MainWindow::filterPeople);
    connect(m_peopleFilter, &QLineEdit::returnPressed, this, [this] {
        for (int i = 0; i < m_people->count(); ++i)
            if (!m_people->item(i)->isHidden()) {
                m_people->setCurrentRow(i);
                m_people->setFocus();
                return;
            }
    });
    connect(m_people, &QListWidget::currentItemChanged, this, [this](QListWidgetItem *item) {
        if (!item || m_loading)
            return;
        const QString id = item->data(kIdRole).toString();
        if (id == m_personId && m_pages->currentWidget() != m_searchPage && m_pages->currentWidget() != m_emptyPage)
            return;
        closeEntry();
        m_personId = id;
        loadChronology();
        showPage(m_chronologyPage);
    });
    connect(add, &QPushButton::clicked, this, &MainWindow::addPersonInteractively);
    return pane;
}

QWidget *MainWindow::buildEmptyPage()
{
    auto *page = new QWidget(this);
    auto *layout = new QVBoxLayout(page);
    auto *text = new QLabel(page);
    text->setObjectName(u"emptyState"_s);
    text->setWordWrap(true);
    text->setAlignment(Qt::AlignCenter);
    text->setText(tr("<h3>Choose a person on the left</h3>"
                     "<p>Their entries appear here in date order, with incident records marked.</p>"
                     "<p>Nobody there yet? <b>Add a person…</b> starts their case file. Then <b>New incident record</b> "
                     "(Ctrl+N) guides you through what a housing provider will need to know, and <b>New case note</b> "
                     "(Ctrl+Shift+N) is for everything else.</p>"));
    text->setTextFormat(Qt::RichText);
    layout->addStretch(1);
    layout->addWidget(text);
    layout->addStretch(2);
    return page;
}

QWidget *MainWindow::buildChronologyPage()
{
    auto *page = new QWidget(this);
    auto *layout = new QVBoxLayout(page);
    layout->setContentsMargins(8, 0, 8, 0);
    m_personHeading = new QLabel(page);
    QFont f = m_personHeading->font();
    f.setBold(true);
    f.setPointSizeF(f.pointSizeF() * 1.4);
    m_personHeading->setFont(f);
    m_personHeading->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_personDetails = new QLabel(page);
    m_personDetails->setWordWrap(true);
    m_sinceLabel = new QLabel(page);
    m_sinceLabel->setObjectName(u"sinceLastIncident"_s);
    m_sinceLabel->setWordWrap(true);
    m_sinceLabel->setAccessibleName(tr("Time since the latest incident"));

    auto *buttons = new QHBoxLayout;
    auto *newIncident = new QPushButton(incidentIcon(), tr("New &incident record"), page);
    m_newIncidentButton = newIncident;
    newIncident->setToolTip(tr("Record an incident involving fire (a fire, a threat to set one, or an allegation), guided (Ctrl+N)"));
    auto *newNote = new QPushButton(noteIcon(), tr("New case &note"), page);
    m_newNoteButton = newNote;
    newNote->setToolTip(tr("Write a general case note (Ctrl+Shift+N)"));
    auto *open = new QPushButton(tr("&Open"), page);
    open->setToolTip(tr("Open the chosen entry (Enter)"));
    auto *history = new QPushButton(tr("Histor&y…"), page);
    history->setToolTip(tr("Every revision of the chosen entry, with who changed what, when and why"));
    auto *summary = new QPushButton(tr("Fire-safety su&mmary…"), page);
    m_summaryButton = summary;
    summary->setToolTip(tr("A factual summary of the incidents recorded, for a referral (Ctrl+R)"));
    connect(summary, &QPushButton::clicked, this, [this] { showSummary(); });
    // Above the list, what starts a new entry; below it, what reads the entries (the chosen one, or the
    // summary of them all). Two short rows instead of one long one, so the page fits a small screen with
    // a large font.
    buttons->addWidget(newIncident);
    buttons->addWidget(newNote);
    buttons->addStretch(1);
    auto *entryButtons = new QHBoxLayout;
    entryButtons->addWidget(open);
    entryButtons->addWidget(history);
    entryButtons->addStretch(1);
    entryButtons->addWidget(summary);

    m_chronology = new QTreeWidget(page);
    m_chronology->setObjectName(u"chronology"_s);
    m_chronology->setAccessibleName(tr("Chronology: entries by the date of the event"));
    m_chronology->setRootIsDecorated(false);
    m_chronology->setUniformRowHeights(true);
    m_chronology->setAlternatingRowColors(true);
    m_chronology->setHeaderLabels({tr("When"), tr("Entry"), tr("Status"), tr("Summary")});
    m_chronology->header()->setSectionResizeMode(0, QHeaderView::ResizeToContents);
    m_chronology->header()->setSectionResizeMode(1, QHeaderView::ResizeToContents);
    m_chronology->header()->setSectionResizeMode(2, QHeaderView::ResizeToContents);
    m_chronology->header()->setStretchLastSection(true);
    m_chronologyEmpty = new QLabel(tr("No entries yet. <b>New incident record</b> or <b>New case note</b> starts one."), page);
    m_chronologyEmpty->setObjectName(u"chronologyEmpty"_s);
    m_chronologyEmpty->setWordWrap(true);
    m_chronologyEmpty->setAlignment(Qt::AlignLeft | Qt::AlignTop);

    layout->addWidget(m_personHeading);
    layout->addWidget(m_personDetails);
    layout->addWidget(m_sinceLabel);
    layout->addLayout(buttons);
    layout->addWidget(m_chronology, 1);
    layout->addLayout(entryButtons);
    layout->addWidget(m_chronologyEmpty);
    // With no entries the list is hidden: the space goes below the text, not between the lines.
    layout->addStretch(0);

    connect(newIncident, &QPushButton::clicked, this, &MainWindow::newIncident);
    connect(newNote, &QPushButton::clicked, this, &MainWindow::newNote);
    connect(open, &QPushButton::clicked, this, [this] {
        if (const QString id = selectedChronologyEntry(); !id.isEmpty())
            openEntry(id);
    });
    connect(history, &QPushButton::clicked, this, [this] {
        if (const QString id = selectedChronologyEntry(); !id.isEmpty()) {
            m_entryId = id;
            showHistory();
            m_entryId.clear();
        }
    });
    connect(m_chronology, &QTreeWidget::itemActivated, this, [this](QTreeWidgetItem *item) {
        openEntry(item->data(0, kIdRole).toString());
    });
    return page;
}

QWidget *MainWindow::buildEditorPage()
{
    auto *page = new QWidget(this);
    auto *layout = new QVBoxLayout(page);
    layout->setContentsMargins(0, 0, 0, 0);
    m_editorTitle = new QLabel(page);
    m_editorTitle->setObjectName(u"editorTitle"_s);
    QFont f = m_editorTitle->font();
    f.setBold(true);
    f.setPointSizeF(f.pointSizeF() * 1.3);
    m_editorTitle->setFont(f);
    m_editorStatus = new QLabel(page);
    m_editorStatus->setObjectName(u"editorStatus"_s);
    m_editorStatus->setAccessibleName(tr("Status of this entry"));
    m_editorStatus->setWordWrap(true);
    m_editorBanner = new QLabel(page);
    m_editorBanner->setWordWrap(true);
    m_editorBanner->setFrameShape(QFrame::StyledPanel);
    m_editorBanner->setContentsMargins(8, 6, 8, 6);
    m_editorBanner->hide();

    m_editorTitle->setWordWrap(true);
    auto *header = new QVBoxLayout;
    header->setContentsMargins(8, 0, 8, 0);
    // The title with "Back to the chronology" beside it (createActions adds the button): the row of
    // buttons below stays short enough for a small screen with a large font.
    m_editorTitleRow = new QHBoxLayout;
    m_editorTitleRow->addWidget(m_editorTitle, 1);
    header->addLayout(m_editorTitleRow);
    header->addWidget(m_editorStatus);
    header->addWidget(m_editorBanner);
    m_editorButtons = new QHBoxLayout;
    m_editorButtons->setContentsMargins(8, 0, 8, 0);
    layout->addLayout(header);
    layout->addLayout(m_editorButtons);
    layout->addWidget(m_editor, 1);
    return page;
}

QWidget *MainWindow::buildSearchPage()
{
    auto *page = new QWidget(this);
    auto *layout = new QVBoxLayout(page);
    layout->setContentsMargins(8, 0, 8, 0);
    m_searchHeading = new QLabel(page);
    QFont f = m_searchHeading->font();
    f.setBold(true);
    f.setPointSizeF(f.pointSizeF() * 1.2);
    m_searchHeading->setFont(f);
    m_results = new QTextBrowser(page);
    m_results->setObjectName(u"searchResults"_s);
    m_results->setAccessibleName(tr("Search results"));
    m_results->setOpenLinks(false);
    layout->addWidget(m_searchHeading);
    layout->addWidget(m_results, 1);
    connect(m_results, &QTextBrowser::anchorClicked, this, [this](const QUrl &url) {
        if (url.scheme() == u"entry")
            openEntry(url.path());
    });
    return page;
}

// A text field asks first for a key it handles itself (a ShortcutOverride it accepts), and the
// window's shortcut then never fires: Ctrl+E is "end of line" in Qt's line edits on X11, Ctrl+H
// "backspace". In a read-only field those keys do nothing useful, so the window's enabled action
// wins there; Amend (Ctrl+E) wins in any field of this window while it is available, since the
// form it amends is read-only.
bool MainWindow::eventFilter(QObject *watched, QEvent *event)
{
    if (event->type() != QEvent::ShortcutOverride || !watched->isWidgetType())
        return QMainWindow::eventFilter(watched, event);
    auto *widget = static_cast<QWidget *>(watched);
    if (widget->window() != this)
        return QMainWindow::eventFilter(watched, event);
    const auto *key = static_cast<QKeyEvent *>(event);
    const QKeySequence pressed(key->keyCombination());
    bool readOnly = false;
    if (auto *line = qobject_cast<QLineEdit *>(widget))
        readOnly = line->isReadOnly();
    else if (auto *plain = qobject_cast<QPlainTextEdit *>(widget))
        readOnly = plain->isReadOnly();
    else if (auto *spin = qobject_cast<QAbstractSpinBox *>(widget))
        readOnly = spin->isReadOnly();
    if (widget->parentWidget() && qobject_cast<QAbstractSpinBox *>(widget->parentWidget()))
        readOnly = static_cast<QAbstractSpinBox *>(widget->parentWidget())->isReadOnly();
    for (QAction *action : actions()) {
        if (!action->isEnabled() || !action->shortcuts().contains(pressed))
            continue;
        if (readOnly || action == m_actions.amend) {
            event->ignore(); // not taken by the field: the shortcut map triggers the action
            return true;
        }
    }
    return QMainWindow::eventFilter(watched, event);
}

QList<QKeySequence> MainWindow::quitShortcuts()
{
    QList<QKeySequence> keys = QKeySequence::keyBindings(QKeySequence::Quit);
    if (!keys.contains(QKeySequence(Qt::CTRL | Qt::Key_Q)))
        keys << QKeySequence(Qt::CTRL | Qt::Key_Q);
    return keys;
}

void MainWindow::createActions()
{
    m_edit = new EditActions(this);
    auto make = [this](const QString &text, const QString &name, const QKeySequence &key = {}, const QString &tip = {}) {
        auto *a = new QAction(text, this);
        a->setObjectName(name);
        if (!key.isEmpty())
            a->setShortcut(key);
        a->setToolTip(tip.isEmpty() ? QString(text).remove(u'&').remove(u"…"_s) : tip);
        a->setStatusTip(a->toolTip());
        addAction(a);
        return a;
    };
    Actions &a = m_actions;
    a.newIncident = make(tr("New &incident record"), u"newIncidentAction"_s, QKeySequence(Qt::CTRL | Qt::Key_N),
                         tr("Record an incident involving fire for the chosen person (a fire, a threat to set one, or an allegation), guided"));
    a.newIncident->setIcon(incidentIcon());
    a.newNote = make(tr("New case &note"), u"newNoteAction"_s, QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_N),
                     tr("Write a general case note for the chosen person"));
    a.newNote->setIcon(noteIcon());
    a.addPerson = make(tr("&Add a person…"), u"addPersonAction"_s, QKeySequence(Qt::CTRL | Qt::Key_P));
    a.saveDraft = make(tr("&Save draft"), u"saveDraftAction"_s, QKeySequence::Save,
                       tr("Save this draft now (drafts also save themselves as you write)"));
    a.finalise = make(tr("&Finalise…"), u"finaliseAction"_s, QKeySequence(Qt::CTRL | Qt::Key_Return),
                      tr("Make this entry final: it cannot be changed afterwards, only amended"));
    a.amend = make(tr("A&mend…"), u"amendAction"_s, QKeySequence(Qt::CTRL | Qt::Key_E),
                   tr("Correct this final entry: your changes become a new revision, with a reason"));
    a.markInError = make(tr("Mark in &error…"), u"markInErrorAction"_s, {},
                         tr("Mark this entry in error (for example written in the wrong file). It is never deleted."));
    a.discard = make(tr("&Discard draft…"), u"discardAction"_s, {}, tr("Throw this draft away (it was never final)"));
    a.history = make(tr("&History…"), u"historyAction"_s, QKeySequence(Qt::CTRL | Qt::Key_H),
                     tr("Every revision of this entry, with who changed what, when and why"));
    a.closeEntry = make(tr("&Close entry"), u"closeEntryAction"_s, QKeySequence(Qt::CTRL | Qt::Key_W),
                        tr("Back to the chronology (a draft is saved first)"));
    a.search = make(tr("&Find in every entry…"), u"searchAction"_s, QKeySequence::Find, tr("Search every entry in the case file"));
    a.quit = make(tr("&Quit"), u"quitAction"_s);
    a.quit->setShortcuts(quitShortcuts()); // Ctrl+Q whatever the platform theme says
    a.nextFinding = make(tr("&Next question or finding"), u"nextFindingAction"_s, QKeySequence(Qt::Key_F8));
    a.previousFinding = make(tr("&Previous question or finding"), u"previousFindingAction"_s, QKeySequence(Qt::SHIFT | Qt::Key_F8));
    a.trainer = make(tr("&Trainer mode (invented cases)…"), u"trainerAction"_s, {},
                     tr("Practise factual recording on invented cases, in a training file kept apart from real records"));
    a.textCheck = make(tr("Check a piece of &text…"), u"textCheckAction"_s, {},
                       tr("Check text that is not a record yet (a pasted note, an example), in a window of its own"));
    a.settings = make(tr("&Settings…"), u"settingsAction"_s, QKeySequence::Preferences);
    a.author = make(tr("Your &details…"), u"authorAction"_s, {}, tr("Your name, role and organisation, which sign every entry"));
    a.help = make(tr("&Help"), u"helpAction"_s, QKeySequence(Qt::Key_F1));
    a.guide = make(tr("&Good-practice guide"), u"wordingGuideAction"_s);
    a.about = make(tr("&About Fairnote"), u"aboutAction"_s);
    a.offerDrafts = make(tr("&Unfinished drafts…"), u"unfinishedDraftsAction"_s);
    a.connectServer = make(tr("Connect to a team ser&ver…"), u"connectServerAction"_s, {},
                           tr("Open your team's case records on your organisation's server, in a new window"));
    a.lock = make(tr("&Lock"), u"lockAction"_s, QKeySequence(Qt::CTRL | Qt::Key_L),
                  tr("Hide the case records until you give your password again (before you step away)"));
    a.summary = make(tr("Fire-safety &summary for a referral…"), u"summaryAction"_s, QKeySequence(Qt::CTRL | Qt::Key_R),
                     tr("A factual summary of the incidents recorded for this person, for an accommodation provider: you choose what it includes"));
    a.subjectAccess = make(tr("Everything &held about this person…"), u"subjectAccessAction"_s, {},
                           tr("A subject-access export: every entry, revision, error and export about the person"));
    a.flagDisclosure = make(tr("F&lag for review before disclosure…"), u"flagDisclosureAction"_s, {},
                            tr("This entry holds information about someone else: withhold it from subject-access exports until reviewed"));
    a.supervision = make(tr("&Review queue and sign-off…"), u"supervisionAction"_s, {},
                         tr("Sample entries, review them with the rubric, and decide sign-off requests"));
    a.trends = make(tr("Recording-quality &trends…"), u"trendsAction"_s, {}, tr("Recording quality over time, for the team and each worker"));
    a.signOff = make(tr("Ask for &sign-off…"), u"signOffAction"_s, {}, tr("Ask a supervisor to sign this entry off"));
    a.releaseDisclosure = make(tr("&Release for disclosure…"), u"releaseDisclosureAction"_s, {},
                               tr("The review is done: include this entry in subject-access exports"));

    connect(a.newIncident, &QAction::triggered, this, &MainWindow::newIncident);
    connect(a.newNote, &QAction::triggered, this, &MainWindow::newNote);
    connect(a.addPerson, &QAction::triggered, this, &MainWindow::addPersonInteractively);
    connect(a.saveDraft, &QAction::triggered, this, [this] {
        QString error;
        if (saveDraft(&error))
            status(tr("Draft saved."));
        else if (!error.isEmpty() && m_keptOffline)
            // Nothing is lost: kept on this computer until the server is back, so not a warning.
            QMessageBox::information(this, tr("Kept on this computer"), error);
        else if (!error.isEmpty())
            showError(tr("The draft was not saved"), error);
    });
    connect(a.finalise, &QAction::triggered, this, &MainWindow::finaliseInteractively);
    connect(a.amend, &QAction::triggered, this, &MainWindow::amendInteractively);
    connect(a.markInError, &QAction::triggered, this, &MainWindow::markInErrorInteractively);
    connect(a.discard, &QAction::triggered, this, &MainWindow::discardInteractively);
    connect(a.history, &QAction::triggered, this, &MainWindow::showHistory);
    connect(a.closeEntry, &QAction::triggered, this, [this] {
        closeEntry();
        showPage(m_personId.isEmpty() ? m_emptyPage : m_chronologyPage);
    });
    connect(a.search, &QAction::triggered, this, &MainWindow::focusSearch);
    connect(a.quit, &QAction::triggered, this, &QWidget::close);
    auto step = [this](bool forward) {
        const int n = m_panel->rowCount();
        if (n == 0)
            return;
        int row = m_panel->list()->currentRow();
        for (int i = 0; i < n; ++i) {
            row = (row + (forward ? 1 : n - 1)) % n;
            if (m_panel->list()->item(row)->flags() & Qt::ItemIsSelectable)
                break;
        }
        m_panel->setCurrentRow(row);
        m_panel->activateRow(row);
    };
    connect(a.nextFinding, &QAction::triggered, this, [step] { step(true); });
    connect(a.previousFinding, &QAction::triggered, this, [step] { step(false); });
    connect(a.textCheck, &QAction::triggered, this, &MainWindow::openTextCheck);
    connect(a.trainer, &QAction::triggered, this, &MainWindow::openTrainerMode);
    connect(a.settings, &QAction::triggered, this, &MainWindow::showSettings);
    connect(a.author, &QAction::triggered, this, &MainWindow::editAuthor);
    connect(a.help, &QAction::triggered, this, &MainWindow::showHelp);
    connect(a.guide, &QAction::triggered, this, [this] { openGuide(); });
    // "Read more in the good-practice guide" from a finding, the note's menu or an exercise.
    connect(guideLinks(), &GuideLinks::sectionRequested, this, [this](const QString &anchor) {
        if (ownsActiveWindow(this))
            openGuide(anchor);
    });
    connect(a.about, &QAction::triggered, this, &MainWindow::showAbout);
    connect(a.offerDrafts, &QAction::triggered, this, &MainWindow::offerUnfinishedDrafts);
    connect(a.connectServer, &QAction::triggered, this, &MainWindow::connectToServer);
    connect(a.lock, &QAction::triggered, this, [this] {
        if (m_idleLock)
            m_idleLock->lock();
    });
    connect(a.summary, &QAction::triggered, this, &MainWindow::showSummary);
    connect(a.subjectAccess, &QAction::triggered, this, &MainWindow::showSubjectAccess);
    connect(a.flagDisclosure, &QAction::triggered, this, &MainWindow::flagForDisclosureInteractively);
    connect(a.supervision, &QAction::triggered, this, &MainWindow::showSupervision);
    connect(a.trends, &QAction::triggered, this, &MainWindow::showTrends);
    connect(a.signOff, &QAction::triggered, this, &MainWindow::requestSignOffInteractively);
    connect(a.releaseDisclosure, &QAction::triggered, this, &MainWindow::releaseForDisclosureInteractively);

    // Over an underlined phrase in a narrative: the worker's three choices, never merged (docs/ui.md).
    auto findingAt = [this]() -> std::optional<std::pair<NoteEditor *, Finding>> {
        NoteEditor *e = m_editor->findingEditor();
        if (!e)
            return std::nullopt;
        e->flushPendingCheck();
        if (auto f = e->findingAtCursor())
            return std::pair{e, *f};
        return std::nullopt;
    };
    auto *ignoreOnce = new QAction(tr("&Ignore once"), this);
    ignoreOnce->setToolTip(tr("Hide this one finding until its words are changed"));
    connect(ignoreOnce, &QAction::triggered, this, [this, findingAt] {
        if (auto hit = findingAt())
            m_filter->ignoreOnce(hit->second, hit->first);
    });
    auto *ignoreInEntry = new QAction(tr("Ignore this rule in this &entry"), this);
    ignoreInEntry->setToolTip(tr("Hide every finding of this rule until another entry is opened"));
    connect(ignoreInEntry, &QAction::triggered, this, [this, findingAt] {
        if (auto hit = findingAt())
            m_filter->ignoreInNote(hit->second.ruleId);
    });
    auto *turnOff = new QAction(tr("&Turn rule off"), this);
    turnOff->setToolTip(tr("Stop checking for this wording in every entry (Settings lists it and can turn it back on)"));
    connect(turnOff, &QAction::triggered, this, [this, findingAt] {
        if (auto hit = findingAt()) {
            m_filter->disableRule(hit->second.ruleId);
            status(tr("Rule turned off. Settings › Rules turned off can turn it back on."));
        }
    });
    m_editor->setFindingActions({ignoreOnce, ignoreInEntry, turnOff});

    // The editor page's buttons follow the actions.
    QHBoxLayout *buttons = m_editorButtons;
    for (QAction *action : {a.saveDraft, a.finalise, a.amend, a.history, a.markInError, a.discard}) {
        // No mnemonic: the Entry menu (Alt+E) and the shortcuts reach them, and the form's labels
        // need the letters.
        auto *b = new QPushButton(QString(action->text()).remove(u'&'), m_editorPage);
        b->setObjectName(action->objectName().replace(u"Action"_s, u"Button"_s));
        b->setToolTip(action->toolTip() + (action->shortcut().isEmpty() ? QString() : u" ("_s + action->shortcut().toString(QKeySequence::NativeText) + u')'));
        b->setAccessibleName(QString(action->text()).remove(u'&').remove(u"…"_s));
        b->setFocusPolicy(Qt::StrongFocus);
        connect(b, &QPushButton::clicked, action, &QAction::trigger);
        connect(action, &QAction::changed, b, [action, b] {
            b->setEnabled(action->isEnabled());
            b->setVisible(action->isVisible());
        });
        buttons->addWidget(b);
    }
    buttons->addStretch(1);
    auto *close = new QPushButton(tr("Back to the chronology"), m_editorPage);
    close->setObjectName(u"closeEntryButton"_s);
    close->setToolTip(a.closeEntry->toolTip() + u" (Ctrl+W)"_s);
    connect(close, &QPushButton::clicked, a.closeEntry, &QAction::trigger);
    m_editorTitleRow->addWidget(close, 0, Qt::AlignTop);

    auto *toolbar = addToolBar(tr("Main"));
    toolbar->setObjectName(u"mainToolbar"_s);
    toolbar->setMovable(false);
    toolbar->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    toolbar->addAction(a.newIncident);
    toolbar->addAction(a.newNote);
    toolbar->addSeparator();
    m_searchField = new QLineEdit(toolbar);
    m_searchField->setObjectName(u"searchField"_s);
    m_searchField->setPlaceholderText(tr("Search every entry (Ctrl+F)"));
    m_searchField->setAccessibleName(tr("Search every entry"));
    m_searchField->setClearButtonEnabled(true);
    m_searchField->setMaximumWidth(360);
    auto *spacer = new QWidget(toolbar);
    spacer->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Preferred);
    toolbar->addWidget(spacer);
    toolbar->addWidget(m_searchField);
    auto *searchDelay = new QTimer(this);
    m_searchDelay = searchDelay;
    searchDelay->setSingleShot(true);
    searchDelay->setInterval(250);
    connect(m_searchField, &QLineEdit::textEdited, searchDelay, qOverload<>(&QTimer::start));
    connect(searchDelay, &QTimer::timeout, this, [this] { search(m_searchField->text()); });
    connect(m_searchField, &QLineEdit::returnPressed, this, [this] { search(m_searchField->text()); });
    // Escape leaves the search: the words go, and the page the worker came from comes back.
    auto *leave = new QShortcut(QKeySequence(Qt::Key_Escape), m_searchField, nullptr, nullptr, Qt::WidgetShortcut);
    connect(leave, &QShortcut::activated, this, &MainWindow::leaveSearch);
    auto *leaveResults = new QShortcut(QKeySequence(Qt::Key_Escape), m_results, nullptr, nullptr, Qt::WidgetShortcut);
    connect(leaveResults, &QShortcut::activated, this, &MainWindow::leaveSearch);
    updateEntryActions();
}

void MainWindow::createMenus()
{
    const Actions &a = m_actions;
    QMenu *file = menuBar()->addMenu(tr("&File"));
    file->addActions({a.newIncident, a.newNote, a.addPerson});
    file->addSeparator();
    file->addActions({a.saveDraft, a.closeEntry});
    file->addSeparator();
    file->addAction(a.offerDrafts);
    file->addSeparator();
    file->addAction(a.connectServer);
    file->addAction(a.lock);
    file->addSeparator();
    file->addAction(a.trainer);
    file->addSeparator();
    file->addAction(a.quit);
    m_edit->addMenu(a.search);
    QMenu *entry = menuBar()->addMenu(tr("En&try"));
    entry->addActions({a.finalise, a.amend, a.markInError, a.discard});
    entry->addSeparator();
    entry->addAction(a.history);
    entry->addSeparator();
    entry->addAction(a.signOff);
    entry->addActions({a.flagDisclosure, a.releaseDisclosure});
    QMenu *person = menuBar()->addMenu(tr("&Person"));
    person->addActions({a.summary, a.subjectAccess});
    person->addSeparator();
    person->addAction(a.addPerson);
    QMenu *supervision = menuBar()->addMenu(tr("S&upervision"));
    supervision->addActions({a.supervision, a.trends});
    QMenu *check = menuBar()->addMenu(tr("&Check"));
    check->addActions({a.nextFinding, a.previousFinding});
    check->addSeparator();
    check->addAction(a.textCheck);
    QMenu *settings = menuBar()->addMenu(tr("&Settings"));
    settings->addActions({a.author, a.settings});
    settings->addAction(tr("Organisation &rules…"), this, [this] {
        // The text-check window holds the rules in use (as for Settings…); its editor saves and applies them.
        openTextCheck();
        if (m_textCheck)
            m_textCheck->editOrganisationRules();
    })->setObjectName(u"organisationRulesAction"_s);
    QMenu *help = menuBar()->addMenu(tr("&Help"));
    help->addActions({a.help, a.guide});
    help->addSeparator();
    help->addAction(a.about);
}

// ---- spelling and the assessor ----------------------------------------------------------------------

void MainWindow::startSpellingCheck()
{
    const bool on = userSettings().checkSpelling;
    if (on && !m_speller) {
        SpellingStart start = startSpelling(m_spellingOptions, userSettings().dictionary);
        m_speller = std::move(start.speller);
        m_spellingProblem = start.problem;
        if (!start.noticeTitle.isEmpty())
            m_notice->showNotice(start.noticeTitle, start.noticeText);
    }
    m_editor->setSpellChecker(on ? m_speller : nullptr);
}

// The store assesses every entry it finalises with the same checks the editor shows.
void MainWindow::applyAssessor()
{
    store::NamedTextCheck spelling;
    if (m_speller && userSettings().checkSpelling) {
        const auto speller = m_speller;
        spelling = [speller](QStringView text, std::vector<Finding> &out, const QStringList &names) { speller->check(text, 0, out, names); };
    }
    auto standard = store::makeStandardAssessor(m_rules.checker, spelling);
    if (!standard) {
        // Without the built-in assessment rules nothing is finalised (fairnote-cli stops, in the same words);
        // the wording is still shown as the worker writes.
        if (m_assessmentProblem.isEmpty())
            m_notice->showNotice(tr("Entries cannot be finalised just now"), sentence(standard.error()));
        m_assessmentProblem = standard.error();
        m_assessment.reset();
        m_store->setAssessor({});
        record::AssessOptions wordingOnly;
        const auto checker = m_rules.checker;
        wordingOnly.textChecks.push_back([checker](QStringView text, std::vector<Finding> &out) { checker->check(text, 0, out); });
        m_panel->setContext(currentPerson(), wordingOnly);
        return;
    }
    m_assessmentProblem.clear();
    m_assessment = std::move(*standard);
    m_store->setAssessor(m_assessment->assessor);
    m_panel->setContext(currentPerson(), m_assessment->options);
}

store::UserSettings MainWindow::userSettings() const { return m_settings ? store::UserSettings::read(*m_settings) : store::UserSettings{}; }

// ---- people and chronology ----------------------------------------------------------------------

void MainWindow::setAuthor(const store::Actor &author)
{
    m_author = author;
    m_statusAuthor->setFullText(m_author.name.isEmpty() ? tr("No author set") : tr("Writing as %1").arg(store::actorDisplay(m_author)));
}

QString MainWindow::tellApart(const record::Person &person, bool shared)
{
    QStringList parts;
    if (person.dateOfBirth.isValid())
        parts << tr("born %1").arg(kUk.toString(person.dateOfBirth, u"d MMMM yyyy"_s));
    if (shared && !person.otherNames.isEmpty())
        parts << tr("also known as %1").arg(person.otherNames.join(u", "_s));
    if (shared && parts.isEmpty())
        parts << tr("no date of birth or other name recorded; number %1").arg(person.id);
    return parts.join(u" · "_s);
}

record::Person MainWindow::currentPerson() const
{
    if (m_personId.isEmpty())
        return {};
    auto p = m_store->person(m_personId);
    // While a team server cannot be reached, the person last read stands in (the editor's header keeps
    // their name; nothing is written from it).
    if (p)
        m_lastPerson = *p;
    return p ? *p : (m_lastPerson.id == m_personId ? m_lastPerson : record::Person{});
}

void MainWindow::reloadPeople()
{
    auto people = m_store->people(m_author);
    if (!people) {
        showError(tr("The people in the case file could not be read"), people.error().message);
        return;
    }
    m_loading = true;
    m_people->clear();
    const QDateTime now = QDateTime::currentDateTimeUtc();
    QHash<QString, int> sameName; // people who share a name must be told apart in the list
    for (const auto &ps : *people)
        ++sameName[ps.person.name.simplified().toCaseFolded()];
    for (const auto &ps : *people) {
        QString line2 = ps.entries == 1 ? tr("1 entry") : tr("%1 entries").arg(ps.entries);
        if (const QString latest = store::latestIncidentLine(ps, now); !latest.isEmpty())
            line2 += u" · "_s + latest;
        const QString apart = tellApart(ps.person, sameName.value(ps.person.name.simplified().toCaseFolded()) > 1);
        auto *item = new QListWidgetItem(ps.person.name + (apart.isEmpty() ? QString() : u'\n' + apart) + u'\n' + line2, m_people);
        item->setData(kIdRole, ps.person.id);
        item->setData(Qt::UserRole + 2, (QStringList{ps.person.name} + ps.person.otherNames).join(u'\n'));
        item->setData(Qt::AccessibleTextRole, QString(ps.person.name + (apart.isEmpty() ? QString() : u", "_s + apart) + u", "_s + line2));
        if (ps.person.id == m_personId)
            m_people->setCurrentItem(item);
    }
    m_loading = false;
    filterPeople(m_peopleFilter->text());
}

void MainWindow::filterPeople(const QString &text)
{
    const QString wanted = text.simplified();
    for (int i = 0; i < m_people->count(); ++i) {
        QListWidgetItem *item = m_people->item(i);
        item->setHidden(!wanted.isEmpty() && !item->data(Qt::UserRole + 2).toString().contains(wanted, Qt::CaseInsensitive));
    }
}

bool MainWindow::selectPerson(const QString &personId)
{
    for (int i = 0; i < m_people->count(); ++i) {
        if (m_people->item(i)->data(kIdRole).toString() == personId) {
            m_people->item(i)->setHidden(false);
            m_people->setCurrentRow(i);
            if (m_personId != personId || m_pages->currentWidget() != m_chronologyPage) {
                closeEntry();
                m_personId = personId;
                loadChronology();
                showPage(m_chronologyPage);
            }
            return true;
        }
    }
    return false;
}

bool MainWindow::addPerson(const record::Person &person, QString *error)
{
    auto added = m_store->addPerson(person, m_author);
    if (!added) {
        if (error)
            *error = sentence(added.error().message);
        return false;
    }
    m_peopleFilter->clear();
    reloadPeople();
    selectPerson(added->id);
    return true;
}

void MainWindow::addPersonInteractively()
{
    if (!canWrite()) {
        status(whyReadOnly());
        return;
    }
    PersonDialog dialog(record::Person{}, this);
    if (dialog.exec() != QDialog::Accepted)
        return;
    // Someone of the same name may already be here: say so before a second record starts, so a summary
    // for one never leaves out entries written under the other.
    if (auto named = m_store->peopleNamed(dialog.person().name); named && !named->empty()) {
        QStringList who;
        for (const record::Person &p : *named)
            who << u"• "_s + p.name + u" ("_s + tellApart(p, true) + u')';
        QMessageBox box(this);
        box.setIcon(QMessageBox::Question);
        box.setWindowTitle(tr("Someone with this name is already here"));
        box.setText(named->size() == 1 ? tr("There is already a person called %1 in this case file:").arg(dialog.person().name)
                                       : tr("There are already %1 people called %2 in this case file:").arg(named->size()).arg(dialog.person().name));
        box.setInformativeText(who.join(u'\n') + u"\n\n"_s
                               + tr("If this is the same person, go to them: their entries belong together. If it is someone else, "
                                    "add them, and give a date of birth or other name so the two can be told apart."));
        QPushButton *existing = box.addButton(tr("Go to %1").arg(named->front().name), QMessageBox::AcceptRole);
        QPushButton *other = box.addButton(tr("Add someone else"), QMessageBox::ActionRole);
        box.addButton(QMessageBox::Cancel);
        box.setDefaultButton(existing);
        box.exec();
        if (box.clickedButton() == existing) {
            m_peopleFilter->clear();
            selectPerson(named->front().id);
            return;
        }
        if (box.clickedButton() != other)
            return;
    }
    QString error;
    if (!addPerson(dialog.person(), &error))
        showError(tr("The person was not added"), error);
}

void MainWindow::loadChronology()
{
    const record::Person person = currentPerson();
    m_personHeading->setText(person.name);
    QStringList details;
    if (!person.otherNames.isEmpty())
        details << tr("Also known as %1").arg(person.otherNames.join(u", "_s));
    if (person.dateOfBirth.isValid())
        details << tr("Born %1").arg(kUk.toString(person.dateOfBirth, u"d MMMM yyyy"_s));
    m_personDetails->setText(details.join(u" · "_s));
    m_personDetails->setVisible(!details.isEmpty());
    applyAssessor();

    auto list = m_store->entries({m_personId}, m_author);
    m_chronology->clear();
    if (!list) {
        showError(tr("The entries could not be read"), list.error().message);
        return;
    }
    const QPalette pal = palette();
    QColor incidentWash = QColor(0xd9, 0x5f, 0x0e);
    incidentWash.setAlpha(28);
    for (const auto &e : *list) {
        auto *item = new QTreeWidgetItem(m_chronology);
        item->setData(0, kIdRole, e.id);
        item->setText(0, e.eventDate.display());
        item->setText(1, e.incident ? tr("Incident record") : tr("Case note"));
        item->setIcon(1, e.incident ? incidentIcon() : noteIcon());
        QString status = store::statusTitle(e.status);
        if (e.hasDraft && e.status != store::EntryStatus::Draft)
            status += tr(" (amendment in progress)");
        if (e.lateSeconds)
            status += u", "_s + lateText(*e.lateSeconds, e.eventDate);
        if (const QString supervision = store::supervisionNote(e); !supervision.isEmpty())
            status += u" · "_s + supervision;
        item->setText(2, status);
        item->setText(3, e.summary);
        item->setToolTip(3, e.summary);
        item->setData(0, Qt::AccessibleTextRole, tr("%1, %2, %3: %4").arg(e.eventDate.display(), item->text(1), status, e.summary));
        if (e.incident) {
            QFont bold = item->font(1);
            bold.setBold(true);
            item->setFont(1, bold);
            for (int c = 0; c < 4; ++c)
                item->setBackground(c, incidentWash);
        }
        if (e.status == store::EntryStatus::InError) {
            for (int c = 0; c < 4; ++c) {
                QFont struck = item->font(c);
                struck.setStrikeOut(true);
                item->setFont(c, struck);
                item->setForeground(c, pal.color(QPalette::Disabled, QPalette::Text));
            }
        }
    }
    m_chronology->setVisible(!list->empty());
    m_chronologyEmpty->setVisible(list->empty());
    if (!list->empty())
        m_chronology->setCurrentItem(m_chronology->topLevelItem(m_chronology->topLevelItemCount() - 1));

    // Time since the latest incident, said plainly and named by what its record says it was.
    auto people = m_store->people(m_author);
    m_sinceLabel->setText(tr("No incident is recorded."));
    if (people) {
        for (const auto &ps : *people) {
            if (ps.person.id != m_personId || ps.incidents == 0)
                continue;
            const QString count = ps.incidents == 1 ? tr("1 incident") : tr("%1 incidents").arg(ps.incidents);
            // Said as precisely as the record's date allows: "in 2021, at least 4 years ago", never a made-up day.
            auto latest = ps.lastIncidentEntry.isEmpty() ? store::StoreResult<store::EntryDetail>(store::StoreError{})
                                                         : m_store->entry(ps.lastIncidentEntry);
            if (latest)
                m_sinceLabel->setText(tr("Latest incident: %1 %2. %3 recorded in all.")
                                          .arg(record::entryKind(latest->revisions.empty() ? record::Entry{} : latest->revisions.back().entry)
                                                   .toLower(),
                                               record::latestIncidentText(ps.lastIncidentDate, QDateTime::currentDateTimeUtc()), count));
            else
                m_sinceLabel->setText(tr("%1 recorded; the date of each is not known.").arg(count));
        }
    }
}

QString MainWindow::sinceLastIncidentText() const { return m_sinceLabel->text(); }

QString MainWindow::selectedChronologyEntry() const
{
    const QTreeWidgetItem *item = m_chronology->currentItem();
    return item ? item->data(0, kIdRole).toString() : QString();
}

void MainWindow::showPage(QWidget *page)
{
    m_pages->setCurrentWidget(page);
    const bool panelWasHidden = m_panel->isHidden();
    m_panel->setVisible(page == m_editorPage);
    if (panelWasHidden && page == m_editorPage)
        makeRoomForPanel();
    updateEntryActions();
    if (page == m_chronologyPage)
        m_chronology->setFocus();
}

// The questions panel comes back at a width it can be read at (about a quarter of the window, at least
// 22 characters): a splitter shows a child it had hidden at its smallest, which on a small screen with
// a large font leaves a strip one word wide. The room comes from the others, never below what they need.
void MainWindow::makeRoomForPanel()
{
    QList<int> sizes = m_splitter->sizes();
    const int panel = m_splitter->indexOf(m_panel);
    if (panel < 0 || sizes.size() <= panel)
        return;
    int total = 0;
    for (int size : sizes)
        total += size;
    const int wanted = std::max(fontMetrics().averageCharWidth() * 22, std::min(310, total / 4));
    if (sizes[panel] >= wanted)
        return;
    // From the form first (it is the widest), then from the list of people, neither below what it needs.
    QList<int> givers{m_splitter->indexOf(m_pages)};
    for (int i = 0; i < sizes.size(); ++i)
        if (i != panel && !givers.contains(i))
            givers << i;
    for (int from : givers) {
        if (from < 0 || sizes[panel] >= wanted)
            continue;
        QWidget *giver = m_splitter->widget(from);
        const int spare = sizes[from] - std::max(giver->minimumSizeHint().width(), giver->minimumWidth());
        const int moved = std::clamp(wanted - sizes[panel], 0, std::max(0, spare));
        sizes[panel] += moved;
        sizes[from] -= moved;
    }
    m_splitter->setSizes(sizes);
}

// ---- entries ------------------------------------------------------------------------------------

bool MainWindow::newEntry(bool incident)
{
    if (m_personId.isEmpty()) {
        status(tr("Choose a person first, or add one."));
        return false;
    }
    if (!canWrite()) {
        status(whyReadOnly());
        return false;
    }
    closeEntry();
    record::Entry e;
    if (incident)
        e.body = record::IncidentRecord{};
    else
        e.body = record::GeneralNote{};
    m_entryId.clear();
    m_newKey.clear();
    m_keptOffline = false;
    m_entryIsNew = true;
    m_readOnly = false;
    m_amending = false;
    m_dirty = false;
    m_loading = true;
    m_panel->setKeepsWrittenAt(false);
    m_editor->setReadOnly(false);
    m_editor->setEntry(e);
    m_loading = false;
    m_baseline = m_editor->entry();
    m_filter->clearNote();
    updateNames(m_editor->entry());
    m_savedAt = {};
    showPage(m_editorPage);
    updateEditorHeader();
    m_panel->refreshNow();
    m_editor->focusField(incident ? u"/incident/type"_s : u"/event_date"_s);
    return true;
}

void MainWindow::newIncident() { newEntry(true); }
void MainWindow::newNote() { newEntry(false); }

bool MainWindow::openEntry(const QString &entryId)
{
    auto d = m_store->entry(entryId);
    if (!d) {
        showError(tr("The entry could not be opened"), sentence(d.error().message));
        return false;
    }
    // Who may see a draft is the entry rules' answer (store::asSeenBy): someone else's draft is never shown.
    d = store::asSeenBy(std::move(*d), m_author);
    if (!d) {
        showError(tr("This draft is not yours"), sentence(d.error().message));
        return false;
    }
    closeEntry();
    if (d->summary.personId != m_personId) {
        m_loading = true;
        for (int i = 0; i < m_people->count(); ++i)
            if (m_people->item(i)->data(kIdRole).toString() == d->summary.personId)
                m_people->setCurrentRow(i);
        m_loading = false;
        m_personId = d->summary.personId;
        loadChronology();
    }
    loadEntryIntoEditor(*d);
    showPage(m_editorPage);
    m_panel->refreshNow();
    return true;
}

void MainWindow::loadEntryIntoEditor(const store::EntryDetail &d)
{
    m_entryId = d.summary.id;
    m_newKey.clear();
    m_keptOffline = false;
    m_entryIsNew = false;
    const bool myDraft = d.draft && d.draft->author == m_author;
    m_amending = myDraft && d.draft->baseRevision > 0;
    // On a file that cannot be written even the worker's own draft is shown read-only: a form that can
    // never be saved is never offered.
    m_readOnly = !myDraft || !store::permissionsFor(*m_store, d, m_author).allows(store::EntryAction::Edit);
    m_loading = true;
    m_editor->setReadOnly(false);
    m_editor->setEntry(myDraft ? d.draft->entry : d.revisions.back().entry);
    m_editor->setReadOnly(m_readOnly);
    m_loading = false;
    m_baseline = m_editor->entry();
    m_filter->clearNote();
    updateNames(m_editor->entry());
    m_dirty = false;
    m_savedAt = myDraft ? d.draft->updatedAt : QDateTime();
    m_panel->setKeepsWrittenAt(m_amending || m_readOnly);
    updateEditorHeader();
}

bool MainWindow::editing() const { return m_pages->currentWidget() == m_editorPage; }
bool MainWindow::editorReadOnly() const { return m_readOnly; }
QString MainWindow::editorStatusText() const { return m_editorStatus->text(); }

void MainWindow::updateNames(record::Entry e)
{
    // The names in the record are never marked as misspelt: the same list fairnote-cli uses.
    e.author = m_author;
    m_editor->setNames(record::namesIn(record::CaseFile{currentPerson(), {e}}));
}

void MainWindow::editorChanged()
{
    const record::Entry now = m_editor->entry();
    updateNames(now);
    if (m_loading || m_readOnly)
        return;
    // Only a change to what the entry says counts: the highlighter's format-only changes, or typing a
    // word and deleting it again before anything was saved, leave nothing to save.
    if (!m_dirty && now == m_baseline)
        return;
    m_dirty = true;
    if (!m_autosave.isActive())
        m_autosave.start();
    updateEditorHeader();
}

void MainWindow::autosave()
{
    QString error;
    if (saveDraft(&error) || error.isEmpty())
        return;
    if (m_keptOffline)
        m_notice->showNotice(tr("The server cannot be reached just now"), error);
    else
        m_notice->showNotice(tr("Your draft could not be saved"),
                             error + u' ' + tr("Fairnote will try again as you keep writing; nothing you typed has been lost from this window."));
}

QString MainWindow::keptKey()
{
    if (!m_entryId.isEmpty())
        return m_entryId;
    if (m_newKey.isEmpty())
        m_newKey = u"new-"_s + QUuid::createUuid().toString(QUuid::WithoutBraces);
    return m_newKey;
}

void MainWindow::sendKeptDrafts()
{
    if (!m_kept)
        return;
    // The open draft first: once it is on the server its kept copy is gone, so it is never sent twice.
    if (editing() && m_dirty) {
        QString error;
        if (!saveDraft(&error))
            return; // still away (the kept copy is up to date), or a problem the editor already shows
    }
    const store::KeptDraftsSent sent = m_kept->sendTo(*m_store, m_author);
    if (sent.unreachable) {
        m_keptRetry.start();
        return;
    }
    if (m_kept->list().empty())
        m_keptRetry.stop();
    if (sent.saved > 0) {
        reloadPeople();
        if (!m_personId.isEmpty() && !editing())
            loadChronology();
    }
    if (!sent.refused.empty()) {
        QStringList lines;
        for (const auto &[draft, error] : sent.refused)
            lines << tr("• A draft kept %1: %2").arg(when(draft.keptAt), sentence(error.message));
        m_notice->showNotice(tr("The server did not take every draft kept on this computer"),
                             lines.join(u'\n') + u'\n' + tr("They stay kept in %1; nothing has been lost.").arg(QDir::toNativeSeparators(m_kept->folder())));
    } else if (sent.saved > 0) {
        m_notice->showNotice(tr("The server is back"), sent.saved == 1 ? tr("The draft kept on this computer is saved to the server.")
                                                                       : tr("The %1 drafts kept on this computer are saved to the server.").arg(sent.saved));
    }
}

bool MainWindow::saveDraft(QString *error)
{
    m_autosave.stop();
    if (!editing() || m_readOnly || !m_dirty)
        return true;
    if (!canWrite()) {
        if (error)
            *error = whyReadOnly();
        return false;
    }
    if (m_author.name.isEmpty()) {
        if (error)
            *error = tr("Fairnote needs your name to sign the entry. Settings › Your details sets it.");
        return false;
    }
    record::Entry e = m_editor->entry();
    e.id = m_entryId;
    auto id = m_store->saveDraft(m_personId, e, m_author);
    if (!id) {
        // A team server that cannot be reached: what was typed is kept on this computer until it is back.
        if (m_kept && store::KeptDrafts::isUnreachable(id.error())) {
            if (const auto kept = m_kept->keep(keptKey(), m_personId, m_entryId, e); !kept) {
                m_keptOffline = true;
                m_keptRetry.start();
                updateEditorHeader();
                if (error)
                    *error = tr("Your draft is kept on this computer, and Fairnote saves it to the server as soon as the server is back. "
                                "You can keep writing, or close the window: nothing you typed is lost.") +
                             u"\n"_s + tr("What the connection said: %1").arg(id.error().message);
                return false;
            }
        }
        if (error)
            *error = sentence(id.error().message);
        return false;
    }
    const bool wasNew = m_entryId.isEmpty();
    if (m_kept) {
        // The server has it now: the copy kept on this computer, if any, is not needed.
        m_kept->forget(keptKey());
        if (wasNew)
            m_kept->forget(*id);
        m_newKey.clear();
        if (m_keptOffline) {
            m_keptOffline = false;
            m_notice->showNotice(tr("The server is back"), tr("Your draft is saved to the server."));
        }
    }
    m_entryId = *id;
    m_entryIsNew = false;
    m_dirty = false;
    m_baseline = m_editor->entry();
    m_savedAt = QDateTime::currentDateTimeUtc();
    if (wasNew) {
        // The new entry joins the chronology; the form stays as it is.
        reloadPeople();
        loadChronology();
    }
    updateEditorHeader();
    return true;
}

bool MainWindow::finaliseWith(const QHash<QString, QString> &leftReasons, const QString &amendReason, QString *error)
{
    // What becomes final is what is on screen: the form is saved over the stored draft first, even when
    // nothing changed here since the last save, so no text saved from elsewhere is finalised unseen.
    if (editing() && !m_readOnly && !m_entryId.isEmpty())
        m_dirty = true;
    QString saveError;
    if (!saveDraft(&saveError)) {
        if (error)
            *error = saveError;
        return false;
    }
    if (m_entryId.isEmpty()) {
        // Nothing typed yet: save the blank draft so it has an id to finalise.
        m_dirty = true;
        if (!saveDraft(error))
            return false;
    }
    if (!m_assessment) { // the store would finalise it unassessed
        if (error)
            *error = sentence(m_assessmentProblem);
        return false;
    }
    auto r = m_store->finalise(m_entryId, m_author, leftReasons, amendReason);
    if (!r) {
        if (error)
            *error = sentence(r.error().message);
        return false;
    }
    auto d = m_store->entry(m_entryId);
    if (d)
        loadEntryIntoEditor(*d);
    reloadPeople();
    loadChronology();
    m_panel->refreshNow();
    status(r->number == 1 ? tr("Finalised. The entry is now part of the record and can only be amended.")
                          : tr("Amendment finalised as revision %1.").arg(r->number));
    return true;
}

void MainWindow::finaliseInteractively()
{
    if (!editing() || m_readOnly)
        return;
    // A date box whose text was not taken holds no date: the worker corrects it (or empties it) first,
    // so a final entry never lacks a date the worker thinks they gave.
    if (const auto unread = m_editor->unreadDates(); !unread.empty()) {
        const auto &u = unread.front();
        QMessageBox::information(this, tr("A date was not taken"),
                                 tr("“%1” in %2 could not be taken as a date: %3\n\nCorrect it, or empty the box if the date is not "
                                    "known, then finalise.")
                                     .arg(u.text, u.name, u.problem));
        u.field->setFocus(Qt::OtherFocusReason);
        return;
    }
    QString error;
    if (!saveDraft(&error)) {
        showError(tr("The draft was not saved"), error);
        return;
    }
    // The preview uses the store's own assessor on the entry as it would be written now.
    record::Entry e = m_editor->entry();
    if (!m_amending) {
        e.writtenAt = QDateTime::currentDateTimeUtc();
        e.author = m_author;
    }
    if (!m_assessment) {
        showError(tr("The entry was not finalised"), sentence(m_assessmentProblem));
        return;
    }
    const store::Snapshot preview = m_assessment->assessor(currentPerson(), e);
    FinaliseDialog dialog(preview, m_amending, this);
    QString goTo;
    connect(&dialog, &FinaliseDialog::goToField, this, [&goTo](const QString &pointer) { goTo = pointer; });
    if (dialog.exec() != QDialog::Accepted) {
        if (!goTo.isEmpty())
            m_editor->focusField(goTo);
        return;
    }
    if (!finaliseWith(dialog.leftReasons(), dialog.amendReason(), &error))
        showError(tr("The entry was not finalised"), error);
}

bool MainWindow::startAmendment(QString *error)
{
    if (!editing() || !m_readOnly || m_entryId.isEmpty())
        return false;
    if (!canWrite()) {
        if (error)
            *error = whyReadOnly();
        return false;
    }
    auto d = m_store->entry(m_entryId);
    if (!d) {
        if (error)
            *error = sentence(d.error().message);
        return false;
    }
    if (d->inError) {
        if (error)
            *error = tr("This entry is marked in error, so it cannot be amended. Write a new entry instead.");
        return false;
    }
    if (d->draft && d->draft->author != m_author) {
        if (error)
            *error = tr("%1 is already amending this entry. Ask them to finalise or discard their amendment first.")
                         .arg(store::actorDisplay(d->draft->author));
        return false;
    }
    // The amendment draft starts from the latest revision (or your unfinished amendment).
    auto id = m_store->saveDraft(m_personId, d->draft ? d->draft->entry : d->revisions.back().entry, m_author);
    if (!id) {
        if (error)
            *error = sentence(id.error().message);
        return false;
    }
    auto again = m_store->entry(m_entryId);
    if (again)
        loadEntryIntoEditor(*again);
    loadChronology();
    m_panel->refreshNow();
    return true;
}

void MainWindow::amendInteractively()
{
    QString error;
    if (!startAmendment(&error)) {
        if (!error.isEmpty())
            showError(tr("The entry cannot be amended"), error);
        return;
    }
    status(tr("Amending: make your corrections, then Finalise. You will be asked why; the earlier revision stays readable."));
    m_editor->focusField(m_editor->isIncident() ? u"/incident/what_happened"_s : u"/note/text"_s);
}

bool MainWindow::markInError(const QString &reason, QString *error)
{
    if (m_entryId.isEmpty())
        return false;
    auto r = m_store->markInError(m_entryId, reason, m_author);
    if (!r) {
        if (error)
            *error = sentence(r.error().message);
        return false;
    }
    auto d = m_store->entry(m_entryId);
    if (d)
        loadEntryIntoEditor(*d);
    reloadPeople();
    loadChronology();
    return true;
}

void MainWindow::markInErrorInteractively()
{
    if (m_entryId.isEmpty())
        return;
    const auto reason = ReasonDialog::ask(this, tr("Mark this entry in error"),
                                          tr("The entry will stay readable, struck through, with your reason, your name and the "
                                             "time. It is left out of referral summaries; a subject-access export still shows it, marked in "
                                             "error. Nothing is deleted."),
                                          tr("For example: written in the wrong person's file; it is about someone else."),
                                          tr("Mark in error"));
    if (!reason)
        return;
    QString error;
    if (!markInError(*reason, &error))
        showError(tr("The entry was not marked in error"), error);
    else
        status(tr("Marked in error. It stays readable in the chronology."));
}

bool MainWindow::discardDraft(QString *error)
{
    if (m_entryId.isEmpty()) {
        // Never saved: just leave it.
        m_dirty = false;
        showPage(m_personId.isEmpty() ? m_emptyPage : m_chronologyPage);
        return true;
    }
    m_autosave.stop();
    auto r = m_store->discardDraft(m_entryId, m_author);
    if (!r) {
        if (error)
            *error = sentence(r.error().message);
        return false;
    }
    const bool wasAmendment = m_amending;
    const QString id = m_entryId;
    if (m_kept)
        m_kept->forget(keptKey()); // discarded on the server: a copy kept here would bring it back
    m_newKey.clear();
    m_keptOffline = false;
    m_dirty = false;
    m_entryId.clear();
    reloadPeople();
    loadChronology();
    if (wasAmendment)
        openEntry(id);
    else
        showPage(m_chronologyPage);
    return true;
}

void MainWindow::discardInteractively()
{
    const auto answer = QMessageBox::question(this, tr("Discard this draft?"),
                                              m_amending ? tr("Your changes to this amendment will be thrown away. The entry stays as it was.")
                                                         : tr("This draft was never final, so it is not part of the record. It will be thrown away."),
                                              QMessageBox::Discard | QMessageBox::Cancel, QMessageBox::Cancel);
    if (answer != QMessageBox::Discard)
        return;
    QString error;
    if (!discardDraft(&error))
        showError(tr("The draft was not discarded"), error);
}

void MainWindow::showHistory()
{
    if (m_entryId.isEmpty())
        return;
    auto d = m_store->entry(m_entryId);
    if (!d) {
        showError(tr("The history could not be read"), sentence(d.error().message));
        return;
    }
    if (d->draft && d->draft->author != m_author)
        d->draft.reset(); // someone else's draft is theirs alone
    HistoryDialog dialog(*d, this);
    dialog.exec();
}

void MainWindow::closeEntry()
{
    if (!editing())
        return;
    QString error;
    if (!saveDraft(&error) && !error.isEmpty()) {
        if (m_keptOffline)
            m_notice->showNotice(tr("The server cannot be reached just now"), error);
        else
            showError(tr("Your draft could not be saved"), error);
    }
    m_entryId.clear();
    m_newKey.clear();
    m_keptOffline = false;
    m_entryIsNew = false;
    m_readOnly = false;
    m_amending = false;
    m_dirty = false;
}

QStringList MainWindow::unfinishedDrafts() const
{
    QStringList out;
    store::ListFilter all;
    auto list = m_store->entries(all, m_author);
    if (!list)
        return out;
    for (const auto &e : *list)
        if (e.hasDraft && e.draftAuthor == m_author)
            out << e.id;
    return out;
}

void MainWindow::offerUnfinishedDrafts()
{
    const QStringList ids = unfinishedDrafts();
    if (ids.isEmpty()) {
        if (sender() == m_actions.offerDrafts)
            status(tr("You have no unfinished drafts."));
        return;
    }
    QStringList lines;
    for (const QString &id : ids.mid(0, 8)) {
        auto d = m_store->entry(id);
        if (!d)
            continue;
        lines << tr("• %1 — %2, saved %3").arg(d->summary.personName, d->summary.summary.left(70), when(d->draft->updatedAt));
    }
    QMessageBox box(this);
    box.setIcon(QMessageBox::Information);
    box.setWindowTitle(tr("Unfinished drafts"));
    box.setText(ids.size() == 1 ? tr("You have an unfinished draft. It was saved as you wrote it.")
                                : tr("You have %1 unfinished drafts. They were saved as you wrote them.").arg(ids.size()));
    box.setInformativeText(lines.join(u'\n'));
    QPushButton *open = box.addButton(ids.size() == 1 ? tr("Open it") : tr("Open the latest"), QMessageBox::AcceptRole);
    box.addButton(tr("Later"), QMessageBox::RejectRole);
    box.exec();
    if (box.clickedButton() == open)
        openEntry(ids.back());
}

// ---- search -------------------------------------------------------------------------------------

void MainWindow::focusSearch()
{
    m_searchField->setFocus(Qt::ShortcutFocusReason);
    m_searchField->selectAll();
}

void MainWindow::leaveSearch()
{
    m_searchDelay->stop();
    m_searchField->clear();
    if (m_pages->currentWidget() == m_searchPage)
        showPage(m_personId.isEmpty() ? m_emptyPage : m_chronologyPage);
    if (m_personId.isEmpty())
        m_people->setFocus(Qt::ShortcutFocusReason);
}

void MainWindow::search(const QString &query)
{
    if (query.trimmed().isEmpty()) {
        if (m_pages->currentWidget() == m_searchPage)
            showPage(m_personId.isEmpty() ? m_emptyPage : m_chronologyPage);
        return;
    }
    closeEntry();
    auto hits = m_store->search(query, m_author, 50);
    if (!hits) {
        showError(tr("The search did not work"), sentence(hits.error().message));
        return;
    }
    m_searchHeading->setText(hits->empty() ? tr("Nothing found for “%1”").arg(query)
                                           : tr("%1 found for “%2”").arg(hits->size() == 1 ? tr("1 entry") : tr("%1 entries").arg(hits->size()), query));
    QString html = u"<style>mark{background-color:#ffe38a; color:#000;} .meta{color:gray;}</style>"_s;
    if (hits->empty())
        html += tr("<p>Try fewer words, or another form of a word. Every word must appear in the entry or in a person's name.</p>");
    for (const auto &h : *hits) {
        // The snippet joins the entry's fields with line breaks: each field stays apart ("·"), never run
        // into the next.
        auto piece = [&](int from, int to) { return h.snippet.mid(from, to - from).toHtmlEscaped().replace(u"\n"_s, u" <span class=\"meta\">·</span> "_s); };
        QString snippet;
        int at = 0;
        for (const auto &[start, length] : h.highlights) {
            snippet += piece(at, start);
            snippet += u"<mark><b>"_s + h.snippet.mid(start, length).toHtmlEscaped() + u"</b></mark>"_s;
            at = start + length;
        }
        snippet += piece(at, int(h.snippet.size()));
        snippet.replace(u"<span class=\"meta\">·</span>  <span class=\"meta\">·</span>"_s, u"<span class=\"meta\">·</span>"_s);
        // When it happened, and what the record says it was.
        QString when = tr("date not recorded"), kind = h.incident ? tr("Incident record") : tr("Case note");
        if (auto d = m_store->entry(h.entryId)) {
            when = d->summary.eventDate.display();
            if (!d->revisions.empty())
                kind = record::entryKind(d->revisions.back().entry);
            else if (d->draft)
                kind = record::entryKind(d->draft->entry);
        }
        html += u"<p><a href=\"entry:%1\"><b>%2</b> — %3, %4</a> <span class=\"meta\">(%5)</span><br>%6</p>"_s.arg(
            h.entryId.toHtmlEscaped(), h.personName.toHtmlEscaped(), kind.toHtmlEscaped(), when.toHtmlEscaped(), store::statusTitle(h.status),
            snippet);
    }
    m_results->setHtml(html);
    showPage(m_searchPage);
}

// ---- header, actions, title -------------------------------------------------------------------------

void MainWindow::updateEditorHeader()
{
    const bool incident = m_editor->isIncident();
    const QString person = currentPerson().name;
    m_editorTitle->setText((incident ? tr("Incident record") : tr("Case note")) + u" — "_s + person);
    QString text;
    m_editorBanner->hide();
    auto d = m_entryId.isEmpty() ? store::StoreResult<store::EntryDetail>(store::StoreError{}) : m_store->entry(m_entryId);
    if (m_entryId.isEmpty()) {
        text = tr("New draft · not saved yet. It saves itself as you write; only you can see it until you finalise it.");
    } else if (d && d->inError) {
        text = tr("Marked in error on %1 by %2 · read-only").arg(when(d->inError->at), store::actorDisplay(d->inError->by));
        m_editorBanner->setText(tr("<b>Marked in error.</b> Reason: %1").arg(d->inError->reason.toHtmlEscaped()));
        m_editorBanner->show();
    } else if (m_readOnly && d && !d->revisions.empty()) {
        const auto &r = d->revisions.back();
        text = tr("%1 · revision %2 by %3, %4 · read-only")
                   .arg(store::statusTitle(d->summary.status)).arg(r.number).arg(store::actorDisplay(r.author), when(r.writtenAt));
        if (d->summary.lateSeconds)
            text += u" · "_s + lateText(*d->summary.lateSeconds, d->summary.eventDate);
        if (d->draft)
            text += tr(" · %1 is amending it").arg(store::actorDisplay(d->draft->author));
        QStringList banner;
        if (d->disclosure && !d->disclosure->released())
            banner << tr("<b>Flagged for review before disclosure</b> by %1: %2")
                          .arg(store::actorDisplay(d->disclosure->flaggedBy).toHtmlEscaped(), d->disclosure->reason.toHtmlEscaped());
        if (const review::Feedback feedback = review::feedbackFor(*m_store, *d); !feedback.lines.isEmpty()) {
            QStringList lines;
            for (const QString &line : feedback.lines)
                lines << line.toHtmlEscaped();
            banner << (feedback.returned ? tr("<b>Your supervisor has asked for a correction.</b> %1") : tr("<b>Supervision.</b> %1"))
                          .arg(lines.join(u' '));
        }
        if (!banner.isEmpty()) {
            m_editorBanner->setText(banner.join(u"<br>"_s));
            m_editorBanner->show();
        }
    } else if (!canWrite()) {
        text = tr("Draft · read-only: this case file cannot be written just now, so the draft cannot be changed");
    } else {
        text = m_amending ? tr("Amendment in progress (becomes revision %1 when you finalise it)").arg(d ? int(d->revisions.size()) + 1 : 2)
                          : tr("Draft");
        if (m_dirty)
            text += tr(" · changes not saved yet");
        else if (m_savedAt.isValid())
            text += tr(" · saved at %1").arg(kUk.toString(m_savedAt.toLocalTime(), u"HH:mm:ss"_s));
        text += tr(" · only you can see it until you finalise it");
        if (m_amending) {
            m_editorBanner->setText(tr("<b>You are amending a final entry.</b> The earlier revision stays readable. When you finalise, "
                                       "you will be asked why it needed correcting."));
            m_editorBanner->show();
        }
    }
    if (m_keptOffline)
        text = tr("Draft · kept on this computer while the server cannot be reached; Fairnote saves it to the server when it is back");
    m_editorStatus->setText(text);
    updateEntryActions();
}

void MainWindow::updateEntryActions()
{
    const Actions &a = m_actions;
    if (!a.saveDraft)
        return;
    const bool open = editing();
    const bool draft = open && !m_readOnly;
    const bool write = canWrite();
    auto d = (!open || m_entryId.isEmpty()) ? store::StoreResult<store::EntryDetail>(store::StoreError{}) : m_store->entry(m_entryId);
    const bool final = d && !d->revisions.empty();
    // What the entry allows is the entry rules' answer (store::permissionsFor), the one the store gives when
    // asked: an action it refuses is disabled, its reason the tooltip. A new draft allows its own actions.
    const std::optional<store::EntryPermissions> rules = d ? std::optional(store::permissionsFor(*m_store, *d, m_author)) : std::nullopt;
    auto allows = [&](store::EntryAction x) { return !rules || rules->allows(x); };
    a.saveDraft->setEnabled(draft && allows(store::EntryAction::Edit));
    a.finalise->setEnabled(draft && allows(store::EntryAction::Finalise));
    a.discard->setEnabled(draft && allows(store::EntryAction::Discard));
    a.amend->setEnabled(write && open && m_readOnly && final && allows(store::EntryAction::Amend));
    a.markInError->setEnabled(write && open && final && m_readOnly && allows(store::EntryAction::MarkInError));
    a.history->setEnabled(open && final);
    a.closeEntry->setEnabled(open);
    for (QAction *x : {a.saveDraft, a.finalise, a.discard})
        x->setVisible(draft);
    for (QAction *x : {a.amend, a.markInError})
        x->setVisible(!draft);
    a.history->setVisible(!open || final);
    const bool person = !m_personId.isEmpty();
    a.newIncident->setEnabled(write && person);
    a.newNote->setEnabled(write && person);
    a.addPerson->setEnabled(write);
    // A summary or an export is recorded in the audit trail before it is shared: none on a read-only file.
    a.summary->setEnabled(write && person);
    a.subjectAccess->setEnabled(write && person);
    a.flagDisclosure->setEnabled(write && open && d && allows(store::EntryAction::FlagForDisclosure));
    a.releaseDisclosure->setEnabled(write && open && d && allows(store::EntryAction::ReleaseForDisclosure));
    a.signOff->setEnabled(write && open && d && allows(store::EntryAction::RequestSignOff));
    a.supervision->setEnabled(write);
    for (QPushButton *b : {m_addPersonButton, m_newIncidentButton, m_newNoteButton})
        if (b)
            b->setEnabled(write && (b == m_addPersonButton || person));
    if (m_summaryButton)
        m_summaryButton->setEnabled(a.summary->isEnabled());
    // Disabled for the file's sake: the reason is in the banner across the top, and on each item too.
    const QString why = write ? QString() : tr("Not available: %1").arg(whyReadOnly());
    // An entry's action refused by the entry rules says why, in the rules' words.
    const std::vector<std::pair<QAction *, store::EntryAction>> entryActions{
        {a.saveDraft, store::EntryAction::Edit}, {a.finalise, store::EntryAction::Finalise}, {a.discard, store::EntryAction::Discard},
        {a.amend, store::EntryAction::Amend}, {a.markInError, store::EntryAction::MarkInError},
        {a.flagDisclosure, store::EntryAction::FlagForDisclosure}, {a.releaseDisclosure, store::EntryAction::ReleaseForDisclosure},
        {a.signOff, store::EntryAction::RequestSignOff}};
    for (QAction *x : {a.newIncident, a.newNote, a.addPerson, a.summary, a.subjectAccess, a.saveDraft, a.finalise, a.discard, a.amend,
                       a.markInError, a.flagDisclosure, a.releaseDisclosure, a.signOff, a.supervision}) {
        if (!x->property("baseTip").isValid())
            x->setProperty("baseTip", x->toolTip());
        QString tip = write ? x->property("baseTip").toString() : why;
        for (const auto &[action, rule] : entryActions)
            if (action == x && write && open && rules && !rules->allows(rule))
                tip = sentence(rules->refusal(rule)->message);
        x->setToolTip(tip);
        x->setStatusTip(tip);
    }
}

bool MainWindow::canWrite() const { return !m_store->isReadOnly(); }

QString MainWindow::whyReadOnly() const
{
    if (canWrite())
        return {};
    const QString reason = sentence(m_store->readOnlyReason());
    return reason.isEmpty() ? tr("This case file is open for reading only.") : reason;
}

void MainWindow::updateTitle()
{
    QString file = QFileInfo(m_store->location()).fileName();
    if (const auto session = store::postgres::sessionOf(*m_store)) {
        // A team server: which one, and as whom (docs/server.md).
        const QString host = session->host.isEmpty() || session->host.startsWith(u'/') ? tr("this computer") : session->host;
        file = tr("%1 on %2 (as %3)").arg(session->database, host, session->login);
        m_statusFile->setFullText(tr("Team server: %1").arg(m_store->location()));
    } else {
        m_statusFile->setFullText(tr("Case file: %1").arg(m_store->location()));
    }
    setWindowTitle(m_store->isReadOnly() ? tr("%1 (read-only) — Fairnote").arg(file) : tr("%1 — Fairnote").arg(file));
    m_statusReadOnly->setVisible(!canWrite());
    m_readOnlyBanner->setVisible(!canWrite());
    if (!canWrite())
        m_readOnlyBanner->setText(tr("<b>This case file is open for reading only.</b> %1<br>You can read every entry and its history. "
                                     "Adding a person, writing, amending, finalising, marking in error, reviews and exports are "
                                     "turned off, so nothing is lost.")
                                      .arg(whyReadOnly().toHtmlEscaped()));
    updateEntryActions();
}

void MainWindow::status(const QString &message) { statusBar()->showMessage(message, kStatusMessageMs); }

void MainWindow::showError(const QString &title, const QString &message)
{
    QMessageBox::warning(this, title, message);
}

// ---- reports and disclosure ---------------------------------------------------------------------

void MainWindow::showSummary()
{
    if (m_personId.isEmpty())
        return;
    closeEntry();
    ReportDialog dialog(ReportDialog::Kind::Summary, *m_store, m_personId, m_author, m_rules.checker, this);
    dialog.exec();
}

void MainWindow::showSubjectAccess()
{
    if (m_personId.isEmpty())
        return;
    closeEntry();
    ReportDialog dialog(ReportDialog::Kind::SubjectAccess, *m_store, m_personId, m_author, m_rules.checker, this);
    dialog.exec();
}

void MainWindow::flagForDisclosureInteractively()
{
    if (m_entryId.isEmpty())
        return;
    const auto reason = ReasonDialog::ask(this, tr("Flag for review before disclosure"),
                                          tr("Use this when the entry holds information about someone else (a neighbour, a family member, "
                                             "another resident) or something that could cause harm if disclosed. Subject-access exports "
                                             "will withhold it, with a visible marker, until a reviewer releases it."),
                                          tr("For example: names the neighbour who reported the fire."), tr("Flag it"));
    if (!reason)
        return;
    if (auto r = m_store->flagForDisclosureReview(m_entryId, *reason, m_author); !r)
        showError(tr("The entry was not flagged"), sentence(r.error().message));
    else
        status(tr("Flagged for review before disclosure."));
    updateEditorHeader();
}

void MainWindow::releaseForDisclosureInteractively()
{
    if (m_entryId.isEmpty())
        return;
    const auto note = ReasonDialog::ask(this, tr("Release for disclosure"),
                                        tr("Releasing it means subject-access exports will include this entry in full. Say what the review found."),
                                        tr("For example: the neighbour agreed to be named."), tr("Release it"));
    if (!note)
        return;
    if (auto r = m_store->releaseForDisclosure(m_entryId, *note, m_author); !r)
        showError(tr("The entry was not released"), sentence(r.error().message));
    else
        status(tr("Released for disclosure."));
    updateEditorHeader();
}

// ---- supervision ------------------------------------------------------------------------------------

void MainWindow::showSupervision()
{
    closeEntry();
    auto rubric = review::Rubric::load(userSettings().reviewRubric);
    if (!rubric) {
        showError(tr("The review rubric could not be read"), rubric.error());
        return;
    }
    SupervisionDialog dialog(*m_store, *rubric, m_author, this);
    dialog.exec();
    reloadPeople();
    if (!m_personId.isEmpty())
        loadChronology();
}

void MainWindow::showTrends()
{
    auto rubric = review::Rubric::load(userSettings().reviewRubric);
    if (!rubric) {
        showError(tr("The review rubric could not be read"), rubric.error());
        return;
    }
    auto rows = review::trends(*m_store, *rubric, {});
    if (!rows) {
        showError(tr("The figures could not be worked out"), rows.error());
        return;
    }
    TrendsDialog dialog(std::move(*rows), this);
    dialog.exec();
}

void MainWindow::requestSignOffInteractively()
{
    if (m_entryId.isEmpty())
        return;
    bool ok = false;
    const QString comment = QInputDialog::getText(this, tr("Ask for sign-off"),
                                                  tr("Anything the supervisor should know? (optional)"), QLineEdit::Normal, {}, &ok);
    if (!ok)
        return;
    auto r = m_store->requestSignOff(u"entry"_s, {}, m_entryId, {}, {}, comment, m_author);
    if (!r)
        showError(tr("Sign-off was not requested"), sentence(r.error().message));
    else
        status(tr("Sign-off requested. It shows in the chronology until a supervisor decides."));
    loadChronology();
    updateEditorHeader();
}

// ---- dialogs ------------------------------------------------------------------------------------

void MainWindow::editAuthor()
{
    if (const auto session = store::postgres::sessionOf(*m_store)) {
        QMessageBox::information(this, tr("Your details"),
                                 tr("On a team server you write as your login, %1, and the record is signed with your staff record: "
                                    "%2. An administrator changes it (fairnote-cli server staff update).")
                                     .arg(session->login, store::actorDisplay(m_author)));
        return;
    }
    AuthorDialog dialog(m_author, this);
    if (dialog.exec() != QDialog::Accepted)
        return;
    setAuthor(dialog.actor());
    if (m_settings)
        store::saveAuthorToSettings(*m_settings, m_author);
    reloadPeople();
}

void MainWindow::connectToServer()
{
    ConnectDialog dialog(m_settings, this);
    if (dialog.exec() != QDialog::Accepted)
        return;
    auto store = dialog.takeStore();
    if (!store)
        return;
    // A window of its own: this one stays on its case file (or server), and each window says which it is on.
    auto *window = new MainWindow(m_rules, m_settings, m_spellingOptions, std::move(store));
    window->setAttribute(Qt::WA_DeleteOnClose);
    window->show();
    QTimer::singleShot(0, window, &MainWindow::offerUnfinishedDrafts);
}

void MainWindow::showSettings()
{
    // One dialog over this window: no other window opens for it (the same settings the text-check window
    // shows, kept in the settings file both read).
    SettingsDialog dialog(m_filter, [this]() -> const wording::RulePack & { return m_rules.checker->pack(); }, this);
    dialog.setObjectName(u"settingsDialog"_s);
    auto spellingOn = [this] { return userSettings().checkSpelling; };
    auto refresh = [&] {
        dialog.setRulesInUse(m_rules.describe(), !m_rules.organisationDir.isEmpty());
        QString status;
        if (spellingOn() && !m_speller)
            status = sentence(m_spellingProblem);
        else if (m_speller)
            status = tr("Dictionary: %1").arg(m_speller->source());
        dialog.setSpelling(spellingOn(), status, m_speller ? m_speller->personalWords() : QStringList(),
                           m_speller ? m_spellingOptions.personalListPath : QString());
    };
    auto useRules = [&](const QString &dir) {
        auto pack = wording::loadRulePack(dir);
        if (!pack) {
            PackProblemsDialog::showRefused(pack.error(), dir.isEmpty() ? wording::builtInPackDirectory() : dir, &dialog);
            return;
        }
        m_rules = LoadedRules{std::make_shared<const wording::Checker>(std::move(*pack)), dir};
        m_editor->setChecker(m_rules.checker);
        applyAssessor();
        if (m_settings) {
            if (dir.isEmpty())
                m_settings->remove(TextCheckWindow::organisationRulesKey());
            else
                m_settings->setValue(TextCheckWindow::organisationRulesKey(), dir);
        }
        status(tr("Now checking with %1.").arg(m_rules.describe()));
        refresh();
    };
    connect(&dialog, &SettingsDialog::chooseOrganisationRules, this, [&] {
        const QString start = !m_rules.organisationDir.isEmpty() ? m_rules.organisationDir : QDir::homePath();
        const QString dir = QFileDialog::getExistingDirectory(&dialog, tr("Choose the folder with your organisation's rules"), start);
        if (!dir.isEmpty())
            useRules(dir);
    });
    connect(&dialog, &SettingsDialog::useBuiltInRulesOnly, this, [&] { useRules({}); });
    connect(&dialog, &SettingsDialog::checkSpellingChanged, this, [&](bool on) {
        if (m_settings) {
            if (on)
                m_settings->remove(TextCheckWindow::checkSpellingKey()); // on is the default
            else
                m_settings->setValue(TextCheckWindow::checkSpellingKey(), false);
        }
        startSpellingCheck();
        applyAssessor();
        refresh();
    });
    connect(&dialog, &SettingsDialog::removeFromDictionary, this, [&](const QStringList &words) {
        QStringList problems;
        for (const QString &word : words)
            if (m_speller)
                if (auto removed = m_speller->removeFromPersonal(word); !removed)
                    problems << u"“%1”: %2"_s.arg(word, removed.error());
        // Every narrative checks its spelling again with the list as it is now.
        m_editor->setSpellChecker(nullptr);
        startSpellingCheck();
        refresh();
        if (!problems.isEmpty())
            QMessageBox::warning(&dialog, tr("Not every word was removed"), problems.join(u'\n'));
    });
    dialog.setLockAfterMinutes(userSettings().lockAfterMinutes);
    connect(&dialog, &SettingsDialog::lockAfterMinutesChanged, this, [this](int minutes) {
        if (m_settings) {
            if (minutes == store::UserSettings::kDefaultLockAfterMinutes)
                m_settings->remove(store::settingsKey::lockAfterMinutes);
            else
                m_settings->setValue(store::settingsKey::lockAfterMinutes, minutes);
        }
        if (m_idleLock)
            m_idleLock->setMinutes(minutes);
    });
    refresh();
    dialog.exec();
}

void MainWindow::openTextCheck()
{
    if (!m_textCheck) {
        m_textCheck = new TextCheckWindow(m_rules, m_settings, m_spellingOptions);
        m_textCheck->setAttribute(Qt::WA_DeleteOnClose);
    }
    m_textCheck->show();
    m_textCheck->raise();
    m_textCheck->activateWindow();
}

void MainWindow::openTrainerMode()
{
    QString error;
    if (auto *w = TrainerWindow::open(m_rules, m_settings, {}, &error)) {
        w->show();
        w->raise();
        w->activateWindow();
    } else {
        QMessageBox::warning(this, tr("Trainer mode could not start"), error);
    }
}

void MainWindow::openGuide(const QString &anchor)
{
    if (!m_guide) {
        m_guide = new GuideWindow(m_rules.checker, m_rules.organisationDir, this);
        m_guide->setAttribute(Qt::WA_DeleteOnClose);
    }
    m_guide->show();
    m_guide->raise();
    m_guide->activateWindow();
    if (!anchor.isEmpty())
        m_guide->showSection(anchor);
}

void MainWindow::showHelp()
{
    QMessageBox box(this);
    box.setWindowTitle(tr("Help"));
    box.setTextFormat(Qt::RichText);
    box.setText(tr("<h3>Recording with Fairnote</h3>"
                   "<p>Choose a person, then <b>New incident record</b> (Ctrl+N) or <b>New case note</b> (Ctrl+Shift+N). "
                   "Answer each question; “Unknown” is an answer, a blank is not. Fairnote checks the wording as you type "
                   "and lists what to look at again on the right: F8 and Shift+F8 go through the list.</p>"
                   "<p>Your draft saves itself as you write and only you can see it. <b>Finalise</b> (Ctrl+Enter) makes it "
                   "part of the record: after that it can only be <b>amended</b> (Ctrl+E), with a reason, and the earlier "
                   "version stays readable. An entry written in error is <b>marked in error</b>, never deleted.</p>"
                   "<h4>Keys</h4><table>"
                   "<tr><td>Ctrl+N / Ctrl+Shift+N</td><td>new incident record / case note</td></tr>"
                   "<tr><td>Ctrl+S</td><td>save the draft now</td></tr>"
                   "<tr><td>Ctrl+Enter</td><td>finalise</td></tr>"
                   "<tr><td>Ctrl+E</td><td>amend a final entry</td></tr>"
                   "<tr><td>Ctrl+H</td><td>history of the entry</td></tr>"
                   "<tr><td>Ctrl+F</td><td>search every entry</td></tr>"
                   "<tr><td>Ctrl+P</td><td>add a person</td></tr>"
                   "<tr><td>Ctrl+W</td><td>back to the chronology</td></tr>"
                   "<tr><td>F8 / Shift+F8</td><td>next / previous question or finding</td></tr>"
                   "</table><p>Help › Good-practice guide holds every wording rule, with why, what to write instead and examples.</p>"));
    box.exec();
}

void MainWindow::showAbout()
{
    QMessageBox::about(this, tr("About Fairnote"),
                       tr("<h3>Fairnote %1</h3><p>Helps support workers write fair, factual case notes and keep them as a "
                          "trustworthy record.</p><p>Free software under the GNU General Public License, version 3 or later.</p>")
                           .arg(QStringLiteral(FAIRNOTE_VERSION)));
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    QString error;
    // A draft kept on this computer while the server is away is not lost: it is saved when it is back.
    if (editing() && !saveDraft(&error) && !error.isEmpty() && !m_keptOffline) {
        const auto answer = QMessageBox::warning(this, tr("Your draft could not be saved"),
                                                 error + u"\n\n"_s + tr("Close anyway and lose the changes since it was last saved?"),
                                                 QMessageBox::Close | QMessageBox::Cancel, QMessageBox::Cancel);
        if (answer != QMessageBox::Close) {
            event->ignore();
            return;
        }
    }
    if (m_settings) {
        m_settings->setValue(kGeometryKey, saveGeometry());
        m_settings->setValue(kStateKey, saveState());
        m_settings->setValue(kSplitterKey, m_splitter->saveState());
    }
    if (m_textCheck)
        m_textCheck->close();
    event->accept();
}

} // namespace fairnote::ui
