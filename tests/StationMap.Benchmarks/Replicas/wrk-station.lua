-- wrk script for scripts/bench.sh replicas: every request reads one station in full (GET /api/stations/{id}, a
-- database read: the read source, a standby) with a random id from 1 to BENCH_MAX_ID.
local max_id = tonumber(os.getenv("BENCH_MAX_ID"))

local threads = 0
function setup(thread)
  threads = threads + 1
  thread:set("thread_number", threads)
end

function init(args)
  math.randomseed(os.time() * 100 + (thread_number or 0))
end

function request()
  return wrk.format("GET", "/api/stations/" .. math.random(max_id))
end

done = dofile(debug.getinfo(1, "S").source:match("^@(.*/)[^/]*/") .. "wrk-report.lua")
