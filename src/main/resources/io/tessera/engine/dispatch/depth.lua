-- The queue's depth read at one moment (separate reads raced completions: an entry acknowledged and deleted between
-- the XPENDING and the XLEN made "waiting" read one short).
-- KEYS: 1 high stream, 2 normal stream, 3 retry zset, 4 dead-letter stream. ARGV: 1 group.
-- Returns {entries high, entries normal, pending in both, retrying, dead}.
local function pending(stream)
  if redis.call('EXISTS', stream) == 0 then
    return 0
  end
  local summary = redis.pcall('XPENDING', stream, ARGV[1])
  if type(summary) ~= 'table' or summary.err then
    return 0 -- no group yet
  end
  return summary[1]
end
return {redis.call('XLEN', KEYS[1]), redis.call('XLEN', KEYS[2]), pending(KEYS[1]) + pending(KEYS[2]),
  redis.call('ZCARD', KEYS[3]), redis.call('XLEN', KEYS[4])}
