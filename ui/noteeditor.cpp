// SPDX-FileCopyrightText: 2026 Fairnote contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// Live checking: document edits go to NoteCheck, then only the touched blocks are redrawn.
#include "noteeditor.h"

#include "guide/guide.h"
#include "guide/guidewindow.h"

#include "findingfilter.h"
#include "findingformat.h"
#include "findinghighlighter.h"
#include "spelling/notecheck.h"
#include "spelling/spellchecker.h"
#include "spellingsuggestions.h"
#include "text/tokenizer.h"
#include "wording/checker.h"

#include <QContextMenuEvent>
#include <QHelpEvent>
#include <QDesktopServices>
#include <QLabel>
#include <QMenu>
#include <QMessageBox>
#include <QTextBlock>
#include <QToolTip>
#include <QWidgetAction>
#include <cassert>

using namespace Qt::StringLiterals;

namespace fairnote::ui {

NoteEditor::NoteEditor(std::shared_ptr<const wording::Checker> checker, FindingFilter *filter, QWidget *parent)
    : QPlainTextEdit(parent),
      m_check((assert(checker), std::make_unique<NoteCheck>(std::move(checker)))),
      m_suggestions(new SpellingSuggestions(this)),
      m_filter(filter ? filter : new FindingFilter(nullptr, this))
{
    setAccessibleName(tr("Note"));
    setAccessibleDescription(tr("The case note. Wording worth a second look is underlined and listed in "
                                "the findings panel; F8 moves to the next one."));
    setPlaceholderText(tr("Type or paste a case note. Wording worth a second look is underlined, and the "
                          "list beside the note explains why and what to write instead."));
    // Tab moves to the findings panel rather than typing a tab: notes rarely need tabs, and keyboard
    // users need a way out of the editor.
    setTabChangesFocus(true);

    m_pendingTimer.setSingleShot(true);
    m_pendingTimer.setInterval(kLargeParagraphDelayMs);
    connect(&m_pendingTimer, &QTimer::timeout, this, &NoteEditor::flushPendingCheck);

    m_text = document()->toPlainText();
    m_check->reset(m_text);
    // Connected before the highlighter exists, so this runs before the highlighter's own
    // re-highlighting of the edited blocks and that already sees the new findings.
    connect(document(), &QTextDocument::contentsChange, this, &NoteEditor::onContentsChange);
    m_highlighter = new FindingHighlighter(document());
    m_highlighter->setSource(m_check.get(), m_filter, this);
    connect(m_filter, &FindingFilter::changed, this, [this] {
        m_highlighter->rehighlight();
        emit findingsChanged();
    });
}

NoteEditor::~NoteEditor()
{
    // The highlighter belongs to the document; stop it reading the check we are about to free.
    m_highlighter->setSource(nullptr, nullptr);
    disconnect(document(), nullptr, this, nullptr);
}

void NoteEditor::setChecker(std::shared_ptr<const wording::Checker> checker)
{
    assert(checker);
    m_pending.reset();
    m_pendingTimer.stop();
    m_text = document()->toPlainText();
    m_check->setChecker(std::move(checker), m_text);
    findingsReplaced();
}

const wording::Checker &NoteEditor::checker() const { return m_check->checker(); }

void NoteEditor::setSpellChecker(std::shared_ptr<spelling::SpellChecker> speller)
{
    flushPendingCheck();
    m_speller = std::move(speller);
    m_suggestions->setSpellChecker(m_speller);
    m_check->setSpellChecker(m_speller, m_text);
    findingsReplaced();
}

void NoteEditor::setNames(const QStringList &names)
{
    if (names == m_check->names())
        return;
    flushPendingCheck();
    m_check->setNames(names, m_text);
    if (m_speller)
        findingsReplaced();
}

QStringList NoteEditor::names() const { return m_check->names(); }

Finding NoteEditor::withSuggestions(const Finding &f)
{
    return isSpelling(f) ? m_suggestions->complete(f, matchedText(f)) : f;
}

bool NoteEditor::addToDictionary(const QString &word, QString *error)
{
    if (!m_speller) {
        if (error)
            *error = tr("Spelling is not being checked, so there is no dictionary to add words to.");
        return false;
    }
    const auto added = m_speller->addToPersonal(word);
    if (!added) {
        if (error)
            *error = added.error();
        return false;
    }
    flushPendingCheck();
    m_check->recheckSpelling(m_text);
    findingsReplaced();
    emit wordAddedToDictionary(word);
    return true;
}

bool NoteEditor::removeFromDictionary(const QString &word, QString *error)
{
    if (!m_speller) {
        if (error)
            *error = tr("Spelling is not being checked, so there is no dictionary to change.");
        return false;
    }
    const auto removed = m_speller->removeFromPersonal(word);
    if (!removed) {
        if (error)
            *error = removed.error();
        return false;
    }
    flushPendingCheck();
    m_check->recheckSpelling(m_text);
    findingsReplaced();
    return true;
}

void NoteEditor::addToDictionaryOrSay(const QString &word)
{
    QString error;
    if (!addToDictionary(word, &error))
        QMessageBox::warning(this, tr("The word was not added"),
                             tr("Fairnote could not add “%1” to your dictionary.").arg(word) + u"\n\n"_s + error);
}

void NoteEditor::replaceWords(const Finding &f, const QString &with)
{
    flushPendingCheck();
    if (f.offset < 0 || f.offset + f.length > m_text.size())
        return;
    QTextCursor c(document());
    c.setPosition(int(f.offset));
    c.setPosition(int(f.offset + f.length), QTextCursor::KeepAnchor);
    c.insertText(with);
    setTextCursor(c);
}

void NoteEditor::findingsReplaced()
{
    m_highlighter->rehighlight();
    emit findingsChanged();
}

void NoteEditor::setNoteText(const QString &text)
{
    setPlainText(text); // also empties the undo history
    m_filter->clearNote();
    document()->setModified(false);
}

const std::vector<Finding> &NoteEditor::allFindings() const { return m_check->findings(); }

std::vector<Finding> NoteEditor::visibleFindings() const
{
    std::vector<Finding> out;
    out.reserve(m_check->findings().size());
    for (const Finding &f : m_check->findings())
        if (!m_filter->hides(f, this))
            out.push_back(f);
    return out;
}

int NoteEditor::hiddenCount() const
{
    return int(std::count_if(m_check->findings().begin(), m_check->findings().end(),
                             [this](const Finding &f) { return m_filter->hides(f, this); }));
}

std::optional<Finding> NoteEditor::visibleAt(qsizetype position, bool spelling) const
{
    if (position < 0)
        return std::nullopt;
    const Finding *best = nullptr;
    for (const Finding &f : m_check->findingsIn(position, position + 1)) {
        if (f.offset <= position && position < f.offset + f.length && isSpelling(f) == spelling
            && !m_filter->hides(f, this) && (!best || f.severity > best->severity))
            best = &f;
    }
    return best ? std::optional<Finding>(*best) : std::nullopt;
}

std::optional<Finding> NoteEditor::findingAtCharacter(qsizetype position) const
{
    auto wording = visibleAt(position, false);
    auto spelling = visibleAt(position, true);
    if (wording && (!spelling || wording->severity >= spelling->severity))
        return wording;
    return spelling;
}

std::optional<Finding> NoteEditor::findingAtCursor() const
{
    const QTextCursor c = textCursor();
    if (c.hasSelection()) {
        const qsizetype start = c.selectionStart();
        const qsizetype end = c.selectionEnd();
        std::optional<Finding> overlapping;
        for (const Finding &f : m_check->findingsIn(start, end)) {
            if (m_filter->hides(f, this) || f.offset >= end || f.offset + f.length <= start)
                continue;
            if (f.offset == start && f.offset + f.length == end)
                return f; // exactly the selected words (as after F8 or the panel)
            if (!overlapping)
                overlapping = f;
        }
        return overlapping;
    }
    if (auto f = findingAtCharacter(c.position()))
        return f;
    return findingAtCharacter(c.position() - 1); // just after the words
}

QString NoteEditor::matchedText(const Finding &f) const { return m_text.mid(f.offset, f.length); }

int NoteEditor::lineOf(const Finding &f) const { return document()->findBlock(int(f.offset)).blockNumber() + 1; }

// Wording first, then spelling: a misspelt word inside flagged wording has both.
QString NoteEditor::toolTipAt(qsizetype position) const
{
    QStringList parts;
    if (const auto f = visibleAt(position, false))
        parts << findingToolTip(*f);
    if (const auto f = visibleAt(position, true))
        parts << findingToolTip(m_suggestions->complete(*f, matchedText(*f)));
    return parts.join(u"<hr>"_s);
}

void NoteEditor::selectFinding(const Finding &f)
{
    QTextCursor c(document());
    c.setPosition(int(std::min<qsizetype>(f.offset, m_text.size())));
    c.setPosition(int(std::min<qsizetype>(f.offset + f.length, m_text.size())), QTextCursor::KeepAnchor);
    setTextCursor(c);
    ensureCursorVisible();
}

bool NoteEditor::nextFinding()
{
    flushPendingCheck();
    const std::vector<Finding> shown = visibleFindings();
    if (shown.empty())
        return false;
    const QTextCursor c = textCursor();
    // With the words of a finding selected, move past it; otherwise a finding starting at the cursor
    // is the next one.
    const qsizetype from = c.hasSelection() ? c.selectionStart() + 1 : c.position();
    auto it = std::find_if(shown.begin(), shown.end(), [from](const Finding &f) { return f.offset >= from; });
    if (it == shown.end()) {
        it = shown.begin();
        emit navigationWrapped();
    }
    selectFinding(*it);
    return true;
}

bool NoteEditor::previousFinding()
{
    flushPendingCheck();
    const std::vector<Finding> shown = visibleFindings();
    if (shown.empty())
        return false;
    const qsizetype from = textCursor().selectionStart();
    auto it = std::find_if(shown.rbegin(), shown.rend(), [from](const Finding &f) { return f.offset < from; });
    if (it == shown.rend()) {
        it = shown.rbegin();
        emit navigationWrapped();
    }
    selectFinding(*it);
    return true;
}

// Called for every document change. A change whose text is the same as before is the highlighter
// re-applying formats (QTextDocument reports those as changes too) and is ignored, which also
// keeps re-highlighting from feeding back into checking.
// When Qt reports lengths that do not add up (it counts the document's final paragraph separator
// when the whole text is replaced), the whole note is checked again instead.
void NoteEditor::onContentsChange(int position, int removed, int added)
{
    QString text = document()->toPlainText();
    if (text == m_text)
        return;
    const qsizetype oldSize = m_text.size();
    m_text = std::move(text);
    const bool consistent = position >= 0 && position + removed <= oldSize && position + added <= m_text.size()
        && m_text.size() - oldSize == qsizetype(added) - removed;
    if (!consistent) {
        m_filter->textEdited(0, oldSize, m_text.size(), this);
        recheckAll();
        return;
    }
    m_filter->textEdited(position, removed, added, this);

    const text::Span a = text::paragraphAround(m_text, position);
    const text::Span b = text::paragraphAround(m_text, position + added);
    const bool large = std::max(a.end, b.end) - std::min(a.start, b.start) > kLargeParagraph;
    if (!m_pending && !large) {
        applyEdit(position, removed, added);
        return;
    }
    // Merge with what is already waiting, in the coordinates of the text the check last saw.
    if (!m_pending) {
        m_pending = PendingEdit{position, position + removed, position + added};
    } else {
        PendingEdit &p = *m_pending;
        const qsizetype end = position + removed; // in the current text
        p.oldEnd += std::max<qsizetype>(0, end - p.newEnd);
        p.newEnd = std::max(p.newEnd, end) + (added - removed);
        p.start = std::min<qsizetype>(p.start, position);
    }
    m_pendingTimer.start(); // restarted by every key, so it runs when typing pauses
}

void NoteEditor::applyEdit(qsizetype position, qsizetype removed, qsizetype added)
{
    const text::Span changed = m_check->edit(m_text, position, removed, added);
    rehighlightRange(changed.start, changed.end);
    emit findingsChanged();
}

void NoteEditor::flushPendingCheck()
{
    if (!m_pending)
        return;
    const PendingEdit p = *m_pending;
    m_pending.reset();
    m_pendingTimer.stop();
    applyEdit(p.start, p.oldEnd - p.start, p.newEnd - p.start);
}

void NoteEditor::recheckAll()
{
    m_pending.reset();
    m_pendingTimer.stop();
    m_text = document()->toPlainText();
    m_check->reset(m_text);
    findingsReplaced();
}

void NoteEditor::rehighlightRange(qsizetype start, qsizetype end)
{
    for (QTextBlock b = document()->findBlock(int(start)); b.isValid() && b.position() <= end; b = b.next())
        m_highlighter->rehighlightBlock(b);
}

qsizetype NoteEditor::characterAt(const QPoint &viewportPos) const
{
    const QTextCursor c = cursorForPosition(viewportPos);
    const QRect r = cursorRect(c);
    if (viewportPos.y() < r.top() || viewportPos.y() > r.bottom())
        return -1;
    // cursorForPosition gives the nearest gap between characters; left of it is the one before.
    return viewportPos.x() < r.x() ? c.position() - 1 : c.position();
}

bool NoteEditor::viewportEvent(QEvent *event)
{
    if (event->type() == QEvent::ToolTip) {
        flushPendingCheck();
        auto *help = static_cast<QHelpEvent *>(event);
        const QString tip = toolTipAt(characterAt(help->pos()));
        if (tip.isEmpty()) {
            QToolTip::hideText();
            event->ignore();
        } else {
            QToolTip::showText(help->globalPos(), tip, viewport());
        }
        return true;
    }
    return QPlainTextEdit::viewportEvent(event);
}

QMenu *NoteEditor::createContextMenu(const QPoint &viewportPos, bool fromMouse)
{
    flushPendingCheck();
    QMenu *menu = createStandardContextMenu(viewportPos);
    const qsizetype at = fromMouse ? characterAt(viewportPos) : textCursor().position();
    std::optional<Finding> wording = visibleAt(at, false);
    std::optional<Finding> spelling = visibleAt(at, true);
    if (!fromMouse && !wording && !spelling) {
        if (auto f = findingAtCursor())
            (isSpelling(*f) ? spelling : wording) = std::move(f);
    }
    QAction *first = menu->actions().value(0);
    if (spelling)
        insertSpellingActions(menu, first, *spelling);
    if (wording) {
        // Put the cursor on the finding so the actions (which act on the finding at the cursor)
        // apply to the one under the mouse.
        const QTextCursor c = textCursor();
        if (!(c.selectionStart() <= wording->offset && wording->offset + wording->length <= c.selectionEnd()))
            selectFinding(*wording);
        insertWordingActions(menu, first, *wording);
        if (!m_findingActions.isEmpty()) {
            menu->insertActions(first, m_findingActions);
            menu->insertSeparator(first);
        }
    }
    return menu;
}

namespace {
// A menu item's text shows '&' as a mnemonic marker: double it so the words show as written.
QString menuText(const QString &text, int maxChars) { return displayedWords(text, maxChars).replace(u'&', u"&&"_s); }
} // namespace

// A line of text at the top of a context menu, in the menu's own (not greyed) colour, wrapped in full
// rather than cut off: the finding's message and its question are read, not chosen.
static void insertMenuText(QMenu *menu, QAction *before, const QString &name, const QString &text, bool bold)
{
    auto *action = new QWidgetAction(menu);
    action->setObjectName(name);
    action->setText(text); // what screen readers and the tests read
    auto *label = new QLabel(text, menu);
    label->setTextFormat(Qt::PlainText);
    label->setWordWrap(true);
    label->setForegroundRole(QPalette::WindowText);
    label->setContentsMargins(10, 4, 10, 4);
    label->setAccessibleName(text);
    if (bold) {
        QFont f = label->font();
        f.setBold(true);
        label->setFont(f);
    }
    // As wide as the text needs, up to about 60 characters, then wrapped.
    const int widest = label->fontMetrics().averageCharWidth() * 60;
    label->setMinimumWidth(std::min(widest, label->fontMetrics().horizontalAdvance(text) + 24));
    label->setMaximumWidth(widest);
    action->setDefaultWidget(label);
    menu->insertAction(before, action);
}

// The finding's message as a heading and its question (text to read, in full), then the rule's
// alternatives: choosing one writes it in place of the flagged words and selects its first [blank]
// to fill in.
void NoteEditor::insertWordingActions(QMenu *menu, QAction *before, const Finding &found)
{
    const QString words = matchedText(found);
    insertMenuText(menu, before, u"wordingHeadingMenuAction"_s, u"%1: %2"_s.arg(severityWord(found.severity), found.message), true);
    if (!found.question.isEmpty())
        insertMenuText(menu, before, u"wordingQuestionMenuAction"_s, tr("Question to answer: %1").arg(found.question), false);
    for (const QString &suggestion : found.suggestions) {
        auto *replace = new QAction(menuText(suggestion, 90), menu);
        replace->setObjectName(u"wordingSuggestionMenuAction"_s);
        QFont bold = replace->font();
        bold.setBold(true);
        replace->setFont(bold);
        replace->setToolTip(suggestion.contains(u'[')
                                ? tr("Write “%1” instead of “%2”, then fill in the parts in [brackets]").arg(suggestion, words)
                                : tr("Write “%1” instead of “%2”").arg(suggestion, words));
        connect(replace, &QAction::triggered, this, [this, found, suggestion, words] {
            // Written where the flagged words were, with their capital when they began with one (the
            // start of a sentence): "Arsonist seen…" becomes "Convicted of arson…", not "convicted…".
            QString written = suggestion;
            if (!words.isEmpty() && words.front().isUpper() && !written.isEmpty() && written.front().isLower())
                written[0] = written.front().toUpper();
            replaceWords(found, written);
            selectFirstBlank(found.offset, written);
        });
        menu->insertAction(before, replace);
    }
    auto *guide = new QAction(tr("Why? Read more in the good-practice guide"), menu);
    guide->setObjectName(u"wordingGuideMenuAction"_s);
    connect(guide, &QAction::triggered, this, [id = found.ruleId] { QDesktopServices::openUrl(guideUrl(guide::ruleAnchor(id))); });
    menu->insertAction(before, guide);
    menu->setToolTipsVisible(true);
    menu->insertSeparator(before);
}

// After writing an alternative at `offset`: select its first "[…]" so typing fills it in.
void NoteEditor::selectFirstBlank(qsizetype offset, const QString &written)
{
    const qsizetype open = written.indexOf(u'[');
    const qsizetype close = open < 0 ? -1 : written.indexOf(u']', open);
    if (close < 0)
        return;
    QTextCursor c(document());
    c.setPosition(int(offset + open));
    c.setPosition(int(offset + close + 1), QTextCursor::KeepAnchor);
    setTextCursor(c);
}

// The suggestions first (bold, as a spell checker's menu usually has them), then the two choices.
// The actions hold the finding itself, so they act on this word wherever the cursor is.
void NoteEditor::insertSpellingActions(QMenu *menu, QAction *before, const Finding &found)
{
    const QString word = matchedText(found);
    const Finding f = m_suggestions->complete(found, word);
    auto *heading = new QAction(displayedWords(f.message, 70), menu);
    heading->setEnabled(false);
    menu->insertAction(before, heading);
    // A possible name: most often it is one, so adding it comes first; a correction is still offered.
    const bool name = isPossibleName(f);
    if (name) {
        auto *asName = new QAction(tr("Add “%1” as a name").arg(displayedWords(word, 40)), menu);
        asName->setObjectName(u"addAsNameMenuAction"_s);
        QFont bold = asName->font();
        bold.setBold(true);
        asName->setFont(bold);
        asName->setToolTip(tr("Never mark “%1” again, in any note (Settings › Spelling lists your words)").arg(word));
        connect(asName, &QAction::triggered, this, [this, word] { addToDictionaryOrSay(word); });
        menu->insertAction(before, asName);
        if (!f.suggestions.isEmpty()) {
            auto *orCorrect = new QAction(tr("Or, if it is misspelt:"), menu);
            orCorrect->setEnabled(false);
            menu->insertAction(before, orCorrect);
        }
    } else if (f.suggestions.isEmpty()) {
        auto *none = new QAction(tr("No suggestions"), menu);
        none->setEnabled(false);
        menu->insertAction(before, none);
    }
    for (const QString &suggestion : f.suggestions) {
        auto *replace = new QAction(suggestion, menu);
        QFont bold = replace->font();
        bold.setBold(!name); // for a possible name, the name is the likely answer
        replace->setFont(bold);
        replace->setToolTip(tr("Write “%1” instead of “%2”").arg(suggestion, word));
        connect(replace, &QAction::triggered, this, [this, found, suggestion] { replaceWords(found, suggestion); });
        menu->insertAction(before, replace);
    }
    menu->insertSeparator(before);
    auto *ignore = new QAction(tr("Ignore once"), menu);
    ignore->setObjectName(u"ignoreSpellingOnceMenuAction"_s);
    ignore->setToolTip(tr("Stop marking this one “%1” until it is changed").arg(word));
    connect(ignore, &QAction::triggered, this, [this, found] { m_filter->ignoreOnce(found, this); });
    if (!name) {
        auto *add = new QAction(tr("Add to dictionary"), menu);
        add->setObjectName(u"addToDictionaryMenuAction"_s);
        add->setToolTip(tr("Never mark “%1” as misspelt again, in any note (Settings › Spelling lists your words)").arg(word));
        connect(add, &QAction::triggered, this, [this, word] { addToDictionaryOrSay(word); });
        menu->insertAction(before, add);
    }
    menu->insertAction(before, ignore);
    auto *guide = new QAction(tr("Why? Read more in the good-practice guide"), menu);
    guide->setObjectName(u"wordingGuideMenuAction"_s);
    connect(guide, &QAction::triggered, this, [id = found.ruleId] { QDesktopServices::openUrl(guideUrl(guide::ruleAnchor(id))); });
    menu->insertAction(before, guide);
    menu->setToolTipsVisible(true);
    menu->insertSeparator(before);
}

void NoteEditor::contextMenuEvent(QContextMenuEvent *event)
{
    std::unique_ptr<QMenu> menu(createContextMenu(event->pos(), event->reason() == QContextMenuEvent::Mouse));
    menu->exec(event->globalPos());
}

void NoteEditor::changeEvent(QEvent *event)
{
    QPlainTextEdit::changeEvent(event);
    if (event->type() == QEvent::PaletteChange) {
        m_highlighter->setPalette(palette());
        m_highlighter->rehighlight();
    }
}

} // namespace fairnote::ui
