-- Puts tasks of one job on their streams, each once. A shard's tasks go in order, and '<shard>:queued' in the shards
-- hash counts how many of them ever went in; it is written with the XADDs, so the two agree even in a Redis that
-- lost its last writes (what survives is a prefix of what was written). A task below that count is skipped: it went
-- in before, and may be running, waiting to retry, dead or settled and deleted by now.
-- KEYS: 1 job hash, 2 shards hash, 3 high stream, 4 normal stream
-- ARGV: per task: shard, position in the shard (from 0), 'HIGH' or 'NORMAL', task JSON
-- Returns how many tasks went in; -1 when the job hash is gone (Redis lost it meanwhile: create the job again).
if redis.call('EXISTS', KEYS[1]) == 0 then
  return -1
end
local added = 0
for i = 1, #ARGV, 4 do
  local field = ARGV[i] .. ':queued'
  local queued = tonumber(redis.call('HGET', KEYS[2], field)) or 0
  local n = tonumber(ARGV[i + 1])
  if n == queued then
    redis.call('XADD', ARGV[i + 2] == 'HIGH' and KEYS[3] or KEYS[4], '*', 'task', ARGV[i + 3])
    redis.call('HSET', KEYS[2], field, n + 1)
    added = added + 1
  elseif n > queued then
    return redis.error_reply('task ' .. n .. ' of shard ' .. ARGV[i] .. ' would skip task ' .. queued)
  end
end
return added
