package io.tessera.engine.health;

import java.util.List;

/**
 * HDFS as the NameNode sees it: capacity, each DataNode ({@code dataNodesNote} says why the list is empty when the
 * identity may not read it), block health, safe mode, and the time of one NameNode call.
 */
public record HdfsFigures(long capacity, long used, long remaining, List<DataNodeFigures> dataNodes, String dataNodesNote,
                          long underReplicatedBlocks, long missingBlocks, long corruptBlocks, boolean safeMode,
                          long rpcMillis) implements ServiceDetail {

    public HdfsFigures {
        dataNodes = List.copyOf(dataNodes);
    }

    public double usedShare() {
        return capacity <= 0 ? 0 : (double) used / capacity;
    }

    public long count(DataNodeFigures.State state) {
        return dataNodes.stream().filter(node -> node.state() == state).count();
    }
}
