// SPDX-FileCopyrightText: 2026 Fairnote contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// The fact, reported or opinion view.
#include "sortview.h"

#include "trainingformat.h"

#include <QButtonGroup>
#include <QFrame>
#include <QHBoxLayout>
#include <QLabel>
#include <QRadioButton>
#include <QScrollArea>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;
using namespace fairnote::training;

namespace fairnote::ui {

namespace {
constexpr StatementKind kKinds[3] = {StatementKind::Fact, StatementKind::Reported, StatementKind::Opinion};
}

SortView::SortView(const Exercise &exercise, QWidget *parent) : AnswerView(parent), m_exercise(exercise)
{
    setAccessibleName(tr("Statements to sort"));
    auto *content = new QWidget;
    auto *list = new QVBoxLayout(content);
    list->setContentsMargins(4, 4, 4, 4);
    list->setSpacing(8);
    if (!exercise.context.isEmpty()) {
        auto *context = new QLabel(exercise.context, content);
        context->setWordWrap(true);
        context->setTextFormat(Qt::PlainText);
        QFont f = context->font();
        f.setItalic(true);
        context->setFont(f);
        list->addWidget(context);
    }
    int n = 0;
    for (const Statement &s : exercise.statements) {
        ++n;
        auto *frame = new QFrame(content);
        frame->setFrameShape(QFrame::StyledPanel);
        frame->setAccessibleName(tr("Statement %1").arg(n));
        auto *box = new QVBoxLayout(frame);
        box->setContentsMargins(10, 8, 10, 8);
        auto *text = new QLabel(u"<b>%1.</b> %2"_s.arg(n).arg(s.text.toHtmlEscaped()), frame);
        text->setWordWrap(true);
        text->setTextInteractionFlags(Qt::TextSelectableByMouse);
        box->addWidget(text);
        Row row;
        row.id = s.id;
        row.group = new QButtonGroup(frame);
        row.group->setExclusive(true);
        auto *choices = new QHBoxLayout;
        choices->setSpacing(18);
        for (int k = 0; k < 3; ++k) {
            auto *b = new QRadioButton(kindTitle(kKinds[k]), frame);
            b->setObjectName(u"statement-%1-%2"_s.arg(s.id, kindId(kKinds[k])));
            b->setAccessibleName(tr("Statement %1: %2").arg(n).arg(kindTitle(kKinds[k])));
            b->setAccessibleDescription(s.text);
            row.group->addButton(b, k);
            row.buttons[k] = b;
            choices->addWidget(b);
        }
        choices->addStretch();
        box->addLayout(choices);
        row.result = new QLabel(frame);
        row.result->setWordWrap(true);
        row.result->setTextInteractionFlags(Qt::TextSelectableByMouse);
        row.result->hide();
        box->addWidget(row.result);
        connect(row.group, &QButtonGroup::idClicked, this, &SortView::changed);
        m_rows.push_back(row);
        list->addWidget(frame);
    }
    list->addStretch();
    auto *scroll = new QScrollArea(this);
    scroll->setWidget(content);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    scroll->setFocusPolicy(Qt::NoFocus); // a container: the choices take the focus, and it scrolls to them
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(scroll);
    // Tab moves from one statement to the next; the arrow keys move between the three choices.
    QWidget *previous = nullptr;
    for (const Row &r : m_rows)
        for (QRadioButton *b : r.buttons) {
            if (previous)
                setTabOrder(previous, b);
            previous = b;
        }
}

Answer SortView::answer() const
{
    Answer a;
    a.exerciseId = m_exercise.id;
    for (const Row &r : m_rows)
        if (const int k = r.group->checkedId(); k >= 0)
            a.choices.insert(r.id, kKinds[k]);
    return a;
}

void SortView::setAnswer(const Answer &answer)
{
    for (Row &r : m_rows) {
        // Exclusive groups never let every button go unchecked; switch that off to clear one.
        r.group->setExclusive(false);
        for (int k = 0; k < 3; ++k)
            r.buttons[k]->setChecked(answer.choices.contains(r.id) && answer.choices.value(r.id) == kKinds[k]);
        r.group->setExclusive(true);
    }
    clearFeedback();
}

void SortView::showFeedback(const Feedback &feedback)
{
    for (size_t i = 0; i < m_rows.size() && i < feedback.statements.size(); ++i) {
        const StatementResult &r = feedback.statements[i];
        const Statement &s = m_exercise.statements[i];
        const QString answer = kindTitle(r.answer).toLower();
        QString text;
        if (r.correct)
            text = tr("Right: it is %1. %2").arg(answer, s.explanation);
        else if (!r.given)
            text = tr("Not answered: it is %1. %2").arg(answer, s.explanation);
        else
            text = tr("Not quite: it is %1 (you chose %2). %3").arg(answer, kindTitle(*r.given).toLower(), s.explanation);
        const Outcome outcome = r.correct ? Outcome::Right : Outcome::Wrong;
        m_rows[i].result->setText(outcomeHtml(outcome, palette()) + u" "_s + text.toHtmlEscaped());
        m_rows[i].result->setAccessibleName(text); // it starts with the outcome in words
        m_rows[i].result->show();
    }
}

void SortView::clearFeedback()
{
    for (Row &r : m_rows) {
        r.result->clear();
        r.result->hide();
    }
}

QWidget *SortView::firstFocus() const { return m_rows.empty() ? nullptr : m_rows.front().buttons[0]; }

QRadioButton *SortView::choice(int index, StatementKind kind) const
{
    if (index < 0 || index >= int(m_rows.size()))
        return nullptr;
    return m_rows[size_t(index)].buttons[int(kind)];
}

QString SortView::resultText(int index) const
{
    if (index < 0 || index >= int(m_rows.size()) || m_rows[size_t(index)].result->isHidden())
        return {};
    return m_rows[size_t(index)].result->accessibleName();
}

} // namespace fairnote::ui
