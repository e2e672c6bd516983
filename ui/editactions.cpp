// SPDX-FileCopyrightText: 2026 Fairnote contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// The Edit menu, acting on the focused text box.
#include "editactions.h"

#include <QAction>
#include <QApplication>
#include <QKeyEvent>
#include <QLineEdit>
#include <QMainWindow>
#include <QMenuBar>
#include <QPlainTextEdit>
#include <QTextEdit>

using namespace Qt::StringLiterals;

namespace fairnote::ui {

namespace {

bool readOnly(QWidget *w)
{
    if (auto *l = qobject_cast<QLineEdit *>(w))
        return l->isReadOnly();
    if (auto *p = qobject_cast<QPlainTextEdit *>(w))
        return p->isReadOnly();
    if (auto *t = qobject_cast<QTextEdit *>(w))
        return t->isReadOnly();
    return true;
}

QTextDocument *documentOf(QWidget *w)
{
    if (auto *p = qobject_cast<QPlainTextEdit *>(w))
        return p->document();
    if (auto *t = qobject_cast<QTextEdit *>(w))
        return t->document();
    return nullptr;
}

bool hasSelection(QWidget *w)
{
    if (auto *l = qobject_cast<QLineEdit *>(w))
        return l->hasSelectedText();
    if (auto *p = qobject_cast<QPlainTextEdit *>(w))
        return p->textCursor().hasSelection();
    if (auto *t = qobject_cast<QTextEdit *>(w))
        return t->textCursor().hasSelection();
    return false;
}

// Puts a word break into the undo history: a space or a punctuation mark typed is inserted as an edit
// block of its own, which QTextDocument never merges with the typing around it.
class WordUndo : public QObject
{
public:
    using QObject::QObject;

protected:
    bool eventFilter(QObject *watched, QEvent *event) override
    {
        if (event->type() != QEvent::KeyPress)
            return false;
        const auto *key = static_cast<QKeyEvent *>(event);
        const QString text = key->text();
        if (text.size() != 1 || (key->modifiers() & ~(Qt::ShiftModifier | Qt::KeypadModifier)))
            return false;
        // A space or a punctuation mark; never Tab or Enter, which keep their own meaning.
        const QChar c = text.front();
        if (c != u' ' && !c.isPunct())
            return false;
        auto *w = static_cast<QWidget *>(watched);
        if (readOnly(w))
            return false;
        QTextCursor cursor = qobject_cast<QPlainTextEdit *>(w) ? static_cast<QPlainTextEdit *>(w)->textCursor()
                                                                : static_cast<QTextEdit *>(w)->textCursor();
        cursor.beginEditBlock();
        cursor.insertText(text);
        cursor.endEditBlock();
        if (auto *p = qobject_cast<QPlainTextEdit *>(w))
            p->setTextCursor(cursor);
        else
            static_cast<QTextEdit *>(w)->setTextCursor(cursor);
        return true;
    }
};

} // namespace

QList<QKeySequence> EditActions::redoShortcuts()
{
    QList<QKeySequence> keys = QKeySequence::keyBindings(QKeySequence::Redo);
    for (const QKeySequence &k : {QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_Z), QKeySequence(Qt::CTRL | Qt::Key_Y)})
        if (!keys.contains(k))
            keys << k;
    return keys;
}

void EditActions::undoByWord(QWidget *edit)
{
    if (!edit || edit->property("fairnoteUndoByWord").toBool())
        return;
    edit->setProperty("fairnoteUndoByWord", true);
    edit->installEventFilter(new WordUndo(edit));
}

EditActions::EditActions(QMainWindow *window) : QObject(window), m_window(window)
{
    auto make = [this](const QString &text, const QString &name, const QList<QKeySequence> &keys, const char *slot) {
        auto *a = new QAction(text, m_window);
        a->setObjectName(name);
        a->setShortcuts(keys);
        a->setShortcutContext(Qt::WindowShortcut);
        a->setEnabled(false);
        m_window->addAction(a);
        connect(a, &QAction::triggered, this, [this, slot] {
            if (QWidget *w = target())
                QMetaObject::invokeMethod(w, slot);
            update();
        });
        return a;
    };
    m_undo = make(tr("&Undo"), u"undoAction"_s, QKeySequence::keyBindings(QKeySequence::Undo), "undo");
    m_redo = make(tr("&Redo"), u"redoAction"_s, redoShortcuts(), "redo");
    m_cut = make(tr("Cu&t"), u"cutAction"_s, QKeySequence::keyBindings(QKeySequence::Cut), "cut");
    m_copy = make(tr("&Copy"), u"copyAction"_s, QKeySequence::keyBindings(QKeySequence::Copy), "copy");
    m_paste = make(tr("&Paste"), u"pasteAction"_s, QKeySequence::keyBindings(QKeySequence::Paste), "paste");
    m_selectAll = make(tr("Select &All"), u"selectAllAction"_s, QKeySequence::keyBindings(QKeySequence::SelectAll), "selectAll");
    connect(qApp, &QApplication::focusChanged, this, [this](QWidget *, QWidget *now) {
        if (now && now->window() == m_window)
            follow(now);
    });
}

QMenu *EditActions::addMenu(QAction *find, QAction *before)
{
    auto *menu = new QMenu(tr("&Edit"), m_window);
    menu->addActions({m_undo, m_redo});
    menu->addSeparator();
    menu->addActions({m_cut, m_copy, m_paste});
    menu->addSeparator();
    menu->addAction(m_selectAll);
    if (find) {
        menu->addSeparator();
        menu->addAction(find);
    }
    connect(menu, &QMenu::aboutToShow, this, &EditActions::update);
    if (before)
        m_window->menuBar()->insertMenu(before, menu);
    else
        m_window->menuBar()->addMenu(menu);
    return menu;
}

QWidget *EditActions::target() const
{
    QWidget *w = m_focus;
    if (!w || w->window() != m_window)
        return nullptr;
    return qobject_cast<QLineEdit *>(w) || qobject_cast<QPlainTextEdit *>(w) || qobject_cast<QTextEdit *>(w) ? w : nullptr;
}

void EditActions::follow(QWidget *focus)
{
    for (const auto &c : std::as_const(m_connections))
        disconnect(c);
    m_connections.clear();
    m_focus = focus;
    if (auto *l = qobject_cast<QLineEdit *>(focus)) {
        m_connections << connect(l, &QLineEdit::textChanged, this, &EditActions::update)
                      << connect(l, &QLineEdit::selectionChanged, this, &EditActions::update);
    } else if (auto *p = qobject_cast<QPlainTextEdit *>(focus)) {
        m_connections << connect(p, &QPlainTextEdit::undoAvailable, this, &EditActions::update)
                      << connect(p, &QPlainTextEdit::redoAvailable, this, &EditActions::update)
                      << connect(p, &QPlainTextEdit::copyAvailable, this, &EditActions::update);
    } else if (auto *t = qobject_cast<QTextEdit *>(focus)) {
        m_connections << connect(t, &QTextEdit::undoAvailable, this, &EditActions::update)
                      << connect(t, &QTextEdit::redoAvailable, this, &EditActions::update)
                      << connect(t, &QTextEdit::copyAvailable, this, &EditActions::update);
    }
    update();
}

void EditActions::update()
{
    QWidget *w = target();
    const bool editable = w && !readOnly(w);
    QTextDocument *doc = w ? documentOf(w) : nullptr;
    auto *line = qobject_cast<QLineEdit *>(w);
    m_undo->setEnabled(editable && (line ? line->isUndoAvailable() : doc && doc->isUndoAvailable()));
    m_redo->setEnabled(editable && (line ? line->isRedoAvailable() : doc && doc->isRedoAvailable()));
    m_cut->setEnabled(editable && hasSelection(w));
    m_copy->setEnabled(w && hasSelection(w));
    m_paste->setEnabled(editable);
    m_selectAll->setEnabled(w != nullptr);
}

} // namespace fairnote::ui
