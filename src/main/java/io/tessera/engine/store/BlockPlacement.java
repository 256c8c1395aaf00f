package io.tessera.engine.store;

import java.util.List;

/** One block of a file and the DataNodes ({@code host:port}) holding a replica of it. */
public record BlockPlacement(int index, long offset, long length, List<String> dataNodes, boolean corrupt) {}
