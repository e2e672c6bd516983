// SPDX-FileCopyrightText: 2026 Fairnote contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// InputPolicy: the app's one policy for how input reaches an answer, installed once on the QApplication
// by every window of the app:
// - the mouse wheel never changes a choice, a number or a date: over a combo box or a spin box it
//   scrolls whatever holds them (the form), as if the pointer were over the page. A value changes only
//   when the worker operates the control itself (click, keyboard, typing); those controls take the
//   focus by click or Tab, never by the wheel;
// - every label's Alt+letter reaches its field when a window is shown (see connectLabelBuddies()).
#pragma once

#include <QObject>

class QWidget;

namespace fairnote::ui {

class InputPolicy : public QObject
{
    Q_OBJECT

public:
    // Installs the policy on the application (once; later calls do nothing).
    static void install();
    // The input a wheel event over `widget` would change (a QComboBox or QAbstractSpinBox, or the line
    // edit inside a spin box), or null.
    static QWidget *guardedInput(QWidget *widget);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    using QObject::QObject;
};

} // namespace fairnote::ui
