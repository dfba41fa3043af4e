-- done() of the wrk scripts of scripts/bench.sh nearest and tiles: key=value lines the script parses. A script takes
-- it with `done = dofile(<this file>)`.
return function(summary, latency, requests)
  local seconds = summary.duration / 1e6
  local e = summary.errors
  io.write(string.format("requests=%d\n", summary.requests))
  io.write(string.format("rps=%.1f\n", summary.requests / seconds))
  io.write(string.format("p50_ms=%.2f\n", latency:percentile(50) / 1000))
  io.write(string.format("p90_ms=%.2f\n", latency:percentile(90) / 1000))
  io.write(string.format("p99_ms=%.2f\n", latency:percentile(99) / 1000))
  io.write(string.format("errors=%d\n", e.connect + e.read + e.write + e.status + e.timeout))
end
