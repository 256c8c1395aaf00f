package io.tessera.console.shards;

import java.text.NumberFormat;
import java.util.Locale;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * One row of the ZooKeeper tree: a node with its child count and the children loaded so far, or the
 * "load more" row at the end of a partly loaded child list. Changed on the UI thread only.
 */
public final class ZNodeEntry {
    public enum Kind { NODE, MORE }

    private final Kind kind;
    private final String path;
    private final String name;
    private final ZNodeEntry parent;
    private final ReadOnlyIntegerWrapper numChildren = new ReadOnlyIntegerWrapper();
    private final ReadOnlyIntegerWrapper dataLength = new ReadOnlyIntegerWrapper();
    private final ReadOnlyBooleanWrapper ephemeral = new ReadOnlyBooleanWrapper();
    private final ReadOnlyIntegerWrapper remaining = new ReadOnlyIntegerWrapper();
    private final BooleanProperty expanded = new SimpleBooleanProperty();
    private final ObservableList<ZNodeEntry> children = FXCollections.observableArrayList();
    private final ObservableList<ZNodeEntry> childrenView = FXCollections.unmodifiableObservableList(children);
    private boolean loadRequested;

    private ZNodeEntry(Kind kind, String path, String name, ZNodeEntry parent) {
        this.kind = kind;
        this.path = path;
        this.name = name;
        this.parent = parent;
    }

    static ZNodeEntry node(String path, ZNodeEntry parent, int numChildren, int dataLength, boolean ephemeral) {
        String name = path.equals("/") ? "/" : path.substring(path.lastIndexOf('/') + 1);
        ZNodeEntry entry = new ZNodeEntry(Kind.NODE, path, parent == null ? path : name, parent);
        entry.numChildren.set(numChildren);
        entry.dataLength.set(dataLength);
        entry.ephemeral.set(ephemeral);
        return entry;
    }

    static ZNodeEntry more(ZNodeEntry parent) {
        return new ZNodeEntry(Kind.MORE, parent.path, "", parent);
    }

    public Kind kind() {
        return kind;
    }

    public boolean isMore() {
        return kind == Kind.MORE;
    }

    /** The absolute path; for a "load more" row, its parent's. */
    public String path() {
        return path;
    }

    /** The last path segment; the whole path for the tree's top entry. */
    public String name() {
        return name;
    }

    public ZNodeEntry parent() {
        return parent;
    }

    /** What the row says: a node's name, or "load more (N remaining)". */
    public String label() {
        return isMore() ? "load more (" + NumberFormat.getIntegerInstance(Locale.ROOT).format(remaining.get()) + " remaining)" : name;
    }

    public ReadOnlyIntegerProperty numChildren() {
        return numChildren.getReadOnlyProperty();
    }

    public ReadOnlyIntegerProperty dataLength() {
        return dataLength.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty ephemeral() {
        return ephemeral.getReadOnlyProperty();
    }

    /** For a "load more" row: children not loaded yet. */
    public ReadOnlyIntegerProperty remaining() {
        return remaining.getReadOnlyProperty();
    }

    /** Whether the row is open; opening it loads the first page of children. The tree binds to it both ways. */
    public BooleanProperty expanded() {
        return expanded;
    }

    /** Loaded children in name order, then a "load more" row if some are not loaded yet. */
    public ObservableList<ZNodeEntry> children() {
        return childrenView;
    }

    // ---- changed by the tree model ----

    ObservableList<ZNodeEntry> mutableChildren() {
        return children;
    }

    void setNumChildren(int value) {
        numChildren.set(Math.max(0, value));
    }

    void setDataLength(int value) {
        dataLength.set(value);
    }

    void setRemaining(int value) {
        remaining.set(Math.max(0, value));
    }

    boolean loadRequested() {
        return loadRequested;
    }

    void markLoadRequested() {
        loadRequested = true;
    }

    /** The "load more" row at the end, if any. */
    ZNodeEntry moreRow() {
        return !children.isEmpty() && children.getLast().isMore() ? children.getLast() : null;
    }

    /** How many real nodes are loaded: the offset of the next page. */
    int loadedNodes() {
        return moreRow() == null ? children.size() : children.size() - 1;
    }

    @Override
    public String toString() {
        return isMore() ? label() : path;
    }
}
