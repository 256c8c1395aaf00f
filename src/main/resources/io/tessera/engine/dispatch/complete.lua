-- Completes one delivered task: acknowledge, count, record events, all or nothing.
-- KEYS: 1 task stream, 2 job hash, 3 settled-tasks hash, 4 results stream
-- ARGV: 1 group, 2 entry id, 3 job id, 4 task id, 5 outcome ('done' or 'cancelled'), 6 images ok,
--       7 images failed, 8 worker, 9 results max length, 10 channel prefix, 11.. image events (JSON)
-- Returns 1 when counted, 0 for a task already settled (a duplicate delivery), -1 for an unknown job.
redis.call('XACK', KEYS[1], ARGV[1], ARGV[2])
redis.call('XDEL', KEYS[1], ARGV[2])
if redis.call('EXISTS', KEYS[2]) == 0 then
  return -1
end
-- The settled hash (task id -> outcome) makes a second completion of the same task a no-op.
local previous = redis.call('HGET', KEYS[3], ARGV[4])
if previous == 'done' or previous == 'cancelled' then
  return 0
end
if previous == 'dead' then
  -- finished late by a worker after it was dead-lettered: it counts as done, no longer as dead
  redis.call('HINCRBY', KEYS[2], 'dead', -1)
end
redis.call('HSET', KEYS[3], ARGV[4], ARGV[5])
redis.call('HINCRBY', KEYS[2], ARGV[5] == 'done' and 'tasksDone' or 'cancelled', 1)
redis.call('HINCRBY', KEYS[2], 'done', ARGV[6])
redis.call('HINCRBY', KEYS[2], 'failed', ARGV[7])
for i = 11, #ARGV do
  tessera_emit(KEYS[4], ARGV[9], ARGV[10], ARGV[3], ARGV[i])
end
tessera_progress(KEYS[2], ARGV[3], ARGV[8], KEYS[4], ARGV[9], ARGV[10])
return 1
