// SPDX-FileCopyrightText: 2026 Fairnote contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// Paging core's HTML onto A4 with a footer and page numbers.
#include "pdfdocument.h"

#include <QAbstractTextDocumentLayout>
#include <QBuffer>
#include <QFile>
#include <QFileInfo>
#include <QHash>
#include <QPageLayout>
#include <QPainter>
#include <QPdfWriter>
#include <QRegularExpression>
#include <QTextBlock>
#include <QTextDocument>
#include <QTextFrame>

using namespace Qt::StringLiterals;

namespace fairnote::render {

namespace {

// The page (1-based) of each anchor in a laid-out paginated document.
QHash<QString, int> anchorPages(QTextDocument &doc, qreal pageHeight)
{
    QHash<QString, int> pages;
    for (QTextBlock b = doc.begin(); b.isValid(); b = b.next()) {
        for (auto it = b.begin(); !it.atEnd(); ++it) {
            const QStringList names = it.fragment().charFormat().anchorNames();
            if (names.isEmpty())
                continue;
            const qreal y = doc.documentLayout()->blockBoundingRect(b).top();
            for (const QString &n : names)
                pages.insert(n, int(y / pageHeight) + 1);
        }
    }
    return pages;
}

// Fills "{{page:ID}}" with the page each anchor ID falls on, laying the document out again until the
// numbers stop moving anything (they are right-aligned in the contents, so once is usually enough).
void resolvePageNumbers(QTextDocument &doc, const QString &html, qreal pageHeight)
{
    static const QRegularExpression placeholder(u"\\{\\{page:([^}]*)\\}\\}"_s);
    if (!html.contains(u"{{page:"_s))
        return;
    QHash<QString, int> pages = anchorPages(doc, pageHeight);
    for (int round = 0; round < 3; ++round) {
        QString out;
        qsizetype at = 0;
        for (auto it = placeholder.globalMatch(html); it.hasNext();) {
            const auto m = it.next();
            out += html.mid(at, m.capturedStart() - at) + QString::number(pages.value(m.captured(1)));
            at = m.capturedEnd();
        }
        out += html.mid(at);
        doc.setHtml(out);
        QTextFrameFormat frame = doc.rootFrame()->frameFormat();
        frame.setMargin(0);
        doc.rootFrame()->setFrameFormat(frame);
        const QHash<QString, int> again = anchorPages(doc, pageHeight);
        if (again == pages)
            return;
        pages = again;
    }
}

} // namespace

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
    resolvePageNumbers(doc, html, page.height() - footerHeight);
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
