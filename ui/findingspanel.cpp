// SPDX-FileCopyrightText: 2026 Fairnote contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// The findings list and its explanation box, refreshed shortly after the note changes.
#include "findingspanel.h"

#include "findingfilter.h"
#include "findingformat.h"
#include "noteeditor.h"
#include "spellingsuggestions.h"

#include <QApplication>
#include <QHBoxLayout>
#include <QLabel>
#include <QListWidget>
#include <QMessageBox>
#include <QPushButton>
#include <QShortcut>
#include <QSignalBlocker>
#include <QSplitter>
#include <QStackedWidget>
#include <QTextBrowser>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace fairnote::ui {

FindingsPanel::FindingsPanel(NoteEditor *editor, QWidget *parent) : QWidget(parent), m_editor(editor)
{
    setAccessibleName(tr("Findings"));

    m_heading = new QLabel(this);
    QFont headingFont = m_heading->font();
    headingFont.setBold(true);
    m_heading->setFont(headingFont);

    m_empty = new QLabel(tr("No wording to look at again.\n\nFairnote checks the note as you type. Anything "
                            "worth a second look is underlined and listed here, with why and what to "
                            "write instead."),
                         this);
    m_empty->setWordWrap(true);
    m_empty->setAlignment(Qt::AlignTop | Qt::AlignLeft);
    m_empty->setTextInteractionFlags(Qt::TextSelectableByKeyboard | Qt::TextSelectableByMouse);
    m_empty->setFocusPolicy(Qt::StrongFocus);
    m_empty->setContentsMargins(4, 4, 4, 4);

    m_list = new QListWidget(this);
    m_list->setAccessibleName(tr("Findings list"));
    m_list->setAccessibleDescription(tr("Each entry is a piece of wording worth a second look, or a word that "
                                        "may be misspelt. Press Enter to select it in the note."));
    m_list->setWordWrap(true);
    m_list->setTextElideMode(Qt::ElideNone);
    m_list->setResizeMode(QListView::Adjust);
    m_list->setUniformItemSizes(false);
    m_list->setSpacing(2);
    m_list->setIconSize(QSize(14, 14));
    m_list->setVerticalScrollMode(QAbstractItemView::ScrollPerPixel);
    m_heading->setBuddy(m_list);

    m_details = new QTextBrowser(this);
    m_details->setAccessibleName(tr("Explanation"));
    m_details->setOpenExternalLinks(true);
    m_details->setFrameShape(QFrame::StyledPanel);

    m_showButton = new QPushButton(tr("Show in note"), this);
    m_showButton->setToolTip(tr("Select these words in the note (Enter)"));
    m_ignoreButton = new QPushButton(tr("Ignore once"), this);
    m_ignoreButton->setToolTip(tr("Hide this one finding until its words are changed"));
    m_turnOffButton = new QPushButton(tr("Turn rule off"), this);
    m_turnOffButton->setToolTip(tr("Stop checking for this wording. Settings › Rules turned off lists it and "
                                   "can turn it back on."));
    m_addWordButton = new QPushButton(tr("Add to dictionary"), this);
    m_addWordButton->setToolTip(tr("Never mark this word as misspelt again, in any note. Settings › Spelling "
                                   "lists your words and can remove them."));
    m_addWordButton->hide();

    auto *buttons = new QHBoxLayout;
    buttons->setContentsMargins(0, 0, 0, 0);
    buttons->addWidget(m_showButton);
    buttons->addWidget(m_ignoreButton);
    buttons->addWidget(m_turnOffButton);
    buttons->addWidget(m_addWordButton);
    buttons->addStretch();

    auto *detailsBox = new QWidget(this);
    auto *detailsLayout = new QVBoxLayout(detailsBox);
    detailsLayout->setContentsMargins(0, 0, 0, 0);
    detailsLayout->addWidget(m_details, 1);
    detailsLayout->addLayout(buttons);

    auto *split = new QSplitter(Qt::Vertical, this);
    split->addWidget(m_list);
    split->addWidget(detailsBox);
    split->setStretchFactor(0, 3);
    split->setStretchFactor(1, 2);
    split->setChildrenCollapsible(false);

    m_pages = new QStackedWidget(this);
    m_pages->addWidget(m_empty);
    m_pages->addWidget(split);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(6, 6, 6, 6);
    layout->addWidget(m_heading);
    layout->addWidget(m_pages, 1);

    setTabOrder(m_list, m_details);
    setTabOrder(m_details, m_showButton);
    setTabOrder(m_showButton, m_ignoreButton);
    setTabOrder(m_ignoreButton, m_turnOffButton);
    setTabOrder(m_turnOffButton, m_addWordButton);

    m_refresh.setSingleShot(true);
    m_refresh.setInterval(kRefreshDelayMs);
    connect(&m_refresh, &QTimer::timeout, this, &FindingsPanel::refreshNow);
    connect(m_editor, &NoteEditor::findingsChanged, this, [this] { m_refresh.start(); });

    connect(m_list, &QListWidget::currentRowChanged, this, &FindingsPanel::showDetails);
    connect(m_list, &QListWidget::itemActivated, this, [this](QListWidgetItem *item) { activateRow(m_list->row(item)); });
    connect(m_showButton, &QPushButton::clicked, this, [this] { activateRow(m_list->currentRow()); });
    connect(m_ignoreButton, &QPushButton::clicked, this, [this] {
        if (const auto f = currentFinding())
            m_editor->filter()->ignoreOnce(*f, m_editor);
    });
    connect(m_turnOffButton, &QPushButton::clicked, this, [this] {
        if (const auto f = currentFinding()) {
            m_editor->filter()->disableRule(f->ruleId);
            emit ruleTurnedOff(f->ruleId);
        }
    });
    connect(m_addWordButton, &QPushButton::clicked, this, [this] {
        const auto f = currentFinding();
        if (!f || !isSpelling(*f))
            return;
        const QString word = m_editor->matchedText(*f);
        QString error;
        if (!m_editor->addToDictionary(word, &error))
            QMessageBox::warning(this, tr("The word was not added"),
                                 tr("Fairnote could not add “%1” to your dictionary.").arg(word) + u"\n\n"_s + error);
    });
    connect(m_editor->suggestions(), &SpellingSuggestions::ready, this, &FindingsPanel::suggestionsReady);
    // Escape goes back to the note without moving its cursor.
    auto *back = new QShortcut(QKeySequence(Qt::Key_Escape), this, nullptr, nullptr, Qt::WidgetWithChildrenShortcut);
    connect(back, &QShortcut::activated, m_editor, [this] { m_editor->setFocus(Qt::ShortcutFocusReason); });

    makeIcons();
    refreshNow();
}

void FindingsPanel::makeIcons()
{
    for (const Severity s : {Severity::Info, Severity::Warning, Severity::Error})
        m_icons[static_cast<size_t>(s)] = severityIcon(s, palette());
    m_spellingIcon = spellingIcon(palette());
    m_possibleNameIcon = possibleNameIcon(palette());
}

void FindingsPanel::describe(QListWidgetItem *item, const Finding &found, const QString &matched)
{
    // A spelling finding's message may read better once its suggestions are known (a US spelling).
    const Finding f = isSpelling(found) ? m_editor->suggestions()->completed(found, matched) : found;
    const int line = m_editor->lineOf(f);
    item->setIcon(isPossibleName(f) ? m_possibleNameIcon
                  : isSpelling(f)   ? m_spellingIcon
                                    : m_icons[static_cast<size_t>(f.severity)]);
    item->setText(u"%1 · “%2”\n%3"_s.arg(findingKindWord(f), displayedWords(matched), f.message));
    item->setToolTip(findingToolTip(f));
    item->setData(Qt::AccessibleTextRole, findingAccessibleText(f, matched, line));
    item->setData(Qt::AccessibleDescriptionRole, f.why);
}

void FindingsPanel::suggestionsReady(const QString &word)
{
    for (size_t i = 0; i < m_findings.size(); ++i) {
        const Finding &f = m_findings[i];
        if (isSpelling(f) && m_editor->matchedText(f) == word)
            describe(m_list->item(int(i)), f, word);
    }
    const auto current = currentFinding();
    if (current && isSpelling(*current) && m_editor->matchedText(*current) == word)
        showDetails();
}

void FindingsPanel::changeEvent(QEvent *event)
{
    QWidget::changeEvent(event);
    if (event->type() == QEvent::PaletteChange) {
        makeIcons();
        refreshNow();
    }
}

QString FindingsPanel::headingText() const { return m_heading->text(); }

QString FindingsPanel::entryText(int row) const
{
    const QListWidgetItem *item = m_list->item(row);
    return item ? item->text() : QString();
}

std::optional<Finding> FindingsPanel::currentFinding() const
{
    const int row = m_list->currentRow();
    if (row < 0 || row >= count())
        return std::nullopt;
    return m_findings[size_t(row)];
}

void FindingsPanel::setCurrentRow(int row) { m_list->setCurrentRow(row); }

void FindingsPanel::activateRow(int row)
{
    if (row < 0 || row >= count())
        return;
    m_list->setCurrentRow(row);
    m_editor->selectFinding(m_findings[size_t(row)]);
    m_editor->setFocus(Qt::OtherFocusReason);
}

void FindingsPanel::focusList()
{
    if (m_findings.empty()) {
        m_empty->setFocus(Qt::ShortcutFocusReason);
        return;
    }
    if (m_list->currentRow() < 0)
        m_list->setCurrentRow(0);
    m_list->setFocus(Qt::ShortcutFocusReason);
}

// Rebuilds the list from the editor's visible findings, keeping the current entry on the same
// finding when it is still there (typing elsewhere shifts its offset, so the rule and words are
// matched too).
void FindingsPanel::refreshNow()
{
    m_refresh.stop();
    m_editor->flushPendingCheck();
    const std::optional<Finding> previous = currentFinding();
    const int previousRow = m_list->currentRow();
    std::vector<Finding> findings = m_editor->visibleFindings();
    std::vector<QString> matched;
    matched.reserve(findings.size());
    for (const Finding &f : findings)
        matched.push_back(m_editor->matchedText(f));

    {
        const QSignalBlocker blocker(m_list);
        m_list->clear();
        m_findings = std::move(findings);
        for (size_t i = 0; i < m_findings.size(); ++i) {
            auto *item = new QListWidgetItem;
            describe(item, m_findings[i], matched[i]);
            m_list->addItem(item);
        }
        int row = previous ? rowOfFinding(*previous) : -1;
        if (row < 0 && previousRow >= 0 && count() > 0)
            row = std::min(previousRow, count() - 1);
        m_list->setCurrentRow(row);
    }

    const int hidden = m_editor->hiddenCount();
    const int names = int(std::count_if(m_findings.begin(), m_findings.end(), isPossibleName));
    const int spelling = int(std::count_if(m_findings.begin(), m_findings.end(), isSpelling)) - names;
    const int wording = count() - spelling - names;
    // "Wording (2), spelling (1) and possible names (2) to look at again"; one kind alone keeps its count last.
    QStringList kinds, counted;
    for (const auto &[n, kind] : {std::pair{wording, tr("wording")}, std::pair{spelling, tr("spelling")},
                                  std::pair{names, tr("possible names")}})
        if (n > 0) {
            kinds << kind;
            counted << u"%1 (%2)"_s.arg(kind).arg(n);
        }
    QString heading;
    if (counted.isEmpty())
        heading = tr("Wording to look at again");
    else if (counted.size() == 1)
        heading = tr("%1 to look at again (%2)").arg(kinds.front()).arg(count());
    else
        heading = tr("%1 and %2 to look at again").arg(counted.mid(0, counted.size() - 1).join(u", "_s), counted.back());
    heading[0] = heading[0].toUpper();
    if (hidden > 0)
        heading += u' ' + tr("· %n hidden", nullptr, hidden);
    m_heading->setText(heading);
    const bool hadFocus = m_pages->isAncestorOf(QApplication::focusWidget());
    m_pages->setCurrentIndex(m_findings.empty() ? 0 : 1);
    if (hadFocus)
        focusList();
    showDetails();
    emit refreshed(count(), hidden);
}

void FindingsPanel::showDetails()
{
    const auto f = currentFinding();
    const bool spelling = f && isSpelling(*f);
    m_showButton->setEnabled(f.has_value());
    m_ignoreButton->setEnabled(f.has_value());
    m_turnOffButton->setEnabled(f.has_value());
    m_turnOffButton->setVisible(!spelling);
    m_addWordButton->setVisible(spelling);
    const bool name = f && isPossibleName(*f);
    m_addWordButton->setText(name ? tr("Add as a name") : tr("Add to dictionary"));
    m_addWordButton->setToolTip(name ? tr("Never mark this name again, in any note. Settings › Spelling lists your words.")
                                     : tr("Never mark this word as misspelt again, in any note. Settings › Spelling "
                                          "lists your words."));
    if (!f) {
        m_details->setHtml(count() == 0 ? QString()
                                        : u"<p>%1</p>"_s.arg(tr("Choose an entry to see why it was flagged and "
                                                                "what to write instead.")
                                                                 .toHtmlEscaped()));
        return;
    }
    const QString matched = m_editor->matchedText(*f);
    if (!spelling) {
        m_details->setHtml(findingDetailsHtml(*f, matched, m_editor->lineOf(*f)));
        return;
    }
    // Looked up off the UI thread, so moving through the list never waits for Hunspell.
    SpellingSuggestions *suggestions = m_editor->suggestions();
    const bool known = suggestions->isKnown(matched);
    if (!known)
        suggestions->request(matched);
    QString html = findingDetailsHtml(suggestions->completed(*f, matched), matched, m_editor->lineOf(*f));
    if (!known)
        html += u"<p><i>%1</i></p>"_s.arg(tr("Looking for suggestions…").toHtmlEscaped());
    else if (suggestions->completed(*f, matched).suggestions.isEmpty())
        html += u"<p>%1</p>"_s.arg(tr("The dictionary has no suggestions for this word.").toHtmlEscaped());
    m_details->setHtml(html);
}

int FindingsPanel::rowOfFinding(const Finding &f) const
{
    for (size_t i = 0; i < m_findings.size(); ++i)
        if (m_findings[i].ruleId == f.ruleId && m_findings[i].offset == f.offset)
            return int(i);
    for (size_t i = 0; i < m_findings.size(); ++i)
        if (m_findings[i].ruleId == f.ruleId && m_findings[i].length == f.length)
            return int(i);
    return -1;
}

} // namespace fairnote::ui
