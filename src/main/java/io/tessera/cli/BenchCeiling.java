package io.tessera.cli;

import io.tessera.engine.AppDirectories;
import io.tessera.engine.dispatch.ceiling.CeilingBenchmark;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** `tessera bench ceiling`: tasks (and images) per second of Redis CPU, Tessera against BullMQ on one private redis-server. */
@Command(name = "ceiling", mixinStandardHelpOptions = true,
        description = "The coordination ceiling: tasks per Redis-CPU-second, Tessera's dispatch against BullMQ's no-op jobs, interleaved.")
final class BenchCeiling implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--tasks", defaultValue = "20000", description = "No-op tasks (and BullMQ jobs) per run; tasks of several images run a quarter as many (default: ${DEFAULT-VALUE}).")
    int tasks;

    @Option(names = "--rounds", defaultValue = "5", description = "Interleaved rounds (default: ${DEFAULT-VALUE}).")
    int rounds;

    @Option(names = "--threads", defaultValue = "4", description = "Handler threads of Tessera's consumer (default: ${DEFAULT-VALUE}).")
    int threads;

    @Option(names = "--images-per-task", split = ",", defaultValue = "8,32", description = "Sizes of Tessera's tasks of several images (default: ${DEFAULT-VALUE}).")
    List<Integer> imagesPerTask;

    @Option(names = "--bullmq-concurrency", defaultValue = "50",
            description = "BullMQ worker concurrency: its best no-op rate needs far more than Tessera's threads, which prefetch (default: ${DEFAULT-VALUE}).")
    int bullmqConcurrency;

    @Option(names = "--bullmq-dir", defaultValue = "packaging/bench/bullmq", description = "The BullMQ baseline's folder (default: ${DEFAULT-VALUE}).")
    Path bullmqDir;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        Path scratch = AppDirectories.fromEnvironment().state().resolve("bench");
        var report = CeilingBenchmark.run(new CeilingBenchmark.Settings(tasks, rounds, threads, imagesPerTask, bullmqDir.toAbsolutePath(), bullmqConcurrency, scratch),
                line -> {
                    out.println(line);
                    out.flush();
                });
        out.println();
        out.print(report.table());
        out.flush();
        return 0;
    }
}
