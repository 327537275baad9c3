-- wrk's --latency report stops at the 99th percentile; this adds the 99.9th (bench/Bench.java reads it). With no
-- request function the requests stay wrk's static ones, so the bare server is loaded as before.
done = function(summary, latency, requests)
  io.write(string.format("p99.9 %.3fms\n", latency:percentile(99.9) / 1000))
end
