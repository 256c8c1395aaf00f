package io.tessera.engine.sim.scale;

import io.tessera.engine.Reasons;
import io.tessera.engine.connect.ClusterConnection;
import io.tessera.engine.sim.Sim;
import io.tessera.engine.sim.SimException;
import io.tessera.engine.sim.SimHost.Role;
import io.tessera.engine.sim.SimLayout;
import io.tessera.engine.sim.SimState;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import org.apache.zookeeper.client.FourLetterWordMain;
import redis.clients.jedis.Protocol;
import redis.clients.jedis.util.SafeEncoder;

/**
 * Takes a {@link LoadSample} of a sim: {@code /proc/stat}; {@code INFO cpu} and {@code INFO commandstats} on the Redis
 * primary (through the profile's connection, which follows the Sentinels); the NameNode's JMX over its web port
 * ({@code RpcActivityForPort8020} and {@code NameNodeActivity}); {@code mntr} on every ZooKeeper server (the sim allows
 * it); and the CPU time of every process on the sim's hosts by role. A server that does not answer counts as unchanged and
 * is reported once.
 */
final class LoadProbe {
    private static final Duration TIMEOUT = Duration.ofSeconds(5);

    private final ClusterConnection connection;
    private final Path simDir;
    private final SimState state;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();
    private final Consumer<String> warn;
    private final java.util.Set<String> warned = new java.util.HashSet<>();

    LoadProbe(ClusterConnection connection, Path simDir, SimState state, Consumer<String> warn) {
        this.connection = connection;
        this.simDir = simDir;
        this.state = state;
        this.warn = warn;
    }

    LoadSample take() {
        long nanos = System.nanoTime();
        ServerTexts.MachineTicks machine = attempt("/proc/stat", () -> ServerTexts.procStat(Files.readString(Path.of("/proc/stat"))),
                new ServerTexts.MachineTicks(0, 0));
        ServerTexts.RedisCpu cpu = attempt("Redis INFO cpu", () -> ServerTexts.redisCpu(info("cpu")), new ServerTexts.RedisCpu(0, 0));
        Map<String, ServerTexts.CommandStat> commands = attempt("Redis INFO commandstats", () -> ServerTexts.commandStats(info("commandstats")), Map.of());
        Map<String, Double> nameNode = new HashMap<>();
        for (String bean : List.of("RpcActivityForPort" + SimLayout.NAMENODE_PORT, "NameNodeActivity")) {
            nameNode.putAll(attempt("NameNode JMX " + bean, () -> ServerTexts.jmxNumbers(jmx(bean)), Map.of()));
        }
        long packets = 0;
        for (SimState.HostState zk : hosts(Role.ZOOKEEPER)) {
            packets += attempt("mntr on " + zk.name(), () -> Long.parseLong(ServerTexts.mntr(FourLetterWordMain.send4LetterWord(zk.address(),
                    SimLayout.ZOOKEEPER_CLIENT_PORT, "mntr", false, (int) TIMEOUT.toMillis())).getOrDefault("zk_packets_received", "0")), 0L);
        }
        return new LoadSample(nanos, machine, cpu, commands, nameNode, packets, attempt("the sim's processes", this::roleCpu, Map.of()));
    }

    private String info(String section) {
        Object reply = connection.redis().sendCommand(Protocol.Command.INFO, section);
        return reply instanceof byte[] bytes ? SafeEncoder.encode(bytes) : String.valueOf(reply);
    }

    private String jmx(String bean) throws IOException, InterruptedException {
        String nn = hosts(Role.NAMENODE).getFirst().address();
        URI uri = URI.create("http://" + nn + ":" + SimLayout.NAMENODE_HTTP_PORT + "/jmx?qry=Hadoop:service=NameNode,name=" + bean);
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(uri).timeout(TIMEOUT).GET().build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IOException("HTTP " + response.statusCode() + " from " + uri);
        }
        return response.body();
    }

    /** CPU seconds so far of the live processes on each kind of host ("namenode", "datanode", …, "worker"). */
    private Map<String, Double> roleCpu() throws SimException {
        Map<String, Double> seconds = new HashMap<>();
        for (Map.Entry<io.tessera.engine.sim.SimHost, List<Long>> host : Sim.alivePids(simDir).entrySet()) {
            double cpu = host.getValue().stream().map(ProcessHandle::of).flatMap(java.util.Optional::stream)
                    .mapToDouble(p -> p.info().totalCpuDuration().map(d -> d.toNanos() / 1e9).orElse(0.0)).sum();
            seconds.merge(host.getKey().role().name().toLowerCase(Locale.ROOT), cpu, Double::sum);
        }
        return seconds;
    }

    private List<SimState.HostState> hosts(Role role) {
        return state.hosts().stream().filter(h -> h.role() == role).toList();
    }

    private interface Reading<T> {
        T read() throws Exception;
    }

    private <T> T attempt(String what, Reading<T> reading, T otherwise) {
        try {
            return reading.read();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return otherwise;
        } catch (Exception e) {
            if (warned.add(what)) {
                warn.accept("no figures from " + what + ": " + Reasons.oneLine(e));
            }
            return otherwise;
        }
    }
}
