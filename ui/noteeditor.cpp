// SPDX-FileCopyrightText: 2026 Fairnote contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// Live checking: document edits go to IncrementalCheck, then only the touched blocks are redrawn.
#include "noteeditor.h"

#include "findingfilter.h"
#include "findingformat.h"
#include "findinghighlighter.h"
#include "wording/checker.h"
#include "text/tokenizer.h"
#include "wording/incrementalcheck.h"

#include <QContextMenuEvent>
#include <QHelpEvent>
#include <QMenu>
#include <QTextBlock>
#include <QToolTip>
#include <cassert>

using namespace Qt::StringLiterals;

namespace fairnote::ui {

NoteEditor::NoteEditor(std::shared_ptr<const wording::Checker> checker, FindingFilter *filter, QWidget *parent)
    : QPlainTextEdit(parent),
      m_checker(std::move(checker)),
      m_check(std::make_unique<wording::IncrementalCheck>(m_checker)),
      m_filter(filter ? filter : new FindingFilter(nullptr, this))
{
    assert(m_checker);
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
    m_highlighter->setSource(m_check.get(), m_filter);
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
    m_checker = std::move(checker);
    m_check = std::make_unique<wording::IncrementalCheck>(m_checker);
    m_highlighter->setSource(m_check.get(), m_filter);
    recheckAll();
}

const wording::Checker &NoteEditor::checker() const { return *m_checker; }

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
        if (!m_filter->hides(f))
            out.push_back(f);
    return out;
}

int NoteEditor::hiddenCount() const
{
    return int(std::count_if(m_check->findings().begin(), m_check->findings().end(),
                             [this](const Finding &f) { return m_filter->hides(f); }));
}

std::optional<Finding> NoteEditor::findingAtCharacter(qsizetype position) const
{
    if (position < 0)
        return std::nullopt;
    const Finding *best = nullptr;
    for (const Finding &f : m_check->findingsIn(position, position + 1)) {
        if (f.offset <= position && position < f.offset + f.length && !m_filter->hides(f)
            && (!best || f.severity > best->severity))
            best = &f;
    }
    return best ? std::optional<Finding>(*best) : std::nullopt;
}

std::optional<Finding> NoteEditor::findingAtCursor() const
{
    const QTextCursor c = textCursor();
    if (c.hasSelection()) {
        const qsizetype start = c.selectionStart();
        const qsizetype end = c.selectionEnd();
        std::optional<Finding> overlapping;
        for (const Finding &f : m_check->findingsIn(start, end)) {
            if (m_filter->hides(f) || f.offset >= end || f.offset + f.length <= start)
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

QString NoteEditor::toolTipAt(qsizetype position) const
{
    const auto f = findingAtCharacter(position);
    return f ? findingToolTip(*f) : QString();
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
        m_filter->textEdited(0, oldSize, m_text.size());
        recheckAll();
        return;
    }
    m_filter->textEdited(position, removed, added);

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
    m_highlighter->rehighlight();
    emit findingsChanged();
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

void NoteEditor::contextMenuEvent(QContextMenuEvent *event)
{
    flushPendingCheck();
    std::unique_ptr<QMenu> menu(createStandardContextMenu(event->pos()));
    const qsizetype at = event->reason() == QContextMenuEvent::Mouse ? characterAt(event->pos()) : textCursor().position();
    std::optional<Finding> f = findingAtCharacter(at);
    if (!f && event->reason() != QContextMenuEvent::Mouse)
        f = findingAtCursor();
    if (f && !m_findingActions.isEmpty()) {
        // Put the cursor on the finding so the actions (which act on the finding at the cursor)
        // apply to the one under the mouse.
        const QTextCursor c = textCursor();
        if (!(c.selectionStart() <= f->offset && f->offset + f->length <= c.selectionEnd()))
            selectFinding(*f);
        QAction *first = menu->actions().value(0);
        menu->insertSection(first, u"%1: %2"_s.arg(severityWord(f->severity), displayedWords(f->message, 70)));
        menu->insertActions(first, m_findingActions);
        menu->insertSeparator(first);
    }
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
