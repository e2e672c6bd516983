// SPDX-FileCopyrightText: 2026 Fairnote contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// The include check: the UI including the SQLite backend's private header.
#include "store/sqlite/sqlitestore.h"
