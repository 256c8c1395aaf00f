package io.tessera.engine.sim;

import io.tessera.engine.OwnerOnlyFiles;
import io.tessera.engine.json.Json;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What a sim made, as {@code sim.json} in its folder: the bridge, every host's namespace, link and address, and the pid of
 * every process it started. {@code sim up} rewrites it before and after each step, so {@code sim down} finds everything
 * even after a crash half-way (and leftovers by prefix besides). {@code workerMain} is what each worker JVM runs (its main
 * class and arguments), so that a stopped worker host starts again exactly as {@code sim up} started it.
 */
public record SimState(String prefix, String subnet, String bridge, String profile, Instant started, int workers, List<HostState> hosts,
                       List<String> workerMain) {
    public static final String FILE = "sim.json";

    public SimState {
        hosts = List.copyOf(hosts);
        workerMain = workerMain == null ? List.of() : List.copyOf(workerMain);
    }

    /** One host: whether its namespace was made, and the pids of the processes started in it. */
    public record HostState(String name, SimHost.Role role, String address, String namespace, String link, boolean made, List<Long> pids) {
        public HostState {
            pids = List.copyOf(pids);
        }

        HostState madeNow() {
            return new HostState(name, role, address, namespace, link, true, pids);
        }

        HostState withPid(long pid) {
            List<Long> more = new ArrayList<>(pids);
            more.add(pid);
            return new HostState(name, role, address, namespace, link, made, more);
        }
    }

    static SimState planned(SimLayout layout, String profile, int workers, List<String> workerMain) {
        List<HostState> hosts = layout.hosts().stream()
                .map(h -> new HostState(h.name(), h.role(), h.address(), h.namespace(), h.link(), false, List.of())).toList();
        return new SimState(layout.prefix(), layout.subnet(), layout.bridge(), profile, Instant.now(), workers, hosts, workerMain);
    }

    SimLayout layout() {
        return SimLayout.of(prefix, subnet, workers);
    }

    SimState with(HostState changed) {
        return new SimState(prefix, subnet, bridge, profile, started, workers,
                hosts.stream().map(h -> h.name().equals(changed.name()) ? changed : h).toList(), workerMain);
    }

    HostState host(String name) {
        return hosts.stream().filter(h -> h.name().equals(name)).findFirst().orElseThrow();
    }

    public static Path file(Path dir) {
        return dir.resolve(FILE);
    }

    public static Optional<SimState> read(Path dir) throws SimException {
        Path file = file(dir);
        if (!Files.exists(file)) {
            return Optional.empty();
        }
        try {
            return Optional.of(Json.mapper().readValue(file.toFile(), SimState.class));
        } catch (IOException e) {
            throw new SimException("the sim state " + file + " cannot be read (" + e.getMessage() + "); `tessera sim down --prefix P` still removes "
                    + "what has the prefix", e);
        }
    }

    void write(Path dir) throws SimException {
        try {
            OwnerOnlyFiles.write(file(dir), Json.mapper().writerWithDefaultPrettyPrinter().writeValueAsBytes(this));
        } catch (IOException e) {
            throw new SimException("cannot write the sim state " + file(dir) + ": " + e.getMessage(), e);
        }
    }
}
