-- Scorecard writes by the interviewers themselves. BENCH_DATA lines: token<TAB>interviewId<TAB>json body.
-- BENCH_MODE=save: PUT .../scorecard, cycling over the lines (saving a draft again is allowed).
-- BENCH_MODE=submit: POST .../scorecard/submit, each line once from BENCH_START (a second submit is a 409).
-- Run with one thread: the position is per thread.
dofile(os.getenv("BENCH_WRK") .. "/report.lua")
local mode = os.getenv("BENCH_MODE") or "save"
local lines = {}
for line in io.lines(os.getenv("BENCH_DATA")) do
  local token, id, body = line:match("^([^\t]+)\t([^\t]+)\t(.*)$")
  lines[#lines + 1] = { token = token, id = id, body = body }
end
local i = tonumber(os.getenv("BENCH_START") or "0")
request = function()
  local line = lines[(i % #lines) + 1]
  i = i + 1
  local headers = { ["Content-Type"] = "application/json", ["Authorization"] = "Bearer " .. line.token }
  if mode == "submit" then
    return wrk.format("POST", "/api/v1/interviews/" .. line.id .. "/scorecard/submit", headers, '{"content":' .. line.body .. '}')
  end
  return wrk.format("PUT", "/api/v1/interviews/" .. line.id .. "/scorecard", headers, line.body)
end
done = function(summary, latency, requests) report(summary, latency) end
