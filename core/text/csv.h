// SPDX-FileCopyrightText: 2026 Fairnote contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// Writing CSV cells that are safe to open in a spreadsheet.
#pragma once

#include <QString>

namespace fairnote::text {

// One CSV cell (RFC 4180): quoted when it holds a comma, a quote or a line break. A cell that begins with
// = + - or @ is prefixed with ' so that a spreadsheet shows it rather than running it as a formula (a
// worker's or learner's name can begin with anything).
QString csvCell(const QString &value);

} // namespace fairnote::text
