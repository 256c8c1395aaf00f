package io.tessera.engine.thumbs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tessera.engine.images.Thumbnail;
import io.tessera.engine.images.ThumbnailMaker;
import io.tessera.testing.TestImages;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.BiFunction;
import org.junit.jupiter.api.Test;

/** The queue, cancellation, dropping and the memory cache, with an in-memory source. */
class ThumbnailServiceTest {
    private final Map<String, byte[]> files = new ConcurrentHashMap<>(Map.of(
            "/a.jpg", TestImages.jpeg(400, 300), "/b.png", TestImages.png(50, 50), "/bad.jpg", TestImages.truncatedJpeg()));

    @Test
    void makesOnceThenAnswersFromMemory() throws Exception {
        try (ThumbnailService service = new ThumbnailService((path, max) -> files.get(path), ThumbnailCache.NONE, ThumbnailSettings.DEFAULT)) {
            ThumbnailResult.Ready made = assertInstanceOf(ThumbnailResult.Ready.class, service.get(key("/a.jpg")));
            assertEquals(ThumbnailResult.Origin.MADE, made.origin());
            assertEquals(128, made.thumbnail().width());
            assertEquals(96, made.thumbnail().height());
            List<ThumbnailResult> immediate = new CopyOnWriteArrayList<>();
            service.request(key("/a.jpg"), immediate::add);
            assertEquals(ThumbnailResult.Origin.MEMORY, ((ThumbnailResult.Ready) immediate.getFirst()).origin(), "a memory hit is answered at once");
        }
    }

    @Test
    void aCorruptFileOrAFailingReadGivesAPlaceholderReason() {
        try (ThumbnailService service = new ThumbnailService((path, max) -> {
            if (path.equals("/locked.jpg")) {
                throw new io.tessera.engine.store.StoreException(io.tessera.engine.store.StoreException.Problem.PERMISSION_DENIED, path, "permission denied: /locked.jpg");
            }
            return files.get(path);
        }, ThumbnailCache.NONE, ThumbnailSettings.DEFAULT)) {
            assertTrue(assertInstanceOf(ThumbnailResult.Failed.class, service.get(key("/bad.jpg"))).reason().startsWith("truncated JPEG"));
            assertEquals("permission denied: /locked.jpg", assertInstanceOf(ThumbnailResult.Failed.class, service.get(key("/locked.jpg"))).reason());
        }
    }

    @Test
    void onlyAFileOfBadContentIsCachedNeverAFailureOfTheMoment() {
        Map<ThumbnailKey, ThumbnailResult> shared = new ConcurrentHashMap<>();
        ThumbnailCache recording = new ThumbnailCache() {
            @Override
            public Optional<ThumbnailResult> get(ThumbnailKey key) {
                return Optional.ofNullable(shared.get(key));
            }

            @Override
            public void put(ThumbnailKey key, ThumbnailResult result) {
                shared.put(key, result);
            }
        };
        Map<String, Integer> made = new ConcurrentHashMap<>();
        ThumbnailMaker real = new ThumbnailMaker(ThumbnailSettings.DEFAULT.limits());
        files.put("/short.jpg", TestImages.jpeg(30, 30));
        files.put("/throws.jpg", TestImages.jpeg(30, 30));
        files.put("/bug.jpg", TestImages.jpeg(30, 30));
        BiFunction<byte[], Integer, ThumbnailMaker.Outcome> maker = (bytes, box) -> {
            String which = files.entrySet().stream().filter(e -> e.getValue() == bytes).map(Map.Entry::getKey).findFirst().orElseThrow();
            made.merge(which, 1, Integer::sum);
            return switch (which) {
                case "/short.jpg" -> new ThumbnailMaker.Outcome.Rejected("not enough memory to decode 30×30", false);
                case "/throws.jpg" -> throw new OutOfMemoryError("Java heap space");
                case "/bug.jpg" -> throw new IllegalStateException("a bug");
                default -> real.make(bytes, box);
            };
        };
        ThumbnailSource source = (path, max) -> {
            if (path.equals("/away.jpg")) {
                throw new IOException("connection refused");
            }
            return files.get(path);
        };
        try (ThumbnailService service = new ThumbnailService(source, recording, ThumbnailSettings.DEFAULT.withWorkers(1), maker)) {
            for (int round = 0; round < 2; round++) {
                assertTrue(failed(service, "/bad.jpg").startsWith("truncated JPEG"));
                assertEquals("not enough memory to decode 30×30", failed(service, "/short.jpg"));
                assertEquals("not enough memory for this thumbnail just now; it is tried again when shown again", failed(service, "/throws.jpg"));
                assertEquals("thumbnail failed for now: a bug", failed(service, "/bug.jpg"));
                assertEquals("cannot read /away.jpg: connection refused", failed(service, "/away.jpg"));
            }
            assertInstanceOf(ThumbnailResult.Ready.class, service.get(key("/a.jpg")), "the worker thread lived on after the out-of-memory error");
            assertEquals(Set.of(key("/bad.jpg"), key("/a.jpg")), shared.keySet(), "only the bad file's failure (and the thumbnail) are kept");
            assertEquals(Map.of("/bad.jpg", 1, "/short.jpg", 2, "/throws.jpg", 2, "/bug.jpg", 2, "/a.jpg", 1), made,
                    "failures of the moment are tried again, not answered from memory");
        }
    }

    private static String failed(ThumbnailService service, String path) {
        return assertInstanceOf(ThumbnailResult.Failed.class, service.get(key(path))).reason();
    }

    @Test
    void aCancelledRequestIsNeverDeliveredAndTheQueueServesNewestFirst() throws Exception {
        HeldSource held = new HeldSource("/first.jpg");
        try (ThumbnailService service = new ThumbnailService(held, ThumbnailCache.NONE, ThumbnailSettings.DEFAULT.withWorkers(1))) {
            CompletableFuture<ThumbnailResult> first = new CompletableFuture<>();
            service.request(key("/first.jpg"), first::complete);
            held.awaitStarted();
            List<ThumbnailResult> scrolledAway = new CopyOnWriteArrayList<>();
            Cancellable away = service.request(key("/away.jpg"), scrolledAway::add);
            CompletableFuture<ThumbnailResult> older = new CompletableFuture<>();
            CompletableFuture<ThumbnailResult> newer = new CompletableFuture<>();
            service.request(key("/older.jpg"), older::complete);
            service.request(key("/newer.jpg"), newer::complete);
            away.cancel();
            assertEquals(2, service.pending());
            held.release();
            assertInstanceOf(ThumbnailResult.Ready.class, older.get(10, TimeUnit.SECONDS));
            assertInstanceOf(ThumbnailResult.Ready.class, newer.get(10, TimeUnit.SECONDS));
            assertInstanceOf(ThumbnailResult.Ready.class, first.get(10, TimeUnit.SECONDS));
            assertEquals(List.of("/first.jpg", "/newer.jpg", "/older.jpg"), held.reads);
            assertTrue(scrolledAway.isEmpty());
        }
    }

    @Test
    void whenTheQueueOverflowsTheOldestRequestIsDropped() throws Exception {
        HeldSource held = new HeldSource(null);
        try (ThumbnailService service = new ThumbnailService(held, ThumbnailCache.NONE, ThumbnailSettings.DEFAULT.withWorkers(1).withQueueCapacity(2))) {
            service.request(key("/busy.jpg"), r -> {});
            held.awaitStarted();
            CompletableFuture<ThumbnailResult> oldest = new CompletableFuture<>();
            service.request(key("/1.jpg"), oldest::complete);
            service.request(key("/2.jpg"), r -> {});
            service.request(key("/3.jpg"), r -> {});
            assertInstanceOf(ThumbnailResult.Dropped.class, oldest.get(1, TimeUnit.SECONDS));
            assertEquals(2, service.pending());
            held.release();
        }
    }

    @Test
    void theMostUrgentRequestGoesFirstAndAMovedOneMovesInTheQueue() throws Exception {
        HeldSource held = new HeldSource("/busy.jpg");
        try (ThumbnailService service = new ThumbnailService(held, ThumbnailCache.NONE, ThumbnailSettings.DEFAULT.withWorkers(1))) {
            service.request(key("/busy.jpg"), r -> {});
            held.awaitStarted();
            CountDownLatch answered = new CountDownLatch(4);
            service.request(key("/cell-5.jpg"), 5, r -> answered.countDown());
            service.request(key("/cell-1.jpg"), 1, r -> answered.countDown());
            service.request(key("/cell-3.jpg"), 3, r -> answered.countDown());
            ThumbnailRequest scrolledBack = service.request(key("/was-away.jpg"), 1_000, r -> answered.countDown());
            scrolledBack.prioritise(0);
            held.release();
            assertTrue(answered.await(10, TimeUnit.SECONDS));
            assertEquals(List.of("/busy.jpg", "/was-away.jpg", "/cell-1.jpg", "/cell-3.jpg", "/cell-5.jpg"), held.reads);
        }
    }

    /** The grid cancels and asks again for the same entry when it lays a row out again: the photo is decoded once. */
    @Test
    void aKeyBeingMadeIsMadeOnceForEveryoneWhoAsksMeanwhile() throws Exception {
        HeldSource held = new HeldSource(null);
        try (ThumbnailService service = new ThumbnailService(held, ThumbnailCache.NONE, ThumbnailSettings.DEFAULT.withWorkers(3))) {
            List<ThumbnailResult> first = new CopyOnWriteArrayList<>();
            Cancellable relaidOut = service.request(key("/same.jpg"), first::add);
            held.awaitStarted();
            relaidOut.cancel();
            CompletableFuture<ThumbnailResult> again = new CompletableFuture<>();
            CompletableFuture<ThumbnailResult> preview = new CompletableFuture<>();
            service.request(key("/same.jpg"), again::complete);
            service.request(key("/same.jpg"), -1, preview::complete);
            Thread.sleep(300); // two idle workers had time to take them up, and must not have
            held.release();
            assertInstanceOf(ThumbnailResult.Ready.class, again.get(10, TimeUnit.SECONDS));
            assertInstanceOf(ThumbnailResult.Ready.class, preview.get(10, TimeUnit.SECONDS));
            assertEquals(List.of("/same.jpg"), held.reads);
            assertEquals(1, service.stats().made());
            assertTrue(first.isEmpty(), "the cancelled request is not answered");
        }
    }

    @Test
    void whenTheQueueOverflowsTheLeastUrgentRequestIsDropped() throws Exception {
        HeldSource held = new HeldSource(null);
        try (ThumbnailService service = new ThumbnailService(held, ThumbnailCache.NONE, ThumbnailSettings.DEFAULT.withWorkers(1).withQueueCapacity(2))) {
            service.request(key("/busy.jpg"), r -> {});
            held.awaitStarted();
            CompletableFuture<ThumbnailResult> onScreen = new CompletableFuture<>();
            CompletableFuture<ThumbnailResult> farAway = new CompletableFuture<>();
            service.request(key("/on-screen.jpg"), 1, onScreen::complete);
            service.request(key("/far-away.jpg"), 900, farAway::complete);
            service.request(key("/next.jpg"), 2, r -> {});
            assertInstanceOf(ThumbnailResult.Dropped.class, farAway.get(1, TimeUnit.SECONDS));
            assertEquals(2, service.pending());
            assertEquals(1, service.stats().dropped());
            held.release();
            assertInstanceOf(ThumbnailResult.Ready.class, onScreen.get(10, TimeUnit.SECONDS));
        }
    }

    /** A source whose reads of one path (of every path, for null) wait until released; every read is recorded in order. */
    private static final class HeldSource implements ThumbnailSource {
        final List<String> reads = new CopyOnWriteArrayList<>();
        private final String held;
        private final CountDownLatch started = new CountDownLatch(1);
        private final CountDownLatch released = new CountDownLatch(1);

        HeldSource(String held) {
            this.held = held;
        }

        @Override
        public byte[] read(String path, long maxBytes) throws Exception {
            reads.add(path);
            if (held == null || held.equals(path)) {
                started.countDown();
                released.await(10, TimeUnit.SECONDS);
            }
            return TestImages.jpeg(40, 40);
        }

        void awaitStarted() throws InterruptedException {
            assertTrue(started.await(10, TimeUnit.SECONDS), "a read began");
        }

        void release() {
            released.countDown();
        }
    }

    @Test
    void theMemoryCacheStaysWithinItsBytes() {
        MemoryThumbnailCache cache = new MemoryThumbnailCache(10_000);
        for (int i = 0; i < 50; i++) {
            cache.put(key("/" + i), new ThumbnailResult.Ready(new Thumbnail(new byte[1000], "image/jpeg", 1, 1), ThumbnailResult.Origin.MADE));
        }
        assertTrue(cache.bytes() <= 10_000, "holds " + cache.bytes());
        assertTrue(cache.get(key("/49")).isPresent());
        assertTrue(cache.get(key("/0")).isEmpty());
    }

    @Test
    void theSharedCacheFormatRoundTrips() {
        Thumbnail t = new Thumbnail(new byte[] {1, 2, 3}, "image/png", 7, 9);
        ThumbnailResult.Ready back = assertInstanceOf(ThumbnailResult.Ready.class,
                ThumbnailCodec.decode(ThumbnailCodec.encode(new ThumbnailResult.Ready(t, ThumbnailResult.Origin.MADE)), ThumbnailResult.Origin.SHARED_CACHE).orElseThrow());
        assertEquals(7, back.thumbnail().width());
        assertEquals("image/png", back.thumbnail().mimeType());
        assertEquals(ThumbnailResult.Origin.SHARED_CACHE, back.origin());
        assertEquals("not an image", ((ThumbnailResult.Failed) ThumbnailCodec.decode(
                ThumbnailCodec.encode(new ThumbnailResult.Failed("not an image", ThumbnailResult.Origin.MADE)), ThumbnailResult.Origin.SHARED_CACHE).orElseThrow()).reason());
        assertTrue(ThumbnailCodec.decode(new byte[] {9, 9}, ThumbnailResult.Origin.SHARED_CACHE).isEmpty());
    }

    private static ThumbnailKey key(String path) {
        return new ThumbnailKey(path, 128, 1_000, 10);
    }
}
