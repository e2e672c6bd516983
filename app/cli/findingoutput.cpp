// SPDX-FileCopyrightText: 2026 Fairnote contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// Text and JSON renderings of findings for the CLI.
#include "findingoutput.h"

#include "text/offsets.h"

#include <QJsonArray>

using namespace Qt::StringLiterals;

namespace fairnote::cli {

namespace {

constexpr qsizetype kWindow = 100; // code points of a long line shown around a finding
constexpr qsizetype kBefore = 40;  // of them, before the finding

// Moves a UTF-16 index back (forward) by up to n code points, never past limit.
qsizetype backCodePoints(QStringView t, qsizetype from, qsizetype n, qsizetype limit)
{
    for (; n > 0 && from > limit; --n) {
        --from;
        if (t[from].isLowSurrogate() && from > limit && t[from - 1].isHighSurrogate())
            --from;
    }
    return from;
}
qsizetype forwardCodePoints(QStringView t, qsizetype from, qsizetype n, qsizetype limit)
{
    for (; n > 0 && from < limit; --n) {
        ++from;
        if (from < limit && t[from].isLowSurrogate() && t[from - 1].isHighSurrogate())
            ++from;
    }
    return from;
}

} // namespace

void printFindingsText(QTextStream &out, const QString &label, const QString &text,
    const std::vector<Finding> &findings, const QString &indent)
{
    const text::OffsetIndex index(text);
    const QStringView all(text);
    for (const Finding &f : findings) {
        const auto pos = index.position(f.offset);
        out << indent
            << u"%1:%2:%3: %4: %5 [%6]\n"_s.arg(label, QString::number(pos.line), QString::number(pos.column),
                                                 severityId(f.severity), f.message, f.ruleId);
        // The line, or on a long line a window of about kWindow code points around the finding with "…"
        // where it is cut; then a caret line under the words (to the end of the shown text at most).
        const qsizetype lineStart = index.lineStart(pos.line);
        const qsizetype lineEnd = lineStart + index.lineText(pos.line).size();
        const qsizetype spanStart = std::clamp<qsizetype>(f.offset, lineStart, lineEnd);
        const qsizetype spanEnd = std::clamp<qsizetype>(f.offset + f.length, spanStart, lineEnd);
        qsizetype from = lineStart, to = lineEnd;
        if (index.position(lineEnd).offsetCp - index.position(lineStart).offsetCp > kWindow) {
            from = backCodePoints(all, spanStart, kBefore, lineStart);
            to = forwardCodePoints(all, from, kWindow, lineEnd);
            if (to == lineEnd) // near the end: show the last kWindow code points
                from = backCodePoints(all, lineEnd, kWindow, lineStart);
        }
        const bool cutLeft = from > lineStart, cutRight = to < lineEnd;
        const QStringView shown = all.sliced(from, to - from);
        out << indent << u"    "_s << (cutLeft ? u"…"_s : QString()) << shown << (cutRight ? u"…"_s : QString()) << u'\n';

        QString caret = cutLeft ? u" "_s : QString();
        for (qsizetype i = from; i < spanStart; ++i) {
            if (all[i].isLowSurrogate() && i > from && all[i - 1].isHighSurrogate())
                continue;
            caret += all[i] == u'\t' ? u'\t' : u' '; // keep tabs so the caret lines up
        }
        const qsizetype caretLen = std::max<qsizetype>(1, index.codePoints(spanStart, std::min(spanEnd, to) - spanStart));
        out << indent << u"    "_s << caret << u'^' << QString(caretLen - 1, u'~') << u'\n';
        out << indent << u"    why: "_s << f.why << u'\n';
        if (!f.suggestions.isEmpty())
            out << indent << u"    instead: "_s << f.suggestions.join(u"; "_s) << u'\n';
        if (!f.question.isEmpty())
            out << indent << u"    ask: "_s << f.question << u'\n';
        if (!f.source.isEmpty())
            out << indent << u"    source: "_s << f.source << u'\n';
    }
}

QJsonArray findingsJson(const QString &text, const std::vector<Finding> &findings, const QJsonObject &extra)
{
    const text::OffsetIndex index(text); // one index for all the findings of this text
    QJsonArray out;
    for (const Finding &f : findings) {
        const auto pos = index.position(f.offset);
        QJsonObject o {
            {u"rule"_s, f.ruleId},
            {u"category"_s, categoryId(f.category)},
            {u"severity"_s, severityId(f.severity)},
            {u"offset_utf16"_s, qint64(f.offset)},
            {u"length_utf16"_s, qint64(f.length)},
            {u"offset_cp"_s, qint64(pos.offsetCp)},
            {u"length_cp"_s, qint64(index.codePoints(f.offset, f.length))},
            {u"line"_s, pos.line},
            {u"column"_s, pos.column},
            {u"text"_s, text.mid(f.offset, f.length)},
            {u"message"_s, f.message},
            {u"why"_s, f.why},
            {u"suggestions"_s, QJsonArray::fromStringList(f.suggestions)},
            {u"question"_s, f.question},
            {u"source"_s, f.source},
        };
        for (auto it = extra.begin(); it != extra.end(); ++it)
            o.insert(it.key(), it.value());
        out.append(o);
    }
    return out;
}

} // namespace fairnote::cli
