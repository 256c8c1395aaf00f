-- Creates a job's dispatch state once, all or nothing: the job hash, its per-shard tallies, the settled marks of
-- shards that finished already (a job rebuilt from its plan after Redis lost it), the job index entry and
-- JOB_STARTED. A job that is settled from the start (every shard finished, or cancelled) finishes here.
-- No cancel flag: a job rebuilt cancelled (by the coordinator, which runs as the worker role and may not write
-- control flags) has every task settled as cancelled and none queued, so no worker would read the flag. A job that
-- starts PAUSED had its pause flag set by the caller before this runs (JobSetup).
-- KEYS: 1 job hash, 2 shards hash, 3 settled hash, 4 job index (zset), 5 results stream
-- ARGV: 1 job id, 2 plan tag ('' for a job without a plan), 3 recipe, 4 priority, 5 keepSeconds,
--       6 created (epoch ms, 0: now), 7 start state ('QUEUED', 'PAUSED' or 'CANCELLED'), 8 results max length, 9 channel prefix,
--       10 JOB_STARTED event JSON, then per shard: index, tasks, images, finished ('1' or '0'), done, failed
-- Returns 1 when created, 0 when the job is there already from the same plan, -1 when the id is taken by another job.
if redis.call('EXISTS', KEYS[1]) == 1 then
  if ARGV[2] ~= '' and redis.call('HGET', KEYS[1], 'plan') == ARGV[2] then
    return 0
  end
  return -1
end
local created = tonumber(ARGV[6])
if created == 0 then
  created = tessera_now()
end
local cancelled = ARGV[7] == 'CANCELLED'
local totals = {tasks = 0, images = 0, tasksDone = 0, done = 0, failed = 0, cancelled = 0}
local i = 11
while i <= #ARGV do
  local shard, tasks, images = ARGV[i], tonumber(ARGV[i + 1]), tonumber(ARGV[i + 2])
  local finished, done, failed = ARGV[i + 3] == '1', tonumber(ARGV[i + 4]), tonumber(ARGV[i + 5])
  totals.tasks = totals.tasks + tasks
  totals.images = totals.images + images
  if finished or cancelled then
    -- none of its tasks runs (again): all count as queued and settled, with the figures the plan recorded
    local outcome = finished and 'done' or 'cancelled'
    redis.call('HSET', KEYS[2], shard .. ':left', 0, shard .. ':queued', tasks, shard .. ':done', finished and done or 0,
      shard .. ':failed', finished and failed or 0, shard .. ':cancelled', finished and 0 or tasks)
    for n = 0, tasks - 1 do
      redis.call('HSET', KEYS[3], shard .. '-' .. n, outcome)
    end
    if finished then
      totals.tasksDone = totals.tasksDone + tasks
      totals.done = totals.done + done
      totals.failed = totals.failed + failed
    else
      totals.cancelled = totals.cancelled + tasks
    end
  else
    -- every shard's task count before any task is visible, so no shard looks settled while its tasks are being added
    redis.call('HSET', KEYS[2], shard .. ':left', tasks)
  end
  i = i + 6
end
redis.call('HSET', KEYS[1], 'state', ARGV[7], 'tasks', totals.tasks, 'images', totals.images,
  'tasksDone', totals.tasksDone, 'done', totals.done, 'failed', totals.failed, 'retried', 0, 'dead', 0,
  'cancelled', totals.cancelled, 'created', created, 'recipe', ARGV[3], 'priority', ARGV[4], 'plan', ARGV[2],
  'keepSeconds', ARGV[5])
-- the index the jobs table lists, newest first (score = created, epoch ms)
redis.call('ZADD', KEYS[4], created, ARGV[1])
tessera_emit(KEYS[5], ARGV[8], ARGV[9], ARGV[1], ARGV[10])
if totals.tasksDone + totals.cancelled >= totals.tasks then
  tessera_progress(KEYS[1], ARGV[1], '', KEYS[5], ARGV[8], ARGV[9], {KEYS[2], KEYS[3]})
end
return 1
