-- A worker starts on one of the job's tasks: a QUEUED job becomes RUNNING (with its start time) now rather than
-- when its first task settles, so the jobs table shows it running while the first images are being made.
-- KEYS: 1 job hash. Returns 1 when the job is (now) running, paused or over; 0 for an unknown job.
if redis.call('EXISTS', KEYS[1]) == 0 then
  return 0
end
if redis.call('HGET', KEYS[1], 'state') == 'QUEUED' then
  redis.call('HSET', KEYS[1], 'state', 'RUNNING')
  redis.call('HSETNX', KEYS[1], 'started', tessera_now())
end
return 1
