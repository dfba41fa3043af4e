-- wrk script for scripts/bench.sh checkins: each request is a check-in from one of BENCH_DEVICES random devices at one
-- of the stations in CHECKIN_STATIONS ("id lat lon" lines, a sample of the bench database), with its position a few
-- metres off the station; kinds mixed as people would send them. done() prints key=value lines the script parses.
-- With CHECKIN_RATE (check-ins per second over all CHECKIN_CONNECTIONS connections) each connection paces itself to
-- its share instead of sending as fast as answers come: a fixed load, such as the national peak, beside the readers.
local stations = {}
for line in io.lines(os.getenv("CHECKIN_STATIONS")) do
  local id, lat, lon = line:match("(%d+) ([%d%.%-]+) ([%d%.%-]+)")
  if id then stations[#stations + 1] = { id, tonumber(lat), tonumber(lon) } end
end
local devices = tonumber(os.getenv("BENCH_DEVICES") or "100000")
-- visited 60%, open_confirmed 20%, closed_now 8%, crowded 7%, amenity_missing 5%
local kinds = {}
for _ = 1, 60 do kinds[#kinds + 1] = '"kind":"visited"' end
for _ = 1, 20 do kinds[#kinds + 1] = '"kind":"open_confirmed"' end
for _ = 1, 8 do kinds[#kinds + 1] = '"kind":"closed_now"' end
for _ = 1, 7 do kinds[#kinds + 1] = '"kind":"crowded"' end
for _ = 1, 5 do kinds[#kinds + 1] = '"kind":"amenity_missing","amenity":"hot_water"' end

local threads = 0
function setup(thread)
  threads = threads + 1
  thread:set("thread_number", threads)
end

-- BENCH_SEED tells apart wrk processes started in the same second (bench.sh replicas runs two at once): with the same
-- seed they would send the same check-ins, and every second one would be a 409.
function init(args)
  math.randomseed(os.time() * 100 + (thread_number or 0) + 10 * tonumber(os.getenv("BENCH_SEED") or "0"))
end

local rate = tonumber(os.getenv("CHECKIN_RATE") or "")
local sent = 0
if rate then
  local connections = tonumber(os.getenv("CHECKIN_CONNECTIONS") or "32")
  local interval_ms = 1000 * connections / rate
  -- wrk paces a connection's next request from the answer to its last one, so answers that take longer would send
  -- fewer check-ins: people do not wait for each other's answers. Each second the interval is shortened (or lengthened)
  -- by how far that second fell short of (or beyond) this thread's share of the rate, half the way at a time.
  local per_thread = rate / tonumber(os.getenv("CHECKIN_THREADS") or "1")
  -- The first second is a part of one (os.time counts whole seconds) and is not measured.
  local second, whole, sent_before, scale = nil, false, 0, 1
  function delay()
    local now = os.time()
    if second == nil then
      second = now
    elseif now ~= second then
      if whole then
        local ratio = (sent - sent_before) / (per_thread * (now - second))
        scale = math.max(0.5, math.min(1.5, scale * (1 + (ratio - 1) / 2)))
      end
      second, whole, sent_before = now, true, sent
    end
    -- Jittered so the connections do not fire in step; the mean stays the interval.
    return math.floor(interval_ms * scale * (0.5 + math.random()))
  end
end

function request()
  sent = sent + 1
  local s = stations[math.random(#stations)]
  local body = string.format('{%s,"lat":%.6f,"lon":%.6f}', kinds[math.random(#kinds)], s[2] + (math.random() - 0.5) * 0.0005, s[3])
  return wrk.format("POST", "/api/stations/" .. s[1] .. "/checkins",
    { ["Content-Type"] = "application/json", ["X-Device-Id"] = string.format("bench-device-%08d", math.random(devices)) }, body)
end

-- The scripts sit one folder below wrk-report.lua; bench.sh passes their absolute paths.
done = dofile(debug.getinfo(1, "S").source:match("^@(.*/)[^/]*/") .. "wrk-report.lua")
