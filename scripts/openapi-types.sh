#!/usr/bin/env bash
# Writes map-client/src/generated/api-schema.ts, the map client's types for API answers: openapi-typescript run on the
# OpenAPI document the API serves at /openapi/v1.json. Run it after changing an endpoint or an answer type and commit
# the file; ClientApiTypesTests (run by scripts/test.sh) fails while the committed file is not what the document gives.
# Needs no database: the document comes from the API hosted in memory by that same test, in its writing mode.
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
TESTS="$ROOT/tests/StationMap.Integration.Tests"

"$ROOT/scripts/map-client.sh" --install
dotnet build "$TESTS" -c Release -nologo -clp:ErrorsOnly -v:q
STATIONMAP_WRITE_API_TYPES=1 dotnet test "$TESTS" -c Release --no-build --nologo -v:q \
  --filter "FullyQualifiedName~StationMap.Integration.Tests.Api.ClientApiTypesTests" >&2
git -C "$ROOT" status --short -- map-client/src/generated
