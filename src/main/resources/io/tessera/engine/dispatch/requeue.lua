-- Puts one dead letter of a job back on its task stream with a fresh attempt count.
-- KEYS: 1 dead-letter stream, 2 task stream, 3 job hash, 4 settled-tasks hash, 5 shards hash,
--       6 the job's failures stream, 7 the job's dhash hash, 8 the job's dead-letter hash
-- (the control hash does not expire with the job: nothing to keep alive there)
-- ARGV: 1 dead-letter stream entry id (its copy there may have been trimmed already), 2 task id, 3 task JSON for
--       the new attempt, 4 shard
-- Returns 1 when requeued, 0 when someone else took it or the task was completed meanwhile.
if redis.call('HDEL', KEYS[8], ARGV[2]) == 0 then
  return 0
end
redis.call('XDEL', KEYS[1], ARGV[1])
if redis.call('HGET', KEYS[4], ARGV[2]) ~= 'dead' then
  return 0
end
redis.call('HDEL', KEYS[4], ARGV[2])
redis.call('HINCRBY', KEYS[3], 'dead', -1)
tessera_shard_add(KEYS[5], ARGV[4], {left = 1, dead = -1})
local state = redis.call('HGET', KEYS[3], 'state')
if state == 'FINISHED' then
  redis.call('HSET', KEYS[3], 'state', 'RUNNING')
  redis.call('HDEL', KEYS[3], 'finished')
  -- work again: the finished job's keys must not expire under it
  for _, key in ipairs({KEYS[3], KEYS[4], KEYS[5], KEYS[6], KEYS[7], KEYS[8]}) do
    redis.call('PERSIST', key)
  end
end
redis.call('XADD', KEYS[2], '*', 'task', ARGV[3])
return 1
