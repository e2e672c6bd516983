// SPDX-FileCopyrightText: 2026 Fairnote contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// The focus chain, from the layouts.
#include "taborder.h"

#include <QAbstractItemView>
#include <QAbstractScrollArea>
#include <QLabel>
#include <QLayout>
#include <QScrollArea>
#include <QSplitter>
#include <QTableWidget>
#include <QWidget>

namespace fairnote::ui {

namespace {

void collect(QWidget *w, QWidgetList &out);

void collectLayout(QLayout *layout, QWidgetList &out)
{
    for (int i = 0; i < layout->count(); ++i) {
        QLayoutItem *item = layout->itemAt(i);
        if (QWidget *w = item->widget())
            collect(w, out);
        else if (QLayout *inner = item->layout())
            collectLayout(inner, out);
    }
}

void collect(QWidget *w, QWidgetList &out)
{
    if (!w)
        return;
    const bool tabStop = (w->focusPolicy() & Qt::TabFocus) && !w->focusProxy();
    if (auto *scroll = qobject_cast<QScrollArea *>(w)) {
        if (tabStop)
            out << w;
        collect(scroll->widget(), out);
        return;
    }
    if (auto *table = qobject_cast<QTableWidget *>(w)) {
        if (tabStop)
            out << w;
        for (int row = 0; row < table->rowCount(); ++row)
            for (int column = 0; column < table->columnCount(); ++column)
                collect(table->cellWidget(row, column), out);
        return;
    }
    if (qobject_cast<QAbstractScrollArea *>(w)) { // text boxes, lists: one stop
        if (tabStop)
            out << w;
        return;
    }
    if (auto *splitter = qobject_cast<QSplitter *>(w)) {
        for (int i = 0; i < splitter->count(); ++i)
            collect(splitter->widget(i), out);
        return;
    }
    if (tabStop)
        out << w;
    if (w->layout())
        collectLayout(w->layout(), out);
}

} // namespace

QWidgetList layoutFocusOrder(QWidget *root)
{
    QWidgetList out;
    if (root && root->layout())
        collectLayout(root->layout(), out);
    else if (root)
        collect(root, out);
    return out;
}

void setTabOrderFromLayout(QWidget *root)
{
    const QWidgetList order = layoutFocusOrder(root);
    for (qsizetype i = 1; i < order.size(); ++i)
        QWidget::setTabOrder(order[i - 1], order[i]);
}

void connectLabelBuddies(QWidget *root)
{
    for (QLabel *label : root->findChildren<QLabel *>()) {
        QWidget *buddy = label->buddy();
        if (!buddy || buddy->focusPolicy() != Qt::NoFocus)
            continue;
        QWidget *target = buddy;
        while (target->focusProxy() && target->focusPolicy() == Qt::NoFocus)
            target = target->focusProxy();
        if (target != buddy)
            label->setBuddy(target);
    }
}

} // namespace fairnote::ui
