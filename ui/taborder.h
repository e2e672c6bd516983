// SPDX-FileCopyrightText: 2026 Fairnote contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// Keyboard follows the page: the focus chain of a form set from the order of its layouts (top to bottom,
// and left to right within a row), not from the order the widgets happened to be created in; and every
// label's Alt+letter reaching its field.
#pragma once

#include <QWidgetList>

class QWidget;

namespace fairnote::ui {

// The widgets Tab stops at inside `root`, in the order its layouts place them: every widget that takes
// focus by Tab and has no focus proxy, hidden ones included (Qt skips them), with the widgets of a
// scroll area's page, a stacked page and a table's cells in place.
QWidgetList layoutFocusOrder(QWidget *root);

// Sets the focus chain of `root`'s widgets to layoutFocusOrder(root). Call it again when the layout
// changes (a row added to a table).
void setTabOrderFromLayout(QWidget *root);

// Makes every label's mnemonic (Alt+letter) under `root` reach its field: QLabel gives the focus only to
// a buddy that takes focus itself, so a buddy that hands its focus to a part of it (a date with its
// precision, a date box with its calendar) is replaced by that part.
void connectLabelBuddies(QWidget *root);

} // namespace fairnote::ui
