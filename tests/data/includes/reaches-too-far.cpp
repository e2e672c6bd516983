// SPDX-FileCopyrightText: 2026 Fairnote contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// The include check: core/review reaching into core/report, which it does not link.
#include "report/summary.h"
