package io.tessera.engine.membership;

import io.tessera.engine.shard.ShardRecord;
import java.io.IOException;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * What dispatch knows of a shard whose worker vanished: when every task of it is settled already (the
 * worker died after its last acknowledgement but before writing the shard's end), the coordinator ends
 * the shard instead of putting it back in play, where nothing would ever run it again.
 */
@FunctionalInterface
public interface SettledShards {
    SettledShards NONE = (jobId, shard) -> Optional.empty();

    /** How the shard's record ends (a pure change of the record as it is then); empty while work on it remains. */
    Optional<UnaryOperator<ShardRecord>> ending(String jobId, int shard) throws IOException;
}
