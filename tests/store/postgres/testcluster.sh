#!/usr/bin/env bash
# SPDX-FileCopyrightText: 2026 Fairnote contributors
# SPDX-License-Identifier: GPL-3.0-or-later
# A throwaway PostgreSQL cluster for the test run: started once before the PostgreSQL suites (a CTest
# fixture) and stopped after them. Unix socket only, in a private folder; scram-sha-256 for every login.
#
#   testcluster.sh start DIR               make a cluster, start it, write DIR/conninfo (the superuser's)
#   testcluster.sh stop DIR                stop it and remove it
#   testcluster.sh start DIR --keep DATA   (benchmarks) keep the cluster's data in DATA between runs,
#                                          made once with a durable configuration (fsync, synchronous
#                                          commit), as a service would run it
#
# The cluster's socket (and, without --keep, its data) live in a new folder under $TMPDIR: a socket path
# must be short, and the build folder may sit where the server's user cannot go; DIR/cluster names it.
# initdb refuses to run as root, so as root the cluster is made and run by the unprivileged system user
# `postgres` (Debian's postgresql-common creates it). The test configuration (fsync off …) is for
# throwaway test data only.
#
# When FAIRNOTE_TEST_SERVER is set (a libpq connection string to an existing server, or empty for
# libpq's PG* environment, as pg_virtualenv sets it), nothing is started: the tests use that server.
# When PostgreSQL is not installed, this says so and exits 0 without a conninfo file, so the suites
# SKIP; unless FAIRNOTE_REQUIRE_POSTGRES=1 (./run test, hence CI), when that is a failure.
set -euo pipefail

usage="usage: testcluster.sh start|stop DIR [--keep DATA]"
cmd=${1:?$usage}
dir=${2:?$usage}
keep=""
if [ "${3:-}" = "--keep" ]; then keep=${4:?$usage}; fi
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
  local cluster data
  cluster=$(cat "$dir/cluster")
  data=$cluster/data
  if [ -f "$dir/data" ]; then data=$(cat "$dir/data"); fi
  if [ -f "$data/postmaster.pid" ]; then
    as_owner "$bindir/pg_ctl" -D "$data" -m fast -w stop >/dev/null 2>&1 \
      || as_owner "$bindir/pg_ctl" -D "$data" -m immediate stop >/dev/null 2>&1 || true
  fi
  case "$cluster" in */fairnote-pgtest.*) rm -rf "$cluster" ;; esac
  rm -f "$dir/cluster" "$dir/conninfo" "$dir/data"
}

# The settings appended to a new cluster's postgresql.conf.
test_settings() {
  cat <<CONF
listen_addresses = ''
port = 5432
max_connections = 200
shared_buffers = 64MB
fsync = off
synchronous_commit = off
full_page_writes = off
log_min_messages = warning
CONF
}

durable_settings() {
  cat <<CONF
listen_addresses = ''
port = 5432
max_connections = 100
shared_buffers = 1GB
effective_cache_size = 4GB
maintenance_work_mem = 512MB
work_mem = 16MB
max_wal_size = 8GB
checkpoint_timeout = 15min
log_min_messages = warning
CONF
}

case "$cmd" in
  start)
    if [ -n "${FAIRNOTE_TEST_SERVER+set}" ] && [ -z "$keep" ]; then
      echo "testcluster: the tests use the server FAIRNOTE_TEST_SERVER names; nothing was started"
      exit 0
    fi
    if [ ! -x "$bindir/initdb" ] || { [ "$(id -u)" -eq 0 ] && ! id postgres >/dev/null 2>&1; }; then
      if [ "${FAIRNOTE_REQUIRE_POSTGRES:-0}" = 1 ] || [ -n "$keep" ]; then
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
    data=$cluster/data
    if [ -n "$keep" ]; then
      mkdir -p "$keep"
      keep=$(cd "$keep" && pwd)
      data=$keep/data
      printf '%s\n' "$data" > "$dir/data"
      if [ "$(id -u)" -eq 0 ]; then chown postgres: "$keep"; fi
    fi
    superuser=$(as_owner id -un)
    if [ -n "$keep" ] && [ -f "$keep/password" ] && [ -f "$data/PG_VERSION" ]; then
      password=$(cat "$keep/password")
    else
      if [ -n "$keep" ]; then as_owner rm -rf "$data"; fi
      password=$(od -An -N16 -tx1 /dev/urandom | tr -d ' \n')
      ( umask 077; printf '%s\n' "$password" > "$cluster/pwfile" )
      if [ "$(id -u)" -eq 0 ]; then chown postgres: "$cluster/pwfile"; fi
      as_owner "$bindir/initdb" -D "$data" -U "$superuser" --pwfile="$cluster/pwfile" --auth=scram-sha-256 \
        --encoding=UTF8 --locale=C.UTF-8 --no-sync >"$dir/initdb.log" 2>&1 || { cat "$dir/initdb.log" >&2; exit 1; }
      rm -f "$cluster/pwfile"
      if [ -n "$keep" ]; then
        durable_settings | as_owner tee -a "$data/postgresql.conf" >/dev/null
        ( umask 077; printf '%s\n' "$password" > "$keep/password" )
      else
        test_settings | as_owner tee -a "$data/postgresql.conf" >/dev/null
      fi
    fi
    as_owner "$bindir/pg_ctl" -D "$data" -l "$cluster/server.log" -w -t 300 -o "-k $cluster" start >/dev/null \
      || { cat "$cluster/server.log" >&2; exit 1; }
    ( umask 077; printf 'host=%s port=5432 user=%s password=%s dbname=postgres\n' "$cluster" "$superuser" "$password" > "$dir/conninfo.part" )
    mv "$dir/conninfo.part" "$dir/conninfo"
    echo "testcluster: PostgreSQL $("$bindir/postgres" -V | awk '{print $3}') started in $cluster${keep:+ (data kept in $keep)}"
    ;;
  stop)
    stop_cluster
    ;;
  *)
    echo "$usage" >&2
    exit 2
    ;;
esac
