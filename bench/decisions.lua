-- Each request asks about a random subject from the sample the harness drew (BENCH_SUBJECTS), with the integrator
-- key it minted (BENCH_KEY).
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
end
local headers = { ["Authorization"] = "Bearer " .. os.getenv("BENCH_KEY") }
math.randomseed(os.time())

request = function()
  local subject
  if subjects then
    subject = subjects[math.random(#subjects)]
  else
    local from = (math.random(count) - 1) * width + 1
    subject = sample:sub(from, from + width - 2)
  end
  return wrk.format("GET", "/api/v1/consent-decisions?site=olympus-ims&purpose=newsletter&subject=" .. subject, headers)
end

-- the 99.9th percentile, as bench/latency.lua adds it for the bare server
done = function(summary, latency, requests)
  io.write(string.format("p99.9 %.3fms\n", latency:percentile(99.9) / 1000))
end
