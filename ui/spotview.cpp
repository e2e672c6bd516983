// SPDX-FileCopyrightText: 2026 Fairnote contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// The spot-the-problem view: a read-only note, marks as extra selections, results as underlines.
#include "spotview.h"

#include "trainingformat.h"

#include <QAction>
#include <QHBoxLayout>
#include <QKeySequence>
#include <QLabel>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSplitter>
#include <QTextBlock>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;
using namespace fairnote::training;

namespace fairnote::ui {

QString SpotView::hintText()
{
    return tr("Select words in the note (with the mouse, or Shift and the arrow keys), then choose "
              "<b>Mark the selected words</b> (Ctrl+M).");
}

SpotView::SpotView(const Exercise &exercise, QWidget *parent) : AnswerView(parent), m_exercise(exercise)
{
    setAccessibleName(tr("The note to mark"));
    m_note = new QPlainTextEdit(this);
    m_note->setObjectName(u"spotNote"_s);
    m_note->setPlainText(exercise.note);
    m_note->setReadOnly(true);
    // Read-only, but the keyboard can still move a cursor and select (Shift with the arrow keys).
    m_note->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    m_note->setAccessibleName(tr("The note"));
    m_note->setAccessibleDescription(tr("Select the words you would change, then press Ctrl+M to mark them."));
    QFont f = m_note->font();
    f.setPointSizeF(f.pointSizeF() * 1.2);
    m_note->setFont(f);
    m_note->setContextMenuPolicy(Qt::ActionsContextMenu);

    m_hint = new QLabel(this);
    m_hint->setText(hintText());
    m_hint->setWordWrap(true);
    m_legend = new QLabel(spotLegend(), this);
    m_legend->setWordWrap(true);
    m_legend->hide();

    m_mark = new QPushButton(tr("&Mark the selected words"), this);
    m_mark->setObjectName(u"markButton"_s);
    m_mark->setToolTip(tr("Mark the words selected in the note (Ctrl+M)"));
    m_remove = new QPushButton(tr("&Remove mark"), this);
    m_remove->setToolTip(tr("Remove the mark chosen in the list, or the one at the cursor in the note (Delete)"));
    m_clear = new QPushButton(tr("C&lear all marks"), this);

    auto *markAction = new QAction(tr("Mark the selected words"), this);
    markAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_M));
    markAction->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    connect(markAction, &QAction::triggered, this, &SpotView::markSelection);
    addAction(markAction);
    m_note->addAction(markAction);
    auto *removeAction = new QAction(tr("Remove mark"), this);
    removeAction->setShortcut(QKeySequence::Delete);
    removeAction->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    connect(removeAction, &QAction::triggered, this, &SpotView::removeMark);
    addAction(removeAction);
    m_note->addAction(removeAction);
    connect(m_mark, &QPushButton::clicked, this, &SpotView::markSelection);
    connect(m_remove, &QPushButton::clicked, this, &SpotView::removeMark);
    connect(m_clear, &QPushButton::clicked, this, &SpotView::clearMarks);

    m_list = new QListWidget(this);
    m_list->setObjectName(u"markList"_s);
    m_list->setAccessibleName(tr("Your marks"));
    m_list->setWordWrap(true);
    auto *listLabel = new QLabel(tr("Your &marks"), this);
    listLabel->setBuddy(m_list);
    connect(m_list, &QListWidget::currentRowChanged, this, [this](int row) {
        if (row < 0 || row >= int(m_marks.size()))
            return;
        QTextCursor c(m_note->document());
        c.setPosition(int(m_marks[size_t(row)].offset));
        c.setPosition(int(m_marks[size_t(row)].offset + m_marks[size_t(row)].length), QTextCursor::KeepAnchor);
        m_note->setTextCursor(c);
    });

    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_mark);
    buttons->addWidget(m_remove);
    buttons->addWidget(m_clear);
    buttons->addStretch();

    auto *left = new QWidget(this);
    auto *leftLayout = new QVBoxLayout(left);
    leftLayout->setContentsMargins(0, 0, 0, 0);
    leftLayout->addWidget(m_hint);
    leftLayout->addWidget(m_note, 1);
    leftLayout->addWidget(m_legend);
    leftLayout->addLayout(buttons);
    auto *right = new QWidget(this);
    auto *rightLayout = new QVBoxLayout(right);
    rightLayout->setContentsMargins(0, 0, 0, 0);
    rightLayout->addWidget(listLabel);
    rightLayout->addWidget(m_list, 1);
    auto *split = new QSplitter(Qt::Horizontal, this);
    split->addWidget(left);
    split->addWidget(right);
    split->setStretchFactor(0, 3);
    split->setStretchFactor(1, 1);
    split->setChildrenCollapsible(false);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(split);
    setTabOrder(m_note, m_mark);
    setTabOrder(m_mark, m_remove);
    setTabOrder(m_remove, m_clear);
    setTabOrder(m_clear, m_list);
    refresh();
}

Answer SpotView::answer() const
{
    Answer a;
    a.exerciseId = m_exercise.id;
    a.marks = m_marks;
    return a;
}

void SpotView::setAnswer(const Answer &answer)
{
    m_marks.clear();
    for (const Mark &m : answer.marks)
        if (m.offset >= 0 && m.length > 0 && m.offset + m.length <= m_exercise.note.size())
            m_marks.push_back(m);
    std::sort(m_marks.begin(), m_marks.end(), [](const Mark &a, const Mark &b) { return a.offset < b.offset; });
    m_feedback.reset();
    refresh();
}

void SpotView::select(qsizetype offset, qsizetype length)
{
    QTextCursor c(m_note->document());
    c.setPosition(int(offset));
    c.setPosition(int(offset + length), QTextCursor::KeepAnchor);
    m_note->setTextCursor(c);
}

bool SpotView::markSelection()
{
    const QTextCursor c = m_note->textCursor();
    qsizetype start = c.selectionStart(), end = c.selectionEnd();
    const QString &note = m_exercise.note;
    // Leave out spaces at either end of the selection.
    while (start < end && note[start].isSpace())
        ++start;
    while (end > start && note[end - 1].isSpace())
        --end;
    if (end <= start) {
        m_hint->setText(tr("<b>Select some words first</b>, then mark them. With the keyboard: move to the first word, "
                           "then hold Shift and press the arrow keys."));
        return false;
    }
    // Merge with any mark it touches.
    std::vector<Mark> kept;
    for (const Mark &m : m_marks) {
        if (m.offset <= end && start <= m.offset + m.length) {
            start = std::min(start, m.offset);
            end = std::max(end, m.offset + m.length);
        } else {
            kept.push_back(m);
        }
    }
    kept.push_back({start, end - start});
    std::sort(kept.begin(), kept.end(), [](const Mark &a, const Mark &b) { return a.offset < b.offset; });
    m_marks = kept;
    m_feedback.reset();
    m_hint->setText(hintText());
    QTextCursor after = c;
    after.clearSelection();
    m_note->setTextCursor(after);
    refresh();
    emit changed();
    return true;
}

bool SpotView::removeMark()
{
    int index = m_list->hasFocus() || !m_note->hasFocus() ? m_list->currentRow() : -1;
    if (index < 0) {
        const qsizetype at = m_note->textCursor().position();
        for (size_t i = 0; i < m_marks.size(); ++i)
            if (at >= m_marks[i].offset && at <= m_marks[i].offset + m_marks[i].length)
                index = int(i);
    }
    if (index < 0 || index >= int(m_marks.size()))
        return false;
    m_marks.erase(m_marks.begin() + index);
    m_feedback.reset();
    refresh();
    emit changed();
    return true;
}

void SpotView::clearMarks()
{
    if (m_marks.empty())
        return;
    m_marks.clear();
    m_feedback.reset();
    refresh();
    emit changed();
}

void SpotView::showFeedback(const Feedback &feedback)
{
    m_feedback = feedback;
    refresh();
}

void SpotView::clearFeedback()
{
    m_feedback.reset();
    refresh();
}

QWidget *SpotView::firstFocus() const { return m_note; }

// Paints the marks (or, after checking, the problems and the marks on words that are fine) and
// rebuilds the list.
void SpotView::refresh()
{
    QList<QTextEdit::ExtraSelection> selections;
    auto add = [&](qsizetype offset, qsizetype length, const QTextCharFormat &format) {
        QTextEdit::ExtraSelection s;
        s.cursor = QTextCursor(m_note->document());
        s.cursor.setPosition(int(offset));
        s.cursor.setPosition(int(offset + length), QTextCursor::KeepAnchor);
        s.format = format;
        selections << s;
    };
    m_list->clear();
    if (m_feedback) {
        for (const MarkResult &m : m_feedback->marks)
            if (m.stray)
                add(m.mark.offset, m.mark.length, spotFormat(SpotState::Stray, palette()));
        for (const SpotTarget &t : m_feedback->targets) {
            const SpotState state = t.found == SpotTarget::Found::Whole    ? SpotState::Found
                                    : t.found == SpotTarget::Found::Partly ? SpotState::Partly
                                                                           : SpotState::Missed;
            add(t.offset, t.length, spotFormat(state, palette()));
        }
        for (const MarkResult &m : m_feedback->marks) {
            const QString text = m.stray ? tr("“%1”: fine as it is").arg(m.words) : tr("“%1”").arg(m.words);
            auto *item = new QListWidgetItem(m.stray ? outcomeSymbol(Outcome::Deducted) + u" "_s + text : text, m_list);
            item->setData(Qt::AccessibleTextRole, m.stray ? tr("Marked, but fine as it is: %1").arg(m.words) : m.words);
        }
    } else {
        for (const Mark &m : m_marks) {
            add(m.offset, m.length, markFormat(palette()));
            const QString words = m_exercise.note.mid(m.offset, m.length).simplified();
            auto *item = new QListWidgetItem(u"“%1”"_s.arg(words), m_list);
            item->setData(Qt::AccessibleTextRole, words);
        }
    }
    m_note->setExtraSelections(selections);
    m_legend->setVisible(m_feedback.has_value());
    m_remove->setEnabled(!m_marks.empty());
    m_clear->setEnabled(!m_marks.empty());
    if (m_marks.empty() && !m_feedback)
        new QListWidgetItem(tr("No marks yet"), m_list);
}

} // namespace fairnote::ui
