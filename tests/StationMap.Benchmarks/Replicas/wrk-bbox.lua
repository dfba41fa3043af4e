-- wrk script for scripts/bench.sh replicas: every request asks the stations in a different random box of about
-- 5 x 5 km (0.05 degrees) in BENCH_BOX (minLon,minLat,maxLon,maxLat), at most 200 per page, as a map view does.
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
  local lat = min_lat + math.random() * (max_lat - min_lat - 0.05)
  local lon = min_lon + math.random() * (max_lon - min_lon - 0.05)
  return wrk.format("GET", string.format("/api/stations?bbox=%.5f,%.5f,%.5f,%.5f&limit=200", lon, lat, lon + 0.05, lat + 0.05))
end

done = dofile(debug.getinfo(1, "S").source:match("^@(.*/)[^/]*/") .. "wrk-report.lua")
