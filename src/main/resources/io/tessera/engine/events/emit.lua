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

-- Events per results-stream entry when a script records many at once (a batch entry): one XADD and one pair of
-- PUBLISHes for about this many events instead of one each, which is most of what an image costs Redis.
local TESSERA_EVENTS_PER_ENTRY = 100

-- Records events as few entries: add(piece, n) takes a piece of JSON holding n events (one event, or several joined
-- by commas); an entry is written once it holds TESSERA_EVENTS_PER_ENTRY or more (a piece is never split), and by
-- flush() at the end. A lone event is written as it is, several as one entry {"events":[e1,e2,...]}
-- (EventJson.readAll expands it; every event of an entry gets the entry's id).
local function tessera_batcher(results, maxlen, channels, job)
  local pieces, count = {}, 0
  local batcher = {}
  function batcher.flush()
    if count == 1 then
      tessera_emit(results, maxlen, channels, job, pieces[1])
    elseif count > 1 then
      tessera_emit(results, maxlen, channels, job, '{"events":[' .. table.concat(pieces, ',') .. ']}')
    end
    pieces, count = {}, 0
  end
  function batcher.add(piece, n)
    if n > 0 then
      pieces[#pieces + 1] = piece
      count = count + n
      if count >= TESSERA_EVENTS_PER_ENTRY then
        batcher.flush()
      end
    end
  end
  return batcher
end
