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

-- The scripts sit one folder below wrk-report.lua; bench.sh passes their absolute paths.
done = dofile(debug.getinfo(1, "S").source:match("^@(.*/)[^/]*/") .. "wrk-report.lua")
