package io.tessera.cli;

import io.tessera.engine.AppDirectories;
import io.tessera.engine.bench.BenchCleanUp;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** `tessera bench …`: benchmarks that report ratios against a baseline measured in the same run. */
@Command(name = "bench", mixinStandardHelpOptions = true, description = "Run a benchmark and print its figures.",
        subcommands = {BenchCommand.Startup.class, PlanBenchCommand.class, BenchHdfs.class, BenchDispatch.class, BenchCeiling.class, BenchJob.class, BenchEvents.class,
                BenchChaos.class, BenchSoak.class, BenchThumbs.class, BenchScale.class})
final class BenchCommand {

    /**
     * Starts `tessera local` in fresh JVMs, as an operator would: once on an empty folder (cold: HDFS is
     * formatted) and then again on the same folder (warm). Process-to-ready includes the JVM's own start.
     * The baseline is the sum of each service's own start time in the same run, i.e. what starting them
     * one after another would cost; the last column is the parallel start against it.
     */
    @Command(name = "startup", description = "Cold start and warm restarts of the embedded cluster in fresh JVMs.")
    static final class Startup implements Callable<Integer> {
        private static final Pattern CLUSTER_UP = Pattern.compile("^Local cluster up in ([0-9.]+) s.*");
        private static final Pattern SERVICE_UP = Pattern.compile("^\\s+(HDFS|ZooKeeper|Redis)\\s+up\\s+.*\\((\\d+) ms\\)$");

        @Spec
        CommandSpec spec;

        @Option(names = "--warm-runs", defaultValue = "3", description = "Warm restarts after the cold start (default: ${DEFAULT-VALUE}).")
        int warmRuns;

        @Override
        public Integer call() throws Exception {
            PrintWriter out = spec.commandLine().getOut();
            Path scratch = AppDirectories.fromEnvironment().state().resolve("bench");
            Files.createDirectories(scratch);
            Path dir = Files.createTempDirectory(scratch, "startup-");
            try {
                out.println("run      process-to-ready ms   cluster start ms   HDFS ms   ZooKeeper ms   Redis ms   one-after-another ms   parallel/one-after-another");
                for (int run = 0; run <= warmRuns; run++) {
                    long began = System.nanoTime();
                    Map<String, Long> services = startAndStop(dir);
                    long wall = (System.nanoTime() - began) / 1_000_000 - services.remove("stop");
                    long cluster = services.remove("cluster");
                    long sum = services.values().stream().mapToLong(Long::longValue).sum();
                    out.printf("%-8s %19d %18d %9d %14d %10d %22d %28.2f%n", run == 0 ? "cold" : "warm " + run, wall, cluster,
                            services.get("HDFS"), services.get("ZooKeeper"), services.get("Redis"), sum, (double) cluster / sum);
                    out.flush();
                }
            } finally {
                BenchCleanUp.deleteTree(dir);
            }
            return 0;
        }

        /** Per-service start times, plus "stop": how long after readiness the process took to stop. */
        private static Map<String, Long> startAndStop(Path dataDir) throws IOException, InterruptedException {
            List<String> command = TesseraJvm.command(List.of(), List.of("local", "--data-dir", dataDir.toString()));
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            Map<String, Long> services = new LinkedHashMap<>();
            try (BufferedReader reader = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line; (line = reader.readLine()) != null; ) {
                    Matcher m = SERVICE_UP.matcher(line);
                    if (m.matches()) {
                        services.put(m.group(1), Long.parseLong(m.group(2)));
                    }
                    Matcher up = CLUSTER_UP.matcher(line);
                    if (up.matches()) {
                        services.put("cluster", Math.round(Double.parseDouble(up.group(1)) * 1000));
                        break;
                    }
                }
                long readyAt = System.nanoTime();
                if (services.size() != 4) {
                    process.destroyForcibly();
                    throw new IOException("tessera local did not come up: " + services);
                }
                process.destroy();
                process.waitFor(60, TimeUnit.SECONDS);
                services.put("stop", (System.nanoTime() - readyAt) / 1_000_000);
            }
            return services;
        }
    }
}
