-- Creates a job hash, once, and lists the job in the job index. KEYS: 1 job hash, 2 results stream, 3 job index (zset)
-- ARGV: 1 tasks, 2 images, 3 results max length, 4 channel prefix, 5 job id, 6 JOB_STARTED event JSON,
--       7 the tasks' recipe (opaque text), 8 priority
if redis.call('EXISTS', KEYS[1]) == 1 then
  return 0
end
redis.call('HSET', KEYS[1], 'state', 'QUEUED', 'tasks', ARGV[1], 'images', ARGV[2], 'tasksDone', 0, 'done', 0,
  'failed', 0, 'retried', 0, 'dead', 0, 'cancelled', 0, 'created', tessera_now(), 'recipe', ARGV[7], 'priority', ARGV[8])
-- the index the jobs table lists, newest first (score = created, epoch ms)
redis.call('ZADD', KEYS[3], tessera_now(), ARGV[5])
tessera_emit(KEYS[2], ARGV[3], ARGV[4], ARGV[5], ARGV[6])
return 1
