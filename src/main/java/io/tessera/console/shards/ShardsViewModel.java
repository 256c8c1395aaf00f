package io.tessera.console.shards;

import io.tessera.console.connection.Writes;
import io.tessera.console.connection.ConnectionSource;
import io.tessera.engine.services.ClusterServices;
import io.tessera.console.common.BackgroundTasks;
import io.tessera.console.common.UiThread;
import io.tessera.console.connection.ActiveConnection;
import io.tessera.engine.connect.ConnectionTarget;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * The Shards panel: the ZooKeeper tree with node details and search, and the shard map. Nothing is
 * loaded until the panel is first shown; a profile switch closes everything and, if the panel is
 * showing, opens it again on the new connection.
 */
public final class ShardsViewModel {
    private final ActiveConnection connection;
    private final ZNodeTreeViewModel tree;
    private final NodeDetailsViewModel details;
    private final ZNodeSearchViewModel search;
    private final ShardMapViewModel shardMap;
    private final ReadOnlyStringWrapper subtitle = new ReadOnlyStringWrapper("");
    private boolean shown;
    private boolean opened;

    public ShardsViewModel(ActiveConnection connection, BackgroundTasks tasks, UiThread ui) {
        this(connection, ConnectionSource.services(connection), tasks, ui, ZNodeTreeViewModel.DEFAULT_PAGE);
    }

    ShardsViewModel(ActiveConnection connection, ConnectionSource<ClusterServices> backend, BackgroundTasks tasks, UiThread ui, int pageSize) {
        this.connection = connection;
        this.tree = new ZNodeTreeViewModel(backend, tasks, ui, pageSize);
        this.details = new NodeDetailsViewModel(backend, tasks);
        this.search = new ZNodeSearchViewModel(backend, tasks, () -> tree.top().get() == null ? "/" : tree.top().get().path());
        this.shardMap = new ShardMapViewModel(backend, tasks, ui);
        tree.selected().addListener((obs, old, now) -> details.show(now == null ? null : now.path()));
        tree.onChange(details::onServerChange);
        connection.targetProperty().addListener((obs, old, now) -> reconnect(now));
        subtitle.set(describe(connection.targetProperty().get()));
    }

    /** The panel became visible (or hidden): the first time with a connection, the tree and the job list load. */
    public void setShown(boolean visible) {
        shown = visible;
        shardMap.setShown(visible);
        openIfNeeded();
    }

    /** A search hit was chosen: show the node and find it in the tree. */
    public void openHit(String path) {
        tree.jumpTo(path);
        details.show(path);
    }

    private void reconnect(ConnectionTarget target) {
        tree.close();
        details.show(null);
        search.reset();
        shardMap.close();
        opened = false;
        subtitle.set(describe(target));
        openIfNeeded();
    }

    private void openIfNeeded() {
        if (shown && !opened && connection.targetProperty().get() != null) {
            opened = true;
            tree.open();
            shardMap.refreshJobs();
        }
    }

    private static String describe(ConnectionTarget target) {
        return target == null ? "Not connected: the profile's cluster is not up yet"
                : "Profile " + target.profileName() + " · ZooKeeper " + target.zooKeeperConnect()
                + (target.readOnly() ? " · read-only profile: nodes cannot be changed"
                : target.hasZooKeeperCredentials() ? " · with credentials" : " · no credentials (read-only where the root is secured)");
    }

    /** Whether the active profile allows creating, editing and deleting nodes. */
    public Writes writes() {
        return connection.writes();
    }

    public ZNodeTreeViewModel tree() {
        return tree;
    }

    public NodeDetailsViewModel details() {
        return details;
    }

    public ZNodeSearchViewModel search() {
        return search;
    }

    public ShardMapViewModel shardMap() {
        return shardMap;
    }

    public ReadOnlyStringProperty subtitle() {
        return subtitle.getReadOnlyProperty();
    }
}
