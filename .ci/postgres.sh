#!/usr/bin/env bash
# Starts or stops a throwaway PostgreSQL 15 cluster for the tests: 127.0.0.1:${PGPORT_TEST:-54329}, database and user
# imarchive (password imarchive: test-only), data under .ci/work/postgres.
set -euo pipefail
CI_NAME=postgres
# shellcheck source=SCRIPTDIR/lib.sh
source "$(dirname "$0")/lib.sh"

PORT="${PGPORT_TEST:-54329}"
PG_BIN="${PG_BIN:-/usr/lib/postgresql/15/bin}"
DB=imarchive
# Peer authentication on a socket only the server's own account may use; the tests come in over TCP with a password.
SOCKET_DIR=/tmp

running() { # data dir, user
    [ -f "$1/PG_VERSION" ] && as_user "$2" "$PG_BIN/pg_ctl" status -D "$1" >/dev/null 2>&1
}

start() {
    if [ ! -x "$PG_BIN/postgres" ]; then
        apt_install postgresql
        [ -x "$PG_BIN/postgres" ] || die "no PostgreSQL 15 in $PG_BIN after installing the postgresql package"
    fi
    local user dir data
    user="$(service_user postgres)"
    dir="$(service_dir postgres "$user")"
    data="$dir/data"
    cd "$dir"
    if [ ! -f "$data/PG_VERSION" ]; then
        rm -rf "$data"
        quiet as_user "$user" "$PG_BIN/initdb" -D "$data" --encoding=UTF8 --locale=C.UTF-8 \
            --auth-local=peer --auth-host=scram-sha-256 --no-sync
        cat >>"$data/postgresql.conf" <<CONF

# .ci/postgres.sh: a throwaway test cluster, on loopback, fast rather than crash-safe
listen_addresses = '127.0.0.1'
unix_socket_directories = '$SOCKET_DIR'
max_connections = 200
fsync = off
synchronous_commit = off
full_page_writes = off
CONF
    fi
    local state=started
    if running "$data" "$user"; then
        local running_port
        running_port="$(sed -n 4p "$data/postmaster.pid")"
        [ "$running_port" = "$PORT" ] || die "already running on port $running_port, not $PORT: run .ci/postgres.sh stop first"
        state="already running"
    elif "$PG_BIN/pg_isready" -q -h 127.0.0.1 -p "$PORT" -t 5 || [ $? -ne 2 ]; then
        die "something else already answers on 127.0.0.1:$PORT: stop it, or choose another port with PGPORT_TEST"
    elif ! quiet as_user "$user" "$PG_BIN/pg_ctl" start -D "$data" -l "$dir/postgres.log" -w -t 60 -o "-p $PORT"; then
        tail -n 20 "$dir/postgres.log" >&2 || true
        die "did not start on 127.0.0.1:$PORT (log: $dir/postgres.log)"
    fi
    quiet as_user "$user" "$PG_BIN/psql" -X -q -v ON_ERROR_STOP=1 -h "$SOCKET_DIR" -p "$PORT" -d postgres <<SQL
SELECT 'CREATE ROLE $DB LOGIN' WHERE NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '$DB') \gexec
ALTER ROLE $DB LOGIN PASSWORD '$DB';
SELECT 'CREATE DATABASE $DB OWNER $DB' WHERE NOT EXISTS (SELECT FROM pg_database WHERE datname = '$DB') \gexec
SQL
    quiet "$PG_BIN/pg_isready" -q -h 127.0.0.1 -p "$PORT" -d "$DB" -t 30
    echo "postgres: $state $("$PG_BIN/postgres" --version | sed 's/^postgres (PostgreSQL) /PostgreSQL /') on 127.0.0.1:$PORT, database $DB user $DB (data $data, log $dir/postgres.log)"
}

stop() {
    local dir data user
    if [ ! -f "$CI_WORK/postgres/data/PG_VERSION" ]; then
        echo "postgres: not running (no cluster in $CI_WORK/postgres/data)"
        return
    fi
    dir="$(cd "$CI_WORK/postgres" && pwd -P)"
    data="$dir/data"
    user="$(stat -c %U "$data")"
    cd "$dir"
    if running "$data" "$user"; then
        quiet as_user "$user" "$PG_BIN/pg_ctl" stop -D "$data" -m fast -w -t 60
        echo "postgres: stopped the cluster in $data"
    else
        echo "postgres: not running (cluster in $data)"
    fi
}

case "${1:-}" in
    start) start ;;
    stop) stop ;;
    *) die "usage: $0 start|stop" ;;
esac
