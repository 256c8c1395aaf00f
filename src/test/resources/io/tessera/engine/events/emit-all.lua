-- Test only: records events the way a dispatch script records many at once (tessera_batcher), one event per piece.
-- KEYS: 1 results stream. ARGV: 1 max length, 2 channel prefix, 3 job id, then the events (JSON without id).
local events = tessera_batcher(KEYS[1], ARGV[1], ARGV[2], ARGV[3])
for i = 4, #ARGV do
  events.add(ARGV[i], 1)
end
events.flush()
return #ARGV - 3
