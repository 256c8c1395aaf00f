package io.tessera.cli;

import io.tessera.engine.audit.AuditChain;
import io.tessera.engine.audit.AuditLocation;
import io.tessera.engine.audit.AuditLog;
import io.tessera.engine.audit.AuditQuery;
import io.tessera.engine.audit.AuditRecord;
import io.tessera.engine.audit.AuditVerification;
import io.tessera.engine.audit.AuditOrigin;
import io.tessera.engine.services.ClusterServices;
import io.tessera.engine.profile.ConnectionProfile;
import java.io.PrintWriter;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** `tessera audit verify | list`: the cluster's audit trail (see docs/security.md). */
@Command(name = "audit", mixinStandardHelpOptions = true, description = "Check and list the cluster's audit trail of operator actions.",
        subcommands = {AuditCommand.Verify.class, AuditCommand.ListRecords.class})
final class AuditCommand {
    /** Exit code of `audit verify` when the chain is broken (1 stays "could not check"). */
    static final int BROKEN = 3;

    /** Which cluster and where its trail is. */
    static final class Where {
        @Option(names = {"-p", "--profile"}, defaultValue = ConnectionProfile.LOCAL_NAME, description = "Profile name (default: ${DEFAULT-VALUE}).")
        String profileName;

        @Option(names = "--key-prefix", hidden = true, defaultValue = "tessera:", description = "Redis key prefix.")
        String keyPrefix;

        @Option(names = "--audit-folder", hidden = true, defaultValue = "/tessera/audit", description = "HDFS folder of the daily files.")
        String folder;

        AuditLocation location() {
            return new AuditLocation(keyPrefix, folder);
        }
    }

    @Command(name = "verify", mixinStandardHelpOptions = true,
            description = "Walk the chain (daily files in HDFS, then the live stream): OK with the count and range, or the first break. "
                    + "Exit 0 when intact, 3 when broken, 1 when it could not be checked.")
    static final class Verify implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Mixin
        Where where;

        @Option(names = "--expect", paramLabel = "SEQ:HASH", description = "A record's hash kept outside the cluster (as `verify` printed "
                + "the head): the chain must still hold it. Repeatable.")
        List<String> expected = new ArrayList<>();

        @Override
        public Integer call() throws Exception {
            Map<Long, String> anchors = new LinkedHashMap<>();
            for (String anchor : expected) {
                String[] parts = anchor.strip().split(":", 2);
                if (parts.length != 2 || !parts[0].matches("\\d{1,18}") || !parts[1].matches("[0-9a-fA-F]{64}")) {
                    throw new ReadableErrors.UserError("--expect takes SEQ:HASH (a record number and its 64-digit hash), not '" + anchor + "'", 2);
                }
                anchors.put(Long.parseLong(parts[0]), parts[1]);
            }
            PrintWriter out = spec.commandLine().getOut();
            try (ClusterServices cluster = ClusterServices.open(ProfileTargets.resolve(where.profileName), AuditOrigin.of("cli"))) {
                AuditVerification result = cluster.auditLog(where.location()).verify(AuditLog.Progress.NONE, anchors);
                if (result.intact()) {
                    out.println("OK " + result.summary());
                    out.flush();
                    return 0;
                }
                spec.commandLine().getErr().println("tessera audit verify: " + result.summary());
                return BROKEN;
            }
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "List audit records, oldest first (the newest --limit of those that match).")
    static final class ListRecords implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Mixin
        Where where;

        @Option(names = "--user", description = "The OS user, or the identity used with any service.")
        String user;

        @Option(names = "--action", description = "An action (job.cancel) or a domain (job).")
        String action;

        @Option(names = "--target", description = "Part of a target (path, job id, znode, profile), any case.")
        String target;

        @Option(names = "--since", description = "An age (90s, 15m, 2h, 7d), an instant (2026-12-05T10:00:00Z) or a day (2026-12-05).")
        String since;

        @Option(names = "--result", description = "done, failed or denied.")
        String result;

        @Option(names = "--limit", defaultValue = "100", description = "At most this many, the newest (default: ${DEFAULT-VALUE}).")
        int limit;

        @Option(names = "--json", description = "One JSON record per line, as stored.")
        boolean json;

        @Override
        public Integer call() throws Exception {
            AuditQuery query;
            try {
                query = new AuditQuery(user, action, target, since == null ? null : AuditQuery.parseSince(since, Clock.systemUTC()),
                        result == null ? null : AuditQuery.parseResult(result), limit);
            } catch (IllegalArgumentException bad) {
                throw new ReadableErrors.UserError(bad.getMessage(), 2);
            }
            PrintWriter out = spec.commandLine().getOut();
            try (ClusterServices cluster = ClusterServices.open(ProfileTargets.resolve(where.profileName), AuditOrigin.of("cli"))) {
                List<AuditRecord> records = cluster.auditLog(where.location()).list(query).records();
                if (json) {
                    records.forEach(r -> out.println(AuditChain.line(r)));
                } else {
                    out.print(AuditTable.of(records));
                }
                out.flush();
                return 0;
            }
        }
    }
}
