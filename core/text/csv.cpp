// SPDX-FileCopyrightText: 2026 Fairnote contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "text/csv.h"

using namespace Qt::StringLiterals;

namespace fairnote::text {

QString csvCell(const QString &value)
{
    QString v = value;
    if (!v.isEmpty() && QStringView(u"=+-@").contains(v.front()))
        v.prepend(u'\'');
    if (v.contains(u',') || v.contains(u'"') || v.contains(u'\n') || v.contains(u'\r'))
        return u"\""_s + v.replace(u"\""_s, u"\"\""_s) + u"\""_s;
    return v;
}

} // namespace fairnote::text
