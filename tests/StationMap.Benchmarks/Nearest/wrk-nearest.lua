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

-- The scripts sit one folder below wrk-report.lua; bench.sh passes their absolute paths.
done = dofile(debug.getinfo(1, "S").source:match("^@(.*/)[^/]*/") .. "wrk-report.lua")
