#!/usr/bin/env bash
# Command 2: install what is missing, build, start a private database for tests (its own port and data dir,
# never the run database), run every test project, stop what it started, and print
# "tests: N passed, M failed, K skipped". Exits non-zero on any failure.
set -uo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$ROOT"
START=$(date +%s)

# Chromium and a CJK font for the browser tests (without the font, Chinese renders as boxes in their screenshots);
# GDAL (gdal-bin: ogrinfo and its MVT and XLSX drivers), the external reader the vector tile and visit report tests
# check our files with (and its OAPIF driver, the OGC API – Features client), and a writer of the .xlsx files the import
# tests read; PROJ (proj-bin: cs2cs), which reads our CGCS2000 coordinates in the axis order EPSG defines; ZBar
# (zbar-tools: zbarimg) and librsvg (librsvg2-bin: rsvg-convert), which read the QR codes; openpyxl (python3-openpyxl),
# which writes a union office's spreadsheet for the Excel import tests; osmium (osmium-tool), which turns the OSM XML
# fixture into .osm.pbf.
"$ROOT/scripts/deps.sh" chromium fonts-noto-cjk gdal-bin proj-bin zbar-tools librsvg2-bin python3-openpyxl osmium-tool \
  || { echo "tests: 0 passed, 1 failed"; exit 1; }

export STATIONMAP_DATA=${STATIONMAP_TEST_DATA:-$ROOT/.stationmap/test}
export STATIONMAP_PG_PORT=${STATIONMAP_TEST_PG_PORT:-55433}
# Durability buys nothing for a throwaway test cluster and costs seconds.
export STATIONMAP_PG_FSYNC=off
CONN=$("$ROOT/scripts/pg.sh" start) || { echo "tests: 0 passed, 1 failed"; exit 1; }
export ConnectionStrings__StationMap=$CONN
trap '"$ROOT/scripts/pg.sh" stop' EXIT
# The cluster tests (tests/StationMap.Integration.Tests/Cluster) start their own primary, standby and two API processes
# with scripts/cluster.sh, on free ports unless STATIONMAP_CLUSTER_TEST_PG_PORT / STATIONMAP_CLUSTER_TEST_API_PORT
# pin them (two consecutive ports each).

RESULTS="$STATIONMAP_DATA/results"
rm -rf "$RESULTS"; mkdir -p "$RESULTS"

echo "test: building" >&2
"$ROOT/scripts/map-client.sh" || { echo "tests: 0 passed, 1 failed"; exit 1; }
# Locked: CI restores exactly the packages the committed lock files name (a changed dependency fails here, not later).
if ! dotnet build "$ROOT/StationMap.sln" -c Release -nologo -clp:ErrorsOnly -v:q -p:RestoreLockedMode=true; then
  echo "tests: 0 passed, 1 failed"
  exit 1
fi

dotnet test "$ROOT/StationMap.sln" -c Release --no-build --nologo \
  --logger "trx" --logger "console;verbosity=minimal" --results-directory "$RESULTS"
STATUS=$?

# Sum the counters of every TRX file: CI reads our closing line, not dotnet test's.
sum() { grep -ho "<Counters [^>]*" "$RESULTS"/*.trx 2>/dev/null | grep -o " $1=\"[0-9]*\"" | grep -o '[0-9]*' | awk '{s+=$1} END {print s+0}'; }
PASSED=$(sum passed); FAILED=$(sum failed); TOTAL=$(sum total); EXECUTED=$(sum executed)
ERRORS=$(sum error); TIMEOUT=$(sum timeout); ABORTED=$(sum aborted)
FAILED=$((FAILED + ERRORS + TIMEOUT + ABORTED))
SKIPPED=$((TOTAL - EXECUTED))

# The map client's unit tests (Vitest), counted from their JUnit report.
(cd "$ROOT/map-client" && npx --no-install vitest run --reporter=default --reporter=junit --outputFile.junit="$RESULTS/vitest.xml") || STATUS=1
junit() { grep -o "<testsuites [^>]*" "$RESULTS/vitest.xml" 2>/dev/null | grep -o " $1=\"[0-9]*\"" | grep -o '[0-9]*' || echo 0; }
V_TOTAL=$(junit tests); V_FAILED=$(( $(junit failures) + $(junit errors) )); V_SKIPPED=$(grep -c "<skipped" "$RESULTS/vitest.xml" 2>/dev/null || true); V_SKIPPED=${V_SKIPPED:-0}
if [ ! -s "$RESULTS/vitest.xml" ]; then V_FAILED=$((V_FAILED + 1)); fi
PASSED=$((PASSED + V_TOTAL - V_FAILED - V_SKIPPED)); FAILED=$((FAILED + V_FAILED)); SKIPPED=$((SKIPPED + V_SKIPPED))
if [ "$STATUS" -ne 0 ] && [ "$FAILED" -eq 0 ]; then FAILED=1; fi
echo "test: finished in $(( $(date +%s) - START )) s" >&2
echo "tests: $PASSED passed, $FAILED failed, $SKIPPED skipped"
[ "$FAILED" -eq 0 ] && [ "$PASSED" -gt 0 ]
