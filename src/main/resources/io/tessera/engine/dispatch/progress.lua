-- A worker's images finished so far in tasks it runs, coalesced over a short time (not written per image): the job
-- hash gets 'running:<task id>' = images finished by that task's current attempt. complete.lua and fail.lua delete the
-- field when the task settles or goes back for another attempt, so done + failed + the running fields is the job's
-- progress per image, and nothing is counted twice.
-- KEYS: 1 job hash, 2 settled-tasks hash. ARGV: pairs of task id, images finished.
-- A task settled meanwhile (a slower copy of a reclaimed task, or a write racing its completion) and a job whose keys
-- are gone are left alone. Returns how many fields were written.
if redis.call('EXISTS', KEYS[1]) == 0 then
  return 0
end
local written = 0
for i = 1, #ARGV, 2 do
  if redis.call('HEXISTS', KEYS[2], ARGV[i]) == 0 then
    redis.call('HSET', KEYS[1], 'running:' .. ARGV[i], ARGV[i + 1])
    written = written + 1
  end
end
return written
