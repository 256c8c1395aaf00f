package io.tessera.cli;

import io.tessera.engine.connect.ClusterConnection;
import io.tessera.engine.dispatch.DispatchKeys;
import io.tessera.engine.dispatch.DispatchSettings;
import io.tessera.engine.profile.ConnectionProfile;
import io.tessera.engine.dispatch.TaskFaults;
import io.tessera.engine.worker.FatalErrorPolicy;
import io.tessera.engine.worker.Worker;
import io.tessera.engine.worker.WorkerOptions;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * `tessera worker`: a headless worker until it is stopped. SIGTERM or Ctrl-C drains: the images at hand
 * finish and are acknowledged, then the worker leaves membership and the process exits. After an out-of-memory
 * (or other fatal JVM) error it hands its tasks back and exits with {@link FatalErrorPolicy#EXIT_CODE} (3), for its
 * service manager to start it again. Inputs are capped at the profile's largest input size. {@code --print-unit} prints the
 * systemd unit the Linux package installs for it.
 */
@Command(name = "worker", mixinStandardHelpOptions = true, description = "Run jobs' image tasks from Redis on this machine (headless).")
final class WorkerCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = {"-p", "--profile"}, defaultValue = ConnectionProfile.LOCAL_NAME, description = "Profile name (default: ${DEFAULT-VALUE}).")
    String profileName;

    @Option(names = "--threads", description = "Image threads (default: the number of cores).")
    Integer threads;

    @Option(names = "--key-prefix", hidden = true, defaultValue = "tessera:", description = "Redis key prefix (separates installations sharing one Redis).")
    String keyPrefix;

    @Option(names = "--visibility-timeout", hidden = true, description = "Seconds before a silent worker's tasks go to others (default 60).")
    Integer visibilitySeconds;

    @Option(names = "--print-unit", arity = "0..1", fallbackValue = "service", paramLabel = "service|template",
            description = "Print the systemd unit that runs a worker as a service (tessera-worker.service; 'template': "
                    + "tessera-worker@.service, one worker per profile) and exit.")
    String printUnit;

    @Override
    public Integer call() throws Exception {
        if (printUnit != null) {
            spec.commandLine().getOut().print(WorkerUnits.unit(printUnit, WorkerUnits.runningLauncher()));
            spec.commandLine().getOut().flush();
            return 0;
        }
        int n = threads != null ? threads : Runtime.getRuntime().availableProcessors();
        if (n < 1 || n > 256) {
            throw new ReadableErrors.UserError("--threads must be between 1 and 256, not " + n, 2);
        }
        PrintWriter out = spec.commandLine().getOut();
        CountDownLatch stopped = new CountDownLatch(1);
        ConnectionProfile profile = ProfileTargets.profile(profileName);
        ProfileTargets.refuseWrites(profile);
        ClusterConnection connection = new ClusterConnection(ProfileTargets.resolve(profile));
        Worker worker;
        try {
            DispatchSettings dispatch = DispatchSettings.defaults();
            if (visibilitySeconds != null) {
                dispatch = dispatch.withVisibilityTimeout(Duration.ofSeconds(Math.max(1, visibilitySeconds)));
            }
            worker = Worker.start(connection, WorkerOptions.defaults(n).withKeys(new DispatchKeys(keyPrefix), dispatch)
                    .withMaxInputBytes(profile.limits().maxInputBytes())
                    .withFatalErrorPolicy(FatalErrorPolicy.exitProcess()));
        } catch (Exception | Error e) {
            connection.close();
            throw e;
        }
        // an out-of-memory error on a thread the worker does not own (a client library's) leaves the JVM just as unsound
        Thread.setDefaultUncaughtExceptionHandler((thread, error) -> {
            System.err.println("Uncaught " + error + " in thread " + thread.getName());
            if (TaskFaults.isFatal(error)) {
                worker.fatal(error);
            }
        });
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            System.out.println("worker " + worker.id() + " draining");
            worker.close();
            connection.close();
            System.out.println("worker " + worker.id() + " stopped: " + worker.counters().done() + " images done, " + worker.counters().failed() + " failed");
            System.out.flush();
            stopped.countDown();
        }, "worker-drain"));
        // an operator's drain or stop from the console's dashboard: the worker has left; the process ends (exit 0: a service
        // manager restarting on failure leaves it stopped, as asked)
        worker.stoppedOnRequest().thenAccept(request -> {
            System.out.println("worker " + worker.id() + " stopped on request (" + request.action().name().toLowerCase() + " by " + request.by() + ")");
            System.exit(0);
        });
        out.println("worker " + worker.id() + " running with " + n + " threads on profile " + profileName + " (inputs up to "
                + profile.limits().maxInputBytes() / ConnectionProfile.Limits.MIB + " MB); SIGTERM or Ctrl-C drains and stops");
        out.flush();
        stopped.await(); // the shutdown hook ends the process; this thread only keeps it alive until then
        return 0;
    }
}
