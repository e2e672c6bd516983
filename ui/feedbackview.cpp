// SPDX-FileCopyrightText: 2026 Fairnote contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// The feedback: the score, how it was worked out, and what to take away.
#include "feedbackview.h"

#include "trainingformat.h"

#include "guide/guide.h"
#include "guide/guidewindow.h"

#include <QLabel>
#include <QTextBrowser>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;
using namespace fairnote::training;

namespace fairnote::ui {

namespace {

Outcome outcomeOf(ScoreLine::Outcome o)
{
    switch (o) {
    case ScoreLine::Outcome::Full: return Outcome::Right;
    case ScoreLine::Outcome::Partial: return Outcome::Partly;
    case ScoreLine::Outcome::None: return Outcome::Wrong;
    case ScoreLine::Outcome::Deduction: return Outcome::Deducted;
    case ScoreLine::Outcome::NoEffect: return Outcome::Info;
    }
    return Outcome::Info;
}

QString pointsText(const ScoreLine &l)
{
    switch (l.outcome) {
    case ScoreLine::Outcome::Deduction: return QObject::tr("%1 point(s)").arg(l.points).replace(u"(s)"_s, l.points == -1 ? QString() : u"s"_s);
    case ScoreLine::Outcome::NoEffect: return QObject::tr("no points");
    default: return QObject::tr("%1 of %2").arg(l.points).arg(l.max);
    }
}

QString esc(const QString &s) { return s.toHtmlEscaped(); }

} // namespace

FeedbackView::FeedbackView(QWidget *parent) : QWidget(parent)
{
    m_score = new QLabel(this);
    m_score->setObjectName(u"scoreLabel"_s);
    QFont f = m_score->font();
    f.setBold(true);
    f.setPointSizeF(f.pointSizeF() * 1.3);
    m_score->setFont(f);
    m_score->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    m_browser = new QTextBrowser(this);
    m_browser->setObjectName(u"feedbackText"_s);
    m_browser->setAccessibleName(tr("How your score was worked out"));
    m_browser->setOpenExternalLinks(true);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 4, 0, 0);
    layout->addWidget(m_score);
    layout->addWidget(m_browser, 1);
    clear();
}

void FeedbackView::clear()
{
    m_summary.clear();
    m_score->setText(tr("Not checked yet"));
    m_score->setAccessibleName(m_score->text());
    m_browser->setHtml(tr("<p>When you are ready, choose <b>Check my answer</b>. Your score will appear here with how it "
                          "was worked out, point by point.</p>"));
}

QString FeedbackView::summary() const { return m_summary; }

void FeedbackView::setFeedback(const Exercise &exercise, const Feedback &feedback)
{
    m_summary = feedback.score.summary();
    m_score->setText(tr("Your score: %1").arg(m_summary));
    m_score->setAccessibleName(m_score->text());
    m_browser->setHtml(html(exercise, feedback, palette()));
}

QString FeedbackView::html(const Exercise &exercise, const Feedback &feedback, const QPalette &palette)
{
    QString out;
    out += u"<p>%1</p>"_s.arg(esc(tr("How it was worked out, part by part. ✓ all the points for an item, ◐ some of them, "
                                     "✗ none yet, − points taken off, • no points either way.")));
    for (const ScorePart &p : feedback.score.parts) {
        const QString total = p.max > 0 ? tr("%1: %2 of %3").arg(p.title).arg(p.points).arg(p.max) : tr("%1: %2").arg(p.title).arg(p.points);
        out += u"<h3>%1</h3><p><i>%2</i></p>"_s.arg(esc(total), esc(p.rule));
        out += u"<table width=\"100%\" cellspacing=\"0\" cellpadding=\"4\">"_s;
        for (const ScoreLine &l : p.lines) {
            const Outcome o = outcomeOf(l.outcome);
            out += u"<tr><td valign=\"top\" width=\"12%\">%1 %2</td><td valign=\"top\"><b>%3</b><br>%4</td></tr>"_s.arg(
                outcomeHtml(o, palette), esc(pointsText(l)), esc(l.item), esc(l.why));
        }
        out += u"</table>"_s;
    }
    if (exercise.type == ExerciseType::SpotTheProblem && !feedback.targets.empty()) {
        out += u"<h3>%1</h3>"_s.arg(esc(tr("The problems in the note, and what to write instead")));
        for (const SpotTarget &t : feedback.targets) {
            out += u"<p><b>“%1”</b><br>%2"_s.arg(esc(t.words.simplified()), esc(t.why));
            if (!t.instead.isEmpty())
                out += u"<br><i>%1</i> %2"_s.arg(esc(tr("Instead:")), esc(t.instead));
            out += u"</p>"_s;
        }
    }
    if (!exercise.learningPoints.isEmpty()) {
        out += u"<h3>%1</h3><ul>"_s.arg(esc(tr("To take away")));
        for (const QString &l : exercise.learningPoints)
            out += u"<li>%1</li>"_s.arg(esc(l));
        out += u"</ul>"_s;
    }
    if (!exercise.expectedFindings.isEmpty()) {
        // The rules this exercise practises, each a link to its section of the good-practice guide.
        out += u"<h3>%1</h3><p>"_s.arg(esc(tr("In the good-practice guide")));
        QStringList links;
        for (const QString &id : exercise.expectedFindings)
            links << u"<a href=\"%1\">%2</a>"_s.arg(guideUrl(guide::ruleAnchor(id)).toString().toHtmlEscaped(), esc(id));
        out += links.join(u" · "_s) + u"</p>"_s;
    }
    return out;
}

} // namespace fairnote::ui
