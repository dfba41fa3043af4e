-- wrk script for scripts/bench.sh abuse: one kind of hostile request, sent as fast as the connections allow, from
-- the client address ATTACK_FORWARDED_FOR (the API trusts X-Forwarded-For from loopback in this benchmark, which is
-- how it tells the attacker from the nearest client on one machine). done() prints key=value lines:
-- accepted (2xx), refused (4xx; of which limited = 429), failed (5xx) and socket errors.
local method = os.getenv("ATTACK_METHOD") or "GET"
local path = os.getenv("ATTACK_PATH")
local body_file = os.getenv("ATTACK_BODY_FILE")
local content_type = os.getenv("ATTACK_CONTENT_TYPE") or "application/json"
local forwarded_for = os.getenv("ATTACK_FORWARDED_FOR") or "198.51.100.7"

local body = nil
if body_file and body_file ~= "" then
  local f = assert(io.open(body_file, "rb"))
  body = f:read("*a")
  f:close()
end

local threads = {}
function setup(thread)
  table.insert(threads, thread)
end

function init(args)
  accepted, refused, limited, failed = 0, 0, 0, 0
  local headers = { ["X-Forwarded-For"] = forwarded_for }
  if body then headers["Content-Type"] = content_type end
  request_text = wrk.format(method, path, headers, body)
end

function request()
  return request_text
end

function response(status, headers, body)
  if status < 300 then accepted = accepted + 1
  elseif status < 500 then
    refused = refused + 1
    if status == 429 then limited = limited + 1 end
  else failed = failed + 1 end
end

function done(summary, latency, requests)
  local a, r, l, f = 0, 0, 0, 0
  for _, t in ipairs(threads) do
    a = a + t:get("accepted"); r = r + t:get("refused"); l = l + t:get("limited"); f = f + t:get("failed")
  end
  local e = summary.errors
  io.write(string.format("accepted=%d\nrefused=%d\nlimited=%d\nfailed=%d\n", a, r, l, f))
  io.write(string.format("socket_errors=%d\n", e.connect + e.read + e.write + e.timeout))
  io.write(string.format("attack_p50_ms=%.1f\n", latency:percentile(50) / 1000))
end
