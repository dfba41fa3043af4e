-- wrk script for scripts/bench.sh search: each request asks /api/stations/search with a query of SEARCH_QUERIES (the
-- tab-separated lines of `StationMap.Benchmarks search-queries`: url-encoded query, query, core, lat, lon), every
-- thread walking the set from its own random start; done() prints key=value lines the script parses.
local paths = {}
for line in io.lines(os.getenv("SEARCH_QUERIES")) do
  local encoded, _, _, lat, lon = line:match("([^\t]*)\t([^\t]*)\t([^\t]*)\t([^\t]*)\t([^\t]*)")
  if encoded then
    local path = "/api/stations/search?q=" .. encoded
    if lat ~= "" then path = path .. "&lat=" .. lat .. "&lon=" .. lon end
    paths[#paths + 1] = path
  end
end

local threads = 0
function setup(thread)
  threads = threads + 1
  thread:set("thread_number", threads)
end

local next_path = 1
function init(args)
  math.randomseed(os.time() * 100 + (thread_number or 0))
  next_path = math.random(#paths)
end

function request()
  next_path = next_path % #paths + 1
  return wrk.format("GET", paths[next_path])
end

-- The scripts sit one folder below wrk-report.lua; bench.sh passes their absolute paths.
done = dofile(debug.getinfo(1, "S").source:match("^@(.*/)[^/]*/") .. "wrk-report.lua")
