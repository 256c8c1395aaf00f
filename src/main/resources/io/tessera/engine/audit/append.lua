-- Appends one audit record if the chain's head is still the one the record was linked to (compare-and-append).
-- KEYS[1] head hash (seq, hash, entry), KEYS[2] the trail's stream
-- ARGV[1] the hash the record links to (its prev), ARGV[2] the record's JSON line, ARGV[3] its seq, ARGV[4] its hash,
-- ARGV[5] the first record's prev (genesis)
-- Returns {1, entry id} when appended, or {0, head seq, head hash} when the head moved (the caller links again).
local head = redis.call('HMGET', KEYS[1], 'seq', 'hash')
local current = head[2] or ARGV[5]
if current ~= ARGV[1] then
  return {0, head[1] or '0', current}
end
local id = redis.call('XADD', KEYS[2], '*', 'r', ARGV[2])
redis.call('HSET', KEYS[1], 'seq', ARGV[3], 'hash', ARGV[4], 'entry', id)
return {1, id}
