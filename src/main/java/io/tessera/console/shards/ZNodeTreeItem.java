package io.tessera.console.shards;

import javafx.collections.ListChangeListener;
import javafx.event.Event;
import javafx.scene.control.TreeItem;

/** A tree row over a {@link ZNodeEntry}: open state bound both ways, children mirrored as they load or change. */
final class ZNodeTreeItem extends TreeItem<ZNodeEntry> {

    ZNodeTreeItem(ZNodeEntry entry) {
        super(entry);
        if (entry.isMore()) {
            entry.remaining().addListener((obs, old, now) -> refresh());
            return;
        }
        expandedProperty().bindBidirectional(entry.expanded());
        getChildren().setAll(entry.children().stream().map(ZNodeTreeItem::new).toList());
        entry.children().addListener((ListChangeListener<ZNodeEntry>) change -> {
            while (change.next()) {
                if (change.wasRemoved()) {
                    getChildren().remove(change.getFrom(), change.getFrom() + change.getRemovedSize());
                }
                if (change.wasAdded()) {
                    getChildren().addAll(change.getFrom(), change.getAddedSubList().stream().map(ZNodeTreeItem::new).toList());
                }
            }
        });
        entry.numChildren().addListener((obs, old, now) -> refresh());
    }

    @Override
    public boolean isLeaf() {
        return getValue().isMore() || getValue().numChildren().get() == 0 && getChildren().isEmpty();
    }

    /** Tells the tree to redraw this row (its count or "remaining" changed). */
    private void refresh() {
        Event.fireEvent(this, new TreeModificationEvent<>(valueChangedEvent(), this, getValue()));
    }
}
