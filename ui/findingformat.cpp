// SPDX-FileCopyrightText: 2026 Fairnote contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// Severity words, colours and icons, and the finding explanations shared by tooltip and panel.
#include "findingformat.h"

#include "guide/guidewindow.h"
#include "spelling/spellchecker.h"

#include <QCoreApplication>
#include <QPainter>
#include <QPainterPath>
#include <QPalette>
#include <QPixmap>
#include <QRegularExpression>

using namespace Qt::StringLiterals;

namespace fairnote::ui {

namespace {

QString tr(const char *text) { return QCoreApplication::translate("fairnote::ui::FindingFormat", text); }

bool isDark(const QPalette &palette) { return palette.color(QPalette::Base).lightness() < 128; }

QString insteadHtml(const Finding &f)
{
    QString html;
    if (!f.suggestions.isEmpty() && isSpelling(f)) {
        QStringList words;
        for (const QString &s : f.suggestions)
            words << u"<b>%1</b>"_s.arg(s.toHtmlEscaped());
        html += u"<p>%1 %2</p>"_s.arg(tr("Did you mean:").toHtmlEscaped(), words.join(u", "_s));
    } else if (!f.suggestions.isEmpty()) {
        html += u"<p><b>%1</b></p><ul style=\"margin-top:0\">"_s.arg(tr("Write instead").toHtmlEscaped());
        for (const QString &s : f.suggestions)
            html += u"<li>"_s + alternativeHtml(s) + u"</li>"_s;
        html += u"</ul>"_s;
    }
    if (!f.question.isEmpty())
        html += u"<p><b>%1</b> %2</p>"_s.arg(tr("Ask yourself:").toHtmlEscaped(), f.question.toHtmlEscaped());
    return html;
}

} // namespace

// "[court]" in an alternative marks what the worker fills in: show it in italics.
QString alternativeHtml(const QString &alternative)
{
    static const QRegularExpression blank(u"\\[([^\\]]*)\\]"_s);
    QString html = alternative.toHtmlEscaped();
    html.replace(blank, u"<i>[\\1]</i>"_s);
    return html;
}

// "Title, Publisher, 2022. https://…" with the address made a link.
QString sourceHtml(const QString &source)
{
    static const QRegularExpression url(u"https?://\\S+"_s);
    const QRegularExpressionMatch m = url.match(source);
    if (!m.hasMatch())
        return source.toHtmlEscaped();
    QString address = m.captured();
    while (address.endsWith(u'.') || address.endsWith(u','))
        address.chop(1);
    return source.left(m.capturedStart()).toHtmlEscaped() + u"<a href=\""_s + address.toHtmlEscaped() + u"\">"_s
        + address.toHtmlEscaped() + u"</a>"_s + source.mid(m.capturedStart() + address.size()).toHtmlEscaped();
}

QString severityWord(Severity s)
{
    switch (s) {
    case Severity::Error:
        return tr("Important");
    case Severity::Warning:
        return tr("Worth changing");
    case Severity::Info:
        return tr("Suggestion");
    }
    return {};
}

QColor severityColour(Severity s, const QPalette &palette)
{
    const bool dark = isDark(palette);
    switch (s) {
    case Severity::Error:
        return dark ? QColor(0xff, 0x6b, 0x6b) : QColor(0xc6, 0x28, 0x28);
    case Severity::Warning:
        return dark ? QColor(0xff, 0xb7, 0x4d) : QColor(0xd9, 0x7a, 0x00);
    case Severity::Info:
        return dark ? QColor(0x64, 0xb5, 0xf6) : QColor(0x15, 0x65, 0xc0);
    }
    return palette.color(QPalette::Text);
}

QIcon severityIcon(Severity s, const QPalette &palette)
{
    QIcon icon;
    for (const int size : {16, 32}) {
        QPixmap pixmap(size, size);
        pixmap.fill(Qt::transparent);
        QPainter p(&pixmap);
        p.setRenderHint(QPainter::Antialiasing);
        const QColor colour = severityColour(s, palette);
        const qreal m = size * 0.15;
        const QRectF r(m, m, size - 2 * m, size - 2 * m);
        switch (s) {
        case Severity::Error:
            p.setPen(Qt::NoPen);
            p.setBrush(colour);
            p.drawEllipse(r);
            break;
        case Severity::Warning: {
            QPainterPath triangle;
            triangle.moveTo(r.center().x(), r.top());
            triangle.lineTo(r.right(), r.bottom());
            triangle.lineTo(r.left(), r.bottom());
            triangle.closeSubpath();
            p.setPen(Qt::NoPen);
            p.setBrush(colour);
            p.drawPath(triangle);
            break;
        }
        case Severity::Info:
            p.setPen(QPen(colour, size * 0.14));
            p.setBrush(Qt::NoBrush);
            p.drawEllipse(r.adjusted(size * 0.07, size * 0.07, -size * 0.07, -size * 0.07));
            break;
        }
        p.end();
        icon.addPixmap(pixmap);
    }
    return icon;
}

namespace {
// Three dots in a row, like the spelling underline: filled for a misspelling, hollow (quieter) for a
// possible name.
QIcon threeDotsIcon(const QColor &colour, bool hollow)
{
    QIcon icon;
    for (const int size : {16, 32}) {
        QPixmap pixmap(size, size);
        pixmap.fill(Qt::transparent);
        QPainter p(&pixmap);
        p.setRenderHint(QPainter::Antialiasing);
        p.setPen(hollow ? QPen(colour, size * 0.07) : QPen(Qt::NoPen));
        p.setBrush(hollow ? QBrush(Qt::NoBrush) : QBrush(colour));
        const qreal d = size * 0.24;
        for (int i = 0; i < 3; ++i)
            p.drawEllipse(QRectF(size * 0.06 + i * size * 0.33, (size - d) / 2, d, d));
        p.end();
        icon.addPixmap(pixmap);
    }
    return icon;
}
} // namespace

bool isSpelling(const Finding &f) { return f.category == Category::Spelling; }

QString findingKindWord(const Finding &f)
{
    if (isPossibleName(f))
        return tr("Possible name");
    return isSpelling(f) ? tr("Spelling") : severityWord(f.severity);
}

bool isPossibleName(const Finding &f) { return spelling::isPossibleName(f); }

QColor possibleNameColour(const QPalette &palette)
{
    // Grey, between the text and the background: seen, but quieter than any mistake.
    return isDark(palette) ? QColor(0xa0, 0xa0, 0xa0) : QColor(0x75, 0x75, 0x75);
}

QIcon possibleNameIcon(const QPalette &palette) { return threeDotsIcon(possibleNameColour(palette), true); }

QTextCharFormat possibleNameFormat(const QPalette &palette)
{
    QTextCharFormat format;
    format.setUnderlineStyle(QTextCharFormat::DotLine);
    format.setUnderlineColor(possibleNameColour(palette));
    return format;
}

QColor spellingColour(const QPalette &palette)
{
    return isDark(palette) ? QColor(0xce, 0x93, 0xd8) : QColor(0x8e, 0x24, 0xaa);
}

QIcon spellingIcon(const QPalette &palette) { return threeDotsIcon(spellingColour(palette), false); }

QTextCharFormat spellingFormat(const QPalette &palette)
{
    QTextCharFormat format;
    format.setUnderlineStyle(QTextCharFormat::DashUnderline);
    format.setUnderlineColor(spellingColour(palette));
    return format;
}

QTextCharFormat squiggleFormat(Severity s, const QPalette &palette)
{
    QTextCharFormat format;
    format.setUnderlineStyle(QTextCharFormat::WaveUnderline);
    const QColor colour = severityColour(s, palette);
    format.setUnderlineColor(colour);
    // A faint wash of the same colour: Qt draws the wave thin, and on a pale screen an amber wave
    // alone is easy to miss.
    QColor wash = colour;
    wash.setAlphaF(isDark(palette) ? 0.22f : 0.12f);
    format.setBackground(wash);
    return format;
}

QString displayedWords(const QString &matched, int maxChars)
{
    QString words = matched.simplified();
    if (words.size() > maxChars)
        words = words.left(maxChars - 1).trimmed() + u'…';
    return words;
}

QString findingToolTip(const Finding &f)
{
    QString html = u"<p><b>%1:</b> %2</p>"_s.arg(findingKindWord(f).toHtmlEscaped(), f.message.toHtmlEscaped());
    if (!f.why.isEmpty())
        html += u"<p>%1</p>"_s.arg(f.why.toHtmlEscaped());
    html += insteadHtml(f);
    if (!f.source.isEmpty())
        html += u"<p><small>%1 %2</small></p>"_s.arg(tr("Source:").toHtmlEscaped(), f.source.toHtmlEscaped());
    return html;
}

QString findingDetailsHtml(const Finding &f, const QString &matched, int line)
{
    const QString kind = isSpelling(f) ? findingKindWord(f)
                                       : u"%1 · %2"_s.arg(severityWord(f.severity), categoryTitle(f.category));
    QString html = u"<p><b>“%1”</b> · %2<br><small>%3</small></p>"_s.arg(
        displayedWords(matched, 200).toHtmlEscaped(), tr("line %1").arg(line).toHtmlEscaped(), kind.toHtmlEscaped());
    html += u"<p>%1</p>"_s.arg(f.message.toHtmlEscaped());
    if (!f.why.isEmpty())
        html += u"<p><b>%1</b> %2</p>"_s.arg(tr("Why:").toHtmlEscaped(), f.why.toHtmlEscaped());
    html += insteadHtml(f);
    if (!f.source.isEmpty())
        html += u"<p><b>%1</b> %2</p>"_s.arg(tr("Source:").toHtmlEscaped(), sourceHtml(f.source));
    if (!isSpelling(f))
        html += u"<p>%1<br><small>%2</small></p>"_s.arg(guideLinkHtml(f.ruleId), tr("Rule %1").arg(f.ruleId).toHtmlEscaped());
    return html;
}

QString findingAccessibleText(const Finding &f, const QString &matched, int line)
{
    QString text = tr("%1, line %2: “%3”. %4").arg(findingKindWord(f)).arg(line).arg(displayedWords(matched), f.message);
    if (isSpelling(f) && !f.suggestions.isEmpty())
        text += u' ' + tr("Did you mean: %1?").arg(f.suggestions.join(u", "_s));
    return text;
}

} // namespace fairnote::ui
