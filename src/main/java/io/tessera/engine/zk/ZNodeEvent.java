package io.tessera.engine.zk;

/**
 * A change in a watched subtree. {@code data} and {@code version} describe the node after the change
 * (for DELETED: as it was last seen); INITIALIZED (path = the watched root) says the initial load is complete.
 */
public record ZNodeEvent(Type type, String path, byte[] data, int version) {
    public enum Type { CREATED, CHANGED, DELETED, INITIALIZED }
}
