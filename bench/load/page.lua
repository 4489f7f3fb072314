-- wrk script: one page (PAGE, a path with %s for the person id) over the caseload's person ids
-- (IDS, comma separated), signed in with the session cookie (SESSION). Prints one RESULT line.
local ids = {}
for id in string.gmatch(os.getenv("IDS") or "", "[^,]+") do ids[#ids + 1] = id end
local page = os.getenv("PAGE")
local headers = { ["Cookie"] = "SESSION=" .. os.getenv("SESSION"), ["Accept"] = os.getenv("ACCEPT") or "text/html" }
local n = 0
local threads = {}
non2xx = 0

-- every thread counts its own answers that are not 2xx (a redirect to the login page is a failure too)
setup = function(thread)
  threads[#threads + 1] = thread
end

response = function(status, headers, body)
  if status < 200 or status > 299 then non2xx = non2xx + 1 end
end

request = function()
  n = n + 1
  local path = page
  if string.find(page, "%%s") then path = string.format(page, ids[(n % #ids) + 1]) end
  return wrk.format("GET", path, headers)
end

done = function(summary, latency, requests)
  local seconds = summary.duration / 1e6
  local bad = 0
  for _, thread in ipairs(threads) do bad = bad + (thread:get("non2xx") or 0) end
  io.write(string.format("RESULT %s %.1f %.2f %.2f %.2f %d %d\n", os.getenv("NAME"), summary.requests / seconds,
    latency:percentile(50) / 1000, latency:percentile(95) / 1000, latency:percentile(99) / 1000,
    bad + summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout,
    summary.requests))
end
