// SPDX-FileCopyrightText: 2026 Fairnote contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// GuideDocument: the good-practice guide as sections of simple blocks, before it is written out as
// HTML, Markdown or (through ui/render) PDF.
#pragma once

#include <QString>
#include <QStringList>
#include <utility>
#include <vector>

namespace fairnote::guide {

// Text is either plain (a rule's words, escaped as they are) or the community's Markdown (inline
// *emphasis*, **strong** and [links](https://…) only; see markdown.h).
struct Text
{
    Text() = default;
    Text(QString t, bool md = false) : text(std::move(t)), markdown(md) {}
    QString text;
    bool markdown = false;
};

struct Block
{
    enum Kind : quint8 {
        Paragraph,  // text
        Heading,    // text: a heading inside a section
        Bullets,    // items
        Numbered,   // items
        Quote,      // text
        Labelled,   // label: text ("Why it matters: …")
        Flagged,    // label, text with spans marked
        Rewrite,    // before (text) and after (detail)
        Definitions // pairs, a glossary: term, meaning
    };
    Kind kind = Paragraph;
    QString label;
    Text text;
    std::vector<Text> items;
    std::vector<std::pair<qsizetype, qsizetype>> spans; // Flagged: (offset, length) in text
    QString detail;                                       // Rewrite: the "after"; Labelled: a link target
    std::vector<std::pair<QString, QString>> pairs;       // Definitions
};

// Blocks and sections are made with these, so a caller names only what it sets.
inline Block block(Block::Kind kind, const QString &label = {}, const Text &text = {}, const QString &detail = {})
{
    Block b;
    b.kind = kind;
    b.label = label;
    b.text = text;
    b.detail = detail;
    return b;
}

struct Section
{
    QString id;     // the anchor: "why", "category-label", "rule-label.arsonist"
    int level = 2;  // 2 for a part of the guide, 3 for a rule
    QString title;
    QString badge;  // "Added by Elm House", shown beside the title (may be empty)
    bool newPage = false; // the PDF starts it on a new page
    bool inContents = true;
    std::vector<Block> blocks;
};

inline Section section(const QString &id, int level, const QString &title)
{
    Section s;
    s.id = id;
    s.level = level;
    s.title = title;
    return s;
}

struct GuideDocument
{
    QString title;      // "Recording fire-setting incidents fairly — a good-practice guide"
    QString edition;    // "Built-in edition" or "Elm House edition"
    QStringList about;  // lines under the title: version, date, authors
    std::vector<Section> sections;
};

} // namespace fairnote::guide
