// SPDX-FileCopyrightText: 2026 Fairnote contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// Html: a small writer of the reports' HTML — real headings, tables with header cells, lists and
// quotations, every text escaped — in the subset Qt's rich text understands, so the same document makes
// the HTML file, the preview in the app and the PDF.
#pragma once

#include <QString>
#include <QStringList>
#include <utility>
#include <vector>

namespace fairnote::report {

class Html
{
public:
    explicit Html(const QString &title);
    void heading(int level, const QString &text);
    // A paragraph; line breaks in `text` are kept. `cls` is a CSS class ("note").
    void paragraph(const QString &text, const QString &cls = {});
    // Label–value pairs as a two-column table with the labels as row headers. A caption is the table's
    // heading row: printed, it is repeated at the top of every page the table continues on, and Qt then
    // moves a row that does not fit to the next page instead of cutting it in two.
    void definitions(const std::vector<std::pair<QString, QString>> &pairs, const QString &caption = {});
    void table(const QStringList &headers, const std::vector<QStringList> &rows, const QString &cls = {});
    void list(const QStringList &items);
    // The person's own words, in quotation marks.
    void quote(const QString &text);
    // A visible marker for something withheld (redaction).
    void withheld(const QString &text);
    // Raw HTML the caller built (escaped already).
    void raw(const QString &html) { m_body += html; }
    QString finish() const;

    static QString escape(const QString &text); // escaped, with line breaks as <br>

private:
    QString m_title;
    QString m_body;
};

} // namespace fairnote::report
