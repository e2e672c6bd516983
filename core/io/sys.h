// SPDX-FileCopyrightText: 2026 Fairnote contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// The system calls core/io makes, through the fault seam (io/faults.h). Internal to core/io.
#pragma once

#include "io/ioerror.h"

#include <sys/types.h>

namespace fairnote::io::sys {

// Each behaves as the system call of that name (returns -1 and sets errno on failure), after asking the
// fault seam whether this call should fail instead. EINTR is retried inside.
int open(const char *path, int flags, mode_t mode = 0);
ssize_t read(int fd, void *buffer, size_t size);
// Writes all of `size` bytes (looping over partial writes), counted once as `op` (Write or Flush).
// Returns 0, or -1 with errno set.
int writeAll(int fd, const char *data, size_t size, Operation op);
int fsync(int fd);
int fsyncFolder(int fd);
int close(int fd);
int rename(const char *from, const char *to);

} // namespace fairnote::io::sys
