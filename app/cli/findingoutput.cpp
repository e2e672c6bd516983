// SPDX-FileCopyrightText: 2026 Fairnote contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// Text and JSON renderings of findings for the CLI.
#include "findingoutput.h"

#include "text/offsets.h"

#include <QJsonArray>

using namespace Qt::StringLiterals;

namespace fairnote::cli {

void printFindingsText(QTextStream &out, const QString &label, const QString &text,
    const std::vector<Finding> &findings, const QString &indent)
{
    const text::OffsetIndex index(text);
    for (const Finding &f : findings) {
        const auto pos = index.position(f.offset);
        out << indent
            << u"%1:%2:%3: %4: %5 [%6]\n"_s.arg(label, QString::number(pos.line), QString::number(pos.column),
                                                 severityId(f.severity), f.message, f.ruleId);
        const QStringView line = index.lineText(pos.line);
        out << indent << u"    "_s << line << u'\n';
        // The caret line: spaces up to the column, then ^~~ under the span (to the end of the line).
        const qsizetype spanCp = index.codePoints(f.offset, f.length);
        const qsizetype lineCp = line.toString().toUcs4().size();
        const qsizetype caretLen = std::max<qsizetype>(1, std::min<qsizetype>(spanCp, lineCp - (pos.column - 1)));
        QString caret(pos.column - 1, u' ');
        for (qsizetype i = 0; i < pos.column - 1 && i < line.size(); ++i)
            if (line[i] == u'\t')
                caret[i] = u'\t'; // keep tabs so the caret lines up
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
