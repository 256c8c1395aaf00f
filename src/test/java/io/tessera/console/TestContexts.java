package io.tessera.console;

import io.tessera.console.app.AppContext;
import io.tessera.console.common.BackgroundTasks;
import io.tessera.console.common.ManualUiThread;
import io.tessera.console.theme.Theme;
import io.tessera.engine.AppDirectories;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The console wired as in the app, under a temporary home, with a hand-driven UI thread, background
 * work on the calling thread (a command has finished when it returns) and recorded side effects.
 */
public final class TestContexts {
    public final ManualUiThread ui = new ManualUiThread();
    public final List<Theme> appliedThemes = new CopyOnWriteArrayList<>();
    public final List<String> errors = new CopyOnWriteArrayList<>();
    public final AtomicInteger exits = new AtomicInteger();
    public final AppDirectories dirs;
    public final BackgroundTasks tasks = BackgroundTasks.sameThread(ui);
    public final AppContext context;

    public TestContexts(Path home) {
        this.dirs = AppDirectories.under(home);
        this.context = new AppContext(dirs, ui, tasks, appliedThemes::add, exits::incrementAndGet,
                (what, reason) -> errors.add(what + ": " + reason));
    }

    /**
     * Holds the local cluster folder's lock, as a running cluster in this JVM would: the embedded
     * cluster then refuses to start at once, so tests can activate Local without starting real servers.
     */
    public FileChannel lockLocalClusterFolder() throws IOException {
        Files.createDirectories(dirs.localCluster());
        FileChannel channel = FileChannel.open(dirs.localCluster().resolve("cluster.lock"), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        channel.lock();
        return channel;
    }

    /** Pulses the UI until the condition holds, or fails after the timeout. */
    public void pulseUntil(Duration timeout, BooleanSupplier condition) throws Exception {
        WaitForAsyncUtils.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS, () -> {
            ui.pulse();
            return condition.getAsBoolean();
        });
    }
}
