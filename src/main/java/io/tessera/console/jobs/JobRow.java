package io.tessera.console.jobs;

import io.tessera.console.common.Formats;
import io.tessera.engine.dispatch.JobState;
import io.tessera.engine.dispatch.JobStatus;
import io.tessera.engine.events.JobCounts;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;

/**
 * One job in the jobs table. The row object stays while the job is listed (so the table keeps its selection)
 * and its status and rate change in place on each refresh.
 */
public final class JobRow {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss").withZone(ZoneId.systemDefault());
    private static final DateTimeFormatter DAY_TIME = DateTimeFormatter.ofPattern("MM-dd HH:mm").withZone(ZoneId.systemDefault());

    private final String id;
    private final ReadOnlyObjectWrapper<JobStatus> status;
    private final ReadOnlyDoubleWrapper rate = new ReadOnlyDoubleWrapper(Double.NaN);
    private final RateMeter meter = new RateMeter();

    JobRow(JobStatus first, long nowNanos, Instant now) {
        this.id = first.job();
        this.status = new ReadOnlyObjectWrapper<>(first);
        rate.set(meter.update(first, nowNanos, now));
    }

    void update(JobStatus next, long nowNanos, Instant now) {
        rate.set(meter.update(next, nowNanos, now));
        if (!next.equals(status.get())) {
            status.set(next);
        }
    }

    public String id() {
        return id;
    }

    public JobStatus status() {
        return status.get();
    }

    public ReadOnlyObjectProperty<JobStatus> statusProperty() {
        return status.getReadOnlyProperty();
    }

    /** Images per second (NaN when not known). */
    public ReadOnlyDoubleProperty rateProperty() {
        return rate.getReadOnlyProperty();
    }

    public String stateText() {
        return status().state().name().toLowerCase(Locale.ROOT);
    }

    /** Share of the images finished (done or failed), 0–1, per image (tasks still running included). */
    public double progress() {
        JobCounts c = status().counts();
        if (status().state() == JobState.FINISHED && c.dead() == 0) {
            return 1;
        }
        return c.images() == 0 ? 0 : Math.min(1, status().processed() / (double) c.images());
    }

    /** Images finished (done or failed) of all: "12 / 40"; the failed ones have a column of their own. */
    public String imagesText() {
        return Formats.number(status().processed()) + " / " + Formats.number(status().counts().images());
    }

    public long failures() {
        return status().counts().failed();
    }

    /** Images failed, "0" included: a blank cell would read as not known yet. */
    public String failedText() {
        return Formats.number(failures());
    }

    public String rateText() {
        double r = rate.get();
        return Double.isNaN(r) ? "" : String.format(Locale.ROOT, r >= 10 ? "%.0f" : "%.1f", r);
    }

    /** Time left at the current rate, for a running job; empty otherwise. */
    public String etaText() {
        double r = rate.get();
        long left = status().counts().images() - status().processed();
        if (status().state() != JobState.RUNNING || Double.isNaN(r) || r <= 0 || left <= 0) {
            return "";
        }
        long seconds = (long) Math.ceil(left / r);
        // short forms: the column is narrow ("2 min 30 s" was cut), and seconds mean nothing ten minutes out
        if (seconds < 60) {
            return seconds + " s";
        }
        if (seconds < 600) {
            return String.format(java.util.Locale.ROOT, "%dm %02ds", seconds / 60, seconds % 60);
        }
        if (seconds < 3600) {
            return (seconds + 59) / 60 + " min";
        }
        long minutes = (seconds + 59) / 60;
        return String.format(java.util.Locale.ROOT, "%dh %02dm", minutes / 60, minutes % 60);
    }

    public String createdText() {
        return clock(status().created());
    }

    public String startedText() {
        return clock(status().started());
    }

    /** The time of day for today, the date and minute before. */
    private static String clock(Instant at) {
        if (at == null) {
            return "";
        }
        boolean today = at.atZone(ZoneId.systemDefault()).toLocalDate().equals(java.time.LocalDate.now());
        return (today ? TIME : DAY_TIME).format(at);
    }
}
