-- Completes delivered tasks of one job from one stream: acknowledge, count, record events, all or nothing.
-- Batched: one call per job and stream for up to a pipeline's worth of tasks, one PROGRESS event per call, and the
-- image events of the call recorded together, about 100 per results-stream entry (tessera_batcher).
-- KEYS: 1 task stream, 2 job hash, 3 settled-tasks hash, 4 results stream, 5 shards hash,
--       6 the job's failures stream, 7 the job's dhash hash, 8 the job's dead-letter hash
-- Not the job's control hash: workers run this script, and the worker role may only read control flags (a script runs
-- with its caller's ACL, and a key passed to EVAL must be writable). The control hash's lifetime is the console's
-- business (control.lua writes it, JobCatalog deletes it with the index entry of a job whose keys expired).
-- ARGV: 1 group, 2 job id, 3 worker, 4 results max length, 5 channel prefix, then per task: entry id,
--       task id, shard, outcome ('done' or 'cancelled'), images ok, images failed, e, f, h, then the e image events
--       as one argument (their JSON objects joined by commas, '' for none), f pairs (failed input, reason),
--       h pairs (input, dhash)
-- The failures stream and the dhash hash are the job's own complete record (the results stream is capped and
-- shared); they expire with the job's other keys.
-- Returns {tasks counted, {shard, left, done, failed, dead, cancelled} per shard touched} (a task already
-- settled, i.e. a duplicate delivery, is not counted), 0 when nothing was counted, -1 for an unknown job.
local FIRST = 6
local HEAD = 9
local function size(i)
  return HEAD + 1 + 2 * tonumber(ARGV[i + 7]) + 2 * tonumber(ARGV[i + 8])
end
-- One call per kind for the whole batch, not one per task: a call from a script costs more than the hash work in it.
local entries, tasks, running = {}, {}, {}
local i = FIRST
while i <= #ARGV do
  entries[#entries + 1] = ARGV[i]
  tasks[#tasks + 1] = ARGV[i + 1]
  running[#running + 1] = 'running:' .. ARGV[i + 1]
  i = i + size(i)
end
redis.call('XACK', KEYS[1], ARGV[1], unpack(entries))
tessera_forget_acked(KEYS[1], ARGV[1], entries)
if redis.call('EXISTS', KEYS[2]) == 0 then
  return -1
end
-- their images count in done/failed from now on (or they were counted before): no longer as running (progress.lua)
redis.call('HDEL', KEYS[2], unpack(running))
-- The settled hash (task id -> outcome) makes a second completion of the same task a no-op; `settled` also holds
-- what this call settles, so a task twice in one batch counts once.
local before = redis.call('HMGET', KEYS[3], unpack(tasks))
local settled, marks = {}, {}
local events = tessera_batcher(KEYS[4], ARGV[4], ARGV[5], ARGV[2])
local add = {tasksDone = 0, cancelled = 0, done = 0, failed = 0, dead = 0}
local shards, touched = {}, {}
local counted = 0
local n = 0
i = FIRST
while i <= #ARGV do
  n = n + 1
  local task, shard, outcome = ARGV[i + 1], ARGV[i + 2], ARGV[i + 3]
  local count, failures, hashes = tonumber(ARGV[i + 6]), tonumber(ARGV[i + 7]), tonumber(ARGV[i + 8])
  local previous = settled[task] or before[n]
  if previous ~= 'done' and previous ~= 'cancelled' then
    local tally = shards[shard]
    if tally == nil then
      tally = {left = 0, done = 0, failed = 0, dead = 0, cancelled = 0}
      shards[shard] = tally
      touched[#touched + 1] = shard
    end
    if previous == 'dead' then
      -- finished late by a worker after it was dead-lettered: it counts as done, no longer as dead
      add.dead = add.dead - 1
      tally.dead = tally.dead - 1
      redis.call('HDEL', KEYS[8], task)
    else
      tally.left = tally.left - 1
    end
    settled[task] = outcome
    marks[#marks + 1] = task
    marks[#marks + 1] = outcome
    if outcome == 'done' then
      add.tasksDone = add.tasksDone + 1
    else
      add.cancelled = add.cancelled + 1
      tally.cancelled = tally.cancelled + 1
    end
    add.done = add.done + tonumber(ARGV[i + 4])
    add.failed = add.failed + tonumber(ARGV[i + 5])
    tally.done = tally.done + tonumber(ARGV[i + 4])
    tally.failed = tally.failed + tonumber(ARGV[i + 5])
    events.add(ARGV[i + HEAD], count)
    local at = i + HEAD + 1
    for f = 1, failures do
      redis.call('XADD', KEYS[6], '*', 'input', ARGV[at], 'reason', ARGV[at + 1])
      at = at + 2
    end
    for h = 1, hashes do
      redis.call('HSET', KEYS[7], ARGV[at], ARGV[at + 1])
      at = at + 2
    end
    counted = counted + 1
  end
  i = i + size(i)
end
if counted == 0 then
  return 0
end
redis.call('HSET', KEYS[3], unpack(marks))
events.flush()
for field, delta in pairs(add) do
  if delta ~= 0 then
    redis.call('HINCRBY', KEYS[2], field, delta)
  end
end
local answer = {counted}
for _, shard in ipairs(touched) do
  local tally = tessera_shard_add(KEYS[5], shard, shards[shard])
  if tally ~= nil then
    answer[#answer + 1] = tally
  end
end
tessera_progress(KEYS[2], ARGV[2], ARGV[3], KEYS[4], ARGV[4], ARGV[5], {KEYS[3], KEYS[5], KEYS[6], KEYS[7], KEYS[8]})
return answer
