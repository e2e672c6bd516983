// SPDX-FileCopyrightText: 2026 Fairnote contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// A line-based reader for the guide's Markdown subset.
#include "guide/markdown.h"

#include <QRegularExpression>

using namespace Qt::StringLiterals;

namespace fairnote::guide {

MarkdownPage parseMarkdown(const QString &text)
{
    MarkdownPage page;
    std::vector<Block> *blocks = &page.intro;
    QString paragraph;
    Block list;
    QString quote;
    static const QRegularExpression numbered(u"^\\d+\\.\\s+"_s);

    auto flush = [&] {
        if (!paragraph.isEmpty())
            blocks->push_back(block(Block::Paragraph, {}, {paragraph.simplified(), true}));
        if (!list.items.empty())
            blocks->push_back(std::move(list));
        if (!quote.isEmpty())
            blocks->push_back(block(Block::Quote, {}, {quote.simplified(), true}));
        paragraph.clear();
        list = Block();
        quote.clear();
    };
    for (const QString &raw : text.split(u'\n')) {
        const QString line = raw.trimmed();
        if (line.isEmpty()) {
            flush();
            continue;
        }
        if (line.startsWith(u"# "_s)) {
            flush();
            page.title = line.mid(2).trimmed();
        } else if (line.startsWith(u"## "_s)) {
            flush();
            page.parts.push_back({line.mid(3).trimmed(), {}});
            blocks = &page.parts.back().blocks;
        } else if (line.startsWith(u"- "_s) || line.startsWith(u"* "_s)) {
            if (!paragraph.isEmpty() || !quote.isEmpty() || (!list.items.empty() && list.kind != Block::Bullets))
                flush();
            list.kind = Block::Bullets;
            list.items.push_back({line.mid(2).trimmed(), true});
        } else if (const auto m = numbered.match(line); m.hasMatch()) {
            if (!paragraph.isEmpty() || !quote.isEmpty() || (!list.items.empty() && list.kind != Block::Numbered))
                flush();
            list.kind = Block::Numbered;
            list.items.push_back({line.mid(m.capturedLength()).trimmed(), true});
        } else if (line.startsWith(u'>')) {
            if (!paragraph.isEmpty() || !list.items.empty())
                flush();
            quote += u' ' + line.mid(1).trimmed();
        } else if (!list.items.empty() && raw.startsWith(u"  "_s)) {
            list.items.back().text += u' ' + line; // a list item continued on the next line
        } else {
            if (!list.items.empty() || !quote.isEmpty())
                flush();
            paragraph += u' ' + line;
        }
    }
    flush();
    return page;
}

QString inlineHtml(const QString &markdown)
{
    QString out;
    const QString s = markdown;
    bool em = false, strong = false;
    for (qsizetype i = 0; i < s.size(); ++i) {
        const QChar c = s[i];
        if (c == u'*' && i + 1 < s.size() && s[i + 1] == u'*') {
            out += strong ? u"</strong>"_s : u"<strong>"_s;
            strong = !strong;
            ++i;
        } else if (c == u'*' && (em || (i + 1 < s.size() && !s[i + 1].isSpace()))) {
            out += em ? u"</em>"_s : u"<em>"_s;
            em = !em;
        } else if (c == u'[') {
            // [text](url): a link; anything else in brackets stays as written ("[date]").
            const qsizetype close = s.indexOf(u']', i);
            if (close > i && close + 1 < s.size() && s[close + 1] == u'(') {
                const qsizetype end = s.indexOf(u')', close);
                if (end > close) {
                    const QString url = s.mid(close + 2, end - close - 2);
                    out += u"<a href=\"%1\">%2</a>"_s.arg(url.toHtmlEscaped(), s.mid(i + 1, close - i - 1).toHtmlEscaped());
                    i = end;
                    continue;
                }
            }
            out += c;
        } else {
            out += QString(c).toHtmlEscaped();
        }
    }
    if (em)
        out += u"</em>"_s;
    if (strong)
        out += u"</strong>"_s;
    return out;
}

} // namespace fairnote::guide
