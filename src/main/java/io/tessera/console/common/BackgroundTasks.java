package io.tessera.console.common;

import io.tessera.engine.Reasons;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The one executor for background work. Work runs on named daemon threads (or on the calling
 * thread in tests); its result and failure come back on the UI thread. Running tasks are listed
 * by title, oldest first, so the status bar can show what is going on.
 */
public final class BackgroundTasks {
    private final ExecutorService executor;
    private final UiThread ui;
    private final ObservableList<String> running = FXCollections.observableArrayList();
    private final ObservableList<String> runningView = FXCollections.unmodifiableObservableList(running);

    private BackgroundTasks(ExecutorService executor, UiThread ui) {
        this.executor = executor;
        this.ui = ui;
    }

    public static BackgroundTasks daemonThreads(UiThread ui) {
        return new BackgroundTasks(Executors.newCachedThreadPool(Thread.ofPlatform().daemon().name("tessera-bg-", 1).factory()), ui);
    }

    /** Runs every task on the calling thread: deterministic view-model tests. */
    public static BackgroundTasks sameThread(UiThread ui) {
        return new BackgroundTasks(new SameThreadExecutorService(), ui);
    }

    public <T> Future<?> run(String title, Callable<T> work, Consumer<? super T> onSuccess, Consumer<String> onFailure) {
        ui.execute(() -> running.add(title));
        return submit(work, () -> running.remove(title), onSuccess, onFailure);
    }

    /** Like {@link #run} but not listed in the status bar: for polling every second or so, which would only flicker there. */
    public <T> Future<?> runQuietly(Callable<T> work, Consumer<? super T> onSuccess, Consumer<String> onFailure) {
        return submit(work, () -> { }, onSuccess, onFailure);
    }

    private <T> Future<?> submit(Callable<T> work, Runnable over, Consumer<? super T> onSuccess, Consumer<String> onFailure) {
        return executor.submit(() -> {
            try {
                T result = work.call();
                ui.execute(() -> {
                    over.run();
                    onSuccess.accept(result);
                });
            } catch (Exception | LinkageError e) {
                String reason = Reasons.oneLine(e);
                ui.execute(() -> {
                    over.run();
                    onFailure.accept(reason);
                });
            }
        });
    }

    public ObservableList<String> running() {
        return runningView;
    }




    public void shutdown() {
        executor.shutdownNow();
    }
}
