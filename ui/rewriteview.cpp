// SPDX-FileCopyrightText: 2026 Fairnote contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// The rewrite view: the case, the guided incident form and its questions and wording.
#include "rewriteview.h"

#include "recordeditor.h"
#include "recordpanel.h"

#include <QLocale>
#include <QSplitter>
#include <QTextBrowser>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;
using namespace fairnote::training;

namespace fairnote::ui {

namespace {

record::Entry blankEntry(const Exercise &e)
{
    record::Entry entry;
    entry.id = e.id;
    entry.writtenAt = e.writtenAt;
    entry.author = {u"Learner"_s, u"Learner"_s, QString()};
    entry.body = record::IncidentRecord{};
    return entry;
}

} // namespace

QString RewriteView::caseHtml(const Exercise &e)
{
    const QLocale uk(QLocale::English, QLocale::UnitedKingdom);
    QString html = u"<h3>%1</h3>"_s.arg(tr("The note").toHtmlEscaped());
    html += u"<p>%1</p>"_s.arg(tr("About %1, as it was found in the file:").arg(e.person.name).toHtmlEscaped());
    html += u"<table cellpadding=\"8\" width=\"100%\"><tr><td bgcolor=\"%1\"><i>%2</i></td></tr></table>"_s.arg(
        QPalette().color(QPalette::AlternateBase).name(), e.note.toHtmlEscaped().replace(u'\n', u"<br>"_s));
    html += u"<h3>%1</h3>"_s.arg(tr("What you know now").toHtmlEscaped());
    html += u"<p><b>%1</b></p>"_s.arg(
        tr("In the story it is %1.").arg(uk.toString(e.writtenAt.toUTC(), u"d MMMM yyyy, HH:mm"_s)).toHtmlEscaped());
    for (const QString &paragraph : e.brief.split(u"\n\n"_s, Qt::SkipEmptyParts))
        html += u"<p>%1</p>"_s.arg(paragraph.toHtmlEscaped().replace(u'\n', u"<br>"_s));
    return html;
}

RewriteView::RewriteView(const Exercise &exercise, std::shared_ptr<const Scorer> scorer, FindingFilter *filter, QWidget *parent)
    : AnswerView(parent), m_exercise(exercise)
{
    setAccessibleName(tr("Your incident record"));
    m_case = new QTextBrowser(this);
    m_case->setObjectName(u"caseText"_s);
    m_case->setAccessibleName(tr("The case: the note and what you know now"));
    m_case->setHtml(caseHtml(exercise));
    m_editor = new RecordEditor(scorer->sharedChecker(), filter, this);
    m_editor->setNames(QStringList{exercise.person.name} + exercise.person.otherNames);
    m_editor->setEntry(blankEntry(exercise));
    m_panel = new RecordPanel(m_editor, this);
    // Judged as of the story's "now", with the same data as the score.
    m_panel->setKeepsWrittenAt(true);
    m_panel->setContext(exercise.person, scorer->assessOptions());

    auto *left = new QSplitter(Qt::Vertical, this);
    left->addWidget(m_case);
    left->addWidget(m_panel);
    left->setStretchFactor(0, 3);
    left->setStretchFactor(1, 2);
    left->setChildrenCollapsible(false);
    auto *split = new QSplitter(Qt::Horizontal, this);
    split->addWidget(left);
    split->addWidget(m_editor);
    split->setStretchFactor(0, 2);
    split->setStretchFactor(1, 3);
    split->setChildrenCollapsible(false);
    // The case is read alongside the form: give it room for a line of a dozen words.
    const int caseWidth = fontMetrics().averageCharWidth() * 60;
    split->setSizes({caseWidth, caseWidth * 3 / 2});
    left->setSizes({fontMetrics().lineSpacing() * 16, fontMetrics().lineSpacing() * 12});
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(split);
    connect(m_editor, &RecordEditor::changed, this, &AnswerView::changed);
}

RewriteView::~RewriteView()
{
    // The panel watches the editor; let it go first.
    delete m_panel;
}

Answer RewriteView::answer() const
{
    Answer a;
    a.exerciseId = m_exercise.id;
    a.entry = m_editor->entry();
    return a;
}

void RewriteView::setAnswer(const Answer &answer)
{
    record::Entry entry = answer.entry.value_or(blankEntry(m_exercise));
    entry.id = m_exercise.id;
    entry.writtenAt = m_exercise.writtenAt;
    if (!entry.isIncident())
        entry.body = record::IncidentRecord{};
    m_editor->setEntry(entry);
    m_panel->refreshNow();
}

// The panel already shows every open question and finding as the learner types; the score and the
// side-by-side view carry the rest.
void RewriteView::showFeedback(const Feedback &) { m_panel->refreshNow(); }
void RewriteView::clearFeedback() {}

QWidget *RewriteView::firstFocus() const { return m_editor; }

} // namespace fairnote::ui
