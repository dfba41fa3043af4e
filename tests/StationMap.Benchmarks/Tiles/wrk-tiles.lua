-- wrk script for scripts/bench.sh tiles: each request asks a tile of TILES_FILE ("z x y" lines), every thread walking
-- the set from its own random start; done() prints key=value lines the script parses.
local tiles = {}
for line in io.lines(os.getenv("TILES_FILE")) do
  local z, x, y = line:match("(%d+) (%d+) (%d+)")
  if z then tiles[#tiles + 1] = string.format("/tiles/stations/%s/%s/%s.mvt", z, x, y) end
end

local threads = 0
function setup(thread)
  threads = threads + 1
  thread:set("thread_number", threads)
end

local next_tile = 1
function init(args)
  math.randomseed(os.time() * 100 + (thread_number or 0))
  next_tile = math.random(#tiles)
end

function request()
  next_tile = next_tile % #tiles + 1
  return wrk.format("GET", tiles[next_tile])
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
