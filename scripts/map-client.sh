#!/usr/bin/env bash
# Builds the map client (map-client/, TypeScript + Vite) into api/StationMap.Api/wwwroot when the build is missing or
# its sources changed since the last build (a hash of the sources kept in a stamp file). `--force` always rebuilds;
# `--install` only installs the packages (scripts/openapi-types.sh needs openapi-typescript, not a build).
# Called by run.sh and test.sh; prints nothing on stdout.
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
CLIENT="$ROOT/map-client"
OUT="$ROOT/api/StationMap.Api/wwwroot"
STAMP="$CLIENT/.build-stamp"

if ! command -v npm >/dev/null 2>&1; then
  echo "map-client: Node.js 20+ and npm are required to build the map" >&2
  exit 1
fi

sources_hash() {
  cd "$CLIENT"
  find src index.html moderation.html places.html package.json package-lock.json tsconfig.json vite.config.ts -type f -print0 \
    | sort -z | xargs -0 sha256sum | sha256sum | cut -d' ' -f1
}

HASH=$(sources_hash)
if [ "${1:-}" != "--force" ] && [ "${1:-}" != "--install" ] && [ -f "$OUT/index.html" ] && [ -d "$CLIENT/node_modules" ] && [ "$(cat "$STAMP" 2>/dev/null)" = "$HASH" ]; then
  exit 0
fi

cd "$CLIENT"
# npm ci only when the installed tree is older than the lockfile (or missing): it wipes node_modules each time.
if [ ! -f node_modules/.package-lock.json ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  echo "map-client: npm ci" >&2
  # The registry this machine reaches serves only this platform's builds of optional native packages (rollup, esbuild),
  # so the lockfile cannot list the others and npm ci calls it out of sync; npm install then installs the same locked tree.
  if ! npm ci --no-audit --no-fund --loglevel=error >&2 2>/dev/null; then
    echo "map-client: npm ci refused the lockfile; npm install with it instead" >&2
    npm install --no-audit --no-fund --loglevel=error >&2
  fi
fi
[ "${1:-}" = "--install" ] && exit 0
echo "map-client: building into api/StationMap.Api/wwwroot" >&2
npm run --silent build >&2
echo "$HASH" > "$STAMP"
