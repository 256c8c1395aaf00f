package io.tessera.engine.shard;

/**
 * How the plan store uses ZooKeeper's space: a shard whose input list encodes to more than
 * {@code inlineInputBytes} goes to an HDFS manifest; transactions carry at most {@code transactionBytes}
 * (well under the server's 1 MB request limit).
 */
public record PlanStoreSettings(int inlineInputBytes, int transactionBytes) {
    public static final PlanStoreSettings DEFAULT = new PlanStoreSettings(8 * 1024, 512 * 1024);

    public PlanStoreSettings {
        if (transactionBytes < 4 * 1024 || transactionBytes > 900 * 1024) {
            throw new IllegalArgumentException("a transaction budget between 4 KB and 900 KB, please");
        }
    }
}
