package io.tessera.engine.audit;

import io.tessera.engine.shard.ManifestStore;

/**
 * Where one cluster's trail lives: the live tail in a Redis stream under Tessera's key prefix, older records in daily
 * JSON-lines files in an HDFS folder. Production uses {@link #DEFAULT}; tests their own prefix and folder.
 *
 * <pre>
 * &lt;prefix&gt;audit            stream, one entry per record: {r: the record's JSON line}
 * &lt;prefix&gt;audit:head       hash: seq, hash (of the newest record appended), entry (its stream id)
 * &lt;prefix&gt;audit:flushing   a short-lived marker: some process flushed (or is flushing) within the last minute
 * /tessera/audit/YYYY-MM-DD.jsonl   the records flushed, by UTC day, in chain order
 * </pre>
 */
public record AuditLocation(String keyPrefix, String folder) {
    public static final AuditLocation DEFAULT = new AuditLocation("tessera:", ManifestStore.DEFAULT_ROOT + "/audit");

    public String stream() {
        return keyPrefix + "audit";
    }

    public String head() {
        return keyPrefix + "audit:head";
    }

    public String flushing() {
        return keyPrefix + "audit:flushing";
    }
}
