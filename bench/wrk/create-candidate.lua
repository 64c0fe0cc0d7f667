-- POST /api/v1/candidates with a new e-mail address every time (run with one thread).
dofile(os.getenv("BENCH_WRK") .. "/report.lua")
local tag = os.getenv("BENCH_TAG") or tostring(os.time())
local n = 0
request = function()
  n = n + 1
  local body = string.format(
    '{"name":"Bench Candidate %d","email":"bench-%s-%d@bench.example","source":"referral","resumeText":"Go and PostgreSQL services; on-call for payments; wrote the runbook for failovers."}',
    n, tag, n)
  -- Headers given to wrk.format replace those of -H, so the token is copied over.
  local headers = { ["Content-Type"] = "application/json" }
  for k, v in pairs(wrk.headers) do headers[k] = v end
  return wrk.format("POST", "/api/v1/candidates", headers, body)
end
done = function(summary, latency, requests) report(summary, latency) end
