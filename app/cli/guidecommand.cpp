// SPDX-FileCopyrightText: 2026 Fairnote contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// fairnote-cli guide: writes "Recording fire-setting incidents fairly" as HTML, Markdown or PDF.
#include "guidecommand.h"

#include "common.h"
#include "guide/guide.h"
#include "guide/render.h"
#include "pdfdocument.h"

#include <QFileInfo>

using namespace Qt::StringLiterals;

namespace fairnote::cli {

QString GuideCommand::name() const { return u"guide"_s; }
QString GuideCommand::summary() const { return u"write the good-practice guide generated from the rules"_s; }

QString GuideCommand::help() const
{
    return u"Usage: fairnote-cli guide [--rules DIR] [--format html|md|pdf] [--since N] [-o FILE]\n\n"
           u"Writes \"Recording fire-setting incidents fairly — a good-practice guide\" from the rule pack\n"
           u"in force: why factual recording matters, the facts a provider needs, every rule with why,\n"
           u"what to write instead, its examples and its source, a glossary, the sources, the pack's\n"
           u"version and authors. With --rules, the organisation's edition: its added and changed\n"
           u"rules marked, the rules it turned off listed with its reasons.\n\n"
           u"Options:\n"
           u"  --rules DIR         the organisation's rule pack in DIR, over the built-in pack.\n"
           u"  --format html|md|pdf  the format (default: from the extension of -o, else html).\n"
           u"  --since N           add \"What changed since version N\" from the change logs.\n"
           u"  -o, --output FILE   where to write it (replaced as a whole). Without -o, HTML and\n"
           u"                      Markdown go to standard output; a PDF needs -o.\n"
           u"  -h, --help          show this help.\n\n"
           u"Exit status: 0 written, 2 bad usage, a broken rule pack or a file that cannot be written.\n"_s;
}

int GuideCommand::execute(const QStringList &args, CliIo &io)
{
    ParsedArgs p;
    if (const auto done = parse(withLongOutput(args), {u"--format"_s, u"--rules"_s, u"--since"_s, u"--output"_s}, {}, io, p,
                                {u"html"_s, u"md"_s, u"pdf"_s}))
        return *done;
    if (!p.positional.isEmpty())
        return usageError(io, u"guide takes no arguments (did you mean -o FILE?)"_s);
    const QString output = p.values.value(u"--output"_s);
    QString format = p.values.value(u"--format"_s);
    if (format.isEmpty()) {
        const QString ext = QFileInfo(output).suffix().toLower();
        format = ext == u"pdf" ? u"pdf"_s : (ext == u"md" || ext == u"markdown") ? u"md"_s : u"html"_s;
    }
    if (format == u"pdf" && output.isEmpty())
        return usageError(io, u"a PDF needs a file to go to: add -o FILE.pdf"_s);
    int since = 0;
    if (p.values.contains(u"--since"_s)) {
        bool ok = false;
        since = p.values.value(u"--since"_s).toInt(&ok);
        if (!ok || since < 1)
            return usageError(io, u"--since needs a version number such as 2"_s);
    }
    const QString rulesDir = p.values.value(u"--rules"_s);
    const auto checker = loadChecker(rulesDir, io);
    if (!checker)
        return ExitBadInput;
    auto doc = guide::buildGuide(*checker, {since, rulesDir});
    if (!doc) {
        io.err << u"fairnote-cli guide: %1\n"_s.arg(doc.error());
        return ExitBadInput;
    }
    QByteArray bytes;
    if (format == u"pdf") {
        render::PdfOptions pdf{doc->title, u"Fairnote"_s, u"Recording fire-setting incidents fairly — %1"_s.arg(doc->edition)};
        bytes = render::pdfBytes(guide::toRichText(*doc, guide::RichTextUse::Print), pdf);
    } else {
        bytes = (format == u"md" ? guide::toMarkdown(*doc) : guide::toHtml(*doc)).toUtf8();
    }
    // Whole or absent, owner-only (core/io); standard output checked.
    if (!writeOutput(io, u"guide"_s, output, bytes))
        return ExitBadInput;
    if (output.isEmpty())
        return ExitOk;
    io.err << u"Wrote %1 (%2).\n"_s.arg(output, format.toUpper());
    return ExitOk;
}

} // namespace fairnote::cli
