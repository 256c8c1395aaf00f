-- Reads a page of the results stream together with the stream's own counters, atomically, so a follower
-- can tell whether (and by how many events) a trim overtook it.
-- KEYS: 1 results stream
-- ARGV: 1 'tail' (the newest ARGV[4] entries, newest first) or 'range',
--       2 start id, exclusive ('' for the oldest), 3 end id, exclusive ('' for the newest), 4 count
-- Returns {entries-added (-1 when the server does not say), length, first id ('' if none),
--          last generated id, id1, json1, id2, json2, ...}
local added, length, first, last = 0, 0, '', '0-0'
local info = redis.pcall('XINFO', 'STREAM', KEYS[1])
if type(info) == 'table' and info.err == nil then
  added = -1
  for i = 1, #info, 2 do
    local name, value = info[i], info[i + 1]
    if name == 'entries-added' then added = value
    elseif name == 'length' then length = value
    elseif name == 'first-entry' and value then first = value[1]
    elseif name == 'last-generated-id' then last = value
    end
  end
end
local reply = {added, length, first, last}
if tonumber(ARGV[4]) < 1 then
  return reply
end
local page
if ARGV[1] == 'tail' then
  page = redis.call('XREVRANGE', KEYS[1], '+', '-', 'COUNT', ARGV[4])
else
  local start = ARGV[2] == '' and '-' or '(' .. ARGV[2]
  local stop = ARGV[3] == '' and '+' or '(' .. ARGV[3]
  page = redis.call('XRANGE', KEYS[1], start, stop, 'COUNT', ARGV[4])
end
for _, entry in ipairs(page) do
  local fields = entry[2]
  for j = 1, #fields, 2 do
    if fields[j] == 'event' then
      reply[#reply + 1] = entry[1]
      reply[#reply + 1] = fields[j + 1]
    end
  end
end
return reply
