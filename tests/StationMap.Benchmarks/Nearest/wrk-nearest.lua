-- wrk script for scripts/bench.sh nearest: every request asks k=10 nearest from a different random point in
-- BENCH_BOX (minLon,minLat,maxLon,maxLat); done() prints key=value lines the script parses.
local min_lon, min_lat, max_lon, max_lat = os.getenv("BENCH_BOX"):match("([^,]+),([^,]+),([^,]+),([^,]+)")
min_lon, min_lat, max_lon, max_lat = tonumber(min_lon), tonumber(min_lat), tonumber(max_lon), tonumber(max_lat)

local threads = 0
function setup(thread)
  threads = threads + 1
  thread:set("thread_number", threads)
end

function init(args)
  math.randomseed(os.time() * 100 + (thread_number or 0))
end

function request()
  local lat = min_lat + math.random() * (max_lat - min_lat)
  local lon = min_lon + math.random() * (max_lon - min_lon)
  return wrk.format("GET", string.format("/api/stations/nearest?k=10&lat=%.6f&lon=%.6f", lat, lon))
end

function done(summary, latency, requests)
  local seconds = summary.duration / 1e6
  local e = summary.errors
  io.write(string.format("requests=%d\n", summary.requests))
  io.write(string.format("rps=%.1f\n", summary.requests / seconds))
  io.write(string.format("p50_ms=%.2f\n", latency:percentile(50) / 1000))
  io.write(string.format("p90_ms=%.2f\n", latency:percentile(90) / 1000))
  io.write(string.format("p99_ms=%.2f\n", latency:percentile(99) / 1000))
  io.write(string.format("errors=%d\n", e.connect + e.read + e.write + e.status + e.timeout))
end
