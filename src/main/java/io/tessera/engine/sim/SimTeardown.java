package io.tessera.engine.sim;

import io.tessera.engine.AppDirectories;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Takes a sim down: what {@code tessera sim down} does, and what a failed or interrupted {@code sim up} does to itself. */
final class SimTeardown {
    private SimTeardown() {}

    /**
     * Removes the sim recorded in {@code dir} (its prefix from the state file, else {@code prefix}) and anything else with
     * that prefix: processes first (SIGKILL: a sim's data is thrown away; only those in its namespaces, with its marker, or
     * Redis on its subnet: see {@link Leftovers}), then namespaces, links and the bridge, the profile when it still points at
     * the sim, the hosts' data and the state file. Logs stay.
     *
     * @throws SimException when something with the prefix is still there afterwards
     */
    static Sim.Removed down(Path dir, String prefix, AppDirectories dirs) throws SimException {
        Path abs = dir.toAbsolutePath();
        Optional<SimState> state = SimState.read(abs);
        String effectivePrefix = state.map(SimState::prefix).orElse(prefix);
        String subnet = state.map(SimState::subnet).orElse(null);
        // only processes that are provably the sim's: a recorded pid may belong to someone else by now (after a reboot)
        Leftovers before = Leftovers.find(effectivePrefix, subnet);
        int killed = SimProcesses.kill(before.processes());

        List<String> namespaces = new ArrayList<>();
        Set<String> candidates = new LinkedHashSet<>(before.namespaces());
        state.ifPresent(s -> s.hosts().forEach(h -> candidates.add(h.namespace())));
        for (String namespace : candidates) {
            if (Network.removeNamespace(namespace)) {
                namespaces.add(namespace);
            }
        }
        List<String> links = new ArrayList<>();
        List<String> remaining = Network.links(effectivePrefix);
        // veth ends before the bridge they are enslaved to
        remaining.sort((a, b) -> Boolean.compare(a.endsWith("-br"), b.endsWith("-br")));
        for (String link : remaining) {
            if (Network.removeLink(link)) {
                links.add(link);
            }
        }
        boolean profile = false;
        if (state.isPresent()) {
            profile = SimProfile.remove(dirs, state.get().profile(), state.get().layout());
        }
        try {
            new SimFiles(abs).removeData();
            java.nio.file.Files.deleteIfExists(SimState.file(abs));
        } catch (IOException e) {
            throw new SimException("the sim is down, but its data in " + abs + " could not all be removed: " + e.getMessage(), e);
        }
        // the kernel destroys a deleted namespace (and the veth end inside it) a moment later, not at once
        Leftovers after = Leftovers.find(effectivePrefix, subnet);
        long deadline = System.nanoTime() + 15_000_000_000L;
        while (!after.none() && System.nanoTime() < deadline) {
            for (String link : after.links()) {
                Network.removeLink(link);
            }
            pause(200);
            after = Leftovers.find(effectivePrefix, subnet);
        }
        if (!after.none()) {
            throw new SimException("after sim down, still there: " + after);
        }
        return new Sim.Removed(killed, namespaces, links, profile);
    }

    static void downQuietly(Path dir, AppDirectories dirs) {
        try {
            SimState.read(dir).ifPresent(s -> {
                try {
                    down(dir, s.prefix(), dirs);
                } catch (SimException e) {
                    System.err.println("sim: " + e.getMessage());
                }
            });
        } catch (SimException e) {
            System.err.println("sim: " + e.getMessage());
        }
    }

    private static void pause(long ms) throws SimException {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SimException("interrupted while removing the sim", e);
        }
    }
}
