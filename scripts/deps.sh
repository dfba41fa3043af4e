#!/usr/bin/env bash
# Installs what StationMap needs and is missing (Debian/Ubuntu, as root): PostgreSQL 15 + PostGIS 3 (via pg.sh),
# and checks for the .NET SDK. Sourced by run.sh, test.sh and bench.sh; safe to run again.
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)

apt_missing() {
  local missing=()
  for p in "$@"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
  done
  if [ ${#missing[@]} -gt 0 ]; then
    echo "deps: installing ${missing[*]} with apt-get" >&2
    if [ "$(id -u)" != 0 ]; then echo "deps: need root to install ${missing[*]}" >&2; exit 1; fi
    DEBIAN_FRONTEND=noninteractive apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
  fi
}

if ! command -v dotnet >/dev/null 2>&1; then
  echo "deps: the .NET 10 SDK is required (https://learn.microsoft.com/dotnet/core/install/linux-debian)" >&2
  exit 1
fi
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

"$ROOT/scripts/pg.sh" install
# Extra apt packages a caller asks for (e.g. chromium for browser tests, gdal-bin for the tile tests, zbar-tools and
# librsvg2-bin for the QR code tests, wrk for benchmarks).
if [ $# -gt 0 ]; then apt_missing "$@"; fi
