package io.tessera.console.jobs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tessera.console.common.BackgroundTasks;
import io.tessera.console.common.ManualUiThread;
import io.tessera.engine.dispatch.DispatchSettings;
import io.tessera.engine.dispatch.ImageOutcome;
import io.tessera.engine.dispatch.JobState;
import io.tessera.engine.dispatch.JobStatus;
import io.tessera.engine.dispatch.TaskConsumer;
import io.tessera.engine.dispatch.TaskHandler;
import io.tessera.engine.events.JobCounts;
import java.nio.file.Path;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.util.WaitForAsyncUtils;

/** The Jobs panel's view models against the shared cluster, with the console's worker pool doing the work. */
class JobsViewModelIT {
    private final ManualUiThread ui = new ManualUiThread();
    private final BackgroundTasks tasks = BackgroundTasks.sameThread(ui);
    private final AtomicReference<String> hdfsSelection = new AtomicReference<>();
    @TempDir Path config;
    private JobsTesting world;
    private JobsViewModel vm;

    @BeforeEach
    void wire() {
        world = new JobsTesting(tasks, ui, config, hdfsSelection::get);
        vm = world.viewModel;
        vm.setShown(true);
    }

    @AfterEach
    void unwire() {
        world.close();
    }

    @Test
    void aJobLaunchedFromTheFormRunsOnTheConsolePoolToDoneWithExactCountsAndItsFailuresCanBeRetried() throws Exception {
        String input = world.folder(5, "empty.jpg", "text.png", "..%2F..%2Fescape.jpg");
        pulseUntil(() -> world.pool.running().get());
        assertEquals("Local worker: 2 threads, on", world.pool.status().get());

        LauncherViewModel form = vm.launcher();
        hdfsSelection.set(input);
        form.useHdfsSelection();
        assertEquals(input, form.input().get());
        form.ops().getFirst().value(0).set("64");
        form.addOp(OpKind.GRAYSCALE);
        form.shardImages().set(3);
        form.imagesPerTask().set(2);
        form.estimate();
        assertTrue(form.problems().isEmpty(), form.problems().toString());
        assertTrue(form.estimateText().get().startsWith("7 images · "), form.estimateText().get());
        assertTrue(form.estimateText().get().contains("3 shards · 4 tasks\n1 hidden file left out (its name starts with '.')\n"),
                form.estimateText().get());
        assertTrue(form.estimateText().get().contains("No throughput measured yet"), form.estimateText().get());
        assertTrue(form.estimateText().get().contains("/_derived/<new job id>/thumbnail-64_grayscale"), form.estimateText().get());

        form.start();
        assertTrue(form.problems().isEmpty(), form.problems().toString());
        pulseUntil(() -> vm.selected().get() != null);
        String job = vm.selected().get().id();
        assertTrue(job.matches("thumbs-\\d{8}-\\d{4}-[0-9a-f]{4}"), job);
        assertEquals(job, vm.rows().getFirst().id(), "newest first");
        pulseUntil(() -> vm.selectedStatus().get().state() == JobState.FINISHED);
        JobStatus done = vm.selectedStatus().get();
        assertEquals(new JobCounts(4, 7, 4, 5, 2, 0, 0, 0), done.counts());
        assertEquals(1.0, vm.selected().get().progress());
        assertEquals("7 / 7", vm.selected().get().imagesText(), "done and failed are finished");
        assertEquals(2, vm.selected().get().failures());
        assertFalse(vm.canCancel().get());
        assertTrue(vm.canRetryFailed().get());

        JobDetailViewModel detail = vm.detail();
        pulseUntil(() -> detail.errors().size() == 2);
        assertTrue(detail.errors().stream().anyMatch(e -> e.startsWith(input + "/empty.jpg: ")), detail.errors().toString());
        assertTrue(detail.errors().stream().anyMatch(e -> e.startsWith(input + "/text.png: ")), detail.errors().toString());
        assertEquals(3, detail.shards().size());
        assertEquals(7, detail.shards().stream().mapToInt(JobDetailViewModel.ShardLine::images).sum());
        assertTrue(detail.deadLetters().isEmpty());

        form.estimate();
        assertTrue(form.estimateText().get().contains("images/s (measured on recent jobs)"), form.estimateText().get());

        vm.retryFailed();
        assertTrue(vm.message().get().startsWith("Started retry-"), vm.message().get());
        pulseUntil(() -> vm.selected().get() != null && !vm.selected().get().id().equals(job));
        String retry = vm.selected().get().id();
        assertTrue(retry.startsWith("retry-"), retry);
        pulseUntil(() -> vm.selectedStatus().get().state() == JobState.FINISHED);
        JobCounts again = vm.selectedStatus().get().counts();
        assertEquals(2, again.images(), "a job over the failed images only");
        assertEquals(2, again.failed(), "still bad: they fail again, with their reasons");
        assertEquals(java.util.List.of(retry, job), vm.rows().stream().map(JobRow::id).limit(2).toList());
    }

    @Test
    void pauseResumeAndCancelFollowTheSelectedJobsState() throws Exception {
        world.pool.setEnabled(false);
        pulseUntil(() -> "Local worker: off".equals(world.pool.status().get()));
        String input = world.folder(4);
        vm.launcher().input().set(input);
        vm.launcher().start();
        pulseUntil(() -> vm.selected().get() != null);
        assertEquals(JobState.QUEUED, vm.selectedStatus().get().state(), "no worker on these keys");
        assertTrue(vm.canPause().get());
        assertFalse(vm.canResume().get());

        vm.pause();
        pulseUntil(() -> vm.selectedStatus().get().state() == JobState.PAUSED);
        assertTrue(vm.canResume().get());
        assertFalse(vm.canPause().get());
        assertTrue(vm.message().get().startsWith("Paused "), vm.message().get());

        world.pool.setEnabled(true);
        pulseUntil(() -> world.pool.running().get());
        Thread.sleep(1500);
        assertEquals(0, vm.selectedStatus().get().counts().done(), "a paused job's tasks are held");

        vm.resume();
        pulseUntil(() -> vm.selectedStatus().get().state() == JobState.FINISHED);
        assertEquals(4, vm.selectedStatus().get().counts().done());

        world.pool.setEnabled(false);
        pulseUntil(() -> "Local worker: off".equals(world.pool.status().get()));
        vm.launcher().start();
        pulseUntil(() -> vm.rows().size() == 2 && vm.selectedStatus().get().state() == JobState.QUEUED);
        assertNotEquals(vm.rows().get(1).id(), vm.selected().get().id());
        vm.cancel();
        pulseUntil(() -> vm.selectedStatus().get().state() == JobState.CANCELLED);
        assertFalse(vm.canCancel().get());
        assertFalse(vm.canRetryFailed().get(), "nothing failed");
    }

    @Test
    void failuresThatComeWithinSecondsOfTheLastReadAreListedWhenTheSecondsAreUp() throws Exception {
        world.pool.setEnabled(false);
        pulseUntil(() -> "Local worker: off".equals(world.pool.status().get()));
        vm.launcher().input().set(world.folder(6));
        vm.launcher().imagesPerTask().set(2);
        vm.launcher().start();
        pulseUntil(() -> vm.selected().get() != null);
        // a worker failing every image, one task at a time when the test says so
        Semaphore next = new Semaphore(0);
        TaskHandler failing = (task, control) -> {
            if (!next.tryAcquire(60, TimeUnit.SECONDS)) {
                throw new IllegalStateException("not released");
            }
            return task.images().stream().map(i -> (ImageOutcome) new ImageOutcome.Failed(i, "bad")).toList();
        };
        DispatchSettings one = DispatchSettings.defaults().withHandlerThreads(1).withPrefetch(0);
        try (TaskConsumer worker = new TaskConsumer(world.files.redis(), world.keys, one, "w-test", failing).start()) {
            next.release();
            pulseUntil(() -> vm.detail().errors().size() == 2);
            // the second task fails within the few seconds the details are not read again: they are read when those are up
            next.release();
            pulseUntil(() -> vm.selectedStatus().get().counts().failed() == 4);
            assertEquals(JobState.RUNNING, vm.selectedStatus().get().state(), "a task is still held: no state change to read on");
            pulseUntil(() -> vm.detail().errors().size() == 4);
            next.release();
            pulseUntil(() -> vm.selectedStatus().get().state() == JobState.FINISHED);
        }
    }

    @Test
    void theFormListsItsProblemsInsteadOfStarting() {
        LauncherViewModel form = vm.launcher();
        form.useHdfsSelection();
        assertEquals("Nothing is selected in the HDFS browser: open a folder there first", form.problems().getFirst());

        form.start();
        assertTrue(form.problems().getFirst().startsWith("Input folder: choose"), form.problems().toString());

        form.input().set("photos");
        OpDraft blur = form.addOp(OpKind.BLUR);
        blur.value(0).set("99");
        OpDraft resize = form.addOp(OpKind.RESIZE);
        assertTrue(resize.error().get().contains("resize needs w=, h= or scale="), resize.error().get());
        resize.value(0).set("800");
        assertEquals("", resize.error().get());
        form.quality().set("2");
        form.estimate();
        assertTrue(form.problems().contains("Input folder: give an absolute HDFS path, e.g. /tessera/photos, not 'photos'"), form.problems().toString());
        assertTrue(form.problems().stream().anyMatch(p -> p.startsWith("Op 2 (Gaussian blur): ") && p.contains("50")), form.problems().toString());
        assertTrue(form.problems().stream().anyMatch(p -> p.startsWith("Output format: ")), form.problems().toString());
        assertTrue(vm.rows().isEmpty(), "nothing started");

        form.removeOp(blur);
        form.quality().set("");
        form.moveOp(resize, -1);
        assertEquals(OpKind.RESIZE, form.ops().getFirst().kind());
        form.input().set("/test/jobsui-nonesuch/in");
        form.estimate();
        assertEquals(1, form.problems().size(), form.problems().toString());
        assertTrue(form.problems().getFirst().contains("no images under /test/jobsui-nonesuch/in"), form.problems().toString());
    }

    private void pulseUntil(BooleanSupplier condition) throws Exception {
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> {
            ui.pulse();
            return condition.getAsBoolean();
        });
    }
}
