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

-- The fields of a stream's consumer group as XINFO GROUPS gives them (name, pending, last-delivered-id, lag, ...), or
-- nil when the stream or the group does not exist.
local function tessera_group(stream, group)
  local groups = redis.pcall('XINFO', 'GROUPS', stream)
  if type(groups) == 'table' and groups.err == nil then
    for _, info in ipairs(groups) do
      local fields = {}
      for i = 1, #info, 2 do
        fields[info[i]] = info[i + 1]
      end
      if fields['name'] == group then
        return fields
      end
    end
  end
  return nil
end

-- How many entries of a task stream are unacknowledged (waiting or pending), and how many acknowledged ones it still
-- holds ("kept", see tessera_forget_acked), from the group's lag (Redis 7: entries not delivered yet, exact unless
-- entries were deleted past what the group read). Without a lag: {XLEN, unknown (-1)}.
local function tessera_unacked(stream, group, pending)
  local length = redis.call('XLEN', stream)
  local fields = tessera_group(stream, group)
  if fields and type(fields['lag']) == 'number' then
    return {fields['lag'] + pending, length - fields['lag'] - pending}
  end
  return {length, -1}
end

-- Acknowledged entries a task stream may keep until a trim passes them (tessera_forget_acked): past this, deleted.
local TESSERA_KEPT_ACKED = 10000

-- Removes acknowledged entries from a task stream. XREADGROUP hands entries out in order, so every entry older than the
-- group's oldest pending one was delivered and acknowledged: one XTRIM MINID (exact) removes those, far cheaper than
-- XDEL per id, which seeks each (about 10 µs an entry). Entries of `ids` (just acknowledged) at or past that bound
-- finished before an older task that still runs: they stay until a later trim passes them, unless the stream already
-- keeps TESSERA_KEPT_ACKED such entries (an old task pending for long, e.g. of a paused job) or cannot tell (no lag):
-- then they are deleted one by one. With nothing pending, every entry up to the group's last delivered one was
-- acknowledged: all of them go.
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
    local fields = tessera_group(stream, group)
    bound = fields and fields['last-delivered-id']
    if not bound then
      redis.call('XDEL', stream, unpack(ids))
      return
    end
    redis.call('XTRIM', stream, 'MINID', bound)
    redis.call('XDEL', stream, bound)
    return
  end
  redis.call('XTRIM', stream, 'MINID', bound)
  local left = {}
  for _, id in ipairs(ids) do
    if not tessera_older(id, bound) then
      left[#left + 1] = id
    end
  end
  if #left > 0 then
    local kept = tessera_unacked(stream, group, summary[1])[2]
    if kept < 0 or kept > TESSERA_KEPT_ACKED then
      redis.call('XDEL', stream, unpack(left))
    end
  end
end
