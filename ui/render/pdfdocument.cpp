// SPDX-FileCopyrightText: 2026 Fairnote contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// Paging core's HTML onto A4 with a footer and page numbers.
#include "pdfdocument.h"

#include <QAbstractTextDocumentLayout>
#include <QBuffer>
#include <QFile>
#include <QFileInfo>
#include <QPageLayout>
#include <QPainter>
#include <QPdfWriter>
#include <QTextDocument>
#include <QTextFrame>

using namespace Qt::StringLiterals;

namespace fairnote::render {

int paintPages(const QString &html, QPagedPaintDevice &device, const PdfOptions &options)
{
    device.setPageLayout(QPageLayout(QPageSize(QPageSize::A4), QPageLayout::Portrait, QMarginsF(20, 18, 20, 22), QPageLayout::Millimeter));
    QPainter painter(&device);
    const QRect page = painter.viewport(); // the printable area, in device pixels
    const qreal dpi = device.logicalDpiY();
    const int footerHeight = int(dpi * 0.35);

    QTextDocument doc;
    // No ligatures: "ﬁre" must come out of the PDF as "fire", for search, copying and screen readers.
    QFont base = doc.defaultFont();
    base.setStyleStrategy(QFont::PreferNoShaping);
    doc.setDefaultFont(base);
    doc.documentLayout()->setPaintDevice(&device);
    doc.setHtml(html);
    doc.setPageSize(QSizeF(page.width(), page.height() - footerHeight));
    QTextFrameFormat frame = doc.rootFrame()->frameFormat();
    frame.setMargin(0);
    doc.rootFrame()->setFrameFormat(frame);
    const int pages = std::max(1, doc.pageCount());
    const qreal body = page.height() - footerHeight;

    QFont footerFont = doc.defaultFont();
    footerFont.setPointSizeF(8);
    for (int i = 0; i < pages; ++i) {
        if (i > 0)
            device.newPage();
        painter.save();
        painter.translate(0, -i * body);
        doc.drawContents(&painter, QRectF(0, i * body, page.width(), body));
        painter.restore();
        painter.setFont(footerFont);
        painter.setPen(QColor(0x44, 0x44, 0x44));
        const QRect footer(0, page.height() - footerHeight + int(dpi * 0.1), page.width(), footerHeight);
        painter.drawText(footer, Qt::AlignLeft | Qt::AlignVCenter, options.footer);
        painter.drawText(footer, Qt::AlignRight | Qt::AlignVCenter, u"Page %1 of %2"_s.arg(i + 1).arg(pages));
    }
    painter.end();
    return pages;
}

QByteArray pdfBytes(const QString &html, const PdfOptions &options)
{
    QByteArray bytes;
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::WriteOnly);
    {
        QPdfWriter writer(&buffer);
        writer.setResolution(300);
        writer.setTitle(options.title);
        writer.setCreator(u"Fairnote"_s);
        writer.setPdfVersion(QPagedPaintDevice::PdfVersion_1_6);
        paintPages(html, writer, options);
    }
    return bytes;
}

} // namespace fairnote::render
