#!/usr/bin/env bash
# Benchmarks on Release builds, against a private database of their own (port 55434, data in .stationmap/bench);
# each sub-command prints a plain table at the end and stops whatever it started.
#   scripts/bench.sh nearest [--stations 200000|1000000] [--seconds 30] [--connections 32] [--warmup 30] [--only-memory]
#   scripts/bench.sh tiles [--stations 1000000] [--tiles 20000] [--seconds 30] [--connections 32] [--warmup 30]
#   scripts/bench.sh search [--stations 1000000] [--queries 20000] [--seconds 30] [--connections 32] [--warmup 30]
#   scripts/bench.sh checkins [--stations 1000000] [--seconds 30] [--connections 32] [--devices 100000] [--peak-rate 550] [--pairs 6] [--pair-seconds 10]
#     [--phases "B A C P D E B2"]
#   scripts/bench.sh micro [filter]
#   scripts/bench.sh import [--rows 1000000] [--repeats 3]   (and ogr2ogr from gdal-bin on the same file, same database)
#   scripts/bench.sh abuse [--stations 1000000] [--seconds 20] [--warmup 20] [--attackers 32]
#   scripts/bench.sh soak [--minutes 5] [--stations 200000] [--connections 8] [--outage-seconds 10]   (scripts/soak.sh)
#   scripts/bench.sh planning [--span-m 40000] [--exact-seconds 60] [--exact-workers 1]   (in process, no database)
#   scripts/bench.sh replicas [--stations 200000] [--seconds 20] [--warmup 10] [--connections 32] [--imports 20]
#     (scripts/cluster.sh: a primary and a standby on STATIONMAP_BENCH_PG_PORT and the next port, two APIs on
#     STATIONMAP_BENCH_API_PORT and the next port)
#   scripts/bench.sh dedup [--stations 860000]   (place matching: ~1,000,000 records of three lists, ~20% overlap)
# Settings: STATIONMAP_BENCH_PG_PORT (55434), STATIONMAP_BENCH_DATA (.stationmap/bench), STATIONMAP_BENCH_API_PORT (5081),
# STATIONMAP_BENCH_WRK_THREADS (2),
# STATIONMAP_BENCH_API_CS_EXTRA (appended to the API's connection string, e.g. ";Max Auto Prepare=20"),
# STATIONMAP_BENCH_API_ARGS (more settings for the API, e.g. "--Checkins:ProximityM=500").
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
export STATIONMAP_DATA=${STATIONMAP_BENCH_DATA:-$ROOT/.stationmap/bench}
export STATIONMAP_PG_PORT=${STATIONMAP_BENCH_PG_PORT:-55434}
API_URL=http://127.0.0.1:${STATIONMAP_BENCH_API_PORT:-5081}
PGBIN=/usr/lib/postgresql/15/bin
BENCH_DLL=$ROOT/tests/StationMap.Benchmarks/bin/Release/net10.0/StationMap.Benchmarks.dll
API_DLL=$ROOT/api/StationMap.Api/bin/Release/net10.0/StationMap.Api.dll
# Beijing-Tianjin-Hebei, where `load-generated --region jingjinji` puts its stations: minLon,minLat,maxLon,maxLat.
export BENCH_BOX=113.4,36.0,119.9,42.7

say() { echo "bench.sh: $*" >&2; }

WORK=$(mktemp -d)
STARTED_PG=0
STARTED_CLUSTER=0
API_PID=
# Every benchmark load comes from 127.0.0.1 and is not rate-limited; abuse adds the trusted proxy setting.
API_EXTRA_ARGS=(--RateLimits:ExemptLoopback=true)
read -r -a more_api_args <<<"${STATIONMAP_BENCH_API_ARGS:-}"
API_EXTRA_ARGS+=("${more_api_args[@]}")
cleanup() {
  if [ -n "$API_PID" ]; then kill -TERM "$API_PID" 2>/dev/null || true; wait "$API_PID" 2>/dev/null || true; fi
  if [ "$STARTED_PG" = 1 ]; then "$ROOT/scripts/pg.sh" stop || true; fi
  if [ "$STARTED_CLUSTER" = 1 ]; then "$ROOT/scripts/cluster.sh" stop || true; fi
  rm -rf "$WORK"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

build() {
  say "building Release"
  dotnet build -c Release -v quiet -nologo "$ROOT/tests/StationMap.Benchmarks" >"$WORK/build.log" 2>&1 \
    || { grep -E 'error' "$WORK/build.log" | sort -u >&2; say "build failed"; exit 1; }
}

# Starts the bench cluster unless it already runs, and makes sure database $1 exists with PostGIS.
start_pg() {
  if ! "$ROOT/scripts/pg.sh" status >/dev/null 2>&1; then STARTED_PG=1; fi
  STATIONMAP_PG_DB=$1 "$ROOT/scripts/pg.sh" start >/dev/null
}

psql_bench() { "$PGBIN/psql" -X -q -tA -h 127.0.0.1 -p "$STATIONMAP_PG_PORT" -U postgres -v ON_ERROR_STOP=1 "$@"; }

# Loads N generated stations into bench_N once; a database whose live count already matches is reused.
load_stations() {
  local n=$1 db=bench_$1 have
  have=$(psql_bench -d "$db" -c "select count(*) from station where source = 'bench-$n' and retired_at is null" 2>/dev/null || echo 0)
  if [ "$have" = "$n" ]; then say "reusing $db ($n stations)"; return; fi
  say "loading $n generated stations into $db"
  (cd "$ROOT/api/StationMap.Api" && ConnectionStrings__StationMap="$(connection_string "$db");Command Timeout=0" \
    dotnet "$API_DLL" load-generated --count "$n" --region jingjinji --source "bench-$n" --Logging:LogLevel:Default=Warning) >&2
  psql_bench -d "$db" -c "vacuum analyze station"
}

connection_string() { echo "Host=127.0.0.1;Port=$STATIONMAP_PG_PORT;Database=$1;Username=postgres"; }

# start_api DB PATH: the API on DB with Nearest:Path=PATH (Memory or Database). On the memory path it waits until the
# index is loaded (until then the API answers from the database, which would blur the figures).
start_api() {
  local db=$1 path=${2:-Memory}
  (cd "$ROOT/api/StationMap.Api" && ConnectionStrings__StationMap="$(connection_string "$db")${STATIONMAP_BENCH_API_CS_EXTRA:-}" \
    exec dotnet "$API_DLL" --Urls="$API_URL" --Nearest:Path="$path" "${API_EXTRA_ARGS[@]}" --Logging:LogLevel:Default=Warning \
      --Logging:LogLevel:Microsoft.AspNetCore=Warning --Logging:LogLevel:StationMap.Api.Stations=Information) \
    >"$WORK/api.log" 2>&1 &
  API_PID=$!
  local pattern='"status"'
  if [ "$path" = Memory ]; then pattern='"version":[0-9]'; fi
  for _ in $(seq 1 600); do
    if curl -sf "$API_URL/healthz" 2>/dev/null | grep -q "$pattern"; then return; fi
    if ! kill -0 "$API_PID" 2>/dev/null; then cat "$WORK/api.log" >&2; say "API exited"; exit 1; fi
    sleep 0.5
  done
  say "API did not become healthy"; exit 1
}

# rss_mb PID: resident set size of a process in MB (VmRSS).
rss_mb() { awk '/^VmRSS:/ { printf "%.0f", $2 / 1024 }' "/proc/$1/status"; }

stop_api() {
  kill -TERM "$API_PID" 2>/dev/null || true
  wait "$API_PID" 2>/dev/null || true
  API_PID=
}

# CPU time (clock ticks, user + system) of a process, and of all PostgreSQL backends of the bench cluster, live and
# exited (the postmaster's children totals): the CPU per request is robust when the machine is shared, wall time is not.
process_ticks() { awk '{ print $14 + $15 }' "/proc/$1/stat"; }
pg_ticks() {
  local postmaster total
  postmaster=$(head -n 1 "$STATIONMAP_DATA/pg/data/postmaster.pid")
  total=$(awk '{ print $16 + $17 }' "/proc/$postmaster/stat")
  for p in $(ps -o pid= --ppid "$postmaster"); do
    total=$(( total + $(awk '{ print $14 + $15 }' "/proc/$p/stat" 2>/dev/null || echo 0) ))
  done
  echo "$total"
}
# us_per KEY TICKS COUNT: microseconds of CPU per operation as a key=value line.
us_per() { awk -v k="$1" -v t="$2" -v n="$3" -v hz="$(getconf CLK_TCK)" 'BEGIN { printf "%s=%.0f\n", k, (n > 0 ? t * 1e6 / hz / n : 0) }'; }

# value KEY FILE: the value of a key=value line.
value() { sed -n "s/^$1=//p" "$2" | tail -n 1; }

# pgbench of one script in $WORK/pgbench against database $2 (connections $3, seconds $4, warm-up at most 5 s of $5):
# tps, PostgreSQL CPU per transaction, failures and latency percentiles as key=value lines in $WORK/pgbench.kv.
run_pgbench() {
  local script=$1 db=$2 connections=$3 seconds=$4 warmup=$5 pg0 pg1
  local pgbench=("$PGBIN/pgbench" -n -M prepared -c "$connections" -j 2 -h 127.0.0.1 -p "$STATIONMAP_PG_PORT" -U postgres -f "$script" "$db")
  rm -f "$WORK"/pgbench/txn.*
  (cd "$WORK/pgbench" && "${pgbench[@]}" -T "$(( warmup < 5 ? warmup : 5 ))" >/dev/null 2>&1)
  pg0=$(pg_ticks)
  (cd "$WORK/pgbench" && "${pgbench[@]}" -T "$seconds" -l --log-prefix=txn >"$WORK/pgbench.out" 2>&1)
  pg1=$(pg_ticks)
  awk '/^tps = / { printf "tps=%.1f\n", $3 }' "$WORK/pgbench.out" >"$WORK/pgbench.kv"
  us_per pg_cpu_us $(( pg1 - pg0 )) "$(sed -n 's/^number of transactions actually processed: \([0-9]*\).*/\1/p' "$WORK/pgbench.out")" >>"$WORK/pgbench.kv"
  sed -n 's/^number of failed transactions: \([0-9]*\).*/failed_total=\1/p' "$WORK/pgbench.out" >>"$WORK/pgbench.kv"
  dotnet "$BENCH_DLL" latency-percentiles "$WORK"/pgbench/txn.* >>"$WORK/pgbench.kv"
}

cmd_nearest() {
  # The API's warm-up is long because the JIT keeps re-compiling hot methods (tiered PGO) for tens of seconds on a
  # busy 2-core machine; a short warm-up measures the JIT, not the service.
  local stations=200000 seconds=30 connections=32 warmup=30 only_memory=0
  while [ $# -gt 0 ]; do
    case "$1" in
      --stations) stations=$2; shift 2 ;;
      --seconds) seconds=$2; shift 2 ;;
      --connections) connections=$2; shift 2 ;;
      --warmup) warmup=$2; shift 2 ;;
      --only-memory) only_memory=1; shift ;;
      *) say "unknown option $1"; exit 2 ;;
    esac
  done
  if [ "$seconds" -lt 10 ] && [ "$warmup" -gt "$seconds" ]; then warmup=$seconds; fi
  local db=bench_$stations lua=$ROOT/tests/StationMap.Benchmarks/Nearest/wrk-nearest.lua wrk_threads=${STATIONMAP_BENCH_WRK_THREADS:-2}
  "$ROOT/scripts/deps.sh" wrk curl
  build
  start_pg "$db"
  load_stations "$stations"

  # A: the memory path (the default); A': the same API answering from PostGIS. Same load, one after the other.
  local run
  for run in memory database; do
    local path=Memory label=A
    if [ "$run" = database ]; then path=Database; label="A'"; fi
    say "$label. API (Nearest:Path=$path): wrk -t$wrk_threads -c$connections -d${seconds}s after ${warmup}s of warm-up"
    start_api "$db" "$path"
    if [ "$run" = memory ]; then
      echo "rss_after_load_mb=$(rss_mb "$API_PID")" >"$WORK/memory.kv"
      sed -n 's/.*Nearest index: loaded version [0-9]*, \([0-9]*\) stations in \([0-9]*\) ms.*/index_stations=\1\nload_ms=\2/p' "$WORK/api.log" | tail -n 2 >>"$WORK/memory.kv"
    fi
    wrk -t"$wrk_threads" -c"$connections" -d"${warmup}s" -s "$lua" "$API_URL" >/dev/null
    local api0 pg0 api1 pg1 out=$WORK/wrk-$run.out
    api0=$(process_ticks "$API_PID"); pg0=$(pg_ticks)
    wrk -t"$wrk_threads" -c"$connections" -d"${seconds}s" --latency -s "$lua" "$API_URL" >"$out"
    api1=$(process_ticks "$API_PID"); pg1=$(pg_ticks)
    us_per api_cpu_us $(( api1 - api0 )) "$(value requests "$out")" >>"$out"
    us_per pg_cpu_us $(( pg1 - pg0 )) "$(value requests "$out")" >>"$out"
    if [ "$run" = memory ]; then echo "rss_after_run_mb=$(rss_mb "$API_PID")" >>"$WORK/memory.kv"; fi
    stop_api
    if [ "$only_memory" = 1 ]; then
      echo "A. API, memory path: $(value rps "$WORK/wrk-memory.out") req/s, p50 $(value p50_ms "$WORK/wrk-memory.out") ms," \
        "p90 $(value p90_ms "$WORK/wrk-memory.out") ms, p99 $(value p99_ms "$WORK/wrk-memory.out") ms," \
        "errors $(value errors "$WORK/wrk-memory.out"), app cpu $(value api_cpu_us "$WORK/wrk-memory.out")us/request;" \
        "RSS $(value rss_after_load_mb "$WORK/memory.kv") MB after load, $(value rss_after_run_mb "$WORK/memory.kv") MB after the run"
      return
    fi
  done

  say "B. PostGIS: pgbench -c $connections -j 2 -T $seconds"
  mkdir -p "$WORK/pgbench"
  dotnet "$BENCH_DLL" pgbench-script --box "$BENCH_BOX" --k 10 >"$WORK/pgbench/nearest.sql"
  run_pgbench nearest.sql "$db" "$connections" "$seconds" "$warmup"

  say "C. the API's in-memory index in process, one thread"
  dotnet "$BENCH_DLL" in-memory-nearest --count "$stations" --seconds 5 --box "$BENCH_BOX" >"$WORK/index.kv" || true

  local a_rps a2_rps b_tps c_qps
  a_rps=$(value rps "$WORK/wrk-memory.out"); a2_rps=$(value rps "$WORK/wrk-database.out")
  b_tps=$(value tps "$WORK/pgbench.kv"); c_qps=$(value qps "$WORK/index.kv")
  echo
  echo "nearest, k=10: $stations generated stations (Beijing-Tianjin-Hebei), $connections connections, ${seconds}s, $(nproc) cores, load average $(cut -d' ' -f1 /proc/loadavg)"
  local row='%-36s %11s %8s %8s %8s %8s %9s %9s\n'
  printf "$row" "run" "per second" "p50 ms" "p90 ms" "p99 ms" "errors" "app cpu" "PG cpu"
  local out
  for run in memory database; do
    out=$WORK/wrk-$run.out
    printf "$row" "$([ "$run" = memory ] && echo "A. API, memory path (wrk)" || echo "A'. API, database path (wrk)")" "$(value rps "$out")" \
      "$(value p50_ms "$out")" "$(value p90_ms "$out")" "$(value p99_ms "$out")" \
      "$(value errors "$out")" "$(value api_cpu_us "$out")us" "$(value pg_cpu_us "$out")us"
  done
  printf "$row" "B. same SQL in pgbench (prepared)" "$b_tps" \
    "$(value p50_ms "$WORK/pgbench.kv")" "$(value p90_ms "$WORK/pgbench.kv")" "$(value p99_ms "$WORK/pgbench.kv")" \
    "$(value failed_total "$WORK/pgbench.kv")" "-" "$(value pg_cpu_us "$WORK/pgbench.kv")us"
  printf "$row" "C. in-memory index (1 thread)" "$c_qps" "-" "-" "-" \
    "$(value mismatches "$WORK/index.kv")/$(value checked "$WORK/index.kv")" "$(value mean_us "$WORK/index.kv")us" "-"
  awk -v a="$a_rps" -v a2="$a2_rps" -v b="$b_tps" -v c="$c_qps" 'BEGIN {
    printf "A/B throughput = %.2f   A'"'"'/B throughput = %.2f   A/C throughput = %.4f\n", (b > 0 ? a / b : 0), (b > 0 ? a2 / b : 0), (c > 0 ? a / c : 0) }'
  echo "memory path: $(value index_stations "$WORK/memory.kv") stations indexed in $(value load_ms "$WORK/memory.kv") ms;" \
    "API RSS $(value rss_after_load_mb "$WORK/memory.kv") MB after load, $(value rss_after_run_mb "$WORK/memory.kv") MB after the run;" \
    "index $(value index_bytes_per_station "$WORK/index.kv") bytes/station (managed), $(value bytes_per_query "$WORK/index.kv") bytes allocated per in-process query;" \
    "a full answer in process (search + JSON) $(value answer_us "$WORK/index.kv")us"
  echo "(cpu = CPU time per request/transaction; C errors = answers that differ from a brute-force geodesic ranking / queries checked)"
}

# One random tile set of map sessions (phone and desktop views at zooms 5-16, most at 10-14, where the stations are), three ways:
# A our endpoint over HTTP (wrk), B PostGIS ST_AsMVT of the same tiles with the same clustering rule (pgbench: the
# engine of Martin and pg_tileserv), C our encoder in process (one thread).
cmd_tiles() {
  local stations=1000000 tiles=20000 seconds=30 connections=32 warmup=30
  while [ $# -gt 0 ]; do
    case "$1" in
      --stations) stations=$2; shift 2 ;;
      --tiles) tiles=$2; shift 2 ;;
      --seconds) seconds=$2; shift 2 ;;
      --connections) connections=$2; shift 2 ;;
      --warmup) warmup=$2; shift 2 ;;
      *) say "unknown option $1"; exit 2 ;;
    esac
  done
  local db=bench_$stations lua=$ROOT/tests/StationMap.Benchmarks/Tiles/wrk-tiles.lua wrk_threads=${STATIONMAP_BENCH_WRK_THREADS:-2}
  "$ROOT/scripts/deps.sh" wrk curl
  build
  start_pg "$db"
  load_stations "$stations"
  export TILES_FILE=$WORK/tiles.txt
  dotnet "$BENCH_DLL" tile-set --tiles "$tiles" >"$TILES_FILE"
  psql_bench -d "$db" -c "drop table if exists bench_tiles" -c "create table bench_tiles (i serial primary key, z int, x int, y int)" \
    -c "\copy bench_tiles (z, x, y) from '$TILES_FILE' with (delimiter ' ')"

  say "A. API: wrk -t$wrk_threads -c$connections -d${seconds}s after ${warmup}s of warm-up"
  start_api "$db" Memory
  wrk -t"$wrk_threads" -c"$connections" -d"${warmup}s" -s "$lua" "$API_URL" >/dev/null
  local api0 api1
  api0=$(process_ticks "$API_PID")
  wrk -t"$wrk_threads" -c"$connections" -d"${seconds}s" --latency -s "$lua" "$API_URL" >"$WORK/wrk-tiles.out"
  api1=$(process_ticks "$API_PID")
  us_per api_cpu_us $(( api1 - api0 )) "$(value requests "$WORK/wrk-tiles.out")" >>"$WORK/wrk-tiles.out"
  stop_api
  say "A: $(tr '\n' ' ' <"$WORK/wrk-tiles.out")"

  say "B. PostGIS ST_AsMVT: pgbench -c $connections -j 2 -T $seconds"
  mkdir -p "$WORK/pgbench"
  dotnet "$BENCH_DLL" tiles-pgbench-script --tiles "$tiles" >"$WORK/pgbench/tiles.sql"
  run_pgbench tiles.sql "$db" "$connections" "$seconds" "$warmup"
  say "B: $(tr '\n' ' ' <"$WORK/pgbench.kv")"
  # Bytes per PostGIS tile over the first 300 tiles of the set (a low-zoom tile takes PostGIS seconds).
  sed '/^\\set/d; s/= :i$/= b.i/; s/AS tile;$/AS tile/' "$WORK/pgbench/tiles.sql" >"$WORK/pgbench/one.sql"
  psql_bench -d "$db" -c "select 'bytes_p50=' || percentile_disc(0.5) within group (order by n), 'bytes_p99=' || percentile_disc(0.99) within group (order by n)
    from (select length(($(cat "$WORK/pgbench/one.sql"))) as n from bench_tiles b where b.i <= 300) q" | tr '|' '\n' >>"$WORK/pgbench.kv"
  psql_bench -d "$db" -c "drop table bench_tiles"

  say "C. the encoder in process, one thread"
  dotnet "$BENCH_DLL" tile-set-in-process --tiles "$TILES_FILE" --count "$stations" --seconds 10 >"$WORK/inproc.kv"

  local a_rps b_tps
  a_rps=$(value rps "$WORK/wrk-tiles.out"); b_tps=$(value tps "$WORK/pgbench.kv")
  echo
  echo "tiles: $stations generated stations (Beijing-Tianjin-Hebei), $tiles tiles of random map views (phone and desktop viewports, z5-16, most at 10-14, centred on stations), $connections connections, ${seconds}s, $(nproc) cores, load average $(cut -d' ' -f1 /proc/loadavg)"
  local row='%-40s %11s %8s %8s %8s %8s %9s %12s\n'
  printf "$row" "run" "tiles/s" "p50 ms" "p90 ms" "p99 ms" "errors" "cpu/tile" "bytes p50/p99"
  printf "$row" "A. API /tiles/stations (wrk)" "$a_rps" "$(value p50_ms "$WORK/wrk-tiles.out")" "$(value p90_ms "$WORK/wrk-tiles.out")" \
    "$(value p99_ms "$WORK/wrk-tiles.out")" "$(value errors "$WORK/wrk-tiles.out")" "$(value api_cpu_us "$WORK/wrk-tiles.out")us" \
    "$(value bytes_p50 "$WORK/inproc.kv")/$(value bytes_p99 "$WORK/inproc.kv")"
  printf "$row" "B. PostGIS ST_AsMVT (pgbench, prepared)" "$b_tps" "$(value p50_ms "$WORK/pgbench.kv")" "$(value p90_ms "$WORK/pgbench.kv")" \
    "$(value p99_ms "$WORK/pgbench.kv")" "$(value failed_total "$WORK/pgbench.kv")" "$(value pg_cpu_us "$WORK/pgbench.kv")us" \
    "$(value bytes_p50 "$WORK/pgbench.kv")/$(value bytes_p99 "$WORK/pgbench.kv")"
  printf "$row" "C. encoder in process (1 thread)" "$(value tiles_per_s "$WORK/inproc.kv")" "$(value p50_ms "$WORK/inproc.kv")" \
    "$(value p90_ms "$WORK/inproc.kv")" "$(value p99_ms "$WORK/inproc.kv")" "-" "-" "$(value bytes_p50 "$WORK/inproc.kv")/$(value bytes_p99 "$WORK/inproc.kv")"
  awk -v a="$a_rps" -v b="$b_tps" 'BEGIN { printf "A/B throughput = %.2f (target >= 10)\n", (b > 0 ? a / b : 0) }'
  echo "(A bytes are the encoder's, C's column: the endpoint serves the same bytes; B bytes over the set's first 300 tiles)"
}

# Search of names, addresses, districts and hosts, one query set three ways: A our endpoint over HTTP (wrk), B the same
# queries in PostgreSQL with pg_trgm GIN indexes and ILIKE (pgbench), C our index in process (one thread). The query set
# is drawn from the generated stations the database holds (tests/StationMap.Benchmarks/Search/SearchQuerySet.cs).
# pg_trgm and its indexes are made in the bench database only (CREATE EXTENSION / CREATE INDEX IF NOT EXISTS, kept for
# the next run): the API needs no migration, since it searches in memory.
cmd_search() {
  local stations=1000000 queries=20000 seconds=30 connections=32 warmup=30
  while [ $# -gt 0 ]; do
    case "$1" in
      --stations) stations=$2; shift 2 ;;
      --queries) queries=$2; shift 2 ;;
      --seconds) seconds=$2; shift 2 ;;
      --connections) connections=$2; shift 2 ;;
      --warmup) warmup=$2; shift 2 ;;
      *) say "unknown option $1"; exit 2 ;;
    esac
  done
  local db=bench_$stations lua=$ROOT/tests/StationMap.Benchmarks/Search/wrk-search.lua wrk_threads=${STATIONMAP_BENCH_WRK_THREADS:-2}
  "$ROOT/scripts/deps.sh" wrk curl
  build
  start_pg "$db"
  load_stations "$stations"
  export SEARCH_QUERIES=$WORK/queries.tsv
  dotnet "$BENCH_DLL" search-queries --count "$stations" --queries "$queries" >"$SEARCH_QUERIES"
  local set_size
  set_size=$(wc -l <"$SEARCH_QUERIES")

  say "A. API: wrk -t$wrk_threads -c$connections -d${seconds}s after ${warmup}s of warm-up"
  start_api "$db" Memory
  echo "rss_after_load_mb=$(rss_mb "$API_PID")" >"$WORK/memory.kv"
  wrk -t"$wrk_threads" -c"$connections" -d"${warmup}s" -s "$lua" "$API_URL" >/dev/null
  local api0 api1
  api0=$(process_ticks "$API_PID")
  wrk -t"$wrk_threads" -c"$connections" -d"${seconds}s" --latency -s "$lua" "$API_URL" >"$WORK/wrk-search.out"
  api1=$(process_ticks "$API_PID")
  us_per api_cpu_us $(( api1 - api0 )) "$(value requests "$WORK/wrk-search.out")" >>"$WORK/wrk-search.out"
  echo "rss_after_run_mb=$(rss_mb "$API_PID")" >>"$WORK/memory.kv"
  sed -n 's/.*Nearest index: loaded version [0-9]*, \([0-9]*\) stations in \([0-9]*\) ms.*/load_ms=\2/p' "$WORK/api.log" | tail -n 1 >>"$WORK/memory.kv"
  stop_api
  say "A: $(tr '\n' ' ' <"$WORK/wrk-search.out")"

  say "B. PostgreSQL pg_trgm + ILIKE: pgbench -c $connections -j 2 -T $seconds (trigram indexes are built once, minutes at 1,000,000 stations)"
  local field
  psql_bench -d "$db" -c "create extension if not exists pg_trgm"
  for field in name address district host; do
    psql_bench -d "$db" -c "create index if not exists bench_station_${field}_trgm on station using gin ($field gin_trgm_ops)"
  done
  psql_bench -d "$db" -c "analyze station"
  cut -f3-5 "$SEARCH_QUERIES" >"$WORK/queries-core.tsv"
  psql_bench -d "$db" -c "drop table if exists bench_search_queries" \
    -c "create table bench_search_queries (i serial primary key, core text not null, lat text not null, lon text not null)" \
    -c "\copy bench_search_queries (core, lat, lon) from '$WORK/queries-core.tsv'"
  mkdir -p "$WORK/pgbench"
  sed "s/:queries)/$set_size)/" "$ROOT/tests/StationMap.Benchmarks/Search/search-baseline.sql" >"$WORK/pgbench/search.sql"
  # Each query planned with its own pattern (a generic plan cannot tell a 1-character pattern from a 6-character one).
  export PGOPTIONS="-c plan_cache_mode=force_custom_plan"
  run_pgbench search.sql "$db" "$connections" "$seconds" "$warmup"
  unset PGOPTIONS
  psql_bench -d "$db" -c "drop table bench_search_queries"
  say "B: $(tr '\n' ' ' <"$WORK/pgbench.kv")"

  say "C. the index in process, one thread"
  dotnet "$BENCH_DLL" in-memory-search --count "$stations" --queries "$SEARCH_QUERIES" --seconds "$(( seconds < 20 ? seconds : 20 ))" \
    >"$WORK/inproc.kv" 2>"$WORK/inproc.err"

  local a_rps b_tps c_qps
  a_rps=$(value rps "$WORK/wrk-search.out"); b_tps=$(value tps "$WORK/pgbench.kv"); c_qps=$(value qps "$WORK/inproc.kv")
  echo
  echo "search: $stations generated stations (Beijing-Tianjin-Hebei), $set_size queries (fragments of 1-6 characters of names, addresses and districts;" \
    "a fifth full-width, some with a generic suffix; half from a position within 10 km), $connections connections, ${seconds}s, $(nproc) cores, load average $(cut -d' ' -f1 /proc/loadavg)"
  local row='%-42s %11s %8s %8s %8s %8s %9s %9s\n'
  printf "$row" "run" "per second" "p50 ms" "p90 ms" "p99 ms" "errors" "app cpu" "PG cpu"
  printf "$row" "A. API /api/stations/search (wrk)" "$a_rps" "$(value p50_ms "$WORK/wrk-search.out")" "$(value p90_ms "$WORK/wrk-search.out")" \
    "$(value p99_ms "$WORK/wrk-search.out")" "$(value errors "$WORK/wrk-search.out")" "$(value api_cpu_us "$WORK/wrk-search.out")us" "-"
  printf "$row" "B. PostgreSQL pg_trgm + ILIKE (pgbench)" "$b_tps" "$(value p50_ms "$WORK/pgbench.kv")" "$(value p90_ms "$WORK/pgbench.kv")" \
    "$(value p99_ms "$WORK/pgbench.kv")" "$(value failed_total "$WORK/pgbench.kv")" "-" "$(value pg_cpu_us "$WORK/pgbench.kv")us"
  printf "$row" "C. index in process (1 thread, wall)" "$c_qps" "$(value p50_ms "$WORK/inproc.kv")" "$(value p90_ms "$WORK/inproc.kv")" \
    "$(value p99_ms "$WORK/inproc.kv")" "-" "-" "-"
  printf "$row" "C'. the same, CPU time per query" "$(value qps_per_cpu_second "$WORK/inproc.kv")" "$(value cpu_p50_ms "$WORK/inproc.kv")" \
    "$(value cpu_p90_ms "$WORK/inproc.kv")" "$(value cpu_p99_ms "$WORK/inproc.kv")" "-" "-" "-"
  awk -v a="$a_rps" -v b="$b_tps" -v c="$c_qps" 'BEGIN {
    printf "A/B throughput = %.1f   A/C throughput = %.2f\n", (b > 0 ? a / b : 0), (c > 0 ? a / c : 0) }'
  echo "C: slowest query $(value cpu_max_ms "$WORK/inproc.kv") ms of CPU; worst stated case $(value worst_ms "$WORK/inproc.kv") ms ('$(value worst_query "$WORK/inproc.kv")');" \
    "index built in $(value build_ms "$WORK/inproc.kv") ms with the nearest index (the search part $(value search_build_ms "$WORK/inproc.kv") ms), $(value index_bytes_per_station "$WORK/inproc.kv") bytes/station (both; search $(value search_bytes_per_station "$WORK/inproc.kv"));" \
    "API RSS $(value rss_after_load_mb "$WORK/memory.kv") MB after load, $(value rss_after_run_mb "$WORK/memory.kv") MB after the run; load $(value load_ms "$WORK/memory.kv") ms"
  sed 's/^/  /' "$WORK/inproc.err"
  echo "(C' per second = queries per CPU-second; wall times count the time a thread waits for a core on a shared machine)"
}

cmd_micro() {
  local filter=${1:-}
  "$ROOT/scripts/deps.sh"
  build
  local artifacts=$STATIONMAP_DATA/micro
  rm -rf "$artifacts"
  say "BenchmarkDotNet (short job, in process) filter '*${filter}*'"
  (cd "$WORK" && dotnet "$BENCH_DLL" micro --filter "*${filter}*" --job short --inProcess --artifacts "$artifacts" >"$WORK/micro.log" 2>&1) \
    || { tail -n 40 "$WORK/micro.log" >&2; say "micro benchmarks failed"; exit 1; }
  for report in "$artifacts"/results/*-report-github.md; do echo; cat "$report"; done
}

# Import throughput: the demo generator writes N rows as a GCJ-02 CSV (as an Amap export would be); the importer loads
# it into an empty database, then re-imports the same file unchanged. Rows/s is the importer's own figure (file open to
# commit, report files excluded); wall includes process start and migration.
# ogr2ogr's table gets our station table's indexes, read from the catalogue: the primary key it makes itself, then the
# unique key and the GiST indexes with their predicates exactly as our migrations define them (the two columns they
# need and the file lacks are added without a rewrite; the key columns take our collation). $1: database.
ogr_indexes_sql() {
  psql_bench -d "$1" -c "
    select format('alter table ogr_station add column source text not null default %L, add column retired_at timestamptz', 'ogr2ogr')
    union all
    -- The place columns (migration 0016) with constant defaults (no rewrite), so that the place index is built too.
    select 'alter table ogr_station add column place_id bigint not null default 0, add column pin boolean not null default true'
    union all
    select format('alter table ogr_station alter column %I type text collate %I', a.attname, c.collname)
      from pg_attribute a join pg_collation c on c.oid = a.attcollation
      where a.attrelid = 'station'::regclass and a.attname in ('source', 'external_id')
    union all
    select format('set maintenance_work_mem = %L', '512MB')
    union all
    (select replace(replace(pg_get_indexdef(i.indexrelid), ' ON public.station ', ' ON public.ogr_station '), 'INDEX station_', 'INDEX ogr_station_')
      from pg_index i join pg_class c on c.oid = i.indexrelid
      where i.indrelid = 'station'::regclass and not i.indisprimary order by c.relname)" | sed 's/$/;/'
}

# import_run_ours CSV DB OUT: our import as the importer's whole process, timed from outside.
import_run_ours() {
  local t0 t1
  psql_bench -d "$2" -c checkpoint
  t0=$(date +%s.%N)
  ConnectionStrings__StationMap="$(connection_string "$2")" dotnet "$IMPORTER" "$1" --source bench-import --crs gcj02 \
    --mode full --report "$WORK/report" >"$3" 2>&1 || true
  t1=$(date +%s.%N)
  grep -v '^  warning' "$3" >&2
  awk -v a="$t0" -v b="$t1" 'BEGIN { printf "wall=%.2f\n", b - a }' >>"$3"
  sed -n 's/.* in \([0-9.]*\) s (.*/seconds=\1/p' "$3" | head -n 1 >>"$3"
}

# import_run_ogr CSV DB OUT: ogr2ogr (COPY, one transaction) into a fresh table, then our indexes, timed as a whole.
import_run_ogr() {
  local t0 t1 t2
  psql_bench -d "$2" -c "drop table if exists ogr_station" -c checkpoint
  t0=$(date +%s.%N)
  PG_USE_COPY=YES ogr2ogr -f PostgreSQL "PG:host=127.0.0.1 port=$STATIONMAP_PG_PORT dbname=$2 user=postgres" "$1" \
    -nln ogr_station -nlt POINT -a_srs EPSG:4326 -gt unlimited \
    -oo X_POSSIBLE_NAMES=lon -oo Y_POSSIBLE_NAMES=lat -oo KEEP_GEOM_COLUMNS=NO -oo EMPTY_STRING_AS_NULL=YES \
    -lco GEOMETRY_NAME=location -lco FID=id -lco SPATIAL_INDEX=NONE >"$3" 2>&1 || { cat "$3" >&2; say "ogr2ogr failed"; exit 1; }
  t1=$(date +%s.%N)
  ogr_indexes_sql "$2" | psql_bench -d "$2" >>"$3"
  t2=$(date +%s.%N)
  awk -v a="$t0" -v b="$t1" -v c="$t2" 'BEGIN { printf "load=%.2f\nindexes=%.2f\nwall=%.2f\n", b - a, c - b, c - a }' >>"$3"
  psql_bench -d "$2" -c "select 'rows=' || count(*) from ogr_station" >>"$3"
}

# median KEY FILE...: the median of a key=value line over runs.
median() {
  local key=$1; shift
  for f in "$@"; do value "$key" "$f"; done | sort -g | awk '{ v[NR] = $1 }
    END { if (NR == 0) print "-"; else if (NR % 2) print v[(NR + 1) / 2]; else printf "%.2f\n", (v[NR / 2] + v[NR / 2 + 1]) / 2 }'
}

cmd_import() {
  local rows=1000000 repeats=3
  while [ $# -gt 0 ]; do
    case "$1" in
      --rows) rows=$2; shift 2 ;;
      --repeats) repeats=$2; shift 2 ;;
      *) say "unknown option $1"; exit 2 ;;
    esac
  done
  IMPORTER=$ROOT/importer/StationMap.Importer/bin/Release/net10.0/stationmap-import.dll
  local db=bench_import template=bench_import_template
  "$ROOT/scripts/deps.sh" gdal-bin
  say "building the importer and the benchmarks (Release)"
  { dotnet build -c Release -v quiet -nologo "$ROOT/importer/StationMap.Importer" \
      && dotnet build -c Release -v quiet -nologo "$ROOT/tests/StationMap.Benchmarks"; } >"$WORK/build.log" 2>&1 \
    || { grep -E 'error' "$WORK/build.log" | sort -u >&2; say "build failed"; exit 1; }
  start_pg postgres
  psql_bench -d postgres -c "drop database if exists $db with (force)" -c "drop database if exists $template with (force)"
  # An empty, migrated store that every run starts from: the importer's own migration check then finds nothing to do.
  start_pg "$template"
  (cd "$ROOT/api/StationMap.Api" && ConnectionStrings__StationMap="$(connection_string "$template")" \
    dotnet "$API_DLL" migrate --Logging:LogLevel:Default=Warning) >&2
  local csv=$STATIONMAP_DATA/import-$rows-gcj02.csv
  if [ ! -f "$csv" ]; then
    say "generating $rows rows into $csv"
    dotnet "$IMPORTER" generate --count "$rows" --format csv --crs gcj02 --region jingjinji --out "$csv" >&2
  fi
  # Column types for ogr2ogr's CSV driver (a .csvt beside the file): numbers where our table has numbers.
  head -n 1 "$csv" | tr -d '\r' | tr ',' '\n' | awk '{ t = "String" }
    /^(lat|lon|max_vehicle_length_m)$/ { t = "Real" } /^truck_parking_spaces$/ { t = "Integer" }
    { printf "%s%s", (NR > 1 ? "," : ""), t } END { print "" }' >"${csv%.csv}.csvt"
  say "client side alone (read + normalise, no database)"
  dotnet "$BENCH_DLL" import-read --file "$csv" --crs gcj02 >"$WORK/import-read.out"
  local r run
  for r in $(seq 1 "$repeats"); do
    psql_bench -d postgres -c "drop database if exists $db with (force)" -c "create database $db template $template"
    # Alternate which goes first, so that neither always meets the other's dirty pages.
    local order="ogr ours"
    if [ $(( r % 2 )) = 0 ]; then order="ours ogr"; fi
    for run in $order; do
      say "run $r/$repeats: $([ "$run" = ours ] && echo "our first import" || echo "ogr2ogr + indexes")"
      "import_run_$run" "$csv" "$db" "$WORK/$run-$r.out"
    done
  done
  say "unchanged re-import"
  import_run_ours "$csv" "$db" "$WORK/unchanged.out"

  local ours=("$WORK"/ours-*.out) ogr=("$WORK"/ogr-*.out) ours_wall ogr_wall
  ours_wall=$(median wall "${ours[@]}"); ogr_wall=$(median wall "${ogr[@]}")
  echo
  echo "import: $rows generated rows (GCJ-02 CSV, $(du -h "$csv" | cut -f1)), medians of $repeats runs, $(nproc) cores, load average $(cut -d' ' -f1 /proc/loadavg)"
  local row='%-46s %9s %9s  %-20s %s\n'
  printf "$row" "run" "rows/s" "seconds" "runs (s)" ""
  printf "$row" "A. our first import into an empty store" "$(awk -v n="$rows" -v s="$ours_wall" 'BEGIN { printf "%.0f", n / s }')" \
    "$ours_wall" "$(for f in "${ours[@]}"; do value wall "$f"; done | tr '\n' ' ')" "(importer's own figure $(median seconds "${ours[@]}") s)"
  printf "$row" "B. ogr2ogr (PG_USE_COPY) + the same indexes" "$(awk -v n="$rows" -v s="$ogr_wall" 'BEGIN { printf "%.0f", n / s }')" \
    "$ogr_wall" "$(for f in "${ogr[@]}"; do value wall "$f"; done | tr '\n' ' ')" \
    "(load $(median load "${ogr[@]}") s + indexes $(median indexes "${ogr[@]}") s; $(value rows "${ogr[0]}") rows)"
  local unchanged
  unchanged=$(value wall "$WORK/unchanged.out")
  printf "$row" "unchanged re-import" "$(awk -v n="$rows" -v s="$unchanged" 'BEGIN { printf "%.0f", n / s }')" "$unchanged" "1 run" \
    "(importer's own figure $(value seconds "$WORK/unchanged.out") s)"
  awk -v a="$ours_wall" -v b="$ogr_wall" 'BEGIN { printf "ratio B/A = %.2f (above 1.00: our first import is faster than ogr2ogr with the same indexes)\n", (a > 0 ? b / a : 0) }'
  echo "A: $(sed -n 's/^  rows read \(.*\)/rows read \1/p' "${ours[0]}" | head -n 1)"
  echo "client side alone: $(cat "$WORK/import-read.out")"
  echo "(A and the re-import: the importer's process from start to exit, report files included; B: ogr2ogr's process, then psql building the indexes)"
}

# zigzag_route FILE: the hostile route of issue 14, a 10,000-position zig-zag across central Beijing (legs of ~300 m, so
# under the 3,000 km length limit) with the widest corridor, written compactly (~190 KB).
zigzag_route() {
  awk 'BEGIN {
    printf "{\"corridorM\":5000,\"route\":{\"type\":\"LineString\",\"coordinates\":["
    for (i = 0; i < 10000; i++) {
      lon = 116.20 + i * 0.00004; lat = 39.90 + (i % 2) * 0.0027
      printf "%s[%.5f,%.5f]", (i ? "," : ""), lon, lat
    }
    printf "]}}"
  }' >"$1"
}

# Nearest throughput under attack: a nearest client (4 connections) alone, then beside 32 attacker connections sending
# one kind of expensive request each. The API trusts X-Forwarded-For from loopback here: the attackers come as one
# forwarded address with the default limits, the nearest client without the header (loopback, exempt in benchmarks),
# as a proxy would pass them in public.
cmd_abuse() {
  local stations=1000000 seconds=20 warmup=20 attackers=32
  while [ $# -gt 0 ]; do
    case "$1" in
      --stations) stations=$2; shift 2 ;;
      --seconds) seconds=$2; shift 2 ;;
      --warmup) warmup=$2; shift 2 ;;
      --attackers) attackers=$2; shift 2 ;;
      *) say "unknown option $1"; exit 2 ;;
    esac
  done
  local db=bench_$stations lua=$ROOT/tests/StationMap.Benchmarks/Nearest/wrk-nearest.lua
  local attack_lua=$ROOT/tests/StationMap.Benchmarks/Abuse/wrk-attack.lua
  local attacker=198.51.100.7
  "$ROOT/scripts/deps.sh" wrk curl
  build
  start_pg "$db"
  load_stations "$stations"
  # The demo's demand layers, for the coverage attack (idempotent: a second seed changes nothing).
  (cd "$ROOT/api/StationMap.Api" && ConnectionStrings__StationMap="$(connection_string "$db")" \
    dotnet "$API_DLL" seed-demo --Logging:LogLevel:Default=Warning) >/dev/null
  zigzag_route "$WORK/zigzag.json"
  API_EXTRA_ARGS+=(--Network:TrustedProxies:0=127.0.0.1)
  start_api "$db" Memory
  local rss_before
  rss_before=$(rss_mb "$API_PID")
  say "warm-up: nearest for ${warmup}s"
  wrk -t1 -c4 -d"${warmup}s" -s "$lua" "$API_URL" >/dev/null

  local attacks=(none routes clusters bbox coverage slow-body)
  local name
  for name in "${attacks[@]}"; do
    local out=$WORK/abuse-$name
    local attack_pid=
    export ATTACK_FORWARDED_FOR=$attacker ATTACK_METHOD=GET ATTACK_BODY_FILE= ATTACK_CONTENT_TYPE=application/json
    case "$name" in
      routes) ATTACK_METHOD=POST; ATTACK_PATH=/api/routes/stops; ATTACK_BODY_FILE=$WORK/zigzag.json ;;
      clusters) ATTACK_PATH='/api/stations/clusters?bbox=-180,-85,180,85&zoom=3' ;;
      bbox) ATTACK_PATH='/api/stations?bbox=115.42,39.44,117.51,41.06' ;;
      coverage) ATTACK_PATH='/api/planning/coverage?layer=courier_riders&radiusM=5000&cellM=100' ;;
    esac
    export ATTACK_PATH
    if [ "$name" = slow-body ]; then
      say "attack $name: $attackers connections sending all but the last byte of 520 KB route bodies, then stalling"
      dotnet "$BENCH_DLL" slow-bodies --url "$API_URL" --connections "$attackers" --seconds $(( seconds + 4 )) \
        --body-bytes 520000 --forwarded-for "$attacker" --api-pid "$API_PID" --settle-seconds 0 >"$out.attack" 2>&1 &
      attack_pid=$!
    elif [ "$name" != none ]; then
      say "attack $name: $attackers connections"
      wrk -t1 -c"$attackers" -d"$(( seconds + 4 ))s" -s "$attack_lua" "$API_URL" >"$out.attack" 2>&1 &
      attack_pid=$!
    fi
    sleep 2
    local api0 pg0 api1 pg1
    api0=$(process_ticks "$API_PID"); pg0=$(pg_ticks)
    wrk -t1 -c4 -d"${seconds}s" --latency -s "$lua" "$API_URL" >"$out.nearest"
    api1=$(process_ticks "$API_PID"); pg1=$(pg_ticks)
    awk -v t=$(( api1 - api0 )) -v hz="$(getconf CLK_TCK)" -v s="$seconds" 'BEGIN { printf "api_cores=%.2f\n", t / hz / s }' >>"$out.nearest"
    awk -v t=$(( pg1 - pg0 )) -v hz="$(getconf CLK_TCK)" -v s="$seconds" 'BEGIN { printf "pg_cores=%.2f\n", t / hz / s }' >>"$out.nearest"
    echo "rss_mb=$(rss_mb "$API_PID")" >>"$out.nearest"
    if [ -n "$attack_pid" ]; then wait "$attack_pid" || true; fi
    sleep 2
    echo "rss_after_mb=$(rss_mb "$API_PID")" >>"$out.nearest"
  done
  # The slow-body attack of issue 14 at full size: 400 connections each stalling a 520 KB body, then 40 s to settle.
  say "memory: 400 connections stalling 520 KB route bodies for 20 s, then 40 s to give the memory back"
  dotnet "$BENCH_DLL" slow-bodies --url "$API_URL" --connections 400 --seconds 20 --body-bytes 520000 \
    --forwarded-for "$attacker" --api-pid "$API_PID" --settle-seconds 40 | tr ' ' '\n' >"$WORK/slow-memory.kv" || true
  stop_api

  echo
  echo "abuse: $stations generated stations + demo, nearest client 4 connections (k=10), $attackers attacker connections, ${seconds}s each, $(nproc) cores, load average $(cut -d' ' -f1 /proc/loadavg)"
  local row='%-10s %10s %9s %9s %7s %10s %9s %8s %8s %8s %8s\n'
  printf "$row" "attack" "accepted" "refused" "of: 429" "5xx" "nearest/s" "vs base" "p99 ms" "errors" "API cpu" "RSS MB"
  local base
  base=$(value rps "$WORK/abuse-none.nearest")
  for name in "${attacks[@]}"; do
    local n=$WORK/abuse-$name.nearest a=$WORK/abuse-$name.attack
    local accepted=- refused=- limited=- failed=-
    if [ "$name" = slow-body ] && [ -f "$a" ]; then
      # answered=408:12,429:3 ... : statuses the server sent before cutting the stalled bodies off.
      local answered
      answered=$(tr ' ' '\n' <"$a" | sed -n 's/^answered=//p')
      accepted=$(echo "$answered" | tr ',' '\n' | awk -F: '$1 < 300 { s += $2 } END { print s + 0 }')
      refused=$(echo "$answered" | tr ',' '\n' | awk -F: '$1 >= 400 && $1 < 500 { s += $2 } END { print s + 0 }')
      limited=$(echo "$answered" | tr ',' '\n' | awk -F: '$1 == 429 { s += $2 } END { print s + 0 }')
      failed=$(echo "$answered" | tr ',' '\n' | awk -F: '$1 >= 500 { s += $2 } END { print s + 0 }')
    elif [ "$name" != none ] && [ -f "$a" ]; then
      accepted=$(value accepted "$a"); refused=$(value refused "$a"); limited=$(value limited "$a"); failed=$(value failed "$a")
    fi
    printf "$row" "$name" "${accepted:--}" "${refused:--}" "${limited:--}" "${failed:--}" "$(value rps "$n")" \
      "$(awk -v a="$(value rps "$n")" -v b="$base" 'BEGIN { printf "%.0f%%", (b > 0 ? 100 * a / b : 0) }')" \
      "$(value p99_ms "$n")" "$(value errors "$n")" "$(value api_cores "$n")" "$(value rss_after_mb "$n")"
  done
  echo "API RSS ${rss_before} MB before the attacks (RSS MB = 2 s after each attack ended; API cpu = cores used by the API during the run)"
  echo "slow bodies, 400 connections x 520 KB: RSS $(value rss_before_mb "$WORK/slow-memory.kv") MB before," \
    "$(value rss_peak_mb "$WORK/slow-memory.kv") MB at the peak, $(value rss_after_mb "$WORK/slow-memory.kv") MB 40 s after;" \
    "answers $(value answered "$WORK/slow-memory.kv") (status:count)"
  echo "(target: nearest keeps >= 50% of its baseline throughput and p99 <= 20 ms under every attack)"
}

# Soak: nearest load minute by minute for a few minutes, with the database stopped for a few seconds in the middle;
# per minute the throughput, p99, errors, the API's RSS and what /healthz/ready said. scripts/soak.sh calls this.
cmd_soak() {
  local minutes=5 stations=200000 connections=8 outage=10
  while [ $# -gt 0 ]; do
    case "$1" in
      --minutes) minutes=$2; shift 2 ;;
      --stations) stations=$2; shift 2 ;;
      --connections) connections=$2; shift 2 ;;
      --outage-seconds) outage=$2; shift 2 ;;
      *) say "unknown option $1"; exit 2 ;;
    esac
  done
  local db=bench_$stations lua=$ROOT/tests/StationMap.Benchmarks/Nearest/wrk-nearest.lua
  "$ROOT/scripts/deps.sh" wrk curl
  build
  start_pg "$db"
  load_stations "$stations"
  start_api "$db" Memory
  local rss_start restart_minute=$(( (minutes + 1) / 2 ))
  rss_start=$(rss_mb "$API_PID")
  say "warm-up 20 s"
  wrk -t1 -c"$connections" -d20s -s "$lua" "$API_URL" >/dev/null
  rss_start=$(rss_mb "$API_PID")
  local minute
  for minute in $(seq 1 "$minutes"); do
    local out=$WORK/soak-$minute.out restart_pid=
    if [ "$minute" = "$restart_minute" ]; then
      # Stopped 20 s into the minute, started again $outage s later, while the load runs.
      ( sleep 20; "$ROOT/scripts/pg.sh" stop >/dev/null 2>&1; date +%s >"$WORK/outage-start"
        curl -s -o /dev/null -w 'ready_during_outage=%{http_code}\n' "$API_URL/healthz/ready" >"$WORK/outage.kv"
        sleep "$outage"; STATIONMAP_PG_DB=$db "$ROOT/scripts/pg.sh" start >/dev/null; date +%s >"$WORK/outage-end" ) &
      restart_pid=$!
    fi
    wrk -t1 -c"$connections" -d60s --latency -s "$lua" "$API_URL" >"$out"
    if [ -n "$restart_pid" ]; then wait "$restart_pid"; fi
    echo "rss_mb=$(rss_mb "$API_PID")" >>"$out"
    echo "ready=$(curl -s -o /dev/null -w '%{http_code}' "$API_URL/healthz/ready")" >>"$out"
  done
  stop_api
  echo
  echo "soak: $stations generated stations, nearest k=10 over $connections connections, $minutes minutes," \
    "database stopped for ${outage}s in minute $restart_minute, $(nproc) cores, load average $(cut -d' ' -f1 /proc/loadavg)"
  local row='%-8s %10s %8s %8s %8s %8s\n'
  printf "$row" "minute" "per second" "p99 ms" "errors" "RSS MB" "ready"
  local total_errors=0 rss_end=0
  for minute in $(seq 1 "$minutes"); do
    local out=$WORK/soak-$minute.out
    printf "$row" "$minute$([ "$minute" = "$restart_minute" ] && echo '*')" "$(value rps "$out")" "$(value p99_ms "$out")" \
      "$(value errors "$out")" "$(value rss_mb "$out")" "$(value ready "$out")"
    total_errors=$(( total_errors + $(value errors "$out") )); rss_end=$(value rss_mb "$out")
  done
  echo "* database stopped during this minute ($(value ready_during_outage "$WORK/outage.kv" 2>/dev/null || echo '?') from /healthz/ready while it was down)"
  awk -v a="$rss_start" -v b="$rss_end" -v e="$total_errors" 'BEGIN {
    printf "nearest errors in all: %d; RSS %d MB after warm-up, %d MB at the end (drift %+.1f%%)\n", e, a, b, (a > 0 ? 100 * (b - a) / a : 0) }'
  echo "(target: zero nearest errors across the restart, RSS drift < 10%)"
}

# Check-ins at 1,000,000 stations from 100,000 devices (A), nearest alone (B), nearest while check-ins arrive at the
# national peak rate (C: ~2.31 million visits a day is ~27/s, 20x at peak ~550/s) and while they arrive as fast as
# they are answered (D): what the write path sustains, and what it costs the readers. E is the peak rate alone, for
# the CPU one check-in costs when batches are small. Nearest alone is measured first and again last (B2): on this shared
# machine one measurement of it varies by a third between runs, so the share kept is against the mean of the two.
# --phases "A E" runs only those (each phase's figures stand alone; the shares need B and B2).
cmd_checkins() {
  local stations=1000000 seconds=30 connections=32 nearest_connections=16 devices=100000 peak_rate=550 phases="B A C P D E B2"
  local pairs=6 pair_seconds=10
  while [ $# -gt 0 ]; do
    case "$1" in
      --stations) stations=$2; shift 2 ;;
      --seconds) seconds=$2; shift 2 ;;
      --connections) connections=$2; shift 2 ;;
      --devices) devices=$2; shift 2 ;;
      --peak-rate) peak_rate=$2; shift 2 ;;
      --phases) phases=$2; shift 2 ;;
      --pairs) pairs=$2; shift 2 ;;
      --pair-seconds) pair_seconds=$2; shift 2 ;;
      *) say "unknown option $1"; exit 2 ;;
    esac
  done
  local db=bench_$stations checkins_lua=$ROOT/tests/StationMap.Benchmarks/Checkins/wrk-checkins.lua
  local nearest_lua=$ROOT/tests/StationMap.Benchmarks/Nearest/wrk-nearest.lua wrk_threads=${STATIONMAP_BENCH_WRK_THREADS:-2}
  want() { [[ " $phases " == *" $1 "* ]]; }
  # cpu_per OUT COMMAND...: runs the command with the API's and PostgreSQL's CPU counted around it, per request of OUT.
  cpu_per() {
    local out=$1 api0 pg0 api1 pg1
    shift
    api0=$(process_ticks "$API_PID"); pg0=$(pg_ticks)
    "$@" >"$out"
    api1=$(process_ticks "$API_PID"); pg1=$(pg_ticks)
    us_per api_cpu_us $(( api1 - api0 )) "$(value requests "$out")" >>"$out"
    us_per pg_cpu_us $(( pg1 - pg0 )) "$(value requests "$out")" >>"$out"
  }
  "$ROOT/scripts/deps.sh" wrk curl
  build
  start_pg "$db"
  load_stations "$stations"
  export CHECKIN_STATIONS=$WORK/checkin-stations.txt BENCH_DEVICES=$devices
  psql_bench -d "$db" -F ' ' -c "select id, ST_Y(location), ST_X(location) from station where retired_at is null order by random() limit 20000" \
    >"$CHECKIN_STATIONS"
  API_EXTRA_ARGS+=(--Checkins:LimitsEnabled=false --Checkins:DeviceKeySecret=bench-secret-bench-secret-bench-secret)
  start_api "$db" Memory
  # After the start, which migrates: each run begins with no check-ins.
  psql_bench -d "$db" -c "truncate checkin, station_status, visit_daily, device_block, moderation_decision"

  if want B; then
    say "B. nearest alone: wrk -c$nearest_connections -d${seconds}s"
    wrk -t1 -c"$nearest_connections" -d5s -s "$nearest_lua" "$API_URL" >/dev/null
    wrk -t1 -c"$nearest_connections" -d"${seconds}s" --latency -s "$nearest_lua" "$API_URL" >"$WORK/nearest-alone.out"
  fi
  if want A; then
    say "A. check-ins alone: wrk -c$connections -d${seconds}s"
    wrk -t"$wrk_threads" -c"$connections" -d5s -s "$checkins_lua" "$API_URL" >/dev/null
    cpu_per "$WORK/checkins-alone.out" wrk -t"$wrk_threads" -c"$connections" -d"${seconds}s" --latency -s "$checkins_lua" "$API_URL"
  fi
  # nearest_beside NAME CHECKIN_CONNECTIONS: nearest while check-ins arrive on that many connections (CHECKIN_RATE, if
  # set, paces them), into checkins-NAME.out and nearest-NAME.out.
  # PostgreSQL serves only the check-ins here (nearest answers from memory), so its CPU is counted per check-in.
  nearest_beside() {
    local writer pg0 pg1 duration=${3:-$seconds}
    pg0=$(pg_ticks)
    wrk -t1 -c"$2" -d"${duration}s" --latency -s "$checkins_lua" "$API_URL" >"$WORK/checkins-$1.out" &
    writer=$!
    wrk -t1 -c"$nearest_connections" -d"${duration}s" --latency -s "$nearest_lua" "$API_URL" >"$WORK/nearest-$1.out"
    wait "$writer"
    pg1=$(pg_ticks)
    us_per pg_cpu_us $(( pg1 - pg0 )) "$(value requests "$WORK/checkins-$1.out")" >>"$WORK/checkins-$1.out"
  }
  # Four times the connections, each waiting out its share: an answer's own time then stretches each connection's
  # cycle little, so the rate reached (the table's per second) stays near the one asked.
  nearest_beside_peak() { CHECKIN_RATE=$peak_rate CHECKIN_CONNECTIONS=$((connections * 4)) nearest_beside "$1" $((connections * 4)) "${2:-$seconds}"; }
  if want C; then
    say "C. nearest beside check-ins at the peak rate ($peak_rate/s)"
    nearest_beside_peak at-peak
  fi
  # P: the share nearest keeps beside the peak rate, from windows side by side. Nearest alone drifts by a third over
  # minutes on this shared machine, which phases minutes apart (B, C, B2) take for the check-ins' cost; here each window
  # beside check-ins is compared with a window alone just before or after it (the order alternates), and the median of
  # the pairs is the figure.
  if want P; then
    say "P. nearest alone and beside check-ins at the peak rate, $pairs pairs of ${pair_seconds}s windows"
    local pair
    # Warmed up first (the code of both paths compiled and tiered): a cold window alone would flatter the first pair.
    nearest_beside_peak warm-up 5
    local alone=(wrk -t1 -c"$nearest_connections" -d"${pair_seconds}s" --latency -s "$nearest_lua" "$API_URL")
    for pair in $(seq 1 "$pairs"); do
      if [ $(( pair % 2 )) = 1 ]; then "${alone[@]}" >"$WORK/nearest-pair-$pair-alone.out"; fi
      nearest_beside_peak "pair-$pair" "$pair_seconds"
      if [ $(( pair % 2 )) = 0 ]; then "${alone[@]}" >"$WORK/nearest-pair-$pair-alone.out"; fi
    done
  fi
  if want D; then
    say "D. nearest beside check-ins as fast as they are answered"
    nearest_beside flat-out "$connections"
  fi
  if want E; then
    say "E. check-ins at the peak rate ($peak_rate/s) alone: CPU per check-in"
    CHECKIN_RATE=$peak_rate CHECKIN_CONNECTIONS=$((connections * 4)) \
      cpu_per "$WORK/checkins-peak-alone.out" wrk -t1 -c"$((connections * 4))" -d"${seconds}s" --latency -s "$checkins_lua" "$API_URL"
  fi
  if want B2; then
    say "B2. nearest alone again"
    wrk -t1 -c"$nearest_connections" -d"${seconds}s" --latency -s "$nearest_lua" "$API_URL" >"$WORK/nearest-alone-again.out"
  fi
  local rows statuses rss
  rows=$(psql_bench -d "$db" -c "select count(*) from checkin")
  statuses=$(psql_bench -d "$db" -c "select count(*) from station_status")
  rss=$(rss_mb "$API_PID")
  grep -c "Nearest index: loaded" "$WORK/api.log" >"$WORK/reloads.txt" || true
  stop_api

  echo
  echo "checkins: $stations generated stations, $devices devices, check-in connections $connections, nearest connections $nearest_connections, ${seconds}s each, $(nproc) cores, load average $(cut -d' ' -f1 /proc/loadavg)"
  local row='%-40s %11s %8s %8s %8s %8s %12s %12s\n'
  printf "$row" "run" "per second" "p50 ms" "p90 ms" "p99 ms" "errors" "API CPU us" "PG CPU us"
  for run in checkins-alone nearest-alone checkins-at-peak nearest-at-peak checkins-flat-out nearest-flat-out checkins-peak-alone nearest-alone-again; do
    local out=$WORK/$run.out
    [ -f "$out" ] || continue
    printf "$row" "$run" "$(value rps "$out")" "$(value p50_ms "$out")" "$(value p90_ms "$out")" "$(value p99_ms "$out")" "$(value errors "$out")" \
      "$(value api_cpu_us "$out")" "$(value pg_cpu_us "$out")"
  done
  if want B && want B2 && want C && want D; then
    awk -v a1="$(value rps "$WORK/nearest-alone.out")" -v a2="$(value rps "$WORK/nearest-alone-again.out")" \
      -v b="$(value rps "$WORK/nearest-at-peak.out")" -v c="$(value rps "$WORK/nearest-flat-out.out")" 'BEGIN {
      a = (a1 + a2) / 2
      printf "nearest alone %.0f/s before and %.0f/s after (mean %.0f); it kept %.0f%% of the mean beside check-ins at the peak rate (target >= 70%%), %.0f%% beside check-ins flat out\n",
        a1, a2, a, (a > 0 ? 100 * b / a : 0), (a > 0 ? 100 * c / a : 0) }'
  fi
  if want P; then
    local pair shares=() paced=() pg_us=()
    for pair in $(seq 1 "$pairs"); do
      pg_us+=("$(value pg_cpu_us "$WORK/checkins-pair-$pair.out")")
      shares+=("$(awk -v a="$(value rps "$WORK/nearest-pair-$pair-alone.out")" -v b="$(value rps "$WORK/nearest-pair-$pair.out")" \
        'BEGIN { printf "%.0f", (a > 0 ? 100 * b / a : 0) }')")
      paced+=("$(value rps "$WORK/checkins-pair-$pair.out")")
    done
    awk -v list="${shares[*]}" -v rates="${paced[*]}" -v pg="${pg_us[*]}" 'BEGIN {
      n = split(list, v, " "); split(rates, r, " "); split(pg, u, " ")
      for (i = 1; i <= n; i++) {
        s[i] = v[i] + 0; shown = shown (i > 1 ? ", " : "") v[i] "%"; paced = paced (i > 1 ? ", " : "") int(r[i]); cpu = cpu (i > 1 ? ", " : "") u[i]
      }
      for (i = 2; i <= n; i++) for (j = i; j > 1 && s[j - 1] > s[j]; j--) { t = s[j]; s[j] = s[j - 1]; s[j - 1] = t }
      m = (n % 2 ? s[(n + 1) / 2] : (s[n / 2] + s[n / 2 + 1]) / 2)
      printf "nearest kept %.0f%% beside check-ins at the peak rate: the median of %d windows, each against a window alone beside it (target >= 70%%); in turn %s, at %s check-ins/s, PostgreSQL %s us CPU per check-in\n", m, n, shown, paced, cpu }'
  fi
  echo "check-ins stored: $rows; stations with a status row: $statuses; index reloads during the run: $(( $(cat "$WORK/reloads.txt") - 1 )) (the first load aside); API RSS ${rss} MB"
  echo "(errors = socket errors and non-2xx answers: 409 for a device repeating a kind at a station within the hour counts here;"
  echo " CPU per check-in of the API and of PostgreSQL with its background processes, for A and E, where nothing else runs;"
  echo " of PostgreSQL alone for C and D, where the API also answers nearest)"
}

# Two API processes over a primary and a streaming standby (scripts/cluster.sh): nearest and bbox throughput through
# one process (the other idle), then through both at once with the same connections split between them; then the
# import-to-visible lag on each process (API 2 is the read-only replica role; both load their index from the standby).
# Also a station read in full (the database: the standby) and check-ins (writes: the primary), with CPU per request.
# On one 2-core machine two processes share the same cores: the figures show the shape (the second process adds
# capacity only where the first leaves cores idle), not what two machines would add.
cmd_replicas() {
  local stations=200000 seconds=20 warmup=10 connections=32 imports=20
  while [ $# -gt 0 ]; do
    case "$1" in
      --stations) stations=$2; shift 2 ;;
      --seconds) seconds=$2; shift 2 ;;
      --warmup) warmup=$2; shift 2 ;;
      --connections) connections=$2; shift 2 ;;
      --imports) imports=$2; shift 2 ;;
      *) say "unknown option $1"; exit 2 ;;
    esac
  done
  local scripts=$ROOT/tests/StationMap.Benchmarks api_port=${STATIONMAP_BENCH_API_PORT:-5081} half=$(( connections / 2 ))
  local api1=http://127.0.0.1:$api_port api2=http://127.0.0.1:$(( api_port + 1 ))
  "$ROOT/scripts/deps.sh" wrk curl
  build
  export STATIONMAP_CLUSTER_DATA=$STATIONMAP_DATA/cluster STATIONMAP_CLUSTER_PG_PORT=$STATIONMAP_PG_PORT STATIONMAP_CLUSTER_API_PORT=$api_port
  STARTED_CLUSTER=1
  say "cluster: primary and standby on 127.0.0.1:$STATIONMAP_PG_PORT and the next port"
  STATIONMAP_CLUSTER_APIS=0 "$ROOT/scripts/cluster.sh" start >/dev/null
  local write have
  write=$("$ROOT/scripts/cluster.sh" write-url)
  have=$(psql_bench -d stationmap -c "select count(*) from station where source = 'bench-$stations' and retired_at is null" 2>/dev/null || echo 0)
  if [ "$stations" -gt 0 ] && [ "$have" != "$stations" ]; then
    say "loading $stations generated stations"
    (cd "$ROOT/api/StationMap.Api" && ConnectionStrings__StationMap="$write;Command Timeout=0" \
      dotnet "$API_DLL" load-generated --count "$stations" --region jingjinji --source "bench-$stations" --Logging:LogLevel:Default=Warning) >&2
    psql_bench -d stationmap -c "vacuum analyze station"
  fi
  export BENCH_MAX_ID BENCH_DEVICES=100000 CHECKIN_STATIONS=$WORK/checkin-stations.txt
  BENCH_MAX_ID=$(psql_bench -d stationmap -c "select max(id) from station")
  psql_bench -d stationmap -F ' ' -c "select id, ST_Y(location), ST_X(location) from station where retired_at is null order by random() limit 20000" \
    >"$CHECKIN_STATIONS"
  say "starting the two API processes"
  STATIONMAP_CLUSTER_SEED=0 STATIONMAP_CLUSTER_API_ARGS="--RateLimits:ExemptLoopback=true --Checkins:LimitsEnabled=false --Logging:LogLevel:Default=Warning --Logging:LogLevel:StationMap.Api.Stations=Information" \
    "$ROOT/scripts/cluster.sh" start >/dev/null
  local pid1 pid2
  pid1=$(cat "$STATIONMAP_CLUSTER_DATA/api-1.pid"); pid2=$(cat "$STATIONMAP_CLUSTER_DATA/api-2.pid")
  say "warm-up ${warmup}s on both"
  local kind lua
  for kind in nearest bbox station; do
    lua=$(replica_lua "$kind")
    wrk -t1 -c"$half" -d"$(( warmup / 3 + 1 ))s" -s "$lua" "$api1" >/dev/null & wrk -t1 -c"$half" -d"$(( warmup / 3 + 1 ))s" -s "$lua" "$api2" >/dev/null; wait
  done
  for kind in nearest bbox station checkin; do
    lua=$(replica_lua "$kind")
    local a0 p0 a1 p1
    say "$kind: one process, wrk -t2 -c$connections -d${seconds}s"
    a0=$(process_ticks "$pid1"); p0=$(cluster_pg_ticks)
    wrk -t2 -c"$connections" -d"${seconds}s" --latency -s "$lua" "$api1" >"$WORK/$kind-one.out"
    a1=$(process_ticks "$pid1"); p1=$(cluster_pg_ticks)
    us_per api_cpu_us $(( a1 - a0 )) "$(value requests "$WORK/$kind-one.out")" >>"$WORK/$kind-one.out"
    us_per pg_cpu_us $(( p1 - p0 )) "$(value requests "$WORK/$kind-one.out")" >>"$WORK/$kind-one.out"
    say "$kind: two processes, wrk -t1 -c$half -d${seconds}s on each at once"
    BENCH_SEED=1 wrk -t1 -c"$half" -d"${seconds}s" --latency -s "$lua" "$api1" >"$WORK/$kind-two-1.out" &
    BENCH_SEED=2 wrk -t1 -c"$half" -d"${seconds}s" --latency -s "$lua" "$api2" >"$WORK/$kind-two-2.out"
    wait
  done
  say "lag: $imports imports of one station on the primary, until nearest answers it on each process"
  local loads0
  loads0=$(cat "$STATIONMAP_CLUSTER_DATA"/api-[12].log | grep -c 'Nearest index: loaded' || true)
  dotnet "$BENCH_DLL" replica-lag --write "$write" --apis "$api1,$api2" --imports "$imports" --box "$BENCH_BOX" >"$WORK/lag.kv"
  # What the lag is made of: each import rebuilds both processes' index (the log's load times, after the warm-up loads).
  cat "$STATIONMAP_CLUSTER_DATA"/api-[12].log | sed -n 's/.*Nearest index: loaded version [0-9]*, [0-9]* stations in \([0-9]*\) ms.*/\1/p' \
    | tail -n +$(( loads0 + 1 )) | sort -n | awk '{ v[NR] = $1 } END { if (NR) printf "load_p50_ms=%d\nloads=%d\n", v[int((NR + 1) / 2)], NR }' >>"$WORK/lag.kv"

  echo
  echo "replicas: $stations generated stations + demo (Beijing-Tianjin-Hebei), a primary and a streaming standby, two API processes (reads prefer the standby), $connections connections in all, ${seconds}s each, $(nproc) cores, load average $(cut -d' ' -f1 /proc/loadavg)"
  local row='%-36s %11s %12s %12s %14s %7s %9s %9s\n'
  printf "$row" "run" "per second" "p50 ms" "p90 ms" "p99 ms" "errors" "API cpu" "PG cpu"
  for kind in nearest bbox station checkin; do
    local one=$WORK/$kind-one.out a=$WORK/$kind-two-1.out b=$WORK/$kind-two-2.out
    printf "$row" "$kind, one process" "$(value rps "$one")" "$(value p50_ms "$one")" "$(value p90_ms "$one")" "$(value p99_ms "$one")" \
      "$(value errors "$one")" "$(value api_cpu_us "$one")us" "$(value pg_cpu_us "$one")us"
    printf "$row" "$kind, two processes (API 1 + API 2)" \
      "$(awk -v x="$(value rps "$a")" -v y="$(value rps "$b")" 'BEGIN { printf "%.1f", x + y }')" \
      "$(value p50_ms "$a")/$(value p50_ms "$b")" "$(value p90_ms "$a")/$(value p90_ms "$b")" "$(value p99_ms "$a")/$(value p99_ms "$b")" \
      "$(( $(value errors "$a") + $(value errors "$b") ))" "-" "-"
    awk -v one="$(value rps "$one")" -v a="$(value rps "$a")" -v b="$(value rps "$b")" -v k="$kind" 'BEGIN {
      printf "  %s: two processes / one = %.2f\n", k, (one > 0 ? (a + b) / one : 0) }'
  done
  echo "import to visible in nearest, $(value imports "$WORK/lag.kv") imports (ms from the import's commit):" \
    "API 1 p50 $(value api1_p50_ms "$WORK/lag.kv"), p99 $(value api1_p99_ms "$WORK/lag.kv"), max $(value api1_max_ms "$WORK/lag.kv");" \
    "API 2 (replica role) p50 $(value api2_p50_ms "$WORK/lag.kv"), p99 $(value api2_p99_ms "$WORK/lag.kv"), max $(value api2_max_ms "$WORK/lag.kv");" \
    "index rebuilds during them $(value loads "$WORK/lag.kv"), each p50 $(value load_p50_ms "$WORK/lag.kv") ms"
  echo "(API cpu = CPU time of the API process per request; PG cpu = of both nodes' PostgreSQL, replay included; errors count non-2xx: a check-in's 409 for a device repeating a kind within the hour is one)"
  echo "(on one 2-core machine both processes, both PostgreSQL nodes and wrk share the cores: two processes cannot add throughput here, the point is the shape; p50/p90/p99 of the two-process rows are API 1/API 2)"
}

replica_lua() {
  case "$1" in
    nearest) echo "$ROOT/tests/StationMap.Benchmarks/Nearest/wrk-nearest.lua" ;;
    checkin) echo "$ROOT/tests/StationMap.Benchmarks/Checkins/wrk-checkins.lua" ;;
    *) echo "$ROOT/tests/StationMap.Benchmarks/Replicas/wrk-$1.lua" ;;
  esac
}

# CPU ticks of both nodes of the bench cluster (postmasters and their children, live and exited).
cluster_pg_ticks() {
  local total=0 node postmaster
  for node in a b; do
    [ -f "$STATIONMAP_CLUSTER_DATA/$node/data/postmaster.pid" ] || continue
    postmaster=$(head -n 1 "$STATIONMAP_CLUSTER_DATA/$node/data/postmaster.pid")
    total=$(( total + $(awk '{ print $14 + $15 + $16 + $17 }' "/proc/$postmaster/stat") ))
    for p in $(ps -o pid= --ppid "$postmaster"); do
      total=$(( total + $(awk '{ print $14 + $15 }' "/proc/$p/stat" 2>/dev/null || echo 0) ))
    done
  done
  echo "$total"
}

# Site selection on generated data, in process: no database, no API.
# Place matching at scale (issue 21): the generator writes about 1,000,000 records of three lists of 860,000 stations
# (the union's; the host companies', a third of them GCJ-02 positions labelled WGS-84; OpenStreetMap's), about a fifth
# of the records with a counterpart in another list, with the truth. Measured: one full pass of the matcher in process
# (time, CPU, memory, precision/recall against the truth, beside a distance-only check within 50 m as the baseline), then
# the three lists imported into an empty database through the importer (each import matched as it commits) and a full
# pass of the store (`places match`), with the places it stored scored against the truth.
cmd_dedup() {
  local stations=860000
  while [ $# -gt 0 ]; do
    case "$1" in
      --stations) stations=$2; shift 2 ;;
      *) say "unknown option $1"; exit 2 ;;
    esac
  done
  local importer=$ROOT/importer/StationMap.Importer/bin/Release/net10.0/stationmap-import.dll db=bench_dedup
  local dir=$STATIONMAP_DATA/dedup-$stations
  "$ROOT/scripts/deps.sh"
  say "building the importer and the benchmarks (Release)"
  { dotnet build -c Release -v quiet -nologo "$ROOT/importer/StationMap.Importer" \
      && dotnet build -c Release -v quiet -nologo "$ROOT/tests/StationMap.Benchmarks"; } >"$WORK/build.log" 2>&1 \
    || { grep -E 'error' "$WORK/build.log" | sort -u >&2; say "build failed"; exit 1; }

  say "in process: one full pass of the matcher over the generated records"
  /usr/bin/time -v dotnet "$BENCH_DLL" in-process-dedup --stations "$stations" >"$WORK/inproc.out" 2>"$WORK/inproc.time"
  cat "$WORK/inproc.out" >&2

  if [ ! -f "$dir/truth.csv" ]; then
    say "generating the three lists of $stations stations into $dir"
    dotnet "$importer" generate-sources --stations "$stations" --profile benchmark --region jingjinji --out "$dir" >&2
  fi
  start_pg postgres
  psql_bench -d postgres -c "drop database if exists $db with (force)"
  start_pg "$db"
  local cs
  cs="$(connection_string "$db")"
  ConnectionStrings__StationMap="$cs" dotnet "$importer" places source union --priority 10 >&2
  ConnectionStrings__StationMap="$cs" dotnet "$importer" places source hosts --priority 20 --maybe-gcj02 true >&2
  ConnectionStrings__StationMap="$cs" dotnet "$importer" places source osm --priority 30 >&2
  local source
  for source in union hosts osm; do
    say "importing $source (and matching what it wrote)"
    local t0 t1
    t0=$(date +%s.%N)
    ConnectionStrings__StationMap="$cs" dotnet "$importer" "$dir/$source.csv" --source "$source" --mode full \
      --report "$WORK/report-$source" >"$WORK/import-$source.out" 2>&1 || true
    t1=$(date +%s.%N)
    grep -v '^  warning' "$WORK/import-$source.out" >&2
    awk -v a="$t0" -v b="$t1" 'BEGIN { printf "wall=%.1f\n", b - a }' >>"$WORK/import-$source.out"
  done
  psql_bench -d "$db" -c "vacuum analyze station"
  say "full pass of the store (places match)"
  ConnectionStrings__StationMap="$cs" /usr/bin/time -v dotnet "$importer" places match >"$WORK/match.out" 2>"$WORK/match.time"
  cat "$WORK/match.out" >&2
  psql_bench -d "$db" -c "create table truth (station text, source text, external_id text, gcj02_mislabelled boolean)"
  psql_bench -d "$db" -c "\\copy truth from '$dir/truth.csv' csv header"
  psql_bench -d "$db" -F ' ' -c "
    with r as (select s.place_id, t.station from station s join truth t using (source, external_id) where s.retired_at is null),
         linked as (select coalesce(sum(n * (n - 1) / 2), 0) as l from (select count(*) as n from r group by place_id) x),
         good as (select coalesce(sum(n * (n - 1) / 2), 0) as c from (select count(*) as n from r group by place_id, station) x),
         same as (select coalesce(sum(n * (n - 1) / 2), 0) as t from (select count(*) as n from r group by station) x)
    select l, c, t, (select count(*) from match_review), (select count(*) from station where retired_at is null),
           (select count(*) from station where retired_at is null and pin) from linked, good, same" >"$WORK/store.out"
  read -r s_linked s_right s_same s_review s_records s_pins <"$WORK/store.out"

  local rss_inproc rss_match
  rss_inproc=$(awk '/Maximum resident/ { printf "%.0f", $NF / 1024 }' "$WORK/inproc.time")
  rss_match=$(awk '/Maximum resident/ { printf "%.0f", $NF / 1024 }' "$WORK/match.time")
  local inproc=$WORK/inproc.out
  echo
  echo "dedup: $(value records "$inproc") records of $(value stations "$inproc") generated stations in 3 lists," \
    "$(value overlap_percent "$inproc")% of the records with a counterpart; $(nproc) cores, load average $(cut -d' ' -f1 /proc/loadavg)"
  local row='%-46s %10s %10s %10s %10s %10s\n'
  printf "$row" "run" "wall s" "CPU s" "RSS MB" "precision" "recall"
  printf "$row" "A. store full pass (places match)" \
    "$(sed -n 's/.* matched in \([0-9.]*\) s.*/\1/p' "$WORK/match.out")" \
    "$(awk -F': ' '/User time/ { u = $2 } /System time/ { s = $2 } END { printf "%.1f", u + s }' "$WORK/match.time")" "$rss_match" \
    "$(awk -v c="$s_right" -v l="$s_linked" 'BEGIN { printf "%.2f%%", l ? 100 * c / l : 100 }')" \
    "$(awk -v c="$s_right" -v t="$s_same" 'BEGIN { printf "%.2f%%", t ? 100 * c / t : 100 }')"
  printf "$row" "B. matcher in process (no database)" "$(value match_s "$inproc")" "$(value match_cpu_s "$inproc")" "$rss_inproc" \
    "$(value precision_percent "$inproc")%" "$(value recall_percent "$inproc")%"
  printf "$row" "C. baseline: distance only, 50 m, in process" "$(value baseline_s "$inproc")" "-" "-" \
    "$(value baseline_precision_percent "$inproc")%" "$(value baseline_recall_percent "$inproc")%"
  for source in union hosts osm; do
    printf "$row" "import $source (+ matching what it wrote)" "$(value wall "$WORK/import-$source.out")" "-" "-" "-" "-"
  done
  echo "store: $s_records live records shown as $s_pins pins; $s_linked pairs linked, $s_right of them one station, $s_same pairs of one station;" \
    "$s_review pairs in review ($(awk -v r="$s_review" -v l="$s_linked" 'BEGIN { printf "%.1f", (l + r) ? 100 * r / (l + r) : 0 }')% of the pairs found)"
  echo "in process: $(value candidates "$inproc") candidate pairs scored, $(value review_pairs "$inproc") in review" \
    "($(value review_share_percent "$inproc")% of the pairs found), peak working set $(value peak_working_set_mb "$inproc") MB, allocated $(value allocated_mb "$inproc") MB"
  echo "(target: a full pass over 1,000,000 records in under 60 s)"
}

cmd_planning() {
  build
  say "planning: 100,000 x 10,000 greedy + swap, then 2,000 x 500 exact vs greedy"
  dotnet "$BENCH_DLL" planning "$@"
}

case "${1:-}" in
  nearest) shift; cmd_nearest "$@" ;;
  tiles) shift; cmd_tiles "$@" ;;
  search) shift; cmd_search "$@" ;;
  checkins) shift; cmd_checkins "$@" ;;
  planning) shift; cmd_planning "$@" ;;
  dedup) shift; cmd_dedup "$@" ;;
  micro) shift; cmd_micro "$@" ;;
  import) shift; cmd_import "$@" ;;
  abuse) shift; cmd_abuse "$@" ;;
  soak) shift; cmd_soak "$@" ;;
  replicas) shift; cmd_replicas "$@" ;;
  *) echo "usage: $0 nearest [--stations N] [--seconds S] [--connections C] | tiles [--stations N] [--tiles T] [--seconds S] | search [--stations N] [--queries Q] [--seconds S] | checkins [--stations N] [--seconds S] | micro [filter] | import [--rows N] [--repeats R] | abuse [--stations N] [--seconds S] | soak [--minutes M] | planning [--exact-seconds T] | dedup [--stations N] | replicas [--stations N] [--seconds S] [--imports N]" >&2; exit 2 ;;
esac
