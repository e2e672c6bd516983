// SPDX-FileCopyrightText: 2026 Fairnote contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// The wording guide, generated from the loaded rule pack so it always matches what is checked.
#include "wordingguidedialog.h"

#include "findingformat.h"
#include "wording/rulepack.h"

#include <QDialogButtonBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QTextBrowser>
#include <QVBoxLayout>
#include <map>

using namespace Qt::StringLiterals;

namespace fairnote::ui {

WordingGuideDialog::WordingGuideDialog(const wording::RulePack &pack, QWidget *parent) : QDialog(parent)
{
    setWindowTitle(tr("Wording guide"));

    m_find = new QLineEdit(this);
    m_find->setPlaceholderText(tr("Find a word in the guide"));
    m_find->setClearButtonEnabled(true);
    auto *findLabel = new QLabel(tr("&Find:"), this);
    findLabel->setBuddy(m_find);

    m_browser = new QTextBrowser(this);
    m_browser->setAccessibleName(tr("Wording guide"));
    m_browser->setOpenExternalLinks(true);
    m_browser->setHtml(guideHtml(pack));

    auto *findRow = new QHBoxLayout;
    findRow->addWidget(findLabel);
    findRow->addWidget(m_find, 1);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(findRow);
    layout->addWidget(m_browser, 1);
    layout->addWidget(buttons);
    resize(720, 640);

    connect(m_find, &QLineEdit::returnPressed, this, &WordingGuideDialog::findNext);
}

void WordingGuideDialog::findNext()
{
    if (m_find->text().isEmpty())
        return;
    if (!m_browser->find(m_find->text())) {
        m_browser->moveCursor(QTextCursor::Start); // wrap round
        m_browser->find(m_find->text());
    }
}

QString WordingGuideDialog::guideHtml(const wording::RulePack &pack)
{
    std::map<Category, std::vector<const wording::Rule *>> byCategory;
    for (const wording::Rule &r : pack.rules)
        byCategory[r.category].push_back(&r);

    QString html = u"<h2>%1</h2><p>%2</p>"_s.arg(
        tr("Wording guide").toHtmlEscaped(),
        tr("Every rule Fairnote checks with, grouped by what it is about. Each says why the wording can "
           "harm a fair record, what to write instead, and the published guidance it rests on.")
            .toHtmlEscaped());
    if (byCategory.empty())
        return html + u"<p>%1</p>"_s.arg(tr("The rules in use are empty.").toHtmlEscaped());

    html += u"<p>"_s;
    for (const auto &[category, rules] : byCategory)
        html += u"<a href=\"#%1\">%2</a> (%3)<br>"_s.arg(categoryId(category), categoryTitle(category).toHtmlEscaped())
                    .arg(rules.size());
    html += u"</p>"_s;

    for (const auto &[category, rules] : byCategory) {
        html += u"<h3><a name=\"%1\"></a>%2</h3>"_s.arg(categoryId(category), categoryTitle(category).toHtmlEscaped());
        for (const wording::Rule *r : rules) {
            html += u"<p><b>%1</b> — %2<br>"_s.arg(severityWord(r->severity).toHtmlEscaped(), r->message.toHtmlEscaped());
            html += u"<small>%1 %2</small></p>"_s.arg(tr("Looks for:").toHtmlEscaped(),
                                                     r->patterns.join(u", "_s).toHtmlEscaped());
            html += u"<p>%1 %2</p>"_s.arg(tr("Why:").toHtmlEscaped(), r->why.toHtmlEscaped());
            if (!r->alternatives.isEmpty()) {
                html += u"<p>%1</p><ul>"_s.arg(tr("Write instead:").toHtmlEscaped());
                for (const QString &a : r->alternatives)
                    html += u"<li>"_s + alternativeHtml(a) + u"</li>"_s;
                html += u"</ul>"_s;
            }
            if (!r->question.isEmpty())
                html += u"<p>%1 %2</p>"_s.arg(tr("Ask yourself:").toHtmlEscaped(), r->question.toHtmlEscaped());
            html += u"<p><small>%1 %2<br>%3</small></p><hr>"_s.arg(tr("Source:").toHtmlEscaped(),
                                                                   sourceHtml(r->source.display()),
                                                                   tr("Rule %1").arg(r->id).toHtmlEscaped());
        }
    }
    return html;
}

} // namespace fairnote::ui
