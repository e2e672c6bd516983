// SPDX-FileCopyrightText: 2026 Fairnote contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// The small Markdown the guide's pages are written in (resources/guide/): headings, paragraphs, lists,
// quotations, and inline *emphasis*, **strong** and [links](https://…).
#pragma once

#include "guide/document.h"

namespace fairnote::guide {

struct MarkdownPage
{
    QString title;                   // the first "# " heading
    std::vector<Block> intro;        // blocks before the first "## "
    struct Part { QString title; std::vector<Block> blocks; };
    std::vector<Part> parts;         // each "## " heading and its blocks
};

MarkdownPage parseMarkdown(const QString &text);

// Inline Markdown as HTML: text escaped, *em*, **strong**, [text](url).
QString inlineHtml(const QString &markdown);

} // namespace fairnote::guide
