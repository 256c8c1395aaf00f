package io.tessera.engine.store;

import io.tessera.engine.connect.ClusterConnection;
import java.io.IOException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.apache.hadoop.crypto.CryptoProtocolVersion;
import org.apache.hadoop.fs.CreateFlag;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.permission.FsPermission;
import org.apache.hadoop.hdfs.DFSClient;
import org.apache.hadoop.hdfs.DistributedFileSystem;
import org.apache.hadoop.hdfs.protocol.ClientProtocol;
import org.apache.hadoop.hdfs.protocol.HdfsFileStatus;
import org.apache.hadoop.io.EnumSetWritable;

/**
 * Fills a folder with many empty files quickly, for benchmarks and scale tests. On HDFS it makes the two
 * NameNode calls an empty file needs (create, complete) directly from many threads: an output stream per
 * file would start a streamer thread and a lease for nothing, about three times slower.
 */
public final class EmptyFiles {
    private static final CryptoProtocolVersion[] CRYPTO = {CryptoProtocolVersion.ENCRYPTION_ZONES};

    private EmptyFiles() {}

    /** Creates {@code name-000000.ext} … in {@code folder} (which must exist), {@code threads} at a time. */
    public static void create(ClusterConnection connection, String folder, int count, String name, String ext, int threads) throws StoreException {
        try {
            create(connection.fileSystem(), folder, count, name, ext, threads);
        } catch (IOException e) {
            throw StoreErrors.translate(e, folder, "write to");
        }
    }

    static void create(FileSystem fs, String folder, int count, String name, String ext, int threads) throws StoreException {
        ExecutorService pool = Executors.newFixedThreadPool(threads, Thread.ofPlatform().daemon().name("empty-files-", 0).factory());
        try {
            List<Future<?>> parts = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int first = t;
                parts.add(pool.submit(() -> {
                    for (int i = first; i < count; i += threads) {
                        createOne(fs, folder + "/" + String.format("%s-%06d.%s", name, i, ext));
                    }
                    return null;
                }));
            }
            for (Future<?> part : parts) {
                part.get();
            }
        } catch (ExecutionException e) {
            throw StoreErrors.translate(e.getCause() instanceof IOException io ? io : new IOException(e.getCause()), folder, "write to");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StoreException(StoreException.Problem.FAILED, folder, "interrupted while creating files in " + folder);
        } finally {
            pool.shutdownNow();
        }
    }

    private static void createOne(FileSystem fs, String path) throws IOException {
        if (fs instanceof DistributedFileSystem dfs) {
            DFSClient client = dfs.getClient();
            ClientProtocol nameNode = client.getNamenode();
            HdfsFileStatus created = nameNode.create(path, FsPermission.getFileDefault().applyUMask(FsPermission.getUMask(fs.getConf())),
                    client.getClientName(), new EnumSetWritable<>(EnumSet.of(CreateFlag.CREATE)), false,
                    fs.getDefaultReplication(new Path(path)), fs.getDefaultBlockSize(new Path(path)), CRYPTO, null, null);
            nameNode.complete(path, client.getClientName(), null, created.getFileId());
        } else {
            fs.create(new Path(path), false).close();
        }
    }
}
