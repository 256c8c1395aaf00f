-- The queue's depth read at one moment (separate reads raced completions: an entry acknowledged between the XPENDING
-- and the next read made "waiting" read one short).
-- A task stream may still hold acknowledged entries until a trim passes them (job.lua's tessera_forget_acked), so the
-- unacknowledged entries are counted as the group's lag (not delivered yet) + pending, not as XLEN.
-- KEYS: 1 high stream, 2 normal stream, 3 retry zset, 4 dead-letter stream. ARGV: 1 group.
-- Returns {unacknowledged entries high, normal, pending in both, retrying, dead}.
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
local high, normal = pending(KEYS[1]), pending(KEYS[2])
return {tessera_unacked(KEYS[1], ARGV[1], high)[1], tessera_unacked(KEYS[2], ARGV[1], normal)[1], high + normal,
  redis.call('ZCARD', KEYS[3]), redis.call('XLEN', KEYS[4])}
