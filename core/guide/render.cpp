// SPDX-FileCopyrightText: 2026 Fairnote contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// Writing a GuideDocument as HTML5, Markdown and Qt rich text.
#include "guide/render.h"

#include "guide/markdown.h"

using namespace Qt::StringLiterals;

namespace fairnote::guide {

namespace {

QString esc(const QString &s) { return s.toHtmlEscaped(); }

QString html(const Text &t) { return t.markdown ? inlineHtml(t.text) : esc(t.text); }

// The text with its spans wrapped in `open` … `close`.
QString marked(const QString &text, const std::vector<std::pair<qsizetype, qsizetype>> &spans, const QString &open,
               const QString &close, QString (*escape)(const QString &))
{
    QString out;
    qsizetype at = 0;
    auto sorted = spans;
    std::sort(sorted.begin(), sorted.end());
    for (const auto &[offset, length] : sorted) {
        if (offset < at)
            continue;
        out += escape(text.mid(at, offset - at)) + open + escape(text.mid(offset, length)) + close;
        at = offset + length;
    }
    return out + escape(text.mid(at));
}

QString link(const QString &url) { return u"<a href=\"%1\">%2</a>"_s.arg(esc(url), esc(url)); }

// ---- HTML5 -------------------------------------------------------------------------------------

const QString kWebStyle = uR"(
body { font-family: "DejaVu Sans", "Liberation Sans", Arial, sans-serif; font-size: 1rem; line-height: 1.5;
       color: #111; background: #fff; max-width: 46rem; margin: 0 auto; padding: 1rem; }
a { color: #0b4f8a; }
a:focus { outline: 3px solid #f5a623; }
.skip { position: absolute; left: -40rem; }
.skip:focus { position: static; }
header { border-bottom: 2px solid #333; margin-bottom: 1rem; }
h1 { font-size: 1.8rem; }
h2 { font-size: 1.4rem; margin-top: 2.2rem; border-bottom: 1px solid #999; }
h3 { font-size: 1.15rem; margin-top: 1.6rem; }
h4 { font-size: 1rem; }
.edition { font-size: 1.1rem; font-weight: bold; }
.badge { font-size: 0.85rem; font-weight: normal; background: #e6f0fa; border: 1px solid #0b4f8a;
         padding: 0 0.3rem; margin-left: 0.4rem; }
mark { background: #ffe98f; color: #111; font-weight: bold; }
article { border-left: 4px solid #ccc; padding-left: 0.8rem; margin-bottom: 1.2rem; }
.rewrite { background: #f4f4f4; padding: 0.2rem 0.8rem; }
.rule-id { font-size: 0.85rem; color: #444; }
dt { font-weight: bold; margin-top: 0.4rem; }
dd { margin-left: 1.2rem; }
blockquote { margin-left: 1rem; padding-left: 0.8rem; border-left: 3px solid #999; }
footer { border-top: 1px solid #999; margin-top: 2rem; font-size: 0.9rem; }
@media print { .skip, nav { display: none; } article { break-inside: avoid; } }
)"_s;

void htmlBlocks(const std::vector<Block> &blocks, int headingLevel, QString &out)
{
    for (const Block &b : blocks) {
        switch (b.kind) {
        case Block::Paragraph: out += u"<p>%1</p>\n"_s.arg(html(b.text)); break;
        case Block::Heading: out += u"<h%1>%2</h%1>\n"_s.arg(headingLevel).arg(html(b.text)); break;
        case Block::Quote: out += u"<blockquote><p>%1</p></blockquote>\n"_s.arg(html(b.text)); break;
        case Block::Bullets:
        case Block::Numbered: {
            if (!b.label.isEmpty())
                out += u"<p><strong>%1:</strong></p>\n"_s.arg(esc(b.label));
            const QString tag = b.kind == Block::Bullets ? u"ul"_s : u"ol"_s;
            out += u"<%1>\n"_s.arg(tag);
            for (const Text &i : b.items)
                out += u"<li>%1</li>\n"_s.arg(html(i));
            out += u"</%1>\n"_s.arg(tag);
            break;
        }
        case Block::Labelled:
            if (b.label == u"Rule")
                out += u"<p class=\"rule-id\">Rule: <code>%1</code></p>\n"_s.arg(esc(b.text.text));
            else
                out += u"<p><strong>%1:</strong> %2%3</p>\n"_s.arg(esc(b.label), html(b.text),
                                                               b.detail.isEmpty() ? QString() : u" "_s + link(b.detail));
            break;
        case Block::Flagged:
            out += u"<p><strong>%1:</strong> %2</p>\n"_s.arg(esc(b.label), marked(b.text.text, b.spans, u"<mark>"_s, u"</mark>"_s, esc));
            break;
        case Block::Rewrite:
            out += u"<div class=\"rewrite\">\n<p><strong>Before:</strong> %1</p>\n<p><strong>After:</strong> %2</p>\n</div>\n"_s
                       .arg(esc(b.text.text), esc(b.detail));
            break;
        case Block::Definitions:
            out += u"<dl>\n"_s;
            for (const auto &[term, meaning] : b.pairs)
                out += u"<dt>%1</dt>\n<dd>%2</dd>\n"_s.arg(esc(term), esc(meaning));
            out += u"</dl>\n"_s;
            break;
        }
    }
}

// ---- Markdown ----------------------------------------------------------------------------------

QString md(const QString &plain)
{
    QString out;
    for (const QChar c : plain) {
        if (c == u'*' || c == u'_' || c == u'`' || c == u'<' || c == u'\\')
            out += u'\\';
        out += c;
    }
    return out;
}

QString mdText(const Text &t) { return t.markdown ? t.text : md(t.text); }

void mdBlocks(const std::vector<Block> &blocks, int headingLevel, QString &out)
{
    for (const Block &b : blocks) {
        switch (b.kind) {
        case Block::Paragraph: out += mdText(b.text) + u"\n\n"_s; break;
        case Block::Heading: out += QString(headingLevel, u'#') + u' ' + mdText(b.text) + u"\n\n"_s; break;
        case Block::Quote: out += u"> "_s + mdText(b.text) + u"\n\n"_s; break;
        case Block::Bullets:
        case Block::Numbered: {
            if (!b.label.isEmpty())
                out += u"**%1:**\n\n"_s.arg(md(b.label));
            int n = 0;
            for (const Text &i : b.items)
                out += (b.kind == Block::Bullets ? u"- "_s : u"%1. "_s.arg(++n)) + mdText(i) + u'\n';
            out += u'\n';
            break;
        }
        case Block::Labelled:
            if (b.label == u"Rule")
                out += u"Rule: `%1`\n\n"_s.arg(b.text.text);
            else
                out += u"**%1:** %2%3\n\n"_s.arg(md(b.label), mdText(b.text), b.detail.isEmpty() ? QString() : u" <"_s + b.detail + u'>');
            break;
        case Block::Flagged:
            out += u"**%1:** %2\n\n"_s.arg(md(b.label), marked(b.text.text, b.spans, u"**"_s, u"**"_s, md));
            break;
        case Block::Rewrite: out += u"**Before:** %1\\\n**After:** %2\n\n"_s.arg(md(b.text.text), md(b.detail)); break;
        case Block::Definitions:
            for (const auto &[term, meaning] : b.pairs)
                out += u"- **%1**: %2\n"_s.arg(md(term), md(meaning));
            out += u'\n';
            break;
        }
    }
}

// ---- Qt rich text ------------------------------------------------------------------------------

const QString kRichStyle = uR"(
body { font-family: "DejaVu Sans", "Liberation Sans", Arial, sans-serif; font-size: 10pt; color: #111; }
h1 { font-size: 20pt; margin-bottom: 4pt; }
h2 { font-size: 15pt; margin-top: 14pt; margin-bottom: 4pt; }
h3 { font-size: 12pt; margin-top: 12pt; margin-bottom: 3pt; }
h4 { font-size: 10.5pt; margin-top: 8pt; margin-bottom: 2pt; }
p { margin-top: 2pt; margin-bottom: 4pt; }
.badge { font-size: 9pt; color: #0b4f8a; }
.ruleid { font-size: 8pt; color: #555555; }
.edition { font-size: 13pt; font-weight: bold; }
dt { font-weight: bold; margin-top: 3pt; }
blockquote { margin-left: 16pt; font-style: italic; }
)"_s;

QString richSpan(const QString &s) { return s.toHtmlEscaped(); }

void richBlocks(const std::vector<Block> &blocks, int headingLevel, QString &out)
{
    for (const Block &b : blocks) {
        switch (b.kind) {
        case Block::Labelled:
            if (b.label == u"Rule")
                out += u"<p class=\"ruleid\">Rule: %1</p>\n"_s.arg(esc(b.text.text));
            else
                out += u"<p><b>%1:</b> %2%3</p>\n"_s.arg(esc(b.label), html(b.text), b.detail.isEmpty() ? QString() : u" "_s + link(b.detail));
            break;
        case Block::Flagged:
            out += u"<p><b>%1:</b> %2</p>\n"_s.arg(
                esc(b.label), marked(b.text.text, b.spans, u"<span style=\"background-color:#ffe98f; font-weight:bold;\">"_s, u"</span>"_s, richSpan));
            break;
        case Block::Rewrite:
            out += u"<table width=\"100%\" cellpadding=\"4\" style=\"background-color:#f2f2f2;\"><tr><td><p><b>Before:</b> %1</p><p><b>After:</b> %2</p></td></tr></table>\n"_s
                       .arg(esc(b.text.text), esc(b.detail));
            break;
        default: {
            QString one;
            htmlBlocks({b}, headingLevel, one);
            out += one;
        }
        }
    }
}

} // namespace

QString toHtml(const GuideDocument &doc)
{
    QString out = u"<!DOCTYPE html>\n<html lang=\"en-GB\">\n<head>\n<meta charset=\"utf-8\">\n"
                  u"<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>%1 (%2)</title>\n"
                  u"<style>%3</style>\n</head>\n<body>\n<a class=\"skip\" href=\"#main\">Skip to the guide</a>\n"_s
                      .arg(esc(doc.title), esc(doc.edition), kWebStyle);
    out += u"<header>\n<h1>%1</h1>\n<p class=\"edition\">%2</p>\n"_s.arg(esc(doc.title), esc(doc.edition));
    for (const QString &line : doc.about)
        out += u"<p>%1</p>\n"_s.arg(esc(line));
    out += u"</header>\n<nav aria-labelledby=\"contents\">\n<h2 id=\"contents\">Contents</h2>\n<ol>\n"_s;
    for (const Section &s : doc.sections)
        if (s.inContents)
            out += u"<li><a href=\"#%1\">%2</a></li>\n"_s.arg(esc(s.id), esc(s.title));
    out += u"</ol>\n</nav>\n<main id=\"main\">\n"_s;
    bool sectionOpen = false;
    for (const Section &s : doc.sections) {
        const QString badge = s.badge.isEmpty() ? QString() : u" <span class=\"badge\">%1</span>"_s.arg(esc(s.badge));
        if (s.level <= 2) {
            if (sectionOpen)
                out += u"</section>\n"_s;
            out += u"<section aria-labelledby=\"%1\">\n<h2 id=\"%1\">%2%3</h2>\n"_s.arg(esc(s.id), esc(s.title), badge);
            sectionOpen = true;
            htmlBlocks(s.blocks, 3, out);
        } else {
            out += u"<article aria-labelledby=\"%1\">\n<h3 id=\"%1\">%2%3</h3>\n"_s.arg(esc(s.id), esc(s.title), badge);
            htmlBlocks(s.blocks, 4, out);
            out += u"</article>\n"_s;
        }
    }
    if (sectionOpen)
        out += u"</section>\n"_s;
    out += u"</main>\n<footer>\n<p>%1 — %2. Generated by Fairnote from the rule pack its wording check uses.</p>\n</footer>\n</body>\n</html>\n"_s
               .arg(esc(doc.title), esc(doc.edition));
    return out;
}

QString toMarkdown(const GuideDocument &doc)
{
    QString out = u"# %1\n\n**%2**\n\n"_s.arg(md(doc.title), md(doc.edition));
    for (const QString &line : doc.about)
        out += md(line) + u"\\\n"_s;
    if (!doc.about.isEmpty())
        out.chop(2), out += u"\n\n"_s;
    out += u"## Contents\n\n"_s;
    int n = 0;
    for (const Section &s : doc.sections)
        if (s.inContents)
            out += u"%1. [%2](#%3)\n"_s.arg(++n).arg(md(s.title), s.id);
    out += u'\n';
    for (const Section &s : doc.sections) {
        out += u"<a id=\"%1\"></a>\n\n%2 %3%4\n\n"_s.arg(s.id, QString(s.level, u'#'), md(s.title),
                                                        s.badge.isEmpty() ? QString() : u" *(%1)*"_s.arg(md(s.badge)));
        mdBlocks(s.blocks, s.level + 1, out);
    }
    return out;
}

QString toRichText(const GuideDocument &doc, RichTextUse use)
{
    const bool print = use == RichTextUse::Print;
    QString out = u"<html><head><meta charset=\"utf-8\"><title>%1</title><style>%2</style></head><body>\n"_s.arg(esc(doc.title), kRichStyle);
    out += u"<a name=\"top\"></a><h1>%1</h1>\n<p class=\"edition\">%2</p>\n"_s.arg(esc(doc.title), esc(doc.edition));
    for (const QString &line : doc.about)
        out += u"<p>%1</p>\n"_s.arg(esc(line));
    out += u"<h2>Contents</h2>\n"_s;
    if (print) {
        out += u"<table width=\"100%\" cellpadding=\"2\">\n"_s;
        for (const Section &s : doc.sections)
            if (s.inContents)
                out += u"<tr><td><a href=\"#%1\">%2</a></td><td align=\"right\">{{page:%1}}</td></tr>\n"_s.arg(esc(s.id), esc(s.title));
        out += u"</table>\n"_s;
    } else {
        out += u"<ul>\n"_s;
        for (const Section &s : doc.sections)
            if (s.inContents)
                out += u"<li><a href=\"#%1\">%2</a></li>\n"_s.arg(esc(s.id), esc(s.title));
        out += u"</ul>\n"_s;
    }
    bool first = true;
    for (const Section &s : doc.sections) {
        const bool breakBefore = print && (s.newPage || first);
        first = false;
        const QString style = breakBefore ? u" style=\"page-break-before: always;\""_s : QString();
        const QString badge = s.badge.isEmpty() ? QString() : u" <span class=\"badge\">— %1</span>"_s.arg(esc(s.badge));
        if (s.level >= 3 && !breakBefore)
            out += u"<hr>\n"_s; // a rule starts below a line, so each stands apart on the page
        out += u"<h%1%2><a name=\"%3\"></a>%4%5</h%1>\n"_s.arg(s.level).arg(style, esc(s.id), esc(s.title), badge);
        richBlocks(s.blocks, s.level + 1, out);
    }
    out += u"</body></html>\n"_s;
    return out;
}

} // namespace fairnote::guide
