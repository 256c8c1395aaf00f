package io.tessera.engine.audit;

import io.tessera.engine.connect.ClusterConnection;
import io.tessera.engine.dispatch.KeySpace;
import io.tessera.testing.SharedCluster;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.hadoop.fs.FSDataOutputStream;
import org.apache.hadoop.fs.Path;
import redis.clients.jedis.StreamEntryID;
import redis.clients.jedis.params.XAddParams;
import redis.clients.jedis.resps.StreamEntry;

/** A trail of its own on the shared cluster (own key prefix and HDFS folder), and the tampering the tests do to it. */
public final class AuditTesting implements AutoCloseable {
    public final ClusterConnection connection = new ClusterConnection(SharedCluster.target());
    public final AuditLocation location;
    public final AuditLog log;

    public AuditTesting() {
        String run = UUID.randomUUID().toString().substring(0, 8);
        this.location = new AuditLocation("audit-" + run + ":", "/audit-test/" + run);
        this.log = new AuditLog(connection, location);
    }

    public AuditTrail trail(String program) {
        return AuditTrails.forConnection(connection, new AuditOrigin(program, "test-host"), location);
    }

    /** Records {@code count} done actions "job.cancel" on job-1 … job-count. */
    public void record(AuditTrail trail, int count) {
        for (int i = 1; i <= count; i++) {
            trail.record(new AuditEvent(AuditActions.JOB_CANCEL, List.of("job-" + i), Map.of(), AuditResult.DONE, ""));
        }
    }

    /** The stream's entries: id → record line. */
    public LinkedHashMap<String, String> streamEntries() {
        LinkedHashMap<String, String> out = new LinkedHashMap<>();
        for (StreamEntry e : connection.redis().xrange(location.stream(), "-", "+")) {
            out.put(e.getID().toString(), e.getFields().get("r"));
        }
        return out;
    }

    /** Writes the stream again from scratch with these entries (ids kept), as someone with Redis write access could. */
    public void rewriteStream(LinkedHashMap<String, String> entries) {
        connection.redis().del(location.stream());
        entries.forEach((id, line) -> connection.redis().xadd(location.stream(), XAddParams.xAddParams().id(new StreamEntryID(id)), Map.of("r", line)));
    }

    public Path file(String name) {
        return new Path(location.folder(), name);
    }

    public List<String> fileLines(Path file) throws IOException {
        List<String> lines = new ArrayList<>();
        try (var in = new AuditFiles(connection.fileSystem(), location.folder()).read(file)) {
            for (String line; (line = in.readLine()) != null; ) {
                lines.add(line);
            }
        }
        return lines;
    }

    /** Overwrites a daily file with these lines, as someone with HDFS write access could. */
    public void rewriteFile(Path file, List<String> lines) throws IOException {
        try (FSDataOutputStream out = connection.fileSystem().create(file, true)) {
            out.write((String.join("\n", lines) + "\n").getBytes(StandardCharsets.UTF_8));
        }
    }

    /** The only daily file there is. */
    public Path onlyFile() throws IOException {
        var days = new AuditFiles(connection.fileSystem(), location.folder()).days();
        if (days.size() != 1) {
            throw new AssertionError("expected one daily file, found " + days);
        }
        return days.getFirst().getPath();
    }

    @Override
    public void close() throws IOException {
        KeySpace.delete(connection.redis(), location.keyPrefix());
        connection.fileSystem().delete(new Path(location.folder()), true);
        connection.close();
    }
}
