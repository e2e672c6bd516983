// SPDX-FileCopyrightText: 2026 Fairnote contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// One exercise: what to do, the answer, the check, the feedback.
#include "exerciseview.h"

#include "io/atomicfile.h"
#include "comparisonview.h"
#include "feedbackview.h"
#include "rewriteview.h"
#include "sortview.h"
#include "spotview.h"

#include <QFileDialog>
#include <QHBoxLayout>
#include <QLabel>
#include <QMessageBox>
#include <QPushButton>
#include <QStandardPaths>
#include <QTabWidget>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;
using namespace fairnote::training;

namespace fairnote::ui {

ExerciseView::ExerciseView(const Exercise &exercise, std::shared_ptr<const Scorer> scorer, FindingFilter *filter, QWidget *parent)
    : QWidget(parent), m_exercise(exercise), m_scorer(std::move(scorer))
{
    setObjectName(u"exerciseView"_s);
    auto *title = new QLabel(exercise.title, this);
    title->setObjectName(u"exerciseTitle"_s);
    title->setTextFormat(Qt::PlainText);
    title->setWordWrap(true);
    QFont f = title->font();
    f.setBold(true);
    f.setPointSizeF(f.pointSizeF() * 1.3);
    title->setFont(f);
    auto *meta = new QLabel(tr("%1 · %2 · about %3 minutes%4")
                                .arg(typeTitle(exercise.type), levelTitle(exercise.level))
                                .arg(exercise.minutes)
                                .arg(exercise.builtIn ? QString() : tr(" · your organisation's exercise")),
                            this);
    auto *instructions = new QLabel(exercise.instructions, this);
    instructions->setObjectName(u"exerciseInstructions"_s);
    instructions->setWordWrap(true);
    instructions->setTextFormat(Qt::PlainText);
    instructions->setTextInteractionFlags(Qt::TextSelectableByMouse);

    switch (exercise.type) {
    case ExerciseType::Rewrite: m_answer = new RewriteView(exercise, m_scorer, filter, this); break;
    case ExerciseType::FactReportedOpinion: m_answer = new SortView(exercise, this); break;
    case ExerciseType::SpotTheProblem: m_answer = new SpotView(exercise, this); break;
    }
    m_feedback = new FeedbackView(this);
    m_tabs = new QTabWidget(this);
    m_tabs->setObjectName(u"exerciseTabs"_s);
    m_tabs->setAccessibleName(tr("Your answer and its feedback"));
    m_tabs->addTab(m_answer, tr("&Your answer"));
    m_tabs->addTab(m_feedback, tr("&Score and feedback"));
    if (exercise.type == ExerciseType::Rewrite) {
        m_comparison = new ComparisonView(this);
        m_tabs->addTab(m_comparison, tr("Model answer &side by side"));
    }
    for (int i = 1; i < m_tabs->count(); ++i)
        m_tabs->setTabEnabled(i, false);

    m_check = new QPushButton(tr("&Check my answer"), this);
    m_check->setObjectName(u"checkButton"_s);
    m_check->setToolTip(tr("Score your answer and see how the score was worked out (Ctrl+Enter)"));
    m_check->setDefault(true);
    m_again = new QPushButton(tr("Start a&gain"), this);
    m_again->setToolTip(tr("Clear your answer and the feedback"));
    m_save = new QPushButton(tr("Save for &discussion…"), this);
    m_save->setToolTip(tr("Save the feedback (and the comparison with the model answer) as a web page to talk over with your trainer"));
    m_save->setEnabled(false);
    m_status = new QLabel(this);
    m_status->setWordWrap(true);
    connect(m_check, &QPushButton::clicked, this, &ExerciseView::check);
    connect(m_again, &QPushButton::clicked, this, [this] {
        if (QMessageBox::question(this, tr("Start again?"), tr("Clear your answer and its feedback, and start this exercise again?"),
                                  QMessageBox::Yes | QMessageBox::No, QMessageBox::No)
            == QMessageBox::Yes)
            startAgain();
    });
    connect(m_save, &QPushButton::clicked, this, &ExerciseView::saveInteractively);
    connect(m_answer, &AnswerView::changed, this, [this] {
        m_answer->clearFeedback();
        if (m_last)
            m_status->setText(tr("You have changed your answer since it was checked. Check it again to see the new score."));
        emit answerChanged();
    });

    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_check);
    buttons->addWidget(m_again);
    buttons->addWidget(m_save);
    buttons->addWidget(m_status, 1);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(title);
    layout->addWidget(meta);
    layout->addWidget(instructions);
    layout->addWidget(m_tabs, 1);
    layout->addLayout(buttons);
}

void ExerciseView::showPage(Page page)
{
    const int index = page == Page::Answer ? 0 : page == Page::Feedback ? 1 : 2;
    if (index < m_tabs->count() && m_tabs->isTabEnabled(index))
        m_tabs->setCurrentIndex(index);
}

Feedback ExerciseView::check()
{
    Feedback fb = m_scorer->score(m_exercise, m_answer->answer());
    m_last = fb;
    m_answer->showFeedback(fb);
    m_feedback->setFeedback(m_exercise, fb);
    if (m_comparison)
        m_comparison->setComparison(fb);
    for (int i = 1; i < m_tabs->count(); ++i)
        m_tabs->setTabEnabled(i, true);
    m_save->setEnabled(true);
    m_status->setText(tr("Checked: %1.").arg(fb.score.summary()));
    // A sort shows its results beside each statement; the others on the feedback page.
    showPage(m_exercise.type == ExerciseType::FactReportedOpinion ? Page::Answer : Page::Feedback);
    emit checked(fb);
    return fb;
}

void ExerciseView::startAgain()
{
    Answer empty;
    empty.exerciseId = m_exercise.id;
    m_answer->setAnswer(empty);
    m_last.reset();
    m_feedback->clear();
    if (m_comparison)
        m_comparison->clear();
    for (int i = 1; i < m_tabs->count(); ++i)
        m_tabs->setTabEnabled(i, false);
    m_save->setEnabled(false);
    m_status->clear();
    showPage(Page::Answer);
    emit answerChanged();
}

bool ExerciseView::saveForDiscussion(const QString &path, QString *error) const
{
    if (!m_last) {
        if (error)
            *error = tr("There is no feedback to save yet: check your answer first.");
        return false;
    }
    QString html = u"<!DOCTYPE html><html lang=\"en-GB\"><head><meta charset=\"utf-8\"><title>%1</title></head><body>"_s.arg(
        m_exercise.title.toHtmlEscaped());
    html += u"<p><b>%1</b></p>"_s.arg(tr("Training — invented cases. Everyone in this exercise is made up.").toHtmlEscaped());
    html += u"<h1>%1</h1><h2>%2</h2>"_s.arg(m_exercise.title.toHtmlEscaped(), tr("Score: %1").arg(m_last->score.summary()).toHtmlEscaped());
    html += FeedbackView::html(m_exercise, *m_last, palette());
    if (m_exercise.type == ExerciseType::Rewrite)
        html += u"<h2>%1</h2>"_s.arg(tr("Your record beside the model answer").toHtmlEscaped())
                + ComparisonView::html(*m_last, false, palette());
    html += u"</body></html>\n"_s;
    if (const auto failed = io::writeFileAtomically(path, html.toUtf8())) {
        if (error)
            *error = failed->message();
        return false;
    }
    return true;
}

void ExerciseView::saveInteractively()
{
    const QString dir = QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation);
    QString path = QFileDialog::getSaveFileName(this, tr("Save for discussion"), dir + u'/' + m_exercise.id + u"-feedback.html"_s,
                                                tr("Web pages (*.html)"));
    if (path.isEmpty())
        return;
    if (!path.endsWith(u".html"_s, Qt::CaseInsensitive))
        path += u".html"_s;
    QString error;
    if (!saveForDiscussion(path, &error))
        QMessageBox::warning(this, tr("The feedback was not saved"), error);
    else
        m_status->setText(tr("Saved to %1.").arg(path));
}

} // namespace fairnote::ui
