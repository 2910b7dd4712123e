#!/usr/bin/env bash
# A throw-away PostgreSQL for the tests: installs the server from Debian's packages when missing, starts a cluster on
# 127.0.0.1 at a free port in a temporary folder, exports MIERUKA_TEST_DATABASE_URL, and stops and removes it on exit.
#
#   source scripts/postgres.sh            # in a script: the cluster lives until that shell exits
#   bash scripts/postgres.sh CMD ARGS...  # runs one command with MIERUKA_TEST_DATABASE_URL set, then stops the cluster
#
# When sourced, it sets an EXIT trap; a script that has its own EXIT trap should call mieruka_pg_stop from it.

mieruka_pg_fail() {
    echo "error: scripts/postgres.sh: $*" >&2
    return 1
}

mieruka_pg_bin() {
    local dir
    dir=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)
    [ -n "$dir" ] && [ -x "$dir/initdb" ] && echo "$dir"
}

mieruka_pg_install() {
    [ -n "$(mieruka_pg_bin)" ] && return 0
    if [ "$(id -u)" != 0 ]; then
        mieruka_pg_fail "PostgreSQL is not installed and installing it needs root (apt-get install postgresql)"
        return 1
    fi
    echo "scripts/postgres.sh: installing PostgreSQL from Debian's packages" >&2
    export DEBIAN_FRONTEND=noninteractive
    apt-get install -y -q postgresql >/dev/null 2>&1 || { apt-get update -q >/dev/null && apt-get install -y -q postgresql >/dev/null; } \
        || { mieruka_pg_fail "apt-get install postgresql failed"; return 1; }
    [ -n "$(mieruka_pg_bin)" ] || { mieruka_pg_fail "postgresql installed but no initdb under /usr/lib/postgresql/*/bin"; return 1; }
}

# Runs a command as the cluster's owner: the postgres user when we are root (initdb refuses root), otherwise ourselves.
mieruka_pg_as_owner() {
    if [ "$(id -u)" = 0 ]; then
        runuser -u postgres -- "$@"
    else
        "$@"
    fi
}

mieruka_pg_free_port() {
    python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()' 2>/dev/null \
        || echo $((20000 + RANDOM % 20000))
}

mieruka_pg_start() {
    mieruka_pg_install || return 1
    local bin
    bin=$(mieruka_pg_bin)
    MIERUKA_PG_DIR=$(mktemp -d /tmp/mieruka-pg.XXXXXX)
    chmod 755 "$MIERUKA_PG_DIR"
    if [ "$(id -u)" = 0 ]; then
        id postgres >/dev/null 2>&1 || { mieruka_pg_fail "no postgres user (the Debian package creates it)"; return 1; }
        chown postgres "$MIERUKA_PG_DIR"
    fi
    local password="mieruka-test"
    printf '%s\n' "$password" >"$MIERUKA_PG_DIR/pw"
    [ "$(id -u)" = 0 ] && chown postgres "$MIERUKA_PG_DIR/pw"
    mieruka_pg_as_owner "$bin/initdb" -D "$MIERUKA_PG_DIR/data" -U mieruka --pwfile="$MIERUKA_PG_DIR/pw" -A scram-sha-256 \
        -E UTF8 --locale=C >"$MIERUKA_PG_DIR/initdb.log" 2>&1 \
        || { cat "$MIERUKA_PG_DIR/initdb.log" >&2; mieruka_pg_fail "initdb failed"; return 1; }
    local port attempt
    for attempt in 1 2 3 4 5; do
        port=$(mieruka_pg_free_port)
        # A socket directory inside the cluster's folder: /var/run/postgresql may not exist or be writable.
        if mieruka_pg_as_owner "$bin/pg_ctl" -D "$MIERUKA_PG_DIR/data" -l "$MIERUKA_PG_DIR/server.log" -w -t 60 \
            -o "-h 127.0.0.1 -p $port -k $MIERUKA_PG_DIR -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200" \
            start >/dev/null 2>&1; then
            MIERUKA_PG_PORT=$port
            break
        fi
    done
    [ -n "${MIERUKA_PG_PORT:-}" ] || { tail -20 "$MIERUKA_PG_DIR/server.log" >&2; mieruka_pg_fail "the server did not start"; return 1; }
    PGPASSWORD=$password "$bin/psql" -h 127.0.0.1 -p "$MIERUKA_PG_PORT" -U mieruka -d postgres -q -c "CREATE DATABASE mieruka_test" >/dev/null \
        || { mieruka_pg_fail "could not create the test database"; return 1; }
    export MIERUKA_TEST_DATABASE_URL="postgres://mieruka:$password@127.0.0.1:$MIERUKA_PG_PORT/mieruka_test"
    export MIERUKA_PG_DIR MIERUKA_PG_PORT
    echo "scripts/postgres.sh: PostgreSQL $("$bin/postgres" --version | awk '{print $3}') on 127.0.0.1:$MIERUKA_PG_PORT ($MIERUKA_PG_DIR)" >&2
}

mieruka_pg_stop() {
    [ -n "${MIERUKA_PG_DIR:-}" ] && [ -d "$MIERUKA_PG_DIR" ] || return 0
    local bin
    bin=$(mieruka_pg_bin)
    mieruka_pg_as_owner "$bin/pg_ctl" -D "$MIERUKA_PG_DIR/data" -m fast -w stop >/dev/null 2>&1 || true
    rm -rf "$MIERUKA_PG_DIR"
    unset MIERUKA_PG_DIR MIERUKA_PG_PORT MIERUKA_TEST_DATABASE_URL
}

if [ "${BASH_SOURCE[0]}" != "$0" ]; then
    # Sourced.
    mieruka_pg_start || return 1
    trap mieruka_pg_stop EXIT
else
    set -euo pipefail
    mieruka_pg_start
    trap mieruka_pg_stop EXIT
    if [ $# -gt 0 ]; then
        # In the background and waited for, so that INT or TERM reach this script at once: it ends the command and stops
        # the server (a foreground command would delay the trap until it ended by itself). <&0 keeps standard input.
        "$@" <&0 &
        mieruka_pg_child=$!
        trap 'kill -TERM "$mieruka_pg_child" 2>/dev/null; wait "$mieruka_pg_child"; exit 130' INT TERM
        set +e
        wait "$mieruka_pg_child"
        status=$?
        set -e
        exit "$status"
    else
        echo "MIERUKA_TEST_DATABASE_URL=$MIERUKA_TEST_DATABASE_URL (the cluster stops when this script exits; give a command to run)"
    fi
fi
