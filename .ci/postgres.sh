# Sourced by .ci/run: a throwaway PostgreSQL on 127.0.0.1 for the history tests.
#   pg_start  initialises a cluster in a temp folder, starts it, creates the role `selfheal`
#             (password auth over TCP), and exports SELFHEAL_TEST_PG_URL/_USER/_PASSWORD;
#   pg_stop   stops it and removes the folder.
PG_PORT="${PG_PORT:-55432}"

pg_start() {
  local bin
  bin="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)"
  if [ -z "$bin" ]; then
    echo "PostgreSQL is not installed" >&2
    return 1
  fi
  PG_DATA="$(mktemp -d /tmp/selfheal-pg.XXXXXX)"
  local as=()
  if [ "$(id -u)" = 0 ]; then
    chown postgres: "$PG_DATA"   # the server refuses to run as root
    as=(runuser -u postgres --)
  fi
  "${as[@]}" "$bin/initdb" -D "$PG_DATA/data" -U postgres --auth-local=trust --auth-host=scram-sha-256 >/dev/null
  "${as[@]}" "$bin/pg_ctl" -D "$PG_DATA/data" -l "$PG_DATA/server.log" -w \
    -o "-h 127.0.0.1 -p $PG_PORT -k $PG_DATA" start >/dev/null
  "${as[@]}" psql -q -h "$PG_DATA" -p "$PG_PORT" -U postgres -d postgres \
    -c "CREATE ROLE selfheal LOGIN SUPERUSER PASSWORD 'selfheal-test'" >/dev/null
  PG_BIN="$bin"
  PG_AS=("${as[@]}")
  export SELFHEAL_TEST_PG_URL="jdbc:postgresql://127.0.0.1:$PG_PORT/postgres"
  export SELFHEAL_TEST_PG_USER=selfheal
  export SELFHEAL_TEST_PG_PASSWORD=selfheal-test
  echo "PostgreSQL $("$bin/postgres" --version | awk '{print $3}') on 127.0.0.1:$PG_PORT"
}

pg_stop() {
  if [ -n "${PG_DATA:-}" ] && [ -d "$PG_DATA/data" ]; then
    "${PG_AS[@]}" "$PG_BIN/pg_ctl" -D "$PG_DATA/data" -m fast -w stop >/dev/null 2>&1 || true
    rm -rf "$PG_DATA"
  fi
}
