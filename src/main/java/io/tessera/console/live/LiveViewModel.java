package io.tessera.console.live;

import io.tessera.console.connection.ConnectionSource;
import io.tessera.console.common.BackgroundTasks;
import io.tessera.console.common.Formats;
import io.tessera.console.common.PulseBatch;
import io.tessera.console.common.UiThread;
import io.tessera.console.connection.ActiveConnection;
import io.tessera.engine.connect.ConnectionTarget;
import io.tessera.engine.dispatch.QueueDepth;
import io.tessera.engine.events.Event;
import io.tessera.engine.events.EventFollower;
import io.tessera.engine.events.EventGap;
import io.tessera.engine.events.EventType;
import io.tessera.engine.events.FollowerListener;
import io.tessera.engine.events.FollowerState;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.LongSupplier;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyLongProperty;
import javafx.beans.property.ReadOnlyLongWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The Live panel: every event of the cluster, newest first, as the follower delivers them (exactly once, in
 * order). The follower's thread only offers to a {@link PulseBatch}; every frame applies what arrived since the last
 * one (at most {@link #PER_FRAME} events, so a burst is spread over frames) as one change of the feed, the error list
 * and the rates. History is bounded ({@link #HISTORY} rows) and says how many older rows it dropped; pause keeps
 * collecting and counts what waits. The charts move once a second: rates averaged over a window by event time
 * ({@link RateSeries}), the queue depth as sampled, each sample holding until the next ({@link GaugeSeries}).
 */
public final class LiveViewModel {
    /** Rows kept (and waiting while paused); older ones are dropped with a notice. */
    public static final int HISTORY = 20_000;
    /** Recorded events shown when following starts. */
    public static final int BACKLOG = 500;
    static final int ERRORS = 1_000;
    /** Events applied in one frame at most: a burst (the backlog, a reconnect's replay) never makes a frame long. */
    static final int PER_FRAME = 2_000;
    static final int CHART_LINES = 6;
    static final Duration DEPTH_INTERVAL = Duration.ofSeconds(1);
    static final String QUEUED = "queued";
    static final String RUNNING = "running";
    static final String FAILED = "failed";

    private final ActiveConnection connection;
    private final ConnectionSource<LiveBackend> source;
    private final BackgroundTasks tasks;
    private final Consumer<String> openInBrowser;
    private final LongSupplier clock;
    private final PulseBatch<Incoming> incoming;
    private final ArrayDeque<LiveRow> history = new ArrayDeque<>();
    private final List<LiveRow> waiting = new ArrayList<>();
    private final FeedList<LiveRow> feed = new FeedList<>();
    private final ObservableList<LiveRow> feedView = FXCollections.unmodifiableObservableList(feed);
    private final ObservableList<LiveRow> errors = FXCollections.observableArrayList();
    private final ObservableList<LiveRow> errorsView = FXCollections.unmodifiableObservableList(errors);
    private final ObservableList<String> jobs = FXCollections.observableArrayList("");
    private final ObservableList<String> workers = FXCollections.observableArrayList("");
    private final Set<String> seenJobs = new HashSet<>();
    private final Set<String> seenWorkers = new HashSet<>();
    private final StringProperty jobFilter = new SimpleStringProperty("");
    private final StringProperty workerFilter = new SimpleStringProperty("");
    private final StringProperty textFilter = new SimpleStringProperty("");
    private final ObjectProperty<EventType> typeFilter = new SimpleObjectProperty<>();
    private final BooleanProperty paused = new SimpleBooleanProperty();
    private final BooleanProperty followTail = new SimpleBooleanProperty(true);
    private final ReadOnlyIntegerWrapper waitingCount = new ReadOnlyIntegerWrapper();
    private final ReadOnlyLongWrapper trimmed = new ReadOnlyLongWrapper();
    private final ReadOnlyLongWrapper received = new ReadOnlyLongWrapper();
    private final ReadOnlyStringWrapper gapNotice = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper state = new ReadOnlyStringWrapper("Not following");
    private final ReadOnlyStringWrapper subtitle = new ReadOnlyStringWrapper("");
    private final ReadOnlyIntegerWrapper chartRevision = new ReadOnlyIntegerWrapper();
    private final RateSeries jobRates = new RateSeries();
    private final RateSeries workerRates = new RateSeries();
    private final RateSeries errorRates = new RateSeries();
    private final GaugeSeries depth = new GaugeSeries();
    private final LiveThumbnails thumbnails;
    private long seq;
    private long chartMillis;
    /** The follower delivers events as they happen (not replaying the record): their delays tell how complete the rates are. */
    private boolean live;
    private int generation;
    private boolean shown;
    private boolean opened;
    private Started running;

    public LiveViewModel(ActiveConnection connection, BackgroundTasks tasks, UiThread ui, Consumer<String> openInBrowser) {
        this(connection, LiveBackend.of(connection), tasks, ui, openInBrowser, System::currentTimeMillis);
    }

    /** With the engine objects from {@code source} (tests and benchmarks use their own key prefix) and a clock for the charts. */
    public LiveViewModel(ActiveConnection connection, ConnectionSource<LiveBackend> source, BackgroundTasks tasks, UiThread ui,
                  Consumer<String> openInBrowser, LongSupplier clock) {
        this.connection = connection;
        this.source = source;
        this.tasks = tasks;
        this.openInBrowser = openInBrowser;
        this.clock = clock;
        this.incoming = PulseBatch.everyFrame(ui, PER_FRAME, this::apply);
        this.chartMillis = clock.getAsLong();
        this.thumbnails = new LiveThumbnails(() -> running == null ? null : running.backend, ui);
        ui.onPulse(this::tick);
        jobFilter.addListener((obs, old, now) -> refilter());
        workerFilter.addListener((obs, old, now) -> refilter());
        textFilter.addListener((obs, old, now) -> refilter());
        typeFilter.addListener((obs, old, now) -> refilter());
        paused.addListener((obs, was, now) -> {
            if (!now) {
                resume();
            }
        });
        connection.targetProperty().addListener((obs, old, now) -> reconnect(now));
        subtitle.set(describe(connection.targetProperty().get()));
    }

    /** The panel became visible (or hidden): the first time with a connection, following starts (and then goes on while hidden). */
    public void setShown(boolean visible) {
        shown = visible;
        openIfNeeded();
    }

    private void openIfNeeded() {
        if (!shown || opened || connection.targetProperty().get() == null) {
            return;
        }
        opened = true;
        int mine = generation;
        state.set("Connecting…");
        FollowerListener listener = new FollowerListener() {
            @Override
            public void onEvent(Event event) {
                incoming.offer(new Incoming(mine, event));
            }

            @Override
            public void onGap(EventGap gap) {
                incoming.offer(new Incoming(mine, gap));
            }

            @Override
            public void onState(FollowerState now, String detail) {
                incoming.offer(new Incoming(mine, new StateChange(now, detail)));
            }
        };
        tasks.run("Following live events", () -> {
            LiveBackend made = source.get();
            AutoCloseable depth = made.sampleDepth(DEPTH_INTERVAL, d -> incoming.offer(new Incoming(mine, d)));
            return new Started(made, made.follow(BACKLOG, listener), depth);
        }, started -> {
            if (mine == generation) {
                running = started;
            } else {
                stop(started);
            }
        }, reason -> {
            state.set("Not following: " + reason);
            opened = false;
        });
    }

    private void reconnect(ConnectionTarget target) {
        generation++;
        live = false;
        stop(running);
        running = null;
        opened = false;
        clear();
        jobRates.clear();
        workerRates.clear();
        errorRates.clear();
        depth.clear();
        state.set("Not following");
        subtitle.set(describe(target));
        openIfNeeded();
    }

    private void stop(Started stopping) {
        if (stopping != null) {
            tasks.run("Stopping the live feed", () -> {
                stopping.depth.close();
                stopping.follower.close();
                return null;
            }, ignored -> { }, reason -> { });
        }
    }

    /** On a frame: what the follower delivered since the last one (up to {@link #PER_FRAME}), as one change per list. */
    private void apply(List<Incoming> batch) {
        long now = clock.getAsLong();
        List<LiveRow> rows = new ArrayList<>(batch.size());
        for (Incoming item : batch) {
            if (item.generation != generation) {
                continue;
            }
            switch (item.payload) {
                case Event event -> {
                    LiveRow row = new LiveRow(++seq, event);
                    rows.add(row);
                    count(row, now);
                }
                case EventGap gap -> gapNotice.set(gap.describe() + " (after " + gap.lastSeenId() + ")");
                case StateChange change -> {
                    state.set(change.describe());
                    live = change.state() == FollowerState.LIVE;
                }
                case QueueDepth depth -> recordDepth(depth, now);
                default -> throw new IllegalStateException();
            }
        }
        if (rows.isEmpty()) {
            return;
        }
        received.set(received.get() + rows.size());
        addErrors(rows);
        if (paused.get()) {
            waiting.addAll(rows);
            int over = waiting.size() - HISTORY;
            if (over > 0) {
                waiting.subList(0, over).clear();
                trimmed.set(trimmed.get() + over);
            }
            waitingCount.set(waiting.size());
        } else {
            show(rows);
        }
    }

    private void count(LiveRow row, long now) {
        Event event = row.event();
        if (event.type() == EventType.IMAGE_DONE || event.type() == EventType.IMAGE_FAILED) {
            jobRates.count(event.job(), event.time(), now, live);
            workerRates.count(event.worker(), event.time(), now, live);
            if (!seenJobs.contains(event.job()) && event.job() != null) {
                seenJobs.add(event.job());
                jobs.add(event.job());
            }
            if (!seenWorkers.contains(event.worker()) && event.worker() != null) {
                seenWorkers.add(event.worker());
                workers.add(event.worker());
            }
        }
        if (row.isError()) {
            errorRates.count(FAILED, event.time(), now, live);
        }
    }

    private void addErrors(List<LiveRow> rows) {
        List<LiveRow> newestFirst = rows.reversed().stream().filter(LiveRow::isError).toList();
        if (!newestFirst.isEmpty()) {
            errors.addAll(0, newestFirst);
            if (errors.size() > ERRORS) {
                errors.remove(ERRORS, errors.size());
            }
        }
    }

    /** Adds rows (oldest first) to the history and the matching ones on top of the feed; drops what falls out of the history. */
    private void show(List<LiveRow> rows) {
        history.addAll(rows);
        long dropped = 0;
        while (history.size() > HISTORY) {
            history.pollFirst();
            dropped++;
        }
        if (dropped > 0) {
            trimmed.set(trimmed.get() + dropped);
        }
        List<LiveRow> matching = new ArrayList<>(rows.size());
        for (LiveRow row : rows.reversed()) {
            if (matches(row)) {
                matching.add(row);
            }
        }
        // the rows that fell out of the history leave the bottom of the feed in the same change
        long oldestKept = history.isEmpty() ? Long.MAX_VALUE : history.peekFirst().seq();
        int keep = feed.size() + matching.size();
        while (keep > 0 && (keep > matching.size() ? feed.get(keep - 1 - matching.size()) : matching.get(keep - 1)).seq() < oldestKept) {
            keep--;
        }
        feed.prependAndKeep(matching, keep);
    }

    private void resume() {
        List<LiveRow> released = new ArrayList<>(waiting);
        waiting.clear();
        waitingCount.set(0);
        if (!released.isEmpty()) {
            show(released);
        }
    }

    private void refilter() {
        List<LiveRow> matching = new ArrayList<>();
        for (Iterator<LiveRow> newestFirst = history.descendingIterator(); newestFirst.hasNext(); ) {
            LiveRow row = newestFirst.next();
            if (matches(row)) {
                matching.add(row);
            }
        }
        feed.replaceAll(matching);
    }

    private boolean matches(LiveRow row) {
        Event event = row.event();
        String job = jobFilter.get();
        String worker = workerFilter.get();
        String text = textFilter.get();
        return (job == null || job.isBlank() || job.equals(event.job()))
                && (worker == null || worker.isBlank() || worker.equals(event.worker()))
                && (typeFilter.get() == null || typeFilter.get() == event.type())
                && (text == null || text.isBlank() || row.mentions(text.strip().toLowerCase(Locale.ROOT)));
    }

    /** Empties the feed, the waiting rows and the error list (following goes on). */
    public void clear() {
        history.clear();
        waiting.clear();
        feed.clear();
        errors.clear();
        waitingCount.set(0);
        trimmed.set(0);
        gapNotice.set("");
    }

    /** Shows the image an error names in the HDFS browser. */
    public void openError(LiveRow row) {
        if (row != null && row.event().type() == EventType.IMAGE_FAILED && !row.subject().isEmpty()) {
            openInBrowser.accept(row.subject());
        }
    }

    /** Once a second while shown: the charts move on. */
    private void tick() {
        long now = clock.getAsLong();
        if (now / 1000 == chartMillis / 1000) {
            return;
        }
        chartMillis = now;
        if (shown) {
            chartRevision.set(chartRevision.get() + 1);
        }
    }

    private void recordDepth(QueueDepth sample, long now) {
        depth.set(QUEUED, now, Math.max(0, sample.high() + sample.normal() - sample.pending()));
        depth.set(RUNNING, now, sample.pending());
    }

    /** Images (done + failed) per second for the busiest jobs, last two minutes, each point averaged over {@value RateSeries#AVERAGE_SECONDS} s. */
    public List<ChartLine> jobRates() {
        return rates(jobRates, jobRates.busiest(chartMillis, CHART_LINES));
    }

    public List<ChartLine> workerRates() {
        return rates(workerRates, workerRates.busiest(chartMillis, CHART_LINES));
    }

    /** Failed images and dead tasks per second. */
    public List<ChartLine> errorRate() {
        return rates(errorRates, List.of(FAILED));
    }

    /** Tasks waiting and running in the dispatch queue, sampled once a second (NaN before the first sample). */
    public List<ChartLine> queueDepth() {
        return List.of(new ChartLine(QUEUED, depth.values(QUEUED, chartMillis)), new ChartLine(RUNNING, depth.values(RUNNING, chartMillis)));
    }

    private List<ChartLine> rates(RateSeries series, List<String> keys) {
        return keys.stream().map(k -> new ChartLine(k, series.rates(k, chartMillis))).toList();
    }

    private static String describe(ConnectionTarget target) {
        return target == null ? "Not connected: the profile's cluster is not up yet"
                : "Profile " + target.profileName() + " · events from Redis " + target.redisDescription();
    }

    /** "12,345 older events trimmed (the feed keeps the newest 20,000)", or "". */
    public String trimmedNotice() {
        return trimmed.get() == 0 ? "" : Formats.number(trimmed.get()) + " older events trimmed (the feed keeps the newest " + Formats.number(HISTORY) + ")";
    }

    public ObservableList<LiveRow> feed() {
        return feedView;
    }

    public ObservableList<LiveRow> errors() {
        return errorsView;
    }

    public ObservableList<String> jobs() {
        return jobs;
    }

    public ObservableList<String> workers() {
        return workers;
    }

    public StringProperty jobFilter() {
        return jobFilter;
    }

    public StringProperty workerFilter() {
        return workerFilter;
    }

    public StringProperty textFilter() {
        return textFilter;
    }

    public ObjectProperty<EventType> typeFilter() {
        return typeFilter;
    }

    public BooleanProperty paused() {
        return paused;
    }

    public BooleanProperty followTail() {
        return followTail;
    }

    public ReadOnlyIntegerProperty waitingCount() {
        return waitingCount.getReadOnlyProperty();
    }

    public ReadOnlyLongProperty trimmed() {
        return trimmed.getReadOnlyProperty();
    }

    public ReadOnlyLongProperty received() {
        return received.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty gapNotice() {
        return gapNotice.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty state() {
        return state.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty subtitle() {
        return subtitle.getReadOnlyProperty();
    }

    /** Moves once a second while shown: the charts redraw. */
    public ReadOnlyIntegerProperty chartRevision() {
        return chartRevision.getReadOnlyProperty();
    }

    public LiveThumbnails thumbnails() {
        return thumbnails;
    }

    /** One chart line: a value per second for the last {@link ChartPoints#COUNT} seconds, oldest first; NaN where none is known. */
    public record ChartLine(String name, double[] values) { }

    private record Started(LiveBackend backend, EventFollower follower, AutoCloseable depth) { }

    private record Incoming(int generation, Object payload) { }

    private record StateChange(FollowerState state, String detail) {
        String describe() {
            return switch (state) {
                case CONNECTING -> "Connecting…";
                case REPLAYING -> "Catching up from the results stream…";
                case LIVE -> "Live";
                case RECONNECTING -> "Reconnecting: " + detail;
                case CLOSED -> "Stopped";
            };
        }
    }
}
