package io.tessera.engine.zk;

import io.tessera.engine.actions.ActionGate;
import io.tessera.engine.audit.AuditActions;
import java.io.IOException;
import java.util.List;
import java.util.Map;

/**
 * Every operator action on ZooKeeper nodes: create, edit, delete (one node, or a node and everything under it). Each
 * goes through the {@link ActionGate}: refused on a read-only profile, and recorded once with the node's path; the
 * record says how many bytes were written, never what (a node may hold anything).
 */
public final class ZNodeActions {
    private final ZNodeBrowser browser;
    private final ActionGate gate;

    public ZNodeActions(ZNodeBrowser browser, ActionGate gate) {
        this.browser = browser;
        this.gate = gate;
    }

    public io.tessera.engine.actions.WriteAccess access() {
        return gate.access();
    }

    /** Creates a persistent node; its parent must exist. */
    public ZNodeStat create(String path, byte[] data) throws IOException {
        return gate.write(AuditActions.ZNODE_CREATE, List.of(path), Map.of("bytes", Integer.toString(data.length)), () -> browser.create(path, data));
    }

    /** Replaces the data if the node is still at {@code expectedVersion} (-1: whatever version). */
    public ZNodeStat edit(String path, byte[] data, int expectedVersion) throws IOException {
        return gate.write(AuditActions.ZNODE_EDIT, List.of(path), Map.of("bytes", Integer.toString(data.length), "version", Integer.toString(expectedVersion)),
                () -> browser.setData(path, data, expectedVersion));
    }

    /**
     * Deletes the node, and when {@code descendants} (as counted and confirmed) is above 0, everything under it; a node
     * alone is deleted only at {@code expectedVersion} (-1: whatever version). Returns how many nodes went.
     */
    public long delete(String path, long descendants, int expectedVersion) throws IOException {
        return gate.write(AuditActions.ZNODE_DELETE, List.of(path), Map.of("nodes below", Long.toString(descendants)), () -> {
            if (descendants == 0) {
                browser.delete(path, expectedVersion);
                return 1L;
            }
            return browser.deleteRecursive(path);
        });
    }
}
