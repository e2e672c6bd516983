// SPDX-FileCopyrightText: 2026 Fairnote contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// The include check: core/review including what it links (the store, through its public header).
#include "store/store.h"
#include "review/review.h"
