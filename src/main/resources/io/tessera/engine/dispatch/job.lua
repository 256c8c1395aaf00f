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
-- JOB_FINISHED when no task needs work any more. A finished job's keys (job_key and the keys in
-- `related`) expire after the job's 'keepSeconds' (set by its submitter; absent or 0: never).
local function tessera_progress(job_key, job, worker, results, maxlen, channels, related)
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
    local keep = tonumber(redis.call('HGET', job_key, 'keepSeconds')) or 0
    if keep > 0 then
      redis.call('EXPIRE', job_key, keep)
      for _, key in ipairs(related) do
        redis.call('EXPIRE', key, keep)
      end
    end
  elseif state == 'QUEUED' then
    state = 'RUNNING'
    redis.call('HSET', job_key, 'state', state, 'started', now)
  end
  local event = cjson.encode({type = kind, job = job, worker = worker, time = now, state = state, counts = counts})
  tessera_emit(results, maxlen, channels, job, event)
end

-- Per-shard tallies in the job's shards hash, fields '<shard>:left' (tasks not settled yet), ':done' and
-- ':failed' (images), ':dead' and ':cancelled' (tasks). Kept only for jobs submitted with them (the
-- ':left' field exists). Adds `deltas` and returns {shard, left, done, failed, dead, cancelled}, or nil.
local TESSERA_SHARD_FIELDS = {'left', 'done', 'failed', 'dead', 'cancelled'}

local function tessera_shard_add(shards_key, shard, deltas)
  if redis.call('HEXISTS', shards_key, shard .. ':left') == 0 then
    return nil
  end
  local tally = {tonumber(shard)}
  for _, name in ipairs(TESSERA_SHARD_FIELDS) do
    local field = shard .. ':' .. name
    local delta = deltas[name] or 0
    if delta ~= 0 then
      tally[#tally + 1] = redis.call('HINCRBY', shards_key, field, delta)
    else
      tally[#tally + 1] = tonumber(redis.call('HGET', shards_key, field)) or 0
    end
  end
  return tally
end

-- Removes acknowledged entries from a task stream, keeping XLEN = waiting + pending. XREADGROUP hands entries out in
-- order, so every entry older than the group's oldest pending one was delivered and acknowledged: one XTRIM MINID
-- (exact) removes those, far cheaper than XDEL per id, which seeks each. Entries of `ids` (just acknowledged) at or past
-- that bound finished before an older task that still runs: those are deleted one by one. With nothing pending, the
-- bound is the newest of `ids` (everything older was delivered before it, and nothing is pending).
local function tessera_id(id)
  local ms, seq = string.match(id, '^(%d+)-(%d+)$')
  return tonumber(ms), tonumber(seq)
end

local function tessera_older(a, b)
  local ams, aseq = tessera_id(a)
  local bms, bseq = tessera_id(b)
  return ams < bms or (ams == bms and aseq < bseq)
end

local function tessera_forget_acked(stream, group, ids)
  local summary = redis.pcall('XPENDING', stream, group)
  if type(summary) ~= 'table' or summary.err then
    redis.call('XDEL', stream, unpack(ids)) -- no group (a Redis that lost it): as before the group existed
    return
  end
  local bound = summary[2]
  if not bound then
    bound = ids[1]
    for _, id in ipairs(ids) do
      if tessera_older(bound, id) then
        bound = id
      end
    end
  end
  redis.call('XTRIM', stream, 'MINID', bound)
  local left = {}
  for _, id in ipairs(ids) do
    if not tessera_older(id, bound) then
      left[#left + 1] = id
    end
  end
  if #left > 0 then
    redis.call('XDEL', stream, unpack(left))
  end
end
