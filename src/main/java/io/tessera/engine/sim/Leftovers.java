package io.tessera.engine.sim;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * What of a sim exists on this machine, found by its prefix alone: namespaces and links named {@code <prefix>-…}, and
 * processes in those namespaces, carrying the sim's marker in their environment, or (Redis rewrites its environment
 * with its process title) a redis-server on an address of the sim's subnet.
 */
public record Leftovers(List<String> namespaces, List<String> links, Set<Long> processes) {

    public boolean none() {
        return namespaces.isEmpty() && links.isEmpty() && processes.isEmpty();
    }

    public static Leftovers find(String prefix, String subnet) throws SimException {
        List<String> namespaces = Network.namespaces(prefix);
        Set<Long> processes = new TreeSet<>(SimProcesses.marked(prefix));
        for (String namespace : namespaces) {
            processes.addAll(Network.pids(namespace));
        }
        if (subnet != null) {
            processes.addAll(SimProcesses.redisOn(subnet));
        }
        return new Leftovers(namespaces, Network.links(prefix), processes);
    }

    @Override
    public String toString() {
        return "namespaces " + namespaces + ", links " + links + ", processes " + processes;
    }
}
