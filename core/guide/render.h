// SPDX-FileCopyrightText: 2026 Fairnote contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// The guide written out: one accessible HTML file, Markdown, and the rich text Qt lays out for the
// app's guide window and the PDF (ui/render).
#pragma once

#include "guide/document.h"

namespace fairnote::guide {

// One self-contained HTML5 file: header, contents in a <nav>, the guide in <main>, each part a
// <section> and each rule an <article>, no layout tables, styles inline in the head.
QString toHtml(const GuideDocument &doc);

// Markdown (CommonMark), for editing and reading on a code host.
QString toMarkdown(const GuideDocument &doc);

// Qt's rich-text subset. For print, the contents list carries "{{page:ID}}" where each part's page
// number goes (ui/render fills them in) and parts marked newPage start a page.
enum class RichTextUse { Screen, Print };
QString toRichText(const GuideDocument &doc, RichTextUse use);

} // namespace fairnote::guide
