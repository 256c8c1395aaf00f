-- KEYS: 1 results stream
-- ARGV: 1 max length, 2 channel prefix, 3 job id ('' for none), 4 event JSON without id
return tessera_emit(KEYS[1], ARGV[1], ARGV[2], ARGV[3], ARGV[4])
