#!/usr/bin/env bash
# Command 1: install what is missing, start the private database, migrate, load the Beijing demo data,
# and serve the API and map on http://127.0.0.1:5080 until Ctrl-C. The database keeps running
# afterwards (scripts/pg.sh stop stops it).
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$ROOT"

"$ROOT/scripts/deps.sh"
CONN=$("$ROOT/scripts/pg.sh" start)
export ConnectionStrings__StationMap=${ConnectionStrings__StationMap:-$CONN}

"$ROOT/scripts/map-client.sh"
echo "run: building (Release)" >&2
dotnet build "$ROOT/api/StationMap.Api/StationMap.Api.csproj" -c Release -nologo -clp:ErrorsOnly -v:q

API_DLL="$ROOT/api/StationMap.Api/bin/Release/net10.0/StationMap.Api.dll"
# The content root is the project folder, so appsettings.json and wwwroot are found there.
cd "$ROOT/api/StationMap.Api"
dotnet "$API_DLL" seed-demo

# A refresh source to watch on the dashboard: a district's station list as a file (set STATIONMAP_DEMO_FEED=0 to
# configure only your own sources), and an operator key for the dashboard, made once and kept out of git.
DATA_DIR=${STATIONMAP_DATA:-$ROOT/.stationmap}
if [[ "${STATIONMAP_DEMO_FEED:-1}" != 0 ]]; then
  FEED="$DATA_DIR/feeds/district-feed.csv"
  [[ -f "$FEED" ]] || dotnet "$API_DLL" write-demo-feed "$FEED"
  export Refresh__Sources__0__Name=district-feed Refresh__Sources__0__Location="$FEED" Refresh__Sources__0__Crs=gcj02
fi
KEY_FILE="$DATA_DIR/operator-key"
if [[ ! -s "$KEY_FILE" ]]; then
  (umask 077; dotnet "$API_DLL" create-operator-key demo-operator | tail -n 1 > "$KEY_FILE")
fi
# The check-ins' device key secret: kept outside the database (and out of git), made once, so device history survives
# restarts. Set Checkins__DeviceKeySecret yourself to use another.
SECRET_FILE="$DATA_DIR/checkin-secret"
if [[ ! -s "$SECRET_FILE" ]]; then
  (umask 077; head -c 48 /dev/urandom | base64 -w0 > "$SECRET_FILE")
fi
export Checkins__DeviceKeySecret=${Checkins__DeviceKeySecret:-$(cat "$SECRET_FILE")}
echo "run: operator key in $KEY_FILE (dashboard http://127.0.0.1:5080/hangfire: any user name, the key as password)" >&2
echo "run: serving on http://127.0.0.1:5080 (API docs at /docs) - Ctrl-C stops" >&2
exec dotnet "$API_DLL" "$@"
