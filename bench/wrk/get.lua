-- GET of the URL given to wrk (headers from -H).
dofile(os.getenv("BENCH_WRK") .. "/report.lua")
done = function(summary, latency, requests) report(summary, latency) end
