package io.tessera.engine.store;

import io.tessera.engine.connect.ClusterConnection;
import io.tessera.testing.SharedCluster;
import java.io.IOException;
import java.io.OutputStream;
import java.util.UUID;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

/** One connection to the shared cluster for the store tests, and quick ways to put files there. */
final class StoreFixtures {
    private StoreFixtures() {}

    static ClusterConnection connection() {
        return SharedCluster.connection();
    }

    static FileSystem fs() throws IOException {
        return connection().fileSystem();
    }

    /** A fresh folder for one test. */
    static String freshFolder(String prefix) throws IOException {
        String folder = "/test/" + prefix + "-" + UUID.randomUUID();
        fs().mkdirs(new Path(folder));
        return folder;
    }

    static void write(String path, byte[] bytes) throws IOException {
        try (OutputStream out = fs().create(new Path(path), false)) {
            out.write(bytes);
        }
    }
}
