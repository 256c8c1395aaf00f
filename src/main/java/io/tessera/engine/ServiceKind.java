package io.tessera.engine;

/** The three services every Tessera profile connects to. */
public enum ServiceKind {
    HDFS("HDFS"),
    ZOOKEEPER("ZooKeeper"),
    REDIS("Redis");

    private final String displayName;

    ServiceKind(String displayName) {
        this.displayName = displayName;
    }

    public String displayName() {
        return displayName;
    }
}
