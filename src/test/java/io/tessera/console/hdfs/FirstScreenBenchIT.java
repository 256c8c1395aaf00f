package io.tessera.console.hdfs;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.tessera.engine.store.EmptyFiles;
import io.tessera.engine.store.EntryFilter;
import io.tessera.engine.store.FolderCursor;
import java.util.Arrays;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * A measurement, not a timed test (runs only with {@code -Dtessera.bench=true}): the first screen of a 100,000-file
 * folder through the panel's view model (open → first page in its rows, status line set) against the raw engine
 * listing of the same first page, and revealing the folder's last file, on the embedded cluster. Prints medians.
 * <pre>./mvnw -B -o test -Dtest=FirstScreenBenchIT -Dtessera.bench=true -Dsurefire.failIfNoSpecifiedTests=false</pre>
 */
@EnabledIfSystemProperty(named = "tessera.bench", matches = "true")
class FirstScreenBenchIT {
    private static final int FILES = 100_000;
    private static final int RUNS = 7;

    @Test
    void firstScreenOfAHundredThousandFiles() throws Exception {
        HdfsTesting t = new HdfsTesting();
        String folder = HdfsTesting.freshFolder("firstscreen");
        long made = System.nanoTime();
        EmptyFiles.create(HdfsTesting.connection(), folder, FILES, "img", "jpg", 64);
        System.out.printf(Locale.ROOT, "created %,d files in %,d ms%n", FILES, (System.nanoTime() - made) / 1_000_000);

        long[] raw = new long[RUNS];
        long[] viewModel = new long[RUNS];
        long[] reported = new long[RUNS];
        long[] reveal = new long[RUNS];
        for (int run = -1; run < RUNS; run++) {
            long began = System.nanoTime();
            FolderCursor cursor = HdfsTesting.backend().browser().list(folder, EntryFilter.ALL);
            assertEquals(FolderViewModel.DEFAULT_PAGE, cursor.nextPage(FolderViewModel.DEFAULT_PAGE).size());
            long rawNanos = System.nanoTime() - began;

            FolderViewModel vm = new FolderViewModel(t.source(), t.tasks, FolderViewModel.DEFAULT_PAGE);
            began = System.nanoTime();
            vm.open(folder);
            long vmNanos = System.nanoTime() - began;
            assertEquals(FolderViewModel.DEFAULT_PAGE, vm.entries().size());

            FolderViewModel revealing = new FolderViewModel(t.source(), t.tasks, FolderViewModel.DEFAULT_PAGE);
            began = System.nanoTime();
            revealing.reveal(folder + String.format(Locale.ROOT, "/img-%06d.jpg", FILES - 1));
            long revealNanos = System.nanoTime() - began;
            assertEquals(FILES, revealing.entries().size());
            if (run >= 0) { // run -1 warms up
                raw[run] = rawNanos / 1_000;
                viewModel[run] = vmNanos / 1_000;
                reported[run] = vm.firstPageMillis().get();
                reveal[run] = revealNanos / 1_000_000;
                System.out.printf(Locale.ROOT, "run %d: raw first page %.1f ms, view model first screen %.1f ms (status: %s), reveal last file %d ms%n",
                        run, rawNanos / 1e6, vmNanos / 1e6, vm.status().get(), reveal[run]);
            }
        }
        double rawMs = median(raw) / 1_000.0;
        double vmMs = median(viewModel) / 1_000.0;
        System.out.printf(Locale.ROOT, "median of %d: raw first page %.1f ms, view model first screen %.1f ms (%.2fx raw; status line said %d ms), reveal of the last of %,d files %d ms%n",
                RUNS, rawMs, vmMs, vmMs / rawMs, median(reported), FILES, median(reveal));
    }

    private static long median(long[] values) {
        long[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }
}
