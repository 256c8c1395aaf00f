-- Puts tasks of one job on their streams, each once. A shard's tasks go in order, and '<shard>:queued' in the shards
-- hash counts how many of them ever went in; it is written with the XADDs (in the same script), so the two agree even
-- in a Redis that lost its last writes (what survives is a prefix of what was written). A task below that count is
-- skipped: it went in before, and may be running, waiting to retry, dead or settled and deleted by now.
-- KEYS: 1 job hash, 2 shards hash, 3 high stream, 4 normal stream
-- ARGV: per task: shard, position in the shard (from 0), 'HIGH' or 'NORMAL', task JSON
-- Returns how many tasks went in; -1 when the job hash is gone (Redis lost it meanwhile: create the job again).
if redis.call('EXISTS', KEYS[1]) == 0 then
  return -1
end
-- each shard's count is read once and written once per call, not per task
local queued, changed, order = {}, {}, {}
local function flush()
  local fields = {}
  for _, shard in ipairs(order) do
    fields[#fields + 1] = shard .. ':queued'
    fields[#fields + 1] = queued[shard]
  end
  if #fields > 0 then
    redis.call('HSET', KEYS[2], unpack(fields))
  end
end
local added = 0
for i = 1, #ARGV, 4 do
  local shard = ARGV[i]
  local count = queued[shard]
  if count == nil then
    count = tonumber(redis.call('HGET', KEYS[2], shard .. ':queued')) or 0
    queued[shard] = count
  end
  local n = tonumber(ARGV[i + 1])
  if n == count then
    redis.call('XADD', ARGV[i + 2] == 'HIGH' and KEYS[3] or KEYS[4], '*', 'task', ARGV[i + 3])
    if not changed[shard] then
      changed[shard] = true
      order[#order + 1] = shard
    end
    queued[shard] = n + 1
    added = added + 1
  elseif n > count then
    flush()
    return redis.error_reply('task ' .. n .. ' of shard ' .. ARGV[i] .. ' would skip task ' .. count)
  end
end
flush()
return added
