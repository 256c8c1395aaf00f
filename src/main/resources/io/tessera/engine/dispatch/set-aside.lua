-- An entry no worker may run (not a task, or not authentic): into the shared dead-letter stream as it came, with the
-- reason, and off its task stream, in one step: a reader never sees it in both, and a crash cannot leave it pending
-- to be set aside twice. The job it claims is not touched (a forged task must not change a real job's counters).
-- KEYS: 1 task stream, 2 dead-letter stream
-- ARGV: 1 group, 2 entry id, 3 dead-letter stream max length, 4 job it claims ('' when unreadable), 5 entry's task
--       field as it came, 6 reason
redis.call('XADD', KEYS[2], 'MAXLEN', '~', ARGV[3], '*', 'job', ARGV[4], 'task', ARGV[5], 'error', ARGV[6])
redis.call('XACK', KEYS[1], ARGV[1], ARGV[2])
redis.call('XDEL', KEYS[1], ARGV[2])
return 1
