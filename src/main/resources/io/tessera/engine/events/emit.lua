-- Shared helpers, prepended to every script that records events (one script = one atomic unit).
-- An event is appended to the capped results stream (the record) and the same event, with the stream
-- entry id as its "id", is published on the job's channel and on the global one (live, at most once).

local function tessera_now()
  local t = redis.call('TIME')
  return tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
end

local function tessera_emit(results, maxlen, channels, job, json)
  local id = redis.call('XADD', results, 'MAXLEN', '~', maxlen, '*', 'event', json)
  -- json is an object written without id: splice the id in as its first field
  local message = '{"id":"' .. id .. '",' .. string.sub(json, 2)
  if job ~= nil and job ~= '' then
    redis.call('PUBLISH', channels .. job, message)
  end
  redis.call('PUBLISH', channels .. 'all', message)
  return id
end
