// SPDX-FileCopyrightText: 2026 Fairnote contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// Core's report HTML as an A4 PDF (QTextDocument + QPdfWriter), with a footer and page numbers on every
// page. QtGui only, no widgets: fairnote-cli links it and runs it on the offscreen platform.
#pragma once

#include <QByteArray>
#include <QString>

class QPagedPaintDevice;

namespace fairnote::render {

struct PdfOptions
{
    QString title;   // the PDF's title (its metadata)
    QString author;  // its author (metadata)
    QString footer;  // left of the page number on every page: "Fire-safety history — Sam Rivers"
};

// Lays out `html` on A4 pages (20 mm margins) as a PDF, as bytes: the caller writes the file through
// core/io (whole or absent, owner-only), after recording the export.
QByteArray pdfBytes(const QString &html, const PdfOptions &options);

// Paints `html` onto any paged device (a printer), with the same footer and page numbers. Returns the
// number of pages.
int paintPages(const QString &html, QPagedPaintDevice &device, const PdfOptions &options);

} // namespace fairnote::render
