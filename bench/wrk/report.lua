-- Shared by every bench script: one machine-readable line when a run ends.
-- RESULT requests seconds p50 p95 p99 (microseconds) non-2xx/3xx socket-errors
function report(summary, latency)
  local e = summary.errors
  io.write(string.format("RESULT %d %.3f %d %d %d %d %d\n",
    summary.requests, summary.duration / 1e6,
    latency:percentile(50), latency:percentile(95), latency:percentile(99),
    e.status, e.connect + e.read + e.write + e.timeout))
end
