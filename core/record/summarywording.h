// SPDX-FileCopyrightText: 2026 Fairnote contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// The version of record::summaryLine's wording (describe.h), kept apart so that raising it rebuilds only its readers.
#pragma once

namespace fairnote::record {

// Raise it whenever summaryLine words any entry differently. A case file records the version its list
// summaries were worded by; a Fairnote that opens it for writing rewords them when the versions differ, and
// verify compares them only when they are this version's (docs/store.md, "The summary column").
inline constexpr int kSummaryWording = 1;

} // namespace fairnote::record
