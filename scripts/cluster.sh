#!/usr/bin/env bash
# More than one machine, on one machine: a PostgreSQL primary and a streaming standby (pg_basebackup -R, a replication
# slot, hot_standby) and two API processes in front of them, all on 127.0.0.1.
#   scripts/cluster.sh start|stop|status|failover|rejoin
# start     both nodes (the first start makes node a the primary, loads the demo data like run.sh and clones node b from
#           it), then API 1 (Hangfire server) and API 2 (Hangfire:Server:Enabled=false, the read-only replica role)
# stop      both APIs and both nodes (the data stays)
# status    each node's role and replication state, each API's /healthz/ready
# failover  stops the primary as a crash would (fast shutdown) and promotes the standby (pg_promote()); the APIs keep
#           running and find the new primary by themselves (the two steps alone: stop-primary, then promote)
# rejoin    makes the stopped old primary a standby of the new one (a fresh pg_basebackup) and starts it
# Settings: STATIONMAP_CLUSTER_DATA (.stationmap/cluster), STATIONMAP_CLUSTER_PG_PORT (55436: node a; node b is the next
# port), STATIONMAP_CLUSTER_API_PORT (5085: API 1; API 2 is the next port), STATIONMAP_CLUSTER_API2_HANGFIRE (false),
# STATIONMAP_PG_FSYNC (on), STATIONMAP_CLUSTER_SEED (1: load the demo data on the first start), STATIONMAP_CLUSTER_APIS
# (1: start the APIs). Every other setting the caller exports (Refresh__Sources__0__Name=..., Nearest__...) reaches both
# API processes.
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
DATA_ROOT=${STATIONMAP_CLUSTER_DATA:-$ROOT/.stationmap/cluster}
case "$DATA_ROOT" in /*) ;; *) DATA_ROOT=$ROOT/$DATA_ROOT ;; esac
PG_PORT=${STATIONMAP_CLUSTER_PG_PORT:-55436}
API_PORT=${STATIONMAP_CLUSTER_API_PORT:-5085}
DB=stationmap
BIN=/usr/lib/postgresql/15/bin
API_DLL=$ROOT/api/StationMap.Api/bin/Release/net10.0/StationMap.Api.dll
NODES=(a b)
SLOT_PREFIX=stationmap_standby_

say() { echo "cluster.sh: $*" >&2; }

as_pg() {
  if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

node_port() { if [ "$1" = a ]; then echo "$PG_PORT"; else echo $((PG_PORT + 1)); fi; }
other() { if [ "$1" = a ]; then echo b; else echo a; fi; }
node_dir() { echo "$DATA_ROOT/$1"; }
api_port() { echo $((API_PORT + $1 - 1)); }

psql_node() { "$BIN/psql" -X -q -tA -h 127.0.0.1 -p "$(node_port "$1")" -U postgres -v ON_ERROR_STOP=1 -d "${2:-postgres}" "${@:3}"; }

running() { [ -f "$(node_dir "$1")/data/PG_VERSION" ] && as_pg "$BIN/pg_ctl" -D "$(node_dir "$1")/data" status >/dev/null 2>&1; }

# primary, standby or down
role() {
  if ! running "$1"; then echo down; return; fi
  case "$(psql_node "$1" postgres -c 'select pg_is_in_recovery()' 2>/dev/null)" in
    f) echo primary ;;
    t) echo standby ;;
    *) echo down ;;
  esac
}

# The two connection strings every API process gets: reads prefer a standby (spread over the standbys when there are
# several), writes go to whichever node is the primary. Host Recheck Seconds bounds how long Npgsql trusts a node's
# role it saw: after a promotion the old standby is taken for a primary at most that long later.
write_cs() { echo "Host=127.0.0.1:$(node_port a),127.0.0.1:$(node_port b);Database=$DB;Username=postgres;Target Session Attributes=primary;Host Recheck Seconds=2"; }
read_cs() { echo "Host=127.0.0.1:$(node_port a),127.0.0.1:$(node_port b);Database=$DB;Username=postgres;Target Session Attributes=prefer-standby;Load Balance Hosts=true;Host Recheck Seconds=2"; }

start_node() {
  local node=$1 dir port
  dir=$(node_dir "$node"); port=$(node_port "$node")
  if running "$node"; then return; fi
  # Settings on the command line rather than in postgresql.conf: pg_basebackup copies the data folder, and each node
  # keeps its own port and socket. cluster_name names the node in ps and in the standby's application_name.
  as_pg "$BIN/pg_ctl" -D "$dir/data" -l "$dir/pg.log" -w -t 60 \
    -o "-p $port -k $dir/sock -c listen_addresses=127.0.0.1 -c max_connections=200 -c shared_buffers=128MB \
        -c fsync=${STATIONMAP_PG_FSYNC:-on} -c wal_level=replica -c max_wal_senders=10 -c max_replication_slots=10 \
        -c hot_standby=on -c hot_standby_feedback=on -c wal_keep_size=256MB -c cluster_name=stationmap-$node" start >/dev/null \
    || { say "node $node did not start; last log lines:"; tail -n 20 "$dir/pg.log" >&2; exit 1; }
}

make_dirs() {
  local dir=$1
  if [ "$(id -u)" = 0 ]; then
    install -d -o postgres -g postgres -m 755 "$DATA_ROOT" "$dir" "$dir/sock"
    install -d -o postgres -g postgres -m 700 "$dir/data"
    # The data root may be inside a checkout owned by root: postgres needs to traverse it.
    chmod o+x "$DATA_ROOT" "$ROOT" "$(dirname "$DATA_ROOT")" 2>/dev/null || true
  else
    mkdir -p "$dir/sock" "$dir/data"; chmod 700 "$dir/data"
  fi
}

# clone NODE FROM: NODE becomes a streaming standby of FROM, through a replication slot of its own on FROM (so FROM
# keeps the WAL the standby has not received yet), written by pg_basebackup -R (standby.signal, primary_conninfo).
clone() {
  local node=$1 from=$2 dir
  dir=$(node_dir "$node")
  rm -rf "$dir"
  make_dirs "$dir"
  if [ "$(psql_node "$from" postgres -c "select count(*) from pg_replication_slots where slot_name = '$SLOT_PREFIX$node'")" = 0 ]; then
    psql_node "$from" postgres -c "select pg_create_physical_replication_slot('$SLOT_PREFIX$node')" >/dev/null
  fi
  as_pg "$BIN/pg_basebackup" -h 127.0.0.1 -p "$(node_port "$from")" -U postgres -D "$dir/data" -R -S "$SLOT_PREFIX$node" \
    -X stream -c fast >/dev/null
  # The node the standby follows is named in its conninfo; application_name shows it in pg_stat_replication.
  echo "primary_conninfo = 'host=127.0.0.1 port=$(node_port "$from") user=postgres application_name=stationmap-$node'" \
    | as_pg tee -a "$dir/data/postgresql.auto.conf" >/dev/null
  start_node "$node"
}

# Waits until FROM streams to NODE (state 'streaming' in pg_stat_replication).
wait_streaming() {
  local node=$1 from=$2
  for _ in $(seq 1 120); do
    if [ "$(psql_node "$from" postgres -c "select state from pg_stat_replication where application_name = 'stationmap-$node'" 2>/dev/null)" = streaming ]; then
      return
    fi
    sleep 0.25
  done
  say "node $node is not streaming from node $from"; exit 1
}

# The node that is primary now (the first start makes it a), or nothing.
current_primary() {
  local node
  for node in "${NODES[@]}"; do
    if [ "$(role "$node")" = primary ]; then echo "$node"; return; fi
  done
}

# The node the cluster last made primary (node a at the first start, the promoted one after a failover): a stopped old
# primary must never start as a primary beside it.
recorded_primary() { cat "$DATA_ROOT/primary" 2>/dev/null || echo a; }
is_standby_data() { [ -f "$(node_dir "$1")/data/standby.signal" ]; }

start_databases() {
  "$ROOT/scripts/pg.sh" install
  local a_dir
  a_dir=$(node_dir a)
  if [ ! -f "$a_dir/data/PG_VERSION" ] && [ ! -f "$(node_dir b)/data/PG_VERSION" ]; then
    make_dirs "$a_dir"
    say "initdb node a (primary)"
    as_pg "$BIN/initdb" -D "$a_dir/data" -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 >/dev/null
    echo a >"$DATA_ROOT/primary"
  fi
  local primary standby
  primary=$(recorded_primary)
  standby=$(other "$primary")
  start_node "$primary"
  [ "$(role "$primary")" = primary ] || { say "node $primary, the recorded primary, is not a primary"; exit 1; }
  if [ "$(psql_node "$primary" postgres -c "select count(*) from pg_database where datname = '$DB'")" = 0 ]; then
    psql_node "$primary" postgres -c "create database $DB" >/dev/null
  fi
  PGOPTIONS="-c client_min_messages=warning" psql_node "$primary" "$DB" -c "create extension if not exists postgis" >/dev/null
  if [ "${STATIONMAP_CLUSTER_SEED:-1}" = 1 ]; then seed "$primary"; fi
  if [ ! -f "$(node_dir "$standby")/data/PG_VERSION" ]; then
    say "pg_basebackup: node $standby becomes a standby of node $primary"
    clone "$standby" "$primary"
  elif is_standby_data "$standby"; then
    start_node "$standby"
  else
    # The old primary of a failover: its data went on without the new primary's changes (and may hold its own).
    say "node $standby is the old primary of a failover and stays stopped; 'scripts/cluster.sh rejoin' makes it a standby"
    return
  fi
  wait_streaming "$standby" "$primary"
}

build_api() {
  if [ ! -f "$API_DLL" ]; then
    say "building the API (Release)"
    dotnet build "$ROOT/api/StationMap.Api/StationMap.Api.csproj" -c Release -nologo -clp:ErrorsOnly -v:q
  fi
}

# Migrations and the demo data, as run.sh loads them (idempotent: a second start changes nothing).
seed() {
  build_api
  (cd "$ROOT/api/StationMap.Api" && ConnectionStrings__StationMap="$(write_cs)" \
    dotnet "$API_DLL" seed-demo --Logging:LogLevel:Default=Warning) >"$DATA_ROOT/seed.log" 2>&1 \
    || { cat "$DATA_ROOT/seed.log" >&2; say "seed-demo failed"; exit 1; }
}

api_running() { [ -f "$DATA_ROOT/api-$1.pid" ] && kill -0 "$(cat "$DATA_ROOT/api-$1.pid")" 2>/dev/null; }

start_api() {
  local n=$1 hangfire=true
  if api_running "$n"; then return; fi
  if [ "$n" = 2 ]; then hangfire=${STATIONMAP_CLUSTER_API2_HANGFIRE:-false}; fi
  # Both processes share the check-in device secret and the operator key: they must answer alike.
  (cd "$ROOT/api/StationMap.Api" && \
    ConnectionStrings__StationMap="$(write_cs)" ConnectionStrings__StationMapRead="$(read_cs)" \
    Checkins__DeviceKeySecret="$(cat "$DATA_ROOT/checkin-secret")" \
    Hangfire__Server__Enabled=$hangfire \
    exec dotnet "$API_DLL" --Urls="http://127.0.0.1:$(api_port "$n")" ${STATIONMAP_CLUSTER_API_ARGS:-}) \
    >"$DATA_ROOT/api-$n.log" 2>&1 &
  echo $! >"$DATA_ROOT/api-$n.pid"
}

wait_api() {
  local n=$1
  for _ in $(seq 1 240); do
    if curl -sf "http://127.0.0.1:$(api_port "$n")/healthz" 2>/dev/null | grep -q '"version":[0-9]'; then return; fi
    if ! api_running "$n"; then tail -n 40 "$DATA_ROOT/api-$n.log" >&2; say "API $n exited"; exit 1; fi
    sleep 0.25
  done
  say "API $n did not load its nearest index"; exit 1
}

start_apis() {
  build_api
  local secret=$DATA_ROOT/checkin-secret key=$DATA_ROOT/operator-key
  if [ ! -s "$secret" ]; then (umask 077; head -c 48 /dev/urandom | base64 -w0 >"$secret"); fi
  if [ ! -s "$key" ]; then
    (cd "$ROOT/api/StationMap.Api" && umask 077 && ConnectionStrings__StationMap="$(write_cs)" \
      dotnet "$API_DLL" create-operator-key cluster-operator --Logging:LogLevel:Default=Warning | tail -n 1 >"$key")
  fi
  # One after the other: the first applies any pending migration, the second finds none.
  start_api 1; wait_api 1
  start_api 2; wait_api 2
}

stop_api() {
  local n=$1 pid
  if api_running "$n"; then
    pid=$(cat "$DATA_ROOT/api-$n.pid")
    kill -TERM "$pid" 2>/dev/null || true
    for _ in $(seq 1 100); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
    kill -KILL "$pid" 2>/dev/null || true
    say "stopped API $n"
  fi
  rm -f "$DATA_ROOT/api-$n.pid"
}

stop_node() {
  if running "$1"; then
    as_pg "$BIN/pg_ctl" -D "$(node_dir "$1")/data" -m fast -w stop >/dev/null
    say "stopped node $1"
  fi
}

cmd_start() {
  start_databases
  if [ "${STATIONMAP_CLUSTER_APIS:-1}" = 1 ]; then start_apis; fi
  cmd_status
}

cmd_stop() {
  stop_api 1; stop_api 2
  local node
  for node in "${NODES[@]}"; do stop_node "$node"; done
}

cmd_status() {
  local node n primary
  primary=$(current_primary)
  for node in "${NODES[@]}"; do
    local r
    r=$(role "$node")
    case "$r" in
      primary)
        echo "node $node: primary on 127.0.0.1:$(node_port "$node"), streaming to: $(psql_node "$node" postgres -F ' ' -c \
          "select coalesce(string_agg(application_name || ' ' || state || ' replay lag ' || coalesce(replay_lag::text, '0'), ', '), 'none') from pg_stat_replication")" ;;
      standby)
        echo "node $node: standby on 127.0.0.1:$(node_port "$node"), $(psql_node "$node" postgres -c \
          "select 'receiving ' || coalesce(status, 'nothing') || ', replayed ' || pg_last_wal_replay_lsn() || ', last replayed transaction ' || coalesce(extract(epoch from now() - pg_last_xact_replay_timestamp())::int || ' s ago', 'none') from pg_stat_wal_receiver right join (select 1) one on true")" ;;
      *) echo "node $node: down (127.0.0.1:$(node_port "$node"))" ;;
    esac
  done
  for n in 1 2; do
    if api_running "$n"; then
      echo "API $n: http://127.0.0.1:$(api_port "$n") pid $(cat "$DATA_ROOT/api-$n.pid"), ready: $(curl -s -m 2 "http://127.0.0.1:$(api_port "$n")/healthz/ready" || echo 'no answer')"
    else
      echo "API $n: not running"
    fi
  done
  echo "writes: $(write_cs)"
  echo "reads:  $(read_cs)"
  [ -n "$primary" ]
}

# Stops the primary as a crash would (fast shutdown: every session is cut); prints the node stopped.
cmd_stop_primary() {
  local primary
  primary=$(current_primary)
  [ -n "$primary" ] || { say "no primary is running"; exit 1; }
  [ "$(role "$(other "$primary")")" = standby ] || { say "node $(other "$primary") is not a running standby"; exit 1; }
  stop_node "$primary"
  echo "$primary"
}

# Promotes the standby of a stopped primary (pg_promote() waits until it accepts writes); prints the new primary.
cmd_promote() {
  local standby=
  for node in "${NODES[@]}"; do
    if [ "$(role "$node")" = standby ]; then standby=$node; fi
  done
  [ -n "$standby" ] || { say "no standby is running"; exit 1; }
  if running "$(other "$standby")"; then say "node $(other "$standby") is still running: stop the primary first"; exit 1; fi
  [ "$(psql_node "$standby" postgres -c 'select pg_promote(wait => true, wait_seconds => 60)')" = t ] \
    || { say "node $standby was not promoted"; exit 1; }
  echo "$standby" >"$DATA_ROOT/primary"
  echo "$standby"
}

cmd_failover() {
  local t0 t1 t2 primary standby
  t0=$(date +%s.%N)
  primary=$(cmd_stop_primary)
  t1=$(date +%s.%N)
  standby=$(cmd_promote)
  t2=$(date +%s.%N)
  awk -v a="$t0" -v b="$t1" -v c="$t2" -v p="$primary" -v s="$standby" 'BEGIN {
    printf "cluster.sh: node %s stopped in %.2f s; node %s promoted in %.2f s: it is the primary now\n", p, b - a, s, c - b }' >&2
  echo "$standby"
}

cmd_rejoin() {
  local primary standby
  primary=$(recorded_primary)
  [ "$(role "$primary")" = primary ] || { say "node $primary is not a running primary"; exit 1; }
  standby=$(other "$primary")
  stop_node "$standby"
  say "pg_basebackup: node $standby becomes a standby of node $primary"
  clone "$standby" "$primary"
  wait_streaming "$standby" "$primary"
  cmd_status
}

case "${1:-}" in
  start) cmd_start ;;
  stop) cmd_stop ;;
  status) cmd_status ;;
  failover) cmd_failover ;;
  stop-primary) cmd_stop_primary ;;
  promote) cmd_promote ;;
  rejoin) cmd_rejoin ;;
  write-url) write_cs ;;
  read-url) read_cs ;;
  *) echo "usage: $0 start|stop|status|failover|stop-primary|promote|rejoin|write-url|read-url" >&2; exit 2 ;;
esac
