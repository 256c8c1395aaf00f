-- Cancel, pause or resume a job: the flag workers check between images, and the state shown to people.
-- KEYS: 1 job hash, 2 control hash; ARGV: 1 'cancel', 'pause' or 'resume'
-- Only the console role runs this: the control hash (<prefix>control:<id>) is read-only to workers. It has no expiry
-- of its own (a paused or cancelled job's tasks may wait for a worker for any time); it lives until the job's keys
-- expired and a console's job listing (JobCatalog) drops the job from the index, which deletes it. Resume removes the
-- pause flag, and a hash without fields is no key at all.
-- Returns 1 when applied, 0 when the job is already finished or cancelled, -1 for an unknown job.
if redis.call('EXISTS', KEYS[1]) == 0 then
  return -1
end
local state = redis.call('HGET', KEYS[1], 'state')
if state == 'FINISHED' or state == 'CANCELLED' then
  return 0
end
local action = ARGV[1]
if action == 'cancel' then
  redis.call('HSET', KEYS[2], 'cancel', 1)
  redis.call('HSET', KEYS[1], 'state', 'CANCELLED')
elseif action == 'pause' then
  redis.call('HSET', KEYS[2], 'pause', 1)
  redis.call('HSET', KEYS[1], 'state', 'PAUSED')
else
  redis.call('HDEL', KEYS[2], 'pause')
  if state == 'PAUSED' then
    redis.call('HSET', KEYS[1], 'state', redis.call('HEXISTS', KEYS[1], 'started') == 1 and 'RUNNING' or 'QUEUED')
  end
end
return 1
