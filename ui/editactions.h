// SPDX-FileCopyrightText: 2026 Fairnote contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// EditActions: the Edit menu every window has — Undo, Redo (Ctrl+Shift+Z and Ctrl+Y), Cut, Copy, Paste,
// Select All and the window's Find — acting on whichever text box has the keyboard focus, and enabled
// only when they would do something there.
#pragma once

#include <QObject>
#include <QPointer>

class QAction;
class QMainWindow;
class QMenu;
class QWidget;

namespace fairnote::ui {

class EditActions : public QObject
{
    Q_OBJECT

public:
    // Makes the actions (added to `window`, so their shortcuts work anywhere in it).
    explicit EditActions(QMainWindow *window);
    // Adds "&Edit" to the window's menu bar after `before` (or at the end), with `find` at its foot.
    QMenu *addMenu(QAction *find, QAction *before = nullptr);

    QAction *undo() const { return m_undo; }
    QAction *redo() const { return m_redo; }
    QAction *cut() const { return m_cut; }
    QAction *copy() const { return m_copy; }
    QAction *paste() const { return m_paste; }
    QAction *selectAll() const { return m_selectAll; }

    // The shortcuts of Redo: the platform's, Ctrl+Shift+Z and Ctrl+Y, each once.
    static QList<QKeySequence> redoShortcuts();
    // Undoes in small steps: in `edit` (a QPlainTextEdit or QTextEdit) each word typed becomes its own
    // undo step, instead of a whole sentence typed without moving the cursor.
    static void undoByWord(QWidget *edit);

private:
    void follow(QWidget *focus);
    void update();
    QWidget *target() const;

    QMainWindow *m_window;
    QPointer<QWidget> m_focus;
    QList<QMetaObject::Connection> m_connections;
    QAction *m_undo, *m_redo, *m_cut, *m_copy, *m_paste, *m_selectAll;
};

} // namespace fairnote::ui
