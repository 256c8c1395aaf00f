package io.tessera.engine.membership;

import io.tessera.engine.Version;
import io.tessera.engine.zk.ZkAccess;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.concurrent.ThreadLocalRandom;

/** The JSON of {@code workers/<id>}: who the worker is, what it can do, and its latest figures. */
public record WorkerInfo(String id, String host, long pid, int threads, String version, Instant started, LiveFigures figures) {

    public WorkerInfo {
        ZkAccess.checkName(id, "worker id");
    }

    /** This process as a worker with {@code threads} image threads; the id is host, pid and a random suffix (unique across restarts). */
    public static WorkerInfo thisProcess(int threads) {
        String host = hostName();
        long pid = ProcessHandle.current().pid();
        String suffix = HexFormat.of().toHexDigits((short) ThreadLocalRandom.current().nextInt());
        String id = (host.replaceAll("[^A-Za-z0-9.-]", "-") + "-" + pid + "-" + suffix);
        return new WorkerInfo(id, host, pid, threads, Version.get(), Instant.now(), LiveFigures.idle());
    }

    public WorkerInfo withFigures(LiveFigures latest) {
        return new WorkerInfo(id, host, pid, threads, version, started, latest);
    }

    static String hostName() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return "unknown-host";
        }
    }
}
