-- One benchmark scenario for wrk, set by environment variables so a single script serves every server:
--   BENCH_METHOD    request method (default GET)
--   BENCH_PATH      path and query of a fixed request
--   BENCH_KEY_PATH  path prefix of a GET by key; each request appends a random row's key (see BENCH_ROWS)
--   BENCH_ROWS      number of stored rows whose keys BENCH_KEY_PATH picks from
--   BENCH_BODY      JSON request body, sent with Content-Type: application/json
--   BENCH_TOKEN     bearer token for the Authorization header
-- done() prints one line "BENCH_RESULT {json}" with the counts and latencies (microseconds) the runner reads.

local method = os.getenv("BENCH_METHOD") or "GET"
local path = os.getenv("BENCH_PATH")
local key_path = os.getenv("BENCH_KEY_PATH")
local rows = tonumber(os.getenv("BENCH_ROWS") or "0")
local body = os.getenv("BENCH_BODY")
local token = os.getenv("BENCH_TOKEN")

wrk.method = method
if path then
  wrk.path = path
end
if body then
  wrk.body = body
  wrk.headers["Content-Type"] = "application/json"
end
if token then
  wrk.headers["Authorization"] = "Bearer " .. token
end

-- The keys match BenchRows.Key in the runner: a GUID whose last group is the row index in hexadecimal.
if key_path then
  if rows < 1 then
    error("BENCH_KEY_PATH needs BENCH_ROWS of at least 1")
  end
  math.randomseed(20261204)
  request = function()
    local index = math.random(0, rows - 1)
    return wrk.format(nil, key_path .. string.format("%012x", index))
  end
end

done = function(summary, latency, requests)
  local errors = summary.errors
  io.write(string.format(
    'BENCH_RESULT {"requests":%d,"durationUs":%d,"connectErrors":%d,"readErrors":%d,"writeErrors":%d,'
      .. '"statusErrors":%d,"timeouts":%d,"p50Us":%d,"p99Us":%d,"meanUs":%.1f}\n',
    summary.requests, summary.duration, errors.connect, errors.read, errors.write, errors.status, errors.timeout,
    latency:percentile(50), latency:percentile(99), latency.mean))
end
