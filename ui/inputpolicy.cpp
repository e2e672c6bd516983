// SPDX-FileCopyrightText: 2026 Fairnote contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// The wheel scrolls the form and never changes an answer; every mnemonic reaches its field.
#include "inputpolicy.h"

#include "taborder.h"

#include <QAbstractSpinBox>
#include <QApplication>
#include <QAbstractScrollArea>
#include <QComboBox>
#include <QScrollBar>
#include <QWheelEvent>

namespace fairnote::ui {

void InputPolicy::install()
{
    auto *app = qApp;
    if (!app || app->property("fairnoteInputPolicy").toBool())
        return;
    app->setProperty("fairnoteInputPolicy", true);
    app->installEventFilter(new InputPolicy(app));
}

QWidget *InputPolicy::guardedInput(QWidget *widget)
{
    if (!widget)
        return nullptr;
    auto isInput = [](QWidget *w) { return qobject_cast<QComboBox *>(w) || qobject_cast<QAbstractSpinBox *>(w); };
    if (isInput(widget))
        return widget;
    // A spin box's (or an editable combo box's) own line edit. A combo box's open list is a window of
    // its own and scrolls as usual.
    if (!widget->isWindow() && widget->parentWidget() && isInput(widget->parentWidget()))
        return widget->parentWidget();
    return nullptr;
}

bool InputPolicy::eventFilter(QObject *watched, QEvent *event)
{
    if (!watched->isWidgetType())
        return false;
    auto *widget = static_cast<QWidget *>(watched);
    if (event->type() == QEvent::Polish || event->type() == QEvent::Show) {
        // Focus by click or Tab only, never by the wheel (Qt's WheelFocus would focus on scrolling).
        if ((qobject_cast<QComboBox *>(widget) || qobject_cast<QAbstractSpinBox *>(widget)) && widget->focusPolicy() == Qt::WheelFocus)
            widget->setFocusPolicy(Qt::StrongFocus);
        if (event->type() == QEvent::Show && widget->isWindow())
            connectLabelBuddies(widget);
        return false;
    }
    if (event->type() != QEvent::Wheel)
        return false;
    QWidget *input = guardedInput(widget);
    if (!input)
        return false;
    auto *wheel = static_cast<QWheelEvent *>(event);
    // Hand the wheel to the nearest scroll area around the input that can scroll that way (the form,
    // or a table inside it). Qt does not pass a wheel event it did not receive from the system on to
    // parents, so it goes straight to that scroll area's bar.
    const bool horizontal = qAbs(wheel->angleDelta().x()) > qAbs(wheel->angleDelta().y());
    for (QWidget *w = input->parentWidget(); w && !w->isWindow(); w = w->parentWidget()) {
        auto *area = qobject_cast<QAbstractScrollArea *>(w);
        if (!area)
            continue;
        QScrollBar *bar = horizontal ? area->horizontalScrollBar() : area->verticalScrollBar();
        if (!bar || bar->minimum() == bar->maximum())
            continue;
        const QPointF at = bar->mapFromGlobal(wheel->globalPosition());
        QWheelEvent passed(at, wheel->globalPosition(), wheel->pixelDelta(), wheel->angleDelta(), wheel->buttons(),
                           wheel->modifiers(), wheel->phase(), wheel->inverted(), wheel->source());
        QCoreApplication::sendEvent(bar, &passed);
        break;
    }
    wheel->accept();
    return true; // the input itself never sees it
}

} // namespace fairnote::ui
