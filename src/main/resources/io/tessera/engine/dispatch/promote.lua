-- Moves retries that are due from the retry zset back to their task streams (atomic: each once).
-- KEYS: 1 retry zset, 2 high stream, 3 normal stream; ARGV: 1 most to move
local due = redis.call('ZRANGEBYSCORE', KEYS[1], '-inf', tessera_now(), 'LIMIT', 0, tonumber(ARGV[1]))
for _, member in ipairs(due) do
  local bar = string.find(member, '|', 1, true)
  local stream = string.sub(member, 1, bar - 1) == 'HIGH' and KEYS[2] or KEYS[3]
  redis.call('XADD', stream, '*', 'task', string.sub(member, bar + 1))
  redis.call('ZREM', KEYS[1], member)
end
return #due
