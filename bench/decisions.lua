-- Each request asks about a random subject from the sample the harness drew (BENCH_SUBJECTS), with the integrator
-- key it minted (BENCH_KEY).
local subjects = {}
for line in io.lines(os.getenv("BENCH_SUBJECTS")) do subjects[#subjects + 1] = line end
local headers = { ["Authorization"] = "Bearer " .. os.getenv("BENCH_KEY") }
math.randomseed(os.time())

request = function()
  local subject = subjects[math.random(#subjects)]
  return wrk.format("GET", "/api/v1/consent-decisions?site=olympus-ims&purpose=newsletter&subject=" .. subject, headers)
end

-- the 99.9th percentile, as bench/latency.lua adds it for the bare server
done = function(summary, latency, requests)
  io.write(string.format("p99.9 %.3fms\n", latency:percentile(99.9) / 1000))
end
