package io.tessera.engine.upload;

import io.tessera.engine.connect.ClusterConnection;
import io.tessera.testing.SharedCluster;
import java.io.IOException;
import java.io.OutputStream;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.LocatedFileStatus;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.RemoteIterator;

/** The upload tests' connection to the shared cluster and their ways to look at (and plant files in) HDFS. */
final class UploadTesting {
    static final Duration TIMEOUT = Duration.ofSeconds(60);

    private UploadTesting() {}

    static ClusterConnection connection() {
        return SharedCluster.connection();
    }

    static FileSystem fs() throws IOException {
        return connection().fileSystem();
    }

    /** A fresh folder name (not created). */
    static String folder() {
        return "/test/upload-" + UUID.randomUUID();
    }

    /** Every file under the folder (hidden ones too), relative name → length. */
    static Map<String, Integer> filesUnder(String folder) throws IOException {
        Map<String, Integer> files = new TreeMap<>();
        RemoteIterator<LocatedFileStatus> it = fs().listFiles(new Path(folder), true);
        while (it.hasNext()) {
            LocatedFileStatus s = it.next();
            files.put(s.getPath().toUri().getPath().substring(folder.length() + 1), (int) s.getLen());
        }
        return files;
    }

    /** Writes a file straight into HDFS (bypassing the uploader's checks) with the given modification time. */
    static String plant(String path, byte[] bytes, long modified) throws IOException {
        try (OutputStream out = fs().create(new Path(path), false)) {
            out.write(bytes);
        }
        fs().setTimes(new Path(path), modified, -1);
        return path;
    }

    static byte[] read(String path) throws IOException {
        try (var in = fs().open(new Path(path))) {
            return in.readAllBytes();
        }
    }

    static UploadSummary run(Uploader uploader, List<UploadItem> items, String target, ConflictPolicy policy, ConflictResolver resolver) throws Exception {
        return uploader.start(new UploadRequest(items, target, policy, 1), UploadListener.NONE, resolver).await(TIMEOUT);
    }

    static void await(CountDownLatch latch) {
        try {
            latch.await(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
