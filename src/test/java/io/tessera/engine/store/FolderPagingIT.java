package io.tessera.engine.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** A 100,000-file folder: the first page costs one server call and the folder size comes with it. */
class FolderPagingIT {
    private static final int FILES = 100_000;

    @Test
    void aHundredThousandFilesAreListedPageByPage() throws Exception {
        String folder = StoreFixtures.freshFolder("paging");
        long began = System.nanoTime();
        EmptyFiles.create(StoreFixtures.connection(), folder, FILES, "f", "jpg", 64);
        System.out.printf("created %d files in %d ms%n", FILES, (System.nanoTime() - began) / 1_000_000);

        HdfsBrowser browser = new HdfsBrowser(StoreFixtures.connection());
        FolderCursor cursor = browser.list(folder, EntryFilter.ALL);
        assertEquals(0, cursor.serverCalls(), "opening a folder lists nothing yet");

        List<HdfsEntry> first = cursor.nextPage(200);
        assertEquals(200, first.size());
        assertEquals(1, cursor.serverCalls(), "the first page needs one batch");
        assertTrue(cursor.entriesFetched() < 2_000, "fetched " + cursor.entriesFetched() + " for the first page");
        assertEquals(FILES, cursor.totalEntries().orElseThrow());
        assertTrue(cursor.hasMore());
        assertEquals("f-000000.jpg", first.getFirst().name());
        assertEquals(folder + "/f-000000.jpg", first.getFirst().path());
        assertEquals("-rw-r--r--", first.getFirst().permission());

        Set<String> names = new HashSet<>();
        first.forEach(e -> names.add(e.name()));
        for (List<HdfsEntry> page = cursor.nextPage(5_000); !page.isEmpty(); page = cursor.nextPage(5_000)) {
            page.forEach(e -> names.add(e.name()));
        }
        assertEquals(FILES, names.size());
        assertTrue(cursor.serverCalls() >= FILES / 1_000, "listed in " + cursor.serverCalls() + " batches");
        assertTrue(!cursor.hasMore());
    }
}
