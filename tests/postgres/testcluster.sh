#!/usr/bin/env bash
# SPDX-FileCopyrightText: 2026 Fairnote contributors
# SPDX-License-Identifier: GPL-3.0-or-later
# A throwaway PostgreSQL cluster for the test run: started once before the PostgreSQL suites (a CTest
# fixture) and stopped after them. Unix socket only, in a private folder; scram-sha-256 for every login.
#
#   testcluster.sh start DIR   make a cluster, start it, write DIR/conninfo (the superuser's connection)
#   testcluster.sh stop DIR    stop it and remove it
#
# The cluster and its socket live in a new folder under $TMPDIR (a socket path must be short, and the
# build folder may sit where the server's user cannot go); DIR/cluster names it. initdb refuses to run
# as root, so as root the cluster is made and run by the unprivileged system user `postgres` (Debian's
# postgresql-common creates it). The speed settings (fsync off …) are for throwaway test data only.
#
# When FAIRNOTE_TEST_SERVER is set (a libpq connection string to an existing server, or empty for
# libpq's PG* environment, as pg_virtualenv sets it), nothing is started: the tests use that server.
# When PostgreSQL is not installed, this says so and exits 0 without a conninfo file, so the suites
# SKIP; unless FAIRNOTE_REQUIRE_POSTGRES=1 (./run test, hence CI), when that is a failure.
set -euo pipefail

usage="usage: testcluster.sh start|stop DIR"
cmd=${1:?$usage}
dir=${2:?$usage}
bindir=${FAIRNOTE_PG_BINDIR:-/usr/lib/postgresql/15/bin}

as_owner() {
  if [ "$(id -u)" -eq 0 ]; then
    runuser -u postgres -- "$@"
  else
    "$@"
  fi
}

stop_cluster() {
  [ -f "$dir/cluster" ] || return 0
  local cluster
  cluster=$(cat "$dir/cluster")
  if [ -f "$cluster/data/postmaster.pid" ]; then
    as_owner "$bindir/pg_ctl" -D "$cluster/data" -m fast -w stop >/dev/null 2>&1 \
      || as_owner "$bindir/pg_ctl" -D "$cluster/data" -m immediate stop >/dev/null 2>&1 || true
  fi
  case "$cluster" in */fairnote-pgtest.*) rm -rf "$cluster" ;; esac
  rm -f "$dir/cluster" "$dir/conninfo"
}

case "$cmd" in
  start)
    if [ -n "${FAIRNOTE_TEST_SERVER+set}" ]; then
      echo "testcluster: the tests use the server FAIRNOTE_TEST_SERVER names; nothing was started"
      exit 0
    fi
    if [ ! -x "$bindir/initdb" ] || { [ "$(id -u)" -eq 0 ] && ! id postgres >/dev/null 2>&1; }; then
      if [ "${FAIRNOTE_REQUIRE_POSTGRES:-0}" = 1 ]; then
        echo "testcluster: PostgreSQL 15 is not installed ($bindir/initdb or the postgres user is missing); ./run test installs postgresql-15" >&2
        exit 1
      fi
      echo "testcluster: SKIP: PostgreSQL 15 is not installed, so the PostgreSQL suites are skipped (./run test installs it)"
      exit 0
    fi
    stop_cluster # a cluster left by an interrupted run
    mkdir -p "$dir"
    cluster=$(mktemp -d "${TMPDIR:-/tmp}/fairnote-pgtest.XXXXXX")
    printf '%s\n' "$cluster" > "$dir/cluster"
    if [ "$(id -u)" -eq 0 ]; then chown postgres: "$cluster"; fi
    password=$(od -An -N16 -tx1 /dev/urandom | tr -d ' \n')
    superuser=$(as_owner id -un)
    ( umask 077; printf '%s\n' "$password" > "$cluster/pwfile" )
    if [ "$(id -u)" -eq 0 ]; then chown postgres: "$cluster/pwfile"; fi
    as_owner "$bindir/initdb" -D "$cluster/data" -U "$superuser" --pwfile="$cluster/pwfile" --auth=scram-sha-256 \
      --encoding=UTF8 --locale=C.UTF-8 --no-sync >"$dir/initdb.log" 2>&1 || { cat "$dir/initdb.log" >&2; exit 1; }
    rm -f "$cluster/pwfile"
    cat >> "$cluster/data/postgresql.conf" <<CONF
listen_addresses = ''
unix_socket_directories = '$cluster'
port = 5432
max_connections = 200
shared_buffers = 64MB
fsync = off
synchronous_commit = off
full_page_writes = off
log_min_messages = warning
CONF
    as_owner "$bindir/pg_ctl" -D "$cluster/data" -l "$cluster/server.log" -w -t 60 start >/dev/null \
      || { cat "$cluster/server.log" >&2; exit 1; }
    ( umask 077; printf 'host=%s port=5432 user=%s password=%s dbname=postgres\n' "$cluster" "$superuser" "$password" > "$dir/conninfo.part" )
    mv "$dir/conninfo.part" "$dir/conninfo"
    echo "testcluster: PostgreSQL $("$bindir/postgres" -V | awk '{print $3}') started for the tests in $cluster"
    ;;
  stop)
    stop_cluster
    ;;
  *)
    echo "$usage" >&2
    exit 2
    ;;
esac
