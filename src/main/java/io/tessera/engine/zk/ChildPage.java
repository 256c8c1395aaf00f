package io.tessera.engine.zk;

import java.util.List;

/** One page of a node's children, sorted by name; {@code total} counts all children, not just this page. */
public record ChildPage(String parent, int total, int offset, List<Child> children) {

    /** A child with what a tree row needs: how many children it has itself, and whether it is ephemeral. */
    public record Child(String name, String path, int numChildren, int dataLength, boolean ephemeral) {}
}
