package io.tessera.cli;

import io.tessera.engine.ServiceKind;
import io.tessera.engine.connect.ConnectionTarget;
import io.tessera.engine.connect.HealthCheck;
import io.tessera.engine.connect.ServiceHealth;
import io.tessera.engine.profile.ConnectionProfile;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** `tessera check`: the health of a profile's three services; exit 0 only when all are up. */
@Command(name = "check", mixinStandardHelpOptions = true,
        description = "Check HDFS, ZooKeeper and Redis of a profile. Exit code: 0 all up, 1 a service is down, 2 degraded.")
final class CheckCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = {"-p", "--profile"}, defaultValue = ConnectionProfile.LOCAL_NAME, description = "Profile name (default: ${DEFAULT-VALUE}).")
    String profileName;

    @Option(names = "--timeout", defaultValue = "3", description = "Seconds each service may take to answer (default: ${DEFAULT-VALUE}).")
    int timeoutSeconds;

    @Override
    public Integer call() throws Exception {
        ConnectionTarget target = ProfileTargets.resolve(profileName);
        Map<ServiceKind, ServiceHealth> results = HealthCheck.checkAll(target, Duration.ofSeconds(timeoutSeconds));
        PrintWriter out = spec.commandLine().getOut();
        out.println("Profile " + target.profileName());
        int exit = 0;
        for (ServiceHealth health : results.values()) {
            out.printf("  %-9s %-8s %5d ms  %s%n", health.service().displayName(), health.state(), health.latencyMillis(), health.summary());
            if (health.state() == ServiceHealth.State.DOWN || health.state() == ServiceHealth.State.UNKNOWN) {
                exit = 1;
            } else if (health.state() == ServiceHealth.State.DEGRADED && exit == 0) {
                exit = 2;
            }
        }
        out.flush();
        return exit;
    }
}
