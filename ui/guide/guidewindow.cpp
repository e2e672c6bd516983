// SPDX-FileCopyrightText: 2026 Fairnote contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// The guide window: core's guide as rich text in a browser with a search box, and the link handler.
#include "guidewindow.h"

#include "guide/guide.h"
#include "guide/render.h"

#include <QApplication>
#include <QDesktopServices>
#include <QPointer>
#include <QDialogButtonBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QTextBlock>
#include <QTextBrowser>
#include <QTextDocument>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace fairnote::ui {

namespace {
const QString kScheme = u"fairnote-guide"_s;
}

QUrl guideUrl(const QString &anchor)
{
    QUrl url;
    url.setScheme(kScheme);
    url.setPath(anchor);
    return url;
}

QString guideLinkHtml(const QString &ruleId)
{
    return u"<a href=\"%1\">%2</a>"_s.arg(guideUrl(guide::ruleAnchor(ruleId)).toString().toHtmlEscaped(),
                                        GuideWindow::tr("Read more in the good-practice guide").toHtmlEscaped());
}

GuideWindow::GuideWindow(std::shared_ptr<const wording::Checker> checker, const QString &organisationDir, QWidget *parent)
    : QDialog(parent)
{
    setWindowTitle(tr("Good-practice guide"));
    setObjectName(u"guideWindow"_s);

    m_find = new QLineEdit(this);
    m_find->setObjectName(u"guideFind"_s);
    m_find->setPlaceholderText(tr("Find words in the guide"));
    m_find->setClearButtonEnabled(true);
    auto *findLabel = new QLabel(tr("&Find:"), this);
    findLabel->setBuddy(m_find);
    auto *previous = new QPushButton(tr("&Previous"), this);
    auto *next = new QPushButton(tr("&Next"), this);
    m_status = new QLabel(this);
    m_status->setObjectName(u"guideFindStatus"_s);

    m_browser = new QTextBrowser(this);
    m_browser->setObjectName(u"guideBrowser"_s);
    m_browser->setAccessibleName(tr("Good-practice guide"));
    m_browser->setOpenExternalLinks(true);
    auto doc = guide::buildGuide(*checker, {0, organisationDir});
    if (doc)
        m_browser->setHtml(guide::toRichText(*doc, guide::RichTextUse::Screen));
    else
        m_browser->setPlainText(tr("The guide could not be made: %1").arg(doc.error()));
    for (QTextBlock b = m_browser->document()->begin(); b.isValid(); b = b.next())
        for (auto it = b.begin(); !it.atEnd(); ++it)
            for (const QString &name : it.fragment().charFormat().anchorNames())
                m_anchors.insert(name);

    auto *findRow = new QHBoxLayout;
    findRow->addWidget(findLabel);
    findRow->addWidget(m_find, 1);
    findRow->addWidget(previous);
    findRow->addWidget(next);
    findRow->addWidget(m_status);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(findRow);
    layout->addWidget(m_browser, 1);
    layout->addWidget(buttons);
    resize(820, 720);

    connect(m_find, &QLineEdit::returnPressed, this, [this] { findNext(false); });
    connect(next, &QPushButton::clicked, this, [this] { findNext(false); });
    connect(previous, &QPushButton::clicked, this, [this] { findNext(true); });
    connect(m_find, &QLineEdit::textChanged, this, [this] { m_status->clear(); });
}

bool GuideWindow::showSection(const QString &anchor)
{
    // QTextBrowser scrolls to a missing anchor silently; say so rather than stay put without a word.
    if (!m_anchors.contains(anchor)) {
        m_status->setText(tr("This rule is not in the guide for the rules in use."));
        return false;
    }
    m_browser->scrollToAnchor(anchor);
    m_status->clear();
    return true;
}

void GuideWindow::findNext(bool backwards)
{
    const QString words = m_find->text();
    if (words.isEmpty())
        return;
    int count = 0;
    for (QTextCursor c = m_browser->document()->find(words); !c.isNull(); c = m_browser->document()->find(words, c))
        ++count;
    if (count == 0) {
        m_status->setText(tr("Not found"));
        return;
    }
    QTextDocument::FindFlags flags;
    if (backwards)
        flags |= QTextDocument::FindBackward;
    if (!m_browser->find(words, flags)) {
        m_browser->moveCursor(backwards ? QTextCursor::End : QTextCursor::Start); // wrap round
        m_browser->find(words, flags);
    }
    m_status->setText(count == 1 ? tr("1 match") : tr("%1 matches").arg(count));
}

QString GuideWindow::findStatus() const { return m_status->text(); }

GuideLinks::GuideLinks(QObject *parent) : QObject(parent)
{
    QDesktopServices::setUrlHandler(kScheme, this, "openUrl");
}

GuideLinks::~GuideLinks() { QDesktopServices::unsetUrlHandler(kScheme); }

GuideLinks *guideLinks()
{
    static QPointer<GuideLinks> links;
    if (!links)
        links = new GuideLinks(QCoreApplication::instance());
    return links;
}

bool ownsActiveWindow(const QWidget *window)
{
    for (const QWidget *w = QApplication::activeWindow(); w; w = w->parentWidget())
        if (w == window)
            return true;
    return QApplication::activeWindow() == nullptr;
}

void GuideLinks::openUrl(const QUrl &url)
{
    if (url.scheme() == kScheme)
        emit sectionRequested(url.path());
}

} // namespace fairnote::ui
