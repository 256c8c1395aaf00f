package io.tessera.engine.zk;

import java.util.List;

/** One node as the details view shows it: data, stat, and ACL entries as {@code scheme:id:perms} (e.g. {@code world:anyone:r}). */
public record ZNode(String path, byte[] data, ZNodeStat stat, List<String> acl) {}
