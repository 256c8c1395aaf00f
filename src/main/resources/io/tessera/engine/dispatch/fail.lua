-- A delivered task failed as a whole: acknowledge it and either schedule another attempt or dead-letter it.
-- KEYS: 1 task stream, 2 job hash, 3 settled-tasks hash, 4 results stream, 5 retry zset, 6 dead-letter stream,
--       7 shards hash, 8 the job's failures stream, 9 the job's dhash hash, 10 the job's dead-letter hash
-- (not the control hash, which workers may only read: see complete.lua)
-- ARGV: 1 group, 2 entry id, 3 job id, 4 task id, 5 'retry' or 'dead', 6 task JSON for the next attempt
--       or the dead letter, 7 priority, 8 delay ms, 9 worker, 10 results max length, 11 channel prefix,
--       12 error, 13 TASK_RETRY / TASK_DEAD event JSON, 14 shard, 15 dead-letter stream max length
-- A dead letter goes to the shared dead-letter stream (capped: XADD MAXLEN ~, the operators' overview) and to the
-- job's own dead-letter hash (task id -> JSON with the stream entry id), which is complete, lists and requeues the
-- job's dead letters, and expires with the job's other keys.
-- Returns 1 when a retry was scheduled, {1, {shard tally}} (see complete.lua) when dead-lettered, 0 for a
-- task already settled, -1 for an unknown job.
redis.call('XACK', KEYS[1], ARGV[1], ARGV[2])
redis.call('XDEL', KEYS[1], ARGV[2])
if redis.call('EXISTS', KEYS[2]) == 0 then
  return -1
end
if redis.call('HGET', KEYS[3], ARGV[4]) then
  return 0
end
-- what this attempt had finished does not count (progress.lua): the next attempt does the task again
redis.call('HDEL', KEYS[2], 'running:' .. ARGV[4])
tessera_emit(KEYS[4], ARGV[10], ARGV[11], ARGV[3], ARGV[13])
if ARGV[5] == 'retry' then
  -- members are "<priority>|<task JSON>"; promote.lua moves them back to their stream when due
  redis.call('ZADD', KEYS[5], tessera_now() + tonumber(ARGV[8]), ARGV[7] .. '|' .. ARGV[6])
  redis.call('HINCRBY', KEYS[2], 'retried', 1)
  return 1
end
local entry = redis.call('XADD', KEYS[6], 'MAXLEN', '~', ARGV[15], '*', 'job', ARGV[3], 'task', ARGV[6], 'priority', ARGV[7],
  'error', ARGV[12], 'worker', ARGV[9])
redis.call('HSET', KEYS[10], ARGV[4], cjson.encode({entry = entry, task = ARGV[6], priority = ARGV[7], error = ARGV[12],
  worker = ARGV[9], time = tessera_now()}))
redis.call('HSET', KEYS[3], ARGV[4], 'dead')
redis.call('HINCRBY', KEYS[2], 'dead', 1)
local answer = {1}
local tally = tessera_shard_add(KEYS[7], ARGV[14], {left = -1, dead = 1})
if tally ~= nil then
  answer[2] = tally
end
tessera_progress(KEYS[2], ARGV[3], ARGV[9], KEYS[4], ARGV[10], ARGV[11], {KEYS[3], KEYS[7], KEYS[8], KEYS[9], KEYS[10]})
return answer
