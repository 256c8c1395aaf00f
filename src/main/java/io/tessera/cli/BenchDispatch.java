package io.tessera.cli;

import io.tessera.engine.dispatch.DispatchBenchmark;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** `tessera bench dispatch`: no-op tasks end to end through Redis Streams, against pipelined XADD of the same entries. */
@Command(name = "dispatch", mixinStandardHelpOptions = true,
        description = "No-op dispatch throughput (submit, read, ack, event) against a raw XADD baseline in the same run.")
final class BenchDispatch implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = {"-p", "--profile"}, description = "Profile to measure (default: a private embedded cluster started for the run).")
    String profileName;

    @Option(names = "--tasks", defaultValue = "20000", description = "Tasks to dispatch (default: ${DEFAULT-VALUE}).")
    int tasks;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        try (BenchTarget bench = BenchTarget.open(profileName, "dispatch", out)) {
            out.println(DispatchBenchmark.run(bench.target(), tasks));
        }
        return 0;
    }
}
