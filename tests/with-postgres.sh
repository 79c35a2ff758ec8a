#!/usr/bin/env bash
# Runs a command with TEST_DATABASE_URL pointing at a throwaway PostgreSQL cluster:
#   bash tests/with-postgres.sh .venv/bin/python -m pytest -q
# Installs Debian's postgresql when missing, makes a cluster in a temporary folder owned by an
# unprivileged user (PostgreSQL refuses to run as root), serves it on 127.0.0.1 on a free port,
# runs the command, then stops the server and removes the folder. Exits with the command's code.
set -euo pipefail

if [ "$#" -eq 0 ]; then
    echo "usage: $0 COMMAND [ARGS...]" >&2
    exit 2
fi

as_root() {
    if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi
}

pg_bin() {
    # The newest installed major version; Debian keeps each under /usr/lib/postgresql/N/bin.
    ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1
}

bin=$(pg_bin)
if [ -z "$bin" ] || [ ! -x "$bin/initdb" ]; then
    echo "== installing Debian's postgresql"
    as_root apt-get update -q
    as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -q postgresql
    bin=$(pg_bin)
fi

# Who runs the server: the current user, or (as root, as in CI) an unprivileged system user.
if [ "$(id -u)" -eq 0 ]; then
    pg_user=quizapp-pg
    if ! id -u "$pg_user" >/dev/null 2>&1; then
        useradd --system --no-create-home --home-dir /nonexistent --shell /usr/sbin/nologin "$pg_user"
    fi
    as_pg() { runuser -u "$pg_user" -- "$@"; }
else
    pg_user=$(id -un)
    as_pg() { "$@"; }
fi

work=$(mktemp -d "${TMPDIR:-/tmp}/quizapp-pg.XXXXXX")
data="$work/data"
sockets="$work/sockets"
server_log="$work/server.log"
started=""

cleanup() {
    if [ -n "$started" ]; then
        as_pg "$bin/pg_ctl" -D "$data" -m fast -w stop >/dev/null 2>&1 || true
        wait "$server" 2>/dev/null || true
    fi
    rm -rf "$work"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

mkdir -p "$sockets"
chmod 700 "$work"
if [ "$(id -u)" -eq 0 ]; then
    chown -R "$pg_user" "$work"
fi

# A random password for TCP connections: other users of this machine can reach 127.0.0.1 too.
password=$(od -An -N16 -tx1 /dev/urandom | tr -d ' \n')
as_pg sh -c "umask 077 && printf '%s\n' '$password' > '$work/pwfile'"
as_pg "$bin/initdb" -D "$data" -U quizapp --pwfile="$work/pwfile" \
    --auth-local=trust --auth-host=scram-sha-256 -E UTF8 --locale=C.UTF-8 >"$work/initdb.log" 2>&1 || {
    cat "$work/initdb.log" >&2
    exit 1
}

port_in_use() {
    (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null
}

# The server runs as a child of this script (not daemonized by pg_ctl), so its process is
# reaped here when it stops. Durability settings are off: the cluster lives for one test run.
for attempt in 1 2 3 4 5; do
    port=$(( 20000 + RANDOM % 40000 ))
    port_in_use "$port" && continue
    as_pg "$bin/postgres" -D "$data" -c listen_addresses=127.0.0.1 -p "$port" -k "$sockets" \
        -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200 \
        >"$server_log" 2>&1 &
    server=$!
    for _ in $(seq 1 120); do
        if as_pg "$bin/pg_isready" -q -h "$sockets" -p "$port"; then
            started=yes
            break 2
        fi
        kill -0 "$server" 2>/dev/null || break  # it exited: most likely the port was taken
        sleep 0.5
    done
    kill "$server" 2>/dev/null || true
    wait "$server" 2>/dev/null || true
done
if [ -z "$started" ]; then
    echo "PostgreSQL did not start; its log:" >&2
    cat "$server_log" >&2 || true
    exit 1
fi

as_pg "$bin/createdb" -h "$sockets" -p "$port" -U quizapp quizapp_test

export TEST_DATABASE_URL="postgresql+psycopg://quizapp:$password@127.0.0.1:$port/quizapp_test"
major=${bin%/bin}
echo "== PostgreSQL ${major##*/} on 127.0.0.1:$port, run by $pg_user in $work"

set +e
"$@"
status=$?
set -e
exit "$status"
