package io.tessera.cli;

import io.tessera.engine.bench.LoadAverage;
import io.tessera.engine.connect.ClusterConnection;
import io.tessera.engine.membership.PlanScaleBenchmark;
import io.tessera.engine.shard.PlanBenchmark;
import io.tessera.engine.shard.ShardLimits;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * `tessera bench plan`: the shard planner on a synthetic listing, against copy + sort + sum of the same listing; with
 * {@code --store}, the plan also stored in a cluster (a private embedded one, or {@code --profile}'s), with what it
 * puts in ZooKeeper and HDFS and what the coordinator's sweep over it costs.
 */
@Command(name = "plan", mixinStandardHelpOptions = true, description = "Plan a synthetic listing into shards and compare with a baseline; "
        + "with --store, store it in a cluster and measure what it takes there.")
final class PlanBenchCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--files", defaultValue = "1000000", description = "Files in the synthetic listing (default: ${DEFAULT-VALUE}).")
    int files;

    @Option(names = "--store", description = "Store the plan in a cluster and report znodes, bytes, manifests and the coordinator's sweep.")
    boolean store;

    @Option(names = "--max-images", defaultValue = "1000", description = "With --store: images per shard at most (default: ${DEFAULT-VALUE}).")
    int maxImages;

    @Option(names = "--max-mb", defaultValue = "256", description = "With --store: MB per shard at most (default: ${DEFAULT-VALUE}).")
    long maxMegabytes;

    @Option(names = {"-p", "--profile"}, description = "With --store: the cluster of this profile (default: a private embedded cluster).")
    String profileName;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        if (!store) {
            out.println(PlanBenchmark.run(files));
            return 0;
        }
        try (BenchTarget bench = BenchTarget.open(profileName, "plan", out);
             ClusterConnection connection = new ClusterConnection(bench.target())) {
            out.println("load average at start: " + LoadAverage.text(LoadAverage.now()));
            PlanScaleBenchmark.Result result = PlanScaleBenchmark.run(connection, files,
                    new ShardLimits(maxImages, maxMegabytes << 20), out);
            out.println(result);
            out.println("load average at end: " + LoadAverage.text(LoadAverage.now()));
        }
        return 0;
    }
}
