package io.tessera.engine.sim;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The command line each host runs: a JVM with this JVM's Java and class path (a NameNode, a DataNode, a ZooKeeper server
 * or a worker: the Maven artifacts the class path already holds), or the embedded redis-server as a server or a Sentinel.
 * Daemon JVMs are kept small: a 256 MB heap at most, the serial collector and the client compiler only.
 */
final class DaemonCommands {
    private DaemonCommands() {}

    static List<String> of(SimHost host, SimFiles files, Path redisServer, List<String> workerMain) {
        Path hostDir = files.hostDir(host);
        return switch (host.role()) {
            case NAMENODE -> jvm(host, files, "256m", true, "-Dtessera.sim.classpath.first=" + hostDir.resolve("conf"), SimDaemon.class.getName(),
                    "namenode", hostDir.resolve("conf").toString());
            case DATANODE -> jvm(host, files, "192m", true, SimDaemon.class.getName(), "datanode", hostDir.resolve("conf").toString());
            case ZOOKEEPER -> jvm(host, files, "192m", true, "-Dzookeeper.admin.enableServer=false",
                    "-Dzookeeper.4lw.commands.whitelist=srvr,ruok,mntr", "org.apache.zookeeper.server.quorum.QuorumPeerMain",
                    hostDir.resolve("zoo.cfg").toString());
            case REDIS_PRIMARY, REDIS_REPLICA -> List.of(redisServer.toString(), hostDir.resolve("redis.conf").toString());
            case SENTINEL -> List.of(redisServer.toString(), hostDir.resolve("sentinel.conf").toString(), "--sentinel");
            case WORKER -> {
                List<String> args = new ArrayList<>(List.of("-Xmx512m"));
                args.addAll(workerMain);
                yield jvm(host, files, null, false, args.toArray(String[]::new));
            }
        };
    }

    private static final String CLASSPATH_FIRST = "-Dtessera.sim.classpath.first=";

    private static List<String> jvm(SimHost host, SimFiles files, String heap, boolean daemon, String... rest) {
        List<String> command = new ArrayList<>(List.of(java(), "--enable-native-access=ALL-UNNAMED", "--sun-misc-unsafe-memory-access=allow"));
        if (heap != null) {
            command.add("-Xmx" + heap);
        }
        if (daemon) {
            command.addAll(List.of("-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1"));
        }
        // names resolve through the sim's own hosts file (the host's hostname included); the host's name on the command line
        // lets an operator find the process with pgrep
        command.addAll(List.of("-Djdk.net.hosts.file=" + files.hostsFile(), "-Dtessera.sim.host=" + host.namespace(),
                "-Dtessera.log.dir=" + files.logs().resolve(host.name())));
        String home = System.getProperty("tessera.home");
        if (home != null) {
            command.add("-Dtessera.home=" + home);
        }
        List<String> tail = new ArrayList<>(List.of(rest));
        // JVM options given before the main class stay before it
        int main = 0;
        while (main < tail.size() && tail.get(main).startsWith("-")) {
            command.add(tail.get(main++));
        }
        // a folder to put first on the class path (the NameNode's metrics configuration), named by a marker option
        String first = command.stream().filter(o -> o.startsWith(CLASSPATH_FIRST)).map(o -> o.substring(CLASSPATH_FIRST.length())).findFirst()
                .map(folder -> folder + java.io.File.pathSeparator).orElse("");
        command.addAll(List.of("-cp", first + System.getProperty("java.class.path")));
        command.addAll(tail.subList(main, tail.size()));
        return command;
    }

    /** This JVM's java launcher (a packaged app's runtime has one too). */
    static String java() {
        Path candidate = Path.of(System.getProperty("java.home"), "bin", "java");
        return Files.isExecutable(candidate) ? candidate.toString() : ProcessHandle.current().info().command().orElse("java");
    }
}
