package io.tessera.cli;

import io.tessera.engine.shard.PlanBenchmark;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** `tessera bench plan`: the shard planner on a synthetic listing, against copy + sort + sum of the same listing. */
@Command(name = "plan", mixinStandardHelpOptions = true, description = "Plan a synthetic listing into shards and compare with a baseline.")
final class PlanBenchCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--files", defaultValue = "1000000", description = "Files in the synthetic listing (default: ${DEFAULT-VALUE}).")
    int files;

    @Override
    public Integer call() {
        spec.commandLine().getOut().println(PlanBenchmark.run(files));
        return 0;
    }
}
