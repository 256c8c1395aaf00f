package io.tessera.engine.thumbs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tessera.engine.connect.ClusterConnection;
import io.tessera.engine.store.HdfsBrowser;
import io.tessera.engine.store.HdfsEntry;
import io.tessera.testing.SharedCluster;
import io.tessera.testing.TestImages;
import java.io.OutputStream;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.apache.hadoop.fs.Path;
import org.junit.jupiter.api.Test;

/** Two "consoles" on one cluster: what the first one made, the second gets from Redis without reading the image. */
class SharedThumbnailCacheIT {

    @Test
    void aSecondConsoleGetsTheThumbnailFromRedis() throws Exception {
        try (ClusterConnection first = new ClusterConnection(SharedCluster.target());
             ClusterConnection second = new ClusterConnection(SharedCluster.target())) {
            String path = "/test/thumbs-" + UUID.randomUUID() + "/photo.jpg";
            try (OutputStream out = first.fileSystem().create(new Path(path))) {
                out.write(TestImages.jpeg(640, 480));
            }
            String corrupt = path.replace("photo.jpg", "broken.jpg");
            try (OutputStream out = first.fileSystem().create(new Path(corrupt))) {
                out.write(TestImages.randomBytes(2000, 5));
            }
            HdfsEntry entry = new HdfsBrowser(first).stat(path);
            HdfsEntry broken = new HdfsBrowser(first).stat(corrupt);

            try (ThumbnailService console1 = ThumbnailService.forConnection(first, ThumbnailSettings.DEFAULT)) {
                ThumbnailResult.Ready made = assertInstanceOf(ThumbnailResult.Ready.class, request(console1, entry));
                assertEquals(ThumbnailResult.Origin.MADE, made.origin());
                assertEquals(ThumbnailResult.Origin.MADE, assertInstanceOf(ThumbnailResult.Failed.class, request(console1, broken)).origin());
            }
            ThumbnailKey key = new ThumbnailKey(path, 160, entry.modified().toEpochMilli(), entry.size());
            long ttl = first.redis().ttl(key.redisKey());
            assertTrue(ttl > ThumbnailSettings.DEFAULT.failureTtl().toSeconds() && ttl <= ThumbnailSettings.DEFAULT.sharedTtl().toSeconds(), "ttl " + ttl);
            long failureTtl = first.redis().ttl(new ThumbnailKey(corrupt, 160, broken.modified().toEpochMilli(), broken.size()).redisKey());
            assertTrue(failureTtl > 0 && failureTtl <= ThumbnailSettings.DEFAULT.failureTtl().toSeconds(), "a bad file's failure is kept a day at most: " + failureTtl);

            ThumbnailSource mustNotRead = (p, max) -> {
                throw new AssertionError("the second console read " + p);
            };
            try (ThumbnailService console2 = new ThumbnailService(mustNotRead,
                    new RedisThumbnailCache(second.redis(), ThumbnailSettings.DEFAULT.sharedTtl()), ThumbnailSettings.DEFAULT)) {
                ThumbnailResult.Ready shared = assertInstanceOf(ThumbnailResult.Ready.class, request(console2, entry));
                assertEquals(ThumbnailResult.Origin.SHARED_CACHE, shared.origin());
                assertEquals(160, shared.thumbnail().width());
                ThumbnailResult.Failed placeholder = assertInstanceOf(ThumbnailResult.Failed.class, request(console2, broken));
                assertTrue(placeholder.reason().startsWith("not an image"), placeholder.reason());
                assertEquals(ThumbnailResult.Origin.MEMORY, assertInstanceOf(ThumbnailResult.Ready.class, request(console2, entry)).origin());
            }
        }
    }

    private static ThumbnailResult request(ThumbnailService service, HdfsEntry entry) throws Exception {
        CompletableFuture<ThumbnailResult> result = new CompletableFuture<>();
        service.request(entry, 160, result::complete);
        return result.get(30, TimeUnit.SECONDS);
    }
}
