#!/usr/bin/env bash
# PostgreSQL and Redis on loopback for the classroom server tests (tests/server/services.test.ts).
# Installs Debian's postgresql and redis-server when missing (root only), starts a private
# PostgreSQL cluster and a Redis server on loopback ports when they are not already running, and
# prints the two URLs the tests use:
#   DATABASE_URL=postgres://postgres@127.0.0.1:<port>/postgres
#   REDIS_URL=redis://127.0.0.1:<port>
# Usage: tests/server/services.sh [start|stop]   (exit 1 with a reason when a service cannot start)
set -uo pipefail
DIR=${CLASSROOM_SERVICES_DIR:-/tmp/third-side-services}
PG_PORT=${CLASSROOM_PG_PORT:-54329}
REDIS_PORT=${CLASSROOM_REDIS_PORT:-63799}
action=${1:-start}

say() { echo "services: $*" >&2; }

as_pg() {
  if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

pg_bin() { ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1; }

if [ "$action" = stop ]; then
  b=$(pg_bin)
  [ -n "$b" ] && [ -d "$DIR/pg/data" ] && as_pg "$b/pg_ctl" -D "$DIR/pg/data" -m fast stop >/dev/null 2>&1
  [ -f "$DIR/redis.pid" ] && kill "$(cat "$DIR/redis.pid")" 2>/dev/null
  exit 0
fi

if [ -z "$(pg_bin)" ] || ! command -v redis-server >/dev/null; then
  if [ "$(id -u)" -eq 0 ] && command -v apt-get >/dev/null; then
    say "installing postgresql and redis-server with apt-get"
    (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql redis-server >/dev/null) || say "apt-get failed"
  fi
fi
B=$(pg_bin)
[ -n "$B" ] || { say "PostgreSQL is not installed (apt-get install postgresql)"; exit 1; }
command -v redis-server >/dev/null || { say "redis-server is not installed (apt-get install redis-server)"; exit 1; }

mkdir -p "$DIR/pg"
[ "$(id -u)" -eq 0 ] && chown postgres "$DIR/pg"

# PostgreSQL: a private cluster (trust auth, loopback only) unless one already answers on the port.
if ! "$B/pg_isready" -q -h 127.0.0.1 -p "$PG_PORT"; then
  if [ ! -f "$DIR/pg/data/PG_VERSION" ]; then
    as_pg "$B/initdb" -D "$DIR/pg/data" -A trust -U postgres >"$DIR/pg/initdb.log" 2>&1 || { say "initdb failed: $(tail -3 "$DIR/pg/initdb.log")"; exit 1; }
  fi
  as_pg "$B/pg_ctl" -D "$DIR/pg/data" -w -t 60 -l "$DIR/pg/server.log" \
    -o "-p $PG_PORT -k $DIR/pg -c listen_addresses=127.0.0.1 -c max_connections=100" start >/dev/null 2>&1 ||
    { say "PostgreSQL did not start: $(tail -3 "$DIR/pg/server.log" 2>/dev/null)"; exit 1; }
fi

# Redis: no persistence, loopback only.
if ! redis-cli -h 127.0.0.1 -p "$REDIS_PORT" ping >/dev/null 2>&1; then
  redis-server --port "$REDIS_PORT" --bind 127.0.0.1 --daemonize yes --save '' --appendonly no \
    --dir "$DIR" --pidfile "$DIR/redis.pid" --logfile "$DIR/redis.log" >/dev/null 2>&1 || { say "redis-server did not start"; exit 1; }
  for _ in $(seq 1 50); do redis-cli -h 127.0.0.1 -p "$REDIS_PORT" ping >/dev/null 2>&1 && break; sleep 0.1; done
  redis-cli -h 127.0.0.1 -p "$REDIS_PORT" ping >/dev/null 2>&1 || { say "redis-server does not answer: $(tail -3 "$DIR/redis.log" 2>/dev/null)"; exit 1; }
fi

echo "DATABASE_URL=postgres://postgres@127.0.0.1:$PG_PORT/postgres"
echo "REDIS_URL=redis://127.0.0.1:$REDIS_PORT"
