#!/usr/bin/env bash
# SPDX-FileCopyrightText: 2026 Fairnote contributors
# SPDX-License-Identifier: GPL-3.0-or-later
# Runs a test with a desktop keyring of its own: a private D-Bus session (dbus-run-session) and GNOME
# Keyring's Secret Service in it, its "login" keyring made and unlocked with a throwaway password, in a
# throwaway home folder — so no real keyring is read or written. Both end with the test.
#
#   keyringsession.sh TEST [ARGS...]
#
# Without dbus-run-session or gnome-keyring-daemon the test says SKIP (exit 77), unless
# FAIRNOTE_REQUIRE_KEYRING=1 (./run test installs both), when that is a failure.
set -euo pipefail
if ! command -v dbus-run-session >/dev/null || ! command -v gnome-keyring-daemon >/dev/null; then
  if [ "${FAIRNOTE_REQUIRE_KEYRING:-}" = 1 ]; then
    echo "FAIL: FAIRNOTE_REQUIRE_KEYRING=1 but dbus-run-session or gnome-keyring-daemon is missing (Debian: dbus, gnome-keyring)" >&2
    exit 1
  fi
  echo "SKIP: no desktop keyring to test with (Debian's dbus and gnome-keyring; ./run test installs them)"
  exit 77
fi
home=$(mktemp -d "${TMPDIR:-/tmp}/fairnote-keyring.XXXXXX")
trap 'rm -rf "$home"' EXIT
export HOME=$home XDG_DATA_HOME=$home/.local/share XDG_CONFIG_HOME=$home/.config XDG_CACHE_HOME=$home/.cache
export XDG_RUNTIME_DIR=$home/run
mkdir -p -m 0700 "$XDG_RUNTIME_DIR"
unset GNOME_KEYRING_CONTROL SSH_AUTH_SOCK
status=0
dbus-run-session -- bash -c '
  printf %s "a throwaway keyring password" | gnome-keyring-daemon --unlock --components=secrets >/dev/null
  exec "$@"' keyring-session "$@" || status=$?
exit "$status"
