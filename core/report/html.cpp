// SPDX-FileCopyrightText: 2026 Fairnote contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// The reports' HTML writer.
#include "report/html.h"

using namespace Qt::StringLiterals;

namespace fairnote::report {

namespace {
// Plain, printable, high-contrast; sizes in points so the PDF and the screen agree.
const QString kStyle = uR"(
body { font-family: "DejaVu Sans", "Liberation Sans", Arial, sans-serif; font-size: 10pt; color: #111; }
h1 { font-size: 17pt; margin-bottom: 6pt; }
h2 { font-size: 13pt; margin-top: 16pt; margin-bottom: 4pt; border-bottom: 1px solid #999; }
h3 { font-size: 11pt; margin-top: 10pt; margin-bottom: 3pt; }
p.note { color: #444; font-size: 9pt; }
table { border-collapse: collapse; margin-bottom: 6pt; }
th { text-align: left; vertical-align: top; background-color: #eeeeee; }
th.caption { font-size: 11pt; background-color: #dddddd; }
td { vertical-align: top; }
table.sources td { font-size: 8pt; }
blockquote { margin-left: 16pt; font-style: italic; }
.withheld { background-color: #222222; color: #ffffff; font-weight: bold; }
)"_s;
} // namespace

Html::Html(const QString &title) : m_title(title) {}

QString Html::escape(const QString &text)
{
    QString e = text.toHtmlEscaped();
    e.replace(u"\n"_s, u"<br>"_s);
    return e;
}

void Html::heading(int level, const QString &text) { m_body += u"<h%1>%2</h%1>\n"_s.arg(level).arg(escape(text)); }

void Html::paragraph(const QString &text, const QString &cls)
{
    m_body += (cls.isEmpty() ? u"<p>"_s : u"<p class=\"%1\">"_s.arg(cls)) + escape(text) + u"</p>\n"_s;
}

void Html::definitions(const std::vector<std::pair<QString, QString>> &pairs, const QString &caption)
{
    m_body += u"<table border=\"1\" cellspacing=\"0\" cellpadding=\"4\" width=\"100%\">\n"_s;
    if (!caption.isEmpty())
        m_body += u"<thead><tr><th colspan=\"2\" class=\"caption\">%1</th></tr></thead>\n"_s.arg(escape(caption));
    for (const auto &[label, value] : pairs)
        m_body += u"<tr><th width=\"28%\" scope=\"row\">%1</th><td>%2</td></tr>\n"_s.arg(escape(label), escape(value));
    m_body += u"</table>\n"_s;
}

void Html::table(const QStringList &headers, const std::vector<QStringList> &rows, const QString &cls)
{
    m_body += u"<table border=\"1\" cellspacing=\"0\" cellpadding=\"4\" width=\"100%\"%1>\n<thead><tr>"_s
                  .arg(cls.isEmpty() ? QString() : u" class=\"%1\""_s.arg(cls));
    for (const QString &h : headers)
        m_body += u"<th scope=\"col\">%1</th>"_s.arg(escape(h));
    m_body += u"</tr></thead>\n<tbody>\n"_s;
    for (const QStringList &row : rows) {
        m_body += u"<tr>"_s;
        for (const QString &cell : row)
            m_body += u"<td>%1</td>"_s.arg(escape(cell));
        m_body += u"</tr>\n"_s;
    }
    m_body += u"</tbody></table>\n"_s;
}

void Html::list(const QStringList &items)
{
    m_body += u"<ul>\n"_s;
    for (const QString &i : items)
        m_body += u"<li>%1</li>\n"_s.arg(escape(i));
    m_body += u"</ul>\n"_s;
}

void Html::quote(const QString &text)
{
    // Their words, in quotation marks once: marks they were recorded with are not doubled.
    static const QString marks = u"\"“”'‘’"_s;
    QString t = text.trimmed();
    while (!t.isEmpty() && marks.contains(t.front()))
        t.remove(0, 1);
    while (!t.isEmpty() && marks.contains(t.back()))
        t.chop(1);
    m_body += u"<blockquote>“%1”</blockquote>\n"_s.arg(escape(t));
}

void Html::withheld(const QString &text)
{
    m_body += u"<p><span class=\"withheld\">&nbsp;WITHHELD&nbsp;</span> %1</p>\n"_s.arg(escape(text));
}

QString Html::finish() const
{
    return u"<!DOCTYPE html>\n<html lang=\"en-GB\">\n<head>\n<meta charset=\"utf-8\">\n<title>%1</title>\n<style>%2</style>\n</head>\n<body>\n%3</body>\n</html>\n"_s
        .arg(m_title.toHtmlEscaped(), kStyle, m_body);
}

} // namespace fairnote::report
