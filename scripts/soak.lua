-- wrk script for scripts/soak.sh: counts answers outside 2xx (wrk itself only counts >= 400 as errors) and prints one
-- machine-readable SOAK line with the request rate, latency percentiles and every kind of error.
local threads = {}

function setup(thread)
   table.insert(threads, thread)
end

function init(args)
   non2xx = 0
   first_bad = ""
end

function response(status, headers, body)
   if status < 200 or status > 299 then
      non2xx = non2xx + 1
      if first_bad == "" then first_bad = tostring(status) end
   end
end

function done(summary, latency, requests)
   local non = 0
   local bad = ""
   for _, t in ipairs(threads) do
      non = non + t:get("non2xx")
      if bad == "" then bad = t:get("first_bad") end
   end
   local e = summary.errors
   local seconds = summary.duration / 1e6
   io.write(string.format(
      "SOAK requests=%d seconds=%.1f rps=%.1f p50_ms=%.1f p90_ms=%.1f p99_ms=%.1f max_ms=%.1f non2xx=%d first_non2xx=%s connect=%d read=%d write=%d timeout=%d\n",
      summary.requests, seconds, summary.requests / seconds,
      latency:percentile(50) / 1000, latency:percentile(90) / 1000, latency:percentile(99) / 1000, latency.max / 1000,
      non, bad == "" and "-" or bad, e.connect, e.read, e.write, e.timeout))
end
