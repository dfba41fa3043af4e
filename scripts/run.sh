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
echo "run: serving on http://127.0.0.1:5080 (API docs at /docs) - Ctrl-C stops" >&2
exec dotnet "$API_DLL" "$@"
