#!/usr/bin/env bash
# A throwaway PostgreSQL server for the storage tests (TEST_DATABASE_URL).
#
#   scripts/ci-postgres.sh start DIR   installs Debian's postgresql when missing, creates a cluster
#                                      in DIR (an empty folder), starts it on 127.0.0.1 and prints
#                                      the URL of a fresh database on stdout (progress on stderr)
#   scripts/ci-postgres.sh stop DIR    stops that server and removes DIR
#
# CI_POSTGRES_PORT overrides the port (default 5433). Run as root (CI), the server runs as the
# `postgres` user, since PostgreSQL refuses to run as root; run as anyone else, it runs as them.
set -euo pipefail

PORT="${CI_POSTGRES_PORT:-5433}"
DATABASE="grantdesk_test"

say() { echo "ci-postgres: $*" >&2; }
fail() { say "$*"; exit 1; }

# Debian keeps each major version's server programs in /usr/lib/postgresql/N/bin (not on PATH).
server_bin_dir() {
  local dir
  for dir in $(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V -r); do
    if [ -x "$dir/pg_ctl" ] && [ -x "$dir/initdb" ]; then
      echo "$dir"
      return 0
    fi
  done
  return 1
}

install_postgresql() {
  [ "$(id -u)" -eq 0 ] || fail "PostgreSQL is not installed and installing it needs root: apt-get install postgresql"
  say "installing Debian's postgresql"
  # The package would otherwise create and start a system-wide "main" cluster on port 5432.
  mkdir -p /etc/postgresql-common
  echo "create_main_cluster = false" >/etc/postgresql-common/createcluster.conf
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null
}

# Runs a command as the cluster's owner: `postgres` when we are root, else ourselves.
as_owner() {
  if [ "$(id -u)" -eq 0 ]; then
    # From /, since the postgres user may not enter the caller's folder (a root-only temp clone).
    (cd / && runuser -u postgres -- "$@")
  else
    "$@"
  fi
}

start() {
  local dir="$1"
  [ -d "$dir" ] || fail "no such folder: $dir"
  [ -z "$(ls -A "$dir")" ] || fail "$dir is not empty"

  local bin
  bin="$(server_bin_dir)" || { install_postgresql; bin="$(server_bin_dir)" || fail "postgresql installed, but no server found in /usr/lib/postgresql/*/bin"; }

  if [ "$(id -u)" -eq 0 ]; then
    id postgres >/dev/null 2>&1 || useradd --system --no-create-home --shell /usr/sbin/nologin postgres
    chown postgres: "$dir"
  fi
  chmod 700 "$dir"

  if (exec 3<>"/dev/tcp/127.0.0.1/$PORT") 2>/dev/null; then
    fail "port $PORT is already in use: stop what uses it or set CI_POSTGRES_PORT"
  fi

  local password
  password="$(head -c 18 /dev/urandom | od -An -tx1 | tr -d ' \n')"
  (umask 077 && printf '%s\n' "$password" >"$dir/password")
  [ "$(id -u)" -ne 0 ] || chown postgres: "$dir/password"
  as_owner "$bin/initdb" --pgdata="$dir/data" --username=postgres --pwfile="$dir/password" \
    --auth-local=scram-sha-256 --auth-host=scram-sha-256 --encoding=UTF8 --locale=C.UTF-8 >/dev/null
  mkdir -p "$dir/socket" && { [ "$(id -u)" -ne 0 ] || chown postgres: "$dir/socket"; }

  say "starting PostgreSQL ($("$bin/postgres" --version | awk '{print $3}')) on 127.0.0.1:$PORT"
  # A throwaway test server: durability settings off, for speed.
  as_owner "$bin/pg_ctl" --pgdata="$dir/data" --log="$dir/server.log" --wait --timeout=60 start \
    -o "-c listen_addresses=127.0.0.1 -p $PORT -k $dir/socket -c fsync=off -c synchronous_commit=off -c full_page_writes=off" >/dev/null \
    || { cat "$dir/server.log" >&2; fail "the server did not start (log above)"; }

  PGPASSWORD="$password" "$bin/createdb" --host=127.0.0.1 --port="$PORT" --username=postgres "$DATABASE"
  echo "postgres://postgres:$password@127.0.0.1:$PORT/$DATABASE"
}

stop() {
  local dir="$1"
  [ -d "$dir/data" ] || return 0
  local bin
  bin="$(server_bin_dir)" || fail "no PostgreSQL server programs found to stop the server in $dir"
  if [ -f "$dir/data/postmaster.pid" ]; then
    as_owner "$bin/pg_ctl" --pgdata="$dir/data" --mode=fast --wait stop >/dev/null || say "could not stop the server in $dir"
  fi
  rm -rf "$dir"
}

case "${1:-}" in
  start) [ $# -eq 2 ] || fail "usage: $0 start DIR"; start "$2" ;;
  stop) [ $# -eq 2 ] || fail "usage: $0 stop DIR"; stop "$2" ;;
  *) fail "usage: $0 start DIR | stop DIR" ;;
esac
