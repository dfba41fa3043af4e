#!/usr/bin/env bash
# A private PostgreSQL 15 + PostGIS 3 cluster for this checkout, on 127.0.0.1 only.
#   scripts/pg.sh install|start|stop|status|psql|url
# Settings: STATIONMAP_DATA (default .stationmap), STATIONMAP_PG_PORT (default 55432), STATIONMAP_PG_DB (default stationmap).
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
DATA_ROOT=${STATIONMAP_DATA:-$ROOT/.stationmap}
case "$DATA_ROOT" in /*) ;; *) DATA_ROOT=$ROOT/$DATA_ROOT ;; esac
BASE=$DATA_ROOT/pg
PORT=${STATIONMAP_PG_PORT:-55432}
DB=${STATIONMAP_PG_DB:-stationmap}
BIN=/usr/lib/postgresql/15/bin
PKGS=(postgresql-15 postgresql-15-postgis-3 postgresql-15-pgrouting)

say() { echo "pg.sh: $*" >&2; }

# PostgreSQL refuses to run as root, so every server command runs as the postgres OS user.
as_pg() {
  if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

cmd_install() {
  local missing=()
  for p in "${PKGS[@]}"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
  done
  if [ ${#missing[@]} -eq 0 ]; then return 0; fi
  say "installing ${missing[*]} with apt-get"
  if [ "$(id -u)" != 0 ]; then say "need root to install packages (run as root or install them yourself)"; exit 1; fi
  DEBIAN_FRONTEND=noninteractive apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
  say "installed ${missing[*]}"
}

psql_q() { "$BIN/psql" -X -q -h 127.0.0.1 -p "$PORT" -U postgres -v ON_ERROR_STOP=1 "$@"; }

cmd_start() {
  cmd_install
  if [ "$(id -u)" = 0 ]; then
    install -d -o postgres -g postgres -m 755 "$DATA_ROOT" "$BASE" "$BASE/sock"
    install -d -o postgres -g postgres -m 700 "$BASE/data"
    # The data root may be inside a checkout owned by root: postgres needs to traverse it.
    chmod o+x "$DATA_ROOT" "$ROOT" 2>/dev/null || true
  else
    mkdir -p "$BASE/sock" "$BASE/data"; chmod 700 "$BASE/data"
  fi
  if [ ! -f "$BASE/data/PG_VERSION" ]; then
    say "initdb into $BASE/data"
    as_pg "$BIN/initdb" -D "$BASE/data" -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 >/dev/null
  fi
  if ! as_pg "$BIN/pg_ctl" -D "$BASE/data" status >/dev/null 2>&1; then
    as_pg "$BIN/pg_ctl" -D "$BASE/data" -l "$BASE/pg.log" -w -t 60 \
      -o "-p $PORT -k $BASE/sock -c listen_addresses=127.0.0.1 -c max_connections=200 -c shared_buffers=256MB -c fsync=${STATIONMAP_PG_FSYNC:-on}" start >/dev/null \
      || { say "start failed; last log lines:"; tail -n 20 "$BASE/pg.log" >&2; exit 1; }
  fi
  for _ in $(seq 1 60); do
    "$BIN/pg_isready" -q -h 127.0.0.1 -p "$PORT" && break
    sleep 0.5
  done
  if [ "$(psql_q -d postgres -tAc "select 1 from pg_database where datname='$DB'")" != 1 ]; then
    psql_q -d postgres -c "create database \"$DB\"" >/dev/null
  fi
  PGOPTIONS="-c client_min_messages=warning" psql_q -d "$DB" -c "create extension if not exists postgis" >/dev/null
  echo "Host=127.0.0.1;Port=$PORT;Database=$DB;Username=postgres"
}

cmd_stop() {
  if [ -f "$BASE/data/PG_VERSION" ] && as_pg "$BIN/pg_ctl" -D "$BASE/data" status >/dev/null 2>&1; then
    as_pg "$BIN/pg_ctl" -D "$BASE/data" -m fast -w stop >/dev/null
    say "stopped (port $PORT)"
  fi
}

cmd_status() {
  if [ -f "$BASE/data/PG_VERSION" ] && as_pg "$BIN/pg_ctl" -D "$BASE/data" status >/dev/null 2>&1; then
    echo "running on 127.0.0.1:$PORT, data $BASE/data"
  else
    echo "not running (data $BASE/data)"; return 3
  fi
}

case "${1:-}" in
  install) cmd_install ;;
  start) cmd_start ;;
  stop) cmd_stop ;;
  status) cmd_status ;;
  psql) shift; exec "$BIN/psql" -h 127.0.0.1 -p "$PORT" -U postgres -d "$DB" "$@" ;;
  url) echo "Host=127.0.0.1;Port=$PORT;Database=$DB;Username=postgres" ;;
  *) echo "usage: $0 install|start|stop|status|psql|url" >&2; exit 2 ;;
esac
