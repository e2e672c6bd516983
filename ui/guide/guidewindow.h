// SPDX-FileCopyrightText: 2026 Fairnote contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// GuideWindow: the good-practice guide inside the app (generated from the rules in use, searchable),
// and GuideLinks: "fairnote-guide:" links from a finding's "why" or an exercise that open it at a section.
#pragma once

#include <QDialog>
#include <QSet>
#include <QUrl>
#include <memory>

class QLabel;
class QLineEdit;
class QTextBrowser;

namespace fairnote::wording {
class Checker;
}

namespace fairnote::ui {

// "fairnote-guide:rule-label.arsonist": a link to a section of the guide (guide::ruleAnchor() and
// guide::categoryAnchor() name the sections).
QUrl guideUrl(const QString &anchor);
// The link to a rule's section, as HTML: "Read more in the good-practice guide".
QString guideLinkHtml(const QString &ruleId);

class GuideWindow : public QDialog
{
    Q_OBJECT

public:
    GuideWindow(std::shared_ptr<const wording::Checker> checker, const QString &organisationDir, QWidget *parent = nullptr);

    // Scrolls to a section ("rule-label.arsonist", "category-label", "facts"); false when there is none.
    bool showSection(const QString &anchor);
    // Finds the next (or previous) place the words in the search box occur; says how many there are.
    void findNext(bool backwards = false);

    QTextBrowser *browser() const { return m_browser; }
    QLineEdit *findBox() const { return m_find; }
    QString findStatus() const;

private:
    QLineEdit *m_find;
    QLabel *m_status;
    QTextBrowser *m_browser;
    QSet<QString> m_anchors; // every section the guide has
};

// Receives "fairnote-guide:" links (registered with QDesktopServices while it lives) and asks for the
// section to be shown.
class GuideLinks : public QObject
{
    Q_OBJECT

public:
    explicit GuideLinks(QObject *parent = nullptr);
    ~GuideLinks() override;

public slots:
    void openUrl(const QUrl &url);

signals:
    void sectionRequested(const QString &anchor);
};

// The application's one GuideLinks (made on first use, owned by the application).
GuideLinks *guideLinks();
// True when the active window is `window` or one of its dialogs (or no window is active): the window
// that should answer a guide link.
bool ownsActiveWindow(const QWidget *window);

} // namespace fairnote::ui
