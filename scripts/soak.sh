#!/usr/bin/env bash
# A few minutes of nearest load with the database restarted in the middle: per-minute throughput, p99, errors and the
# API's RSS (issue 14). Options: --minutes 5 --stations 200000 --connections 8 --outage-seconds 10.
exec "$(dirname "${BASH_SOURCE[0]}")/bench.sh" soak "$@"
