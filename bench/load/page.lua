-- wrk script: one page (PAGE, a path with %s for the person id) over the caseload's person ids
-- (IDS, comma separated), signed in with the session cookie (SESSION). Prints one RESULT line.
local ids = {}
for id in string.gmatch(os.getenv("IDS") or "", "[^,]+") do ids[#ids + 1] = id end
local page = os.getenv("PAGE")
local headers = { ["Cookie"] = "SESSION=" .. os.getenv("SESSION"), ["Accept"] = os.getenv("ACCEPT") or "text/html" }
local n = 0

request = function()
  n = n + 1
  local path = page
  if string.find(page, "%%s") then path = string.format(page, ids[(n % #ids) + 1]) end
  return wrk.format("GET", path, headers)
end

done = function(summary, latency, requests)
  local seconds = summary.duration / 1e6
  io.write(string.format("RESULT %s %.1f %.2f %.2f %.2f %d %d\n", os.getenv("NAME"), summary.requests / seconds,
    latency:percentile(50) / 1000, latency:percentile(95) / 1000, latency:percentile(99) / 1000,
    summary.errors.status + summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout,
    summary.requests))
end
