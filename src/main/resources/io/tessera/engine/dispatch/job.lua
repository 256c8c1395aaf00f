-- Job helpers shared by the dispatch scripts (after emit.lua). A job hash holds: state, the counters
-- of JobCounts, and created/started/finished (epoch ms).

local TESSERA_COUNTERS = {'tasks', 'images', 'tasksDone', 'done', 'failed', 'retried', 'dead', 'cancelled'}

local function tessera_counts(job_key)
  local values = redis.call('HMGET', job_key, unpack(TESSERA_COUNTERS))
  local counts = {}
  for i, name in ipairs(TESSERA_COUNTERS) do
    counts[name] = tonumber(values[i]) or 0
  end
  return counts
end

-- After a task settled (done, cancelled or dead): move the state on and record PROGRESS, or
-- JOB_FINISHED when no task needs work any more.
local function tessera_progress(job_key, job, worker, results, maxlen, channels)
  local now = tessera_now()
  local counts = tessera_counts(job_key)
  local state = redis.call('HGET', job_key, 'state')
  local kind = 'PROGRESS'
  if counts.tasksDone + counts.cancelled + counts.dead >= counts.tasks then
    if state ~= 'CANCELLED' then
      state = 'FINISHED'
    end
    kind = 'JOB_FINISHED'
    redis.call('HSET', job_key, 'state', state, 'finished', now)
    -- a job whose every task settled in its first completion batch never passed through RUNNING
    redis.call('HSETNX', job_key, 'started', now)
  elseif state == 'QUEUED' then
    state = 'RUNNING'
    redis.call('HSET', job_key, 'state', state, 'started', now)
  end
  local event = cjson.encode({type = kind, job = job, worker = worker, time = now, state = state, counts = counts})
  tessera_emit(results, maxlen, channels, job, event)
end
