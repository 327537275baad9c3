-- Each request asks about a subject from the sample the harness drew (BENCH_SUBJECTS), with the integrator key it
-- minted (BENCH_KEY): drawn uniformly, or, with BENCH_DECISION_SKEW=s (s > 0), the sample's i-th line with a
-- probability proportional to 1 / i^s (a Zipf-like draw: a few people asked about often, most rarely; the sample is in
-- random order, so a person's rank says nothing of their id). bench/README.md, miss13, for the exponent.
--
-- The sample is kept as one string and each id cut out of it per request when every line has the same length (ids
-- as `bench sample` writes them): a table of a million strings made wrk's collector mark them all on every cycle,
-- 68 µs of wrk's CPU a request against 17 with 10,000 (bench/README.md, miss12), on the cores the server needs.
local file = assert(io.open(os.getenv("BENCH_SUBJECTS")))
local sample = file:read("*a")
file:close()
local width = sample:find("\n", 1, true)
local count = width and #sample % width == 0 and #sample / width or nil
local subjects
if count then
  for at = width, #sample, width do
    if sample:byte(at) ~= 10 then count = nil; break end
  end
end
if not count then
  subjects = {}
  for line in sample:gmatch("[^\n]+") do subjects[#subjects + 1] = line end
  sample = nil
  count = #subjects
end
local authorization = "Bearer " .. os.getenv("BENCH_KEY")

-- The rank by inverting the density x^-s over [0.5, count + 0.5] and rounding (the midpoint rule, within 10 % of 1/i^s
-- at the head and closer below): one random number and one power a draw, nothing kept per person.
local skew = tonumber(os.getenv("BENCH_DECISION_SKEW") or "") or 0
local floor, random, exp, log = math.floor, math.random, math.exp, math.log
local draw
if skew <= 0 then
  draw = function() return random(count) end
elseif math.abs(skew - 1) < 1e-9 then
  local span = log(2 * count + 1)
  draw = function() return floor(0.5 * exp(random() * span) + 0.5) end
else
  local a = 1 - skew
  local low, high = 0.5 ^ a, (count + 0.5) ^ a
  draw = function() return floor((low + random() * (high - low)) ^ (1 / a) + 0.5) end
end

-- WHY a seed per thread: each of wrk's threads runs this script in a Lua state of its own, and seeded alike from
-- os.time() they asked about the same people in the same order: each thread's questions repeated the other's a
-- moment later.
local threads = 0
function setup(thread)
  threads = threads + 1
  thread:set("thread_number", threads)
end

-- WHY the request's text made here once, around the id: wrk.format builds a table of headers and three formatted
-- strings for every request, garbage that wrk's collector then spends the cores on; the request is the same bytes.
local before, after
function init(args)
  math.randomseed(os.time() * 64 + (thread_number or 0))
  before = "GET /api/v1/consent-decisions?site=olympus-ims&purpose=newsletter&subject="
  after = " HTTP/1.1\r\nHost: " .. wrk.headers["Host"] .. "\r\nAuthorization: " .. authorization .. "\r\n\r\n"
end

request = function()
  local rank = draw()
  if rank > count then rank = count elseif rank < 1 then rank = 1 end
  local subject
  if subjects then
    subject = subjects[rank]
  else
    local from = (rank - 1) * width + 1
    subject = sample:sub(from, from + width - 2)
  end
  return before .. subject .. after
end

-- the 99.9th percentile, as bench/latency.lua adds it for the bare server
done = function(summary, latency, requests)
  io.write(string.format("p99.9 %.3fms\n", latency:percentile(99.9) / 1000))
end
