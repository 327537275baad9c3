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
