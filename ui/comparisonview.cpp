// SPDX-FileCopyrightText: 2026 Fairnote contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// The side-by-side comparison with the model answer.
#include "comparisonview.h"

#include "trainingformat.h"

#include <QCheckBox>
#include <QLabel>
#include <QTextBrowser>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;
using namespace fairnote::training;

namespace fairnote::ui {

namespace {
QString esc(const QString &s) { return s.toHtmlEscaped().replace(u'\n', u"<br>"_s); }
} // namespace

QString ComparisonView::differentWord() { return tr("Different"); }

ComparisonView::ComparisonView(QWidget *parent) : QWidget(parent)
{
    m_only = new QCheckBox(tr("Show &only the fields that differ"), this);
    m_only->setChecked(true);
    m_browser = new QTextBrowser(this);
    m_browser->setObjectName(u"comparisonText"_s);
    m_browser->setAccessibleName(tr("Your record beside the model answer"));
    auto *legend = new QLabel(tr("A field that differs has an amber wash and “● Different” under its name; ★ marks the key "
                                 "fields that score points. In the narratives, words only in your record are "
                                 "<u>underlined</u> on amber, and words only in the model answer are <b><u>bold and "
                                 "underlined</u></b> on green."),
                              this);
    legend->setWordWrap(true);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 4, 0, 0);
    layout->addWidget(legend);
    layout->addWidget(m_only);
    layout->addWidget(m_browser, 1);
    connect(m_only, &QCheckBox::toggled, this, &ComparisonView::render);
    clear();
}

void ComparisonView::clear()
{
    m_has = false;
    m_feedback = {};
    m_browser->setHtml(tr("<p>Check your answer first: then your record and the model answer appear here side by side.</p>"));
}

void ComparisonView::setComparison(const Feedback &feedback)
{
    m_feedback = feedback;
    m_has = true;
    render();
}

void ComparisonView::render()
{
    if (m_has)
        m_browser->setHtml(html(m_feedback, m_only->isChecked(), palette()));
}

QString ComparisonView::html(const Feedback &feedback, bool onlyDifferences, const QPalette &p)
{
    const QString wash = differentWash(p), yours = yoursOnlyWash(p), model = modelOnlyWash(p), section = sectionWash(p),
                  dim = dimInk(p), ink = outcomeColour(Outcome::Partly, p).name();
    int differ = 0;
    for (const FieldComparison &c : feedback.comparison)
        differ += c.same ? 0 : 1;
    QString out;
    out += u"<p>%1</p>"_s.arg(
        (differ == 0 ? tr("Every field is the same as in the model answer.")
                     : differ == 1 ? tr("1 field is different from the model answer.")
                                   : tr("%1 fields are different from the model answer.").arg(differ))
            .toHtmlEscaped());
    out += u"<table width=\"100%\" cellspacing=\"0\" cellpadding=\"5\" border=\"0\">"_s;
    out += u"<tr><th align=\"left\" width=\"22%\">%1</th><th align=\"left\" width=\"39%\">%2</th><th align=\"left\" width=\"39%\">%3</th></tr>"_s
               .arg(tr("Field").toHtmlEscaped(), tr("Your record").toHtmlEscaped(), tr("Model answer").toHtmlEscaped());
    QString currentSection;
    for (const FieldComparison &c : feedback.comparison) {
        if (onlyDifferences && c.same)
            continue;
        if (c.section != currentSection) {
            currentSection = c.section;
            out += u"<tr><td colspan=\"3\" bgcolor=\"%1\"><b>%2</b></td></tr>"_s.arg(section, esc(c.section));
        }
        const QString open = c.same ? u"<td valign=\"top\">"_s : u"<td valign=\"top\" bgcolor=\"%1\">"_s.arg(wash);
        QString label = esc(c.label);
        if (c.key)
            label = u"★ "_s + label;
        if (!c.same)
            label = u"<b>%1</b><br><span style=\"color:%2\"><b>● %3</b></span>"_s.arg(label, ink, differentWord().toHtmlEscaped());
        QString mine, theirs;
        if (!c.diff.empty()) {
            for (const DiffPiece &piece : c.diff) {
                switch (piece.kind) {
                case DiffPiece::Kind::Same:
                    mine += esc(piece.text);
                    theirs += esc(piece.second);
                    break;
                case DiffPiece::Kind::OnlyFirst:
                    mine += u"<span style=\"background-color:%1\"><u>%2</u></span>"_s.arg(yours, esc(piece.text));
                    break;
                case DiffPiece::Kind::OnlySecond:
                    theirs += u"<span style=\"background-color:%1\"><b><u>%2</u></b></span>"_s.arg(model, esc(piece.text));
                    break;
                }
            }
        } else {
            mine = c.inYours ? esc(c.yours) : u"<i>%1</i>"_s.arg(tr("not in your record").toHtmlEscaped());
            theirs = c.inModel ? esc(c.model) : u"<i>%1</i>"_s.arg(tr("not in the model answer").toHtmlEscaped());
        }
        if (c.same) {
            mine = u"<span style=\"color:%1\">%2</span>"_s.arg(dim, mine);
            theirs = u"<span style=\"color:%1\">%2</span>"_s.arg(dim, theirs);
        }
        out += u"<tr>"_s + open + label + u"</td>"_s + open + mine + u"</td>"_s + open + theirs + u"</td></tr>"_s;
    }
    out += u"</table>"_s;
    const int same = int(feedback.comparison.size()) - differ;
    if (onlyDifferences && same > 0)
        out += u"<p style=\"color:%1\">%2</p>"_s.arg(
            dim, (same == 1 ? tr("1 field that is the same is hidden. Untick “Show only the fields that differ” to see it.")
                            : tr("%1 fields that are the same are hidden. Untick “Show only the fields that differ” to see them.").arg(same))
                     .toHtmlEscaped());
    return out;
}

} // namespace fairnote::ui
