#!/usr/bin/env bash
# releng/scripts/postgres.sh start|stop — a throw-away PostgreSQL cluster for the repository tests.
#   start: installs PostgreSQL from Debian when missing (as root), creates a cluster in
#          target/postgres, starts it on 127.0.0.1 with a free port and prints its URL
#          (postgresql://127.0.0.1:PORT/postgres?user=postgres) on stdout; logs go to stderr.
#   stop:  stops that cluster and removes it.
set -euo pipefail
root=$(cd "$(dirname "$(readlink -f "$0")")/../.." && pwd)
dir="$root/target/postgres"

pg_bin() {
    local bin
    bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1 || true)
    if [ -z "$bin" ] && [ "$(id -u)" -eq 0 ]; then
        echo "postgres.sh: installing postgresql" >&2
        export DEBIAN_FRONTEND=noninteractive
        apt-get update -qq >&2
        apt-get install -y -qq --no-install-recommends postgresql >/dev/null
        bin=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)
    fi
    [ -n "$bin" ] || { echo "postgres.sh: PostgreSQL is not installed (run as root to install it)" >&2; exit 1; }
    echo "$bin"
}

# initdb and postgres refuse to run as root: run them as the postgres user then.
as_owner() {
    if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

case "${1:-}" in
start)
    bin=$(pg_bin)
    "$0" stop >/dev/null 2>&1 || true
    mkdir -p "$dir"
    [ "$(id -u)" -eq 0 ] && chown postgres: "$dir"
    as_owner "$bin/initdb" -D "$dir/data" -U postgres -A trust -E UTF8 --locale=C.UTF-8 >"$dir/../postgres-initdb.log" 2>&1 \
        || { cat "$dir/../postgres-initdb.log" >&2; exit 1; }
    port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()')
    as_owner "$bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 60 \
        -o "-c listen_addresses=127.0.0.1 -p $port -k $dir -c fsync=on" start >&2
    echo "postgresql://127.0.0.1:$port/postgres?user=postgres"
    ;;
stop)
    if [ -d "$dir/data" ]; then
        bin=$(pg_bin)
        as_owner "$bin/pg_ctl" -D "$dir/data" -m fast -w stop >&2 || true
    fi
    rm -rf "$dir"
    ;;
*)
    echo "usage: $0 start|stop" >&2
    exit 2
    ;;
esac
